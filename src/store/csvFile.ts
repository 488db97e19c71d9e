// RFC 4180 CSV writing, shared by the embedded store's bulk loads and the exports.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export type CsvCell = string | number | boolean | null | undefined;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Streams `rows` to `file` under `header`, honouring back-pressure; resolves to the path. */
export async function writeCsv(file: string, header: string[], rows: Iterable<CsvCell[]>): Promise<string> {
  const out = createWriteStream(file);
  out.write(`${header.join(',')}\n`);
  for (const row of rows) {
    if (!out.write(`${row.map(csvField).join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return file;
}
