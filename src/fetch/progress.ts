// The fetch progress bar: one rewritten line on a terminal, nothing otherwise (logs and
// pipes stay clean; the one-line summary is printed either way).

export interface FetchProgress {
  update(done: number, total: number | null): void;
  done(): void;
}

export function progressBar(out: NodeJS.WriteStream, label: string, width = 30): FetchProgress {
  let shown = false;
  return {
    update(done, total) {
      if (!out.isTTY) return;
      shown = true;
      const share = total ? Math.min(1, done / total) : 0;
      const bar = total ? `[${'#'.repeat(Math.round(share * width)).padEnd(width, '-')}] ` : '';
      out.write(`\r\x1b[K${label} ${bar}${done.toLocaleString('en')}${total ? `/${total.toLocaleString('en')}` : ''} records`);
    },
    done() {
      if (shown) out.write('\r\x1b[K');
    },
  };
}
