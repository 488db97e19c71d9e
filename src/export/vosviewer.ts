// VOSviewer's JSON map format (VOSviewer Online documentation, "VOSviewer JSON files":
// network.items with id, label, x, y, cluster, weights and scores; network.links with
// source_id, target_id, strength; network.clusters with labels), so the concept map opens
// in VOSviewer and VOSviewer Online as a term co-occurrence map:
//  - items are concepts, placed by the stored ForceAtlas2 layout, in their Louvain
//    community (clusters are numbered from 1, as VOSviewer wants; VOSviewer allows 1,000,
//    so concepts of smaller communities beyond that get none);
//  - weights are VOSviewer's own for a term map: Links (co-occurrence links in the file),
//    Total link strength (papers shared over those links) and Occurrences (papers);
//  - scores: Avg. pub. year (VOSviewer's overlay colour) and PageRank;
//  - a link's strength is the number of papers in which both concepts occur, as in
//    VOSviewer's co-occurrence maps; a cluster's label is its three concepts in most papers.
import type { KnowledgeGraph } from '../graph/model.ts';

const MAX_CLUSTERS = 1000;

export interface VosviewerMap {
  network: {
    items: { id: number; label: string; description: string; x: number; y: number; cluster?: number; weights: Record<string, number>; scores: Record<string, number> }[];
    links: { source_id: number; target_id: number; strength: number }[];
    clusters: { cluster: number; label: string }[];
  };
  config: { terminology: Record<string, string> };
  info: { title: string; description: string };
}

const round = (n: number, digits = 4) => Number(n.toFixed(digits));
/** Descriptions may hold HTML in VOSviewer: concept text goes in escaped. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function vosviewerMap(graph: KnowledgeGraph): VosviewerMap {
  const concepts = [...graph.concepts].sort((a, b) => b.papers - a.papers || (a.id < b.id ? -1 : 1));
  const number = new Map(concepts.map((c, i) => [c.id, i + 1]));
  const links = graph.cooccurrences
    .filter((e) => number.has(e.source) && number.has(e.target))
    .map((e) => ({ source_id: number.get(e.source)!, target_id: number.get(e.target)!, strength: e.papers }));
  const degree = new Map<number, { links: number; strength: number }>();
  for (const l of links) {
    for (const id of [l.source_id, l.target_id]) {
      const d = degree.get(id) ?? { links: 0, strength: 0 };
      d.links++;
      d.strength += l.strength;
      degree.set(id, d);
    }
  }
  // Communities are numbered by size already (0 = largest): cluster = community + 1.
  const clusterOf = (community: number) => (community >= 0 && community < MAX_CLUSTERS ? community + 1 : undefined);
  const members = new Map<number, string[]>();
  for (const c of concepts) {
    const cluster = clusterOf(c.community);
    if (cluster === undefined) continue;
    const list = members.get(cluster) ?? [];
    if (list.length < 3) list.push(c.label);
    members.set(cluster, list);
  }
  return {
    network: {
      items: concepts.map((c) => {
        const id = number.get(c.id)!;
        const d = degree.get(id) ?? { links: 0, strength: 0 };
        const scores: Record<string, number> = { PageRank: round(c.pagerank, 6) };
        if (c.meanYear !== null) scores['Avg. pub. year'] = round(c.meanYear, 2);
        const cluster = clusterOf(c.community);
        return {
          id,
          label: c.label,
          description: `<table><tr><td>Concept:</td><td>${escapeHtml(c.id)}</td></tr><tr><td>Also written:</td><td>${escapeHtml(c.aliases.filter((a) => a !== c.label).join('; ') || '—')}</td></tr></table>`,
          x: round(c.x),
          y: round(c.y),
          ...(cluster === undefined ? {} : { cluster }),
          weights: { Links: d.links, 'Total link strength': d.strength, Occurrences: c.papers },
          scores,
        };
      }),
      links,
      clusters: [...members].sort((a, b) => a[0] - b[0]).map(([cluster, labels]) => ({ cluster, label: labels.join(', ') })),
    },
    config: {
      terminology: {
        item: 'concept', items: 'concepts', link: 'co-occurrence link', links: 'co-occurrence links',
        cluster: 'community', clusters: 'communities', link_strength: 'Papers in common', total_link_strength: 'Total papers in common',
      },
    },
    info: {
      title: 'papergraph concept map',
      description: `${graph.concepts.length.toLocaleString('en')} concepts from ${graph.papers.length.toLocaleString('en')} papers; links are co-occurrences, their strength the papers in common.`,
    },
  };
}
