// Search with autocomplete over concepts (every alias) and paper titles, as an
// ARIA combobox: arrows move, Enter chooses, Escape closes; the result count is
// announced through a live region.
import type { SearchResult } from '../../../src/graph/model.ts';
import { api } from '../api.ts';
import { h, clear } from '../dom.ts';

export interface SearchOptions {
  /** Suggestions shown (the API's `limit`). */
  limit: number;
  /** Wait after the last keystroke before asking the server, in ms. */
  debounceMs: number;
}

export const SEARCH_DEFAULTS: SearchOptions = { limit: 12, debounceMs: 120 };

export function createSearchBox(container: HTMLElement, onChoose: (result: SearchResult) => void, options: Partial<SearchOptions> = {}): HTMLInputElement {
  const { limit, debounceMs } = { ...SEARCH_DEFAULTS, ...options };
  const listId = 'search-results';
  const input = h('input', {
    className: 'search-input',
    attrs: {
      type: 'search',
      id: 'search-input',
      placeholder: 'Search concepts and papers…  ( / )',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
      'aria-label': 'Search concepts and papers',
      autocomplete: 'off',
      spellcheck: 'false',
    },
  });
  const list = h('ul', { className: 'search-results', attrs: { id: listId, role: 'listbox', 'aria-label': 'Search results' } });
  const live = h('div', { className: 'sr-only', attrs: { 'aria-live': 'polite', role: 'status' } });
  container.append(h('label', { className: 'sr-only', attrs: { for: 'search-input' } }, 'Search'), input, list, live);

  let results: SearchResult[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | null = null;

  function close(): void {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function setActive(index: number): void {
    active = index;
    list.querySelectorAll('[role=option]').forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', `search-option-${index}`);
      list.children[index]?.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function choose(index: number): void {
    const result = results[index];
    if (!result) return;
    close();
    input.value = result.label;
    onChoose(result);
  }

  function render(): void {
    clear(list);
    results.forEach((result, index) => {
      const meta =
        result.kind === 'concept'
          ? `${result.papers ?? 0} paper${result.papers === 1 ? '' : 's'}`
          : result.year != null
            ? String(result.year)
            : '';
      list.append(
        h(
          'li',
          {
            className: `search-option kind-${result.kind}`,
            attrs: { id: `search-option-${index}`, role: 'option', 'aria-selected': 'false' },
            on: {
              // mousedown, not click: it fires before the input's blur closes the list.
              mousedown: (event) => {
                event.preventDefault();
                choose(index);
              },
            },
          },
          h('span', { className: 'badge' }, result.kind === 'concept' ? 'concept' : 'paper'),
          h('span', { className: 'option-label' }, result.label),
          result.matched ? h('span', { className: 'option-matched' }, `matched “${result.matched}”`) : null,
          meta ? h('span', { className: 'option-meta' }, meta) : null,
        ),
      );
    });
    const open = results.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    active = -1;
    live.textContent = input.value.trim() ? `${results.length} result${results.length === 1 ? '' : 's'}` : '';
  }

  async function lookup(text: string): Promise<void> {
    pending?.abort();
    if (!text.trim()) {
      results = [];
      render();
      return;
    }
    const controller = new AbortController();
    pending = controller;
    try {
      const response = await api.search(text, limit, controller.signal);
      if (controller.signal.aborted) return;
      results = response.results;
      render();
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      results = [];
      render();
      live.textContent = (error as Error).message;
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void lookup(input.value), debounceMs);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.hidden && results.length) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
      if (!results.length) return;
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + delta + results.length) % results.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(timer);
      if (active >= 0) choose(active);
      else if (results.length && !list.hidden) choose(0);
      else void lookup(input.value).then(() => choose(0));
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.preventDefault();
        close();
      } else {
        input.value = '';
      }
    }
  });
  input.addEventListener('blur', () => close());
  input.addEventListener('focus', () => {
    if (results.length) {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  });
  close();
  return input;
}
