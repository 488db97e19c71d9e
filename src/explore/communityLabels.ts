// Community names: each community of the concept map named by its most distinctive
// concepts, the words that set its papers apart from the rest of the corpus.
//
// Method: the log-likelihood ratio G² (Dunning 1993, "Accurate methods for the
// statistics of surprise and coincidence", Computational Linguistics 19(1)), with which
// CiteSpace labels its clusters (Chen, Ibekwe-SanJuan & Hou 2010, "The structure and
// dynamics of cocitation clusters", JASIST 61(7)). Each paper belongs to the community
// holding most of its specific concepts (weighted by how central each is to the
// paper); for a community s and one of its concepts t the 2×2 table is papers of s or
// not × mentioning t or not, and t ranks by G² when over-represented in s. Generic
// concepts neither name communities nor place papers. A concept whose words nest in
// an already chosen name, or contain one ("Markov decision" beside "Markov decision
// process"), adds nothing and is skipped.
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
  /** G² of the concept for its community (0 when it is not over-represented there). */
  score: number;
}

export interface CommunityNames {
  /** Every member of each community, most distinctive first; generic members last. */
  ranked: Map<number, RankedConcept[]>;
  /** Each community's name: its first distinctive concepts, joined by " · ". */
  labels: Map<number, string>;
}

export function communityNames(
  concepts: Map<string, Concept>,
  mentionsByConcept: Map<string, MentionEntry[]>,
  mentionsByPaper: Map<string, MentionEntry[]>,
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
  const total = home.size;
  const size = new Map<number, number>();
  for (const community of home.values()) size.set(community, (size.get(community) ?? 0) + 1);

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
    const n = size.get(concept.community) ?? 0;
    const over = inside >= minPapers && inside / Math.max(1, n) > (placed - inside) / Math.max(1, total - n);
    const score = !concept.generic && over ? logLikelihood(inside, n - inside, placed - inside, total - n - (placed - inside)) : 0;
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
    labels.set(community, nameOf(list, terms));
  }
  return { ranked, labels };
}

/** The first `terms` concepts of a ranked list that do not repeat one another's words. */
function nameOf(list: RankedConcept[], terms: number): string {
  const chosen: { label: string; words: string }[] = [];
  for (const { concept } of list) {
    if (chosen.length >= terms) break;
    const words = ` ${foldText(concept.id)} `;
    if (chosen.some((c) => c.words.includes(words) || words.includes(c.words))) continue;
    chosen.push({ label: concept.label, words });
  }
  return chosen.map((c) => c.label).join(' · ');
}

/** Dunning's G² for the 2×2 table [[a, b], [c, d]] (rows: in / out of the community; columns: mentions / does not). */
function logLikelihood(a: number, b: number, c: number, d: number): number {
  const n = a + b + c + d;
  const term = (observed: number, row: number, column: number) => (observed > 0 ? observed * Math.log((observed * n) / (row * column)) : 0);
  return 2 * (term(a, a + b, a + c) + term(b, a + b, b + d) + term(c, c + d, a + c) + term(d, c + d, b + d));
}
