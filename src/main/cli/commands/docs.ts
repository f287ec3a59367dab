/** `querygenie docs, diff and lint`. */
import type { Command } from 'commander';
import { registerDocsExport } from './docsExport';

/** Registers the command(s). */
export function registerDocs(program: Command, setExit: (code: number) => void): void {
  registerDocsExport(program, setExit);
  void program;
  void setExit;
}
