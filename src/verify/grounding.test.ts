import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSentence, type ClaimKind, type SourceText } from './grounding.js';

// Invented coverage of an invented event: Halvard Compute sells its Brightwater site's capacity.
const EN: SourceText = {
  id: 'en-1',
  label: 'Northwind Post',
  text:
    'Halvard Compute agreed to rent its Brightwater campus to Anthropic, chief executive Priya Raman said on Tuesday.\n\n' +
    '“This is a bridge, not a destination,” Raman said. The site draws 300MW and holds 120,000 Nvidia GPUs.\n\n' +
    'The parent company paid $250 billion for the unit in 2025, and revenue grew 12% last quarter.',
};
const ZH: SourceText = {
  id: 'zh-1',
  label: '晨星科技',
  // Traditional script on purpose: a simplified output must still match it.
  text: '哈尔瓦德公司將布萊特沃特園區的全部算力出租給Anthropic。輝達提供了晶片。執行長表示：「這是一座橋樑，而不是終點。」母公司曾為此支付 2500 億美元。',
};
const MISQUOTE: SourceText = { id: 'zh-2', label: '快讯', text: '该园区耗电 3000 兆瓦，是全州最大的数据中心。' };
const SOURCES = [EN, ZH];

interface Case {
  name: string;
  sentence: string;
  sources?: readonly SourceText[];
  /** Expected claims as `kind:surface:yes|no`, in order of position. */
  claims: string[];
  ok: boolean;
}

