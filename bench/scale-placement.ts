// Placement alone at scale density, no store: the generated corpus (bench/scale-corpus.ts) placed
// in order into a batch archive (src/stories/batch-archive.ts, as assignStories does, with its
// eviction every 1,000 articles), timing the CPU of the last N placements, so the cost of one
// placement can be compared across densities and archive sizes on a shared machine. Also prints
// the key hits per placement and pairwise precision/recall of the stories against the generated
// events, per per-key cap compared.
//   node --import tsx bench/scale-placement.ts [--sizes 5000,20000] [--last 1000] [--caps 100,1000000000]
//        [--days 30 | --per-day 300] [--wrong 5]
// --per-day N spreads each size over size/N days (an archive growing by days: 1k, 10k and 100k in
// one run at the same density). --wrong N reads the joins that put two events together: the
// evidence of each wrong join against that of the right ones, and N examples with their reasons.

import { parseArgs } from 'node:util';
import { createBatchArchive } from '../src/stories/batch-archive.js';
import type { DocumentFrequency } from '../src/stories/document-frequency.js';
import { featuresOf } from '../src/stories/features.js';
import { DEFAULT_GROUPING, windowAround } from '../src/stories/grouping.js';
import { featureSimilarity } from '../src/stories/similarity.js';
import { inPlacementOrder, placeInArchive, type ArticleToPlace } from '../src/stories/story-archive.js';
import { scaleArticles } from './scale-corpus.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '5000,20000' },
    last: { type: 'string', default: '1000' },
    caps: { type: 'string', default: String(DEFAULT_GROUPING.maxStoriesPerKey) },
    days: { type: 'string' },
    'per-day': { type: 'string' },
    wrong: { type: 'string', default: '0' },
  },
});
if (values.days !== undefined && values['per-day'] !== undefined) throw new Error('give --days or --per-day, not both');
const perDay = values['per-day'] === undefined ? null : Number(values['per-day']);
const last = Number(values.last);
const wrongShown = Number(values.wrong);
const daysFor = (size: number): number =>
  perDay === null ? Number(values.days ?? 30) : Math.max(1, Math.ceil(size / perDay));

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

const KINDS = ['entities', 'figures', 'terms', 'words', 'bridge', 'dates', 'title'] as const;
interface JoinTally {
  n: number;
  sums: Record<(typeof KINDS)[number], number>;
  cross: number;
  nonzero: Record<(typeof KINDS)[number], number>;
}
const tally = (): JoinTally => ({
  n: 0,
  cross: 0,
  sums: Object.fromEntries(KINDS.map((k) => [k, 0])) as JoinTally['sums'],
  nonzero: Object.fromEntries(KINDS.map((k) => [k, 0])) as JoinTally['nonzero'],
});

