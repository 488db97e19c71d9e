// One folding for everything users type and everything they search: case, accents,
// hyphens and punctuation do not matter ("Spike-timing" finds "spike timing").
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
