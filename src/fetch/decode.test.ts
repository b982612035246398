import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeBytes, type DecodeHints } from './decode.js';
import { canonicalCharset, charsetFromContentType, charsetFromMeta, charsetFromXmlDeclaration } from './charset.js';

// Invented sample prose (sample material written for these tests).
const SIMPLIFIED =
  '星河智能今天发布了新的语言模型，公司表示其推理速度比上一代快三倍。分析人士认为这将改变云计算市场的格局。';
const TRADITIONAL =
  '星河智能今天發布了新的語言模型，公司表示其推理速度比上一代快三倍。分析人士認為這將改變雲端運算市場的格局。';
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
  {
    name: 'plain UTF-8 with no declaration',
    bytes: enc(SIMPLIFIED, 'utf8'),
    charset: 'utf-8',
    source: 'detected',
    contains: SIMPLIFIED,
  },
  {
    name: 'UTF-8 BOM wins over a wrong header',
    bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...enc(SIMPLIFIED, 'utf8')]),
    hints: { contentType: 'text/html; charset=gbk' },
    charset: 'utf-8',
    source: 'bom',
    contains: SIMPLIFIED,
  },
  {
    name: 'UTF-16LE BOM',
    bytes: new Uint8Array([0xff, 0xfe, ...enc(SIMPLIFIED, 'utf16le')]),
    charset: 'utf-16le',
    source: 'bom',
    contains: SIMPLIFIED,
  },
  {
    name: 'UTF-16BE BOM',
    bytes: new Uint8Array([0xfe, 0xff, ...enc('abc 模型', 'utf16be')]),
    charset: 'utf-16be',
    source: 'bom',
    contains: 'abc 模型',
  },
  {
    name: 'GBK via Content-Type header',
    bytes: enc(html(SIMPLIFIED), 'gbk'),
    hints: { contentType: 'text/html; charset=GBK', kind: 'html' },
    charset: 'gb18030',
    source: 'header',
    contains: SIMPLIFIED,
  },
  {
    name: 'GB2312 via quoted header label',
    bytes: enc(html(SIMPLIFIED), 'gb2312'),
    hints: { contentType: 'text/html;charset="gb2312"' },
    charset: 'gb18030',
    source: 'header',
    contains: SIMPLIFIED,
  },
  {
    name: 'GBK via <meta charset> only',
    bytes: enc(html(SIMPLIFIED, '<meta charset="gbk">'), 'gbk'),
    hints: { contentType: 'text/html', kind: 'html' },
    charset: 'gb18030',
    source: 'meta',
    contains: SIMPLIFIED,
  },
  {
    name: 'GB2312 via http-equiv only',
    bytes: enc(html(SIMPLIFIED, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk'),
    hints: { kind: 'html' },
    charset: 'gb18030',
    source: 'meta',
    contains: SIMPLIFIED,
  },
  {
    name: 'GB18030 four-byte character via meta',
    bytes: enc(html(`${SIMPLIFIED}𠀀€`, '<meta charset="gb18030">'), 'gb18030'),
    hints: { kind: 'html' },
    charset: 'gb18030',
    source: 'meta',
    contains: '𠀀€',
  },
  {
    name: 'Big5 via Content-Type header',
    bytes: enc(html(TRADITIONAL), 'big5'),
    hints: { contentType: 'text/html; charset=big5' },
    charset: 'big5',
    source: 'header',
    contains: TRADITIONAL,
  },
  {
    name: 'Big5 via <meta charset> only',
    bytes: enc(html(TRADITIONAL, '<meta charset="big5">'), 'big5'),
    hints: { kind: 'html' },
    charset: 'big5',
    source: 'meta',
    contains: TRADITIONAL,
  },
  {
    name: 'header wins over meta when both fit the bytes',
    bytes: enc(html(TRADITIONAL, '<meta charset="gbk">'), 'big5'),
    hints: { contentType: 'text/html; charset=big5' },
    charset: 'big5',
    source: 'header',
    contains: TRADITIONAL,
  },
  {
    name: 'header says UTF-8 but bytes are GBK, meta says GBK',
    bytes: enc(html(SIMPLIFIED, '<meta charset="gbk">'), 'gbk'),
    hints: { contentType: 'text/html; charset=utf-8' },
    charset: 'gb18030',
    source: 'meta',
    contains: SIMPLIFIED,
  },
  {
    name: 'header says UTF-8 but bytes are GBK, no meta',
    bytes: enc(html(SIMPLIFIED), 'gbk'),
    hints: { contentType: 'text/html; charset=utf-8' },
    charset: 'gb18030',
    source: 'detected',
    contains: SIMPLIFIED,
  },
  {
    name: 'meta says UTF-8 but bytes are GBK',
    bytes: enc(html(SIMPLIFIED, '<meta charset="utf-8">'), 'gbk'),
    charset: 'gb18030',
    source: 'detected',
    contains: SIMPLIFIED,
  },
  {
    name: 'header says GBK but bytes are UTF-8',
    bytes: enc(html(SIMPLIFIED), 'utf8'),
    hints: { contentType: 'text/html; charset=gbk' },
    charset: 'utf-8',
    source: 'detected',
    contains: SIMPLIFIED,
  },
  {
    name: 'header says ISO-8859-1 but bytes are GBK',
    bytes: enc(html(SIMPLIFIED), 'gbk'),
    hints: { contentType: 'text/html; charset=iso-8859-1' },
    charset: 'gb18030',
    source: 'detected',
    contains: SIMPLIFIED,
  },
  {
    name: 'undeclared GBK text is detected',
    bytes: enc(SIMPLIFIED, 'gbk'),
    hints: { kind: 'text' },
    charset: 'gb18030',
    source: 'detected',
    contains: SIMPLIFIED,
  },
  {
    name: 'undeclared Big5 text is detected',
    bytes: enc(TRADITIONAL, 'big5'),
    hints: { kind: 'text' },
    charset: 'big5',
    source: 'detected',
    contains: TRADITIONAL,
  },
  {
    name: 'short undeclared GBK snippet',
    bytes: enc(SHORT_ZH, 'gbk'),
    charset: 'gb18030',
    source: 'detected',
    contains: SHORT_ZH,
  },
  {
    name: 'short undeclared Big5 snippet',
    bytes: enc(SHORT_TW, 'big5'),
    charset: 'big5',
    source: 'detected',
    contains: SHORT_TW,
  },
  {
    name: 'windows-1252 via header',
    bytes: enc(LATIN, 'windows-1252'),
    hints: { contentType: 'text/plain; charset=windows-1252' },
    charset: 'windows-1252',
    source: 'header',
    contains: LATIN,
  },
  {
    name: 'latin1 label decodes as windows-1252 (curly quotes survive)',
    bytes: enc(LATIN, 'windows-1252'),
    hints: { contentType: 'text/plain; charset=ISO-8859-1' },
    charset: 'windows-1252',
    source: 'header',
    contains: '“déjà vu”',
  },
  {
    name: 'XML declaration names GB2312',
    bytes: enc(
      `<?xml version="1.0" encoding="GB2312"?><rss><channel><title>${SIMPLIFIED}</title></channel></rss>`,
      'gbk',
    ),
    hints: { kind: 'xml' },
    charset: 'gb18030',
    source: 'xml-decl',
    contains: SIMPLIFIED,
  },
  {
    name: 'XML declaration found without a kind hint',
    bytes: enc(`<?xml version='1.0' encoding='big5'?><feed><title>${TRADITIONAL}</title></feed>`, 'big5'),
    charset: 'big5',
    source: 'xml-decl',
    contains: TRADITIONAL,
  },
  {
    name: 'JSON ignores meta-looking text',
    bytes: enc(`{"html":"<meta charset=gbk>","t":"${SIMPLIFIED}"}`, 'utf8'),
    hints: { kind: 'json' },
    charset: 'utf-8',
    source: 'detected',
    contains: SIMPLIFIED,
  },
  {
    name: 'pure ASCII keeps the declared charset',
    bytes: enc('hello world', 'utf8'),
    hints: { contentType: 'text/plain; charset=us-ascii' },
    charset: 'windows-1252',
    source: 'header',
    contains: 'hello world',
  },
  {
    name: 'pure ASCII with no declaration defaults to UTF-8',
    bytes: enc('hello world', 'utf8'),
    charset: 'utf-8',
    source: 'default',
    contains: 'hello world',
  },
  {
    name: 'unknown header label is ignored',
    bytes: enc(SIMPLIFIED, 'utf8'),
    hints: { contentType: 'text/plain; charset=x-made-up' },
    charset: 'utf-8',
    source: 'detected',
    contains: SIMPLIFIED,
  },
  {
    name: 'meta inside a comment is ignored',
    bytes: enc(html(TRADITIONAL, '<!-- <meta charset="gbk"> --><meta charset="big5">'), 'big5'),
    charset: 'big5',
    source: 'meta',
    contains: TRADITIONAL,
  },
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
  [
    'PNG header (NUL bytes)',
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    'binary_input',
    'NUL',
  ],
  [
    'control characters without NUL',
    new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))),
    'binary_input',
    'control characters',
  ],
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
  ['GBK', 'gb18030'],
  ['gb2312', 'gb18030'],
  ['x-gbk', 'gb18030'],
  ['GB18030', 'gb18030'],
  ['"Big5"', 'big5'],
  ['big5-hkscs', 'big5'],
  ['UTF8', 'utf-8'],
  ['latin1', 'windows-1252'],
  ['us-ascii', 'windows-1252'],
  ['shift_jis', 'shift_jis'],
  ['euc-kr', 'euc-kr'],
  ['no-such-charset', null],
  ['', null],
];
for (const [label, expected] of labels) {
  test(`canonicalCharset: ${JSON.stringify(label)}`, () => assert.equal(canonicalCharset(label), expected));
}

