/** `querygenie erd`. */
import type { Command } from 'commander';

/** Registers the command(s). */
export function registerErd(program: Command, setExit: (code: number) => void): void {
  void program;
  void setExit;
}
