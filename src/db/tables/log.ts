import type { Generated, Insertable, Selectable } from 'kysely';

export interface LogTable {
  id: Generated<number>;
  tijdstip: string;
  gebruiker: string;
  commando: string;
  wijziging: string;
}
export type LogRow = Selectable<LogTable>;
export type NewLog = Insertable<LogTable>;