test('charset sniffers read header, meta and XML declaration', () => {
  assert.equal(charsetFromContentType('text/html; Charset = GB2312 ; foo=bar'), 'gb18030');
  assert.equal(charsetFromContentType('text/html'), null);
  assert.equal(
    charsetFromMeta(enc('<head><META HTTP-EQUIV="content-type" CONTENT="text/html;charset=big5"></head>', 'ascii')),
    'big5',
  );
  assert.equal(charsetFromMeta(enc('<head><meta charset=utf-16></head>', 'ascii')), 'utf-8');
  assert.equal(
    charsetFromXmlDeclaration(enc('  <?xml version="1.0" encoding="gbk" standalone="yes"?>', 'ascii')),
    'gb18030',
  );
  assert.equal(charsetFromXmlDeclaration(enc('<rss><?xml encoding="gbk"?>', 'ascii')), null);
});

// Damage in real pages: a stray byte, a cut-off character, a NUL from a bad copy.
const zhPage = (): Buffer =>
  Buffer.from(
    enc(
      `<meta charset="utf-8"><p>${'人工智能公司今天宣布了一项新的算力合作协议，涉及二十万块芯片。'.repeat(60)}</p>`,
      'utf-8',
    ),
  );
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
  const latin = Buffer.concat([
    enc('<meta charset="utf-8"><p>Caf', 'ascii'),
    Buffer.from([0xe9]),
    enc(' au lait, na', 'ascii'),
    Buffer.from([0xef]),
    enc('ve r', 'ascii'),
    Buffer.from([0xe9]),
    enc('sum', 'ascii'),
    Buffer.from([0xe9]),
    enc('.</p>', 'ascii'),
  ]);
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

