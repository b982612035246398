// Placement alone at scale density, no store: the generated corpus (bench/scale-corpus.ts) placed
// in order into a batch archive (src/stories/batch-archive.ts, as assignStories does, with its
// eviction every 1,000 articles), timing the CPU of the last N placements, so the cost of one
// placement can be compared across densities on a shared machine. Also prints the key hits per
// placement and pairwise precision/recall of the stories against the generated events, per
// per-key cap compared.
//   node --import tsx bench/scale-placement.ts [--sizes 5000,20000] [--last 1000] [--caps 100,1000000000] [--days 30]

import { parseArgs } from 'node:util';
import { createBatchArchive } from '../src/stories/batch-archive.js';
import { DEFAULT_GROUPING, windowAround } from '../src/stories/grouping.js';
import { inPlacementOrder, placeInArchive } from '../src/stories/story-archive.js';
import { scaleArticles } from './scale-corpus.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '5000,20000' },
    last: { type: 'string', default: '1000' },
    caps: { type: 'string', default: String(DEFAULT_GROUPING.maxStoriesPerKey) },
    days: { type: 'string', default: '30' },
  },
});
const days = Number(values.days);
const last = Number(values.last);

const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** Pairs of articles put together by `group` (pairs within each group). */
function pairs(group: ReadonlyMap<string, string>): number {
  const sizes = new Map<string, number>();
  for (const g of group.values()) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  let n = 0;
  for (const c of sizes.values()) n += (c * (c - 1)) / 2;
  return n;
}

console.log(`placement in memory, ${days} days; CPU ms per placement over the last ${last}; per-key cap as DEFAULT_GROUPING.maxStoriesPerKey (${DEFAULT_GROUPING.maxStoriesPerKey}) unless compared`);
console.log('articles  per day  cap         CPU ms/placement (last)  key hits/placement  stories  events   P      R      F1');
for (const size of values.sizes!.split(',').map(Number)) {
  const generated = [...scaleArticles(size, { days })];
  const eventOf = new Map(generated.map((g) => [g.article.id, g.event]));
  const articles = inPlacementOrder(generated.map((g) => g.article));
  for (const cap of values.caps!.split(',').map(Number)) {
    const options = { ...DEFAULT_GROUPING, maxStoriesPerKey: cap };
    const archive = createBatchArchive([], 0, async () => new Map());
    const keyHits = archive.keyHits.bind(archive);
    let hits = 0;
    let counted = 0;
    archive.keyHits = async (...args) => {
      const found = await keyHits(...args);
      hits += found.length;
      counted++;
      return found;
    };
    const storyOf = new Map<string, string>();
    let from = 0;
    for (let i = 0; i < articles.length; i++) {
      if (i === articles.length - last) {
        from = cpuMs();
        hits = 0;
        counted = 0;
      }
      const a = articles[i]!;
      storyOf.set(a.id, (await placeInArchive(archive, a, options)).placement.storyId);
      archive.takePending();
      if (i % 1000 === 999) archive.evict(windowAround(a.published ?? a.ingestedAt, options.windowDays).from, windowAround(a.ingestedAt, options.windowDays).from);
    }
    const ms = (cpuMs() - from) / Math.min(last, articles.length);
    const both = new Map([...storyOf].map(([id, s]) => [id, `${s}|${eventOf.get(id)}`]));
    const tp = pairs(both);
    const p = tp / pairs(storyOf);
    const r = tp / pairs(new Map([...storyOf.keys()].map((id) => [id, eventOf.get(id)!])));
    console.log(
      `${String(size).padStart(8)} ${String(Math.round(size / days)).padStart(8)}  ${String(cap).padEnd(10)} ${ms.toFixed(2).padStart(24)} ${(hits / counted).toFixed(0).padStart(19)}` +
        ` ${String(new Set(storyOf.values()).size).padStart(8)} ${String(new Set(eventOf.values()).size).padStart(7)}  ${p.toFixed(3)}  ${r.toFixed(3)}  ${((2 * p * r) / (p + r)).toFixed(3)}`,
    );
  }
}
