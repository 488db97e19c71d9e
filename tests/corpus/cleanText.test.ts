import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/corpus/index.ts';
import { truncateAtSentence } from '../../src/corpus/cleanText.ts';
import { latexToUnicode } from '../../src/corpus/latex.ts';

describe('cleanText', () => {
  it('repairs PDF (cid:N) markers as they appear in proceedings abstracts', () => {
    expect(cleanText('simulation  of piri(cid:173) form  (olfactory)  cortex')).toBe('simulation of piriform (olfactory) cortex');
    expect(cleanText('a classi(cid:12)cation problem with e(cid:11)ective di(cid:14)culty')).toBe('a classification problem with effective difficulty');
    expect(cleanText('the (cid:12)ndings of (cid:15)-tubes in an N(cid:2)N grid, K(cid:0)means')).toBe('the findings of ε-tubes in an N×N grid, K−means');
    expect(cleanText('block (cid:96)1 and (cid:147)picky(cid:148) learners (cid:999)')).toBe('block l1 and “picky” learners');
    expect(cleanText('back(cid:173)')).toBe('back');
  });

  it('removes soft hyphens, HTML and JATS tags, and decodes entities', () => {
    expect(cleanText('hippo\u00adcampus')).toBe('hippocampus');
    expect(cleanText('<jats:p>Spikes &amp; <i>dendrites</i></jats:p><p>Second&#160;part &lt;3</p>')).toBe('Spikes & dendrites Second part <3');
    // Maths is not a tag.
    expect(cleanText('when n<k whereas m>k')).toBe('when n<k whereas m>k');
  });

  it('brings Unicode to NFKC: PDF ligatures and full-width forms read as letters', () => {
    // NeurIPS abstracts: "of a continuous valued classiﬁer based upon PAC-Bayes bound", "Response conﬂict arises".
    expect(cleanText('of a continuous valued classiﬁer based upon PAC-Bayes bound')).toBe('of a continuous valued classifier based upon PAC-Bayes bound');
    expect(cleanText('Response conﬂict arises when one stimulus')).toBe('Response conflict arises when one stimulus');
    expect(cleanText('ＧＡＮｓ ａｎｄ　ＣＮＮｓ')).toBe('GANs and CNNs');
  });

  it('puts a spacing accent that PDF extraction left between letters back on its letter', () => {
    expect(cleanText('In fact, it achieves the Cram´er-Rao bound when α = 2')).toBe('In fact, it achieves the Cramér-Rao bound when α = 2');
    expect(cleanText('represented by the Schr¨odinger equation')).toBe('represented by the Schrödinger equation');
  });

  it('turns LaTeX left in abstracts into the text it prints', () => {
    // Sentences from NeurIPS/ICML abstracts.
    expect(cleanText('singular vectors of $X$ (the so-called \\textit{eigenfeatures}), are arbitrary')).toBe('singular vectors of X (the so-called eigenfeatures), are arbitrary');
    expect(cleanText('the robust problem is equivalent to $\\ell_1$ regularized regression')).toBe('the robust problem is equivalent to l1 regularized regression');
    expect(cleanText('an algorithm that converges in $O(1/\\sqrt{\\epsilon})$ iterations.')).toBe('an algorithm that converges in O(1/√ε) iterations.');
    expect(cleanText('such as those of \\cite{CaiCS2008,LeeB2009b, KeshavanOM2009}, for')).toBe('such as those of, for');
    expect(cleanText('compared with the one in Blum et al.~\\cite{BHPQ17} on real-world datasets')).toBe('compared with the one in Blum et al. on real-world datasets');
    expect(cleanText('we incorporate deep learning into the {\\em congealing} alignment framework')).toBe('we incorporate deep learning into the congealing alignment framework');
    expect(cleanText('higher-order geometric constraints called \\emphanalogical parallelograms')).toBe('higher-order geometric constraints called analogical parallelograms');
    expect(cleanText('by introducing a textit{critic} network that is trained')).toBe('by introducing a critic network that is trained');
  });

  it('leaves dollar amounts, tildes and braces of plain prose alone', () => {
    expect(cleanText('would have made $10,301 profit on an investment of less than $1000.')).toBe('would have made $10,301 profit on an investment of less than $1000.');
    expect(cleanText('latencies of ~100 ms for sets {1, 2} -- fast')).toBe('latencies of ~100 ms for sets {1, 2} -- fast');
  });

  it('collapses whitespace and trims', () => {
    expect(cleanText('  two\n\tlines   here \r\n')).toBe('two lines here');
  });
});

describe('truncateAtSentence', () => {
  it('cuts at the last sentence end before the limit', () => {
    const text = 'First sentence here. Second sentence here. Third one goes past the limit.';
    expect(truncateAtSentence(text, 50)).toBe('First sentence here. Second sentence here.');
    expect(truncateAtSentence('short', 50)).toBe('short');
  });
});

describe('latexToUnicode', () => {
  it('turns BibTeX accents, escapes, dashes and math into text', () => {
    expect(latexToUnicode('M{\\"u}ller and Garc\\\'{\\i}a --- {\\c{C}}elik')).toBe('Müller and García — Çelik');
    expect(latexToUnicode('95\\% of \\$5 \\& more, pages 1--2, $\\alpha$-synapses, \\textendash')).toBe('95% of $5 & more, pages 1–2, α-synapses, –');
    expect(latexToUnicode('{\\ss}e \\o{} \\emph{emphasised} ``quoted\'\'')).toBe('ße ø emphasised “quoted”');
  });
});
