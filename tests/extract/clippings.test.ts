import { describe, expect, it } from 'vitest';
import { extractCorpus } from '../../src/extract/index.ts';
import { thesaurusFromExtraction } from '../../src/extract/thesaurus.ts';
import { clippedHeads, unclippedKey } from '../../src/extract/stages/clippings.ts';
import { conceptsByPaper } from './sentenceConcepts.ts';

// Real sentences of the NeurIPS/ICML/ICLR corpus: "net" written for "network" before the
// modifiers "network" is written with, and "elastic net", a penalty no paper calls a network.
const clipped = [
  'How can artificial neural nets generalize better from fewer examples?',
  'We introduce a method for the efficient design of a Boltzmann machine (or  a Hopfield net) that computes an arbitrary given Boolean function f .',
  'We compare activation functions in terms of the approximation  power of their feedforward nets.',
  'Experiments with feedforward and recurrent nets are described.',
  'On several problems, we obtain better results than previous, leading benchmarks from both SVMs with Gaussian kernels as well as deep belief nets.',
];
const full = [
  'We show that the soft reconstruction cost can also be used to prevent replicated features in tiled convolutional neural networks.',
  'It may also provide powerful insights into the  design of artificial neural networks.',
  'The Hopfield network (Hopfield,  1982,1984) provides a simple model of an  associative memory in  a neuronal structure.',
  'From this perspective, the following theoretical results are developed and proven for feedforward networks.',
  'A  comparison  of algorithms  that minimize error functions  to  train  the  trajectories of recurrent networks, reveals how complexity is traded off for  causality.',
  'Experiments on the MNIST dataset show improvements over the existing algorithms for deep belief networks.',
  'We illustrate the potential of this approach through experiments with boosting Bayesian networks to learn density models.',
  'To support this observation, we rewrite residual networks as an explicit collection of paths.',
  'Second order methods hold great promise for distributed training of deep networks.',
  'The Shannon entropy approximation provides provable performance guarantees for learning trees and Bayesian networks from continuous variables.',
  'Our approach complements the mean field theory analysis of random networks.',
  'But also generic hardware and software implementations of deep learning run more efficiently for sparse networks.',
];
const elastic = [
  'This minimax framework includes ridge regression, lasso, elastic net, fused lasso, group lasso, local coordinate coding, multiple kernel learning, etc., as special cases.',
  'To address this challenge, the elastic net has been developed and successfully applied to many applications.',
];

describe('clipped heads', () => {
  it('are found from the modifiers a corpus writes before both words, and not for a word and its suffixed form', () => {
    const keys = ['neural net', 'hopfield net', 'feedforward net', 'recurrent net', 'deep belief net', 'elastic net',
      'neural network', 'hopfield network', 'feedforward network', 'recurrent network', 'deep belief network', 'deep network', 'bayesian network',
      'graphical model', 'generative model', 'statistical model', 'linear model', 'deep model', 'graphical modelling', 'generative modelling', 'statistical modelling', 'linear modelling', 'deep modelling', 'neural modelling',
      'motion plan', 'path plan', 'task plan', 'symbolic plan', 'robot plan', 'motion planner', 'path planner', 'task planner', 'symbolic planner', 'robot planner', 'neural planner'];
    expect(clippedHeads(keys)).toEqual(new Map([['net', 'network']]));
    const written = (key: string) => keys.includes(key);
    expect(unclippedKey('hopfield net', new Map([['net', 'network']]), written)).toBe('hopfield network');
    expect(unclippedKey('elastic net', new Map([['net', 'network']]), written)).toBe('elastic net');
  });

  it('merge "neural nets", "Hopfield net", "recurrent nets" into their networks, and leave "elastic net"', async () => {
    const byPaper = await conceptsByPaper([...clipped, ...full, ...elastic]);
    expect(byPaper.get('0')).toContain('artificial neural network');
    expect(byPaper.get('1')).toContain('hopfield network');
    expect(byPaper.get('3')).toContain('recurrent network');
    for (const concepts of byPaper.values()) expect(concepts.filter((c) => /\bnet$/.test(c) && c !== 'elastic net')).toEqual([]);
    expect(byPaper.get(String(clipped.length + full.length))).toContain('elastic net');
  });

  it('show in the exported thesaurus, and a thesaurus line mapping the clipped term to itself undoes the merge', async () => {
    const papers = [...clipped, ...full, ...elastic].map((abstract, i) => ({ id: String(i), title: '', abstract }));
    const merged = await extractCorpus(papers, { workers: 1 });
    expect(thesaurusFromExtraction(merged)).toMatch(/^Hopfield net\tHopfield network$/im);
    const undone = await extractCorpus(papers, { workers: 1, thesaurus: { replace: new Map([['Hopfield net', 'Hopfield net']]), drop: new Set<string>() } });
    expect(undone.concepts.map((c) => c.label)).toContain('Hopfield net');
    expect(undone.concepts.find((c) => c.label === 'Hopfield network')).toBeDefined();
  });
});
