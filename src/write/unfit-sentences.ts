// Sentences the writer never states as a point, whatever their score: code (shell commands, calls,
// identifiers, table rows), disclaimers, sign-offs and calls to subscribe or share, cookie and
// consent text, and page furniture. The cleaner drops most of these as whole paragraphs; this is
// the writer's own check for what reaches it inside a kept paragraph or a page the cleaner missed.
// Prose that only mentions code or subscriptions ("subscription revenue", "the code it writes") is
// content and stays.

import { clutterRule } from '../extract/clutter.js';

export type UnfitReason = 'code' | 'disclaimer' | 'sign-off' | 'consent' | 'furniture';

/** Marks that only code carries; each one alone makes a sentence code. */
const CODE_PATTERNS: readonly RegExp[] = [
  /`/, // a Markdown code span left in the text
  /[A-Za-z_]\w*::[A-Za-z_~]/, // tern::Client, std::vector
  /\b[a-z_][\w]*(?:\.[A-Za-z_]\w*)+\(/, // model.complete(, client.chat.create(
  /\b[A-Za-z_]\w*\(\s*\)/, // run()
  /\b[A-Za-z_]\w*\((?:[^()]*[=:"'][^()]*|\s*[a-z_]\w*(?:\s*,\s*[a-z_]\w*)+\s*)\)/, // load_model("x", k=1), f(a, b), f(repo: str)
  /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/, // snake_case identifiers: load_model, max_tokens
  /(?:^|[\s(])\$ [a-z]/, // a shell prompt
  /\b(?:pip3?|pipx|uv|npm|npx|pnpm|yarn|brew|apt(?:-get)?|conda|cargo|gem|docker|kubectl|git|curl|wget|huggingface-cli|ollama)\s+(?:install|i|add|run|exec|clone|pull|push|build|download|login|serve|create|-[A-Za-z]{1,2}\b|--[a-z])/,
  /(?:^|\s)--[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:[=\s]|$)/, // --local-dir, --flag=value
  /==|!=|&&|\|\||=>|->\s*[A-Za-z_]/, // operators and return arrows
  /\|[^|\n]*\|[^|\n]*\|/, // a table row: two cells or more
  /^\s*\|/, // a table row's first cell
  /\{[^{}]*["'\w]\s*:\s*[^{}]*\}/, // an object or JSON literal
  /\b(?:def|function|fn|func|const|let|var)\s+[A-Za-z_][\w.]*(?:\(|\s*=\s)/, // def f(, const x =
  /\b(?:from\s+[\w.]+\s+import|import\s+[\w{},\s*]+\s+from\s+['"])/,
  /<\/?[a-z][\w-]*(?:\s[^<>]*)?>/, // a tag
];

/** Disclaimers: what the page says it is not (advice, the site's view), not what happened. */
const DISCLAIMER_PATTERNS: readonly RegExp[] = [
  /\b(?:disclaimer|disclosure)\s*[:：]/i,
  /\bfor (?:general )?(?:informational|information|educational|reference) purposes only\b/i,
  /\b(?:does|do|should|shall) not constitute (?:\w+ ){0,3}(?:advice|recommendations?|offers?|solicitations?)\b/i,
  /\bnot (?:intended (?:as|to be)|to be (?:construed|taken|relied upon) as) (?:\w+ ){0,3}advice\b/i,
  /\b(?:is|are) not (?:\w+ ){0,2}(?:investment|financial|legal|tax) advice\b/i,
  /\bnot (?:investment|financial) advice\b/i,
  /\b(?:views|opinions) expressed (?:here(?:in)?|in (?:this|the) (?:article|post|piece|newsletter|column|story) )?(?:are|belong|do not|don't)\b/i,
  /\bdo your own research\b/i,
  /免责声明|风险提示|特别提示[:：]|仅供参考|不构成(?:任何)?(?:投资|买卖|操作|理财|法律)?(?:建议|意见|依据)|投资(?:需|须|要)谨慎|入市(?:需|须)谨慎|风险自(?:担|负)|据此(?:操作|投资|买卖)/u,
  /(?:仅|只)代表(?:作者|笔者|本人)(?:个人|本人)?(?:的)?(?:观点|看法|立场)|不代表本(?:站|网|网站|平台|号|报|刊|公众号|媒体)(?:的)?(?:立场|观点|看法)/u,
  /(?:如|若)有侵权|侵权(?:请)?联系(?:我们|本站|本号|小编)?删除|图片(?:均)?来(?:自|源于)网络|转载请/u,
  /^(?:本文|文章|信息|内容|稿件)?来源[:：|｜]/u,
  /^[【[(（]?(?:责任编辑|编辑|责编|审核|校对|作者)[:：|｜]/u,
];

/** Sign-offs and calls to subscribe, share or follow: the newsletter talking about itself. */
const SIGN_OFF_PATTERNS: readonly RegExp[] = [
  /\b(?:thanks|thank you),? (?:so much |again )?for (?:reading|subscribing|being a (?:subscriber|reader))\b/i,
  /\b(?:that'?s|that is) (?:all|it|a wrap) for (?:this (?:week|month|issue|edition|time|one)|today|now)\b/i,
  /\bsee you (?:next (?:week|time|month|issue|edition|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in the next (?:issue|edition|one))\b/i,
  /\buntil next (?:time|week|issue)\b/i,
  /\b(?:forward|share) (?:this|it)(?: (?:email|newsletter|issue|post|edition))? (?:to|with) (?:a friend|friends|someone|a colleague|colleagues|anyone)\b/i,
  /\b(?:was this|forwarded this|this) (?:email|newsletter) (?:was )?forwarded to you\b|\bforwarded this (?:email|newsletter)\b/i,
  /\b(?:you(?:'re| are) receiving this|you received this) (?:email|newsletter|message)\b/i,
  /\bunsubscribe\b|\bmanage (?:your )?(?:email )?(?:preferences|subscription)\b/i,
  /\bview (?:this (?:email|newsletter|issue) )?(?:in|on) (?:your |a |the )?(?:browser|web)\b/i,
  /^(?:please )?(?:subscribe|sign up|join)(?: (?:now|today|here|for free|below))?\b(?:\s+(?:to|for) (?:get|receive|read|join|our|the|my|this|a free)\b)?/i,
  /\b(?:subscribe|sign up) (?:now|today|here|for free|below)\b|\bsubscribe to (?:our|the|my|this) (?:\w+ ){0,3}(?:newsletter|channel|podcast|list|feed)\b|\bclick here to (?:subscribe|sign up)\b/i,
  /\b(?:upgrade to paid|become a paid subscriber|hit reply|reply to this email|leave a comment below)\b/i,
  /感谢(?:您的|大家的|你的)?(?:阅读|收看|收听)|(?:我们)?下期(?:再)?见|点个?(?:赞|在看)|点亮在看|(?:欢迎|记得|请)(?:点赞|在看|转发|分享|关注|留言|星标|订阅)|点击(?:上方|下方|文末|右上角)?[^，。]{0,8}关注|(?:设为|加个?)星标|星标(?:公众号|我们|本号)|关注(?:我们的)?(?:微信)?公众号|扫码关注|长按(?:识别)?二维码/u,
];

/** Cookie and consent banners. "Third-party cookies" in a story about advertising is content. */
const CONSENT_PATTERNS: readonly RegExp[] = [
  /\bwe (?:and our (?:\d+ )?(?:partners|vendors) )?use cookies\b|\b(?:this|our) (?:site|website) uses cookies\b/i,
  /\bby (?:clicking|continuing to (?:use|browse)|using (?:this|our) (?:site|website))\b.{0,80}\byou (?:agree|consent|accept)\b/i,
  /\b(?:accept|reject|allow|decline)(?: all)? cookies\b|\bcookie (?:policy|settings|preferences|notice)\b|\byour privacy choices\b|\bdo not sell or share my personal information\b|\bwe value your privacy\b/i,
  /(?:本(?:网)?站(?:点)?|我们)[^。]{0,8}(?:使用|采用)\s*cookies?|cookies?\s*(?:政策|设置)|继续(?:浏览|使用)[^。]{0,12}(?:即|则)?表示(?:您)?同意/iu,
];

/** Furniture of paper and repository pages (preprint servers' tool panels, version histories). */
const FURNITURE_PATTERNS: readonly RegExp[] = [
  /\(what (?:is|are) [^()]{1,60}\?\)/i,
  /\bwhich authors of this \w+ are endorsers\b/i,
  /\[v\d+\]|\[view email\]|\bsubmission history\b/i,
  /\barxivlabs\b|\bbibtex\b|\bbibliographic (?:explorer|tools)\b|\bconnected papers\b|\blitmaps\b/i,
  /\bdisable mathjax\b/i,
  /^(?:subjects?|comments?|cite as|journal[- ]ref(?:erence)?|report[- ]?(?:no|number)|msc classes|acm classes|authors?|title|doi)\s*:/i, // a paper's metadata fields
];

/** Why a sentence may not be stated as a point (code, disclaimer, sign-off…), or null when it may. */
export function unfitReason(sentence: string): UnfitReason | null {
  const t = sentence.trim().replace(/[‘’]/g, "'");
  if (FURNITURE_PATTERNS.some((re) => re.test(t))) return 'furniture';
  if (CONSENT_PATTERNS.some((re) => re.test(t))) return 'consent';
  if (DISCLAIMER_PATTERNS.some((re) => re.test(t))) return 'disclaimer';
  if (SIGN_OFF_PATTERNS.some((re) => re.test(t))) return 'sign-off';
  if (isCode(t)) return 'code';
  // A sentence that is, on its own, a paragraph the cleaner drops (a share prompt, a credit line).
  if (clutterRule(t) !== null) return 'furniture';
  return null;
}

/** Whether a sentence is (or carries) code: a command, a call, an identifier, a table row. */
export function isCode(sentence: string): boolean {
  return CODE_PATTERNS.some((re) => re.test(sentence));
}
