// The search core (tokeniser, scorer, snippets) for node: the shipped client script run in a vm
// context, so build-side code and tests use exactly the bytes readers get as assets/search.js.

import type { Face } from '../../article.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { PROJECT_ROOT } from '../../project-root.js';

/** The client script, shipped verbatim as DIR/assets/search.js. */
export const SEARCH_CLIENT_PATH = path.join(PROJECT_ROOT, 'src', 'publish', 'search', 'search-client.js');

export type SearchKind = 'digest' | 'story' | 'card' | 'article' | 'topic' | 'audience';

/** The index as written to assets/search-index.js (arrays keep it small). */
export interface SearchIndex {
  readonly v: 1;
  /** Traditional → simplified, one character to one, for the characters this corpus needs. */
  readonly fold: Readonly<Record<string, string>>;
  /** Document texts, each stored once (the same text under two paths is shared). */
  readonly texts: readonly string[];
  /**
   * [face, path, title, kind, date ('' when none), index into texts, group (what the page is about:
   * one result per group), the language of the page's text ('' when neither)]; an index written
   * before the last two were added has six, and each page is then its own group.
   */
  readonly docs: ReadonlyArray<
    | readonly [Face, string, string, SearchKind, string, number]
    | readonly [Face, string, string, SearchKind, string, number, string, Face | '']
  >;
}

export interface Token {
  readonly t: string;
  readonly start: number;
  readonly end: number;
}
export interface Segment {
  readonly text: string;
  readonly hit: boolean;
}
export interface SearchHit {
  /** The face the page belongs to (its path is under it). */
  readonly lang: Face;
  /** The language of the page's text, which the result is labelled with ('' when neither). */
  readonly textLang: Face | '';
  readonly path: string;
  readonly kind: SearchKind;
  readonly date: string;
  readonly score: number;
  readonly title: readonly Segment[];
  readonly snippet: readonly Segment[];
}
export interface SearchOutcome {
  readonly terms: readonly string[];
  readonly total: number;
  readonly results: readonly SearchHit[];
}

export interface SearchCore {
  fold(text: string, map?: Readonly<Record<string, string>>): { s: string; pos: number[] };
  stem(word: string): string;
  /** Words a query drops unless nothing else is left: SEARCH_STOPWORDS of text/english-words.ts. */
  readonly stopwords: ReadonlySet<string>;
  tokenize(text: string, map?: Readonly<Record<string, string>>): Token[];
  queryTerms(query: string, map?: Readonly<Record<string, string>>): string[];
  search(index: SearchIndex, query: string, options?: { lang?: Face; limit?: number; width?: number }): SearchOutcome;
  /** Fills #search-status and #search-results of a document (DOM text nodes only). */
  render(doc: unknown, index: SearchIndex | null, query: string, pageLang: Face, prefix: string): void;
}

let source: string | null = null;
let core: SearchCore | null = null;

export function searchClientSource(): string {
  source ??= readFileSync(SEARCH_CLIENT_PATH, 'utf8');
  return source;
}

/**
 * Runs the client script as a function whose `window` is a plain object (no document, so no page
 * code starts); same realm, so its arrays are ordinary arrays and nothing leaks into globalThis.
 */
export function loadSearchCore(): SearchCore {
  if (core !== null) return core;
  const sandbox: { TidingsSearch?: SearchCore } = {};
  vm.compileFunction(searchClientSource(), ['window'], { filename: SEARCH_CLIENT_PATH })(sandbox);
  if (sandbox.TidingsSearch === undefined) throw new Error(`${SEARCH_CLIENT_PATH} did not define TidingsSearch`);
  core = sandbox.TidingsSearch;
  return core;
}
