// What the writer may state as one sentence: the splitter's units, joined where a unit is half a
// statement (a clause ended by a semicolon; a short sentence whose neighbour opens on a reference to
// it), never across paragraphs, and always a contiguous span of the article's text.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { understoodArticle } from '../../test/support/article.js';
import { sentenceCandidates } from './sentence-candidates.js';

function candidates(text: string, language: 'en' | 'zh') {
  const a = understoodArticle({ text, language, paragraphs: text.split('\n\n') });
  return { a, cands: sentenceCandidates(a) };
}

describe('sentence candidates', () => {
  test('a Chinese clause ended by a semicolon is stated with the clause that ends its sentence', () => {
    const { a, cands } = candidates(
      '价格同步下调。新模型的输入价格为每百万 token 2 元，比上一代的 5 元降低 60%；输出价格为每百万 token 8 元。上下文窗口保持不变，仍为 12.8 万 token。',
      'zh',
    );
    const price = cands.find((c) => c.text.includes('60%'));
    assert.ok(price);
    assert.equal(
      price.text,
      '新模型的输入价格为每百万 token 2 元，比上一代的 5 元降低 60%；输出价格为每百万 token 8 元。',
    );
    assert.equal(price.unusable, false);
    assert.equal(a.text.slice(price.start, price.end), price.text);
    assert.deepEqual(
      price.figures.map((f) => f.value),
      [2, 5, 60, 8],
    );
  });

  test('a short sentence and a neighbour that refers back to it are one statement; a long one is not joined', () => {
    const zh = candidates(
      '阶跃星辰正式推出 Step-4 Swift。这是旗舰模型 Step-4 的提速版本，官方称其单用户生成速度最高可达每秒 650 个 token。',
      'zh',
    );
    assert.equal(zh.cands.length, 1);
    assert.equal(zh.cands[0]!.dangling, false);
    assert.equal(zh.cands[0]!.unusable, false);
    const en = candidates(
      'Veyra’s case rests on efficiency. The company says the HX9 delivers 3x the performance per watt of its HX7.',
      'en',
    );
    assert.equal(en.cands.length, 1);
    assert.match(en.cands[0]!.text, /^Veyra’s case rests on efficiency\. The company says/);
    const long = candidates(
      'Veyra Systems said on Monday that it had signed its largest order to date with a European lab. This is the first order of that size for the company.',
      'en',
    );
    assert.equal(long.cands.length, 2);
    assert.equal(long.cands[1]!.dangling, true);
  });

  test('nothing is joined across a paragraph break', () => {
    const { cands } = candidates(
      '新模型的输入价格为每百万 token 2 元，比上一代降低 60%；\n\n输出价格为每百万 token 8 元，与此前持平。',
      'zh',
    );
    assert.equal(cands.length, 2);
    assert.equal(cands[0]!.unusable, true);
  });
});
