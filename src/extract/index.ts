// Concept extraction: the public surface the CLI and ingest use.
//
// Pipeline: tag each paper with compromise and chunk noun phrases (phrases.ts), find
// acronym definitions (acronyms.ts), in a worker pool (pool.ts); then, over the
// corpus, resolve acronyms, key every phrase canonically (normalize.ts), keep
// candidate terms that are not general academic language, match them everywhere
// (nested too), score termhood by C-value (cvalue.ts) and rank each paper's concepts
// by PositionRank × title × specificity × length (rank.ts, corpus.ts), discounting a
// concept that repeats a better-ranked one's words.
// One-word concepts: a phrase's head noun (not a modifier: "machine" in "machine
// learning" is no mention of a concept "machine"), an acronym, or a relational
// adjective's noun (dendritic → dendrite); an activity noun ("learning") only where it
// stands alone; never an adjective on its own ("complex", "linear").
import type { Extraction } from '../graph/model.ts';
import { buildExtraction, extractionAfter, FirstPass, type AcronymTable } from './corpus.ts';
import { AnalysisCache, decodeAnalysis, PackedAnalyses, paperTextHash } from './analysisCache.ts';
import { createAnalyzer, type Analyzer } from './pool.ts';
import { keyedThesaurus } from './thesaurus.ts';
import type { ExtractOptions, PaperText } from './types.ts';

export type { ExtractOptions, PaperText, Thesaurus } from './types.ts';
export { readThesaurus, parseThesaurus, thesaurusFromExtraction, ThesaurusError } from './thesaurus.ts';
export { phraseKey } from './normalize.ts';

/** Below this many papers per worker, starting workers costs more than it saves. */
const minPapersPerWorker = 150;

function workersFor(count: number, options: ExtractOptions): number | undefined {
  if (options.workers !== undefined && options.workers <= 1) return 1;
  return count < minPapersPerWorker * 2 ? 1 : options.workers;
}

/**
 * Corpus-level extraction for ingest: concepts with canonical ids, labels, aliases and
 * C-value termhood; mentions with counts, title flag, per-paper score and spans.
 * Concepts kept: in ≥ 1 paper below 2,000 papers, in ≥ 2 papers from 2,000 on.
 * Deterministic: same input, same output.
 */
export async function extractCorpus(papers: PaperText[], options: ExtractOptions = {}): Promise<Extraction> {
  // The first pass reads each analysis as it comes, while the workers tag the next papers.
  const first = new FirstPass(papers, new Map(), { held: false });
  await analyzeWithCache(papers, options, (p, text) => first.add(decodeAnalysis(papers[p].id, text)));
  return extractionAfter(first, keyedThesaurus(options.thesaurus));
}

/** Papers tagged (and added to the cache) at a time: two windows' analyses are held uncompressed, the one read and the one tagged. */
const windowSize = 4096;

/**
 * Every paper's analysis in compact form, handed to `onAnalysis` in input order: from the
 * cache (analysisCache.ts) when it has the paper's text, else tagged now (and added to
 * the cache), a window of papers at a time, so the uncompressed analyses of the whole
 * corpus never exist at once. The workers tag the next window while the main thread
 * reads this one.
 */
async function analyzeWithCache(papers: PaperText[], options: ExtractOptions, onAnalysis: (p: number, text: string) => void): Promise<void> {
  const cache = options.cacheDir ? new AnalysisCache(options.cacheDir) : null;
  const hashes = cache ? papers.map(paperTextHash) : [];
  const cached = cache ? await cache.lookup(new Set(hashes)) : { found: new Map<string, string>(), entries: 0 };
  const inCache = Uint8Array.from(papers, (_, p) => (cache !== null && cached.found.has(hashes[p]) ? 1 : 0));
  const isCached = (p: number) => inCache[p] === 1;
  const missing = papers.length - inCache.reduce((sum, flag) => sum + flag, 0);
  const reused = papers.length - missing;
  options.onCache?.(reused, papers.length);
  // Two papers with the same text share one entry (the id is not part of it).
  const added = new Set(hashes.filter((hash) => !cached.found.has(hash)));
  // Entries the corpus no longer uses (papers dropped by --reset, edited abstracts) are
  // kept until they outnumber the used ones; then the file is rewritten with the used ones.
  const rewrite = cache !== null && cached.entries + added.size > 2 * (cached.found.size + added.size) + 1000;
  /** What the cache is rewritten with; else nothing but the window being read is kept. */
  const packed = rewrite ? new PackedAnalyses() : null;
  // A cached text is let go once read, but for the papers after it that share it.
  const once = new Set<string>();
  const shared = new Set<string>();
  for (const hash of hashes) (once.has(hash) ? shared : once).add(hash);
  const sharedText = new Map<string, string>();
  const cachedText = (p: number) => {
    const hash = hashes[p];
    const text = sharedText.get(hash) ?? cached.found.get(hash)!;
    cached.found.delete(hash);
    if (shared.has(hash)) sharedText.set(hash, text);
    return text;
  };
  const analyzer = createAnalyzer({ workers: workersFor(missing, options) });
  let shown = 0;
  const progress = (done: number) => {
    if (done > shown) options.onProgress?.((shown = done), papers.length);
  };
  let queued = 0;
  const tag = (from: number) => {
    const window = papers.slice(from, from + windowSize).map((paper, i) => ({ paper, p: from + i }));
    const toTag = window.filter(({ p }) => !isCached(p));
    const before = reused + queued;
    queued += toTag.length;
    const fresh = analyzer.analyzeEncoded(toTag.map(({ paper }) => paper), (done) => progress(before + done));
    // Awaited in order, after the window before it; until then a failure must not count as unhandled.
    fresh.catch(() => undefined);
    return { window, toTag, fresh };
  };
  const pending: ReturnType<typeof tag>[] = [];
  try {
    if (papers.length > 0) pending.push(tag(0));
    for (let from = 0; from < papers.length; from += windowSize) {
      if (from + windowSize < papers.length) pending.push(tag(from + windowSize));
      const { window, toTag, fresh } = pending.shift()!;
      const analyses = await fresh;
      const freshOf = new Map(toTag.map(({ p }, i) => [p, analyses[i]]));
      const appended: [string, string][] = [];
      for (const { p } of window) {
        const text = freshOf.get(p) ?? cachedText(p);
        onAnalysis(p, text);
        packed?.push(text);
        if (cache && freshOf.has(p) && added.delete(hashes[p])) appended.push([hashes[p], text]);
      }
      if (cache && !rewrite) cache.append(appended);
    }
  } finally {
    // A window that failed leaves the next one's tagging running: let it settle before closing.
    await Promise.all(pending.map(({ fresh }) => fresh.catch(() => undefined)));
    await analyzer.close();
  }
  if (!cache) return;
  if (packed) cache.replace(usedEntries(hashes, packed));
  cache.pruneOtherVersions();
}

