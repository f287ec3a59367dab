/** `querygenie docs, diff and lint`. */
import type { Command } from 'commander';

/** Registers the command(s). */
export function registerDocs(program: Command, setExit: (code: number) => void): void {
  void program;
  void setExit;
}
