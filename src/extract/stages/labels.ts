// A concept's label and aliases: every surface form its occurrences were written in,
// most written first, and as label the form a user would write mid-sentence (title
// case and sentence-initial capitals lowered): an acronym's long form rather than the
// acronym, a noun rather than the relational adjective ("dendrite", not "dendritic"),
// and running text's casing rather than a title's ("Spike Timing Dependent Plasticity").
import type { ExtractedConcept } from '../../graph/model.ts';
import type { Phrase } from '../phrases.ts';
import { isAcronymLike } from '../normalize.ts';
import type { PaperText } from '../types.ts';
import type { Occurrence } from './terms.ts';

/** Several words, each capitalised and not an acronym: the casing of a title. */
function isTitleCased(surface: string): boolean {
  const words = surface.split(/[\s-]+/);
  return words.length > 1 && words.every((word) => /^\p{Lu}\p{Ll}/u.test(word));
}

/** The surface a user would write mid-sentence: title case and sentence-initial capitals lowered. */
function surfaceOf(text: string, phrase: Phrase, occurrence: Occurrence): string {
  const start = phrase.words[occurrence.from].start;
  const end = phrase.words[occurrence.to].end;
  const surface = text.slice(start, end);
  const sentenceStart = /(^|[.!?:]\s*)$/.test(text.slice(Math.max(0, start - 3), start));
  // A title's capitals, or a sentence opening in Title Case ("Generative Adversarial Networks (GANs) are…").
  const lowerAll = phrase.field === 'title' || (sentenceStart && isTitleCased(surface));
  if (!lowerAll && !sentenceStart) return surface;
  let first = true;
  return surface.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const lower = (lowerAll || first) && /^\p{Lu}\p{Ll}+$/u.test(word);
    first = false;
    return lower ? word.toLowerCase() : word;
  });
}

/** Collects, paper by paper, the surface forms of the kept concepts; `concepts()` labels them. */
export class SurfaceTally {
  #surfaces = new Map<string, Map<string, number>>();
  // "dendritic" written for dendrite: an alias, never the label (a node reads as a noun).
  #adjectivalSurfaces = new Set<string>();
  // "Hebbian" written for Hebbian learning (stages/modifierEllipsis.ts): an alias, never the label.
  #ellipticalSurfaces = new Set<string>();

  constructor(readonly kept: Set<string>) {}

  add(paper: PaperText, occurrences: Map<string, Occurrence[]>): void {
    for (const [key, list] of occurrences) {
      if (!this.kept.has(key)) continue;
      const counts = this.#surfaces.get(key) ?? new Map<string, number>();
      this.#surfaces.set(key, counts);
      for (const occurrence of list) {
        const { phrase, from, to } = occurrence;
        const surface = surfaceOf(phrase.field === 'title' ? paper.title : paper.abstract, phrase, occurrence);
        counts.set(surface, (counts.get(surface) ?? 0) + 1);
        if (from === to && phrase.words[from].adjectiveNoun === key) this.#adjectivalSurfaces.add(`${key}\t${surface}`);
        if (occurrence.elliptical) this.#ellipticalSurfaces.add(`${key}\t${surface}`);
      }
    }
  }

  /**
   * Labels and aliases of the kept concepts, with their termhood as score, best first.
   * `adjectiveLast` tells an alias whose last word is an adjective ("variational
   * Bayesian" beside "variational Bayes"): a label ends in its head noun where some alias does.
   */
  concepts(termhood: Map<string, number>, round: (value: number) => number, adjectiveLast: (alias: string) => boolean = () => false): ExtractedConcept[] {
    const concepts: ExtractedConcept[] = [];
    for (const key of this.kept) {
      const counts = this.#surfaces.get(key);
      if (!counts) continue;
      const aliases = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([surface]) => surface);
      const named = aliases.filter((alias) => !this.#ellipticalSurfaces.has(`${key}\t${alias}`));
      const written = named.length > 0 ? named : aliases;
      // An acronym's concept reads as its long form; the short form stays an alias.
      const spelledOut = isAcronymLike(key) ? written : written.filter((alias) => !alias.split(/[\s-]+/).every(isAcronymLike));
      const nouns = (spelledOut.length > 0 ? spelledOut : written).filter((alias) => !this.#adjectivalSurfaces.has(`${key}\t${alias}`));
      const headed = nouns.filter((alias) => !adjectiveLast(alias));
      const candidates = headed.length > 0 ? headed : nouns;
      const label = candidates.find((alias) => !isTitleCased(alias)) ?? candidates[0] ?? key;
      concepts.push({ id: key, label, aliases, score: round(termhood.get(key) ?? 0) });
    }
    concepts.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return concepts;
  }
}
