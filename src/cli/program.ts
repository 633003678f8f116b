// Every command of gob, in one place. Handlers are imported only when their command runs, so
// `gob --help` loads neither the database nor PDF or prompt libraries.
import { Command, type CommanderError } from 'commander';
import type { BaseDeps, Deps } from '../commands/deps.js';
import { missingRefusal } from '../commands/options.js';
import {
  BEZOEK_FIELDS,
  BUREAU_FIELDS,
  ENTITIES,
  type Entity,
  type Field,
  HUISGENOOT_FIELDS,
  optionKey,
  ROOSTER_FIELDS,
} from '../domain/fields.js';
import { showUnknownValue } from '../domain/show-value.js';
import { ChecksFailed, Refused, UsageError } from '../errors.js';
import type { GlobalOptions } from './context.js';
import { type Io, processIo } from './io.js';
import { EXAMPLES } from './examples.js';

/** Kept here rather than imported from context.ts, so that `gob --help` need not load it. */
const DEFAULT_DB = 'data/gob.sqlite';

// package.json's version, put in by esbuild at build time (scripts/build.mjs), so that start-up
// reads no package.json. Outside the bundle (vitest) there is none.
declare const __GOB_VERSION__: string | undefined;
export const VERSION = typeof __GOB_VERSION__ === 'string' ? __GOB_VERSION__ : 'dev';

/** A command's handler: its own typed options (declared in its file) and what it is injected with. */
type Handler<O extends object, D> = (opts: O, deps: D) => Promise<unknown>;

/**
 * The action for a command: collect its options and positional arguments into one object, build
 * the deps (opening the database unless `needs` is 'none'), run the handler and print its result
 * as JSON with --json. The one place where commander's untyped values meet a handler's options
 * type: `test/unit/argv.test.ts` checks, for every command, that argv gives exactly those keys.
 */
function run<O extends object>(needs: 'db', load: () => Promise<Handler<O, Deps>>): (...args: unknown[]) => Promise<void>;
function run<O extends object>(needs: 'none', load: () => Promise<Handler<O, BaseDeps>>): (...args: unknown[]) => Promise<void>;
function run(needs: 'db' | 'none', load: () => Promise<Handler<object, never>>) {
  return async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const opts: Record<string, unknown> = { ...command.opts() };
    command.registeredArguments.forEach((arg, i) => {
      opts[arg.name()] = args[i];
    });
    const globals = command.optsWithGlobals<GlobalOptions>();
    if (globals.json && opts.csv) throw new UsageError('--json en --csv gaan niet samen: kies één uitvoervorm.');
    // An empty argument (a shell variable that was not set) is never a code, number or file; nor is
    // '-' a file: gob writes files, not standard output, under --out.
    for (const arg of command.registeredArguments)
      if (opts[arg.name()] === '') throw new UsageError(`<${arg.name()}>: een lege waarde; geef een ${arg.name()}.`);
    if (opts.out === '' || opts.out === '-')
      throw new UsageError(`--out: '${opts.out}' is geen bestandsnaam; geef het bestand (of de map) om naar te schrijven.`);
    const { io, intercept } = contextOf(command);
    if (intercept) return intercept(commandPath(command), opts, globals);
    const { createBaseDeps, withDatabase } = await import('./context.js');
    const base = await createBaseDeps(globals, commandPath(command), io);
    if (!base.prompts) refuseMissing(command, { ...globals, ...opts });
    const handler = (await load()) as (opts: unknown, deps: unknown) => Promise<unknown>;
    try {
      const result = needs === 'db' ? await withDatabase(base, (deps) => handler(opts, deps)) : await handler(opts, base);
      if (base.out.json && result !== undefined) base.out.raw(`${JSON.stringify(result, null, 2)}\n`);
    } catch (error) {
      if (base.out.json && (error instanceof Refused || error instanceof ChecksFailed) && error.data !== undefined) {
        base.out.raw(`${JSON.stringify(error.data, null, 2)}\n`);
      }
      throw error;
    }
  };
}

/**
 * The options a command cannot run without; 'a|b' means one of them (a name of one of the
 * command's arguments is shown as <naam>). Checked in run() before the handler when nobody is at
 * a terminal, so that a script learns every missing option in one run (CONTRACT §1): the handlers
 * ask for them one by one at a terminal, and would name only the first. The adds of the registry,
 * huisgenoot, bezoek and rooster name theirs from their fields (record.ts). test/e2e/opties.test.ts
 * walks every command and fails when a handler still finds a missing option that this table lacks.
 */
const REQUIRED: Record<string, string[]> = {
  herstel: ['naar'],
  inzage: ['ouder|gastouder|kind', 'out'],
  'gastouder end': ['eind'],
  'urenkaart list': ['maand'],
  'urenkaart check': ['maand'],
  'urenkaart sjabloon': ['maand', 'out'],
  'afwezigheid add': ['kind|gastouder', 'van', 'tot-en-met'],
  'factuur run': ['maand'],
  'factuur check': ['maand'],
  'factuur pdf': ['nummers|maand', 'out'],
  'jaaropgave run': ['jaar'],
  'jaaropgave pdf': ['nummers|jaar', 'out'],
  'jaaropgave gastouder': ['jaar', 'out|json'],
  'toeslag export': ['maand', 'out'],
  'toeslag check': ['maand'],
  'betaling add': ['ouder', 'bedrag', 'datum'],
  'betaling storno': ['factuur', 'datum'],
  'uitbetaling pdf': ['nummers|datum', 'out'],
  'sepa incasso': ['incassodatum', 'out'],
  'sepa uitbetaling': ['uitbetaling|datum', 'out'],
  'sepa bestand': ['out'],
  'kwaliteit pdf': ['gastouder', 'out'],
  'contract pdf': ['koppeling', 'out'],
  'contract teken': ['koppeling', 'partij', 'naam'],
};

