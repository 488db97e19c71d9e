// A community (Louvain cluster): its most specific concepts and its papers.
import type { CommunityResponse } from '../../../src/graph/model.ts';
import { h, plural } from '../dom.ts';
import { communityColour } from '../map/palette.ts';
import { paperItem, type ExplorerActions } from './actions.ts';

export function communityView(community: CommunityResponse, actions: ExplorerActions): HTMLElement {
  return h(
    'article',
    { className: 'view community-view' },
    h('p', { className: 'eyebrow' }, h('span', { className: 'swatch', attrs: { style: `background:${communityColour(community.id)}` } }), `Community ${community.id}`),
    h('h2', { className: 'view-title', attrs: { id: 'panel-heading', tabindex: '-1' } }, community.label),
    h(
      'p',
      { className: 'stats' },
      h('span', { className: 'stat' }, plural(community.concepts, 'concept')),
      h('span', { className: 'stat' }, plural(community.papers, 'paper')),
      community.meanYear !== null ? h('span', { className: 'stat' }, `mean year ${community.meanYear.toFixed(1)}`) : null,
    ),
    h(
      'section',
      { className: 'block' },
      h('h3', {}, 'Most specific concepts'),
      h(
        'ul',
        { className: 'chips' },
        ...community.topConcepts.map((concept) =>
          h(
            'li',
            {},
            h('button', { className: 'chip', attrs: { type: 'button', title: plural(concept.papers, 'paper') }, on: { click: () => actions.selectConcept(concept.id) } }, concept.label),
          ),
        ),
      ),
    ),
    h(
      'section',
      { className: 'block' },
      h('h3', {}, `Papers (${community.topPapers.length < community.papers ? `${community.topPapers.length} of ${community.papers}` : community.papers})`),
      h('ul', { className: 'papers' }, ...community.topPapers.map((paper) => paperItem(paper, actions))),
    ),
  );
}
