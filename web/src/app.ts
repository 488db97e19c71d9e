// The explorer: owns the graph, the sigma renderer, the view state, the side panel
// and the URL, and wires the UI pieces to each other. Data comes only from the API.
import Graph from 'graphology';
import type { CommunitySummary, CypherResponse, HealthResponse, OverviewResponse, SearchResult } from '../../src/graph/model.ts';
import { api, type RankBy } from './api.ts';
import { h } from './dom.ts';
import { Expansions, graphExtent } from './map/expansions.ts';
import { downloadBlob, exportPng } from './map/exportPng.ts';
import { yearScaleOf } from './map/palette.ts';
import { createRenderer, type MapRenderer } from './map/renderer.ts';
import { createViewState, updateFocus, type ColourMode, type MapFilters, type MapGraphology } from './map/viewState.ts';
import { readUrlState, writeUrlState, type PanelRoute, type UrlState } from './urlState.ts';
import type { ExplorerActions } from './ui/actions.ts';
import { communityView } from './ui/communityView.ts';
import { conceptView } from './ui/conceptView.ts';
import type { CypherConsole } from './ui/console.ts';
import { evidenceView } from './ui/evidenceView.ts';
import { renderFilters } from './ui/filters.ts';
import { homeView } from './ui/homeView.ts';
import { renderLegend } from './ui/legend.ts';
import { paperListView } from './ui/paperListView.ts';
import { paperView } from './ui/paperView.ts';
import { createSearchBox } from './ui/search.ts';
import { createSidePanel, type PanelTab, type SidePanel } from './ui/sidePanel.ts';
import { mountBridgesPanel, type BridgesHighlight } from './bridges/bridgesPanel.ts';

/** Render figures for the debug handle and scripts/bench-explorer.ts. */
export interface RenderStats {
  /** ms from navigation start to the first frame with the whole overview drawn. */
  firstRenderMs: number | null;
  firstRenderNodes: number;
  /** ms from navigation start until the browser presented that frame (two animation frames later). */
  firstPaintMs: number | null;
  frames: number;
  frameMs: number[];
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html lacks #${id}`);
  return found as T;
}

export class Explorer implements ExplorerActions {
  readonly graph: MapGraphology = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  readonly view = createViewState();
  readonly expansions = new Expansions(this.graph);
  readonly stats: RenderStats = { firstRenderMs: null, firstRenderNodes: 0, firstPaintMs: null, frames: 0, frameMs: [] };
  renderer!: MapRenderer;
  /** True once the overview is drawn and the URL's state restored. */
  ready = false;

