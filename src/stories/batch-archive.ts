// A story archive for placing a batch in memory: seeded with the stored stories the batch can
// meet (those active within its date window), with rarity counts read from the store on first
// use, and the placements kept until they are written in bulk. It answers every lookup exactly as
// the store would after each placement, so a batch groups the same way as one article at a time,
// with no query per article. Stories the rest of the batch can no longer reach are dropped.

import { frequencyFromTable, type DocumentFrequency } from './document-frequency.js';
import type { ArticleFeatures } from './features.js';
import type { KeyHit, StoryCandidate } from './grouping.js';
import type { NewMember, StoryArchive } from './story-archive.js';

/** A stored story as the batch needs it: its window dates, keys, and first and latest members. */
export interface StorySeed {
  readonly id: string;
  readonly lastActive: string;
  readonly lastIngested: string;
  readonly keys: readonly string[];
  /** Ordered by activity time, then article id; at least the first and the latest members compared. */
  readonly members: ReadonlyArray<{ readonly activityAt: string; readonly features: ArticleFeatures }>;
}

export interface BatchArchive extends StoryArchive {
  /** Placements not yet written, in placement order; the list is emptied. */
  takePending(): NewMember[];
  /** How many articles the counts include (stored and pending): the store's check before a write. */
  documents(): number;
  /** Forgets stories whose last activity and last ingest both lie before these ISO times. */
  evict(activeBefore: string, ingestedBefore: string): number;
  size(): number;
}

interface HeldStory {
  readonly id: string;
  lastActive: string;
  lastIngested: string;
  readonly keys: Set<string>;
  readonly members: Array<{ activityAt: string; features: ArticleFeatures }>;
}

