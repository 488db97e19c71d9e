// The map legend. Community mode: every community of the corpus (not only those on
// the map), each with its colour, name and own papers (those whose concepts lie
// mostly in it, CommunitySummary.ownPapers; under a year range, those of them inside
// it), most papers first; a community without a region on this map says so. Year mode: the colour scale with the years at its
// quartiles of papers (the scale runs over the corpus's year quantiles).
import type { CommunitySummary } from '../../../src/graph/model.ts';
import { clear, h, plural } from '../dom.ts';
import { communityColour, yearGradient, yearPosition, type YearScale } from '../map/palette.ts';
import type { ColourMode, MapFilters, MapGraphology } from '../map/viewState.ts';
import { hasYearRange, inRange } from '../map/yearFilter.ts';

export interface LegendOptions {
  /** Communities listed before "show all". */
  collapsedCount: number;
}

export const LEGEND_DEFAULTS: LegendOptions = { collapsedCount: 10 };

export interface LegendInput {
  mode: ColourMode;
  /** Every community of the corpus. */
  communities: CommunitySummary[];
  /** The map, to tell which communities have concepts on it. */
  graph: MapGraphology;
  years: { min: number | null; max: number | null };
  yearScale: YearScale | null;
  /** The year range counts a community's own papers inside it. */
  filters: MapFilters;
}

/** A community's own papers inside the filters' year range (all of them without one). */
export function ownPapersInYears(community: CommunitySummary, filters: MapFilters): number {
  if (!hasYearRange(filters)) return community.ownPapers;
  const byYear = community.ownPapersByYear;
  let n = 0;
  byYear?.counts.forEach((count, i) => {
    if (inRange(byYear.from + i, filters)) n += count;
  });
  return n;
}

/** Whether each legend's list is expanded: a filter change redraws the legend, not the reader's choice. */
const expandedLegends = new WeakMap<HTMLElement, boolean>();

/** The year at each share of the papers (0, ¼, ½, ¾, 1) on the scale: the legend's ticks. */
export function yearTicks(scale: YearScale, shares: number[] = [0, 0.25, 0.5, 0.75, 1]): { share: number; year: number }[] {
  const years = Array.from({ length: scale.positions.length }, (_, i) => scale.from + i);
  return shares.map((share) => {
    let best = years[0];
    for (const year of years) if (Math.abs(yearPosition(year, scale) - share) < Math.abs(yearPosition(best, scale) - share)) best = year;
    return { share, year: best };
  });
}

export function renderLegend(container: HTMLElement, input: LegendInput, onCommunity: (id: number) => void, options: Partial<LegendOptions> = {}): void {
  const { collapsedCount } = { ...LEGEND_DEFAULTS, ...options };
  clear(container);
  if (input.mode === 'year') {
    const { min, max } = input.years;
    const ticks = input.yearScale ? yearTicks(input.yearScale) : [];
    container.append(
      h('h2', { className: 'overlay-title' }, 'Mean publication year'),
      h('div', { className: 'year-scale', attrs: { style: `background:${yearGradient()}`, role: 'img', 'aria-label': `Colour scale from ${min ?? '?'} (dark blue) to ${max ?? '?'} (orange), in equal shares of the papers` } }),
      ticks.length > 0
        ? h('div', { className: 'year-ticks' }, ...ticks.map(({ share, year }) => h('span', { attrs: { style: `left:${share * 100}%`, 'data-share': share } }, String(year))))
        : h('div', { className: 'year-range' }, h('span', {}, String(min ?? '—')), h('span', {}, String(max ?? '—'))),
      h('p', { className: 'hint' }, 'Each colour step holds as many papers: ticks at every quarter of them.'),
    );
    return;
  }
  const onMap = new Set<number>();
  input.graph.forEachNode((_node, attributes) => {
    if (attributes.kind === 'concept') onMap.add(attributes.community);
  });
  const own = new Map(input.communities.map((c) => [c.id, ownPapersInYears(c, input.filters)]));
  const communities = [...input.communities].sort((a, b) => own.get(b.id)! - own.get(a.id)! || a.id - b.id);
  const { yearMin, yearMax } = input.filters;
  const range = !hasYearRange(input.filters) ? '' : ` ${yearMin ?? input.years.min ?? ''}–${yearMax ?? input.years.max ?? ''}`;
  let expanded = expandedLegends.get(container) ?? false;
  const list = h('ul', { className: 'legend-list' });
  const toggle = h('button', { className: 'link small', attrs: { type: 'button', 'aria-expanded': 'false' } });
  function fill(): void {
    clear(list);
    const shown = expanded ? communities : communities.slice(0, collapsedCount);
    for (const community of shown) {
      const present = onMap.has(community.id);
      const title = `${community.label}: ${plural(own.get(community.id)!, 'paper')} of its own${range ? ` in${range}` : ''}, ${plural(community.concepts, 'concept')}${present ? '' : '; too small for a region on this map'}`;
      list.append(
        h(
          'li',
          {},
          h(
            'button',
            {
              className: present ? 'legend-item' : 'legend-item off-map',
              attrs: { type: 'button', title, 'data-community': community.id },
              on: { click: () => onCommunity(community.id) },
            },
            h('span', { className: 'swatch', attrs: { style: present ? `background:${communityColour(community.id)}` : `border-color:${communityColour(community.id)}` } }),
            h('span', { className: 'legend-label' }, community.label || `Community ${community.id}`),
            h('span', { className: 'legend-count' }, own.get(community.id)!.toLocaleString('en')),
          ),
        ),
      );
    }
    toggle.hidden = communities.length <= collapsedCount;
    toggle.textContent = expanded ? 'Show fewer' : `Show all ${communities.length}`;
    toggle.setAttribute('aria-expanded', String(expanded));
  }
  toggle.addEventListener('click', () => {
    expanded = !expanded;
    expandedLegends.set(container, expanded);
    fill();
  });
  fill();
  container.append(
    h('h2', { className: 'overlay-title' }, 'Communities', h('span', { className: 'hint' }, `own papers${range}`)),
    h('p', { className: 'hint legend-summary' }, `${onMap.size} of ${communities.length} on the map`),
    list,
    toggle,
  );
}
