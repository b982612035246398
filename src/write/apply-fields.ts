// Puts repaired texts back into an output by their paths ('keyPoints.points[2]', 'impact[0].text').
// A field left out of `fields` was withheld: an array element is removed, a single text emptied.

import type { OutputField } from './output-fields.js';

type Step = string | number;

function parsePath(path: string): Step[] {
  const steps: Step[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`applyFields: bad path "${path}"`);
    steps.push(m[1]!);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) steps.push(Number(idx[1]));
  }
  return steps;
}

/** A copy of `output` with every original field replaced by its repaired text, or withheld. */
export function applyFields<T>(output: T, original: readonly OutputField[], repaired: readonly OutputField[]): T {
  const copy = structuredClone(output) as unknown;
  const byPath = new Map(repaired.map((f) => [f.path, f.text]));
  const removals: Array<{ parent: unknown[]; index: number }> = [];
  for (const field of original) {
    const text = byPath.get(field.path);
    if (text === field.text) continue;
    const steps = parsePath(field.path);
    let node = copy as Record<string | number, unknown>;
    for (const step of steps.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
    const last = steps[steps.length - 1]!;
    if (text !== undefined) node[last] = text;
    else if (Array.isArray(node) && typeof last === 'number') removals.push({ parent: node, index: last });
    else if (steps.length >= 2 && typeof steps[steps.length - 2] === 'number' && last === 'text') {
      // impact[i].text withheld: the whole impact entry goes.
      let parent = copy as Record<string | number, unknown>;
      for (const step of steps.slice(0, -2)) parent = parent[step] as Record<string | number, unknown>;
      removals.push({ parent: parent as unknown as unknown[], index: steps[steps.length - 2] as number });
    } else node[last] = '';
  }
  // Remove from the highest index down so earlier indices stay valid.
  removals.sort((a, b) => b.index - a.index);
  for (const r of removals) r.parent.splice(r.index, 1);
  return copy as T;
}
