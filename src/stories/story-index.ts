// A story archive held in memory: the same inverted key index the store keeps, for benches, tests
// and one-off groupings. Cost per lookup depends on the stories active in the window, not on the
// archive's size.

import { frequencyFromTable, type DocumentFrequency } from './document-frequency.js';
import type { ArticleFeatures } from './features.js';
import type { KeyHit, StoryCandidate } from './grouping.js';
import { byActivity, type Story, type TimelineEntry } from './story.js';
import type { NewMember, StoryArchive } from './story-archive.js';

interface HeldStory {
  readonly id: string;
  lastActive: string;
  lastIngested: string;
  readonly members: Array<{ entry: TimelineEntry; features: ArticleFeatures }>;
  readonly keys: Set<string>;
}

export interface MemoryStoryIndex extends StoryArchive {
  stories(): Story[];
  storyOf(articleId: string): string | null;
}

export function createMemoryStoryIndex(): MemoryStoryIndex {
  const stories = new Map<string, HeldStory>();
  const byKey = new Map<string, Map<string, HeldStory>>();
  const articleStory = new Map<string, string>();
  const counts = new Map<string, number>();
  let documents = 0;

  return {
    async keyHits(keys, active, ingested, maxPerKey) {
      const out: KeyHit[] = [];
      for (const key of new Set(keys)) {
        const found: KeyHit[] = [];
        for (const s of byKey.get(key)?.values() ?? []) {
          const inActive = s.lastActive >= active.from && s.lastActive <= active.to;
          if (inActive || (s.lastIngested >= ingested.from && s.lastIngested <= ingested.to)) {
            if (found.length === maxPerKey) {
              found.length = 0;
              break;
            }
            found.push({ storyId: s.id, key });
          }
        }
        for (const h of found) out.push(h);
      }
      return out;
    },
    async frequencies(): Promise<DocumentFrequency> {
      return frequencyFromTable(documents, counts);
    },
    async candidates(ids, maxMembers) {
      const out: StoryCandidate[] = [];
      for (const id of ids) {
        const s = stories.get(id);
        if (!s) continue;
        const recent = s.members.slice(-maxMembers);
        const members = s.members.length > maxMembers ? [s.members[0]!, ...recent] : recent;
        out.push({ id, members: members.map((m) => m.features) });
      }
      return out;
    },
    async addMember(m: NewMember) {
      if (articleStory.has(m.entry.articleId)) return false;
      let s = stories.get(m.storyId);
      if (!s) {
        s = { id: m.storyId, lastActive: m.entry.activityAt, lastIngested: m.ingestedAt, members: [], keys: new Set() };
        stories.set(m.storyId, s);
      }
      s.members.push({ entry: m.entry, features: m.features });
      s.members.sort((a, b) => byActivity(a.entry, b.entry));
      // Undated members (activity = ingest time) do not move a story's date.
      if (m.entry.published !== null && m.entry.activityAt > s.lastActive) s.lastActive = m.entry.activityAt;
      if (m.ingestedAt > s.lastIngested) s.lastIngested = m.ingestedAt;
      for (const k of m.indexKeys) {
        s.keys.add(k);
        let set = byKey.get(k);
        if (!set) byKey.set(k, (set = new Map()));
        set.set(s.id, s);
      }
      articleStory.set(m.entry.articleId, s.id);
      documents++;
      for (const k of m.frequencyKeys) counts.set(k, (counts.get(k) ?? 0) + 1);
      return true;
    },
    stories() {
      return [...stories.values()]
        .map((s) => toStory(s))
        .sort((a, b) =>
          a.firstActive < b.firstActive ? -1 : a.firstActive > b.firstActive ? 1 : a.id < b.id ? -1 : 1,
        );
    },
    storyOf(articleId) {
      return articleStory.get(articleId) ?? null;
    },
  };
}

function toStory(s: HeldStory): Story {
  const timeline = s.members.map((m) => m.entry);
  const first = timeline.find((e) => e.articleId === s.id) ?? timeline[0]!;
  return {
    id: s.id,
    title: first.title,
    firstActive: timeline[0]!.activityAt,
    lastActive: s.lastActive,
    articleCount: timeline.length,
    timeline,
    translations: [],
  };
}
