// Decides what a local file or fetched body is. The content decides when it is definite (an XML root,
// a JSON Feed version, an HTML document); the file name and content type decide among the plain-text
// forms; heuristics decide when neither is given. Null: empty, binary, or JSON/XML we do not read.

export const INPUT_FORMATS = [
  'rss2',
  'rdf',
  'atom',
  'jsonfeed',
  'opml',
  'html',
  'markdown',
  'text',
  'urllist',
] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

const HTML_TAGS = new Set([
  'html',
  'head',
  'body',
  'div',
  'p',
  'article',
  'main',
  'section',
  'meta',
  'title',
  'link',
  'script',
  'style',
  'h1',
  'h2',
  'table',
  'span',
  'a',
  'header',
  'nav',
]);

export function sniffFormat(text: string, fileName?: string | null, contentType?: string | null): InputFormat | null {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.trim() === '') return null;
  if (body.slice(0, 4096).includes('\u0000')) return null;
  const ext = extensionOf(fileName);
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

  if (body.startsWith('{'))
    return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\/1/.test(body) ? 'jsonfeed' : null;
  const textExt = ext === 'md' || ext === 'markdown' || ext === 'txt' || ext === 'urls';
  if (body.startsWith('<')) {
    const root = rootElement(body);
    const local = root?.replace(/^.*:/, '') ?? null;
    if (local === 'rss') return 'rss2';
    if (local === 'rdf') return 'rdf';
    if (local === 'feed') return 'atom';
    if (local === 'opml') return 'opml';
    if (local === 'html' || /^<!doctype\s+html/i.test(body)) return 'html';
    // A fragment such as "<div>" is a page unless the name says it is Markdown or text with inline HTML.
    if (root !== null && HTML_TAGS.has(root) && !textExt) return 'html';
    if (['html', 'htm', 'xhtml'].includes(ext) || type === 'text/html' || type === 'application/xhtml+xml')
      return 'html';
    if (!textExt && type !== 'text/plain' && type !== 'text/markdown') return null; // XML we do not read: a sitemap, an SVG ...
  }
  // Text that is not markup at its start may still be a page with a preamble.
  if (/<html[\s>]|<!doctype\s+html/i.test(body.slice(0, 1024))) return 'html';

  if (ext === 'urls' || type === 'text/uri-list') return 'urllist';
  if (ext === 'md' || ext === 'markdown' || type === 'text/markdown' || type === 'text/x-markdown') return 'markdown';
  if (ext === 'txt' || type === 'text/plain') return looksLikeUrlList(body) ? 'urllist' : 'text';
  if (looksLikeUrlList(body)) return 'urllist';
  if (looksLikeMarkdown(body)) return 'markdown';
  return 'text';
}

/** The extension, lowercased, ignoring a trailing .gz ("page.html.gz" -> "html"). */
function extensionOf(fileName: string | null | undefined): string {
  if (!fileName) return '';
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .toLowerCase()
    .replace(/\.gz$/, '');
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1);
}

/** Lowercased name of the first element, skipping the XML declaration, comments and a doctype. */
function rootElement(body: string): string | null {
  // A doctype may carry an internal subset in brackets, itself full of "<!ENTITY ...>" declarations.
  const head = body
    .slice(0, 65536)
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![A-Za-z][^[>]*(?:\[[\s\S]*?\]\s*)?>/g, '')
    .trimStart();
  const m = /^<([A-Za-z][\w:.-]*)/.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

/** Most meaningful lines are single http(s) URLs (comments and blanks aside; a few junk lines allowed). */
function looksLikeUrlList(body: string): boolean {
  const lines = body
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length === 0) return false;
  const urls = lines.filter((l) => /^https?:\/\/\S+(\s+#.*)?$/i.test(l)).length;
  return urls > 0 && urls >= lines.length * 0.8;
}

function looksLikeMarkdown(body: string): boolean {
  const head = body.slice(0, 8192);
  return (
    /^#{1,6}\s+\S/m.test(head) ||
    /\[[^\]\n]+\]\([^)\s]+\)/.test(head) ||
    /^```/m.test(head) ||
    /^\S.*\n(=+|-{3,})\s*$/m.test(head)
  );
}
