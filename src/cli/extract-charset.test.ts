// `tidings extract` on local files in legacy and wide encodings: the bytes are decoded by
// src/fetch/decode.ts with the page's own declarations (here the XML declaration of XHTML pages,
// a BOM-less UTF-16 page) or, with none, by detection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { extractCommand, type ExtractedRecord } from './extract-command.js';
import type { Fetcher } from '../fetch/fetcher.js';

// Invented sample prose.
const RU = [
  'Компания представила новую языковую модель, которая, по словам инженеров, работает втрое быстрее прежней.',
  'Аналитики считают, что это изменит рынок облачных вычислений в Европе уже в этом году.',
];
const TH = [
  'บริษัทได้เปิดตัวโมเดลภาษาใหม่ในวันนี้ โดยวิศวกรกล่าวว่าเร็วกว่ารุ่นก่อนหน้าถึงสามเท่า',
  'นักวิเคราะห์เชื่อว่าจะเปลี่ยนตลาดคลาวด์ในยุโรปภายในปีนี้',
];
const EL = [
  'Η εταιρεία παρουσίασε σήμερα ένα νέο γλωσσικό μοντέλο, τρεις φορές ταχύτερο από το προηγούμενο.',
  'Οι αναλυτές πιστεύουν ότι θα αλλάξει την αγορά υπολογιστικού νέφους στην Ευρώπη.',
];

const page = (title: string, paragraphs: string[], prolog = ''): string =>
  `${prolog}<html xmlns="http://www.w3.org/1999/xhtml"><head><title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

async function extract(
  files: Array<[name: string, bytes: Uint8Array]>,
): Promise<{ code: number; records: ExtractedRecord[]; err: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tidings-extract-charset-'));
  try {
    const paths: string[] = [];
    for (const [name, bytes] of files) {
      const file = path.join(dir, name);
      await writeFile(file, bytes);
      paths.push(file);
    }
    let out = '';
    let err = '';
    const io = { out: (s: string) => void (out += s), err: (s: string) => void (err += s), errIsTty: false };
    const code = await extractCommand(paths, { json: true, fetcher: () => ({}) as Fetcher, maxBytes: 1 << 20 }, io);
    return {
      code,
      records: out
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as ExtractedRecord),
      err,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('extract honours <?xml encoding=…?> of an XHTML page saved as .html (TIS-620, windows-1251, ISO-8859-7)', async () => {
  const { code, records, err } = await extract([
    ['th.html', iconv.encode(page('โมเดลใหม่', TH, '<?xml version="1.0" encoding="TIS-620"?>\n'), 'tis-620')],
    [
      'ru.html',
      iconv.encode(page('Новая модель', RU, '<?xml version="1.0" encoding="windows-1251"?>\n'), 'windows-1251'),
    ],
    ['el.xhtml', iconv.encode(page('Νέο μοντέλο', EL, "<?xml version='1.0' encoding='ISO-8859-7'?>\n"), 'iso-8859-7')],
  ]);
  assert.equal(code, 0, err);
  assert.equal(records[0]?.title, 'โมเดลใหม่');
  assert.ok(records[0]?.text.includes(TH[0] as string), records[0]?.text);
  assert.equal(records[1]?.title, 'Новая модель');
  assert.ok(records[1]?.text.includes(RU[0] as string));
  assert.equal(records[2]?.title, 'Νέο μοντέλο');
  assert.ok(records[2]?.text.includes(EL[1] as string));
});

test('extract reads an undeclared KOI8-R page and a BOM-less UTF-16LE page', async () => {
  const { code, records, err } = await extract([
    ['koi8.html', iconv.encode(page('Новая модель', RU), 'koi8-r')],
    ['wide.html', iconv.encode(page('Новая модель', RU, '<!DOCTYPE html>\n'), 'utf-16le')],
  ]);
  assert.equal(code, 0, err);
  for (const record of records) {
    assert.equal(record.title, 'Новая модель');
    assert.ok(record.text.includes(RU[1] as string), record.text);
  }
});
