// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). Read tolerantly: a field of the wrong
// type counts as absent, and an item that is not an object is reported and skipped.
import { fail, ok, type Result } from '../errors.js';
import { type DraftFeed, type DraftItem, type FeedTextField, nonBlank } from './feed-draft.js';
import { stripMarkup, textToHtml } from './strip-markup.js';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** 1.1 has `authors` (array), 1.0 has `author` (object). */
function authorName(o: Json): string | null {
  const authors = Array.isArray(o.authors) ? o.authors : [o.author];
  for (const a of authors) if (isObject(a) && nonBlank(a.name) !== null) return nonBlank(a.name);
  return null;
}

export function draftFromJsonFeed(value: unknown, name: string, baseUrl: string | null): Result<DraftFeed> {
  if (!isObject(value)) return fail('bad_input', `${name}: JSON but not a JSON Feed (not an object)`, name);
  const version = nonBlank(value.version);
  if (version === null || !/^https?:\/\/jsonfeed\.org\/version\/1/.test(version)) {
    return fail(
      'unsupported',
      `${name}: JSON but not a JSON Feed (no "version": "https://jsonfeed.org/version/1.x")`,
      name,
    );
  }
  if (!Array.isArray(value.items)) return fail('bad_input', `${name}: JSON Feed has no "items" array`, name);
  const feedAuthor = authorName(value);
  const problems: string[] = [];
  const items: DraftItem[] = [];
  value.items.forEach((raw: unknown, i: number) => {
    if (!isObject(raw)) {
      problems.push(`item ${i + 1} is not an object and was skipped`);
      return;
    }
    const links = [raw.url, raw.external_url].map(nonBlank).filter((l): l is string => l !== null);
    const html = nonBlank(raw.content_html);
    const text = nonBlank(raw.content_text);
    const title = nonBlank(raw.title);
    const itemTitle = title === null ? null : nonBlank(stripMarkup(title));
    const summary = nonBlank(raw.summary);
    const contentHtml = html ?? (text === null ? null : textToHtml(text));
    // A string field that holds no text is there but empty; a missing or non-string one is absent.
    const emptyFields: FeedTextField[] = [];
    if (itemTitle === null && typeof raw.title === 'string') emptyFields.push('title');
    if (summary === null && typeof raw.summary === 'string') emptyFields.push('summary');
    if (contentHtml === null && (typeof raw.content_html === 'string' || typeof raw.content_text === 'string'))
      emptyFields.push('content');
    items.push({
      guid: nonBlank(raw.id),
      links,
      base: baseUrl,
      title: itemTitle,
      dateRaw: nonBlank(raw.date_published) ?? nonBlank(raw.date_modified),
      updatedRaw: nonBlank(raw.date_modified),
      author: authorName(raw) ?? feedAuthor,
      summary,
      contentHtml,
      language: nonBlank(raw.language),
      emptyFields,
    });
  });
  const title = nonBlank(value.title);
  const feedTitle = title === null ? null : nonBlank(stripMarkup(title));
  return ok({
    format: 'jsonfeed',
    title: feedTitle,
    titleEmpty: feedTitle === null && typeof value.title === 'string',
    siteLink: nonBlank(value.home_page_url),
    feedLink: nonBlank(value.feed_url),
    base: baseUrl,
    language: nonBlank(value.language),
    items,
    problems,
  });
}
