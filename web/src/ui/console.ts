// The Cypher console: an editor with Cypher highlighting (@neo4j-cypher/codemirror,
// CodeMirror 6), example queries from cypher/examples one click away, the result as
// a table, and the result's nodes shown in the map. Ctrl/Cmd+Enter runs.
import { createCypherEditor, type EditorApi } from '@neo4j-cypher/codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import type { CypherResponse, CypherValue } from '../../../src/graph/model.ts';
import type { CypherExample } from '../../../src/graph/model.ts';
import { api } from '../api.ts';
import { clear, h, plural } from '../dom.ts';

export interface ConsoleHooks {
  /** The query text changed (for the URL). */
  onQueryChange(query: string): void;
  /** Show these result nodes in the map; returns how many were found there. */
  onShowInMap(result: CypherResponse): number;
  onClearMap(): void;
}

/** Labels, relationship types and properties of the graph model, for autocompletion. */
const SCHEMA = {
  labels: [':Paper', ':Concept'],
  relationshipTypes: [':MENTIONS', ':CO_OCCURS'],
  propertyKeys: ['id', 'title', 'abstract', 'year', 'date', 'url', 'authors', 'source', 'label', 'aliases', 'papers', 'mentions', 'community', 'pagerank', 'betweenness', 'participation', 'meanYear', 'count', 'inTitle', 'weight'],
};

function propertyText(value: CypherValue): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(value);
}

/**
 * Relationship cells arrive as their properties; the result's graph knows each
 * relationship's type and ends. A cell is shown as `(:A)-[:TYPE {…}]->(:B)` when every
 * relationship of the result with exactly those properties reads the same that way.
 */
function relationshipTexts(result: CypherResponse): Map<string, string | null> {
  const byProperties = new Map<string, string | null>();
  const graph = result.graph;
  if (!graph) return byProperties;
  const labelsOf = new Map(graph.nodes.map((n) => [n.key, ((n.attributes as { labels?: string[] }).labels ?? []).map((l) => `:${l}`).join('')]));
  for (const edge of graph.edges) {
    const { type, ...properties } = edge.attributes as Record<string, CypherValue>;
    const key = JSON.stringify(properties);
    const props = Object.entries(properties).map(([k, v]) => `${k}: ${propertyText(v)}`).join(', ');
    const text = `(${labelsOf.get(edge.source) ?? ''})-[:${String(type)}${props ? ` {${props}}` : ''}]->(${labelsOf.get(edge.target) ?? ''})`;
    byProperties.set(key, byProperties.has(key) && byProperties.get(key) !== text ? null : text);
  }
  return byProperties;
}

function cellText(value: CypherValue, relationships: Map<string, string | null>): string {
  if (value === null) return 'null';
  if (typeof value === 'object') {
    // A node: its label or title reads better than the whole map.
    if (!Array.isArray(value) && (typeof value.label === 'string' || typeof value.title === 'string')) return String(value.label ?? value.title);
    if (!Array.isArray(value)) {
      const relationship = relationships.get(JSON.stringify(value));
      if (relationship) return relationship;
    }
    return JSON.stringify(value);
  }
  return String(value);
}

export interface CypherConsole {
  setQuery(query: string): void;
  run(): Promise<void>;
  focus(): void;
}

