// An article's two pages: its summary card (the sections of seed 002, as the Markdown face has
// them) and the bilingual reader (each English paragraph with its Chinese one; interleaved by
// default, side by side by a button in site.js; one markup, two layouts in CSS).

import { LOCAL_FILE_OUTLET, outletName, publicUrl, translationCredits, type Face } from '../../article.js';
import { documentOfTranslation } from '../../translate/layouts.js';
import { LABELS, audienceName } from '../../write/labels.js';
import type { Card } from '../../write/schemas.js';
import { sourceTypeBadge, verificationNote } from './digest-html.js';
import { externalImage, externalLink, html, linkified, type SafeHtml } from './html.js';
import { SITE_LABELS } from './site-labels.js';
import type { SiteArticle } from './site-input.js';
import { paths, relative, slugOf } from './site-paths.js';
import type { TopicRef } from '../outputs/publish-input.js';

export interface BuiltPage {
  readonly path: string;
  readonly title: string;
  readonly body: SafeHtml;
  readonly text: string;
}

const langAttr = (lang: string) => (lang === 'zh' ? 'zh-Hans' : lang === 'en' ? 'en' : null);

export function articleTitle(a: SiteArticle, face: Face): string {
  const b = a.article.bilingual;
  const inFace = face === 'zh' ? b?.titleZh : b?.titleEn;
  return inFace || a.article.title || a.card[face]?.title || SITE_LABELS[face].untitled;
}

function bullets(items: readonly string[]): SafeHtml {
  return items.length > 0
    ? html`<ul>${items.map((x) => html`<li>${linkified(x)}</li>`)}</ul>`
    : html`<ul><li>—</li></ul>`;
}

/** The summary card; its topics link to their pages (one slug for both faces). */
export function cardPage(
  a: SiteArticle,
  face: Face,
  siteName: string,
  known: { articles: ReadonlySet<string>; topics: readonly TopicRef[] },
): BuiltPage | null {
  const card: Card | null = a.card[face] ?? a.card[face === 'en' ? 'zh' : 'en'];
  const from = paths.card(face, a.article.id);
  const rel = (to: string) => relative(from, to);
  const l = SITE_LABELS[face];
  if (!card) return null;
  const w = LABELS[face];
  const zh = face === 'zh';
  const lang = langAttr(card.bodyLanguage);
  const body = html`<article class="card">
<h1${langAttr(a.article.language) ? html` lang="${langAttr(a.article.language)!}"` : ''}>${card.title}</h1>
<p class="meta">${externalLink(card.source.url, card.source.outlet)} ${sourceTypeBadge(face, card.source.type)}${a.storyId ? html` · <a href="${rel(paths.story(face, a.storyId))}">${l.story}</a>` : ''} · <a href="${rel(paths.article(face, a.article.id))}">${l.reader}</a></p>
${card.notice ? html`<p class="notice">${card.notice}</p>` : ''}
<div class="body"${lang ? html` lang="${lang}"` : ''}>
<h2>${w.summary}</h2><p>${card.summary}</p>
<h2>${w.keyTakeaway}</h2><p>${card.keyTakeaway}</p>
<h2>${w.keyInsights}</h2><p>${card.keyInsight}</p>
<h2>${w.principles}</h2>${bullets(card.principles)}
<h2>${w.inPractice}</h2>${bullets(card.inPractice)}
</div>
<h2>${w.topics}</h2><ul class="tags">${known.topics.map((t) => html`<li><a href="${rel(paths.topic(face, t.slug))}">${t.name[face]}</a></li>`)}</ul>
${card.bestFor.length === 0 ? '' : html`<p class="best-for"><strong>${w.bestFor}${zh ? '：' : ': '}</strong>${card.bestFor.map((b, i) => html`${i > 0 ? w.listSeparator : ''}<a href="${rel(paths.audience(face, slugOf(b)))}">${zh ? audienceName(b, 'zh') : b}</a>`)}</p>`}
<h2>${w.relatedOn(siteName)}</h2>
<ul>${card.related.length > 0 ? card.related.map((r) => html`<li>${known.articles.has(r.articleId) ? html`<a href="${rel(paths.card(face, r.articleId))}">${r.title}</a>` : r.title}</li>`) : html`<li>—</li>`}</ul>
<p class="attribution">${card.attribution}</p>
${verificationNote(face, card.verification)}
</article>`;
  return {
    path: from,
    title: card.title,
    body,
    text: [card.title, card.summary, card.keyTakeaway, card.keyInsight, ...card.topics].join('\n'),
  };
}