/** Exported for the test that walks every command. */
export function requiredOf(command: Command): string[] {
  return REQUIRED[commandPath(command)] ?? [];
}

function refuseMissing(command: Command, given: Record<string, unknown>): void {
  const isGiven = (name: string) => {
    const value = given[optionKey(name)];
    return value !== undefined && !(Array.isArray(value) && value.length === 0);
  };
  const shown = (name: string) => (command.registeredArguments.some((a) => a.name() === name) ? `<${name}>` : `--${name}`);
  const missing = requiredOf(command)
    .map((group) => group.split('|'))
    .filter((names) => !names.some(isGiven))
    .map((names) => names.map(shown).join(' of '));
  if (missing.length > 0) throw missingRefusal(missing);
}

/**
 * Instead of running a handler: receive the command ('factuur run') and exactly the options it
 * would get. For the table test that parses every command's argv (test/unit/argv.test.ts).
 */
export type Intercept = (command: string, opts: Record<string, unknown>, globals: GlobalOptions) => void;

/** What a program was built with, found from any of its commands (see buildProgram). */
const CONTEXT = new WeakMap<Command, { io: Io; intercept?: Intercept | undefined }>();

function contextOf(command: Command): { io: Io; intercept?: Intercept | undefined } {
  let root = command;
  while (root.parent) root = root.parent;
  return CONTEXT.get(root)!;
}

/** 'factuur run', 'init': the audit log's name of a command. */
export function commandPath(command: Command): string {
  return `${command.parent?.name() === 'gob' ? '' : `${command.parent?.name()} `}${command.name()}`;
}

function fieldOptions(command: Command, fields: Field[]): Command {
  for (const field of fields) command.option(`--${field.name} <${field.type.hint}>`, field.label);
  return command;
}

const HELP_TITLES: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Options:': 'Opties:',
  'Commands:': 'Opdrachten:',
  'Arguments:': 'Argumenten:',
  'Global Options:': 'Algemene opties:',
};

