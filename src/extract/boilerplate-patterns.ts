// Data tables that say which parts of a page are page furniture rather than article text, judged
// from tag names and from the class, id and role attributes that sites give them.

/** Elements never holding article text: dropped with everything inside. */
export const DROPPED_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'label',
  'head',
  'audio',
  'video',
  'source',
  'track',
  'map',
  'area',
  'dialog',
  'link',
  'meta',
  'title',
]);

/** Landmarks of page furniture; dropped unless they wrap most of the page (see text-blocks.ts). */
export const FURNITURE_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'footer', 'menu']);

/** Elements that start a new block of text; everything else is inline. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
  'text',
]);

export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Roles of landmarks that are never the article. */
export const DROPPED_ROLES: ReadonlySet<string> = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'banner',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'search',
  'toolbar',
  'tablist',
  'alert',
]);

/**
 * Words of page furniture, matched inside one class name or id (words split on - and _). An element
 * is dropped when one of its names holds such a word and none of its names is a pure POSITIVE_NAMES
 * one ("post-content has-sidebar" is kept, "article-share" is dropped).
 */
export const BOILERPLATE_NAMES =
  /(?:^|[\s_-])(?:comments?|commentlist|disqus|share|sharing|social|socials|sociallinks|related|relatedposts|recommend(?:ed|ations?)?|sidebar|side-?bar|widget|footer|foot|masthead|navbar|nav|navigation|menu|breadcrumbs?|cookie|cookies|consent|gdpr|banner|ad|ads|advert|advertisement|adslot|dfp|sponsor(?:ed)?|promo|promotion|newsletter|subscribe|subscription|signup|popup|modal|overlay|outbrain|taboola|taglist|tags|author-?bio|about-?author|author-?(?:info|box|card|profile|details|description|about)|post-author|about-?the-?author|bio|biography|short-?biography|pagination|pager|prev-?next|next-?prev|skip-?link|print|toolbar|tools|utility|hidden|visually-?hidden|sr-only|screen-?reader|rss|login|signin|jump|trending|most-?popular|popular|more-?stories|read-?more|readmore|next-?article|up-?next|byline|dateline|timestamp|caption|credit|meta|share-?bar|follow|qrcode|erweima|fenxiang|pinglun|xiangguan|tuijian|copyright|disclaimer|recirc|recirculation|nocontent|more-?in|teasers?|carousel|slider|ticker|breaking)(?=$|[\s_-])/i;

/** Words of the article itself, matched the same way. */
export const POSITIVE_NAMES =
  /(?:^|[\s_-])(?:article|articlebody|article-?body|article-?content|body|content|entry|entry-?content|main|post|post-?body|post-?content|story|story-?body|text|blog|hentry|page|zhengwen|neirong)(?=$|[\s_-])/i;

/** Scoring bias by class/id: words that make a container likelier (positive) or not (negative). */
export const LIKELY_CONTENT_NAMES =
  /article|body|content|entry|hentry|main|page|pagination|post|text|blog|story|zhengwen|neirong|正文/i;
export const UNLIKELY_CONTENT_NAMES =
  /hidden|^hid$|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|nav|menu|login|subscribe|newsletter/i;

/** Class/id markers of the article body that sites use on purpose (schema.org and common CMSes). */
export const ARTICLE_BODY_NAMES =
  /(?:^|\s)(?:article-?body|articlebody|article__body|story-?body|post-?body|entry-?content|post-?content|article-?content|article__content|content__article-body|body-?text|story-?content)(?=$|\s)/i;

/** Furniture that is never a page wrapper, however much text it holds (long comment threads). */
export const NEVER_WRAPPER_NAMES = /(?:^|[\s_-])(?:comments?|commentlist|disqus|respond|replies|pinglun)(?=$|[\s_-])/i;
