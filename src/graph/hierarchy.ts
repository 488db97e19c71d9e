// The concept hierarchy stored as BROADER edges: term nesting and document
// subsumption merged into one directed acyclic graph, transitively reduced.
//
// Method: the two sources of Sanderson & Croft's hierarchies and of term structuring
// (nesting.ts, subsumption.ts), merged as a thesaurus keeps BT/NT relations (ISO
// 25964-1): nesting first (it is read off the words, the surer of the two), then
// subsumption edges, strongest P(x|y) first, each kept only if it adds a relation —
// an edge whose two concepts are already related either way is skipped, which also
// keeps the graph acyclic. Last, the transitive reduction (Aho, Garey & Ullman 1972):
// y → x goes when x is reachable from y through another broader concept, so each
// concept lists its immediate broader concepts and the rest follows by walking up.
import { compareIds } from './cooccurrence.ts';
import type { BroaderEdge, BroaderKind } from './model.ts';
import type { NestingEdge } from './nesting.ts';
import type { SubsumptionEdge } from './subsumption.ts';

export function conceptHierarchy(nesting: NestingEdge[], subsumption: SubsumptionEdge[]): BroaderEdge[] {
  const up: Upward = new Map();
  const add = (narrower: string, broader: string, kind: BroaderKind) => {
    if (reaches(up, narrower, broader) || reaches(up, broader, narrower)) return;
    let edges = up.get(narrower);
    if (!edges) up.set(narrower, (edges = new Map()));
    edges.set(broader, kind);
  };
  const byIds = (a: NestingEdge, b: NestingEdge) => compareIds(a.narrower, b.narrower) || compareIds(a.broader, b.broader);
  for (const e of [...nesting].sort(byIds)) add(e.narrower, e.broader, 'nesting');
  for (const e of [...subsumption].sort((a, b) => b.share - a.share || byIds(a, b))) add(e.narrower, e.broader, 'subsumption');

  const out: BroaderEdge[] = [];
  for (const [narrower, edges] of up) {
    for (const [broader, kind] of edges) {
      const implied = [...edges.keys()].some((other) => other !== broader && reaches(up, other, broader));
      if (!implied) out.push({ narrower, broader, kind });
    }
  }
  return out.sort(byIds);
}

/** Each concept's broader concepts, with how each was found. */
type Upward = Map<string, Map<string, BroaderKind>>;

/** Whether `to` is `from` or lies above it. */
function reaches(up: Upward, from: string, to: string): boolean {
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === to) return true;
    for (const next of up.get(node)?.keys() ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}
