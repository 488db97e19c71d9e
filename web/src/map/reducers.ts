// sigma.js reducers: the display state (colour, fading, hiding, label priority)
// derived from the graph and the ViewState, never written into the graph. Sigma
// hands each reducer a fresh shallow copy of the attributes, so they are edited in
// place and returned: no allocation per node or edge on a refresh.
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { MapEdgeAttributes, MapNodeAttributes } from '../../../src/graph/model.ts';
import { communityColour, DIMMED_COLOUR, EDGE_BETWEEN_COLOUR, EDGE_COLOUR, EDGE_FOCUS_COLOUR, PAPER_COLOUR, yearColour } from './palette.ts';
import { passesFilters, type MapGraphology, type ViewState } from './viewState.ts';
import { hasYearRange, maxPapersInYears, meanYearInYears, papersInYears, sizeInYears } from './yearFilter.ts';

/** What the label layer reads besides sigma's own display data. */
export interface LabelDisplayData {
  /** Placement order: higher ranks are placed first and win the room (labelLayer.ts). */
  labelRank: number;
}

export type MapNodeDisplayData = NodeDisplayData & MapNodeAttributes & LabelDisplayData;
type NodeData = MapNodeAttributes & Partial<NodeDisplayData> & Partial<LabelDisplayData>;
type EdgeData = MapEdgeAttributes & Partial<EdgeDisplayData>;

/** Label ranks, highest placed first. */
export const LABEL_RANK = { faded: 0, map: 1, subject: 2, selected: 3 } as const;

/** Paper titles on the map are cut to this many characters. */
export const PAPER_LABEL_CHARS = 40;

export function createReducers(graph: MapGraphology, view: ViewState) {
  function baseColour(data: NodeData): string {
    if (view.colourMode === 'year') return yearColour(meanYearInYears(data, view.filters), view.yearScale);
    return data.kind === 'paper' ? PAPER_COLOUR : communityColour(data.community);
  }

  // Paper titles are long; the map shows their start (the panel shows all of it).
  const shortTitles = new Map<string, string>();
  function paperLabel(node: string, title: string): string {
    let label = shortTitles.get(node);
    if (label === undefined) {
      label = title.length > PAPER_LABEL_CHARS ? `${title.slice(0, PAPER_LABEL_CHARS - 1).trimEnd()}…` : title;
      shortTitles.set(node, label);
    }
    return label;
  }

  /** Hover narrows the view to the hovered node and its neighbours; else the subject does. */
  function inFocus(node: string): boolean | null {
    if (view.hovered) return node === view.hovered || view.hoverNeighbours.has(node);
    if (view.subject.size > 0) return view.subject.has(node);
    return null;
  }

  // Nodes the last node pass hid, read by the edge pass: sigma reduces every node
  // before any edge, so an edge reads its ends' filter result instead of recomputing
  // it (a year range sums each end's papers per year).
  const filteredOut = new Set<string>();

  function nodeReducer(node: string, data: NodeData): Partial<NodeDisplayData> {
    // The selected concept stays, though filtered out: its panel is open and says what it is.
    if (node !== view.selected && !passesFilters(data, view.filters)) {
      filteredOut.add(node);
      data.hidden = true;
      return data;
    }
    filteredOut.delete(node);
    if (data.kind === 'paper') data.label = paperLabel(node, data.label);
    else if (hasYearRange(view.filters)) data.size = sizeInYears(papersInYears(data, view.filters), maxPapersInYears(graph, view.filters));
    data.color = baseColour(data);
    const focused = inFocus(node);
    if (focused === false) {
      data.color = DIMMED_COLOUR;
      data.label = '';
      data.zIndex = 0;
      data.labelRank = LABEL_RANK.faded;
    } else if (focused === true) {
      // Every node of a focus or bridges view asks for a label, whatever its size.
      data.forceLabel = true;
      data.zIndex = 2;
      data.labelRank = LABEL_RANK.subject;
    } else {
      data.zIndex = 1;
      data.labelRank = LABEL_RANK.map;
    }
    if (node === view.selected || node === view.hovered) {
      data.forceLabel = true;
      data.zIndex = 3;
      data.labelRank = LABEL_RANK.selected;
    }
    return data;
  }

  function edgeReducer(edge: string, data: EdgeData): Partial<EdgeDisplayData> {
    const source = graph.source(edge);
    const target = graph.target(edge);
    if (filteredOut.has(source) || filteredOut.has(target)) {
      data.hidden = true;
      return data;
    }
    if (view.hovered) {
      data.hidden = source !== view.hovered && target !== view.hovered;
      data.color = EDGE_FOCUS_COLOUR;
      data.zIndex = 1;
    } else if (view.subject.size > 0) {
      data.hidden = !(view.subject.has(source) && view.subject.has(target));
      data.color = source === view.selected || target === view.selected ? EDGE_FOCUS_COLOUR : EDGE_COLOUR;
    } else {
      const between = data.kind === 'cooccurs' && graph.getNodeAttribute(source, 'community') !== graph.getNodeAttribute(target, 'community');
      data.color = between ? EDGE_BETWEEN_COLOUR : EDGE_COLOUR;
      if (data.weight < view.minEdgeWeight && data.kind === 'cooccurs') data.hidden = true;
    }
    return data;
  }

  return { nodeReducer, edgeReducer };
}
