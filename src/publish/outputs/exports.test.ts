import type { Face } from '../../article.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFigures } from '../../understand/figures.js';
import type { Post } from '../../write/schemas.js';
import { HOSTILE, makePost, source } from './outputs.fixture.js';
import { cutSentence, protectedSpans, sentencesOf, xWeight } from './platform-text.js';
import { storyTopics } from './publish-input.js';
import { wechatArticle, wechatDigest, WECHAT_DIGEST_LIMIT } from './wechat.js';
import { hashtag, WEIBO_LIMIT, weiboPost } from './weibo.js';
import { X_LIMIT, xThread } from './x-thread.js';

const URL_EN = 'http://127.0.0.1:8080/en/stories/s1.html';
const URL_ZH = 'http://127.0.0.1:8080/zh/stories/s1.html';

/** Every figure and every quoted phrase in the post's text, as written. */
function mustKeep(post: Post): string[] {
  const texts = [post.headline, post.hook, ...post.takeaways, post.closing];
  const figures = texts.flatMap((t) => parseFigures(t).map((f) => t.slice(f.start, f.end)));
  const quotes = texts.flatMap((t) => [...t.matchAll(/“[^”]*”|「[^」]*」/g)].map((m) => m[0]));
  return [...new Set([...figures, ...quotes])];
}

const longEn = (n: number): string =>
  `${Array.from(
    { length: n },
    (_, i) =>
      `Analysts at firm ${i + 1} said capacity prices rose ${10 + i}% as “demand for accelerated compute keeps outrunning supply in every region we track” according to the survey`,
  ).join(', ')}.`;

const POSTS: Array<{ name: string; face: Face; post: Post }> = [
  { name: 'short English post', face: 'en', post: makePost('en', 's1') },
  { name: 'short Chinese post', face: 'zh', post: makePost('zh', 's1') },
  {
    name: 'English post with sentences longer than one post',
    face: 'en',
    post: makePost('en', 's1', {
      hook: longEn(3),
      takeaways: [
        longEn(2),
        'Rivals are negotiating similar 1GW projects worth $4.5 billion.',
        '“We built Ohio for one large tenant,” said Dana Whitcombe.',
      ],
    }),
  },
  {
    name: 'Chinese post with long sentences (CJK weighs 2)',
    face: 'zh',
    post: makePost('zh', 's1', {
      hook:
        '据多家机构统计，今年以来数据中心容量价格上涨 12%，其中北美市场的 150MW 以上园区几乎全部被预订，而亚洲市场的新增容量预计将达到 3GW，' +
        '分析师认为这一趋势将持续到明年下半年，'.repeat(6) +
        '协议总价值 20 亿美元。',
      takeaways: [
        '“我们为一个大租户建了俄亥俄园区，这是我们过去三年最重要的一个决定，也是整个行业的风向标，”首席执行官说。',
        '竞争对手正在洽谈类似的 1GW 项目。',
      ],
    }),
  },
  {
    name: 'a quotation of several sentences is never split across posts',
    face: 'en',
    post: makePost('en', 's1', {
      takeaways: [
        'The first 50MW is due to enter service in September, with the rest following by the end of the year, the company said in a statement.',
        '“We built Ohio for one large tenant. We were told nobody would sign for 150MW at once. We were wrong, and the market moved faster than anyone here expected, so we are building the next one,” said Dana Whitcombe. The deal is expected to close in June, subject to the usual approvals.',
      ],
    }),
  },
  {
    name: 'hostile headline and emoji',
    face: 'en',
    post: makePost('en', 's1', {
      headline: HOSTILE,
      credits: [source('a1', 'Out<let> & Co'), source('a2', 'Bad link', 'javascript:alert(1)')],
    }),
  },
];

describe('xWeight counts the way X does', () => {
  const cases = [
    { name: 'ASCII', text: 'hello world', weight: 11 },
    { name: 'CJK weighs 2', text: '中文', weight: 4 },
    { name: 'a URL is 23 whatever its length', text: `see ${URL_EN}${'x'.repeat(80)}`, weight: 4 + 23 },
    { name: 'a URL ends at Chinese punctuation', text: `${URL_ZH}；好`, weight: 23 + 2 + 2 },
    { name: 'an emoji with a skin tone is 2', text: '👍🏽', weight: 2 },
    { name: 'a ZWJ family emoji is 2', text: '👨‍👩‍👧', weight: 2 },
    { name: 'curly quotes and dashes weigh 1', text: '“—”', weight: 3 },
    { name: 'Arabic weighs 1', text: 'مرحبا', weight: 5 },
  ];
  for (const c of cases) it(c.name, () => assert.equal(xWeight(c.text), c.weight));
});