console.log(
  `placement in memory, ${perDay === null ? `${daysFor(0)} days` : `${perDay} articles a day`}; CPU ms per placement over the last ${last};` +
    ` per-key cap as DEFAULT_GROUPING.maxStoriesPerKey (${DEFAULT_GROUPING.maxStoriesPerKey}) unless compared; node ${process.version}`,
);
// The bridge's dictionary index is built once per process, on the first Chinese article: built here,
// untimed, so the first size's placements do not carry it (imported by name at run time, so this
// bench also runs in a worktree of a commit from before the bridge).
{
  const t = performance.now();
  const bridge = (await import('../src/stories/bridge.js').catch(() => null)) as {
    bundledBridge?: () => unknown;
  } | null;
  if (bridge?.bundledBridge) {
    bridge.bundledBridge();
    console.log(`bridge index built before timing: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}
console.log(
  'articles  per day  cap         CPU ms/placement (last)  key hits/placement  stories  events   P      R      F1     generate s  heap MB',
);
for (const size of values.sizes!.split(',').map(Number)) {
  const days = daysFor(size);
  const t0 = performance.now();
  const generated = [...scaleArticles(size, { days })];
  const generateS = (performance.now() - t0) / 1000;
  const eventOf = new Map(generated.map((g) => [g.article.id, g.event]));
  const articles = inPlacementOrder(generated.map((g) => g.article));
  const byId = new Map<string, ArticleToPlace>(articles.map((a) => [a.id, a]));
  generated.length = 0;
  for (const cap of values.caps!.split(',').map(Number)) {
    const options = { ...DEFAULT_GROUPING, maxStoriesPerKey: cap };
    const archive = createBatchArchive([], 0, async () => new Map());
    const keyHits = archive.keyHits.bind(archive);
    const frequencies = archive.frequencies.bind(archive);
    let hits = 0;
    let counted = 0;
    let lastDf: DocumentFrequency | null = null;
    archive.keyHits = async (...args) => {
      const found = await keyHits(...args);
      hits += found.length;
      counted++;
      return found;
    };
    if (wrongShown > 0) {
      archive.frequencies = async (keys) => (lastDf = await frequencies(keys));
    }
    const right = tally();
    const wrong = tally();
    const examples: string[] = [];
    const storyOf = new Map<string, string>();
    let from = 0;
    for (let i = 0; i < articles.length; i++) {
      if (i === articles.length - last) {
        from = cpuMs();
        hits = 0;
        counted = 0;
      }
      const a = articles[i]!;
      const placed = (await placeInArchive(archive, a, options)).placement;
      storyOf.set(a.id, placed.storyId);
      archive.takePending();
      if (wrongShown > 0 && placed.kind === 'join' && i < articles.length - last) {
        // Read only outside the timed placements: the evidence that joined the pair, under the same rarity table.
        const m = byId.get(placed.matchedArticleId)!;
        const s = featureSimilarity(featuresOf(a), featuresOf(m), lastDf!, true);
        const ok = eventOf.get(a.id) === eventOf.get(m.id);
        const t = ok ? right : wrong;
        t.n++;
        if (a.language !== m.language) t.cross++;
        for (const k of KINDS) {
          t.sums[k] += s[k];
          if (s[k] > 0) t.nonzero[k]++;
        }
        if (!ok && examples.length < wrongShown && i % 7 === 0) {
          examples.push(
            `  ${a.language}-${m.language} score ${s.score}: "${a.title}" / "${m.title}"\n    ${s.reasons.join('; ')}`,
          );
        }
      }
      if (i % 1000 === 999)
        archive.evict(
          windowAround(a.published ?? a.ingestedAt, options.windowDays).from,
          windowAround(a.ingestedAt, options.windowDays).from,
        );
    }
    const ms = (cpuMs() - from) / Math.min(last, articles.length);
    const both = new Map([...storyOf].map(([id, s]) => [id, `${s}|${eventOf.get(id)}`]));
    const tp = pairs(both);
    const p = tp / pairs(storyOf);
    const r = tp / pairs(new Map([...storyOf.keys()].map((id) => [id, eventOf.get(id)!])));
    console.log(
      `${String(size).padStart(8)} ${String(Math.round(size / days)).padStart(8)}  ${String(cap).padEnd(10)} ${ms.toFixed(2).padStart(24)} ${(hits / counted).toFixed(0).padStart(19)}` +
        ` ${String(new Set(storyOf.values()).size).padStart(8)} ${String(new Set(eventOf.values()).size).padStart(7)}  ${p.toFixed(3)}  ${r.toFixed(3)}  ${((2 * p * r) / (p + r)).toFixed(3)}` +
        ` ${generateS.toFixed(1).padStart(11)} ${(process.memoryUsage().heapUsed / 1e6).toFixed(0).padStart(8)}`,
    );
    if (wrongShown > 0) {
      const line = (name: string, t: JoinTally) =>
        `  ${name} joins ${t.n} (${t.cross} across languages): mean strength / share non-zero  ` +
        KINDS.map(
          (k) => `${k} ${(t.sums[k] / Math.max(1, t.n)).toFixed(2)}/${(t.nonzero[k] / Math.max(1, t.n)).toFixed(2)}`,
        ).join('  ');
      console.log(line('right', right));
      console.log(line('wrong', wrong));
      for (const e of examples) console.log(e);
      // Large stories dominate pairwise precision: the largest, with how many events and days they span.
      const members = new Map<string, string[]>();
      for (const [id, st] of storyOf) (members.get(st) ?? members.set(st, []).get(st)!).push(id);
      const largest = [...members.values()].sort((x, y) => y.length - x.length).slice(0, 5);
      const dayOf = (id: string) => Date.parse(byId.get(id)!.published ?? byId.get(id)!.ingestedAt) / 86_400_000;
      console.log(
        '  largest stories (articles / events / days spanned): ' +
          largest
            .map(
              (m) =>
                `${m.length}/${new Set(m.map((id) => eventOf.get(id))).size}/${(Math.max(...m.map(dayOf)) - Math.min(...m.map(dayOf))).toFixed(0)}`,
            )
            .join('  '),
      );
    }
  }
}
