// The README's screenshots of the explorer, taken on the real NeurIPS/ICML/ICLR store
// (tests/helpers/neuripsStore.ts builds it once per code version) in headless
// Chromium at 1280×800: the default map, the STDP focus view, its second hop, the
// bridges view STDP × catastrophic forgetting, a year-filtered map and the console.
//
//   npx tsx scripts/screenshots.ts [--out docs] [--db DIR | --url http://127.0.0.1:PORT]
//
// --db uses a store of that corpus you already have; --url an explorer already serving one.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server/serve.ts';
import { buildWebIfStale, launchChromium } from '../tests/e2e/browser.ts';
import { corpusStore } from '../tests/helpers/neuripsStore.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs' }, db: { type: 'string' }, url: { type: 'string' } } });
const OUT = path.resolve(values.out!);
const STDP = 'spike timing dependent plasticity';

type Handle = { __papergraph: { ready(): boolean; idle(): boolean; mapView(): string } };

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as Handle).__papergraph?.ready() && (window as unknown as Handle).__papergraph.idle(), null, { timeout: 60_000 });
  await page.waitForTimeout(400);
}

async function main(): Promise<void> {
  buildWebIfStale();
  mkdirSync(OUT, { recursive: true });
  const server = values.url
    ? { url: values.url.replace(/\/$/, ''), close: async () => undefined }
    : await startServer(loadConfig({ db: values.db ?? (await corpusStore()), port: '0' }, {}), { quiet: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    const shot = async (name: string, url: string, before?: () => Promise<void>) => {
      await page.goto(`${server.url}${url}`);
      await settle(page);
      if (before) {
        await before();
        await settle(page);
      }
      const file = path.join(OUT, name);
      await page.screenshot({ path: file });
      console.log(`${file} (${await page.evaluate(() => (window as unknown as Handle).__papergraph.mapView())})`);
    };
    const focus = `/?sel=${encodeURIComponent(STDP)}&view=concept&id=${encodeURIComponent(STDP)}`;
    await shot('explorer-map.png', '/');
    await shot('explorer-focus.png', focus);
    await shot('explorer-focus-2-hops.png', `${focus}&hops=2`);
    await shot('explorer-bridges.png', `/?tab=bridges&bridgeA=STDP&bridgeB=${encodeURIComponent('catastrophic forgetting')}`, () =>
      page.waitForFunction(() => (window as unknown as Handle).__papergraph.mapView() === 'bridges', null, { timeout: 60_000 }).then(() => undefined),
    );
    await shot('explorer-years.png', '/?colour=year&ymin=2016&ymax=2019');
    await shot('explorer-console.png', '/?console=1', async () => {
      await page.waitForSelector('.console-bar select option[value=neighbours]', { state: 'attached' });
      await page.selectOption('.console-bar select', 'neighbours');
      await page.fill('.console-params', '{"name": "STDP"}');
      await page.click('.console-bar .primary');
      await page.waitForSelector('.result-table');
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
