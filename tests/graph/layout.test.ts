import { describe, expect, it } from 'vitest';
import { associationStrength } from '../../src/graph/associationStrength.ts';
import { detectCommunities } from '../../src/graph/communities.ts';
import { createConceptGraph } from '../../src/graph/conceptGraph.ts';
import { countCooccurrences } from '../../src/graph/cooccurrence.ts';
import { layoutConcepts, type Point } from '../../src/graph/layout.ts';
import { clique, handCorpus, type HandPaper } from './handBuilt.ts';

function layout(hand: HandPaper[], coreSize: number) {
  const { extraction } = handCorpus(hand);
  const graph = createConceptGraph(
    extraction.concepts.map((c) => c.id),
    associationStrength(countCooccurrences(extraction.mentions)),
  );
  return layoutConcepts(graph, detectCommunities(graph).byConcept, { coreSize });
}

const centroid = (points: Point[]) => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
});
const distance = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);

describe('layout of a map larger than its ForceAtlas2 core', () => {
  // Two 6-concept cliques; a tail concept hangs off each, through another tail concept
  // for A; a pair of concepts forms a component of its own.
  const hand: HandPaper[] = [
    ...clique('pa', ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'], 3),
    ...clique('pb', ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'], 3),
    { id: 'link', concepts: ['a1', 'b1'] },
    { id: 'ta', concepts: ['a3', 'tailA'] },
    { id: 'ta2', concepts: ['tailA', 'tailA2'] },
    { id: 'tb', concepts: ['b3', 'tailB'] },
    { id: 'island', concepts: ['i1', 'i2'] },
  ];
  const positions = layout(hand, 12);
  const at = (ids: string[]) => ids.map((id) => positions.get(id)!);
  const a = centroid(at(['a1', 'a2', 'a3', 'a4', 'a5', 'a6']));
  const b = centroid(at(['b1', 'b2', 'b3', 'b4', 'b5', 'b6']));

  it('positions every concept within the extent', () => {
    expect(positions.size).toBe(17);
    for (const { x, y } of positions.values()) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(1000 + 1e-9);
    }
  });

  it('places tail concepts beside the community they hang off', () => {
    expect(distance(positions.get('tailA')!, a)).toBeLessThan(distance(positions.get('tailA')!, b));
    expect(distance(positions.get('tailA2')!, a)).toBeLessThan(distance(positions.get('tailA2')!, b));
    expect(distance(positions.get('tailB')!, b)).toBeLessThan(distance(positions.get('tailB')!, a));
  });

  it('puts concepts with no path to the core outside it', () => {
    const core = at(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6']);
    const middle = centroid(core);
    const reach = Math.max(...core.map((p) => distance(p, middle)));
    for (const island of at(['i1', 'i2'])) expect(distance(island, middle)).toBeGreaterThan(reach);
  });

  it('gives the same positions on every run', () => {
    expect(layout(hand, 12)).toEqual(positions);
  });
});
