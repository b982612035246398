// The clutter rules as data: whole paragraphs that are page furniture, in English and Chinese.
// A rule matches the whole paragraph (after trimming); a new kind of clutter is a new row.
import type { Face } from '../article.js';

export interface ClutterRule {
  readonly name: string;
  readonly lang: Face | 'any';
  readonly pattern: RegExp;
}

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAYS =
  'mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?';
/** Words of a timestamp line: labels, months, weekdays, clock and zone words, numbers. */
const STAMP_WORDS = `published|updated|posted|last|first|modified|on|at|${MONTHS}|${WEEKDAYS}|am|pm|a\\.m\\.|p\\.m\\.|utc|gmt|[ecmp][sd]?t|bst|cet|cest|ist|jst|hkt|sgt|\\d{1,4}(?:st|nd|rd|th)?`;

const NETWORKS =
  '(?:x|twitter|facebook|linkedin|email|e-mail|whatsapp|reddit|telegram|weibo|wechat|pinterest|flipboard|threads|bluesky|mastodon|instagram|youtube|tiktok|snapchat)';

/** Paragraphs dropped wherever they appear. */
export const CLUTTER_RULES: readonly ClutterRule[] = [
  // share and follow prompts
  {
    name: 'share-prompt',
    lang: 'en',
    pattern: new RegExp(
      `^(?:share|tweet|post|email)(?: (?:this|the))?(?: (?:article|story|post|page|link))?(?: (?:on|to|via|with)(?: ${NETWORKS})?)?[.!:]?$`,
      'i',
    ),
  },
  {
    name: 'share-networks',
    lang: 'en',
    pattern: new RegExp(`^(?:(?:share|share on|follow|follow us on)\\s*)?(?:${NETWORKS}[\\s,|/·•]*){1,}$`, 'i'),
  },
  {
    name: 'follow-prompt',
    lang: 'en',
    pattern: new RegExp(`^(?:follow|like) us(?: on ${NETWORKS}(?:(?:,| and| or) ${NETWORKS})*)?[.!]?$`, 'i'),
  },
  // "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.", "Follow The Opinion section on Facebook, Twitter (@Opinion) and Instagram."
  {
    name: 'follow-prompt',
    lang: 'en',
    pattern: new RegExp(
      `^follow (?:[\\p{L}\\p{N}@'&.-]+ ){1,6}on ${NETWORKS}(?: \\(@\\w+\\))?(?:(?:,| and| or|, and) ${NETWORKS}(?: \\(@\\w+\\))?)*[.!]?$`,
      'iu',
    ),
  },
  {
    name: 'follow-author',
    lang: 'en',
    pattern: /^follow (?:the )?(?:author|@\w+|[\p{Lu}][\p{L}'-]+(?: [\p{Lu}][\p{L}'-]+){0,2})(?: on \w+)?[.!]?$/iu,
  },
  // self-promotion closing a post: "Like what you read? Follow @handle for …", "Follow us on X for more"
  {
    name: 'self-promotion',
    lang: 'en',
    pattern:
      /^(?=.{0,200}$)(?:(?:(?:did you )?(?:like|enjoy|enjoyed|liked) (?:what you (?:just )?(?:read|saw|see)|this (?:post|article|story|thread|piece|take))|(?:found|find) this (?:useful|helpful|interesting))\?.*|follow (?:us|me|@\w+|the author)(?: on [\w ]{1,20}?)? (?:for|to (?:get|see|read|stay)) .*)$/i,
  },
  {
    name: 'copy-link',
    lang: 'en',
    pattern:
      /^(?:copy link|link copied|copied!?|print|print this (?:page|article)|save article|save|gift (?:this )?article|listen to (?:this )?article(?: \d+ min)?)$/i,
  },
  {
    name: 'share-prompt',
    lang: 'zh',
    pattern:
      /^(?:(?:微信)?扫一扫|扫描二维码|扫码)?[，,\s]*(?:关注|分享)(?:我们|本文|到|至)?[：:\s]*(?:微信|微博|朋友圈|QQ空间|QQ|豆瓣|公众号)?[\s|｜/、]*$/,
  },
  {
    name: 'wechat-follow',
    lang: 'zh',
    pattern: /^.{0,12}(?:微信扫一扫|扫一扫|扫描二维码|长按识别二维码|长按二维码).{0,20}$/,
  },
  {
    name: 'share-networks',
    lang: 'zh',
    pattern:
      /^(?:分享到?[：:]?\s*)?(?:(?:微信|微博|新浪微博|腾讯微博|朋友圈|QQ空间|QQ|豆瓣|人人网)[\s|｜/、,，]*){1,}$/,
  },
  { name: 'share-word', lang: 'zh', pattern: /^(?:分享|分享到|收藏|点赞|打印|转发|举报|复制链接|在看|赞)[：:]?$/ },
  // comment widgets
  {
    name: 'comment-count',
    lang: 'en',
    pattern: /^(?:\d+\s+)?(?:comments?|replies|responses)\s*(?:\(\d+\)|\d+)?[.:]?$/i,
  },
  {
    name: 'comment-prompt',
    lang: 'en',
    pattern:
      /^(?:tell us what you think|what do you think\? (?:let us know|tell us|leave a comment)|no comments yet|be the first to comment|leave a (?:comment|reply)|add a comment|post a comment|join the (?:conversation|discussion)|view comments|show comments|load (?:more )?comments|comments are closed|you must be logged in to post a comment|sign in to comment|log in to comment)\b.{0,40}$/i,
  },
  {
    name: 'comment-count',
    lang: 'zh',
    pattern: /^(?:网友)?(?:评论|留言|跟帖|回复)\s*(?:[(（]\s*\d+\s*[)）]|\d+\s*条?)?[:：]?$/,
  },
  {
    name: 'comment-prompt',
    lang: 'zh',
    pattern:
      /^(?:暂无评论|还没有评论|快来抢沙发|抢沙发|发表评论|我要评论|写评论|查看评论|查看全部评论|登录后(?:才能)?评论|参与评论|已有\d+人(?:参与|评论)).{0,20}$/,
  },
  // a timestamp line: "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, …", "Updated at 1:23 p.m.",
  // "Nov. 19, 2019, 8:41 AM UTC": a label, or a clock time with its day (a bare "Nov. 18" or "4:14 p.m."
  // heads a section of a timeline or a live story)
  {
    name: 'timestamp',
    lang: 'en',
    pattern: new RegExp(
      `^(?=.{0,120}$)(?=.*(?:\\b(?:published|updated|posted|modified)\\b|\\b(?:${MONTHS}|${WEEKDAYS})\\b.*\\d{1,2}:\\d{2}|\\d{1,2}:\\d{2}.*\\b(?:${MONTHS}|${WEEKDAYS})\\b))(?:(?:${STAMP_WORDS})(?!\\p{L})[\\s,.:|·•/()-]*)+$`,
      'iu',
    ),
  },
  // an unrendered shortcode of the page's CMS: "[button link=…]Send us your review[/button]"
  { name: 'shortcode', lang: 'any', pattern: /^\[([a-z][\w-]*)(?:\s[^\]]*)?\].*\[\/\1\]$/i },
  // image file names and credits left in the text
  { name: 'image-file', lang: 'any', pattern: /^(?:[\w.-]+\.(?:jpe?g|png|gif|webp|avif|bmp|svg|heic|tiff?)\s*)+$/i },
  {
    name: 'image-credit',
    lang: 'en',
    pattern: /^(?:image|photo|picture|illustration)(?: credit)?s?\s*[:|]\s*\S.{0,60}$/i,
  },
  // a photo credit line: "Sakib Ali/Hindustan Times/Getty Images", "Jane Roe | Bloomberg | Getty Images", "Caption"
  {
    name: 'image-credit',
    lang: 'en',
    pattern:
      /^(?=.{0,100}$)(?:[^.!?]{1,80}[/|]\s*)?(?:getty images|shutterstock|alamy|istock(?:photo)?|ap photo|afp(?: via getty images)?|epa-efe)\)?$|^caption$/i,
  },
  // wire and newsroom credits: "(Reporting by …; Editing by …)", "Keith Bradsher contributed reporting from Hong Kong."
  {
    name: 'reporting-credit',
    lang: 'en',
    pattern:
      /^(?=.{0,300}$)\(?(?:(?:[Aa]dditional )?[Rr]eporting|REPORTING|[Ww]riting|[Ee]diting|[Cc]ompiled) by [\p{Lu}][\p{L}.'’-]+(?: [\p{Lu}][\p{L}.'’-]+){0,3}(?:[,;] .*)?\)?\.?$|^(?=.{0,160}$)[\p{Lu}][\p{L}.'’ -]{1,40}(?:(?:,| and) [\p{Lu}][\p{L}.'’ -]{1,40}){0,3} contributed (?:reporting|research)(?: from .{1,60})?\.$/u,
  },
  { name: 'source-credit', lang: 'en', pattern: /^source\s*:\s*[^.!?]{1,60}$/i },
  // reading time and listing counters
  {
    name: 'reading-time',
    lang: 'en',
    pattern: /^(?:\d+\s*(?:min|mins|minutes?)\s*read|(?:estimated )?reading time\s*:?\s*\d+\s*(?:min|mins|minutes?))$/i,
  },
  { name: 'pagination', lang: 'en', pattern: /^\d+\s*[-–]\s*\d+\s+of\s+\d+$/i },
  // a likes widget's heading (WordPress)
  { name: 'share-prompt', lang: 'en', pattern: /^like this:$/i },
  { name: 'image-credit', lang: 'zh', pattern: /^(?:图片?|配图|图片来源|图源|摄影)[:：].{0,30}$/ },
  // related-article headings (the list after them is handled by RELATED_HEADINGS)
  {
    name: 'related',
    lang: 'en',
    pattern:
      /^(?:related(?: articles?| stories| posts| coverage| content| reading| news)?|read (?:more|next|also)|see also|more (?:from|on|about) .{1,40}|you (?:may|might) (?:also )?like|recommended(?: for you)?|most (?:read|popular)|trending(?: now)?|up next|what to read next)[.:]?$/i,
  },
  {
    name: 'related',
    lang: 'zh',
    pattern:
      /^(?:相关(?:阅读|文章|新闻|推荐|链接|报道)|推荐阅读|延伸阅读|热门(?:文章|推荐|新闻)|猜你喜欢|更多(?:精彩|阅读|新闻|内容)?|阅读更多|你可能(?:还)?喜欢|往期(?:回顾|推荐))[:：]?$/,
  },
  // a related link written inline: "Related Roundup: MacBook Pro", "RELATED: Senate passes …", "See also: …"
  {
    name: 'related',
    lang: 'en',
    pattern:
      /^(?:related|see also|also read|read also|read more|more on this(?: story| topic)?)(?: (?:post|posts|roundup|article|articles|story|stories|link|links|topic|topics|coverage|video|guide|reading))?\s*:\s*\S.{0,150}$/i,
  },
  {
    name: 'read-more',
    lang: 'en',
    pattern:
      /^(?:read more|continue reading|read the full (?:story|article)|keep reading|click here to read more|full story)\s*(?:»|›|→|\.\.\.|…)?$/i,
  },
  {
    name: 'read-more',
    lang: 'zh',
    pattern:
      /^(?:阅读全文|阅读原文|点击阅读原文|查看原文|展开全文|点击查看|查看更多|返回顶部|返回首页|上一篇.*|下一篇.*)$/,
  },
  // advertisements, subscriptions, cookies
  {
    name: 'advertisement',
    lang: 'en',
    pattern:
      /^(?:advertisement|advertising|advert|adverts|sponsored links?|sponsored stories|sponsored(?: content)?|ad|ads|story continues below(?: this)? advertisement|scroll to continue(?: with content)?|continue reading (?:the )?main story)$/i,
  },
  { name: 'advertisement', lang: 'zh', pattern: /^(?:广告|推广|赞助内容|[（(]?广告[)）]?)$/ },
  {
    name: 'subscribe',
    lang: 'en',
    pattern:
      /^(?:subscribe|sign up|join)(?: (?:now|today|here|for free))?(?: (?:to|for) (?:our|the) .{1,50})?[.!]?$|^(?:get|receive) (?:our|the) .{0,40}newsletter.{0,60}$|^(?:enter your email|your email address|already (?:a subscriber|have an account)).{0,60}$|^.{0,80}\bsubscribe to .{0,60}newsletters?[.!]?$/i,
  },
  {
    name: 'subscribe',
    lang: 'zh',
    pattern: /^(?:订阅|立即订阅|订阅我们|订阅newsletter|关注我们|关注公众号|关注微信公众号).{0,20}$/i,
  },
  {
    name: 'cookie-notice',
    lang: 'en',
    pattern:
      /^(?=.{0,400}$)(?:.*\b(?:we|this (?:site|website)) uses? cookies\b.*|.*\bby (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:site|website).*\bcookies\b.*|(?:accept|reject|manage)(?: all)? cookies|cookie (?:settings|preferences|policy))$/i,
  },
  {
    name: 'cookie-notice',
    lang: 'zh',
    pattern: /^(?=.{0,200}$).*(?:使用\s*cookies?|Cookie\s*政策|接受所有\s*Cookies?).*$/i,
  },
  // language switches
  {
    name: 'language-switch',
    lang: 'any',
    pattern:
      /^(?:(?:EN|ENG|English|英文|中文|简体|繁體|繁体|简体中文|繁體中文|中|英|Chinese|ZH|CN)\s*[|/｜·•]?\s*){1,4}$/i,
  },
  // separators and debris without a single letter or digit
  { name: 'no-words', lang: 'any', pattern: /^[^\p{L}\p{N}]*$/u },
  {
    name: 'back-to-top',
    lang: 'en',
    pattern:
      /^(?:back to top|top|skip to (?:main )?content|skip navigation|menu|close|search|open menu|toggle navigation)$/i,
  },
  {
    name: 'copyright',
    lang: 'any',
    pattern:
      /^(?:©|\(c\)|copyright\s*(?:©|\(c\))?)\s*\d{4}.{0,120}$|^(?:版权所有|©\s*\d{4}).{0,80}$|^(?:all rights reserved)\.?$/i,
  },
  // syndication notes and translation credits: where the text came from, not the text
  {
    name: 'syndication',
    lang: 'en',
    pattern:
      /^(?:this (?:article|story|post|piece|report) (?:was )?(?:originally|first) (?:appeared|published|ran|posted)|(?:originally|first) (?:published|appeared) (?:in|on|at|by)|(?:republished|reprinted|reposted|syndicated) (?:here )?(?:with (?:kind )?permission|from|by|under|courtesy)|read the original (?:article |story |post )?(?:at|on|here)).{0,300}$/i,
  },
  {
    name: 'syndication',
    lang: 'zh',
    pattern:
      /^(?:本文(?:转载|转自|来源于|来自|首发于|原载于|原发于|经授权转载|经.{1,20}授权)|转载自|原载于|首发于|本文由.{1,20}授权).{0,200}$/,
  },
  // reprint-permission and original-content notices: whose text it is, not what it says
  {
    name: 'reprint-notice',
    lang: 'zh',
    pattern:
      /^(?=.{0,120}$)(?:(?:本文|本篇|此文)(?:为|系|是|属).{0,20}原创.*|.{0,40}(?:转载请(?:联系|注明|获取|务必)|(?:未经|如未经|非经)(?:[^，。]{0,12})?(?:许可|授权|允许|同意)[，,]?\s*(?:不得|禁止|严禁|请勿)(?:任何形式)?(?:转载|复制|使用)|(?:本文|文章|内容)?版权(?:归.{1,20}所有|所有)).*)$/,
  },
  {
    name: 'rights-reserved',
    lang: 'en',
    pattern:
      /^(?=.{0,160}$).{0,100}\ball rights reserved\b.{0,40}$|^(?:no part of this (?:article|publication|story) may be (?:reproduced|republished)).{0,160}$/i,
  },
  {
    name: 'translation-credit',
    lang: 'en',
    pattern:
      /^(?:(?:translated|translation|compiled|adapted) (?:by|from)\s|original (?:article|story|text)\s*:|(?:translator|translation)\s*:).{1,160}$/i,
  },
  {
    name: 'translation-credit',
    lang: 'zh',
    pattern: /^(?:原文|原文链接|原文地址|原标题|原作者|译者|翻译|编译|译|校对|审校)\s*[：:].{0,200}$/,
  },
  {
    name: 'press-contact',
    lang: 'en',
    pattern: /^(?:media|press|investor) (?:contacts?|inquiries|enquiries|relations)\s*[:：]\s*\S.{0,120}$/i,
  },
  { name: 'press-contact', lang: 'zh', pattern: /^(?:媒体联系(?:人|方式)?|媒体垂询|新闻联络|投资者关系)[:：].{1,80}$/ },
  {
    name: 'editor-credit',
    lang: 'zh',
    pattern: /^[【[(（]?(?:责任编辑|编辑|责编|来源|作者|校对)[:：].{0,20}[】\])）]?$/,
  },
  // a credits line of several roles: "作者｜林川 编辑｜陈默", "文 / 周晓  审核：张某"
  {
    name: 'editor-credit',
    lang: 'zh',
    pattern:
      /^(?:[【[(（]?(?:作者|撰文|文|图|编辑|责编|责任编辑|审核|审校|校对|排版|美编|设计|出品|主编|统筹|监制|运营)\s*[:：|｜/]\s*[^\s:：|｜/，。]{1,20}[】\])）]?\s*){1,8}$/,
  },
  {
    name: 'source-credit',
    lang: 'zh',
    pattern: /^[【[(（]?(?:本文|文章|信息|内容|稿件|新闻|图文)?来源\s*[:：|｜]\s*.{1,40}$/,
  },
  // disclaimers: what the page is not (advice, the site's view), never what happened
  {
    name: 'disclaimer',
    lang: 'en',
    pattern: /^(?:disclaimer|disclosure|legal notice|important (?:notice|information))\s*[:：—-]\s*\S.*$/i,
  },
  {
    name: 'disclaimer',
    lang: 'en',
    pattern:
      /^(?=.{0,300}$).*\b(?:(?:is|are) (?:provided )?(?:solely )?for (?:general )?(?:informational|information|educational|reference) purposes only|(?:does|do|should|shall) not constitute (?:\w+ ){0,3}(?:advice|recommendations?|offers?|solicitations?)|(?:is|are) not (?:\w+ ){0,2}(?:investment|financial|legal|tax) advice|not (?:intended (?:as|to be)|to be (?:construed|taken|relied upon) as) (?:\w+ ){0,3}advice)\b.*$/i,
  },
  // affiliate disclosures: how the page earns, not what it says
  {
    name: 'disclaimer',
    lang: 'en',
    pattern:
      /^(?=.{0,300}$)(?:(?:this|the) (?:post|article|page|story|site|review|guide) (?:may )?contains? (?:[\w/]+ ){0,3}(?:affiliate|referral|sponsored) links?|(?:we|i) (?:may )?(?:earn|receive|get) (?:a )?(?:small )?(?:commission|compensation|share of (?:the )?(?:sales|revenue))|as an amazon associate)\b.*$/i,
  },
  {
    name: 'disclaimer',
    lang: 'en',
    pattern:
      /^(?=.{0,300}$)(?:the )?(?:views|opinions)(?: and (?:views|opinions))? expressed (?:here(?:in)?|in (?:this|the) (?:article|post|piece|newsletter|column|story) )?(?:are|belong|do not|don't)\b.*$/i,
  },
  {
    name: 'disclaimer',
    lang: 'zh',
    pattern: /^[【[(（]?(?:免责声明|免责条款|法律声明|特别声明|声明|风险提示|特别提示|重要提示)\s*[:：】\])）].*$/,
  },
  {
    name: 'disclaimer',
    lang: 'zh',
    pattern:
      /^(?=.{0,200}$).*(?:仅供参考|不构成(?:任何)?(?:投资|买卖|操作|理财|法律)?(?:建议|意见|依据)|投资(?:需|须|要)谨慎|入市(?:需|须)谨慎|风险自(?:担|负)|(?:仅|只)代表(?:作者|笔者|本人)(?:个人|本人)?(?:的)?(?:观点|看法|立场)|不代表本(?:站|网|网站|平台|号|报|刊|公众号|媒体)(?:的)?(?:立场|观点|看法)|(?:如|若)(?:有|涉及)侵权|侵权(?:请)?联系(?:我们|本站|本号|小编)?删除|图片(?:均)?来(?:自|源于)网络).*$/,
  },
  // newsletter furniture: greetings, sign-offs, calls to forward, share or subscribe, unsubscribe lines
  {
    name: 'sign-off',
    lang: 'en',
    pattern:
      /^(?:(?:(?:thanks|thank you),? (?:so much |again |all )?for (?:reading|subscribing|being (?:a |here)\w*)(?: (?:this (?:week|issue)|to the end|along|[^.!?,]{1,60}))?|(?:and )?that'?s (?:all|it|a wrap)(?: for (?:this (?:week|month|issue|edition|time|one)|today|now|me|us))?|see you (?:next (?:week|time|month|issue|edition|\w+day)|soon|then|tomorrow|in the next (?:issue|edition|one))|until next (?:time|week|issue)|(?:have a )?(?:great|good|nice|lovely) (?:week(?:end)?|day)|cheers|talk soon|happy (?:building|coding|hacking|reading|shipping)|stay (?:curious|tuned))(?:[,.!…]|\s[—–-])*\s*){1,4}$/i,
  },
  {
    name: 'newsletter-greeting',
    lang: 'en',
    pattern:
      /^(?:hi|hey|hello|good morning|greetings),? (?:friends|everyone|all|folks|there|readers|\w+ readers)[,.!]?\s*(?:and )?(?:welcome (?:back )?to .{1,60}|(?:this is|it'?s) .{1,60})?[.!]?$/i,
  },
  {
    name: 'newsletter-cta',
    lang: 'en',
    pattern:
      /^(?=.{0,240}$)(?:[^.?!]{1,80}[?!]\s+)?(?:(?:if you (?:enjoyed|liked|found value in|got value from) (?:this|today'?s|it)[^,.]{0,30},?\s*)?(?:please )?(?:forward|share) (?:this|it)(?: (?:email|newsletter|issue|post|edition))? (?:to|with) .*|(?:was this (?:email|newsletter) forwarded to you|forwarded this (?:email|newsletter)|got this from a friend)\?.*|you(?:'re| are) receiving this (?:email|newsletter|message).*|you received this (?:email|message).*|(?:to )?unsubscribe\b.*|manage (?:your )?(?:email )?(?:preferences|subscription).*|view (?:this (?:email|newsletter|issue) )?(?:in|on) (?:your |a |the )?(?:browser|web)\.?|(?:upgrade to paid|become a paid subscriber|give a gift subscription|share this (?:post|issue|newsletter)|reply to this email|hit reply)\b.{0,80}|(?:sign up|subscribe)(?: (?:here|now|today|below|for free))? to (?:get|receive|read) .*)$/i,
  },
  // a short paragraph opening on the call itself, for a newsletter or alerts: "Subscribe to WIRED and stay
  // smart …", "Sign up for X today to get the free daily newsletter …" (not "Sign up for a Hulu account")
  {
    name: 'subscribe',
    lang: 'en',
    pattern:
      /^(?=.{0,200}$)(?=.*\b(?:newsletters?|inbox|stay (?:smart|informed|up to date|in the know|ahead)|(?:daily|weekly) (?:briefing|digest|email)s?|news alerts)\b)(?:subscribe (?:to|for|now|today)|sign up (?:for|to|now|today|here))\b.*$/i,
  },
  {
    name: 'sign-off',
    lang: 'zh',
    pattern:
      /^(?=.{0,120}$).*(?:感谢(?:您的|大家的|你的)?(?:阅读|收看|收听)|(?:我们)?下期(?:再)?见|点个?(?:赞|在看)|点亮在看|(?:欢迎|记得|请)(?:点赞|在看|转发|分享|关注|留言|星标|订阅)|点击(?:上方|下方|文末|右上角)?[^，。]{0,8}关注|(?:设为|加个?)星标|星标(?:公众号|我们|本号)|关注(?:我们的)?(?:微信)?公众号).*$/,
  },
  // cookie and consent banners
  {
    name: 'consent',
    lang: 'en',
    pattern:
      /^(?=.{0,400}$)(?:.*\bwe (?:and our (?:\d+ )?(?:partners|vendors) )?(?:use|store) cookies\b.*|.*\bby clicking ["“]?(?:accept|agree|allow|ok|i agree)\b.*|(?:accept|reject|allow|decline|deny)(?: all| selected)?(?: cookies)?|(?:manage|customi[sz]e|save) (?:my |your )?(?:preferences|consent|choices|settings|options|cookies)|(?:your )?privacy (?:choices|settings|preferences)|we value your privacy.*|do not sell or share my personal information|consent preferences)$/i,
  },
  {
    name: 'consent',
    lang: 'zh',
    pattern:
      /^(?=.{0,200}$).*(?:继续(?:浏览|使用)[^。]{0,12}(?:即|则)?表示(?:您)?同意|(?:接受|拒绝|同意)(?:全部|所有)?\s*cookies?|cookies?\s*(?:设置|偏好)).*$/i,
  },
  // paper pages (preprint servers): version history, tool panels, citation export, licence lines, listing
  // counts; a dateline ("Submitted on 9 Mar 2026") stays for the byline reader, an identifier for grouping
  {
    name: 'paper-furniture',
    lang: 'en',
    pattern:
      /^(?:\[v\d+\]\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}.{0,60}|\[v\d+\]\s.{0,100}|(?:submission|version|revision|publication) history(?:\s*:.{0,120})?|from:\s*.{1,80}\[view email\]|.{1,60} toggle|.{1,80}\((?:what (?:is|are) [^()]{1,60}\?)\)|which authors of this \w+ are endorsers\?.*|(?:\w+ )?(?:bibliographic|citation|bibtex)(?: (?:and citation|formatted|explorer|tools|export))*(?: tools| citation| explorer)?|(?:export|download) (?:bibtex |ris |endnote )?citations?|code,? data,? (?:and )?media(?: associated with this (?:article|paper))?|recommenders and search tools|references (?:&|and) citations|access paper:?|full-text links:?|current browse context:?.{0,20}|change to browse by:?.{0,60}|(?:view )?(?:pdf|html \(experimental\)|tex source|other formats|view license)|focus to learn more|\w+-issued doi via \w+|licen[cs]e:\s*\S.{0,60}|(?:this|the) (?:work|article|paper|preprint) is licensed under .{1,120}|total of \d+ entries|.{0,60}\(showing (?:first )?\d+ of \d+ entries\))$/i,
  },
  { name: 'paper-furniture', lang: 'en', pattern: /^(?=.{0,400}$).*\barxivlabs\b.*$/i },
  // A paper's fields about the text, not its content. A line naming the paper's arXiv id or DOI stays (story
  // grouping reads the paper's identity from it), and so do its title and authors (the writer never states them).
  {
    name: 'paper-metadata',
    lang: 'en',
    pattern:
      /^(?=.{0,300}$)(?!.*(?:arxiv:\s*\d{4}\.\d{4,5}|\b10\.\d{4,9}\/))(?:subjects?|comments?|cite as|journal[- ]ref(?:erence)?|report[- ]?(?:no|number)|msc classes|acm classes|doi)\s*:(?:\s.*)?$/i,
  },
];

/** Headings that open a list of links to other articles: they and the short lines after them go. */
export const RELATED_HEADINGS: readonly RegExp[] = [
  /^(?:related(?: articles?| stories| posts| coverage| content| reading| news)?|read (?:more|next|also)|see also|you (?:may|might) (?:also )?like|recommended(?: for you| reading)?|most (?:read|popular)|trending(?: now)?|more (?:stories|news|articles)(?: from .{1,40})?|more (?:[\w'-]+ ){1,3}(?:stories|news|articles|reads)|more in .{1,40}|(?:don'?t|do not) miss(?: this| these)?)[.:!]?$/i,
  /^(?:相关(?:阅读|文章|新闻|推荐|链接|报道)|推荐阅读|延伸阅读|热门(?:文章|推荐|新闻)|猜你喜欢|你可能(?:还)?喜欢|往期(?:回顾|推荐)|更多(?:精彩|阅读|新闻))[:：]?$/,
];

/** Phrases that may be left at the start or end of an otherwise good paragraph. */
export const EDGE_CLUTTER: readonly RegExp[] = [
  // a field label left at the start of an abstract ("Abstract:We present…")
  /^(?:abstract|summary|摘要)\s*[:：]\s*(?=\S)/gi,
  /(?:^|\s)[\w-]+\.(?:jpe?g|png|gif|webp|avif)(?=\s|$)/gi,
  /\s*(?:微信扫一扫关注我们|扫一扫关注我们|微信扫一扫)\s*$/g,
];
