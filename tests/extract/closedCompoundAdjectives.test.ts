import { describe, expect, it } from 'vitest';
import { conceptsOf } from './sentenceConcepts.ts';

// Real sentences of the NeurIPS/ICML/ICLR corpus: "feed-forward" hyphenated as a compound
// modifier, its closed form "feedforward" in front of nouns, coordinated and predicative.
const feedforward = [
  'We consider feed-forward neural networks with one non-linear hidden layer and linear output units.',
  'The NTN is a hierarchical classifier that combines the properties of decision trees and feed-forward neural networks.',
  'The resulting feed-forward network provides a powerful means for parameter fitting by applying learning algorithms.',
  'A practical method for Bayesian training of feed-forward neural networks using sophisticated Monte Carlo methods is presented and evaluated.',
  'We present an algorithm which is expected to realise Bayes optimal predictions in large feed-forward networks.',
  'The paper is developed in two parts where we discuss a new approach to self-organization in a single-layer linear feed-forward network.',
  'These novel adaptive algorithms can be implemented in a single-layer linear feed-forward network.',
  'We propose a deep feed-forward neural network architecture for pixel-wise semantic scene labeling.',
  'Hierarchical feed-forward networks have been successfully applied in object recognition.',
  'Compared with feed-forward neural networks, DANN learns contexts of local features from the very beginning.',
  'feed-forward networks of ReLUs).',
  'However, success stories of Deep Learning with standard feed-forward neural networks (FNNs) are rare.',
  'These methods are used to discern and quantify properties of feed-forward neural networks trained to map acoustic features to phoneme labels.',
  'Such methods, however, were devised for feed-forward networks, e.g.',
  'We use a tailored feed-forward neural network for the hashing function.',
  'It is implemented as an end-to-end differentiable feed-forward network and allows for efficient gradient based training.',
  'The complexity and computational capacity of multi-layered, feedforward neural networks is examined.',
  'The network is a feedforward net, with a binary image as input.',
  'Parallelizable optimization techniques are applied to the problem of learning in feedforward neural networks.',
  'Functionally equivalent feedforward networks may be formed by using limited fan-in nodes and additional layers.',
  'In each case, we use back-propagation to train the feedforward net to discriminate in a multiple class pattern classification problem.',
  'The spatia-spectral localization property of wavelets can be exploited in defining the topology and determining the weights of a feedforward network.',
  'Connections between spline approximation, approximation with rational functions, and feedforward neural networks are studied.',
  'A connection is drawn between rational functions, the realization theory of dynamical systems, and feedforward neural networks.',
  'We compare activation functions in terms of the approximation power of their feedforward nets.',
  'We review how these techniques have been used with feedforward neural networks [MacKay, 1992; Cohn, 1994] .',
  'For recall, we obtain closed form solutions for arbitrary feedforward networks.',
  'Two basic architectures are evaluated: 1) a feedforward network-heuristic and; 2) a feedforward network-recurrent network.',
  'This LP optimiser was also used as a teacher to label the data samples for the feedforward neural network training algorithm.',
  'In this article we explore the consequences that these synaptic dynamics entail for the computational power of feedforward neural networks.',
  'The portfolio optimization algorithm is modeled by a feedforward neural network.',
  'As proof-of-principle demonstrations, an associative memory task and a feedforward network computation are shown by simulation.',
  'Experiments with feedforward and recurrent nets are described.',
  'The architecture of the network is feedforward, with one hidden layer and several outputs.',
  'Deep feedforward and recurrent networks have achieved impressive results in many perception and language processing applications.',
];

describe('the closed form of a hyphenated compound modifier', () => {
  it('"feedforward" is an adjective as "feed-forward" is: no concept alone ("is feedforward", "feedforward and recurrent nets")', async () => {
    const ids = await conceptsOf(feedforward);
    expect(ids).not.toContain('feedforward');
    expect(ids).toContain('feedforward neural network');
  });
});
