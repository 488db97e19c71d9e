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
  const rows = wantedRows(pairs, isWanted, idf);
  const edges: NestingEdge[] = [];
  for (const [short, long] of candidates) {
    if (rows.cosine(index.get(short)!, index.get(long)!) < minSimilarity) continue;
    const [narrower, broader] = papers(short) < papers(long) || (papers(short) === papers(long) && compareIds(short, long) > 0) ? [short, long] : [long, short];
    edges.push({ narrower, broader });
  }
  return edges.sort((a, b) => compareIds(a.narrower, b.narrower) || compareIds(a.broader, b.broader));
}

/**
 * The co-occurrence rows of the wanted concepts, each neighbour's papers in common times
 * its idf, in compressed rows (entries in pair order): the pairs run to tens of millions
 * at 85,000 papers, and a Map per row was most of the hierarchy's time there.
 */
function wantedRows(pairs: CooccurrenceCounts['pairs'], isWanted: Uint8Array, idf: Float64Array) {
  const n = isWanted.length;
  const start = new Uint32Array(n + 1);
  for (let k = 0; k < pairs.source.length; k++) {
    if (isWanted[pairs.source[k]]) start[pairs.source[k] + 1]++;
    if (isWanted[pairs.target[k]]) start[pairs.target[k] + 1]++;
  }
  for (let c = 0; c < n; c++) start[c + 1] += start[c];
  const other = new Uint32Array(start[n]);
  const value = new Float64Array(start[n]);
  const fill = start.slice(0, n);
  for (let k = 0; k < pairs.source.length; k++) {
    const s = pairs.source[k];
    const t = pairs.target[k];
    if (isWanted[s]) {
      other[fill[s]] = t;
      value[fill[s]++] = pairs.papers[k] * idf[t];
    }
    if (isWanted[t]) {
      other[fill[t]] = s;
      value[fill[t]++] = pairs.papers[k] * idf[s];
    }
  }
  /** One row spread over all concepts (NaN: no entry), to look up the other row's entries in. */
  const spread = new Float64Array(n).fill(NaN);
  return {
    /** Cosine of the rows of a and b, leaving out the two forms themselves. */
    cosine(a: number, b: number): number {
      let dot = 0;
      let na = 0;
      let nb = 0;
      for (let k = start[b]; k < start[b + 1]; k++) spread[other[k]] = value[k];
      for (let k = start[a]; k < start[a + 1]; k++) {
        if (other[k] === a || other[k] === b) continue;
        na += value[k] * value[k];
        const y = spread[other[k]];
        if (!Number.isNaN(y)) dot += value[k] * y;
      }
      for (let k = start[b]; k < start[b + 1]; k++) {
        if (other[k] !== a && other[k] !== b) nb += value[k] * value[k];
        spread[other[k]] = NaN;
      }
      return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
    },
  };
}
