// One output written by a model with the offline engine's guarantees. The model sees the story
// as delimited DATA and answers with JSON for the analytical fields only; an invalid answer is
// retried once with its errors, then the offline engine writes the output (marked). A valid
// answer is verified: unsupported quotes, figures, names, foreign links and minority figures are
// sent back once for correction, and whatever is still unsupported is removed and recorded.

import type { z } from 'zod';
import type { Result } from '../../errors.js';
import { renderPrompt, type Prompt } from '../../prompts/prompt.js';
import type { ArticleWithSightings, Face } from '../../article.js';
import type { LlmClient, LlmMessage, LlmRequest } from '../../llm/client.js';
import type { Ranking } from '../../rank/ranking.js';
import { sourcesOf } from '../../verify/sources-of.js';
import type { SourceText } from '../../verify/grounding.js';
import { indexSources, type SourceIndex } from '../../verify/source-index.js';
import type { SlotViolation } from '../slot-check.js';
import type { SlotRepair } from '../slot-repair.js';
import { repairOutput, verifyOutputIn, type VerificationReport } from '../../verify/verify-output.js';
import { applyFields } from '../apply-fields.js';
import type { OutputField } from '../output-fields.js';
import type { ProvenanceEntry, Verification, WritingEngine } from '../schemas.js';
import { draftJsonSchema } from './model-drafts.js';
import { faceLanguageErrors, parseAnswer, type ParsedAnswer } from './model-answer.js';
import { allowedLinks, figureRules, modelProvenance, withModelChecks } from './model-grounding.js';

/** Prompt files by id (src/prompts: prompts/<id>.md, front matter, # System and # User templates). */
export type PromptLoader = (id: string) => Result<Prompt>;

/** What every writer output has that the model writer sets. */
export interface WrittenOutput {
  readonly language: Face;
  readonly notice: string | null;
  readonly provenance: ProvenanceEntry[];
  readonly verification?: Verification | undefined;
  readonly engine?: WritingEngine | undefined;
}

export interface ModelJob<D, O extends WrittenOutput> {
  readonly purpose: 'digest-item' | 'card' | 'post';
  readonly face: Face;
  readonly schema: z.ZodType<D>;
  /** Template variables besides the ones every writer prompt gets (language, boundary, data, facts). The JSON Schema travels as request.schema. */
  readonly vars: Record<string, string>;
  /** The articles shown to the model; its text is verified against them. */
  readonly articles: readonly ArticleWithSightings[];
  readonly ranking: Ranking;
  readonly offline: () => O;
  /** The output with the model's fields in place of the offline ones. */
  readonly compose: (draft: D, offline: O) => O;
  readonly fields: (output: O) => OutputField[];
  /** Texts the output cannot stand without (a headline, a summary): withheld by repair → offline fallback. */
  readonly essential: (output: O) => readonly string[];
  /** The slot rules (src/write/slot-check.ts) the answer must keep, as the offline engine does; broken → repaired, else offline fallback. */
  readonly slots?: (output: O) => readonly SlotViolation[];
  /** Drops the items that break a slot rule when enough remains (src/write/slot-repair.ts); null → offline fallback. */
  readonly repairSlots?: (output: O, violations: readonly SlotViolation[]) => SlotRepair<O> | null;
  readonly maxTokens: number;
}

export interface ModelOutcome<O> {
  readonly output: O;
  readonly engine: 'llm' | 'offline-fallback';
  /** What happened, in plain words: retries, corrections, removals, the reason for a fallback. */
  readonly notes: string[];
}

const LANGUAGE_NAME: Record<Face, string> = { en: 'English', zh: 'Simplified Chinese (简体中文)' };
const FALLBACK_NOTICE: Record<Face, string> = {
  en: 'Written by the offline engine: the model’s answer could not be used.',
  zh: '本条由离线引擎生成：模型的回答无法使用。',
};

