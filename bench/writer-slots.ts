// Slot rules of the offline writer, counted (issue 15): for every edition day's digest in both
// faces, every story's post in both faces and every article's card in both faces, the violations
// src/write/slot-check.ts finds, by rule; and how many outputs fail verification.
// Corpora (each ingested in-process into an empty in-memory store, as the golden test does):
//   - examples: the example corpus (examples/sources.yaml), 9-10 May 2026;
//   - golden: the end-to-end fixture corpus (test/fixtures/e2e), 2-3 March 2026;
//   - real: the real-shaped month bench/real-news.ts generates (English only: every Chinese face
//     there is written from English coverage). Generated with `--keep` into a temporary directory
//     unless --real DIR names one made before.
//   node --import tsx bench/writer-slots.ts [--corpus examples,golden,real] [--real DIR] [--days 8] [--show RULE] [--dump DIR]
// --dump DIR writes every output rendered as Markdown (DIR/<corpus>/…), for reading as an editor.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadRegistry } from '../src/cli/app.js';
import { PROJECT_ROOT } from '../src/config.js';
import { cardFor, digestFor, editionDays, postFor, rankedStoryById } from '../src/pipeline/edition.js';
import { analyseStory } from '../src/write/story-analysis.js';
import { openDatabase } from '../src/store/database.js';
import { listStories } from '../src/stories/assign.js';
import { benchRun } from './generated-edition.js';
import { renderCard, renderDigestItem, renderPost } from '../src/write/markdown.js';
import {
  SLOT_RULES,
  cardViolations,
  countByRule,
  digestItemViolations,
  postViolations,
  thinFaceViolations,
  type SlotViolation,
} from '../src/write/slot-check.js';
import { chineseNamesOf } from '../src/write/zh-names.js';
import type { DigestItem } from '../src/write/schemas.js';

