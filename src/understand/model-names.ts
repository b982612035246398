// Product model names the gazetteer does not know: letters then a number (HX9, HX11, Step-4), with
// an optional variant word (Step-4 Swift). Kept only when the text repeats the name or introduces
// it as a product ("the HX7", "上一代 HX7"), so codes and ordinals stay out.

import type { EntityMention } from './entities.js';

const VARIANTS = 'Swift|Pro|Max|Ultra|Mini|Flash|Turbo|Lite|Plus|Nano|Air|Instruct|Chat|Coder|Vision|Edge';
const MODEL = new RegExp(
  String.raw`(?<![A-Za-z0-9.\-])(\p{Lu}[A-Za-z]*(?:-\d+(?:\.\d+)?|\d+)[a-z]?)(?:[ \u00A0](${VARIANTS}))?(?![A-Za-z0-9\-])`,
  'gu',
);
/** Quarters, halves, fiscal years, one letter and one digit: codes, not products. */
const NOT_MODEL =
  /^(?:Q[1-4]|H[12]|FY\d{2,4}|CY\d{2,4}|COVID-19|[A-Z]\d|[A-Z]-\d|Top-?\d+|No-?\d+|Day-?\d+|Level-?\d+|Series-?\d+)$/i;
const PRODUCT_BEFORE =
  /(?:\b(?:the|its|their|our|new|previous|latest|rival|flagship)[ \u00A0]|(?:上一代|新一代|新款|旗舰|发布|推出|的)\s*)$/u;

export function modelNames(text: string, known: readonly EntityMention[]): EntityMention[] {
  const taken: Array<[number, number]> = known.map((k) => [k.start, k.end]);
  const free = (s: number, e: number): boolean => taken.every(([a, b]) => e <= a || s >= b);
  const hits: Array<{ surface: string; start: number }> = [];
  for (const m of text.matchAll(MODEL)) {
    const base = m[1]!;
    if (NOT_MODEL.test(base) || /^(?:19|20)\d\d$/.test(base.replace(/\D/g, ''))) continue;
    hits.push({ surface: m[0], start: m.index });
  }
  const count = new Map<string, number>();
  for (const h of hits) count.set(h.surface, (count.get(h.surface) ?? 0) + 1);
  const out: EntityMention[] = [];
  for (const h of hits) {
    const introduced = PRODUCT_BEFORE.test(text.slice(Math.max(0, h.start - 12), h.start));
    const variant = h.surface.includes(' ') || h.surface.includes('\u00A0');
    if ((count.get(h.surface) ?? 0) < 2 && !introduced && !variant) continue;
    const end = h.start + h.surface.length;
    if (!free(h.start, end)) continue;
    out.push({
      entityId: null,
      name: h.surface.replace(/\u00A0/g, ' '),
      type: 'product',
      surface: h.surface,
      start: h.start,
      end,
    });
  }
  return out;
}
