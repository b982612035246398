// Character references that spell UTF-8 bytes one by one, and feeds served under a non-XML media type.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFeedBytes } from '../cli/feed-command.js';
import { parseFeed } from './feed.js';

function item(description: string): { title: string | null; summary: string | null } {
  const r = parseFeed(
    `<rss version="2.0"><channel><title>Wire</title><item><title>T</title><link>https://w.example/1</link><description>${description}</description></item></channel></rss>`,
  );
  if (!r.ok) assert.fail(r.message);
  return r.value.items[0]!;
}

describe('UTF-8 written as one reference per byte', () => {
  it('reads &#226;&#128;&#153; as ’ and &#195;&#169; as é', () => {
    assert.equal(item('It&#226;&#128;&#153;s a caf&#195;&#169;').summary, 'It’s a café');
  });
  it('reads named references that spell the bytes the same way', () => {
    assert.equal(item('Wait&acirc;&#128;&brvbar;').summary, 'Wait…');
  });
  it('leaves real Latin-1 references alone', () => {
    assert.equal(item('caf&#233; &#196;rger &#246;').summary, 'café Ärger ö');
    // Two Latin-1 letters that do not form a UTF-8 sequence.
    assert.equal(item('&#233;&#224;').summary, 'éà');
  });
  it('leaves text with characters past U+00FF alone', () => {
    assert.equal(item('&#195;&#169; &#8364;').summary, 'Ã© €');
  });
});

describe('media type', () => {
  const rss = Buffer.from(
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>A</title><link>https://w.example/a</link></item></channel></rss>',
  );
  it('a feed served as text/plain is read and the media type reported', () => {
    const r = readFeedBytes(rss, {
      source: 'wire',
      url: 'https://w.example/feed',
      contentType: 'text/plain; charset=utf-8',
    });
    assert.equal(r.ok, true);
    assert.equal(r.items.length, 1);
    assert.equal(r.wellFormed, false);
    assert.deepEqual(r.problems, [
      'the server says the feed is text/plain, not an XML or JSON type; read as a feed anyway',
    ]);
  });
  it('XML, RSS, Atom and JSON types say nothing', () => {
    for (const type of [
      'application/rss+xml',
      'text/xml',
      'application/atom+xml; charset=utf-8',
      'application/xml',
      'application/feed+json',
    ]) {
      const r = readFeedBytes(rss, { source: 'wire', url: 'https://w.example/feed', contentType: type });
      assert.deepEqual(r.problems, [], type);
      assert.equal(r.wellFormed, true);
    }
  });
});
