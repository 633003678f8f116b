// Frozen: never edit a migration that has shipped; add a new file and list it in migrations/index.ts.
// Privacy (CONTRACT v2 §13):
// - bureau: `bewaartermijn`, the retention term in years (default 7, the fiscal term; at least 7,
//   because invoices are fiscal records for that long).
// - The immutability triggers of invoices, jaaropgaven and stored bank files let through exactly
//   one change: anonymisation (`gob bewaartermijn opschonen`). Every other column stays as it is;
//   in the JSON snapshot (`gegevens`) only a person's fields may change, and only to their
//   anonymised form: a name to `geanonimiseerd <code>` (a partner's name to null), a birth date to
//   1 January of its year, an address, postcode, place, e-mail, phone, IBAN, BSN or mandate to
//   null. The bureau's own details, the figures and the structure of the document (its keys) never
//   change. A stored bank file keeps every column but its bytes, and of those only lines holding a
//   <Nm>, <IBAN> or <MndtId> element may change, to `geanonimiseerd` (a name: `geanonimiseerd <code>`).
//   Deleting stays refused; factuurregel and bankbestand_uitbetaling hold no personal data and
//   stay wholly immutable.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { run, type Step } from './portable.js';

/** SQLite: `gegevens` changed from `o` to `n` by anonymisation alone (see above), as a condition. */
function sqliteSnapshotOk(o: string, n: string): string {
  return `(json_valid(${n}) and json_type(${n}) = 'object'
    and not exists (select fullkey from json_tree(${o}) except select fullkey from json_tree(${n}))
    and not exists (select fullkey from json_tree(${n}) except select fullkey from json_tree(${o}))
    and not exists (
      select 1 from json_tree(${n}) b join json_tree(${o}) a on a.fullkey = b.fullkey
      left join json_tree(${n}) p on p.id = b.parent
      where (a.type is not b.type or a.atom is not b.atom)
        and not (
          b.fullkey not like '$.bureau.%' and (
            (b.key in ('adres', 'postcode', 'plaats', 'email', 'telefoon', 'iban', 'bsn', 'mandaat') and b.type = 'null')
            or (b.key = 'naam' and p.key = 'partner' and b.type = 'null')
            or (b.key = 'naam' and b.type = 'text' and b.atom = 'geanonimiseerd ' || coalesce(
                  (select s.atom from json_tree(${n}) s where s.parent = b.parent and s.key = 'code'), p.key))
            or (b.key = 'geboortedatum' and (b.type = 'null' or (a.type = 'text' and b.atom = substr(a.atom, 1, 4) || '-01-01')))
          )
        )
    ))`;
}

/** The columns of a table other than the snapshot, all unchanged (`is`: null-safe). */
const same = (columns: string[]) => columns.map((c) => `new.${c} is old.${c}`).join(' and ');

function sqliteTrigger(table: string, columns: string[], message: string): RawBuilder<unknown> {
  return sql.raw(`create trigger ${table}_onveranderlijk before update on ${table}
    when not (${same(columns)} and ${sqliteSnapshotOk('old.gegevens', 'new.gegevens')})
    begin select raise(abort, '${message}'); end`);
}

/**
 * SQLite: a stored SEPA file (pretty-printed XML, one element per line) changed by anonymisation
 * alone: the same number of lines, and every line that differs is, at the same indentation and
 * for the same element, an anonymised <Nm>, <IBAN> or <MndtId>. The lines are compared as a JSON
 * array with EXCEPT (sorted sets, O(n log n)), because walking a 44,000-transaction file with
 * substr in a trigger would be quadratic.
 */
const lines = (x: string) =>
  `('["' || replace(replace(replace(replace(replace(cast(${x} as text), '\\', '\\\\'), '"', '\\"'), char(13), '\\r'), char(9), '\\t'), char(10), '","') || '"]')`;
const anoniemeRegel = (v: string) =>
  `(trim(${v}) in ('<IBAN>geanonimiseerd</IBAN>', '<MndtId>geanonimiseerd</MndtId>') or trim(${v}) like '<Nm>geanonimiseerd %</Nm>')`;
const sqliteBankOk = `(${same(['bericht_id', 'soort', 'datum', 'formaat', 'aantal', 'totaal_cent', 'bestand', 'aangemaakt'])}
  and old.inhoud is not null and new.inhoud is not null
  and json_array_length(${lines('old.inhoud')}) = json_array_length(${lines('new.inhoud')})
  and not exists (
    select 1 from (select key, value from json_each(${lines('new.inhoud')}) except select key, value from json_each(${lines('old.inhoud')})) n
    left join (select key, value from json_each(${lines('old.inhoud')}) except select key, value from json_each(${lines('new.inhoud')})) o
      on o.key = n.key
    where not (${anoniemeRegel('n.value')} and o.key is not null
      and substr(o.value, 1, instr(o.value, '>')) = substr(n.value, 1, instr(n.value, '>')))
  ))`;

/**
 * PostgreSQL: the same check as a plpgsql function over jsonb, walking both snapshots together.
 * `pad` is the path of keys to here; `houder` the object holding the leaf (for its `code`).
 */