const cases: Case[] = [
  {
    name: 'curly double quote found verbatim',
    sentence: 'Raman called the deal “a bridge, not a destination.”',
    claims: ['quote:a bridge, not a destination:yes'],
    ok: true,
  },
  {
    name: 'straight double quote, different case',
    sentence: 'Raman called it "A Bridge, Not A Destination".',
    claims: ['quote:A Bridge, Not A Destination:yes'],
    ok: true,
  },
  { name: 'single curly quotes', sentence: 'It is ‘a bridge’ for now.', claims: ['quote:a bridge:yes'], ok: true },
  {
    name: 'straight single quotes around a phrase with an apostrophe',
    sentence: "Critics doubt the 'bridge's durability' claim.",
    claims: ["quote:bridge's durability:no"],
    ok: false,
  },
  {
    name: 'invented quote flagged',
    sentence: 'Raman said the deal was “a masterstroke”.',
    claims: ['quote:a masterstroke:no'],
    ok: false,
  },
  {
    name: 'quote with an ellipsis matches its fragments in order',
    sentence: 'Raman said: “This is a bridge … not a destination.”',
    claims: ['quote:This is a bridge … not a destination:yes'],
    ok: true,
  },
  {
    name: 'simplified Chinese quote matches traditional source',
    sentence: '执行长说：“这是一座桥梁，而不是终点。”',
    claims: ['quote:这是一座桥梁，而不是终点:yes'],
    ok: true,
  },
  {
    name: 'corner-bracket quote, traditional output, traditional source',
    sentence: '他說「這是一座橋樑」。',
    claims: ['quote:這是一座橋樑:yes'],
    ok: true,
  },
  {
    name: 'Chinese quote not in sources',
    sentence: '执行长称这是“历史性的胜利”。',
    claims: ['quote:历史性的胜利:no'],
    ok: false,
  },
  {
    name: 'a word-like quote is not found inside another word',
    sentence: 'They call it “rent a”.',
    claims: ['quote:rent a:no'],
    ok: false,
  },
  { name: 'figure in English form found', sentence: 'The site draws 300MW.', claims: ['figure:300MW:yes'], ok: true },
  {
    name: 'money: $250 billion equals 2500 亿美元',
    sentence: '母公司为此支付了 2500 亿美元。',
    sources: [EN],
    claims: ['figure:2500 亿美元:yes'],
    ok: true,
  },
  {
    name: 'money: 2500 亿美元 supports $250 billion',
    sentence: 'The parent paid $250 billion.',
    sources: [ZH],
    claims: ['figure:$250 billion:yes'],
    ok: true,
  },
  {
    name: 'misquoted power: 3000 兆瓦 is not 300MW',
    sentence: 'The campus draws 3000 兆瓦.',
    sources: [EN],
    claims: ['figure:3000 兆瓦:no'],
    ok: false,
  },
  {
    name: 'and the reverse: 300MW is not in the misquoting source',
    sentence: 'The campus draws 300MW.',
    sources: [MISQUOTE],
    claims: ['figure:300MW:no'],
    ok: false,
  },
  {
    name: 'a year must match exactly',
    sentence: 'The unit was bought in 2024.',
    claims: ['figure:2024:no'],
    ok: false,
  },
  { name: 'the same year passes', sentence: 'The unit was bought in 2025.', claims: ['figure:2025:yes'], ok: true },
  {
    name: 'a sum of two figures is not supported',
    sentence: 'Together that is $262 billion.',
    claims: ['figure:$262 billion:no'],
    ok: false,
  },
  {
    name: 'a hedged rounding is supported',
    sentence: 'It holds about 100,000 Nvidia GPUs.',
    claims: ['figure:100,000 Nvidia GPUs:yes', 'entity:Nvidia:yes'],
    ok: true,
  },
  {
    name: 'an unhedged rounding is not',
    sentence: 'It holds 100,000 GPUs.',
    claims: ['figure:100,000 GPUs:no'],
    ok: false,
  },
  { name: 'percent', sentence: 'Revenue grew 12% last quarter.', claims: ['figure:12%:yes'], ok: true },
  {
    name: 'Chinese entity name supported by the English name',
    sentence: '英伟达为园区提供 GPU。',
    sources: [EN],
    claims: ['entity:英伟达:yes'],
    ok: true,
  },
  {
    name: 'English name supported by a traditional Chinese mention',
    sentence: 'Nvidia supplied the chips.',
    sources: [ZH],
    claims: ['entity:Nvidia:yes'],
    ok: true,
  },
  {
    name: 'gazetteer entity only in the output',
    sentence: 'OpenAI is said to be watching.',
    claims: ['entity:OpenAI:no'],
    ok: false,
  },
  {
    name: 'unknown name found as written',
    sentence: 'The deal was signed by Priya Raman.',
    claims: ['entity:Priya Raman:yes'],
    ok: true,
  },
  {
    name: 'unknown name only in the output',
    sentence: 'Analysts at Kestrel Partners were surprised.',
    claims: ['entity:Kestrel Partners:no'],
    ok: false,
  },
  {
    name: 'capitalised name not supported by a lower-case word',
    sentence: 'The story ran in Campus.',
    claims: ['entity:Campus:no'],
    ok: false,
  },
  {
    name: 'headline in Title Case skips capitalised words',
    sentence: 'Halvard Rents Out Its Brightwater Campus',
    claims: [],
    ok: true,
  },
  { name: 'a sentence with nothing to check is ok', sentence: 'The deal is unusual.', claims: [], ok: true },
];

describe('checkSentence', () => {
  for (const c of cases) {
    it(c.name, () => {
      const sources = c.sources ?? SOURCES;
      const titleCase = c.name.startsWith('headline');
      const check = checkSentence(c.sentence, sources, { titleCase });
      const got = check.claims.map((x) => `${x.kind}:${x.surface}:${x.supported ? 'yes' : 'no'}`);
      assert.deepEqual(got, c.claims);
      assert.equal(check.ok, c.ok);
      // Every support span points at real text in its source.
      for (const claim of check.claims) {
        for (const s of claim.support) {
          const src = sources.find((x) => x.id === s.sourceId)!;
          assert.ok(s.end > s.start, `${claim.surface}: empty span`);
          assert.equal(src.text.slice(s.start, s.end), s.excerpt);
        }
        if (!claim.supported) assert.ok(claim.reason && claim.reason.length > 0, `${claim.surface}: no reason`);
      }
    });
  }
});

