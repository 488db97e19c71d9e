// The corpus layer's public surface: read files and directories of papers in any
// supported format, give each record a stable id, and merge duplicates.
import { lstat, readdir, readlink, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Paper } from '../graph/model.ts';
import { readArxivAtom } from './arxivAtom.ts';
import { readBibtex } from './bibtex.ts';
import { buildPaper, type BuildPaperOptions } from './buildPaper.ts';
import { readCsv } from './csv.ts';
import { readDailyPapers } from './dailyPapers.ts';
import { decodeText } from './decodeText.ts';
import { detectFormat, FORMATS_READ, hasKnownExtension, type InputFormat } from './detectFormat.ts';
import { readInputFile } from './inputFile.ts';
import { readPubmedXml } from './pubmed.ts';
import { readWosPlainText, readWosTabDelimited } from './wos.ts';
import { normaliseTitle } from './ids.ts';
import { readJsonDocument, readJsonLines } from './jsonRecords.ts';
import { InputError, type InputProblem } from './problems.ts';
import type { ReaderOutput } from './rawRecord.ts';
import { readRis } from './ris.ts';
import { mendBrokenWords } from './brokenWords.ts';

export { dedupePapers, type DedupeResult } from './dedupe.ts';
export { normaliseTitle, paperId, normaliseDoi, normaliseArxivId, normaliseOpenalexId, type PaperIdFields } from './ids.ts';
export { readJsonlStream } from './jsonRecords.ts';
export { InputError, formatProblem, isInputProblem, type InputProblem } from './problems.ts';
export { cleanText } from './cleanText.ts';
export { detectFormat, FORMATS_READ, type InputFormat } from './detectFormat.ts';
export { applyThesaurusToKeywords } from './keywords.ts';
export { mendBrokenWords } from './brokenWords.ts';

export interface ReadResult {
  /** One Paper per record read, in file order then line order; NOT de-duplicated. */
  records: Paper[];
  problems: InputProblem[];
  /** Files read (directories expanded). */
  files: number;
}

export interface ReadCorpusOptions extends BuildPaperOptions {
  /** Throw an InputError when any problem is an error, instead of skipping the bad input. Default false. */
  strict?: boolean;
  /** Called after each file, for progress display. */
  onFile?: (file: string, done: number, total: number) => void;
}

const READERS: Record<InputFormat, (text: string, file: string) => ReaderOutput> = {
  'daily-papers': readDailyPapers,
  jsonl: readJsonLines,
  json: readJsonDocument,
  csv: readCsv,
  'arxiv-atom': readArxivAtom,
  'pubmed-xml': readPubmedXml,
  bibtex: readBibtex,
  ris: readRis,
  wos: readWosPlainText,
  'wos-tab': readWosTabDelimited,
};

/**
 * The files to read under `paths`. Symbolic links are followed once per real path: a
 * file reached under two names is read once, a directory reached twice is walked once,
 * and a link back into a directory being walked is reported as a loop, not followed.
 */
async function expandPaths(paths: string[], problems: InputProblem[]): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = async (path: string, explicit: boolean, walking: string[]): Promise<void> => {
    let real: string;
    let info;
    try {
      real = await realpath(path);
      info = await stat(real);
    } catch (error) {
      problems.push({ file: path, line: null, severity: 'error', message: await pathProblem(path, error) });
      return;
    }
    if (info.isDirectory()) {
      if (walking.includes(real)) {
        problems.push({ file: path, line: null, severity: 'warning', message: `symbolic link loop: leads back to ${real}, which is already being read; not followed` });
        return;
      }
      if (seen.has(real)) return;
      seen.add(real);
      const entries = (await readdir(real)).filter((name) => !name.startsWith('.')).sort();
      for (const name of entries) await visit(join(path, name), false, [...walking, real]);
    } else if (explicit || hasKnownExtension(path)) {
      if (seen.has(real)) return;
      seen.add(real);
      files.push(path);
    }
  };
  for (const path of paths) await visit(path, true, []);
  return files;
}

