// The day page's research section: paper titles linked (http(s) only, escaped), the rest counted;
// a day with only papers does not say "nothing to report".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Digest } from '../../write/schemas.js';
import { makeDigest, makeItem } from '../outputs/outputs.fixture.js';
import { digestHtml } from './digest-html.js';

const research: Digest['research'] = {
  items: [
    { storyId: 'p1', title: 'Verifiers <script>x</script>', outlet: 'arXiv', url: 'https://arxiv.org/abs/2603.01234' },
    { storyId: 'p2', title: 'Local', outlet: null, url: 'javascript:alert(1)' },
  ],
  more: 487,
};

describe('day page research section', () => {
  it('renders after the tiers in both faces', () => {
    const en = digestHtml(
      { ...makeDigest('en', '2026-05-09', [makeItem('en', 's1', 'A story')]), research },
      { face: 'en', from: 'en/days/2026-05-09.html' },
    ).value;
    assert.match(en, /<section class="research"><h2>Research papers<\/h2>/);
    assert.ok(en.indexOf('A story') < en.indexOf('Research papers'));
    assert.match(en, /href="https:\/\/arxiv\.org\/abs\/2603\.01234"[^>]*>Verifiers &lt;script&gt;/);
    assert.doesNotMatch(en, /javascript:|<script>/);
    assert.match(en, /and 487 more papers/);
    const zh = digestHtml(
      { ...makeDigest('zh', '2026-05-09', []), notice: null, research },
      { face: 'zh', from: 'zh/days/2026-05-09.html' },
    ).value;
    assert.match(zh, /研究论文/);
    assert.match(zh, /另有 487 篇论文/);
    assert.doesNotMatch(zh, /今日暂无/);
  });
});
