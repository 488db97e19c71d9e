// The side panel for a selected concept: its names, papers, broader and narrower
// concepts, related concepts and the expand/collapse actions. Every count opens the
// papers behind it; every concept named selects it.
import type { ConceptResponse, HierarchyConcept, NeighbourhoodCounts } from '../../../src/graph/model.ts';
import { h, plural } from '../dom.ts';
import { communityColour } from '../map/palette.ts';
import { countButton, paperItem, type ExplorerActions } from './actions.ts';

/** What the focus view of a concept shows on the map, of what there is. */
export interface FocusCounts extends NeighbourhoodCounts {
  depth: 1 | 2;
}

/** "Showing 30 of 41 co-occurring concepts and 15 of 120 papers" (and the second hop). */
export function focusSummary(counts: FocusCounts): string {
  const of = (shown: number, total: number, word: string) => (shown === total ? plural(total, word) : `${shown.toLocaleString('en')} of ${plural(total, word)}`);
  const parts = [of(counts.neighbours, counts.neighboursTotal, 'co-occurring concept'), of(counts.papers, counts.papersTotal, 'paper')];
  if (counts.depth === 2) parts.splice(1, 0, `${of(counts.secondRing, counts.secondRingTotal, 'concept')} two hops away`);
  return `On the map: ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}.`;
}

export function conceptView(concept: ConceptResponse, communityLabel: string | null, counts: FocusCounts | null, actions: ExplorerActions): HTMLElement {
  const otherNames = concept.aliases.filter((alias) => alias !== concept.label);
  const status = h('p', { className: 'action-status', attrs: { role: 'status', 'aria-live': 'polite' } });

  async function run(depth: 1 | 2): Promise<void> {
    status.textContent = depth === 2 ? 'Adding the second hop…' : 'Removing the second hop…';
    try {
      status.textContent = await actions.expand(concept.id, depth);
    } catch (error) {
      status.textContent = (error as Error).message;
    }
  }

  return h(
    'article',
    { className: 'view concept-view' },
    h('p', { className: 'eyebrow' }, 'Concept'),
    h('h2', { className: 'view-title', attrs: { id: 'panel-heading', tabindex: '-1' } }, concept.label),
    h(
      'div',
      { className: 'stats' },
      countButton(plural(concept.papers, 'paper'), () => actions.openConceptPapers(concept.id), `Show all ${concept.papers} papers mentioning ${concept.label}`),
      concept.meanYear !== null ? h('span', { className: 'stat' }, `mean year ${concept.meanYear.toFixed(1)}`) : null,
      h(
        'button',
        {
          className: 'chip community-chip',
          attrs: { type: 'button', title: 'Show this community' },
          on: { click: () => actions.openCommunity(concept.community) },
        },
        h('span', { className: 'swatch', attrs: { style: `background:${communityColour(concept.community)}` } }),
        communityLabel ?? `community ${concept.community}`,
      ),
    ),
    otherNames.length
      ? h(
          'section',
          { className: 'block' },
          h('h3', {}, 'Also written as'),
          h('ul', { className: 'aliases' }, ...otherNames.map((alias) => h('li', { className: 'alias' }, alias))),
        )
      : null,
    counts ? h('p', { className: 'focus-summary' }, focusSummary(counts)) : null,
    counts
      ? h(
          'div',
          { className: 'actions', attrs: { role: 'group', 'aria-label': 'Neighbourhood' } },
          counts.depth === 1
            ? h('button', { className: 'primary', attrs: { type: 'button', 'data-action': 'expand-2' }, on: { click: () => void run(2) } }, 'Add the second hop')
            : h('button', { className: 'secondary', attrs: { type: 'button', 'data-action': 'collapse' }, on: { click: () => void run(1) } }, 'Back to one hop'),
        )
      : null,
    status,
    h(
      'section',
      { className: 'block' },
      h('h3', {}, 'Papers ', countButton(String(concept.papers), () => actions.openConceptPapers(concept.id), `Show all ${concept.papers} papers`)),
      h('ul', { className: 'papers' }, ...concept.topPapers.map((paper) => paperItem(paper, actions))),
    ),
    concept.related.length
      ? h(
          'section',
          { className: 'block' },
          h('h3', {}, 'Related concepts'),
          h(
            'ul',
            { className: 'related' },
            ...concept.related.map((related) =>
              h(
                'li',
                {},
                h('button', { className: 'link', attrs: { type: 'button' }, on: { click: () => actions.selectConcept(related.id) } }, related.label),
                countButton(
                  plural(related.papers, 'shared paper'),
                  () => actions.openEvidence(concept.id, related.id),
                  `Papers mentioning both ${concept.label} and ${related.label}`,
                ),
              ),
            ),
          ),
        )
      : null,
    hierarchySection('Broader concepts', 'broader', concept.broader, concept, actions),
    hierarchySection(
      concept.narrowerTotal > concept.narrower.length ? `Narrower concepts (${concept.narrower.length} of ${concept.narrowerTotal})` : 'Narrower concepts',
      'narrower',
      concept.narrower,
      concept,
      actions,
    ),
  );
}

/** Where a BROADER edge comes from, in words, for the tooltip. */
function kindNote(link: HierarchyConcept, direction: 'broader' | 'narrower', concept: ConceptResponse): string {
  const [narrower, broader] = direction === 'broader' ? [concept.label, link.label] : [link.label, concept.label];
  return link.kind === 'nesting'
    ? `"${narrower}" contains the words of "${broader}"`
    : `Most papers on "${narrower}" also mention "${broader}"`;
}

function hierarchySection(
  title: string,
  direction: 'broader' | 'narrower',
  links: HierarchyConcept[],
  concept: ConceptResponse,
  actions: ExplorerActions,
): HTMLElement | null {
  if (links.length === 0) return null;
  return h(
    'section',
    { className: 'block', attrs: { 'data-hierarchy': direction } },
    h('h3', {}, title),
    h(
      'ul',
      { className: 'related' },
      ...links.map((link) =>
        h(
          'li',
          {},
          h(
            'button',
            { className: 'link', attrs: { type: 'button', title: kindNote(link, direction, concept) }, on: { click: () => actions.selectConcept(link.id) } },
            link.label,
          ),
          countButton(plural(link.papers, 'paper'), () => actions.openConceptPapers(link.id), `Show all ${link.papers} papers mentioning ${link.label}`),
        ),
      ),
    ),
  );
}
