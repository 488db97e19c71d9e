// The node and edge attributes the explorer draws (model.ts MapNodeAttributes,
// MapEdgeAttributes), rounded and sized as every answer that carries them sends them.
import type { Concept, MapEdgeAttributes, MapNodeAttributes, SerializedNode } from '../graph/model.ts';

/** Rounds what the map draws: 2,000 nodes and 20,000 edges of 17-digit floats were most of the payload. */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Node radius in pixels at zoom 1: area grows with papers, so big topics read as big. */
export function conceptSize(papers: number, maxPapers: number): number {
  return round(3 + 15 * Math.sqrt(papers / Math.max(1, maxPapers)), 2);
}

export function conceptNode(concept: Concept, maxPapers: number): SerializedNode<MapNodeAttributes> {
  return {
    key: concept.id,
    attributes: {
      kind: 'concept',
      label: concept.label,
      x: round(concept.x, 2),
      y: round(concept.y, 2),
      size: conceptSize(concept.papers, maxPapers),
      community: concept.community,
      papers: concept.papers,
      year: concept.meanYear === null ? null : round(concept.meanYear, 1),
      pagerank: Number(concept.pagerank.toPrecision(4)),
    },
  };
}

/** Papers sit on a small ring around the concept they are drawn next to, so they never hide it. */
export function paperPosition(near: Concept, index: number): { x: number; y: number } {
  const angle = index * 2.399963; // golden angle: evenly spread, deterministic
  // In layout units: the stored layout spans about ±1000 (src/graph/layout.ts).
  const radius = 15 + 6 * Math.sqrt(index + 1);
  return { x: round(near.x + radius * Math.cos(angle), 2), y: round(near.y + radius * Math.sin(angle), 2) };
}

/** An association strength as sent: four significant digits. */
export function edgeWeight(weight: number): number {
  return Number(weight.toPrecision(4));
}

/**
 * `maxWeight` is the strongest edge in view: association strengths span orders of
 * magnitude, so widths are relative to what is on screen and square-root scaled.
 */
export function edgeSize(weight: number, maxWeight: number): number {
  return round(0.5 + 2.5 * Math.sqrt(weight / (maxWeight || 1)), 2);
}

export function cooccursAttributes(papers: number, weight: number, maxWeight = 1): MapEdgeAttributes {
  return { kind: 'cooccurs', papers, weight: edgeWeight(weight), size: edgeSize(weight, maxWeight) };
}
