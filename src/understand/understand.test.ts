import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { understand, type Understanding } from './understand.js';

const fixture = (name: string): string => readFileSync(new URL(`../text/fixtures/${name}`, import.meta.url), 'utf8');

function assertAllSpans(text: string, u: Understanding): void {
  for (const s of [...u.sentences, ...u.words]) assert.equal(text.slice(s.start, s.end), s.text);
  for (const e of u.entities) assert.equal(text.slice(e.start, e.end), e.surface);
  for (const f of u.figures) assert.equal(text.slice(f.start, f.end), f.surface);
  for (const q of u.quotes) assert.equal(text.slice(q.start, q.end), q.text);
}

describe('understand', () => {
  it('an English article: language, entities, figures, quotes with exact spans', () => {
    const text = fixture('article-en.txt');
    const u = understand(text, { title: 'Northwind signs a $4.2 billion GPU deal' });
    assertAllSpans(text, u);
    assert.equal(u.language.language, 'en');
    assert.deepEqual(u.words, []);
    assert.ok(u.sentences.length >= 15);
    assert.ok(u.entities.some((e) => e.entityId === 'ohio'));
    assert.ok(u.entities.some((e) => e.entityId === 'neocloud'));
    assert.ok(u.figures.some((f) => f.kind === 'money' && f.value === 4.2e9 && f.unit === 'USD'));
    assert.ok(u.figures.some((f) => f.kind === 'power' && f.value === 1.8e8));
    // The second quote of the paragraph has no attribution of its own: it continues the first.
    assert.deepEqual(
      u.quotes.map((x) => x.speaker),
      ['Priya Raman', 'Priya Raman'],
    );
  });

  it('a Chinese article: words, the same figures as the English one', () => {
    const text = fixture('article-zh.txt');
    const u = understand(text);
    assertAllSpans(text, u);
    assert.equal(u.language.language, 'zh');
    assert.ok(u.words.length > 100);
    assert.ok(u.figures.some((f) => f.kind === 'money' && f.value === 4.2e9 && f.unit === 'USD'));
    assert.ok(u.figures.some((f) => f.kind === 'power' && f.value === 1.8e8));
    assert.ok(u.entities.some((e) => e.entityId === 'neocloud'));
    assert.ok(u.quotes.some((x) => x.text === '新云' && x.speaker === null));
    assert.ok(u.quotes.some((x) => x.text.startsWith('从第一天起') && x.speaker === '普丽娅'));
  });

  it('uses the title to settle the language of a very short text', () => {
    const u = understand('GPU', { title: '英伟达发布新一代数据中心芯片' });
    assert.equal(u.language.language, 'zh');
  });

  it('handles empty text', () => {
    const u = understand('');
    assert.deepEqual([u.sentences, u.words, u.entities, u.figures, u.quotes], [[], [], [], [], []]);
  });

  it('stays fast on a 5,000-word article (no regex blow-ups)', () => {
    let text = '';
    const base = fixture('article-en.txt');
    while (text.split(/\s+/).length < 5000) text += `${base}\n\n`;
    understand(text);
    // CPU time, not wall time: a loaded machine stretches the wall clock (254 ms seen with eight
    // processes on two cores), while a regex blow-up costs CPU whatever the load.
    const t0 = process.cpuUsage();
    const u = understand(text);
    const used = process.cpuUsage(t0);
    const ms = (used.user + used.system) / 1000;
    assertAllSpans(text, u);
    // The budget is 50 ms (measured ~7 ms); the margin absorbs GC and a slow CPU.
    assert.ok(ms < 250, `took ${ms.toFixed(1)} CPU ms`);
  });
});
