export function writeUrenkaart(file: string, slots: { gastouder: string; kind: string }[]): number;
export function benchUrenkaart(): Promise<unknown>;
