import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedupePapers, readCorpus } from '../../src/corpus/index.ts';
import type { Extraction } from '../../src/graph/model.ts';
import { findDefinitions } from '../../src/extract/acronyms.ts';
import {
  extractCorpus,
  extractJsonl,
  parseThesaurus,
  readThesaurus,
  thesaurusFromExtraction,
  ThesaurusError,
  type PaperText,
} from '../../src/extract/index.ts';
import {
  autoencoderSentences,
  catastrophicSentences,
  experimentsShowSentences,
  hebbianSentences,
  leastSquaresSentences,
  spikeTimingSentences,
  ganDefinitionSentences,
  outperformsSentences,
  stdpDefinitionSentences,
  supportVectorSentences,
  variantOfSentences,
} from './fixtures/corpusSentences.ts';

const paper = (id: string, title: string, abstract: string): PaperText => ({ id, title, abstract });

function papersOf(extraction: Extraction, conceptId: string): string[] {
  return Array.from(extraction.mentions).filter((m) => m.conceptId === conceptId).map((m) => m.paperId).sort();
}

function conceptWithAlias(extraction: Extraction, alias: string) {
  return extraction.concepts.filter((c) => c.aliases.some((a) => a.toLowerCase() === alias.toLowerCase()));
}

describe('acronym definitions (Schwartz & Hearst)', () => {
  const pairs = (text: string) => findDefinitions(text).map((d) => [text.slice(d.shortStart, d.shortEnd), text.slice(d.longStart, d.longEnd)]);

  it('finds "long form (SF)" and "SF (long form)"', () => {
    expect(pairs('We study spike-timing-dependent plasticity (STDP) in cortex.')).toEqual([['STDP', 'spike-timing-dependent plasticity']]);
    expect(pairs('We apply STDP (spike timing dependent plasticity) to robots.')).toEqual([['STDP', 'spike timing dependent plasticity']]);
  });

  it('reads the first part of nested or annotated parentheses', () => {
    expect(pairs('The electroencephalogram (EEG (ref. 3)) was recorded.')).toEqual([['EEG', 'electroencephalogram']]);
    expect(pairs('A Spiking Neural Network (SNN; see below) fires.')).toEqual([['SNN', 'Spiking Neural Network']]);
  });

  it('takes acronyms made of letters that are also roman numerals (CL, ML, LLM)', () => {
    expect(pairs('A new Continual Learning (CL) paradigm.')).toEqual([['CL', 'Continual Learning']]);
    expect(pairs('Large language models (LLM) and machine learning (ML) meet.')).toEqual([['LLM', 'Large language models'], ['ML', 'machine learning']]);
  });

  it('does not take enumerations, years or citations for acronyms', () => {
    expect(pairs('We show (i) a bound, (ii) a rate, (1) a test, (a) a case (2019) and (e.g. SGD) results (II).')).toEqual([]);
  });
});

