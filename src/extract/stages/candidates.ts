// Candidate terms of a corpus: every whole noun phrase and every defined long form
// (the candidate list of C-value, Frantzi, Ananiadou & Mima 2000), keyed through the
// user's thesaurus, minus general academic language, lone adjectives and partitive or
// relational nouns (wordEvidence.ts). Nested terms
// are candidates only when some paper writes them on their own: adding every nested
// multi-word term lowered F1@10 on the Inspec dev set and multiplies the vocabulary.
import type { PaperAnalysis } from '../analyze.ts';
import { lexicon } from '../lexicon.ts';
import type { KeyedThesaurus } from '../thesaurus.ts';
import { subTerms, type Resolve } from './terms.ts';
import type { WordEvidence } from './wordEvidence.ts';

export interface CandidateOptions {
  /**
   * Longest term, in words (default 5). Six-word phrases are mostly a term run on into
   * its context ("evolutionary multi-agent system combines feature"); F1@10 on the
   * Inspec dev set rose from 30.9 to 31.0 going from 6 to 5, and fell going to 4.
   */
  maxWords: number;
}

export const candidateDefaults: CandidateOptions = { maxWords: 5 };

/** A raw key to the concept key it counts under, or null when it names no concept. */
export type KeyFilter = (key: string) => string | null;

/**
 * General academic language: a listed key, or a listed head noun with only generic
 * modifiers ("novel method", "several results"). "information system" is not generic
 * although both its words are: a generic noun as a modifier makes a term.
 */
export function isGeneric(key: string): boolean {
  const { genericTerms, genericModifiers } = lexicon();
  if (genericTerms.has(key)) return true;
  const words = key.split(' ');
  // A single letter, or an enumeration's roman numeral ("(ii)", "step iii").
  if (words.length === 1 && (key.length < 2 || /^(i|ii|iii|iv|v|vi|vii|viii|ix|x)$/.test(key))) return true;
  if (words.some((word) => !/\p{L}/u.test(word) || word.length > 40)) return true;
  return genericTerms.has(words[words.length - 1]) && words.slice(0, -1).every((word) => genericModifiers.has(word));
}

/**
 * The thesaurus first (a user's replacement is kept whatever it is, so a line mapping a
 * term to itself keeps it out of the extractor's merges), then compounds the corpus
 * writes closed joined and long-form variants merged (stages/wordEvidence.ts,
 * stages/acronymResolution.ts), then the corpus filters.
 */
export function keyFilter(thesaurus: KeyedThesaurus, evidence: WordEvidence, variants: Map<string, string> = new Map()): KeyFilter {
  const judge = (key: string): string | null => {
    const mapped = thesaurus.map(key);
    if (mapped === null) return null;
    if (thesaurus.replaced(key)) return mapped;
    const compound = evidence.closedCompounds(mapped);
    if (compound !== mapped && thesaurus.replaced(compound)) return thesaurus.map(compound);
    const merged = variants.get(compound) ?? compound;
    if (merged !== mapped && thesaurus.replaced(merged)) return thesaurus.map(merged);
    return isGeneric(merged) || evidence.isAdjective(merged) || endsInAdjective(merged, evidence) || evidence.isRelational(merged) ? null : merged;
  };
  // Every pass over the corpus asks again for the same keys: each is judged once.
  const judged = new Map<string, string | null>();
  return (key) => {
    let verdict = judged.get(key);
    if (verdict === undefined) {
      verdict = judge(key);
      if (judged.size >= maxJudged) judged.clear();
      judged.set(key, verdict);
    }
    return verdict;
  };
}

/**
 * A term's head is a noun: a key of several words ending in an adjective ("approximate
 * Bayesian", "piecewise linear", "learning causal") is the modifiers of a term whose head
 * was left off ("approximate Bayesian computation"), a fragment. The last word is an
 * adjective when it has an adjective's ending (Quirk et al. 1985, "A comprehensive
 * grammar of the English language", App. I.51: -al, -ar, -ian, -ive, -ous, …) and the
 * corpus writes it as a modifier (stages/wordEvidence.ts): nouns with those endings
 * ("signal", "objective", "boundary") are written as heads and in the plural.
 */
const ADJECTIVE_ENDING = /(?:al|ar|ian|ive|ous|ary|ful|less|able|ible)$/;

export function isAdjectiveHead(word: string, evidence: WordEvidence): boolean {
  return ADJECTIVE_ENDING.test(word) && evidence.isAdjective(word);
}

function endsInAdjective(key: string, evidence: WordEvidence): boolean {
  const space = key.lastIndexOf(' ');
  return space > 0 && isAdjectiveHead(key.slice(space + 1), evidence);
}

/** Keys a filter remembers; beyond this it starts over, so memory stays bounded on any corpus. */
const maxJudged = 1_000_000;

/** Adds the keys of a paper's whole noun phrases and definitions that name a concept to `candidates`. */
export function addCandidates(analysis: PaperAnalysis, resolve: Resolve, filter: KeyFilter, candidates: Set<string>, options: Partial<CandidateOptions> = {}): void {
  const { maxWords } = { ...candidateDefaults, ...options };
  for (const phrase of analysis.phrases) {
    if (phrase.kind === 'loose') continue;
    for (const occurrence of subTerms(phrase, resolve, maxWords, true)) {
      const key = filter(occurrence.key);
      if (key) candidates.add(key);
    }
  }
}
