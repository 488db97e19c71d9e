// Opening one input file as bytes: plain, or gzip-compressed (RFC 1952; recognised by its
// magic bytes 1f 8b, whatever the name says), decompressed as a stream so memory holds
// the text once. A truncated or corrupt .gz keeps what decompressed cleanly before the
// fault, with a problem naming the file, and the readers then report the record the cut
// fell in, as they do for any truncated file. Multi-member files (what appending to a
// .gz makes, and what `papergraph fetch` writes page by page) read as one stream.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { InputProblem } from './problems.ts';

export interface InputBytes {
  bytes: Buffer;
  /** The name formats are detected from: `papers.jsonl` for `papers.jsonl.gz`. */
  name: string;
  gzip: boolean;
}

async function startsWithGzipMagic(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

function collect(stream: NodeJS.ReadableStream): Promise<{ bytes: Buffer; error: Error | null }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve({ bytes: Buffer.concat(chunks), error: null }));
    stream.on('error', (error: Error) => resolve({ bytes: Buffer.concat(chunks), error }));
  });
}

/** The file's bytes, decompressed when it is gzip; throws only when the file cannot be opened. */
export async function readInputFile(file: string, problems: InputProblem[]): Promise<InputBytes> {
  const gzip = await startsWithGzipMagic(file);
  const name = gzip ? file.replace(/\.gz$/i, '') : file;
  if (!gzip) {
    const { bytes, error } = await collect(createReadStream(file));
    if (error) throw error;
    return { bytes, name, gzip };
  }
  const source = createReadStream(file);
  const gunzip = createGunzip();
  const sourceFailed = new Promise<Error>((resolve) => source.once('error', resolve));
  source.pipe(gunzip);
  const { bytes, error } = await Promise.race([collect(gunzip), sourceFailed.then((e) => ({ bytes: Buffer.alloc(0), error: e }))]);
  if (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EACCES') throw error;
    problems.push({
      file,
      line: null,
      severity: 'error',
      message: `the gzip data is cut off or corrupt (${error.message}); read the ${bytes.length.toLocaleString('en')} bytes before the fault`,
    });
  }
  return { bytes, name, gzip };
}
