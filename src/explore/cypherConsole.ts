// The console's answer in the API's shape: the table, and the nodes and
// relationships of the result as a graph the explorer can draw.
import type { CypherResponse, SerializedGraph } from '../graph/model.ts';
import type { ConsoleLimits, ConsoleResult, GraphReader, Params } from '../store/GraphStore.ts';

export function resultGraph(result: ConsoleResult): SerializedGraph | null {
  if (result.nodes.length === 0) return null;
  return {
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    attributes: {},
    nodes: result.nodes.map((n) => ({
      key: n.id,
      attributes: { labels: n.labels, label: String(n.properties.label ?? n.properties.title ?? n.id), ...n.properties },
    })),
    edges: result.relationships.map((r) => ({ key: r.id, source: r.start, target: r.end, attributes: { type: r.type, ...r.properties } })),
  };
}

export async function runCypher(store: Pick<GraphReader, 'console'>, query: string, params: Params, limits: ConsoleLimits): Promise<CypherResponse> {
  const result = await store.console(query, params, limits);
  return {
    columns: result.columns,
    rows: result.rows,
    graph: resultGraph(result),
    elapsedMs: result.elapsedMs,
    truncated: result.truncated,
    truncatedBy: result.truncatedBy,
  };
}
