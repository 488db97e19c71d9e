// The map's key: the legend (community colours or the year scale) and the filters,
// both drawn from what is on the map. The one place the explorer renders them from.
import type { OverviewResponse } from '../../../src/graph/model.ts';
import type { MapFilters, MapGraphology, ViewState } from '../map/viewState.ts';
import { renderFilters } from './filters.ts';
import { renderLegend } from './legend.ts';

export interface MapKeyHooks {
  onCommunity(id: number): void;
  onFilters(filters: MapFilters): void;
}

export function renderMapKey(
  elements: { legend: HTMLElement; filters: HTMLElement },
  graph: MapGraphology,
  view: ViewState,
  overview: OverviewResponse | null,
  hooks: MapKeyHooks,
): void {
  const years = overview?.years ?? { min: null, max: null };
  const legend = (filters: MapFilters) =>
    renderLegend(elements.legend, { mode: view.colourMode, communities: overview?.communities ?? [], graph, years, yearScale: view.yearScale, filters }, hooks.onCommunity);
  legend(view.filters);
  // The legend counts own papers inside the year range: it follows each filter change.
  renderFilters(elements.filters, view.filters, { yearMin: years.min, yearMax: years.max, graph }, (filters) => {
    legend(filters);
    hooks.onFilters(filters);
  });
}
