// The map's views in a real browser, on the sample corpus and on the real
// NeurIPS/ICML/ICLR store: labels never overlap (read from the boxes the label layer
// drew) at three zoom levels on the default map, the STDP focus view and the bridges
// view STDP × catastrophic forgetting; the focus view labels its neighbours and says
// how many it shows; Back and Forward move between views; a near miss keeps the
// selection; an edge is hit from a few pixels away.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/server/serve.ts';
import { corpusStore, locateCorpus } from '../helpers/neuripsStore.ts';
import { makeTestStore, type TestStore } from '../helpers/sampleStore.ts';
import { BROWSER, buildWebIfStale, describeWithBrowser, launchChromium, openExplorer, OUTPUT_DIR, type WithHandle } from './browser.ts';

const STDP = 'spike timing dependent plasticity';
const corpus = locateCorpus();
const corpusMissing = 'missing' in corpus ? corpus.missing : null;
if (corpusMissing) console.warn(`explorer views on the NeurIPS/ICML/ICLR store skipped: ${corpusMissing}`);

type Box = { x: number; y: number; width: number; height: number };
type Label = { kind: string; id: string; text: string; box: Box };

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as WithHandle).__papergraph.idle(), null, { timeout: 30_000 });
  // Two frames: the label layer draws after sigma's next render.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function drawnLabels(page: Page): Promise<Label[]> {
  return page.evaluate(() => (window as unknown as WithHandle).__papergraph.labels());
}

function overlappingPairs(labels: Label[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i].box;
      const b = labels[j].box;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) pairs.push(`"${labels[i].text}" × "${labels[j].text}"`);
    }
  }
  return pairs;
}

/** Counts at each zoom level of a view: as opened, zoomed in twice, zoomed out past the start. */
async function labelsAtThreeZooms(page: Page): Promise<Array<{ labels: number; overlaps: string[] }>> {
  const levels: Array<{ labels: number; overlaps: string[] }> = [];
  const measure = async () => {
    await settle(page);
    const labels = await drawnLabels(page);
    levels.push({ labels: labels.length, overlaps: overlappingPairs(labels) });
  };
  await measure();
  for (let i = 0; i < 2; i++) await page.click('#zoom-in');
  await measure();
  for (let i = 0; i < 4; i++) await page.click('#zoom-out');
  await measure();
  return levels;
}