function dutchHelp(command: Command): Command {
  return command.helpOption('-h, --help', 'toon hulp bij deze opdracht').configureHelp({
    styleTitle: (title) => HELP_TITLES[title] ?? title,
    styleUsage: (usage) => usage.replace('[options]', '[opties]').replace('[command]', '<opdracht>'),
    subcommandTerm: (cmd) =>
      [cmd.name(), ...cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`))].join(' '),
    showGlobalOptions: true,
  });
}

function noun(program: Command, name: string, description: string): Command {
  const command = dutchHelp(program.command(name).description(description));
  command.helpCommand(false);
  return command;
}

function verb(parent: Command, name: string, description: string): Command {
  return dutchHelp(parent.command(name).description(description));
}

function registryNoun(program: Command, entity: Entity, description: string): Command {
  const cmd = noun(program, entity.name, description);
  // The registry verbs are one handler each, shared by the four nouns, given the entity.
  // Their options follow the entity's fields (RawOptions), so they are checked by the field list
  // and the argv table test rather than by a type per verb.
  type Generic = (entity: Entity, opts: never, deps: Deps) => Promise<unknown>;
  const forEntity = (handler: Promise<Generic>) => handler.then((h) => (opts: object, deps: Deps) => h(entity, opts as never, deps));
  fieldOptions(verb(cmd, 'add', `voeg een ${entity.name} toe`), entity.fields).action(
    run('db', () => forEntity(import('../commands/register/add.js').then((m) => m.addRecord))),
  );
  fieldOptions(
    verb(cmd, 'edit', `wijzig een ${entity.name} (een lege waarde wist een veld)`).argument('<code>'),
    entity.fields.filter((f) => f.name !== 'code'),
  ).action(run('db', () => forEntity(import('../commands/register/edit.js').then((m) => m.editRecord))));
  verb(cmd, 'show', `toon een ${entity.name}`)
    .argument('<code>')
    .option('--toon-bsn', 'toon het BSN volledig')
    .action(run('db', () => forEntity(import('../commands/register/show.js').then((m) => m.showRecord))));
  const list = verb(cmd, 'list', `toon alle ${entity.name === 'kind' ? 'kinderen' : `${entity.name}s`}`);
  if (entity.name !== 'gastouder') list.option('--gastouder <code>', 'alleen bij deze gastouder');
  if (entity.name !== 'ouder') list.option('--ouder <code>', 'alleen van deze ouder');
  if (entity.name === 'koppeling') list.option('--kind <code>', 'alleen van dit kind');
  list
    .option('--actief', 'alleen wat vandaag actief is')
    .option('--csv', 'als CSV met dezelfde kolommen als import')
    .option('--xlsx <bestand>', 'schrijf een Excel-werkmap met dezelfde kolommen als import')
    .option('--force', 'overschrijf een bestaand bestand (bij --xlsx)')
    .option('--toon-bsn', 'toon het BSN volledig')
    .action(run('db', () => forEntity(import('../commands/register/list.js').then((m) => m.listRecordsCommand))));
  verb(cmd, 'import', `importeer ${entity.name}-gegevens uit CSV of .xlsx (per code toevoegen of bijwerken; alles of niets)`)
    .argument('<bestand>', 'CSV-bestand of Excel-werkmap (.xlsx)')
    .option('--dry-run', 'alleen controleren, niets opslaan')
    .action(run('db', () => forEntity(import('../commands/register/import.js').then((m) => m.importRecords))));
  return cmd;
}

export function buildProgram(io: Io = processIo(), intercept?: Intercept): Command {
  const program = dutchHelp(new Command('gob'))
    .description('Administratie van een gastouderbureau: register, roosters, urenkaarten, facturen en uitbetalingen.')
    .option(
      '--db <database>',
      `het SQLite-bestand of een PostgreSQL-server als postgres://gebruiker@host:poort/database (of GOB_DB; standaard ${DEFAULT_DB})`,
    )
    .option('--today <datum>', 'de datum die gob als vandaag gebruikt (of GOB_TODAY)')
    .option('--json', 'resultaat als één JSON-document op stdout')
    .option('--yes', 'beantwoord bevestigingen met ja')
    .option('--no-color', 'geen kleur (ook met NO_COLOR)')
    .version(VERSION, '-V, --version', 'toon de versie van gob')
    .showHelpAfterError(false)
    // Set before any subcommand exists: commander copies these settings to each new subcommand.
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text), outputError: () => {} });
  CONTEXT.set(program, { io, intercept });
  program.helpCommand('help [opdracht]', 'toon hulp bij een opdracht');

  fieldOptions(verb(program, 'init', 'maak de database aan of werk hem bij (veilig om te herhalen)'), BUREAU_FIELDS).action(
    run('none', () => import('../commands/init/init.js').then((m) => m.init)),
  );

  const bureau = noun(program, 'bureau', 'instellingen van het bureau');
  verb(bureau, 'show', 'toon de instellingen').action(run('db', () => import('../commands/bureau/show.js').then((m) => m.bureauShow)));
  fieldOptions(verb(bureau, 'set', 'wijzig instellingen'), BUREAU_FIELDS).action(
    run('db', () => import('../commands/bureau/set.js').then((m) => m.bureauSet)),
  );
  verb(bureau, 'certificaat-maken', 'maak een zelfondertekend testcertificaat om overeenkomsten digitaal te ondertekenen')
    .option('--out <bestand>', 'het .p12-bestand (standaard certificaat.p12 naast de database)')
    .option('--force', 'overschrijf een bestaand bestand')
    .action(run('db', () => import('../commands/bureau/certificaat.js').then((m) => m.certificaatMaken)));

  verb(program, 'backup', 'maak een consistente kopie van de database, ook terwijl gob draait')
    .argument('<bestand>', 'bestand voor de kopie')
    .option('--force', 'overschrijf een bestaand bestand')
    .option('--versleuteld', 'versleutel de kopie (AES-256-GCM); wachtwoord uit GOB_BACKUP_WACHTWOORD of gevraagd')
    .action(run('db', () => import('../commands/backup/backup.js').then((m) => m.backup)));
  verb(program, 'herstel', 'zet een backup (versleuteld of niet) terug in een nieuw databasebestand')
    .argument('<backup>', 'het backupbestand')
    .option('--naar <database>', 'het nieuwe databasebestand (een bestaand bestand wordt geweigerd)')
    .action(run('none', () => import('../commands/backup/herstel.js').then((m) => m.herstel)));
  const bewaartermijn = noun(program, 'bewaartermijn', 'de bewaartermijn van persoonsgegevens (AVG): wie is erover, en anonimiseren (§13)');
  verb(bewaartermijn, 'check', 'toon wie over de bewaartermijn is (alles van hen langer geleden dan de termijn)').action(
    run('db', () => import('../commands/bewaartermijn/check.js').then((m) => m.bewaartermijnCheck)),
  );
  verb(bewaartermijn, 'opschonen', 'anonimiseer wie over de bewaartermijn is, in het register en in alle documenten')
    .option('--dry-run', 'alleen tonen wat er zou gebeuren, niets opslaan')
    .action(run('db', () => import('../commands/bewaartermijn/opschonen.js').then((m) => m.bewaartermijnOpschonen)));
  verb(program, 'inzage', 'alles wat gob over één persoon bewaart, als één JSON-bestand (AVG-inzage)')
    .option('--ouder <code>', 'een ouder')
    .option('--gastouder <code>', 'een gastouder')
    .option('--kind <code>', 'een kind')
    .option('--out <bestand>', 'het JSON-bestand')
    .option('--force', 'overschrijf een bestaand bestand')
    .action(run('db', () => import('../commands/inzage/inzage.js').then((m) => m.inzage)));
  const db = noun(program, 'db', 'de database als geheel');
  verb(db, 'kopieer', 'kopieer de hele database naar een nieuwe of lege database (SQLite ↔ PostgreSQL)')
    .requiredOption('--naar <database>', 'een nieuw SQLite-bestand of een lege PostgreSQL-database (postgres://…)')
    .action(run('db', () => import('../commands/db/kopieer.js').then((m) => m.dbKopieer)));
  verb(program, 'log', 'toon het logboek van wijzigingen (nieuwste eerst)')
    .option('--limit <aantal>', 'hoeveel regels (standaard 50)')
    .action(run('db', () => import('../commands/log/log.js').then((m) => m.log)));

  const gastouder = registryNoun(program, ENTITIES.gastouder, 'gastouders');
  verb(gastouder, 'end', 'beëindig een gastouder (en haar lopende koppelingen)')
    .argument('<code>')
    .option('--eind <datum>', 'laatste dag')
    .action(run('db', () => import('../commands/gastouder/end.js').then((m) => m.gastouderEnd)));
  registryNoun(program, ENTITIES.ouder, 'vraagouders');
  registryNoun(program, ENTITIES.kind, 'kinderen: gastkinderen (--ouder) en eigen kinderen van gastouders (--eigen-kind-van)');
  const koppeling = registryNoun(program, ENTITIES.koppeling, 'koppelingen van een kind aan een gastouder');
  verb(koppeling, 'end', 'beëindig een koppeling (standaard één maand na vandaag: de opzegtermijn)')
    .argument('<code>')
    .option('--eind <datum>', 'laatste opvangdag')
    .option(
      '--opzegdatum <datum>',
      'datum van opzegging (standaard vandaag; niet na vandaag of na --eind, verplicht bij een --eind vóór vandaag); de opzegtermijn is één maand',
    )
    .option('--zonder-opzegtermijn', 'in overleg beëindigd: de rest van de opzegtermijn wordt niet gefactureerd')
    .action(run('db', () => import('../commands/koppeling/end.js').then((m) => m.koppelingEnd)));

  const rooster = noun(program, 'rooster', 'weekroosters van gastkinderen en eigen kinderen');
  fieldOptions(verb(rooster, 'add', 'voeg een roosterblok toe'), ROOSTER_FIELDS)
    .option('--force', 'sla op ondanks overtredingen van de regels')
    .action(run('db', () => import('../commands/rooster/add.js').then((m) => m.roosterAdd)));
  verb(rooster, 'list', 'toon roosters')
    .option('--gastouder <code>', 'alleen bij deze gastouder')
    .option('--koppeling <code>', 'alleen van deze koppeling')
    .option('--kind <code>', 'alleen van dit kind')
    .option('--csv', 'als CSV met dezelfde kolommen als import')
    .option('--xlsx <bestand>', 'schrijf een Excel-werkmap met dezelfde kolommen als import')
    .option('--force', 'overschrijf een bestaand bestand (bij --xlsx)')
    .action(run('db', () => import('../commands/rooster/list.js').then((m) => m.roosterList)));
  verb(rooster, 'remove', 'verwijder een roosterblok')
    .argument('<id>', 'id uit rooster list')
    .action(run('db', () => import('../commands/rooster/remove.js').then((m) => m.roosterRemove)));
  verb(rooster, 'import', 'importeer roosters uit CSV of .xlsx (vervangt het rooster van elke genoemde koppeling)')
    .argument('<bestand>', 'CSV-bestand of Excel-werkmap (.xlsx)')
    .option('--dry-run', 'alleen controleren, niets opslaan')
    .option('--force', 'sla op ondanks overtredingen van de regels')
    .action(run('db', () => import('../commands/rooster/import.js').then((m) => m.roosterImport)));

  verb(rooster, 'check', 'controleer de regels voor kinderen bij één gastouder (standaard vandaag tot 12 maanden vooruit)')
    .option('--gastouder <code>', 'alleen deze gastouder')
    .option('--vanaf <datum>', 'eerste datum (standaard vandaag)')
    .option('--tot <datum>', 'laatste datum (standaard 12 maanden na --vanaf)')
    .option('--uren', 'controleer de geïmporteerde urenkaarten in plaats van de roosters')
    .option('--maand <maand>', 'de maand van de urenkaarten (bij --uren)')
    .action(run('db', () => import('../commands/rooster/check.js').then((m) => m.roosterCheck)));

  const urenkaart = noun(program, 'urenkaart', 'urenkaarten: de gewerkte uren per maand');
  verb(urenkaart, 'import', 'importeer een urenkaart (CSV of .xlsx: gastouder;kind;datum;van;tot[;opmerking]); vervangt haar maand')
    .argument('<bestand>', 'CSV-bestand of Excel-werkmap (.xlsx)')
    .option('--maand <maand>', 'de maand (standaard: de maand van de rijen)')
    .option('--dry-run', 'alleen controleren, niets opslaan')
    .option('--te-laat', 'na de deadline of na facturering toch importeren (de rijen krijgen te laat)')
    .option('--strict', 'weiger ook bij waarschuwingen')
    .action(run('db', () => import('../commands/urenkaart/import.js').then((m) => m.urenkaartImport)));
  verb(urenkaart, 'list', 'toon de uren van een maand')
    .option('--maand <maand>', 'de maand (JJJJ-MM)')
    .option('--gastouder <code>', 'alleen deze gastouder')
    .option('--kind <code>', 'alleen dit kind')
    .option('--csv', 'als CSV met dezelfde kolommen als import')
    .option('--xlsx <bestand>', 'schrijf een Excel-werkmap met dezelfde kolommen als import')
    .option('--force', 'overschrijf een bestaand bestand (bij --xlsx)')
    .action(run('db', () => import('../commands/urenkaart/list.js').then((m) => m.urenkaartList)));
  verb(
    urenkaart,
    'check',
    'welke urenkaarten van een maand ontbreken, met de contactgegevens van de gastouder (exit 1 als er een ontbreekt)',
  )
    .option('--maand <maand>', 'de maand (JJJJ-MM)')
    .option('--csv', 'als CSV voor een mailing (één rij per gastouder × kind)')
    .action(run('db', () => import('../commands/urenkaart/check.js').then((m) => m.urenkaartCheck)));
  verb(urenkaart, 'sjabloon', 'schrijf per gastouder een Excel-urenkaart van de maand, ingevuld volgens haar rooster')
    .option('--maand <maand>', 'de maand (JJJJ-MM)')
    .option('--gastouder <code>', 'alleen voor deze gastouder')
    .option('--out <map>', 'de map voor de bestanden urenkaart-<maand>-<gastouder>.xlsx')
    .option('--force', 'bestaande bestanden overschrijven')
    .action(run('db', () => import('../commands/urenkaart/sjabloon.js').then((m) => m.urenkaartSjabloon)));

  const afwezigheid = noun(
    program,
    'afwezigheid',
    'afwezigheid van kinderen en gastouders (bij afgesproken-uren: wat niet gefactureerd wordt)',
  );
  verb(afwezigheid, 'add', 'leg een afwezigheid vast van een kind of een gastouder')
    .option('--kind <code>', 'het afwezige kind')
    .option('--gastouder <code>', 'de afwezige gastouder')
    .option('--van <datum>', 'eerste dag')
    .option('--tot-en-met <datum>', 'laatste dag')
    .option('--soort <soort>', 'ziek, vakantie of overig (standaard overig)')
    .option('--gemeld <datum>', 'de dag dat de afwezigheid gemeld werd (standaard vandaag)')
    .action(run('db', () => import('../commands/afwezigheid/add.js').then((m) => m.afwezigheidAdd)));
  verb(afwezigheid, 'list', 'toon afwezigheden')
    .option('--maand <maand>', 'alleen die deze maand raken (JJJJ-MM)')
    .option('--kind <code>', 'alleen van dit kind')
    .option('--gastouder <code>', 'alleen van deze gastouder')
    .action(run('db', () => import('../commands/afwezigheid/list.js').then((m) => m.afwezigheidList)));
  verb(afwezigheid, 'remove', 'verwijder een afwezigheid (ook in een gefactureerde maand: de volgende factuur run factureert het verschil)')
    .argument('<id>', 'id uit afwezigheid list')
    .action(run('db', () => import('../commands/afwezigheid/remove.js').then((m) => m.afwezigheidRemove)));

  // CONTRACT §10: what a bureau records for the quality duties. Keyed by an id (commands/byid.ts).
  const huisgenoot = noun(program, 'huisgenoot', 'huisgenoten van gastouders (VOG en personenregister vanaf 18 jaar)');
  const huisgenootOpties = HUISGENOOT_FIELDS.filter((f) => f.name !== 'id');
  fieldOptions(verb(huisgenoot, 'add', 'voeg een huisgenoot van een gastouder toe'), huisgenootOpties).action(
    run('db', () => import('../commands/huisgenoot/add.js').then((m) => m.huisgenootAdd)),
  );
  fieldOptions(
    verb(huisgenoot, 'edit', 'wijzig een huisgenoot (een lege waarde wist een veld)').argument('<id>', 'id uit huisgenoot list'),
    huisgenootOpties,
  ).action(run('db', () => import('../commands/huisgenoot/edit.js').then((m) => m.huisgenootEdit)));
  verb(huisgenoot, 'list', 'toon huisgenoten')
    .option('--gastouder <code>', 'alleen van deze gastouder')
    .option('--csv', 'als CSV met dezelfde kolommen als import')
    .option('--xlsx <bestand>', 'schrijf een Excel-werkmap met dezelfde kolommen als import')
    .option('--force', 'overschrijf een bestaand bestand (bij --xlsx)')
    .action(run('db', () => import('../commands/huisgenoot/list.js').then((m) => m.huisgenootList)));
  verb(huisgenoot, 'remove', 'verwijder een huisgenoot (bijvoorbeeld na verhuizing)')
    .argument('<id>', 'id uit huisgenoot list')
    .action(run('db', () => import('../commands/huisgenoot/remove.js').then((m) => m.huisgenootRemove)));
  verb(huisgenoot, 'import', 'importeer huisgenoten uit CSV of .xlsx (per id bijwerken, zonder id toevoegen; alles of niets)')
    .argument('<bestand>', 'CSV-bestand of Excel-werkmap (.xlsx)')
    .option('--dry-run', 'alleen controleren, niets opslaan')
    .action(run('db', () => import('../commands/huisgenoot/import.js').then((m) => m.huisgenootImport)));

  const bezoek = noun(program, 'bezoek', 'huisbezoeken, risico-inventarisaties, evaluaties en voortgangsgesprekken');
  fieldOptions(
    verb(bezoek, 'add', 'leg een bezoek of gesprek vast (een evaluatie met --koppeling)'),
    BEZOEK_FIELDS.filter((f) => f.name !== 'id'),
  ).action(run('db', () => import('../commands/bezoek/add.js').then((m) => m.bezoekAdd)));
  verb(bezoek, 'list', 'toon bezoeken en gesprekken')
    .option('--gastouder <code>', 'alleen bij deze gastouder')
    .option('--soort <soort>', 'alleen deze soort (huisbezoek, risico-inventarisatie, evaluatie, voortgangsgesprek)')
    .option('--csv', 'als CSV met dezelfde kolommen als import')
    .option('--xlsx <bestand>', 'schrijf een Excel-werkmap met dezelfde kolommen als import')
    .option('--force', 'overschrijf een bestaand bestand (bij --xlsx)')
    .action(run('db', () => import('../commands/bezoek/list.js').then((m) => m.bezoekList)));
  verb(bezoek, 'remove', 'verwijder een bezoek')
    .argument('<id>', 'id uit bezoek list')
    .action(run('db', () => import('../commands/bezoek/remove.js').then((m) => m.bezoekRemove)));
  verb(bezoek, 'import', 'importeer bezoeken uit CSV of .xlsx (per id bijwerken, zonder id toevoegen; alles of niets)')
    .argument('<bestand>', 'CSV-bestand of Excel-werkmap (.xlsx)')
    .option('--dry-run', 'alleen controleren, niets opslaan')
    .action(run('db', () => import('../commands/bezoek/import.js').then((m) => m.bezoekImport)));

  const factuur = noun(program, 'factuur', 'facturen aan de ouders');
  verb(factuur, 'run', 'maak de facturen van een maand (of de correcties erop)')
    .option('--maand <maand>', 'de maand (JJJJ-MM)')
    .option('--datum <datum>', 'factuurdatum (standaard vandaag)')
    .option('--dry-run', 'laat zien wat er gefactureerd zou worden, zonder op te slaan')
    .action(run('db', () => import('../commands/factuur/run.js').then((m) => m.factuurRun)));
  verb(
    factuur,
    'check',
    'vergelijk vóór factuur run de afgesproken uren (rooster) met de urenkaarten en de grenzen van de toeslag (exit 1 bij een melding)',
  )
    .option('--maand <maand>', 'de maand (JJJJ-MM)')
    .action(run('db', () => import('../commands/factuur/check.js').then((m) => m.factuurCheck)));
  verb(factuur, 'list', 'toon facturen')
    .option('--maand <maand>', 'alleen van deze maand')
    .option('--ouder <code>', 'alleen van deze ouder')
    .action(run('db', () => import('../commands/factuur/list.js').then((m) => m.factuurList)));
  verb(factuur, 'pdf', 'schrijf facturen als PDF (<nummer>.pdf)')
    .argument('[nummers...]', 'factuurnummers')
    .option('--maand <maand>', 'alle facturen van deze maand')
    .option('--out <map>', 'de map voor de PDF-bestanden')
    .option('--force', 'overschrijf bestaande PDF-bestanden')
    .action(run('db', () => import('../commands/factuur/pdf.js').then((m) => m.factuurPdf)));
  verb(factuur, 'show', 'toon een factuur')
    .argument('<nummer>')
    .action(run('db', () => import('../commands/factuur/show.js').then((m) => m.factuurShow)));

  const jaaropgave = noun(program, 'jaaropgave', 'jaaropgaven voor de kinderopvangtoeslag (§8)');
  verb(jaaropgave, 'run', 'maak de jaaropgave van elke ouder met facturen over het jaar (of een nieuwe versie als de cijfers veranderden)')
    .option('--jaar <jaar>', 'het opvangjaar (JJJJ)')
    .option(
      '--datum <datum>',
      'datum van de jaaropgave (standaard vandaag; niet na vandaag, niet vóór de laatste jaaropgave of factuur van het jaar)',
    )
    .option('--dry-run', 'laat zien wat er gemaakt zou worden, zonder op te slaan')
    .option('--force', 'ook als er maanden met urenkaarten nog niet gefactureerd zijn')
    .action(run('db', () => import('../commands/jaaropgave/run.js').then((m) => m.jaaropgaveRun)));
  verb(jaaropgave, 'list', 'toon jaaropgaven (elke versie)')
    .option('--jaar <jaar>', 'alleen van dit jaar')
    .option('--ouder <code>', 'alleen van deze ouder')
    .action(run('db', () => import('../commands/jaaropgave/list.js').then((m) => m.jaaropgaveList)));
  verb(jaaropgave, 'show', 'toon een jaaropgave (de laatste versie, of --versie)')
    .argument('<nummer>')
    .option('--versie <n>', 'deze versie')
    .option('--toon-bsn', 'toon BSN’s voluit (de PDF toont ze altijd voluit)')
    .action(run('db', () => import('../commands/jaaropgave/show.js').then((m) => m.jaaropgaveShow)));
  verb(jaaropgave, 'pdf', 'schrijf jaaropgaven als PDF (<nummer>.pdf, de laatste versie)')
    .argument('[nummers...]', 'jaaropgavenummers')
    .option('--jaar <jaar>', 'alle jaaropgaven van dit jaar')
    .option('--out <map>', 'de map voor de PDF-bestanden')
    .option('--force', 'overschrijf bestaande PDF-bestanden')
    .action(run('db', () => import('../commands/jaaropgave/pdf.js').then((m) => m.jaaropgavePdf)));
  verb(jaaropgave, 'gastouder', 'het jaaroverzicht per gastouder: uren, uurprijs en uitbetaald per kind (PDF of JSON)')
    .option('--jaar <jaar>', 'het jaar (JJJJ)')
    .option('--gastouder <code>', 'alleen deze gastouder')
    .option('--out <map>', 'de map voor de PDF-bestanden')
    .option('--force', 'overschrijf bestaande PDF-bestanden')
    .option('--toon-bsn', 'toon BSN’s voluit in de JSON')
    .action(run('db', () => import('../commands/jaaropgave/gastouder.js').then((m) => m.jaaropgaveGastouder)));

  const toeslag = noun(program, 'toeslag', 'gegevens voor de kinderopvangtoeslag (§8)');
  verb(toeslag, 'export', 'schrijf de maandlevering voor Dienst Toeslagen (CSV, cumulatief vanaf januari)')
    .option('--maand <maand>', 'de maand (JJJJ-MM)')
    .option('--out <bestand>', 'het CSV-bestand')
    .option('--force', 'overschrijf een bestaand bestand')
    .action(run('db', () => import('../commands/toeslag/export.js').then((m) => m.toeslagExport)));
  verb(toeslag, 'check', 'wat ontbreekt of niet klopt voor de levering van een maand (exit 1 als er iets ontbreekt)')
    .option('--maand <maand>', 'de maand (JJJJ-MM)')
    .action(run('db', () => import('../commands/toeslag/check.js').then((m) => m.toeslagCheck)));
  verb(toeslag, 'tarief', 'toon de maximale uurprijs per jaar, of stel er een in met --jaar en --max')
    .option('--jaar <jaar>', 'het jaar (JJJJ)')
    .option('--max <bedrag>', 'de maximale uurprijs voor gastouderopvang van dat jaar')
    .option('--force', 'vervang een uurprijs die het bureau eerder instelde')
    .action(run('db', () => import('../commands/toeslag/tarief.js').then((m) => m.toeslagTarief)));

  const betaling = noun(program, 'betaling', 'betalingen van ouders (kassiersfunctie)');
  verb(betaling, 'add', 'boek een ontvangen betaling (eerst aan --factuur, dan aan de oudste open facturen)')
    .option('--ouder <code>', 'de ouder die betaalde')
    .option('--bedrag <bedrag>', 'het bedrag')
    .option('--datum <datum>', 'de datum van ontvangst')
    .option('--factuur <nummer>', 'de factuur die deze betaling betreft')
    .action(run('db', () => import('../commands/betaling/add.js').then((m) => m.betalingAdd)));
  verb(betaling, 'storno', 'boek een terugboeking: de factuur staat weer open')
    .option('--factuur <nummer>', 'de factuur')
    .option('--datum <datum>', 'de datum van de terugboeking')
    .action(run('db', () => import('../commands/betaling/storno.js').then((m) => m.betalingStorno)));
  verb(betaling, 'list', "toon betalingen, incasso's en storno's")
    .option('--ouder <code>', 'alleen van deze ouder')
    .action(run('db', () => import('../commands/betaling/list.js').then((m) => m.betalingList)));

  const uitbetaling = noun(program, 'uitbetaling', 'uitbetalingen aan gastouders (kassiersfunctie)');
  verb(uitbetaling, 'run', 'betaal elke gastouder de betaalde opvang uit die nog niet is uitbetaald')
    .option('--datum <datum>', 'datum van uitbetaling (standaard vandaag)')
    .option('--dry-run', 'laat zien wat er uitbetaald zou worden, zonder op te slaan')
    .action(run('db', () => import('../commands/uitbetaling/run.js').then((m) => m.uitbetalingRun)));
  verb(uitbetaling, 'list', 'toon uitbetalingen')
    .option('--gastouder <code>', 'alleen aan deze gastouder')
    .action(run('db', () => import('../commands/uitbetaling/list.js').then((m) => m.uitbetalingList)));
  verb(uitbetaling, 'show', 'toon een uitbetaling met haar regels')
    .argument('<nummer>')
    .action(run('db', () => import('../commands/uitbetaling/show.js').then((m) => m.uitbetalingShow)));
  verb(uitbetaling, 'pdf', 'schrijf uitbetalingsspecificaties als PDF (<nummer>.pdf)')
    .argument('[nummers...]', 'uitbetalingnummers')
    .option('--datum <datum>', 'alle uitbetalingen van deze datum')
    .option('--out <map>', 'de map voor de PDF-bestanden')
    .option('--force', 'overschrijf bestaande PDF-bestanden')
    .action(run('db', () => import('../commands/uitbetaling/pdf.js').then((m) => m.uitbetalingPdf)));
  verb(uitbetaling, 'open', 'toon per gastouder wat is ontvangen en nog niet uitbetaald (exit 1 als een termijn verstreken is)').action(
    run('db', () => import('../commands/uitbetaling/open.js').then((m) => m.uitbetalingOpen)),
  );

  const sepa = noun(program, 'sepa', 'SEPA-bestanden voor de bank');
  verb(sepa, 'incasso', 'incasseer het open saldo van elke ouder met machtiging (pain.008); creditfacturen worden verrekend')
    .option('--incassodatum <datum>', 'de gewenste incassodatum')
    .option('--out <bestand>', 'het XML-bestand')
    .option('--formaat <formaat>', 'pain.008.001.08 (standaard) of pain.008.001.02')
    .option('--force', 'overschrijf een bestaand bestand')
    .action(run('db', () => import('../commands/sepa/incasso.js').then((m) => m.sepaIncasso)));
  verb(sepa, 'uitbetaling', 'maak de overboekingen van uitbetalingen (pain.001); een uitbetaling gaat in één bestand, nooit in een tweede')
    .option('--uitbetaling <nummer...>', 'uitbetalingnummers (uitvoerdatum: de eerste TARGET2-dag vanaf vandaag en hun datum)')
    .option('--datum <datum>', 'alle uitbetalingen van deze datum die nog in geen bestand staan; ook de uitvoerdatum')
    .option('--out <bestand>', 'het XML-bestand')
    .option('--formaat <formaat>', 'pain.001.001.09 (standaard) of pain.001.001.03')
    .option('--force', 'overschrijf een bestaand bestand')
    .action(run('db', () => import('../commands/sepa/uitbetaling.js').then((m) => m.sepaUitbetaling)));
  verb(sepa, 'list', 'toon elk bewaard bankbestand').action(run('db', () => import('../commands/sepa/list.js').then((m) => m.sepaList)));
  verb(sepa, 'bestand', 'schrijf een bewaard bankbestand opnieuw, byte voor byte')
    .argument('<berichtId>', 'het bericht-id (GOB-INC-… of GOB-UIT-…), zie gob sepa list')
    .option('--out <bestand>', 'het XML-bestand')
    .option('--force', 'overschrijf een bestaand bestand')
    .action(run('db', () => import('../commands/sepa/bestand.js').then((m) => m.sepaBestand)));

  const kwaliteit = noun(program, 'kwaliteit', 'kwaliteitseisen per gastouder: bezoeken, evaluaties, certificaten (§10)');
  verb(
    kwaliteit,
    'check',
    'welke plichten te laat zijn of binnenkort verlopen, per gastouder met een actieve koppeling (exit 1 als er een te laat is)',
  )
    .option('--gastouder <code>', 'alleen deze gastouder (en al haar plichten, ook wat in orde is)')
    .option('--tot <datum>', 'kijk verder vooruit dan 30 dagen: binnenkort is alles wat tot en met deze datum moet')
    .option('--csv', 'als CSV (één rij per plicht)')
    .action(run('db', () => import('../commands/kwaliteit/check.js').then((m) => m.kwaliteitCheck)));
  verb(kwaliteit, 'pdf', 'schrijf het kwaliteitsdossier van een gastouder voor de GGD als PDF')
    .option('--gastouder <code>', 'de gastouder')
    .option('--out <bestand>', 'het PDF-bestand')
    .option('--force', 'overschrijf een bestaand bestand')
    .action(run('db', () => import('../commands/kwaliteit/pdf.js').then((m) => m.kwaliteitPdf)));

  const contract = noun(program, 'contract', 'overeenkomsten van opdracht');
  verb(contract, 'pdf', 'schrijf de overeenkomst van een koppeling als PDF (ondertekend als het bureau een certificaat heeft)')
    .option('--koppeling <code>', 'de koppeling')
    .option('--soort <soort>', 'gastouder (vraagouder–gastouder, standaard) of bureau (vraagouder–gastouderbureau)')
    .option('--ouder <code>', 'de overeenkomst van deze ouder: de ouder van het kind (standaard) of de tweede-ouder van de koppeling')
    .option('--template <bestand>', 'een eigen sjabloon in plaats van templates/overeenkomst-<soort>.md')
    .option('--out <bestand>', 'het PDF-bestand')
    .option('--force', 'overschrijf een bestaand bestand')
    .action(run('db', () => import('../commands/contract/pdf.js').then((m) => m.contractPdf)));
  verb(contract, 'teken', 'leg de handtekening van een partij vast')
    .option('--koppeling <code>', 'de koppeling')
    .option('--soort <soort>', 'gastouder (standaard) of bureau')
    .option('--partij <partij>', 'ouder, gastouder of bureau')
    .option('--ouder <code>', 'bij --partij ouder: welke ouder tekent (standaard de ouder van het kind, of de tweede-ouder)')
    .option('--naam <naam>', 'naam van wie tekent')
    .option('--datum <datum>', 'datum (standaard vandaag)')
    .option('--plaats <plaats>', 'plaats')
    .option('--force', 'vervang een handtekening die al is vastgelegd')
    .action(run('db', () => import('../commands/contract/teken.js').then((m) => m.contractTeken)));

  for (const [path, lines] of Object.entries(EXAMPLES)) {
    const command = findCommand(program, path ? path.split(' ') : []);
    if (command) command.addHelpText('after', `\nVoorbeelden:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`);
  }
  guardArguments(program);
  return program;
}

