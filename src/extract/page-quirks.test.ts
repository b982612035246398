// Real pages' quirks (issue 13, pages): JSON-LD in CDATA, page-type headlines, site suffixes,
// visible bylines, dates with offsets or impossible parts, visible and URL dates, a lang attribute
// that is wrong, and body extraction misses. Each fixture is a small page shaped like the real ones.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractHtml } from './extract.js';
import { normaliseDate, normaliseLanguage, withoutSiteName } from './metadata.js';

const P1 =
  'Northwind Cloud said on Tuesday it will build three data centres in Ohio, each drawing about 300MW, to serve model makers that cannot find capacity elsewhere.';
const P2 =
  'The company, which rents out graphics processors by the hour, expects the first site to open next spring. Its chief executive, Dana Reyes, called demand “relentless”.';
const P3 =
  'Rivals have announced similar plans this year, and analysts warn that power, not chips, is now the constraint on growth for the whole sector.';

const page = (head: string, body: string, htmlAttrs = 'lang="en"'): string =>
  `<!DOCTYPE html>\n<html ${htmlAttrs}>\n<head>\n<meta charset="utf-8">\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>`;

describe('JSON-LD wrapped for old parsers', () => {
  const ld =
    '{"@context":"http:\\/\\/schema.org","@type":"NewsArticle","headline":"Northwind bets on Ohio","datePublished":"2018-04-05T06:00:00-04:00","author":{"@type":"Person","name":"Daniel Kahn Gillmor"},"publisher":{"@type":"Organization","name":"Example Wire"}}';
  for (const [name, wrapped] of [
    ['a bare CDATA section (Drupal)', `\n        <![CDATA[\n        ${ld}\n        ]]>\n      `],
    ['CDATA behind line comments', `//<![CDATA[\n${ld}\n//]]>`],
    ['CDATA behind block comments', `/*<![CDATA[*/ ${ld} /*]]>*/`],
    ['an HTML comment', `<!--\n${ld}\n-->`],
  ] as const) {
    it(`reads ${name}`, () => {
      const r = extractHtml(
        page(
          `<title>Northwind bets on Ohio | Example Wire</title><script type="application/ld+json">${wrapped}</script>`,
          `<article><p>${P1}</p><p>${P2}</p></article>`,
        ),
      );
      assert.equal(r.byline, 'Daniel Kahn Gillmor');
      assert.equal(r.published, '2018-04-05T10:00:00Z');
      assert.equal(r.siteName, 'Example Wire');
      assert.equal(r.title, 'Northwind bets on Ohio');
    });
  }
});

