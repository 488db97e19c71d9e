// The toolbar above the map and the zoom buttons on it: each control calls one
// hook; the explorer decides what it means. Also the keyboard shortcuts
// (/ focuses search, Escape leaves the current view).
import type { RankBy } from '../api.ts';
import type { ColourMode } from '../map/viewState.ts';

export interface ToolbarHooks {
  onRankBy(by: RankBy): void;
  onColourMode(mode: ColourMode): void;
  onExportPng(): void;
  onToggleConsole(): void;
  onZoom(direction: 'in' | 'out' | 'reset'): void;
  onEscape(): void;
}

export interface Toolbar {
  setRankBy(by: RankBy): void;
  setColourMode(mode: ColourMode): void;
  setConsoleOpen(open: boolean): void;
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html lacks #${id}`);
  return found as T;
}

export function createToolbar(hooks: ToolbarHooks): Toolbar {
  const rankBy = element<HTMLSelectElement>('rank-by');
  const colourButtons = [...document.querySelectorAll<HTMLButtonElement>('[data-colour]')];
  rankBy.addEventListener('change', () => hooks.onRankBy(rankBy.value as RankBy));
  for (const button of colourButtons) button.addEventListener('click', () => hooks.onColourMode(button.dataset.colour as ColourMode));
  element('export-png').addEventListener('click', () => hooks.onExportPng());
  element('toggle-console').addEventListener('click', () => hooks.onToggleConsole());
  element('zoom-in').addEventListener('click', () => hooks.onZoom('in'));
  element('zoom-out').addEventListener('click', () => hooks.onZoom('out'));
  element('zoom-reset').addEventListener('click', () => hooks.onZoom('reset'));
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const typing = target.closest('input, textarea, select, .cm-editor');
    if (event.key === '/' && !typing) {
      event.preventDefault();
      element<HTMLInputElement>('search-input').focus();
    } else if (event.key === 'Escape' && !typing) {
      hooks.onEscape();
    }
  });
  return {
    setRankBy: (by) => {
      rankBy.value = by;
    },
    setColourMode: (mode) => {
      for (const button of colourButtons) button.setAttribute('aria-checked', String(button.dataset.colour === mode));
    },
    setConsoleOpen: (open) => element('toggle-console').setAttribute('aria-expanded', String(open)),
  };
}
