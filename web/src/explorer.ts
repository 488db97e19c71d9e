// The explorer's wiring: it owns the graph and the view state and connects the
// pieces that each do one job: the router (history and URL), the renderer and its
// label layer, the map overlay (console results, bridges answers), the view layouts
// (focus, bridges), the toolbar, the map key and the side panel. Data comes only
// from the API.
import Graph from 'graphology';
import type { CommunitySummary, CypherResponse, HealthResponse, MapGraph, MapNodeAttributes, NeighbourhoodCounts, OverviewResponse, SearchResult } from '../../src/graph/model.ts';
import { api, type RankBy } from './api.ts';
import { mountBridgesPanel, type BridgesHighlight, type BridgesPanel } from './bridges/bridgesPanel.ts';
import { h } from './dom.ts';
import { cameraState, fitNodes, setCamera } from './map/camera.ts';
import { Expansions, graphExtent } from './map/expansions.ts';
import { downloadBlob, exportPng } from './map/exportPng.ts';
import { hitTest, HIT_DEFAULTS } from './map/hitTest.ts';
import { createLabelLayer, type LabelLayer } from './map/labelLayer.ts';
import { createMapOverlay, type MapOverlay, type OverlayContent } from './map/mapOverlay.ts';
import { neighbourhoodGraph } from './map/neighbourhoodGraph.ts';
import { overviewGraph } from './map/overviewGraph.ts';
import { yearScaleOf } from './map/palette.ts';
import { createRenderer, type MapRenderer } from './map/renderer.ts';
import { createTemporaryLayout } from './map/temporaryLayout.ts';
import { bridgesLayout, focusLayout, toGraph, type LaneLayout } from './map/viewLayouts.ts';
import { PAPER_LABEL_CHARS } from './map/reducers.ts';
import { createViewState, updateHover, type ColourMode, type MapFilters, type MapGraphology } from './map/viewState.ts';
import { createRouter, type Router } from './router.ts';
import type { ExplorerActions } from './ui/actions.ts';
import type { FocusCounts } from './ui/conceptView.ts';
import type { CypherConsole } from './ui/console.ts';
import { renderMapKey } from './ui/mapKey.ts';
import { renderPanelRoute } from './ui/panelViews.ts';
import { createSearchBox } from './ui/search.ts';
import { createSidePanel, type PanelTab, type SidePanel } from './ui/sidePanel.ts';
import { createToolbar, type Toolbar } from './ui/toolbar.ts';
import type { PanelRoute, UrlState } from './urlState.ts';

/** Render figures for the debug handle and scripts/bench-explorer.ts. */
export interface RenderStats {
  /** ms from navigation start to the first frame with the whole overview drawn. */
  firstRenderMs: number | null;
  firstRenderNodes: number;
  /** ms from navigation start until the browser presented that frame (two animation frames later). */
  firstPaintMs: number | null;
  frames: number;
  frameMs: number[];
  /** For each of frameMs: whether sigma drew it as a camera-move frame. */
  frameMoving: boolean[];
}

/** Which layout the map shows. */
export type MapViewKind = 'overview' | 'focus' | 'bridges' | 'console';

export interface ExplorerOptions {
  /** Pixels on the map's left covered by the filters: a fitted console result sits right of them. */
  overlayInset: number;
  /** Graph units per pixel of a focus or bridges layout, as a share of the map's extent. */
  layoutScale: number;
  /** Neighbours and papers fetched for a focus view. */
  focusNeighbours: number;
  focusPapers: number;
}

export const EXPLORER_DEFAULTS: ExplorerOptions = { overlayInset: 240, layoutScale: 1 / 1800, focusNeighbours: 30, focusPapers: 15 };

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html lacks #${id}`);
  return found as T;
}

interface FocusData {
  id: string;
  hops: 1 | 2;
  sub: MapGraph;
}