// ---- Single-byte charsets, UTF-16/32, ISO-2022-JP (issue 13, item 9) ----
// Invented sample prose, one or two sentences per language, as a news page would carry.
const SAMPLES = {
  russian:
    'Компания "Северный ветер" представила новую языковую модель. По словам разработчиков, она работает втрое быстрее прежней и уже доступна клиентам в Европе.',
  bulgarian:
    'Българската компания обяви нов езиков модел, който според разработчиците работи три пъти по-бързо от предишния.',
  greek:
    'Η εταιρεία παρουσίασε σήμερα ένα νέο γλωσσικό μοντέλο, το οποίο σύμφωνα με τους μηχανικούς είναι τρεις φορές ταχύτερο από το προηγούμενο. Άλλοι αναλυτές είναι επιφυλακτικοί.',
  hebrew: 'החברה הציגה היום מודל שפה חדש, ולדברי המהנדסים הוא מהיר פי שלושה מהדגם הקודם ויהיה זמין ללקוחות בחודש הבא.',
  thai: 'บริษัทได้เปิดตัวโมเดลภาษาใหม่ในวันนี้ โดยวิศวกรกล่าวว่าเร็วกว่ารุ่นก่อนหน้าถึงสามเท่า และจะเปิดให้ลูกค้าใช้งานในเดือนหน้า',
  polish:
    'Spółka ogłosiła dziś nowy model językowy; według inżynierów działa on trzy razy szybciej niż poprzednia wersja i będzie dostępny już w przyszłym miesiącu.',
  czech:
    'Společnost dnes představila nový jazykový model, který je podle inženýrů třikrát rychlejší než předchozí verze a zákazníkům bude dostupný příští měsíc.',
  hungarian:
    'A vállalat ma bemutatta új nyelvi modelljét, amely a mérnökök szerint háromszor gyorsabb az előzőnél, és jövő hónaptól érhető el az ügyfelek számára.',
  turkish:
    'Şirket bugün yeni bir dil modelini tanıttı; mühendislere göre model öncekinden üç kat daha hızlı çalışıyor ve gelecek ay müşterilere sunulacak.',
  french:
    'La société a présenté aujourd’hui un nouveau modèle de langue, trois fois plus rapide que le précédent selon les ingénieurs, déjà disponible en Europe.',
  spanish:
    'La compañía presentó hoy un nuevo modelo de lenguaje que, según los ingenieros, es tres veces más rápido que el anterior y llegará a España en otoño.',
  german:
    'Das Unternehmen stellte heute ein neues Sprachmodell vor, das laut den Ingenieuren dreimal schneller ist als sein Vorgänger und ab nächstem Monat verfügbar sein wird.',
};

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
/** Bytes that also decode without a single error as GB18030: the reading the old code fell into. */
const validGb18030 = (bytes: Uint8Array): boolean => !iconv.decode(Buffer.from(bytes), 'gb18030').includes('\uFFFD');

