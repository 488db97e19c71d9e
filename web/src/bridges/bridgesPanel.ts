// The bridges panel: two topics in, the papers that connect them out, each with its
// reason (direct bridges, connecting paths, structural bridges). Self-contained: the
// host app gives it a container and hooks, and applies the highlight it reports.
// Every text from papers goes in through text nodes (h() children), never as markup.
import type { BridgePath, BridgesResponse, ConceptRef, StructuralBridge } from '../../../src/graph/model.ts';
import type { SearchResponse } from '../../../src/graph/model.ts';
import { clear, h } from '../dom.ts';

export interface BridgesHighlight {
  /** Topic A's concepts and the concepts through which papers reach A. */
  sideA: string[];
  /** The same for topic B. */
  sideB: string[];
  conceptIds: string[];
  paperIds: string[];
  /** Consecutive nodes of each connecting path (paper id, concept id, in path order). */
  pathEdges: [string, string][];
  /** Titles of the papers and labels of the concepts, for drawing those not yet on the map. */
  labels: Record<string, string>;
}

export interface BridgesPanelHooks {
  fetchJson: (url: string) => Promise<unknown>;
  onResult: (highlight: BridgesHighlight) => void;
  onOpenPaper: (id: string) => void;
  onOpenConcept: (id: string) => void;
  initial?: { a?: string; b?: string };
  onStateChange?: (state: { a: string; b: string }) => void;
}

export interface BridgesPanel {
  /** Fill both boxes and ask, as if the user had pressed Find. */
  find: (a: string, b: string) => Promise<void>;
}

const STYLE_ID = 'bridges-panel-style';
const STYLE = `
.bridges-panel form { display: grid; grid-template-columns: 1fr 1fr auto; gap: 6px; margin-bottom: 8px; }
.bridges-panel input { min-width: 0; }
.bridges-panel section { margin: 10px 0; }
.bridges-panel h3 { font-size: 0.95em; margin: 6px 0; }
.bridges-panel ol { padding-left: 1.4em; margin: 0; }
.bridges-panel li { margin-bottom: 8px; }
.bridges-panel .bridges-reason, .bridges-panel .bridges-note { color: #555; font-size: 0.9em; }
.bridges-panel .bridges-sentence { font-style: italic; margin: 2px 0 0 0; font-size: 0.9em; }
.bridges-panel button.bridges-link { background: none; border: none; padding: 0; color: #1a56b0; cursor: pointer; text-align: left; font: inherit; }
.bridges-panel button.bridges-chip { border: 1px solid #ccc; border-radius: 9px; background: #f4f4f4; padding: 0 6px; margin: 0 3px 2px 0; cursor: pointer; font-size: 0.85em; }
.bridges-panel .bridges-error { color: #a00; }
.bridges-panel .bridges-chain { display: flex; flex-wrap: wrap; align-items: center; gap: 2px; }
`;

function installStyle(): void {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = STYLE;
  document.head.appendChild(style);
}

function highlightOf(result: BridgesResponse): BridgesHighlight {
  const concepts = new Set<string>([...result.a.concepts, ...result.b.concepts].map((c) => c.id));
  const papers = new Set<string>();
  const pathEdges: [string, string][] = [];
  const labels: Record<string, string> = {};
  for (const c of [...result.a.concepts, ...result.b.concepts]) labels[c.id] = c.label;
  const sideA = new Set(result.a.concepts.map((c) => c.id));
  const sideB = new Set(result.b.concepts.map((c) => c.id).filter((id) => !sideA.has(id)));
  for (const paper of result.papers) {
    for (const c of paper.viaA) if (!sideB.has(c.id)) sideA.add(c.id);
    for (const c of paper.viaB) if (!sideA.has(c.id)) sideB.add(c.id);
  }
  for (const paper of result.papers) {
    papers.add(paper.id);
    labels[paper.id] = paper.title;
    for (const c of [...paper.viaA, ...paper.viaB]) {
      concepts.add(c.id);
      labels[c.id] = c.label;
    }
  }
  for (const path of result.paths) {
    for (const step of path.steps) {
      (step.kind === 'paper' ? papers : concepts).add(step.id);
      labels[step.id] = step.label;
    }
    for (let i = 1; i < path.steps.length; i++) pathEdges.push([path.steps[i - 1].id, path.steps[i].id]);
  }
  for (const s of result.structural) {
    (s.kind === 'paper' ? papers : concepts).add(s.id);
    labels[s.id] = s.label;
  }
  return { sideA: [...sideA], sideB: [...sideB], conceptIds: [...concepts], paperIds: [...papers], pathEdges, labels };
}

