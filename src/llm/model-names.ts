// Suggestions for a model name the server does not know: listed names within a small edit
// distance of it (transpositions count once), or containing it, nearest first; ties go to the
// longer common prefix, then the alphabet.

export function closeModelNames(wanted: string, available: readonly string[], max = 3): string[] {
  const w = wanted.toLowerCase();
  const scored = available.map((name) => {
    const n = name.toLowerCase();
    const distance = editDistance(w, n);
    const related = n.includes(w) || w.includes(n) || distance / Math.max(w.length, n.length, 1) <= 0.4;
    return { name, related, distance, prefix: commonPrefix(w, n) };
  });
  return scored
    .filter((s) => s.related)
    .sort((a, b) => a.distance - b.distance || b.prefix - a.prefix || a.name.localeCompare(b.name))
    .slice(0, max)
    .map((s) => s.name);
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const up = rows[i - 1]!;
      let best = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
