// What the corpus says about how a word is used, where the tagger alone cannot tell:
// the distributional view of word classes (Schütze 1995, "Distributional part-of-speech
// tagging", EACL), applied to the few decisions concept extraction needs. A word the
// tagger knows as an adjective is a noun in this corpus when a good share of its uses
// as a phrase head are plural: an adjective never takes a plural ("derivatives",
// "variables"), while a stray "complexes" among many "is complex" does not make a noun.
import type { PaperAnalysis } from '../analyze.ts';
import { lexicon } from '../lexicon.ts';
import { isAcronymLike } from '../normalize.ts';
import { lexicalClass } from '../tagger.ts';

export interface WordEvidenceOptions {
  /** Least share of plural uses as a head that makes a word the tagger knows as an adjective a noun (default 0.1). */
  pluralShare: number;
}

export const wordEvidenceDefaults: WordEvidenceOptions = { pluralShare: 0.1 };

export interface WordEvidence {
  /** A one-word key that is an adjective in this corpus, so never a concept on its own. */
  isAdjective(key: string): boolean;
}

export function wordEvidence(analyses: PaperAnalysis[], options: Partial<WordEvidenceOptions> = {}): WordEvidence {
  const { pluralShare } = { ...wordEvidenceDefaults, ...options };
  const headUses = new Map<string, { all: number; plural: number }>();
  for (const analysis of analyses) {
    for (const phrase of analysis.phrases) {
      const last = phrase.words[phrase.words.length - 1];
      if (!last || last.acronym) continue;
      const uses = headUses.get(last.head) ?? { all: 0, plural: 0 };
      uses.all++;
      if (last.head !== last.key) uses.plural++;
      headUses.set(last.head, uses);
    }
  }
  const { adjectives } = lexicon();
  const usedAsNoun = (key: string): boolean => {
    const uses = headUses.get(key);
    return uses !== undefined && uses.plural > 0 && uses.plural >= pluralShare * uses.all;
  };
  return {
    isAdjective: (key) => !key.includes(' ') && !isAcronymLike(key) && (adjectives.has(key) || (lexicalClass(key) === 'adjective' && !usedAsNoun(key))),
  };
}
