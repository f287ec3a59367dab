/** `querygenie ask`. */
import type { Command } from 'commander';

/** Registers the command(s). */
export function registerAsk(program: Command, setExit: (code: number) => void): void {
  void program;
  void setExit;
}
