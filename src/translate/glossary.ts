// The English ↔ Chinese glossary: which terms a text contains, whether a translation uses the
// glossary's form, and the deterministic first-use gloss (“新云”(neocloud)). Pure: the files are
// read by glossary-file.ts.

import type { Face } from '../article.js';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fail, ok, type Result } from '../errors.js';

export interface GlossaryEntry {
  /** English forms; the first is the one English translations use. */
  readonly en: readonly string[];
  /** Chinese forms; the first is the one Chinese translations use. */
  readonly zh: readonly string[];
  /** Gloss the first use with the original ("新云(neocloud)"); false for terms every reader knows. */
  readonly keepOriginal: boolean;
}

export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
  /** The files it was read from, bundled first. */
  readonly files: readonly string[];
}

export interface TermMatch {
  readonly entry: GlossaryEntry;
  readonly start: number;
  readonly end: number;
  readonly surface: string;
}

const Forms = z
  .union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)])
  .transform((v) => (typeof v === 'string' ? [v] : v));
const GlossaryFile = z.object({
  version: z.literal(1).optional(),
  terms: z.array(z.object({ en: Forms, zh: Forms, keepOriginal: z.boolean().optional() }).strict()),
});

/** Parses a glossary file's YAML; `file` names it in failure messages. */
export function parseGlossary(text: string, file: string): Result<GlossaryEntry[]> {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (e) {
    return fail('config_error', `glossary ${file} is not YAML: ${(e as Error).message}`, file);
  }
  const parsed = GlossaryFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      'config_error',
      `glossary ${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`,
      file,
    );
  }
  return ok(parsed.data.terms.map((t) => ({ en: t.en, zh: t.zh, keepOriginal: t.keepOriginal ?? true })));
}

/** Adds a user's entries; one whose English form matches a bundled entry's replaces it. */
export function extendGlossary(base: Glossary, extra: readonly GlossaryEntry[], file: string): Glossary {
  const key = (form: string): string => form.toLowerCase();
  const replaced = new Set(extra.flatMap((e) => e.en.map(key)));
  const kept = base.entries.filter((e) => !e.en.some((f) => replaced.has(key(f))));
  return { entries: [...kept, ...extra], files: [...base.files, file] };
}

export const preferredForm = (entry: GlossaryEntry, lang: Face): string =>
  (lang === 'en' ? entry.en[0] : entry.zh[0]) ?? '';

const other = (lang: Face): Face => (lang === 'en' ? 'zh' : 'en');

/** Forms are the same in both languages (GPU, token): nothing to gloss. */
const sameInBoth = (entry: GlossaryEntry): boolean =>
  preferredForm(entry, 'en').toLowerCase() === preferredForm(entry, 'zh').toLowerCase();

const patterns = new WeakMap<GlossaryEntry, { en: RegExp[]; zh: RegExp[]; enPreferred: RegExp; zhPreferred: RegExp }>();

/**
 * A form's pattern. Latin forms match whole words, hyphen or space alike, with an optional plural,
 * and ignore case unless they hold a capital (GPU, AGI). Chinese forms match anywhere.
 */
