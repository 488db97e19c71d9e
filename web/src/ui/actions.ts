// What panel views may ask of the explorer. Views render data and call these;
// the explorer (explorer.ts) owns the map, the URL and the panel.
import type { PaperSummary } from '../../../src/graph/model.ts';
import { h } from '../dom.ts';

export interface ExplorerActions {
  selectConcept(id: string): void;
  openPaper(id: string): void;
  /** Every paper behind a concept's count. */
  openConceptPapers(id: string): void;
  /** Papers mentioning both concepts of an edge. */
  openEvidence(a: string, b: string): void;
  openCommunity(id: number): void;
  /** Shows `id`'s neighbourhood to `depth` in its focus view; resolves to what changed, in words. */
  expand(id: string, depth: 1 | 2): Promise<string>;
}

/** A paper in a list: its title opens the paper view. */
export function paperItem(paper: PaperSummary, actions: ExplorerActions, extra?: Node): HTMLLIElement {
  return h(
    'li',
    { className: 'paper-item' },
    h('button', { className: 'link paper-title', attrs: { type: 'button' }, on: { click: () => actions.openPaper(paper.id) } }, paper.title),
    paper.year != null ? h('span', { className: 'meta' }, String(paper.year)) : null,
    extra ?? null,
  );
}

/** A count that opens the papers behind it. */
export function countButton(label: string, onClick: () => void, description: string): HTMLButtonElement {
  return h('button', { className: 'count', attrs: { type: 'button', title: description, 'aria-label': description }, on: { click: onClick } }, label);
}
