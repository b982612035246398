// Translations made by a model, kept so they are made once: `tidings run` (with a model) and
// `tidings translate` save them; the site's reader shows them, marked as machine translations,
// for articles with no human translation, whether or not a model is configured at build time.

import type { Translation } from '../translate/translate.js';
import type { Database } from './database.js';
import { corruptRowReport, keepSound, parseColumn, storedTranslation, type StoreReadOptions } from './stored-json.js';

export interface ModelTranslationStore {
  /** Keeps this translation as the article's one into its target language (a newer one replaces it). */
  save(translation: Translation, at: string): Promise<void>;
  /**
   * The stored translations of these articles, by article id (several targets possible); a damaged
   * one is left out (reported through onCorruptRow): its article shows without it.
   */
  forArticles(ids: readonly string[]): Promise<Map<string, Translation[]>>;
}

export function createModelTranslationStore(db: Database, options: StoreReadOptions = {}): ModelTranslationStore {
  const report = corruptRowReport(options);
  return {
    async save(t, at) {
      await db.query(
        `INSERT INTO model_translations (article_id, target, provider, model, prompt_version, translation, translated_at)
         SELECT $1, $2, $3, $4, $5, $6::jsonb, $7 WHERE EXISTS (SELECT 1 FROM articles WHERE id = $1)
         ON CONFLICT (article_id, target) DO UPDATE SET provider = EXCLUDED.provider, model = EXCLUDED.model,
           prompt_version = EXCLUDED.prompt_version, translation = EXCLUDED.translation, translated_at = EXCLUDED.translated_at`,
        [t.articleId, t.target, t.provider, t.model, t.promptVersion, JSON.stringify(t), at],
      );
    },

    async forArticles(ids) {
      const out = new Map<string, Translation[]>();
      if (ids.length === 0) return out;
      const rows = await db.query<{ article_id: string; target: string; translation: unknown }>(
        'SELECT article_id, target, translation FROM model_translations WHERE article_id = ANY($1::text[]) ORDER BY article_id, target',
        [ids],
      );
      const read = (r: (typeof rows)[number]) => ({
        articleId: r.article_id,
        translation: parseColumn(
          storedTranslation,
          r.translation,
          { table: 'model_translations', id: `${r.article_id} (into ${r.target})` },
          'translation',
        ),
      });
      for (const r of keepSound(rows, read, report)) {
        const list = out.get(r.articleId) ?? [];
        list.push(r.translation);
        out.set(r.articleId, list);
      }
      return out;
    },
  };
}
