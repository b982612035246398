// Page metadata read the way a reader sees the page (issue 13): the visible headline, the
// publication's name, the author's names, the first publication date. Small hand-written pages.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'htmlparser2';
import { normaliseDate, readMetadata } from './metadata.js';

const read = (head: string, body: string) =>
  readMetadata(
    parseDocument(`<html><head>${head}</head><body>${body}</body></html>`, {
      decodeEntities: true,
      lowerCaseTags: true,
      lowerCaseAttributeNames: true,
    }),
    null,
  );

describe('the visible headline', () => {
  it('an h1 that says what og:title says, without the author og:title appends, is the title', () => {
    const m = read(
      `<meta property="og:title" content="Whales strand on the coast | Jane Roe"><meta property="og:site_name" content="Coast News">`,
      `<h1>Whales strand on the coast</h1><p>Text.</p>`,
    );
    assert.equal(m.title, 'Whales strand on the coast');
    assert.ok(m.otherTitles.includes('Whales strand on the coast | Jane Roe'));
  });

  it('an h1 marked itemprop=headline is the title even when og:title words it differently', () => {
    const m = read(
      `<meta property="og:title" content="The modern ambitions behind lamps">`,
      `<h1 itemprop="headline">Why lamps define the century</h1>`,
    );
    assert.equal(m.title, 'Why lamps define the century');
  });

  it("a masthead h1 (the site's name, or unrelated words) does not replace the metadata title", () => {
    const blog = read(
      `<title>Chip Notes: Open flow for small logic devices</title><meta property="og:title" content="Open flow for small logic devices">`,
      `<h1 class="title">Chip Notes</h1><h3 class="post-title">Open flow for small logic devices</h3>`,
    );
    assert.equal(blog.title, 'Open flow for small logic devices');
    const site = read(
      `<meta property="og:title" content="Budget tips for parties"><meta property="og:site_name" content="Party Hub">`,
      `<h1>Party Hub</h1>`,
    );
    assert.equal(site.title, 'Budget tips for parties');
  });

  it('a bracketed site after the headline in a title tag is not part of it', () => {
    assert.equal(read(`<title>欲張りなイヌ　＜童話の森＞</title>`, `<p>本文</p>`).title, '欲張りなイヌ');
    assert.equal(
      read(`<title>Weekly Edition for March 26 [Weekly News]</title>`, `<p>Text.</p>`).title,
      'Weekly Edition for March 26',
    );
  });
});

describe("the publication's name", () => {
  it("og:site_name's motto is not part of the name", () => {
    assert.equal(
      read(`<meta property="og:site_name" content="Example Hacks – the web developer blog">`, '').siteName,
      'Example Hacks',
    );
    // A short second part is a name of its own.
    assert.equal(read(`<meta property="og:site_name" content="Radio - Live">`, '').siteName, 'Radio - Live');
  });

  it('a domain form is written as the name the publisher or title tag uses', () => {
    assert.equal(
      read(`<meta property="og:site_name" content="Le Journal.fr"><meta name="DC.publisher" content="Le Journal">`, '')
        .siteName,
      'Le Journal',
    );
    assert.equal(
      read(`<title>Patch notes - 0.17 | Gameworks</title><meta property="og:site_name" content="Gameworks.com">`, '')
        .siteName,
      'Gameworks',
    );
    // Nothing else writes it without the ending: kept as it is.
    assert.equal(read(`<meta property="og:site_name" content="Aktualne.cz">`, '').siteName, 'Aktualne.cz');
  });

  it("the title tag's spelling with spaces, and the brand rather than the company", () => {
    assert.equal(
      read(`<title>Headline here | Morning Sun</title><meta property="og:site_name" content="MorningSun">`, '')
        .siteName,
      'Morning Sun',
    );
    assert.equal(
      read(`<title>Headline here - Widgetworks</title><meta property="og:site_name" content="Widgetworks Inc">`, '')
        .siteName,
      'Widgetworks',
    );
  });

  it('with no site named in the metadata, the part of the title tag that is not the headline', () => {
    const h = `<meta property="og:title" content="Saving data on updates">`;
    assert.equal(
      read(`<title>Saving data on updates | Platform Developers Blog</title>${h}`, '').siteName,
      'Platform Developers Blog',
    );
    assert.equal(read(`<title>Saving data on updates | Code | Ann Example</title>${h}`, '').siteName, 'Ann Example');
    assert.equal(read(`<title>Chip Notes: Saving data on updates</title>${h}`, '').siteName, 'Chip Notes');
    assert.equal(
      read(`<title>Saving data on updates - Ann Example ( Annie ) ( aex )</title>${h}`, '').siteName,
      'Ann Example',
    );
    assert.equal(
      read(`<title>宇航员在太空中喝酒 _探索者 _光明日报网</title>`, '<h1>宇航员在太空中喝酒</h1>').siteName,
      '光明日报网',
    );
    // A document's identifier is not a site's name.
    assert.equal(read(`<title>draft-example-storage-04 - Saving data on updates</title>${h}`, '').siteName, null);
    // A title tag that is only the headline names no site.
    assert.equal(read(`<title>Saving data on updates</title>${h}`, '').siteName, null);
  });
});

