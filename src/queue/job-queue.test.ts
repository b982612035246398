// The queue's stored JSON (a job's data, a finished job's output) is parsed on the way out: a row
// that is not what Tidings wrote fails that one job with a message naming it, and every other job
// still runs and is counted. The PostgreSQL part damages rows in pg-boss's table directly with SQL.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { freshServerDatabase } from '../../test/support/backends.js';
import { parseJobData, parseJobOutput } from './ingest-job.js';
import { openJobQueue } from './job-queue.js';

const item = {
  guid: 'g1',
  url: 'https://news.example/a',
  title: 'A title',
  published: '2026-05-09T10:00:00.000Z',
  updated: null,
  author: null,
  summary: null,
  contentHtml: null,
  language: 'en',
};

describe('a job as stored, parsed', () => {
  test('what enqueue writes reads back unchanged', () => {
    const input = { kind: 'input', input: '/pages/a.html', cycle: 'c1' };
    assert.deepEqual(parseJobData(input, '7'), { ok: true, value: input });
    const feedItem = {
      kind: 'feed-item',
      feed: 'https://news.example/feed',
      feedTitle: null,
      index: 3,
      item,
      cycle: 'c1',
    };
    assert.deepEqual(parseJobData(feedItem, '8'), { ok: true, value: feedItem });
    const output = { new: 1, duplicate: 0, failed: 0, articleIds: ['abc'], failures: [], notices: [] };
    assert.deepEqual(parseJobOutput(output, '9'), { ok: true, value: output });
  });

  test('a damaged row is named with the job and where it is wrong', () => {
    const bad = parseJobData({ kind: 'feed-item', feed: 'x', feedTitle: null, index: -1, item, cycle: 'c1' }, '12');
    assert.equal(bad.ok, false);
    assert.match(!bad.ok ? bad.problem : '', /^job 12: its data is malformed: index: /);
    const unknownKind = parseJobData({ kind: 'page', input: 'a', cycle: 'c1' }, '13');
    assert.match(!unknownKind.ok ? unknownKind.problem : '', /^job 13: its data is malformed: kind/);
    const noCycle = parseJobData({ kind: 'input', input: 'a' }, '14');
    assert.match(!noCycle.ok ? noCycle.problem : '', /cycle/);
    const output = parseJobOutput(
      { new: '1', duplicate: 0, failed: 0, articleIds: [], failures: [], notices: [] },
      '15',
    );
    assert.match(!output.ok ? output.problem : '', /^job 15: its output is malformed: new: expected number/);
    assert.equal(parseJobOutput(null, '16').ok, false);
  });
});

const server = process.env.TIDINGS_TEST_DATABASE_URL;
describe('damaged jobs in pg-boss on PostgreSQL', {
  skip: server ? false : 'no TIDINGS_TEST_DATABASE_URL (scripts/test.sh sets it)',
}, () => {
  test('a job whose data is damaged is failed with the reason, the next one is taken, and the cycle counts both', async () => {
    const fresh = await freshServerDatabase(server!);
    const queue = await openJobQueue(fresh.url, { leaseSeconds: 60, retryLimit: 0 });
    try {
      await queue.enqueue('cycle-1', [
        { kind: 'input', input: '/nowhere/damaged.html' },
        { kind: 'input', input: '/nowhere/good.html' },
        { kind: 'input', input: '/nowhere/done.html' },
      ]);
      await fresh.db.query(
        `UPDATE pgboss.job SET data = jsonb_set(data, '{kind}', '"page"') WHERE data->>'input' = '/nowhere/damaged.html'`,
      );
      const taken: string[] = [];
      for (let job = await queue.take(); job !== null; job = await queue.take()) {
        assert.equal(job.data.kind, 'input');
        taken.push(job.data.kind === 'input' ? job.data.input : '');
        await queue.complete(job.id, { new: 1, duplicate: 0, failed: 0, articleIds: ['a'], failures: [], notices: [] });
      }
      assert.deepEqual(taken.sort(), ['/nowhere/done.html', '/nowhere/good.html']);
      // One finished job's output damaged after the fact: counted as failed with its reason.
      await fresh.db.query(
        `UPDATE pgboss.job SET output = '{"new": "many"}'::jsonb WHERE data->>'input' = '/nowhere/done.html'`,
      );
      const progress = await queue.progress('cycle-1');
      assert.equal(progress.pending, 0);
      assert.equal(progress.completed.length, 1);
      assert.equal(progress.failed.length, 2);
      assert.ok(
        progress.failed.some((m) => /its data is malformed: kind/.test(m)),
        progress.failed.join(' | '),
      );
      assert.ok(
        progress.failed.some((m) => /its output is malformed: new: expected number/.test(m)),
        progress.failed.join(' | '),
      );
    } finally {
      await queue.close();
      await fresh.dispose();
    }
  });
});