const declaredSingleByte: Array<[label: string, text: string]> = [
  ['windows-1251', SAMPLES.russian],
  ['koi8-r', SAMPLES.russian],
  ['iso-8859-5', SAMPLES.bulgarian],
  ['iso-8859-7', SAMPLES.greek],
  ['windows-1253', SAMPLES.greek],
  ['windows-1255', SAMPLES.hebrew],
  ['tis-620', SAMPLES.thai],
  ['windows-874', SAMPLES.thai],
  ['iso-8859-2', SAMPLES.polish],
  ['windows-1250', SAMPLES.czech],
  ['windows-1254', SAMPLES.turkish],
  ['iso-8859-1', SAMPLES.spanish],
];

for (const [label, text] of declaredSingleByte) {
  test(`a declared ${label} page is read as ${label}, never overridden (header, <meta>, XML declaration)`, () => {
    const body = enc(text, label);
    const forms: Array<[Uint8Array, DecodeHints, string]> = [
      [enc(html(text), label), { contentType: `text/html; charset=${label}` }, 'header'],
      [enc(html(text, `<meta charset="${label}">`), label), { kind: 'html' }, 'meta'],
      [enc(html(text, `<meta http-equiv="Content-Type" content="text/html; charset=${label}">`), label), {}, 'meta'],
      [
        enc(`<?xml version="1.0" encoding="${label}"?>\n<rss><channel><title>${text}</title></channel></rss>`, label),
        { kind: 'xml' },
        'xml-decl',
      ],
    ];
    for (const [bytes, hints, source] of forms) {
      const r = decodeBytes(bytes, hints);
      assert.ok(r.ok);
      assert.ok(r.value.text.includes(text), `${source}: ${r.value.charset} ${r.value.text.slice(0, 120)}`);
      assert.equal(r.value.source, source);
    }
    assert.ok(body.some((b) => b >= 0x80));
  });
}

// Russian whose words all have an even number of bytes is valid GB18030 and yields common Han
// characters: the old decoder read these declared pages (and the undeclared ones) as GB18030 mojibake.
const GB_VALID_CYRILLIC: Array<[label: string, text: string]> = [
  ['koi8-r', 'наша модель теперь доступна всем клиентам '.repeat(4)],
  ['windows-1251', 'Наша Модель Теперь Доступна Всем Клиентам '.repeat(4)],
];
for (const [label, text] of GB_VALID_CYRILLIC) {
  test(`${label} Cyrillic that is also valid GB18030 keeps its declared charset, and is detected when undeclared`, () => {
    const declared = enc(html(text, `<meta charset="${label}">`), label);
    assert.ok(validGb18030(declared), 'the fixture must be a valid GB18030 byte string to test anything');
    for (const [bytes, hints] of [
      [declared, { kind: 'html' }],
      [enc(html(text), label), { contentType: `text/html; charset=${label}` }],
      [enc(`<?xml version="1.0" encoding="${label}"?><rss><channel><title>${text}</title></channel></rss>`, label), {}],
    ] as Array<[Uint8Array, DecodeHints]>) {
      const r = decodeBytes(bytes, hints);
      assert.ok(r.ok);
      assert.equal(r.value.charset, label);
      assert.ok(r.value.text.includes(text));
    }
    const plain = decodeBytes(enc(html(text), label), { kind: 'html' });
    assert.ok(plain.ok);
    assert.equal(plain.value.charset, label);
    assert.equal(plain.value.source, 'detected');
  });
}