describe('titles', () => {
  it('a JSON-LD headline that describes the page type does not beat the title its other titles agree on', () => {
    const head = `<title>List of films featuring time loops - Wikipedia</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","name":"List of films featuring time loops","headline":"Wikimedia list article","publisher":{"@type":"Organization","name":"Wikimedia Foundation, Inc."}}</script>`;
    const r = extractHtml(
      page(
        head,
        `<h1 id="firstHeading">List of films featuring time loops</h1><div id="content"><p>${P1}</p><p>${P2}</p></div>`,
      ),
    );
    assert.equal(r.title, 'List of films featuring time loops');
  });

  it('a rewritten JSON-LD headline yields to the visible h1 that says the same thing in other words', () => {
    // The reader sees the h1; the JSON-LD variant is kept among the other titles.
    const head = `<title>Apple’s Vision Pro hands-on - The Verge</title><meta property="og:title" content="Apple’s Vision Pro is the Retina display moment for headsets">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Apple’s Vision Pro hands-on: the Retina display moment for headsets"}</script>`;
    const r = extractHtml(
      page(
        head,
        `<h1>Apple’s Vision Pro is the Retina display moment for headsets</h1><article><p>${P1}</p></article>`,
      ),
    );
    assert.equal(r.title, 'Apple’s Vision Pro is the Retina display moment for headsets');
    // Without a visible headline the rewritten JSON-LD headline still wins over og:title.
    const hidden = extractHtml(page(head, `<article><p>${P1}</p></article>`));
    assert.equal(hidden.title, 'Apple’s Vision Pro hands-on: the Retina display moment for headsets');
  });

  it("og:title's site suffix is dropped when the site name is known, kept when it is not", () => {
    const bbc = extractHtml(
      page(
        `<meta property="og:title" content="Obama admits US gun laws are his 'biggest frustration' - BBC News"><meta property="og:site_name" content="BBC News">`,
        `<p>${P1}</p>`,
      ),
    );
    assert.equal(bbc.title, "Obama admits US gun laws are his 'biggest frustration'");
    // The site from JSON-LD's publisher, named more fully than in the title.
    const spice = extractHtml(
      page(
        `<meta property="og:title" content="Vidyard Introduces New Features on its Video Platform - Spiceworks"><script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Spiceworks Inc"}}</script>`,
        `<p>${P1}</p>`,
      ),
    );
    assert.equal(spice.title, 'Vidyard Introduces New Features on its Video Platform');
    // A site name with its motto: the title's suffix names the site, and the motto goes.
    const motto = extractHtml(
      page(
        `<meta property="og:title" content="West Ham hrozí gigantům | Aktuálně.cz"><meta property="og:site_name" content="Aktuálně.cz - Víte, co se právě děje">`,
        `<p>${P1}</p>`,
        'lang="cs"',
      ),
    );
    assert.equal(motto.title, 'West Ham hrozí gigantům');
    assert.equal(motto.siteName, 'Aktuálně.cz');
    const unknown = extractHtml(
      page(`<meta property="og:title" content="Northwind bets on Ohio - a cloud company's wager">`, `<p>${P1}</p>`),
    );
    assert.equal(unknown.title, "Northwind bets on Ohio - a cloud company's wager");
  });

  it('withoutSiteName cuts a leading or trailing part naming the site, nothing else', () => {
    assert.deepEqual(withoutSiteName('Headline here | The Site', 'The Site'), {
      title: 'Headline here',
      site: 'The Site',
    });
    assert.deepEqual(withoutSiteName('The Site: Headline here', 'The Site'), {
      title: 'Headline here',
      site: 'The Site',
    });
    assert.deepEqual(withoutSiteName('Headline - with a dash', 'The Site'), {
      title: 'Headline - with a dash',
      site: null,
    });
  });

  it('reads Dublin Core and space-separated RDFa properties', () => {
    const r = extractHtml(
      page(
        `<meta property="x:title dc:title" content="Preferred title"><meta property="og:title twitter:title" content="A title"><meta property="dc:creator twitter:site_name" content="Creator Name"><meta name="author" content="Someone else">`,
        `<p>${P1}</p>`,
      ),
    );
    assert.equal(r.title, 'Preferred title');
    assert.equal(r.byline, 'Creator Name');
  });
});

describe('bylines written on the page', () => {
  it('reads a span.*byline with a link, without its "By"', () => {
    const r = extractHtml(
      page(
        '<title>Northwind bets on Ohio</title>',
        `<article><h1>Northwind bets on Ohio</h1><span class="pb-byline">By <span class="author vcard"><a class="url fn n" href="/people/erin-cunningham/">Erin Cunningham</a></span></span><p>${P1}</p><p>${P2}</p></article>`,
      ),
    );
    assert.equal(r.byline, 'Erin Cunningham');
  });

  it('takes the name from a byline line carrying a date, a time and a handle', () => {
    const r = extractHtml(
      page(
        '<title>T</title>',
        `<div class="author-byline">by <a href="/profiles/steven-musil/" rel="author">Steven Musil</a> <time datetime="2017-01-18T23:00:00-08:00">January 18, 2017 11:00 PM PST</time> @stevenmusil</div><p>${P1}</p>`,
      ),
    );
    assert.equal(r.byline, 'Steven Musil');
    const dated = extractHtml(
      page(
        '<title>T</title>',
        `<p class="byline"><span class="by-author"><span class="by">by</span> <a class="byauthor" href="/author/lnolan/">Lucas Nolan</a></span><span class="bydate">22 Dec 2016</span><a class="byComments" href="#comments">651</a></p><p>${P1}</p>`,
      ),
    );
    assert.equal(dated.byline, 'Lucas Nolan');
  });

  it("reads the name's line, not the job title under it; a body class 'author-4326' is no byline", () => {
    const r = extractHtml(
      page(
        '<title>T</title>',
        `<div class="author Mb(4px)"><a class="author-link" href="/author/ben-silverman">Ben Silverman</a><div class="author-title">Games Editor</div></div><p>${P1}</p>`,
        'lang="en"',
      ).replace('<body>', '<body class="author-4326 single">'),
    );
    assert.equal(r.byline, 'Ben Silverman');
    const none = extractHtml(
      page('<title>T</title>', `<p>${P1}</p>`).replace('<body>', '<body class="author-4326 single-post">'),
    );
    assert.equal(none.byline, null);
  });
});

