import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCode, unfitReason } from './unfit-sentences.js';

describe('unfitReason: sentences the writer never states as a point', () => {
  const cases: Array<[string, string, string]> = [
    ['pip install', 'Install it with pip install orca-sdk==1.2 and restart the kernel.', 'code'],
    ['npm and npx', 'Run npm install @orca/client && npx orca init to set up the client.', 'code'],
    ['curl with a flag', 'Call the endpoint with curl -X POST and your key.', 'code'],
    ['a CLI flag', 'Pass --max-batch 64 to the server for the best throughput.', 'code'],
    ['a dotted call', 'Then client.models.generate(prompt) returns the text.', 'code'],
    ['a call with keyword arguments', 'The loader is load_weights(path, dtype="bf16") in version two.', 'code'],
    ['a signature with types', 'The entry point is run(task: str, steps: int) and it blocks until done.', 'code'],
    ['a return arrow', 'Its signature ends in -> Result and never throws.', 'code'],
    ['scope operator', 'In C++ the same call is orca::Session::open(config).', 'code'],
    ['snake_case identifier', 'Set max_new_tokens to 512 for long answers.', 'code'],
    ['table row', '| orca-2 | 13B | 71.0% | 128k |', 'code'],
    ['JSON literal', 'Send {"model": "orca-2", "stream": true} as the body.', 'code'],
    ['import line', 'from orca import Session creates the session object.', 'code'],
    ['Chinese sentence with a command', '安装命令为 pip install orca-sdk，随后即可调用。', 'code'],
    [
      'investment disclaimer',
      'This newsletter is for informational purposes only and does not constitute investment advice.',
      'disclaimer',
    ],
    ['views expressed', "The views expressed in this post are the author's own.", 'disclaimer'],
    ['Chinese reference-only', '文章内容仅供参考，不构成投资建议。', 'disclaimer'],
    ['Chinese risk notice', '市场有风险，投资需谨慎。', 'disclaimer'],
    ['Chinese site view', '本文仅代表作者观点，不代表本平台立场。', 'disclaimer'],
    ['Chinese infringement', '如有侵权，请联系我们删除。', 'disclaimer'],
    ['Chinese source line', '本文来源：北风科技综合整理。', 'disclaimer'],
    ['thanks for reading', 'Thanks for reading, and see you next week.', 'sign-off'],
    ["that's all", "That's all for this week.", 'sign-off'],
    ['curly apostrophe', 'That’s all for this week.', 'sign-off'],
    ['forward to a friend', 'If this was useful, forward it to a friend who trains models.', 'sign-off'],
    ['sign up', 'Sign up here to get the digest every Friday.', 'sign-off'],
    ['subscribe now', 'Subscribe now to get every issue.', 'sign-off'],
    ['receiving this', "You're receiving this email because you joined the list.", 'sign-off'],
    ['Chinese thanks', '感谢阅读，欢迎转发给身边的朋友。', 'sign-off'],
    ['Chinese follow', '点击上方蓝字关注我们，设为星标。', 'sign-off'],
    ['cookie banner', 'We and our partners use cookies to personalise content and ads.', 'consent'],
    ['consent click', 'By clicking "Accept all", you agree to the storing of cookies on your device.', 'consent'],
    ['Chinese cookie banner', '本网站使用 Cookie 以改善您的浏览体验。', 'consent'],
    ['what-is link', 'Citation Graph (What is a Citation Graph?) shows the papers it cites.', 'furniture'],
    ['endorsers', 'Which authors of this paper are endorsers?', 'furniture'],
    ['labs blurb', 'arXivLabs lets collaborators build new features for the site.', 'furniture'],
    ['version history', '[v2] Tue, 10 Mar 2026 08:05:37 UTC (1,210 KB).', 'furniture'],
    ['a sentence that is a credit line', '责任编辑：王青。', 'disclaimer'],
  ];
  for (const [name, text, reason] of cases) {
    it(name, () => assert.equal(unfitReason(text), reason));
  }
});

describe('unfitReason: prose stays, even about code, subscriptions, advice or cookies', () => {
  const cases: Array<[string, string]> = [
    ['code in prose', 'The model writes code for whole repositories and scores 61.8% on the benchmark.'],
    ['coding model', 'Halvard released Tern 7B, an open-weight coding model with 7 billion parameters.'],
    ['subscription revenue', "Subscription revenue still pays for most of Halvard's research, the company said."],
    ['teams subscribe', 'About 3,000 teams subscribe to its hosted assistant, according to the company.'],
    ['advice in prose', 'Regulators said the chatbot gave investment advice without a licence.'],
    ['third-party cookies', "Google's plan to keep third-party cookies in Chrome surprised advertisers."],
    ['parenthesis with a space', 'The company (which was founded in 2021) said revenue doubled.'],
    ['Chinese name with a bracket', 'OpenAI(开放人工智能)周二发布了新模型，价格下调 50%。'],
    ['a money figure', 'The hosted API costs $0.20 per million tokens, the company said.'],
    ['version names', 'GPT-5.1 and Claude 4.5 both trail the new model on the benchmark.'],
    ['Chinese subscription', '对于订阅制收入仍占大头的公司来说，开源权重意味着更多开发者会先在本地试用。'],
    ['Chinese risk in prose', '分析人士认为，模型安全风险仍需监管部门进一步评估。'],
    ['unauthorised use in prose', '法院认定该公司未经授权使用了新闻报道训练模型。'],
    ['privacy policy news', '苹果更新了隐私政策，要求应用说明如何使用用户数据。'],
    ['return capital', 'The company expects to return capital (about $2 billion) to shareholders this year.'],
    ['thanks in a quote', '"We thank our partners for the chips," the chief executive said.'],
    ['paper id in prose', 'The paper, posted to arXiv on Monday, reports a 7.9-point gain.'],
  ];
  for (const [name, text] of cases) {
    it(name, () => assert.equal(unfitReason(text), null));
  }
});

describe('isCode', () => {
  it('a fenced block joined into one line', () =>
    assert.equal(isCode('from orca import load model = load("orca-2") print(model.run())'), true));
  it('a plain sentence', () => assert.equal(isCode('The lab released the weights on Tuesday.'), false));
});

describe('unfitReason: a paper page’s metadata fields', () => {
  it('comments field', () => assert.equal(unfitReason('Comments: 8 pages, 3 figures.'), 'furniture'));
  it('cite-as field', () => assert.equal(unfitReason('Cite as: arXiv:2603.01234 [cs.CL].'), 'furniture'));
});
