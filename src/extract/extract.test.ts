import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractHtml, extractMarkdown, extractPlainText } from './extract.js';

// Invented outlet and prose, written for these tests.
const P1 =
  'Northwind Cloud said on Tuesday it will build three data centres in Ohio, each drawing about 300MW, to serve model makers that cannot find capacity elsewhere.';
const P2 =
  'The company, which rents out graphics processors by the hour, expects the first site to open next spring. Its chief executive, Dana Reyes, called demand “relentless”.';
const ZH1 = '北风云公司周二表示，将在俄亥俄州建设三座数据中心，每座耗电约三百兆瓦，为找不到算力的模型公司提供服务。';
const P3 =
  'Rivals have announced similar plans this year, and analysts warn that power, not chips, is now the constraint on growth for the whole sector.';

function page(head: string, body: string, htmlAttrs = 'lang="en-US"'): string {
  return `<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`;
}

const ARTICLE_BODY = `
  <header class="site-header"><nav><a href="/">Home</a> <a href="/tech">Tech</a> <a href="/zh">中文</a></nav></header>
  <main>
    <article>
      <h1>Northwind bets on Ohio data centres</h1>
      <div class="share-bar"><a href="#">Share on X</a> <a href="#">Facebook</a></div>
      <div class="article-body">
        <p>${P1}</p>
        <figure><img src="/img/site.webp"><figcaption>The planned site. Photo: Northwind</figcaption></figure>
        <p>${P2}</p>
        <h2>Power is the limit</h2>
        <p>${P3}</p>
        <p>Advertisement</p>
      </div>
      <section class="related-articles"><h3>Related articles</h3><ul>
        <li><a href="/a">Another cloud firm raises money</a></li>
        <li><a href="/b">Chip shortage eases in Asia</a></li></ul></section>
      <div id="comments"><h3>Comments (0)</h3><p>No comments yet, be the first!</p></div>
    </article>
  </main>
  <aside class="sidebar"><h3>Most read</h3><p>Something else entirely that readers clicked on today, a long teaser sentence.</p></aside>
  <footer><p>© 2026 Example Wire. All rights reserved.</p><p>We use cookies to improve your experience.</p></footer>`;

describe('extractHtml: main text', () => {
  it('keeps the article paragraphs and subheading, drops the furniture', () => {
    const r = extractHtml(page('<title>Northwind bets on Ohio data centres | Example Wire</title>', ARTICLE_BODY));
    assert.deepEqual(r.paragraphs, [P1, P2, 'Power is the limit', P3]);
  });

  it('reads loose text split by <br> in an old table layout', () => {
    const html = `<html><body><table><tr><td><a href="/">首页</a> | <a href="/b">博客</a></td></tr>
      <tr><td>北风云周二表示，将在俄亥俄州建设三个数据中心，每个耗电约三百兆瓦，服务于找不到算力的模型公司。<br><br>
      该公司按小时出租图形处理器，预计第一个站点将于明年春季启用，其首席执行官称需求“非常旺盛”。<br><br>
      分析人士警告说，电力而不是芯片，正在成为整个行业增长的瓶颈，多家竞争对手今年也宣布了类似计划。</td></tr></table></body></html>`;
    const r = extractHtml(html);
    assert.equal(r.paragraphs.length, 3);
    assert.ok(r.paragraphs[0]?.startsWith('北风云周二表示'));
  });
});

