// The bridges panel in Chromium against the real API on the sample corpus. The first
// suite mounts the panel on a bare page (tests/bridges/harness, built with Vite and
// served by the real app); the second goes through the explorer itself and runs once
// the built app (web/dist) carries the bridges tab.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgesHighlight } from '../../web/src/bridges/bridgesPanel.ts';
import { loadSnapshot } from '../../src/explore/snapshot.ts';
import { createApp } from '../../src/server/app.ts';
import { startServer, WEB_DIR } from '../../src/server/serve.ts';
import { openEmbeddedStore } from '../../src/store/embedded.ts';
import type { GraphStore } from '../../src/store/GraphStore.ts';
import { makeTestStore, type TestStore } from '../helpers/sampleStore.ts';
import { BROWSER, describeWithBrowser, launchChromium } from '../e2e/browser.ts';

const HARNESS = path.resolve(import.meta.dirname, 'harness');
const ASSETS = path.join(WEB_DIR, 'assets');
const bridgesTabPresent = existsSync(ASSETS) && readdirSync(ASSETS).some((f) => f.endsWith('.js') && readFileSync(path.join(ASSETS, f), 'utf8').includes('bridges-panel'));


let sample: TestStore;
let browser: Browser;
beforeAll(async () => {
  if (!BROWSER.path) return;
  sample = await makeTestStore();
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  sample?.cleanup();
});

async function ask(page: Page, a: string, b: string): Promise<void> {
  await page.fill('.bridges-panel input[name=a]', a);
  await page.fill('.bridges-panel input[name=b]', b);
  await page.click('.bridges-panel button[type=submit]');
}

describeWithBrowser('bridges panel on a bare page', () => {
  let outDir: string;
  let store: GraphStore;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'papergraph-bridges-panel-'));
    await build({ root: HARNESS, base: '/', logLevel: 'error', build: { outDir, emptyOutDir: true, modulePreload: { polyfill: false } } });
    store = await openEmbeddedStore(sample.dir);
    const snapshot = await loadSnapshot(store);
    const app = createApp({ store, snapshot: () => snapshot, console: store, limits: sample.config.console, webDir: outDir, storeKind: 'embedded' });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  }, 120_000);
  afterAll(async () => {
    if (server) await new Promise((resolve) => server.close(resolve));
    await store?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('finds the paths between STDP and catastrophic forgetting and reports them for highlighting', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(url);
      await ask(page, 'STDP', 'catastrophic forgetting');
      await page.waitForSelector('.bridges-path');
      const text = await page.textContent('.bridges-results');
      expect(text).toContain('Connecting paths');
      expect(text).toContain('catastrophic forgetting');
      const highlight = (await page.evaluate(() => (window as unknown as { highlight: BridgesHighlight }).highlight))!;
      expect(highlight.conceptIds).toContain('spike timing dependent plasticity');
      expect(highlight.conceptIds).toContain('catastrophic forgetting');
      expect(highlight.pathEdges.length).toBeGreaterThan(0);
      expect(highlight.paperIds.length).toBeGreaterThan(0);
      expect(await page.evaluate(() => (window as unknown as { state: unknown }).state)).toEqual({ a: 'STDP', b: 'catastrophic forgetting' });
      await page.click('.bridges-path button.bridges-link');
      const opened = await page.evaluate(() => (window as unknown as { opened: string[] }).opened);
      expect(opened[0]).toMatch(/^paper:/);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('shows direct bridges with their sentence, and a clear message for an unknown topic', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(url);
      await ask(page, 'STDP', 'SNNs');
      await page.waitForSelector('.bridges-paper');
      expect(await page.locator('.bridges-paper .bridges-sentence').count()).toBeGreaterThan(0);
      expect(await page.textContent('.bridges-paper .bridges-reason')).toMatch(/^Mentions /);
      await ask(page, 'xyzzy plugh', 'STDP');
      await page.waitForSelector('.bridges-error');
      expect(await page.textContent('.bridges-error')).toContain('No concept matches the topic "xyzzy plugh"');
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe.skipIf(!bridgesTabPresent)('bridges tab in the explorer', () => {
  it('answers STDP × catastrophic forgetting from the explorer', async () => {
    const { url, close } = await startServer(sample.config, { quiet: true });
    const page = await browser.newPage();
    try {
      await page.goto(url);
      await page.getByRole('tab', { name: /bridges/i }).or(page.getByRole('button', { name: /^bridges$/i })).first().click();
      await ask(page, 'STDP', 'catastrophic forgetting');
      await page.waitForSelector('.bridges-path');
      expect(await page.textContent('.bridges-results')).toContain('catastrophic forgetting');
      // Asked while the map may still be loading, the topics reach the address bar once it is ready.
      await page.waitForURL((address) => address.searchParams.get('bridgeB') === 'catastrophic forgetting', { timeout: 30_000 });
      // The map shows both topics and the papers of the paths, everything else dimmed.
      const highlighted = await page.evaluate(() => (window as unknown as { __papergraph: { highlighted(): string[]; nodes(kind: string): string[] } }).__papergraph.highlighted());
      const papersOnMap = await page.evaluate(() => (window as unknown as { __papergraph: { nodes(kind: string): string[] } }).__papergraph.nodes('paper'));
      expect(highlighted.length).toBeGreaterThan(2);
      expect(highlighted.some((id) => papersOnMap.includes(id))).toBe(true);
      await page.screenshot({ path: 'test-output/bridges-explorer.png' });
      // The answer is part of the shareable state: a reload asks again.
      await page.reload();
      await page.waitForSelector('.bridges-path');
      expect(await page.evaluate(() => (window as unknown as { __papergraph: { highlighted(): string[] } }).__papergraph.highlighted().length)).toBeGreaterThan(2);
      // An unknown topic gets the server's own message, not a broken answer.
      await ask(page, 'xyzzy plugh', 'STDP');
      await page.waitForSelector('.bridges-error');
      expect(await page.textContent('.bridges-error')).toContain('No concept matches the topic "xyzzy plugh"');
    } finally {
      await page.close();
      await close();
    }
  }, 90_000);
});
