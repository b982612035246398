import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { checkSentence, type SourceText } from './grounding.js';
import { readDocument, verifyDocument } from './document.js';
import { renderReport } from './render-report.js';

const SOURCE: SourceText = {
  id: 'northwind',
  label: 'Northwind Post',
  text:
    'Halvard Compute will rent its whole Brightwater campus to Anthropic. The campus draws 300MW.\n\n' +
    'Chief executive Priya Raman said the lease is “a bridge, not a destination.” The parent paid $250 billion for Halvard in 2025.\n\n' +
    '母公司为此支付了 2500 亿美元。投资者担心上市前的现金流。',
};

const DIGEST = `2026-03-02 AI Summary

2 updates

🔴 L1 - Major Platform Updates

Halvard Leases Brightwater To Anthropic L1

Confidence: High

Key Points: Halvard Compute will rent the campus to Anthropic: (1) it draws 300MW; (2) Raman called it "a bridge, not a destination."

Impact: For investors: the "accounting trick" question returns.

Detailed Analysis

Trade-offs

Pros:

  • The campus draws 300MW
  • Anthropic gets capacity

Cons:

  • The parent paid 80x revenue

Quick Start (5-15 minutes)

  1. Read the Northwind Post piece
  2. Ask Kestrel Partners for a view

Recommendation

Watch the listing.

Sources: Northwind Post (News)

🟠 L2 - Important Updates

Second Story Headline L2

Confidence: Low

Key Points: Nothing here is checked against Halvard.
`;

const CARD_MD = `# Halvard rents out Brightwater

## Summary
Halvard Compute will rent its campus to Anthropic. The campus draws 300MW and
the parent paid $250 billion.

## Key takeaway
You should ask whether "a bridge" can carry a listing.

## Principles
- Capacity can be rented.
- Listings need cash.

**Topics:** Halvard, Anthropic
Best for: Investor, Executive
`;

const ZH_CARD = `哈尔瓦德出租布莱特沃特园区

摘要
母公司为此支付了 2500 亿美元。

关键要点
投资者担心“上市前的现金流”。

原则
- 算力可以出租。
`;

describe('readDocument', () => {
  it('reads a digest into item fields, labels and metadata apart', () => {
    const doc = readDocument(DIGEST);
    assert.equal(doc.kind, 'digest');
    assert.deepEqual(
      doc.fields.map((f) => f.path),
      [
        'items[0].headline',
        'items[0].keyPoints',
        'items[0].impact',
        'items[0].pros[0]',
        'items[0].pros[1]',
        'items[0].cons[0]',
        'items[0].quickStart[0]',
        'items[0].quickStart[1]',
        'items[0].recommendation',
        'items[1].headline',
        'items[1].keyPoints',
      ],
    );
    assert.equal(doc.fields[0]!.text, 'Halvard Leases Brightwater To Anthropic');
    assert.equal(doc.fields[0]!.heading, true);
    assert.equal(doc.fields[3]!.text, 'The campus draws 300MW');
    assert.deepEqual(
      doc.meta.filter((m) => m.path !== 'header').map((m) => `${m.path}=${m.text}`),
      ['items[0].confidence=High', 'items[0].sources=Northwind Post (News)', 'items[1].confidence=Low'],
    );
  });
  it('reads a Markdown card: headings, wrapped lines, bullets, bold labels', () => {
    const doc = readDocument(CARD_MD);
    assert.equal(doc.kind, 'card');
    assert.deepEqual(
      doc.fields.map((f) => f.path),
      ['title', 'summary', 'keyTakeaway', 'principles[0]', 'principles[1]'],
    );
    assert.equal(
      doc.fields[1]!.text,
      'Halvard Compute will rent its campus to Anthropic. The campus draws 300MW and the parent paid $250 billion.',
    );
    assert.deepEqual(
      doc.meta.map((m) => m.path),
      ['topics', 'bestFor'],
    );
  });
  it('reads Chinese section labels', () => {
    const doc = readDocument(ZH_CARD);
    assert.deepEqual(
      doc.fields.map((f) => f.path),
      ['title', 'summary', 'keyTakeaway', 'principles[0]'],
    );
  });
  it('reads unlabelled text as paragraphs', () => {
    const doc = readDocument('A short title\n\nFirst paragraph here.\n\nSecond one.');
    assert.equal(doc.kind, 'text');
    assert.deepEqual(
      doc.fields.map((f) => f.path),
      ['title', 'paragraphs[0]', 'paragraphs[1]'],
    );
  });
});

