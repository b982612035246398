import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarDay, dateArticle, datelineDate, notAfter, urlDate } from './dating.js';
import { extractHtml, extractMarkdown, extractPlainText } from './extract.js';

const SEEN = new Date('2026-04-10T08:00:00Z');

describe('calendarDay', () => {
  test('real days only', () => {
    assert.equal(calendarDay(2026, 3, 9), '2026-03-09');
    assert.equal(calendarDay(2024, 2, 29), '2024-02-29');
    assert.equal(calendarDay(2026, 2, 29), null);
    assert.equal(calendarDay(2026, 2, 30), null);
    assert.equal(calendarDay(2026, 13, 1), null);
    assert.equal(calendarDay(2026, 4, 31), null);
    assert.equal(calendarDay(1975, 1, 1), null, 'before 1990: not a news date');
  });

  test('notAfter allows one day for time zones ahead of UTC, no more', () => {
    assert.equal(notAfter('2026-04-10', SEEN), true);
    assert.equal(notAfter('2026-04-11', SEEN), true);
    assert.equal(notAfter('2026-04-12', SEEN), false);
    assert.equal(notAfter('2027-01-01T00:00:00Z', SEEN), false);
  });
});

describe('urlDate', () => {
  const cases: Array<[string, string | null]> = [
    ['https://northwire.example/2026/03/09/veyra-ships/', '2026-03-09'],
    ['https://site.example/tech/2026/3/9/story.html', '2026-03-09'],
    ['https://news.example/2026-03-09-openai-raises', '2026-03-09'],
    ['http://www.news.cn/tech/2026-03/09/c_1130000000.htm', '2026-03-09'],
    ['http://tech.people.com.cn/n1/2026/0309/c1007-40000000.html', '2026-03-09'],
    ['https://www.gov.cn/xinwen/20260309/abc.html', '2026-03-09'],
    ['https://example.cn/a/t20260309_123456.html', '2026-03-09'],
    ['https://site.example/2026/03/monthly-roundup', null], // a month is not a day
    ['https://site.example/2026/02/30/impossible', null],
    ['https://site.example/story?date=2026-03-09', null], // the query is not the address's path
    ['https://site.example/item/123456789012', null],
    ['file:///home/me/2026/03/09/note.md', null], // a local path is not a web address
  ];
  for (const [url, want] of cases) test(url, () => assert.equal(urlDate(url), want));
});

describe('datelineDate', () => {
  test('a line of its own near the top, in English or Chinese', () => {
    assert.equal(datelineDate(['March 9, 2026', 'OpenAI said on Monday…']), '2026-03-09');
    assert.equal(datelineDate(['Updated: Mar. 9, 2026 3:45 p.m. ET', 'Body.']), '2026-03-09');
    assert.equal(datelineDate(['9 March 2026', 'Body.']), '2026-03-09');
    assert.equal(datelineDate(['2026年03月09日 10:32\u3000来源：新华网', '正文。']), '2026-03-09');
    assert.equal(datelineDate(['2012年01月17日 08:15 来源：人民网', '正文。']), '2012-01-17');
    assert.equal(datelineDate(['By Jane Doe | March 9, 2026 | 4 min read', 'Body.']), '2026-03-09');
  });

  test('a wire or press-release lead', () => {
    assert.equal(
      datelineDate(['SAN FRANCISCO, March 9, 2026 /PRNewswire/ -- Lumen Labs today announced a model.']),
      '2026-03-09',
    );
    assert.equal(
      datelineDate(['BEIJING, March 9, 2026 — Chinese developers released a model on Monday.']),
      '2026-03-09',
    );
    assert.equal(datelineDate(['新华社北京2026年3月9日电 国内一家人工智能公司9日发布新模型。']), '2026-03-09');
  });

  test('a date mentioned in a sentence, deep in the text, or impossible is no dateline', () => {
    assert.equal(datelineDate(['The company was founded on March 9, 1998.', 'Body.']), null);
    assert.equal(
      datelineDate([
        'OpenAI said on March 9, 2026 that it would release the model to researchers, reversing its earlier position on weights.',
      ]),
      null,
    );
    assert.equal(
      datelineDate(['One.', 'Two.', 'Three.', 'Four.', 'March 9, 2026']),
      null,
      'only the first paragraphs are read',
    );
    assert.equal(datelineDate(['February 30, 2026', 'Body.']), null);
    assert.equal(datelineDate(['2026年02月30日', '正文。']), null);
  });
});

