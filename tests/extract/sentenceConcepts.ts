// Real sentences as one-abstract papers, extracted in-process: what the rule tests of the
// corpus stages read their outcome from. Paper ids are the sentences' indexes.
import { extractCorpus } from '../../src/extract/index.ts';

async function mentionsOf(abstracts: string[]) {
  return (await extractCorpus(abstracts.map((abstract, i) => ({ id: String(i), title: '', abstract })), { workers: 1 })).mentions;
}

/** Each paper's concept ids, by paper id. */
export async function conceptsByPaper(abstracts: string[]): Promise<Map<string, string[]>> {
  const byPaper = new Map<string, string[]>();
  for (const m of await mentionsOf(abstracts)) byPaper.set(m.paperId, [...(byPaper.get(m.paperId) ?? []), m.conceptId]);
  return byPaper;
}

/** The concept ids of all the papers together. */
export async function conceptsOf(abstracts: string[]): Promise<Set<string>> {
  return new Set(Array.from(await mentionsOf(abstracts), (m) => m.conceptId));
}
