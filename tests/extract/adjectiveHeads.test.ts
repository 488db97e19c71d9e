import { describe, expect, it } from 'vitest';
import { extractCorpus } from '../../src/extract/index.ts';
import { conceptsOf } from './sentenceConcepts.ts';

// Real sentences of the NeurIPS/ICML/ICLR corpus. The corpus writes "Bayesian" and
// "linear" before nouns: a term never ends in them.
const bayesian = [
  'Its applications therein include the EM  algorithm, Bayesian estimation and Bayesian inference.',
  'Propensity and other local tactical information are fed into a recursive neural network, derived from a Bayesian network architecture.',
  "We propose that perceptual switching naturally arises from the brain's search for best interpretations while performing Bayesian inference.",
  'Keywords: causal inference, Bayesian methods, visual perception.',
  'Simulation results indicate that belief polarization is not only possible but relatively common within the class of Bayesian models that we consider.',
  'We use compressible priors as a scaffold to build new iterative sparse signal recovery algorithms based on Bayesian inference arguments.',
  'The model is designed such that Bayesian inference has a closed-form solution.',
  'To the best of our knowledge, this is the first batch selection policy for Bayesian optimization.',
  'The causal direction can then be inferred by using standard Bayesian model selection.',
  'As an alternative, we present a particle filter for posterior estimation in nonparametric Bayesian matrix factorization models.',
  'We then study the sensitivity of the models to various distance and appearance hyperparameters, and provide the first rigorous comparison of nonparametric Bayesian models in the image segmentation domain.',
  'The clean waveforms are then used to infer the set of neural spike waveform templates through nonparametric Bayesian clustering.',
  'Our theoretical and empirical results suggest that the anchoring bias is consistent with approximate Bayesian inference.',
  'Using a differential equation representation, we bypass usual computational bottlenecks in obtaining MCMC and online algorithms for approximate Bayesian inference.',
];
const variational = [
  'A number of approximate Bayesian methods have been proposed to make such calculations practical, among them the variational Bayesian (VB) approach.',
  'This breaks the dependency among training outputs and enables us to use a much faster variational Bayesian algorithm for training.',
  'The posterior distributions are approximated using the variational Bayesian framework.',
  'Approximate inference is implemented using a combination of expectation propagation and variational Bayes.',
  'SVI trades-off bias and variance to step close to the unknown true coordinate optimum given by batch variational Bayes (VB).',
];

describe('a term ends in its head noun', () => {
  it('"nonparametric Bayesian" and "approximate Bayesian" are no concepts; their terms are', async () => {
    const concepts = await conceptsOf([...bayesian, ...variational]);
    expect([...concepts].filter((c) => / bayesian$/.test(c))).toEqual([]);
    expect(concepts).toContain('nonparametric bayesian clustering');
    expect(concepts).toContain('approximate bayesian inference');
  });

  it('a label ends in a noun where an alias does: "variational Bayes", not "variational Bayesian"', async () => {
    const papers = [...bayesian, ...variational].map((abstract, i) => ({ id: String(i), title: '', abstract }));
    const { concepts } = await extractCorpus(papers, { workers: 1 });
    const vb = concepts.find((c) => c.aliases.includes('variational Bayesian'));
    expect(vb?.aliases).toContain('variational Bayes');
    expect(vb?.label).toBe('variational Bayes');
  });
});
