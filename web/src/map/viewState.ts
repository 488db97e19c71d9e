// What the map shows, apart from the graph itself: selection, hover, filters and
// colour mode. Reducers read it; nothing here touches the graph.
import type Graph from 'graphology';
import type { MapEdgeAttributes, MapNodeAttributes } from '../../../src/graph/model.ts';
import type { YearScale } from './palette.ts';

export type MapGraphology = Graph<MapNodeAttributes, MapEdgeAttributes>;
export type ColourMode = 'community' | 'year';

export interface MapFilters {
  /** Inclusive year range of papers: a concept counts its papers inside it (yearFilter.ts). Null: open. */
  yearMin: number | null;
  yearMax: number | null;
  /** Concepts with fewer papers (inside the year range) are hidden. */
  minPapers: number;
  showPapers: boolean;
}

export const DEFAULT_FILTERS: MapFilters = { yearMin: null, yearMax: null, minPapers: 1, showPapers: true };

export interface ViewState {
  colourMode: ColourMode;
  /** The corpus's year colour scale (quantiles of its papers' years); null without years. */
  yearScale: YearScale | null;
  filters: MapFilters;
  selected: string | null;
  hovered: string | null;
  /** Neighbours of the focused node (hovered, else selected), recomputed when focus changes. */
  focusNeighbours: Set<string>;
  /** Nodes of the last Cypher result shown in the map. */
  consoleHighlight: Set<string>;
  /**
   * Level of detail: while zoomed out, co-occurrence edges weaker than this are not
   * drawn (0 draws all). Set from the map's edge count, applied by the edge reducer.
   */
  minEdgeWeight: number;
}

export function createViewState(): ViewState {
  return {
    colourMode: 'community',
    yearScale: null,
    filters: { ...DEFAULT_FILTERS },
    selected: null,
    hovered: null,
    focusNeighbours: new Set(),
    consoleHighlight: new Set(),
    minEdgeWeight: 0,
  };
}

export function focusOf(view: ViewState): string | null {
  return view.hovered ?? view.selected;
}

/** Recomputes the neighbour set of the focus; call after selected or hovered changes. */
export function updateFocus(view: ViewState, graph: MapGraphology): void {
  view.focusNeighbours.clear();
  const focus = focusOf(view);
  if (focus && graph.hasNode(focus)) graph.forEachNeighbor(focus, (n) => view.focusNeighbours.add(n));
}

export { passesFilters } from './yearFilter.ts';
