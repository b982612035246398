// Invented digests and posts for the outputs' tests: every outlet, figure and sentence is made up
// here. `hostile` text carries what must come out escaped: markup, a CDATA end, XML-illegal
// controls, emoji, right-to-left script.

import type { Face } from '../../article.js';
import { SCHEMA_VERSION, type Digest, type DigestItem, type Post, type SourceRef } from '../../write/schemas.js';
import { storyTopics, type PublishInput } from './publish-input.js';

export const HOSTILE =
  'Evil </title><script>alert(1)</script> & ]]> \u0001\u0008\uFFFE bell 🚀🤖 مرحبا بالعالم "q" \'a\'';

const TIER = { level: 1, name: 'Major Platform Updates', nameZh: '重大平台更新', emoji: '🔴' };

export function source(id: string, outlet: string, url = `https://${id}.example/a?x=1&y=2`): SourceRef {
  return { articleId: id, outlet, type: 'News', url, language: 'en', title: null };
}

export function makeItem(face: Face, storyId: string, headline: string, extra: Partial<DigestItem> = {}): DigestItem {
  const zh = face === 'zh';
  return {
    schemaVersion: SCHEMA_VERSION,
    language: face,
    bodyLanguage: face,
    notice: null,
    storyId,
    tier: TIER,
    headline,
    confidence: 'High',
    keyPoints: {
      lead: zh
        ? 'Brightline 与 Anthropic 签下 150MW 容量协议，价值 20 亿美元。'
        : 'Brightline signed a 150MW deal with Anthropic worth $2 billion.',
      points: zh ? ['首批 50MW 将于 9 月投入使用。'] : ['The first 50MW is due in September.'],
    },
    impact: [{ audience: 'Investor', text: zh ? '容量价格上涨 12%。' : 'Capacity prices rose 12%.' }],
    pros: [zh ? '交付时间明确。' : 'A clear delivery date.'],
    cons: [zh ? '单一租户风险。' : 'One tenant carries the risk.'],
    quickStart: [zh ? '核对你的容量合同。' : 'Check your capacity contracts.'],
    recommendation: zh ? '投资者应关注交付进度。' : 'Investors should watch the delivery schedule.',
    sources: [source('a1', 'Brightline Newsroom'), source('a2', 'Daily Wire Example')],
    provenance: [],
    verification: { ok: true, sentences: 6, problems: [], repairs: [] },
    ...extra,
  };
}

export function makeDigest(face: Face, date: string, items: DigestItem[]): Digest {
  return {
    schemaVersion: SCHEMA_VERSION,
    date,
    language: face,
    count: items.length,
    notice: items.length === 0 ? (face === 'zh' ? '今日暂无可报道的内容。' : 'Nothing to report today.') : null,
    tiers: items.length === 0 ? [] : [{ tier: TIER, items }],
    research: { items: [], more: 0 },
  };
}

export function makePost(face: Face, storyId: string, extra: Partial<Post> = {}): Post {
  const zh = face === 'zh';
  return {
    schemaVersion: SCHEMA_VERSION,
    language: face,
    bodyLanguage: face,
    notice: null,
    storyId,
    headline: zh ? '算力租约正在改写数据中心的生意' : 'Capacity leases are rewriting the data-centre business',
    hook: zh
      ? 'Brightline 宣布 Anthropic 将租下其俄亥俄园区全部 150MW 容量，三年协议价值 20 亿美元。'
      : 'Brightline Compute announced that Anthropic will take all 150MW of its Ohio campus under a three-year agreement worth $2 billion.',
    takeaways: zh
      ? [
          '首批 50MW 将于 9 月投入使用，其余在年底前交付。',
          '“我们为一个大租户建了俄亥俄园区，”首席执行官说。',
          '分析师估计容量价格今年上涨 12%。',
          '竞争对手正在洽谈类似的 1GW 项目。',
        ]
      : [
          'The first 50MW is due to enter service in September, with the rest following by the end of the year.',
          '“We built Ohio for one large tenant,” said Dana Whitcombe, chief executive of Brightline Compute.',
          'Analysts estimate capacity prices rose 12% this year.',
          'Rivals are negotiating similar 1GW projects.',
        ],
    closing: zh ? '置信度：高（3 家独立发布方）。' : 'Confidence: High (3 independent publishers).',
    credits: [source('a1', 'Brightline Newsroom'), source('a2', 'Daily Wire Example'), source('a3', 'Tech Ledger')],
    provenance: [],
    verification: { ok: true, sentences: 7, problems: [], repairs: [] },
    ...extra,
  };
}

/** Three days (one empty), two stories, one with a hostile headline; topics on both. */
export function makeInput(): PublishInput {
  const days = ['2026-05-10', '2026-05-09', '2026-05-08'].map((date, i) => ({
    date,
    digest: {
      en: makeDigest(
        'en',
        date,
        i === 2 ? [] : [makeItem('en', `s${i}`, i === 0 ? HOSTILE : 'Brightline leases Ohio to Anthropic')],
      ),
      zh: makeDigest(
        'zh',
        date,
        i === 2 ? [] : [makeItem('zh', `s${i}`, i === 0 ? HOSTILE : 'Brightline 把俄亥俄园区租给 Anthropic')],
      ),
    },
  }));
  return {
    baseUrl: 'http://127.0.0.1:8080/',
    generatedAt: '2026-05-10T06:00:00Z',
    days,
    posts: [
      {
        storyId: 's0',
        date: '2026-05-10',
        post: { en: makePost('en', 's0', { headline: HOSTILE }), zh: makePost('zh', 's0') },
        topics: storyTopics(['Anthropic', 'data centers'], ['Anthropic', '数据中心']),
      },
      {
        storyId: 's1',
        date: '2026-05-09',
        post: { en: makePost('en', 's1'), zh: makePost('zh', 's1') },
        topics: storyTopics(['Anthropic'], ['Anthropic']),
      },
    ],
  };
}
