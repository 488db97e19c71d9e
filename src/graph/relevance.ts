// Generic and specific concepts: how evenly a concept's co-occurrences spread over the
// topics of the corpus.
//
// Method: the termhood measure of van Eck, Waltman, Noyons & Buter (2010, "Automatic
// term identification for bibliometric mapping", Scientometrics 82(3):581–596), which
// VOSviewer calls a term's relevance (van Eck & Waltman 2011, "Text mining and
// visualization using VOSviewer", ISSI Newsletter 7(3), arXiv:1109.2058): a phrase
// whose co-occurrences spread evenly over all topics is general ("results", "neural
// networks"), one whose co-occurrences concentrate on a few topics is specific ("STDP").
// Topics are the Louvain communities of the concept map; concentration is the
// Kullback–Leibler divergence KL(p_i ‖ q) between p_i, the distribution over
// communities of the concepts co-occurring with concept i (one count per partner per
// paper), and q, the same distribution over all co-occurrences.
//
// Sampling correction: KL grows as evidence shrinks (a concept in three papers meets
// few communities by chance; on NeurIPS/ICML/ICLR the median KL falls from 0.81 for
// concepts in 5–10 papers to 0.08 above 1,000 papers). So the stored relevance is the
// concentration beyond chance: KL(p_i ‖ q) − E[KL(p_R ‖ q)] for R a random set of as
// many papers as mention i, the expectation estimated by seeded Monte Carlo on a
// geometric grid of sizes and interpolated in log size; clamped at 0. Its median is
// then about flat over frequencies (0.15–0.19 from 10 to 1,000 papers on that corpus),
// so one threshold serves all of them.
//
// Which concepts are generic: VOSviewer's selection rule, applied to the concepts
// frequent enough to lead a map (in at least max(minPapers, minShare × papers) papers,
// where the correction is small): the `genericShare` least relevant of them are
// generic. VOSviewer keeps the 60% most relevant terms by default, hence 0.4. The
// threshold is thus a quantile of the corpus's own distribution, not a fixed value;
// rarer concepts are never generic (nothing shows they spread, and their estimates
// are mostly noise).
import { compareIds } from './cooccurrence.ts';
import { MentionTable } from './mentionTable.ts';
import type { MentionList } from './model.ts';
import { createRandom } from './random.ts';

export interface RelevanceOptions {
  /** Share of the frequent concepts flagged generic: the least relevant ones. Default 0.4 (VOSviewer keeps 60%). */
  genericShare?: number;
  /** A concept can be generic from this share of the papers on… Default 0.01. */
  minShare?: number;
  /** …and never below this many papers. Default 5. */
  minPapers?: number;
  /** Fewest such frequent concepts for a quantile of them to mean anything; below it none is generic. Default 10. */
  minCandidates?: number;
  /** Random paper sets drawn per size for the chance level. Default 40. */
  nullSamples?: number;
  /** Seed of those draws. Default 1. */
  seed?: number;
}

const DEFAULTS: Required<RelevanceOptions> = {
  genericShare: 0.4,
  minShare: 0.01,
  minPapers: 5,
  minCandidates: 10,
  nullSamples: 40,
  seed: 1,
};

export interface ConceptRelevance {
  relevance: number;
  generic: boolean;
}

/**
 * Each paper's partners by community, as compressed rows: paper p's communities are
 * topic[start[p] .. start[p+1]), with how many concepts of each the paper mentions.
 */
interface PaperProfiles {
  start: Uint32Array;
  topic: Uint32Array;
  count: Uint32Array;
}

/**
 * Relevance and the generic flag of every concept in `communities`. Co-occurrences
 * with concepts of the `unclustered` community (no edge, so no topic) are not counted.
 * Over indexes and typed arrays: at 85,000 papers there are millions of mentions.
 */
