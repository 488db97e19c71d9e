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
import { analysesOf, buildExtraction, type AcronymTable } from './corpus.ts';
import type { PaperAnalysis } from './analyze.ts';
import { AnalysisCache, decodeAnalysis, paperTextHash } from './analysisCache.ts';
import { createAnalyzer } from './pool.ts';
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
  const encoded = await analyzeWithCache(papers, options);
  // Analyses stay in their compact form and are decoded a paper at a time by each pass.
  const source = { length: papers.length, get: (p: number) => decodeAnalysis(papers[p].id, encoded[p]) };
  return buildExtraction(papers, source, keyedThesaurus(options.thesaurus), new Map());
}

/**
 * Every paper's analysis in compact form, in input order: from the cache
 * (analysisCache.ts) when it has the paper's text, else tagged now (and added to the cache).
 */
async function analyzeWithCache(papers: PaperText[], options: ExtractOptions): Promise<string[]> {
  const cache = options.cacheDir ? new AnalysisCache(options.cacheDir) : null;
  const hashes = cache ? papers.map(paperTextHash) : [];
  const cached = cache ? await cache.lookup(new Set(hashes)) : { found: new Map<string, string>(), entries: 0 };
  const missing = cache ? papers.filter((_, p) => !cached.found.has(hashes[p])) : papers;
  const reused = papers.length - missing.length;
  options.onCache?.(reused, papers.length);
  const analyzer = createAnalyzer({ workers: workersFor(missing.length, options) });
  let fresh: string[];
  try {
    fresh = await analyzer.analyzeEncoded(missing, (done) => options.onProgress?.(reused + done, papers.length));
  } finally {
    await analyzer.close();
  }
  if (!cache) return fresh;
  // Two papers with the same text share one entry (the id is not part of it).
  const added = new Map<string, string>();
  missing.forEach((paper, i) => {
    const hash = paperTextHash(paper);
    if (!added.has(hash)) added.set(hash, fresh[i]);
  });
  const encoded = hashes.map((hash) => cached.found.get(hash) ?? added.get(hash)!);
  // Entries the corpus no longer uses (papers dropped by --reset, edited abstracts) are
  // kept until they outnumber the used ones; then the file is rewritten with the used ones.
  if (cached.entries + added.size > 2 * (cached.found.size + added.size) + 1000) cache.replace([...cached.found, ...added]);
  else cache.append([...added]);
  cache.pruneOtherVersions();
  return encoded;
}

/** Papers per block of `extractJsonl`: corpus statistics come from a block at a time. */
const blockSize = 2000;
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
  let analyzer: ReturnType<typeof createAnalyzer> | undefined;
  let count = 0;
  let distinct = 0;
  // Block k+1 is tagged in the workers while the main thread builds block k: the two
  // halves of the work overlap instead of waiting on each other.
  const analyze = (block: PaperText[]) => {
    analyzer ??= createAnalyzer({ workers: workersFor(block.length, options) });
    const analyses = analyzer.analyze(block);
    // Awaited later, in order; until then a failure must not count as unhandled.
    analyses.catch(() => undefined);
    return analyses;
  };
  const build = async (block: PaperText[], analyses: PaperAnalysis[]) => {
    if (acronyms.size > maxAcronyms) for (const key of [...acronyms.keys()].slice(0, acronyms.size - maxAcronyms)) acronyms.delete(key);
    const extraction = buildExtraction(block, analysesOf(analyses), thesaurus, acronyms, { minDocumentFrequency: 1 });
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
  let pending: { block: PaperText[]; analyses: Promise<PaperAnalysis[]> } | undefined;
  const flush = async (block: PaperText[]) => {
    const started = block.length > 0 ? { block, analyses: analyze(block) } : undefined;
    if (pending) await build(pending.block, await pending.analyses);
    pending = started;
  };
  try {
    let block: PaperText[] = [];
    for await (const paper of papers) {
      block.push(paper);
      if (block.length >= blockSize) {
        await flush(block);
        block = [];
      }
    }
    await flush(block);
    await flush([]);
  } finally {
    // A build that failed leaves its successor's analysis running: let it settle before closing.
    await pending?.analyses.catch(() => undefined);
    await analyzer?.close();
  }
  return { papers: count, concepts: distinct };
}
