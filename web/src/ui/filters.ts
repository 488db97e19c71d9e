// Map filters: year range, minimum papers per concept, papers shown or not. They only
// change the ViewState; the reducers apply them without a fetch (map/yearFilter.ts
// says what a year range means). The ranges come from the data on the map: years from
// the corpus, the min-papers steps from the paper counts of the concepts in the range,
// so every step of the slider changes what is drawn. A line says how many concepts
// pass; when none does, it says so and offers the reset.
import { append, h, plural } from '../dom.ts';
import { papersInYears, passesFilters } from '../map/yearFilter.ts';
import type { MapFilters, MapGraphology } from '../map/viewState.ts';

export interface FilterBounds {
  yearMin: number | null;
  yearMax: number | null;
  /** The map whose concepts the filters apply to. */
  graph: MapGraphology;
}

/** Distinct paper counts (in the year range) of the map's concepts, ascending: the slider's steps. */
export function minPapersSteps(graph: MapGraphology, filters: MapFilters): number[] {
  const counts = new Set<number>();
  graph.forEachNode((_node, attributes) => {
    if (attributes.kind !== 'concept') return;
    const n = papersInYears(attributes, filters);
    if (n > 0) counts.add(n);
  });
  const steps = [...counts].sort((a, b) => a - b);
  return steps.length > 0 ? steps : [1];
}

/** Concepts on the map, and those passing the filters. */
export function shownConcepts(graph: MapGraphology, filters: MapFilters): { shown: number; total: number } {
  let shown = 0;
  let total = 0;
  graph.forEachNode((_node, attributes) => {
    if (attributes.kind !== 'concept') return;
    total++;
    if (passesFilters(attributes, filters)) shown++;
  });
  return { shown, total };
}

export function renderFilters(container: HTMLElement, filters: MapFilters, bounds: FilterBounds, onChange: (filters: MapFilters) => void): void {
  const hasYears = bounds.yearMin !== null && bounds.yearMax !== null;
  const yearInput = (id: string, value: number | null, placeholder: number | null) =>
    h('input', {
      attrs: {
        id,
        type: 'number',
        inputmode: 'numeric',
        min: bounds.yearMin ?? undefined,
        max: bounds.yearMax ?? undefined,
        step: 1,
        placeholder: placeholder ?? '',
        value: value ?? undefined,
      },
    });
  const yearMin = yearInput('filter-year-min', filters.yearMin, bounds.yearMin);
  const yearMax = yearInput('filter-year-max', filters.yearMax, bounds.yearMax);
  // The slider moves over the steps (an index); the output shows the papers it means.
  const minPapers = h('input', { attrs: { id: 'filter-min-papers', type: 'range', min: 0, step: 1, 'aria-describedby': 'filter-min-papers-value' } });
  const minPapersValue = h('output', { attrs: { id: 'filter-min-papers-value', for: 'filter-min-papers' } });
  const showPapers = h('input', { attrs: { id: 'filter-show-papers', type: 'checkbox', checked: filters.showPapers } });
  const reset = h('button', { className: 'link small', attrs: { type: 'button', 'data-filter-reset': '' } }, 'Reset filters');
  const summary = h('p', { className: 'filter-summary', attrs: { role: 'status', 'aria-live': 'polite' } });
  let steps: number[] = [1];
  let current = filters;

  /** Fits the slider to the steps of the current year range, keeping the chosen minimum where it still exists. */
  function fitSlider(wanted: number): void {
    steps = minPapersSteps(bounds.graph, { ...current, minPapers: 1 });
    let index = steps.findIndex((n) => n >= wanted);
    if (index < 0) index = steps.length - 1;
    minPapers.max = String(Math.max(1, steps.length - 1));
    minPapers.value = String(wanted <= 1 ? 0 : index);
    minPapersValue.textContent = String(wanted <= 1 ? steps[0] : steps[index]);
    minPapers.setAttribute('aria-valuetext', `at least ${minPapersValue.textContent} papers`);
  }

  function read(): MapFilters {
    const year = (input: HTMLInputElement) => (input.value.trim() === '' || !Number.isFinite(input.valueAsNumber) ? null : input.valueAsNumber);
    const index = Number(minPapers.value);
    return { yearMin: year(yearMin), yearMax: year(yearMax), minPapers: index <= 0 ? 1 : steps[index] ?? 1, showPapers: showPapers.checked };
  }

  // One text node and one button, kept: rebuilding them would swallow a click that
  // blurs a year field first (its change event redraws the line mid-click).
  const summaryText = document.createTextNode('');
  const showAll = h('button', { className: 'link small', attrs: { type: 'button' }, on: { click: () => resetAll() } }, 'Show all again');
  append(summary, summaryText, showAll);
  function describe(): void {
    const { shown, total } = shownConcepts(bounds.graph, current);
    const range = current.yearMin !== null || current.yearMax !== null ? ` in ${current.yearMin ?? bounds.yearMin ?? '…'}–${current.yearMax ?? bounds.yearMax ?? '…'}` : '';
    const atLeast = current.minPapers > 1 ? ` with at least ${plural(current.minPapers, 'paper')}` : '';
    const empty = shown === 0 && total > 0;
    summary.classList.toggle('empty', empty);
    showAll.hidden = !empty;
    summaryText.data = empty ? `No concept on the map has papers${range}${atLeast}. ` : `${shown.toLocaleString('en')} of ${plural(total, 'concept')} shown${range}${atLeast}.`;
  }

  const changed = (refit: boolean) => {
    const next = read();
    if (refit) {
      current = next;
      fitSlider(next.minPapers);
      current = read();
    } else {
      current = next;
      minPapersValue.textContent = String(next.minPapers <= 1 ? steps[0] : next.minPapers);
      minPapers.setAttribute('aria-valuetext', `at least ${minPapersValue.textContent} papers`);
    }
    onChange(current);
    describe();
  };
  function resetAll(): void {
    yearMin.value = '';
    yearMax.value = '';
    showPapers.checked = true;
    current = { ...current, yearMin: null, yearMax: null, minPapers: 1 };
    fitSlider(1);
    changed(false);
  }
  for (const input of [yearMin, yearMax]) input.addEventListener('change', () => changed(true));
  minPapers.addEventListener('input', () => changed(false));
  showPapers.addEventListener('change', () => changed(false));
  reset.addEventListener('click', resetAll);

  fitSlider(filters.minPapers);
  describe();
  container.replaceChildren();
  append(
    container,
    h('h2', { className: 'overlay-title' }, 'Filters'),
    hasYears
      ? h(
          'fieldset',
          { className: 'filter-row' },
          h('legend', {}, 'Years'),
          h('label', { className: 'sr-only', attrs: { for: 'filter-year-min' } }, 'From year'),
          yearMin,
          h('span', { attrs: { 'aria-hidden': 'true' } }, '–'),
          h('label', { className: 'sr-only', attrs: { for: 'filter-year-max' } }, 'To year'),
          yearMax,
        )
      : h('p', { className: 'hint' }, 'No publication years in this corpus.'),
    h('div', { className: 'filter-row' }, h('label', { attrs: { for: 'filter-min-papers' } }, 'Min. papers'), minPapers, minPapersValue),
    h('div', { className: 'filter-row' }, showPapers, h('label', { attrs: { for: 'filter-show-papers' } }, 'Show papers')),
    summary,
    reset,
  );
}
