// Tidings in-browser search. This one file is both the shipped asset (DIR/assets/search.js, a classic
// script) and the core the node tests run (src/publish/search/search-core.ts loads it in a vm), so
// the tokeniser and the scorer that are tested are the bytes the reader gets.
//
// The index (DIR/assets/search-index.js) sets globalThis.TIDINGS_SEARCH_INDEX =
//   { v: 1, fold: { 後: '后', … }, texts: [string…], docs: [[lang, path, title, kind, date, textIndex]…] }
// Documents are tokenised here on first search, not at build time: the text is needed for snippets
// anyway, so shipping postings as well would only make the index bigger.
//
// Safety: indexed text is third-party text. It reaches the page only through createTextNode and
// textContent, never innerHTML; links are built from the index's own site-relative paths.
(function (root) {
  'use strict';

  var WORDLIKE = /[\p{L}\p{N}]/u;
  var MARKS = /\p{M}/gu;
  var MAX_QUERY = 200; // characters of the query that are read; the rest is ignored
  // SEARCH_STOPWORDS of src/text/english-words.ts (this script cannot import it; a test compares them).
  var STOP = new Set(
    'a an and are as at be by for from has have in is it its of on or that the this to was were will with'.split(' '),
  );
  var TITLE_WEIGHT = 3;
  var NONE = 0, WORD = 1, CJK = 2, APOS = 3;

  /**
   * Folds text for matching, one code point at a time so every folded character keeps the offset of
   * the original character it came from (pos[i] = offset in text of folded char i; pos[s.length] =
   * text.length): compatibility forms (full-width → half-width), accents dropped, lower case,
   * traditional → simplified through the index's character map. Without `withPos` no offsets are kept.
   */
  function fold(text, map, withPos) {
    var parts = [];
    var pos = withPos === false ? null : [];
    var hasMap = !!map;
    for (var i = 0; i < text.length; ) {
      var c = text.charCodeAt(i);
      var f, n = 1;
      if (c < 0x80) f = c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i];
      else if (c >= 0x4e00 && c <= 0x9fff) f = hasMap && map[text[i]] !== undefined ? map[text[i]] : text[i];
      // Kana and Hangul syllables as written: NFKD would split them into base and combining parts
      // (and dropping the marks would turn ガ into カ).
      else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af)) f = text[i];
      else {
        var cp = text.codePointAt(i);
        var ch = String.fromCodePoint(cp);
        n = ch.length;
        f = ch.normalize('NFKD').replace(MARKS, '').toLowerCase();
        if (hasMap && f.length > 0 && Object.prototype.hasOwnProperty.call(map, f)) f = map[f];
      }
      parts.push(f);
      if (pos) for (var k = 0; k < f.length; k++) pos.push(i);
      i += n;
    }
    if (pos) pos.push(text.length);
    return { s: parts.join(''), pos: pos };
  }

  var classCache = new Map();
  /** The class of the code point at s[i]: WORD (letters, digits), CJK (Han, kana, Hangul), APOS, NONE. */
  function classAt(s, i) {
    var c = s.charCodeAt(i);
    if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? WORD : c === 39 ? APOS : NONE;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff)) return CJK;
    if (c === 0x2019) return APOS;
    var cp = s.codePointAt(i);
    if (cp >= 0x20000 && cp <= 0x3134f) return CJK;
    var k = classCache.get(cp);
    if (k === undefined) {
      var ch = String.fromCodePoint(cp);
      k = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u.test(ch) ? CJK : WORDLIKE.test(ch) ? WORD : NONE;
      classCache.set(cp, k);
    }
    return k;
  }

  function hasVowel(s) {
    return /[aeiouy]/.test(s);
  }

  var stems = new Map();
  /** Light English stemming: plurals, -ing, -ed, final e; both query and text go through it. */
  function stem(word) {
    var known = stems.get(word);
    if (known !== undefined) return known;
    var w = word.replace(/['\u2019]s$/, '').replace(/['\u2019]/g, '');
    if (w.length > 3 && /^[a-z]+$/.test(w)) {
      if (/ies$/.test(w) && w.length > 4) w = w.slice(0, -3) + 'y';
      else if (/sses$/.test(w)) w = w.slice(0, -2);
      else if (/[^su]s$/.test(w) && !/is$/.test(w)) w = w.slice(0, -1);
      var m = /^(.*?)(ing|ed)$/.exec(w);
      if (m && m[1].length >= 3 && hasVowel(m[1])) {
        w = m[1];
        if (/([b-df-hj-km-np-rtv-x])\1$/.test(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1);
      }
      if (w.length > 3 && /e$/.test(w)) w = w.slice(0, -1);
    }
    if (stems.size < 50000) stems.set(word, w);
    return w;
  }

  /**
   * Walks folded text: emit(kind, term, start, end) per token, offsets into the folded string. A CJK
   * run gives each character ('c') and each pair of neighbours ('p'); a word (letters and digits,
   * inner apostrophes allowed) gives its stem ('w', with the unstemmed word as a 5th argument).
   */
  function scan(s, emit) {
    var i = 0;
    var n = s.length;
    while (i < n) {
      var k = classAt(s, i);
      var step = s.charCodeAt(i) >= 0xd800 && s.charCodeAt(i) <= 0xdbff ? 2 : 1;
      if (k === CJK) {
        var prev = -1;
        while (i < n && classAt(s, i) === CJK) {
          var w = s.charCodeAt(i) >= 0xd800 && s.charCodeAt(i) <= 0xdbff ? 2 : 1;
          if (prev >= 0) emit('p', s.slice(prev, i + w), prev, i + w);
          emit('c', s.substr(i, w), i, i + w);
          prev = i;
          i += w;
        }
      } else if (k === WORD) {
        var start = i;
        i += step;
        while (i < n) {
          var kk = classAt(s, i);
          if (kk === WORD) i += s.charCodeAt(i) >= 0xd800 && s.charCodeAt(i) <= 0xdbff ? 2 : 1;
          else if (kk === APOS && i + 1 < n && classAt(s, i + 1) === WORD) i += 1;
          else break;
        }
        var word = s.slice(start, i);
        emit('w', stem(word), start, i, word);
      } else i += step;
    }
  }

  /**
   * Tokens of text: { t: term, start, end } with offsets into the ORIGINAL text. CJK runs give
   * every character and every pair of neighbours; words give their stem.
   */
  function tokenize(text, map) {
    var f = fold(text, map, true);
    var tokens = [];
    scan(f.s, function (kind, t, a, b) { tokens.push({ t: t, start: f.pos[a], end: f.pos[b] }); });
    return tokens;
  }

  /** How often each term occurs in already-folded text (no offsets: the cheap pass over every document). */
  function termCounts(folded) {
    var c = new Map();
    scan(folded, function (kind, t) { c.set(t, (c.get(t) || 0) + 1); });
    return c;
  }

  /**
   * The terms a query asks for (all are required): CJK runs of one character as that character,
   * longer runs as their neighbour pairs; words as stems, stop words dropped unless nothing else is left.
   */
  function queryTerms(query, map) {
    var q = String(query == null ? '' : query).slice(0, MAX_QUERY);
    var terms = [];
    var stops = [];
    var chars = [];
    scan(fold(q, map, false).s, function (kind, t, a, b, word) {
      if (kind === 'c') chars.push([t, a, b]);
      else if (kind === 'p') terms.push(t);
      else (STOP.has(word) ? stops : terms).push(t);
    });
    // A lone CJK character is a term of its own; inside a longer run its pairs stand for it.
    for (var j = 0; j < chars.length; j++) {
      var joinedBefore = j > 0 && chars[j - 1][2] === chars[j][1];
      var joinedAfter = j + 1 < chars.length && chars[j + 1][1] === chars[j][2];
      if (!joinedBefore && !joinedAfter) terms.push(chars[j][0]);
    }
    var all = terms.length > 0 ? terms : stops;
    return Array.from(new Set(all));
  }

  /**
   * The index's documents as objects with their term counts, computed on the first search (and
   * cached on the index object); token offsets are only computed for the results shown.
   */
  function prepared(index) {
    if (index.__prepared) return index.__prepared;
    var map = index.fold || {};
    var texts = index.texts || [];
    var bodies = texts.map(function (t) {
      var folded = fold(t, map, false).s;
      return { folded: folded, counts: termCounts(folded) };
    });
    var docs = (index.docs || []).map(function (d) {
      var title = String(d[2]);
      var titleFolded = fold(title, map, false).s;
      return {
        lang: d[0], path: d[1], title: title, kind: d[3], date: d[4] || '', text: texts[d[5]] || '',
        group: d[6] || d[1], textLang: d.length > 7 ? d[7] : d[0],
        titleCounts: termCounts(titleFolded), titleFolded: titleFolded, body: bodies[d[5]] || { counts: new Map(), folded: '' },
      };
    });
    Object.defineProperty(index, '__prepared', { value: docs, enumerable: false });
    return docs;
  }

  /**
   * Segments of text around the first matched term ([{ text, hit }]), at most `width` characters,
   * with every matched token marked; the whole text (unmarked head) when nothing in it matches.
   */
  function snippet(text, tokens, terms, width) {
    var want = new Set(terms);
    var hits = tokens.filter(function (tk) { return want.has(tk.t); });
    var w = width || 180;
    var from = 0;
    if (hits.length > 0) from = Math.max(0, hits[0].start - Math.floor(w / 4));
    if (from > 0) {
      var space = text.lastIndexOf(' ', from);
      if (space > from - 20 && space > 0) from = space + 1;
    }
    var to = Math.min(text.length, from + w);
    // Never cut a surrogate pair in half.
    if (from > 0 && /[\uDC00-\uDFFF]/.test(text.charAt(from))) from--;
    if (to < text.length && /[\uDC00-\uDFFF]/.test(text.charAt(to))) to++;
    // Merge the marked spans (CJK pairs overlap) inside the window.
    var spans = [];
    hits.forEach(function (h) {
      if (h.end <= from || h.start >= to) return;
      var s = Math.max(h.start, from), e = Math.min(h.end, to);
      var last = spans[spans.length - 1];
      if (last && s <= last[1]) last[1] = Math.max(last[1], e);
      else spans.push([s, e]);
    });
    var out = [];
    if (from > 0) out.push({ text: '…', hit: false });
    var at = from;
    spans.forEach(function (sp) {
      if (sp[0] > at) out.push({ text: text.slice(at, sp[0]), hit: false });
      out.push({ text: text.slice(sp[0], sp[1]), hit: true });
      at = sp[1];
    });
    if (to > at) out.push({ text: text.slice(at, to), hit: false });
    if (to < text.length) out.push({ text: '…', hit: false });
    return out;
  }

  /**
   * Ranked results for a query: documents holding every term, scored by term weight (rarer terms
   * count more; a title match counts TITLE_WEIGHT times a body match; the whole query as written in
   * the title or text adds more), the reader's language first, then score, then newest.
   */
  function search(index, query, options) {
    var opts = options || {};
    var limit = opts.limit || 50;
    var terms = queryTerms(query, index.fold || {});
    if (terms.length === 0) return { terms: terms, total: 0, results: [] };
    var docs = prepared(index);
    var n = docs.length;
    var df = new Map();
    terms.forEach(function (t) {
      var k = 0;
      docs.forEach(function (d) { if (d.titleCounts.has(t) || d.body.counts.has(t)) k++; });
      df.set(t, k);
    });
    var phrase = fold(String(query).slice(0, MAX_QUERY), index.fold || {}, false).s.trim().replace(/\s+/g, ' ');
    var found = [];
    docs.forEach(function (d) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var t = terms[i];
        var inTitle = d.titleCounts.get(t) || 0;
        var inBody = d.body.counts.get(t) || 0;
        if (inTitle === 0 && inBody === 0) return;
        var idf = Math.log(1 + n / (df.get(t) || 1));
        score += idf * ((inTitle > 0 ? TITLE_WEIGHT * (1 + Math.log(inTitle)) : 0) + (inBody > 0 ? 1 + Math.log(inBody) : 0));
      }
      if (phrase.length > 1 && d.titleFolded.indexOf(phrase) >= 0) score *= 1.5;
      else if (phrase.length > 1 && d.body.folded.indexOf(phrase) >= 0) score *= 1.2;
      found.push({ doc: d, score: score });
    });
    var lang = opts.lang;
    found.sort(function (a, b) {
      var fa = a.doc.lang === lang ? 0 : 1, fb = b.doc.lang === lang ? 0 : 1;
      if (fa !== fb) return fa - fb;
      if (b.score !== a.score) return b.score - a.score;
      return a.doc.date < b.doc.date ? 1 : a.doc.date > b.doc.date ? -1 : 0;
    });
    // One result per group (an article's reader page and its card, in both faces, are one thing):
    // the first in the order above, so the reader's face and the best-scoring page.
    var seen = new Set();
    found = found.filter(function (r) {
      if (seen.has(r.doc.group)) return false;
      seen.add(r.doc.group);
      return true;
    });
    var results = found.slice(0, limit).map(function (r) {
      var d = r.doc;
      return {
        lang: d.lang, textLang: d.textLang, path: d.path, kind: d.kind, date: d.date, score: r.score,
        title: snippet(d.title, tokenize(d.title, index.fold || {}), terms, Infinity),
        snippet: snippet(d.text, tokenize(d.text, index.fold || {}), terms, opts.width || 180),
      };
    });
    return { terms: terms, total: found.length, results: results };
  }

  // ---- The page (only in a browser with the search page's elements) ----

  var WORDS = {
    en: {
      prompt: 'Type a word to search English and Chinese pages.', none: 'Nothing found for', one: '1 result for',
      many: ' results for', missing: 'The search index did not load.', more: 'showing the first',
      kinds: { digest: 'Digest', story: 'Story', card: 'Card', article: 'Article', topic: 'Topic', audience: 'Audience' },
      langs: { en: 'English', zh: 'Chinese' },
    },
    zh: {
      prompt: '输入词语，搜索中英文页面。', none: '没有找到', one: '找到 1 条：', many: ' 条结果：', missing: '搜索索引未能加载。',
      more: '显示前',
      kinds: { digest: '简报', story: '报道', card: '卡片', article: '文章', topic: '话题', audience: '读者' },
      langs: { en: '英文', zh: '中文' },
    },
  };

  function statusText(words, lang, q, total, shown) {
    if (total === 0) return words.none + (lang === 'zh' ? '“' + q + '”。' : ' “' + q + '”.');
    var head = total === 1 ? words.one + (lang === 'zh' ? '“' + q + '”' : ' “' + q + '”') :
      (lang === 'zh' ? total + words.many + '“' + q + '”' : total + words.many + ' “' + q + '”');
    if (shown < total) head += lang === 'zh' ? '（' + words.more + ' ' + shown + ' 条）' : ' (' + words.more + ' ' + shown + ')';
    return head;
  }

  function appendSegments(doc, parent, segments) {
    segments.forEach(function (seg) {
      if (seg.hit) {
        var mark = doc.createElement('mark');
        mark.appendChild(doc.createTextNode(seg.text));
        parent.appendChild(mark);
      } else parent.appendChild(doc.createTextNode(seg.text));
    });
  }

  /** Fills the results list for a query; every piece of indexed text goes in as a text node. */
  function render(doc, index, query, pageLang, prefix) {
    var words = WORDS[pageLang] || WORDS.en;
    var status = doc.getElementById('search-status');
    var list = doc.getElementById('search-results');
    if (!status || !list) return;
    while (list.firstChild) list.removeChild(list.firstChild);
    var q = String(query || '').trim().slice(0, MAX_QUERY);
    if (!index) { status.textContent = words.missing; return; }
    if (q === '') { status.textContent = words.prompt; return; }
    var found = search(index, q, { lang: pageLang, limit: 50 });
    status.textContent = statusText(words, pageLang, q, found.total, found.results.length);
    found.results.forEach(function (r) {
      var li = doc.createElement('li');
      li.className = 'search-result search-result-' + r.kind;
      // data-lang is the page's face; lang is the language of the page's text (an English-face page
      // can carry Chinese text, e.g. the reader page of a Chinese article).
      li.setAttribute('data-lang', r.lang);
      if (r.textLang) li.setAttribute('lang', r.textLang === 'zh' ? 'zh-Hans' : 'en');
      var a = doc.createElement('a');
      a.className = 'search-result-title';
      // Paths are site-relative and checked when the index is written; reject anything else anyway.
      a.setAttribute('href', /^[A-Za-z0-9._~\/-]+$/.test(r.path) && r.path.indexOf('..') < 0 ? prefix + r.path : '#');
      appendSegments(doc, a, r.title);
      li.appendChild(a);
      var meta = doc.createElement('span');
      meta.className = 'search-result-meta';
      meta.textContent = [words.kinds[r.kind] || r.kind, r.date, r.textLang && r.textLang !== pageLang ? words.langs[r.textLang] : ''].filter(Boolean).join(' · ');
      li.appendChild(doc.createTextNode(' '));
      li.appendChild(meta);
      var p = doc.createElement('p');
      p.className = 'search-result-snippet';
      appendSegments(doc, p, r.snippet);
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  /** The search page's path back to the site root, from this script's own src ("../assets/search.js" → "../"). */
  function sitePrefix(script) {
    var src = script && script.getAttribute ? script.getAttribute('src') || '' : '';
    var at = src.lastIndexOf('assets/search.js');
    return at >= 0 ? src.slice(0, at) : '../';
  }

  function start(win) {
    var doc = win.document;
    var prefix = sitePrefix(doc.currentScript);
    var run = function () {
      var input = doc.getElementById('search-q');
      var pageLang = /^zh/i.test(doc.documentElement.getAttribute('lang') || '') ? 'zh' : 'en';
      var q = '';
      try { q = new win.URLSearchParams(win.location.search).get('q') || ''; } catch (e) { q = ''; }
      if (input && q) input.value = q;
      var index = win.TIDINGS_SEARCH_INDEX || null;
      render(doc, index, q, pageLang, prefix);
      // Without a query yet, tokenise the index while the reader is still reading the page, so the
      // first keystroke does not pay for it.
      if (index && !q) (win.requestIdleCallback || win.setTimeout)(function () { prepared(index); });
      if (!input) return;
      var timer = null;
      input.addEventListener('input', function () {
        if (timer) win.clearTimeout(timer);
        timer = win.setTimeout(function () {
          render(doc, index, input.value, pageLang, prefix);
          try {
            var url = new win.URL(win.location.href);
            if (input.value.trim()) url.searchParams.set('q', input.value.trim()); else url.searchParams.delete('q');
            win.history.replaceState(null, '', url.search === '' ? url.pathname : url.search);
          } catch (e) { /* file:// may refuse replaceState; the results are shown anyway */ }
        }, 150);
      });
    };
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', run);
    else run();
  }

  var api = { fold: fold, stem: stem, stopwords: STOP, tokenize: tokenize, queryTerms: queryTerms, search: search, snippet: snippet, render: render, sitePrefix: sitePrefix };
  root.TidingsSearch = api;
  if (typeof root.document !== 'undefined' && root.document && root.document.getElementById) start(root);
})(typeof window !== 'undefined' ? window : globalThis);
