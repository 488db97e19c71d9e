// Publication dates as sources write them, to `{year, date}` with an ISO date
// (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) when the source gives one.

export interface PublicationDate {
  year: number | null;
  date: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function plausibleYear(year: number): boolean {
  return year >= 1600 && year <= 2200;
}

/** Month number from `Mar`, `March`, `3`, `03`; null when it is none of those. */
export function monthNumber(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(trimmed)) {
    const n = Number(trimmed);
    return n >= 1 && n <= 12 ? n : null;
  }
  return MONTHS[trimmed.slice(0, 3)] ?? null;
}

/**
 * Parse `2020`, `2020-03`, `2020-03-01`, `2020-03-01T12:00:00Z`, `2020/3/1`,
 * `Mar 2020`, `1 March 2020`, `March 1, 2020`, `2020 Mar 1`.
 */
export function parseDate(raw: string | number | null | undefined): PublicationDate {
  if (raw === null || raw === undefined) return { year: null, date: null };
  if (typeof raw === 'number') {
    return Number.isInteger(raw) && plausibleYear(raw) ? { year: raw, date: String(raw) } : { year: null, date: null };
  }
  const text = raw.trim();
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ].*)?$/.exec(text);
  if (m && plausibleYear(Number(m[1]))) {
    const year = Number(m[1]);
    const month = m[2] ? Number(m[2]) : null;
    const day = m[3] ? Number(m[3]) : null;
    if (month && month >= 1 && month <= 12) {
      if (day && day >= 1 && day <= 31) return { year, date: `${year}-${pad(month)}-${pad(day)}` };
      return { year, date: `${year}-${pad(month)}` };
    }
    return { year, date: String(year) };
  }
  m = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(text) ?? null;
  if (m && monthNumber(m[2]) && plausibleYear(Number(m[3]))) {
    return { year: Number(m[3]), date: `${m[3]}-${pad(monthNumber(m[2])!)}-${pad(Number(m[1]))}` };
  }
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (m && monthNumber(m[1]) && plausibleYear(Number(m[3]))) {
    return { year: Number(m[3]), date: `${m[3]}-${pad(monthNumber(m[1])!)}-${pad(Number(m[2]))}` };
  }
  m = /^(\d{4})\s+([A-Za-z]{3,9})\.?(?:\s+(\d{1,2}))?$/.exec(text);
  if (m && monthNumber(m[2]) && plausibleYear(Number(m[1]))) {
    const month = pad(monthNumber(m[2])!);
    return { year: Number(m[1]), date: m[3] ? `${m[1]}-${month}-${pad(Number(m[3]))}` : `${m[1]}-${month}` };
  }
  m = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(text);
  if (m && monthNumber(m[1]) && plausibleYear(Number(m[2]))) {
    return { year: Number(m[2]), date: `${m[2]}-${pad(monthNumber(m[1])!)}` };
  }
  // A year somewhere in free text ("Spring 2019", "2019 Dec-2020 Jan").
  m = /(?:^|\D)(1[6-9]\d\d|2[01]\d\d)(?:\D|$)/.exec(text);
  if (m) return { year: Number(m[1]), date: m[1] };
  return { year: null, date: null };
}
