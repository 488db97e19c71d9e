// Modifiers that stand for the term they nearly always begin: "Hebbian" for Hebbian
// learning ("a Hebbian model", "Hebbian synaptic competition", "the Kernel Hebbian
// Algorithm"), "spike-timing dependent" for spike-timing dependent plasticity ("a
// spike-timing dependent learning rule", "a spike-timing dependent Hebbian learning
// rule"). A paper writing such a modifier in a phrase no concept covers talks about
// that term, but the phrase itself is mostly a one-paper phrase that never becomes a
// concept, so the paper was lost to the topic.
//
// Method: elliptical reference by a term's modifier, the "ellipsis of the head" variant
// of term variation (Jacquemin 2001, "Spotting and discovering terms through natural
// language processing", MIT Press, ch. 5; Daille 2003, "Conceptual structuring through
// term variations", ACL workshop on multiword expressions), resolved with the corpus
// as an acronym's short form is (stages/acronymResolution.ts): a modifier run P
// resolves to the concept "P h" (P and one head word) when, of the papers where P begins a concept, at least
// `dominantShare` continue it as that one concept. Then an occurrence of P as a
// modifier that no concept of the phrase covers is an occurrence of "P h": a mention
// of it, and its surface ("Hebbian") an alias, through which term nesting
// (src/graph/nesting.ts) puts "Hebbian synapse" and "differential Hebbian" under
// Hebbian learning.
//
// Only a terminological modifier stands for a term: a proper adjective, written with
// a capital in running text ("Hebbian", after Hebb's rule), or a compound modifier
// written with a hyphen ("spike-timing dependent", "zero-sum"), each in at least half
// of its uses. A common adjective keeps its general sense with any noun: "catastrophic"
// is mostly catastrophic forgetting in this field, but "catastrophic failure" is not,
// and "upper", "sufficient" or "closed" begin one term each without standing for it.
// A run resolves only if it is no concept itself, in at least `minPapers` papers, and
// specific: in at most `maxCorpusShare` of all papers, since a modifier most papers use
// stands for no one term. Elliptical mentions are never whole phrases, so ranking
// weighs them as nested mentions (stages/ranking.ts) and they rarely lead a paper.
import type { CorpusOccurrences } from './occurrences.ts';
import type { Occurrence, Resolve } from './terms.ts';

export interface EllipsisOptions {
  /** Least share of the papers continuing a modifier run as some concept that continue it as one concept (default 0.5). */
  dominantShare: number;
  /** Fewest papers writing the run as a modifier (default 3). */
  minPapers: number;
  /** Most share of all papers a run may be written in (default 0.02). */
  maxCorpusShare: number;
  /** Longest run, in words (default 3: "spike timing dependent"). */
  maxWords: number;
}

export const ellipsisDefaults: EllipsisOptions = { dominantShare: 0.5, minPapers: 3, maxCorpusShare: 0.02, maxWords: 3 };

interface Run {
  key: string;
  from: number;
  to: number;
  /** Written as a proper adjective (one capitalised word) or with a hyphenated compound. */
  terminological: boolean;
}

/** A capitalised word, after any lower-case bound prefix ("Hebbian", "antiHebbian"). */
const PROPER = /^\p{Ll}*\p{Lu}\p{Ll}+$/u;

/**
 * "anti-Hebbian" (keyed "antiHebbian"): the sign-reversed form of the rule its base
 * names, which a reader of Hebbian learning wants too; "non-Hebbian" names what is
 * not, and keeps its own key (see also src/graph/nesting.ts).
 */
const REVERSED = /^anti(?=\p{Lu}\p{Ll}+$)/u;

/**
 * Every modifier run of a phrase, whole hyphenated units, keyed as modifiers: never its
 * head, unless `whole` and the run is the whole phrase ("LTP is Hebbian", "a Hebbian or
 * a backpropagation rule": the modifier written without a head).
 */
/** A word's key as a modifier: an acronym as its long form, "antiHebbian" as "hebbian". */
function modifierKey(word: Occurrence['phrase']['words'][number], resolve: Resolve): string {
  return word.acronym ? resolve(word.key) : REVERSED.test(word.text) ? word.text.replace(REVERSED, '').toLowerCase() : word.key;
}

function modifierRuns(phrase: Occurrence['phrase'], resolve: Resolve, maxWords: number, whole = false): Run[] {
  const words = phrase.words;
  const runs: Run[] = [];
  for (let from = 0; from < words.length; from++) {
    if (!words[from].unitStart) continue;
    const keys: string[] = [];
    for (let to = from; to < words.length && to - from < maxWords; to++) {
      if (to === words.length - 1 && !(whole && from === 0)) break;
      const word = words[to];
      keys.push(modifierKey(word, resolve));
      if (!word.unitEnd) continue;
      const hyphenated = words.slice(from, to + 1).some((w) => !w.unitStart || !w.unitEnd);
      runs.push({ key: keys.join(' '), from, to, terminological: hyphenated || (from === to && !word.acronym && PROPER.test(word.text)) });
    }
  }
  return runs;
}

