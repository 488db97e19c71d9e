// The seam between @ladybugdb/core values and papergraph's plain JSON values: rows
// of app queries, and console values with their nodes and relationships.
import type { Row, StoreValue } from '../GraphStore.ts';
import type { ResultGraph } from '../resultGraph.ts';

/** LadybugDB values to plain JSON: bigints to numbers, dates to ISO strings. */
export function toValue(value: unknown): StoreValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toValue);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toValue(v)]));
  if (typeof value === 'object') {
    const out: Record<string, StoreValue> = {};
    for (const [k, v] of Object.entries(value)) if (!k.startsWith('_')) out[k] = toValue(v);
    return out;
  }
  return value as StoreValue;
}

export function toRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = toValue(v);
  return out;
}

interface LbugNode { _label: string; _id: { table: number; offset: number }; [k: string]: unknown }
interface LbugRel { _label: string; _src: { table: number; offset: number }; _dst: { table: number; offset: number }; _id?: unknown; [k: string]: unknown }

/**
 * A console value as plain JSON, its nodes and relationships collected into `graph`
 * under LadybugDB's internal ids (table:offset).
 */
export function collectValue(value: unknown, graph: ResultGraph): StoreValue {
  if (value && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if ('_nodes' in v && '_rels' in v) {
      (v._nodes as unknown[]).forEach((n) => collectValue(n, graph));
      (v._rels as unknown[]).forEach((r) => collectValue(r, graph));
      return toValue({ nodes: v._nodes, relationships: v._rels });
    }
    if ('_src' in v && '_dst' in v && v._label) return addRelationship(v as LbugRel, graph);
    if ('_id' in v && v._label) return addNode(v as LbugNode, graph);
  }
  if (Array.isArray(value)) return value.map((x) => collectValue(x, graph));
  return toValue(value);
}

const internalId = (id: { table: number; offset: number }) => `${id.table}:${id.offset}`;

function addNode(node: LbugNode, graph: ResultGraph): StoreValue {
  const properties = toValue(node) as Record<string, StoreValue>;
  graph.addNode(internalId(node._id), [node._label], properties);
  return properties;
}

function addRelationship(rel: LbugRel, graph: ResultGraph): StoreValue {
  const properties = toValue(rel) as Record<string, StoreValue>;
  const start = internalId(rel._src);
  const end = internalId(rel._dst);
  graph.addRelationship({ id: `${rel._label}:${start}->${end}`, type: rel._label, start, end, properties });
  return properties;
}
