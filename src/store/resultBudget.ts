// The row and byte caps of a console result, applied while rows are read: a store
// asks before reading each row and charges each row it keeps, and stops as soon as a
// cap is reached, so a result never holds more than the caps allow, however large the
// rows the query would have produced (`lpad('', 450000, 'x')` a thousand times).
//
// A row costs the bytes of its JSON, twice over when it holds an object (a node, a
// relationship, a path or a map), because the answer carries each node and
// relationship again in its graph. The row that would cross the cap is dropped.
import { DEFAULTS } from '../config.ts';
import type { ConsoleLimits, ConsoleResult, StoreValue } from './GraphStore.ts';

export class ResultBudget {
  #maxRows: number;
  #maxBytes: number;
  #rows = 0;
  #bytes = 0;
  #cut: ConsoleResult['truncatedBy'] = null;

  constructor(limits: ConsoleLimits) {
    this.#maxRows = limits.maxRows;
    this.#maxBytes = limits.maxBytes ?? DEFAULTS.maxBytes;
  }

  /** True while another row may be read. */
  roomForRow(): boolean {
    if (this.#cut) return false;
    if (this.#rows >= this.#maxRows) this.#cut = 'rows';
    return this.#cut === null;
  }

  /** Charges `row`; false (and the result is cut) when it does not fit. */
  take(row: StoreValue[]): boolean {
    const bytes = Buffer.byteLength(JSON.stringify(row)) * (row.some((v) => v !== null && typeof v === 'object') ? 2 : 1);
    if (this.#bytes + bytes > this.#maxBytes) {
      this.#cut = 'bytes';
      return false;
    }
    this.#bytes += bytes;
    this.#rows++;
    return true;
  }

  /** Which cap cut the result, if any. */
  get truncatedBy(): ConsoleResult['truncatedBy'] {
    return this.#cut;
  }
}
