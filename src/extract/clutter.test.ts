import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanParagraphs, clutterRule } from './clutter.js';

const BODY = 'The lab said its new chip draws 300MW less than the old design, a claim rivals dispute.';

describe('clutterRule: each kind of clutter is recognised', () => {
  const cases: Array<[string, string, string]> = [
    ['WeChat follow prompt', '微信扫一扫关注我们', 'share-prompt'],
    ['long-press QR prompt', '长按识别二维码，获取更多资讯', 'wechat-follow'],
    ['share on X', 'Share on X', 'share-prompt'],
    ['share networks row', 'Facebook Twitter LinkedIn Email', 'share-networks'],
    ['Chinese share row', '分享到：微信 微博 QQ空间', 'share-networks'],
    ['follow us', 'Follow us on Twitter and Facebook', 'follow-prompt'],
    ['comment count', 'Comments (0)', 'comment-count'],
    ['empty comments', 'No comments yet, be the first!', 'comment-prompt'],
    ['Chinese comment count', '评论(0)', 'comment-count'],
    ['Chinese empty comments', '暂无评论', 'comment-prompt'],
    ['bare image name', '4.webp', 'image-file'],
    ['camera file name', 'IMG_2031.jpg', 'image-file'],
    ['related heading', 'Related articles', 'related'],
    ['Chinese related heading', '相关阅读', 'related'],
    ['recommended reading', '推荐阅读', 'related'],
    ['cookie notice', 'We use cookies to improve your experience on our site.', 'cookie-notice'],
    ['language switch', '中文', 'language-switch'],
    ['English switch', 'English', 'language-switch'],
    ['pair switch', 'EN | 中文', 'language-switch'],
    ['advertisement', 'Advertisement', 'advertisement'],
    ['read more', 'Read more »', 'read-more'],
    ['subscribe', 'Subscribe to our newsletter', 'subscribe'],
    [
      'newsletter pitch',
      'Get the latest updates right in your inbox. Subscribe to Example Wire newsletters.',
      'subscribe',
    ],
    ['Chinese follow prompt', '关注公众号', 'share-prompt'],
    ['Chinese subscribe', '立即订阅', 'subscribe'],
    [
      'syndication note',
      'This article originally appeared in Example Wire and is republished under a content partnership. Read the original at wire.example.',
      'syndication',
    ],
    ['republished with permission', 'Republished with permission from Example Wire.', 'syndication'],
    ['first published on', 'First published on the Example Notes blog.', 'syndication'],
    ['Chinese reprint note', '本文转载自北风快讯，已获授权。', 'syndication'],
    ['Chinese authorised reprint', '本文经北风快讯授权转载，如需转载请联系原作者。', 'syndication'],
    ['translator credit', 'Translated by Example Bridge editors', 'translation-credit'],
    ['Chinese translator', '译者：王五', 'translation-credit'],
    ['press contact', 'Media contact: press@northwind.example', 'press-contact'],
    ['Chinese press contact', '媒体联系：press@northwind.example', 'press-contact'],
    ['Chinese compiler', '编译：赵六 ｜ 审校：钱七', 'translation-credit'],
    [
      'Chinese source credit with link',
      '原文：Example Wire，作者 Jane Doe。原文链接：https://wire.example/a/1/',
      'translation-credit',
    ],
    [
      'like-what-you-read pitch',
      'Like what you read? Follow @gridnotes for a power take every Friday.',
      'self-promotion',
    ],
    ['enjoyed this post', 'Enjoyed this post? Share it with a friend who builds data centres.', 'self-promotion'],
    ['follow for more', 'Follow us on Bluesky for more hardware coverage.', 'self-promotion'],
    ['follow a handle for updates', 'Follow @coolantwatch to get every rack teardown first.', 'self-promotion'],
    ['original-content notice', '本文为算力札记原创，转载请联系授权。', 'reprint-notice'],
    ['original content, different verb', '本文系北风科技原创内容。', 'reprint-notice'],
    ['reprint contact', '如需转载请联系后台，转载请注明出处。', 'reprint-notice'],
    ['no reprint without permission', '未经授权不得转载。', 'reprint-notice'],
    ['no reprint without written permission', '未经本站书面许可，不得转载或复制。', 'reprint-notice'],
    ['copyright belongs to', '本文版权归北风科技所有，侵权必究。', 'reprint-notice'],
    ['all rights reserved after an outlet', 'Example Wire Media Ltd. All rights reserved.', 'rights-reserved'],
    ['all rights reserved alone', 'All rights reserved', 'copyright'],
    ['short advert label', 'Advert', 'advertisement'],
    [
      'follow a name on several networks',
      'Follow Gridnotes on Instagram, Facebook, Twitter and YouTube.',
      'follow-prompt',
    ],
    [
      'affiliate disclosure',
      'This post may contain affiliate and/or referral links. Please see my disclosure page.',
      'disclaimer',
    ],
    ['commission disclosure', 'We may earn a commission when you buy through links on our site.', 'disclaimer'],
    [
      'published and updated stamps',
      'PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019',
      'timestamp',
    ],
    ['updated at a time', 'Updated at 1:23 p.m.', 'timestamp'],
    ['a date with its clock time', 'Nov. 19, 2019, 8:41 AM UTC', 'timestamp'],
    [
      'unrendered shortcode',
      '[button link="https://bikes.example/submit/" type="big"] Send us YOUR kit review[/button]',
      'shortcode',
    ],
    ['comment invitation', 'Tell us what YOU think...', 'comment-prompt'],
    ['inline related link', 'Related Roundup: MacBook Pro', 'related'],
    ['inline related post', 'Related post: Pickled Brussels Sprouts Recipe', 'related'],
    ['newsletter call', 'Subscribe to Example Wire and stay smart with more of your favourite writers.', 'subscribe'],
    ['agency photo credit', 'Jane Roe/Example Times/Getty Images', 'image-credit'],
    ['photo credit with bars', 'Jane Roe | Bloomberg | Getty Images', 'image-credit'],
    ['wire credits', '(Reporting by Jane Roe, Dan Poe; editing by Sam Lee.)', 'reporting-credit'],
    ['contributed reporting', 'Dana Reyes contributed reporting from Columbus.', 'reporting-credit'],
    ['source line', 'SOURCE: Example News Agencies', 'source-credit'],
    ['reading time', '5 min read', 'reading-time'],
    ['listing counter', '1 - 5 of 36', 'pagination'],
    ['likes widget heading', 'Like this:', 'share-prompt'],
    [
      'daily newsletter call',
      'Sign up for The Morning Rack today to get the free daily newsletter delivered to your inbox.',
      'subscribe',
    ],
  ];
  for (const [name, text, rule] of cases) {
    it(name, () => assert.equal(clutterRule(text), rule));
  }
});