describe('verifyDocument and renderReport', () => {
  it('flags what is not in the sources and passes what is', () => {
    const report = verifyDocument(DIGEST, [SOURCE]);
    assert.deepEqual(
      report.problems.map((p) => `${p.path} ${p.kind} ${p.surface}`),
      [
        'items[0].impact quote accounting trick',
        'items[0].cons[0] figure 80x',
        'items[0].quickStart[1] entity Kestrel Partners',
      ],
    );
  });
  it('a Chinese card: figures across languages, a quote that is in the source', () => {
    assert.equal(verifyDocument(ZH_CARD, [SOURCE]).ok, true);
  });
  it('renders problems, a summary line and supported claims with their spans', () => {
    const text = renderReport(verifyDocument(DIGEST, [SOURCE]));
    assert.match(text, /^Problems\n/);
    assert.match(text, /items\[0\]\.impact {2}quote "accounting trick": quoted, but these words are not in any source/);
    assert.match(text, /NOT OK: 3 unsupported, \d+ supported \(1\/2 quotes, 2\/3 figures, \d+\/\d+ names\)/);
    const start = SOURCE.text.indexOf('a bridge, not a destination');
    assert.ok(
      text.includes(
        `quote "a bridge, not a destination"  <-  Northwind Post @${start}-${start + 27} "a bridge, not a destination"`,
      ),
    );
    assert.match(text, /Not checked \(labels and metadata\): header, items\[0\]\.confidence/);
  });
  it('an all-supported report says OK', () => {
    const text = renderReport(verifyDocument('Summary\nThe campus draws 300MW.', [SOURCE]));
    assert.match(text, /^OK: 0 unsupported, 1 supported/);
  });
});

// The required check on the reference documents: the first item of seed 000 against seed 001.
const SEEDS = join(import.meta.dirname, '../../../shared/seeds');

describe('seed 000, first item, against seed 001', () => {
  const present =
    existsSync(SEEDS) &&
    readdirSync(SEEDS).some((f) => f.startsWith('000_')) &&
    readdirSync(SEEDS).some((f) => f.startsWith('001_'));
  const read = (prefix: string): string =>
    readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(prefix))!), 'utf8');

  it('flags the quotes, figures and names 001 does not contain, and only those', (t) => {
    if (!present) return t.skip('../shared/seeds not present: seed 000/001 check skipped');
    const digest = read('000_');
    const cut = digest.indexOf('🟠 L2');
    assert.ok(cut > 0, 'seed 000 has an L2 tier');
    const report = verifyDocument(digest.slice(0, cut), [{ id: '001', label: 'seed 001', text: read('001_') }]);
    const flagged = report.problems.map((p) => `${p.kind}:${p.surface}`);
    assert.ok(flagged.includes('quote:accounting-attractive'));
    assert.ok(flagged.includes('quote:hostile to Western civilization'));
    // Every other flag, checked by hand: none of these strings is in 001.
    assert.deepEqual(flagged.sort(), [
      'entity:CNBC',
      'entity:Fortune',
      'entity:OpenAI',
      'figure:$25B',
      'figure:80x',
      'figure:80x',
      'quote:AI company compute alliances',
      'quote:AI economics',
      'quote:Anthropic 80x growth',
      'quote:accounting-attractive',
      'quote:hostile to Western civilization',
      'quote:neocloud model',
      "quote:neocloud model's sustainability",
      'quote:sober perspective',
      'quote:sober voice',
      'quote:upstream compute supplier stability',
    ]);
    // The article's title, quoted with straight apostrophes, is in 001 with curly ones: not flagged.
    const supportedQuotes = report.fields
      .flatMap((f) => f.sentences.flatMap((s) => s.claims))
      .filter((c) => c.kind === 'quote' && c.supported);
    assert.deepEqual(
      supportedQuotes.map((c) => c.surface),
      ["We're feeling cynical about xAI's big deal with Anthropic"],
    );
  });

  it('passes "heat check before the IPO", which 001 contains', (t) => {
    if (!present) return t.skip('../shared/seeds not present: seed 000/001 check skipped');
    const source: SourceText = { id: '001', label: 'seed 001', text: read('001_') };
    const check = checkSentence('Sean O’Kane called the deal "a major heat check before the IPO."', [source]);
    const quote = check.claims.find((c) => c.kind === 'quote')!;
    assert.equal(quote.supported, true);
    assert.equal(check.ok, true);
    const s = quote.support[0]!;
    assert.equal(source.text.slice(s.start, s.end), 'a major heat check before the IPO');
  });

  it('the summary card of 001 (seed 002) verifies clean against 001', (t) => {
    if (!present || !readdirSync(SEEDS).some((f) => f.startsWith('002_')))
      return t.skip('../shared/seeds not present: seed 002 check skipped');
    const report = verifyDocument(read('002_'), [{ id: '001', label: 'seed 001', text: read('001_') }]);
    assert.deepEqual(report.problems, []);
    assert.ok(report.fields.length >= 8);
  });
});