describe('dates', () => {
  it('keeps the offset: 09:53 at -0400 is 13:53Z', () => {
    assert.equal(normaliseDate('2015-07-10 09:53:00 -0400'), '2015-07-10T13:53:00Z');
    assert.equal(normaliseDate('2020-07-10T14:15:42+0530'), '2020-07-10T08:45:42Z');
    assert.equal(normaliseDate('2020-07-10T14:15:42 GMT'), '2020-07-10T14:15:42Z');
    const r = extractHtml(
      page('<meta property="article:published_time" content="2015-07-10 09:53:00 -0400">', `<p>${P1}</p>`),
    );
    assert.equal(r.published, '2015-07-10T13:53:00Z');
  });

  it('rejects impossible dates and times and reads the next source instead', () => {
    assert.equal(normaliseDate('2019-01-01T25:14:55Z'), null);
    assert.equal(normaliseDate('2019-13-01'), null);
    assert.equal(normaliseDate('2019-02-30T10:00:00Z'), null);
    assert.equal(normaliseDate('2019-01-01T12:60:00'), null);
    assert.equal(normaliseDate('2012年13月17日'), null);
    const r = extractHtml(
      page(
        '<meta property="article:published_time" content="2019-01-01T25:14:55Z"><meta name="pubdate" content="2019-01-01T21:14:55Z">',
        `<p>${P1}</p>`,
      ),
    );
    assert.equal(r.published, '2019-01-01T21:14:55Z');
  });

  it('reads a Chinese dateline beside the headline, with its time, when the page has no date metadata', () => {
    const html = page(
      '<title>西吉土豆的新景致_新闻中心</title>',
      `<div class="title"><h1>西吉土豆的新景致</h1><div class="info">2012年01月17日 08:30　来源：人民网</div></div><div id="content"><p>在西海固，土豆是“丰年菜、荒年粮”，一直扮演着“救命蛋”的重要角色。可是，随着年复一年的种植，病害不断在种子和土壤中积累。</p><p>技术专家说，二十五天成苗后，就可以移栽到雾培室进行原原种的孕育了。</p></div>`,
      'lang="zh-CN"',
    );
    const r = extractHtml(html);
    assert.equal(r.published, '2012-01-17T08:30:00');
    assert.equal(r.publishedFrom, 'dateline');
    assert.equal(r.dateline, '2012-01-17');
  });

  it("reads the day in the page's address when nothing else dates it", () => {
    const r = extractHtml(
      page('<title>Northwind bets on Ohio</title>', `<article><p>${P1}</p><p>${P2}</p></article>`),
      { url: 'https://news.example.com/2024/03/09/northwind-ohio' },
    );
    assert.equal(r.published, '2024-03-09');
    assert.equal(r.publishedFrom, 'url');
    const undated = extractHtml(page('<title>Northwind bets on Ohio</title>', `<article><p>${P1}</p></article>`), {
      url: 'https://news.example.com/tech/northwind-ohio',
    });
    assert.equal(undated.published, null);
  });
});

