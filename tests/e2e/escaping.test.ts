// Text from papers reaches the page as text: a title carrying markup shows its
// characters and creates no element, runs no script.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/serve.ts';
import { makeTestStore, type TestStore } from '../helpers/sampleStore.ts';
import { BROWSER, buildWebIfStale, describeWithBrowser, launchChromium, openExplorer, OUTPUT_DIR } from './browser.ts';

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/xss.jsonl');
const TITLE = '<img src=x onerror=alert(1)>Spiking networks';

let store: TestStore;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  if (!BROWSER.path) return;
  buildWebIfStale();
  store = await makeTestStore([FIXTURE]);
  server = await startServer(store.config, { quiet: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  store?.cleanup();
});

describeWithBrowser('escaping of paper text', () => {
  it('shows a title with markup as literal text in search and in the paper view', async () => {
    await openExplorer(page, server.url);
    await page.fill('#search-input', 'Spiking networks');
    await page.waitForSelector('.search-option.kind-paper');
    const options = await page.$$eval('.search-option.kind-paper .option-label', (labels) => labels.map((l) => l.textContent));
    expect(options).toContain(TITLE);

    await page.goto(`${server.url}/?view=paper&id=xss-1`);
    await page.waitForSelector('.paper-view');
    await expect(page.textContent('.paper-view .view-title')).resolves.toBe(TITLE);
    await expect(page.locator('.paper-view .view-title').isVisible()).resolves.toBe(true);
    await expect(page.textContent('.paper-view .authors')).resolves.toContain('<img src=y onerror=alert(3)>Ada Lovelace');
    await expect(page.textContent('.paper-view .abstract')).resolves.toContain('<script>alert(2)</script>');
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'e2e-escaping.png') });

    // Nothing in the app is an <img> or a script from data, and no alert fired.
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(page.locator('.paper-view script, .paper-view b').count()).resolves.toBe(0);
    // A javascript: URL from the data is not offered as a link.
    await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
  });
});
