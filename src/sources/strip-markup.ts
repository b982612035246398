// Feed titles and summaries often carry HTML (escaped or in CDATA). This turns such a fragment into
// one line of plain text: tags dropped, entities decoded, whitespace collapsed.
import { parseDocument } from 'htmlparser2';
import { textContent } from 'domutils';

/** Block-level tags whose boundaries must not glue words together ("<p>a</p><p>b</p>" -> "a b"). */
const BLOCK_BREAK = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|tr|td|th|section|article|figure|figcaption)\b[^>]*>/gi;

export function stripMarkup(fragment: string): string {
  if (!fragment.includes('<') && !fragment.includes('&')) return collapse(fragment);
  const spaced = fragment.replace(BLOCK_BREAK, ' ');
  const dom = parseDocument(spaced, { decodeEntities: true });
  // Script and style bodies are not text a reader sees.
  const drop = (nodes: typeof dom.children): void => {
    for (const node of nodes) {
      if (!('children' in node)) continue;
      if ('name' in node && (node.name === 'script' || node.name === 'style')) node.children = [];
      else drop(node.children);
    }
  };
  drop(dom.children);
  return collapse(textContent(dom));
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Escapes plain text for use as HTML content (Atom type="text", JSON Feed content_text). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text to HTML paragraphs: blank lines separate paragraphs. */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}
