// The graph model, shared by every layer of papergraph and by the web app.
// This file holds types only: the web bundle imports it, so it must not pull in
// Node modules or runtime code.

/** Which text of a paper a span points into. */
export type Field = 'title' | 'abstract';

/** A mention's place in a paper: UTF-16 offsets into `paper.title` or `paper.abstract`, end exclusive. */
export interface Span {
  field: Field;
  start: number;
  end: number;
}

/** One paper after reading and de-duplication. */
export interface Paper {
  /** Stable id: `doi:…`, else `arxiv:…`, else `openalex:…`, else `pmid:…`, else `wos:…`, else the record's own id, else `title:<hash>`. */
  id: string;
  title: string;
  abstract: string;
  year: number | null;
  /** ISO date `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) when the source gives one. */
  date: string | null;
  url: string | null;
  authors: string[];
  /** The format and file of the record the paper came from first, e.g. `bibtex:refs.bib`. */
  source: string;
  doi: string | null;
  arxivId: string | null;
  openalexId: string | null;
  /** PubMed id (digits), from PubMed, OpenAlex, WoS `PM`, Scopus or CSL-JSON `PMID`. */
  pmid: string | null;
  /** Web of Science accession number (`UT`), e.g. `WOS:000086967200001`. */
  wosId: string | null;
  /**
   * The authors' own keywords (WoS `DE`, BibTeX `keywords`, RIS `KW`, PubMed `KeywordList`
   * and major MeSH topics, OpenAlex `keywords`, Scopus "Author Keywords", CSL `keyword`),
   * as given. Shown with the paper; never a concept of their own (README "Author keywords").
   */
  keywords: string[];
  /**
   * Fingerprints of every input record merged into this paper (format + content hash).
   * A set, so re-reading the same record changes nothing; `sources.length - 1` records were merged.
   */
  sources: string[];
}

/** A concept as the extractor emits it for a corpus. */
export interface ExtractedConcept {
  /** Canonical key: lower-case words, singular head, no hyphens (acronyms keep their case), e.g. `spike timing dependent plasticity`. */
  id: string;
  /** The form users wrote most. */
  label: string;
  /** Every surface form seen, the label included. */
  aliases: string[];
  /** Corpus-level termhood score (higher is more concept-like). */
  score: number;
}

/** One paper mentioning one concept. */
export interface Mention {
  paperId: string;
  conceptId: string;
  /** Occurrences in title and abstract together. */
  count: number;
  inTitle: boolean;
  /** How central the concept is to this paper (the extractor's per-paper rank score). */
  score: number;
  spans: Span[];
}

/**
 * A corpus's mentions, read in order or by place: an array, or on the write side the
 * typed columns of src/graph/mentionTable.ts (millions of mentions at scale), which hand
 * out one Mention object at a time. `Array.from` makes either an array.
 */
export interface MentionList extends Iterable<Mention> {
  readonly length: number;
  at(index: number): Mention | undefined;
}

/** What extraction produces for a corpus: the input of the graph build. */
export interface Extraction {
  concepts: ExtractedConcept[];
  mentions: MentionList;
}

/** A Concept node as stored, with its analytics. */
export interface Concept {
  id: string;
  label: string;
  aliases: string[];
  /** Number of papers mentioning it. */
  papers: number;
  /** Total mentions over all papers. */
  mentions: number;
  /** Termhood score from extraction. */
  score: number;
  /** Louvain community on the concept graph (0 = largest community). */
  community: number;
  /** ForceAtlas2 position. */
  x: number;
  y: number;
  pagerank: number;
  /** Normalised betweenness centrality on the concept graph. */
  betweenness: number;
  /** Participation coefficient over the Louvain communities (0: all links inside its community). */
  participation: number;
  /** Mean publication year of its papers, null when none has a year. */
  meanYear: number | null;
  /**
   * Specificity (VOSviewer-style relevance, src/graph/relevance.ts): how much more its
   * co-occurrences concentrate on a few communities than those of as many random
   * papers. 0 for a concept spread like the corpus; higher is more specific.
   */
  relevance: number;
  /**
   * A frequent concept among the least specific ones ("neural networks", "images"): it
   * stays searchable and on its papers, but never leads the map, related-concept
   * lists, community labels or bridge paths.
   */
  generic: boolean;
}

