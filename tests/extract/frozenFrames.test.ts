import { describe, expect, it } from 'vitest';
import { conceptsOf } from './sentenceConcepts.ts';

// Real sentences of the NeurIPS/ICML/ICLR corpus: "magnitude" nearly always in "order(s) of magnitude".
const magnitude = [
  'This fully analog implementation requires an order of magnitude less area than a comparable digital/analog hybrid version developed earlier.',
  'The net result is that equilibrium at a given temperature is achieved 1-2 orders of magnitude faster than with simulated annealing.',
  'Experiments with the Reber gram(cid:173) mar have demonstrated speedups of two orders of magnitude over recurrent networks.',
  'The local linear algorithm is also more than an order of magnitude faster to train.',
  'Existing estimates are higher by orders of magnitude than practice indicates.',
  'Velocity measurements, ranging over 4 orders of magnitude with < 15% variation, provides the input to the smooth pursuit system.',
  'This bias is likely to occur in any real system and results in accepting loads that miss QoS targets by orders of magnitude.',
  'For a subset of two news(cid:173) groups we achieve compression by 3 orders of magnitudes loosing only 10% of the original mutual information.',
  'In this paper we demonstrate the method on artiﬁcial neural networks with results of a order of magnitude im- provement vs.',
  'Ex- perimentation shows that the algorithm reduces the computation neces- sary for the parameter estimation problem by an order of magnitude.',
  'This performance is more than an order of magnitude higher than that of any FPGA implementation reported so far.',
  'Our empirical tests show speedups of several orders of magnitude over exact SVD.',
  'This suggests an approach for learning a metric from data that is larger by an order of magnitude than was handled before.',
  'Further, we empirically validate our algorithm and find the computational cost to be orders of magnitude less than what the theory predicts.',
  'In contrast, our algorithm is able to efficiently learn large number of parameters resulting in orders of magnitude better prediction.',
  'We scale up a well-known benchmark problem, Rocksample, by several orders of magnitude.',
  'Empirical results show an order of magnitude improvement over a state-of-the-art SAT solver on a hardware verification task.',
  'The proposed algorithm achieves an order of magnitude scalability compared to the state of the art.',
  'Our software is an order of magnitude faster than Cplex (a commercial linear programming solver) and yields similar solution quality.',
  'Our algorithms are two orders of magnitude faster than the infinite relational model, achieving comparable or better accuracy.',
  'Extensive experimental results show that our method is usually more accurate than the state-of-the-art methods, and is orders of magnitude faster.',
  'Experiments on both synthetic and real data sets show that TLFre improves the efficiency of SGL by orders of magnitude.',
  'Although the magnitude of the input and network parameters were identi(cid:173) cal for each competing neuron, one of them won in 6 milliseconds.',
  'When the magnitude of movement field approaches 0, we call it virtual movement field.',
  'It increases the magnitude of gradients, which help to prevent the vanishing gradient problem in time.',
];

// "turn" nearly always in the adverbial "in turn"; once a noun of its own ("each turn").
const turn = [
  "These inputs can be  de-emphasized, and, in turn, a new, improved, model of the task created.",
  "These probabilities in turn lead to a weighted graph matching          problem that can be addressed efficiently.",
  "These local scores can in turn be accumulated in a principled information-theoretic way into a global similarity score of the entire S1 to S2.",
  "To generate from the model, each layer in turn must settle to equilibrium given its top-down input.",
  "In addition, our analysis motivates an algorithm for optimizing regularization parameters, which in turn can be analyzed within our framework.",
  "For each formulation, we first define a measure of variability for a policy, which in turn gives us a set of risk-sensitive criteria to optimize.",
  "More importantly, the proposed sampler is adaptive and applicable for explicit variance reduction, which in turn enhances the training of our method.",
  "The GIST algorithm iteratively solves a proximal operator problem, which in turn has a closed-form solution for many commonly used penalties.",
  "Further, it allows retrospective computation of lower and upper bounds on u^T A^-1u, which in turn accelerates several algorithms.",
  "This in turn opens the following question for the exchange: how to set prices to attract as many sellers as possible and maximize revenue.",
  "We give gradient-based methods that achieve optimal regret, which in turn guarantee convergence to equilibrium in this framework.",
  "The marginalization of the activation matrix leads in turn to a new Monte Carlo Expectation-Maximization algorithm with favorable properties.",
  "This in turn can be used to facilitate review of specific episodes by domain experts.",
  "The sparse SDR is in turn formulated as sparse optimal scoring problem, but with penalty which can remove row vectors from the basis matrix.",
  "This in turn improves probability distributions, sampling algorithms and clustering in the latent space.",
  "inferred measurements, which in turn requires learning how to infer missing (unobserved) measurements.",
  "This in turn allows a room for designing more innovative propagation layers.",
  "This in turn implies that it is extremely challenging to quantify the",
  "A generative model repre- sents the con\ufb01guration of multiple object parts with respect to an object coordinate system; these parts in turn generate image features.",
  "The translated learning solution uses a language model to link the class labels to the features in the source spaces, which in turn is translated to the features in the target spaces.",
  "We argue that this view  ignores the fact that the loss function depends on stochastically generated data  which in turn determines an intrinsic scale of precision for statistical estimation.",
  "This allows for the use of a richer set of features which in turn affords improved tracking compared to recently reported methods on two public benchmark sequences.",
  "Hence the diffused similarity of each pair of ob-jects becomes a function of joint diffusion of the two original similarities, which in turn depends on the neighborhood structure of the TPG.",
  "Such lower bounds in turn reveal the minimum amount of communication required by any procedure to achieve the classical optimal rate for statistical estimation.",
  "The challenge of personalized medicine is to develop tools that can accurately predict the trajectory of an individual's disease, which can in turn enable clinicians to optimize treatments.",
  "Online users are constantly creating new links when exposed to new information sources, and in turn these links are alternating the way information spreads.",
  "We assume that each player only knows her actions and the reward she received each turn.",
];

describe('nouns written nearly only in one frozen expression', () => {
  it('"magnitude" of "orders of magnitude" is no concept; the sentences keep their other concepts', async () => {
    const ids = await conceptsOf(magnitude);
    expect(ids).not.toContain('magnitude');
    expect(ids).toContain('speedup');
  });

  it('"turn" of "in turn" is no concept; the sentences keep their other concepts', async () => {
    const ids = await conceptsOf(turn);
    expect(ids).not.toContain('turn');
    expect(ids).toContain('proximal operator problem');
  });
});