export class Explorer implements ExplorerActions {
  readonly graph: MapGraphology = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  readonly view = createViewState();
  readonly stats: RenderStats = { firstRenderMs: null, firstRenderNodes: 0, firstPaintMs: null, frames: 0, frameMs: [], frameMoving: [] };
  renderer!: MapRenderer;
  labels!: LabelLayer;
  /** True once the overview is drawn and the URL's state restored. */
  ready = false;
  /** View changes in flight (the tests wait for none). */
  pending = 0;
  mapView: MapViewKind = 'overview';

  private readonly options: ExplorerOptions = EXPLORER_DEFAULTS;
  private readonly router: Router = createRouter();
  private url: UrlState = this.router.initial;
  private readonly expansions = new Expansions(this.graph);
  private readonly layout = createTemporaryLayout(this.graph);
  private readonly overlay: MapOverlay = createMapOverlay(this.graph, this.view, (id) => this.expansions.holds(id));
  private overview: OverviewResponse | null = null;
  private communities = new Map<number, CommunitySummary>();
  private health: HealthResponse | null = null;
  private extent = 100;
  private panel!: SidePanel;
  private toolbar!: Toolbar;
  private routeToken = 0;
  private viewToken = 0;
  private focus: FocusData | null = null;
  /** Room the rightmost lane's labels need in the current lane layout, px. */
  private labelRoom = 0;
  private bridgesPanel: BridgesPanel | null = null;
  private bridgesAnswer: { a: string; b: string; highlight: BridgesHighlight } | null = null;
  private consoleResult: CypherResponse | null = null;
  private console: CypherConsole | null = null;
  private consoleLoading: Promise<void> | null = null;
  private readonly status = element<HTMLElement>('map-status');
  private statusTimer: ReturnType<typeof setTimeout> | undefined;

  async start(): Promise<void> {
    this.view.colourMode = this.url.colourMode;
    this.view.filters = { ...this.url.filters };
    this.panel = createSidePanel(element('side-panel'), [this.bridgesTab()], () => this.router.back(), (id) => this.showTab(id));
    createSearchBox(element('search'), (result) => this.choose(result));
    this.toolbar = createToolbar({
      onRankBy: (by) => void this.setRankBy(by),
      onColourMode: (mode) => this.setColourMode(mode),
      onExportPng: () => void exportPng(this.renderer).then((blob) => downloadBlob(blob, 'papergraph-map.png')),
      onToggleConsole: () => this.toggleConsole(),
      onZoom: (direction) => {
        const camera = this.renderer.getCamera();
        if (direction === 'in') void camera.animatedZoom(1.6);
        else if (direction === 'out') void camera.animatedUnzoom(1.6);
        else void this.fitView();
      },
      onEscape: () => this.leaveView(),
    });
    this.toolbar.setRankBy(this.url.rankBy);
    this.toolbar.setColourMode(this.view.colourMode);
    this.setStatus('Loading the concept map…');
    [this.health] = await Promise.all([api.health().catch(() => null), this.loadOverview()]);
    this.createRenderer();
    this.router.onNavigate((state) => void this.navigate(state));

    await this.showMapView({ fit: this.url.camera === null });
    if (this.url.camera) setCamera(this.renderer, this.url.camera);
    await this.showPanel(this.url.route);
    // The bridges tab answers its URL topics when first shown.
    if (this.url.bridges) this.panel.showTab('bridges');
    this.showTab(this.url.sideTab);
    if (this.url.consoleOpen) this.toggleConsole(true);
    this.setStatus('');
    this.ready = true;
    this.record();
  }

  // --- overview and renderer -------------------------------------------------

  private async loadOverview(): Promise<void> {
    const overview = await api.overview(this.url.limit, this.url.rankBy, this.url.edges);
    this.overview = overview;
    this.communities = new Map(overview.communities.map((c) => [c.id, c]));
    this.view.yearScale = yearScaleOf(overview.years.min, overview.years.counts);
    this.focus = null;
    this.expansions.reset();
    this.overlay.clear();
    this.layout.restore();
    this.graph.clear();
    this.graph.import(overviewGraph(overview));
    this.extent = graphExtent(this.graph);
    this.renderMapKey();
    this.labels?.invalidate();
  }

