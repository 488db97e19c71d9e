// Community names: each community of the concept map named by its most distinctive
// concepts, the ones that set its papers apart from the rest of the corpus.
//
// Method: class-based TF-IDF (Grootendorst 2022, "BERTopic: neural topic modeling with
// a class-based TF-IDF procedure", arXiv:2203.05794): the papers of a community are
// one document, and a concept t of community c weighs tf(t, c) · log(1 + A / f(t)),
// with tf(t, c) the community's papers mentioning t, f(t) all papers mentioning t and
// A the average number of concept mentions per community. Each paper belongs to the
// community holding most of its specific concepts (weighted by how central each is to
// the paper). Generic concepts neither name communities nor place papers. A concept
// whose words nest in an already chosen name, or contain one ("Markov decision"
// beside "Markov decision process"), or that is a broader or narrower concept of one
// ("dendritic tree" beside "dendrites"), adds nothing and is skipped. Dunning's
// log-likelihood ratio, CiteSpace's choice, was tried and dropped: on a 1,478-paper
// slice it named communities after two-paper phrases found only there.
import type { Concept } from '../graph/model.ts';
import { foldText } from './foldText.ts';
import type { MentionEntry } from './snapshot.ts';

export interface LabelOptions {
  /** Concepts in a community's name. Default 3. */
  terms: number;
  /** Fewest papers of the community a naming concept must be in. Default 2. */
  minPapers: number;
}

export const LABEL_DEFAULTS: LabelOptions = { terms: 3, minPapers: 2 };

export interface RankedConcept {
  concept: Concept;
  /** c-TF-IDF weight of the concept in its community (0 for generic concepts and those in fewer than `minPapers` of its papers). */
  score: number;
}

export interface CommunityNames {
  /** Every member of each community, most distinctive first; generic members last. */
  ranked: Map<number, RankedConcept[]>;
  /** Each community's name: its first distinctive concepts, joined by " · ". */
  labels: Map<number, string>;
  /** Each paper's home community: the one holding most of its specific concepts (papers with none have no home). */
  home: Map<string, number>;
}

export function communityNames(
  concepts: Map<string, Concept>,
  mentionsByConcept: Map<string, MentionEntry[]>,
  mentionsByPaper: Map<string, MentionEntry[]>,
  /** Whether two concepts are linked by a BROADER edge, either way. */
  linked: (a: string, b: string) => boolean,
  options: Partial<LabelOptions> = {},
): CommunityNames {
  const { terms, minPapers } = { ...LABEL_DEFAULTS, ...options };

  const home = new Map<string, number>();
  for (const [paper, mentions] of mentionsByPaper) {
    const weight = new Map<number, number>();
    for (const m of mentions) {
      const concept = concepts.get(m.conceptId);
      if (!concept || concept.generic) continue;
      weight.set(concept.community, (weight.get(concept.community) ?? 0) + 1 + Math.max(0, m.score));
    }
    let best: number | null = null;
    for (const [community, w] of weight) {
      if (best === null || w > weight.get(best)! || (w === weight.get(best)! && community < best)) best = community;
    }
    if (best !== null) home.set(paper, best);
  }
  const communities = new Set(home.values()).size;
  let mentions = 0;
  for (const paper of home.keys()) mentions += mentionsByPaper.get(paper)?.length ?? 0;
  const average = mentions / Math.max(1, communities);

  const ranked = new Map<number, RankedConcept[]>();
  for (const concept of concepts.values()) {
    let inside = 0;
    let placed = 0;
    for (const m of mentionsByConcept.get(concept.id) ?? []) {
      const community = home.get(m.paperId);
      if (community === undefined) continue;
      placed++;
      if (community === concept.community) inside++;
    }
    const score = !concept.generic && inside >= minPapers ? inside * Math.log(1 + average / placed) : 0;
    const list = ranked.get(concept.community);
    if (list) list.push({ concept, score });
    else ranked.set(concept.community, [{ concept, score }]);
  }
  const labels = new Map<number, string>();
  for (const [community, list] of ranked) {
    list.sort(
      (a, b) =>
        Number(a.concept.generic) - Number(b.concept.generic) ||
        b.score - a.score ||
        b.concept.papers - a.concept.papers ||
        (a.concept.id < b.concept.id ? -1 : 1),
    );
    labels.set(community, nameOf(list, terms, linked));
  }
  return { ranked, labels, home };
}

/** The first `terms` concepts of a ranked list that do not repeat one another's words. */
function nameOf(list: RankedConcept[], terms: number, linked: (a: string, b: string) => boolean): string {
  const chosen: { id: string; label: string; words: string }[] = [];
  for (const { concept } of list) {
    if (chosen.length >= terms) break;
    const words = ` ${foldText(concept.id)} `;
    if (chosen.some((c) => c.words.includes(words) || words.includes(c.words) || linked(c.id, concept.id))) continue;
    chosen.push({ id: concept.id, label: concept.label, words });
  }
  return chosen.map((c) => c.label).join(' · ');
}
