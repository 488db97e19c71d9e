// The explorer in a real browser against a real server on the sample corpus, once per
// store: the embedded store, and Neo4j on this worker's test server (tests/neo4j/server;
// reported skipped, with the reason, when there is none). Same steps, same expectations.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORES } from '../helpers/stores.ts';
import { describeWithBrowser, openExplorer, OUTPUT_DIR, startExplorerSession, typeConsoleQuery, type ExplorerSession, type WithHandle } from './browser.ts';

const STDP = 'spike timing dependent plasticity';

// The suite of the store under test: the two stores' suites run one after the other.
let session: ExplorerSession;
let server: ExplorerSession['server'];
let browser: Browser;
let page: Page;

async function searchAndChoose(text: string): Promise<void> {
  await page.fill('#search-input', text);
  await page.waitForSelector('.search-option');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/** The open concept's label and its other names. */
async function conceptNames(): Promise<string[]> {
  return page.$$eval('.concept-view .view-title, .concept-view .alias', (items) => items.map((item) => item.textContent ?? ''));
}

/** Non-background pixels in a PNG, counted in a blank page (the app's CSP forbids nothing there). */
async function inkedPixels(png: Buffer): Promise<number> {
  const scratch = await browser.newPage();
  try {
    return await scratch.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) inked++;
      return inked;
    }, png.toString('base64'));
  } finally {
    await scratch.close();
  }
}

