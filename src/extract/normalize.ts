// Normalisation of words and phrases into one canonical concept key: lower case
// (acronyms and mixed-case names keep theirs), American spelling, singular head noun,
// hyphens as spaces with bound prefixes joined (non-linear = nonlinear). Rule-based
// singularisation after the classic English plural rules (as in Porter's and
// Lovins' era stemmers, but producing words, not stems), with a shipped list of
// irregular plurals.
import { lexicon } from './lexicon.ts';

/** Words that end in -s but are singular (or uncountable) nouns. */
const singularInS = /(ss|us|is|ics|ous|ness|less|news|series|species|means|chaos|lens|gas|bias|atlas|alias|canvas|corps|thanks|ethos|pathos|cosmos|kudos|debris|physics|status|apparatus)$/;

/** An acronym or a mixed-case name ("STDP", "SNNs", "SpiNNaker", "fMRI"): its case carries meaning. */
export function isAcronymLike(word: string): boolean {
  // Counted by character code: called for every word of every phrase.
  let upper = 0;
  let letter = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 65 && code <= 90) {
      if (++upper >= 2) return true;
    } else if (code >= 97 && code <= 122) letter = true;
  }
  if (!letter && upper === 0) return false;
  // "fMRI", "iPhone", "mRNA": an upper-case letter after a lower-case start.
  return upper === 1 && /^[a-z0-9]+[A-Z]/.test(word);
}

/** The acronym's key: plural "s" dropped ("SNNs" → "SNN"). */
export function acronymKey(word: string): string {
  return /^[A-Z0-9][A-Za-z0-9]*[A-Z0-9]s$/.test(word) ? word.slice(0, -1) : word;
}

const isationStems = /(?<!improv)(is)(ation|ations|e|es|ed|ing|er|ers)$/;
const isationWords = /^(optim|normal|regular|general|organ|real|visual|minim|maxim|categor|character|parameter|summar|vector|tokeni|synchron|recogn|special|initial|util|local|stabil|discret|quant|linear|random|binar|serial|personal|prior|standard|harmon|polar|memor|emphas|author|central|decentral|modular|neutral|hospital|industrial|capital|final|sanit|symbol|mobil|global|rational|theor|hypothes|critic|apolog|fertil|steril|vocal|ion|colon|custom|patron)/;

/** A word in lower case and American spelling. */
export function spellingKey(lowerWord: string): string {
  const listed = lexicon().spelling.get(lowerWord);
  if (listed) return listed;
  // optimisation → optimization, normalised → normalized: only for stems known to take -ize,
  // since "promise", "exercise", "noise", "supervised" must stay as they are.
  if (isationStems.test(lowerWord) && isationWords.test(lowerWord)) {
    return lowerWord.replace(isationStems, (_, _is: string, rest: string) => 'iz' + rest);
  }
  return lowerWord;
}

/** The singular of a lower-case noun (the head of a phrase). */
export function singular(noun: string): string {
  const irregular = lexicon().irregularPlurals.get(noun);
  if (irregular) return irregular;
  if (noun.length <= 3 || !noun.endsWith('s') || singularInS.test(noun)) return noun;
  if (/[^aeiou]ies$/.test(noun)) return noun.slice(0, -3) + 'y';
  if (/(ss|x|ch|sh|zz)es$/.test(noun)) return noun.slice(0, -2);
  if (/yses$/.test(noun)) return noun.slice(0, -2) + 'is';
  return noun.slice(0, -1);
}

/** The key of one word inside a phrase (`head`: the last word, which is made singular). */
export function wordKey(word: string, head: boolean): string {
  if (isAcronymLike(word)) return acronymKey(word);
  const spelled = spellingKey(word.toLowerCase());
  return head ? singular(spelled) : spelled;
}

/** A relational adjective's noun ("dendritic" → "dendrite"), for one-word concepts only. */
export function adjectiveNoun(lowerWord: string): string | undefined {
  return lexicon().adjectiveNouns.get(spellingKey(lowerWord));
}

/** Whether a word is a bound prefix, joined to the next word of a hyphenated compound. */
export function isBoundPrefix(lowerWord: string): boolean {
  return lexicon().boundPrefixes.has(lowerWord);
}

/**
 * The canonical key of free text (a thesaurus entry, a query): split into words at
 * spaces and hyphens, bound prefixes joined, last word singular.
 */
export function phraseKey(text: string): string {
  const parts = text
    .trim()
    .split(/[\s\u2010-\u2015-]+/)
    .map((part) => part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((part) => part.length > 0);
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const lower = parts[i].toLowerCase();
    if (i + 1 < parts.length && isBoundPrefix(lower) && !isAcronymLike(parts[i])) {
      parts[i + 1] = lower + parts[i + 1].toLowerCase();
      continue;
    }
    words.push(parts[i]);
  }
  if (words.length === 1) {
    const only = words[0];
    if (!isAcronymLike(only)) {
      const noun = adjectiveNoun(only.toLowerCase());
      if (noun) return noun;
    }
  }
  return words.map((word, i) => wordKey(word, i === words.length - 1)).join(' ');
}