  private createRenderer(): void {
    const container = element('map');
    const { renderer, motion } = createRenderer(container, this.graph, this.view);
    // Sigma draws its first frame inside the constructor, before any listener exists.
    this.stats.firstRenderMs = performance.now();
    this.stats.firstRenderNodes = this.graph.order;
    this.stats.frames = 1;
    requestAnimationFrame(() => requestAnimationFrame(() => (this.stats.firstPaintMs = performance.now())));
    this.renderer = renderer;
    const covering = ['filters', 'legend', 'map-status'].map((id) => element(id));
    this.labels = createLabelLayer(renderer, this.graph, this.view, motion, (id) => this.communities.get(id)?.label ?? null, () => {
      const origin = container.getBoundingClientRect();
      return covering
        .filter((el) => !el.hidden && el.offsetParent !== null)
        .map((el) => {
          const r = el.getBoundingClientRect();
          return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
        });
    });
    renderer.scheduleRender();
    // Sigma follows window resizes only; the console drawer resizes the map too.
    new ResizeObserver(() => renderer.scheduleRender()).observe(container);
    let frameStart = 0;
    renderer.on('beforeRender', () => {
      frameStart = performance.now();
    });
    renderer.on('afterRender', () => {
      this.stats.frames++;
      if (this.stats.frameMs.length < 10_000) {
        this.stats.frameMs.push(performance.now() - frameStart);
        this.stats.frameMoving.push(motion.sigmaMoving());
      }
    });
    // Hover refocuses every node and edge (a full refresh): while the camera moves the
    // pointer sweeps across nodes, so the hover is applied once the camera rests.
    let hovered: string | null = null;
    const applyHover = (options: { schedule: boolean }) => {
      if (this.view.hovered === hovered) return;
      this.view.hovered = hovered;
      updateHover(this.view, this.graph);
      renderer.refresh({ skipIndexation: true, schedule: options.schedule });
    };
    const hover = (node: string | null) => {
      hovered = node;
      container.style.cursor = node ? 'pointer' : '';
      // A drag's first move can leave the hovered node before the camera has moved.
      if (!motion.moving() && !motion.sigmaMoving()) applyHover({ schedule: false });
    };
    renderer.on('enterNode', ({ node }) => hover(node));
    renderer.on('leaveNode', () => hover(null));
    renderer.on('clickNode', ({ node }) => this.clickNode(node));
    renderer.on('clickStage', ({ event }) => {
      const hit = hitTest(renderer, this.graph, { x: event.x, y: event.y });
      if (hit.kind === 'node') this.clickNode(hit.id);
      else if (hit.kind === 'edge') this.clickEdge(hit.id);
      else if (hit.nearestNodePx > HIT_DEFAULTS.farFromEverything) this.leaveView();
    });
    motion.onRest(() => applyHover({ schedule: true }));
    // The camera goes into the URL once it rests.
    motion.onRest(() => this.record());
  }

  private clickNode(node: string): void {
    if (this.graph.getNodeAttribute(node, 'kind') === 'paper') this.openPaper(node);
    else this.selectConcept(node);
  }

  private clickEdge(edge: string): void {
    const [source, target] = this.graph.extremities(edge);
    if (this.graph.getEdgeAttribute(edge, 'kind') === 'mentions') this.openPaper(this.graph.getNodeAttribute(source, 'kind') === 'paper' ? source : target);
    else this.openEvidence(source, target);
  }

  private renderMapKey(): void {
    renderMapKey({ legend: element('legend'), filters: element('filters') }, this.graph, this.view, this.overview, {
      onCommunity: (id) => this.openCommunity(id),
      onFilters: (filters) => this.setFilters(filters),
    });
  }

  private setStatus(text: string, options: { fade: boolean } = { fade: false }): void {
    clearTimeout(this.statusTimer);
    this.status.textContent = text;
    this.status.hidden = !text;
    if (options.fade) this.statusTimer = setTimeout(() => this.setStatus(''), 5000);
  }

  // --- map views ----------------------------------------------------------------

