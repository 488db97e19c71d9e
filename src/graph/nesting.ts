// Broader concepts from term nesting: a concept whose words contain another concept's
// words is narrower than it ("primary visual cortex" → "visual cortex", "Hebbian
// plasticity rule" → "Hebbian", "dendritic tree" → "dendrite").
//
// Method: lexical inclusion, the most productive source of term relations in term
// structuring (Bourigault & Jacquemin 1999, "Term extraction + term clustering: an
// integrated platform for computer-aided terminology", EACL; the "nested terms" of
// C-value, Frantzi, Ananiadou & Mima 2000): y is narrower than x when x's words are a
// contiguous run of y's words, at the head ("visual cortex" in "primary visual
// cortex": a kind of), or as a modifier ("Hebbian plasticity" in "Hebbian plasticity
// rule": a facet of). Words are compared folded (case, accents, hyphens ignored) over
// each concept's id and every alias, so "STDP synapses" nests under STDP and
// "dendritic tree" under dendrite (whose aliases hold "dendritic"). A run that names
// several concepts means the one it is the id of (the one in most papers when case
// alone tells ids apart: "learning" and "LEARNING"); a run that is only an alias of
// several is ambiguous and skipped. Only the longest nested concepts
// become edges: "primary visual cortex" → "visual cortex", not also → "cortex", which
// "visual cortex" → "cortex" already implies. A run right after a negative prefix
// ("non-convex optimization", "non-Hebbian rule") names the complement of a concept,
// not a kind of it (the negative prefixes of Quirk et al. 1985, "A comprehensive
// grammar of the English language", App. I.21), so it nests nowhere; "anti-Hebbian
// learning", the sign-reversed form of the same rule, does nest under Hebbian learning.
import { foldText } from '../explore/foldText.ts';
import { compareIds } from './cooccurrence.ts';

/** Prefixes that negate the word they are written before, once hyphens are folded to spaces. */
const NEGATIVE_PREFIXES = new Set(['non', 'un']);

export interface NestingEdge {
  narrower: string;
  broader: string;
}

type NestingInput = { id: string; aliases: string[]; papers: number };

export function termNesting(concepts: NestingInput[]): NestingEdge[] {
  // Each concept's distinct folded names, its id's first: folded once (a large corpus has hundreds of thousands of concepts).
  const folded = concepts.map((concept) => [...new Set([concept.id, ...concept.aliases].map(foldText))]);
  const named = namesToConcepts(concepts, folded);

  const edges: NestingEdge[] = [];
  const order = concepts.map((_, i) => i).sort((a, b) => compareIds(concepts[a].id, concepts[b].id));
  for (const i of order) {
    const concept = concepts[i];
    // Nested concept → the longest run (in characters) that names it.
    const nested = new Map<string, string>();
    for (const name of folded[i]) {
      const words = name.split(' ').filter(Boolean);
      for (let length = words.length - 1; length >= 1; length--) {
        for (let start = 0; start + length <= words.length; start++) {
          if (start > 0 && NEGATIVE_PREFIXES.has(words[start - 1])) continue;
          const run = words.slice(start, start + length).join(' ');
          const id = named.get(run);
          if (id === undefined || id === concept.id) continue;
          const seen = nested.get(id);
          if (seen === undefined || seen.length < run.length) nested.set(id, run);
        }
      }
    }
    const runs = [...nested];
    for (const [id, run] of runs) {
      const inside = ` ${run} `;
      const covered = runs.some(([other, longer]) => other !== id && longer.length > run.length && ` ${longer} `.includes(inside));
      if (!covered) edges.push({ narrower: concept.id, broader: id });
    }
  }
  return edges.sort((a, b) => compareIds(a.narrower, b.narrower) || compareIds(a.broader, b.broader));
}

/** Folded name → the one concept it names; ambiguous names are left out. */
function namesToConcepts(concepts: NestingInput[], folded: string[][]): Map<string, string> {
  const byName = new Map<string, { id: string; papers: number; isId: boolean }[]>();
  for (let i = 0; i < concepts.length; i++) {
    const concept = concepts[i];
    const idName = folded[i][0];
    for (const name of folded[i]) {
      if (!name) continue;
      const entry = { id: concept.id, papers: concept.papers, isId: name === idName };
      const list = byName.get(name);
      if (list) list.push(entry);
      else byName.set(name, [entry]);
    }
  }
  const out = new Map<string, string>();
  for (const [name, entries] of byName) {
    const ids = entries.filter((e) => e.isId).sort((a, b) => b.papers - a.papers || compareIds(a.id, b.id));
    if (entries.length === 1) out.set(name, entries[0].id);
    else if (ids.length > 0 && (ids.length === 1 || ids[0].papers > ids[1].papers)) out.set(name, ids[0].id);
  }
  return out;
}
