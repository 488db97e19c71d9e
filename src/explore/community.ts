// A community of the concept map, opened from the legend: its most distinctive concepts
// (communityLabels.ts) and the papers that mention them most.
import type { CommunityResponse } from '../graph/model.ts';
import { paperSummaries } from './concept.ts';
import { ExploreError } from './errors.ts';
import type { MentionEntry, Snapshot } from './snapshot.ts';

export interface CommunityOptions {
  concepts: number;
  papers: number;
}

export const COMMUNITY_DEFAULTS: CommunityOptions = { concepts: 20, papers: 30 };

export function communityDetails(snapshot: Snapshot, id: number, options: Partial<CommunityOptions> = {}): CommunityResponse {
  const limits = { ...COMMUNITY_DEFAULTS, ...options };
  const summary = snapshot.communities.get(id);
  if (!summary) throw new ExploreError('not_found', `No community ${id}.`);
  const ranked = snapshot.communityMembers.get(id) ?? [];
  const specific = ranked.filter((r) => !r.concept.generic);
  const members = (specific.length > 0 ? specific : ranked).map((r) => r.concept);
  // A paper belongs to the community as much as it mentions the community's concepts.
  const weight = new Map<string, MentionEntry & { total: number }>();
  for (const concept of members) {
    for (const m of snapshot.mentionsByConcept.get(concept.id) ?? []) {
      const entry = weight.get(m.paperId);
      if (entry) entry.total += m.score + 1;
      else weight.set(m.paperId, { ...m, total: m.score + 1 });
    }
  }
  const papers = [...weight.values()].sort((a, b) => b.total - a.total || (a.paperId < b.paperId ? -1 : 1));
  return {
    ...summary,
    topConcepts: ranked.slice(0, limits.concepts).map(({ concept, score }) => ({
      id: concept.id,
      label: concept.label,
      papers: concept.papers,
      weight: round(score),
      ...(concept.generic ? { generic: true } : {}),
    })),
    topPapers: paperSummaries(snapshot, papers.slice(0, limits.papers)),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
