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
// A run that is mostly a phrase of its own is a noun, not a modifier left without its
// head: "a trade-off between accuracy and speed" is no mention of "trade-off parameter",
// so a run written as a whole phrase in more than `maxWholeShare` of its uses in
// running text stands for nothing. A run resolves only if it is no concept itself, in at least `minPapers` papers, and
// specific: in at most `maxCorpusShare` of all papers, since a modifier most papers use
// stands for no one term. Elliptical mentions are never whole phrases, so ranking
// weighs them as nested mentions (stages/ranking.ts) and they rarely lead a paper.
import type { OccurrenceCounts } from './occurrences.ts';
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
  /** Most share of a run's uses in running text that are a whole phrase (default 0.5). */
  maxWholeShare: number;
}

export const ellipsisDefaults: EllipsisOptions = { dominantShare: 0.5, minPapers: 3, maxCorpusShare: 0.02, maxWords: 3, maxWholeShare: 0.5 };

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
  // The prefix test first: every word of every phrase is asked on three passes.
  return word.acronym ? resolve(word.key) : word.text.startsWith('anti') && REVERSED.test(word.text) ? word.text.replace(REVERSED, '').toLowerCase() : word.key;
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

type Phrase = Occurrence['phrase'];
type Word = Phrase['words'][number];

/** A paper's kept occurrences grouped by the phrase they are in. */
function byPhrase(byKey: Map<string, Occurrence[]>, kept: Set<string>): Map<Phrase, Occurrence[]> {
  const map = new Map<Phrase, Occurrence[]>();
  for (const list of byKey.values()) for (const o of list) if (kept.has(o.key)) (map.get(o.phrase) ?? map.set(o.phrase, []).get(o.phrase)!).push(o);
  return map;
}

const firstWordOf = (w: Word, resolve: Resolve) => (w.acronym ? resolve(w.key).split(' ')[0] : modifierKey(w, resolve));

/**
 * Resolves modifier runs to the concepts they stand for, over the corpus a paper at a
 * time, in three passes: `noteWritten` for every paper, then `count` for every paper,
 * then `resolve`; after which `ellipses` gives a paper's elliptical mentions (`withAdded` adds them).
 */
export class EllipsisResolver {
  readonly #options: EllipsisOptions;
  /** Runs written terminologically in running text, the only ones that can resolve. */
  readonly #written = new Set<string>();
  /** First words of the runs that may matter now: written ones while counting, resolved ones after. */
  #firstWords = new Set<string>();
  #counting = false;
  /** Run → papers writing it as a modifier. */
  readonly #runPapers = new Map<string, Set<number>>();
  /** Run → [uses in running text, terminological ones, whole-phrase ones]: a title capitalises every word. */
  readonly #forms = new Map<string, [number, number, number]>();
  /** Run → concept continuing it → papers. */
  readonly #continued = new Map<string, Map<string, Set<number>>>();
  #resolved = new Map<string, string>();

  constructor(
    readonly kept: Set<string>,
    options: Partial<EllipsisOptions> = {},
  ) {
    this.#options = { ...ellipsisDefaults, ...options };
  }