function viewSuite(name: string, open: () => Promise<{ url: string; close: () => Promise<void> }>, expectations: { bridgesPapers: boolean }) {
  describe(name, () => {
    let browser: Browser;
    let page: Page;
    let server: { url: string; close: () => Promise<void> };
    const results: Record<string, Array<{ labels: number; overlaps: string[] }>> = {};

    beforeAll(async () => {
      mkdirSync(OUTPUT_DIR, { recursive: true });
      buildWebIfStale();
      server = await open();
      browser = await launchChromium();
      page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    }, 20 * 60_000);

    afterAll(async () => {
      console.log(`label overlap counts (${name}): ${JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.map((l) => `${l.labels} labels, ${l.overlaps.length} overlaps`)])))}`);
      await browser?.close();
      await server?.close();
    });

    it('draws the default map with community names and no two labels overlapping at three zooms', async () => {
      await openExplorer(page, server.url);
      await settle(page);
      const first = await drawnLabels(page);
      expect(first.filter((l) => l.kind === 'community').length).toBeGreaterThan(2);
      results.default = await labelsAtThreeZooms(page);
      for (const level of results.default) {
        expect(level.labels).toBeGreaterThan(3);
        expect(level.overlaps).toEqual([]);
      }
    });

    it('lays out the STDP focus view with its neighbours labelled, says what it shows, and no labels overlap', async () => {
      await openExplorer(page, `${server.url}/?sel=${encodeURIComponent(STDP)}&view=concept&id=${encodeURIComponent(STDP)}`);
      await settle(page);
      await expect(page.evaluate(() => (window as unknown as WithHandle).__papergraph.mapView())).resolves.toBe('focus');
      const subject = await page.evaluate(() => (window as unknown as WithHandle).__papergraph.subject());
      const labelled = new Set((await drawnLabels(page)).map((l) => l.id));
      expect(subject.length).toBeGreaterThan(5);
      // Every neighbour gets its own row; the filters panel may cover a label or two.
      expect(subject.filter((id) => labelled.has(id)).length / subject.length).toBeGreaterThan(0.85);
      // All of the view is on screen.
      const inside = await page.evaluate((ids) => {
        const map = document.getElementById('map')!.getBoundingClientRect();
        return ids.every((id) => {
          const p = (window as unknown as WithHandle).__papergraph.nodeViewportPosition(id)!;
          return p.x >= 0 && p.x <= map.width && p.y >= 0 && p.y <= map.height;
        });
      }, subject);
      expect(inside).toBe(true);
      await expect(page.textContent('.concept-view .focus-summary')).resolves.toMatch(/On the map: \d+ (of [\d,]+ )?co-occurring concepts? and \d+ (of [\d,]+ )?papers?\./);
      await page.screenshot({ path: path.join(OUTPUT_DIR, `e2e-focus-${name.replace(/\W+/g, '-')}.png`) });
      results.focus = await labelsAtThreeZooms(page);
      for (const level of results.focus) expect(level.overlaps).toEqual([]);
    });

    it('adds the second hop as its own action and says what it added', async () => {
      await openExplorer(page, `${server.url}/?sel=${encodeURIComponent(STDP)}&view=concept&id=${encodeURIComponent(STDP)}`);
      await settle(page);
      const before = await page.evaluate(() => (window as unknown as WithHandle).__papergraph.subject().length);
      await page.click('[data-action=expand-2]');
      await page.waitForSelector('.concept-view [data-action=collapse]');
      await settle(page);
      const after = await page.evaluate(() => (window as unknown as WithHandle).__papergraph.subject().length);
      const status = (await page.textContent('#map-status')) ?? '';
      const added = Number(/Added (\d+) concepts two hops away/.exec(status)?.[1]);
      expect(after - before).toBe(added);
      await expect(page.textContent('.concept-view .focus-summary')).resolves.toMatch(/two hops away/);
      const labels = await drawnLabels(page);
      expect(overlappingPairs(labels)).toEqual([]);
      // Back undoes the second hop; Forward brings it again.
      await page.goBack();
      await page.waitForSelector('.concept-view [data-action=expand-2]');
      await settle(page);
      await expect(page.evaluate(() => (window as unknown as WithHandle).__papergraph.subject().length)).resolves.toBe(before);
      await page.goForward();
      await page.waitForSelector('.concept-view [data-action=collapse]');
    });

    it('shows the bridges view STDP × catastrophic forgetting: A left, B right, fitted, no labels overlapping', async () => {
      await openExplorer(page, `${server.url}/?tab=bridges&bridgeA=STDP&bridgeB=${encodeURIComponent('catastrophic forgetting')}`);
      await page.waitForFunction(() => (window as unknown as WithHandle).__papergraph.mapView() === 'bridges', null, { timeout: 30_000 });
      await settle(page);
      const layout = await page.evaluate(() => {
        const h = (window as unknown as WithHandle).__papergraph;
        const map = document.getElementById('map')!.getBoundingClientRect();
        const at = (id: string) => h.nodeViewportPosition(id);
        return { a: at('spike timing dependent plasticity'), b: at('catastrophic forgetting'), width: map.width, height: map.height, subject: h.subject().map(at) };
      });
      expect(layout.a!.x).toBeLessThan(layout.b!.x);
      for (const p of layout.subject) {
        expect(p!.x).toBeGreaterThanOrEqual(0);
        expect(p!.x).toBeLessThanOrEqual(layout.width);
        expect(p!.y).toBeGreaterThanOrEqual(0);
        expect(p!.y).toBeLessThanOrEqual(layout.height);
      }
      // Rows of a lane at least a label's height apart (12 px text, its padding and the
      // placement's gap: 18 px), so every label has room at the fitted zoom.
      const lanes = new Map<number, number[]>();
      for (const p of layout.subject) lanes.set(Math.round(p!.x), [...(lanes.get(Math.round(p!.x)) ?? []), p!.y]);
      for (const ys of lanes.values()) {
        ys.sort((a, b) => a - b);
        for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(18);
      }
      const labelled = new Set((await drawnLabels(page)).map((l) => l.id));
      expect(labelled.has('spike timing dependent plasticity')).toBe(true);
      expect(labelled.has('catastrophic forgetting')).toBe(true);
      if (expectations.bridgesPapers) expect((await drawnLabels(page)).some((l) => l.kind === 'paper')).toBe(true);
      await page.screenshot({ path: path.join(OUTPUT_DIR, `e2e-bridges-${name.replace(/\W+/g, '-')}.png`) });
      results.bridges = await labelsAtThreeZooms(page);
      for (const level of results.bridges) expect(level.overlaps).toEqual([]);
    });

    it('makes each view change a history entry and keeps the camera in the URL', async () => {
      await openExplorer(page, server.url);
      await settle(page);
      await page.fill('#search-input', 'STDP');
      await page.waitForSelector('.search-option');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.concept-view');
      await settle(page);
      // Selecting from search selects; it does not expand.
      await expect(page.locator('.concept-view [data-action=expand-2]').count()).resolves.toBe(1);
      await page.click('.concept-view .stats .count');
      await page.waitForSelector('.paper-list-view');
      await page.goBack();
      await page.waitForSelector('.concept-view');
      await page.goBack();
      await page.waitForSelector('.home-view');
      await settle(page);
      await expect(page.evaluate(() => (window as unknown as WithHandle).__papergraph.mapView())).resolves.toBe('overview');
      await expect(page.evaluate(() => location.pathname)).resolves.toBe('/');
      await page.goForward();
      await page.waitForSelector('.concept-view');
      await settle(page);
      await expect(page.evaluate(() => (window as unknown as WithHandle).__papergraph.selected())).resolves.toBe(STDP);

      await page.click('#zoom-in');
      await settle(page);
      await page.waitForFunction(() => new URLSearchParams(location.search).has('cam'));
      const camera = await page.evaluate(() => (window as unknown as WithHandle).__papergraph.camera());
      await page.waitForFunction((ratio) => Number(new URLSearchParams(location.search).get('cam')!.split(',')[2]) === Number(ratio.toPrecision(4)), camera.ratio);
      await page.reload();
      await page.waitForFunction(() => (window as unknown as WithHandle).__papergraph?.ready() === true);
      await settle(page);
      const restored = await page.evaluate(() => (window as unknown as WithHandle).__papergraph.camera());
      expect(restored.ratio).toBeCloseTo(camera.ratio, 3);
      expect(restored.x).toBeCloseTo(camera.x, 3);
    });

    it('keeps the selection on a near miss, drops it on a click far from everything, and hits an edge from 3 px away', async () => {
      await openExplorer(page, `${server.url}/?sel=${encodeURIComponent(STDP)}&view=concept&id=${encodeURIComponent(STDP)}`);
      await settle(page);
      const map = (await page.locator('#map').boundingBox())!;
      const centre = (await page.evaluate((id) => (window as unknown as WithHandle).__papergraph.nodeViewportPosition(id), STDP))!;
      const radius = (await page.evaluate((id) => (window as unknown as WithHandle).__papergraph.nodeViewportSize(id), STDP))!;
      // Just outside a node's disc, past its hit slop, where no drawn edge or other node is
      // within reach: beside the selected concept if its edges leave room (the focus layout
      // runs the neighbours' edges to each other past it), else beside one of its neighbours.
      const miss = await page.evaluate(
        ({ id, centre, radius }) => {
          const h = (window as unknown as WithHandle).__papergraph;
          const rect = document.getElementById('map')!.getBoundingClientRect();
          const all = [...h.nodes('concept'), ...h.nodes('paper')];
          const edges = h.drawnEdges().map(([s, t]) => [h.nodeViewportPosition(s)!, h.nodeViewportPosition(t)!]);
          const segment = (p: { x: number; y: number }, a: { x: number; y: number }, b: { x: number; y: number }) => {
            const dx = b.x - a.x;
            const dy = b.y - a.y;
            const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
            return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
          };
          const around = [{ id, centre, radius }, ...h.subject().filter((n) => n !== id).map((n) => ({ id: n, centre: h.nodeViewportPosition(n)!, radius: h.nodeViewportSize(n) ?? 0 }))];
          for (const node of around) {
            const others = all.filter((m) => m !== node.id);
            // Still near: well inside the distance at which a click counts as far from everything.
            for (const gap of [9, 14, 20]) {
              for (let step = 0; step < 36; step++) {
                const angle = -Math.PI / 2 + (step % 2 === 0 ? 1 : -1) * Math.ceil(step / 2) * (Math.PI / 18);
                const point = { x: node.centre.x + (node.radius + gap) * Math.cos(angle), y: node.centre.y + (node.radius + gap) * Math.sin(angle) };
                const onMap = document.elementFromPoint(rect.left + point.x, rect.top + point.y)?.closest('#map') !== null;
                const clearOfNodes = others.every((m) => {
                  const p = h.nodeViewportPosition(m)!;
                  return Math.hypot(p.x - point.x, p.y - point.y) > (h.nodeViewportSize(m) ?? 0) + 8;
                });
                if (onMap && clearOfNodes && edges.every(([a, b]) => segment(point, a, b) > 8)) return point;
              }
            }
          }
          return null;
        },
        { id: STDP, centre, radius },
      );
      expect(miss).not.toBeNull();
      await page.mouse.click(map.x + miss!.x, map.y + miss!.y);
      await settle(page);
      await expect(page.evaluate(() => (window as unknown as WithHandle).__papergraph.selected())).resolves.toBe(STDP);
      // Nothing opened: the panel still shows the concept.
      await expect(page.locator('.concept-view').count()).resolves.toBe(1);
      // Sigma takes a second click within its doubleClickTimeout (300 ms), anywhere, as a double click (a zoom).
      await page.waitForTimeout(400);

      // An edge of the focus view, clicked 3 px off its line, opens what it stands for.
      const edge = await page.evaluate((id) => {
        const h = (window as unknown as WithHandle).__papergraph;
        const from = h.nodeViewportPosition(id)!;
        const neighbours = h.subject().filter((n) => n !== id);
        for (const n of neighbours) {
          const to = h.nodeViewportPosition(n)!;
          const mid = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
          const length = Math.hypot(to.x - from.x, to.y - from.y);
          const normal = { x: -(to.y - from.y) / length, y: (to.x - from.x) / length };
          const point = { x: mid.x + 3 * normal.x, y: mid.y + 3 * normal.y };
          // Clear of every drawn node (faded ones too) and of every other edge of the view.
          const nodes = [...h.nodes('concept'), ...h.nodes('paper')];
          const clearOfNodes = nodes.every((m) => {
            const p = h.nodeViewportPosition(m)!;
            return Math.hypot(p.x - point.x, p.y - point.y) > (h.nodeViewportSize(m) ?? 0) + 10;
          });
          // Not under the filters or another panel over the map.
          const rect = document.getElementById('map')!.getBoundingClientRect();
          const onMap = document.elementFromPoint(rect.left + point.x, rect.top + point.y)?.closest('#map') !== null;
          const clear = onMap && clearOfNodes && neighbours.every((m) => {
            const p = h.nodeViewportPosition(m)!;
            if (m === n) return true;
            const dx = p.x - from.x;
            const dy = p.y - from.y;
            const t = Math.max(0, Math.min(1, ((point.x - from.x) * dx + (point.y - from.y) * dy) / (dx * dx + dy * dy)));
            return Math.hypot(point.x - (from.x + t * dx), point.y - (from.y + t * dy)) > 8;
          });
          if (clear) return { point, neighbour: n };
        }
        return null;
      }, STDP);
      expect(edge).not.toBeNull();
      await page.mouse.click(map.x + edge!.point.x, map.y + edge!.point.y);
      await page.waitForSelector('.evidence-view, .paper-view');
      await page.goBack();
      await page.waitForSelector('.concept-view');

      // Zoomed far out, the map's corners are far from every node.
      for (let i = 0; i < 4; i++) await page.click('#zoom-out');
      await settle(page);
      const far = await page.evaluate(() => {
        const h = (window as unknown as WithHandle).__papergraph;
        const rect = document.getElementById('map')!.getBoundingClientRect();
        const points = [
          { x: rect.width - 20, y: 20 },
          { x: rect.width - 20, y: rect.height - 120 },
          { x: rect.width / 2, y: 15 },
        ];
        const all = [...h.nodes('concept'), ...h.nodes('paper')].map((id) => h.nodeViewportPosition(id)!);
        return points.find((p) => all.every((q) => Math.hypot(q.x - p.x, q.y - p.y) > 80)) ?? null;
      });
      expect(far).not.toBeNull();
      await page.mouse.click(map.x + far!.x, map.y + far!.y);
      await page.waitForSelector('.home-view');
      await expect(page.evaluate(() => (window as unknown as WithHandle).__papergraph.selected())).resolves.toBe(null);
    });
  });
}

describeWithBrowser('explorer views', () => {
  viewSuite(
    'sample corpus',
    async () => {
      const store: TestStore = await makeTestStore();
      const server = await startServer(store.config, { quiet: true });
      return {
        url: server.url,
        close: async () => {
          await server.close();
          store.cleanup();
        },
      };
    },
    { bridgesPapers: true },
  );
  if (BROWSER.path && !corpusMissing) {
    viewSuite(
      'NeurIPS/ICML/ICLR store',
      async () => {
        const server = await startServer(loadConfig({ db: await corpusStore(), port: '0' }, {}), { quiet: true });
        return { url: server.url, close: () => server.close() };
      },
      { bridgesPapers: true },
    );
  } else if (corpusMissing) {
    describe.skip(`NeurIPS/ICML/ICLR store (skipped: ${corpusMissing})`, () => {
      it('is not there', () => undefined);
    });
  }
});
