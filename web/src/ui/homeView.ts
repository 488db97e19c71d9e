// The panel before anything is selected: what the corpus holds and how to start.
import type { HealthResponse } from '../../../src/graph/model.ts';
import { h } from '../dom.ts';

export function homeView(health: HealthResponse | null, onMap: { concepts: number; total: number }): HTMLElement {
  return h(
    'article',
    { className: 'view home-view' },
    h('h2', { className: 'view-title', attrs: { id: 'panel-heading', tabindex: '-1' } }, 'Explore the concept map'),
    health
      ? h(
          'p',
          { className: 'stats' },
          h('span', { className: 'stat' }, `${health.papers.toLocaleString('en')} papers`),
          h('span', { className: 'stat' }, `${health.concepts.toLocaleString('en')} concepts`),
          h('span', { className: 'stat' }, `${onMap.concepts.toLocaleString('en')} on the map`),
        )
      : null,
    h(
      'ul',
      { className: 'tips' },
      h('li', {}, 'Search a concept or paper title above (press ', h('kbd', {}, '/'), ').'),
      h('li', {}, 'Click a concept to see its papers, names and neighbours; expand it to bring its neighbourhood into the map.'),
      h('li', {}, 'Click an edge for the papers where two concepts meet, a community in the legend for its papers.'),
      h('li', {}, 'Colour by year to see which topics are new; filter by year and paper count at the top left.'),
      h('li', {}, 'Open the Cypher console to query the graph directly.'),
    ),
  );
}