/** A CO_OCCURS edge, stored once per pair with `source < target`. */
export interface CoOccurrence {
  source: string;
  target: string;
  /** Papers mentioning both. */
  papers: number;
  /** Association strength (van Eck & Waltman 2009), normalised so the strongest edge is 1. */
  weight: number;
}

/** How a BROADER edge was found: one concept's words nest in the other's, or documents subsume. */
export type BroaderKind = 'nesting' | 'subsumption';

/** A BROADER edge, narrower → broader ("primary visual cortex" → "visual cortex"). */
export interface BroaderEdge {
  narrower: string;
  broader: string;
  kind: BroaderKind;
}

/** The whole graph as the write side hands it to a store. */
export interface KnowledgeGraph {
  papers: Paper[];
  concepts: Concept[];
  mentions: MentionList;
  cooccurrences: CoOccurrence[];
  /** The concept hierarchy (src/graph/hierarchy.ts): a DAG, transitively reduced. */
  broader: BroaderEdge[];
}

export type StoreKind = 'embedded' | 'neo4j';

/** Counts shown by `papergraph stats` and `/api/health`. */
export interface GraphStats {
  papers: number;
  concepts: number;
  mentions: number;
  cooccurrences: number;
  /** Input records merged into another paper by de-duplication. */
  merged: number;
  communities: number;
}

// ---------------------------------------------------------------------------
// HTTP API shapes (docs/design.md "Public interfaces"). Graphs travel in graphology's
// serialized format so the web app can call `Graph.from()` on them, except the two
// asked most, the overview and neighbourhoods: those travel in columns (ConceptColumns,
// CooccursEdges) that web/src/map/ reads back into that format.

export interface SerializedNode<A = Record<string, unknown>> {
  key: string;
  attributes: A;
}
export interface SerializedEdge<A = Record<string, unknown>> {
  key?: string;
  source: string;
  target: string;
  attributes: A;
  undirected?: boolean;
}
export interface SerializedGraph<N = Record<string, unknown>, E = Record<string, unknown>> {
  options: { type: 'mixed' | 'directed' | 'undirected'; multi: boolean; allowSelfLoops: boolean };
  attributes: Record<string, unknown>;
  nodes: SerializedNode<N>[];
  edges: SerializedEdge<E>[];
}

/** Node attributes in every graph the API returns. */
export interface MapNodeAttributes {
  kind: 'concept' | 'paper';
  label: string;
  x: number;
  y: number;
  size: number;
  /** Concepts: community id; papers: the community of their strongest concept. */
  community: number;
  /** Concepts: paper count. Papers: 1. */
  papers: number;
  /** Concepts: mean year of their papers; papers: their year. */
  year: number | null;
  pagerank?: number;
  /**
   * Overview concepts: their papers per year, `counts[i]` papers of year `from + i`,
   * from their first to their last year (papers without a year are not counted), so
   * the explorer filters and sizes them by the papers inside a year range.
   */
  yearCounts?: { from: number; counts: number[] };
}
export interface MapEdgeAttributes {
  kind: 'cooccurs' | 'mentions';
  /** Co-occurrence: papers in common; mention: occurrences. */
  papers: number;
  weight: number;
  size: number;
}
export type MapGraph = SerializedGraph<MapNodeAttributes, MapEdgeAttributes>;