  /**
   * Puts the map in the view the state asks for: the selected concept's focus view,
   * else the bridges answer, else a console result, else the overview. Each view
   * lays out its own nodes; the overview's positions come back when it ends.
   */
  private async showMapView(options: { fit: boolean }): Promise<void> {
    const token = ++this.viewToken;
    this.pending++;
    try {
      const selected = this.url.selected;
      let focus: FocusData | null = null;
      if (selected) {
        focus = this.focus?.id === selected && this.focus.hops === this.url.hops ? this.focus : await this.fetchFocus(selected, this.url.hops);
        if (token !== this.viewToken) return;
      }
      this.layout.restore();
      this.view.subject.clear();
      if (this.focus && this.focus !== focus) this.expansions.collapse(this.focus.id);
      this.focus = focus;
      let kind: MapViewKind = 'overview';
      if (focus) {
        this.overlay.clear();
        this.expansions.expand(focus.id, focus.hops, focus.sub, this.extent);
        this.applyFocusLayout(focus);
        kind = 'focus';
      } else if (this.bridgesAnswer && this.url.bridges) {
        this.overlay.show(this.bridgesContent(this.bridgesAnswer.highlight));
        this.applyBridgesLayout(this.bridgesAnswer.highlight);
        kind = 'bridges';
      } else if (this.consoleResult) {
        this.overlay.show(this.consoleContent(this.consoleResult));
        for (const id of this.view.overlayHighlight) this.view.subject.add(id);
        kind = 'console';
      } else {
        this.overlay.clear();
      }
      if (this.view.selected !== selected) this.view.selected = selected && this.graph.hasNode(selected) ? selected : null;
      this.mapView = kind;
      // The legend explains the overview's colours; a focus or bridges view needs the room.
      element('legend').hidden = kind === 'focus' || kind === 'bridges';
      this.labels.invalidate();
      this.renderer.refresh();
      if (options.fit) await this.fitView();
    } finally {
      this.pending--;
    }
  }

  private async fetchFocus(id: string, hops: 1 | 2): Promise<FocusData | null> {
    try {
      const sub = neighbourhoodGraph(await api.neighbourhood(id, hops, this.options.focusNeighbours, this.options.focusPapers));
      return { id, hops, sub };
    } catch (error) {
      this.setStatus((error as Error).message, { fade: true });
      return null;
    }
  }

  private layoutViewport(): { width: number; height: number } {
    return this.renderer.getDimensions();
  }

  private applyLanes(layout: LaneLayout, origin: { x: number; y: number }): void {
    this.layout.apply(toGraph(layout, origin, this.extent * this.options.layoutScale));
    for (const id of layout.positions.keys()) this.view.subject.add(id);
    this.labelRoom = layout.labelRoom;
  }

  /** What a node's label takes beside it at the fitted zoom (the reducers shorten paper titles). */
  private readonly labelWidth = (id: string): number => {
    const a = this.graph.getNodeAttributes(id);
    const text = a.kind === 'paper' && a.label.length > PAPER_LABEL_CHARS ? `${a.label.slice(0, PAPER_LABEL_CHARS - 1)}…` : a.label;
    return this.labels.labelWidth(text, a.size * 0.5);
  };

  /** The concept in the middle, its neighbours in labelled lanes around it (viewLayouts.ts). */
  private applyFocusLayout(focus: FocusData): void {
    const present = focus.sub.nodes.map((n) => n.key).filter((id) => id !== focus.id && this.graph.hasNode(id));
    // Concepts first (the API lists them strongest first, the second hop after), then papers.
    const concepts = present.filter((id) => this.graph.getNodeAttribute(id, 'kind') === 'concept');
    const papers = present.filter((id) => this.graph.getNodeAttribute(id, 'kind') === 'paper');
    const layout = focusLayout(focus.id, [...concepts, ...papers], (id) => this.graph.getNodeAttribute(id, 'y'), this.labelWidth, this.layoutViewport());
    const centre = this.graph.getNodeAttributes(focus.id);
    this.applyLanes(layout, { x: centre.x, y: centre.y });
  }