describe('language: the lang attribute is evidence, the text decides', () => {
  const ZH_HANT =
    '北風雲公司週二表示，將在俄亥俄州興建三座資料中心，每座耗電約三百百萬瓦，為找不到算力的模型公司提供服務。分析師認為，電力而非晶片，已成為整個產業成長的限制。';
  it('lang="utf-8" is no language', () => {
    assert.equal(normaliseLanguage('utf-8'), null);
    assert.equal(normaliseLanguage('xx'), null);
    assert.equal(normaliseLanguage('zh-Hant-TW'), 'zh');
    assert.equal(
      extractHtml(page('<title>Northwind bets on Ohio</title>', `<p>${P1}</p><p>${P2}</p>`, 'lang="utf-8"')).language,
      'en',
    );
  });

  it('a traditional-Chinese page marked lang="en" is Chinese', () => {
    const r = extractHtml(
      page(
        '<title>北風雲押注俄亥俄州</title>',
        `<div class="article"><p>${ZH_HANT}</p><p>${ZH_HANT}</p></div>`,
        'lang="en"',
      ),
    );
    assert.equal(r.language, 'zh');
  });

  it('an English page marked Chinese is English; a declared language the text agrees with or cannot judge stays', () => {
    assert.equal(
      extractHtml(page('<title>Northwind</title>', `<p>${P1}</p><p>${P2}</p><p>${P3}</p>`, 'lang="zh-CN"')).language,
      'en',
    );
    assert.equal(extractHtml(page('<title>Northwind</title>', `<p>${P1}</p>`, 'lang="en-GB"')).language, 'en');
    const fr =
      'La société a annoncé mardi la construction de trois centres de données dans l’Ohio, pour servir les entreprises qui ne trouvent pas de capacité ailleurs.';
    assert.equal(extractHtml(page('<title>Northwind</title>', `<p>${fr}</p>`, 'lang="fr"')).language, 'fr');
  });
});