/** In a neighbourhood's graph attributes (`attributes.counts`): what it holds of what there is. */
export interface NeighbourhoodCounts {
  /** Co-occurring concepts included, of neighboursTotal. */
  neighbours: number;
  neighboursTotal: number;
  /** Concepts two hops away included (depth 2), of secondRingTotal (neighbours of the included neighbours). */
  secondRing: number;
  secondRingTotal: number;
  /** Papers mentioning the centre included, of papersTotal. */
  papers: number;
  papersTotal: number;
}

/**
 * Papers mentioning a neighbourhood's centre, most central first, in columns: paper i is
 * `ids[i]` titled `titles[i]`, drawn at (`x[i]`, `y[i]`) in the centre's community,
 * linked to the centre by a `kind: 'mentions'` edge of weight `mentions[i]` (occurrences).
 */
export interface NeighbourhoodPapers {
  ids: string[];
  titles: string[];
  x: number[];
  y: number[];
  year: (number | null)[];
  mentions: number[];
}

/**
 * `GET /api/concepts/:id/neighbourhood`, in columns (web/src/map/neighbourhoodGraph.ts
 * reads it into a graph): the centre first, then its neighbours, then the second ring;
 * the CO_OCCURS edges among them; the papers mentioning the centre.
 */
export interface NeighbourhoodResponse {
  concepts: ConceptColumns;
  edges: CooccursEdges;
  papers: NeighbourhoodPapers;
  counts: NeighbourhoodCounts;
}

export interface HealthResponse {
  status: 'ok';
  store: StoreKind;
  papers: number;
  concepts: number;
  mentions: number;
}

export interface SearchResult {
  id: string;
  kind: 'concept' | 'paper';
  label: string;
  score: number;
  /** Concepts: the alias that matched when it is not the label. */
  matched?: string;
  /** Concepts found as narrower concepts of the one the query names (a topic means both): that concept's label. */
  narrowerOf?: string;
  /** Concepts: papers; papers: year. */
  papers?: number;
  year?: number | null;
}
export interface SearchResponse {
  results: SearchResult[];
}

export interface CommunitySummary {
  id: number;
  /** The community's most distinctive concepts (c-TF-IDF), best first: its name in the legend. */
  label: string;
  concepts: number;
  /** Papers mentioning one of its specific (not generic) concepts. */
  papers: number;
  /**
   * Its own papers: those whose specific concepts lie mostly in it (each paper has one
   * home community, weighted by how central each concept is to the paper), so the
   * communities' own papers add up to the papers with a specific concept.
   */
  ownPapers: number;
  /** Its own papers per year (`counts[i]`: year `from + i`), so a year range counts those inside it; null without years. */
  ownPapersByYear: { from: number; counts: number[] } | null;
  meanYear: number | null;
}

/**
 * Concepts in columns: concept i is `ids[i]`, `labels[i]`, at (`x[i]`, `y[i]`), and so
 * on, each a MapNodeAttributes field of a `kind: 'concept'` node. Sent as columns, not
 * as graphology's node objects: 2,000 concepts without their keys repeated 2,000 times.
 */
export interface ConceptColumns {
  ids: string[];
  labels: string[];
  x: number[];
  y: number[];
  size: number[];
  community: number[];
  papers: number[];
  year: (number | null)[];
  pagerank: number[];
}

/** The overview's concepts. */
export interface OverviewConcepts extends ConceptColumns {
  /** Papers per year (MapNodeAttributes.yearCounts): `yearCounts[i]` counts the years from `yearFrom[i]`; null and [] for a concept without years. */
  yearFrom: (number | null)[];
  yearCounts: number[][];
}

/**
 * CO_OCCURS edges in columns: edge j joins concepts `source[j]` and `target[j]` (places
 * in the answer's ConceptColumns, the one whose id sorts first as source), with
 * MapEdgeAttributes `papers[j]`, `weight[j]` and `size[j]` of a `kind: 'cooccurs'` edge.
 */
export interface CooccursEdges {
  source: number[];
  target: number[];
  papers: number[];
  weight: number[];
  size: number[];
}

