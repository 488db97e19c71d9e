// Browser history for the explorer. A change of view (panel route, selection,
// hops, bridges topics, side tab) is a new history entry, so Back and Forward
// move between views; anything else (camera, filters, colours, console text)
// replaces the current entry, so a copied URL still restores it.
import { readUrlState, writeUrlState, type UrlState } from './urlState.ts';

export interface Router {
  /** The state the page was opened with. */
  readonly initial: UrlState;
  /** Records `state` in the address bar: a new entry when its view differs from the current one. */
  record(state: UrlState): void;
  /** Entries this page pushed below the current one (the panel's Back button goes there). */
  depth(): number;
  back(): void;
  /** Back, Forward, or a history jump: the state to show. */
  onNavigate(listener: (state: UrlState) => void): void;
}

interface EntryState {
  papergraphDepth: number;
}

/** What makes two states different views; the camera and filters do not. */
export function viewKey(state: UrlState): string {
  return JSON.stringify([state.route, state.selected, state.hops, state.bridges, state.sideTab]);
}

export function createRouter(): Router {
  const initial = readUrlState(location.search);
  let currentKey = viewKey(initial);
  let currentDepth = (history.state as EntryState | null)?.papergraphDepth ?? 0;
  const listeners: Array<(state: UrlState) => void> = [];
  history.replaceState({ papergraphDepth: currentDepth } satisfies EntryState, '', location.href);

  window.addEventListener('popstate', (event) => {
    currentDepth = (event.state as EntryState | null)?.papergraphDepth ?? 0;
    const state = readUrlState(location.search);
    currentKey = viewKey(state);
    for (const listener of listeners) listener(state);
  });

  return {
    initial,
    record(state) {
      const url = `${location.pathname}${writeUrlState(state)}`;
      const key = viewKey(state);
      if (key === currentKey) {
        if (url !== `${location.pathname}${location.search}`) history.replaceState({ papergraphDepth: currentDepth } satisfies EntryState, '', url);
        return;
      }
      currentKey = key;
      currentDepth++;
      history.pushState({ papergraphDepth: currentDepth } satisfies EntryState, '', url);
    },
    depth: () => currentDepth,
    back: () => history.back(),
    onNavigate: (listener) => listeners.push(listener),
  };
}
