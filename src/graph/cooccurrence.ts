// Co-occurrence counting: how many papers mention both concepts of a pair.
//
// Method: document-level co-occurrence with full counting, as in co-word analysis
// (Callon et al. 1983) and VOSviewer's term maps (van Eck & Waltman 2010): each
// paper adds 1 to every pair of the concepts it mentions, however often it
// mentions them.
//
// A paper pairs up only its `maxConceptsPerPaper` most central concepts (by the
// extractor's per-paper mention score). Pairs grow with the square of a paper's
// concepts: a 16k-character abstract with 450 concepts would alone add ~100k pairs,
// mostly between incidental phrases. Typical abstracts have fewer concepts than the
// cap and lose nothing: the cap is set well above them (the sample corpus peaks at
// 68 concepts a paper, NeurIPS abstracts average ~30) so that an edge's paper count
// matches the list of papers the explorer opens behind it.
import { MentionTable } from './mentionTable.ts';
import type { MentionList } from './model.ts';

export interface CooccurrenceOptions {
  /** Concepts per paper that take part in pairs, most central first. Default 100 (4,950 pairs at most per paper). */
  maxConceptsPerPaper?: number;
  /** Pair occurrences sorted at once (the working memory of counting: 4 bytes each). Default 8 million. */
  keysPerRun?: number;
}

const DEFAULTS: Required<CooccurrenceOptions> = {
  maxConceptsPerPaper: 100,
  keysPerRun: 8_000_000,
};

/** Papers in common for one pair of concepts, `source < target`. */
export interface PairCount {
  source: string;
  target: string;
  papers: number;
}

export interface CooccurrenceCounts {
  /** Every concept mentioned, in code-unit order: pairs name concepts by index into it. */
  ids: string[];
  /**
   * Every pair seen in at least one paper, sorted by source then target: concept
   * indexes (`source[k] < target[k]`) and papers in common. Typed arrays, since a corpus
   * of 85,000 papers has tens of millions of pairs, too many for objects or a Map.
   */
  pairs: { source: Uint32Array; target: Uint32Array; papers: Uint32Array };
  /** For each concept, the papers in which it took part in pairing (its row total's denominator). */
  occurrences: Map<string, number>;
  /** Papers that contributed at least one concept. */
  papers: number;
}