describe('clutterRule: article prose is not clutter', () => {
  const cases: Array<[string, string]> = [
    ['English sentence', BODY],
    ['sentence mentioning comments', 'The company declined to comment on the report, citing a pending review.'],
    ['sentence mentioning WeChat', '该公司表示，用户可以通过微信小程序直接使用新模型，无需额外下载。'],
    ['sentence about sharing', 'Shares of the chipmaker rose 4% after the announcement.'],
    ['sentence about English', 'English is the working language of the new lab in Shenzhen.'],
    ['sentence about a report first published', 'The report, first published in March, found that demand had doubled.'],
    ['sentence about translation', 'Translation quality improved sharply in the new model, the lab said.'],
    ['Chinese sentence about the original', '原文件显示，该公司去年的收入增长了一倍。'],
    [
      'sentence about liking a product',
      'Users like what they see in the new model, the survey found, but few would pay for it.',
    ],
    [
      'sentence about following a rival',
      'Follow-on orders from the lab would double the company’s revenue, analysts said.',
    ],
    ['sentence asking a question with like', 'Would customers like a cheaper chip? The company is betting they would.'],
    ['court ruling about reprints', '法院认定该网站未经授权转载了多篇报道，判决赔偿 20 万元。'],
    ['sentence about original research', '该团队表示，这项原创研究耗时三年，覆盖了九个开源模型。'],
    ['sentence about copyright law', '新规要求模型公司说明训练数据的版权来源，并为权利人提供退出渠道。'],
    ['sentence about rights', 'The label said it reserved all rights to the recordings used in training.'],
    ["a live story's time heading", '4:14 p.m.'],
    ["a timeline's day heading", 'Nov. 18'],
    ['a bare date', '23 Nov 2017'],
    ['sentence with a day and a time', 'The meeting is on Monday at 10:30 in the town hall.'],
    ['sign-up step in a how-to', 'Sign up for a Hulu ad-free account for $11.99 a month'],
    ['sentence about advertising', 'Advertising revenue fell 4% in the quarter, the company said.'],
    ['sentence about affiliates', 'The company said its affiliate in Ohio would build the plant.'],
    ['sentence opening on reporting by', 'Reporting by the agency was accurate, the court found.'],
    ['sentence about Getty Images', 'Getty Images said it would sue the model maker over training data.'],
    ['sentence about a source', 'Source: the company said the chip would ship in March, two months late.'],
    [
      'sentence about a related case',
      'Related cases: the court will hear two similar suits next year, its clerk said.',
    ],
  ];
  for (const [name, text] of cases) {
    it(name, () => assert.equal(clutterRule(text), null));
  }
});

