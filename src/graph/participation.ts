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
  const { ids, starts, neighbours, weights } = graph;
  const communityOf = Int32Array.from(ids, (id) => communities.get(id)!);
  let count = 0;
  for (const community of communityOf) count = Math.max(count, community + 1);
  // Strength into each community, and the communities touched in the order first met.
  const toCommunity = new Float64Array(count);
  const metBy = new Int32Array(count).fill(-1);
  const touched: number[] = [];
  return new Map(
    ids.map((id, i) => {
      let strength = 0;
      for (let k = starts[i]; k < starts[i + 1]; k++) {
        const community = communityOf[neighbours[k]];
        if (metBy[community] !== i) (metBy[community] = i), touched.push(community);
        toCommunity[community] += weights[k];
        strength += weights[k];
      }
      let concentration = 0;
      for (const community of touched) {
        concentration += (toCommunity[community] / strength) ** 2;
        toCommunity[community] = 0;
      }
      touched.length = 0;
      return [id, strength > 0 ? Math.max(0, 1 - concentration) : 0];
    }),
  );
}
