// A bare host page for the bridges panel: the real panel against the real API, with
// the hooks recording what the host app would apply (highlight, opened paper).
import { mountBridgesPanel, type BridgesHighlight } from '../../../web/src/bridges/bridgesPanel.ts';

const record = window as unknown as { highlight?: BridgesHighlight; opened?: string[]; state?: { a: string; b: string } };
record.opened = [];

mountBridgesPanel(document.getElementById('root')!, {
  fetchJson: async (url) => {
    const res = await fetch(url);
    const body = (await res.json()) as { error?: { message: string } };
    if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
    return body;
  },
  onResult: (highlight) => {
    record.highlight = highlight;
  },
  onOpenPaper: (id) => record.opened!.push(`paper:${id}`),
  onOpenConcept: (id) => record.opened!.push(`concept:${id}`),
  onStateChange: (state) => {
    record.state = state;
  },
});