describe.each(STORES)('$kind', (storeCase) => {
  describeWithBrowser(`explorer on the sample corpus, ${storeCase.kind} store`, () => {
    /** Screenshots of the embedded run keep their names; the Neo4j run's say so. */
    const shot = (name: string) => path.join(OUTPUT_DIR, storeCase.kind === 'embedded' ? `${name}.png` : `${name}-${storeCase.kind}.png`);

    beforeAll(async () => {
      session = await startExplorerSession({ store: storeCase });
      ({ server, browser, page } = session);
    }, 600_000);
    afterAll(async () => {
      await session?.close();
    });

    it('draws the concept map', async () => {
      await openExplorer(page, server.url);
      const counts = await page.evaluate(() => ({ nodes: (window as unknown as WithHandle).__papergraph.nodeCount(), edges: (window as unknown as WithHandle).__papergraph.edgeCount() }));
      expect(counts.nodes).toBeGreaterThan(0);
      expect(counts.edges).toBeGreaterThan(0);
      // The map area minus its overlays: the drawn nodes, edges and labels.
      const png = await page.screenshot({ clip: { x: 300, y: 70, width: 500, height: 500 } });
      expect(await inkedPixels(png)).toBeGreaterThan(5000);
      await page.screenshot({ path: shot('e2e-map') });
      await expect(page.locator('.legend-item').count()).resolves.toBeGreaterThan(3);
    });

    it('finds STDP through search and shows it with its other names', async () => {
      await openExplorer(page, server.url);
      await page.fill('#search-input', 'STDP');
      await page.waitForSelector('.search-option');
      await page.keyboard.press('ArrowDown');
      await expect(page.getAttribute('#search-input', 'aria-activedescendant')).resolves.toBe('search-option-0');
      await expect(page.textContent('#search-option-0')).resolves.toContain('STDP');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.concept-view');
      // The label is the form the corpus uses most; the other forms are listed beside it.
      const names = await conceptNames();
      expect(names).toContain('STDP');
      expect(names).toContain('spike-timing-dependent plasticity');
      await expect(page.evaluate(() => (window as unknown as WithHandle).__papergraph.selected())).resolves.toBe(STDP);
      await page.waitForTimeout(700);
      await page.screenshot({ path: shot('e2e-stdp') });
    });

    it('opens the panel of a concept clicked on the canvas', async () => {
      await openExplorer(page, server.url);
      // A big concept with no other node drawn within 14 px, clear of the overlays.
      const target = await page.evaluate(() => {
        const handle = (window as unknown as WithHandle).__papergraph;
        const map = document.getElementById('map')!.getBoundingClientRect();
        const positions = handle.nodes('concept').map((id) => ({ id, p: handle.nodeViewportPosition(id)! }));
        const clear = positions.filter(
          ({ p }) => p.x > 300 && p.x < map.width - 80 && p.y > 60 && p.y < map.height - 60,
        ).filter(({ id, p }) => positions.every((o) => o.id === id || Math.hypot(o.p.x - p.x, o.p.y - p.y) > 14));
        const chosen = clear[0];
        return chosen ? { id: chosen.id, x: map.left + chosen.p.x, y: map.top + chosen.p.y } : null;
      });
      expect(target).not.toBeNull();
      await page.mouse.move(target!.x, target!.y);
      await page.mouse.click(target!.x, target!.y);
      await page.waitForSelector('.concept-view');
      await expect(page.evaluate(() => (window as unknown as WithHandle).__papergraph.selected())).resolves.toBe(target!.id);
      const label = await page.evaluate(async (id) => (await (await fetch(`/api/concepts/${encodeURIComponent(id)}`)).json()).label as string, target!.id);
      await expect(page.textContent('.concept-view .view-title')).resolves.toBe(label);
    });

    it("brings a concept's neighbourhood and papers into its focus view, adds the second hop on request and removes all of it on leaving", async () => {
      await openExplorer(page, server.url);
      const overview = await page.evaluate(() => (window as unknown as WithHandle).__papergraph.nodeCount());
      await openExplorer(page, `${server.url}/?sel=${encodeURIComponent(STDP)}&view=concept&id=${encodeURIComponent(STDP)}`);
      await page.waitForSelector('.concept-view [data-action=expand-2]');
      // The sample's STDP papers join the map as paper nodes.
      await expect(page.evaluate(() => (window as unknown as WithHandle).__papergraph.nodes('paper').length)).resolves.toBeGreaterThan(0);
      const focused = await page.evaluate(() => (window as unknown as WithHandle).__papergraph.nodeCount());
      await page.click('[data-action=expand-2]');
      await page.waitForSelector('.concept-view [data-action=collapse]');
      await expect(page.evaluate(() => (window as unknown as WithHandle).__papergraph.nodeCount())).resolves.toBeGreaterThan(focused);
      await page.screenshot({ path: shot('e2e-expanded') });
      await page.click('[data-action=collapse]');
      await page.waitForSelector('.concept-view [data-action=expand-2]');
      await expect(page.evaluate(() => (window as unknown as WithHandle).__papergraph.nodeCount())).resolves.toBe(focused);
      await page.keyboard.press('Escape');
      await page.waitForSelector('.home-view');
      await expect(page.evaluate(() => (window as unknown as WithHandle).__papergraph.nodeCount())).resolves.toBe(overview);
      await expect(page.evaluate(() => (window as unknown as WithHandle).__papergraph.nodes('paper').length)).resolves.toBe(0);
    });

    it('runs a MATCH in the console and refuses a CREATE with the message inline', async () => {
      await openExplorer(page, server.url);
      await page.click('#toggle-console');
      await page.waitForSelector('.cm-content');
      await typeConsoleQuery(page, 'MATCH (c:Concept) RETURN c.label AS label, c.papers AS papers ORDER BY papers DESC LIMIT 5');
      await page.keyboard.press('Control+Enter');
      await page.waitForSelector('.result-table');
      await expect(page.locator('.result-table tbody tr').count()).resolves.toBe(5);
      await expect(page.$$eval('.result-table th', (cells) => cells.map((c) => c.textContent))).resolves.toEqual(['label', 'papers']);
      await page.screenshot({ path: shot('e2e-console') });

      await typeConsoleQuery(page, "CREATE (c:Concept {id: 'x'}) RETURN c");
      await page.click('.console-bar .primary');
      await page.waitForSelector('.console-status.error');
      await expect(page.textContent('.console-status.error')).resolves.toMatch(/read-only.*CREATE is not allowed/);
      await expect(page.locator('.result-table').count()).resolves.toBe(0);
    });

    it('restores the selection, its second hop and the colour mode from the URL after a reload', async () => {
      await openExplorer(page, server.url);
      await searchAndChoose('STDP');
      await page.waitForSelector('.concept-view [data-action=expand-2]');
      await page.click('[data-action=expand-2]');
      await page.waitForSelector('.concept-view [data-action=collapse]');
      await page.click('[data-colour=year]');
      const nodes = await page.evaluate(() => (window as unknown as WithHandle).__papergraph.nodeCount());
      await page.reload();
      await page.waitForFunction(() => (window as unknown as WithHandle).__papergraph?.ready() === true);
      await expect(page.evaluate(() => (window as unknown as WithHandle).__papergraph.selected())).resolves.toBe(STDP);
      await page.waitForSelector('.concept-view');
      await expect(conceptNames()).resolves.toContain('STDP');
      await expect(page.evaluate(() => (window as unknown as WithHandle).__papergraph.nodeCount())).resolves.toBe(nodes);
      await page.waitForSelector('.concept-view [data-action=collapse]');
      await expect(page.getAttribute('[data-colour=year]', 'aria-checked')).resolves.toBe('true');
      await expect(page.textContent('.legend .overlay-title')).resolves.toBe('Mean publication year');
    });

    it('opens the papers behind a count, the evidence behind an edge and a community from the legend', async () => {
      await openExplorer(page, `${server.url}/?sel=${encodeURIComponent(STDP)}&view=concept&id=${encodeURIComponent(STDP)}`);
      await page.waitForSelector('.concept-view');
      await page.click('.concept-view .stats .count');
      await page.waitForSelector('.paper-list-view');
      await expect(page.locator('.paper-list-view .paper-item').count()).resolves.toBe(3);
      await expect(page.textContent('.paper-list-view .stat')).resolves.toBe('3 papers');

      await page.click('.back');
      await page.waitForSelector('.concept-view .related .count');
      const partner = await page.textContent('.concept-view .related li .link');
      await page.click('.concept-view .related .count');
      await page.waitForSelector('.evidence-view');
      await expect(page.textContent('.evidence-view .view-title')).resolves.toContain(partner!);
      await expect(page.locator('.evidence-view .sentence').count()).resolves.toBeGreaterThan(0);
      const sentence = (await page.textContent('.evidence-view .sentence'))!;
      expect(sentence.length).toBeGreaterThan(10);

      // The legend belongs to the overview; Escape leaves the focus view for it.
      await page.keyboard.press('Escape');
      await page.waitForSelector('.home-view');
      await page.click('.legend-item');
      await page.waitForSelector('.community-view');
      await expect(page.locator('.community-view .paper-item').count()).resolves.toBeGreaterThan(0);
      await expect(page.locator('.community-view .chip').count()).resolves.toBeGreaterThan(0);
    });

    it('shows a paper with its concept mentions marked, and a mention selects its concept', async () => {
      await openExplorer(page, server.url);
      await page.fill('#search-input', 'Supervised learning of spatial features');
      await page.waitForSelector('.search-option.kind-paper');
      await page.click('.search-option.kind-paper');
      await page.waitForSelector('.paper-view');
      await expect(page.locator('.paper-view .abstract .mention').count()).resolves.toBeGreaterThan(3);
      await page.click(`.paper-view .abstract .mention[data-concept="${STDP}"]`);
      await page.waitForSelector('.concept-view');
      await expect(conceptNames()).resolves.toContain('STDP');
    });
  }, storeCase.skip);
});
