// The site's one stylesheet and one script (no inline style or script anywhere: the served CSP
// forbids them). The script only adds comfort: the switch keeps your place and remembers the
// language, the reader's layout toggles. Every page works without it.

export const SITE_CSS = `:root {
  --fg: #1b1d21; --muted: #5d6470; --bg: #fdfdfc; --panel: #f3f4f6; --line: #d9dce1; --link: #0b57c2;
  --l1: #d93025; --l2: #e8710a; --l3: #c5a100; --l4: #6b7280; --ok: #137333; --warn: #a50e0e;
  --latin: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
  --han: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e7ea; --muted: #a3a9b4; --bg: #15171b; --panel: #1f2228; --line: #363a42; --link: #8ab4f8;
    --l1: #f28b82; --l2: #fcad70; --l3: #fdd663; --l4: #9aa0a6; --ok: #81c995; --warn: #f28b82; }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font-family: var(--latin), var(--han); font-size: 1.0625rem; line-height: 1.6; overflow-wrap: anywhere; }
.face-zh { font-family: var(--han), var(--latin); line-height: 1.85; }
[lang|="zh"]:not(html) { line-height: 1.85; }
[lang="en"]:not(html) { line-height: 1.6; }
h1[lang], h2[lang], h3[lang], .reader .title-zh { line-height: 1.35; }
.face-zh h1, .face-zh h2, .face-zh h3 { line-height: 1.45; }
p, li, h1, h2, h3, h4, h5, td, summary { unicode-bidi: plaintext; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:focus-visible, button:focus-visible, summary:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.4em 0; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 1.4em 0 0.5em; }
h3 { font-size: 1.15rem; line-height: 1.35; margin: 1.2em 0 0.4em; }
h4, h5 { font-size: 1rem; margin: 1em 0 0.3em; }
main { max-width: 48rem; margin: 0 auto; padding: 0 1.25rem 3rem; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: 0.5rem; z-index: 2; }
.site-header { position: sticky; top: 0; z-index: 1; background: var(--bg); display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.25rem; max-width: 48rem; margin: 0 auto; padding: 0.9rem 1.25rem; border-bottom: 1px solid var(--line); }
[id] { scroll-margin-top: 5rem; }
.brand { font-weight: 700; font-size: 1.15rem; color: var(--fg); text-decoration: none; }
.site-header nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
.site-header nav a { text-decoration: none; }
.site-header nav a[aria-current="page"] { font-weight: 700; text-decoration: underline; }
.lang-switch { margin-left: auto; border: 1px solid var(--line); border-radius: 999px; padding: 0.15rem 0.8rem; text-decoration: none; font-weight: 600; }
.site-footer { max-width: 48rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; color: var(--muted); font-size: 0.875rem; border-top: 1px solid var(--line); }
.muted, .count, .crumbs { color: var(--muted); }
.crumbs { font-size: 0.9rem; margin-top: 1rem; }
.notice { background: var(--panel); border-left: 4px solid var(--l2); padding: 0.6rem 0.9rem; }
.digest-header h1 { margin-bottom: 0; }
.tier > h2 { border-bottom: 2px solid var(--line); padding-bottom: 0.2rem; }
.tier-1 > h2 { border-color: var(--l1); } .tier-2 > h2 { border-color: var(--l2); } .tier-3 > h2 { border-color: var(--l3); }
.item { border: 1px solid var(--line); border-left: 5px solid var(--l4); border-radius: 6px; padding: 0.2rem 1.1rem 0.6rem; margin: 1rem 0 1.5rem; }
.item.tier-1 { border-left-color: var(--l1); } .item.tier-2 { border-left-color: var(--l2); } .item.tier-3 { border-left-color: var(--l3); }
.item.compact { padding-bottom: 0.3rem; }
.more { font-size: 0.9rem; }
.item:target { box-shadow: 0 0 0 3px var(--link); }
.headline a { color: var(--fg); text-decoration: none; } .headline a:hover { text-decoration: underline; }
.level { color: var(--muted); font-size: 0.8em; font-weight: 600; }
.badge { display: inline-block; border-radius: 4px; padding: 0 0.4rem; font-size: 0.8rem; font-weight: 600; border: 1px solid var(--line); white-space: nowrap; line-height: 1.6; }
.confidence-high { color: var(--ok); border-color: var(--ok); }
.confidence-medium { color: var(--l2); border-color: var(--l2); }
.confidence-low { color: var(--warn); border-color: var(--warn); }
.type { color: var(--muted); font-weight: 500; }
.type-official { color: var(--ok); border-color: var(--ok); }
.points { padding-left: 1.6rem; margin-top: 0.2rem; }
.impact ul, .quick-start { padding-left: 1.4rem; }
.analysis > summary { font-weight: 700; cursor: pointer; margin: 0.8rem 0 0.2rem; }
.tradeoffs { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.25rem; }
.tradeoffs p { margin: 0.3rem 0 0; }
.sources { font-size: 0.95rem; }
.source { white-space: normal; }
.verification { font-size: 0.875rem; color: var(--muted); }
.verification.ok { color: var(--ok); }
.verification.repaired { color: var(--warn); }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); }
/* Headings and the language column are short words: never broken inside (body allows breaks anywhere, for long URLs). */
th, .sources-table td:nth-child(2) { overflow-wrap: normal; white-space: nowrap; }
.timeline ol { padding-left: 1.2rem; }
.timeline time { font-variant-numeric: tabular-nums; }
.post { background: var(--panel); border-radius: 6px; padding: 0.2rem 1rem 0.6rem; }
.tags { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; padding: 0; }
.tags li { background: var(--panel); border-radius: 999px; padding: 0.1rem 0.7rem; }
.archive { list-style: none; padding: 0; }
.archive h2 { margin-bottom: 0.2rem; }
.story-list { padding-left: 1.2rem; }
.pager { margin: 1rem 0; }
.pager p { margin: 0.2rem 0; }
.pager .pages { display: flex; flex-wrap: wrap; gap: 0.2rem 0.6rem; list-style: none; padding: 0; margin: 0.3rem 0; }
.story-list li { margin: 0.35rem 0; }
.choices { list-style: none; display: flex; gap: 1rem; padding: 0; font-size: 1.3rem; }
.choices a { display: inline-block; border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 1.4rem; text-decoration: none; }
.chooser main { padding-top: 3rem; }
.reader .title-zh { font-size: 1.45rem; font-weight: 700; line-height: 1.4; margin: 0 0 0.5rem; }
.reader .credit { color: var(--muted); font-size: 0.9rem; }
.reader img { max-width: 100%; height: auto; }
.pair { margin: 0 0 1.2rem; }
.pair p { margin: 0 0 0.6rem; }
body.layout-side main, body.layout-side .site-header, body.layout-side .site-footer { max-width: 72rem; }
.layout-side .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; border-bottom: 1px solid var(--line); padding-bottom: 0.6rem; }
.layout-toggle { font: inherit; font-size: 0.9rem; padding: 0.3rem 0.9rem; border-radius: 6px; border: 1px solid var(--line); background: var(--panel); color: var(--fg); cursor: pointer; }
form[role="search"] { display: flex; gap: 0.5rem; align-items: stretch; flex-wrap: wrap; }
#search-q { font: inherit; width: min(100%, 28rem); padding: 0.4rem 0.6rem; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); color: var(--fg); }
form[role="search"] button { font: inherit; padding: 0.4rem 1rem; border-radius: 6px; border: 1px solid var(--line); background: var(--panel); color: var(--fg); cursor: pointer; }
#search-results li { margin: 0.6rem 0; }
.search-result-meta { color: var(--muted); font-size: 0.85rem; margin-left: 0.4rem; }
.search-result-snippet { margin: 0.3rem 0 0; }
@media (max-width: 639px) {
  body { font-size: 1rem; }
  main, .site-header { padding-left: 0.9rem; padding-right: 0.9rem; }
  .site-header { padding-top: 0.4rem; padding-bottom: 0.4rem; gap: 0.2rem 0.9rem; }
  .lang-switch { order: 2; }
  .site-header nav { order: 3; flex-basis: 100%; font-size: 0.95rem; }
  [id] { scroll-margin-top: 6.5rem; }
  h1 { font-size: 1.45rem; }
  .tradeoffs, .layout-side .pair { grid-template-columns: 1fr; gap: 0; }
  .item { padding: 0.1rem 0.8rem 0.5rem; }
  .sources-table thead { display: none; }
  .sources-table tr { display: block; border-bottom: 1px solid var(--line); padding: 0.3rem 0; }
  .sources-table td { display: block; border: 0; padding: 0.1rem 0; }
}
@media print {
  .site-header { position: static; max-width: none; padding: 0 0 0.5rem; background: none; }
  .site-header nav, .lang-switch, .skip, .layout-control, form[role="search"], .site-footer { display: none; }
  body { background: #fff; color: #000; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .item { break-inside: avoid; border-color: #999; }
  a { color: #000; }
  main a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all; }
  details > summary { list-style: none; }
}
`;