export function mountBridgesPanel(container: HTMLElement, hooks: BridgesPanelHooks): BridgesPanel {
  installStyle();
  clear(container);
  const suggestions = h('datalist', { attrs: { id: `bridges-topics-${Math.random().toString(36).slice(2)}` } });
  const listId = suggestions.getAttribute('id')!;
  const topicInput = (name: string, placeholder: string, value: string) =>
    h('input', { attrs: { name, type: 'search', placeholder, list: listId, autocomplete: 'off', 'aria-label': placeholder, value } });
  const inputA = topicInput('a', 'Topic A (e.g. STDP)', hooks.initial?.a ?? '');
  const inputB = topicInput('b', 'Topic B (e.g. catastrophic forgetting)', hooks.initial?.b ?? '');
  const button = h('button', { attrs: { type: 'submit' } }, 'Find');
  const results = h('div', { className: 'bridges-results', attrs: { 'aria-live': 'polite' } });

  // Autocomplete from /api/search: the latest request wins.
  let searchSeq = 0;
  const suggest = async (input: HTMLInputElement) => {
    const q = input.value.trim();
    if (q.length < 2) return;
    const seq = ++searchSeq;
    try {
      const response = (await hooks.fetchJson(`/api/search?q=${encodeURIComponent(q)}&limit=8`)) as SearchResponse;
      if (seq !== searchSeq) return;
      suggestions.replaceChildren(...response.results.filter((r) => r.kind === 'concept').map((r) => h('option', { attrs: { value: r.label } })));
    } catch {
      // Suggestions are a convenience: a failed lookup leaves the box usable.
    }
  };
  inputA.addEventListener('input', () => void suggest(inputA));
  inputB.addEventListener('input', () => void suggest(inputB));

  const conceptChip = (c: ConceptRef) =>
    h('button', { className: 'bridges-chip', attrs: { type: 'button', title: `${c.papers} papers` }, on: { click: () => hooks.onOpenConcept(c.id) } }, c.label);
  const paperLink = (id: string, title: string) =>
    h('button', { className: 'bridges-link', attrs: { type: 'button' }, on: { click: () => hooks.onOpenPaper(id) } }, title);

  const renderPath = (path: BridgePath) =>
    h(
      'li',
      { className: 'bridges-path' },
      h(
        'div',
        { className: 'bridges-chain' },
        ...path.steps.flatMap((step, i) => [
          i > 0 ? ' — ' : null,
          step.kind === 'paper' ? paperLink(step.id, step.label) : conceptChip({ id: step.id, label: step.label, papers: 0 }),
        ]),
      ),
      h('div', { className: 'bridges-reason' }, `${path.hops} hops · ${path.reason}`),
    );

  const renderStructural = (s: StructuralBridge) =>
    h(
      'li',
      { className: `bridges-structural bridges-structural-${s.kind}` },
      s.kind === 'paper' ? paperLink(s.id, s.year ? `${s.label} (${s.year})` : s.label) : conceptChip({ id: s.id, label: s.label, papers: 0 }),
      h('div', { className: 'bridges-reason' }, s.reason),
    );

  const render = (result: BridgesResponse) => {
    const concepts = result.structural.filter((s) => s.kind === 'concept');
    const papers = result.structural.filter((s) => s.kind === 'paper');
    results.replaceChildren(
      h('div', { className: 'bridges-note' }, `A: ${result.a.note}`),
      h('div', { className: 'bridges-note' }, `B: ${result.b.note}`),
      h(
        'section',
        { className: 'bridges-papers' },
        h('h3', {}, result.papers.length ? `Papers mentioning both (${result.papers.length} of ${result.totalDirect})` : 'No paper mentions both topics'),
        h(
          'ol',
          {},
          ...result.papers.map((p) =>
            h(
              'li',
              { className: 'bridges-paper', attrs: { 'data-id': p.id } },
              paperLink(p.id, p.year ? `${p.title} (${p.year})` : p.title),
              h('div', {}, ...p.viaA.map(conceptChip), ' × ', ...p.viaB.map(conceptChip)),
              h('div', { className: 'bridges-reason' }, p.reason),
              h('blockquote', { className: 'bridges-sentence' }, p.sentence),
            ),
          ),
        ),
      ),
      h(
        'section',
        { className: 'bridges-paths' },
        h('h3', {}, result.paths.length ? 'Connecting paths' : 'Connecting paths: none'),
        h('div', { className: 'bridges-note' }, result.pathNote),
        h('ol', {}, ...result.paths.map(renderPath)),
      ),
      h(
        'section',
        { className: 'bridges-structure' },
        h('h3', {}, 'Between the two communities'),
        concepts.length ? h('ol', {}, ...concepts.map(renderStructural)) : h('div', { className: 'bridges-note' }, 'No concept links the two sides.'),
        papers.length ? h('h3', {}, 'Papers spanning both sides') : null,
        papers.length ? h('ol', {}, ...papers.map(renderStructural)) : null,
      ),
    );
  };

  let findSeq = 0;
  const find = async (a: string, b: string) => {
    inputA.value = a;
    inputB.value = b;
    if (!a.trim() || !b.trim()) {
      results.replaceChildren(h('div', { className: 'bridges-error' }, 'Give two topics.'));
      return;
    }
    const seq = ++findSeq;
    hooks.onStateChange?.({ a, b });
    button.disabled = true;
    results.replaceChildren(h('div', { className: 'bridges-note' }, 'Searching…'));
    try {
      const result = (await hooks.fetchJson(`/api/bridges?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&limit=10`)) as BridgesResponse;
      if (seq !== findSeq) return;
      render(result);
      hooks.onResult(highlightOf(result));
    } catch (error) {
      if (seq !== findSeq) return;
      results.replaceChildren(h('div', { className: 'bridges-error', attrs: { role: 'alert' } }, error instanceof Error ? error.message : String(error)));
      hooks.onResult({ sideA: [], sideB: [], conceptIds: [], paperIds: [], pathEdges: [], labels: {} });
    } finally {
      if (seq === findSeq) button.disabled = false;
    }
  };

  const form = h(
    'form',
    { on: { submit: (event) => { event.preventDefault(); void find(inputA.value, inputB.value); } } },
    inputA,
    inputB,
    button,
  );
  container.append(h('div', { className: 'bridges-panel' }, form, suggestions, results));
  if (hooks.initial?.a && hooks.initial?.b) void find(hooks.initial.a, hooks.initial.b);
  return { find };
}
