// Shareable state: everything needed to rebuild a view lives in the query string,
// so a copied URL (or a reload) opens the same map, selection, panel and query.
import type { RankBy } from './api.ts';
import { DEFAULT_FILTERS, type ColourMode, type MapFilters } from './map/viewState.ts';

/** What the side panel shows. */
export type PanelRoute =
  | { kind: 'home' }
  | { kind: 'concept'; id: string }
  | { kind: 'paper'; id: string }
  | { kind: 'papers'; id: string }
  | { kind: 'evidence'; a: string; b: string }
  | { kind: 'community'; id: number };

export interface UrlState {
  /** Concepts on the overview map. */
  limit: number;
  /** Edges kept per concept on the overview (null: the server's default). */
  edges: number | null;
  rankBy: RankBy;
  colourMode: ColourMode;
  filters: MapFilters;
  /** The concept whose focus view is on the map. */
  selected: string | null;
  /** Hops of the focus view's neighbourhood. */
  hops: 1 | 2;
  route: PanelRoute;
  sideTab: string;
  consoleOpen: boolean;
  query: string;
  /** The two topics of the Bridges tab. */
  bridges: { a: string; b: string } | null;
  /** Sigma camera (its [0, 1] frame); null: fitted to the map. */
  camera: CameraState | null;
}

export interface CameraState {
  x: number;
  y: number;
  ratio: number;
}

export const DEFAULT_LIMIT = 500;

function numberOrNull(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function readRoute(params: URLSearchParams): PanelRoute {
  const view = params.get('view');
  const id = params.get('id');
  if ((view === 'concept' || view === 'paper' || view === 'papers') && id) return { kind: view, id };
  const a = params.get('a');
  const b = params.get('b');
  if (view === 'evidence' && a && b) return { kind: 'evidence', a, b };
  const community = numberOrNull(id);
  if (view === 'community' && community !== null) return { kind: 'community', id: community };
  return { kind: 'home' };
}

/** `x,y,ratio`: three finite numbers, the ratio positive. */
function readCamera(value: string | null): CameraState | null {
  const parts = (value ?? '').split(',').map(Number);
  if (parts.length !== 3 || !parts.every(Number.isFinite) || parts[2] <= 0) return null;
  return { x: parts[0], y: parts[1], ratio: parts[2] };
}

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const limit = numberOrNull(params.get('limit'));
  return {
    limit: limit !== null && limit >= 1 ? Math.min(10_000, Math.round(limit)) : DEFAULT_LIMIT,
    edges: (() => {
      const edges = numberOrNull(params.get('edges'));
      return edges !== null && edges >= 1 ? Math.min(200, Math.round(edges)) : null;
    })(),
    rankBy: params.get('by') === 'pagerank' ? 'pagerank' : 'papers',
    colourMode: params.get('colour') === 'year' ? 'year' : 'community',
    filters: {
      yearMin: numberOrNull(params.get('ymin')),
      yearMax: numberOrNull(params.get('ymax')),
      minPapers: Math.max(1, numberOrNull(params.get('minp')) ?? DEFAULT_FILTERS.minPapers),
      showPapers: params.get('papers') !== '0',
    },
    selected: params.get('sel'),
    hops: params.get('hops') === '2' ? 2 : 1,
    route: readRoute(params),
    sideTab: params.get('tab') ?? 'details',
    consoleOpen: params.get('console') === '1',
    query: params.get('q') ?? '',
    bridges: params.get('bridgeA') && params.get('bridgeB') ? { a: params.get('bridgeA')!, b: params.get('bridgeB')! } : null,
    camera: readCamera(params.get('cam')),
  };
}

export function writeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.limit !== DEFAULT_LIMIT) params.set('limit', String(state.limit));
  if (state.edges !== null) params.set('edges', String(state.edges));
  if (state.rankBy !== 'papers') params.set('by', state.rankBy);
  if (state.colourMode !== 'community') params.set('colour', state.colourMode);
  const f = state.filters;
  if (f.yearMin !== null) params.set('ymin', String(f.yearMin));
  if (f.yearMax !== null) params.set('ymax', String(f.yearMax));
  if (f.minPapers !== DEFAULT_FILTERS.minPapers) params.set('minp', String(f.minPapers));
  if (!f.showPapers) params.set('papers', '0');
  if (state.selected) params.set('sel', state.selected);
  if (state.selected && state.hops === 2) params.set('hops', '2');
  const route = state.route;
  if (route.kind !== 'home') params.set('view', route.kind);
  if (route.kind === 'concept' || route.kind === 'paper' || route.kind === 'papers') params.set('id', route.id);
  if (route.kind === 'community') params.set('id', String(route.id));
  if (route.kind === 'evidence') {
    params.set('a', route.a);
    params.set('b', route.b);
  }
  if (state.sideTab !== 'details') params.set('tab', state.sideTab);
  if (state.consoleOpen) params.set('console', '1');
  if (state.query) params.set('q', state.query);
  if (state.bridges) {
    params.set('bridgeA', state.bridges.a);
    params.set('bridgeB', state.bridges.b);
  }
  if (state.camera) params.set('cam', [state.camera.x.toFixed(4), state.camera.y.toFixed(4), state.camera.ratio.toPrecision(4)].join(','));
  const text = params.toString();
  return text ? `?${text}` : '';
}