export const SITE_JS = `(function () {
  'use strict';
  var LANG = 'tidings-lang', LAYOUT = 'tidings-layout';
  function get(k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } }
  function set(k, v) { try { window.localStorage.setItem(k, v); } catch (e) { /* private mode: the choice is not kept */ } }
  var body = document.body;

  // Root chooser: go straight to the remembered face; a click on a choice remembers it.
  if (body.classList.contains('chooser')) {
    var saved = get(LANG);
    if (saved === 'en' || saved === 'zh') { window.location.replace(saved + '/index.html' + window.location.hash); return; }
    document.querySelectorAll('a.choose').forEach(function (a) {
      a.addEventListener('click', function () { set(LANG, a.getAttribute('data-lang')); });
    });
    return;
  }

  // The place to keep: the URL fragment, else the story item or paragraph at the top of the view.
  function place() {
    if (window.location.hash) return window.location.hash;
    var marks = document.querySelectorAll('[id^="story-"], .pair[id], tr[id^="a-"], section[id]');
    var header = document.querySelector('.site-header');
    var line = (header ? header.getBoundingClientRect().bottom : 0) + 40;
    var best = null;
    for (var i = 0; i < marks.length; i++) {
      if (marks[i].getBoundingClientRect().top <= line) best = marks[i]; else break;
    }
    return best ? '#' + best.id : '';
  }
  document.querySelectorAll('a.lang-switch').forEach(function (a) {
    a.addEventListener('click', function () {
      set(LANG, a.getAttribute('data-lang'));
      a.setAttribute('href', a.getAttribute('href').split('#')[0] + place());
    });
  });

  // Bilingual reader: interleaved (default, no JS) or side by side; the choice is remembered.
  var reader = document.querySelector('article.reader[data-layout]');
  var button = document.querySelector('button.layout-toggle');
  if (reader && button) {
    var apply = function (layout) {
      reader.setAttribute('data-layout', layout);
      reader.classList.toggle('layout-side', layout === 'side');
      reader.classList.toggle('layout-interleaved', layout !== 'side');
      body.classList.toggle('layout-side', layout === 'side');
      button.setAttribute('aria-pressed', layout === 'side' ? 'true' : 'false');
      var next = layout === 'side' ? button.getAttribute('data-label-interleaved') : button.getAttribute('data-label-side');
      var label = button.textContent.split(/[:：]/)[0];
      button.textContent = label + (/[\u3400-\u9fff]/.test(label) ? '：' : ': ') + next;
    };
    button.hidden = false;
    if (get(LAYOUT) === 'side') apply('side');
    button.addEventListener('click', function () {
      var layout = reader.getAttribute('data-layout') === 'side' ? 'interleaved' : 'side';
      set(LAYOUT, layout);
      apply(layout);
    });
  }
})();
`;
