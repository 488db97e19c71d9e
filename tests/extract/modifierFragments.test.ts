import { describe, expect, it } from 'vitest';
import { conceptsByPaper } from './sentenceConcepts.ts';

// Real sentences of the NeurIPS/ICML/ICLR corpus.
const closedForm = [
  'We show how to optimize decompositions and provide a fast closed-form solution for an approximation.',
  'A min-min reformulation consisting of fast alternating steps of closed-form updates.',
  'The model is designed such that Bayesian inference has a closed-form solution.',
  'In particular, the subproblems solved in each iteration have closed-form solutions.',
  'A divergence which yields a fast closed-form solution via decoupled optimization.',
  'Our closed-form estimators are computationally much simpler.',
  'We show that the resulting subproblem admits a closed-form solution.',
  'We derive a closed-form solution for the case of RKHS.',
  'A proximal operator problem, which in turn has a closed-form solution for many commonly used penalties.',
  'It only needs to solve a convex optimization problem that has a closed-form solution.',
  'Optimization over these sets is straightforward and admits a closed-form solution.',
  'The likelihood has a unique maximum which is computable in closed form.',
  'The objective functions are convex and their solutions are given in closed form.',
  'A GP model allows evaluation of the value function in closed form.',
  'The approximation can be computed efficiently in closed form.',
  'All involved parameters can be recursively updated in closed form.',
  'A Q-function, allowing the derivation of the policy update in closed form.',
  'The posterior is available in closed form.',
  'The gradient is given in closed form.',
  'The marginal likelihood is computed in closed form.',
];

describe('modifiers that are no concepts where they modify a noun', () => {
  it('"closed-form" in front of a noun is no mention of "closed form"; "in closed form" still is', async () => {
    const byPaper = await conceptsByPaper(closedForm);
    expect(byPaper.get('2')).toContain('closed form solution');
    expect(byPaper.get('2')).not.toContain('closed form');
    expect(byPaper.get('5')).not.toContain('closed form');
    expect(byPaper.get('11')).toContain('closed form');
  });
});
