// The Cypher console in a real browser on the sample store: a runaway query reaches
// the server once (a 408 would make Chromium send it again) and its timeout is said
// inline; an example's parameters are shown and can be edited before it runs;
// relationships read as (:A)-[:TYPE {…}]->(:B).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BROWSER, describeWithBrowser, openExplorer, startExplorerSession, typeConsoleQuery, type ExplorerSession } from './browser.ts';

const TIMEOUT_MS = 1_500;

let session: ExplorerSession;
let server: ExplorerSession['server'];
let page: Page;
let cypherRequests = 0;

beforeAll(async () => {
  if (!BROWSER.path) return;
  session = await startExplorerSession({ configure: (config) => ({ ...config, console: { ...config.console, timeoutMs: TIMEOUT_MS } }) });
  ({ server, page } = session);
  // Ahead of Express, which rewrites request.url on its way through the app.
  server.server.prependListener('request', (request) => {
    if (request.url === '/api/cypher') cypherRequests++;
  });
});

afterAll(async () => {
  await session?.close();
});

describeWithBrowser('Cypher console', () => {
  it('sends a runaway query once and says it timed out (504, never 408)', async () => {
    await openExplorer(page, server.url);
    await page.click('#toggle-console');
    await page.waitForSelector('.cm-content');
    // 10^10 rows from two small lists: slow, not big, so the timeout stops it.
    await typeConsoleQuery(page, 'UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b WITH a + b AS s RETURN sum(s)');
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/cypher'));
    const before = cypherRequests;
    const started = Date.now();
    await page.click('.console-bar .primary');
    const response = await answered;
    expect(response.status()).toBe(504);
    await expect(response.json()).resolves.toMatchObject({ error: { code: 'timeout' } });
    await page.waitForSelector('.console-status.error');
    const waited = Date.now() - started;
    await expect(page.textContent('.console-status.error')).resolves.toMatch(new RegExp(`longer than ${TIMEOUT_MS} ms`));
    // Give a re-send the time it would take to arrive, then count.
    await page.waitForTimeout(TIMEOUT_MS);
    expect(cypherRequests - before).toBe(1);
    expect(waited).toBeLessThan(TIMEOUT_MS * 2 + 5_000);
  });

  it('shows an example query with its parameters, which can be edited before running', async () => {
    await openExplorer(page, `${server.url}/?console=1`);
    await page.waitForSelector('.console-bar select option[value=neighbours]', { state: 'attached' });
    await page.selectOption('.console-bar select', 'neighbours');
    await expect(page.inputValue('.console-params')).resolves.toContain('"name": "catastrophic forgetting"');
    await page.fill('.console-params', '{"name": "STDP"}');
    await page.click('.console-bar .primary');
    await page.waitForSelector('.result-table');
    const concepts = await page.$$eval('.result-table tbody tr td:first-child', (cells) => cells.map((c) => c.textContent));
    expect(concepts.length).toBeGreaterThan(0);
    // STDP's neighbours on the sample corpus, not catastrophic forgetting's.
    const direct = await page.evaluate(async () => {
      const response = await fetch('/api/cypher', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'MATCH (c:Concept)-[e:CO_OCCURS]-(o:Concept) WHERE c.label = $name OR $name IN c.aliases RETURN o.label AS concept ORDER BY e.weight DESC, concept LIMIT 25', params: { name: 'STDP' } }),
      });
      return ((await response.json()) as { rows: string[][] }).rows.map((row) => row[0]);
    });
    expect(concepts).toEqual(direct);

    await page.fill('.console-params', '{"name": ');
    await page.click('.console-bar .primary');
    await page.waitForSelector('.console-status.error');
    await expect(page.textContent('.console-status.error')).resolves.toMatch(/Parameters must be a JSON object/);
  });

  it('shows relationships as (:A)-[:TYPE {…}]->(:B)', async () => {
    await openExplorer(page, `${server.url}/?console=1`);
    await page.waitForSelector('.cm-content');
    await typeConsoleQuery(page, 'MATCH (a:Concept)-[r:CO_OCCURS]->(b:Concept) RETURN a, r, b LIMIT 3');
    await page.click('.console-bar .primary');
    await page.waitForSelector('.result-table');
    const cells = await page.$$eval('.result-table tbody tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent));
    expect(cells.length).toBe(3);
    for (const cell of cells) expect(cell).toMatch(/^\(:Concept\)-\[:CO_OCCURS \{.*papers: \d+.*\}\]->\(:Concept\)$/);
  });
});
