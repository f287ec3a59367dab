/**
 * The `querygenie` command line. Each subcommand is one small module under commands/ that
 * registers itself; exit codes are 0 ok, 1 query error, 2 usage error.
 */
import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../app/version';
import { EXIT } from './io';

type Register = (program: Command, setExit: (code: number) => void) => void;

/*
 * Each command module is imported only when its command runs: `web` alone pulls in the whole app
 * (~2 s through tsx) and `ask` the AI SDKs, which `connections list` should not pay for. Help,
 * --version and unknown commands load them all, so help and suggestions stay complete.
 */
const COMMANDS: ReadonlyArray<readonly [names: readonly string[], load: () => Promise<Register>]> = [
  [['web'], async () => (await import('./commands/web')).registerWeb],
  [['query'], async () => (await import('./commands/query')).registerQuery],
  [['introspect'], async () => (await import('./commands/introspect')).registerIntrospect],
  [['explain'], async () => (await import('./commands/explain')).registerExplain],
  [['connections'], async () => (await import('./commands/connections')).registerConnections],
  [['index', 'search'], async () => (await import('./commands/retrieval')).registerRetrieval],
  [['mock'], async () => (await import('./commands/mock')).registerMock],
  [['docs'], async () => (await import('./commands/docs')).registerDocs],
  [['erd'], async () => (await import('./commands/erd')).registerErd],
  [['diff'], async () => (await import('./commands/diff')).registerDiff],
  [['lint'], async () => (await import('./commands/lint')).registerLint],
  [['ask'], async () => (await import('./commands/ask')).registerAsk],
];

/**
 * Builds the program with the command `argv` names, or with every command when `argv` names none
 * (help, --version, a typo); `setExit` records the exit code of the command that ran.
 */
export async function buildProgram(setExit: (code: number) => void, argv: readonly string[] = []): Promise<Command> {
  const program = new Command();
  program
    .name('querygenie')
    .description('QueryGenie: a fast, private database client (SQL IDE, schema docs, BYOK AI).')
    .version(APP_VERSION, '-v, --version')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run querygenie --help for the list of commands)')
    .exitOverride();
  const named = COMMANDS.find(([names]) => names.includes(argv[0] ?? ''));
  for (const [, load] of named ? [named] : COMMANDS) (await load())(program, setExit);
  return program;
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = await buildProgram((c) => (code = c), argv);
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
