// Where `papergraph fetch` writes: JSON Lines of paper records (what `ingest` reads),
// gzip-compressed when the name ends in .gz, written one page at a time. Each page is a
// complete gzip member appended to the file, then the state file beside it
// (`FILE.state.json`) records the bytes written and where the source's paging goes on.
// An interrupted run leaves at worst a partial page past those bytes: the next run with
// the same arguments cuts it off and resumes from the recorded cursor.
import { existsSync, openSync, closeSync, fsyncSync, ftruncateSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { FetchError } from './http.ts';

export interface FetchState {
  version: 1;
  source: string;
  query: string;
  from: number | null;
  max: number;
  /** The source's paging position after the last written page (null: start). */
  cursor: string | null;
  written: number;
  bytes: number;
  done: boolean;
}

export interface FetchOutput {
  readonly state: FetchState;
  readonly resumed: boolean;
  /** Appends one page of records and records where paging goes on. */
  writePage(records: object[], cursor: string | null, done: boolean): void;
  close(): void;
}

export const statePath = (out: string) => `${out}.state.json`;

function saveState(out: string, state: FetchState): void {
  const tmp = `${statePath(out)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, statePath(out));
}

export function openOutput(out: string, wanted: Pick<FetchState, 'source' | 'query' | 'from' | 'max'>): FetchOutput {
  const gzip = /\.gz$/i.test(out);
  let state: FetchState;
  let resumed = false;
  if (existsSync(statePath(out))) {
    const saved = JSON.parse(readFileSync(statePath(out), 'utf8')) as FetchState;
    if (saved.source !== wanted.source || saved.query !== wanted.query || saved.from !== wanted.from) {
      throw new FetchError(`${statePath(out)} belongs to another fetch (${saved.source} "${saved.query}"${saved.from ? ` from ${saved.from}` : ''}); use another --out, or delete both files to start again`);
    }
    // Done stays done when the source ran out; a larger --max goes on where it stopped.
    state = { ...saved, max: wanted.max, done: saved.done && (saved.cursor === null || saved.written >= wanted.max) };
    resumed = true;
  } else {
    if (existsSync(out) && statSync(out).size > 0) {
      throw new FetchError(`${out} exists and has no ${statePath(out)} beside it: it is not a fetch to resume; use another --out or delete it`);
    }
    state = { version: 1, ...wanted, cursor: null, written: 0, bytes: 0, done: false };
    writeFileSync(out, '');
    saveState(out, state);
  }
  const fd = openSync(out, 'r+');
  // Whatever lies past the recorded bytes is a page cut short by an interruption.
  ftruncateSync(fd, state.bytes);
  return {
    state,
    resumed,
    writePage(records, cursor, done) {
      const text = records.map((r) => `${JSON.stringify(r)}\n`).join('');
      const bytes = gzip ? gzipSync(text) : Buffer.from(text);
      if (bytes.length) writeSync(fd, bytes, 0, bytes.length, state.bytes);
      fsyncSync(fd);
      state.bytes += bytes.length;
      state.written += records.length;
      state.cursor = cursor;
      state.done = done;
      saveState(out, state);
    },
    close() {
      closeSync(fd);
    },
  };
}
