/** The hourly rate a koppeling's month was first invoiced at; later corrections of that month use it. */
export interface MaandtariefTable {
  maand: string;
  koppeling: string;
  uurtarief_cent: number;
  /** The co-parent and the share of the kind's ouder when the month was first invoiced (null: from before 0006, nothing shared). */
  tweede_ouder: string | null;
  verdeling: number | null;
}

/** The bureau's fee settings a month was first invoiced with; corrections of that month use them. */
export interface MaandbureaukostenTable {
  maand: string;
  model: 'maand' | 'uur';
  een_kind_cent: number;
  meer_kinderen_cent: number;
  uur: string | null;
  /** Whether the month bills agreed hours (§9), and the notice for an absence, as when first invoiced. */
  afgesproken_uren: number;
  afmeldtermijn: number;
}
