// The nodes and relationships of a console result, so the explorer can draw them.
// Each driver's converter (embedded/values.ts, neo4j/values.ts) recognises its own
// node, relationship and path values and hands them here under the driver's internal
// ids; this names nodes the way the map does and keeps only what the caps let through.
import type { ResultNode, ResultRelationship, StoreValue } from './GraphStore.ts';

export class ResultGraph {
  #nodes = new Map<string, ResultNode>();
  #rels = new Map<string, ResultRelationship>();
  /** The driver's internal node id → the id the node is shown under. */
  #names = new Map<string, string>();
  /** What the current row brought, held back until `keep()`: a row the byte cap drops adds nothing. */
  #pending: (() => void)[] = [];

  /** A node is named by its `id` property when it has one, so console results line up with the concept map. */
  addNode(internal: string, labels: string[], properties: Record<string, StoreValue>): void {
    const id = typeof properties.id === 'string' ? properties.id : internal;
    this.#pending.push(() => {
      this.#names.set(internal, id);
      this.#nodes.set(id, { id, labels, properties });
    });
  }

  /** `start` and `end` are internal node ids; `relationships()` renames them. */
  addRelationship(relationship: ResultRelationship): void {
    this.#pending.push(() => this.#rels.set(relationship.id, relationship));
  }

  /** The row just collected is part of the answer. */
  keep(): void {
    for (const add of this.#pending) add();
    this.#pending = [];
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
