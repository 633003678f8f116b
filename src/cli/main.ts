// The entry point: runs the program and maps every outcome to an exit code. 0 done · 1 refused ·
// 2 usage · 70 internal error (a bug) · 130 interrupted. `main` has no side effects (tests run it
// in process with their own Io); `runCli` is the process around it, and the only place that calls
// process.exit.
import { CommanderError } from 'commander';
import { showUnknownValue } from '../domain/show-value.js';
import { ChecksFailed, Interrupted, Refused, UsageError, ValueError } from '../errors.js';
import { currentInterruptNote, runInterruptCleanups } from '../files/interrupt.js';
import { outputReason, pathRefusal, systemRefusal } from '../files/refusal.js';
import { type Io, processIo } from './io.js';
import { buildProgram, commandOfError, commandPath, helpArguments } from './program.js';

export const EXIT = { ok: 0, refused: 1, usage: 2, internal: 70, interrupted: 130 } as const;

/**
 * Commander's English errors, said in Dutch, naming the command they came from (its --help is
 * where the user looks next) and, for stray arguments, the values themselves.
 */
function translateCommanderError(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const suggestion = /Did you mean (.+)\?/.exec(error.message)?.[1];
  const hint = suggestion ? ` Bedoel je ${suggestion}?` : '';
  const command = commandOfError(error);
  const name = command?.parent ? `gob ${commandPath(command)}` : 'gob';
  const help = `Zie '${name} --help'`;
  switch (error.code) {
    case 'commander.unknownOption':
      return `Onbekende optie '${quoted}'.${hint} ${help} voor de opties.`;
    case 'commander.unknownCommand':
      return `Onbekende opdracht '${quoted}'.${hint} ${help} voor de opdrachten.`;
    case 'commander.missingArgument':
      return `Ontbrekend argument <${quoted}>. ${help}.`;
    case 'commander.missingMandatoryOptionValue':
      return `Ontbrekende verplichte optie: ${quoted.split(' ')[0]}.`;
    case 'commander.optionMissingArgument':
      return `De optie ${quoted} heeft een waarde nodig. ${help}.`;
    case 'commander.excessArguments': {
      const expected = command?.registeredArguments.length ?? 0;
      const stray = (command?.args ?? []).slice(expected).map((a) => `'${showUnknownValue(a)}'`);
      const takes = expected === 0 ? 'neemt geen argumenten' : `neemt ${expected} ${expected === 1 ? 'argument' : 'argumenten'}`;
      return `Te veel argumenten voor '${name}': ${stray.join(', ') || '?'} hoort bij geen optie. De opdracht ${takes}, en een optie zonder <waarde> in de hulp neemt geen waarde. ${help}.`;
    }
    case 'commander.help':
      return 'Geef een opdracht; zie hierboven.';
    default:
      return error.message.replace(/^error: /, '');
  }
}

export async function main(argv: string[], io: Io): Promise<number> {
  const printError = (message: string, details: readonly string[] = []): void => {
    io.stderr.write(`${message}\n`);
    for (const line of details) io.stderr.write(line ? `  ${line}\n` : '\n');
  };
  const program = buildProgram(io);
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
    if (error instanceof Interrupted) {
      printError(error.message);
      return EXIT.interrupted;
    }
    // What the OS or SQLite refused and no command said better: still the user's problem, not a bug.
    const system = pathRefusal(error) ?? systemRefusal(error);
    if (system) {
      printError(system.message);
      return EXIT.refused;
    }
    const message = error instanceof Error ? error.message : String(error);
    printError(
      `Interne fout in gob (een bug): ${message}. Er is niets opgeslagen. Meld dit met de opdracht die je gaf; GOB_DEBUG=1 toont details.`,
    );
    if (io.env.GOB_DEBUG === '1' && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return EXIT.internal;
  }
}

/** The gob process: real streams, signals, and the exit code. bin/gob.js calls this. */
export async function runCli(): Promise<never> {
  // Output that cannot be written (a full disk, a closed pipe) is not a bug either: no stack trace.
  // A closed pipe (`gob toeslag check | head`): the reader has what it wanted; the command goes on
  // without output and ends with its own exit code, so a check that found something still says so
  // (it used to end with 0, which a script with pipefail took for "all good").
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    process.stderr.write(`Kan de uitvoer niet schrijven: ${outputReason(error.code)}.\n`);
    process.exit(EXIT.refused);
  });
  // Ctrl-C (or a kill -INT) while a command runs: stop at once. SQLite keeps only committed
  // transactions, so an unfinished one is simply gone; half-written temporary files are removed.
  // (At a prompt the terminal is in raw mode and Ctrl-C arrives as a key: see prompts.ts.)
  process.on('SIGINT', () => {
    runInterruptCleanups();
    process.stderr.write(`${currentInterruptNote() ?? new Interrupted().message}\n`);
    process.exit(EXIT.interrupted);
  });
  const code = await main(process.argv.slice(2), processIo());
  // A pipe may still hold output that Node has not handed to the OS; process.exit would cut it off
  // (seen: `factuur list --json | …` ending mid-document). Wait for both streams to drain.
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
  process.exit(code);
}