describe('sentencesOf keeps a quotation in one unit', () => {
  const cases = [
    {
      name: 'English quote of two sentences',
      text: '“We built Ohio for one tenant. It works well now,” said Dana. Then more.',
      expected: ['“We built Ohio for one tenant. It works well now,” said Dana.', 'Then more.'],
    },
    {
      name: 'Chinese quote of two sentences',
      text: '他说：“我们建了园区。它运转良好。”随后离开。',
      expected: ['他说：“我们建了园区。它运转良好。”', '随后离开。'],
    },
    { name: 'no quotes', text: 'One. Two.', expected: ['One.', 'Two.'] },
    {
      name: 'an unclosed quote keeps the rest together',
      text: '“Open. Never closed. Still.',
      expected: ['“Open. Never closed. Still.'],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(sentencesOf(c.text), c.expected));
});

describe('cutSentence never cuts inside a word, a quote or a figure', () => {
  const cases = [
    { name: 'English at spaces', text: 'alpha beta gamma delta epsilon zeta eta theta', budget: 20 },
    {
      name: 'a quoted phrase stays whole',
      text: 'He said “one two three four five” and left the room quickly',
      budget: 40,
    },
    { name: 'a figure stays whole', text: 'It costs about $2.5 billion over three years in total', budget: 24 },
    {
      name: 'Chinese at pause marks',
      text: '容量价格上涨，北美市场几乎全部被预订，亚洲新增容量预计将达到 3GW，分析师认为趋势持续。',
      budget: 30,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { pieces, forced } = cutSentence(c.text, c.budget, xWeight);
      assert.equal(forced, false);
      assert.ok(pieces.length > 1);
      for (const p of pieces) assert.ok(xWeight(p) <= c.budget, `${p} over budget`);
      assert.equal(pieces.join(/[\u4e00-\u9fff]/.test(c.text) ? '' : ' '), c.text);
      for (const [a, b] of protectedSpans(c.text))
        assert.ok(
          pieces.some((p) => p.includes(c.text.slice(a, b))),
          `kept whole: ${c.text.slice(a, b)}`,
        );
      // Each cut falls at a space or after a Chinese pause mark, never between two letters or digits.
      let at = 0;
      for (const p of pieces.slice(0, -1)) {
        at = c.text.indexOf(p, at) + p.length;
        assert.ok(
          /\s/.test(c.text[at]!) || /[，、；：]/.test(c.text[at - 1]!),
          `cut inside a word at "${c.text.slice(at - 5, at)}|${c.text.slice(at, at + 5)}"`,
        );
      }
    });
  }
  it('a quote longer than the budget is cut by characters and says so', () => {
    const r = cutSentence(`“${'word '.repeat(30).trim()}”`, 40, xWeight);
    assert.equal(r.forced, true);
    for (const p of r.pieces) assert.ok(xWeight(p) <= 40);
  });
});

describe('X thread', () => {
  for (const c of POSTS) {
    it(c.name, () => {
      const url = c.face === 'zh' ? URL_ZH : URL_EN;
      const { posts, forcedCuts } = xThread(c.post, c.face, url);
      assert.deepEqual(forcedCuts, []);
      posts.forEach((p, i) => {
        assert.ok(xWeight(p) <= X_LIMIT, `post ${i + 1} weighs ${xWeight(p)}`);
        assert.ok(p.startsWith(`${i + 1}/${posts.length} `), `numbered: ${p.slice(0, 8)}`);
      });
      for (const kept of mustKeep(c.post))
        assert.ok(
          posts.some((p) => p.includes(kept)),
          `"${kept}" kept whole in one post`,
        );
      for (const s of c.post.credits)
        if (s.url !== null && /^https?:/.test(s.url))
          assert.ok(
            posts.some((p) => p.includes(s.outlet) && p.includes(new URL(s.url!).toString())),
            `credits ${s.outlet}`,
          );
      assert.ok(posts.at(-1)!.includes(url), 'links the story');
      assert.ok(!posts.join('').includes('javascript:'), 'no non-http link');
      assert.ok(!/[\u0001\u0008\ufffe]/.test(posts.join('')), 'no control characters');
    });
  }
});

