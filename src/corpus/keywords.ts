// Author keywords: how sources write their lists, and how a thesaurus applies to them.
// Keywords are the authors' (or indexers') own words for a paper. They are stored and
// shown with it; they are never concepts of their own, so extraction and the map are
// unchanged by them (README "Author keywords").
import type { Paper } from '../graph/model.ts';
import type { Thesaurus } from '../extract/types.ts';

/** `a; b; c` (WoS, Scopus, RIS), else `a, b, c` (BibTeX, CSL); one keyword per entry. */
export function splitKeywords(raw: string | null | undefined): string[] {
  if (!raw) return [];
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  return text.split(text.includes(';') ? ';' : ',').map((k) => k.trim()).filter(Boolean);
}

const thesaurusKey = (term: string) => term.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The VOSviewer thesaurus given to `ingest --thesaurus` applies to keywords as it does to
 * concepts: a keyword equal to a term (case and spacing aside) is replaced, or dropped
 * when the replacement is empty, so both speak one vocabulary.
 */
export function applyThesaurusToKeywords(papers: Paper[], thesaurus: Thesaurus | undefined): Paper[] {
  if (!thesaurus || (thesaurus.replace.size === 0 && thesaurus.drop.size === 0)) return papers;
  const replace = new Map([...thesaurus.replace].map(([term, by]) => [thesaurusKey(term), by]));
  const drop = new Set([...thesaurus.drop].map(thesaurusKey));
  return papers.map((paper) => {
    if (paper.keywords.length === 0) return paper;
    const seen = new Set<string>();
    const keywords: string[] = [];
    for (const keyword of paper.keywords) {
      const key = thesaurusKey(keyword);
      if (drop.has(key)) continue;
      const mapped = replace.get(key) ?? keyword;
      if (seen.has(mapped.toLowerCase())) continue;
      seen.add(mapped.toLowerCase());
      keywords.push(mapped);
    }
    return { ...paper, keywords };
  });
}
