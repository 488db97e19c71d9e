// Shared set-up of the browser tests: a built web app, a real store (embedded, or
// Neo4j on this worker's test server) and server, and headless Chromium or Chrome from
// the system (never a downloaded browser), found by CHROME_PATH or the usual install
// paths. Without one the browser suites report themselves skipped, with the reason in
// their name; under CI (CI=true) a missing browser fails instead, so a green CI always
// ran them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe } from 'vitest';
import type { Config } from '../../src/config.ts';
import { ingest } from '../../src/ingest.ts';
import { startServer } from '../../src/server/serve.ts';
import { SAMPLE_DIR } from '../helpers/sampleStore.ts';
import { STORES, type StoreCase, type StoreUnderTest } from '../helpers/stores.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB = path.join(ROOT, 'web');
export const OUTPUT_DIR = path.join(ROOT, 'test-output');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Runs `npm run build:web` when web/dist is missing or older than web/src. */
export function buildWebIfStale(): void {
  const built = path.join(WEB, 'dist', 'index.html');
  const sources = Math.max(newestSource(path.join(WEB, 'src')), statSync(path.join(WEB, 'index.html')).mtimeMs, statSync(path.join(WEB, 'vite.config.ts')).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'pipe' });
}

/** Where Chromium and Chrome install themselves: Debian/Ubuntu, Google Chrome on Linux and macOS, Chromium on macOS. */
const BROWSER_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export type BrowserLookup = { path: string; reason: null } | { path: null; reason: string };

/** The browser the tests drive: `CHROME_PATH` when set, else the first usual path that exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = existsSync): BrowserLookup {
  const asked = env.CHROME_PATH?.trim();
  if (asked) return exists(asked) ? { path: asked, reason: null } : { path: null, reason: `CHROME_PATH=${asked} does not exist` };
  const found = BROWSER_PATHS.find((file) => exists(file));
  return found
    ? { path: found, reason: null }
    : { path: null, reason: `no Chromium or Chrome found (set CHROME_PATH, or install one: apt-get install chromium; looked in ${BROWSER_PATHS.join(', ')})` };
}

export const BROWSER = findChromium();
if (!BROWSER.path && process.env.CI) throw new Error(`Browser tests cannot run under CI: ${BROWSER.reason}`);
if (!BROWSER.path) console.warn(`papergraph browser tests skipped: ${BROWSER.reason}`);

/**
 * `describe` for a suite that needs the browser, and the store `storeSkip` says is
 * missing when it is not null: skipped, with the reason in its name, when either is.
 */
export function describeWithBrowser(name: string, fn: () => void, storeSkip: string | null = null): void {
  if (!BROWSER.path) describe.skip(`${name} (skipped: ${BROWSER.reason})`, fn);
  else if (storeSkip) describe.skip(`${name} (skipped: ${storeSkip})`, fn);
  else describe(name, fn);
}

export function launchChromium(): Promise<Browser> {
  if (!BROWSER.path) throw new Error(`No browser to launch: ${BROWSER.reason}`);
  return chromium.launch({
    executablePath: BROWSER.path,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface ExplorerSessionOptions {
  /** The store the server reads (tests/helpers/stores.ts). Default: the embedded store. */
  store?: StoreCase;
  /** Paper files or directories ingested through the real pipeline. Default: the sample corpus. */
  papers?: string[];
  /** Changes to the server's settings (console limits…). */
  configure?: (config: Config) => Config;
}

export interface ExplorerSession {
  store: StoreUnderTest;
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
  page: Page;
  /** Closes the browser and the server, and leaves no store behind. */
  close(): Promise<void>;
}

/**
 * A browser suite's world: `papers` ingested into a fresh store, the real server on it
 * (127.0.0.1, a free port) and Chromium with one 1280×800 page.
 */
export async function startExplorerSession(options: ExplorerSessionOptions = {}): Promise<ExplorerSession> {
  const { store: storeCase = STORES[0], papers = [SAMPLE_DIR], configure = (config: Config) => config } = options;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  buildWebIfStale();
  const store = await storeCase.make();
  let server: ExplorerSession['server'] | undefined;
  let browser: Browser | undefined;
  try {
    const writer = await store.open();
    try {
      await ingest(writer, papers, { workers: 1 });
    } finally {
      await writer.close();
    }
    server = await startServer(configure(store.config), { quiet: true });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const opened = { server, browser };
    return {
      store,
      ...opened,
      page,
      close: async () => {
        await opened.browser.close();
        await opened.server.close();
        await store.cleanup();
      },
    };
  } catch (error) {
    await browser?.close();
    await server?.close();
    await store.cleanup();
    throw error;
  }
}

/** Opens `url` and waits until the overview is drawn and the URL's state restored. */
export async function openExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __papergraph?: { ready(): boolean } }).__papergraph?.ready() === true, null, { timeout: 30_000 });
}

/** Replaces the console editor's text with `query` and closes its completion list. */
export async function typeConsoleQuery(page: Page, query: string): Promise<void> {
  await page.focus('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(query);
  await page.keyboard.press('Escape');
}

/** The explorer's read-only debug handle, typed for page.evaluate callbacks. */
export type { DebugHandle } from '../../web/src/debug.ts';
import type { DebugHandle } from '../../web/src/debug.ts';
export type WithHandle = { __papergraph: DebugHandle };
