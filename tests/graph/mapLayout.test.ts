// The overview map's own layout (src/graph/mapLayout.ts) and the figure that judges it,
// community kNN purity (src/graph/knnPurity.ts), on hand-built clustered graphs.
import { describe, expect, it } from 'vitest';
import { knnPurity } from '../../src/graph/knnPurity.ts';
import type { Point } from '../../src/graph/layout.ts';
import { layoutMap, type MapLayoutEdge } from '../../src/graph/mapLayout.ts';
import { createRandom } from '../../src/graph/random.ts';

/** Communities of `size` concepts, dense inside; `links[i][j]` cross edges between communities i and j. */
function clustered(sizes: number[], links: number[][], seed = 7) {
  const random = createRandom(seed);
  const community = new Map<string, number>();
  const ids: string[][] = sizes.map((n, c) => Array.from({ length: n }, (_, i) => `c${c}-${String(i).padStart(2, '0')}`));
  ids.forEach((list, c) => list.forEach((id) => community.set(id, c)));
  const edges: MapLayoutEdge[] = [];
  for (const list of ids) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (random() < 0.5) edges.push({ source: list[i], target: list[j], weight: 0.2 + random() });
  }
  links.forEach((row, a) =>
    row.forEach((count, b) => {
      for (let k = 0; k < count; k++) edges.push({ source: ids[a][k % ids[a].length], target: ids[b][(k * 7) % ids[b].length], weight: 0.2 + random() });
    }),
  );
  return { ids: ids.flat(), community, edges };
}

const centroid = (points: Point[]): Point => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
});

describe('layoutMap', () => {
  // Four communities; 0 and 1 share many edges, 2 a few with 0, 3 one with 2.
  const links = [
    [0, 40, 6, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 1],
    [0, 0, 0, 0],
  ];
  const { ids, community, edges } = clustered([30, 20, 16, 12], links);
  const communityOf = (id: string) => community.get(id)!;
  const positions = layoutMap(ids, communityOf, edges);

  it('places every concept within the extent', () => {
    expect(positions.size).toBe(ids.length);
    for (const { x, y } of positions.values()) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(1000 + 1e-9);
    }
  });

  it('gives each community a region: every concept is nearer its own community’s centre than any other’s', () => {
    const centres = [0, 1, 2, 3].map((c) => centroid(ids.filter((id) => communityOf(id) === c).map((id) => positions.get(id)!)));
    for (const id of ids) {
      const p = positions.get(id)!;
      const nearest = centres.map((q, c) => ({ c, d: Math.hypot(p.x - q.x, p.y - q.y) })).sort((a, b) => a.d - b.d)[0].c;
      expect(nearest, id).toBe(communityOf(id));
    }
    expect(knnPurity(positions, communityOf)).toBeGreaterThan(0.9);
  });

  it('puts strongly linked communities side by side', () => {
    const centre = (c: number) => centroid(ids.filter((id) => communityOf(id) === c).map((id) => positions.get(id)!));
    const d = (a: number, b: number) => Math.hypot(centre(a).x - centre(b).x, centre(a).y - centre(b).y);
    expect(d(0, 1)).toBeLessThan(d(0, 3));
    expect(d(2, 3)).toBeLessThan(d(1, 3));
  });

  it('is the same picture for the same map, whatever order the concepts and edges come in', () => {
    const again = layoutMap([...ids].reverse(), communityOf, [...edges].reverse().map((e) => ({ ...e, source: e.target, target: e.source })));
    for (const id of ids) expect(again.get(id)).toEqual(positions.get(id));
  });

  it('lays out a map of one concept, and of concepts without edges', () => {
    expect([...layoutMap(['a'], () => 0, []).values()]).toHaveLength(1);
    const loose = layoutMap(['a', 'b', 'c'], (id) => (id === 'c' ? 1 : 0), []);
    expect(loose.size).toBe(3);
    for (const p of loose.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });
});

describe('knnPurity', () => {
  it('is the share of each point’s k nearest points in its community, averaged', () => {
    // Two groups on a line: a a a | b b, spaced 1 apart, the groups 10 apart.
    const positions = new Map<string, Point>([
      ['a1', { x: 0, y: 0 }],
      ['a2', { x: 1, y: 0 }],
      ['a3', { x: 2, y: 0 }],
      ['b1', { x: 12, y: 0 }],
      ['b2', { x: 13, y: 0 }],
    ]);
    const communityOf = (id: string) => (id.startsWith('a') ? 0 : 1);
    expect(knnPurity(positions, communityOf, { k: 1 })).toBe(1);
    // k = 2: each a has two a's nearest; each b has one b and then a3.
    expect(knnPurity(positions, communityOf, { k: 2 })).toBeCloseTo((1 + 1 + 1 + 0.5 + 0.5) / 5);
  });
});
