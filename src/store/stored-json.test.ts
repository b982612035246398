import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorruptRow, keepSound, parseColumn, storedFeatures, storedUnderstanding } from './stored-json.js';
import type { Failure } from '../errors.js';

const at = { table: 'articles', id: 'a1' };

test('a figure value JSON wrote as null (it was not finite) reads as NaN and is written back as null', () => {
  const stored = {
    quotes: [],
    figures: [{ end: 5, kind: 'money', unit: 'USD', start: 0, value: null, surface: '$9e999' }],
    entities: [],
    sentences: [],
  };
  const read = parseColumn(storedUnderstanding, stored, at, 'understanding');
  assert.ok(Number.isNaN(read.figures[0]?.value));
  assert.equal(JSON.stringify(read), JSON.stringify(stored));
});

test('features stored before dates, identity and the bridge were read are accepted; keys no schema names are kept', () => {
  const old = {
    id: 'a1',
    terms: [],
    words: { chip: 2 },
    figures: [],
    entities: [],
    language: 'en',
    published: null,
    titleKeys: ['chip'],
    laterField: 1,
  };
  const read = parseColumn(storedFeatures, old, at, 'features');
  assert.equal(read.dates, undefined);
  assert.deepEqual(read, old);
});

test('keepSound leaves out and reports a corrupt row only; a bug is not swallowed', () => {
  const reported: Failure[] = [];
  const read = (n: number) => {
    if (n === 2) throw new CorruptRow('t', String(n), 'x is malformed: (root): expected object');
    return n * 10;
  };
  assert.deepEqual(
    keepSound([1, 2, 3], read, (f) => reported.push(f)),
    [10, 30],
  );
  assert.deepEqual(reported, [
    {
      ok: false,
      code: 'bad_input',
      message: 't row 2: x is malformed: (root): expected object; the row was skipped',
      subject: '2',
    },
  ]);
  assert.throws(
    () =>
      keepSound(
        [1],
        () => {
          throw new TypeError('bug');
        },
        () => {},
      ),
    TypeError,
  );
});
