// The concept panel's broader and narrower concepts in a real browser, on a real store
// built from the sample corpus: each is listed with its papers and one click selects it.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer } from '../../src/server/serve.ts';
import { BROWSER, buildWebIfStale, describeWithBrowser, launchChromium, openExplorer, OUTPUT_DIR } from '../e2e/browser.ts';
import { makeTestStore, type TestStore } from '../helpers/sampleStore.ts';

let store: TestStore;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!BROWSER.path) return;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  buildWebIfStale();
  store = await makeTestStore();
  server = await startServer(store.config, { quiet: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  store?.cleanup();
});

const section = (direction: 'broader' | 'narrower') => `.concept-view [data-hierarchy="${direction}"]`;

describeWithBrowser('concept panel hierarchy', () => {
  it('lists the narrower concepts of "dendrites", and a click opens one, whose broader concepts hold "dendrites"', async () => {
    await openExplorer(page, `${server.url}/?view=concept&id=dendrite`);
    await page.waitForSelector(section('narrower'));
    const narrower = await page.$$eval(`${section('narrower')} li .link`, (items) => items.map((i) => i.textContent ?? ''));
    expect(narrower.length).toBeGreaterThan(2);
    const tree = narrower.find((label) => /dendritic tree/i.test(label))!;
    expect(tree).toBeDefined();
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'concept-panel-hierarchy.png') });

    await page.click(`${section('narrower')} li .link >> text=${tree}`);
    await page.waitForFunction((label) => document.querySelector('.concept-view .view-title')?.textContent === label, tree);
    const broader = await page.$$eval(`${section('broader')} li .link`, (items) => items.map((i) => i.textContent ?? ''));
    expect(broader).toContain('dendrites');
    const title = await page.getAttribute(`${section('broader')} li .link >> text=dendrites`, 'title');
    expect(title).toContain('contains the words of');
  });
});