  private url: UrlState;
  private overview: OverviewResponse | null = null;
  private communities = new Map<number, CommunitySummary>();
  private health: HealthResponse | null = null;
  private extent = 100;
  private panel!: SidePanel;
  private history: PanelRoute[] = [];
  private route: PanelRoute = { kind: 'home' };
  private routeToken = 0;
  private console: CypherConsole | null = null;
  private consoleLoading: Promise<void> | null = null;
  /** Nodes and edges drawn only for a console result or a bridges answer, removed with it. */
  private consoleAdded: string[] = [];
  private consoleAddedEdges: string[] = [];
  private readonly status = element<HTMLElement>('map-status');
  private statusTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.url = readUrlState(location.search);
  }

  async start(): Promise<void> {
    this.view.colourMode = this.url.colourMode;
    this.view.filters = { ...this.url.filters };
    this.panel = createSidePanel(element('side-panel'), [this.bridgesTab()], () => this.back(), (id) => this.showTab(id));
    createSearchBox(element('search'), (result) => this.choose(result));
    this.bindToolbar();
    this.setStatus('Loading the concept map…');
    [this.health] = await Promise.all([api.health().catch(() => null), this.loadOverview()]);
    this.createRenderer();

    for (const [id, depth] of this.url.expanded) await this.expand(id, depth, { quiet: true }).catch(() => undefined);
    const selected = this.url.selected;
    if (selected && this.graph.hasNode(selected)) this.setSelected(selected, true);
    await this.show(this.url.route, { push: false });
    this.showTab(this.url.sideTab);
    if (this.url.consoleOpen) this.toggleConsole(true);
    this.setStatus('');
    this.ready = true;
    this.syncUrl();
  }

  // --- overview and renderer -------------------------------------------------

  private async loadOverview(): Promise<void> {
    const overview = await api.overview(this.url.limit, this.url.rankBy, this.url.edges);
    this.overview = overview;
    this.communities = new Map(overview.communities.map((c) => [c.id, c]));
    this.view.yearScale = yearScaleOf(overview.years.min, overview.years.counts);
    this.expansions.reset();
    this.graph.clear();
    this.graph.import(overview.graph);
    this.extent = graphExtent(this.graph);
    this.renderOverlays();
  }

  private createRenderer(): void {
    const renderer = createRenderer(element('map'), this.graph, this.view);
    // Sigma draws its first frame inside the constructor, before any listener exists.
    this.stats.firstRenderMs = performance.now();
    this.stats.firstRenderNodes = this.graph.order;
    this.stats.frames = 1;
    requestAnimationFrame(() => requestAnimationFrame(() => (this.stats.firstPaintMs = performance.now())));
    this.renderer = renderer;
    // Sigma follows window resizes only; the console drawer resizes the map too.
    new ResizeObserver(() => renderer.scheduleRender()).observe(element('map'));
    let frameStart = 0;
    renderer.on('beforeRender', () => {
      frameStart = performance.now();
    });
    renderer.on('afterRender', () => {
      const now = performance.now();
      this.stats.frames++;
      if (this.stats.frameMs.length < 10_000) this.stats.frameMs.push(now - frameStart);
    });
    renderer.on('enterNode', ({ node }) => {
      this.view.hovered = node;
      updateFocus(this.view, this.graph);
      renderer.refresh({ skipIndexation: true });
      element('map').style.cursor = 'pointer';
    });
    renderer.on('leaveNode', () => {
      this.view.hovered = null;
      updateFocus(this.view, this.graph);
      renderer.refresh({ skipIndexation: true });
      element('map').style.cursor = '';
    });
    renderer.on('clickNode', ({ node }) => {
      if (this.graph.getNodeAttribute(node, 'kind') === 'paper') this.openPaper(node);
      else this.selectConcept(node, { camera: false });
    });
    renderer.on('clickEdge', ({ edge }) => {
      const [source, target] = this.graph.extremities(edge);
      if (this.graph.getEdgeAttribute(edge, 'kind') === 'mentions') {
        this.openPaper(this.graph.getNodeAttribute(source, 'kind') === 'paper' ? source : target);
      } else {
        this.openEvidence(source, target);
      }
    });
    renderer.on('clickStage', () => {
      if (!this.view.selected) return;
      this.setSelected(null, false);
      void this.show({ kind: 'home' }, { push: true });
    });
  }

  private renderOverlays(): void {
    const years = this.overview?.years ?? { min: null, max: null };
    renderLegend(element('legend'), { mode: this.view.colourMode, communities: [...this.communities.values()], graph: this.graph, years, yearScale: this.view.yearScale }, (id) => this.openCommunity(id));
    renderFilters(element('filters'), this.view.filters, { yearMin: years.min, yearMax: years.max, graph: this.graph }, (filters) => this.setFilters(filters));
  }

  private refresh(): void {
    updateFocus(this.view, this.graph);
    this.renderer?.refresh();
  }

  private setStatus(text: string, options: { fade: boolean } = { fade: false }): void {
    clearTimeout(this.statusTimer);
    this.status.textContent = text;
    this.status.hidden = !text;
    if (options.fade) this.statusTimer = setTimeout(() => this.setStatus(''), 3500);
  }

  // --- toolbar -----------------------------------------------------------------

  private bindToolbar(): void {
    const rankBy = element<HTMLSelectElement>('rank-by');
    rankBy.value = this.url.rankBy;
    rankBy.addEventListener('change', () => void this.setRankBy(rankBy.value as RankBy));
    document.querySelectorAll<HTMLButtonElement>('[data-colour]').forEach((button) => {
      button.setAttribute('aria-checked', String(button.dataset.colour === this.view.colourMode));
      button.addEventListener('click', () => this.setColourMode(button.dataset.colour as ColourMode));
    });
    element('export-png').addEventListener('click', () => void this.exportPng());
    element('toggle-console').addEventListener('click', () => this.toggleConsole());
    element('zoom-in').addEventListener('click', () => void this.renderer.getCamera().animatedZoom(1.6));
    element('zoom-out').addEventListener('click', () => void this.renderer.getCamera().animatedUnzoom(1.6));
    element('zoom-reset').addEventListener('click', () => void this.renderer.getCamera().animatedReset());
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement;
      const typing = target.closest('input, textarea, select, .cm-editor');
      if (event.key === '/' && !typing) {
        event.preventDefault();
        element<HTMLInputElement>('search-input').focus();
      } else if (event.key === 'Escape' && !typing && this.view.selected) {
        this.setSelected(null, false);
        void this.show({ kind: 'home' }, { push: true });
      }
    });
  }

  private async setRankBy(by: RankBy): Promise<void> {
    this.url.rankBy = by;
    const expanded = this.expansions.list();
    this.setStatus('Loading the concept map…');
    await this.loadOverview();
    for (const [id, depth] of expanded) await this.expand(id, depth, { quiet: true }).catch(() => undefined);
    if (this.view.selected && !this.graph.hasNode(this.view.selected)) this.view.selected = null;
    this.refresh();
    this.setStatus('');
    this.syncUrl();
  }

  private setColourMode(mode: ColourMode): void {
    this.view.colourMode = mode;
    document.querySelectorAll<HTMLButtonElement>('[data-colour]').forEach((button) => button.setAttribute('aria-checked', String(button.dataset.colour === mode)));
    this.renderOverlays();
    this.refresh();
    this.syncUrl();
  }

  private setFilters(filters: MapFilters): void {
    this.view.filters = filters;
    this.refresh();
    this.syncUrl();
  }

  private async exportPng(): Promise<void> {
    const blob = await exportPng(this.renderer);
    downloadBlob(blob, 'papergraph-map.png');
  }

  private toggleConsole(open?: boolean): void {
    const section = element('console');
    const show = open ?? section.hidden;
    section.hidden = !show;
    element('toggle-console').setAttribute('aria-expanded', String(show));
    if (show && !this.console && !this.consoleLoading) {
      // The Cypher parser is most of the bundle: it loads when the console first opens.
      this.consoleLoading = import('./ui/console.ts').then(({ createConsole }) => {
        this.console = createConsole(section, this.url.query, {
          onQueryChange: (query) => {
            this.url.query = query;
            this.syncUrl();
          },
          onShowInMap: (result) => this.showResultInMap(result),
          onClearMap: () => this.clearResultInMap(),
        });
        this.console.focus();
      });
    }
    if (show) this.console?.focus();
    this.syncUrl();
  }

  // --- selection and panel -------------------------------------------------------

  private choose(result: SearchResult): void {
    if (result.kind === 'paper') this.openPaper(result.id);
    else this.selectConcept(result.id);
  }

  private setSelected(id: string | null, camera: boolean): void {
    this.view.selected = id;
    this.refresh();
    if (id && camera && this.graph.hasNode(id)) {
      const display = this.renderer.getNodeDisplayData(id);
      if (display) void this.renderer.getCamera().animate({ x: display.x, y: display.y, ratio: Math.min(this.renderer.getCamera().ratio, 0.4) }, { duration: 500 });
    }
    this.syncUrl();
  }

  selectConcept(id: string, options: { camera?: boolean } = {}): void {
    void (async () => {
      if (!this.graph.hasNode(id)) {
        // A concept off the map comes in with its neighbourhood, placed by its stored layout.
        await this.expand(id, 1, { quiet: true }).catch((error: Error) => this.setStatus(error.message));
      }
      this.setSelected(this.graph.hasNode(id) ? id : null, options.camera ?? true);
      await this.show({ kind: 'concept', id }, { push: true });
    })();
  }

  openPaper(id: string): void {
    if (this.graph.hasNode(id)) this.setSelected(id, true);
    void this.show({ kind: 'paper', id }, { push: true });
  }

  openConceptPapers(id: string): void {
    void this.show({ kind: 'papers', id }, { push: true });
  }

  openEvidence(a: string, b: string): void {
    void this.show({ kind: 'evidence', a, b }, { push: true });
  }

  openCommunity(id: number): void {
    void this.show({ kind: 'community', id }, { push: true });
  }

  isExpanded(id: string): boolean {
    return this.expansions.has(id);
  }

  async expand(id: string, depth: 1 | 2, options: { quiet?: boolean } = {}): Promise<void> {
    const sub = await api.neighbourhood(id, depth);
    const before = this.graph.order;
    this.expansions.expand(id, depth, sub, this.extent);
    this.refresh();
    if (!options.quiet) {
      this.setStatus(`Added ${this.graph.order - before} nodes around ${this.graph.hasNode(id) ? this.graph.getNodeAttribute(id, 'label') : id}.`, { fade: true });
      if (this.route.kind === 'concept' && this.route.id === id) await this.show(this.route, { push: false });
    }
    this.syncUrl();
  }

  collapse(id: string): void {
    const removed = this.expansions.collapse(id);
    if (this.view.selected && !this.graph.hasNode(this.view.selected)) this.view.selected = null;
    this.refresh();
    this.setStatus(`Removed ${removed} nodes.`, { fade: true });
    if (this.route.kind === 'concept' && this.route.id === id) void this.show(this.route, { push: false });
    this.syncUrl();
  }

  private back(): void {
    const previous = this.history.pop();
    if (!previous) return;
    if (previous.kind === 'concept' && this.graph.hasNode(previous.id)) this.setSelected(previous.id, false);
    void this.show(previous, { push: false });
  }

  private showTab(id: string): void {
    this.panel.showTab(id);
    this.url.sideTab = this.panel.activeTab();
    this.syncUrl();
  }

  private async show(route: PanelRoute, options: { push: boolean }): Promise<void> {
    if (options.push && this.route.kind !== 'home' && JSON.stringify(route) !== JSON.stringify(this.route)) this.history.push(this.route);
    if (route.kind === 'home') this.history = [];
    this.route = route;
    this.syncUrl();
    const token = ++this.routeToken;
    this.panel.setLoading();
    this.panel.showTab('details');
    try {
      const content = await this.renderRoute(route);
      if (token !== this.routeToken) return;
      const heading = content.querySelector('.view-title')?.textContent ?? '';
      this.panel.setDetails(content, { canGoBack: this.history.length > 0, announce: heading });
    } catch (error) {
      if (token === this.routeToken) this.panel.setError((error as Error).message);
    }
  }

  private async renderRoute(route: PanelRoute): Promise<HTMLElement> {
    switch (route.kind) {
      case 'home':
        return homeView(this.health, { concepts: this.graph.filterNodes((_, a) => a.kind === 'concept').length, total: this.overview?.totalConcepts ?? 0 });
      case 'concept': {
        const concept = await api.concept(route.id);
        return conceptView(concept, this.communities.get(concept.community)?.label ?? null, this);
      }
      case 'paper':
        return paperView(await api.paper(route.id), this);
      case 'papers': {
        const concept = await api.concept(route.id);
        return paperListView(concept.label, (offset) => api.conceptPapers(route.id, offset, 50), this);
      }
      case 'evidence':
        return evidenceView(await api.evidence(route.a, route.b), this);
      case 'community':
        return communityView(await api.community(route.id), this);
    }
  }

  // --- bridges ------------------------------------------------------------------

  private bridgesTab(): PanelTab {
    return {
      id: 'bridges',
      label: 'Bridges',
      mount: (body) =>
        mountBridgesPanel(body, {
          fetchJson: (url) => api.getJson(url),
          onResult: (highlight) => this.showBridgesInMap(highlight),
          onOpenPaper: (id) => this.openPaper(id),
          onOpenConcept: (id) => this.selectConcept(id),
          initial: this.url.bridges ?? undefined,
          onStateChange: (state) => {
            this.url.bridges = state;
            this.syncUrl();
          },
        }),
    };
  }

  /**
   * Both topics, the bridging papers and the paths, everything else dimmed (the same
   * highlight the console uses). Papers not on the map are drawn beside the first
   * concept of theirs that is; path links missing from the map are drawn for the path.
   */
  private showBridgesInMap(highlight: BridgesHighlight): void {
    this.clearResultInMap();
    const anchors = new Map<string, string>();
    for (const [from, to] of highlight.pathEdges) {
      if (this.graph.hasNode(to) && !anchors.has(from)) anchors.set(from, to);
      if (this.graph.hasNode(from) && !anchors.has(to)) anchors.set(to, from);
    }
    const firstConcept = highlight.conceptIds.find((id) => this.graph.hasNode(id));
    highlight.paperIds.forEach((id, index) => {
      if (this.graph.hasNode(id)) return;
      const anchor = anchors.get(id) ?? firstConcept;
      if (!anchor) return;
      const at = this.graph.getNodeAttributes(anchor);
      const angle = index * 2.399963;
      const radius = this.extent * (0.02 + 0.004 * Math.sqrt(index + 1));
      this.graph.addNode(id, {
        kind: 'paper',
        label: highlight.labels[id] ?? id,
        x: at.x + radius * Math.cos(angle),
        y: at.y + radius * Math.sin(angle),
        size: 3,
        community: at.community,
        papers: 1,
        year: null,
      });
      this.consoleAdded.push(id);
    });
    for (const [from, to] of highlight.pathEdges) {
      if (this.graph.hasNode(from) && this.graph.hasNode(to) && !this.graph.hasEdge(from, to)) {
        this.consoleAddedEdges.push(this.graph.addEdge(from, to, { kind: 'mentions', papers: 1, weight: 1, size: 1.5 }));
      }
    }
    for (const id of [...highlight.conceptIds, ...highlight.paperIds]) if (this.graph.hasNode(id)) this.view.consoleHighlight.add(id);
    this.refresh();
    this.fitCamera([...this.view.consoleHighlight]);
  }

  /** Moves the camera so that `ids` fill most of the view. */
  private fitCamera(ids: string[]): void {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const id of ids) {
      const display = this.renderer.getNodeDisplayData(id);
      if (!display) continue;
      minX = Math.min(minX, display.x);
      maxX = Math.max(maxX, display.x);
      minY = Math.min(minY, display.y);
      maxY = Math.max(maxY, display.y);
    }
    if (minX === Infinity) return;
    // Camera coordinates span [0, 1] for the whole map; a ratio of 1 shows all of it.
    const ratio = Math.min(1, Math.max(0.08, 1.3 * Math.max(maxX - minX, maxY - minY)));
    void this.renderer.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 500 });
  }

  // --- console results in the map ----------------------------------------------

  private showResultInMap(result: CypherResponse): number {
    this.clearResultInMap();
    const graph = result.graph;
    if (!graph) return 0;
    for (const node of graph.nodes) {
      const p = node.attributes as Record<string, unknown>;
      if (!this.graph.hasNode(node.key) && typeof p.x === 'number' && typeof p.y === 'number' && Array.isArray(p.labels) && p.labels.includes('Concept')) {
        // Result concepts off the map are drawn at their stored position until cleared.
        this.graph.addNode(node.key, {
          kind: 'concept',
          label: String(p.label ?? node.key),
          x: p.x,
          y: p.y,
          size: 5,
          community: typeof p.community === 'number' ? p.community : 0,
          papers: typeof p.papers === 'number' ? p.papers : 1,
          year: typeof p.meanYear === 'number' ? p.meanYear : null,
        });
        this.consoleAdded.push(node.key);
      }
      if (this.graph.hasNode(node.key)) this.view.consoleHighlight.add(node.key);
    }
    this.refresh();
    return this.view.consoleHighlight.size;
  }

  private clearResultInMap(): void {
    this.view.consoleHighlight.clear();
    for (const edge of this.consoleAddedEdges) if (this.graph.hasEdge(edge)) this.graph.dropEdge(edge);
    this.consoleAddedEdges = [];
    for (const key of this.consoleAdded) if (this.graph.hasNode(key) && !this.expansions.has(key)) this.graph.dropNode(key);
    this.consoleAdded = [];
    this.refresh();
  }

  // --- URL ---------------------------------------------------------------------

  private syncUrl(): void {
    if (!this.ready) return;
    this.url = {
      ...this.url,
      colourMode: this.view.colourMode,
      filters: this.view.filters,
      selected: this.view.selected,
      expanded: this.expansions.list(),
      route: this.route,
      consoleOpen: !element('console').hidden,
    };
    history.replaceState(null, '', `${location.pathname}${writeUrlState(this.url)}`);
  }

  /** A small element for fatal start-up errors (no server, no data). */
  static fatal(message: string): HTMLElement {
    return h('div', { className: 'fatal', attrs: { role: 'alert' } }, h('h2', {}, 'The explorer could not start'), h('p', {}, message));
  }
}
