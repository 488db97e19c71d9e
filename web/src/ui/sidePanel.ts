// The right-hand panel: tabs along the top and, in the Details tab, a stack of
// views with a back button. Tabs are data (PanelTab): a later panel, such as
// bridges between two topics, is one more entry and one more render function.
import { clear, h } from '../dom.ts';

export interface PanelTab {
  id: string;
  label: string;
  /** Called when the tab is first shown; fills its own element. */
  mount(body: HTMLElement): void;
}

export interface SidePanel {
  /** The Details tab's content area. */
  details: HTMLElement;
  showTab(id: string): void;
  activeTab(): string;
  /** Replaces the Details content: a loading note, a view, or an error message. */
  setDetails(content: Node, options?: { canGoBack: boolean; announce?: string }): void;
  setLoading(): void;
  setError(message: string): void;
}

export function createSidePanel(container: HTMLElement, extraTabs: PanelTab[], onBack: () => void, onTab: (id: string) => void): SidePanel {
  const back = h('button', { className: 'link back', attrs: { type: 'button', hidden: true }, on: { click: onBack } }, '← Back');
  const details = h('div', { className: 'details' });
  const live = h('div', { className: 'sr-only', attrs: { 'aria-live': 'polite', role: 'status' } });
  const tabs: PanelTab[] = [{ id: 'details', label: 'Details', mount: (body) => body.append(back, details) }, ...extraTabs];
  const tabList = h('div', { className: 'tabs', attrs: { role: 'tablist', 'aria-label': 'Panels' } });
  const bodies = new Map<string, HTMLElement>();
  let active = 'details';
  tabList.hidden = tabs.length < 2;

  for (const tab of tabs) {
    const body = h('div', { className: 'tab-body', attrs: { id: `tab-${tab.id}`, role: 'tabpanel', 'aria-labelledby': `tab-button-${tab.id}`, hidden: true } });
    bodies.set(tab.id, body);
    tabList.append(
      h(
        'button',
        { className: 'tab', attrs: { type: 'button', role: 'tab', id: `tab-button-${tab.id}`, 'aria-controls': `tab-${tab.id}`, 'aria-selected': 'false' }, on: { click: () => onTab(tab.id) } },
        tab.label,
      ),
    );
  }
  container.append(tabList, ...bodies.values(), live);
  const mounted = new Set<string>();

  function showTab(id: string): void {
    const tab = tabs.find((t) => t.id === id) ?? tabs[0];
    active = tab.id;
    if (!mounted.has(tab.id)) {
      tab.mount(bodies.get(tab.id)!);
      mounted.add(tab.id);
    }
    for (const [tabId, body] of bodies) body.hidden = tabId !== tab.id;
    tabList.querySelectorAll('[role=tab]').forEach((button) => button.setAttribute('aria-selected', String(button.id === `tab-button-${tab.id}`)));
  }
  showTab('details');

  return {
    details,
    showTab,
    activeTab: () => active,
    setDetails(content, options = { canGoBack: false }) {
      details.removeAttribute('aria-busy');
      clear(details);
      details.append(content);
      details.scrollTop = 0;
      container.scrollTop = 0;
      back.hidden = !options.canGoBack;
      if (options.announce) live.textContent = options.announce;
    },
    setLoading() {
      details.setAttribute('aria-busy', 'true');
    },
    setError(message) {
      details.removeAttribute('aria-busy');
      clear(details);
      details.append(h('p', { className: 'error', attrs: { role: 'alert' } }, message));
    },
  };
}
