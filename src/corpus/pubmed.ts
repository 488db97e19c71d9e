// Reader for PubMed XML: the `PubmedArticleSet` that E-utilities efetch returns with
// `db=pubmed&retmode=xml` and that PubMed's "Save → XML" writes (NLM, "PubMed XML
// Element Descriptions", pubmed_250101.dtd). Per `PubmedArticle`:
//  - title `ArticleTitle` (inline <i>, <sup>, <sub> markup reduced to its text);
//  - abstract: every `AbstractText` joined with a space, in order. Structured abstracts
//    label their sections (BACKGROUND, METHODS…); the labels are left out, since they are
//    headings, not the authors' words, and upper-case labels would read as acronyms;
//  - year and date from `JournalIssue/PubDate` (`Year`/`Month`/`Day`, or `MedlineDate`
//    such as `2019 Dec-2020 Jan`, whose first year counts), else `ArticleDate`;
//  - DOI and PMID from `PubmedData/ArticleIdList` (else `ELocationID` and `PMID`);
//  - authors `ForeName LastName` or `CollectiveName`;
//  - keywords: `KeywordList/Keyword` (the authors'), then the MeSH descriptors marked as
//    major topics (`MajorTopicYN="Y"` on the descriptor or a qualifier). Check tags such
//    as Humans or Adult are never major topics, so they stay out.
// Each `<PubmedArticle>` is parsed on its own, so a truncated download still yields its
// complete records and an error naming the line where the broken one starts.
import { XMLParser } from 'fast-xml-parser';
import type { InputProblem } from './problems.ts';
import { linesAt } from './problems.ts';
import type { RawRecord, ReaderOutput } from './rawRecord.ts';

type Node = Record<string, unknown>;

/** Elements whose content may hold inline markup: kept raw, then reduced to text. */
const MIXED = ['ArticleTitle', 'AbstractText', 'Keyword', 'BookTitle', 'VernacularTitle'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  stopNodes: MIXED.map((name) => `*.${name}`),
  isArray: (name) => ['Author', 'AbstractText', 'ArticleId', 'Keyword', 'KeywordList', 'MeshHeading', 'QualifierName', 'ELocationID'].includes(name),
});

/** True when the decoded file is PubMed XML. */
export function looksLikePubmedXml(head: string): boolean {
  return /<(?:!DOCTYPE\s+)?PubmedArticleSet[\s>]|<PubmedArticle[\s>]|<PubmedBookArticle[\s>]/.test(head);
}

const asArray = (v: unknown): Node[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]) as Node[];

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in (value as Node)) return String((value as Node)['#text']);
  return '';
}

