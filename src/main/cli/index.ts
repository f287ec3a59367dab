/**
 * The `querygenie` command line. Each subcommand is one small module under commands/ that
 * registers itself; exit codes are 0 ok, 1 query error, 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../app/version';
import { registerAsk } from './commands/ask';
import { registerConnections } from './commands/connections';
import { registerDiff } from './commands/diff';
import { registerDocs } from './commands/docs';
import { registerErd } from './commands/erd';
import { registerExplain } from './commands/explain';
import { registerIntrospect } from './commands/introspect';
import { registerLint } from './commands/lint';
import { registerMock } from './commands/mock';
import { registerQuery } from './commands/query';
import { registerRetrieval } from './commands/retrieval';
import { registerWeb } from './commands/web';
import { EXIT } from './io';

/** Builds the program; `setExit` records the exit code of the command that ran. */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('querygenie')
    .description('QueryGenie: a fast, private database client (SQL IDE, schema docs, BYOK AI).')
    .version(APP_VERSION, '-v, --version')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run querygenie --help for the list of commands)')
    .exitOverride();
  registerWeb(program, setExit);
  registerQuery(program, setExit);
  registerIntrospect(program, setExit);
  registerExplain(program, setExit);
  registerConnections(program, setExit);
  registerRetrieval(program, setExit);
  registerMock(program, setExit);
  registerDocs(program, setExit);
  registerErd(program, setExit);
  registerDiff(program, setExit);
  registerLint(program, setExit);
  registerAsk(program, setExit);
  return program;
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    throw err;
  }
}
