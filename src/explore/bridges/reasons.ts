// The reason given with every bridge, in words a researcher can check: which concepts
// matched, how common they are, and what connects the two sides. Kept apart from the
// ranking so that the wording of all three answers reads alike.
import type { Concept, ConceptRef, ResolvedTopic } from '../../graph/model.ts';
import type { Context } from './context.ts';

export const quote = (label: string) => `"${label}"`;
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A concept a paper matched on one side. */
export interface Matched {
  concept: ConceptRef;
  weight: number;
  inTitle: boolean;
}

function describeMatch(ctx: Context, m: Matched, topic: ResolvedTopic): string {
  const forTopic = topic.kind === 'concept' && m.concept.label === topic.label ? '' : ` for ${quote(topic.label)}`;
  const where = m.inTitle ? 'in the title; ' : '';
  return `${quote(m.concept.label)}${forTopic} (${where}in ${m.concept.papers} of ${ctx.total} papers)`;
}

export function directReason(ctx: Context, viaA: Matched[], viaB: Matched[]): string {
  const extra = viaA.length + viaB.length - 2;
  const more = extra > 0 ? `, and ${plural(extra, 'more concept')} of the two topics` : '';
  return `Mentions ${describeMatch(ctx, viaA[0], ctx.a)} and ${describeMatch(ctx, viaB[0], ctx.b)}${more}.`;
}

export function pathReason(ctx: Context, anchorA: Concept, anchorB: Concept, via: ConceptRef[], pairs: number): string {
  const chain = via.map((c) => `${quote(c.label)} (${c.papers} of ${ctx.total} papers)`).join(', then ');
  const others = pairs > 1 ? ` ${plural(pairs - 1, 'other pair')} of papers connect the same way.` : '';
  return via.length === 1
    ? `A paper on ${quote(anchorA.label)} and a paper on ${quote(anchorB.label)} both mention ${chain}.${others}`
    : `A paper on ${quote(anchorA.label)} reaches a paper on ${quote(anchorB.label)} through ${chain}.${others}`;
}

export function structuralConceptReason(ctx: Context, concept: Concept, linksA: string[], linksB: string[], betweennessRank: number): string {
  const labels = (ids: string[]) => [...new Set(ids)].slice(0, 3).map((id) => quote(ctx.snapshot.concepts.get(id)!.label)).join(', ');
  return (
    `Co-occurs with ${labels(linksA)} on ${quote(ctx.a.label)}'s side and ${labels(linksB)} on ${quote(ctx.b.label)}'s side; ` +
    `participation ${concept.participation.toFixed(2)} (0: all its links stay in its community), ` +
    `betweenness rank ${betweennessRank} of ${ctx.snapshot.concepts.size} concepts.`
  );
}

export function structuralPaperReason(ctx: Context, shareA: number, shareB: number): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return `Spreads its concepts over both sides without naming both topics: ${pct(shareA)} of its weight on ${quote(ctx.a.label)}'s side, ${pct(shareB)} on ${quote(ctx.b.label)}'s.`;
}