export function conceptRelevance(
  list: MentionList,
  communities: Map<string, number>,
  unclustered: number | null,
  options: RelevanceOptions = {},
): Map<string, ConceptRelevance> {
  const { genericShare, minShare, minPapers, minCandidates, nullSamples, seed } = { ...DEFAULTS, ...options };
  const mentions = MentionTable.of(list);
  const ids = [...communities.keys()].sort(compareIds);
  const conceptIndex = new Map(ids.map((id, i) => [id, i]));
  // A loop, not Math.max(...values): a spread of 150,000 concepts overflows the call stack.
  let topics = 1;
  for (const community of communities.values()) topics = Math.max(topics, community + 1);
  const topicOf = Int32Array.from(ids, (id) => {
    const community = communities.get(id)!;
    return community === unclustered ? -1 : community;
  });

  // Papers mentioning a concept of the map, in id order; each (paper, concept) once. Read
  // through the table's own numbering of papers and concepts: millions of mentions, a
  // few hundred thousand distinct ids.
  const conceptOf = Int32Array.from(mentions.conceptIds, (id) => conceptIndex.get(id) ?? -1);
  const mentioning = new Uint8Array(mentions.papers);
  for (let k = 0; k < mentions.length; k++) if (conceptOf[mentions.conceptOf(k)] >= 0) mentioning[mentions.paperOf(k)] = 1;
  const byId: number[] = [];
  for (let p = 0; p < mentioning.length; p++) if (mentioning[p] === 1) byId.push(p);
  byId.sort((a, b) => compareIds(mentions.paperIds[a], mentions.paperIds[b]));
  const paperCount = byId.length;
  /** Each table paper's place in id order. */
  const paperOf = new Int32Array(mentions.papers);
  byId.forEach((p, place) => (paperOf[p] = place));
  const n = ids.length;
  const keys = new Float64Array(mentions.length);
  let used = 0;
  for (let k = 0; k < mentions.length; k++) {
    const concept = conceptOf[mentions.conceptOf(k)];
    if (concept >= 0) keys[used++] = paperOf[mentions.paperOf(k)] * n + concept;
  }
  const sorted = keys.subarray(0, used).sort();
  let distinct = 0;
  for (let k = 0; k < used; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[distinct++] = sorted[k];
  const pairs = sorted.subarray(0, distinct);

  // Papers of each concept (compressed rows), and each paper's profile.
  const papersStart = new Uint32Array(n + 1);
  for (const key of pairs) papersStart[(key % n) + 1]++;
  for (let i = 0; i < n; i++) papersStart[i + 1] += papersStart[i];
  const papersOf = new Uint32Array(distinct);
  const fill = papersStart.slice(0, n);
  for (const key of pairs) papersOf[fill[key % n]++] = Math.floor(key / n);
  const profiles = paperProfiles(pairs, paperCount, n, topicOf, topics);

  const overall = new Float64Array(topics);
  for (let k = 0; k < profiles.topic.length; k++) overall[profiles.topic[k]] += profiles.count[k];
  const q = normalise(overall);
  const chance = chanceLevel(profiles, paperCount, q, nullSamples, seed);

  const relevance = new Float64Array(n);
  const counts = new Float64Array(topics);
  for (let i = 0; i < n; i++) {
    const papers = papersStart[i + 1] - papersStart[i];
    if (papers === 0 || !q) continue;
    counts.fill(0);
    const own = topicOf[i];
    for (let k = papersStart[i]; k < papersStart[i + 1]; k++) {
      const p = papersOf[k];
      for (let e = profiles.start[p]; e < profiles.start[p + 1]; e++) counts[profiles.topic[e]] += profiles.count[e];
      if (own >= 0) counts[own] -= 1; // a concept does not co-occur with itself
    }
    relevance[i] = Math.max(0, divergence(counts, q) - chance(papers));
  }

  const floor = Math.max(minPapers, Math.ceil(minShare * paperCount));
  const candidates = ids.map((_, i) => i).filter((i) => papersStart[i + 1] - papersStart[i] >= floor);
  const ordered = candidates.map((i) => relevance[i]).sort((a, b) => a - b);
  const flagged = Math.floor(genericShare * ordered.length);
  // Without contrast (one community, or too few frequent concepts) nothing can be told apart.
  const contrast = ordered.length >= minCandidates && ordered[ordered.length - 1] > ordered[0];
  const threshold = contrast && flagged > 0 ? ordered[flagged - 1] : -Infinity;
  const generic = new Uint8Array(n);
  for (const i of candidates) if (relevance[i] <= threshold) generic[i] = 1;

  return new Map(ids.map((id, i) => [id, { relevance: relevance[i], generic: generic[i] === 1 }]));
}

/** The profiles of `papers` papers from their (paper, concept) keys `paper · n + concept`, sorted. */
function paperProfiles(pairs: Float64Array, papers: number, n: number, topicOf: Int32Array, topics: number): PaperProfiles {
  const start = new Uint32Array(papers + 1);
  const topic: number[] = [];
  const count: number[] = [];
  const slot = new Int32Array(topics).fill(-1);
  let k = 0;
  for (let p = 0; p < papers; p++) {
    start[p] = topic.length;
    for (; k < pairs.length && Math.floor(pairs[k] / n) === p; k++) {
      const t = topicOf[pairs[k] % n];
      if (t < 0) continue;
      if (slot[t] < 0) {
        slot[t] = topic.length;
        topic.push(t);
        count.push(0);
      }
      count[slot[t]]++;
    }
    for (let e = start[p]; e < topic.length; e++) slot[topic[e]] = -1;
  }
  start[papers] = topic.length;
  return { start, topic: Uint32Array.from(topic), count: Uint32Array.from(count) };
}

/**
 * E[KL(p_R ‖ q)] for R a random set of n papers (drawn with replacement), as a function
 * of n: Monte Carlo at sizes 1, 2, 3, 5, 8, … and log–log interpolation between them.
 */
function chanceLevel(profiles: PaperProfiles, papers: number, q: Float64Array | null, samples: number, seed: number): (n: number) => number {
  if (!q || papers === 0) return () => 0;
  const random = createRandom(seed);
  const sizes: number[] = [];
  for (let size = 1; size <= papers; size = Math.max(size + 1, Math.round(size * 1.5))) sizes.push(size);
  const counts = new Float64Array(q.length);
  const levels = sizes.map((size) => {
    let sum = 0;
    for (let s = 0; s < samples; s++) {
      counts.fill(0);
      for (let i = 0; i < size; i++) {
        const p = Math.floor(random() * papers);
        for (let e = profiles.start[p]; e < profiles.start[p + 1]; e++) counts[profiles.topic[e]] += profiles.count[e];
      }
      sum += divergence(counts, q);
    }
    return Math.max(sum / samples, 1e-12);
  });
  return (n) => {
    if (n <= sizes[0]) return levels[0];
    let i = 0;
    while (i < sizes.length - 1 && sizes[i + 1] < n) i++;
    if (i === sizes.length - 1) return levels[i];
    const t = (Math.log(n) - Math.log(sizes[i])) / (Math.log(sizes[i + 1]) - Math.log(sizes[i]));
    return Math.exp(Math.log(levels[i]) * (1 - t) + Math.log(levels[i + 1]) * t);
  };
}

/** KL(p ‖ q) in nats for counts p (normalised here); 0 for an empty p. */
function divergence(counts: Float64Array, q: Float64Array): number {
  let total = 0;
  for (const n of counts) total += n;
  if (total <= 0) return 0;
  let kl = 0;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k] > 0) kl += (counts[k] / total) * Math.log(counts[k] / total / q[k]);
  }
  return kl;
}

function normalise(counts: Float64Array): Float64Array | null {
  let total = 0;
  for (const n of counts) total += n;
  return total > 0 ? counts.map((n) => n / total) : null;
}
