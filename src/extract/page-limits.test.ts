// Deeply nested and costly pages: each tree walk is iterative (a tree far deeper than the call stack
// allows is read when the bounds are raised for the test), the bounds refuse what exceeds them
// with a message naming the page and the limit, and the quadratic cases that were found stay linear.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOpml } from '../sources/opml.js';
import { stripMarkup } from '../sources/strip-markup.js';
import { extractHtml, extractMarkdown, extractPage } from './extract.js';
import { extractPageIsolated } from './extract-isolated.js';
import { PAGE_LIMITS, PageLimitError } from './page-limits.js';
import { parseBounded } from './parse-html.js';

// Invented prose.
const P = [
  'Fenwick Grid said on Monday that its battery yard in the valley now stores 80MWh, enough to carry the town through an evening peak.',
  'The yard was built in eleven months, and the company expects a second one, twice the size, to open by the end of next year.',
  'Its engineers said the cells are cooled by air alone, which keeps the running cost low, according to a statement from the firm.',
];
const ARTICLE = P.map((p) => `<p>${p}</p>`).join('');
const nest = (open: string, close: string, depth: number, inner: string): string =>
  open.repeat(depth) + inner + close.repeat(depth);
const page = (body: string, head = '<title>Fenwick Grid stores 80MWh</title>'): string =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

/** Bounds raised far past what the call stack allows a recursive walk (about 3,000 to 10,000 levels). */
const HIGH = { ...PAGE_LIMITS, maxDepth: 1_000_000, maxElements: 10_000_000, maxEndTags: 10_000_000 };

/** How deep the smallest possible recursive function gets in this process before the stack overflows: the
 * ceiling for any recursive tree walk, whose frames are bigger. */
function recursionCeiling(): number {
  let depth = 0;
  const down = (): void => {
    depth++;
    down();
  };
  try {
    down();
  } catch {
    // RangeError: Maximum call stack size exceeded
  }
  return depth;
}
/** Twice that ceiling (about 28,000 levels on Node 20): a recursive walk cannot read a tree this deep. Not deeper,
 * because htmlparser2 keeps its open-element stack with Array#unshift, which makes parsing quadratic in the depth
 * (100,000 levels took about 8 s of CPU per page; the default bound of 1,000 levels keeps that cost negligible). */
const DEEP = 2 * recursionCeiling();

function throwsLimit(fn: () => unknown, kind: PageLimitError['kind']): void {
  assert.throws(fn, (e: unknown) => e instanceof PageLimitError && e.kind === kind);
}

describe('tree walks are iterative', () => {
  it('reads an article nested twice as deep as the call stack allows (body, blocks, metadata, content scoring)', () => {
    const html = page(nest('<div class="wrap">', '</div>', DEEP, `<h1>Fenwick Grid stores 80MWh</h1>${ARTICLE}`));
    const shallow = extractHtml(page(`<div class="wrap"><h1>Fenwick Grid stores 80MWh</h1>${ARTICLE}</div>`));
    const deep = extractHtml(html, { limits: HIGH });
    assert.deepEqual(deep.paragraphs, P);
    assert.deepEqual(deep, shallow);
  });

  it('reads nested inline elements, nested headings and nested furniture', () => {
    const inline = page(`<article><p>${nest('<b>', '</b>', DEEP, P[0]!)}</p><p>${P[1]}</p><p>${P[2]}</p></article>`);
    assert.deepEqual(extractHtml(inline, { limits: HIGH }).paragraphs, P);
    const headings = page(
      `${nest('<h1><span>', '</span></h1>', DEEP / 2, 'Headline')}<article>${ARTICLE}</article>`,
      '',
    );
    assert.equal(extractHtml(headings, { limits: HIGH }).title, 'Headline');
    const furniture = page(
      `<article>${ARTICLE}</article>${nest('<aside class="sidebar">', '</aside>', DEEP, '<p>More stories from the network</p>')}`,
    );
    assert.deepEqual(extractHtml(furniture, { limits: HIGH }).paragraphs, P);
  });

  it('reads JSON-LD nested deeper than JSON.stringify can write out', () => {
    const author = `${'['.repeat(100_000)}{"name":"Dana Reyes"}${']'.repeat(100_000)}`;
    const head = `<title>T</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Fenwick Grid stores 80MWh","author":${author},"image":${author}}</script>`;
    const r = extractHtml(page(`<article>${ARTICLE}</article>`, head));
    assert.equal(r.byline, 'Dana Reyes');
    assert.equal(r.title, 'Fenwick Grid stores 80MWh');
  });

  it('strips feed markup past the bounds as flat text (a fragment over 10,000 elements too)', () => {
    assert.equal(
      stripMarkup('&lt;b&gt;a&lt;/b&gt; '.repeat(20_000).replace(/&lt;/g, '<').replace(/&gt;/g, '>')),
      Array.from({ length: 20_000 }, () => 'a').join(' '),
    );
    assert.equal(stripMarkup(nest('<b>', '</b>', 3_000, 'Deep &amp; bold')), 'Deep & bold');
    assert.equal(stripMarkup(nest('&lt;b&gt;', '&lt;/b&gt;', 3_000, 'escaped')), nest('<b>', '</b>', 3_000, 'escaped'));
    assert.equal(stripMarkup(`<p>a</p>${'<p'.repeat(100_000)}`), 'a');
  });

  it('reads OPML folders nested twice as deep as the call stack allows, and refuses them by default', () => {
    const opml = `<opml version="2.0"><body>${nest('<outline text="f">', '</outline>', DEEP, '<outline text="Wire" xmlUrl="https://wire.example/feed"/>')}</body></opml>`;
    const read = parseOpml(opml, { name: 'deep.opml', limits: HIGH });
    assert.ok(read.ok);
    assert.equal(read.value.length, 1);
    assert.equal(read.value[0]!.category, Array.from({ length: DEEP }, () => 'f').join(' / '));
    const refused = parseOpml(opml, { name: 'deep.opml' });
    assert.ok(!refused.ok);
    assert.equal(refused.code, 'too_large');
    assert.equal(
      refused.message,
      'deep.opml: OPML file exceeds the nesting limit (elements more than 1,000 levels deep; limit 1,000); skipped',
    );
  });
});

