import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SourceText } from './grounding.js';
import { indexSources } from './source-index.js';
import {
  checkField,
  fieldSentences,
  repairOutput,
  repairText,
  verifyOutput,
  type RepairKind,
} from './verify-output.js';

const SOURCES: SourceText[] = [
  {
    id: 'a',
    label: 'Northwind Post',
    text:
      'Halvard Compute will rent its whole Brightwater campus to Anthropic. The campus draws 300MW. ' +
      'Chief executive Priya Raman said the lease is “a bridge, not a destination.” Investors worried about cash flow before the listing.',
  },
  {
    id: 'b',
    label: '晨星科技',
    text: '哈尔瓦德公司将布莱特沃特园区出租给 Anthropic，园区耗电 300 兆瓦。投资者担心上市前的现金流。',
  },
];
const index = indexSources(SOURCES);

describe('fieldSentences', () => {
  it('keeps a quotation split by its own full stop in one sentence', () => {
    const spans = fieldSentences('Raman said: “It works. We ship.” Then she left.');
    assert.deepEqual(
      spans.map((s) => s.text),
      ['Raman said: “It works. We ship.”', 'Then she left.'],
    );
  });
  it('splits Chinese sentences', () => {
    assert.equal(fieldSentences('园区耗电 300 兆瓦。投资者担心现金流。').length, 2);
  });
});

describe('verifyOutput', () => {
  const report = verifyOutput(
    [
      { path: 'headline', text: 'Halvard Rents Brightwater To Anthropic', heading: true },
      { path: 'keyPoints[0]', text: 'Halvard Compute rents the campus to Anthropic. It draws 3000 兆瓦.' },
      { path: 'keyPoints[1]', text: 'Raman called it “a bridge, not a destination.”' },
      { path: 'impact', text: 'For investors: a “cash crunch” looms.' },
    ],
    SOURCES,
  );
  it('reports each unsupported claim with its field', () => {
    assert.deepEqual(
      report.problems.map((p) => `${p.path} ${p.kind} ${p.surface}`),
      ['keyPoints[0] figure 3000 兆瓦', 'impact quote cash crunch'],
    );
    assert.equal(report.ok, false);
  });
  it('records sentences with their offsets in the field and their source sentences', () => {
    const kp = report.fields[1]!;
    assert.deepEqual(
      kp.sentences.map((s) => [s.start, s.end]),
      [
        [0, 46],
        [47, 64],
      ],
    );
    assert.equal(kp.sentences[0]!.support[0]?.sourceId, 'a');
  });
  it('lists the sources with labels', () => {
    assert.deepEqual(
      report.sources.map((s) => s.label),
      ['Northwind Post', '晨星科技'],
    );
  });
  it('an output with only supported claims is ok', () => {
    assert.equal(verifyOutput([{ path: 'summary', text: '园区耗电 300 兆瓦，Anthropic 租用。' }], SOURCES).ok, true);
  });
});

interface RepairCase {
  name: string;
  text: string;
  expected: string;
  actions: Array<[RepairKind, string]>;
}

const repairCases: RepairCase[] = [
  {
    name: 'supported text is unchanged',
    text: 'The campus draws 300MW. Anthropic rents it.',
    expected: 'The campus draws 300MW. Anthropic rents it.',
    actions: [],
  },
  {
    name: 'a paraphrase in quotes loses its marks',
    text: 'Investors fear a “cash flow squeeze before the listing” at Halvard.',
    expected: 'Investors fear a cash flow squeeze before the listing at Halvard.',
    actions: [['unquoted', 'cash flow squeeze before the listing']],
  },
  {
    name: 'a Chinese paraphrase in quotes loses its marks',
    text: '投资者担心“上市前现金流紧张”。园区耗电 300 兆瓦。',
    expected: '投资者担心上市前现金流紧张。园区耗电 300 兆瓦。',
    actions: [['unquoted', '上市前现金流紧张']],
  },
  {
    name: 'an unsupported figure drops its sentence only',
    text: 'Anthropic rents the campus. It draws 3000 兆瓦. Investors worried.',
    expected: 'Anthropic rents the campus. Investors worried.',
    actions: [['dropped', '3000 兆瓦']],
  },
  {
    name: 'a name only in the output drops its sentence',
    text: 'OpenAI was outbid. The campus draws 300MW.',
    expected: 'The campus draws 300MW.',
    actions: [['dropped', 'OpenAI']],
  },
  {
    name: 'invented words put in a speaker’s mouth drop the sentence',
    text: 'Raman said it was “a masterstroke of timing”. The campus draws 300MW.',
    expected: 'The campus draws 300MW.',
    actions: [['dropped', 'a masterstroke of timing']],
  },
  {
    name: 'paraphrase attributed with a speech verb is dropped, not unquoted',
    text: 'Raman said: “investors worried about the campus cash flow”.',
    expected: '',
    actions: [
      ['dropped', 'investors worried about the campus cash flow'],
      ['withheld', 'Raman said: “investors worried about the campus cash flow”.'],
    ],
  },
  {
    name: 'nothing left: the text is withheld',
    text: 'Meta paid 9000 兆瓦 for it.',
    expected: '',
    actions: [
      ['dropped', 'Meta, 9000 兆瓦'],
      ['withheld', 'Meta paid 9000 兆瓦 for it.'],
    ],
  },
];

