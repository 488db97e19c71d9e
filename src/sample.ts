// The bundled sample corpus (data/sample/: five Hugging Face Daily Papers pages, 99
// papers), which `npm start` serves on a first run so the explorer opens on something.
// A store that holds only the sample is a demo: the first ingest of your own papers
// replaces it (and says so) instead of mixing them in, unless the sample is among the
// paths you ingest.
import { fileURLToPath } from 'node:url';
import type { Paper } from './graph/model.ts';
import { readCorpus } from './corpus/index.ts';

export const SAMPLE_DIR = fileURLToPath(new URL('../data/sample/', import.meta.url));

/** Fingerprints of every record of the bundled sample. */
async function sampleFingerprints(): Promise<Set<string>> {
  const { records } = await readCorpus([SAMPLE_DIR]);
  return new Set(records.flatMap((r) => r.sources));
}

/**
 * True when `stored` is the bundled sample and nothing else, and `incoming` does not
 * bring the sample again: then an ingest of `incoming` should replace the store.
 */
export async function holdsOnlyTheSample(stored: Paper[], incoming: Paper[]): Promise<boolean> {
  if (stored.length === 0 || incoming.length === 0) return false;
  if (!stored.every((p) => p.source.startsWith('daily-papers:'))) return false;
  const sample = await sampleFingerprints();
  if (!stored.every((p) => p.sources.every((fp) => sample.has(fp)))) return false;
  return !incoming.some((p) => p.sources.some((fp) => sample.has(fp)));
}