describe('extractHtml: metadata', () => {
  it('reads JSON-LD first', () => {
    const head = `<title>Ignored | Example Wire</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example Wire"},
        {"@type":"NewsArticle","headline":"Northwind bets on Ohio","datePublished":"2026-05-10T08:30:00+02:00",
         "author":[{"@type":"Person","name":"Ada Park"},{"@type":"Person","name":"Li Wei"}],
         "publisher":{"@type":"Organization","name":"Example Wire"},"image":{"url":"/img/lead.jpg"}}]}</script>`;
    const r = extractHtml(page(head, `<p>${P1}</p>`), { url: 'https://news.example.com/2026/05/northwind' });
    assert.equal(r.title, 'Northwind bets on Ohio');
    assert.equal(r.byline, 'Ada Park, Li Wei');
    assert.equal(r.published, '2026-05-10T06:30:00Z');
    assert.equal(r.siteName, 'Example Wire');
    assert.equal(r.leadImage, 'https://news.example.com/img/lead.jpg');
    assert.equal(r.language, 'en');
  });

  it('reads OpenGraph and meta tags, resolving URLs against <base>', () => {
    const head = `<base href="https://cdn.example.org/wire/">
      <meta property="og:title" content="Northwind bets on Ohio">
      <meta property="og:site_name" content="Example Wire">
      <meta property="og:image" content="images/lead.png">
      <meta property="og:locale" content="zh_CN">
      <meta name="author" content="Ada Park">
      <meta name="description" content="A cloud company plans three sites.">
      <meta property="article:published_time" content="2026-05-10">
      <link rel="canonical" href="/articles/northwind">`;
    const r = extractHtml(page(head, `<p>${ZH1}</p>`, ''), { url: 'https://news.example.com/x?utm_source=feed' });
    assert.equal(r.title, 'Northwind bets on Ohio');
    assert.equal(r.siteName, 'Example Wire');
    assert.equal(r.leadImage, 'https://cdn.example.org/wire/images/lead.png');
    assert.equal(r.canonicalUrl, 'https://cdn.example.org/articles/northwind');
    assert.equal(r.language, 'zh');
    assert.equal(r.byline, 'Ada Park');
    assert.equal(r.description, 'A cloud company plans three sites.');
    assert.equal(r.published, '2026-05-10');
  });

  it('falls back to <time> and the <title> without the site name', () => {
    const body = `<article><time datetime="2026-05-09T14:00:00Z">May 9</time><p>${P1}</p><p>${P2}</p></article>`;
    const r = extractHtml(page('<title>Northwind bets on Ohio data centres - Example Wire</title>', body));
    assert.equal(r.title, 'Northwind bets on Ohio data centres');
    assert.equal(r.published, '2026-05-09T14:00:00Z');
    assert.equal(r.canonicalUrl, null);
  });

  it('reads a Chinese date', () => {
    const r = extractHtml(
      page('<meta name="pubdate" content="2026年5月10日 09:15">', `<p>${ZH1}</p>`, 'lang="zh-Hans-CN"'),
    );
    assert.equal(r.published, '2026-05-10T09:15:00');
    assert.equal(r.language, 'zh');
  });

  it('survives malformed JSON-LD', () => {
    const head =
      '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><title>Plain title here</title>';
    const r = extractHtml(page(head, `<p>${P1}</p>`));
    assert.equal(r.title, 'Plain title here');
  });
});

describe('extractHtml: canonical address', () => {
  it('prefers rel=canonical to og:url', () => {
    const head =
      '<meta property="og:url" content="https://wire.example/b?utm_source=x"><link rel="canonical" href="https://wire.example/a">';
    assert.equal(extractHtml(page(head, `<p>${P1}</p>`)).canonicalUrl, 'https://wire.example/a');
  });
  it('drops tracking parameters from og:url, keeps the others', () => {
    const head =
      '<meta property="og:url" content="https://wire.example/p/northwind?id=7&utm_source=feed&utm_medium=rss&ref=home#top">';
    assert.equal(extractHtml(page(head, `<p>${P1}</p>`)).canonicalUrl, 'https://wire.example/p/northwind?id=7');
  });
});

describe('extractHtml: bilingual pages', () => {
  const EN = [
    'Northwind Cloud will spend $40 billion on new data centres over five years.',
    'The company said demand from model makers has outrun its supply of chips.',
    'Analysts called the plan a bet on the neocloud model.',
  ];
  const ZH = [
    '北风云将在五年内斥资 400 亿美元建设新的数据中心。',
    '该公司表示，模型公司的需求已经超过了其芯片供应。',
    '分析人士称这一计划是对“新云”(neocloud)模式的押注。',
  ];

  it('interleaved: English paragraph, then its Chinese translation', () => {
    const body = `<article><h1>Northwind bets big</h1><p>北风大举押注</p>${EN.map((e, i) => `<p>${e}</p><p>${ZH[i]}</p>`).join('')}</article>`;
    const r = extractHtml(page('<title>Northwind bets big</title>', body));
    assert.equal(r.bilingual?.layout, 'interleaved');
    assert.equal(r.bilingual?.titleEn, 'Northwind bets big');
    assert.equal(r.bilingual?.titleZh, '北风大举押注');
    assert.deepEqual(
      r.bilingual?.pairs,
      EN.map((en, i) => ({ en, zh: ZH[i] })),
    );
    // The Chinese title is the title, not the first paragraph of the body.
    assert.deepEqual(
      r.paragraphs,
      EN.flatMap((en, i) => [en, ZH[i]]),
    );
  });

  it('inline: each block holds English then Chinese', () => {
    const body = `<div class="post-content">${EN.map((e, i) => `<p>${e}${ZH[i]}</p>`).join('\n')}</div>`;
    const r = extractHtml(page('<title>Northwind bets big</title>', body));
    assert.equal(r.bilingual?.layout, 'inline');
    assert.deepEqual(
      r.bilingual?.pairs,
      EN.map((en, i) => ({ en, zh: ZH[i] })),
    );
  });

  it('a Chinese article with English names is not bilingual', () => {
    const body = `<article>
      <p>OpenAI 周一发布了新模型，称其推理能力大幅提升，并将首先向企业客户开放。</p>
      <p>微软(Microsoft)和英伟达(Nvidia)随即表示将提供算力与云服务支持。</p>
      <p>分析师认为，这将加剧与 Anthropic 和 Google DeepMind 之间的竞争。</p></article>`;
    const r = extractHtml(page('<title>新模型发布</title>', body, 'lang="zh"'));
    assert.equal(r.bilingual, null);
    assert.equal(r.paragraphs.length, 3);
  });
});

