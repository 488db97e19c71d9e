// Which browser the browser tests drive, on machines other than this one.
import { describe, expect, it } from 'vitest';
import { findChromium } from './browser.ts';

const only = (...files: string[]) => (file: string) => files.includes(file);

describe('finding Chromium or Chrome', () => {
  it('prefers CHROME_PATH, and says so when it points nowhere', () => {
    expect(findChromium({ CHROME_PATH: '/opt/my/chrome' }, only('/opt/my/chrome', '/usr/bin/chromium'))).toEqual({ path: '/opt/my/chrome', reason: null });
    expect(findChromium({ CHROME_PATH: '/nope' }, only('/usr/bin/chromium'))).toEqual({ path: null, reason: 'CHROME_PATH=/nope does not exist' });
  });

  it('finds Debian chromium, Google Chrome on Linux and on macOS, and Chromium on macOS', () => {
    expect(findChromium({}, only('/usr/bin/chromium')).path).toBe('/usr/bin/chromium');
    expect(findChromium({}, only('/usr/bin/google-chrome-stable')).path).toBe('/usr/bin/google-chrome-stable');
    expect(findChromium({}, only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')).path).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(findChromium({}, only('/Applications/Chromium.app/Contents/MacOS/Chromium')).path).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium');
  });

  it('gives the reason, with what to do, when there is none', () => {
    const none = findChromium({}, () => false);
    expect(none.path).toBeNull();
    expect(none.reason).toMatch(/set CHROME_PATH, or install one/);
  });
});
