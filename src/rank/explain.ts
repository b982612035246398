// `tidings explain <story>`: a story's ranking as readable text: tier and why, confidence and
// why, who reported it, which figures agree or conflict, who it matters to and why, the score.
import type { Ranking } from './ranking.js';

const INDENT = '  ';

export function renderExplanation(storyHeadline: string, ranking: Ranking): string {
  const r = ranking;
  const out: string[] = [];
  out.push(storyHeadline);
  out.push(
    `${r.tier.emoji} L${r.tier.level} - ${r.tier.name} (${r.tier.nameZh}) · Confidence: ${r.confidence} · score ${r.score}`,
  );
  out.push('');
  out.push('Tier');
  for (const line of r.tierReasons) out.push(`${INDENT}- ${line}`);
  out.push('');
  out.push('Confidence');
  for (const line of r.confidenceReasons) out.push(`${INDENT}- ${line}`);
  out.push('');
  out.push('Publishers');
  if (r.independentPublishers.length === 0) out.push(`${INDENT}independent: none`);
  else out.push(`${INDENT}independent (${r.independentPublishers.length}): ${r.independentPublishers.join(', ')}`);
  out.push(
    `${INDENT}official: ${r.officialSources && r.officialSources.length > 0 ? r.officialSources.join(', ') : r.officialConfirmation ? 'yes' : 'none'}`,
  );
  if (r.foldedCopies && r.foldedCopies.length > 0)
    out.push(`${INDENT}counted with their original: ${r.foldedCopies.join(', ')}`);
  out.push('');
  out.push('Figures');
  if (r.figuresAgreeing.length === 0 && r.figureConflicts.length === 0)
    out.push(`${INDENT}no figure is stated by two or more sources`);
  for (const a of r.figuresAgreeing) out.push(`${INDENT}agree: ${a.figure}: ${a.sources.join(', ')}`);
  for (const c of r.figureConflicts) {
    const verdict = c.resolved === true ? `settled for ${c.favoured ?? '?'} (${c.resolution ?? ''})` : 'unresolved';
    out.push(`${INDENT}CONFLICT: ${c.description}; ${verdict}`);
  }
  out.push('');
  out.push('Audiences');
  if (r.audiences.length === 0) out.push(`${INDENT}none tagged`);
  for (const line of r.audienceReasons) out.push(`${INDENT}- ${line}`);
  if (r.scoreReasons && r.scoreReasons.length > 0) {
    out.push('');
    out.push(`Score ${r.score}`);
    for (const line of r.scoreReasons) out.push(`${INDENT}- ${line}`);
  }
  return `${out.join('\n')}\n`;
}
