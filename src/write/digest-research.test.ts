// The research section: stories told only by paper listings are listed apart from the tiers,
// capped, the rest counted; a lab's write-up without a paper id stays in the tiers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isResearchStory, writeDigest } from './digest.js';
import { renderDigest } from './markdown.js';
import { digestSchema } from './schemas.js';
import { brightlineStory, soloStory } from './story.fixture.js';
import type { StoryInput } from './story-analysis.js';

function paper(n: number, score: number): StoryInput {
  const solo = soloStory();
  const note = solo.articles[0]!;
  const id = `2603.${String(10000 + n)}`;
  return {
    storyId: `paper-${n}`,
    articles: [
      {
        ...note,
        id: `paper-${n}`,
        url: `https://arxiv.org/abs/${id}`,
        title: `Paper number ${n} on reasoning benchmarks`,
        outlet: 'arXiv',
        sourceType: 'research',
        text: `arXiv:${id} [cs.CL] ${note.text}`,
      },
    ],
    ranking: { ...solo.ranking, score },
  };
}

describe('digest research section', () => {
  it('lists paper-only stories apart from the tiers, best ranked first, capped, the rest counted', () => {
    const papers = Array.from({ length: 14 }, (_, i) => paper(i, i));
    const d = writeDigest([brightlineStory(), ...papers], { date: '2026-05-09', language: 'en', researchCap: 5 });
    assert.equal(d.count, 1);
    assert.deepEqual(
      d.tiers.flatMap((t) => t.items.map((i) => i.storyId)),
      [brightlineStory().storyId],
    );
    assert.deepEqual(
      d.research.items.map((r) => r.storyId),
      ['paper-13', 'paper-12', 'paper-11', 'paper-10', 'paper-9'],
    );
    assert.equal(d.research.more, 9);
    assert.ok(digestSchema.safeParse(d).success);
    const md = renderDigest(d);
    assert.match(
      md,
      /## Research papers\n\n- \[Paper number 13 on reasoning benchmarks\]\(https:\/\/arxiv\.org\/abs\/2603\.10013\) \(arXiv\)/,
    );
    assert.match(md, /- and 9 more papers\n$/);
    const zh = renderDigest(writeDigest(papers, { date: '2026-05-09', language: 'zh', researchCap: 5 }));
    assert.match(zh, /## 研究论文/);
    assert.match(zh, /另有 9 篇论文/);
    assert.doesNotMatch(zh, /今日暂无/);
  });

  it('a lab write-up without a paper id, or a paper the press covered, is not a research listing', () => {
    assert.equal(isResearchStory(soloStory()), false);
    const p = paper(1, 1);
    assert.equal(isResearchStory(p), true);
    const press = {
      ...brightlineStory().articles[0]!,
      id: 'press',
      url: 'https://news.example/paper',
      sourceType: 'news' as const,
    };
    assert.equal(isResearchStory({ ...p, articles: [...p.articles, press] }), false);
  });
});
