// Shared set-up of the browser tests: a built web app, a real store and server,
// and headless Chromium from the system (never a downloaded browser).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

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

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Opens `url` and waits until the overview is drawn and the URL's state restored. */
export async function openExplorer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __papergraph?: { ready(): boolean } }).__papergraph?.ready() === true, null, { timeout: 30_000 });
}

/** The explorer's read-only debug handle, typed for page.evaluate callbacks. */
export type { DebugHandle } from '../../web/src/debug.ts';
import type { DebugHandle } from '../../web/src/debug.ts';
export type WithHandle = { __papergraph: DebugHandle };
