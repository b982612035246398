// Repair of a slot violation where it is cheap and safe: an item of a list (a key point, an
// impact line, a pro or con, a post's takeaway, a card's principle) that breaks a slot rule is
// dropped, when enough of its list remains to keep the section. Anything else (a headline, a lead,
// a hook, a summary, an empty section, the takeaway formula, the hook without the key figure)
// cannot be repaired by dropping: null, and the caller falls back to the offline engine. Pure.

import type { Card, DigestItem, Post } from './schemas.js';
import type { SlotRule, SlotViolation } from './slot-check.js';

/** Rules whose violation lies in the one item at its path: dropping the item removes it. */
const DROPPABLE_RULES: ReadonlySet<SlotRule> = new Set([
  'face-language',
  'repeated-figure',
  'impact-dateline',
  'impact-first-person',
  'impact-quote',
  'unattributed-quote',
  'dangling-point',
  'figure-no-meaning',
]);

const ITEM_PATH = /^(keyPoints\.points|impact|pros|cons|takeaways|principles)\[(\d+)\](?:\.text)?$/;

export interface SlotRepair<O> {
  readonly output: O;
  /** What was dropped, for the verification record and the notes. */
  readonly dropped: ReadonlyArray<{ path: string; text: string; rule: SlotRule }>;
}

type Lists = Record<string, readonly unknown[]>;

/** The items to drop per list, or null when a violation cannot be repaired by a drop. */
function drops(violations: readonly SlotViolation[], lists: Lists): Map<string, Map<number, SlotRule>> | null {
  const out = new Map<string, Map<number, SlotRule>>();
  for (const v of violations) {
    const m = ITEM_PATH.exec(v.path);
    if (!DROPPABLE_RULES.has(v.rule) || !m) return null;
    const [, list, at] = m;
    if (!lists[list!] || Number(at) >= lists[list!]!.length) return null;
    const byIndex = out.get(list!) ?? new Map<number, SlotRule>();
    if (!byIndex.has(Number(at))) byIndex.set(Number(at), v.rule);
    out.set(list!, byIndex);
  }
  return out;
}

function kept<T>(items: readonly T[], gone: Map<number, SlotRule> | undefined): T[] {
  return items.filter((_, i) => !gone?.has(i));
}

function record(
  list: string,
  items: readonly unknown[],
  gone: Map<number, SlotRule> | undefined,
  text: (x: unknown) => string,
): Array<{ path: string; text: string; rule: SlotRule }> {
  return [...(gone?.entries() ?? [])]
    .sort((a, b) => a[0] - b[0])
    .map(([i, rule]) => ({ path: `${list}[${i}]`, text: text(items[i]), rule }));
}

const asText = (x: unknown): string => (typeof x === 'string' ? x : ((x as { text?: string }).text ?? ''));

export function repairDigestItem(
  item: DigestItem,
  violations: readonly SlotViolation[],
): SlotRepair<DigestItem> | null {
  const lists: Lists = {
    'keyPoints.points': item.keyPoints.points,
    impact: item.impact,
    pros: item.pros,
    cons: item.cons,
  };
  const d = drops(violations, lists);
  if (!d) return null;
  const points = kept(item.keyPoints.points, d.get('keyPoints.points'));
  const impact = kept(item.impact, d.get('impact'));
  const pros = kept(item.pros, d.get('pros'));
  const cons = kept(item.cons, d.get('cons'));
  // Enough remains: an impact line, something on either side of the trade-offs, a point when there were points.
  if (
    impact.length === 0 ||
    pros.length + cons.length === 0 ||
    (item.keyPoints.points.length > 0 && points.length === 0)
  )
    return null;
  return {
    output: { ...item, keyPoints: { ...item.keyPoints, points }, impact, pros, cons },
    dropped: Object.entries(lists).flatMap(([list, items]) => record(list, items, d.get(list), asText)),
  };
}

export function repairCard(card: Card, violations: readonly SlotViolation[]): SlotRepair<Card> | null {
  const lists: Lists = { principles: card.principles };
  const d = drops(violations, lists);
  if (!d) return null;
  const principles = kept(card.principles, d.get('principles'));
  if (principles.length === 0) return null;
  return {
    output: { ...card, principles },
    dropped: record('principles', card.principles, d.get('principles'), asText),
  };
}

export function repairPost(post: Post, violations: readonly SlotViolation[]): SlotRepair<Post> | null {
  const lists: Lists = { takeaways: post.takeaways };
  const d = drops(violations, lists);
  if (!d) return null;
  const takeaways = kept(post.takeaways, d.get('takeaways'));
  // A post of one takeaway is no argument: at least two remain.
  if (takeaways.length < Math.min(2, post.takeaways.length)) return null;
  return { output: { ...post, takeaways }, dropped: record('takeaways', post.takeaways, d.get('takeaways'), asText) };
}