/** Why `path` cannot be opened, in words: a loop, a broken link, a missing file, no permission. */
async function pathProblem(path: string, error: unknown): Promise<string> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'symbolic link loop (ELOOP): the link points back to itself, directly or through other links';
  if (code === 'ENOENT') {
    const link = await lstat(path).then((l) => l.isSymbolicLink(), () => false);
    if (link) return `broken symbolic link: it points to ${await readlink(path).catch(() => '?')}, which does not exist`;
    return 'no such file or directory';
  }
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot open: ${(error as Error).message}`;
}

/**
 * The same explicit id on two records with different titles is a broken export, not one
 * paper: both are kept (titles differ, so they are different works), with a warning
 * naming both lines; dedupe gives the later one its title-hash id. Same id, same title:
 * dedupe merges them as the same paper, silently.
 */
function checkExplicitIds(records: { paper: Paper; file: string; line: number | null; explicit: boolean }[], problems: InputProblem[]): void {
  const seen = new Map<string, { title: string; file: string; line: number | null }>();
  for (const r of records) {
    if (!r.explicit) continue;
    const before = seen.get(r.paper.id);
    const title = normaliseTitle(r.paper.title);
    if (!before) {
      seen.set(r.paper.id, { title, file: r.file, line: r.line });
    } else if (before.title !== title) {
      problems.push({
        file: r.file,
        line: r.line,
        severity: 'warning',
        message: `id ${JSON.stringify(r.paper.id)} is also used at ${before.file}:${before.line ?? '?'} for a different title; both kept as different papers, this one gets a title-hash id`,
      });
    }
  }
}

/** Read files and directories (recursing into known extensions). Records are not de-duplicated. */
export async function readCorpus(paths: string[], options: ReadCorpusOptions = {}): Promise<ReadResult> {
  const problems: InputProblem[] = [];
  const files = await expandPaths(paths, problems);
  const read: { paper: Paper; file: string; line: number | null; explicit: boolean }[] = [];
  let readable = 0;
  for (const [done, file] of files.entries()) {
    let input;
    try {
      input = await readInputFile(file, problems);
    } catch (error) {
      problems.push({ file, line: null, severity: 'error', message: `cannot read: ${(error as Error).message}` });
      options.onFile?.(file, done + 1, files.length);
      continue;
    }
    const decoded = decodeText(input.bytes, file);
    // The bytes go once decoded: a big file is not held twice while its records are built.
    const name = input.name;
    input = undefined;
    problems.push(...decoded.problems);
    if (decoded.ok) {
      readable++;
      if (decoded.text.trim() === '') {
        problems.push({ file: file, line: null, severity: 'warning', message: 'file is empty' });
      } else {
        const format = detectFormat(name, decoded.text);
        if (!format) {
          problems.push({
            file: file,
            line: 1,
            severity: 'error',
            message: `unrecognised format: expected ${FORMATS_READ}; file skipped`,
          });
        } else {
          const output = READERS[format](decoded.text, file);
          problems.push(...output.problems);
          for (const record of output.records) {
            const paper = buildPaper(record, file, problems, options);
            if (paper) read.push({ paper, file: file, line: record.line, explicit: Boolean(record.explicitId?.trim()) && paper.id === record.explicitId?.trim() });
          }
        }
      }
    }
    options.onFile?.(file, done + 1, files.length);
  }
  checkExplicitIds(read, problems);
  if (readable === 0) {
    throw new InputError(paths.length === 0 ? 'no input paths given' : 'no input file could be read', problems);
  }
  if (options.strict && problems.some((p) => p.severity === 'error')) {
    throw new InputError('input has errors (--strict)', problems.filter((p) => p.severity === 'error'));
  }
  return { records: mendBrokenWords(read.map((r) => r.paper)), problems, files: files.length };
}
