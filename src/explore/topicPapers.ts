// The papers of a topic as a user types it (topics.ts: a concept with its narrower
// concepts, free text, or a community), a page at a time, most central first: a paper
// naming one of the topic's concepts in its title, then by how central that concept is
// to the paper (the extractor's per-paper score).
import type { TopicPapersResponse } from '../graph/model.ts';
import { paperSummaries } from './concept.ts';
import type { MentionEntry, Snapshot } from './snapshot.ts';
import { resolveTopic, type TopicOptions } from './topics.ts';

export function topicPapers(snapshot: Snapshot, query: string, offset: number, limit: number, options: Partial<TopicOptions> = {}): TopicPapersResponse {
  const topic = resolveTopic(snapshot, query, options);
  const best = new Map<string, MentionEntry>();
  for (const concept of topic.concepts) {
    for (const m of snapshot.mentionsByConcept.get(concept.id) ?? []) {
      const seen = best.get(m.paperId);
      if (!seen || Number(m.inTitle) - Number(seen.inTitle) > 0 || (m.inTitle === seen.inTitle && m.score > seen.score)) best.set(m.paperId, m);
    }
  }
  const ranked = [...best.values()].sort(
    (a, b) => Number(b.inTitle) - Number(a.inTitle) || b.score - a.score || (a.paperId < b.paperId ? -1 : 1),
  );
  return { topic, total: ranked.length, papers: paperSummaries(snapshot, ranked.slice(offset, offset + limit)) };
}
