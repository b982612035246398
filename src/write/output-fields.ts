// Every text of an output with its JSON path, for the verifier to check sentence by sentence.
// Paths match the provenance entries' paths.

import type { Card, Digest, DigestItem, Post } from './schemas.js';

export interface OutputField {
  readonly path: string;
  readonly text: string;
}

export function digestItemFields(item: DigestItem): OutputField[] {
  const out: OutputField[] = [{ path: 'headline', text: item.headline }];
  if (item.keyPoints.lead) out.push({ path: 'keyPoints.lead', text: item.keyPoints.lead });
  item.keyPoints.points.forEach((text, i) => out.push({ path: `keyPoints.points[${i}]`, text }));
  item.impact.forEach((x, i) => out.push({ path: `impact[${i}].text`, text: x.text }));
  item.pros.forEach((text, i) => out.push({ path: `pros[${i}]`, text }));
  item.cons.forEach((text, i) => out.push({ path: `cons[${i}]`, text }));
  item.quickStart.forEach((text, i) => out.push({ path: `quickStart[${i}]`, text }));
  out.push({ path: 'recommendation', text: item.recommendation });
  return out;
}

export function digestFields(digest: Digest): OutputField[] {
  return digest.tiers.flatMap((t, i) =>
    t.items.flatMap((item, j) =>
      digestItemFields(item).map((f) => ({ path: `tiers[${i}].items[${j}].${f.path}`, text: f.text })),
    ),
  );
}

export function cardFields(card: Card): OutputField[] {
  const out: OutputField[] = [
    { path: 'summary', text: card.summary },
    { path: 'keyTakeaway', text: card.keyTakeaway },
    { path: 'keyInsight', text: card.keyInsight },
  ];
  card.principles.forEach((text, i) => out.push({ path: `principles[${i}]`, text }));
  card.inPractice.forEach((text, i) => out.push({ path: `inPractice[${i}]`, text }));
  return out.filter((f) => f.text.length > 0);
}

export function postFields(post: Post): OutputField[] {
  const out: OutputField[] = [
    { path: 'headline', text: post.headline },
    { path: 'hook', text: post.hook },
  ];
  post.takeaways.forEach((text, i) => out.push({ path: `takeaways[${i}]`, text }));
  out.push({ path: 'closing', text: post.closing });
  return out.filter((f) => f.text.length > 0);
}

/** Any output: told apart by its fields (digest: tiers; item: keyPoints; card: summary; post: hook). */
export function outputFields(output: Digest | DigestItem | Card | Post): OutputField[] {
  if ('tiers' in output) return digestFields(output);
  if ('keyPoints' in output) return digestItemFields(output);
  if ('summary' in output) return cardFields(output);
  return postFields(output);
}
