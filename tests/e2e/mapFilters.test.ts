// What a user sees in the map's filters and legend, in a real browser against a real
// store of the sample corpus: the year range counts papers, an empty result says so
// and resets, the min-papers slider runs over the map's own paper counts, the year
// colours step by the corpus's quantiles, and the legend lists every community with
// its own papers, in the same colour whatever the ranking.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MapGraph, OverviewResponse } from '../../src/graph/model.ts';
import { overviewGraph } from '../../web/src/map/overviewGraph.ts';
import { BROWSER, describeWithBrowser, openExplorer, OUTPUT_DIR, startExplorerSession, type ExplorerSession } from './browser.ts';

let session: ExplorerSession;
let server: ExplorerSession['server'];
let page: Page;
let map: OverviewResponse;
let mapGraph: MapGraph;

beforeAll(async () => {
  if (!BROWSER.path) return;
  session = await startExplorerSession();
  ({ server, page } = session);
  map = (await (await fetch(`${server.url}/api/overview?limit=500&by=papers`)).json()) as OverviewResponse;
  mapGraph = overviewGraph(map);
});

afterAll(async () => {
  await session?.close();
});

/** Concepts of the overview with at least `min` papers in [from, to], by their papers per year. */
function conceptsWithPapers(from: number, to: number, min = 1): number {
  return mapGraph.nodes.filter((n) => {
    const y = n.attributes.yearCounts;
    if (!y) return false;
    let papers = 0;
    y.counts.forEach((c, i) => (y.from + i >= from && y.from + i <= to ? (papers += c) : 0));
    return papers >= min;
  }).length;
}

async function setYears(from: number | '', to: number | ''): Promise<void> {
  await page.fill('#filter-year-min', String(from));
  await page.dispatchEvent('#filter-year-min', 'change');
  await page.fill('#filter-year-max', String(to));
  await page.dispatchEvent('#filter-year-max', 'change');
}

const summary = async () => (await page.innerText('.filter-summary')).trim();

describeWithBrowser('map filters and legend on the sample corpus', () => {
  it('filters by the papers inside the year range, and counts what it shows', async () => {
    await openExplorer(page, server.url);
    const total = mapGraph.nodes.length;
    await expect(summary()).resolves.toBe(`${total} of ${total} concepts shown.`);
    const { min, max, counts } = map.years;
    // The newest three years hold most of the sample; the range before them a few papers.
    const early = max! - 3;
    await setYears(min!, early);
    const shown = conceptsWithPapers(min!, early);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    await expect(summary()).resolves.toBe(`${shown} of ${total} concepts shown in ${min}–${early}.`);
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'map-year-filtered.png') });
    expect(counts.length).toBe(max! - min! + 1);
  });

  it('says when nothing has papers in the range, and offers the reset', async () => {
    await openExplorer(page, server.url);
    const { min, counts } = map.years;
    const empty = counts.findIndex((n) => n === 0);
    expect(empty, 'the sample has a year without papers').toBeGreaterThanOrEqual(0);
    const year = min! + empty;
    await setYears(year, year);
    await expect(summary()).resolves.toBe(`No concept on the map has papers in ${year}–${year}. Show all again`);
    await expect(page.getAttribute('.filter-summary', 'class')).resolves.toContain('empty');
    await page.click('.filter-summary button');
    const total = mapGraph.nodes.length;
    await expect(summary()).resolves.toBe(`${total} of ${total} concepts shown.`);
    await expect(page.inputValue('#filter-year-min')).resolves.toBe('');
    expect(new URL(page.url()).searchParams.get('ymin')).toBeNull();
  });

  it('runs the min-papers slider over the paper counts of the concepts on the map', async () => {
    await openExplorer(page, server.url);
    const papers = mapGraph.nodes.map((n) => n.attributes.papers);
    const steps = [...new Set(papers)].sort((a, b) => a - b);
    await expect(page.textContent('#filter-min-papers-value')).resolves.toBe(String(steps[0]));
    await expect(page.getAttribute('#filter-min-papers', 'max')).resolves.toBe(String(steps.length - 1));
    await page.fill('#filter-min-papers', String(steps.length - 1));
    const most = steps[steps.length - 1];
    await expect(page.textContent('#filter-min-papers-value')).resolves.toBe(String(most));
    const top = papers.filter((n) => n >= most).length;
    await expect(summary()).resolves.toBe(`${top} of ${papers.length} concepts shown with at least ${most} papers.`);
    // One step down shows more.
    await page.fill('#filter-min-papers', String(steps.length - 2));
    await expect(summary()).resolves.toBe(`${papers.filter((n) => n >= steps[steps.length - 2]).length} of ${papers.length} concepts shown with at least ${steps[steps.length - 2]} papers.`);
  });

  it('colours years by the corpus’s quantiles: the middle tick is the median paper’s year', async () => {
    await openExplorer(page, server.url);
    await page.click('[data-colour=year]');
    const ticks = await page.$$eval('.year-ticks span', (spans) => spans.map((s) => Number(s.textContent)));
    const { min, max, counts } = map.years;
    expect(ticks[0]).toBe(min);
    expect(ticks[ticks.length - 1]).toBe(max);
    const total = counts.reduce((a, b) => a + b, 0);
    // The median paper's year: the first whose cumulative count reaches half.
    let cumulative = 0;
    const median = min! + counts.findIndex((n) => (cumulative += n) >= total / 2);
    expect(Math.abs(ticks[2] - median)).toBeLessThanOrEqual(1);
    // A linear scale would put the middle tick at the middle of the range.
    expect(ticks[2]).toBeGreaterThan((min! + max!) / 2);
  });

  it('lists every community with its own papers, most first, in the same colour under either ranking', async () => {
    await openExplorer(page, server.url);
    const all = map.communities.length;
    await page.click(`.legend button:text("Show all ${all}")`);
    const items = await page.$$eval('.legend-item', (buttons) =>
      buttons.map((b) => ({ id: Number(b.getAttribute('data-community')), count: Number(b.querySelector('.legend-count')!.textContent!.replace(/,/g, '')), colour: (b.querySelector('.swatch') as HTMLElement).style.cssText, off: b.classList.contains('off-map') })),
    );
    expect(items).toHaveLength(all);
    const own = new Map(map.communities.map((c) => [c.id, c.ownPapers]));
    for (const item of items) expect(item.count, `community ${item.id}`).toBe(own.get(item.id));
    for (let i = 1; i < items.length; i++) expect(items[i - 1].count).toBeGreaterThanOrEqual(items[i].count);
    const onMap = new Set(mapGraph.nodes.map((n) => n.attributes.community));
    for (const item of items) expect(item.off, `community ${item.id}`).toBe(!onMap.has(item.id));
    await expect(page.textContent('.legend-summary')).resolves.toBe(`${onMap.size} of ${all} on the map`);

    await page.selectOption('#rank-by', 'pagerank');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('by') === 'pagerank' || location.search.includes('pagerank'));
    // The legend stays opened across a change of ranking, as a reader left it.
    await page.waitForFunction((n) => document.querySelectorAll('.legend-item').length === n, all);
    const again = await page.$$eval('.legend-item', (buttons) => buttons.map((b) => ({ id: Number(b.getAttribute('data-community')), colour: (b.querySelector('.swatch') as HTMLElement).style.cssText })));
    const colourOf = new Map(items.map((i) => [i.id, i.colour.replace(/^(background|border-color): ?/, '')]));
    for (const item of again) expect(item.colour.replace(/^(background|border-color): ?/, ''), `community ${item.id}`).toBe(colourOf.get(item.id));
  });
});