const undeclared: Array<[label: string, text: string, expected: string]> = [
  ['windows-1251', SAMPLES.russian, 'windows-1251'],
  ['windows-1251', SAMPLES.bulgarian, 'windows-1251'],
  ['koi8-r', SAMPLES.russian, 'koi8-r'],
  ['iso-8859-5', SAMPLES.russian, 'iso-8859-5'],
  ['ibm866', SAMPLES.russian, 'ibm866'],
  ['maccyrillic', SAMPLES.russian, 'maccyrillic'],
  ['iso-8859-7', SAMPLES.greek, 'iso-8859-7'],
  ['windows-1253', SAMPLES.greek, 'windows-1253'],
  ['windows-1255', SAMPLES.hebrew, 'windows-1255'],
  ['tis-620', SAMPLES.thai, 'windows-874'],
  ['windows-1250', SAMPLES.polish, 'windows-1250'],
  ['windows-1250', SAMPLES.czech, 'windows-1250'],
  ['iso-8859-2', SAMPLES.hungarian, null as unknown as string],
  ['windows-1254', SAMPLES.turkish, 'windows-1254'],
  ['windows-1252', SAMPLES.french, 'windows-1252'],
  ['windows-1252', SAMPLES.spanish, 'windows-1252'],
  ['windows-1252', SAMPLES.german, 'windows-1252'],
];

for (const [label, text, expected] of undeclared) {
  test(`undeclared ${label} text is detected (${text.slice(0, 12)}…)`, () => {
    for (const bytes of [enc(text, label), enc(html(text), label)]) {
      const r = decodeBytes(bytes, {});
      assert.ok(r.ok);
      assert.equal(r.value.source, 'detected');
      // Hungarian reads the same in windows-1250 and ISO-8859-2 (its letters sit where both agree).
      if (expected !== null) assert.equal(r.value.charset, expected);
      assert.ok(r.value.text.includes(text), `${r.value.charset}: ${r.value.text.slice(0, 120)}`);
    }
  });
}

test('one accented letter in English text stays windows-1252; a pound sign is not Cyrillic', () => {
  for (const text of ['The café opened on Monday.', 'Prices start at £20 and £35 this year.']) {
    const r = decodeBytes(enc(text, 'windows-1252'), { kind: 'text' });
    assert.ok(r.ok);
    assert.equal(r.value.charset, 'windows-1252');
    assert.equal(r.value.text, text);
  }
});

test('a Chinese page labelled ISO-8859-1 by its server is still read as GBK, a Russian one labelled windows-1251 is not', () => {
  const zh = decodeBytes(enc(html(SIMPLIFIED), 'gbk'), { contentType: 'text/html; charset=iso-8859-1' });
  assert.ok(zh.ok);
  assert.equal(zh.value.charset, 'gb18030');
  const ru = decodeBytes(enc(html(SAMPLES.russian), 'windows-1251'), {
    contentType: 'text/html; charset=windows-1251',
  });
  assert.ok(ru.ok);
  assert.equal(ru.value.charset, 'windows-1251');
});

test('the XML declaration is honoured whatever the kind hint (XHTML read as HTML, a feed saved as .txt), not for JSON', () => {
  const xhtml = enc(
    `<?xml version="1.0" encoding="windows-1251"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><p>${SAMPLES.russian}</p></body></html>`,
    'windows-1251',
  );
  for (const kind of ['html', 'xml', 'text', undefined] as const) {
    const r = decodeBytes(xhtml, { kind });
    assert.ok(r.ok);
    assert.equal(r.value.charset, 'windows-1251', `kind ${kind}`);
    assert.equal(r.value.source, 'xml-decl');
    assert.ok(r.value.text.includes(SAMPLES.russian));
  }
  const json = decodeBytes(enc(`{"x":"<?xml encoding=\\"koi8-r\\"?>","t":"${SIMPLIFIED}"}`, 'utf8'), { kind: 'json' });
  assert.ok(json.ok);
  assert.equal(json.value.charset, 'utf-8');
});

// UTF-16 and UTF-32, both byte orders, with and without a BOM.
const FEED = `<?xml version="1.0" encoding="UTF-16"?>\n<rss version="2.0"><channel><title>Новости ИИ — ${SHORT_ZH}</title><item><title>${SAMPLES.greek}</title></item></channel></rss>`;
const BOMS: Record<string, number[]> = {
  'utf-16le': [0xff, 0xfe],
  'utf-16be': [0xfe, 0xff],
  'utf-32le': [0xff, 0xfe, 0, 0],
  'utf-32be': [0, 0, 0xfe, 0xff],
};

