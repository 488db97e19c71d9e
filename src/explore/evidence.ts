// The evidence behind a CO_OCCURS edge: every paper that mentions both concepts,
// each with the sentence where they meet. This is what makes an edge on the map
// something a researcher can check rather than take on trust.
import type { EdgeEvidenceResponse, EvidencePaper, Span } from '../graph/model.ts';
import type { GraphReader } from '../store/GraphStore.ts';
import { requireConcept } from './concept.ts';
import { sentenceAt, sentenceRanges } from './sentences.ts';
import { parseSpans } from './spans.ts';
import type { Snapshot } from './snapshot.ts';

export interface EvidenceOptions {
  limit: number;
}

export const EVIDENCE_DEFAULTS: EvidenceOptions = { limit: 50 };

/** Papers mentioning every given concept, most central first (by the sum of mention scores). */
export function papersMentioningAll(snapshot: Snapshot, conceptIds: string[]): string[] {
  const score = new Map<string, number>();
  const hits = new Map<string, number>();
  for (const id of conceptIds) {
    for (const m of snapshot.mentionsByConcept.get(id) ?? []) {
      score.set(m.paperId, (score.get(m.paperId) ?? 0) + m.score);
      hits.set(m.paperId, (hits.get(m.paperId) ?? 0) + 1);
    }
  }
  return [...score]
    .filter(([id]) => hits.get(id) === conceptIds.length)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([id]) => id);
}

/** The shortest passage quoting a span of A and a span of B: one sentence when they share one. */
export function meetingSentence(title: string, abstract: string, spansA: Span[], spansB: Span[]): string {
  if (spansA.some((s) => s.field === 'title') && spansB.some((s) => s.field === 'title')) return title;
  const ranges = sentenceRanges(abstract);
  const inAbstract = (spans: Span[]) => spans.filter((s) => s.field === 'abstract');
  let best: { start: number; end: number } | null = null;
  for (const a of inAbstract(spansA)) {
    for (const b of inAbstract(spansB)) {
      const ra = sentenceAt(ranges, a.start);
      const rb = sentenceAt(ranges, b.start);
      if (!ra || !rb) continue;
      const start = Math.min(ra.start, rb.start);
      const end = Math.max(ra.end, rb.end);
      if (!best || end - start < best.end - best.start) best = { start, end };
    }
  }
  if (best) return abstract.slice(best.start, best.end).trim();
  // One side only in the title: the title and the abstract sentence of the other side.
  const other = inAbstract(spansA)[0] ?? inAbstract(spansB)[0];
  const range = other ? sentenceAt(ranges, other.start) : undefined;
  return range ? `${title} … ${abstract.slice(range.start, range.end).trim()}` : title;
}


export async function edgeEvidence(
  store: GraphReader,
  snapshot: Snapshot,
  a: string,
  b: string,
  options: Partial<EvidenceOptions> = {},
): Promise<EdgeEvidenceResponse> {
  const { limit } = { ...EVIDENCE_DEFAULTS, ...options };
  const ca = requireConcept(snapshot, a);
  const cb = requireConcept(snapshot, b);
  const all = papersMentioningAll(snapshot, [a, b]);
  const ids = all.slice(0, limit);
  const rows = ids.length ? await store.run('mention-spans', { papers: ids, concepts: [a, b] }) : [];
  const texts = new Map<string, { title: string; abstract: string; spans: Map<string, Span[]> }>();
  for (const row of rows) {
    const paper = String(row.paper);
    const entry = texts.get(paper) ?? { title: String(row.title ?? ''), abstract: String(row.abstract ?? ''), spans: new Map() };
    entry.spans.set(String(row.concept), parseSpans(row.spans));
    texts.set(paper, entry);
  }
  const papers: EvidencePaper[] = ids.map((id) => {
    const paper = snapshot.papers.get(id)!;
    const text = texts.get(id);
    const sentence = text ? meetingSentence(text.title, text.abstract, text.spans.get(a) ?? [], text.spans.get(b) ?? []) : paper.title;
    return { id, title: paper.title, year: paper.year, url: paper.url, sentence };
  });
  return { a: { id: ca.id, label: ca.label }, b: { id: cb.id, label: cb.label }, papers, total: all.length };
}
