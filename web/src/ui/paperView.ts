// The side panel for a paper: title, year, authors, links and the abstract with
// every concept mention marked and clickable.
import type { PaperResponse } from '../../../src/graph/model.ts';
import { h, safeHref } from '../dom.ts';
import type { ExplorerActions } from './actions.ts';
import { markedText } from './markedText.ts';

function links(paper: PaperResponse): HTMLAnchorElement[] {
  const found: Array<[string, string | null]> = [
    ['Open paper', safeHref(paper.url)],
    ['DOI', paper.doi ? safeHref(`https://doi.org/${paper.doi}`) : null],
    ['arXiv', paper.arxivId ? safeHref(`https://arxiv.org/abs/${paper.arxivId}`) : null],
    ['PubMed', paper.pmid ? safeHref(`https://pubmed.ncbi.nlm.nih.gov/${paper.pmid}/`) : null],
  ];
  const seen = new Set<string>();
  return found.flatMap(([label, href]) => {
    if (!href || seen.has(href)) return [];
    seen.add(href);
    return [h('a', { className: 'ext-link', attrs: { href, target: '_blank', rel: 'noopener noreferrer' } }, label)];
  });
}

export function paperView(paper: PaperResponse, actions: ExplorerActions): HTMLElement {
  const select = (id: string) => actions.selectConcept(id);
  return h(
    'article',
    { className: 'view paper-view' },
    h('p', { className: 'eyebrow' }, paper.year != null ? `Paper · ${paper.year}` : 'Paper'),
    h('h2', { className: 'view-title', attrs: { id: 'panel-heading', tabindex: '-1' } }, markedText(paper.title, 'title', paper.concepts, select)),
    paper.authors.length ? h('p', { className: 'authors' }, paper.authors.join(', ')) : null,
    h('div', { className: 'links' }, ...links(paper)),
    h('section', { className: 'block' }, h('h3', {}, 'Abstract'), h('p', { className: 'abstract' }, paper.abstract ? markedText(paper.abstract, 'abstract', paper.concepts, select) : 'No abstract.')),
    // The authors' own keywords, as the source gave them: text, not concepts.
    paper.keywords.length
      ? h('section', { className: 'block keywords' }, h('h3', {}, 'Authors’ keywords'), h('ul', { className: 'chips' }, ...paper.keywords.map((k) => h('li', { className: 'chip keyword' }, k))))
      : null,
    paper.concepts.length
      ? h(
          'section',
          { className: 'block' },
          h('h3', {}, `Concepts (${paper.concepts.length})`),
          h(
            'ul',
            { className: 'chips' },
            ...paper.concepts.map((concept) =>
              h('li', {}, h('button', { className: 'chip', attrs: { type: 'button' }, on: { click: () => select(concept.id) } }, concept.label)),
            ),
          ),
        )
      : null,
  );
}