function arg(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface Tally {
  outputs: number;
  unverified: number;
  violations: SlotViolation[];
  byKind: Record<'digest' | 'card' | 'post', SlotViolation[]>;
}

async function measure(name: string, registryFile: string, now: Date): Promise<Tally> {
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  const tally: Tally = { outputs: 0, unverified: 0, violations: [], byKind: { digest: [], card: [], post: [] } };
  try {
    const registry = await loadRegistry(registryFile);
    if (!registry.ok) throw new Error(registry.message);
    // The run as `tidings run` builds it (src/cli/app.ts openRun): ingest, then grouping with
    // recognised translations folded.
    const run = await benchRun(db, { registry: registry.value, now: () => now });
    await run.ingest(registry.value.inputs());
    const deps = run.deps.edition;
    const grouped = await run.group();
    if (!grouped.ok) throw new Error(grouped.message);
    const stories = await listStories({ stories: deps.stories });
    if (!stories.ok) throw new Error(stories.message);
    const dumpDir = arg('--dump');
    if (dumpDir) {
      await rm(path.join(dumpDir, name), { recursive: true, force: true });
      await mkdir(path.join(dumpDir, name), { recursive: true });
    }
    const dump = async (file: string, text: string): Promise<void> => {
      if (dumpDir) await appendFile(path.join(dumpDir, name, file), `${text}\n`);
    };
    const add = (kind: 'digest' | 'card' | 'post', found: SlotViolation[], ok: boolean | undefined, id = ''): void => {
      found = found.map((v) => ({ ...v, path: `${kind} ${id} ${v.path}` }));
      tally.outputs++;
      if (ok === false) tally.unverified++;
      tally.violations.push(...found);
      tally.byKind[kind].push(...found);
    };
    const days = editionDays(stories.value);
    const storyIds = new Set<string>();
    // The Chinese names each story's sources give its entities: a Chinese face must use them.
    const zhNamesCache = new Map<string, ReadonlyMap<string, string>>();
    // Read from the members an output was written from (a day's digest sees that day's members only).
    const zhNamesOf = async (storyId: string, articleIds?: readonly string[]): Promise<ReadonlyMap<string, string>> => {
      const cacheKey = `${storyId} ${articleIds?.join(',') ?? ''}`;
      const hit = zhNamesCache.get(cacheKey);
      if (hit) return hit;
      const ranked = await rankedStoryById(deps, storyId);
      const input = ranked.ok ? ranked.value.input : null;
      const articles = input && articleIds ? input.articles.filter((a) => articleIds.includes(a.id)) : input?.articles;
      const names =
        input && articles && articles.length > 0
          ? chineseNamesOf(analyseStory({ ...input, articles }))
          : new Map<string, string>();
      zhNamesCache.set(cacheKey, names);
      return names;
    };
    for (const date of days) {
      const items: DigestItem[] = [];
      for (const face of ['en', 'zh'] as const) {
        const digest = await digestFor(deps, date, face);
        if (!digest.ok) throw new Error(digest.message);
        for (const item of digest.value.tiers.flatMap((t) => t.items)) {
          storyIds.add(item.storyId);
          items.push(item);
          const zhNames = await zhNamesOf(
            item.storyId,
            item.sources.map((x) => x.articleId),
          );
          add('digest', digestItemViolations(item, { zhNames }), item.verification?.ok, `${item.storyId}.${face}`);
          await dump(`digest-${date}.${face}.md`, `${renderDigestItem(item)}\n`);
        }
      }
      // A face thinner than the story's other face (counted on the digest, not as an output).
      const thin = thinFaceViolations(items).map((v) => ({ ...v, path: `digest ${date} ${v.path}` }));
      tally.violations.push(...thin);
      tally.byKind.digest.push(...thin);
    }
    for (const story of stories.value) {
      if (!storyIds.has(story.id)) continue; // research listings and stories outside the tiers have no post
      for (const face of ['en', 'zh'] as const) {
        const post = await postFor(deps, story.id, face);
        if (!post.ok) throw new Error(post.message);
        // The hook is held to the story's key figure (its first key figure, as the writer reads it).
        const ranked = await rankedStoryById(deps, story.id);
        const keyFigure = ranked.ok ? (analyseStory(ranked.value.input).keyFigures[0]?.key ?? null) : null;
        const zhNames = await zhNamesOf(story.id);
        add(
          'post',
          postViolations(post.value, { keyFigure, zhNames }),
          post.value.verification?.ok,
          `${story.id}.${face}`,
        );
        await dump(`post-${story.id.slice(0, 12)}.${face}.md`, renderPost(post.value));
      }
      for (const entry of story.timeline) {
        for (const face of ['en', 'zh'] as const) {
          const card = await cardFor(deps, entry.articleId, face);
          if (!card.ok) throw new Error(card.message);
          const zhNames = await zhNamesOf(story.id);
          add(
            'card',
            cardViolations(card.value, { zhNames }),
            card.value.verification?.ok,
            `${entry.articleId}.${face}`,
          );
          await dump(`card-${entry.articleId.slice(0, 12)}.${face}.md`, renderCard(card.value));
        }
      }
    }
    console.log(
      `${name}: ${days.length} days, ${stories.value.length} stories, ${tally.outputs} outputs (digest items, posts, cards; both faces)`,
    );
  } finally {
    await db.close();
  }
  return tally;
}

function report(name: string, t: Tally, show: string | undefined): void {
  const counts = countByRule(t.violations);
  const per = (kind: 'digest' | 'card' | 'post'): string => {
    const c = countByRule(t.byKind[kind]);
    return (
      SLOT_RULES.filter((r) => c[r] > 0)
        .map((r) => `${r} ${c[r]}`)
        .join(', ') || '0'
    );
  };
  console.log(`  failing verification: ${t.unverified} of ${t.outputs}`);
  console.log(`  violations: ${t.violations.length}`);
  for (const r of SLOT_RULES) console.log(`    ${r.padEnd(21)} ${counts[r]}`);
  console.log(`  digest: ${per('digest')}\n  post: ${per('post')}\n  card: ${per('card')}`);
  if (show)
    for (const v of t.violations.filter((x) => x.rule === show).slice(0, 12))
      console.log(`    [${name}] ${v.path}: ${v.text.slice(0, 160)}`);
}

const wanted = (arg('--corpus') ?? 'examples,golden,real').split(',');
const show = arg('--show');
if (wanted.includes('examples'))
  report(
    'examples',
    await measure('examples', path.join(PROJECT_ROOT, 'examples/sources.yaml'), new Date('2026-05-10T18:00:00Z')),
    show,
  );
if (wanted.includes('golden'))
  report(
    'golden',
    await measure(
      'golden',
      path.join(PROJECT_ROOT, 'test/fixtures/e2e/sources.yaml'),
      new Date('2026-03-03T18:00:00Z'),
    ),
    show,
  );
if (wanted.includes('real')) {
  let dir = arg('--real');
  let made = false;
  if (!dir) {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-writer-slots-'));
    made = true;
    const days = arg('--days') ?? '8';
    console.log(`generating the real-shaped corpus: bench/real-news.ts --days ${days} --papers 2 --keep ${dir}`);
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(PROJECT_ROOT, 'bench/real-news.ts'),
        '--days',
        days,
        '--papers',
        '2',
        '--keep',
        dir,
      ],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  if (!existsSync(path.join(dir, 'sources.yaml'))) {
    console.log(`real: skipped, no sources.yaml in ${dir}`);
  } else {
    // The clock after the month, so no article takes its day from it.
    report('real', await measure('real', path.join(dir, 'sources.yaml'), new Date('2026-04-30T18:00:00Z')), show);
  }
  if (made) await rm(dir, { recursive: true, force: true });
}
