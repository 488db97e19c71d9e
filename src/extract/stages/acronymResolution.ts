// Acronyms across a corpus: the definitions each paper makes (Schwartz & Hearst 2003,
// acronyms.ts) pooled into one table, so a short form used without a definition
// resolves to the long form the corpus gives it. A short form resolves when the corpus
// gives it one long form, or one long form for the clear majority of its definitions
// (in NeurIPS abstracts two papers define STDP as "spike-time dependent plasticity"
// against twenty-odd "spike-timing-dependent plasticity", and STDP alone means the
// latter); where the corpus is split (SNN: spiking neural network, social neighbourhood
// network) it stays apart. A paper's own definition always wins inside that paper.
//
// Long forms one short form is defined with are merged when they are variants of one
// another, as ADAM groups abbreviation definitions (Zhou, Torvik & Smalheiser 2006,
// "ADAM: another database of abbreviations in MEDLINE", Bioinformatics 22(22)): the
// same number of words, each pair sharing its Porter stem ("spike-time" / "spike-timing
// dependent plasticity") or one a prefix of the other ("generative adversarial nets" /
// "networks"). Each variant joins the long form defined most often; "spiking neural
// network" and "social neighbourhood network" (both SNN) are no variants and stay apart.
// A merge is an alias of the concept, so `export --format thesaurus` lists it, and a
// thesaurus line mapping the variant to itself undoes it.
import type { PaperAnalysis } from '../analyze.ts';
import { porterStem } from '../porter.ts';
import { fullKey, type Resolve } from './terms.ts';

export interface AcronymOptions {
  /** Longest long form kept, in words (default 5, the longest term). */
  maxWords: number;
  /** Share of a short form's definitions one long form needs to be what it means alone (default 0.75). */
  dominantShare: number;
}

export const acronymDefaults: AcronymOptions = { maxWords: 5, dominantShare: 0.75 };

/** Short form → long-form key → papers defining it; shared across blocks of a stream. */
export type AcronymTable = Map<string, Map<string, number>>;

/** The long form a short form means when used alone, or null when the corpus is split. */
export function dominantLongForm(longForms: Map<string, number>, share = acronymDefaults.dominantShare): string | null {
  let total = 0;
  let best: [string, number] | null = null;
  for (const entry of longForms) {
    total += entry[1];
    if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  }
  if (!best) return null;
  return longForms.size === 1 || best[1] / total >= share ? best[0] : null;
}

/** Add the acronyms a set of analyses defines to `table`. */
export function collectAcronyms(analyses: Iterable<PaperAnalysis>, table: AcronymTable, options: Partial<AcronymOptions> = {}): void {
  const { maxWords } = { ...acronymDefaults, ...options };
  for (const analysis of analyses) {
    for (const definition of analysis.definitions) {
      const longKey = fullKey(analysis.phrases[definition.phrase]);
      if (!longKey || longKey === definition.short || longKey.split(' ').length > maxWords) continue;
      const longForms = table.get(definition.short) ?? new Map<string, number>();
      longForms.set(longKey, (longForms.get(longKey) ?? 0) + 1);
      table.set(definition.short, longForms);
    }
  }
}

/** Two long forms that differ only in how their words are inflected or shortened. */
export function areVariants(a: string, b: string): boolean {
  const left = a.toLowerCase().split(' ');
  const right = b.toLowerCase().split(' ');
  if (a === b || left.length !== right.length) return false;
  return left.every((word, i) => {
    const other = right[i];
    if (word === other || porterStem(word) === porterStem(other)) return true;
    const [shorter, longer] = word.length <= other.length ? [word, other] : [other, word];
    return shorter.length >= 3 && longer.startsWith(shorter);
  });
}

/** Variant long form → the long form it merges into, over every short form of the table. */
export function longFormVariants(table: AcronymTable): Map<string, string> {
  const variants = new Map<string, string>();
  for (const longForms of table.values()) {
    const ranked = [...longForms].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    for (let i = 1; i < ranked.length; i++) {
      const canonical = ranked.slice(0, i).find(([key]) => !variants.has(key) && areVariants(key, ranked[i][0]));
      if (canonical && !variants.has(ranked[i][0])) variants.set(ranked[i][0], canonical[0]);
    }
  }
  return variants;
}

/**
 * The resolver of each paper: its own definitions first, then the corpus's unambiguous
 * ones (variants pooled). The corpus table is read once; each paper adds its own.
 */
export function acronymResolver(table: AcronymTable, options: Partial<AcronymOptions> = {}, variants = longFormVariants(table)): (analysis: PaperAnalysis) => Resolve {
  const { dominantShare } = { ...acronymDefaults, ...options };
  const unambiguous = new Map<string, string>();
  for (const [short, longForms] of table) {
    const pooled = new Map<string, number>();
    for (const [key, n] of longForms) {
      const canonical = variants.get(key) ?? key;
      pooled.set(canonical, (pooled.get(canonical) ?? 0) + n);
    }
    const dominant = dominantLongForm(pooled, dominantShare);
    if (dominant) unambiguous.set(short, dominant);
  }
  return (analysis) => {
    const local = new Map<string, string>();
    for (const definition of analysis.definitions) {
      const longKey = fullKey(analysis.phrases[definition.phrase]);
      if (longKey && !local.has(definition.short)) local.set(definition.short, variants.get(longKey) ?? longKey);
    }
    return (short: string) => local.get(short) ?? unambiguous.get(short) ?? short;
  };
}
