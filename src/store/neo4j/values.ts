// The seam between neo4j-driver types and papergraph's plain JSON values. Nothing
// above the store may see an Integer, a Node or a temporal object, so every value
// crossing in either direction passes through here.
import neo4j from 'neo4j-driver';
import type { Node, Relationship } from 'neo4j-driver';
import type { Params, ResultNode, ResultRelationship, Row, StoreValue } from '../GraphStore.ts';

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
 * Collects the nodes and relationships of a console result so the explorer can draw
 * them. A node is named by its `id` property when it has one, so console results line
 * up with the concept map; else by its elementId.
 */
export class ResultGraph {
  #nodes = new Map<string, ResultNode>();
  #rels = new Map<string, ResultRelationship>();
  /** elementId → the id the node is shown under. */
  #names = new Map<string, string>();

  collect(value: unknown): StoreValue {
    if (neo4j.isNode(value)) this.#addNode(value);
    else if (neo4j.isRelationship(value)) this.#addRel(value);
    else if (neo4j.isPath(value)) {
      this.#addNode(value.start);
      for (const segment of value.segments) {
        this.#addNode(segment.end);
        this.#addRel(segment.relationship);
      }
    } else if (Array.isArray(value)) {
      return value.map((item) => this.collect(item));
    } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const out: Record<string, StoreValue> = {};
      for (const [key, item] of Object.entries(value)) out[key] = this.collect(item);
      return out;
    }
    return toStoreValue(value);
  }

  #addNode(node: Node): void {
    const properties = propertiesOf(node.properties);
    const id = typeof properties.id === 'string' ? properties.id : node.elementId;
    this.#names.set(node.elementId, id);
    this.#nodes.set(id, { id, labels: [...node.labels], properties });
  }

  #addRel(rel: Relationship): void {
    this.#rels.set(rel.elementId, {
      id: rel.elementId,
      type: rel.type,
      start: rel.startNodeElementId,
      end: rel.endNodeElementId,
      properties: propertiesOf(rel.properties),
    });
  }

  nodes(): ResultNode[] {
    return [...this.#nodes.values()];
  }

  /** Relationships whose two ends are in the result, with ends named like the nodes. */
  relationships(): ResultRelationship[] {
    const out: ResultRelationship[] = [];
    for (const rel of this.#rels.values()) {
      const start = this.#names.get(rel.start);
      const end = this.#names.get(rel.end);
      if (start !== undefined && end !== undefined) out.push({ ...rel, start, end });
    }
    return out;
  }
}