export function countCooccurrences(list: MentionList, options: CooccurrenceOptions = {}): CooccurrenceCounts {
  const { maxConceptsPerPaper, keysPerRun } = { ...DEFAULTS, ...options };
  if (!Number.isInteger(maxConceptsPerPaper) || maxConceptsPerPaper < 2) {
    throw new RangeError(`maxConceptsPerPaper must be an integer ≥ 2, got ${maxConceptsPerPaper}`);
  }
  const mentions = MentionTable.of(list);

  // Pairs are counted a range of source concepts at a time: each run lists the targets
  // of its pair occurrences bucketed by source (the counts per source are known, so
  // the buckets are cut in advance), sorts each bucket, and counts each pair as one
  // run of equal targets; sources then targets in order is the pairs' order. The runs
  // cover consecutive ranges of sources of at most `keysPerRun` occurrences each: an
  // 85,000-paper corpus makes ~50 million pair occurrences, whose targets at once
  // would be the largest allocation of the ingest.
  const used = new Uint8Array(mentions.conceptIds.length);
  for (let k = 0; k < mentions.length; k++) used[mentions.conceptOf(k)] = 1;
  const ids = mentions.conceptIds.filter((_, c) => used[c] === 1).sort(compareIds);
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  /** Each concept number of the table as its place in `ids`. */
  const sortedOf = Uint32Array.from(mentions.conceptIds, (id) => indexOf.get(id) ?? 0);
  const n = ids.length;
  const occurrences = new Map<string, number>();
  const pairedByPaper: Uint32Array[] = [];
  /** Pair occurrences by their source concept. */
  const bySource = new Float64Array(n);
  // Each paper's mentions (papers in the order they first appear), by counting sort.
  const paperStart = new Uint32Array(mentions.papers + 1);
  for (let k = 0; k < mentions.length; k++) paperStart[mentions.paperOf(k) + 1]++;
  for (let p = 0; p < mentions.papers; p++) paperStart[p + 1] += paperStart[p];
  const ofPaper = new Uint32Array(mentions.length);
  const fillPaper = paperStart.slice(0, mentions.papers);
  for (let k = 0; k < mentions.length; k++) ofPaper[fillPaper[mentions.paperOf(k)]++] = k;
  const rank = (a: number, b: number) => rankMentions(mentions, a, b);
  let contributing = 0;
  for (let p = 0; p < mentions.papers; p++) {
    if (paperStart[p + 1] === paperStart[p]) continue;
    contributing++;
    // A concept listed twice for one paper still co-occurs once; keep its best mention.
    const best = new Map<number, number>();
    for (let e = paperStart[p]; e < paperStart[p + 1]; e++) {
      const k = ofPaper[e];
      const seen = best.get(mentions.conceptOf(k));
      if (seen === undefined || rank(k, seen) < 0) best.set(mentions.conceptOf(k), k);
    }
    const kept = Uint32Array.from(
      [...best.values()]
        .sort(rank)
        .slice(0, maxConceptsPerPaper)
        .map((k) => sortedOf[mentions.conceptOf(k)]),
    ).sort();
    pairedByPaper.push(kept);
    for (let a = 0; a < kept.length; a++) {
      bySource[kept[a]] += kept.length - 1 - a;
      occurrences.set(ids[kept[a]], (occurrences.get(ids[kept[a]]) ?? 0) + 1);
    }
  }
  const runs: [number, number][] = [];
  for (let lo = 0, hi = 0; lo < n; lo = hi) {
    let size = 0;
    while (hi < n && (hi === lo || size + bySource[hi] <= keysPerRun)) size += bySource[hi++];
    runs.push([lo, hi]);
  }
  /** The targets of the pairs with a source in [lo, hi): source s's are targets[start[s - lo] .. start[s - lo + 1]), ascending. */
  const runTargets = (lo: number, hi: number) => {
    const start = new Float64Array(hi - lo + 1);
    for (let s = lo; s < hi; s++) start[s - lo + 1] = start[s - lo] + bySource[s];
    const targets = new Uint32Array(start[hi - lo]);
    const fill = start.slice(0, hi - lo);
    for (const kept of pairedByPaper) {
      for (let a = 0; a < kept.length && kept[a] < hi; a++) {
        if (kept[a] < lo) continue;
        const at = kept[a] - lo;
        for (let b = a + 1; b < kept.length; b++) targets[fill[at]++] = kept[b];
      }
    }
    for (let s = 0; s < hi - lo; s++) if (start[s + 1] - start[s] > 1) targets.subarray(start[s], start[s + 1]).sort();
    return { start, targets };
  };
  const distinctIn = ({ start, targets }: ReturnType<typeof runTargets>) => {
    let distinct = 0;
    for (let s = 0; s + 1 < start.length; s++) {
      for (let k = start[s]; k < start[s + 1]; k++) if (k === start[s] || targets[k] !== targets[k - 1]) distinct++;
    }
    return distinct;
  };
  // Two rounds: the first counts distinct pairs, so the result is allocated once at its size.
  const distinct = runs.reduce((sum, [lo, hi]) => sum + distinctIn(runTargets(lo, hi)), 0);
  const pairs = { source: new Uint32Array(distinct), target: new Uint32Array(distinct), papers: new Uint32Array(distinct) };
  let d = -1;
  for (const [lo, hi] of runs) {
    const { start, targets } = runTargets(lo, hi);
    for (let s = 0; s < hi - lo; s++) {
      for (let k = start[s]; k < start[s + 1]; k++) {
        if (k === start[s] || targets[k] !== targets[k - 1]) {
          d++;
          pairs.source[d] = lo + s;
          pairs.target[d] = targets[k];
        }
        pairs.papers[d]++;
      }
    }
  }
  return { ids, pairs, occurrences, papers: contributing };
}

/** The pairs as objects, named by concept id (for reading them, not for corpus-sized work). */
export function listPairs(counts: CooccurrenceCounts): PairCount[] {
  const { source, target, papers } = counts.pairs;
  return Array.from(source, (s, k) => ({ source: counts.ids[s], target: counts.ids[target[k]], papers: papers[k] }));
}

/** Most central first: per-paper score, then occurrences, then id so ties never depend on input order. */
function rankMentions(mentions: MentionTable, a: number, b: number): number {
  return mentions.score(b) - mentions.score(a) || mentions.count(b) - mentions.count(a) || compareIds(mentions.conceptId(a), mentions.conceptId(b));
}

/** Plain code-unit order: the `source < target` of the stored edges. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