describe('repairText', () => {
  for (const c of repairCases) {
    it(c.name, () => {
      const checks = checkField({ path: 'p', text: c.text }, index);
      const repaired = repairText(c.text, checks, 'p');
      assert.equal(repaired.text, c.expected);
      assert.deepEqual(
        repaired.actions.map((a) => [a.action, a.surface]),
        c.actions,
      );
      for (const a of repaired.actions) {
        assert.equal(a.path, 'p');
        assert.ok(a.reason.length > 0);
      }
    });
  }
});

describe('repairOutput', () => {
  it('repairs every field and leaves out withheld ones', () => {
    const fields = [
      { path: 'pros[0]', text: 'The campus draws 300MW.' },
      { path: 'pros[1]', text: 'Meta paid 9000 兆瓦 for it.' },
    ];
    const out = repairOutput(fields, verifyOutput(fields, SOURCES));
    assert.deepEqual(
      out.fields.map((f) => f.path),
      ['pros[0]'],
    );
    assert.deepEqual(
      out.actions.map((a) => `${a.path} ${a.action}`),
      ['pros[1] dropped', 'pros[1] withheld'],
    );
    // The repaired output verifies clean.
    assert.equal(verifyOutput(out.fields, SOURCES).ok, true);
  });
});

describe('repairOutput never empties a required text', () => {
  const TITLED: SourceText[] = [
    {
      id: 't',
      label: 'Lakeside Tech Review',
      text: 'Halvard rents Brightwater to Anthropic\n\nHalvard Compute will rent its whole Brightwater campus to Anthropic. The campus draws 300MW.',
    },
    {
      id: 'z',
      label: '湖畔科技',
      text: '哈尔瓦德出租园区\n\n哈尔瓦德公司将布莱特沃特园区出租给 Anthropic，园区耗电 300 兆瓦。',
    },
  ];
  it('a headline with nothing supported becomes the title of the source it rests on, and the report says so', () => {
    const fields = [
      { path: 'headline', text: 'Halvard rents Brightwater to Meta for 900MW' },
      { path: 'pros[0]', text: 'The campus draws 300MW.' },
    ];
    const report = verifyOutput(fields, TITLED);
    assert.equal(report.ok, false);
    const out = repairOutput(fields, report);
    assert.deepEqual(
      out.fields.map((f) => [f.path, f.text]),
      [
        ['headline', 'Halvard rents Brightwater to Anthropic'],
        ['pros[0]', 'The campus draws 300MW.'],
      ],
    );
    const withheld = out.actions.find((a) => a.action === 'withheld')!;
    assert.equal(withheld.path, 'headline');
    assert.match(
      withheld.reason,
      /rewritten from the title of Lakeside Tech Review: "Halvard rents Brightwater to Anthropic"/,
    );
    // What it was rewritten to verifies clean.
    assert.equal(verifyOutput(out.fields, TITLED).ok, true);
  });
  it('a Chinese headline falls back the same way', () => {
    const fields = [{ path: 'tiers[0].items[0].headline', text: '哈尔瓦德将园区出租给 Meta，耗电 900 兆瓦' }];
    const out = repairOutput(fields, verifyOutput(fields, TITLED));
    assert.equal(out.fields[0]?.text, '哈尔瓦德出租园区');
    assert.equal(verifyOutput(out.fields, TITLED).ok, true);
  });
  it('a summary falls back to the source sentence it rests on', () => {
    const fields = [{ path: 'summary', text: 'Halvard Compute will rent its whole Brightwater campus to Meta.' }];
    const out = repairOutput(fields, verifyOutput(fields, TITLED));
    assert.equal(out.fields[0]?.text, 'Halvard Compute will rent its whole Brightwater campus to Anthropic.');
    assert.equal(verifyOutput(out.fields, TITLED).ok, true);
  });
  it('the key points keep one point when repair would withhold them all', () => {
    const fields = [
      { path: 'tiers[0].items[0].keyPoints.points[0]', text: 'Meta will rent the campus.' },
      { path: 'tiers[0].items[0].keyPoints.points[1]', text: 'The campus draws 900MW.' },
      { path: 'tiers[0].items[1].keyPoints.lead', text: 'The campus draws 300MW.' },
      { path: 'tiers[0].items[1].keyPoints.points[0]', text: 'Meta pays 900MW.' },
    ];
    const out = repairOutput(fields, verifyOutput(fields, TITLED));
    assert.deepEqual(
      out.fields.map((f) => [f.path, f.text]),
      [
        [
          'tiers[0].items[0].keyPoints.points[0]',
          'Halvard Compute will rent its whole Brightwater campus to Anthropic.',
        ],
        ['tiers[0].items[1].keyPoints.lead', 'The campus draws 300MW.'],
      ],
    );
    const withheld = out.actions.filter((a) => a.action === 'withheld');
    assert.deepEqual(
      withheld.map((a) => a.path),
      [
        'tiers[0].items[0].keyPoints.points[0]',
        'tiers[0].items[0].keyPoints.points[1]',
        'tiers[0].items[1].keyPoints.points[0]',
      ],
    );
    assert.match(withheld[0]!.reason, /a key points section may not be empty, so it was rewritten/);
    assert.equal(verifyOutput(out.fields, TITLED).ok, true);
  });
  it('list items are still withheld, and a model output is left to fall back (rewriteRequired: false)', () => {
    const fields = [
      { path: 'headline', text: 'Meta rents it' },
      { path: 'pros[0]', text: 'Meta paid 900MW.' },
    ];
    const out = repairOutput(fields, verifyOutput(fields, TITLED), { rewriteRequired: false });
    assert.deepEqual(out.fields, []);
    const again = repairOutput(fields, verifyOutput(fields, TITLED));
    assert.deepEqual(
      again.fields.map((f) => f.path),
      ['headline'],
    );
  });
});
