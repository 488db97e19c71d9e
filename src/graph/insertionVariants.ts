// Concepts that differ by one inserted word and are used alike: "spiking network" and
// "spiking neural network", "deep network" and "deep neural network". The shorter form
// is then a variant of the longer one, and the one in fewer papers goes under the other
// in the hierarchy, so a topic of the preferred form also finds the papers of its variant.
//
// Method: insertion variants of term variation (Jacquemin 2001, "Spotting and
// discovering terms through natural language processing", MIT Press: a modifier
// inserted inside a term, "spiking [neural] network"), which are sometimes the same
// concept and sometimes a narrower one ("Bayesian network" is no "Bayesian neural
// network"). Which is told by the distributional hypothesis as automatic thesaurus
// construction uses it (Grefenstette 1994, "Explorations in automatic thesaurus
// discovery", Kluwer): two forms are variants when the concepts they co-occur with
// agree, cosine of their co-occurrence rows, each neighbour weighted by its inverse
// document frequency, at least `minSimilarity`. On the NeurIPS/ICML/ICLR store the
// "neural" forms of spiking, recurrent, convolutional, deep and feedforward networks
// score above 0.25 against the short forms, Bayesian neural network against Bayesian
// network below 0.2; at 0.25, 216 pairs are variants.
// Only internal insertions count: a word added at either end makes another term
// ("neural network model", "deep neural network" against "neural network").
import { compareIds, type CooccurrenceCounts } from './cooccurrence.ts';
import type { NestingEdge } from './nesting.ts';

export interface InsertionVariantOptions {
  /** Least cosine of the two forms' co-occurrence rows. Default 0.25. */
  minSimilarity: number;
  /** Fewest papers of each form: below, rows are too sparse to compare. Default 3. */
  minPapers: number;
}

export const INSERTION_DEFAULTS: InsertionVariantOptions = { minSimilarity: 0.25, minPapers: 3 };

export function insertionVariants(counts: CooccurrenceCounts, options: Partial<InsertionVariantOptions> = {}): NestingEdge[] {
  const { minSimilarity, minPapers } = { ...INSERTION_DEFAULTS, ...options };
  const papers = (id: string) => counts.occurrences.get(id) ?? 0;
  const candidates: [string, string][] = [];
  for (const long of [...counts.occurrences.keys()].sort(compareIds)) {
    const words = long.split(' ');
    if (words.length < 3 || papers(long) < minPapers) continue;
    for (let i = 1; i < words.length - 1; i++) {
      const short = [...words.slice(0, i), ...words.slice(i + 1)].join(' ');
      if (papers(short) >= minPapers) candidates.push([short, long]);
    }
  }
  if (candidates.length === 0) return [];

  const { ids, pairs } = counts;
  const index = new Map(ids.map((id, i) => [id, i]));
  const wanted = new Set(candidates.flat());
  const isWanted = Uint8Array.from(ids, (id) => (wanted.has(id) ? 1 : 0));
  const idf = Float64Array.from(ids, (id) => Math.log(1 + counts.papers / Math.max(1, papers(id))));
  // Rows by concept index, entries in pair order.
  const rows = new Map<number, Map<number, number>>();
  const add = (own: number, other: number, common: number) => {
    if (!isWanted[own]) return;
    let row = rows.get(own);
    if (!row) rows.set(own, (row = new Map()));
    row.set(other, common * idf[other]);
  };
  for (let k = 0; k < pairs.source.length; k++) {
    add(pairs.source[k], pairs.target[k], pairs.papers[k]);
    add(pairs.target[k], pairs.source[k], pairs.papers[k]);
  }
  const edges: NestingEdge[] = [];
  for (const [short, long] of candidates) {
    const s = index.get(short)!;
    const l = index.get(long)!;
    if (cosine(rows.get(s), rows.get(l), s, l) < minSimilarity) continue;
    const [narrower, broader] = papers(short) < papers(long) || (papers(short) === papers(long) && compareIds(short, long) > 0) ? [short, long] : [long, short];
    edges.push({ narrower, broader });
  }
  return edges.sort((a, b) => compareIds(a.narrower, b.narrower) || compareIds(a.broader, b.broader));
}

/** Cosine of two co-occurrence rows, leaving out the two forms themselves. */
function cosine(a: Map<number, number> | undefined, b: Map<number, number> | undefined, skipA: number, skipB: number): number {
  if (!a || !b) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [id, x] of a) {
    if (id === skipA || id === skipB) continue;
    na += x * x;
    const y = b.get(id);
    if (y !== undefined) dot += x * y;
  }
  for (const [id, y] of b) if (id !== skipA && id !== skipB) nb += y * y;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