/** Raw inner XML of a mixed-content element to text: tags dropped, entities left for cleanText. */
function mixedText(value: unknown): string {
  return textOf(value).replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

function pubDate(article: Node | undefined): { year: number | null; date: string | null } {
  const issue = (article?.Journal as Node | undefined)?.JournalIssue as Node | undefined;
  const pd = issue?.PubDate as Node | undefined;
  const dates = [pd, ...asArray(article?.ArticleDate)];
  for (const d of dates) {
    if (!d) continue;
    const year = Number(textOf(d.Year));
    if (Number.isInteger(year) && year > 1600) {
      const month = textOf(d.Month);
      const day = textOf(d.Day);
      const parts = [String(year)];
      const mm = /^\d{1,2}$/.test(month) ? Number(month) : ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(month.slice(0, 3).toLowerCase()) + 1;
      if (mm >= 1 && mm <= 12) {
        parts.push(String(mm).padStart(2, '0'));
        if (/^\d{1,2}$/.test(day)) parts.push(day.padStart(2, '0'));
      }
      return { year, date: parts.join('-') };
    }
    const medline = /\b(1[6-9]\d\d|2[01]\d\d)\b/.exec(textOf(d.MedlineDate));
    if (medline) return { year: Number(medline[1]), date: medline[1] };
  }
  return { year: null, date: null };
}

function authorsOf(list: unknown): string[] {
  return asArray((list as Node | undefined)?.Author)
    .map((a) => textOf(a.CollectiveName) || [textOf(a.ForeName) || textOf(a.Initials), textOf(a.LastName)].filter(Boolean).join(' '))
    .filter(Boolean);
}

function keywordsOf(citation: Node): string[] {
  const own = asArray(citation.KeywordList).flatMap((list) => asArray(list.Keyword)).map(mixedText);
  const major = asArray((citation.MeshHeadingList as Node | undefined)?.MeshHeading)
    .filter((h) => (h.DescriptorName as Node | undefined)?.['@_MajorTopicYN'] === 'Y' || asArray(h.QualifierName).some((q) => q['@_MajorTopicYN'] === 'Y'))
    .map((h) => textOf(h.DescriptorName));
  return [...own, ...major].filter(Boolean);
}

function idOf(ids: Node[], type: string): string | null {
  const found = ids.find((id) => id['@_IdType'] === type || id['@_EIdType'] === type);
  return found ? textOf(found) || null : null;
}

function articleToRecord(entry: Node, line: number): RawRecord {
  const citation = (entry.MedlineCitation ?? entry.BookDocument ?? {}) as Node;
  const article = (citation.Article ?? citation) as Node;
  const data = (entry.PubmedData ?? entry.PubmedBookData) as Node | undefined;
  const ids = [...asArray((data?.ArticleIdList as Node | undefined)?.ArticleId), ...asArray((citation.ArticleIdList as Node | undefined)?.ArticleId)];
  const pmid = idOf(ids, 'pubmed') ?? (textOf(citation.PMID) || null);
  const abstract = asArray((article.Abstract as Node | undefined)?.AbstractText).map(mixedText).filter(Boolean).join(' ');
  const book = citation.Book as Node | undefined;
  // Book records (PubmedBookArticle) date the book, not a journal issue.
  const { year, date } = pubDate(article.Journal || !book ? article : { Journal: { JournalIssue: { PubDate: book.PubDate } } });
  return {
    format: 'pubmed',
    line,
    title: mixedText(article.ArticleTitle) || mixedText(article.VernacularTitle) || mixedText(book?.BookTitle),
    abstract,
    year,
    date,
    url: pmid ? `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` : null,
    authors: authorsOf(article.AuthorList ?? citation.AuthorList),
    doi: idOf(ids, 'doi') ?? idOf(asArray(article.ELocationID), 'doi'),
    arxivId: idOf(ids, 'arxiv'),
    pmid,
    keywords: keywordsOf(citation),
  };
}

export function readPubmedXml(text: string, file: string): ReaderOutput {
  const records: RawRecord[] = [];
  const problems: InputProblem[] = [];
  const blocks = [...text.matchAll(/<(PubmedArticle|PubmedBookArticle)[\s>][\s\S]*?<\/\1>/g)];
  const lines = linesAt(text, blocks.map((b) => b.index ?? 0));
  blocks.forEach((block, k) => {
    try {
      const doc = parser.parse(block[0]) as Node;
      records.push(articleToRecord(doc[block[1]] as Node, lines[k]));
    } catch (error) {
      problems.push({ file, line: lines[k], severity: 'error', message: `malformed <${block[1]}> (${(error as Error).message}); record skipped` });
    }
  });
  const lastEnd = blocks.length ? (blocks.at(-1)!.index ?? 0) + blocks.at(-1)![0].length : 0;
  const cut = /<(PubmedArticle|PubmedBookArticle)[\s>]/.exec(text.slice(lastEnd));
  if (cut) {
    problems.push({
      file,
      line: linesAt(text, [lastEnd + cut.index])[0],
      severity: 'error',
      message: `the file ends inside a <${cut[1]}> (truncated?); ${records.length} complete record(s) before it were read`,
    });
  } else if (!/<\/PubmedArticleSet>\s*$/.test(text) && /<PubmedArticleSet[\s>]/.test(text)) {
    problems.push({ file, line: null, severity: 'warning', message: 'no closing </PubmedArticleSet> (truncated?); the complete records were read' });
  }
  if (blocks.length === 0 && !cut) {
    problems.push({ file, line: null, severity: 'warning', message: 'PubMed XML with no <PubmedArticle> records' });
  }
  return { records, problems };
}