  /** Topic A's concepts on the left, B's on the right, the bridging papers and concepts between. */
  private applyBridgesLayout(highlight: BridgesHighlight): void {
    const present = (ids: string[]) => ids.filter((id) => this.graph.hasNode(id));
    const sideA = present(highlight.sideA);
    const sideB = present(highlight.sideB).filter((id) => !sideA.includes(id));
    const sides = new Set([...sideA, ...sideB]);
    const middle = [...new Set(present([...highlight.conceptIds, ...highlight.paperIds]).filter((id) => !sides.has(id)))];
    const isPaper = (id: string) => this.graph.getNodeAttribute(id, 'kind') === 'paper';
    const layout = bridgesLayout(sideA, middle.filter((id) => !isPaper(id)), middle.filter(isPaper), sideB, this.labelWidth, this.layoutViewport());
    const anchors = [...sideA, ...sideB].map((id) => this.graph.getNodeAttributes(id));
    const origin = anchors.length
      ? { x: anchors.reduce((s, a) => s + a.x, 0) / anchors.length, y: anchors.reduce((s, a) => s + a.y, 0) / anchors.length }
      : { x: 0, y: 0 };
    this.applyLanes(layout, origin);
  }

  /** Fits the camera to the current view's nodes, right of the map's overlays; the overview is shown whole. */
  private async fitView(): Promise<void> {
    if (this.view.subject.size === 0) {
      await this.renderer.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 });
      return;
    }
    // Lane layouts are laid out for the whole map's width (labels under the filters give way).
    const lanes = this.mapView === 'focus' || this.mapView === 'bridges';
    await fitNodes(this.renderer, [...this.view.subject], lanes ? { labelRoom: this.labelRoom } : { insetLeft: this.options.overlayInset });
  }

  /** Escape, or a click far from everything: out of the current view, one step. */
  private leaveView(): void {
    if (this.url.selected) {
      this.url.selected = null;
      this.url.hops = 1;
    } else if (this.url.bridges && this.mapView === 'bridges') {
      this.url.bridges = null;
      this.bridgesAnswer = null;
    } else if (this.consoleResult) {
      this.consoleResult = null;
    } else {
      return;
    }
    this.url.route = { kind: 'home' };
    void this.changeView();
  }

  /** After a change to `url`: a history entry, the map's view, the panel. */
  private async changeView(options: { panel?: boolean } = {}): Promise<void> {
    this.record();
    await this.showMapView({ fit: true });
    if (options.panel !== false) await this.showPanel(this.url.route);
  }

  /** Back, Forward or a history jump: show that entry's state. */
  private async navigate(state: UrlState): Promise<void> {
    const rankChanged = state.rankBy !== this.url.rankBy || state.limit !== this.url.limit || state.edges !== this.url.edges;
    const bridgesChanged = JSON.stringify(state.bridges) !== JSON.stringify(this.url.bridges);
    this.url = state;
    this.view.colourMode = state.colourMode;
    this.view.filters = { ...state.filters };
    this.toolbar.setColourMode(state.colourMode);
    this.toolbar.setRankBy(state.rankBy);
    if (rankChanged) await this.loadOverview();
    if (!state.bridges) this.bridgesAnswer = null;
    else if (bridgesChanged && this.bridgesPanel) void this.bridgesPanel.find(state.bridges.a, state.bridges.b);
    await this.showMapView({ fit: state.camera === null });
    if (state.camera) setCamera(this.renderer, state.camera);
    this.renderMapKey();
    this.panel.showTab(state.sideTab);
    await this.showPanel(state.route);
  }

  private record(): void {
    if (!this.ready) return;
    this.url = {
      ...this.url,
      colourMode: this.view.colourMode,
      filters: this.view.filters,
      consoleOpen: !element('console').hidden,
      camera: this.renderer ? cameraState(this.renderer) : null,
    };
    this.router.record(this.url);
  }

  // --- toolbar -----------------------------------------------------------------

  private async setRankBy(by: RankBy): Promise<void> {
    this.url.rankBy = by;
    this.setStatus('Loading the concept map…');
    await this.loadOverview();
    await this.showMapView({ fit: true });
    this.setStatus('');
    this.record();
  }

  private setColourMode(mode: ColourMode): void {
    this.view.colourMode = mode;
    this.toolbar.setColourMode(mode);
    this.renderMapKey();
    this.renderer.refresh({ skipIndexation: true });
    this.record();
  }

  private setFilters(filters: MapFilters): void {
    this.view.filters = filters;
    this.labels.invalidate();
    this.renderer.refresh({ skipIndexation: true });
    this.record();
  }

  private toggleConsole(open?: boolean): void {
    const section = element('console');
    const show = open ?? section.hidden;
    section.hidden = !show;
    this.toolbar.setConsoleOpen(show);
    if (show && !this.console && !this.consoleLoading) {
      // The Cypher parser is most of the bundle: it loads when the console first opens.
      this.consoleLoading = import('./ui/console.ts').then(({ createConsole }) => {
        this.console = createConsole(section, this.url.query, {
          onQueryChange: (query) => {
            this.url.query = query;
            this.record();
          },
          onShowInMap: (result) => this.showConsoleResult(result),
          onClearMap: () => {
            this.consoleResult = null;
            void this.showMapView({ fit: false });
          },
        });
        this.console.focus();
      });
    }
    if (show) this.console?.focus();
    this.record();
  }

  // --- selection and panel -------------------------------------------------------

  private choose(result: SearchResult): void {
    if (result.kind === 'paper') this.openPaper(result.id);
    else this.selectConcept(result.id);
  }

  /** The concept's focus view on the map and its details in the panel. */
  selectConcept(id: string): void {
    if (this.url.selected !== id) this.url.hops = 1;
    this.url.selected = id;
    this.url.route = { kind: 'concept', id };
    this.url.sideTab = 'details';
    void this.changeView();
  }

  openPaper(id: string): void {
    this.openRoute({ kind: 'paper', id });
  }

  openConceptPapers(id: string): void {
    this.openRoute({ kind: 'papers', id });
  }

  openEvidence(a: string, b: string): void {
    this.openRoute({ kind: 'evidence', a, b });
  }

  openCommunity(id: number): void {
    this.openRoute({ kind: 'community', id });
  }

  /** A panel view that leaves the map as it is. */
  private openRoute(route: PanelRoute): void {
    this.url.route = route;
    this.url.sideTab = 'details';
    this.record();
    void this.showPanel(route);
  }

  async expand(id: string, depth: 1 | 2): Promise<string> {
    const before = this.focus?.id === id ? this.focus.sub.nodes.length : 0;
    this.url.selected = id;
    this.url.hops = depth;
    this.record();
    await this.showMapView({ fit: true });
    const counts = this.focusCounts(id);
    let message: string;
    if (!counts) message = 'The neighbourhood could not be loaded.';
    else if (depth === 2) {
      const capped = counts.secondRing < counts.secondRingTotal;
      message = `Added ${counts.secondRing} concepts two hops away${capped ? ` (the ${counts.secondRing} strongest of ${counts.secondRingTotal}; the cap is ${this.options.focusNeighbours * 2} concepts in all)` : ''}.`;
    } else {
      message = `Removed ${Math.max(0, before - (this.focus?.sub.nodes.length ?? 0))} concepts two hops away.`;
    }
    this.setStatus(message, { fade: true });
    await this.showPanel(this.url.route);
    return message;
  }

  private focusCounts(id: string): FocusCounts | null {
    if (this.focus?.id !== id) return null;
    const counts = this.focus.sub.attributes.counts as NeighbourhoodCounts | undefined;
    return counts ? { ...counts, depth: this.focus.hops } : null;
  }

  private showTab(id: string): void {
    this.panel.showTab(id);
    this.url.sideTab = this.panel.activeTab();
    this.record();
  }

  private async showPanel(route: PanelRoute): Promise<void> {
    const token = ++this.routeToken;
    this.pending++;
    this.panel.setLoading();
    try {
      const content = await renderPanelRoute(route, {
        health: this.health,
        conceptsOnMap: this.overview?.concepts.ids.length ?? 0,
        totalConcepts: this.overview?.totalConcepts ?? 0,
        community: (id) => this.communities.get(id),
        focusCounts: (id) => this.focusCounts(id),
        actions: this,
      });
      if (token !== this.routeToken) return;
      const heading = content.querySelector('.view-title')?.textContent ?? '';
      if (this.url.sideTab === 'details') this.panel.showTab('details');
      this.panel.setDetails(content, { canGoBack: this.router.depth() > 0, announce: heading });
    } catch (error) {
      if (token === this.routeToken) this.panel.setError((error as Error).message);
    } finally {
      this.pending--;
    }
  }

  // --- bridges ------------------------------------------------------------------

  private bridgesTab(): PanelTab {
    return {
      id: 'bridges',
      label: 'Bridges',
      mount: (body) => {
        this.bridgesPanel = mountBridgesPanel(body, {
          fetchJson: (url) => api.getJson(url),
          onResult: (highlight) => this.showBridges(highlight),
          onOpenPaper: (id) => this.openPaper(id),
          onOpenConcept: (id) => this.selectConcept(id),
          initial: this.url.bridges ?? undefined,
          onStateChange: (state) => {
            this.url.bridges = state;
            this.url.selected = null;
            this.record();
          },
        });
      },
    };
  }

  private showBridges(highlight: BridgesHighlight): void {
    const topics = this.url.bridges;
    this.bridgesAnswer = topics && highlight.conceptIds.length + highlight.paperIds.length > 0 ? { ...topics, highlight } : null;
    if (this.url.selected) return;
    void this.showMapView({ fit: !(this.ready === false && this.url.camera) });
  }

  /** The bridges answer's nodes the map lacks (placed by the bridges layout) and its path links. */
  private bridgesContent(highlight: BridgesHighlight): OverlayContent {
    const nodes: OverlayContent['nodes'] = [];
    const paperIds = new Set(highlight.paperIds);
    for (const id of [...highlight.conceptIds, ...highlight.paperIds]) {
      if (this.graph.hasNode(id)) continue;
      const paper = paperIds.has(id);
      const attributes: MapNodeAttributes = { kind: paper ? 'paper' : 'concept', label: highlight.labels[id] ?? id, x: 0, y: 0, size: paper ? 3 : 5, community: -1, papers: 1, year: null };
      nodes.push({ key: id, attributes });
    }
    const edges = highlight.pathEdges.map(([source, target]) => ({ source, target, attributes: { kind: 'mentions' as const, papers: 1, weight: 1, size: 1.5 } }));
    return { nodes, edges, highlight: [...highlight.conceptIds, ...highlight.paperIds] };
  }

  // --- console results in the map ----------------------------------------------

  private showConsoleResult(result: CypherResponse): number {
    this.consoleResult = result.graph ? result : null;
    this.url.selected = null;
    this.record();
    void this.showMapView({ fit: true });
    return this.consoleContent(result).highlight.filter((id) => this.graph.hasNode(id)).length;
  }

  /** Result concepts off the map are drawn at their stored position until cleared. */
  private consoleContent(result: CypherResponse): OverlayContent {
    const nodes: OverlayContent['nodes'] = [];
    const highlight: string[] = [];
    for (const node of result.graph?.nodes ?? []) {
      const p = node.attributes as Record<string, unknown>;
      highlight.push(node.key);
      if (typeof p.x !== 'number' || typeof p.y !== 'number' || !Array.isArray(p.labels) || !p.labels.includes('Concept')) continue;
      nodes.push({
        key: node.key,
        attributes: {
          kind: 'concept',
          label: String(p.label ?? node.key),
          x: p.x,
          y: p.y,
          size: 5,
          community: typeof p.community === 'number' ? p.community : 0,
          papers: typeof p.papers === 'number' ? p.papers : 1,
          year: typeof p.meanYear === 'number' ? p.meanYear : null,
        },
      });
    }
    return { nodes, edges: [], highlight };
  }

  /** A small element for fatal start-up errors (no server, no data). */
  static fatal(message: string): HTMLElement {
    return h('div', { className: 'fatal', attrs: { role: 'alert' } }, h('h2', {}, 'The explorer could not start'), h('p', {}, message));
  }
}
