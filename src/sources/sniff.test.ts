import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type InputFormat, sniffFormat } from './sniff.js';

const cases: Array<{ name: string; text: string; file?: string; type?: string; want: InputFormat | null }> = [
  {
    name: 'RSS with declaration and comment',
    text: '<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0"></rss>',
    want: 'rss2',
  },
  {
    name: 'RSS served as text/html',
    text: '<rss version="2.0"><channel/></rss>',
    type: 'text/html; charset=utf-8',
    want: 'rss2',
  },
  { name: 'RDF', text: '<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>', file: 'feed.rdf', want: 'rdf' },
  { name: 'Atom with BOM', text: '\uFEFF<feed xmlns="http://www.w3.org/2005/Atom"/>', want: 'atom' },
  {
    name: 'JSON Feed',
    text: '{ "title": "x", "version": "https://jsonfeed.org/version/1.1", "items": [] }',
    file: 'feed.json',
    want: 'jsonfeed',
  },
  { name: 'other JSON', text: '{"a": 1}', file: 'data.json', type: 'application/json', want: null },
  { name: 'OPML', text: '<?xml version="1.0"?><opml version="2.0"><body/></opml>', file: 'subs.xml', want: 'opml' },
  { name: 'HTML with doctype', text: '<!DOCTYPE html><html lang="zh"><head></head></html>', want: 'html' },
  { name: 'HTML fragment', text: '<div><p>Hello</p></div>', want: 'html' },
  { name: 'HTML after a preamble', text: 'garbage\n<html><body>x</body></html>', want: 'html' },
  { name: 'unknown XML root', text: '<urlset><url/></urlset>', file: 'sitemap.xml', want: null },
  { name: 'unknown root but named .html', text: '<custom-el>x</custom-el>', file: 'page.html', want: 'html' },
  { name: 'gzipped HTML by name', text: '<custom-el>x</custom-el>', file: '/corpus/page.html.gz', want: 'html' },
  { name: 'Markdown by name', text: 'Just a line.', file: 'notes.md', want: 'markdown' },
  {
    name: 'Markdown with inline HTML first',
    text: '<div>banner</div>\n\n# Title',
    file: 'post.markdown',
    want: 'markdown',
  },
  { name: 'Markdown by content type', text: 'Plain words', type: 'text/markdown', want: 'markdown' },
  { name: 'Markdown by content', text: '# A heading\n\nSome [link](https://x.example/).', want: 'markdown' },
  { name: 'text by name', text: '# not a heading here', file: 'note.txt', want: 'text' },
  { name: 'text by content', text: '这是一段普通的中文文本。\n第二行。', want: 'text' },
  { name: 'URL list by name, junk and all', text: 'junk line\nmore junk', file: 'reading.urls', want: 'urllist' },
  { name: 'URL list by content', text: '# list\nhttps://a.example/\nhttps://b.example/ # c\n', want: 'urllist' },
  {
    name: 'URL list in a .txt file',
    text: 'https://a.example/\nhttps://b.example/\n',
    file: 'links.txt',
    want: 'urllist',
  },
  { name: 'URL list by content type', text: 'https://a.example/', type: 'text/uri-list', want: 'urllist' },
  {
    name: 'prose with one URL is text',
    text: 'See https://a.example/ for more.\nAnother line of prose here.',
    want: 'text',
  },
  {
    name: 'RSS after a DOCTYPE with an internal subset',
    text: '<?xml version="1.0"?>\n<!DOCTYPE rss [\n  <!ENTITY site "https://x.example">\n]>\n<rss version="2.0"><channel/></rss>',
    want: 'rss2',
  },
  {
    name: 'Atom after a comment before the XML declaration',
    text: '<!-- generated -->\n<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>',
    want: 'atom',
  },
  { name: 'empty', text: '  \n ', want: null },
  { name: 'binary', text: 'PK\u0003\u0004\u0000\u0000binary', file: 'x.txt', want: null },
];

describe('sniffFormat', () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(sniffFormat(c.text, c.file ?? null, c.type ?? null), c.want);
    });
  }
});