describe('Weibo post', () => {
  const topics = storyTopics(['Anthropic', 'data centers', 'Ohio #1'], ['Anthropic', '数据 中心', '俄亥俄#1']);
  it('fits, with hashtags, credits and the link', () => {
    const post = makePost('zh', 's1');
    const w = weiboPost(post, topics, URL_ZH);
    assert.equal(w.cutAt, null);
    assert.ok([...w.text].length <= WEIBO_LIMIT);
    assert.ok(w.text.startsWith(`【${post.headline}】`));
    assert.ok(w.text.includes('#Anthropic# #数据中心# #俄亥俄1#'));
    assert.ok(w.text.includes('Tech Ledger（新闻） https://a3.example/a?x=1&y=2'));
    assert.ok(w.text.trimEnd().endsWith(URL_ZH));
    for (const kept of mustKeep(post)) assert.ok(w.text.includes(kept), kept);
  });
  const cases = [
    {
      name: 'a long post is cut at a sentence and says where',
      takeaways: Array.from(
        { length: 60 },
        (_, i) => `第 ${i + 1} 家机构估计容量价格上涨 ${i + 1}%，并预计明年还会继续上涨。`,
      ),
    },
    { name: 'one sentence longer than the limit', takeaways: [`${'很长的句子，'.repeat(400)}价值 20 亿美元。`] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const post = makePost('zh', 's1', { takeaways: c.takeaways });
      const w = weiboPost(post, topics, URL_ZH);
      assert.ok([...w.text].length <= WEIBO_LIMIT, `${[...w.text].length} characters`);
      assert.notEqual(w.cutAt, null);
      assert.match(w.text, /篇幅所限，自“.+”起的内容从略，全文见文末链接/);
      assert.ok(w.text.includes(URL_ZH) && w.text.includes('#Anthropic#'));
      // Every figure is in the post, or it sits in the part the notice says was cut.
      const body = [post.headline, post.hook, ...post.takeaways, post.closing].join('\n');
      const cutFrom = body.indexOf(w.cutAt!.replace(/^第[^，]{1,4}，/, ''));
      for (const f of parseFigures(body)) {
        const surface = body.slice(f.start, f.end);
        assert.ok(
          w.text.includes(surface) || (cutFrom >= 0 && f.start >= cutFrom),
          `figure "${surface}" kept or after the cut`,
        );
      }
    });
  }
  const tags = [
    { name: 'plain', input: 'OpenAI', expected: '#OpenAI#' },
    { name: 'spaces and # removed', input: ' 大 模型#2 ', expected: '#大模型2#' },
    { name: 'nothing left', input: ' # ', expected: null },
  ];
  for (const t of tags) it(`hashtag: ${t.name}`, () => assert.equal(hashtag(t.input), t.expected));
});

describe('WeChat article', () => {
  const cases = [
    { name: 'ordinary post', post: makePost('zh', 's1') },
    {
      name: 'hostile text and a non-http link',
      post: makePost('zh', 's1', {
        headline: HOSTILE,
        credits: [source('a1', '<b>Outlet</b>'), source('a2', 'Bad', 'javascript:alert(1)')],
      }),
    },
    {
      name: 'a hook longer than the 摘要 limit',
      post: makePost('zh', 's1', { hook: `${'这是一个非常长的导语句子，'.repeat(20)}价值 20 亿美元。` }),
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const html = wechatArticle(c.post, URL_ZH);
      assert.ok(
        !/<script|<style|<link\b|<iframe|<a\s/i.test(html),
        'no script, style block, stylesheet, frame or anchor',
      );
      assert.ok(!html.includes('javascript:'));
      assert.match(html, /style="[^"]+"/);
      const digest = /摘要：([^<]*)<\/p>/.exec(html)![1]!.replace(/&amp;/g, '&');
      assert.ok([...digest].length <= WECHAT_DIGEST_LIMIT + 5, `摘要 is ${[...digest].length} long`);
      for (const s of c.post.credits)
        if (s.url?.startsWith('http')) assert.ok(html.includes(s.url.replace(/&/g, '&amp;')), 'source address as text');
      assert.ok(html.includes('微信公众号文章不支持外部链接'));
      for (const kept of mustKeep(c.post)) assert.ok(html.includes(kept), kept);
      if (c.post.headline === HOSTILE) assert.ok(html.includes('&lt;/title&gt;&lt;script&gt;'));
    });
  }
  const digests = [
    { name: 'whole sentences up to 120', hook: '第一句。第二句。', expected: '第一句。第二句。' },
    {
      name: 'stops before the sentence that would pass 120',
      hook: `${'甲'.repeat(100)}。${'乙'.repeat(30)}。`,
      expected: `${'甲'.repeat(100)}。`,
    },
    {
      name: 'one long sentence without pauses is cut with an ellipsis',
      hook: `${'丙'.repeat(200)}。`,
      expected: `${'丙'.repeat(119)}…`,
    },
    {
      name: 'a long sentence is cut at its last pause mark before 120, not inside the figure',
      hook: `${'丁'.repeat(100)}，协议总价值 96 亿美元，${'戊'.repeat(40)}。`,
      expected: `${'丁'.repeat(100)}，协议总价值 96 亿美元…`,
    },
  ];
  for (const d of digests) it(`摘要: ${d.name}`, () => assert.equal(wechatDigest(d.hook), d.expected));
});

describe('headlines on platforms', () => {
  const post = makePost('zh', 's1', { headline: '，Saltfork 的意义在于今年夏天就能投入使用。' });
  const cases = [
    { name: 'X thread', text: () => xThread(post, 'zh', URL_ZH).posts[0]! },
    { name: 'Weibo', text: () => weiboPost(post, [], URL_ZH).text },
    { name: 'WeChat', text: () => wechatArticle(post, URL_ZH) },
  ];
  for (const c of cases) {
    it(`${c.name} drops a leading pause mark`, () => {
      const text = c.text();
      assert.ok(text.includes('Saltfork 的意义'));
      assert.ok(!/[【>]，Saltfork|1\/\d+ ，/.test(text), text.slice(0, 60));
    });
  }
});