export async function writeWithModel<D, O extends WrittenOutput>(
  job: ModelJob<D, O>,
  client: LlmClient,
  loadPrompt: PromptLoader,
  shared: { readonly data: string; readonly boundary: string; readonly facts: string },
): Promise<ModelOutcome<O>> {
  const sources = sourcesOf(job.articles);
  const index = indexSources(sources);
  const rules = figureRules(job.ranking);
  const links = allowedLinks(job.articles);
  const notes: string[] = [];
  const check = (o: O): VerificationReport => withModelChecks(verifyOutputIn(job.fields(o), index), rules, links);

  let offlineOutput: O | undefined;
  const offline = (): O => (offlineOutput ??= job.offline());
  const fallback = (why: string): ModelOutcome<O> => {
    notes.push(`${why}; the offline engine wrote this ${job.purpose}`);
    const o = offline();
    const notice = o.notice ? `${o.notice} ${FALLBACK_NOTICE[job.face]}` : FALLBACK_NOTICE[job.face];
    const out = settle(
      { ...o, notice, engine: 'offline-fallback' },
      verifyOutputIn(job.fields(o), index),
      job.fields,
      index,
      null,
    );
    return { output: out, engine: 'offline-fallback', notes };
  };

  const jsonSchema = draftJsonSchema(job.schema);
  const prompts = [job.purpose, 'writer-retry', 'writer-correction'].map((id) => loadPrompt(id));
  const [prompt, retryPrompt, correctionPrompt] = prompts;
  for (const p of prompts) if (!p.ok) return fallback(`the prompt could not be loaded (${p.message})`);
  if (!prompt?.ok || !retryPrompt?.ok || !correctionPrompt?.ok) throw new Error('unreachable: prompts checked above');
  const main = renderPrompt(prompt.value, {
    ...job.vars,
    language: LANGUAGE_NAME[job.face],
    boundary: shared.boundary,
    data: shared.data,
    facts: shared.facts,
  });
  if (!main.ok) return fallback(`the prompt could not be filled (${main.message})`);
  const first: LlmMessage = { role: 'user', content: main.value.user };
  // A follow-up turn (retry, correction) keeps the writer's instructions and adds the follow-up's own.
  const followUp = (
    p: Prompt,
    vars: Record<string, string>,
  ): { system: string; user: string; version: string } | string => {
    const r = renderPrompt(p, vars);
    return r.ok
      ? { system: `${main.value.system}\n\n${r.value.system}`, user: r.value.user, version: p.promptVersion }
      : r.message;
  };
  const request = (messages: LlmMessage[], turn: { system: string; version: string } | null): LlmRequest => ({
    system: turn?.system ?? main.value.system,
    messages,
    schema: { name: job.purpose.replace(/-/g, '_'), jsonSchema },
    maxTokens: job.maxTokens,
    temperature: 0,
    promptVersion: turn ? `${main.value.promptVersion}+${turn.version}` : main.value.promptVersion,
    purpose: job.purpose,
  });
  const validate = (text: string): ParsedAnswer<D> => {
    const parsed = parseAnswer(text, job.schema);
    if (!parsed.ok) return parsed;
    const wrongLanguage = faceLanguageErrors(job.fields(job.compose(parsed.value, offline())), job.face);
    return wrongLanguage.length > 0 ? { ok: false, errors: wrongLanguage } : parsed;
  };

  const answer = await client.complete(request([first], null));
  if (!answer.ok) return fallback(`the model call failed (${answer.code}: ${answer.message})`);
  let parsed = validate(answer.value.text);
  let draftText = answer.value.text;
  if (!parsed.ok) {
    notes.push(`the model's answer was invalid (${summary(parsed.errors)}); asked once more with the errors`);
    const turn = followUp(retryPrompt.value, { errors: bullets(parsed.errors) });
    if (typeof turn === 'string') return fallback(`the retry prompt could not be filled (${turn})`);
    const retry = await client.complete(
      request([first, { role: 'assistant', content: answer.value.text }, { role: 'user', content: turn.user }], turn),
    );
    if (!retry.ok) return fallback(`the retry failed (${retry.code}: ${retry.message})`);
    parsed = validate(retry.value.text);
    if (!parsed.ok) return fallback(`the model's answer was invalid twice (${summary(parsed.errors)})`);
    draftText = retry.value.text;
  }

  let output = job.compose(parsed.value, offline());
  let report = check(output);
  if (!report.ok) {
    const problems = report.problems.map((p) => `${p.path}: "${p.surface}" — ${p.message}`);
    notes.push(
      `verification found ${problems.length} unsupported ${problems.length === 1 ? 'claim' : 'claims'}; sent back once for correction`,
    );
    const turn = followUp(correctionPrompt.value, { problems: bullets(problems) });
    const correction =
      typeof turn === 'string'
        ? null
        : await client.complete(
            request([first, { role: 'assistant', content: draftText }, { role: 'user', content: turn.user }], turn),
          );
    const corrected = correction?.ok ? validate(correction.value.text) : null;
    if (typeof turn === 'string')
      notes.push(`the correction prompt could not be filled (${turn}); the first answer is repaired instead`);
    else if (correction && !correction.ok)
      notes.push(
        `the correction request failed (${correction.code}: ${correction.message}); the first answer is repaired instead`,
      );
    else if (corrected && !corrected.ok)
      notes.push(
        `the corrected answer was invalid (${summary(corrected.errors)}); the first answer is repaired instead`,
      );
    else if (corrected?.ok) {
      output = job.compose(corrected.value, offline());
      report = check(output);
      notes.push(
        report.ok
          ? 'the correction fixed every problem'
          : `${report.problems.length} still unsupported after the correction: removed`,
      );
    }
  }
  const final = settle({ ...output, engine: 'llm', notice: null }, report, job.fields, index, {
    sources,
    articles: job.articles,
  });
  if (job.essential(final).some((t) => t.trim() === ''))
    return fallback('verification left the model’s output without an essential text');
  const broken = job.slots?.(final) ?? [];
  if (broken.length === 0) return { output: final, engine: 'llm', notes };
  const brokenRules = [...new Set(broken.map((v) => `${v.rule} (${v.path})`))].slice(0, 5).join(', ');
  const brokeWhat = `the model's answer broke ${broken.length === 1 ? 'a slot rule' : `${broken.length} slot rules`}: ${brokenRules}`;
  // Cheap and safe: drop the list items that break a rule, when enough remains; checked again.
  const repair = job.repairSlots?.(final, broken) ?? null;
  if (!repair) return fallback(brokeWhat);
  const resettled = settle({ ...repair.output }, check(repair.output), job.fields, index, {
    sources,
    articles: job.articles,
  });
  const before = final.verification;
  const after = resettled.verification;
  const repaired: O = {
    ...resettled,
    verification:
      before && after
        ? {
            ok: before.ok && after.ok,
            sentences: after.sentences,
            problems: [...before.problems, ...after.problems],
            repairs: [
              ...before.repairs,
              ...repair.dropped.map((d) => ({
                path: d.path,
                action: 'dropped' as const,
                surface: d.text,
                reason: `slot rule: ${d.rule}`,
              })),
              ...after.repairs,
            ],
          }
        : after,
  };
  if (job.essential(repaired).some((t) => t.trim() === ''))
    return fallback(`${brokeWhat}; the repair left it without an essential text`);
  const still = job.slots?.(repaired) ?? [];
  if (still.length > 0)
    return fallback(
      `${brokeWhat}; still broken after dropping ${repair.dropped.length}: ${[...new Set(still.map((v) => `${v.rule} (${v.path})`))].slice(0, 5).join(', ')}`,
    );
  notes.push(`${brokeWhat}; repaired by dropping ${repair.dropped.map((d) => `${d.path} (${d.rule})`).join(', ')}`);
  return { output: repaired, engine: 'llm', notes };
}

