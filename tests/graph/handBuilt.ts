// Small hand-built corpora whose graphs can be worked out by hand.
import type { Extraction, Mention, Paper } from '../../src/graph/model.ts';

export interface HandPaper {
  id: string;
  year?: number | null;
  /** Concept ids the paper mentions, most central first. */
  concepts: string[];
}

export function paper(id: string, year: number | null = 2020): Paper {
  return {
    id,
    title: `Paper ${id}`,
    abstract: '',
    year,
    date: null,
    url: null,
    authors: [],
    source: 'test:hand',
    doi: null,
    arxivId: null,
    openalexId: null,
    pmid: null,
    wosId: null,
    keywords: [],
    sources: [`test:${id}`],
  };
}

/** Papers and an extraction in which each paper mentions its concepts once, scored by position. */
export function handCorpus(hand: HandPaper[]): { papers: Paper[]; extraction: Extraction } {
  const papers = hand.map((p) => paper(p.id, p.year === undefined ? 2020 : p.year));
  const conceptIds = [...new Set(hand.flatMap((p) => p.concepts))];
  const mentions: Mention[] = hand.flatMap((p) =>
    p.concepts.map((conceptId, rank) => ({
      paperId: p.id,
      conceptId,
      count: 1,
      inTitle: false,
      score: p.concepts.length - rank,
      spans: [],
    })),
  );
  const concepts = conceptIds.map((id) => ({ id, label: id.toUpperCase(), aliases: [id.toUpperCase()], score: 1 }));
  return { papers, extraction: { concepts, mentions } };
}

/** Every paper mentions every concept of the clique, so each pair co-occurs `papers` times. */
export function clique(prefix: string, members: string[], papers: number): HandPaper[] {
  return Array.from({ length: papers }, (_, i) => ({ id: `${prefix}${i}`, concepts: members }));
}

/** A 5-concept clique and a 4-concept clique, joined only through the concept `bridge`
 * (which co-occurs with a1, a2 and with b1, b2, so every path between the cliques crosses it). */
export function twoCliquesAndABridge(): HandPaper[] {
  return [
    ...clique('pa', ['a1', 'a2', 'a3', 'a4', 'a5'], 4),
    ...clique('pb', ['b1', 'b2', 'b3', 'b4'], 4),
    { id: 'x1', concepts: ['bridge', 'a1', 'a2'] },
    { id: 'x2', concepts: ['bridge', 'b1', 'b2'] },
  ];
}
