import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractHtml, extractMarkdown } from './extract.js';

// Inline elements (<code>, <em>, <a>, <strong>, <kbd>) carry no word boundary of their own: the
// words around them keep the whitespace the page has, so "the <code>MSVC</code> compiler" is read
// as "the MSVC compiler", never "theMSVC" (a name the verifier could not find whole).
const PAD = ' The rest of this paragraph is ordinary article prose, long enough to be kept as body text by the scorer.';

function paragraphs(inline: string): string[] {
  const html = `<html><body><article><h1>Title here</h1><p>Microsoft said ${inline} works.${PAD}</p><p>Second paragraph mentions ${inline} again.${PAD}</p></article></body></html>`;
  return extractHtml(html, { url: 'https://example.test/a' }).paragraphs;
}

describe('inline markup does not glue words', () => {
  const cases: Array<[string, string]> = [
    ['the <code>MSVC</code> compiler', 'the MSVC compiler'],
    ['the\n<code>MSVC</code>\ncompiler', 'the MSVC compiler'],
    ['the&nbsp;<code>MSVC</code>&nbsp;compiler', 'the MSVC compiler'],
    ['the <em>iPhone</em> app', 'the iPhone app'],
    ['the <a href="https://arxiv.org/abs/2604.01234">arXiv</a> paper', 'the arXiv paper'],
    ['an <strong>RTX</strong>&nbsp;5090 card', 'an RTX 5090 card'],
    ['the <span class="x"><code class="language-text">nRF54L15</code></span> chip', 'the nRF54L15 chip'],
    ['<kbd>Ctrl</kbd>+<kbd>C</kbd> keys', 'Ctrl+C keys'],
  ];
  for (const [inline, text] of cases) {
    it(JSON.stringify(inline), () => {
      const got = paragraphs(inline);
      assert.ok(got[0]?.startsWith(`Microsoft said ${text} works.`), got[0]);
      assert.ok(got[1]?.startsWith(`Second paragraph mentions ${text} again.`), got[1]);
    });
  }
  it('Markdown code spans, emphasis and links keep their spaces', () => {
    const md = `# Title here\n\nMicrosoft said the \`MSVC\` compiler builds **PyTorch** 2.5 from [arXiv](https://arxiv.org) papers.${PAD}\n`;
    assert.ok(
      extractMarkdown(md).paragraphs[0]?.startsWith(
        'Microsoft said the MSVC compiler builds PyTorch 2.5 from arXiv papers.',
      ),
    );
  });
});
