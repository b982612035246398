// Invented test material (no real event): an English report, its Chinese translation (which
// merges the last two paragraphs and drops one sentence), and an independent Chinese report of
// the same event that shares its facts but not its order or paragraphing.

import type { Face } from '../article.js';
import { understand } from '../understand/understand.js';
import type { Version } from './recognize.js';

export const ENGLISH = [
  'Orrin Labs on Tuesday released Quill-2, an open-weight language model with 70 billion parameters, and said it matches larger rivals on coding tasks.',
  'The company trained Quill-2 on 4,096 Nvidia H100 chips over 41 days. Training cost about $18 million, according to chief executive Mara Lindqvist. The model is free for research use.',
  '“We wanted a model that a university lab can actually run,” Lindqvist said. She added that a smaller version with 8 billion parameters will follow in June.',
  'On the HumanEval benchmark, Quill-2 scored 81%, up from 64% for the first Quill. Orrin Labs said inference costs fall by 40% compared with its previous model.',
  'The release comes two weeks after Orrin Labs raised $220 million from Northgate Capital.',
];

export const TRANSLATION = [
  'Orrin Labs 周二发布了开放权重语言模型 Quill-2，参数规模为 700 亿，并称其在编程任务上可与更大的竞争对手比肩。',
  '该公司在 4,096 块 Nvidia H100 芯片上训练 Quill-2，历时 41 天。据首席执行官 Mara Lindqvist 介绍，训练成本约为 1800 万美元。',
  '“我们想要一个大学实验室真正跑得动的模型，”Lindqvist 说。她还表示，一个 80 亿参数的较小版本将于 6 月推出。',
  '在 HumanEval 基准测试中，Quill-2 得分 81%，第一代 Quill 为 64%。Orrin Labs 表示，与上一代模型相比，推理成本下降了 40%。此次发布距 Orrin Labs 从 Northgate Capital 融资 2.2 亿美元仅两周。',
];

export const INDEPENDENT = [
  '开源模型阵营再添一员。Orrin Labs 推出 Quill-2，这家公司今年刚从 Northgate Capital 拿到 2.2 亿美元融资。',
  '记者了解到，Quill-2 在 HumanEval 上的成绩为 81%。多位开发者试用后认为，它的中文能力仍有明显不足，长文本表现也不稳定。',
  'Orrin Labs 首席执行官 Mara Lindqvist 在发布会上表示，公司将继续开放模型权重。该模型参数规模为 700 亿，使用了 4,096 块 H100 训练。',
  '业内人士指出，开放权重模型之间的竞争正在加剧，价格战可能随之而来，中小厂商的压力会越来越大。',
  '目前 Quill-2 已可在 Hugging Face 上下载，官方称后续还会发布更多工具。',
];

export function version(
  id: string,
  language: Face,
  paragraphs: readonly string[],
  extra: Partial<Omit<Version, 'id' | 'language' | 'paragraphs' | 'text' | 'understanding'>> = {},
): Version {
  const text = paragraphs.join('\n\n');
  return {
    id,
    language,
    title: null,
    paragraphs,
    text,
    published: '2026-04-07T09:00:00.000Z',
    ingestedAt: '2026-04-08T00:00:00.000Z',
    url: `https://${id}.example/article`,
    outlet: null,
    siteName: null,
    understanding: understand(text),
    ...extra,
  };
}
