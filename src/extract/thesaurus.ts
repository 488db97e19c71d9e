// VOSviewer thesaurus files (van Eck & Waltman, VOSviewer manual §"Thesaurus files"):
// a tab-separated header `label<TAB>replace by`, then `term<TAB>replacement` lines;
// an empty replacement drops the term.
import { readFileSync } from 'node:fs';
import type { Extraction } from '../graph/model.ts';
import { phraseKey } from './normalize.ts';
import type { Thesaurus } from './types.ts';

export class ThesaurusError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}:${line}: ${message}`);
    this.name = 'ThesaurusError';
  }
}

export function parseThesaurus(text: string, file: string): Thesaurus {
  const thesaurus: Thesaurus = { replace: new Map(), drop: new Set() };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0]?.split('\t').map((cell) => cell.trim().toLowerCase());
  if (!header || header.length !== 2 || header[0] !== 'label' || header[1] !== 'replace by') {
    throw new ThesaurusError(file, 1, 'expected the header "label<TAB>replace by"');
  }
  lines.slice(1).forEach((line, i) => {
    if (line.trim().length === 0) return;
    const cells = line.split('\t');
    if (cells.length !== 2) {
      throw new ThesaurusError(file, i + 2, `expected "term<TAB>replacement" (2 tab-separated columns), found ${cells.length}`);
    }
    const [term, replacement] = cells.map((cell) => cell.trim());
    if (term.length === 0) throw new ThesaurusError(file, i + 2, 'empty term before the tab');
    if (replacement.length === 0) thesaurus.drop.add(term);
    else thesaurus.replace.set(term, replacement);
  });
  return thesaurus;
}

/** Read a thesaurus file; errors name file:line. */
export function readThesaurus(file: string): Thesaurus {
  return parseThesaurus(readFileSync(file, 'utf8'), file);
}

/** Canonical-key form of a thesaurus, as the extractor applies it (keys compared case-insensitively). */
export interface KeyedThesaurus {
  map(key: string): string | null;
  /** Whether the key was replaced by the user (then the generic-term filter does not apply). */
  replaced(key: string): boolean;
}

export function keyedThesaurus(thesaurus: Thesaurus | undefined): KeyedThesaurus {
  const replace = new Map<string, string>();
  const drop = new Set<string>();
  for (const [term, replacement] of thesaurus?.replace ?? []) replace.set(phraseKey(term).toLowerCase(), phraseKey(replacement));
  for (const term of thesaurus?.drop ?? []) drop.add(phraseKey(term).toLowerCase());
  return {
    map(key) {
      const lower = key.toLowerCase();
      if (drop.has(lower)) return null;
      return replace.get(lower) ?? key;
    },
    replaced(key) {
      return replace.has(key.toLowerCase());
    },
  };
}

/**
 * Every merge the extractor made (each alias written differently from its concept's
 * name), as a thesaurus a user can review, edit and pass back with `--thesaurus`.
 */
export function thesaurusFromExtraction(extraction: Extraction): string {
  const lines = ['label\treplace by'];
  for (const concept of extraction.concepts) {
    // The replacement must key back to the same concept, so re-applying changes no id.
    const target = phraseKey(concept.label) === concept.id ? concept.label : concept.id;
    for (const alias of concept.aliases) {
      if (alias !== target && !alias.includes('\t')) lines.push(`${alias}\t${target}`);
    }
  }
  return lines.join('\n') + '\n';
}
