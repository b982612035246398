import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText, escapeText } from './escape.js';

describe('escapeText and cleanText: one policy for the site, feeds, e-mail and exports', () => {
  const cases: Array<{ name: string; text: string; clean: string; escaped: string }> = [
    {
      name: 'the five markup characters',
      text: `<a href="x" title='y'>&</a>`,
      clean: `<a href="x" title='y'>&</a>`,
      escaped: '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    },
    {
      name: 'entities stay text',
      text: '&lt;script&gt;',
      clean: '&lt;script&gt;',
      escaped: '&amp;lt;script&amp;gt;',
    },
    { name: 'other text untouched', text: 'é 中文 🚀 عربي', clean: 'é 中文 🚀 عربي', escaped: 'é 中文 🚀 عربي' },
    { name: 'tab and line feed kept', text: 'a\tb\nc', clean: 'a\tb\nc', escaped: 'a\tb\nc' },
    {
      name: 'bidi controls dropped ("exe.png" must not read as "gnp.exe")',
      text: 'photo\u202Egnp.exe\u202C \u2066x\u2069 \u061Cy',
      clean: 'photognp.exe x y',
      escaped: 'photognp.exe x y',
    },
    {
      name: 'terminal escape sequences dropped whole, with BEL',
      text: '\u001b[2Jy\u0007 \u001b]0;title\u0007z',
      clean: 'y z',
      escaped: 'y z',
    },
    {
      name: 'C0 (CR included), DEL and C1 controls dropped',
      text: 'a\u0001\u0008b\r\nc\u007Fd\u0085\u009Be',
      clean: 'ab\ncde',
      escaped: 'ab\ncde',
    },
    {
      name: 'what XML 1.0 forbids dropped: lone surrogates, U+FFFE, U+FFFF; a surrogate pair kept',
      text: 'a\uD800b\uDC00c\uFFFEd\uFFFFe \uD83D\uDE80',
      clean: 'abcde 🚀',
      escaped: 'abcde 🚀',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      assert.equal(cleanText(c.text), c.clean);
      assert.equal(escapeText(c.text), c.escaped);
    });
});
