// C-value termhood, Frantzi, Ananiadou & Mima (2000), "Automatic recognition of
// multi-word terms: the C-value/NC-value method", Int. J. Digital Libraries 3(2).
// A term's frequency is discounted by the mean frequency of the longer candidate
// terms it is nested in, so "neural network" is not credited with every "spiking
// neural network". Uses log2(|a| + 1) instead of log2|a| so one-word terms score
// (the common extension, e.g. Barrón-Cedeño et al. 2009).

export interface CValueOptions {
  /** Longest nested sub-term looked up, in words (default 6). */
  maxWords: number;
}

const defaults: CValueOptions = { maxWords: 6 };

/**
 * C-value of every candidate. `frequency` holds each candidate key's occurrences in the
 * corpus, nested ones included; keys are space-separated words.
 */
export function cValue(frequency: Map<string, number>, options: Partial<CValueOptions> = {}): Map<string, number> {
  const { maxWords } = { ...defaults, ...options };
  // For each nested candidate: how many longer candidates contain it, and their total frequency.
  const containers = new Map<string, { count: number; total: number }>();
  for (const [key, f] of frequency) {
    const words = key.split(' ');
    if (words.length < 2) continue;
    const seen = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j <= words.length && j - i <= maxWords; j++) {
        if (j - i === words.length) continue;
        const sub = words.slice(i, j).join(' ');
        if (seen.has(sub) || !frequency.has(sub)) continue;
        seen.add(sub);
        const entry = containers.get(sub) ?? { count: 0, total: 0 };
        entry.count++;
        entry.total += f;
        containers.set(sub, entry);
      }
    }
  }
  const scores = new Map<string, number>();
  for (const [key, f] of frequency) {
    const length = key.split(' ').length;
    const nested = containers.get(key);
    const discounted = nested ? f - nested.total / nested.count : f;
    scores.set(key, Math.log2(length + 1) * discounted);
  }
  return scores;
}