describe('support spans', () => {
  const spanOf = (sentence: string, kind: ClaimKind, sources: readonly SourceText[] = SOURCES): string => {
    const claim = checkSentence(sentence, sources).claims.find((c) => c.kind === kind)!;
    const s = claim.support[0]!;
    return sources.find((x) => x.id === s.sourceId)!.text.slice(s.start, s.end);
  };
  it('a quote maps back to the original marks-free words, curly apostrophes and all', () => {
    assert.equal(spanOf('He said "this is a bridge".', 'quote'), 'This is a bridge');
  });
  it('a simplified quote maps back to the traditional original', () => {
    assert.equal(spanOf('“这是一座桥梁”', 'quote', [ZH]), '這是一座橋樑');
  });
  it('a figure maps to the source figure in the other language', () => {
    assert.equal(spanOf('They paid $250 billion.', 'figure', [ZH]), '2500 億美元');
  });
  it('an entity maps to the mention in the source', () => {
    assert.equal(spanOf('英伟达', 'entity', [EN]), 'Nvidia');
  });
  it('an unsupported figure names the nearest source figure', () => {
    const claim = checkSentence('It draws 3000 兆瓦.', [EN]).claims[0]!;
    assert.match(claim.reason ?? '', /300MW/);
  });
});

describe('sentence provenance', () => {
  it('an English sentence rests on the source sentence it shares most words with', () => {
    const check = checkSentence('Revenue grew last quarter after the parent company bought the unit.', SOURCES);
    assert.equal(check.support.length >= 1, true);
    assert.match(check.support[0]!.excerpt ?? '', /revenue grew 12% last quarter/);
    assert.ok(check.overlap > 0.5);
  });
  it('a Chinese sentence rests on the Chinese source sentence', () => {
    const check = checkSentence('园区的全部算力租给了 Anthropic。', SOURCES);
    assert.equal(check.support[0]?.sourceId, 'zh-1');
  });
  it('a sentence about nothing in the sources rests on nothing', () => {
    const check = checkSentence('Penguins waddle across the ice.', SOURCES);
    assert.deepEqual(check.support, []);
  });
});

// Real-shaped coverage (written for this test): names with inner capitals, digits, hyphens and dots.
const TECH_EN: SourceText = {
  id: 'tech-en',
  label: 'Lakeside Tech Review',
  text:
    'Open speech model runs on phones\n\n' +
    'Researchers posted the paper on arXiv on Tuesday, and a demo runs on an iPhone 16 Pro. ' +
    'The team trained a 1B Speech model and a 7B text model on 512 A100s, then ported the decoder to the nRF54L15 chip. ' +
    'A 3D Gaussian renderer built on GPT-4o output runs on an RTX 5090 or an M4 Pro laptop with macOS Sequoia. ' +
    'Builds target x86-64 and PyTorch 2.5, and resellers on eBay already list the dev kit. ' +
    'Microsoft said the MSVC compiler now builds the Llama-3.1-8B-Instruct runtime.',
};
const TECH_ZH: SourceText = {
  id: 'tech-zh',
  label: '湖畔科技',
  text: '开源语音模型登上手机\n\n英伟达H100的出货量继续增加。DeepSeek-V3在arXiv上发布了技术报告，支持iPhone和PyTorch 2.5。',
};
const TECH = [TECH_EN, TECH_ZH];