/** The output with its verification record (and repairs), and provenance for model-written text. */
function settle<O extends WrittenOutput>(
  output: O,
  report: VerificationReport,
  fieldsOf: (output: O) => OutputField[],
  index: SourceIndex,
  /** Set for model text: its provenance is computed; the offline engine's is kept. */
  model: { readonly sources: readonly SourceText[]; readonly articles: readonly ArticleWithSightings[] } | null,
): O {
  const fields = fieldsOf(output);
  const sentences = report.fields.reduce((n, f) => n + f.sentences.length, 0);
  let final = output;
  let verification: Verification = { ok: true, sentences, problems: [], repairs: [] };
  if (!report.ok) {
    // An essential text left empty sends the output to the offline engine (below), not to a rewrite.
    const repaired = repairOutput(fields, report, { rewriteRequired: false });
    final = applyFields(output, fields, repaired.fields);
    const problems = report.problems.map((p) => ({
      path: p.path,
      kind: p.kind,
      surface: p.surface,
      message: p.message,
    }));
    verification = { ok: false, sentences, problems, repairs: repaired.actions };
  }
  // Provenance of model text is read off a check of the final text, so paths match after removals.
  const provenance = model
    ? modelProvenance(verifyOutputIn(fieldsOf(final), index), model.sources, model.articles)
    : final.provenance;
  return { ...final, provenance, verification };
}

function bullets(lines: readonly string[]): string {
  return lines.map((l) => `- ${l}`).join('\n');
}

function summary(errors: readonly string[]): string {
  return errors.length <= 3 ? errors.join('; ') : `${errors.slice(0, 3).join('; ')}; and ${errors.length - 3} more`;
}
