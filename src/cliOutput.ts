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
  done(): void;
}

/** Progress on one rewritten line when `out` is a terminal; silent otherwise (logs stay clean). */
export function progressPrinter(out: NodeJS.WriteStream): ProgressPrinter {
  let last = 0;
  let shown = false;
  const print = ((phase: string, done: number, total: number) => {
    if (!out.isTTY) return;
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    shown = true;
    const count = total > 0 ? ` ${done.toLocaleString('en')}/${total.toLocaleString('en')}` : '';
    out.write(`\r\x1b[K${phase}${count}`);
  }) as ProgressPrinter;
  print.done = () => {
    if (shown) out.write('\r\x1b[K');
  };
  return print;
}
