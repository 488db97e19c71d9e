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
import type { Mention } from './model.ts';
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

/** Community counts of one paper's partners: community id → concepts of it the paper mentions. */
type PaperProfile = Map<number, number>;

/**
 * Relevance and the generic flag of every concept in `communities`. Co-occurrences
 * with concepts of the `unclustered` community (no edge, so no topic) are not counted.
 */
export function conceptRelevance(
  mentions: Mention[],
  communities: Map<string, number>,
  unclustered: number | null,
  options: RelevanceOptions = {},
): Map<string, ConceptRelevance> {
  const { genericShare, minShare, minPapers, minCandidates, nullSamples, seed } = { ...DEFAULTS, ...options };
  const topicOf = (id: string) => {
    const community = communities.get(id);
    return community === undefined || community === unclustered ? null : community;
  };

  const papersOf = new Map<string, Set<string>>();
  const conceptsOf = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (!communities.has(m.conceptId)) continue;
    add(papersOf, m.conceptId, m.paperId);
    add(conceptsOf, m.paperId, m.conceptId);
  }
  const profiles = new Map<string, PaperProfile>();
  for (const [paper, concepts] of conceptsOf) {
    const profile: PaperProfile = new Map();
    for (const id of concepts) {
      const topic = topicOf(id);
      if (topic !== null) profile.set(topic, (profile.get(topic) ?? 0) + 1);
    }
    profiles.set(paper, profile);
  }
  // A loop, not Math.max(...values): a spread of 150,000 concepts overflows the call stack.
  let topics = 1;
  for (const community of communities.values()) topics = Math.max(topics, community + 1);
  const overall = new Float64Array(topics);
  for (const profile of profiles.values()) for (const [topic, n] of profile) overall[topic] += n;
  const q = normalise(overall);

  const chance = chanceLevel(
    [...profiles.keys()].sort(compareIds).map((paper) => profiles.get(paper)!),
    q,
    nullSamples,
    seed,
  );

  const relevance = new Map<string, number>();
  for (const id of [...communities.keys()].sort(compareIds)) {
    const papers = papersOf.get(id);
    if (!papers || !q) {
      relevance.set(id, 0);
      continue;
    }
    const counts = new Float64Array(topics);
    const own = topicOf(id);
    for (const paper of papers) {
      for (const [topic, n] of profiles.get(paper)!) counts[topic] += n;
      if (own !== null) counts[own] -= 1; // a concept does not co-occur with itself
    }
    relevance.set(id, Math.max(0, divergence(counts, q) - chance(papers.size)));
  }

  const floor = Math.max(minPapers, Math.ceil(minShare * profiles.size));
  const candidates = [...relevance.keys()].filter((id) => (papersOf.get(id)?.size ?? 0) >= floor);
  const ordered = candidates.map((id) => relevance.get(id)!).sort((a, b) => a - b);
  const flagged = Math.floor(genericShare * ordered.length);
  // Without contrast (one community, or too few frequent concepts) nothing can be told apart.
  const contrast = ordered.length >= minCandidates && ordered[ordered.length - 1] > ordered[0];
  const threshold = contrast && flagged > 0 ? ordered[flagged - 1] : -Infinity;
  const generic = new Set(candidates.filter((id) => relevance.get(id)! <= threshold));

  return new Map([...relevance].map(([id, value]) => [id, { relevance: value, generic: generic.has(id) }]));
}

/**
 * E[KL(p_R ‖ q)] for R a random set of n papers (drawn with replacement), as a function
 * of n: Monte Carlo at sizes 1, 2, 3, 5, 8, … and log–log interpolation between them.
 */
function chanceLevel(profiles: PaperProfile[], q: Float64Array | null, samples: number, seed: number): (n: number) => number {
  if (!q || profiles.length === 0) return () => 0;
  const random = createRandom(seed);
  const sizes: number[] = [];
  for (let size = 1; size <= profiles.length; size = Math.max(size + 1, Math.round(size * 1.5))) sizes.push(size);
  const levels = sizes.map((size) => {
    let sum = 0;
    for (let s = 0; s < samples; s++) {
      const counts = new Float64Array(q.length);
      for (let i = 0; i < size; i++) {
        for (const [topic, n] of profiles[Math.floor(random() * profiles.length)]) counts[topic] += n;
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

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