describe('extractHtml: bad input never throws', () => {
  const cases: Array<[string, string]> = [
    ['empty string', ''],
    ['whitespace', '   \n\t '],
    ['control characters and replacement characters', '\u0000\u0001\u0002\uFFFD\uFFFD\u0007 \u0000'],
    [
      'only markup',
      '<html><head><script>var a = 1;</script></head><body><nav><a href="/">Home</a></nav></body></html>',
    ],
    ['unbalanced angle brackets', '<<<>>><p <div </'],
  ];
  for (const [name, html] of cases) {
    it(name, () => {
      const r = extractHtml(html);
      assert.deepEqual(r.paragraphs, []);
      assert.equal(r.bilingual, null);
    });
  }

  it('unclosed tags still give the text', () => {
    const r = extractHtml(`<html><body><div class="content"><p>${P1}<p>${P2}<p>${P3}<div>`);
    assert.deepEqual(r.paragraphs, [P1, P2, P3]);
  });
});

describe('extractMarkdown and extractPlainText', () => {
  it('reads front matter, the first heading and Markdown syntax', () => {
    const md = `---\ntitle: Northwind bets big\nauthor: Ada Park\ndate: 2026-05-10\n---\n# Ignored heading\n\n${P1}\n\n![chart](chart.png)\n\n## Power\n\n- Sites in **Ohio**\n- A [source](https://example.com)\n`;
    const r = extractMarkdown(md, { url: 'https://example.com/n' });
    assert.equal(r.title, 'Northwind bets big');
    assert.equal(r.byline, 'Ada Park');
    assert.equal(r.published, '2026-05-10');
    // The document's own # heading is its title: not repeated as body text.
    assert.deepEqual(r.paragraphs, [P1, 'Power', 'Sites in Ohio', 'A source']);
  });

  it('takes the first # heading as the title without front matter', () => {
    const r = extractMarkdown(`# Northwind bets big\n\n${P1}\n${P2}`);
    assert.equal(r.title, 'Northwind bets big');
    // Two long lines that each end a sentence are a body written one paragraph per line (markdown.test.ts).
    assert.deepEqual(r.paragraphs, [P1, P2]);
  });

  it('splits plain text on blank lines and drops clutter', () => {
    const r = extractPlainText(
      `Northwind bets big\n\n${P1}\n\n4.webp\n\n${P2}\n\nComments (0)\n\n微信扫一扫关注我们\n`,
    );
    assert.equal(r.title, 'Northwind bets big');
    assert.deepEqual(r.paragraphs, [P1, P2]);
  });

  it('a Markdown byline line becomes byline and date, not a paragraph', () => {
    const r = extractMarkdown(
      `# Northwind bets on Ohio\n\n*By Jane Doe · Example Notes · 10 May 2026*\n\n${P1}\n\n${P2}\n`,
    );
    assert.equal(r.byline, 'Jane Doe');
    assert.equal(r.published, '2026-05-10');
    assert.deepEqual(r.paragraphs, [P1, P2]);
  });

  it('front matter wins over the byline line, which still leaves the body', () => {
    const r = extractMarkdown(
      `---\nauthor: Omar Quist\ndate: 2026-05-11\n---\n# Northwind\n\nBy Jane Doe · 10 May 2026\n\n${P1}\n`,
    );
    assert.equal(r.byline, 'Omar Quist');
    assert.equal(r.published, '2026-05-11');
    assert.deepEqual(r.paragraphs, [P1]);
  });

  it('a Chinese plain-text byline line under the title', () => {
    const zh = '北风云周二表示，将在俄亥俄州建设三个数据中心。';
    const r = extractPlainText(`北风押注俄亥俄\n\n北风快讯 ｜ 作者：张三 ｜ 2026-05-10\n\n${zh}\n\n${zh}`);
    assert.equal(r.title, '北风押注俄亥俄');
    assert.equal(r.byline, '张三');
    assert.equal(r.published, '2026-05-10');
    assert.deepEqual(r.paragraphs, [zh, zh]);
  });

  it('an outlet-and-date line in plain text', () => {
    const r = extractPlainText(`Northwind bets on Ohio\n\nExample Institute Notes — May 10, 2026\n\n${P1}`);
    assert.equal(r.byline, 'Example Institute Notes');
    assert.equal(r.published, '2026-05-10');
    assert.deepEqual(r.paragraphs, [P1]);
  });

  it('empty text gives no paragraphs', () => {
    assert.deepEqual(extractPlainText('').paragraphs, []);
    assert.deepEqual(extractMarkdown('').paragraphs, []);
  });
});
