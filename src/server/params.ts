// Query-string validation: a bad value is a 400 that says which parameter and what it takes.
import { ExploreError } from '../explore/errors.ts';

export function intParam(value: unknown, name: string, range: { min: number; max: number; fallback?: number }): number {
  if (value === undefined || value === '') {
    if (range.fallback === undefined) throw new ExploreError('bad_input', `"${name}" is required.`);
    return range.fallback;
  }
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < range.min || n > range.max) {
    throw new ExploreError('bad_input', `"${name}" must be a whole number from ${range.min} to ${range.max}, got "${String(value)}".`);
  }
  return n;
}

export function stringParam(value: unknown, name: string, options: { max?: number; fallback?: string; oneOf?: string[] } = {}): string {
  if (value === undefined || value === '') {
    if (options.fallback === undefined) throw new ExploreError('bad_input', `"${name}" is required.`);
    return options.fallback;
  }
  if (typeof value !== 'string') throw new ExploreError('bad_input', `"${name}" must be given once, as text.`);
  if (options.max !== undefined && value.length > options.max) {
    throw new ExploreError('bad_input', `"${name}" is longer than ${options.max} characters.`);
  }
  if (options.oneOf && !options.oneOf.includes(value)) {
    throw new ExploreError('bad_input', `"${name}" must be one of ${options.oneOf.join(', ')}, got "${value}".`);
  }
  return value;
}

/** Paper and concept ids: any text, but bounded and free of control characters. */
export function idParam(value: string): string {
  if (value.length === 0 || value.length > 500 || /[\u0000-\u001f]/.test(value)) {
    throw new ExploreError('bad_input', 'That id is not valid: ids are 1 to 500 printable characters.');
  }
  return value;
}
