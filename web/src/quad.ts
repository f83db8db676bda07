// CAMEO's four quad classes: their names and the colours the map, list and legend share.

export const QUADS: Record<number, { name: string; colour: string }> = {
  1: { name: "verbal cooperation", colour: "#2c7fb8" },
  2: { name: "material cooperation", colour: "#1a9850" },
  3: { name: "verbal conflict", colour: "#f28e2b" },
  4: { name: "material conflict", colour: "#d7301f" },
};

export const quadOf = (q: number) => QUADS[q] ?? { name: `quad ${q}`, colour: "#777777" };