const pgSnapshotFunction = sql`create function gob_anoniem(o jsonb, n jsonb, pad text[], houder jsonb) returns boolean
  language plpgsql immutable as $$
  declare
    k text;
    sleutel text := pad[array_length(pad, 1)];
    bovenliggend text := pad[array_length(pad, 1) - 1];
  begin
    if o is not distinct from n then return true; end if;
    if jsonb_typeof(o) = 'object' and jsonb_typeof(n) = 'object' then
      if (select array_agg(x order by x) from jsonb_object_keys(o) x) is distinct from
         (select array_agg(x order by x) from jsonb_object_keys(n) x) then return false; end if;
      for k in select jsonb_object_keys(o) loop
        if not gob_anoniem(o -> k, n -> k, pad || k, o) then return false; end if;
      end loop;
      return true;
    end if;
    if jsonb_typeof(o) = 'array' and jsonb_typeof(n) = 'array' then
      if jsonb_array_length(o) <> jsonb_array_length(n) then return false; end if;
      for i in 0 .. jsonb_array_length(o) - 1 loop
        if not gob_anoniem(o -> i, n -> i, pad || i::text, o) then return false; end if;
      end loop;
      return true;
    end if;
    if jsonb_typeof(o) in ('object', 'array') or jsonb_typeof(n) in ('object', 'array') then return false; end if;
    if pad[2] = 'bureau' then return false; end if;
    if sleutel in ('adres', 'postcode', 'plaats', 'email', 'telefoon', 'iban', 'bsn', 'mandaat') then
      return jsonb_typeof(n) = 'null';
    end if;
    if sleutel = 'naam' then
      return (bovenliggend = 'partner' and jsonb_typeof(n) = 'null')
        or n = to_jsonb('geanonimiseerd ' || coalesce(houder ->> 'code', bovenliggend));
    end if;
    if sleutel = 'geboortedatum' then
      return jsonb_typeof(n) = 'null' or (jsonb_typeof(o) = 'string' and n = to_jsonb(left(o #>> '{}', 4) || '-01-01'));
    end if;
    return false;
  end $$`;

/** PostgreSQL: the trigger function of invoices and jaaropgaven; the message is the trigger's argument. */
const pgSnapshotTrigger = sql`create function gob_alleen_anonimiseren() returns trigger language plpgsql as $$
  begin
    if (to_jsonb(new) - 'gegevens') = (to_jsonb(old) - 'gegevens')
       and gob_anoniem(old.gegevens::jsonb, new.gegevens::jsonb, array['$'], null) then
      return new;
    end if;
    raise exception using message = tg_argv[0];
  end $$`;

/** PostgreSQL: the same line-by-line check of a stored SEPA file as SQLite's above. */
const pgBankTrigger = sql`create function gob_bankbestand_anonimiseren() returns trigger language plpgsql as $$
  declare
    oud text[];
    nieuw text[];
  begin
    if (to_jsonb(new) - 'inhoud') = (to_jsonb(old) - 'inhoud') and old.inhoud is not null and new.inhoud is not null then
      oud := string_to_array(convert_from(old.inhoud, 'UTF8'), E'\n');
      nieuw := string_to_array(convert_from(new.inhoud, 'UTF8'), E'\n');
      if cardinality(oud) = cardinality(nieuw) then
        for i in 1 .. cardinality(oud) loop
          if oud[i] is distinct from nieuw[i] and not (
            (trim(nieuw[i]) in ('<IBAN>geanonimiseerd</IBAN>', '<MndtId>geanonimiseerd</MndtId>') or trim(nieuw[i]) like '<Nm>geanonimiseerd %</Nm>')
            and substr(oud[i], 1, strpos(oud[i], '>')) = substr(nieuw[i], 1, strpos(nieuw[i], '>'))
          ) then
            raise exception using message = tg_argv[0];
          end if;
        end loop;
        return new;
      end if;
    end if;
    raise exception using message = tg_argv[0];
  end $$`;

const pgTrigger = (table: string, fn: string, message: string) =>
  sql.raw(`create trigger ${table}_onveranderlijk before update on ${table} for each row execute function ${fn}('${message}')`);

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements: Step[] = [
    sql`alter table bureau add column bewaartermijn integer not null default 7 check (bewaartermijn between 7 and 100)`,
    {
      sqlite: [
        sql`drop trigger factuur_onveranderlijk`,
        sqliteTrigger(
          'factuur',
          ['nummer', 'ouder', 'maand', 'datum', 'vervaldatum', 'correctie_van', 'totaal_cent'],
          'een factuur wordt nooit gewijzigd',
        ),
        sql`drop trigger jaaropgave_onveranderlijk`,
        sqliteTrigger(
          'jaaropgave',
          ['nummer', 'versie', 'jaar', 'ouder', 'datum', 'minuten', 'totaal_cent', 'kenmerk'],
          'een jaaropgave wordt nooit gewijzigd',
        ),
        sql`drop trigger bankbestand_onveranderlijk`,
        sql.raw(`create trigger bankbestand_onveranderlijk before update on bankbestand when not ${sqliteBankOk}
          begin select raise(abort, 'een bankbestand wordt nooit gewijzigd'); end`),
      ],
      postgres: [
        pgSnapshotFunction,
        pgSnapshotTrigger,
        pgBankTrigger,
        sql`drop trigger factuur_onveranderlijk on factuur`,
        pgTrigger('factuur', 'gob_alleen_anonimiseren', 'een factuur wordt nooit gewijzigd'),
        sql`drop trigger jaaropgave_onveranderlijk on jaaropgave`,
        pgTrigger('jaaropgave', 'gob_alleen_anonimiseren', 'een jaaropgave wordt nooit gewijzigd'),
        sql`drop trigger bankbestand_onveranderlijk on bankbestand`,
        pgTrigger('bankbestand', 'gob_bankbestand_anonimiseren', 'een bankbestand wordt nooit gewijzigd'),
      ],
    },
  ];
  await run(db, statements);
}
