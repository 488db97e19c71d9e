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

describe('nouns written nearly only in one frozen expression', () => {
  it('"magnitude" of "orders of magnitude" is no concept; the sentences keep their other concepts', async () => {
    const ids = await conceptsOf(magnitude);
    expect(ids).not.toContain('magnitude');
    expect(ids).toContain('speedup');
  });
});
