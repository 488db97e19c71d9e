// Words broken across a line in the PDF an abstract was copied from: "func- tion",
// "algo- rithm", "real- world". Real corpora are full of them (about 2,500 in the
// NeurIPS/ICML/ICLR abstracts) and each half would otherwise become a "concept"
// ("tion" in 109 papers). A dictionary would not know the field's words, so the
// corpus is its own dictionary: a break is mended when the joined word, or the
// hyphenated compound, is written whole somewhere in the same input. "pre- and
// post-synaptic" stays as it is: "preand" is written nowhere.
import type { Paper } from '../graph/model.ts';

const BROKEN = /\b([A-Za-z]{2,})- ([a-z]+)\b/g;
const WORD = /[a-z]+(?:-[a-z]+)*/g;

export function mendBrokenWords(papers: Paper[]): Paper[] {
  if (!papers.some((p) => p.abstract.includes('- ') || p.title.includes('- '))) return papers;
  const vocabulary = new Set<string>();
  for (const p of papers) {
    for (const word of `${p.title} ${p.abstract}`.toLowerCase().match(WORD) ?? []) vocabulary.add(word);
  }
  const mend = (text: string) =>
    text.replace(BROKEN, (whole, left: string, right: string) => {
      const joined = `${left}${right}`;
      if (vocabulary.has(joined.toLowerCase())) return joined;
      const compound = `${left}-${right}`;
      if (vocabulary.has(compound.toLowerCase())) return compound;
      return whole;
    });
  return papers.map((p) => ({ ...p, title: mend(p.title), abstract: mend(p.abstract) }));
}