/** The command a commander error came from (for main.ts's messages, which name it). */
const ERROR_COMMANDS = new WeakMap<CommanderError, Command>();

export function commandOfError(error: CommanderError): Command | undefined {
  return ERROR_COMMANDS.get(error);
}

/**
 * What holds for every option and argument of every command, done once here rather than per
 * command: an option that takes one value, given twice, is a usage error (commander would keep
 * the last one silently, and a script with `--uurtarief 7,50 … --uurtarief 75,00` would store the
 * wrong one); a value that is itself one of the command's options means the option before it got
 * none (`--naam --geboortedatum 1980-01-01`); and a code, as option or argument, is trimmed, as
 * parseCode trims, so that `show " G0001 "` finds what `add --code " G0001 "` stored. Lists
 * (`--uitbetaling <nummer...>`) may repeat.
 */
function guardArguments(command: Command): void {
  const known = new Set<string>();
  for (let c: Command | null = command; c; c = c.parent) for (const o of c.options) if (o.long) known.add(o.long);
  for (const option of command.options) {
    if (!(option.required || option.optional) || option.variadic) continue;
    const key = option.attributeName();
    const parse = option.parseArg;
    const isCode = option.flags.endsWith('<code>');
    let first = '';
    option.argParser((raw: string, previous: unknown) => {
      if (known.has(raw)) throw new UsageError(`De optie ${option.long} heeft een waarde nodig; '${raw}' is zelf een optie.`);
      if (command.getOptionValueSource(key) === 'cli') {
        throw new UsageError(
          `De optie ${option.long} is twee keer gegeven ('${showUnknownValue(first)}' en '${showUnknownValue(raw)}'); geef haar één keer.`,
        );
      }
      first = raw;
      const value = isCode ? raw.trim() : raw;
      return parse ? parse(value, previous) : value;
    });
  }
  for (const argument of command.registeredArguments) {
    if (argument.name() === 'code' && !argument.variadic) argument.argParser((raw: string) => raw.trim());
  }
  command.exitOverride((error) => {
    ERROR_COMMANDS.set(error, command);
    throw error;
  });
  for (const sub of command.commands) guardArguments(sub);
}

/** The command at a path of names (`['factuur', 'run']`), or undefined. */
export function findCommand(program: Command, names: readonly string[]): Command | undefined {
  let command: Command | undefined = program;
  for (const name of names) command = command?.commands.find((c) => c.name() === name);
  return command;
}

/**
 * `gob help <opdracht...>` as `gob <opdracht...> --help`, so that it reaches subcommands too
 * (`gob help factuur run`), and an unknown name is named instead of answered with the overview.
 */
export function helpArguments(program: Command, argv: readonly string[]): string[] {
  if (argv[0] !== 'help' || argv.length < 2) return [...argv];
  const names = argv.slice(1).filter((a) => !a.startsWith('-'));
  for (let i = 0; i < names.length; i++) {
    if (!findCommand(program, names.slice(0, i + 1))) {
      const what = names.slice(0, i + 1).join(' ');
      throw new UsageError(
        `Onbekende opdracht '${what}'. Zie 'gob ${i === 0 ? '' : `${names.slice(0, i).join(' ')} `}--help' voor de opdrachten.`,
      );
    }
  }
  return [...names, '--help'];
}
