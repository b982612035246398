import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeFeedDate } from './feed-date.js';

const cases: Array<{ name: string; raw: string; language?: string; want: string | null }> = [
  { name: 'RFC 822 with GMT', raw: 'Sun, 10 May 2026 08:30:00 GMT', want: '2026-05-10T08:30:00.000Z' },
  { name: 'RFC 822 with EST', raw: 'Sun, 10 May 2026 08:30:00 EST', want: '2026-05-10T13:30:00.000Z' },
  { name: 'RFC 822 with PDT, no seconds', raw: 'Fri, 01 May 2026 17:05 PDT', want: '2026-05-02T00:05:00.000Z' },
  {
    name: 'RFC 822 numeric zone, 2-digit year, no weekday',
    raw: '9 May 26 23:05 +0200',
    want: '2026-05-09T21:05:00.000Z',
  },
  {
    name: 'RFC 822 wrong weekday is ignored',
    raw: 'Mon, 10 May 2026 00:00:00 +0000',
    want: '2026-05-10T00:00:00.000Z',
  },
  { name: 'RFC 822 full month name', raw: '10 September 2026 10:00:00 UT', want: '2026-09-10T10:00:00.000Z' },
  { name: 'RFC 822 military Z', raw: 'Sun, 10 May 2026 08:30:00 Z', want: '2026-05-10T08:30:00.000Z' },
  {
    name: 'CST in an English feed is US Central',
    raw: 'Sun, 10 May 2026 08:30:00 CST',
    language: 'en',
    want: '2026-05-10T14:30:00.000Z',
  },
  {
    name: 'CST in a Chinese feed is China time',
    raw: 'Sun, 10 May 2026 08:30:00 CST',
    language: 'zh-cn',
    want: '2026-05-10T00:30:00.000Z',
  },
  { name: 'ISO with offset', raw: '2026-05-10T01:00:00+08:00', want: '2026-05-09T17:00:00.000Z' },
  { name: 'ISO with Z and fraction', raw: '2026-05-10T01:00:00.25Z', want: '2026-05-10T01:00:00.250Z' },
  { name: 'ISO with compact offset', raw: '2026-05-10T01:00:00-0330', want: '2026-05-10T04:30:00.000Z' },
  {
    name: 'zone-less in an English feed is UTC',
    raw: '2026-05-10 08:30:00',
    language: 'en',
    want: '2026-05-10T08:30:00.000Z',
  },
  {
    name: 'zone-less in a Chinese feed is UTC+8',
    raw: '2026-05-10 08:30:00',
    language: 'zh-CN',
    want: '2026-05-10T00:30:00.000Z',
  },
  {
    name: 'slashes, single digits, Chinese feed',
    raw: '2026/5/1 8:05',
    language: 'zh',
    want: '2026-05-01T00:05:00.000Z',
  },
  { name: 'date only', raw: '2026-05-10', want: '2026-05-10T00:00:00.000Z' },
  { name: 'Chinese date and time', raw: '2026年5月9日 21:15', language: 'zh', want: '2026-05-09T13:15:00.000Z' },
  {
    name: 'Chinese date, full-width colon',
    raw: '2026年05月09日 21：15',
    language: 'zh',
    want: '2026-05-09T13:15:00.000Z',
  },
  { name: 'Chinese date only', raw: '2026年5月9日', language: 'zh-Hans', want: '2026-05-08T16:00:00.000Z' },
  { name: 'ISO with named zone', raw: '2026-05-10 08:30:00 CST', language: 'zh', want: '2026-05-10T00:30:00.000Z' },
  { name: 'GMT+8 style zone', raw: 'Sun, 10 May 2026 08:30:00 GMT+8', want: '2026-05-10T00:30:00.000Z' },
  { name: '31 February is rejected', raw: '2026-02-31 10:00:00', want: null },
  { name: 'hour 25 is rejected', raw: '2026-05-10 25:00:00', want: null },
  { name: 'unknown zone is rejected', raw: 'Sun, 10 May 2026 08:30:00 XYZT', want: null },
  { name: 'unknown month is rejected', raw: '10 Mai 2026 08:30:00 GMT', want: null },
  { name: 'prose is rejected', raw: 'yesterday', want: null },
  { name: 'blank is null', raw: '   ', want: null },
];

describe('normalizeFeedDate', () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(normalizeFeedDate(c.raw, { language: c.language ?? null }), c.want);
    });
  }
});