describe('page bounds', () => {
  it('refuses nesting past 1,000 levels, and reads 1,000', () => {
    throwsLimit(() => parseBounded(nest('<div>', '</div>', 1_001, 'x'), {}), 'depth');
    assert.doesNotThrow(() => parseBounded(nest('<div>', '</div>', 1_000, 'x'), {}));
    const r = extractPage({ format: 'html', text: page(nest('<div>', '</div>', 5_000, ARTICLE)), name: 'deep.html' });
    assert.ok(!r.ok);
    assert.equal(r.code, 'too_large');
    assert.equal(r.subject, 'deep.html');
    assert.equal(
      r.message,
      'deep.html: page exceeds the nesting limit (elements more than 1,000 levels deep; limit 1,000); skipped',
    );
  });

  it('refuses more than 200,000 elements, 200,000 end tags, 2,000,000 characters of text', () => {
    throwsLimit(() => parseBounded('<span>a</span>'.repeat(200_001), {}), 'elements');
    assert.doesNotThrow(() => parseBounded('<span>a</span>'.repeat(200_000), {}));
    throwsLimit(() => parseBounded(`<div>${'</x>'.repeat(200_001)}`, {}), 'end-tags');
    throwsLimit(() => extractHtml(page(`<p>${'word '.repeat(420_000)}</p>`)), 'text');
    const md = extractPage({ format: 'markdown', text: 'word '.repeat(420_000), name: 'long.md' });
    assert.ok(
      !md.ok &&
        /long\.md: page exceeds the text limit \(more than 2,000,000 characters of text; limit 2,000,000\); skipped/.test(
          md.message,
        ),
    );
  });
});

describe('linear where it was quadratic', () => {
  // Each of these took seconds to minutes before (the test runner's timeout catches a regression).
  it('Markdown links, tags and headings over long runs of "[", "<" and spaces', () => {
    const runs = [
      '['.repeat(200_000),
      '!['.repeat(100_000),
      '<'.repeat(200_000),
      `[a](${'('.repeat(200_000)}`,
      `[a]${'['.repeat(200_000)}`,
    ];
    for (const run of runs) assert.equal(extractMarkdown(`Intro line here.\n\n${run}x`).paragraphs.length, 2);
    assert.deepEqual(extractMarkdown(`# Title\n\n#${' '.repeat(200_000)}Spaced heading\n\nBody.`).paragraphs, [
      'Spaced heading',
      'Body.',
    ]);
    assert.deepEqual(extractMarkdown(`-${' '.repeat(200_000)}\u2028`).paragraphs, []);
  });

  it('Markdown inline syntax reads as before', () => {
    const md =
      '# T\n\nSee [the report](https://x.example/a_(b)) and ![chart](c.png) <b>now</b>, [ref][1] **bold** _it_ `code`.\n\n## Head ##';
    assert.deepEqual(extractMarkdown(md).paragraphs, ['See the report) and now , ref bold it code.', 'Head']);
  });

  it('an inline bilingual pair after a long run of opening quotes', () => {
    const text = `${'"'.repeat(200_000)}a 英伟达表示需求强劲。`;
    assert.doesNotThrow(() => extractHtml(page(`<p>${text}</p><p>${P[0]}</p>`)));
  });
});

describe('the page worker', () => {
  it('reads a page as in-process reading does', async () => {
    const text = page(`<article>${ARTICLE}</article>`);
    const r = await extractPageIsolated({ format: 'html', text, name: 'a.html' });
    assert.deepEqual(r, extractPage({ format: 'html', text, name: 'a.html' }));
  });

  it('stops a page past the time or memory limit, reports it, and reads the next page', async () => {
    const slow = await extractPageIsolated(
      { format: 'html', text: page(`<p>${'word '.repeat(300_000)}</p>`), name: 'slow.html' },
      { timeMs: 1, memoryMb: 512 },
    );
    assert.ok(!slow.ok);
    assert.equal(
      slow.message,
      'slow.html: page exceeds the time limit (still being read after 0.001 s; limit 0.001 s); skipped',
    );
    const big = await extractPageIsolated(
      { format: 'html', text: `<div>${'<p>a b c d e f g h</p>'.repeat(150_000)}`, name: 'big.html' },
      { timeMs: 60_000, memoryMb: 32 },
    );
    assert.ok(!big.ok);
    assert.equal(big.code, 'too_large');
    assert.equal(
      big.message,
      'big.html: page exceeds the memory limit (reading it needed more than 32 MB; limit 32 MB); skipped',
    );
    const next = await extractPageIsolated({
      format: 'html',
      text: page(`<article>${ARTICLE}</article>`),
      name: 'next.html',
    });
    assert.ok(next.ok);
    assert.deepEqual(next.value.paragraphs, P);
  });
});
