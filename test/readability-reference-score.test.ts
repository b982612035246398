import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  agreesWithReference,
  bylineNames,
  readWhen,
  sameWhen,
  tallyAgainstReference,
} from '../bench/reference/score.js';

test('bylines compare as sets of names, without "By" and in any order', () => {
  assert.deepEqual([...bylineNames('By Ann Lee and Bo Chen')], ['ann lee', 'bo chen']);
  assert.equal(agreesWithReference('byline', 'Ann Lee, Bo Chen', 'Bo Chen & ann lee'), true);
  assert.equal(agreesWithReference('byline', 'Ann Lee', 'Ann Lee, Senior Writer'), false);
  assert.equal(agreesWithReference('byline', 'Ann Lee', null), false);
});

test('dates are compared at the reference precision', () => {
  assert.deepEqual(readWhen('2015-07-10 09:53:00 -0400'), { ms: Date.UTC(2015, 6, 10, 13, 53, 0) });
  assert.equal(sameWhen('2015-07-10T13:53:00Z', '2015-07-10T09:53:00-04:00'), true);
  assert.equal(sameWhen('2015-07-10T13:53:00Z', '2015-07-10T09:53:00'), false);
  assert.equal(sameWhen('2015-03-27T13:07:55.096Z', '2015-03-27T13:07:55Z'), true);
  // A reference day: the day as the tool writes it.
  assert.equal(sameWhen('2015-04-30', '2015-04-30T07:19:58'), true);
  assert.equal(sameWhen('2015-04-30', '2015-04-29T23:00:00Z'), false);
  // A tool's bare day does not reach a reference instant.
  assert.equal(sameWhen('2015-07-10T13:53:00Z', '2015-07-10'), false);
  assert.equal(sameWhen('2015-07-10', 'not a date'), false);
});

test('titles and site names ignore case, whitespace and typographic quotes only', () => {
  assert.equal(agreesWithReference('title', 'Don’t  Panic', "don't panic"), true);
  assert.equal(agreesWithReference('title', 'Don’t Panic', "Don't Panic | Site"), false);
});

test('a tally counts agreement where the reference has a value and silence where it has none', () => {
  const reference = {
    files: [],
    fileOf: new Map(),
    labels: new Map([
      ['p1', { title: 'A', byline: null, siteName: 'S', publishedTime: '2020-01-02' }],
      ['p2', { title: 'B', byline: 'X Y', siteName: null, publishedTime: null }],
    ]),
  };
  const readings = new Map([
    ['p1', { title: 'a', byline: 'Someone', siteName: 'S', publishedTime: '2020-01-02T10:00:00Z' }],
    ['p2', { title: 'C', byline: 'X Y', siteName: null, publishedTime: null }],
  ]);
  const t = tallyAgainstReference(reference, readings);
  assert.deepEqual(t.title, { valued: 2, agreed: 1, empty: 0, keptEmpty: 0 });
  assert.deepEqual(t.byline, { valued: 1, agreed: 1, empty: 1, keptEmpty: 0 });
  assert.deepEqual(t.siteName, { valued: 1, agreed: 1, empty: 1, keptEmpty: 1 });
  assert.deepEqual(t.publishedTime, { valued: 1, agreed: 1, empty: 1, keptEmpty: 1 });
});
