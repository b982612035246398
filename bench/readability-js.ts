// Readability.js (devDependency @mozilla/readability) over jsdom, as the benches run it side by
// side with Tidings' extractor: one page in, its parse out. Shared by bench/extraction.ts,
// bench/article-extraction.ts and bench/readability-suite.ts, so all three run the baseline the
// same way. jsdom's CSS parser throws on some stylesheets, which Readability does not read: the
// page is then parsed again without its <style> blocks, so Readability is not scored on a crash.

export interface ReadabilityParse {
  readonly title: string | null;
  readonly byline: string | null;
  readonly siteName: string | null;
  readonly publishedTime: string | null;
  readonly text: string;
}

export const EMPTY_PARSE: ReadabilityParse = {
  title: null,
  byline: null,
  siteName: null,
  publishedTime: null,
  text: '',
};

/**
 * A function that parses one page's HTML at `url` with Readability.js; a page it cannot parse even
 * without styles is reported on stderr by `name` and gives EMPTY_PARSE.
 */
export async function readabilityJs(
  options: { classesToPreserve?: string[] } = {},
): Promise<(html: string, url: string, name: string) => ReadabilityParse> {
  const { JSDOM, VirtualConsole } = await import('jsdom');
  const { Readability } = await import('@mozilla/readability');
  const virtualConsole = new VirtualConsole(); // jsdom's CSS parse complaints, not printed
  const parse = (html: string, url: string): ReadabilityParse => {
    const dom = new JSDOM(html, { url, virtualConsole });
    const r = new Readability(
      dom.window.document,
      options.classesToPreserve ? { classesToPreserve: options.classesToPreserve } : {},
    ).parse();
    dom.window.close();
    return {
      title: r?.title ?? null,
      byline: r?.byline ?? null,
      siteName: r?.siteName ?? null,
      publishedTime: r?.publishedTime ?? null,
      text: r?.textContent ?? '',
    };
  };
  return (html, url, name) => {
    try {
      return parse(html, url);
    } catch {
      try {
        return parse(html.replace(/<style[\s\S]*?<\/style>/gi, ''), url);
      } catch (error) {
        console.error(`readability-js failed on ${name}: ${(error as Error).message.split('\n')[0]}`);
        return EMPTY_PARSE;
      }
    }
  };
}
