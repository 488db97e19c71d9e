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
  /** Neighbours of the hovered node, recomputed when the hover changes. */
  hoverNeighbours: Set<string>;
  /**
   * What the current view is about: the focus view's concept and its laid-out
   * neighbours, the bridges view's nodes, a selected paper and its concepts. When
   * non-empty, these keep colour and label and the rest fades.
   */
  subject: Set<string>;
  /** Nodes of the console result or bridges answer on the map (part of the subject). */
  overlayHighlight: Set<string>;

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
    hoverNeighbours: new Set(),
    subject: new Set(),
    overlayHighlight: new Set(),

    minEdgeWeight: 0,
  };
}

/** Recomputes the hovered node's neighbours; call after the hover changes. */
export function updateHover(view: ViewState, graph: MapGraphology): void {
  view.hoverNeighbours.clear();
  if (view.hovered && graph.hasNode(view.hovered)) graph.forEachNeighbor(view.hovered, (n) => view.hoverNeighbours.add(n));
}

export { passesFilters } from './yearFilter.ts';