export function readerPage(a: SiteArticle, face: Face): BuiltPage {
  const l = SITE_LABELS[face];
  const art = a.article;
  const from = paths.article(face, art.id);
  const rel = (to: string) => relative(from, to);
  const b = art.bilingual;
  const title = articleTitle(a, face);
  const source = outletName(art);
  const head = html`<p class="meta">${externalLink(art.url, source)}${art.published ? html` · <time datetime="${art.published}">${art.published.slice(0, 10)}</time>` : ''}${a.storyId ? html` · <a href="${rel(paths.story(face, a.storyId))}">${l.story}</a>` : ''}${a.card[face] ? html` · <a href="${rel(paths.card(face, art.id))}">${l.card}</a>` : ''}</p>`;
  const machine = a.machineTranslation ?? null;
  if ((!b || b.pairs.length === 0) && machine && machine.pairs.length > 0) {
    // No human translation, but a model's, kept from run or translate: shown and marked as such.
    const doc = documentOfTranslation(machine);
    const credit = html`<p class="credit machine">${l.machineTranslation(machine.model)}</p><p class="muted">${l.machineNote}</p>`;
    const body = bilingualReader(
      doc.title?.en ?? null,
      doc.title?.zh ?? null,
      doc.pairs,
      credit,
      head,
      title,
      art.leadImage,
      face,
      machine.source,
    );
    return {
      path: from,
      title,
      body,
      text: [doc.title?.en ?? '', doc.title?.zh ?? '', ...doc.pairs.flatMap((p) => [p.en ?? '', p.zh ?? ''])].join(
        '\n',
      ),
    };
  }
  if (!b || b.pairs.length === 0) {
    const lang = langAttr(art.language);
    const body = html`<article class="reader reader-single">
<h1${lang ? html` lang="${lang}"` : ''}>${art.title ?? l.untitled}</h1>
${head}
<div class="notice"><p>${l.noTranslation}</p><p class="muted">${l.translateHint}</p></div>
${externalImage(art.leadImage, '')}
<div class="original"${lang ? html` lang="${lang}"` : ''}>${art.paragraphs.map((p) => html`<p>${p}</p>`)}</div>
</article>`;
    return { path: from, title, body, text: [art.title ?? '', ...art.paragraphs].join('\n') };
  }
  // A translation recognised as a separate article is folded in as a sighting: credit it by name.
  const translations = translationCredits(art.sightings);
  const credit = html`<p class="credit">${l.humanTranslation}${translations.length > 0 ? html` — ${translations.map((t, i) => html`${i > 0 ? ' · ' : ''}${externalLink(publicUrl(t.url), t.outlet ?? publicUrl(t.url) ?? LOCAL_FILE_OUTLET)}`)}` : ''}</p>`;
  const body = bilingualReader(b.titleEn, b.titleZh, b.pairs, credit, head, title, art.leadImage, face, null);
  return {
    path: from,
    title,
    body,
    text: [b.titleEn ?? '', b.titleZh ?? '', ...b.pairs.flatMap((p) => [p.en, p.zh])].join('\n'),
  };
}

/**
 * The two-language reader: paragraph pairs, interleaved (side by side with the layout button).
 * A side that is null was withheld (a model's paragraph that failed its checks): said so, with the
 * original (`source`) still shown.
 */
function bilingualReader(
  titleEn: string | null,
  titleZh: string | null,
  pairs: ReadonlyArray<{ en: string | null; zh: string | null }>,
  credit: SafeHtml,
  head: SafeHtml,
  title: string,
  leadImage: string | null,
  face: Face,
  source: Face | null,
): SafeHtml {
  const l = SITE_LABELS[face];
  const side = (text: string | null, lang: Face) =>
    text
      ? html`<p lang="${lang === 'en' ? 'en' : 'zh-Hans'}">${text}</p>`
      : source !== null && source !== lang
        ? html`<p class="withheld muted">${l.withheld}</p>`
        : '';
  return html`<article class="reader layout-interleaved" data-layout="interleaved">
<header>${titleEn ? html`<h1 lang="en">${titleEn}</h1>` : ''}${titleZh ? html`<p class="title-zh" lang="zh-Hans">${titleZh}</p>` : ''}${!titleEn && !titleZh ? html`<h1>${title}</h1>` : ''}
${head}
${credit}
<p class="layout-control"><button type="button" class="layout-toggle" hidden data-label-interleaved="${l.layoutInterleaved}" data-label-side="${l.layoutSide}" aria-pressed="false">${l.toggleLayout}${face === 'zh' ? '：' : ': '}${l.layoutSide}</button></p>
</header>
${externalImage(leadImage, '')}
<div class="pairs">
${pairs.map((p, i) => html`<div class="pair" id="${`p${i + 1}`}">${side(p.en, 'en')}${side(p.zh, 'zh')}</div>\n`)}
</div>
</article>`;
}
