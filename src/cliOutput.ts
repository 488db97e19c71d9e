// How the CLI prints: tables, stats and a progress line that only a terminal sees.
import type { GraphStats } from './graph/model.ts';
import type { StoreValue } from './store/GraphStore.ts';

const MAX_CELL = 60;

function cell(value: StoreValue): string {
  const text = value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}

/** A plain-text table with a header rule, columns padded to their widest cell. */
export function formatTable(columns: string[], rows: StoreValue[][]): string {
  const cells = rows.map((row) => row.map(cell));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  return [line(columns), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

export function formatStats(stats: GraphStats, location: string): string {
  const rows: [string, number][] = [
    ['papers', stats.papers],
    ['concepts', stats.concepts],
    ['mentions', stats.mentions],
    ['co-occurrences', stats.cooccurrences],
    ['communities', stats.communities],
    ['merged records', stats.merged],
  ];
  const width = Math.max(...rows.map(([, n]) => n.toLocaleString('en').length));
  return [`papergraph store: ${location}`, ...rows.map(([k, n]) => `  ${n.toLocaleString('en').padStart(width)}  ${k}`)].join('\n');
}

export interface ProgressPrinter {
  (phase: string, done: number, total: number): void;
  /** Ends the display; returns the one-line summary of the stages' times. */
  done(): string;
}

/** The stages of an ingest, in order, and the phases each is made of (the rest are the store's). */
const STAGES = ['read', 'extract', 'graph', 'analytics', 'store'] as const;
type Stage = (typeof STAGES)[number];
const STAGE_OF: Record<string, Stage> = {
  reading: 'read',
  extracting: 'extract',
  cooccurrence: 'graph',
  communities: 'analytics',
  layout: 'analytics',
  pagerank: 'analytics',
  betweenness: 'analytics',
  participation: 'analytics',
  relevance: 'analytics',
  hierarchy: 'analytics',
};
const BAR = 24;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Progress of an ingest, stage by stage (read, extract, graph, analytics, store): on a
 * terminal, a bar for the running stage and a line for each finished one; elsewhere
 * nothing until `done()`, whose one-line summary the caller prints (logs stay short).
 */
export function progressPrinter(out: NodeJS.WriteStream): ProgressPrinter {
  const tty = Boolean(out.isTTY);
  const times = new Map<Stage, number>();
  let current: { stage: Stage; started: number; phase: string } | null = null;
  let last = 0;
  const finish = (now: number) => {
    if (!current) return;
    times.set(current.stage, (times.get(current.stage) ?? 0) + now - current.started);
    if (tty) out.write(`\r\x1b[K${current.stage.padEnd(10)} done in ${seconds(now - current.started)}\n`);
    current = null;
  };
  const print = ((phase: string, done: number, total: number) => {
    const now = Date.now();
    const stage = STAGE_OF[phase] ?? 'store';
    if (current?.stage !== stage) {
      finish(now);
      current = { stage, started: now, phase };
      last = 0;
    }
    const changed = current.phase !== phase;
    current.phase = phase;
    if (!tty || (!changed && now - last < 100 && done < total)) return;
    last = now;
    const elapsed = seconds(now - current.started);
    if (total > 0) {
      const filled = Math.round((BAR * Math.min(done, total)) / total);
      const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}]`;
      const percent = `${Math.floor((100 * Math.min(done, total)) / total)}%`.padStart(4);
      out.write(`\r\x1b[K${stage.padEnd(10)} ${bar} ${percent}  ${done.toLocaleString('en')}/${total.toLocaleString('en')}  ${phase}  ${elapsed}`);
    } else out.write(`\r\x1b[K${stage.padEnd(10)} ${phase}…  ${elapsed}`);
  }) as ProgressPrinter;
  print.done = () => {
    finish(Date.now());
    return STAGES.filter((stage) => times.has(stage)).map((stage) => `${stage} ${seconds(times.get(stage)!)}`).join(' · ');
  };
  return print;
}