export function createConsole(container: HTMLElement, initialQuery: string, hooks: ConsoleHooks): CypherConsole {
  const editorHost = h('div', { className: 'editor', attrs: { 'aria-label': 'Cypher query' } });
  const runButton = h('button', { className: 'primary', attrs: { type: 'button', title: 'Run (Ctrl/Cmd+Enter)' } }, 'Run');
  const showButton = h('button', { className: 'secondary', attrs: { type: 'button', disabled: true } }, 'Show in map');
  const clearButton = h('button', { className: 'link small', attrs: { type: 'button', hidden: true } }, 'Clear map highlight');
  const examples = h('select', { attrs: { 'aria-label': 'Example queries' } }, h('option', { attrs: { value: '' } }, 'Examples…'));
  const status = h('div', { className: 'console-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  // Parameters ($name in the query) as a JSON object, shown and editable: an example's
  // defaults may name ids this corpus lacks.
  const paramsInput = h('textarea', {
    className: 'console-params',
    attrs: { 'aria-label': 'Query parameters (JSON)', rows: 2, spellcheck: 'false', placeholder: 'Parameters as JSON, e.g. {"id": "spike timing dependent plasticity"}' },
  });
  const paramsField = h('label', { className: 'console-params-field' }, h('span', { className: 'hint' }, 'Parameters'), paramsInput);
  const output = h('div', { className: 'console-output' });
  container.append(
    h(
      'div',
      { className: 'console-bar' },
      h('h2', { className: 'console-title' }, 'Cypher console'),
      h('span', { className: 'hint' }, 'read-only · Ctrl/Cmd+Enter runs'),
      examples,
      runButton,
      showButton,
      clearButton,
    ),
    h('div', { className: 'console-body' }, h('div', { className: 'console-input' }, editorHost, paramsField), h('div', { className: 'console-result' }, status, output)),
  );

  // The package's .d.ts says it returns the EditorApi; its code returns { editor: EditorApi }.
  const { editor } = createCypherEditor(editorHost, {
    value: initialQuery || 'MATCH (c:Concept)\nRETURN c.label AS concept, c.papers AS papers\nORDER BY papers DESC\nLIMIT 10',
    theme: 'light',
    lineNumbers: true,
    lineWrapping: true,
    autocomplete: true,
    lint: false,
    schema: SCHEMA,
  }) as unknown as { editor: EditorApi };
  editor.onValueChanged((value) => hooks.onQueryChange(value));
  editor.onKeyDown((event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  });

  let exampleList: CypherExample[] = [];
  let last: CypherResponse | null = null;
  api
    .examples()
    .then(({ examples: list }) => {
      exampleList = list;
      for (const example of list) examples.append(h('option', { attrs: { value: example.name, title: example.description } }, example.title));
      if (!list.length) examples.hidden = true;
    })
    .catch(() => {
      examples.hidden = true;
    });
  examples.addEventListener('change', () => {
    const example = exampleList.find((e) => e.name === examples.value);
    if (!example) return;
    editor.setValue(example.query);
    paramsInput.value = Object.keys(example.params).length ? JSON.stringify(example.params, null, 1).replace(/\n\s*/g, ' ') : '';
    status.textContent = example.description;
    examples.value = '';
    editor.focus();
  });

  function renderTable(result: CypherResponse): HTMLElement {
    const relationships = relationshipTexts(result);
    return h(
      'table',
      { className: 'result-table' },
      h('thead', {}, h('tr', {}, ...result.columns.map((column) => h('th', { attrs: { scope: 'col' } }, column)))),
      h('tbody', {}, ...result.rows.map((row) => h('tr', {}, ...row.map((value) => h('td', {}, cellText(value, relationships)))))),
    );
  }

  async function run(): Promise<void> {
    const query = editor.codemirror.state.doc.toString();
    if (!query.trim()) return;
    let params: Record<string, unknown> = {};
    if (paramsInput.value.trim()) {
      try {
        const parsed: unknown = JSON.parse(paramsInput.value);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        params = parsed as Record<string, unknown>;
      } catch (error) {
        status.className = 'console-status error';
        status.textContent = `Parameters must be a JSON object such as {"id": "dendrites"} (${(error as Error).message}).`;
        return;
      }
    }
    runButton.disabled = true;
    status.className = 'console-status';
    status.textContent = 'Running…';
    clear(output);
    try {
      const result = await api.cypher(query, params);
      last = result;
      status.textContent = `${plural(result.rows.length, 'row')}${cutNote(result)} in ${result.elapsedMs} ms${result.graph ? `, ${plural(result.graph.nodes.length, 'node')}` : ''}`;
      output.append(renderTable(result));
      showButton.disabled = !result.graph;
    } catch (error) {
      last = null;
      showButton.disabled = true;
      status.className = 'console-status error';
      status.textContent = (error as Error).message;
    } finally {
      runButton.disabled = false;
    }
  }

  runButton.addEventListener('click', () => void run());
  showButton.addEventListener('click', () => {
    if (!last) return;
    const found = hooks.onShowInMap(last);
    status.textContent = `${plural(found, 'result node')} shown in the map.`;
    clearButton.hidden = false;
  });
  clearButton.addEventListener('click', () => {
    hooks.onClearMap();
    clearButton.hidden = true;
  });

  return {
    setQuery: (query) => editor.setValue(query),
    run,
    focus: () => editor.focus(),
  };
}

/** Which of the server's limits cut the answer, as the CLI says it: the row limit is the rows kept; the byte limit is not sent. */
function cutNote(result: CypherResponse): string {
  if (result.truncatedBy === 'rows') return ` (cut at ${plural(result.rows.length, 'row')}: the row limit)`;
  if (result.truncatedBy === 'bytes') return ' (cut at the byte limit)';
  return result.truncated ? ' (truncated)' : '';
}
