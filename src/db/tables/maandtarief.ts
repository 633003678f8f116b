/** The hourly rate a koppeling's month was first invoiced at; later corrections of that month use it. */
export interface MaandtariefTable {
  maand: string;
  koppeling: string;
  uurtarief_cent: number;
}