describe('extractCorpus', () => {
  it('makes one concept of an acronym and its long form, also where a paper uses the acronym alone', async () => {
    const extraction = await extractCorpus([
      paper('a', 'Plasticity in cortex', 'We model spike-timing-dependent plasticity (STDP) in cortical columns.'),
      paper('b', 'Robots that learn', 'A robot learns with STDP and reward signals.'),
      paper('c', 'Rules for synapses', 'Spike timing dependent plasticity rules shape synapses.'),
    ]);
    const matching = conceptWithAlias(extraction, 'STDP');
    expect(matching.map((c) => c.id)).toEqual(['spike timing dependent plasticity']);
    expect(matching[0].aliases).toEqual(expect.arrayContaining(['STDP', 'spike-timing-dependent plasticity']));
    expect(papersOf(extraction, 'spike timing dependent plasticity')).toEqual(['a', 'b', 'c']);
  });

  it('keeps an ambiguous short form apart from both long forms', async () => {
    const extraction = await extractCorpus([
      paper('a', 'Spikes', 'We train a spiking neural network (SNN) on events.'),
      paper('b', 'Graphs', 'A social neighbourhood network (SNN) links users.'),
      paper('c', 'Chips', 'Neuromorphic chips run an SNN.'),
    ]);
    expect(papersOf(extraction, 'spiking neural network')).toEqual(['a']);
    expect(papersOf(extraction, 'social neighborhood network')).toEqual(['b']);
    expect(papersOf(extraction, 'SNN')).toEqual(['c']);
  });

  it('resolves a short form used alone to the long form most papers define it as', async () => {
    const extraction = await extractCorpus([
      paper('a', 'Plasticity', 'Spike-timing-dependent plasticity (STDP) shapes cortex.'),
      paper('b', 'Learning', 'We use spike-timing-dependent plasticity (STDP) in robots.'),
      paper('c', 'Rules', 'A spike-timing-dependent plasticity (STDP) rule for synapses.'),
      paper('d', 'Timing', 'A spike-time dependent plasticity (STDP) variant.'),
      paper('e', 'Chips', 'Neuromorphic chips implement STDP on the fly.'),
    ]);
    // "spike-time dependent plasticity" is a variant of the same long form: one concept.
    expect(papersOf(extraction, 'spike timing dependent plasticity')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('never makes a concept of markup left in a title or abstract', async () => {
    const extraction = await extractCorpus([
      paper('a', '<img src=x onerror=alert(1)>Spiking networks', 'Spiking networks learn; <script>alert(2)</script> dendritic compartments help.'),
    ]);
    expect(extraction.concepts.filter((c) => /[<>=]/.test(c.id) || c.aliases.some((a) => /[<>=]/.test(a)))).toEqual([]);
    expect(extraction.concepts.some((c) => c.id === 'spiking network')).toBe(true);
  });

  it('labels a concept as running text writes it, not as titles capitalise it', async () => {
    const extraction = await extractCorpus([
      paper('a', 'Robots', 'Robots suffer from Catastrophic Forgetting of old tasks.'),
      paper('b', 'Agents', 'Replay avoids Catastrophic Forgetting in agents.'),
      paper('c', 'Memory', 'We reduce catastrophic forgetting with replay.'),
    ]);
    const concept = extraction.concepts.find((c) => c.id === 'catastrophic forgetting');
    expect(concept?.label).toBe('catastrophic forgetting');
    expect(concept?.aliases).toContain('Catastrophic Forgetting');
  });

  it('merges plural, adjective, hyphen and spelling variants into one concept', async () => {
    const extraction = await extractCorpus([
      paper('a', 'Dendrites compute', 'Active dendrites integrate inputs under spike-timing-dependent rules and modelling of behaviour.'),
      paper('b', 'A dendrite model', 'A single dendrite with spike timing dependent rules shapes behavior.'),
      paper('c', 'Dendritic computation', 'We show dendritic nonlinearities in pyramidal cells; the behaviours differ.'),
    ]);
    expect(conceptWithAlias(extraction, 'dendrites').map((c) => c.id)).toEqual(['dendrite']);
    expect(papersOf(extraction, 'dendrite')).toEqual(['a', 'b', 'c']);
    expect(conceptWithAlias(extraction, 'dendritic').map((c) => c.id)).toEqual(['dendrite']);
    expect(papersOf(extraction, 'spike timing dependent rule')).toEqual(['a', 'b']);
    expect(papersOf(extraction, 'behavior')).toEqual(['a', 'b', 'c']);
    expect(conceptWithAlias(extraction, 'behaviour')[0].aliases).toEqual(expect.arrayContaining(['behaviour', 'behavior', 'behaviours']));
  });

  it('drops general academic language', async () => {
    const extraction = await extractCorpus([
      paper('a', 'A novel method for catastrophic forgetting', 'We propose a novel approach. Results show that our framework improves performance on this task and the state of the art.'),
    ]);
    const ids = extraction.concepts.map((c) => c.id);
    expect(ids).toContain('catastrophic forgetting');
    for (const generic of ['approach', 'result', 'novel method', 'method', 'framework', 'performance', 'task', 'state of the art', 'our']) {
      expect(ids).not.toContain(generic);
    }
  });

  it('takes one-word concepts only from noun-phrase heads, never from modifiers or lone adjectives', async () => {
    const extraction = await extractCorpus([
      paper('a', 'Reinforcement learning in cortex', 'Reinforcement learning shapes cortical circuits. The dynamics are complex and linear.'),
      paper('b', 'Circuits', 'Dendritic circuits compute derivatives of a loss in a dendrite with dendritic spikes.'),
    ]);
    const ids = extraction.concepts.map((c) => c.id);
    expect(ids).toContain('reinforcement learning');
    // A modifier, an activity noun heading a longer term, and adjectives alone are not concepts.
    for (const weak of ['reinforcement', 'learning', 'complex', 'linear']) expect(ids).not.toContain(weak);
    // Heads of longer phrases still count; a word the tagger calls an adjective is a noun in the plural.
    expect(papersOf(extraction, 'circuit')).toEqual(['a', 'b']);
    expect(papersOf(extraction, 'derivative')).toEqual(['b']);
    // A concept written more often as its adjective is still labelled by its noun.
    expect(extraction.concepts.find((c) => c.id === 'dendrite')?.label).toBe('dendrite');
  });

  it('ends noun phrases at verbs the tagger takes for nouns and at common-noun possessives', async () => {
    const extraction = await extractCorpus([
      paper('a', 'Model predictive control of replay', "Generative replay outperforms the baselines. The industry's expectations differ from Parkinson's disease."),
    ]);
    const ids = extraction.concepts.map((c) => c.id);
    // A sentence-initial "Model" is a noun here, not an imperative verb.
    expect(ids).toContain('model predictive control');
    // "outperforms" before "the" is the verb of the sentence, not the head of "generative replay outperforms".
    expect(ids).toContain('generative replay');
    expect(ids.filter((id) => id.includes('outperform'))).toEqual([]);
    // "industry's expectations" is two phrases; a name's possessive stays in its term.
    expect(ids).toContain('industry');
    expect(ids).toContain("parkinson's disease");
  });

  it('gives spans that point at the text each mention was found in', async () => {
    const papers = [
      paper('a', 'Catastrophic Forgetting in Spiking Networks', 'Continual learning suffers from catastrophic forgetting (CF) — “naïve” replay aside — in deep networks.'),
      paper('b', 'Replay', 'Generative replay reduces CF in class-incremental learning.'),
    ];
    const extraction = await extractCorpus(papers);
    expect(extraction.mentions.length).toBeGreaterThan(0);
    const concepts = new Map(extraction.concepts.map((c) => [c.id, c]));
    for (const mention of extraction.mentions) {
      const source = papers.find((p) => p.id === mention.paperId)!;
      expect(mention.spans.length).toBe(mention.count);
      for (const span of mention.spans) {
        const text = span.field === 'title' ? source.title : source.abstract;
        const surface = text.slice(span.start, span.end);
        const aliases = concepts.get(mention.conceptId)!.aliases.map((a) => a.toLowerCase());
        expect(aliases).toContain(surface.toLowerCase());
      }
    }
    expect(papersOf(extraction, 'catastrophic forgetting')).toEqual(['a', 'b']);
    expect(Array.from(extraction.mentions).find((m) => m.paperId === 'a' && m.conceptId === 'catastrophic forgetting')?.inTitle).toBe(true);
  });

  it('applies a thesaurus: replacements merge, empty replacements drop', async () => {
    const thesaurus = parseThesaurus('label\treplace by\nartificial neural network\tneural network\ncontinual learning\t\n', 'mine.txt');
    const extraction = await extractCorpus(
      [
        paper('a', 'Nets', 'An artificial neural network learns with continual learning.'),
        paper('b', 'More nets', 'A neural network with dropout.'),
      ],
      { thesaurus },
    );
    const ids = extraction.concepts.map((c) => c.id);
    expect(ids).not.toContain('continual learning');
    expect(ids).not.toContain('artificial neural network');
    expect(papersOf(extraction, 'neural network')).toEqual(['a', 'b']);
  });

  it('exports its merges as a thesaurus that re-applies to the same concepts', async () => {
    const papers = [
      paper('a', 'Dendrites', 'Spiking neural networks (SNNs) with dendrites and modelling of behaviour.'),
      paper('b', 'SNN dendrite', 'An SNN with one dendrite models behavior.'),
    ];
    const first = await extractCorpus(papers);
    const text = thesaurusFromExtraction(first);
    expect(text.split('\n')[0]).toBe('label\treplace by');
    expect(text).toContain('SNNs\tspiking neural network');
    const dir = mkdtempSync(join(tmpdir(), 'thesaurus-'));
    writeFileSync(join(dir, 't.txt'), text);
    const second = await extractCorpus(papers, { thesaurus: readThesaurus(join(dir, 't.txt')) });
    expect(second.concepts.map((c) => c.id).sort()).toEqual(first.concepts.map((c) => c.id).sort());
  });

  it('reports a malformed thesaurus with file and line', () => {
    expect(() => parseThesaurus('term\treplacement\n', 'bad.txt')).toThrow(/bad\.txt:1: expected the header/);
    expect(() => parseThesaurus('label\treplace by\nok\tfine\nno tab here\n', 'bad.txt')).toThrow(ThesaurusError);
    expect(() => parseThesaurus('label\treplace by\nok\tfine\nno tab here\n', 'bad.txt')).toThrow(/bad\.txt:3: expected "term<TAB>replacement"/);
  });
});

describe('on the sample corpus', async () => {
  const { records } = await readCorpus(['data/sample']);
  const { papers } = dedupePapers(records);
  const extraction = await extractCorpus(papers);

  const expectedPapers = (pattern: RegExp) =>
    papers
      .filter((p) => pattern.test(p.title) || pattern.test(p.abstract))
      .map((p) => p.id)
      .sort();

  it.each([
    ['STDP', /\bSTDPs?\b|spike[-\s]+timing[-\s]+dependent[-\s]+plasticity/i],
    ['catastrophic forgetting', /catastrophic[-\s]+forgetting/i],
    ['dendrite', /\bdendrit(e|es|ic)\b/i],
  ])('%s is one concept whose papers are exactly those mentioning it in any variant', (name, pattern) => {
    const expected = expectedPapers(pattern);
    expect(expected.length).toBeGreaterThan(1);
    const matching = extraction.concepts.filter((c) => c.aliases.some((a) => pattern.test(a) && a.replace(pattern, '').trim() === ''));
    expect(matching).toHaveLength(1);
    expect(papersOf(extraction, matching[0].id)).toEqual(expected);
  });

  it('is deterministic, in-process and with worker threads alike', async () => {
    // Four copies under new ids: enough papers for the pool to start its workers.
    const many = [0, 1, 2, 3].flatMap((copy) => papers.map((p) => ({ ...p, id: `${p.id}#${copy}` })));
    const inProcess = await extractCorpus(many, { workers: 1 });
    const pooled = await extractCorpus(many, { workers: 2 });
    expect(pooled).toEqual(inProcess);
    expect(await extractCorpus(papers, { workers: 1 })).toEqual(extraction);
    // Three extractions of up to 400 papers: over a minute when the two cores are shared.
  }, 300_000);

  it('streams one JSON line per paper, in input order, best concept first', async () => {
    const lines: string[] = [];
    async function* input() {
      yield* papers.slice(0, 20);
    }
    const summary = await extractJsonl(input(), (line) => {
      lines.push(line);
    });
    expect(summary.papers).toBe(20);
    expect(summary.concepts).toBeGreaterThan(20);
    const records = lines.map((line) => JSON.parse(line));
    expect(records.map((r) => r.id)).toEqual(papers.slice(0, 20).map((p) => p.id));
    for (const record of records) {
      expect(Object.keys(record)).toEqual(['id', 'title', 'concepts']);
      const scores = record.concepts.map((c: { score: number }) => c.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const concept of record.concepts) expect(Object.keys(concept)).toEqual(['id', 'label', 'score']);
    }
  });
});

describe('rules on real sentences (NeurIPS/ICML/ICLR abstracts)', () => {
  const corpusOf = (name: string, sentences: string[]) => sentences.map((sentence, i) => paper(`${name}${i}`, `Paper ${i}`, sentence));
  const ids = (extraction: Extraction) => extraction.concepts.map((c) => c.id);

  it('never makes a concept of a verb the tagger took for a noun: the corpus shows it before objects, never after a determiner', async () => {
    const extraction = await extractCorpus([...corpusOf('o', outperformsSentences), ...corpusOf('s', experimentsShowSentences)]);
    const written = extraction.concepts.flatMap((c) => c.aliases.map((alias) => alias.toLowerCase()));
    expect(written.filter((alias) => /\b(outperforms|show)\b/.test(alias))).toEqual([]);
    // The phrases around the verb stay: "the baseline model", "the traditional rejection mechanism".
    expect(ids(extraction)).toEqual(expect.arrayContaining(['baseline model', 'rejection mechanism', 'scoring function accuracy']));
  });

  it('never makes a concept of a partitive noun ("a variant of …"); the term after "of" is the concept', async () => {
    const extraction = await extractCorpus(corpusOf('v', variantOfSentences));
    expect(ids(extraction)).not.toContain('variant');
    expect(ids(extraction)).toEqual(expect.arrayContaining(['target propagation', 'slice sampler', 'online linear optimization']));
  });

  it('gives a fragment\'s nested occurrences to the one longer term it lives in ("vector machines" in "support vector machines")', async () => {
    const extraction = await extractCorpus(corpusOf('m', supportVectorSentences));
    const machines = papersOf(extraction, 'support vector machine');
    expect(machines.length).toBeGreaterThan(4);
    // Where a paper writes "support vector machines", "vector machines" is no mention of its own.
    expect(papersOf(extraction, 'vector machine').filter((id) => machines.includes(id))).toEqual([]);
  });

  it('merges long forms of one short form that are variants, shows the merge in the thesaurus export, and undoes it by thesaurus', async () => {
    const papers = [...corpusOf('g', ganDefinitionSentences), ...corpusOf('p', stdpDefinitionSentences)];
    const extraction = await extractCorpus(papers);
    expect(papersOf(extraction, 'generative adversarial network')).toEqual(['g0', 'g1', 'g2', 'g3', 'g4']);
    expect(ids(extraction)).not.toContain('generative adversarial net');
    expect(papersOf(extraction, 'spike timing dependent plasticity')).toEqual(['p0', 'p1', 'p2']);
    const exported = thesaurusFromExtraction(extraction);
    expect(exported).toContain('generative adversarial nets\tgenerative adversarial networks');
    expect(exported).toContain('spike-time dependent plasticity\tspike-timing-dependent plasticity');
    // A line that maps the variant to itself keeps it apart.
    const undo = parseThesaurus('label\treplace by\ngenerative adversarial nets\tgenerative adversarial nets\n', 'undo.txt');
    const apart = await extractCorpus(papers, { thesaurus: undo });
    expect(papersOf(apart, 'generative adversarial net')).toEqual(['g0', 'g1']);
    expect(papersOf(apart, 'generative adversarial network')).toEqual(['g2', 'g3', 'g4']);
  });

  it('merges a hyphenated compound into the closed form the corpus writes more often ("auto-encoder" → autoencoder), shows it in the thesaurus export, and undoes it by thesaurus', async () => {
    const papers = corpusOf('a', autoencoderSentences);
    const extraction = await extractCorpus(papers);
    expect(ids(extraction).filter((id) => /auto encoder/.test(id))).toEqual([]);
    // "sparse autoencoders" (a5) and "sparse auto-encoders" (a14) are one concept.
    expect(papersOf(extraction, 'sparse autoencoder')).toEqual(['a14', 'a5']);
    expect(papersOf(extraction, 'autoencoder')).toEqual(expect.arrayContaining(['a1', 'a3', 'a13']));
    expect(thesaurusFromExtraction(extraction)).toContain('auto-encoders\tautoencoder');
    const undo = parseThesaurus('label\treplace by\nsparse auto-encoders\tsparse auto-encoders\n', 'undo.txt');
    expect(papersOf(await extractCorpus(papers, { thesaurus: undo }), 'sparse autoencoder')).toEqual(['a5']);
  });

  it('reads a spaced compound the corpus writes hyphenated as that compound ("least squares regression" is "least-squares regression", never "squares regression")', async () => {
    const extraction = await extractCorpus(corpusOf('l', leastSquaresSentences));
    const written = extraction.concepts.flatMap((c) => c.aliases.map((alias) => alias.toLowerCase()));
    expect(written.filter((alias) => /^squares?\b/.test(alias))).toEqual([]);
    // The spaced papers (l12-l17) are mentions of the hyphenated term, labelled as the text writes it.
    expect(papersOf(extraction, 'least squares regression')).toEqual(expect.arrayContaining(['l13', 'l14', 'l15', 'l17']));
    expect(papersOf(extraction, 'least squares problem')).toEqual(expect.arrayContaining(['l5', 'l8', 'l12']));
    const mention = Array.from(extraction.mentions).find((m) => m.paperId === 'l13' && m.conceptId === 'least squares regression')!;
    expect(mention.spans.map((span) => leastSquaresSentences[13].slice(span.start, span.end))).toEqual(['least squares regression']);
  });

  it('reads a proper adjective or hyphenated compound written without its head as the term it begins ("Hebbian connections", "a spike-timing dependent learning rule"), never a common adjective', async () => {
    const extraction = await extractCorpus([...corpusOf('h', hebbianSentences), ...corpusOf('c', catastrophicSentences)]);
    expect(papersOf(extraction, 'hebbian learning')).toEqual(['h0', 'h1', 'h2']);
    const hebbian = extraction.concepts.find((c) => c.id === 'hebbian learning')!;
    expect(hebbian.label).toBe('Hebbian learning');
    expect(hebbian.aliases).toContain('Hebbian');
    // "a catastrophic failure to learn" is no catastrophic forgetting.
    expect(papersOf(extraction, 'catastrophic forgetting')).toEqual(['c0', 'c1']);
    const stdp = await extractCorpus(corpusOf('s', spikeTimingSentences));
    expect(papersOf(stdp, 'spike timing dependent plasticity')).toEqual(['s0', 's1', 's2']);
  });

  it('extracts from cleaned text and points spans into the stored title and abstract', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clean-'));
    const file = join(dir, 'papers.jsonl');
    writeFileSync(
      file,
      [
        { id: 'a', title: 'A classiﬁcation rule for \\textit{catastrophic forgetting}', abstract: 'We bound the classiﬁcation error of $\\ell_1$ regularized regression \\cite{x} under catastrophic forgetting.' },
        { id: 'b', title: 'Classification', abstract: 'Catastrophic forgetting hurts classification.' },
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
    );
    const { records } = await readCorpus([file]);
    const { papers } = dedupePapers(records);
    const stored = papers.find((p) => p.id === 'a')!;
    expect(stored.title).toBe('A classification rule for catastrophic forgetting');
    expect(stored.abstract).toBe('We bound the classification error of l1 regularized regression under catastrophic forgetting.');
    const extraction = await extractCorpus(papers);
    expect(ids(extraction).filter((id) => /ﬁ|textit|\\|\$/.test(id))).toEqual([]);
    for (const mention of Array.from(extraction.mentions).filter((m) => m.paperId === 'a' && m.conceptId === 'catastrophic forgetting')) {
      for (const span of mention.spans) expect((span.field === 'title' ? stored.title : stored.abstract).slice(span.start, span.end).toLowerCase()).toBe('catastrophic forgetting');
    }
    expect(ids(extraction)).toEqual(expect.arrayContaining(['classification error', 'classification rule']));
  });

  it('ranks the same concepts in `papergraph extract` as in ingest, where the corpus passes keep the papers they cut and joined in compact form', async () => {
    const corpus = [
      ...corpusOf('o', outperformsSentences),
      ...corpusOf('l', leastSquaresSentences),
      ...corpusOf('h', hebbianSentences),
      ...corpusOf('g', ganDefinitionSentences),
      ...corpusOf('d', stdpDefinitionSentences),
    ];
    const extraction = await extractCorpus(corpus);
    const labels = new Map(extraction.concepts.map((c) => [c.id, c.label]));
    const lines: string[] = [];
    async function* input() {
      yield* corpus;
    }
    await extractJsonl(input(), (line) => {
      lines.push(line);
    });
    const streamed = lines.map((line) => JSON.parse(line).concepts);
    expect(streamed.flat().length).toBeGreaterThan(corpus.length);
    expect(streamed).toEqual(corpus.map((p) => Array.from(extraction.mentions).filter((m) => m.paperId === p.id).map((m) => ({ id: m.conceptId, label: labels.get(m.conceptId), score: m.score }))));
  });
});