/** Modifier run → the concept it stands for, and the occurrences with elliptical mentions added. */
export function resolveEllipses(
  occurrences: CorpusOccurrences,
  phrasesByPaper: Occurrence['phrase'][][],
  resolvers: Resolve[],
  kept: Set<string>,
  options: Partial<EllipsisOptions> = {},
): { resolved: Map<string, string>; occurrences: CorpusOccurrences } {
  const { dominantShare, minPapers, maxCorpusShare, maxWords } = { ...ellipsisDefaults, ...options };
  // Run → papers writing it as a modifier; run → concept continuing it → papers.
  const runPapers = new Map<string, Set<number>>();
  // Run → [uses in running text, terminological ones]: a title capitalises every word.
  const forms = new Map<string, [number, number]>();
  const continued = new Map<string, Map<string, Set<number>>>();
  const byPhrase = (byKey: Map<string, Occurrence[]>) => {
    const map = new Map<object, Occurrence[]>();
    for (const list of byKey.values()) for (const o of list) if (kept.has(o.key)) (map.get(o.phrase) ?? map.set(o.phrase, []).get(o.phrase)!).push(o);
    return map;
  };
  const phraseOccurrences: Map<object, Occurrence[]>[] = [];
  const inPhraseOf = (p: number, phrase: object) => (phraseOccurrences[p] ??= byPhrase(occurrences.byPaper[p])).get(phrase) ?? [];

  // Only a run written terminologically in running text can resolve: find those first,
  // in the few abstract phrases with a hyphenated compound or a capitalised word, so that the counting
  // below looks only at phrases holding a first word of one of them.
  const written = new Set<string>();
  phrasesByPaper.forEach((phrases, p) => {
    for (const phrase of phrases) {
      if (phrase.kind !== 'maximal' || phrase.field === 'title' || !phrase.words.some((w) => !w.unitStart || !w.unitEnd || PROPER.test(w.text))) continue;
      for (const run of modifierRuns(phrase, resolvers[p], maxWords, true)) {
        if (run.terminological && (run.from > 0 || phrase.before) && !kept.has(run.key)) written.add(run.key);
      }
    }
  });
  const firstWords = new Set([...written].map((key) => key.split(' ')[0]));
  const firstWord = (w: Occurrence['phrase']['words'][number], resolve: Resolve) => (w.acronym ? resolve(w.key).split(' ')[0] : modifierKey(w, resolve));
  const mayHold = (phrase: Occurrence['phrase'], resolve: Resolve) => phrase.kind === 'maximal' && phrase.words.some((w) => firstWords.has(firstWord(w, resolve)));

  phrasesByPaper.forEach((phrases, p) => {
    for (const phrase of phrases) {
      if (!mayHold(phrase, resolvers[p])) continue;
      const inPhrase = inPhraseOf(p, phrase);
      for (const run of modifierRuns(phrase, resolvers[p], maxWords, true)) {
        if (!written.has(run.key)) continue;
        const papers = runPapers.get(run.key) ?? runPapers.set(run.key, new Set()).get(run.key)!;
        papers.add(p);
        if (phrase.field !== 'title' && (run.from > 0 || phrase.before)) {
          const counts = forms.get(run.key) ?? forms.set(run.key, [0, 0]).get(run.key)!;
          counts[0]++;
          if (run.terminological) counts[1]++;
        }
        // The concept continuing the run: the shortest kept occurrence starting with it.
        let next: Occurrence | undefined;
        for (const o of inPhrase) if (o.from === run.from && o.to > run.to && (!next || o.to < next.to)) next = o;
        // Only the head is left out: "rate-based" is no ellipsis of "rate-based Hebbian learning".
        if (!next || next.key.split(' ').length !== run.key.split(' ').length + 1) continue;
        const byConcept = continued.get(run.key) ?? continued.set(run.key, new Map()).get(run.key)!;
        (byConcept.get(next.key) ?? byConcept.set(next.key, new Set()).get(next.key)!).add(p);
      }
    }
  });

  const resolved = new Map<string, string>();
  const maxPapers = Math.max(minPapers, maxCorpusShare * occurrences.byPaper.length);
  for (const [run, papers] of runPapers) {
    if (papers.size < minPapers || papers.size > maxPapers || kept.has(run)) continue;
    const [uses, terminological] = forms.get(run) ?? [0, 0];
    if (terminological * 2 < uses || uses === 0) continue;
    let best: [string, number] | null = null;
    const anyTerm = new Set<number>();
    for (const [concept, set] of continued.get(run) ?? []) {
      for (const p of set) anyTerm.add(p);
      if (!best || set.size > best[1] || (set.size === best[1] && concept < best[0])) best = [concept, set.size];
    }
    if (best && best[1] >= dominantShare * anyTerm.size) resolved.set(run, best[0]);
  }
  if (resolved.size === 0) return { resolved, occurrences };

  const frequency = new Map(occurrences.frequency);
  const documentFrequency = new Map(occurrences.documentFrequency);
  const titleFrequency = new Map(occurrences.titleFrequency);
  const byPaper = occurrences.byPaper.map((byKey, p) => {
    let out = byKey;
    for (const phrase of phrasesByPaper[p]) {
      if (!mayHold(phrase, resolvers[p])) continue;
      const inPhrase = inPhraseOf(p, phrase);
      // Longest runs first, so "spike timing dependent" wins over "timing dependent".
      const runs = modifierRuns(phrase, resolvers[p], maxWords, true).sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
      const taken: Run[] = [];
      for (const run of runs) {
        const concept = resolved.get(run.key);
        if (!concept) continue;
        const covered = inPhrase.some((o) => o.from <= run.from && o.to >= run.to) || taken.some((t) => t.from <= run.to && t.to >= run.from);
        if (covered) continue;
        taken.push(run);
        if (out === byKey) out = new Map(byKey);
        const had = out.get(concept);
        out.set(concept, [...(had ?? []), { key: concept, phrase, from: run.from, to: run.to, elliptical: true }]);
        frequency.set(concept, (frequency.get(concept) ?? 0) + 1);
        if (!had) documentFrequency.set(concept, (documentFrequency.get(concept) ?? 0) + 1);
        if (phrase.field === 'title' && !had?.some((o) => o.phrase.field === 'title')) titleFrequency.set(concept, (titleFrequency.get(concept) ?? 0) + 1);
      }
    }
    return out;
  });
  return { resolved, occurrences: { byPaper, frequency, documentFrequency, titleFrequency } };
}
