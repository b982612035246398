import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bylineDate, readBylineLine, takeBylineLine } from './byline.js';

// Invented names and outlets, written for these tests.
describe('readBylineLine', () => {
  const cases: Array<[name: string, line: string, byline: string | null, published: string | null]> = [
    ['author, outlet and day-month-year', 'By Jane Doe · Example Notes · 10 May 2026', 'Jane Doe', '2026-05-10'],
    ['Markdown emphasis around it', '*By Jane Doe · 3 June 2026*', 'Jane Doe', '2026-06-03'],
    ['author alone', 'By Jane Doe', 'Jane Doe', null],
    ['two authors', 'By Jane Doe and Omar Quist | Example Wire', 'Jane Doe and Omar Quist', null],
    [
      'outlet and month-day-year with a dash',
      'Example Institute Notes — May 10, 2026',
      'Example Institute Notes',
      '2026-05-10',
    ],
    ['Chinese author label', '北风快讯 ｜ 作者：张三 ｜ 2026-05-10', '张三', '2026-05-10'],
    ['Chinese date', '作者：李四 ｜ 2026年5月9日', '李四', '2026-05-09'],
    ['outlet and ISO date', 'Example Wire | 2026-05-09', 'Example Wire', '2026-05-09'],
  ];
  for (const [name, line, byline, published] of cases) {
    it(name, () => assert.deepEqual(readBylineLine(line), { byline, published }));
  }

  const prose: Array<[name: string, line: string]> = [
    ['a sentence starting with By', 'By the end of the year the campus will draw 300MW from the grid.'],
    ['lower-case "by" phrase', 'by then the deal will have closed'],
    ['a subheading', 'What drives the difference'],
    ['a lone date is a dateline, kept', 'May 10, 2026'],
    [
      'a dateline opening a paragraph',
      'DENVER, May 9, 2026 — Example Cloud today announced a four-year agreement with a large lab.',
    ],
    ['a Chinese sentence', '作者认为，这笔交易说明瓶颈已经从芯片转向电力。'],
  ];
  for (const [name, line] of prose) it(`not: ${name}`, () => assert.equal(readBylineLine(line), null));
});

describe('bylineDate', () => {
  const cases: Array<[string, string | null]> = [
    ['10 May 2026', '2026-05-10'],
    ['Sept. 3, 2025', '2025-09-03'],
    ['2026/05/10', '2026-05-10'],
    ['2026年5月10日', '2026-05-10'],
    ['Updated May 1, 2026', '2026-05-01'],
    ['May 2026', null],
    ['Tuesday', null],
  ];
  for (const [s, d] of cases) it(s, () => assert.equal(bylineDate(s), d));
});

describe('takeBylineLine', () => {
  const lede = 'Northwind Cloud said on Tuesday it will build three data centres in Ohio.';
  it('removes the line from the top and returns it', () => {
    const r = takeBylineLine(['By Jane Doe · 10 May 2026', lede]);
    assert.deepEqual(r.paragraphs, [lede]);
    assert.equal(r.line?.byline, 'Jane Doe');
  });
  it('looks only at the first paragraphs', () => {
    const paragraphs = [lede, lede, lede, 'By Jane Doe · 10 May 2026'];
    assert.deepEqual(takeBylineLine(paragraphs), { line: null, paragraphs });
  });
  it('never leaves an article empty', () => {
    assert.deepEqual(takeBylineLine(['By Jane Doe']), { line: null, paragraphs: ['By Jane Doe'] });
  });
});
