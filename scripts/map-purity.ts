// Community kNN purity of the default map: of each concept's 10 nearest neighbours on
// the map (in the positions /api/overview sends), the share in its own community,
// averaged over the map's concepts (src/graph/knnPurity.ts). Issue 11's target: ≥ 0.7
// on the NeurIPS/ICML/ICLR store at 500 concepts. Prints, beside it, the same figure
// for the stored whole-graph layout of the same concepts, and for the map of the
// top concepts by papers in the stored layout (what the explorer showed before).
//
//   npx tsx scripts/map-purity.ts --db DIR [--limit 500] [--by papers|pagerank] [--k 10]
//
// DIR: a store, e.g. built by
//   npx papergraph ingest ../shared/corpora/neurips-icml-iclr-1987-2019.jsonl --db /tmp/neurips-store
import { parseArgs } from 'node:util';
import { overview } from '../src/explore/overview.ts';
import { overviewGraph } from '../web/src/map/overviewGraph.ts';
import { loadSnapshot } from '../src/explore/snapshot.ts';
import { knnPurity } from '../src/graph/knnPurity.ts';
import type { Point } from '../src/graph/layout.ts';
import { openEmbeddedStore } from '../src/store/embedded.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    limit: { type: 'string', default: '500' },
    by: { type: 'string', default: 'papers' },
    k: { type: 'string', default: '10' },
  },
});
if (!values.db) throw new Error('Give --db DIR: an ingested store (see the header of scripts/map-purity.ts).');
if (values.by !== 'papers' && values.by !== 'pagerank') throw new Error(`--by must be papers or pagerank, got "${values.by}".`);
const limit = Number(values.limit);
const k = Number(values.k);

const store = await openEmbeddedStore(values.db);
const snapshot = await loadSnapshot(store);
await store.close();

const started = performance.now();
const map = overview(snapshot, { limit, by: values.by });
const ms = performance.now() - started;
const graph = overviewGraph(map);
const community = new Map(graph.nodes.map((n) => [n.key, n.attributes.community]));
const communityOf = (id: string) => community.get(id) ?? snapshot.concepts.get(id)!.community;

const onMap = new Map<string, Point>(graph.nodes.map((n) => [n.key, { x: n.attributes.x, y: n.attributes.y }]));
const stored = new Map<string, Point>(graph.nodes.map((n) => [n.key, { x: snapshot.concepts.get(n.key)!.x, y: snapshot.concepts.get(n.key)!.y }]));
const before = new Map<string, Point>(snapshot.conceptsByPapers.slice(0, limit).map((id) => [id, { x: snapshot.concepts.get(id)!.x, y: snapshot.concepts.get(id)!.y }]));

const sizes = new Map<number, number>();
for (const c of community.values()) sizes.set(c, (sizes.get(c) ?? 0) + 1);
const chance = [...sizes.values()].reduce((sum, n) => sum + (n / onMap.size) ** 2, 0);

console.log(`store        ${values.db}: ${snapshot.papers.size} papers, ${snapshot.concepts.size} concepts, ${snapshot.communities.size} communities`);
console.log(`map          ${onMap.size} concepts (by ${values.by} × specificity, ${map.map.genericLeftOut} generic left out), ${sizes.size} communities, ${graph.edges.length} edges drawn; built and laid out in ${(ms / 1000).toFixed(2)} s`);
console.log(`kNN purity   k=${k}: ${knnPurity(onMap, communityOf, { k }).toFixed(3)}  (target ≥ 0.7)`);
console.log(`  same concepts, stored whole-graph layout: ${knnPurity(stored, communityOf, { k }).toFixed(3)}`);
console.log(`  top ${limit} by papers, stored layout (the map before): ${knnPurity(before, (id) => snapshot.concepts.get(id)!.community, { k }).toFixed(3)}`);
console.log(`  chance (random positions, same communities): ${chance.toFixed(3)}`);
