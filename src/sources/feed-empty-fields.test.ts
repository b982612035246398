// A text field the feed has with no text in it ("" in `tidings feed --json`) is told apart from one
// the feed does not have (null): an image-only title, an empty description, an empty author.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toRecord } from '../cli/feed-command.js';
import { type Feed, parseFeed } from './feed.js';

function parsed(text: string): Feed {
  const r = parseFeed(text, { name: 'wire.xml' });
  if (!r.ok) assert.fail(`expected a feed, got ${r.code}: ${r.message}`);
  return r.value;
}

describe('present but empty vs absent', () => {
  it('RSS: an image-only title and an empty description are "", a missing author and content null', () => {
    const feed =
      parsed(`<rss version="2.0"><channel><title>&lt;img src="https://w.example/logo.png"/&gt;</title><link>https://w.example/</link>
<item><title><![CDATA[<img src="https://w.example/a.png">]]></title><link>https://w.example/a</link><description></description></item>
<item><title>Second</title><link>https://w.example/b</link></item>
</channel></rss>`);
    // The reader's own fields stay null for "no text" (ingest sees no title either way) ...
    assert.equal(feed.title, null);
    assert.equal(feed.titleEmpty, true);
    assert.equal(feed.items[0]!.title, null);
    assert.deepEqual(feed.items[0]!.emptyFields, ['title', 'summary']);
    assert.equal(feed.items[1]!.emptyFields, undefined);
    // ... and the record says which were there.
    const record = toRecord('wire.xml', feed);
    assert.equal(record.title, '');
    assert.deepEqual(
      record.items.map((i) => [i.title, i.summary, i.author, i.content]),
      [
        ['', '', null, null],
        ['Second', null, null, null],
      ],
    );
  });

  it('RSS: an empty <author/> and an empty <content:encoded/> are ""', () => {
    const feed =
      parsed(`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>One</title><link>https://w.example/1</link><author> </author><content:encoded><![CDATA[ ]]></content:encoded></item>
</channel></rss>`);
    const item = toRecord('wire.xml', feed).items[0]!;
    assert.equal(item.author, '');
    assert.equal(item.content, '');
    assert.equal(item.title, 'One');
  });

  it('Atom: an empty summary and title are "", content by reference (src) is null, not empty', () => {
    const feed = parsed(`<feed xmlns="http://www.w3.org/2005/atom"><title type="html">&lt;b&gt;&lt;/b&gt;</title>
<entry><id>urn:1</id><title></title><summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x.png"/></div></summary>
<content type="text/html" src="https://w.example/1"/><link href="https://w.example/1"/><updated>2026-12-01T09:00:00Z</updated></entry>
</feed>`);
    const record = toRecord('wire.xml', feed);
    assert.equal(record.title, '');
    const item = record.items[0]!;
    assert.equal(item.title, '');
    assert.equal(item.summary, '');
    assert.equal(item.content, null);
    assert.equal(item.author, null);
  });

  it('a feed with no title element has a null title', () => {
    const feed = parsed(
      '<rss version="2.0"><channel><item><title>A</title><link>https://w.example/a</link></item></channel></rss>',
    );
    assert.equal(feed.titleEmpty, undefined);
    assert.equal(toRecord('wire.xml', feed).title, null);
  });
});

describe('JSON Feed: present but empty vs absent', () => {
  it('an empty string is "", a missing or non-string field null', () => {
    const feed = parsed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: ' ',
        items: [
          { id: '1', url: 'https://w.example/1', title: '<img src="a.png">', summary: '', content_html: '' },
          { id: '2', url: 'https://w.example/2', title: 'Two', summary: null, content_html: false },
        ],
      }),
    );
    const record = toRecord('wire.json', feed);
    assert.equal(record.title, '');
    assert.deepEqual(
      record.items.map((i) => [i.title, i.summary, i.content]),
      [
        ['', '', ''],
        ['Two', null, null],
      ],
    );
  });
});
