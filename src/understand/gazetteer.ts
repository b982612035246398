// The AI-industry gazetteer: maps English and Chinese names to one entity (英伟达 = Nvidia).
// The alias index is built once, on first use, as two tries (exact case and ASCII-folded) so
// that matching a whole article costs one pass over its characters.

import { normalizeForMatch } from '../text/normalize.js';
import { EXACT_CASE_ALIASES, GAZETTEER_ROWS } from './gazetteer-data.js';

export interface GazetteerEntry {
  id: string;
  name: string;
  type: 'organization' | 'person' | 'product' | 'place' | 'concept';
  aliases: { en: string[]; zh: string[] };
}

export interface TrieNode {
  readonly children: Map<number, TrieNode>;
  entry: GazetteerEntry | null;
}

export interface AliasIndex {
  /** Aliases matched with their exact characters: Chinese, short and ambiguous English names. */
  readonly exact: TrieNode;
  /** Aliases matched with ASCII letters folded to lower case ("NVIDIA" = "Nvidia"). */
  readonly folded: TrieNode;
}

/** The bundled entries, as shipped. */
export const BUNDLED_GAZETTEER: readonly GazetteerEntry[] = GAZETTEER_ROWS.map(([id, name, type, en, zh]) => ({
  id,
  name,
  type,
  aliases: { en: [...en], zh: [...zh] },
}));

/**
 * The entries in use: the bundled ones, extended by the user's gazetteer file when one is
 * installed (useGazetteer). A live binding: readers see the installed list.
 */
export let GAZETTEER: readonly GazetteerEntry[] = BUNDLED_GAZETTEER;

/**
 * Installs the user's entries over the bundled ones, for the rest of the process: an entry whose id
 * is bundled adds its aliases to that entity (and may rename or retype it); a new id is a new
 * entity, matched before bundled ones on a shared alias (the user's word wins). `[]` restores the
 * bundled gazetteer. Indexes are rebuilt on next use.
 */
export function useGazetteer(user: readonly GazetteerEntry[]): void {
  const byId = new Map(BUNDLED_GAZETTEER.map((e) => [e.id, e]));
  const added: GazetteerEntry[] = [];
  for (const u of user) {
    const base = byId.get(u.id);
    if (base) {
      byId.set(u.id, {
        id: u.id,
        name: u.name,
        type: u.type,
        aliases: {
          en: [...new Set([...u.aliases.en, ...base.aliases.en])],
          zh: [...new Set([...u.aliases.zh, ...base.aliases.zh])],
        },
      });
    } else {
      added.push(u);
    }
  }
  const extended = user.filter((u) => !added.includes(u)).map((u) => byId.get(u.id)!);
  const rest = BUNDLED_GAZETTEER.filter((e) => !user.some((u) => u.id === e.id));
  // The user's entries first: on a shared alias the first entry wins (insert keeps the first).
  GAZETTEER = user.length === 0 ? BUNDLED_GAZETTEER : [...added, ...extended, ...rest];
  index = null;
  lookupMaps = null;
}

const HAN = /\p{Script=Han}/u;

/** Whether an English alias may match in any ASCII case. */
export function foldsCase(alias: string): boolean {
  if (HAN.test(alias) || EXACT_CASE_ALIASES.has(alias)) return false;
  // Lower-case concept words ("compute", "data center") match only in lower case, so that
  // "Northwind Compute" is not the concept.
  if (!/[A-Z]/.test(alias)) return false;
  return alias.replace(/[^A-Za-z]/g, '').length > 4;
}

export function foldAscii(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

function allAliases(entry: GazetteerEntry): string[] {
  return [...new Set([entry.name, ...entry.aliases.en, ...entry.aliases.zh])];
}

let index: AliasIndex | null = null;

export function aliasIndex(): AliasIndex {
  if (index) return index;
  const exact: TrieNode = { children: new Map(), entry: null };
  const folded: TrieNode = { children: new Map(), entry: null };
  for (const entry of GAZETTEER) {
    for (const alias of allAliases(entry)) {
      if (foldsCase(alias)) insert(folded, foldAscii(alias), entry);
      else insert(exact, alias, entry);
    }
  }
  index = { exact, folded };
  return index;
}

function insert(root: TrieNode, key: string, entry: GazetteerEntry): void {
  let node = root;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    let next = node.children.get(code);
    if (!next) {
      next = { children: new Map(), entry: null };
      node.children.set(code, next);
    }
    node = next;
  }
  // First entry wins on a shared alias, so the data file's order settles conflicts.
  node.entry ??= entry;
}

let lookupMaps: {
  exact: Map<string, GazetteerEntry>;
  folded: Map<string, GazetteerEntry>;
  normal: Map<string, GazetteerEntry>;
} | null = null;

/** The entity a name refers to, by id, alias (case rules as in text) or normalised form; else null. */
export function lookupEntity(surface: string): GazetteerEntry | null {
  if (!lookupMaps) {
    const exact = new Map<string, GazetteerEntry>();
    const folded = new Map<string, GazetteerEntry>();
    const normal = new Map<string, GazetteerEntry>();
    for (const entry of GAZETTEER) {
      if (!exact.has(entry.id)) exact.set(entry.id, entry);
      for (const alias of allAliases(entry)) {
        if (!exact.has(alias)) exact.set(alias, entry);
        if (foldsCase(alias) && !folded.has(foldAscii(alias))) folded.set(foldAscii(alias), entry);
        if (HAN.test(alias)) {
          const key = normalizeForMatch(alias);
          if (!normal.has(key)) normal.set(key, entry);
        }
      }
    }
    lookupMaps = { exact, folded, normal };
  }
  const s = surface.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (s === '') return null;
  return (
    lookupMaps.exact.get(s) ??
    lookupMaps.folded.get(foldAscii(s)) ??
    (HAN.test(s) ? lookupMaps.normal.get(normalizeForMatch(s)) : undefined) ??
    null
  );
}
