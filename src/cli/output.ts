// Everything a command shows goes through Output: human text and tables on stdout (silent with
// --json), warnings on stderr, and the command's result as one JSON document with --json.
import type { Io, OutStream } from './io.js';

export interface Column {
  key: string;
  title: string;
  align?: 'left' | 'right';
}

export interface Output {
  readonly json: boolean;
  readonly style: Style;
  /** A line of human output (nothing with --json). */
  line(text?: string): void;
  /** An aligned table (nothing with --json). */
  table(columns: Column[], rows: Record<string, string>[]): void;
  /** Raw text to stdout, always (CSV output). */
  raw(text: string): void;
  /** A warning or note on stderr, always. */
  warn(text: string): void;
  /** True when stderr is a terminal: progress bars may be drawn. */
  readonly interactiveStderr: boolean;
  /** A progress bar on stderr for long work, only when stderr is a terminal; otherwise silent. */
  progress(total: number, label: string): Promise<Progress>;
}

export interface Progress {
  update(done: number): void;
  stop(): void;
}

const noProgress: Progress = { update: () => {}, stop: () => {} };

/** cli-progress is loaded only when a bar is drawn. */
async function progressBar(total: number, label: string, stream: NodeJS.WritableStream): Promise<Progress> {
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {eta_formatted} te gaan`, stream, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}

export interface Style {
  bold(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
}

const plain: Style = { bold: (t) => t, red: (t) => t, yellow: (t) => t, green: (t) => t, dim: (t) => t };

/** chalk is loaded only when there is a terminal to colour: it costs ~10 ms of start-up. */
export async function loadStyle(wanted: boolean, stdout: OutStream): Promise<Style> {
  if (!wanted || !stdout.isTTY) return plain;
  const { Chalk } = await import('chalk');
  return new Chalk();
}

export function createOutput(options: { json: boolean; style?: Style; io?: Pick<Io, 'stdout' | 'stderr'> }): Output {
  const color = options.style ?? plain;
  const { stdout, stderr } = options.io ?? { stdout: process.stdout, stderr: process.stderr };
  const write = (text: string) => {
    stdout.write(text);
  };
  return {
    json: options.json,
    style: color,
    line(text = '') {
      if (!options.json) write(`${text}\n`);
    },
    table(columns, rows) {
      if (!options.json) write(renderTable(columns, rows, (s) => color.bold(s)));
    },
    raw: write,
    warn(text) {
      stderr.write(`${text}\n`);
    },
    interactiveStderr: Boolean(stderr.isTTY),
    // A terminal is only ever the real process stream.
    progress: (total, label) => (stderr.isTTY ? progressBar(total, label, stderr as NodeJS.WritableStream) : Promise.resolve(noProgress)),
  };
}

/** Column widths from the widest cell; numbers right-aligned. Pure, so it is golden-testable. */
export function renderTable(columns: Column[], rows: Record<string, string>[], bold: (s: string) => string = (s) => s): string {
  // A fold, not Math.max(...rows): tens of thousands of arguments overflow the stack (58,669 people
  // anonymised at once did).
  const widths = columns.map((c) => rows.reduce((w, r) => Math.max(w, width(r[c.key] ?? '')), width(c.title)));
  const pad = (text: string, i: number) => {
    const gap = ' '.repeat(widths[i]! - width(text));
    return columns[i]!.align === 'right' ? gap + text : text + gap;
  };
  const lines = [
    bold(
      columns
        .map((c, i) => pad(c.title, i))
        .join('  ')
        .trimEnd(),
    ),
  ];
  for (const row of rows)
    lines.push(
      columns
        .map((c, i) => pad(row[c.key] ?? '', i))
        .join('  ')
        .trimEnd(),
    );
  return `${lines.join('\n')}\n`;
}

/** Display width: combining marks take no column. */
function width(text: string): number {
  return text.normalize('NFC').replace(/\p{M}/gu, '').length;
}