  /** Pass 1: the runs a paper writes terminologically in running text (few phrases have a hyphen or a capital). */
  noteWritten(phrases: Phrase[], resolve: Resolve): void {
    for (const phrase of phrases) {
      if (phrase.kind !== 'maximal' || phrase.field === 'title' || !phrase.words.some((w) => !w.unitStart || !w.unitEnd || PROPER.test(w.text))) continue;
      for (const run of modifierRuns(phrase, resolve, this.#options.maxWords, true)) {
        if (run.terminological && (run.from > 0 || phrase.before) && !this.kept.has(run.key)) this.#written.add(run.key);
      }
    }
  }

  /** Pass 2: how paper `p` writes those runs, and which concept continues each; `occurrences` is asked only when needed. */
  count(p: number, phrases: Phrase[], resolve: Resolve, occurrences: () => Map<string, Occurrence[]>): void {
    if (!this.#counting) {
      this.#counting = true;
      this.#firstWords = new Set([...this.#written].map((key) => key.split(' ')[0]));
    }
    let grouped: Map<Phrase, Occurrence[]> | undefined;
    for (const phrase of phrases) {
      if (!this.#mayHold(phrase, resolve)) continue;
      grouped ??= byPhrase(occurrences(), this.kept);
      const inPhrase = grouped.get(phrase) ?? [];
      for (const run of modifierRuns(phrase, resolve, this.#options.maxWords, true)) {
        if (!this.#written.has(run.key)) continue;
        const papers = this.#runPapers.get(run.key) ?? this.#runPapers.set(run.key, new Set()).get(run.key)!;
        papers.add(p);
        if (phrase.field !== 'title' && (run.from > 0 || phrase.before)) {
          const counts = this.#forms.get(run.key) ?? this.#forms.set(run.key, [0, 0, 0]).get(run.key)!;
          counts[0]++;
          if (run.terminological) counts[1]++;
          if (run.from === 0 && run.to === phrase.words.length - 1) counts[2]++;
        }
        // The concept continuing the run: the shortest kept occurrence starting with it.
        let next: Occurrence | undefined;
        for (const o of inPhrase) if (o.from === run.from && o.to > run.to && (!next || o.to < next.to)) next = o;
        // Only the head is left out: "rate-based" is no ellipsis of "rate-based Hebbian learning".
        if (!next || next.key.split(' ').length !== run.key.split(' ').length + 1) continue;
        const byConcept = this.#continued.get(run.key) ?? this.#continued.set(run.key, new Map()).get(run.key)!;
        (byConcept.get(next.key) ?? byConcept.set(next.key, new Set()).get(next.key)!).add(p);
      }
    }
  }

  /** Pass 3: modifier run → the concept it stands for, over a corpus of `papers` papers. */
  resolve(papers: number): Map<string, string> {
    const { dominantShare, minPapers, maxCorpusShare, maxWholeShare } = this.#options;
    const resolved = new Map<string, string>();
    const maxPapers = Math.max(minPapers, maxCorpusShare * papers);
    for (const [run, runPapers] of this.#runPapers) {
      if (runPapers.size < minPapers || runPapers.size > maxPapers || this.kept.has(run)) continue;
      const [uses, terminological, whole] = this.#forms.get(run) ?? [0, 0, 0];
      if (terminological * 2 < uses || uses === 0 || whole > maxWholeShare * uses) continue;
      let best: [string, number] | null = null;
      const anyTerm = new Set<number>();
      for (const [concept, set] of this.#continued.get(run) ?? []) {
        for (const q of set) anyTerm.add(q);
        if (!best || set.size > best[1] || (set.size === best[1] && concept < best[0])) best = [concept, set.size];
      }
      if (best && best[1] >= dominantShare * anyTerm.size) resolved.set(run, best[0]);
    }
    this.#resolved = resolved;
    this.#firstWords = new Set([...resolved.keys()].map((key) => key.split(' ')[0]));
    return resolved;
  }

  /**
   * The elliptical mentions of a paper, by concept, to add to its occurrences (asked of
   * `occurrences` only when a phrase may hold a resolved run, as in `count`); null when
   * there are none.
   */
  ellipses(phrases: Phrase[], resolve: Resolve, occurrences: () => Map<string, Occurrence[]>): Map<string, Occurrence[]> | null {
    if (this.#resolved.size === 0) return null;
    let out: Map<string, Occurrence[]> | null = null;
    let grouped: Map<Phrase, Occurrence[]> | undefined;
    for (const phrase of phrases) {
      if (!this.#mayHold(phrase, resolve)) continue;
      grouped ??= byPhrase(occurrences(), this.kept);
      const inPhrase = grouped.get(phrase) ?? [];
      // Longest runs first, so "spike timing dependent" wins over "timing dependent".
      const runs = modifierRuns(phrase, resolve, this.#options.maxWords, true).sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
      const taken: Run[] = [];
      for (const run of runs) {
        const concept = this.#resolved.get(run.key);
        if (!concept) continue;
        const covered = inPhrase.some((o) => o.from <= run.from && o.to >= run.to) || taken.some((t) => t.from <= run.to && t.to >= run.from);
        if (covered) continue;
        taken.push(run);
        out ??= new Map();
        (out.get(concept) ?? out.set(concept, []).get(concept)!).push({ key: concept, phrase, from: run.from, to: run.to, elliptical: true });
      }
    }
    return out;
  }

  #mayHold(phrase: Phrase, resolve: Resolve): boolean {
    return phrase.kind === 'maximal' && phrase.words.some((w) => this.#firstWords.has(firstWordOf(w, resolve)));
  }
}

/** `byKey` with `added` appended to each concept's occurrences (`byKey` itself when nothing is added). */
export function withAdded(byKey: Map<string, Occurrence[]>, added: Map<string, Occurrence[]> | null): Map<string, Occurrence[]> {
  if (!added) return byKey;
  const out = new Map(byKey);
  for (const [key, list] of added) out.set(key, [...(out.get(key) ?? []), ...list]);
  return out;
}

/** Adds to `counts` the elliptical mentions `added` of one paper whose own occurrences are `before`. */
export function addEllipsisCounts(counts: OccurrenceCounts, before: Map<string, Occurrence[]>, added: Map<string, Occurrence[]> | null): void {
  if (!added) return;
  for (const [key, list] of added) {
    const had = before.get(key);
    counts.frequency.set(key, (counts.frequency.get(key) ?? 0) + list.length);
    if (!had) counts.documentFrequency.set(key, (counts.documentFrequency.get(key) ?? 0) + 1);
    if (list.some((o) => o.phrase.field === 'title') && !had?.some((o) => o.phrase.field === 'title')) {
      counts.titleFrequency.set(key, (counts.titleFrequency.get(key) ?? 0) + 1);
    }
  }
}
