// Evidence for an edge: the papers that mention both concepts, each with the
// sentence where the two meet.
import type { EdgeEvidenceResponse } from '../../../src/graph/model.ts';
import { h, plural } from '../dom.ts';
import { paperItem, type ExplorerActions } from './actions.ts';

export function evidenceView(evidence: EdgeEvidenceResponse & { total: number }, actions: ExplorerActions): HTMLElement {
  const shown = evidence.papers.length;
  return h(
    'article',
    { className: 'view evidence-view' },
    h('p', { className: 'eyebrow' }, 'Co-occurrence'),
    h(
      'h2',
      { className: 'view-title', attrs: { id: 'panel-heading', tabindex: '-1' } },
      h('button', { className: 'link', attrs: { type: 'button' }, on: { click: () => actions.selectConcept(evidence.a.id) } }, evidence.a.label),
      h('span', { className: 'amp' }, ' & '),
      h('button', { className: 'link', attrs: { type: 'button' }, on: { click: () => actions.selectConcept(evidence.b.id) } }, evidence.b.label),
    ),
    h('p', { className: 'stat' }, `${plural(evidence.total, 'paper')} mention both${shown < evidence.total ? `; the first ${shown} are listed` : ''}.`),
    h('ul', { className: 'papers evidence' }, ...evidence.papers.map((paper) => paperItem(paper, actions, h('blockquote', { className: 'sentence' }, paper.sentence)))),
  );
}