describe('dateArticle: best evidence first', () => {
  const none = { page: null, feed: null, urls: [], dateline: null, seen: SEEN };
  test('page, then feed, then URL, then dateline, then first seen', () => {
    const all = {
      page: '2026-03-09T10:00:00Z',
      feed: '2026-03-08T00:00:00Z',
      urls: ['https://x.example/2026/03/07/a'],
      dateline: '2026-03-06',
      seen: SEEN,
    };
    assert.deepEqual(dateArticle(all), { published: '2026-03-09T10:00:00Z', dateSource: 'page' });
    assert.deepEqual(dateArticle({ ...all, page: null }), { published: '2026-03-08T00:00:00Z', dateSource: 'feed' });
    assert.deepEqual(dateArticle({ ...all, page: null, feed: null }), { published: '2026-03-07', dateSource: 'url' });
    assert.deepEqual(dateArticle({ ...none, dateline: '2026-03-06' }), {
      published: '2026-03-06',
      dateSource: 'dateline',
    });
    assert.deepEqual(dateArticle(none), { published: null, dateSource: 'seen' });
  });

  test('a URL or dateline after the day it was seen is not believed', () => {
    assert.deepEqual(dateArticle({ ...none, urls: ['https://x.example/2026/05/01/a'], dateline: '2026-03-06' }), {
      published: '2026-03-06',
      dateSource: 'dateline',
    });
    assert.deepEqual(dateArticle({ ...none, dateline: '2046-03-09' }), { published: null, dateSource: 'seen' });
  });
});

describe('extraction records where a date came from', () => {
  const body =
    '<p>Anthropic has agreed to buy computing capacity from Saltfork Cloud in a multi-year deal, the companies said.</p><p>The agreement covers data centres in Oregon and Texas, Saltfork said.</p>';
  test('page metadata', () => {
    const page = extractHtml(
      `<html><head><meta property="article:published_time" content="2026-03-09T10:00:00Z"></head><body><article><h1>T</h1>${body}</article></body></html>`,
    );
    assert.equal(page.publishedFrom, 'page');
    assert.equal(page.published, '2026-03-09T10:00:00Z');
  });

  test('a dateline beside the title, outside the body, is read though clutter rules would drop it', () => {
    const page = extractHtml(
      `<html><body><header><h1>Anthropic and Saltfork sign a cloud deal</h1><div class="meta">March 13, 2026</div></header><article>${body}</article></body></html>`,
    );
    // Without metadata the visible dateline is the published date, marked as such (ingest weighs it below a feed's date).
    assert.equal(page.published, '2026-03-13');
    assert.equal(page.publishedFrom, 'dateline');
    assert.equal(page.dateline, '2026-03-13');
  });

  test('menus before the headline do not hide the dateline after it; a date in the lede is no dateline', () => {
    const nav = '<div>Home</div><div>AI</div><div>Chips</div><div>Policy</div>';
    const page = extractHtml(
      `<html><body><header>${nav}<h1>Anthropic and Saltfork sign a cloud deal</h1><p>By Mara Lindqvist</p><p>Photo: Saltfork</p><span class="date">Updated Mar. 9, 2026 3:45 p.m. ET</span></header><article>${body}</article></body></html>`,
    );
    assert.equal(page.dateline, '2026-03-09');
    const lede = extractHtml(
      `<html><body><article><h1>T</h1><p>Anthropic said on March 9, 2026 that it had agreed to buy computing capacity from Saltfork Cloud in a multi-year deal.</p>${body}</article></body></html>`,
    );
    assert.equal(lede.dateline, null);
  });

  test("a text file's byline line is a dateline, not page metadata", () => {
    const page = extractPlainText(
      'A headline without a full stop\n\nQuillfeed · March 11, 2026\n\nBrightmoor has hired a chief scientist, the company said.\n\nShe starts in April.',
    );
    assert.equal(page.published, '2026-03-11');
    assert.equal(page.publishedFrom, 'dateline');
  });

  test("front matter is the page's own date", () => {
    const page = extractMarkdown(
      '---\ntitle: T\npublished: 2026-03-10\n---\nBody text that is long enough to be an article paragraph of its own.\n',
    );
    assert.equal(page.published, '2026-03-10');
    assert.equal(page.publishedFrom, 'page');
  });
});
