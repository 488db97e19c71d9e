// Where the benchmarks find `shared/` (gold sets, corpora): beside the repository's
// clone (`../shared`, as on CI), or beside the folder holding a git worktree
// (`../../shared`). The first that holds `relative` wins.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function sharedFile(relative: string): string {
  const candidates = ['../../shared/', '../../../shared/'].map((up) => fileURLToPath(new URL(up + relative, import.meta.url)));
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`${relative} not found in ${candidates.map((path) => path.slice(0, -relative.length)).join(' or ')}`);
  return found;
}
