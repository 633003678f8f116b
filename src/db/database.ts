// The one Database interface Kysely types every query with: table name → row type.
import type { AfwezigheidTable } from './tables/afwezigheid.js';
import type { BankbestandGeschrevenTable, BankbestandTable, BankbestandUitbetalingTable } from './tables/bankbestand.js';
import type { BetalingTable, ToewijzingTable } from './tables/betaling.js';
import type { BureauTable } from './tables/bureau.js';
import type { FactuurregelTable, FactuurTable, NummeringTable } from './tables/factuur.js';
import type { GastouderTable } from './tables/gastouder.js';
import type { HandtekeningTable } from './tables/handtekening.js';
import type { JaaropgaveTable, ToeslagtariefTable } from './tables/jaaropgave.js';
import type { KindTable } from './tables/kind.js';
import type { BezoekTable, HuisgenootTable } from './tables/kwaliteit.js';
import type { KoppelingTable } from './tables/koppeling.js';
import type { LogTable } from './tables/log.js';
import type { MaandbureaukostenTable, MaandtariefTable } from './tables/maandtarief.js';
import type { OuderTable } from './tables/ouder.js';
import type { MaandroosterTable, RoosterTable } from './tables/rooster.js';
import type { UitbetalingregelTable, UitbetalingTable } from './tables/uitbetaling.js';
import type { UrenkaartTable } from './tables/urenkaart.js';

export interface Database {
  bureau: BureauTable;
  gastouder: GastouderTable;
  ouder: OuderTable;
  kind: KindTable;
  koppeling: KoppelingTable;
  rooster: RoosterTable;
  urenkaart: UrenkaartTable;
  maandtarief: MaandtariefTable;
  maandbureaukosten: MaandbureaukostenTable;
  maandrooster: MaandroosterTable;
  nummering: NummeringTable;
  factuur: FactuurTable;
  factuurregel: FactuurregelTable;
  betaling: BetalingTable;
  toewijzing: ToewijzingTable;
  uitbetaling: UitbetalingTable;
  uitbetalingregel: UitbetalingregelTable;
  bankbestand: BankbestandTable;
  bankbestand_geschreven: BankbestandGeschrevenTable;
  bankbestand_uitbetaling: BankbestandUitbetalingTable;
  handtekening: HandtekeningTable;
  toeslagtarief: ToeslagtariefTable;
  afwezigheid: AfwezigheidTable;
  huisgenoot: HuisgenootTable;
  bezoek: BezoekTable;
  jaaropgave: JaaropgaveTable;
  log: LogTable;
}
