// What a topic stands for: the concepts asked for and every concept narrower than them,
// down the BROADER hierarchy (term nesting and document subsumption, src/graph/
// hierarchy.ts). "Hebbian learning" then also finds the papers on "Hebbian learning
// rule" and "unsupervised Hebbian learning", "dendrites" those on "dendritic trees".
//
// Method: query expansion down a thesaurus' narrower terms, as PubMed "explodes" a MeSH
// heading into the headings below it (Lu, Kim & Wilbur 2009, "Evaluation of query
// expansion using MeSH in PubMed", Information Retrieval 12(1)). Breadth-first, nearest
// levels first and, within a level, the concepts in most papers; bounded in depth and
// in size, since a generic concept ("network") has thousands of concepts below it.
import type { Concept } from '../graph/model.ts';
import type { Snapshot } from './snapshot.ts';

export interface FamilyOptions {
  /** Levels walked down the hierarchy. Default 3 (as cypher/examples/narrower.cypher). */
  maxDepth: number;
  /** Concepts in a family at most, the roots included. Default 80. */
  maxConcepts: number;
}

export const FAMILY_DEFAULTS: FamilyOptions = { maxDepth: 3, maxConcepts: 80 };

export interface Family {
  /** The roots, then the narrower concepts taken, nearest and most frequent first. */
  concepts: Concept[];
  /** The narrower concepts taken (a suffix of `concepts`). */
  narrower: Concept[];
  /** Narrower concepts within `maxDepth` left out by `maxConcepts`. */
  left: number;
  /** The root each narrower concept was reached from. */
  rootOf: Map<string, Concept>;
}

export function conceptFamily(snapshot: Snapshot, roots: Concept[], options: Partial<FamilyOptions> = {}): Family {
  const { maxDepth, maxConcepts } = { ...FAMILY_DEFAULTS, ...options };
  const seen = new Set(roots.map((c) => c.id));
  const rootOf = new Map(roots.map((c) => [c.id, c]));
  const below: Concept[] = [];
  let level = roots;
  for (let depth = 1; depth <= maxDepth && level.length > 0; depth++) {
    const next = new Map<string, Concept>();
    for (const concept of level) {
      for (const link of snapshot.narrower.get(concept.id) ?? []) {
        if (seen.has(link.id)) continue;
        seen.add(link.id);
        rootOf.set(link.id, rootOf.get(concept.id)!);
        next.set(link.id, snapshot.concepts.get(link.id)!);
      }
    }
    level = [...next.values()].sort((a, b) => b.papers - a.papers || (a.id < b.id ? -1 : 1));
    below.push(...level);
  }
  const room = Math.max(0, maxConcepts - roots.length);
  const narrower = below.slice(0, room);
  return { concepts: [...roots, ...narrower], narrower, left: below.length - narrower.length, rootOf };
}

/** The family in words for a topic's note: "and its 6 narrower concepts (a, b, …)". */
export function describeFamily(family: Family, shown = 8): string {
  if (family.narrower.length === 0) return '';
  const names = family.narrower.slice(0, shown).map((c) => `"${c.label}"`).join(', ');
  const more = family.narrower.length > shown ? `, and ${family.narrower.length - shown} more` : '';
  const left = family.left > 0 ? `; ${family.left} more narrower concepts left out` : '';
  const count = family.narrower.length;
  return ` and ${count === 1 ? 'its narrower concept' : `its ${count} narrower concepts`} ${names}${more}${left}`;
}
