import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type Feed, parseFeed } from './feed.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/feeds/${name}`, import.meta.url), 'utf8');

function parsed(text: string, name = 'wire.xml'): Feed {
  const r = parseFeed(text, { name });
  if (!r.ok) assert.fail(`expected a feed, got ${r.code}: ${r.message}`);
  return r.value;
}

describe('CDATA is literal', () => {
  const feed = parsed(fixture('cdata-ampersand.xml'));
  it('keeps a raw & in a link, a guid, a title and an author exactly', () => {
    assert.equal(feed.title, 'Chips & Models Weekly');
    const item = feed.items[0]!;
    assert.equal(item.url, 'https://chips-models.example/story?id=1&ref=rss');
    assert.equal(item.guid, 'cm-1&v=2');
    assert.equal(item.title, 'Halden & Roe cut inference prices');
    assert.equal(item.author, 'Ada Lind & Bo Sten');
  });
  it('reads HTML in CDATA as HTML once (its &amp; is one &)', () => {
    const item = feed.items[0]!;
    assert.equal(item.summary, 'Prices fell 40% for R&D teams. Tom & Jerry <not a tag>');
    assert.equal(
      item.contentHtml,
      '<p>Halden &amp; Roe said prices fell <a href="https://chips-models.example/a?x=1&amp;y=2">40%</a>.</p>',
    );
    assert.deepEqual(feed.problems, []);
    assert.equal(feed.wellFormed, true);
  });
});

describe('one XML error does not lose the feed', () => {
  it('a feed cut off inside its third item: the two complete items are read, the third reported with its line', () => {
    const feed = parsed(fixture('truncated.xml'));
    assert.deepEqual(
      feed.items.map((i) => i.url),
      ['https://kestrel.example/news/lisbon', 'https://kestrel.example/news/per-minute'],
    );
    assert.equal(feed.wellFormed, false);
    assert.equal(feed.truncated, true);
    assert.equal(feed.lost, 1);
    assert.ok(
      feed.problems.includes(
        'item 3 ("Kestrel and Porto University sign a research deal") at line 17, column 5 is cut off by the end of the document: not read',
      ),
      feed.problems.join('\n'),
    );
    assert.ok(
      feed.problems.some((p) =>
        /^line 21, column 1: the document ends inside <description> \(opened at line 20, column 7\)$/.test(p),
      ),
      feed.problems.join('\n'),
    );
  });

  it('a bare <br> in a description: both items read, the description whole, the <br> reported', () => {
    const feed = parsed(fixture('br-in-description.xml'));
    assert.equal(feed.items.length, 2);
    assert.equal(feed.items[0]!.summary, 'Fjell Labs released a 7B model. It runs on one GPU.');
    assert.equal(feed.items[1]!.summary, 'The deal adds 200 MW.');
    assert.equal(feed.lost, 0);
    assert.deepEqual(feed.problems, [
      'line 10, column 74: <br> opened at line 10, column 51 is not closed before </description>',
    ]);
  });

  it("one unclosed <title>: the title stops where its item's next element starts, the item keeps its link and date", () => {
    const feed = parsed(fixture('unclosed-title.xml'));
    assert.deepEqual(
      feed.items.map((i) => [i.title, i.url, i.published]),
      [
        ['Saltmarsh arm passes 1,000 hours', 'https://saltmarsh.example/arm-1000', '2026-12-02T07:15:00.000Z'],
        ['Hiring: two firmware engineers', 'https://saltmarsh.example/jobs', null],
      ],
    );
    assert.deepEqual(feed.problems, [
      'line 11, column 5: <title> opened at line 8, column 7 is not closed before </item>',
    ]);
    assert.equal(feed.lost, 0);
  });

  it('junk after the root element is ignored and reported', () => {
    const feed = parsed(fixture('junk-after-root.xml'));
    assert.equal(feed.items[0]?.title, 'Tallow tapes out T2');
    assert.deepEqual(feed.problems, ['line 9, column 1: content after the root element (<p>): ignored']);
    assert.equal(feed.wellFormed, false);
    assert.equal(feed.truncated, false);
  });

  it('a last end tag cut short ("</rss") loses nothing', () => {
    const feed = parsed(fixture('end-tag-cut.xml'));
    assert.equal(feed.items.length, 1);
    assert.deepEqual(feed.problems, ['line 6, column 1: the end tag </rss> is not finished']);
    assert.equal(feed.truncated, false);
    assert.equal(feed.lost, 0);
  });

  it('an item with no recognised field is kept and reported, not dropped', () => {
    const feed = parsed(fixture('empty-item.xml'));
    assert.equal(feed.items.length, 2);
    assert.deepEqual(feed.problems, ['item 1 has no title, link, id, date, summary or content']);
  });

  it('a feed cut off before any item: its title is read, and it says where it ends', () => {
    const feed = parsed('<rss version="2.0"><channel><title>x</title><item><title>Half', 'cut.xml');
    assert.equal(feed.title, 'x');
    assert.equal(feed.items.length, 0);
    assert.equal(feed.lost, 1);
    assert.ok(
      feed.problems.includes('item 1 ("Half") at line 1, column 45 is cut off by the end of the document: not read'),
      feed.problems.join('\n'),
    );
  });

  it('an item left open until </channel> is read, and reported', () => {
    const feed = parsed(
      '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>x</title>\n</channel></rss>',
    );
    assert.equal(feed.items[0]?.title, 'x');
    assert.deepEqual(feed.problems, [
      'line 4, column 1: <item> opened at line 3, column 1 is not closed before </channel>',
      'item 1 ("x") has no link',
    ]);
  });
});

