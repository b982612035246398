import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { externalImage, externalLink, html, linkified, safeHttpUrl, trusted } from './html.js';

describe('html template', () => {
  test('interpolations are escaped; arrays join; null, undefined and false vanish; SafeHtml passes', () => {
    const cases: Array<[string, string, string]> = [
      ['text', html`<p>${'a < b & "c" \'d\''}</p>`.value, '<p>a &lt; b &amp; &quot;c&quot; &#39;d&#39;</p>'],
      [
        'closing tag',
        html`<title>${'</title><script>x()</script>'}</title>`.value,
        '<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>',
      ],
      [
        'attribute breakout',
        html`<a title="${'" onmouseover="x()'}">`.value,
        '<a title="&quot; onmouseover=&quot;x()">',
      ],
      ['entities stay text', html`${'&lt;script&gt;'}`.value, '&amp;lt;script&amp;gt;'],
      [
        'array',
        html`<ul>${['a', '<b>'].map((x) => html`<li>${x}</li>`)}</ul>`.value,
        '<ul><li>a</li><li>&lt;b&gt;</li></ul>',
      ],
      ['empty values', html`${null}${undefined}${false}${0}`.value, '0'],
      ['trusted', html`${trusted('<br>')}`.value, '<br>'],
    ];
    for (const [name, got, want] of cases) assert.equal(got, want, name);
    assert.equal(html`${'photo\u202Egnp.exe\u202C'}`.value, 'photognp.exe', 'text/escape.ts drops controls');
  });

  test('only absolute http(s) URLs are links', () => {
    const cases: Array<[string | null, string | null]> = [
      ['https://example.com/a?b=1#c', 'https://example.com/a?b=1#c'],
      ['http://example.com', 'http://example.com/'],
      ['  https://example.com/x  ', 'https://example.com/x'],
      ['javascript:alert(1)', null],
      ['JaVaScRiPt:alert(1)', null],
      ['java\tscript:alert(1)', null],
      ['data:text/html,<script>x</script>', null],
      ['vbscript:msgbox', null],
      ['file:///etc/passwd', null],
      ['/relative/path', null],
      ['//evil.example/x', null],
      ['', null],
      [null, null],
    ];
    for (const [input, want] of cases) assert.equal(safeHttpUrl(input), want, String(input));
  });

  test('external links and images: no referrer; anything else is text or nothing', () => {
    assert.match(
      externalLink('https://a.example/', 'A').value,
      /^<a href="https:\/\/a\.example\/" rel="noopener noreferrer nofollow" referrerpolicy="no-referrer">A<\/a>$/,
    );
    assert.equal(externalLink('javascript:x()', '<b>A</b>').value, '<span class="nolink">&lt;b&gt;A&lt;/b&gt;</span>');
    assert.match(externalImage('https://img.example/a.png', 'x').value, /referrerpolicy="no-referrer"/);
    assert.equal(externalImage('data:image/svg+xml,<svg onload=x()>', 'x').value, '');
  });

  test('linkified: addresses in running text become links, the sentence around them stays text', () => {
    const cases: Array<[string, string, RegExp[]]> = [
      [
        'a URL at the end of a sentence',
        'Read the report: https://x.example/a?b=1&c=2.',
        [
          /^Read the report: <a href="https:\/\/x\.example\/a\?b=1&amp;c=2"[^>]*>https:\/\/x\.example\/a\?b=1&amp;c=2<\/a>\.$/,
        ],
      ],
      [
        'two URLs',
        'https://a.example/1 and (https://b.example/2)',
        [
          /<a href="https:\/\/a\.example\/1"/,
          /\(<a href="https:\/\/b\.example\/2"[^>]*>https:\/\/b\.example\/2<\/a>\)$/,
        ],
      ],
      [
        'before Chinese punctuation',
        '原文：https://guichao.example/a.html。',
        [/<a href="https:\/\/guichao\.example\/a\.html"[^>]*>https:\/\/guichao\.example\/a\.html<\/a>。$/],
      ],
      ['no URL: escaped text', 'a < b', [/^a &lt; b$/]],
      ['not http(s): text', 'javascript:alert(1) ftp://x.example/', [/^javascript:alert\(1\) ftp:\/\/x\.example\/$/]],
      [
        'markup in the text stays text',
        '<b>x</b> https://x.example/"onmouseover="y',
        [
          /^&lt;b&gt;x&lt;\/b&gt; <a href="https:\/\/x\.example\/"[^>]*>https:\/\/x\.example\/<\/a>&quot;onmouseover=&quot;y$/,
        ],
      ],
    ];
    for (const [name, text, wants] of cases) for (const want of wants) assert.match(linkified(text).value, want, name);
    assert.match(linkified('see https://x.example/a').value, /rel="noopener noreferrer nofollow"/);
  });
});