/** `GET /api/overview`: the concept map shown on load (web/src/map/overviewGraph.ts reads it into a graph). */
export interface OverviewResponse {
  concepts: OverviewConcepts;
  edges: CooccursEdges;
  communities: CommunitySummary[];
  /**
   * Year range of the corpus, for the year filter, and its papers per year
   * (`counts[i]`: papers of year `min + i`; empty without years), whose quantiles set
   * the year colour scale.
   */
  years: { min: number | null; max: number | null; counts: number[] };
  /** Concepts in the corpus (the map shows the top `limit`). */
  totalConcepts: number;
  /** How the map's concepts were chosen (src/explore/mapConcepts.ts) and how well its layout (src/graph/mapLayout.ts) separates them. */
  map: {
    /** `papers`: papers × specificity; `pagerank`: PageRank × specificity. Generic concepts never lead. */
    rankedBy: 'papers' | 'pagerank';
    /** Community kNN purity of the layout (src/graph/knnPurity.ts, k = 10). */
    purity: number;
    /** Generic concepts left out that the ranking would otherwise have shown. */
    genericLeftOut: number;
  };
}

export interface PaperSummary {
  id: string;
  title: string;
  year: number | null;
  url: string | null;
}

/** `GET /api/concepts/:id/papers`: one page of a concept's papers, newest first. */
export interface ConceptPapersResponse {
  /** Papers mentioning the concept, all pages together. */
  total: number;
  papers: PaperSummary[];
}

export interface RelatedConcept {
  id: string;
  label: string;
  /** Related concepts: papers in common. Community concepts: the concept's papers. */
  papers: number;
  /** Related concepts: association strength (strongest edge of the corpus = 1). Community concepts: c-TF-IDF weight in the community. */
  weight: number;
  /** A generic concept (Concept.generic): listed after the specific ones. */
  generic?: boolean;
}

/** A broader or narrower concept in the concept panel. */
export interface HierarchyConcept {
  id: string;
  label: string;
  papers: number;
  /** How the BROADER edge was found. */
  kind: BroaderKind;
}

export interface ConceptResponse {
  id: string;
  label: string;
  aliases: string[];
  papers: number;
  community: number;
  pagerank: number;
  meanYear: number | null;
  /** Specificity (Concept.relevance) and whether the concept is generic. */
  relevance: number;
  generic: boolean;
  topPapers: PaperSummary[];
  /** Co-occurring concepts by association strength, with at least a few papers in common; generic ones last. */
  related: RelatedConcept[];
  /** Immediate broader concepts (BROADER edges out), most papers first. */
  broader: HierarchyConcept[];
  /** Immediate narrower concepts (BROADER edges in), most papers first, at most 30. */
  narrower: HierarchyConcept[];
  /** All immediate narrower concepts, when more than are listed. */
  narrowerTotal: number;
}

export interface PaperConcept {
  id: string;
  label: string;
  spans: Span[];
}
export interface PaperResponse {
  id: string;
  title: string;
  abstract: string;
  year: number | null;
  date: string | null;
  url: string | null;
  authors: string[];
  doi: string | null;
  arxivId: string | null;
  pmid: string | null;
  wosId: string | null;
  /** The authors' keywords, as the source gave them. */
  keywords: string[];
  concepts: PaperConcept[];
}

/** Papers behind an edge: both concepts, with the sentence where they meet. */
export interface EvidencePaper extends PaperSummary {
  sentence: string;
}
export interface EdgeEvidenceResponse {
  a: { id: string; label: string };
  b: { id: string; label: string };
  /** Papers mentioning both, before the limit. */
  total: number;
  papers: EvidencePaper[];
}

export interface CommunityResponse extends CommunitySummary {
  /** Members, most distinctive first (weight: c-TF-IDF), generic ones last. */
  topConcepts: RelatedConcept[];
  topPapers: PaperSummary[];
}

