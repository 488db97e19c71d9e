// The year range filters papers, not concepts' mean years: a concept on the map is
// shown when it has papers inside the range (at least the minimum), sized by those
// papers and coloured by their mean year. Overview concepts carry their papers per
// year (MapNodeAttributes.yearCounts); a concept without them (from an expansion)
// falls back to its mean year, and a paper to its own year.
import type { MapNodeAttributes } from '../../../src/graph/model.ts';
import type { MapFilters } from './viewState.ts';

/** Whether a year range is set at all. */
export function hasYearRange(filters: MapFilters): boolean {
  return filters.yearMin !== null || filters.yearMax !== null;
}

/** Whether a year lies inside the filters' range. */
export function inRange(year: number, filters: MapFilters): boolean {
  return (filters.yearMin === null || year >= filters.yearMin) && (filters.yearMax === null || year <= filters.yearMax);
}

/** Papers of a node inside the year range (all of them when no range is set). */
export function papersInYears(attributes: MapNodeAttributes, filters: MapFilters): number {
  if (!hasYearRange(filters)) return attributes.papers;
  const byYear = attributes.yearCounts;
  if (attributes.kind === 'concept' && byYear) {
    const first = Math.max(0, (filters.yearMin ?? byYear.from) - byYear.from);
    const last = Math.min(byYear.counts.length - 1, (filters.yearMax ?? byYear.from + byYear.counts.length) - byYear.from);
    let n = 0;
    for (let i = first; i <= last; i++) n += byYear.counts[i];
    return n;
  }
  return attributes.year !== null && inRange(attributes.year, filters) ? attributes.papers : 0;
}

/** Mean year of a concept's papers inside the range (its mean year when no range is set or it has no counts). */
export function meanYearInYears(attributes: MapNodeAttributes, filters: MapFilters): number | null {
  const byYear = attributes.yearCounts;
  if (!hasYearRange(filters) || attributes.kind !== 'concept' || !byYear) return attributes.year;
  let n = 0;
  let sum = 0;
  byYear.counts.forEach((count, i) => {
    const year = byYear.from + i;
    if (count > 0 && inRange(year, filters)) (n += count), (sum += count * year);
  });
  return n > 0 ? sum / n : null;
}

/** Whether a node passes the filters: papers shown or not, papers in the range, the minimum papers. */
export function passesFilters(attributes: MapNodeAttributes, filters: MapFilters): boolean {
  if (attributes.kind === 'paper') return filters.showPapers && papersInYears(attributes, filters) > 0;
  return papersInYears(attributes, filters) >= Math.max(1, filters.minPapers);
}

/**
 * Node radius under a year range: the overview's size rule (src/explore/mapGraph.ts
 * conceptSize) applied to the papers in the range, relative to the concept with most
 * of them, so what is big in 1990–1995 is drawn big then.
 */
export function sizeInYears(papers: number, maxPapers: number): number {
  return 3 + 15 * Math.sqrt(papers / Math.max(1, maxPapers));
}

const largest = new WeakMap<MapFilters, { order: number; max: number }>();

/** Most papers in the range of any concept of the graph; remembered per filters object and graph size. */
export function maxPapersInYears(nodes: { order: number; forEachNode(cb: (node: string, attributes: MapNodeAttributes) => void): void }, filters: MapFilters): number {
  const known = largest.get(filters);
  if (known && known.order === nodes.order) return known.max;
  let max = 1;
  nodes.forEachNode((_node, attributes) => {
    if (attributes.kind === 'concept') max = Math.max(max, papersInYears(attributes, filters));
  });
  largest.set(filters, { order: nodes.order, max });
  return max;
}
