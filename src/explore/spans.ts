// Spans are stored as JSON text on MENTIONS (neither store keeps a list of maps).
import type { Span } from '../graph/model.ts';

export function parseSpans(value: unknown): Span[] {
  if (typeof value !== 'string') return [];
  try {
    const spans: unknown = JSON.parse(value);
    return Array.isArray(spans) ? (spans as Span[]) : [];
  } catch {
    return [];
  }
}
