// The seam between neo4j-driver types and papergraph's plain JSON values. Nothing
// above the store may see an Integer, a Node or a temporal object, so every value
// crossing in either direction passes through here.
import neo4j from 'neo4j-driver';
import type { Node, Relationship } from 'neo4j-driver';
import type { Params, Row, StoreValue } from '../GraphStore.ts';
import type { ResultGraph } from '../resultGraph.ts';

/**
 * Parameters for the driver. A JavaScript number is sent as a Cypher FLOAT, and
 * Neo4j refuses a float where it needs an integer (`LIMIT $limit`, list indexes), so
 * whole numbers go as INTEGER; Cypher compares INTEGER and FLOAT numerically, so a
 * float parameter that happens to be whole (a weight of 0) still compares right.
 */
export function toDriverParams(params: Params): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) out[key] = toDriverValue(value);
  return out;
}

function toDriverValue(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toDriverValue);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return toDriverParams(value as Params);
  }
  return value;
}

/** An integer property to store: INTEGER in Neo4j, whatever JavaScript calls it. */
export function driverInt(value: number | null): ReturnType<typeof neo4j.int> | null {
  return value === null ? null : neo4j.int(Math.round(value));
}

/** A driver value as plain JSON. Nodes and relationships become their properties. */
export function toStoreValue(value: unknown): StoreValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isNode(value) || neo4j.isRelationship(value) || neo4j.isUnboundRelationship(value)) {
    return propertiesOf(value.properties);
  }
  if (neo4j.isPath(value)) {
    return {
      nodes: [value.start, ...value.segments.map((s) => s.end)].map((n) => propertiesOf(n.properties)),
      relationships: value.segments.map((s) => propertiesOf(s.relationship.properties)),
    };
  }
  // Temporal values and durations print as ISO 8601, which is what JSON readers expect.
  if (
    neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) || neo4j.isTime(value) || neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isPoint(value)) {
    const point: Record<string, StoreValue> = { srid: toStoreValue(value.srid), x: value.x, y: value.y };
    if (value.z !== undefined) point.z = value.z;
    return point;
  }
  if (neo4j.isVector(value)) return Array.from(value.asTypedArray() as ArrayLike<number | bigint>, (x) => Number(x));
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toStoreValue);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return propertiesOf(value as Record<string, unknown>);
  }
  // Anything else the driver may add later (UUID…) has a faithful text form.
  return String(value);
}

function propertiesOf(properties: Record<string, unknown>): Record<string, StoreValue> {
  const out: Record<string, StoreValue> = {};
  for (const [key, value] of Object.entries(properties)) out[key] = toStoreValue(value);
  return out;
}

export function toRow(keys: readonly PropertyKey[], get: (key: string) => unknown): Row {
  const row: Row = {};
  for (const key of keys) row[String(key)] = toStoreValue(get(String(key)));
  return row;
}

/**
 * A console value as plain JSON, its nodes and relationships collected into `graph`
 * under their elementIds.
 */
export function collectValue(value: unknown, graph: ResultGraph): StoreValue {
  if (neo4j.isNode(value)) addNode(value, graph);
  else if (neo4j.isRelationship(value)) addRelationship(value, graph);
  else if (neo4j.isPath(value)) {
    addNode(value.start, graph);
    for (const segment of value.segments) {
      addNode(segment.end, graph);
      addRelationship(segment.relationship, graph);
    }
  } else if (Array.isArray(value)) {
    return value.map((item) => collectValue(item, graph));
  } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, StoreValue> = {};
    for (const [key, item] of Object.entries(value)) out[key] = collectValue(item, graph);
    return out;
  }
  return toStoreValue(value);
}

function addNode(node: Node, graph: ResultGraph): void {
  graph.addNode(node.elementId, [...node.labels], propertiesOf(node.properties));
}

function addRelationship(rel: Relationship, graph: ResultGraph): void {
  graph.addRelationship({
    id: rel.elementId,
    type: rel.type,
    start: rel.startNodeElementId,
    end: rel.endNodeElementId,
    properties: propertiesOf(rel.properties),
  });
}