export function createBatchArchive(
  seeds: readonly StorySeed[],
  storedDocuments: number,
  /** Stored article counts of these keys (keys never counted may be left out). */
  loadCounts: (keys: readonly string[]) => Promise<ReadonlyMap<string, number>>,
): BatchArchive {
  const stories = new Map<string, HeldStory>();
  const byKey = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  let documents = storedDocuments;
  let pending: NewMember[] = [];
  const placed = new Set<string>();

  const hold = (s: HeldStory, keys: Iterable<string>) => {
    for (const k of keys) {
      s.keys.add(k);
      let set = byKey.get(k);
      if (!set) byKey.set(k, (set = new Set()));
      set.add(s.id);
    }
  };
  for (const seed of seeds) {
    const s: HeldStory = {
      id: seed.id,
      lastActive: seed.lastActive,
      lastIngested: seed.lastIngested,
      keys: new Set(),
      members: seed.members.map((m) => ({ ...m })),
    };
    stories.set(s.id, s);
    hold(s, seed.keys);
  }

  async function ensureCounts(keys: readonly string[]): Promise<void> {
    const missing = [...new Set(keys.filter((k) => !counts.has(k)))];
    if (missing.length === 0) return;
    // A store that has counted no article has no counts to read: no query per placement.
    const found = storedDocuments === 0 ? new Map<string, number>() : await loadCounts(missing);
    for (const k of missing) counts.set(k, found.get(k) ?? 0);
  }

  return {
    async keyHits(keys, active, ingested, maxPerKey) {
      const out: KeyHit[] = [];
      for (const key of new Set(keys)) {
        const found: KeyHit[] = [];
        // Stops at the first story past the cap: a common key costs the cap, not its stories.
        for (const id of byKey.get(key) ?? []) {
          const s = stories.get(id)!;
          const inActive = s.lastActive >= active.from && s.lastActive <= active.to;
          if (inActive || (s.lastIngested >= ingested.from && s.lastIngested <= ingested.to)) {
            if (found.length === maxPerKey) {
              found.length = 0;
              break;
            }
            found.push({ storyId: id, key });
          }
        }
        for (const h of found) out.push(h);
      }
      // The store's order (story, then key): rarity sums add up in the same order.
      return out.sort(byStoryThenKey);
    },

    async frequencies(keys): Promise<DocumentFrequency> {
      await ensureCounts(keys);
      // Only the keys asked for, as the store answers: a key not asked for counts 0.
      const table = new Map<string, number>();
      for (const k of keys) table.set(k, counts.get(k)!);
      return frequencyFromTable(documents, table);
    },

    async candidates(ids, maxMembers): Promise<StoryCandidate[]> {
      const out: StoryCandidate[] = [];
      for (const id of ids) {
        const s = stories.get(id);
        if (!s || s.members.length === 0) continue;
        const recent = s.members.slice(-maxMembers);
        const members = s.members.length > maxMembers ? [s.members[0]!, ...recent] : recent;
        out.push({ id, members: members.map((m) => m.features) });
      }
      return out;
    },

    async addMember(m: NewMember) {
      if (placed.has(m.entry.articleId)) return false;
      const e = m.entry;
      let s = stories.get(m.storyId);
      if (!s) {
        s = { id: m.storyId, lastActive: e.activityAt, lastIngested: m.ingestedAt, keys: new Set(), members: [] };
        stories.set(s.id, s);
      }
      // Features as the store returns them (jsonb orders object keys), so sums run in its order.
      const member = {
        activityAt: e.activityAt,
        features: { ...m.features, words: inJsonbKeyOrder(m.features.words) },
      };
      let at = s.members.length;
      while (at > 0 && before(member, s.members[at - 1]!)) at--;
      s.members.splice(at, 0, member);
      // Undated members (activity = ingest time) do not move a story's date.
      if (e.published !== null && e.activityAt > s.lastActive) s.lastActive = e.activityAt;
      if (m.ingestedAt > s.lastIngested) s.lastIngested = m.ingestedAt;
      hold(s, m.indexKeys);
      const keys = [...new Set(m.frequencyKeys)];
      await ensureCounts(keys);
      for (const k of keys) counts.set(k, counts.get(k)! + 1);
      documents++;
      placed.add(e.articleId);
      pending.push(m);
      return true;
    },

    takePending() {
      const out = pending;
      pending = [];
      return out;
    },

    documents: () => documents,

    evict(activeBefore, ingestedBefore) {
      let n = 0;
      for (const s of stories.values()) {
        if (s.lastActive >= activeBefore || s.lastIngested >= ingestedBefore) continue;
        for (const k of s.keys) {
          const set = byKey.get(k);
          set?.delete(s.id);
          if (set?.size === 0) byKey.delete(k);
        }
        stories.delete(s.id);
        n++;
      }
      return n;
    },

    size: () => stories.size,
  };
}

function byStoryThenKey(a: KeyHit, b: KeyHit): number {
  return a.storyId < b.storyId ? -1 : a.storyId > b.storyId ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function before(
  a: { activityAt: string; features: ArticleFeatures },
  b: { activityAt: string; features: ArticleFeatures },
): boolean {
  return a.activityAt < b.activityAt || (a.activityAt === b.activityAt && a.features.id < b.features.id);
}

/** PostgreSQL jsonb stores object keys shortest first, then by their UTF-8 bytes. */
export function inJsonbKeyOrder(record: Readonly<Record<string, number>>): Record<string, number> {
  // Byte length and code point order (UTF-8's byte order) read from the UTF-16 units, no buffers.
  const keys = Object.keys(record).map((k) => ({ k, n: utf8Length(k) }));
  keys.sort((x, y) => x.n - y.n || compareCodePoints(x.k, y.k));
  const out: Record<string, number> = {};
  for (const { k } of keys) out[k] = record[k]!;
  return out;
}

/** Bytes of the string in UTF-8 (a lone surrogate is written as U+FFFD, 3 bytes, as Buffer.from does). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Code point order: UTF-16 order but with surrogates (astral characters) after U+E000..U+FFFF. */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

const codePointRank = (u: number): number => (u >= 0xe000 ? u - 0x800 : u >= 0xd800 ? u + 0x2000 : u);
