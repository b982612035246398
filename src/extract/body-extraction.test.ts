// Body extraction on small pages shaped like the misses seen on the article-extraction benchmark's
// tuning half (bench/article-extraction.ts): furniture inside a paragraph or between paragraphs
// (captions, credits, screen-reader labels, breadcrumbs, author boxes), camelCase class names, and short
// sentences led by a link. Each page is written here; none is copied from a real site.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractHtml } from './extract.js';

const P1 =
  'Northwind Cloud said on Tuesday it will build three data centres in Ohio, each drawing about 300MW, to serve model makers that cannot find capacity elsewhere.';
const P2 =
  'The company, which rents out graphics processors by the hour, expects the first site to open next spring. Its chief executive, Dana Reyes, called demand “relentless”.';
const P3 =
  'Rivals have announced similar plans this year, and analysts warn that power, not chips, is now the constraint on growth for the whole sector.';

const page = (body: string): string =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Northwind bets on Ohio</title></head><body>${body}</body></html>`;
const paragraphs = (body: string): string[] => extractHtml(page(body)).paragraphs;

describe('furniture inside or between paragraphs', () => {
  it('drops a caption and its credit written as spans, camelCase names included', () => {
    const got = paragraphs(
      `<article><p>${P1}</p><div class="photo"><p><img src="a.jpg"></p><span class="newsCaption">Workers at the Ohio site <span class="caption">(Image: Example Images)</span></span></div><p>${P2}</p><p>${P3}</p></article>`,
    );
    assert.deepEqual(got, [P1, P2, P3]);
  });

  it('drops caption and credit blocks named in camelCase', () => {
    const got = paragraphs(
      `<article><p>${P1}</p><div class="InlineImage-wrapper"><div class="InlineImage-imageEmbedCaption">Dana Reyes, chief executive of Northwind Cloud, at the company's site in Ohio on Monday, Nov. 13.</div><div class="InlineImage-imageEmbedCredit">Jane Roe | Example Images</div></div><p>${P2}</p><p>${P3}</p></article>`,
    );
    assert.deepEqual(got, [P1, P2, P3]);
  });

  it('drops a screen-reader label inside a sentence and keeps the sentence whole', () => {
    const got = paragraphs(
      `<article><p>Its chief executive, Dana Reyes, called demand “relentless” in <a href="/call">a call with analysts<span class="visually-hidden"> (opens in a new window)</span></a> on Tuesday, <span class="sr-only">Advertisement</span>the company said.</p><p>${P1}</p><p>${P3}</p></article>`,
    );
    assert.equal(
      got[0],
      'Its chief executive, Dana Reyes, called demand “relentless” in a call with analysts on Tuesday, the company said.',
    );
  });

  it('drops a breadcrumb trail written as inline text in a <nav>', () => {
    const got = paragraphs(
      `<div class="post"><nav id="breadcrumb"><a href="/">Home</a><a href="/tech">Tech News</a><span class="current">Northwind bets on Ohio</span></nav><h1>Northwind bets on Ohio</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>`,
    );
    assert.deepEqual(got, [P1, P2, P3]);
  });

  it("drops the author's box after the article, however it is named", () => {
    for (const box of [
      '<div class="post-author"><div class="author-content"><p>Regan is a writer from Connecticut who covers cloud computing, energy and the companies that build data centres.</p></div></div>',
      '<div class="ArticlePage-authorInfo-bio"><div class="ArticlePage-authorInfo-shortBiography">Jane Roe is a reporter covering the business of cloud computing. She previously wrote about energy markets.</div></div>',
    ]) {
      assert.deepEqual(paragraphs(`<article><p>${P1}</p><p>${P2}</p><p>${P3}</p>${box}</article>`), [P1, P2, P3]);
    }
  });
});

describe('the share of the page a sidebar holds', () => {
  it('counts the text of inline furniture dropped on the spot: a sidebar of teasers is not a page wrapper', () => {
    const credit =
      '<span class="photo-credit">Photograph by Jane Roe for Example Images, taken at the Northwind Cloud site outside Columbus, Ohio, during construction of the first of three data halls planned for next spring</span>';
    const teaser = (t: string): string => `<article class="teaser"><p class="excerpt">${t}</p></article>`;
    const sidebar = `<div class="col-md-4 widget-area">${teaser('Apple launched new earbuds last month, and a pair can already be found at a discount at several large retailers this week, ahead of the holiday sales season.')}${teaser('Amazon announced a slew of devices that expand its speaker range, with new screens, new rings and new glasses due before the end of the year.')}${teaser('Dell released its list of holiday deals to start the shopping season, beginning with laptops, monitors and a range of accessories for home offices.')}${teaser('Microsoft is offering a deal on its small tablet tailored to families, with a keyboard cover and a year of its office software in the box.')}</div>`;
    const got = paragraphs(
      `<div class="main"><div class="col-md-8"><p>${P1} ${credit}</p><p>${P2}</p><p>${P3}</p></div>${sidebar}</div>`,
    );
    assert.deepEqual(got, [P1, P2, P3]);
  });
});

