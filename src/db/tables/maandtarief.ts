/** The hourly rate a koppeling's month was first invoiced at; later corrections of that month use it. */
export interface MaandtariefTable {
  maand: string;
  koppeling: string;
  uurtarief_cent: number;
}

/** The bureau's fee settings a month was first invoiced with; corrections of that month use them. */
export interface MaandbureaukostenTable {
  maand: string;
  model: 'maand' | 'uur';
  een_kind_cent: number;
  meer_kinderen_cent: number;
  uur: string | null;
}