describe('cleanParagraphs', () => {
  const cases: Array<{ name: string; title?: string; input: string[]; expected: string[] }> = [
    {
      name: 'drops the title repeated at the top',
      title: 'Chipmaker unveils low-power design',
      input: ['Chipmaker unveils low-power design', BODY],
      expected: [BODY],
    },
    {
      name: 'drops the title with the site name appended',
      title: 'Chipmaker unveils low-power design',
      input: ['Chipmaker unveils low-power design | Example Wire', BODY],
      expected: [BODY],
    },
    {
      name: 'drops a label above the repeated title with the title',
      title: 'Chipmaker unveils low-power design',
      input: ['Review', 'Chipmaker unveils low-power design', BODY],
      expected: [BODY],
    },
    {
      name: 'keeps a short first line when no title follows it',
      title: 'Chipmaker unveils low-power design',
      input: ['Analysis', BODY, 'Chipmaker unveils low-power design'],
      expected: ['Analysis', BODY, 'Chipmaker unveils low-power design'],
    },
    {
      name: 'a byline line is no label: it stays for the byline reader',
      title: 'Chipmaker unveils low-power design',
      input: ['By Jane Roe', 'Chipmaker unveils low-power design', BODY],
      expected: ['By Jane Roe', 'Chipmaker unveils low-power design', BODY],
    },
    {
      name: 'keeps a later paragraph equal to the title',
      title: 'Chipmaker unveils low-power design',
      input: [BODY, 'Chipmaker unveils low-power design'],
      expected: [BODY, 'Chipmaker unveils low-power design'],
    },
    {
      name: 'drops a related list after its heading, resumes at prose',
      input: [
        BODY,
        '相关阅读',
        '某公司发布新模型',
        '另一家公司融资十亿',
        'Analysts expect the rollout to finish by the end of the year.',
      ],
      expected: [BODY, 'Analysts expect the rollout to finish by the end of the year.'],
    },
    {
      name: 'a related list whose headlines ask questions goes with its heading',
      input: [
        BODY,
        'More Great Example Stories',
        'Could an astronaut lost in space use gravity to get around?',
        'The plan to boost drone batteries',
        'Analysts expect the rollout to finish by the end of the year.',
      ],
      expected: [BODY, 'Analysts expect the rollout to finish by the end of the year.'],
    },
    {
      name: 'a "Don\'t miss" heading and its links go',
      input: [
        BODY,
        "DON'T MISS",
        'Protesters storm the campus',
        'Analysts expect the rollout to finish by the end of the year.',
      ],
      expected: [BODY, 'Analysts expect the rollout to finish by the end of the year.'],
    },
    {
      name: 'strips a file name and a trailing follow prompt inside a paragraph',
      input: ['4.webp The board approved the plan on Monday.', '第一，算力成本下降。微信扫一扫关注我们'],
      expected: ['The board approved the plan on Monday.', '第一，算力成本下降。'],
    },
    {
      name: 'seed-like clutter around a commentary post',
      input: ['4.webp', BODY, 'Comments (0)', '微信扫一扫关注我们', '微信扫一扫关注我们'],
      expected: [BODY],
    },
    { name: 'empty input', input: [], expected: [] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(cleanParagraphs(c.input, { title: c.title ?? null }), c.expected));
  }
});

