// Stable paper ids (docs/design.md "Graph model"): DOI, else arXiv id, else OpenAlex id,
// else PubMed id, else Web of Science accession number, else the record's own explicit
// id, else a hash of the normalised title.
// DOI syntax: DOI Handbook §2.2 (case-insensitive, prefix `10.`); arXiv identifiers:
// https://info.arxiv.org/help/arxiv_identifier.html (new `YYMM.NNNNN`, old
// `archive/YYMMNNN`, optional `vN`); OpenAlex ids: https://docs.openalex.org (`W…`);
// PMIDs: whole numbers (NLM, "PubMed Help", PMID); WoS UT: `WOS:` and 15 characters, or
// another collection's prefix (`MEDLINE:`, `BCI:`…) in all-databases exports
// (Clarivate, "Web of Science Core Collection field tags").
import { createHash } from 'node:crypto';
import { latexToUnicode } from './latex.ts';

export interface PaperIdFields {
  doi?: string | null;
  arxivId?: string | null;
  openalexId?: string | null;
  pmid?: string | null;
  wosId?: string | null;
  explicitId?: string | null;
  title: string;
}

/** `10.1234/ABC` from `https://doi.org/10.1234/abc`, `doi:10.1234/abc`…, lower-cased; null when it is not a DOI. */
export function normaliseDoi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const match = /10\.\d{4,9}\/\S+/.exec(raw.trim());
  if (!match) return null;
  let doi = match[0].toLowerCase();
  try {
    doi = decodeURIComponent(doi);
  } catch {
    // A `%` that is not an escape is part of the DOI itself.
  }
  return doi.replace(/[.,;]+$/, '');
}

/** `2401.01234` from `http://arxiv.org/abs/2401.01234v2`, `arXiv:2401.01234`, `hep-th/9901001v1`; null otherwise. */
export function normaliseArxivId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim();
  const modern = /(?:^|[^\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d.]*\d)/.exec(text);
  if (modern) return modern[1];
  const old = /([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?/.exec(text);
  return old ? old[1] : null;
}

/** `W2741809807` from `https://openalex.org/W2741809807` or `W2741809807`; null otherwise. */
export function normaliseOpenalexId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const match = /(?:^|\/)(W\d+)$/i.exec(raw.trim());
  return match ? match[1].toUpperCase() : null;
}

/** `12345678` from `12345678`, `PMID: 12345678`, `https://pubmed.ncbi.nlm.nih.gov/12345678/`; null otherwise. */
export function normalisePmid(raw: string | number | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  const match = /^(?:pmid:?\s*|https?:\/\/(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed)\/)?0*([1-9]\d{0,9})\/?$/i.exec(text);
  return match ? match[1] : null;
}

/** `WOS:000086967200001` from `WOS:000086967200001` or `wos:000086967200001`; other collections keep their prefix. */
export function normaliseWosId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const match = /^([A-Za-z]{2,10}):([A-Za-z0-9.]{5,30})$/.exec(raw.trim());
  return match ? `${match[1].toUpperCase()}:${match[2].toUpperCase()}` : null;
}

/**
 * Title key for matching and hashing: LaTeX to Unicode, NFKD, accents stripped,
 * case folded, punctuation to spaces, whitespace collapsed.
 */
export function normaliseTitle(title: string): string {
  return latexToUnicode(title)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function titleHash(title: string): string {
  return createHash('sha256').update(normaliseTitle(title)).digest('hex').slice(0, 16);
}

/** The stable id of a paper by the priority DOI > arXiv > OpenAlex > PMID > WoS UT > explicit id > title hash. */
export function paperId(fields: PaperIdFields): string {
  const doi = normaliseDoi(fields.doi);
  if (doi) return `doi:${doi}`;
  const arxiv = normaliseArxivId(fields.arxivId);
  if (arxiv) return `arxiv:${arxiv}`;
  const openalex = normaliseOpenalexId(fields.openalexId);
  if (openalex) return `openalex:${openalex}`;
  const pmid = normalisePmid(fields.pmid);
  if (pmid) return `pmid:${pmid}`;
  const wos = normaliseWosId(fields.wosId);
  if (wos) return `wos:${wos.replace(/^WOS:/, '')}`;
  const explicit = fields.explicitId?.trim();
  if (explicit) return explicit;
  return `title:${titleHash(fields.title)}`;
}
