// ISO-2022-KR and Johab: decoded from their definitions (korean.ts) and detected by decodeBytes.
// The expected bytes below were produced by Python's own iso2022_kr and johab codecs (an independent
// implementation) from sentences written for this test.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { canonicalCharset } from './charset.js';
import { decodeBytes } from './decode.js';
import { decodeIso2022Kr, decodeJohab, hasIso2022KrDesignator } from './korean.js';

const SENTENCE = '인공지능 반도체 시장이 빠르게 성장하고 있다.';
// Python: SENTENCE.encode('iso2022_kr')
const ISO_2022_KR = Buffer.from(
  '1b2429430e404e3078417634490f200e395d3535433c0f200e3d434065404c0f200e3a7c382330540f200e3c3a4065474f306d0f200e405634590f2e',
  'hex',
);
const JOHAB_TEXT = '인공지능 반도체 시장이 빠르게 성장하고 있다. 연구소는 새로운 모델을 발표했다. 韓國 ※ ㄱ';
// Python: JOHAB_TEXT.encode('johab'): Hangul syllables, two Hanja, a symbol and a lone jamo.
const JOHAB = Buffer.from(
  'b7a589b7bba1937720a46595a1c14120afa1b877b7a120a8619f61894120acf7b877d06189a120b7b694612e20b5658a81ada1936520ac819da1b68520a1a19549b76920a469ce61d09694612e20f7dbe2d020d968208841',
  'hex',
);

describe('ISO-2022-KR', () => {
  it('decodes SO/SI-shifted KS X 1001 after the ESC $ ) C designator', () => {
    assert.equal(hasIso2022KrDesignator(ISO_2022_KR), true);
    assert.equal(decodeIso2022Kr(ISO_2022_KR), SENTENCE);
  });
  it('starts each line in ASCII', () => {
    // A shift left open at a line end does not turn the next line's ASCII into Korean.
    const bytes = Buffer.concat([ISO_2022_KR.subarray(0, 10), Buffer.from('\nplain ASCII')]);
    assert.equal(decodeIso2022Kr(bytes).endsWith('\nplain ASCII'), true);
  });
  it('is detected, undeclared, in a page with many shifts (not refused as control characters)', () => {
    const page = Buffer.concat([
      Buffer.from('<html><body><p>'),
      ...Array.from({ length: 6 }, () => ISO_2022_KR.subarray(4)),
      Buffer.from('</p></body></html>'),
    ]);
    const bytes = Buffer.concat([ISO_2022_KR.subarray(0, 4), page]);
    const r = decodeBytes(bytes, { kind: 'html' });
    if (!r.ok) assert.fail(r.message);
    assert.equal(r.value.charset, 'iso-2022-kr');
    assert.equal(r.value.text, `<html><body><p>${SENTENCE.repeat(6)}</p></body></html>`);
  });
  it('is honoured when declared', () => {
    const bytes = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="ISO-2022-KR"?><t>'),
      ISO_2022_KR,
      Buffer.from('</t>'),
    ]);
    const r = decodeBytes(bytes, { kind: 'xml' });
    if (!r.ok) assert.fail(r.message);
    assert.equal(r.value.charset, 'iso-2022-kr');
    assert.equal(r.value.source, 'xml-decl');
    assert.equal(r.value.text.includes(SENTENCE), true);
  });
});

describe('Johab', () => {
  it('decodes syllables arithmetically and symbols/Hanja through KS X 1001', () => {
    assert.equal(decodeJohab(JOHAB), JOHAB_TEXT);
  });
  it('marks undefined codes and a cut-off last byte with U+FFFD, keeping the ASCII after them', () => {
    assert.equal(decodeJohab(Buffer.from([0xd4, 0x41, 0x61])), '\uFFFDa');
    assert.equal(decodeJohab(Buffer.from([0x61, 0xb7])), 'a\uFFFD');
  });
  it('is detected, undeclared, and EUC-KR of the same text is still EUC-KR', () => {
    const r = decodeBytes(JOHAB, { kind: 'text' });
    if (!r.ok) assert.fail(r.message);
    assert.equal(r.value.charset, 'johab');
    assert.equal(r.value.text, JOHAB_TEXT);
    const euc = decodeBytes(iconv.encode(JOHAB_TEXT, 'euc-kr'), { kind: 'text' });
    if (!euc.ok) assert.fail(euc.message);
    assert.notEqual(euc.value.charset, 'johab');
    assert.equal(euc.value.text, JOHAB_TEXT);
  });
  it('is honoured when declared, under its usual labels', () => {
    for (const label of ['johab', 'x-johab', 'cp1361']) assert.equal(canonicalCharset(label), 'johab');
    const r = decodeBytes(Buffer.concat([Buffer.from('<meta charset="x-johab">'), JOHAB]), { kind: 'html' });
    if (!r.ok) assert.fail(r.message);
    assert.equal(r.value.charset, 'johab');
    assert.equal(r.value.source, 'meta');
  });
});
