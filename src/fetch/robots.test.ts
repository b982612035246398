import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRobots, patternMatches, productToken, robotsVerdict, type RobotsPolicy } from './robots.js';

const ROBOTS = `
# invented robots.txt for tests
User-agent: *
Disallow: /private
Allow: /private/press
Disallow: /*.pdf$
Disallow: /search?
Crawl-delay: 2

User-agent: TidingsBot
User-agent: OtherBot
Disallow: /drafts/
Allow: /drafts/public$
Disallow: /tmp
Allow: /tmp
Crawl-delay: 5

User-agent: BlockedBot
Disallow: /
`;

const rules: RobotsPolicy = { kind: 'rules', groups: parseRobots(ROBOTS) };

const cases: Array<[name: string, agent: string, path: string, allowed: boolean, delay: number | null]> = [
  ['star group: disallowed prefix', 'SomeCrawler/1.0', '/private/memo', false, 2],
  ['star group: longer Allow beats Disallow', 'SomeCrawler/1.0', '/private/press/release', true, 2],
  ['star group: $ anchors the end', 'SomeCrawler/1.0', '/files/report.pdf', false, 2],
  ['star group: $ does not match a longer path', 'SomeCrawler/1.0', '/files/report.pdf?x=1', true, 2],
  ['star group: query string rule', 'SomeCrawler/1.0', '/search?q=nvidia', false, 2],
  ['star group: unmatched path allowed', 'SomeCrawler/1.0', '/news/today', true, 2],
  ['named group replaces the star group', 'TidingsBot/0.1 (+contact)', '/private/memo', true, 5],
  ['named group: disallowed', 'TidingsBot/0.1', '/drafts/one', false, 5],
  ['named group: anchored Allow', 'TidingsBot/0.1', '/drafts/public', true, 5],
  ['named group: anchored Allow needs exact end', 'TidingsBot/0.1', '/drafts/public/2', false, 5],
  ['equal-length Allow and Disallow: Allow wins', 'tidingsbot', '/tmp/x', true, 5],
  ['agent match is case-insensitive', 'TIDINGSBOT/2', '/drafts/x', false, 5],
  ['second agent line of a shared group', 'OtherBot', '/drafts/x', false, 5],
  ['disallow-all group', 'BlockedBot/3', '/', false, null],
  ['robots.txt itself is always allowed', 'BlockedBot/3', '/robots.txt', true, null],
];

for (const [name, agent, path, allowed, delay] of cases) {
  test(`robotsVerdict: ${name}`, () => {
    const verdict = robotsVerdict(rules, agent, path);
    assert.equal(verdict.allowed, allowed, `rule: ${verdict.rule}`);
    assert.equal(verdict.crawlDelaySeconds, delay);
  });
}

test('robotsVerdict: allow-all and disallow-all policies', () => {
  assert.equal(robotsVerdict({ kind: 'allow-all', reason: '404' }, 'x', '/a').allowed, true);
  const verdict = robotsVerdict({ kind: 'disallow-all', reason: 'robots.txt answered 503' }, 'x', '/a');
  assert.equal(verdict.allowed, false);
  assert.equal(verdict.rule, 'robots.txt answered 503');
});

test('parseRobots: rules before any user-agent, comments, empty Disallow and CRLF', () => {
  const groups = parseRobots('Disallow: /orphan\r\nUser-agent: *  # all\r\nDisallow:\r\nDisallow: /x # note\r\n');
  assert.equal(groups.length, 1);
  assert.deepEqual(groups[0]?.rules, [{ allow: false, pattern: '/x' }]);
  const policy: RobotsPolicy = { kind: 'rules', groups };
  assert.equal(robotsVerdict(policy, 'a', '/orphan').allowed, true);
  assert.equal(robotsVerdict(policy, 'a', '/x/y').allowed, false);
});

test('parseRobots: no groups at all allows everything', () => {
  const policy: RobotsPolicy = { kind: 'rules', groups: parseRobots('<html>not robots</html>') };
  assert.equal(robotsVerdict(policy, 'TidingsBot', '/anything').allowed, true);
});

test('robotsVerdict: percent-encoding and non-ASCII paths compare equal', () => {
  const policy: RobotsPolicy = {
    kind: 'rules',
    groups: parseRobots('User-agent: *\nDisallow: /新闻/\nDisallow: /a%7eb\n'),
  };
  assert.equal(robotsVerdict(policy, 'x', '/%E6%96%B0%E9%97%BB/1').allowed, false);
  assert.equal(robotsVerdict(policy, 'x', '/a~b').allowed, false);
});

const patterns: Array<[pattern: string, path: string, matches: boolean]> = [
  ['/', '/anything', true],
  ['/a*b', '/a/x/b/c', true],
  ['/a*b$', '/a/x/b/c', false],
  ['/a*b$', '/a/x/b/b', true],
  ['*.php', '/x/index.php', true],
  ['/fish$', '/fish', true],
  ['/fish$', '/fishes', false],
  ['/*/*/x', '/a/b/x', true],
  ['/*/*/x', '/a/x', false],
];
for (const [pattern, path, matches] of patterns) {
  test(`patternMatches: ${pattern} vs ${path}`, () => assert.equal(patternMatches(pattern, path), matches));
}

test('productToken', () => {
  assert.equal(productToken('TidingsBot/0.1 (+https://example.invalid)'), 'tidingsbot');
  assert.equal(productToken('  Plain  '), 'plain');
});
