// The map legend: communities (colour, name, and a count that opens the community)
// in community mode; the year scale with its range in year mode.
import type { CommunitySummary } from '../../../src/graph/model.ts';
import { clear, h, plural } from '../dom.ts';
import { communityColour, yearGradient } from '../map/palette.ts';
import type { ColourMode } from '../map/viewState.ts';

export interface LegendOptions {
  /** Communities listed before "show all". */
  collapsedCount: number;
}

export const LEGEND_DEFAULTS: LegendOptions = { collapsedCount: 10 };

export interface LegendInput {
  mode: ColourMode;
  /** Communities present on the map, largest first. */
  communities: CommunitySummary[];
  years: { min: number | null; max: number | null };
}

export function renderLegend(container: HTMLElement, input: LegendInput, onCommunity: (id: number) => void, options: Partial<LegendOptions> = {}): void {
  const { collapsedCount } = { ...LEGEND_DEFAULTS, ...options };
  clear(container);
  if (input.mode === 'year') {
    const { min, max } = input.years;
    container.append(
      h('h2', { className: 'overlay-title' }, 'Mean publication year'),
      h('div', { className: 'year-scale', attrs: { style: `background:${yearGradient()}`, role: 'img', 'aria-label': `Colour scale from ${min ?? '?'} (dark blue) to ${max ?? '?'} (orange)` } }),
      h('div', { className: 'year-range' }, h('span', {}, String(min ?? '—')), h('span', {}, String(max ?? '—'))),
    );
    return;
  }
  let expanded = false;
  const list = h('ul', { className: 'legend-list' });
  const toggle = h('button', { className: 'link small', attrs: { type: 'button', 'aria-expanded': 'false' } });
  function fill(): void {
    clear(list);
    const shown = expanded ? input.communities : input.communities.slice(0, collapsedCount);
    for (const community of shown) {
      list.append(
        h(
          'li',
          {},
          h(
            'button',
            {
              className: 'legend-item',
              attrs: { type: 'button', title: `${community.label}: ${plural(community.concepts, 'concept')}, ${plural(community.papers, 'paper')}`, 'data-community': community.id },
              on: { click: () => onCommunity(community.id) },
            },
            h('span', { className: 'swatch', attrs: { style: `background:${communityColour(community.id)}` } }),
            h('span', { className: 'legend-label' }, community.label),
            h('span', { className: 'legend-count' }, String(community.papers)),
          ),
        ),
      );
    }
    toggle.hidden = input.communities.length <= collapsedCount;
    toggle.textContent = expanded ? 'Show fewer' : `Show all ${input.communities.length}`;
    toggle.setAttribute('aria-expanded', String(expanded));
  }
  toggle.addEventListener('click', () => {
    expanded = !expanded;
    fill();
  });
  fill();
  container.append(h('h2', { className: 'overlay-title' }, 'Communities', h('span', { className: 'hint' }, 'papers')), list, toggle);
}
