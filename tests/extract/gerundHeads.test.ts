import { describe, expect, it } from 'vitest';
import { analyzePaper } from '../../src/extract/analyze.ts';
import { cutAtVerbs } from '../../src/extract/stages/clauseVerbs.ts';
import { GerundHeads } from '../../src/extract/stages/gerundHeads.ts';
import { fullKey } from '../../src/extract/stages/terms.ts';
import type { WordEvidence } from '../../src/extract/stages/wordEvidence.ts';
import { conceptsByPaper } from './sentenceConcepts.ts';

// Real sentences of the NeurIPS/ICML/ICLR corpus: compromise reads "sampling" after
// "Gibbs" as a verb, while the corpus writes "sampling" as a head after many modifiers.
const gibbs = [
  'Inference in the model is done using an efficient parameter-free Markov Chain that relies entirely on Gibbs sampling.',
  'Gibbs sampling is used to compute average trajectories, which estimate the underlying structure common to all instances.',
  'We illustrate this approach with two matrix factorization models and show favorable performance relative to Gibbs sampling.',
  'We present an efficient Markov chain Monte Carlo inference procedure based on Gibbs sampling.',
  'The analysis is performed from a Bayesian perspective, with efficient inference constituted via Gibbs sampling.',
  'The result is slow mixing when using off-the-shelf Gibbs sampling.',
];
const sampling = [
  'The benefits of selective sampling are studied analytically, and the results are confirmed experimentally.',
  'Our approach uses importance sampling for representing beliefs, and Monte Carlo approximation for belief propagation.',
  'We describe methods for computing an implicit model of a hypersurface that is given only by a finite sampling.',
  'Inference and learning are very fast, requiring no preprocessing, and no expensive sampling.',
  'We verify that the new algorithm performs efficient data compression on par with the recent method of compressive sampling.',
  'In this paper, we propose performing generalization analysis under the assumption of two-layer sampling, i.e., the i.i.d.',
  'Most importantly, we develop a framework for optimal experimental design based on uncertainty sampling.',
  'We consider the problem of stratified sampling for Monte-Carlo integration.',
  'We study an alternative approach for efficient exploration, posterior sampling for reinforcement learning (PSRL).',
  'For inference and learning we use an MCMC method for block sampling with very large blocks.',
  'Employing this measure, we present a greedy algorithmic framework, dubbed Zeta Hulls, to perform structured column sampling.',
  'Experimental analysis demonstrates the satisfactory performance of GNKR with the column norm sampling.',
  'The result establishes an improved performance of the use of our gradient-based sampling.',
  'However, the independent sampling for dropout could be suboptimal for the sake of convergence.',
  'This decomposition immediately enables fast exact sampling.',
  'We also find that the model qualitatively improves samples, especially when sampling for a large number of time steps.',
  'Unlike pure sampling, the method is scalable to very high-dimensional latent spaces.',
  'This insight enables extension of HMC and slice sampling to a broader family of samplers, called Monomial Gamma Samplers (MGS).',
  'Comparing to the existing studies on nonuniform sampling, our setup is more general.',
  'The proven efficiency of the proposed sampling is verified by extensive numerical testing.',
  'We believe that these new formulas establish a fundamental connection between linear least squares and volume sampling.',
  'We propose a radically different approach to the problem, building on top of the framework of finite-rate-of-innovation sampling.',
  'Yet, performing leverage scores sampling is a challenge in its own right requiring further approximations.',
  'In this paper, we study the problem of leverage score sampling for positive definite ma- trices defined by a kernel.',
  'Other methods, such as bootstrap sampling, have no mechanism for uncertainty that does not come from the observed data.',
  'We develop a recursive algorithm based on additive projection-cost preserving sampling.',
  'We propose two techniques, one based on stochastic convex optimization, and one based on constraint sampling.',
  'We characterize the minimax limits on identifiability of top-K ranked items, in the presence of random and non-adaptive sampling.',
  'Since our method builds on rejection sampling, the samples obtained are with high probability i.i.d.',
  'We develop a simple framework called ZipML based on one simple but novel strategy called double sampling.',
  'As an alternative, we propose seed sampling, which extends posterior sampling in a manner that meets these requirements.',
  'Flow-based generative models are powerful exact likelihood models with efficient sampling and inference.',
  'It uses the discriminator from GAN training to build a wrapper around the generator for improved sampling.',
  'We refer to our method as attention sampling and it can process images of several megapixels with a standard single GPU setup.',
  'Instead, we propose a new variational approximation, based on a method from statistical physics called Russian roulette sampling.',
  'Specifically, filters having the same orientation preference tend to be active together during random sampling.',
  '(2014) yields better samples than ancestral sampling.',
  'SGD estimates the gradient by uniform sampling with sample size one.',
];

describe('gerund heads the tagger read as verbs', () => {
  it('"Gibbs sampling" is a concept, and "Gibbs" alone is none, where the corpus writes "sampling" as a noun-phrase head', async () => {
    const byPaper = await conceptsByPaper([...gibbs, ...sampling]);
    for (let i = 0; i < gibbs.length; i++) {
      expect(byPaper.get(String(i))).toContain('gibbs sampling');
      expect(byPaper.get(String(i))).not.toContain('gibb');
    }
    expect(byPaper.get(String(gibbs.length + 1))).toContain('importance sampling');
  });
});

describe('a gerund head that joins the phrase after it', () => {
  it("keeps the paper's acronym definitions on their long forms", () => {
    // From the 85k-paper corpus, where "generating" is a verb ("generating a paraphrase")
    // and a head ("data generating"): the verb cut leaves [thermal power] [unit], the
    // gerund joins them into one phrase, one fewer than before, and the definition of
    // TPGU after them names its long form by its index (the 85k ingest crashed here).
    const paper = { id: 'aaai2022-04680', title: '', abstract: 'Optimizing the combustion efficiency of a thermal power generating unit (TPGU) is a highly challenging and critical task in the energy industry.' };
    const generatingIsAVerb = { isVerb: (word: string) => word === 'generating', opensNounPhrase: () => false } as unknown as WordEvidence;
    const cut = cutAtVerbs([analyzePaper(paper)], generatingIsAVerb)[0];
    expect(cut.phrases.map((p) => p.words.map((w) => w.text).join(' '))).toContain('unit');
    const gerunds = new GerundHeads({ minModifiers: 0, headShare: 0 });
    gerunds.add(cut);
    const joined = gerunds.extend(cut, paper);
    expect(joined.phrases.map((p) => p.words.map((w) => w.text).join(' '))).toContain('thermal power generating unit');
    expect(joined.phrases.map((p) => p.words.map((w) => w.text).join(' '))).not.toContain('unit');
    expect(joined.definitions.map((d) => [d.short, joined.phrases[d.phrase]?.kind, fullKey(joined.phrases[d.phrase])])).toEqual([['TPGU', 'definition', 'thermal power generating unit']]);
  });
});