describe('embedded posts and story navigation', () => {
  it('keeps a post quoted from a social network inside a wrapper named like a share bar', () => {
    const tweet =
      '<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en" dir="ltr">Three new data centres in Ohio, and every one of them sold out before the ground was broken https://t.co/abc</p>— Dana Reyes (@danareyes) <a href="https://twitter.com/danareyes/status/1">November 18, 2019</a></blockquote></div>';
    const got = paragraphs(`<article><p>${P1}</p>${tweet}<p>${P2}</p><p>${P3}</p></article>`);
    assert.ok(
      got.some((p) => p.includes('every one of them sold out')),
      got.join('\n'),
    );
  });

  it("drops the next and previous stories' teasers under the article", () => {
    const nav =
      '<div class="grid-container next-prev"><div class="next"><p class="row-excerpt">Northwind opens a second site in Texas after a record quarter</p></div></div>';
    assert.deepEqual(
      paragraphs(
        `<div class="post-content"><div class="article"><p>${P1}</p><p>${P2}</p><p>${P3}</p>${nav}</div></div>`,
      ),
      [P1, P2, P3],
    );
  });
});

describe('what the furniture rules leave alone', () => {
  it('keeps a byline block named in camelCase for the byline reader', () => {
    const r = extractHtml(
      page(
        `<div class="ArticleText"><h2 class="SummaryHL">Northwind bets on Ohio</h2><div class="FeatureByline"> By <b>Jane Roe</b><br>March 25, 2015 </div><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>`,
      ),
    );
    assert.equal(r.byline, 'Jane Roe');
  });

  it('keeps a formula inside a math renderer wrapper named like a menu', () => {
    const got = paragraphs(
      `<article><p>${P1}</p><p>When <mjx-container class="MathJax CtxtMenu_Attached_0"><math><mi>a</mi><mo>≠</mo><mn>0</mn></math></mjx-container>, there are two solutions to the equation, as the paper shows.</p><p>${P3}</p></article>`,
    );
    assert.ok(
      got.some((p) => p.includes('a≠0') && p.includes('two solutions')),
      got.join('\n'),
    );
  });

  it("keeps a heading whose anchor id holds a furniture word ('promotion')", () => {
    const got = paragraphs(
      `<div id="content"><p>${P1}</p><h2><span class="mw-headline" id="Eich_CEO_promotion_controversy">Chief executive promotion</span></h2><p>${P2}</p><p>${P3}</p></div>`,
    );
    assert.ok(got.includes('Chief executive promotion'), got.join('\n'));
  });

  it('keeps quoted text in a span named for sharing', () => {
    const got = paragraphs(
      `<article><p>${P1}</p><p>She said <span class="sharing-highlight">demand for capacity has never been this strong</span>, and the board agreed.</p><p>${P3}</p></article>`,
    );
    assert.ok(
      got.includes('She said demand for capacity has never been this strong, and the board agreed.'),
      got.join('\n'),
    );
  });
});

describe('the standfirst', () => {
  const DEK = 'The cloud company will spend $2 billion on three sites as model makers run out of capacity.';
  const withDescription = (body: string): string[] =>
    extractHtml(
      `<!DOCTYPE html><html lang="en"><head><title>Northwind bets on Ohio</title><meta name="description" content="${DEK}"></head><body>${body}</body></html>`,
    ).paragraphs;

  it('drops a standfirst set as a heading when it repeats the description', () => {
    assert.deepEqual(
      withDescription(
        `<article><header><h1>Northwind bets on Ohio</h1><h2 class="sub-headline">${DEK}</h2></header><div class="article-body"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></article>`,
      ),
      [P1, P2, P3],
    );
  });

  it('keeps a first paragraph that the site copied into the description', () => {
    assert.deepEqual(
      withDescription(
        `<article><h1>Northwind bets on Ohio</h1><p>${DEK}</p><p>${P1}</p><p>${P2}</p><p>${P3}</p></article>`,
      ),
      [DEK, P1, P2, P3],
    );
  });
});

describe('addresses written out in the article', () => {
  it('keeps a line that is a bare address, drops a line of link text', () => {
    const got = paragraphs(
      `<article><p>${P1}</p><p>${P2}</p><p><a href="https://shop.example/x1">https://shop.example/x1</a></p><p><a href="https://www.northwind.example/">www.northwind.example</a></p><p><a href="/a/3">Northwind opens a second site in Texas</a></p><p>${P3}</p></article>`,
    );
    assert.deepEqual(got, [P1, P2, 'https://shop.example/x1', 'www.northwind.example', P3]);
  });
});

describe('short sentences led by a link', () => {
  it('keeps a sentence whose subject is a link, drops a paragraph that is only a link', () => {
    const got = paragraphs(
      `<article><p><a href="/people/jane-roe">Northwind Cloud chief Dana Reyes</a> has resigned, effective today.</p><p>${P1}</p><p>${P2}</p><p><a href="/a/9">Read the full report on the company site.</a></p><p>${P3}</p></article>`,
    );
    assert.equal(got[0], 'Northwind Cloud chief Dana Reyes has resigned, effective today.');
    assert.ok(!got.some((p) => p.includes('full report')), got.join('\n'));
  });
});
