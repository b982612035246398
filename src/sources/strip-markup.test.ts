import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stripMarkup, textToHtml } from './strip-markup.js';

describe('stripMarkup', () => {
  const cases: Array<[string, string, string]> = [
    ['plain text is only collapsed', '  a\n  b\t', 'a b'],
    ['a bare less-than stays', 'a < b and c > d', 'a < b and c > d'],
    ['entities are decoded once', 'AT&amp;T &ldquo;x&rdquo;&nbsp;y', 'AT&T “x” y'],
    ['escaped markup inside HTML is literal text', 'buys &lt;em&gt;x&lt;/em&gt;', 'buys <em>x</em>'],
    ['tags are dropped', 'Hello <b>world</b>', 'Hello world'],
    ['blocks do not glue words', '<p>one</p><p>two</p><br/>three', 'one two three'],
    ['script and style bodies are dropped', 'x<script>alert(1)</script><style>p{}</style>y', 'xy'],
    ['Chinese text is kept', '<p>英伟达发布</p>', '英伟达发布'],
  ];
  for (const [name, input, want] of cases) it(name, () => assert.equal(stripMarkup(input), want));
});

describe('textToHtml', () => {
  it('turns blank-line paragraphs into <p> elements', () =>
    assert.equal(textToHtml('One\n\n\n Two <b>\n'), '<p>One</p>\n<p>Two &lt;b&gt;</p>'));
});
