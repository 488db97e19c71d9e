// Throughput and peak memory of `papergraph extract` as a whole process.
//
//   npx tsx scripts/bench-extract.ts [DOCS]      (default 10,000)
//
// Input: the Inspec dev set (../shared/eval/inspec-dev.jsonl) repeated under new ids
// up to DOCS abstracts, written to a temp JSONL. Runs `node bin/papergraph.mjs extract
// FILE > /dev/null` when src/cli.ts exists, else a child process that streams the file
// through `extractJsonl` (the CLI's engine); prints which. Wall time and peak RSS
// (VmHWM from /proc/PID/status, polled) are of that whole process. retext-keywords
// (with retext-pos) runs on the same documents in a child process for comparison.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.argv[2] ?? 10000);
const source = new URL('../../shared/eval/inspec-dev.jsonl', import.meta.url).pathname;
const base = readFileSync(source, 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as { title: string; abstract: string });
const dir = mkdtempSync(join(tmpdir(), 'bench-extract-'));
const file = join(dir, 'abstracts.jsonl');
const lines: string[] = [];
for (let i = 0; i < count; i++) {
  const { title, abstract } = base[i % base.length];
  lines.push(JSON.stringify({ id: `bench-${i}`, title, abstract }));
}
writeFileSync(file, lines.join('\n') + '\n');

const engine = join(dir, 'engine.ts');
writeFileSync(
  engine,
  `import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { extractJsonl } from ${JSON.stringify(join(repo, 'src/extract/index.ts'))};
async function* papers() {
  for await (const line of createInterface({ input: createReadStream(process.argv[2]) })) if (line.trim()) yield JSON.parse(line);
}
let out = '';
const summary = await extractJsonl(papers(), (line) => { out += line + '\\n'; if (out.length > 1 << 16) { process.stdout.write(out); out = ''; } });
process.stdout.write(out);
process.stderr.write(JSON.stringify(summary) + '\\n');
`,
);

const retextRunner = join(dir, 'retext.mjs');
writeFileSync(
  retextRunner,
  `import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(${JSON.stringify(join(repo, 'package.json'))});
const load = async (name) => import(require.resolve(name));
const { retext } = await load('retext');
const retextPos = (await load('retext-pos')).default;
const retextKeywords = (await load('retext-keywords')).default;
const processor = retext().use(retextPos).use(retextKeywords, { maximum: 15 });
for (const line of readFileSync(process.argv[2], 'utf8').split('\\n')) {
  if (!line.trim()) continue;
  const { title, abstract } = JSON.parse(line);
  const file = await processor.process(title + '.\\n\\n' + abstract);
  process.stdout.write(String(file.data.keyphrases?.length ?? 0) + '\\n');
}
`,
);

interface Run {
  seconds: number;
  peakMb: number;
  stderr: string;
}

function measure(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
    let peakKb = 0;
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peakKb = Math.max(peakKb, hwm);
      } catch {
        // the process has just ended
      }
    }, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024, stderr });
    });
  });
}

const cli = existsSync(new URL('../src/cli.ts', import.meta.url));
const ours = cli
  ? await measure('node', ['bin/papergraph.mjs', 'extract', file])
  : await measure('node', ['--import', 'tsx', engine, file]);
const reference = await measure('node', [retextRunner, file]);

console.log(`${count} abstracts (Inspec dev set repeated, new ids), ${(readFileSync(file).length / 1e6).toFixed(1)} MB`);
console.log(`papergraph path: ${cli ? 'node bin/papergraph.mjs extract FILE > /dev/null' : 'extractJsonl in a child process (src/cli.ts not present yet)'}`);
console.log(['system'.padEnd(16), 'seconds', 'docs/s', 'peak RSS MB (main thread + workers)'].join('\t'));
for (const [name, run] of [
  ['papergraph', ours],
  ['retext-keywords', reference],
] as const) {
  console.log([name.padEnd(16), run.seconds.toFixed(1), (count / run.seconds).toFixed(0), run.peakMb.toFixed(0)].join('\t'));
}