describe("the author's names", () => {
  it('an address in brackets is not part of the name', () => {
    assert.equal(
      read(`<meta name="author" content="Ann Example (http://example.org/ann/)">`, '').byline,
      'Ann Example',
    );
  });

  it('a name the page credits as its editor is not the author', () => {
    const m = read(
      `<meta name="author" content="王小明">`,
      `<p>正文。</p><span id="editor_note">责任编辑：王小明</span>`,
    );
    assert.equal(m.byline, null);
    const author = read(
      `<meta name="author" content="李华">`,
      `<p>正文。</p><span id="editor_note">责任编辑：王小明</span>`,
    );
    assert.equal(author.byline, '李华');
  });

  it('co-authors in brackets are written out as names', () => {
    assert.equal(
      read('', `<span itemprop="author">Marie Dupont (avec Paul Martin et Léa Petit)</span>`).byline,
      'Marie Dupont, Paul Martin, Léa Petit',
    );
    assert.equal(read('', `<span itemprop="author">Ann Lee (with Bo Chen)</span>`).byline, 'Ann Lee, Bo Chen');
  });
});

describe('the first publication date', () => {
  it('a zoneless date-time takes the zone another source gives for the same wall-clock time', () => {
    const m = read(
      `<meta name="published_at" content="2017-11-03T03:01:00-04:00">
      <script type="application/ld+json">{"@type":"Article","headline":"A review","datePublished":"2017-11-03 03:01:00.000000"}</script>`,
      '',
    );
    assert.equal(m.published, '2017-11-03T07:01:00Z');
    // A different time elsewhere is a different claim: the more trusted zoneless one stays.
    const other = read(
      `<meta name="published_at" content="2017-11-04T10:00:00-04:00">
      <script type="application/ld+json">{"@type":"Article","headline":"A review","datePublished":"2017-11-03 03:01:00"}</script>`,
      '',
    );
    assert.equal(other.published, '2017-11-03T03:01:00');
  });

  it('a <time> that says when the page was modified is not the publication date', () => {
    const m = read(
      '',
      `<time itemprop="dateModified" datetime="2016-09-14T07:07:00-04:00">Last updated</time><time datetime="2014-05-08">May 8</time>`,
    );
    assert.equal(m.published, '2014-05-08');
    assert.equal(read('', `<time class="updated" datetime="2016-09-14">Updated</time>`).published, null);
  });

  it("an abbr's title and microformat 'published' elements give the date", () => {
    assert.equal(
      read('', `<abbr class="published" itemprop="datePublished" title="2016-05-08T00:55:00-07:00">12:55 AM</abbr>`)
        .published,
      '2016-05-08T07:55:00Z',
    );
    assert.equal(
      read('', `<dl><dt class="published">Published:</dt><dd class="published">2017-08-15</dd></dl>`).published,
      '2017-08-15',
    );
  });

  it('numeric slash dates only when the order cannot be mistaken', () => {
    assert.equal(normaliseDate('05/29/2007 09:49:00'), '2007-05-29T09:49:00');
    assert.equal(normaliseDate('29/05/2007'), '2007-05-29');
    assert.equal(normaliseDate('05/08/2014 07:01:00'), null);
    assert.equal(normaliseDate('02/30/2014'), null);
  });
});
