// The tagger drives compromise's steps itself (src/extract/tagger.ts, `parse`), each
// once, for speed. Its terms and tags must be exactly those of compromise's own path,
// `nlp.tokenize(text).compute(['alias', 'normal', 'lexicon', 'preTagger'])`, which the
// tagger used before: on the bundled sample, on sentences that exercise the
// contractions step, and on real abstracts of the NeurIPS/ICML/ICLR corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise/two';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/corpus/index.ts';
import { parse } from '../../src/extract/tagger.ts';
import { locateCorpus } from '../helpers/neuripsStore.ts';

interface Term {
  text: string;
  pre: string;
  post: string;
  tags: Set<string>;
}

const view = (sentences: Term[][]) => sentences.map((terms) => terms.map((t) => `${t.pre}|${t.text}|${t.post}|${[...t.tags].join(',')}`));

function reference(text: string): string[][] {
  const doc = nlp.tokenize(text);
  doc.compute(['alias', 'normal', 'lexicon', 'preTagger']);
  return view(doc.docs as Term[][]);
}

function differences(texts: string[]): { text: string; fast: string[][]; reference: string[][] }[] {
  const out: { text: string; fast: string[][]; reference: string[][] }[] = [];
  for (const text of texts) {
    const fast = view(parse(text));
    const expected = reference(text);
    if (JSON.stringify(fast) !== JSON.stringify(expected)) out.push({ text, fast, reference: expected });
  }
  return out;
}

describe('tagger parse', () => {
  it("gives compromise's own terms and tags on the bundled sample", () => {
    const dir = join(import.meta.dirname, '../../data/sample');
    const texts = readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .flatMap((name) => readFileSync(join(dir, name), 'utf8').split(/\n\s*\n/));
    expect(texts.length).toBeGreaterThan(50);
    expect(differences(texts)).toEqual([]);
  });

  it('splits contractions, number ranges and units as compromise does', () => {
    const texts = [
      "We don't assume convexity, and it's not needed: the bound can't be improved.",
      'The method cannot fail; we gonna show that in 5km runs over 3-5 epochs and 10ms windows.',
      "Hebb's rule and the networks' weights, from 1987 to 2019, in the '90s.",
      'Error drops 12.5% (±0.3) at 44-2 splits; a 4x speed-up and 3rd place.',
    ];
    const contracted = parse(texts[0]).flat();
    expect(contracted.length).toBeGreaterThan(texts[0].split(' ').length);
    expect(differences(texts)).toEqual([]);
  });

  it('tags a word again the same where its neighbours decide (capitals, colon, year, multi-word entries)', () => {
    // The pre-tagger replays a word's own steps from its first occurrence: each word
    // below comes back where a neighbour or its clause changes how it is tagged.
    const texts = [
      'DEEP NETWORKS FOR SPEECH RECOGNITION IN NOISY ROOMS WITH TYPE II ERRORS',
      'Deep networks for speech recognition in noisy rooms, and type II errors.',
      'Summary: networks learn speech. Summary of networks: speech in rooms.',
      'In 1998, the 1998 model saw 1998 samples; by 2019 the networks of 2019 had 1998 units.',
      'We train in order to learn the order of words, in spite of noise and in order.',
      'CNNs and a CNN, the CNN of IBM, Type II and II, MODEL II, the XVII networks.',
    ];
    expect(differences([...texts, ...texts.reverse()])).toEqual([]);
  });

  const corpus = locateCorpus();
  const missing = 'missing' in corpus ? corpus.missing : null;
  it.skipIf(missing !== null)(`gives compromise's own terms and tags on 600 real abstracts${missing ? ` (skipped: ${missing})` : ''}`, async () => {
    const { records } = await readCorpus([(corpus as { file: string }).file]);
    // Spread over the years: scanned 1987 text with PDF debris, and recent LaTeX-laden abstracts.
    const step = Math.floor(records.length / 300);
    const texts = records.filter((_, i) => i % step === 0).flatMap((r) => [r.title ?? '', r.abstract ?? '']);
    expect(texts.length).toBeGreaterThanOrEqual(600);
    expect(differences(texts)).toEqual([]);
  }, 120_000);
});
