// How central a concept is to the whole map, beyond its own paper count.
//
// Method: PageRank (Brin & Page 1998, "The anatomy of a large-scale hypertextual Web
// search engine") on the undirected concept graph, each edge followed in proportion
// to its association strength; graphology-metrics' power iteration, which gives
// dangling (isolated) concepts' mass back uniformly. Scores sum to 1.
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import type { ConceptGraph } from './conceptGraph.ts';

export interface PagerankOptions {
  /** Damping factor: the chance of following an edge rather than jumping anywhere. Default 0.85. */
  alpha?: number;
  /** Power iterations at most. Default 100. */
  maxIterations?: number;
  /** Stop when the summed change of all scores falls below concepts × this. Default 1e-6. */
  tolerance?: number;
}

const DEFAULTS: Required<PagerankOptions> = {
  alpha: 0.85,
  maxIterations: 100,
  tolerance: 1e-6,
};

export function weightedPagerank(graph: ConceptGraph, options: PagerankOptions = {}): Map<string, number> {
  const settings = { ...DEFAULTS, ...options };
  if (graph.order === 0) return new Map();
  return new Map(Object.entries(pagerank(graph, { ...settings, getEdgeWeight: 'weight' })));
}
