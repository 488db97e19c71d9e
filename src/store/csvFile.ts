// RFC 4180 CSV writing, shared by the embedded store's bulk loads and the exports.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export type CsvCell = string | number | boolean | null | undefined;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Streams `rows` to `file` under `header`, honouring back-pressure; resolves to the path.
 * `field` formats one cell (a dialect such as neo4j-admin's brings its own).
 */
export async function writeCsv<C = CsvCell>(
  file: string,
  header: string[],
  rows: Iterable<C[]>,
  field: (cell: C) => string = csvField as (cell: C) => string,
): Promise<string> {
  const out = createWriteStream(file);
  out.write(`${header.join(',')}\n`);
  for (const row of rows) {
    if (!out.write(`${row.map(field).join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return file;
}

/** Rows made one at a time as the writer asks for them: a corpus's mentions never exist twice. */
export function* rowsOf<T, C = CsvCell>(items: Iterable<T>, row: (item: T) => C[]): Generator<C[]> {
  for (const item of items) yield row(item);
}
