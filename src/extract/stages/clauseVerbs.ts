// Noun phrases cut at the verbs the corpus knows (wordEvidence.ts): "method outperforms
// conventional backprop" is two phrases, "method" and "conventional backprop"; "results
// show" is "results". Per-paper tagging cannot see this (compromise's pre-tagger reads
// "outperforms" and "show" as nouns); the corpus can, so the cut happens here, on the
// per-paper analyses, which stay as they were computed. Definitions' long forms are
// left whole: the acronym says where they end.
import type { PaperAnalysis } from '../analyze.ts';
import type { Phrase } from '../phrases.ts';
import type { WordEvidence } from './wordEvidence.ts';

function cut(phrase: Phrase, evidence: WordEvidence): Phrase[] {
  const words = phrase.words;
  const isCut = words.map((word, i) => {
    if (word.acronym || !word.unitStart || !word.unitEnd) return false;
    const text = word.text.toLowerCase();
    if (!evidence.isVerb(text)) return false;
    const next = words[i + 1];
    return !(next && evidence.opensNounPhrase(text, next.text.toLowerCase()));
  });
  if (!isCut.includes(true)) return [phrase];
  const parts: Phrase[] = [];
  let from = 0;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && !isCut[i]) continue;
    if (i > from) {
      parts.push({
        ...phrase,
        position: phrase.position + from,
        words: words.slice(from, i),
        before: from === 0 ? phrase.before : words[from - 1].text.toLowerCase(),
        after: i === words.length ? phrase.after : words[i].text.toLowerCase(),
      });
    }
    from = i + 1;
  }
  return parts;
}

/** The analyses with their noun phrases cut at corpus verbs; unchanged analyses are returned as they were. */
export function cutAtVerbs(analyses: PaperAnalysis[], evidence: WordEvidence): PaperAnalysis[] {
  return analyses.map((analysis) => {
    if (!analysis.phrases.some((phrase) => phrase.kind === 'maximal' && phrase.words.some((word) => evidence.isVerb(word.text.toLowerCase())))) return analysis;
    const phrases: Phrase[] = [];
    const moved = new Map<number, number>();
    analysis.phrases.forEach((phrase, i) => {
      if (phrase.kind === 'definition') {
        moved.set(i, phrases.length);
        phrases.push(phrase);
      } else phrases.push(...cut(phrase, evidence));
    });
    return { ...analysis, phrases, definitions: analysis.definitions.map((d) => ({ ...d, phrase: moved.get(d.phrase)! })) };
  });
}
