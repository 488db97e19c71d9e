// Concepts that link several topics rather than belonging to one.
//
// Method: participation coefficient (Guimerà & Amaral 2005, "Functional cartography
// of complex metabolic networks", Nature 433), weighted: P_i = 1 - Σ_s (k_is / k_i)²
// with k_i the summed association strength of i's edges and k_is the part of it
// going into community s. 0 when all of a concept's links stay in one community
// (and for concepts without links); it approaches 1 as the links spread evenly over
// many communities.
import type { ConceptGraph } from './conceptGraph.ts';

export function participationCoefficient(
  graph: ConceptGraph,
  communities: Map<string, number>,
): Map<string, number> {
  const result = new Map<string, number>();
  graph.forEachNode((node) => {
    const toCommunity = new Map<number, number>();
    let strength = 0;
    graph.forEachEdge(node, (_edge, { weight }, source, target) => {
      const community = communities.get(source === node ? target : source)!;
      toCommunity.set(community, (toCommunity.get(community) ?? 0) + weight);
      strength += weight;
    });
    let concentration = 0;
    for (const share of toCommunity.values()) concentration += (share / strength) ** 2;
    result.set(node, strength > 0 ? Math.max(0, 1 - concentration) : 0);
  });
  return result;
}
