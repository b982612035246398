// Generates synthetic local HTML news pages for throughput benchmarks: English and Chinese, with
// navigation, share prompts and footers around the article, and a share of syndicated copies.
// Deterministic: the same count and seed give the same bytes.

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { rng } from './seeded-random.js';

const EN_WORDS = (
  'compute capacity data center model training inference chips cluster partnership revenue investors ' +
  'valuation startup cloud providers enterprise customers developers latency throughput benchmark ' +
  'release pricing contract power grid cooling supply demand market analysts regulators launch agents ' +
  'research safety open weights hardware accelerator memory bandwidth software platform quarter growth'
).split(' ');
const EN_NAMES = [
  'Nvidia',
  'OpenAI',
  'Anthropic',
  'Google',
  'Microsoft',
  'Amazon',
  'Meta',
  'xAI',
  'CoreWeave',
  'Cerebras',
];
const ZH_WORDS = (
  '算力 数据中心 模型 训练 推理 芯片 集群 合作 收入 投资者 估值 初创公司 云服务 企业 客户 开发者 ' +
  '延迟 吞吐量 基准 发布 定价 合同 电力 散热 供给 需求 市场 分析师 监管 智能体 研究 安全 硬件 内存 平台 增长'
).split(' ');
const ZH_NAMES = ['英伟达', '微软', '谷歌', '亚马逊', '马斯克', '阿里巴巴', '腾讯', '百度', '字节跳动', '华为'];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function enParagraph(r: () => number): string {
  const sentences: string[] = [];
  for (let s = 0; s < 3 + Math.floor(r() * 3); s++) {
    const words = Array.from({ length: 12 + Math.floor(r() * 10) }, () => pick(r, EN_WORDS));
    words.splice(2, 0, pick(r, EN_NAMES));
    if (r() < 0.3) words.push(`${Math.floor(r() * 900) + 100}MW`);
    if (r() < 0.2) words.push(`$${Math.floor(r() * 90) + 10} billion`);
    const text = words.join(' ');
    sentences.push(`${text[0]!.toUpperCase()}${text.slice(1)}.`);
  }
  return sentences.join(' ');
}

function zhParagraph(r: () => number): string {
  const sentences: string[] = [];
  for (let s = 0; s < 3 + Math.floor(r() * 3); s++) {
    const words = Array.from({ length: 10 + Math.floor(r() * 8) }, () => pick(r, ZH_WORDS));
    words.splice(1, 0, pick(r, ZH_NAMES));
    if (r() < 0.3) words.push(`${Math.floor(r() * 900) + 100}兆瓦`);
    sentences.push(`${words.join('')}。`);
  }
  return sentences.join('');
}

export function page(i: number, seed = 1): { name: string; html: string } {
  const r = rng(seed * 1_000_003 + i);
  const zh = r() < 0.3;
  const title = zh
    ? `${pick(r, ZH_NAMES)}${pick(r, ZH_WORDS)}${pick(r, ZH_WORDS)}新进展 ${i}`
    : `${pick(r, EN_NAMES)} ${pick(r, EN_WORDS)} ${pick(r, EN_WORDS)} update ${i}`;
  const paragraphs = Array.from({ length: 5 + Math.floor(r() * 6) }, () => (zh ? zhParagraph(r) : enParagraph(r)));
  const day = String(1 + (i % 28)).padStart(2, '0');
  const html = `<!doctype html><html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${title} | Bench News</title>
<meta property="og:site_name" content="Bench News"><meta property="article:published_time" content="2026-05-${day}T08:00:00Z">
<link rel="canonical" href="https://bench.example/${i}"></head><body>
<header><nav><a href="/">Home</a> <a href="/ai">AI</a> <a href="/chips">Chips</a> <a href="/zh">中文</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<main><article><h1>${title}</h1><p class="byline">By Bench Writer</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
<div class="share">Share on X · 微信扫一扫关注我们</div></article>
<aside class="related"><h3>Related articles</h3><ul><li><a href="/a">Another story</a></li><li><a href="/b">More news</a></li></ul></aside></main>
<footer>© 2026 Bench News · <a href="/privacy">Privacy</a></footer></body></html>`;
  return { name: `page-${String(i).padStart(6, '0')}.html`, html };
}

export async function generatePages(dir: string, count: number, seed = 1): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const { name, html } = page(i, seed);
    await writeFile(path.join(dir, name), html);
  }
}
