// Everything extraction learns from one paper alone: its tagged noun phrases and the
// acronyms it defines. This is the costly, parallel part (tagging); what needs the
// whole corpus (acronym resolution, termhood, ranking) happens afterwards on these.
import type { Field } from '../graph/model.ts';
import { findDefinitions } from './acronyms.ts';
import { acronymKey } from './normalize.ts';
import { phrasesOf, wordsOfTokens, type Phrase } from './phrases.ts';
import { closedClass, tagText } from './tagger.ts';
import type { PaperText } from './types.ts';

export interface LocalDefinition {
  /** The short form's key ("SNNs" → "SNN"). */
  short: string;
  /** Index of the long form in `phrases` (a phrase of kind 'definition'). */
  phrase: number;
}

export interface PaperAnalysis {
  id: string;
  phrases: Phrase[];
  definitions: LocalDefinition[];
  /**
   * Words the tagger read as verbs with an object or clause after them ("outperforms
   * the"), lower case → uses: corpus evidence for the same word where the tagger took it
   * for a noun (stages/wordEvidence.ts).
   */
  verbs: Record<string, number>;
}

/** What opens a verb's object or clause (as stages/wordEvidence.ts reads it). */
const objectOpeners = new Set('the a an these those its their our his her each every this that how whether what both all such to'.split(' '));

export function analyzePaper(paper: PaperText): PaperAnalysis {
  const phrases: Phrase[] = [];
  const definitions: LocalDefinition[] = [];
  const verbs: Record<string, number> = {};
  const fields: [Field, string][] = [
    ['title', paper.title ?? ''],
    ['abstract', paper.abstract ?? ''],
  ];
  let position = 0;
  for (const [field, text] of fields) {
    const tokens = tagText(text, field === 'title');
    tokens.forEach((token, i) => {
      const next = tokens[i + 1];
      if (token.wordClass !== 'other' || token.breakAfter || !next || !/^\p{Ll}+$/u.test(token.text) || closedClass.has(token.text)) return;
      if (objectOpeners.has(next.text.toLowerCase())) verbs[token.text] = (verbs[token.text] ?? 0) + 1;
    });
    const fieldPhrases = phrasesOf(tokens, field, position);
    for (const phrase of fieldPhrases) position = Math.max(position, phrase.position + phrase.words.length);
    phrases.push(...fieldPhrases);
    for (const definition of findDefinitions(text)) {
      const longTokens = tokens.filter((t) => t.start >= definition.longStart && t.end <= definition.longEnd);
      if (longTokens.length === 0) continue;
      const words = wordsOfTokens(longTokens);
      if (words.length === 0) continue;
      const overlapping = fieldPhrases.find((p) => p.words.some((w) => w.end > definition.longStart && w.start < definition.longEnd));
      phrases.push({
        field,
        sentence: longTokens[0].sentence,
        position: overlapping?.position ?? position,
        words,
        kind: 'definition',
      });
      definitions.push({ short: acronymKey(definition.short), phrase: phrases.length - 1 });
    }
  }
  return { id: paper.id, phrases, definitions, verbs };
}
