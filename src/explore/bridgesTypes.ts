// The bridges API (`GET /api/bridges`, `papergraph bridges --json`): which papers
// connect two topics, and why. Types only: the web panel imports this file.

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
