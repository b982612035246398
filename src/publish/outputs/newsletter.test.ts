import type { Face } from '../../article.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFigures } from '../../understand/figures.js';
import type { Digest } from '../../write/schemas.js';
import { newsletterHtml, newsletterText, NEWSLETTER_WIDTH } from './newsletter.js';
import { HOSTILE, makeDigest, makeItem, source } from './outputs.fixture.js';

const OPTIONS = { baseUrl: 'http://127.0.0.1:8080/' };

const CASES: Array<{ name: string; face: Face; digest: Digest }> = [
  {
    name: 'English day',
    face: 'en',
    digest: makeDigest('en', '2026-05-09', [
      makeItem('en', 's1', 'Brightline leases Ohio to Anthropic'),
      makeItem('en', 's2', 'A second story'),
    ]),
  },
  {
    name: 'Chinese day',
    face: 'zh',
    digest: makeDigest('zh', '2026-05-09', [makeItem('zh', 's1', 'Brightline 把俄亥俄园区租给 Anthropic')]),
  },
  { name: 'a day with no stories', face: 'en', digest: makeDigest('en', '2026-05-08', []) },
  {
    name: 'hostile headline, 500-character title, a javascript: source',
    face: 'en',
    digest: makeDigest('en', '2026-05-10', [
      makeItem('en', 's0', HOSTILE, {
        sources: [source('a1', '<img src=x onerror=alert(1)>'), source('a2', 'Bad', 'javascript:alert(1)')],
      }),
      makeItem('en', 's3', 'Long '.repeat(100).trim()),
    ]),
  },
];

/** Every text a reader must find in the e-mail: headlines, lead, points, figures. */
function expectedTexts(d: Digest): string[] {
  const items = d.tiers.flatMap((t) => t.items);
  const texts = items.flatMap((i) => [
    i.keyPoints.lead,
    ...i.keyPoints.points,
    i.recommendation,
    ...i.impact.map((x) => x.text),
  ]);
  return [...texts.flatMap((t) => parseFigures(t).map((f) => t.slice(f.start, f.end))), ...texts];
}

describe('newsletter HTML is e-mail ready', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const html = newsletterHtml(c.digest, c.face, OPTIONS);
      assert.ok(
        !/<script|<style|<link\b|<iframe|<form|<[^>]*\son\w+=/i.test(html),
        'no script, style block, stylesheet, frame, form or handler',
      );
      assert.match(html, /<table role="presentation"/);
      for (const m of html.matchAll(/width="(\d+)"|max-width:(\d+)px/g))
        assert.ok(Number(m[1] ?? m[2]) <= 640, `width ${m[0]}`);
      assert.ok(html.includes(`width="${NEWSLETTER_WIDTH}"`));
      for (const m of html.matchAll(/href="([^"]*)"/g))
        assert.match(m[1]!, /^https?:\/\//, `absolute http(s) link: ${m[1]}`);
      assert.ok(
        html.includes(`http://127.0.0.1:8080/${c.face}/days/${c.digest.date}.html`),
        'links the day on the site',
      );
      assert.ok(html.includes(`<html lang="${c.face === 'zh' ? 'zh-Hans' : 'en'}">`));
      for (const item of c.digest.tiers.flatMap((t) => t.items))
        assert.ok(html.includes(`http://127.0.0.1:8080/${c.face}/stories/${item.storyId}.html`));
      for (const t of expectedTexts(c.digest)) assert.ok(html.includes(t), `has "${t}"`);
      if (c.digest.notice) assert.ok(html.includes(c.digest.notice));
      if (c.digest.count > 0)
        assert.match(html, c.face === 'zh' ? /核查：6 句均已在来源中找到依据/ : /Verified: all 6 sentences checked/);
      assert.ok(!html.includes('javascript:'));
      if (c.name.startsWith('hostile')) {
        assert.ok(html.includes('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
        assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
        assert.ok(!/[\u0001\u0008\ufffe]/.test(html));
        assert.ok(html.includes('🚀🤖') && html.includes('مرحبا'));
      }
    });
  }
});

describe('newsletter plain-text alternative', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const text = newsletterText(c.digest, c.face, OPTIONS);
      assert.ok(
        !/<\w+[^>]*>/.test(text.replace(/<img src=x onerror=alert\(1\)>|<\/title><script>alert\(1\)<\/script>/g, '')),
        'no markup of ours',
      );
      assert.ok(text.includes(`http://127.0.0.1:8080/${c.face}/days/${c.digest.date}.html`));
      for (const item of c.digest.tiers.flatMap((t) => t.items))
        assert.ok(text.includes(`http://127.0.0.1:8080/${c.face}/stories/${item.storyId}.html`));
      for (const t of expectedTexts(c.digest)) assert.ok(text.includes(t), `has "${t}"`);
      assert.ok(!/[\u0001\u0008\ufffe]/.test(text));
      assert.ok(!text.includes('javascript:'));
      if (c.digest.count > 0)
        assert.match(text, c.face === 'zh' ? /核查：6 句均已在来源中找到依据/ : /Verified: all 6 sentences checked/);
    });
  }
});

describe('newsletter research section', () => {
  it('lists the papers with escaped titles and safe links, and counts the rest, in both forms', () => {
    const base = makeDigest('en', '2026-05-09', [makeItem('en', 's1', 'A story')]);
    const digest: Digest = {
      ...base,
      research: {
        items: [
          { storyId: 'p1', title: 'Verifiers <b>help</b>', outlet: 'arXiv', url: 'https://arxiv.org/abs/2603.01234' },
          { storyId: 'p2', title: 'Bad link', outlet: null, url: 'javascript:alert(1)' },
        ],
        more: 487,
      },
    };
    const html = newsletterHtml(digest, 'en', OPTIONS);
    assert.match(html, /Research papers/);
    assert.match(html, /<a href="https:\/\/arxiv\.org\/abs\/2603\.01234"[^>]*>Verifiers &lt;b&gt;help&lt;\/b&gt;<\/a>/);
    assert.doesNotMatch(html, /javascript:/);
    assert.match(html, /and 487 more papers/);
    const text = newsletterText(digest, 'en', OPTIONS);
    assert.match(text, /- Verifiers <b>help<\/b> \(arXiv\) https:\/\/arxiv\.org\/abs\/2603\.01234/);
    assert.match(text, /- and 487 more papers/);
  });
});
