// Node colours: a categorical palette for Louvain communities (0 = largest, so the
// biggest topics get the most distinct hues) and a sequential scale for publication
// year (old → new reads dark blue → warm orange, after matplotlib's plasma, cut before
// its pale yellow end, which vanishes on a white map). The year scale runs over the
// quantiles of the corpus's paper years, not its min–max: corpora grow fast, and on
// NeurIPS/ICML/ICLR a linear scale put 90% of the map in one band.

/** 24 hues, muted so a full map stays calm; ordered so neighbours in the list differ. */
const COMMUNITY_COLOURS = [
  '#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1',
  '#edc948', '#9c755f', '#ff9da7', '#2f8f9d', '#8cd17d', '#d37295',
  '#5f6bb5', '#b6992d', '#499894', '#c0504d', '#a0cbe8', '#c98b2b',
  '#6b8e23', '#d4a6c8', '#86bcb6', '#ffbe7d', '#79706e', '#f1ce63',
];

export const PAPER_COLOUR = '#3b4452';
export const DIMMED_COLOUR = '#e4e7ec';
export const NO_YEAR_COLOUR = '#b8bec8';
export const EDGE_COLOUR = '#d5dae2';
/** Edges between two communities on the overview: drawn, but so light that the regions read first. */
export const EDGE_BETWEEN_COLOUR = '#eceff3';
export const EDGE_FOCUS_COLOUR = '#8a94a6';

/**
 * A community's colour, keyed by its id alone, so it is the same in every view (the
 * overview ranked by papers or PageRank, at any size, a neighbourhood, the legend).
 * Louvain ids are ranked by size (0 largest), so the 24 largest communities of the
 * corpus get the palette's distinct hues; the others get golden-angle hues, each far
 * from the previous id's.
 */
export function communityColour(community: number): string {
  let colour = cache.get(community);
  if (colour === undefined) {
    colour = community >= 0 && community < COMMUNITY_COLOURS.length ? COMMUNITY_COLOURS[community] : tint(community);
    cache.set(community, colour);
  }
  return colour;
}
const cache = new Map<number, string>();

/** Hex, not hsl(): sigma's WebGL programs parse only hex, rgb() and named colours. */
function tint(index: number): string {
  return hslToHex((index * 137.508) % 360, 0.45, 0.58);
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

const YEAR_STOPS = ['#1f3a93', '#5a3fa0', '#8e3f9e', '#c04a7e', '#e46b4f', '#f29a2e'].map((hex) => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
]);
const YEAR_STEPS = 64;
const yearScale: string[] = [];
for (let i = 0; i <= YEAR_STEPS; i++) {
  const t = (i / YEAR_STEPS) * (YEAR_STOPS.length - 1);
  const lower = Math.min(Math.floor(t), YEAR_STOPS.length - 2);
  const f = t - lower;
  const rgb = YEAR_STOPS[lower].map((c, k) => Math.round(c + (YEAR_STOPS[lower + 1][k] - c) * f));
  yearScale.push(`rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`);
}

/** The year colour scale of a corpus: each year's position, 0 (oldest) to 1 (newest), by quantile rank. */
export interface YearScale {
  from: number;
  positions: Float64Array;
}

/**
 * The scale from the corpus's papers per year (`counts[i]`: papers of year `from + i`,
 * overview `years.counts`): a year sits at the middle of its share of the papers
 * (mid-rank ECDF), so each colour step holds about as many papers.
 */
export function yearScaleOf(from: number | null, counts: readonly number[]): YearScale | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (from === null || total === 0) return null;
  const positions = new Float64Array(counts.length);
  let below = 0;
  counts.forEach((n, i) => {
    positions[i] = (below + n / 2) / total;
    below += n;
  });
  // Stretch so the oldest year is the dark end and the newest the warm end.
  const lo = positions[0];
  const hi = positions[positions.length - 1];
  if (hi > lo) positions.forEach((p, i) => (positions[i] = (p - lo) / (hi - lo)));
  return { from, positions };
}

/** Colour of a (possibly mean, fractional) year; precomputed steps, so reducers allocate nothing. */
export function yearColour(year: number | null, scale: YearScale | null): string {
  if (year === null || !Number.isFinite(year) || scale === null) return NO_YEAR_COLOUR;
  return yearScale[Math.round(yearPosition(year, scale) * YEAR_STEPS)];
}

/** Where a year falls on the scale, 0 to 1, linear between whole years. */
export function yearPosition(year: number, scale: YearScale): number {
  const { from, positions } = scale;
  const t = Math.min(positions.length - 1, Math.max(0, year - from));
  const i = Math.floor(t);
  const next = Math.min(positions.length - 1, i + 1);
  return positions[i] + (positions[next] - positions[i]) * (t - i);
}

/** CSS gradient of the year scale, for the legend. */
export function yearGradient(): string {
  return `linear-gradient(to right, ${yearScale.filter((_, i) => i % 8 === 0).join(', ')})`;
}