describe('a well-formed feed with no items', () => {
  it('is a feed with 0 items and no problems', () => {
    const feed = parsed(fixture('no-items.xml'));
    assert.equal(feed.title, 'Quiet Harbor AI');
    assert.equal(feed.language, 'en');
    assert.deepEqual(feed.items, []);
    assert.deepEqual(feed.problems, []);
    assert.equal(feed.wellFormed, true);
  });
});

describe('dates, encodings and declarations', () => {
  it('reads dcterms:created as published and dcterms:modified as updated (and as published when alone)', () => {
    const feed = parsed(fixture('dcterms-rdf.xml'));
    assert.deepEqual(
      feed.items.map((i) => [i.published, i.updated]),
      [
        ['2026-12-01T00:00:00.000Z', '2026-12-03T12:30:00.000Z'],
        ['2026-12-02T07:00:00.000Z', '2026-12-02T07:00:00.000Z'],
      ],
    );
    assert.deepEqual(feed.problems, []);
  });

  it('reads Atom 0.3 with mode="base64" content, issued/modified dates, and a comment before <?xml', () => {
    const feed = parsed(fixture('atom03-base64.xml'));
    assert.equal(feed.format, 'atom');
    assert.equal(feed.title, 'Old Lamp Research');
    assert.equal(feed.language, 'en');
    const e = feed.items[0]!;
    assert.equal(e.contentHtml, '<p>Lamp-2 is out &amp; free.</p>');
    assert.equal(e.published, '2026-12-01T00:00:00.000Z');
    assert.equal(e.updated, '2026-12-02T09:00:00.000Z');
    assert.equal(e.author, 'Ren Aoki');
    assert.equal(e.url, 'https://old-lamp.example/lamp-2');
    // A declaration after a comment is an XML error, reported; nothing is lost.
    assert.deepEqual(feed.problems, ['line 2, column 1: the XML declaration is not at the start of the document']);
  });

  it('expands entities declared in a DOCTYPE internal subset', () => {
    const feed = parsed(fixture('doctype-subset.xml'));
    assert.equal(feed.title, 'Brightline Compute');
    assert.equal(feed.siteUrl, 'https://brightline.example/');
    assert.equal(feed.items[0]?.url, 'https://brightline.example/spot');
    assert.equal(feed.items[0]?.title, 'Brightline adds “spot” GPUs');
    assert.deepEqual(feed.problems, []);
  });

  it('bounds entity expansion (a "billion laughs" DOCTYPE)', () => {
    const defs = ['<!ENTITY a0 "lol lol lol lol lol lol lol lol lol lol">'];
    for (let i = 1; i < 10; i++) defs.push(`<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`);
    const started = Date.now();
    const feed = parsed(`<!DOCTYPE rss [${defs.join('')}]><rss><channel><title>&a9;</title></channel></rss>`);
    assert.ok(Date.now() - started < 2000);
    assert.ok((feed.title ?? '').length <= 1_100_000);
    assert.ok(
      feed.problems.some((p) => /entity expansion over its limit/.test(p)),
      feed.problems.join('\n'),
    );
  });

  it('reads HTML named entities undeclared in XML, and says so once', () => {
    const feed = parsed(
      '<rss><channel><title>Caf&eacute;&nbsp;AI &mdash; news &amp; notes&nbsp;</title></channel></rss>',
    );
    assert.equal(feed.title, 'Café AI — news & notes');
    assert.deepEqual(feed.problems, [
      'line 1, column 25: entity &eacute; is not defined in XML, read as in HTML',
      'line 1, column 33: entity &nbsp; is not defined in XML, read as in HTML',
      'line 1, column 42: entity &mdash; is not defined in XML, read as in HTML',
    ]);
  });

  it('100,000 unclosed <br> in one description: that item and the next are read, the limit reported once', () => {
    const feed = parsed(
      `<rss><channel><item><title>Many breaks</title><description>${'line<br>'.repeat(100_000)}</description></item><item><title>After</title></item></channel></rss>`,
    );
    assert.deepEqual(
      feed.items.map((i) => i.title),
      ['Many breaks', 'After'],
    );
    assert.equal(feed.items[0]!.summary?.startsWith('line line line'), true);
    assert.equal(feed.problems.filter((p) => /nested more than 512 deep/.test(p)).length, 1);
    assert.equal(feed.lost, 0);
  });

  it('deeply nested elements cost no stack and are reported', () => {
    const depth = 20_000;
    const feed = parsed(
      `<rss><channel><item><title>Deep</title><description>${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}</description></item></channel></rss>`,
    );
    assert.equal(feed.items[0]?.title, 'Deep');
    assert.ok(feed.problems.some((p) => /nested more than 512 deep/.test(p)));
  });
});
