// Feeds in wide and legacy encodings, decoded by decodeBytes and read by parseFeed: the decode a
// feed goes through on disk and over HTTP (issue 13, item 4: UTF-16/UTF-32 with or without a BOM).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeBytes, type DecodeHints } from './decode.js';
import { parseFeed } from '../sources/feed.js';

// Invented sample items.
const rss = (decl: string, title: string, items: string[]): string =>
  `${decl}<rss version="2.0"><channel><title>${title}</title><link>https://news.example/</link>${items
    .map(
      (t, i) =>
        `<item><title>${t}</title><link>https://news.example/${i}</link><pubDate>Mon, 07 Dec 2026 0${i}:00:00 GMT</pubDate></item>`,
    )
    .join('')}</channel></rss>`;
const atom = (decl: string, title: string, items: string[]): string =>
  `${decl}<feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title><id>urn:x</id><updated>2026-12-07T00:00:00Z</updated>${items
    .map(
      (t, i) =>
        `<entry><title>${t}</title><id>urn:x:${i}</id><link href="https://news.example/${i}"/><updated>2026-12-07T0${i}:00:00Z</updated></entry>`,
    )
    .join('')}</feed>`;

const TITLES = ['Новая модель «Север» втрое быстрее', '星河智能发布新模型', 'Νέο γλωσσικό μοντέλο'];

function readFeed(
  bytes: Uint8Array,
  hints: DecodeHints,
): { charset: string; title: string | null; items: Array<string | null> } {
  const decoded = decodeBytes(bytes, hints);
  assert.ok(decoded.ok, decoded.ok ? '' : decoded.message);
  const feed = parseFeed(decoded.value.text, { baseUrl: 'https://news.example/feed' });
  assert.ok(feed.ok, feed.ok ? '' : feed.message);
  return { charset: decoded.value.charset, title: feed.value.title, items: feed.value.items.map((i) => i.title) };
}

for (const charset of ['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be']) {
  for (const addBOM of [true, false]) {
    test(`an RSS and an Atom feed in ${charset} ${addBOM ? 'with' : 'without'} a BOM are read whole`, () => {
      for (const make of [rss, atom]) {
        for (const decl of [
          '<?xml version="1.0" encoding="UTF-16"?>\n',
          '<?xml version="1.0"?>',
          '<!-- feed -->\n',
          '',
        ]) {
          const bytes = new Uint8Array(iconv.encode(make(decl, 'AI-новости', TITLES), charset, { addBOM }));
          for (const hints of [{ kind: 'xml' }, {}, { contentType: 'application/rss+xml' }] as DecodeHints[]) {
            const feed = readFeed(bytes, hints);
            assert.equal(feed.charset, charset);
            assert.equal(feed.title, 'AI-новости');
            assert.deepEqual(feed.items, TITLES);
          }
        }
      }
    });
  }
}

test('a feed served as "charset=utf-16" without a BOM is read in the byte order of its bytes', () => {
  for (const charset of ['utf-16le', 'utf-16be']) {
    const bytes = new Uint8Array(iconv.encode(rss('<?xml version="1.0" encoding="utf-16"?>', 'AI', TITLES), charset));
    const feed = readFeed(bytes, { contentType: 'application/rss+xml; charset=utf-16' });
    assert.equal(feed.charset, charset);
    assert.deepEqual(feed.items, TITLES);
  }
});

test('legacy feeds: the XML declaration is honoured, and an undeclared KOI8-R feed is detected', () => {
  const ru = [
    'Компания представила новую языковую модель',
    'Аналитики ждут снижения цен на вычисления',
    'Регулятор опубликовал проект правил',
  ];
  for (const charset of ['windows-1251', 'koi8-r', 'iso-8859-5']) {
    const declared = readFeed(
      new Uint8Array(iconv.encode(rss(`<?xml version="1.0" encoding="${charset}"?>`, 'Новости', ru), charset)),
      { kind: 'xml' },
    );
    assert.equal(declared.charset, charset);
    assert.deepEqual(declared.items, ru);
  }
  const undeclared = readFeed(new Uint8Array(iconv.encode(rss('<?xml version="1.0"?>', 'Новости', ru), 'koi8-r')), {
    kind: 'xml',
  });
  assert.equal(undeclared.charset, 'koi8-r');
  assert.deepEqual(undeclared.items, ru);
});
