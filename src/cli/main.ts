// The entry point: runs the program and maps every outcome to an exit code. The only place that
// calls process.exit. 0 done · 1 refused · 2 usage · 70 internal error (a bug).
import { CommanderError } from 'commander';
import { ChecksFailed, Refused, UsageError, ValueError } from '../errors.js';
import { buildProgram, helpArguments } from './program.js';

export const EXIT = { ok: 0, refused: 1, usage: 2, internal: 70 } as const;

/** Commander's English errors, said in Dutch. */
function translateCommanderError(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const suggestion = /Did you mean (.+)\?/.exec(error.message)?.[1];
  const hint = suggestion ? ` Bedoel je ${suggestion}?` : '';
  switch (error.code) {
    case 'commander.unknownOption':
      return `Onbekende optie '${quoted}'.${hint} Zie 'gob <opdracht> --help' voor de opties.`;
    case 'commander.unknownCommand':
      return `Onbekende opdracht '${quoted}'.${hint} Zie 'gob --help' voor de opdrachten.`;
    case 'commander.missingArgument':
      return `Ontbrekend argument <${quoted}>. Zie --help bij de opdracht.`;
    case 'commander.optionMissingArgument':
      return `De optie ${quoted} heeft een waarde nodig.`;
    case 'commander.excessArguments':
      return `Te veel argumenten. Zie --help bij de opdracht.`;
    case 'commander.help':
      return 'Geef een opdracht; zie hierboven.';
    default:
      return error.message.replace(/^error: /, '');
  }
}

/** Why the operating system refused a file: a user's problem with a path, not a bug in gob. */
const FILE_REASONS: Record<string, string> = {
  ENOENT: 'de map bestaat niet',
  ENOTDIR: 'een deel van het pad is een bestand, geen map',
  EEXIST: 'er staat al een bestand met die naam',
  EISDIR: 'dat is een map',
  EACCES: 'geen rechten',
  EPERM: 'geen rechten',
  ENOSPC: 'de schijf is vol',
  EROFS: 'de schijf is alleen-lezen',
  EBUSY: 'het is in gebruik',
};

function fileProblem(error: unknown): string | null {
  const { code, path } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; path?: unknown };
  if (typeof code !== 'string' || !(code in FILE_REASONS) || typeof path !== 'string') return null;
  // gob writes beside the final name first (file.tmp-<pid>); name the file the user gave.
  return `Kan ${path.replace(/\.tmp-\d+$/, '')} niet schrijven of lezen: ${FILE_REASONS[code]}. Er is niets opgeslagen; kies een ander pad.`;
}

function printError(message: string, details: readonly string[] = []): void {
  process.stderr.write(`${message}\n`);
  for (const line of details) process.stderr.write(line ? `  ${line}\n` : '\n');
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(helpArguments(program, argv), { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok; // --help, --version
      printError(translateCommanderError(error));
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      printError(error.message, error.details);
      return EXIT.usage;
    }
    if (error instanceof ValueError) {
      printError(`${error.message}.`);
      return EXIT.usage;
    }
    if (error instanceof Refused) {
      printError(error.message, error.details);
      return EXIT.refused;
    }
    if (error instanceof ChecksFailed) {
      printError(error.message);
      return EXIT.refused;
    }
    const file = fileProblem(error);
    if (file) {
      printError(file);
      return EXIT.refused;
    }
    if (isBusy(error)) {
      printError('De database is bezet door een ander gob-proces en kwam niet op tijd vrij. Probeer het opnieuw; er is niets opgeslagen.');
      return EXIT.refused;
    }
    const message = error instanceof Error ? error.message : String(error);
    printError(`Interne fout in gob (een bug): ${message}. Er is niets opgeslagen. Meld dit met de opdracht die je gaf; GOB_DEBUG=1 toont details.`);
    if (process.env.GOB_DEBUG === '1' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  }
}

function isBusy(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'SQLITE_BUSY';
}

// Output that cannot be written (a full disk, a closed pipe) is not a bug either: no stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok); // the reader (head, less) has what it wanted
  printError(`Kan de uitvoer niet schrijven: ${FILE_REASONS[error.code ?? ''] ?? error.code}.`);
  process.exit(EXIT.refused);
});

const code = await main(process.argv.slice(2));
// A pipe may still hold output that Node has not handed to the OS; process.exit would cut it off
// (seen: `factuur list --json | …` ending mid-document). Wait for both streams to drain.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit(code);
