export function random(seed: number): () => number;
export function buildBureau(
  dir: string,
  options: { gastouders: number; seed?: number; kinderenPerGastouder?: number; achterwacht?: boolean; kinderenPerOuder?: number },
): {
  kinderen: number;
  ouders: number;
  slots: { gastouder: string; kind: string; koppeling: string; dag: string; van: string; tot: string }[];
};
