// The example queries of cypher/examples/, offered one click away in the console.
// Each file starts with `//` comment lines: the first is its title, the rest its description.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { CypherExample } from '../graph/model.ts';
import { CYPHER_DIR, stripLineComments } from '../store/cypherFiles.ts';


const EXAMPLES_DIR = path.join(CYPHER_DIR, 'examples');

/** `// @param name value` lines give example parameter values (JSON when it parses). */
function parseParams(lines: string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const line of lines) {
    const m = /^\/\/\s*@param\s+(\w+)\s+(.+)$/.exec(line.trim());
    if (!m) continue;
    try {
      params[m[1]] = JSON.parse(m[2]);
    } catch {
      params[m[1]] = m[2];
    }
  }
  return params;
}

export function cypherExamples(): CypherExample[] {
  if (!existsSync(EXAMPLES_DIR)) return [];
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.cypher') && !/\.(lbug|neo4j)\.cypher$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(path.join(EXAMPLES_DIR, file), 'utf8');
      const comments = text.split('\n').filter((l) => l.trimStart().startsWith('//'));
      const prose = comments.filter((l) => !l.includes('@param')).map((l) => l.replace(/^\s*\/\/\s?/, ''));
      return {
        name: file.replace(/\.cypher$/, ''),
        title: prose[0] ?? file,
        description: prose.slice(1).join(' ').trim(),
        query: stripLineComments(text).trim(),
        params: parseParams(comments),
      };
    });
}
