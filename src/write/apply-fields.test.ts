import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFields } from './apply-fields.js';

test('applyFields: replaces, removes withheld array elements, empties withheld texts', () => {
  const out = {
    headline: 'H',
    keyPoints: { lead: 'L', points: ['a', 'b', 'c'] },
    impact: [
      { audience: 'Investor', text: 'x' },
      { audience: 'Developer', text: 'y' },
    ],
    recommendation: 'R',
  };
  const original = [
    { path: 'headline', text: 'H' },
    { path: 'keyPoints.lead', text: 'L' },
    { path: 'keyPoints.points[0]', text: 'a' },
    { path: 'keyPoints.points[1]', text: 'b' },
    { path: 'keyPoints.points[2]', text: 'c' },
    { path: 'impact[0].text', text: 'x' },
    { path: 'impact[1].text', text: 'y' },
    { path: 'recommendation', text: 'R' },
  ];
  const repaired = original
    .filter((f) => !['keyPoints.points[1]', 'impact[0].text', 'recommendation'].includes(f.path))
    .map((f) => (f.path === 'keyPoints.points[2]' ? { ...f, text: 'c (unquoted)' } : f));
  const result = applyFields(out, original, repaired);
  assert.deepEqual(result, {
    headline: 'H',
    keyPoints: { lead: 'L', points: ['a', 'c (unquoted)'] },
    impact: [{ audience: 'Developer', text: 'y' }],
    recommendation: '',
  });
  assert.deepEqual(out.keyPoints.points, ['a', 'b', 'c'], 'the input is not changed');
});
