// Every setting papergraph reads is documented: README "Settings" and .env.example name
// each environment variable src/config.ts reads, and .env.example keeps the embedded store.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe('settings', () => {
  const config = read('src/config.ts');
  const variables = [...new Set([...config.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]))];
  const flags = [...new Set([...config.matchAll(/flags(?:\.|\[')([a-z-]+)/g)].map((m) => m[1]))];

  it('config.ts is the only place in src/ that reads the environment', () => {
    expect(variables.length).toBeGreaterThan(10);
    const src = ['src/cli.ts', 'src/ingest.ts', 'src/server/serve.ts', 'src/fetch/index.ts'].map(read).join('\n');
    expect(src).not.toMatch(/process\.env\./);
  });

  it('README documents every variable and flag', () => {
    const readme = read('README.md');
    const settings = readme.slice(readme.indexOf('### Settings'), readme.indexOf('\n## ', readme.indexOf('### Settings')));
    for (const name of variables) expect(settings, name).toContain(`\`${name}\``);
    for (const flag of flags) expect(readme, flag).toContain(`--${flag}`);
  });

  it('.env.example lists every variable and keeps the embedded default', () => {
    const example = read('.env.example');
    for (const name of variables) expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'));
    expect(example).toMatch(/^PAPERGRAPH_STORE=embedded$/m);
  });
});