export type CypherValue = null | boolean | number | string | CypherValue[] | { [key: string]: CypherValue };
export interface CypherResponse {
  columns: string[];
  rows: CypherValue[][];
  /** Nodes and relationships found in the result, when it has any. */
  graph: SerializedGraph | null;
  elapsedMs: number;
  truncated: boolean;
  /** Which limit cut the result: --max-rows or --max-bytes (null when nothing was cut). */
  truncatedBy: 'rows' | 'bytes' | null;
}

export interface ApiError {
  error: { code: string; message: string };
}

/** `GET /api/examples`. */
export interface ExamplesResponse {
  examples: CypherExample[];
}

/** An example query of cypher/examples/, offered in the console. */
export interface CypherExample {
  name: string;
  title: string;
  description: string;
  query: string;
  /** Parameters the query expects, with a value that works on the sample corpus. */
  params: Record<string, unknown>;
}

// ---------------------------------------------------------------------------
// The bridges API (`GET /api/bridges`, `papergraph bridges --json`): which papers
// connect two topics, and why.

/** A concept named in an answer. */
export interface ConceptRef {
  id: string;
  label: string;
  /** Papers mentioning it in the whole corpus (its document frequency). */
  papers: number;
}

/** What a topic the user typed was taken to mean. */
export interface ResolvedTopic {
  /** The text as given. */
  query: string;
  /** `concept`: an id, label or alias; `text`: concepts whose aliases contain the words; `community`: a community of the map. */
  kind: 'concept' | 'text' | 'community';
  /** A name for the topic in answers: the concept's label, the text, or the community's label. */
  label: string;
  /** The concepts that stand for the topic, most papers first. */
  concepts: ConceptRef[];
  /** Louvain communities those concepts belong to. */
  communities: number[];
  /** How the topic was matched, in words (e.g. which concepts free text was taken to mean). */
  note: string;
}

/** `GET /api/topics?q=`: what a topic was taken to mean, and its papers. */
export interface TopicPapersResponse {
  topic: ResolvedTopic;
  /** Papers mentioning any concept of the topic. */
  total: number;
  papers: PaperSummary[];
}

/** A paper that mentions a concept of each topic. */
export interface BridgePaper {
  kind: 'direct';
  id: string;
  title: string;
  year: number | null;
  url: string | null;
  /** Ranking score: specificity (IDF) of the matched concepts × how central they are to the paper. */
  score: number;
  /** Concepts of topic A the paper mentions, most specific first. */
  viaA: ConceptRef[];
  viaB: ConceptRef[];
  reason: string;
  /** The sentence (or title) where a concept of A and one of B meet. */
  sentence: string;
}

export interface PathStep {
  kind: 'concept' | 'paper';
  id: string;
  label: string;
  /** `a`/`b`: a concept of that topic or a paper mentioning it; `via`: what connects them. */
  role: 'a' | 'b' | 'via';
}

/** A chain concept(A) – paper – concept – … – paper – concept(B) over MENTIONS. */
export interface BridgePath {
  kind: 'path';
  /** Paper–concept hops between the paper on A's side and the paper on B's side (2: one shared concept). */
  hops: number;
  /** Specificity of the intermediate concepts (geometric mean of their IDF). */
  score: number;
  steps: PathStep[];
  /** The intermediate concepts, in path order. */
  via: ConceptRef[];
  reason: string;
}

/** A concept or paper sitting between the communities of A and B. */
export interface StructuralBridge {
  kind: 'concept' | 'paper';
  id: string;
  label: string;
  score: number;
  /** Papers: their year. Concepts: null. */
  year: number | null;
  reason: string;
}

export interface BridgesResponse {
  a: ResolvedTopic;
  b: ResolvedTopic;
  papers: BridgePaper[];
  paths: BridgePath[];
  structural: StructuralBridge[];
  /** Papers mentioning both topics before the limit was applied. */
  totalDirect: number;
  /** Why paths were or were not searched, and what limited them. */
  pathNote: string;
}
