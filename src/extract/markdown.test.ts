import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isLinePerParagraph, markdownParagraphs, splitFrontMatter } from './markdown.js';
import { extractMarkdown, extractPlainText } from './extract.js';

const LINES = [
  'Lumen Labs said on Monday that it will let academic researchers download the weights of its 40-billion-parameter language model.',
  'The company said the release comes with a licence that permits research and commercial use for small organisations.',
  '"We think the field moves faster when more people can look inside these systems," chief executive Dana Whitlock said.',
  'Lumen Labs did not say whether future models would be released the same way.',
];

const WRAPPED = [
  'Tallowind said on Tuesday that its coding assistant can now spend more time',
  'on a hard problem before answering, a mode the company calls "deliberate".',
  'Early users said it fixed bugs that the regular mode missed.',
];

describe('one paragraph per line', () => {
  test('long lines that end sentences are paragraphs', () => {
    assert.equal(isLinePerParagraph(LINES), true);
    assert.deepEqual(markdownParagraphs(LINES.join('\n')).paragraphs, LINES);
  });

  test('hard-wrapped Markdown is still joined', () => {
    assert.equal(isLinePerParagraph(WRAPPED), false);
    assert.deepEqual(markdownParagraphs(WRAPPED.join('\n')).paragraphs, [WRAPPED.join(' ')]);
    // Two short lines that happen to end sentences: nothing says they are not one wrapped paragraph.
    assert.deepEqual(markdownParagraphs('It rained.\nThen it stopped.').paragraphs, ['It rained. Then it stopped.']);
  });

  test('a subheading line among paragraphs stays its own line', () => {
    const body = [LINES[0], LINES[1], 'What comes next', LINES[2], LINES[3]].join('\n');
    assert.deepEqual(markdownParagraphs(body).paragraphs, [LINES[0], LINES[1], 'What comes next', LINES[2], LINES[3]]);
  });

  test('Chinese paragraphs, one per line', () => {
    const zh = [
      '智谱公司9日发布新一代开源大模型，称其在多项中文理解测试中的成绩超过此前版本，并向研究机构免费开放模型权重。',
      '公司表示，新模型参数规模为320亿，支持128K上下文长度，可在单台服务器上部署运行。',
    ];
    assert.deepEqual(markdownParagraphs(zh.join('\n')).paragraphs, zh);
  });

  test('code keeps its lines together', () => {
    const code = ['```', ...LINES, '```'].join('\n');
    assert.equal(markdownParagraphs(code).paragraphs.length, 1);
  });

  test('text files too; a short first line is still the title', () => {
    const page = extractPlainText(['A headline without a full stop', ...LINES].join('\n'));
    assert.equal(page.title, 'A headline without a full stop');
    assert.deepEqual(page.paragraphs, LINES);
    assert.equal(extractPlainText(WRAPPED.join('\n')).paragraphs.length, 1);
  });
});

describe('short paragraphs one per line', () => {
  test('three or more short lines that all end sentences are paragraphs; a wrapped text is not', () => {
    const short = [
      'Quill Semiconductors said it closed a $300 million Series C, with Bayline Fund leading.',
      'The deal puts the valuation at $3.6 billion.',
      'Most of the money will go to compute and to its Lyon office, the company said.',
    ];
    assert.equal(isLinePerParagraph(short), true);
    assert.equal(isLinePerParagraph(WRAPPED), false);
    assert.equal(isLinePerParagraph(['One.', 'Two.', 'Three.']), false, 'too short to be paragraphs');
  });
});

describe('front matter', () => {
  test('the outlet named as source, publisher or outlet is the site name (an address there is not)', () => {
    const body = LINES.join('\n');
    assert.equal(
      extractMarkdown(`---\ntitle: T\nsource: Valley Business Desk\n---\n${body}`).siteName,
      'Valley Business Desk',
    );
    assert.equal(extractMarkdown(`---\ntitle: T\npublisher: Render Review\n---\n${body}`).siteName, 'Render Review');
    assert.equal(extractMarkdown(`---\ntitle: T\nsite: Own Site\nsource: Other\n---\n${body}`).siteName, 'Own Site');
    assert.equal(extractMarkdown(`---\ntitle: T\nsource: https://example.com/a\n---\n${body}`).siteName, null);
  });

  test('YAML is read as before, with no problem', () => {
    const fm = splitFrontMatter('---\ntitle: "A: B"\nurl: https://x.example/a\n---\nBody.');
    assert.deepEqual(fm.front, { title: 'A: B', url: 'https://x.example/a' });
    assert.equal(fm.body, 'Body.');
    assert.equal(fm.problem, null);
  });

  test('a header that is not YAML is read line by line and reported', () => {
    const fm = splitFrontMatter(
      '---\ntitle: Quillfeed: the week agents went to work\nurl: https://q.example/2026/03/11/agents\npublished: 2026-03-11\n---\nBody.',
    );
    assert.equal(fm.front.title, 'Quillfeed: the week agents went to work');
    assert.equal(fm.front.url, 'https://q.example/2026/03/11/agents');
    assert.equal(fm.front.published, '2026-03-11');
    assert.equal(fm.body, 'Body.');
    assert.match(fm.problem ?? '', /^front matter is not valid YAML \(.+\); read its fields line by line$/);
  });

  test('a header never closed is read up to its last field and reported', () => {
    const fm = splitFrontMatter(
      '---\ntitle: Orbit raises $300 million\npublished: 2026-03-10\n\nOrbit Compute has raised money.',
    );
    assert.deepEqual(fm.front, { title: 'Orbit raises $300 million', published: '2026-03-10' });
    assert.match(fm.problem ?? '', /no closing "---"/);
    assert.deepEqual(markdownParagraphs(fm.body).paragraphs, ['Orbit Compute has raised money.']);
  });

  test('a header that is YAML but not fields is reported', () => {
    const fm = splitFrontMatter('---\n- a\n- b\n---\nBody.');
    assert.match(fm.problem ?? '', /not a list of fields/);
  });

  test('a file without front matter has no problem; a thematic break is not a header', () => {
    assert.equal(splitFrontMatter('# Title\n\nBody.').problem, null);
    assert.equal(splitFrontMatter('---\n\nBody after a rule.').problem, null);
  });

  test('a header date that cannot be read is reported, not dropped in silence', () => {
    const page = extractMarkdown(
      '---\ntitle: T\npublished: sometime last spring\n---\nBody text long enough to stand as the article.\n',
    );
    assert.equal(page.published, null);
    assert.deepEqual(page.problems, ['front matter "published: sometime last spring" is not a date it can read']);
    assert.equal(extractMarkdown('---\ntitle: T\npublished: 2026-03-09\n---\nBody.\n').problems, undefined);
  });

  test('extractMarkdown keeps the title, date and link of a broken header and reports it', () => {
    const page = extractMarkdown(
      '---\ntitle: Quillfeed: agents at work\nurl: https://q.example/a\npublished: 2026-03-11\n---\nSoftware agents moved from demonstrations to paid products this week, as three companies began charging for them.\n',
    );
    assert.equal(page.title, 'Quillfeed: agents at work');
    assert.equal(page.published, '2026-03-11');
    assert.equal(page.canonicalUrl, 'https://q.example/a');
    assert.equal(page.problems?.length, 1);
  });
});
