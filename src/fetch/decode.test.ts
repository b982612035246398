import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeBytes, type DecodeHints } from './decode.js';
import { canonicalCharset, charsetFromContentType, charsetFromMeta, charsetFromXmlDeclaration } from './charset.js';

// Invented sample prose (sample material written for these tests).
const SIMPLIFIED = '星河智能今天发布了新的语言模型，公司表示其推理速度比上一代快三倍。分析人士认为这将改变云计算市场的格局。';
const TRADITIONAL = '星河智能今天發布了新的語言模型，公司表示其推理速度比上一代快三倍。分析人士認為這將改變雲端運算市場的格局。';
const SHORT_ZH = '英伟达发布新芯片。';
const SHORT_TW = '輝達發布新晶片。';
const LATIN = 'Café owners in Zürich said the naïve plan was “déjà vu” — and a 15× rise.';

const enc = (text: string, charset: string): Uint8Array => new Uint8Array(iconv.encode(text, charset));
const html = (body: string, head = ''): string =>
  `<!doctype html><html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;

interface Case {
  name: string;
  bytes: Uint8Array;
  hints?: DecodeHints;
  charset: string;
  source: string;
  contains: string;
}

const cases: Case[] = [
  { name: 'plain UTF-8 with no declaration', bytes: enc(SIMPLIFIED, 'utf8'), charset: 'utf-8', source: 'detected', contains: SIMPLIFIED },
  { name: 'UTF-8 BOM wins over a wrong header', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...enc(SIMPLIFIED, 'utf8')]), hints: { contentType: 'text/html; charset=gbk' }, charset: 'utf-8', source: 'bom', contains: SIMPLIFIED },
  { name: 'UTF-16LE BOM', bytes: new Uint8Array([0xff, 0xfe, ...enc(SIMPLIFIED, 'utf16le')]), charset: 'utf-16le', source: 'bom', contains: SIMPLIFIED },
  { name: 'UTF-16BE BOM', bytes: new Uint8Array([0xfe, 0xff, ...enc('abc 模型', 'utf16be')]), charset: 'utf-16be', source: 'bom', contains: 'abc 模型' },
  { name: 'GBK via Content-Type header', bytes: enc(html(SIMPLIFIED), 'gbk'), hints: { contentType: 'text/html; charset=GBK', kind: 'html' }, charset: 'gb18030', source: 'header', contains: SIMPLIFIED },
  { name: 'GB2312 via quoted header label', bytes: enc(html(SIMPLIFIED), 'gb2312'), hints: { contentType: 'text/html;charset="gb2312"' }, charset: 'gb18030', source: 'header', contains: SIMPLIFIED },
  { name: 'GBK via <meta charset> only', bytes: enc(html(SIMPLIFIED, '<meta charset="gbk">'), 'gbk'), hints: { contentType: 'text/html', kind: 'html' }, charset: 'gb18030', source: 'meta', contains: SIMPLIFIED },
  { name: 'GB2312 via http-equiv only', bytes: enc(html(SIMPLIFIED, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk'), hints: { kind: 'html' }, charset: 'gb18030', source: 'meta', contains: SIMPLIFIED },
  { name: 'GB18030 four-byte character via meta', bytes: enc(html(`${SIMPLIFIED}𠀀€`, '<meta charset="gb18030">'), 'gb18030'), hints: { kind: 'html' }, charset: 'gb18030', source: 'meta', contains: '𠀀€' },
  { name: 'Big5 via Content-Type header', bytes: enc(html(TRADITIONAL), 'big5'), hints: { contentType: 'text/html; charset=big5' }, charset: 'big5', source: 'header', contains: TRADITIONAL },
  { name: 'Big5 via <meta charset> only', bytes: enc(html(TRADITIONAL, '<meta charset="big5">'), 'big5'), hints: { kind: 'html' }, charset: 'big5', source: 'meta', contains: TRADITIONAL },
  { name: 'header wins over meta when both fit the bytes', bytes: enc(html(TRADITIONAL, '<meta charset="gbk">'), 'big5'), hints: { contentType: 'text/html; charset=big5' }, charset: 'big5', source: 'header', contains: TRADITIONAL },
  { name: 'header says UTF-8 but bytes are GBK, meta says GBK', bytes: enc(html(SIMPLIFIED, '<meta charset="gbk">'), 'gbk'), hints: { contentType: 'text/html; charset=utf-8' }, charset: 'gb18030', source: 'meta', contains: SIMPLIFIED },
  { name: 'header says UTF-8 but bytes are GBK, no meta', bytes: enc(html(SIMPLIFIED), 'gbk'), hints: { contentType: 'text/html; charset=utf-8' }, charset: 'gb18030', source: 'detected', contains: SIMPLIFIED },
  { name: 'meta says UTF-8 but bytes are GBK', bytes: enc(html(SIMPLIFIED, '<meta charset="utf-8">'), 'gbk'), charset: 'gb18030', source: 'detected', contains: SIMPLIFIED },
  { name: 'header says GBK but bytes are UTF-8', bytes: enc(html(SIMPLIFIED), 'utf8'), hints: { contentType: 'text/html; charset=gbk' }, charset: 'utf-8', source: 'detected', contains: SIMPLIFIED },
  { name: 'header says ISO-8859-1 but bytes are GBK', bytes: enc(html(SIMPLIFIED), 'gbk'), hints: { contentType: 'text/html; charset=iso-8859-1' }, charset: 'gb18030', source: 'detected', contains: SIMPLIFIED },
  { name: 'undeclared GBK text is detected', bytes: enc(SIMPLIFIED, 'gbk'), hints: { kind: 'text' }, charset: 'gb18030', source: 'detected', contains: SIMPLIFIED },
  { name: 'undeclared Big5 text is detected', bytes: enc(TRADITIONAL, 'big5'), hints: { kind: 'text' }, charset: 'big5', source: 'detected', contains: TRADITIONAL },
  { name: 'short undeclared GBK snippet', bytes: enc(SHORT_ZH, 'gbk'), charset: 'gb18030', source: 'detected', contains: SHORT_ZH },
  { name: 'short undeclared Big5 snippet', bytes: enc(SHORT_TW, 'big5'), charset: 'big5', source: 'detected', contains: SHORT_TW },
  { name: 'windows-1252 via header', bytes: enc(LATIN, 'windows-1252'), hints: { contentType: 'text/plain; charset=windows-1252' }, charset: 'windows-1252', source: 'header', contains: LATIN },
  { name: 'latin1 label decodes as windows-1252 (curly quotes survive)', bytes: enc(LATIN, 'windows-1252'), hints: { contentType: 'text/plain; charset=ISO-8859-1' }, charset: 'windows-1252', source: 'header', contains: '“déjà vu”' },
  { name: 'XML declaration names GB2312', bytes: enc(`<?xml version="1.0" encoding="GB2312"?><rss><channel><title>${SIMPLIFIED}</title></channel></rss>`, 'gbk'), hints: { kind: 'xml' }, charset: 'gb18030', source: 'xml-decl', contains: SIMPLIFIED },
  { name: 'XML declaration found without a kind hint', bytes: enc(`<?xml version='1.0' encoding='big5'?><feed><title>${TRADITIONAL}</title></feed>`, 'big5'), charset: 'big5', source: 'xml-decl', contains: TRADITIONAL },
  { name: 'JSON ignores meta-looking text', bytes: enc(`{"html":"<meta charset=gbk>","t":"${SIMPLIFIED}"}`, 'utf8'), hints: { kind: 'json' }, charset: 'utf-8', source: 'detected', contains: SIMPLIFIED },
  { name: 'pure ASCII keeps the declared charset', bytes: enc('hello world', 'utf8'), hints: { contentType: 'text/plain; charset=us-ascii' }, charset: 'windows-1252', source: 'header', contains: 'hello world' },
  { name: 'pure ASCII with no declaration defaults to UTF-8', bytes: enc('hello world', 'utf8'), charset: 'utf-8', source: 'default', contains: 'hello world' },
  { name: 'unknown header label is ignored', bytes: enc(SIMPLIFIED, 'utf8'), hints: { contentType: 'text/plain; charset=x-made-up' }, charset: 'utf-8', source: 'detected', contains: SIMPLIFIED },
  { name: 'meta inside a comment is ignored', bytes: enc(html(TRADITIONAL, '<!-- <meta charset="gbk"> --><meta charset="big5">'), 'big5'), charset: 'big5', source: 'meta', contains: TRADITIONAL },
];

for (const c of cases) {
  test(`decodeBytes: ${c.name}`, () => {
    const result = decodeBytes(c.bytes, c.hints);
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.equal(result.value.charset, c.charset);
    assert.equal(result.value.source, c.source);
    assert.ok(result.value.text.includes(c.contains), `text was: ${result.value.text.slice(0, 200)}`);
    assert.ok(!result.value.text.startsWith('\uFEFF'), 'BOM is stripped');
  });
}

const failures: Array<[name: string, bytes: Uint8Array, code: string, mentions: string]> = [
  ['empty input', new Uint8Array(0), 'empty_input', 'empty'],
  ['PNG header (NUL bytes)', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'binary_input', 'NUL'],
  ['control characters without NUL', new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), 'binary_input', 'control characters'],
];

for (const [name, bytes, code, mentions] of failures) {
  test(`decodeBytes fails: ${name}`, () => {
    const result = decodeBytes(bytes);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.code, code);
    assert.match(result.message, new RegExp(mentions));
  });
}

const labels: Array<[label: string, expected: string | null]> = [
  ['GBK', 'gb18030'], ['gb2312', 'gb18030'], ['x-gbk', 'gb18030'], ['GB18030', 'gb18030'], ['"Big5"', 'big5'],
  ['big5-hkscs', 'big5'], ['UTF8', 'utf-8'], ['latin1', 'windows-1252'], ['us-ascii', 'windows-1252'],
  ['shift_jis', 'shift_jis'], ['euc-kr', 'euc-kr'], ['no-such-charset', null], ['', null],
];
for (const [label, expected] of labels) {
  test(`canonicalCharset: ${JSON.stringify(label)}`, () => assert.equal(canonicalCharset(label), expected));
}

test('charset sniffers read header, meta and XML declaration', () => {
  assert.equal(charsetFromContentType('text/html; Charset = GB2312 ; foo=bar'), 'gb18030');
  assert.equal(charsetFromContentType('text/html'), null);
  assert.equal(charsetFromMeta(enc('<head><META HTTP-EQUIV="content-type" CONTENT="text/html;charset=big5"></head>', 'ascii')), 'big5');
  assert.equal(charsetFromMeta(enc('<head><meta charset=utf-16></head>', 'ascii')), 'utf-8');
  assert.equal(charsetFromXmlDeclaration(enc('  <?xml version="1.0" encoding="gbk" standalone="yes"?>', 'ascii')), 'gb18030');
  assert.equal(charsetFromXmlDeclaration(enc('<rss><?xml encoding="gbk"?>', 'ascii')), null);
});

// Damage in real pages: a stray byte, a cut-off character, a NUL from a bad copy.
const zhPage = (): Buffer => Buffer.from(enc(`<meta charset="utf-8"><p>${'人工智能公司今天宣布了一项新的算力合作协议，涉及二十万块芯片。'.repeat(60)}</p>`, 'utf-8'));
/** A byte offset between two characters, well inside the text. */
const boundary = (page: Buffer): number => page.indexOf('协议', 1000, 'utf-8');

function splice(bytes: Buffer, at: number, insert: number[]): Buffer {
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(insert), bytes.subarray(at)]);
}

test('one invalid byte in a UTF-8 page is replaced and counted, not a reason to read the page as a legacy charset', () => {
  const clean = zhPage();
  for (const hints of [{ kind: 'html' }, { contentType: 'text/html; charset=utf-8' }, {}] as DecodeHints[]) {
    const r = decodeBytes(splice(clean, boundary(clean), [0xff]), hints);
    assert.ok(r.ok);
    assert.equal(r.value.charset, 'utf-8');
    assert.equal(r.value.replaced, 1);
    assert.equal(r.value.text.replace('\uFFFD', ''), clean.toString('utf-8'));
  }
  // A character cut in half at the end (a truncated body) too.
  const cut = decodeBytes(Buffer.concat([clean, Buffer.from('芯', 'utf-8').subarray(0, 2)]), { kind: 'html' });
  assert.ok(cut.ok);
  assert.equal(cut.value.replaced, 1);
  assert.ok(cut.value.text.startsWith(clean.toString('utf-8')));
});

test('a U+FFFD written in the page is text, not a decoding error', () => {
  const r = decodeBytes(Buffer.concat([zhPage(), Buffer.from('\uFFFD', 'utf-8')]), { kind: 'html' });
  assert.ok(r.ok);
  assert.equal(r.value.replaced, 0);
});

test('a legacy page mislabelled UTF-8 is still read in its own charset (damage is not mislabelling)', () => {
  const latin = Buffer.concat([enc('<meta charset="utf-8"><p>Caf', 'ascii'), Buffer.from([0xe9]), enc(' au lait, na', 'ascii'), Buffer.from([0xef]), enc('ve r', 'ascii'), Buffer.from([0xe9]), enc('sum', 'ascii'), Buffer.from([0xe9]), enc('.</p>', 'ascii')]);
  const r = decodeBytes(latin, { kind: 'html' });
  assert.ok(r.ok);
  assert.equal(r.value.charset, 'windows-1252');
  assert.match(r.value.text, /Café au lait, naïve résumé/);
  assert.equal(r.value.replaced, 0);
  const gbk = enc(`<meta charset="utf-8"><p>${'人工智能公司今天宣布了一项新的算力合作协议。'.repeat(20)}</p>`, 'gbk');
  const g = decodeBytes(gbk, { kind: 'html' });
  assert.ok(g.ok);
  assert.equal(g.value.charset, 'gb18030');
  assert.match(g.value.text, /算力合作协议/);
});

test('a stray NUL in a long text is dropped and counted; NULs in a header or in quantity mean binary', () => {
  const page = zhPage();
  const r = decodeBytes(splice(page, boundary(page), [0x00]), { kind: 'html' });
  assert.ok(r.ok);
  assert.equal(r.value.replaced, 1);
  assert.equal(r.value.text, page.toString('utf-8'));
  const header = decodeBytes(splice(page, 10, [0x00]), { kind: 'html' });
  assert.ok(!header.ok);
  assert.equal(header.code, 'binary_input');
  const many = Buffer.from(page);
  for (let i = 600; i < many.length; i += 200) many[i] = 0;
  const m = decodeBytes(many, { kind: 'html' });
  assert.ok(!m.ok);
  assert.match(m.message, /NUL bytes/);
});
