import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/corpus/index.ts';
import { truncateAtSentence } from '../../src/corpus/cleanText.ts';
import { latexToUnicode } from '../../src/corpus/latex.ts';

describe('cleanText', () => {
  it('repairs PDF (cid:N) markers as they appear in proceedings abstracts', () => {
    expect(cleanText('simulation  of piri(cid:173) form  (olfactory)  cortex')).toBe('simulation of piriform (olfactory) cortex');
    expect(cleanText('a classi(cid:12)cation problem with e(cid:11)ective di(cid:14)culty')).toBe('a classification problem with effective difficulty');
    expect(cleanText('the (cid:12)ndings of (cid:15)-tubes in an N(cid:2)N grid, K(cid:0)means')).toBe('the findings of ε-tubes in an N×N grid, K−means');
    expect(cleanText('block (cid:96)1 and (cid:147)picky(cid:148) learners (cid:999)')).toBe('block ℓ1 and “picky” learners');
    expect(cleanText('back(cid:173)')).toBe('back');
  });

  it('removes soft hyphens, HTML and JATS tags, and decodes entities', () => {
    expect(cleanText('hippo\u00adcampus')).toBe('hippocampus');
    expect(cleanText('<jats:p>Spikes &amp; <i>dendrites</i></jats:p><p>Second&#160;part &lt;3</p>')).toBe('Spikes & dendrites Second part <3');
    // Maths is not a tag.
    expect(cleanText('when n<k whereas m>k')).toBe('when n<k whereas m>k');
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
