// Types of scripts/pg-cluster.mjs, for the tests and benches that start a cluster.
export interface Cluster {
  dir: string;
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  stop(): void;
}
export const PASSWORD_ROLE: string;
export function findPgBin(name: string): string | null;
export function freePort(): Promise<number>;
export function urlOf(port: number, database?: string): string;
export function startCluster(dir?: string): Promise<Cluster>;
export function stopCluster(dir: string, options?: { pgCtl?: string; keep?: boolean }): void;