describe('names read whole, the same way in outputs and sources', () => {
  const copies = [
    'Researchers posted the paper on arXiv on Tuesday, and a demo runs on an iPhone 16 Pro.',
    'The team trained a 1B Speech model and a 7B text model on 512 A100s, then ported the decoder to the nRF54L15 chip.',
    'A 3D Gaussian renderer built on GPT-4o output runs on an RTX 5090 or an M4 Pro laptop with macOS Sequoia.',
    'Builds target x86-64 and PyTorch 2.5, and resellers on eBay already list the dev kit.',
    'Microsoft said the MSVC compiler now builds the Llama-3.1-8B-Instruct runtime.',
    '英伟达H100的出货量继续增加。',
    'DeepSeek-V3在arXiv上发布了技术报告，支持iPhone和PyTorch 2.5。',
  ];
  for (const sentence of copies) {
    it(`a copied sentence passes: ${sentence.slice(0, 40)}`, () => {
      const check = checkSentence(sentence, TECH);
      assert.deepEqual(
        check.claims.filter((c) => !c.supported).map((c) => c.surface),
        [],
      );
    });
  }
  const paraphrases: Array<[string, string[]]> = [
    ['The paper is on arXiv and the demo runs on an iPhone.', ['arXiv', 'iPhone']],
    [
      'Its renderer uses GPT-4o and runs on macOS, on eBay kits and on the nRF54L15.',
      ['GPT-4o', 'macOS', 'eBay', 'nRF54L15'],
    ],
    ['Its 1B Speech model was trained on A100s and needs an M4 Pro.', ['1B Speech', 'A100s', 'M4 Pro']],
    ['论文已发布在arXiv上，支持iPhone，使用DeepSeek-V3。', ['arXiv', 'iPhone', 'DeepSeek-V3']],
  ];
  for (const [sentence, names] of paraphrases) {
    it(`a paraphrase finds each name whole: ${names.join(', ')}`, () => {
      const check = checkSentence(sentence, TECH);
      assert.equal(check.ok, true, JSON.stringify(check.claims.filter((c) => !c.supported)));
      const found = check.claims.filter((c) => c.kind === 'entity').map((c) => c.surface);
      for (const n of names)
        assert.ok(found.some((f) => f.includes(n)) || n === 'DeepSeek-V3', `${n} checked in ${JSON.stringify(found)}`);
    });
  }
  const wrong: Array<[string, string]> = [
    ['The demo runs on an iPad Pro.', 'iPad Pro'],
    ['It needs an M4 Max laptop.', 'M4 Max'],
    ['Builds target the nRF52 chip.', 'nRF52'],
    ['The renderer runs on an RTX 4090 in Windows.', 'Windows'],
    ['报告发布在bioRxiv上。', 'bioRxiv'],
  ];
  for (const [sentence, name] of wrong) {
    it(`a name the sources do not have is still flagged: ${name}`, () => {
      const check = checkSentence(sentence, TECH);
      assert.ok(
        check.claims.some((c) => !c.supported && c.surface === name),
        JSON.stringify(check.claims),
      );
    });
  }
  it('a name is not found inside a longer word of a source ("Xiv" is not in "arXiv")', () => {
    const check = checkSentence('The team cited Xiv and Phone as partners.', TECH);
    assert.deepEqual(
      check.claims.filter((c) => !c.supported).map((c) => c.surface),
      ['Xiv', 'Phone'],
    );
  });
});

describe('a verbatim copy of a source sentence is supported by construction', () => {
  // Words this source writes that no finder reads the same way twice would still pass as a copy.
  const SRC: SourceText = {
    id: 'odd',
    label: 'Odd Outlet',
    text: 'Intro line.\n\n“We shipped it,” said Vale CEO Ines Moro, adding that Q3 revenue hit $4.1bn.',
  };
  it('every claim of the copy is supported, with the source sentence as support', () => {
    const check = checkSentence('“We shipped it,” said Vale CEO Ines Moro, adding that Q3 revenue hit $4.1bn.', [SRC]);
    assert.equal(check.ok, true);
  });
  it('the copy may differ in case, quote marks and the final stop', () => {
    const check = checkSentence('"We shipped it," said Vale CEO Ines Moro, adding that Q3 revenue hit $4.1bn', [SRC]);
    assert.equal(check.ok, true);
  });
  it('part of a source sentence is not a copy: its claims are checked as usual', () => {
    const check = checkSentence('Q3 revenue hit $4.2bn at Vale.', [SRC]);
    assert.equal(check.ok, false);
  });
  it('an unsupported claim in a copied sentence is marked supported by the copy', () => {
    const weird: SourceText = { id: 'w', text: 'The launch used ZetaQ-9x kits from Vorn.' };
    const check = checkSentence('The launch used ZetaQ-9x kits from Vorn.', [weird]);
    assert.equal(check.ok, true);
    assert.ok(check.claims.every((c) => c.supported));
  });
});