describe('clutterRule: paper-page furniture, newsletter sign-offs, disclaimers and consent banners', () => {
  const cases: Array<[string, string, string]> = [
    ['version history line', '[v1] Mon, 9 Mar 2026 17:42:11 UTC (1,204 KB)', 'paper-furniture'],
    ['later version', '[v3] Fri, 3 Apr 2026 10:00:02 UTC (2 MB)', 'paper-furniture'],
    ['submission history heading', 'Submission history', 'paper-furniture'],
    ['submission history with its version', 'Submission history: [v1] Monday, 2 March 2026.', 'paper-furniture'],
    ['curly apostrophe', 'That’s all for this week. Forward this newsletter to a friend.', 'sign-off'],
    ['submitter line', 'From: Jane Roe [view email]', 'paper-furniture'],
    ['tool toggle', 'Semantic Reader Toggle', 'paper-furniture'],
    ['what-is link', 'Citation Graph (What is a Citation Graph?)', 'paper-furniture'],
    [
      'endorsers line',
      'Which authors of this paper are endorsers? | Disable MathJax (What is MathJax?)',
      'paper-furniture',
    ],
    ['citation export', 'export BibTeX citation', 'paper-furniture'],
    ['tools heading', 'Bibliographic and Citation Tools', 'paper-furniture'],
    ['code and media heading', 'Code, Data and Media Associated with this Article', 'paper-furniture'],
    ['license link', 'view license', 'paper-furniture'],
    ['license line', 'License: CC BY-NC-SA 4.0', 'paper-furniture'],
    [
      'licensed under',
      'This work is licensed under a Creative Commons Attribution 4.0 International License.',
      'paper-furniture',
    ],
    [
      'labs blurb',
      'Have a project idea for the community? Learn more about arXivLabs and how to get involved.',
      'paper-furniture',
    ],
    ['listing count', 'Total of 48 entries', 'paper-furniture'],
    ['subjects line', 'Subjects: Machine Learning (cs.LG); Robotics (cs.RO)', 'paper-metadata'],
    ['comments line', 'Comments: Accepted at a workshop. 9 pages, 2 figures', 'paper-metadata'],
    ['thanks and sign-off', "That's it for today. Thank you for reading!", 'sign-off'],
    ['see you', 'See you next week,', 'sign-off'],
    ['until next time', 'Until next time — happy building!', 'sign-off'],
    ['greeting', 'Hello readers, and welcome to issue 12 of Inference Notes.', 'newsletter-greeting'],
    [
      'thanks and a subscribe pitch',
      'Thanks for reading Inference Notes! Subscribe for free to receive new posts and support my work.',
      'newsletter-cta',
    ],
    [
      'forward to a friend',
      'Know someone who would like this? Forward this email to a colleague.',
      null as unknown as string,
    ],
    ['forward it', 'If you liked this edition, share it with a friend who ships models.', 'newsletter-cta'],
    [
      'forwarded to you',
      'Did a friend send you this? Was this newsletter forwarded to you? Get your own copy here.',
      null as unknown as string,
    ],
    [
      'receiving this',
      "You're receiving this newsletter because you signed up on our site. Unsubscribe any time.",
      'newsletter-cta',
    ],
    ['view in browser', 'View this email in your browser', 'newsletter-cta'],
    ['sign up to get', 'Sign up to receive Inference Notes in your inbox.', 'newsletter-cta'],
    ['English disclaimer', 'Disclaimer: The author holds no position in the companies mentioned.', 'disclaimer'],
    [
      'not advice',
      'This post is for informational purposes only and does not constitute financial advice.',
      'disclaimer',
    ],
    ['views expressed', "The views expressed in this column are the author's own.", 'disclaimer'],
    ['Chinese disclaimer', '免责声明：本文内容来自网络，不代表本站观点。', 'disclaimer'],
    ['risk notice', '风险提示：股市有风险，入市需谨慎。', 'disclaimer'],
    ['reference only', '文中观点仅供参考，不构成任何投资建议。', 'disclaimer'],
    ['infringement notice', '部分素材来自网络，若有侵权请联系删除。', 'disclaimer'],
    ['Chinese source line', '本文来源：北风科技综合整理', 'source-credit'],
    ['credits row with bars', '作者｜周一 编辑｜吴二', 'editor-credit'],
    ['Chinese sign-off', '以上就是今天的内容，感谢您的阅读，我们下期再见！', 'sign-off'],
    ['Chinese follow call', '点击上方蓝字关注我们，设为星标不错过更新。', 'sign-off'],
    [
      'consent banner',
      'We and our 140 partners store cookies on your device to personalise ads and measure audiences.',
      'consent',
    ],
    ['consent buttons', 'Reject all', 'consent'],
    ['privacy choices', 'Your Privacy Choices', 'consent'],
    ['Chinese consent', '继续浏览本网站即表示您同意我们的隐私条款。', 'consent'],
  ];
  for (const [name, text, rule] of cases) {
    if (rule === null) it(`${name} (clutter of some kind)`, () => assert.notEqual(clutterRule(text), null));
    else it(name, () => assert.equal(clutterRule(text), rule));
  }
});

