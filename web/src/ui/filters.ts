// Map filters: year range, minimum papers per concept, papers shown or not.
// They only change the ViewState; the reducers apply them without a fetch.
import { append, h } from '../dom.ts';
import type { MapFilters } from '../map/viewState.ts';

export function renderFilters(
  container: HTMLElement,
  filters: MapFilters,
  bounds: { yearMin: number | null; yearMax: number | null; maxPapers: number },
  onChange: (filters: MapFilters) => void,
): void {
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
  const minPapers = h('input', { attrs: { id: 'filter-min-papers', type: 'range', min: 1, max: Math.max(2, Math.min(50, bounds.maxPapers)), step: 1, value: filters.minPapers } });
  const minPapersValue = h('output', { attrs: { for: 'filter-min-papers' } }, String(filters.minPapers));
  const showPapers = h('input', { attrs: { id: 'filter-show-papers', type: 'checkbox', checked: filters.showPapers } });
  const reset = h('button', { className: 'link small', attrs: { type: 'button' } }, 'Reset filters');

  function read(): MapFilters {
    const year = (input: HTMLInputElement) => (input.value.trim() === '' || !Number.isFinite(input.valueAsNumber) ? null : input.valueAsNumber);
    return { yearMin: year(yearMin), yearMax: year(yearMax), minPapers: Number(minPapers.value), showPapers: showPapers.checked };
  }
  const changed = () => {
    minPapersValue.textContent = minPapers.value;
    onChange(read());
  };
  for (const input of [yearMin, yearMax]) input.addEventListener('change', changed);
  minPapers.addEventListener('input', changed);
  showPapers.addEventListener('change', changed);
  reset.addEventListener('click', () => {
    yearMin.value = '';
    yearMax.value = '';
    minPapers.value = '1';
    showPapers.checked = true;
    changed();
  });

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
    reset,
  );
}