/** Each distinct text's entry, once. */
function* usedEntries(hashes: string[], packed: PackedAnalyses): Generator<[string, string]> {
  const seen = new Set<string>();
  for (let p = 0; p < hashes.length; p++) {
    if (seen.has(hashes[p])) continue;
    seen.add(hashes[p]);
    yield [hashes[p], packed.text(p)];
  }
}

/** Papers per block of `extractJsonl`: corpus statistics come from a block at a time. */
const blockSize = 2000;
/** Blocks handed to the tagger ahead of the one being built, so the workers never wait on the main thread. */
const blocksAhead = 2;
/** Acronyms remembered across blocks; beyond this the table stops growing (memory stays bounded). */
const maxAcronyms = 50000;

/**
 * The `papergraph extract` engine: one JSON line per paper,
 * {"id","title","concepts":[{"id","label","score"}]}, best first, in input order;
 * `write` receives each line without its newline.
 * Papers are processed in blocks of 2,000: each block's concepts come from the block's
 * own statistics (every concept of a paper is listed, document frequency ≥ 1) plus the
 * acronym definitions of earlier blocks, so memory does not grow with the corpus.
 */
export async function extractJsonl(
  papers: AsyncIterable<PaperText>,
  write: (line: string) => void | Promise<void>,
  options: ExtractOptions = {},
): Promise<{ papers: number; concepts: number }> {
  const thesaurus = keyedThesaurus(options.thesaurus);
  const acronyms: AcronymTable = new Map();
  const seen = new Set<string>();
  // The workers start while the input is read, so loading the tagger overlaps reading;
  // an input too small for them is tagged in-process and they are stopped.
  const pool = createAnalyzer({ workers: options.workers });
  let analyzer: Analyzer | undefined;
  let count = 0;
  let distinct = 0;
  // Blocks k+1… are tagged in the workers while the main thread builds block k: the two
  // halves of the work overlap instead of waiting on each other.
  const analyze = (block: PaperText[]) => {
    if (!analyzer) {
      analyzer = workersFor(block.length, options) === 1 ? createAnalyzer({ workers: 1 }) : pool;
      if (analyzer !== pool) void pool.close();
    }
    const analyses = analyzer.analyzeEncoded(block);
    // Awaited later, in order; until then a failure must not count as unhandled.
    analyses.catch(() => undefined);
    return analyses;
  };
  const build = async (block: PaperText[], encoded: string[]) => {
    if (acronyms.size > maxAcronyms) for (const key of [...acronyms.keys()].slice(0, acronyms.size - maxAcronyms)) acronyms.delete(key);
    const analyses = encoded.map((text, p) => decodeAnalysis(block[p].id, text));
    const extraction = buildExtraction(block, analyses, thesaurus, acronyms, { minDocumentFrequency: 1 });
    const labels = new Map(extraction.concepts.map((concept) => [concept.id, concept.label]));
    const byPaper = new Map<string, { id: string; label: string; score: number }[]>();
    for (const mention of extraction.mentions) {
      const list = byPaper.get(mention.paperId) ?? [];
      list.push({ id: mention.conceptId, label: labels.get(mention.conceptId) ?? mention.conceptId, score: mention.score });
      byPaper.set(mention.paperId, list);
      // Distinct concepts over the whole stream, counted without keeping every id forever.
      if (seen.size < 1_000_000 && !seen.has(mention.conceptId)) {
        seen.add(mention.conceptId);
        distinct++;
      }
    }
    for (const paper of block) {
      await write(JSON.stringify({ id: paper.id, title: paper.title, concepts: byPaper.get(paper.id) ?? [] }));
      count++;
      options.onProgress?.(count, count);
    }
  };
  const queue: { block: PaperText[]; analyses: Promise<string[]> }[] = [];
  const buildNext = async () => {
    const { block, analyses } = queue.shift()!;
    await build(block, await analyses);
  };
  try {
    let block: PaperText[] = [];
    for await (const paper of papers) {
      block.push(paper);
      if (block.length >= blockSize) {
        queue.push({ block, analyses: analyze(block) });
        block = [];
        if (queue.length > blocksAhead) await buildNext();
      }
    }
    if (block.length > 0) queue.push({ block, analyses: analyze(block) });
    while (queue.length > 0) await buildNext();
  } finally {
    // A build that failed leaves its successors' analyses running: let them settle before closing.
    await Promise.all(queue.map(({ analyses }) => analyses.catch(() => undefined)));
    await (analyzer ?? pool).close();
  }
  return { papers: count, concepts: distinct };
}
