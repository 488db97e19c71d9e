// The extractor's shipped word lists (data/extract/, described in its README), read
// once per process. Kept as data, not code, so a reviewer can audit every merge and
// every dropped word without reading TypeScript.
import { readFileSync } from 'node:fs';

const dataDir = new URL('../../data/extract/', import.meta.url);

function lines(file: string): string[][] {
  return readFileSync(new URL(file, dataDir), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t').map((cell) => cell.trim()));
}

function wordSet(file: string): Set<string> {
  return new Set(lines(file).map(([word]) => word));
}

function wordMap(file: string): Map<string, string> {
  return new Map(lines(file).map(([from, to]) => [from, to]));
}

export interface Lexicon {
  genericTerms: Set<string>;
  genericModifiers: Set<string>;
  verbForms: Set<string>;
  spelling: Map<string, string>;
  adjectiveNouns: Map<string, string>;
  irregularPlurals: Map<string, string>;
  boundPrefixes: Set<string>;
  adjectives: Set<string>;
}

let loaded: Lexicon | undefined;

export function lexicon(): Lexicon {
  loaded ??= {
    genericTerms: wordSet('generic-terms.txt'),
    genericModifiers: wordSet('generic-modifiers.txt'),
    verbForms: wordSet('verb-forms.txt'),
    spelling: wordMap('spelling-variants.txt'),
    adjectiveNouns: wordMap('adjective-nouns.txt'),
    irregularPlurals: wordMap('irregular-plurals.txt'),
    boundPrefixes: wordSet('bound-prefixes.txt'),
    adjectives: wordSet('adjectives.txt'),
  };
  return loaded;
}
