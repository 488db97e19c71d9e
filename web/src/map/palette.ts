// Node colours: a categorical palette for Louvain communities (0 = largest, so the
// biggest topics get the most distinct hues) and a sequential scale for mean
// publication year (old → new reads dark blue → warm orange, after matplotlib's plasma,
// cut before its pale yellow end, which vanishes on a white map).

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
export const EDGE_FOCUS_COLOUR = '#8a94a6';

const assigned = new Map<number, string>();

/**
 * Gives the distinct hues to the communities that matter most on the current map
 * (most concepts there first); the rest get pale golden-angle tints that recede.
 * Louvain ids alone would not do: the biggest communities among the top concepts
 * are often not the corpus's first ones.
 */
export function assignCommunityColours(rankedIds: number[]): void {
  assigned.clear();
  rankedIds.forEach((id, rank) => assigned.set(id, rank < COMMUNITY_COLOURS.length ? COMMUNITY_COLOURS[rank] : tint(rank)));
}

export function communityColour(community: number): string {
  let colour = assigned.get(community);
  if (colour === undefined) {
    colour = tint(community);
    assigned.set(community, colour);
  }
  return colour;
}

/** Hex, not hsl(): sigma's WebGL programs parse only hex, rgb() and named colours. */
function tint(index: number): string {
  return hslToHex((index * 137.508) % 360, 0.25, 0.7);
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

/** Colour of a year within [min, max]; precomputed steps, so reducers allocate nothing. */
export function yearColour(year: number | null, min: number, max: number): string {
  if (year === null || !Number.isFinite(year)) return NO_YEAR_COLOUR;
  const t = max > min ? (year - min) / (max - min) : 1;
  return yearScale[Math.round(Math.min(1, Math.max(0, t)) * YEAR_STEPS)];
}

/** CSS gradient of the year scale, for the legend. */
export function yearGradient(): string {
  return `linear-gradient(to right, ${yearScale.filter((_, i) => i % 8 === 0).join(', ')})`;
}
