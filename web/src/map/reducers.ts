// sigma.js reducers: the display state (colour, dimming, hiding, labels) derived
// from the graph and the ViewState, never written into the graph. Sigma hands each
// reducer a fresh shallow copy of the attributes, so they are edited in place and
// returned: no allocation per node or edge on a refresh.
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { MapEdgeAttributes, MapNodeAttributes } from '../../../src/graph/model.ts';
import { communityColour, DIMMED_COLOUR, EDGE_COLOUR, EDGE_FOCUS_COLOUR, PAPER_COLOUR, yearColour } from './palette.ts';
import { focusOf, passesFilters, type MapGraphology, type ViewState } from './viewState.ts';
import { hasYearRange, maxPapersInYears, meanYearInYears, papersInYears, sizeInYears } from './yearFilter.ts';

type NodeData = MapNodeAttributes & Partial<NodeDisplayData>;
type EdgeData = MapEdgeAttributes & Partial<EdgeDisplayData>;

const PAPER_LABEL_CHARS = 48;

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

  function nodeReducer(node: string, data: NodeData): Partial<NodeDisplayData> {
    // The selected concept stays, though filtered out: its panel is open and says what it is.
    if (node !== view.selected && !passesFilters(data, view.filters)) {
      data.hidden = true;
      return data;
    }
    if (data.kind === 'paper') data.label = paperLabel(node, data.label);
    else if (hasYearRange(view.filters)) data.size = sizeInYears(papersInYears(data, view.filters), maxPapersInYears(graph, view.filters));
    data.color = baseColour(data);
    const focus = focusOf(view);
    const highlighting = view.consoleHighlight.size > 0;
    if (highlighting && view.consoleHighlight.has(node)) {
      data.highlighted = true;
      data.zIndex = 2;
    } else if (focus) {
      if (node === focus) {
        data.highlighted = true;
        data.forceLabel = true;
        data.zIndex = 3;
      } else if (view.focusNeighbours.has(node)) {
        data.zIndex = 2;
      } else {
        // Dimmed nodes give up their label, so the neighbourhood's labels win the grid.
        data.color = DIMMED_COLOUR;
        data.label = '';
        data.zIndex = 0;
      }
    } else if (highlighting) {
      data.color = DIMMED_COLOUR;
      data.label = '';
      data.zIndex = 0;
    } else {
      data.zIndex = 1;
    }
    if (node === view.selected) data.highlighted = true;
    return data;
  }

  function edgeReducer(edge: string, data: EdgeData): Partial<EdgeDisplayData> {
    const source = graph.source(edge);
    const target = graph.target(edge);
    if (!passesFilters(graph.getNodeAttributes(source), view.filters) || !passesFilters(graph.getNodeAttributes(target), view.filters)) {
      data.hidden = true;
      return data;
    }
    const focus = focusOf(view);
    if (focus) {
      if (source === focus || target === focus) {
        data.color = EDGE_FOCUS_COLOUR;
        data.zIndex = 1;
      } else {
        data.hidden = true;
      }
    } else if (view.consoleHighlight.size > 0) {
      data.hidden = !(view.consoleHighlight.has(source) && view.consoleHighlight.has(target));
      data.color = EDGE_FOCUS_COLOUR;
    } else {
      data.color = EDGE_COLOUR;
      if (data.weight < view.minEdgeWeight && data.kind === 'cooccurs') data.hidden = true;
    }
    return data;
  }

  return { nodeReducer, edgeReducer };
}
