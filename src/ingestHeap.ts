// How much heap an ingest needs, known as soon as its papers are read, before anything
// costly runs. `papergraph ingest` runs in a child whose heap is capped (bin/papergraph.mjs);
// a corpus too big for the cap used to run for many minutes (740 s at 200,000 papers)
// before V8 aborted it, and then ran again with twice the heap. Now the child, once it
// knows how many papers it will extract, compares what they need with its heap and, when
// they need more than it has and the launcher can give more, asks for it and stops:
// nothing is tagged or stored yet, so the run with more heap starts where this one did.
// Running out anyway (a corpus needing more than the estimate) is still caught by the
// launcher, which then doubles the heap as before.
import { getHeapStatistics } from 'node:v8';

/**
 * Heap the ingest keeps alive at its peak per paper (the corpus passes and the graph
 * build), from V8's live heap after its largest full collections (`--trace-gc`):
 * 143 MB for the 12,659 papers of NeurIPS/ICML/ICLR (11.6 KB each), 793 MB for the
 * 85,068 of the 21-venue corpus (9.3 KB each). The larger figure, times the headroom
 * the collector needs to run without thrashing: 85,068 papers then need 1,445 MB, within
 * the launcher's first 1,536, which that ingest is measured with (README, Benchmarks).
 */
const LIVE_KB_PER_PAPER = 11.6;
const HEADROOM = 1.5;

/** Exit status of a child that stopped to ask for more heap (EX_TEMPFAIL: try again); the launcher reads the message, not this. */
const HEAP_REQUEST_EXIT = 75;

/** The heap, in MB, that an ingest of `papers` papers needs. */
export function heapNeededMb(papers: number): number {
  return Math.ceil((papers * LIVE_KB_PER_PAPER * HEADROOM) / 1024);
}

/**
 * In the launcher's child: when `papers` need more heap than this process has and the
 * launcher can give more (PAPERGRAPH_INGEST_HEAP_MOST_MB), tells it how much and exits
 * with HEAP_REQUEST_EXIT; else returns. Outside such a child it always returns.
 */
export async function askForHeapIfShort(papers: number): Promise<void> {
  const most = Number(process.env.PAPERGRAPH_INGEST_HEAP_MOST_MB);
  if (!process.send || !most) return;
  const haveMb = getHeapStatistics().heap_size_limit / 2 ** 20;
  const neededMb = heapNeededMb(papers);
  if (neededMb <= haveMb || haveMb >= most) return;
  await new Promise<void>((resolve) => process.send!({ heapNeededMb: neededMb, papers }, () => resolve()));
  process.exit(HEAP_REQUEST_EXIT);
}