describe('clutterRule: prose about papers, newsletters, advice and cookies is not clutter', () => {
  const cases: Array<[string, string]> = [
    ['paper results', 'The paper reports a 7.9-point gain over majority voting on 4,200 problems.'],
    ['subscription revenue', "Subscription revenue still pays for most of the lab's research, the company said."],
    ['subscribers', 'More than 3,000 teams subscribe to the hosted assistant, according to the company.'],
    ['advice in prose', 'Regulators said the chatbot gave investment advice without a licence, and fined the bank.'],
    ['third-party cookies', "Google's decision to keep third-party cookies in Chrome surprised advertisers."],
    ['clutter sentence beside content', 'Thanks for reading. The lab said the model would ship to customers in April.'],
    [
      'thanks in a quote',
      '"Thanks for reading the draft so closely," the author told the reviewers, before revising it.',
    ],
    ['Chinese risk in prose', '分析人士认为，模型安全风险仍需监管部门进一步评估。'],
    ['Chinese investment news', '该公司表示，本轮融资将主要用于模型训练和算力采购。'],
    ['Chinese source in prose', '消息来源称，该公司正与多家云厂商洽谈合作。'],
    ['sentence starting with title word', 'Title disputes over the training data are now before a court in Delaware.'],
    // a paper's identifier is kept for story grouping (src/stories/event-identity.ts reads it from the text)
    ['listing entry head', '[12] arXiv:2604.00123 (cross-list from cs.CL) [pdf, html, other]'],
    ['cite-as line with the id', 'Cite as: arXiv:2604.00123 [cs.LG]'],
    ['comments line with the id', 'Comments: 8 pages, 3 figures. Subjects: cs.CL. Cite as: arXiv:2603.01234'],
    ['DOI line', 'DOI: 10.48550/arXiv.2604.00123'],
    ['authors line (kept; the writer never states it)', 'Authors: Jane Roe, John Doe'],
  ];
  for (const [name, text] of cases) {
    it(name, () => assert.equal(clutterRule(text), null));
  }
});

describe('cleanParagraphs: a field label at the start of an abstract goes, its text stays', () => {
  it('Abstract:', () =>
    assert.deepEqual(cleanParagraphs(['Abstract:We present a model.'], {}), ['We present a model.']));
  it('摘要：', () => assert.deepEqual(cleanParagraphs(['摘要：本文提出一种新方法。'], {}), ['本文提出一种新方法。']));
});
