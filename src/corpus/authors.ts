// Author lists as sources write them, to display names (`First Last`).

/** `Last, First` to `First Last`; names without a comma pass unchanged. */
export function displayName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  const comma = trimmed.indexOf(',');
  if (comma === -1) return trimmed;
  const last = trimmed.slice(0, comma).trim();
  const rest = trimmed.slice(comma + 1).trim();
  // `Smith, Jr., John` keeps the suffix after the given name.
  const parts = rest.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 2) return `${parts[1]} ${last}, ${parts[0]}`;
  return rest ? `${rest} ${last}` : last;
}

export interface SplitAuthorsOptions {
  /** Split on commas when there is no `;` or ` and ` (Embase `Smith J., Lee K.`). Default false. */
  commaSeparated?: boolean;
}

/** Split `A and B`, `A; B` (or comma lists when told) into names. */
export function splitAuthors(raw: string, options: SplitAuthorsOptions = {}): string[] {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  let names: string[];
  if (text.includes(';')) names = text.split(';');
  else if (/\s+and\s+/i.test(text)) names = text.split(/\s+and\s+/i);
  else if (options.commaSeparated) names = text.split(/,\s*/);
  else names = [text];
  return names
    .map((n) => n.trim())
    .filter((n) => n && !/^(and )?others$|^et al\.?$/i.test(n))
    .map((n) => (options.commaSeparated ? n : displayName(n)));
}
