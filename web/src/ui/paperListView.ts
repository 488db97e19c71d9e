// Every paper behind a concept's count, a page at a time.
import type { PaperSummary } from '../../../src/graph/model.ts';
import { h, plural } from '../dom.ts';
import { paperItem, type ExplorerActions } from './actions.ts';

export type PaperPageLoader = (offset: number) => Promise<{ total: number; papers: PaperSummary[] }>;

export async function paperListView(title: string, load: PaperPageLoader, actions: ExplorerActions): Promise<HTMLElement> {
  const first = await load(0);
  const list = h('ul', { className: 'papers' }, ...first.papers.map((paper) => paperItem(paper, actions)));
  const summary = h('p', { className: 'stat', attrs: { role: 'status', 'aria-live': 'polite' } });
  let shown = first.papers.length;
  const more = h('button', { className: 'secondary', attrs: { type: 'button' } }, 'Show more');

  function update(): void {
    summary.textContent = `${plural(first.total, 'paper')}${shown < first.total ? `, ${shown} shown` : ''}`;
    more.hidden = shown >= first.total;
  }
  more.addEventListener('click', async () => {
    more.disabled = true;
    const page = await load(shown);
    list.append(...page.papers.map((paper) => paperItem(paper, actions)));
    shown += page.papers.length;
    more.disabled = false;
    update();
  });
  update();
  return h(
    'article',
    { className: 'view paper-list-view' },
    h('p', { className: 'eyebrow' }, 'Papers mentioning'),
    h('h2', { className: 'view-title', attrs: { id: 'panel-heading', tabindex: '-1' } }, title),
    summary,
    list,
    more,
  );
}