describe('extraction misses on real pages', () => {
  it('keeps an article whose whole body sits inside one link', () => {
    const body = `<div id="main"><a href="/2024/03/northwind-ohio" class="story-link">\n  <h2>Northwind bets on Ohio</h2>\n  <p>${P1}</p>\n  <p>${P2}</p>\n  <p>${P3}</p>\n</a></div><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>`;
    const r = extractHtml(page('<title>Northwind bets on Ohio</title>', body));
    assert.deepEqual(r.paragraphs.slice(-3), [P1, P2, P3]);
  });

  it('a teaser link around a headline and dek is still not the article', () => {
    const body = `<article><p>${P1}</p><p>${P2}</p><p>${P3}</p></article><div class="more"><a href="/other"><h3>Another story entirely</h3><p>A dek that runs long enough to look like a sentence, about another company.</p></a></div>`;
    const r = extractHtml(page('<title>T</title>', body));
    assert.deepEqual(r.paragraphs, [P1, P2, P3]);
  });

  it('a section whose class mentions sharing keeps its paragraphs; the share bar itself goes', () => {
    const P4 =
      'The first site, near Columbus, is due to draw power from a new gas plant and a solar farm, the company added in its statement.';
    const P5 =
      'Analysts at two banks said the plan, if completed, would make Northwind one of the five largest renters of accelerators, ahead of several older rivals.';
    const body = `<article class="post"><div class="entry"><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P1}</p></div><section class="sharing-enabled"><p>${P4}</p><p>${P5}</p></section><div class="sharing"><a href="https://twitter.com/share">Twitter</a> <a href="https://facebook.com/share">Facebook</a> <span>Share this article</span></div></article>`;
    const r = extractHtml(page('<title>T</title>', body));
    assert.deepEqual(r.paragraphs, [P1, P2, P3, P1, P4, P5]);
  });

  it('an unnamed comment thread after its heading is not appended', () => {
    const body = `<div class="post"><p>${P1}</p><p>${P2}</p><h3>3 Comments</h3><div class="c1"><p>Great piece, though I think the power question is overstated by most analysts, honestly.</p></div><div class="c2"><p>Ohio has cheap power, so this makes sense to me as a long-time reader of the site.</p></div></div>`;
    const r = extractHtml(page('<title>T</title>', body));
    assert.deepEqual(r.paragraphs, [P1, P2]);
    const wp = extractHtml(
      page(
        '<title>T</title>',
        `<div class="post"><p>${P1}</p><p>${P2}</p><h2>2 thoughts on “Northwind bets on Ohio”</h2><div><p>Interesting move, and the timing with the new tariffs is hardly a coincidence either.</p></div></div>`,
      ),
    );
    assert.deepEqual(wp.paragraphs, [P1, P2]);
  });

  it('the next story an endless-scroll page appends is not part of the article', () => {
    const next =
      'Meanwhile a chip start-up in Austin raised $40 million to build inference accelerators, its founders said, with first samples due late next year.';
    const body = `<main><article class="story"><h1>Northwind bets on Ohio</h1><p>${P1}</p><p>${P2}</p></article><article class="story"><h2>Austin chip start-up raises $40 million</h2><p>${next}</p><p>${next.replace('Austin', 'Texas')}</p></article></main>`;
    const r = extractHtml(page('<title>Northwind bets on Ohio</title>', body));
    assert.deepEqual(r.paragraphs, [P1, P2]);
  });

  it('a short article marked as the body beats a longer promo box and sidebar teaser', () => {
    const promo =
      'Join thousands of readers who get our morning briefing, with the day’s most important stories, analysis from our reporters, and exclusive interviews, delivered free to your inbox every weekday, so you never miss what matters.';
    const body = `<div class="layout"><div class="col-main"><h1>Northwind bets on Ohio</h1><div class="article-body"><p>${P1}</p><p>${P2}</p></div></div><div class="col-side"><div class="box">${`<p>${promo}</p>`.repeat(6)}</div><div class="box"><p>${P3} ${P3}</p><p>${P3}</p></div></div></div>`;
    const r = extractHtml(page('<title>Northwind bets on Ohio</title>', body));
    assert.deepEqual(r.paragraphs, [P1, P2]);
  });

  it("a how-to's steps, each in its own wrapper, are one article", () => {
    const steps = [
      'Parties hosted at restaurants and country clubs save hours of cleaning, but that convenience comes with a price tag, often thousands of dollars.',
      'Instead of hiring a DJ, use a phone to play the music, which hooks up to most speakers and costs nothing, and make a playlist of the grad’s songs.',
      'Avoid canned drinks, which guests often open but do not finish, and serve pitchers of water with lemon, cucumber or strawberries instead.',
      'Scale back the guest list, and skip people you have not seen for years, so there is more time to spend with the people who matter, too.',
    ];
    const step = (i: number): string =>
      `<div class="mod step"><div class="stepContent mod"><h2>Step ${i + 1}</h2><div class="content"><p>${steps[i]}</p></div></div></div>`;
    const body = `<div class="col-main"><article data-type="article">${step(0)}<div class="AdUnit mod"></div><span><span>${step(1)}</span></span><span><span>${step(2)}</span></span><span><span>${step(3)}</span></span></article></div><div class="col-side"><p>Short sidebar note, with a comma.</p></div>`;
    const r = extractHtml(page('<title>How to Throw a Graduation Party on a Budget</title>', body));
    assert.deepEqual(
      r.paragraphs.filter((p) => !p.startsWith('Step ')),
      steps,
    );
  });

  it('a formula stays in its sentence', () => {
    const mathml = '<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>a</mi><mo>≠</mo><mn>0</mn></math>';
    const withTex = '<math alttext="{\\displaystyle E=mc^{2}}"><semantics><mrow><mi>E</mi></mrow></semantics></math>';
    const annotated =
      '<math><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">x^2</annotation></semantics></math>';
    const r = extractHtml(
      page(
        '<title>T</title>',
        `<article><p>When ${mathml}, there are two solutions, the authors write in a long enough paragraph.</p><p>Einstein wrote ${withTex} in 1905, a result that changed physics, as this paragraph says.</p><p>The square ${annotated} grows fast, faster than the line does, as shown in the figure above.</p></article>`,
      ),
    );
    assert.equal(r.paragraphs[0], 'When a≠0 , there are two solutions, the authors write in a long enough paragraph.');
    assert.match(r.paragraphs[1]!, /^Einstein wrote E=mc\^\{2\} in 1905/);
    assert.match(r.paragraphs[2]!, /^The square x\^2 grows fast/);
  });
});
