// `papergraph bridges TOPIC_A TOPIC_B [--limit N] [--json]`: the bridges answer as
// readable text (ranked papers with reasons, then paths, then structural bridges) or
// as one JSON document. Exit codes: 0 answered, 1 unknown topic, 2 bad usage.
import type { GraphReader } from '../store/GraphStore.ts';
import { findBridges } from './bridges/index.ts';
import type { BridgesResponse, ResolvedTopic } from '../graph/model.ts';
import { ExploreError } from './errors.ts';
import { loadSnapshot } from './snapshot.ts';

export interface BridgesCommandOptions {
  /** As typed after --limit; validated here. */
  limit?: string;
  json?: boolean;
}

export interface CommandOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

const STDIO: CommandOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

const MAX_LIMIT = 200;

function parseLimit(value: string | undefined): number | string {
  if (value === undefined) return 10;
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) return `--limit must be a whole number from 1 to ${MAX_LIMIT}, got "${value}".`;
  return n;
}

function topicLine(side: string, topic: ResolvedTopic): string {
  return `${side}: ${topic.query.trim()} → ${topic.note}`;
}

/** The answer as a researcher reads it in a terminal. */
export function formatBridges(result: BridgesResponse): string {
  const lines: string[] = [topicLine('A', result.a), topicLine('B', result.b), ''];
  lines.push(
    result.papers.length
      ? `Papers mentioning both (${result.papers.length} of ${result.totalDirect}, most specific first):`
      : 'No paper mentions both topics.',
  );
  result.papers.forEach((p, i) => {
    lines.push(`${String(i + 1).padStart(3)}. ${p.title}${p.year ? ` (${p.year})` : ''}  [${p.id}]  score ${p.score}`);
    lines.push(`     why: ${p.reason}`);
    lines.push(`     A via: ${p.viaA.map((c) => c.label).join(', ')}   B via: ${p.viaB.map((c) => c.label).join(', ')}`);
    lines.push(`     "${p.sentence}"`);
  });
  lines.push('');
  lines.push(result.paths.length ? `Connecting paths (${result.pathNote}):` : `Connecting paths: none. ${result.pathNote}`);
  result.paths.forEach((path, i) => {
    lines.push(`${String(i + 1).padStart(3)}. ${path.via.map((c) => c.label).join(' → ')}  (${path.hops} hops, score ${path.score})`);
    lines.push(`     why: ${path.reason}`);
    lines.push(`     ${path.steps.map((s) => (s.kind === 'paper' ? `[${s.label}]` : `(${s.label})`)).join(' — ')}`);
  });
  lines.push('');
  const concepts = result.structural.filter((s) => s.kind === 'concept');
  const papers = result.structural.filter((s) => s.kind === 'paper');
  lines.push(concepts.length ? 'Concepts between the two topics’ communities:' : 'Concepts between the two topics’ communities: none.');
  concepts.forEach((c, i) => lines.push(`${String(i + 1).padStart(3)}. ${c.label}  score ${c.score}`, `     why: ${c.reason}`));
  if (papers.length) {
    lines.push('Papers spanning both sides without naming both topics:');
    papers.forEach((p, i) => lines.push(`${String(i + 1).padStart(3)}. ${p.label}${p.year ? ` (${p.year})` : ''}  [${p.id}]  score ${p.score}`, `     why: ${p.reason}`));
  }
  return lines.join('\n');
}

export async function runBridgesCommand(
  store: GraphReader,
  topicA: string,
  topicB: string,
  options: BridgesCommandOptions = {},
  output: CommandOutput = STDIO,
): Promise<number> {
  const limit = parseLimit(options.limit);
  if (typeof limit === 'string') {
    output.err(`papergraph bridges: ${limit}`);
    return 2;
  }
  try {
    const snapshot = await loadSnapshot(store);
    const result = await findBridges(store, snapshot, topicA, topicB, { limit });
    output.out(options.json ? JSON.stringify(result) : formatBridges(result));
    return 0;
  } catch (error) {
    if (error instanceof ExploreError) {
      output.err(`papergraph bridges: ${error.message}`);
      return error.code === 'bad_input' ? 2 : 1;
    }
    throw error;
  }
}
