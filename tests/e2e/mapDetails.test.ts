// Details of the explorer a user meets on the sample store, in a real browser: the
// legend counts a community's own papers inside the year range; a click just beside a
// concept of the focus view, on the edges that start at it, selects the concept; the
// console says which limit cut an answer. And the camera: while it moves, labels are
// only moved, never run into each other, and are placed afresh once it rests.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CommunitySummary, OverviewResponse } from '../../src/graph/model.ts';
import { BROWSER, describeWithBrowser, openExplorer, startExplorerSession, typeConsoleQuery, type ExplorerSession, type WithHandle } from './browser.ts';

const STDP = 'spike timing dependent plasticity';
const MAX_ROWS = 7;

let session: ExplorerSession;
let server: ExplorerSession['server'];
let page: Page;

beforeAll(async () => {
  if (!BROWSER.path) return;
  session = await startExplorerSession({ configure: (config) => ({ ...config, console: { ...config.console, maxRows: MAX_ROWS } }) });
  ({ server, page } = session);
}, 300_000);

afterAll(async () => {
  await session?.close();
});

async function settle(): Promise<void> {
  await page.waitForFunction(() => (window as unknown as WithHandle).__papergraph.idle(), null, { timeout: 30_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The legend's rows: community id and the count it shows. */
async function legendCounts(): Promise<Map<number, number>> {
  const rows = await page.$$eval('#legend .legend-item', (items) =>
    items.map((item) => [Number(item.getAttribute('data-community')), Number(item.querySelector('.legend-count')!.textContent!.replace(/,/g, ''))] as const),
  );
  return new Map(rows);
}

function ownIn(c: CommunitySummary, from: number, to: number): number {
  let n = 0;
  c.ownPapersByYear?.counts.forEach((count, i) => {
    if (c.ownPapersByYear!.from + i >= from && c.ownPapersByYear!.from + i <= to) n += count;
  });
  return n;
}

describeWithBrowser('explorer details (sample store)', () => {
  it('counts each community\'s own papers inside the year range in the legend', { timeout: 120_000 }, async () => {
    await openExplorer(page, server.url);
    await settle();
    const overview = (await (await fetch(`${server.url}/api/overview`)).json()) as OverviewResponse;
    const all = await legendCounts();
    for (const [id, count] of all) expect(count).toBe(overview.communities.find((c) => c.id === id)!.ownPapers);
    // A range that holds some papers of the corpus but not all of them.
    const { min, max } = overview.years;
    const from = Math.round((min! + max!) / 2);
    await page.fill('#filter-year-min', String(from));
    await page.dispatchEvent('#filter-year-min', 'change');
    await page.waitForFunction(() => /own papers \d/.test(document.querySelector('#legend .overlay-title')?.textContent ?? ''));
    const inRange = await legendCounts();
    let differs = 0;
    for (const [id, count] of inRange) {
      const community = overview.communities.find((c) => c.id === id)!;
      expect(count).toBe(ownIn(community, from, max!));
      if (count !== community.ownPapers) differs++;
    }
    expect(differs).toBeGreaterThan(0);
    // Most papers in the range first.
    const shown = [...inRange.values()];
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    await expect(page.textContent('#legend .overlay-title')).resolves.toContain(`own papers ${from}–${max}`);
  });

  it('selects a focus-view concept clicked just beside its disc, on the edges that start there', { timeout: 120_000 }, async () => {
    await openExplorer(page, `${server.url}/?sel=${encodeURIComponent(STDP)}&view=concept&id=${encodeURIComponent(STDP)}`);
    await settle();
    const map = (await page.locator('#map').boundingBox())!;
    // A neighbour whose edge to STDP leaves its disc clear of other nodes: the point
    // 6 px past its disc on that edge, towards STDP (on the edge's line, so an edge
    // test alone would take it for the edge).
    const target = await page.evaluate((id) => {
      const h = (window as unknown as WithHandle).__papergraph;
      const from = h.nodeViewportPosition(id)!;
      const nodes = [...h.nodes('concept'), ...h.nodes('paper')];
      const rect = document.getElementById('map')!.getBoundingClientRect();
      const drawn = h.drawnEdges();
      for (const n of h.subject().filter((m) => m !== id && h.nodes('concept').includes(m))) {
        if (!drawn.some(([s, t]) => (s === id && t === n) || (s === n && t === id))) continue;
        const to = h.nodeViewportPosition(n)!;
        const r = h.nodeViewportSize(n)!;
        const length = Math.hypot(from.x - to.x, from.y - to.y);
        const point = { x: to.x + ((from.x - to.x) / length) * (r + 6), y: to.y + ((from.y - to.y) / length) * (r + 6) };
        const onMap = document.elementFromPoint(rect.left + point.x, rect.top + point.y)?.closest('#map') !== null;
        const clear = nodes.every((m) => m === n || Math.hypot(h.nodeViewportPosition(m)!.x - point.x, h.nodeViewportPosition(m)!.y - point.y) > (h.nodeViewportSize(m) ?? 0) + 12);
        if (onMap && clear && length > 3 * (r + 12)) return { id: n, point };
      }
      return null;
    }, STDP);
    expect(target).not.toBeNull();
    await page.mouse.click(map.x + target!.point.x, map.y + target!.point.y);
    await page.waitForFunction((id) => (window as unknown as WithHandle).__papergraph.selected() === id, target!.id, { timeout: 30_000 });
    await expect(page.locator('.evidence-view').count()).resolves.toBe(0);
  });

  it('says the row limit cut an answer, with the rows kept', { timeout: 120_000 }, async () => {
    await openExplorer(page, `${server.url}/?console=1`);
    await page.waitForSelector('.cm-content');
    await typeConsoleQuery(page, 'MATCH (c:Concept) RETURN c.label');
    await page.click('.console-bar .primary');
    await page.waitForSelector('.result-table');
    await expect(page.textContent('.console-status')).resolves.toContain(`${MAX_ROWS} rows (cut at ${MAX_ROWS} rows: the row limit)`);
  });

  it('moves labels without overlap while the camera moves and places them afresh when it rests', { timeout: 120_000 }, async () => {
    await openExplorer(page, server.url);
    await settle();
    const map = (await page.locator('#map').boundingBox())!;
    const overlaps = () =>
      page.evaluate(() => {
        const labels = (window as unknown as WithHandle).__papergraph.labels();
        let n = 0;
        for (let i = 0; i < labels.length; i++) {
          for (let j = i + 1; j < labels.length; j++) {
            const a = labels[i].box;
            const b = labels[j].box;
            if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) n++;
          }
        }
        return { n, labels: labels.length };
      });
    // Mid-drag (the mouse still down, the camera still moving) and mid-zoom-out.
    await page.mouse.move(map.x + map.width * 0.6, map.y + map.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(map.x + map.width * 0.6 + 15 * i, map.y + map.height / 2 + 8 * i);
    await expect(page.evaluate(() => (window as unknown as WithHandle).__papergraph.idle())).resolves.toBe(false);
    const midDrag = await overlaps();
    await page.mouse.up();
    await settle();
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => !(window as unknown as WithHandle).__papergraph.idle(), null, { timeout: 10_000 });
    const midZoom = await overlaps();
    await settle();
    const atRest = await overlaps();
    expect(midDrag.n).toBe(0);
    expect(midZoom.n).toBe(0);
    expect(atRest.n).toBe(0);
    expect(atRest.labels).toBeGreaterThan(0);
  });
});