for (const charset of ['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be']) {
  for (const withBom of [true, false]) {
    test(`${charset} ${withBom ? 'with' : 'without'} a BOM: an XML feed, plain text and a comment-first document are read`, () => {
      const docs = [
        FEED,
        `${SAMPLES.french}\n${SIMPLIFIED}\n${SAMPLES.russian}\n`,
        `<!-- generated -->\n${FEED.replace(/^<\?xml[^>]*>\n/, '')}`,
      ];
      for (const doc of docs) {
        const body = enc(doc, charset);
        const bytes = withBom ? new Uint8Array([...(BOMS[charset] as number[]), ...body]) : body;
        for (const hints of [{}, { kind: 'xml' }, { kind: 'html' }] as DecodeHints[]) {
          const r = decodeBytes(bytes, hints);
          assert.ok(r.ok, r.ok ? '' : r.message);
          assert.equal(r.value.charset, charset);
          assert.equal(r.value.source, withBom ? 'bom' : 'detected');
          assert.equal(r.value.text, doc);
        }
      }
    });
  }
}

test('UTF-16 without a BOM that is mostly Chinese is read from its markup; a bare "utf-16" header takes the byte order from the bytes', () => {
  const doc = `<?xml version="1.0"?><feed><title>${SIMPLIFIED}${TRADITIONAL}</title></feed>`;
  for (const charset of ['utf-16le', 'utf-16be']) {
    const r = decodeBytes(enc(doc, charset), { kind: 'xml' });
    assert.ok(r.ok);
    assert.equal(r.value.text, doc);
    const h = decodeBytes(enc(`${SIMPLIFIED}abc def ghi`, charset), { contentType: 'text/plain; charset=utf-16' });
    assert.ok(h.ok);
    assert.equal(h.value.charset, charset);
    assert.equal(h.value.text, `${SIMPLIFIED}abc def ghi`);
  }
});

test('binary data shaped like 16-bit words is still binary, not UTF-16', () => {
  const words = new Uint8Array(2048);
  for (let i = 0; i < words.length; i += 2) words[i] = (i * 7) % 31; // small integers: high bytes all 0
  const r = decodeBytes(words);
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.code, 'binary_input');
});

test('ISO-2022-JP (7-bit, escape sequences) is detected and decoded; a declaration of it is honoured', () => {
  const ja = '新しい言語モデルが発表されました。';
  const bytes = new Uint8Array(
    Buffer.concat([
      Buffer.from('<p>'),
      Buffer.from([0x1b, 0x24, 0x42]),
      iconv.encode(ja, 'euc-jp').map((b) => b & 0x7f),
      Buffer.from([0x1b, 0x28, 0x42]),
      Buffer.from('</p>'),
    ]),
  );
  for (const hints of [{}, { contentType: 'text/html; charset=ISO-2022-JP' }] as DecodeHints[]) {
    const r = decodeBytes(bytes, hints);
    assert.ok(r.ok);
    assert.equal(r.value.charset, 'iso-2022-jp');
    assert.equal(r.value.text, `<p>${ja}</p>`);
  }
  assert.equal(latin1(bytes).includes('\x1b$B'), true);
});

test('labels: WHATWG supersets and wide encodings', () => {
  assert.equal(canonicalCharset('TIS-620'), 'windows-874');
  assert.equal(canonicalCharset('ISO-8859-8'), 'windows-1255');
  assert.equal(canonicalCharset('x-mac-cyrillic'), 'maccyrillic');
  assert.equal(canonicalCharset('UTF-32'), 'utf-32le');
  assert.equal(canonicalCharset('utf-32be'), 'utf-32be');
  assert.equal(charsetFromMeta(enc('<meta charset="utf-32">', 'ascii')), 'utf-8');
  assert.equal(charsetFromXmlDeclaration(enc('<?xml version="1.0" encoding="KOI8-R"?>', 'ascii')), 'koi8-r');
});

test('English with only curly quotes, dashes or no-break spaces above ASCII stays windows-1252', () => {
  for (const text of [
    'He said “it’s ready” – and it was…',
    'Price:\u00a0$20\u00a0per month',
    'Reuters — Lattice’s model',
  ]) {
    const r = decodeBytes(enc(html(text), 'windows-1252'), { kind: 'html' });
    assert.ok(r.ok);
    assert.equal(r.value.charset, 'windows-1252');
    assert.ok(r.value.text.includes(text));
  }
});