function formPattern(form: string): RegExp {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (/\p{Script=Han}/u.test(form)) return new RegExp(escaped.replace(/ /g, ' ?'), 'gu');
  const body = escaped.replace(/[- ]/g, '[- ]');
  const flags = /\p{Lu}/u.test(form) ? 'gu' : 'giu';
  return new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?:e?s)?(?![\\p{L}\\p{N}_])`, flags);
}

function patternsOf(entry: GlossaryEntry): { en: RegExp[]; zh: RegExp[]; enPreferred: RegExp; zhPreferred: RegExp } {
  let p = patterns.get(entry);
  if (!p) {
    const en = entry.en.map(formPattern);
    const zh = entry.zh.map(formPattern);
    p = { en, zh, enPreferred: en[0] ?? /(?!)/g, zhPreferred: zh[0] ?? /(?!)/g };
    patterns.set(entry, p);
  }
  return p;
}

/**
 * A lowercase term written with a capital inside a sentence is part of a name ("Harbor Compute",
 * "Inference Labs"), not the term. At the start of a text or sentence a capital says nothing.
 */
function looksLikeName(text: string, at: number, surface: string): boolean {
  if (!/^\p{Lu}/u.test(surface)) return false;
  const before = text.slice(0, at).trimEnd();
  return before !== '' && !/[.!?:。！？：“"‘'(（—-]$/u.test(before);
}

/** Every glossary term in `text`, leftmost-longest and non-overlapping ("推理模型" is not "推理"). */
export function findTerms(glossary: Glossary, text: string, lang: Face): TermMatch[] {
  const all: TermMatch[] = [];
  for (const entry of glossary.entries) {
    for (const re of patternsOf(entry)[lang]) {
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) {
        if (re.flags.includes('i') && looksLikeName(text, m.index, m[0])) continue;
        all.push({ entry, start: m.index, end: m.index + m[0].length, surface: m[0] });
      }
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TermMatch[] = [];
  let reached = 0;
  for (const m of all) {
    if (m.start < reached) continue;
    out.push(m);
    reached = m.end;
  }
  return out;
}

/** The distinct entries found in `text`, in order of first appearance. */
export function termsIn(glossary: Glossary, text: string, lang: Face): GlossaryEntry[] {
  return [...new Set(findTerms(glossary, text, lang).map((m) => m.entry))];
}

/** Whether `text` uses the entry's preferred form in `lang` (what a translation must use). */
export function usesPreferredForm(entry: GlossaryEntry, text: string, lang: Face): boolean {
  const re = lang === 'en' ? patternsOf(entry).enPreferred : patternsOf(entry).zhPreferred;
  re.lastIndex = 0;
  return re.test(text);
}

/** The prompt's glossary lines for the entries found in a source: "- neocloud → 新云". */
export function glossaryLines(entries: readonly GlossaryEntry[], from: Face): string {
  if (entries.length === 0) return '(none)';
  return entries.map((e) => `- ${preferredForm(e, from)} → ${preferredForm(e, other(from))}`).join('\n');
}

export interface FirstUseGloss {
  /** Index into the texts given. */
  readonly index: number;
  readonly term: string;
  readonly original: string;
}

const CLOSING_QUOTES = /^[”’」』》"')]*/u;
const NEAR = 24; // characters either side where an original already written by the model counts

/**
 * Deterministic post-edit: at the first use, across `texts` in reading order (title first), of each
 * entry's target form, add the source form in brackets unless the model already wrote it nearby.
 * Zh targets read “新云”(neocloud); en targets read neocloud (新云).
 */
export function glossFirstUses(
  glossary: Glossary,
  texts: readonly string[],
  entries: readonly GlossaryEntry[],
  target: Face,
): { texts: string[]; glosses: FirstUseGloss[] } {
  const source = other(target);
  const pending = new Set(entries.filter((e) => e.keepOriginal && !sameInBoth(e)));
  const glosses: FirstUseGloss[] = [];
  const out = texts.map((text, index) => {
    if (pending.size === 0) return text;
    const inserts: Array<{ at: number; insert: string }> = [];
    for (const m of findTerms(glossary, text, target)) {
      if (!pending.has(m.entry)) continue;
      pending.delete(m.entry);
      const window = text.slice(Math.max(0, m.start - NEAR), m.end + NEAR);
      const already = patternsOf(m.entry)[source].some((re) => {
        re.lastIndex = 0;
        return re.test(window);
      });
      if (already) continue;
      const original = preferredForm(m.entry, source);
      const at = m.end + (CLOSING_QUOTES.exec(text.slice(m.end))?.[0].length ?? 0);
      inserts.push({ at, insert: target === 'zh' ? `(${original})` : ` (${original})` });
      glosses.push({ index, term: m.surface, original });
    }
    let edited = text;
    for (const { at, insert } of inserts.sort((a, b) => b.at - a.at))
      edited = edited.slice(0, at) + insert + edited.slice(at);
    return edited;
  });
  return { texts: out, glosses };
}
