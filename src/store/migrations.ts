// Schema migrations, applied in order, each once, in one transaction each. The same SQL runs on
// PGlite and on a PostgreSQL server. Append new migrations; never edit one that has shipped.

import type { Database } from './database.js';

export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'articles and sightings',
    sql: `
      CREATE TABLE articles (
        id            text PRIMARY KEY,
        url           text NOT NULL,
        title         text,
        byline        text,
        published_at  timestamptz,
        language      text NOT NULL,
        mixed         boolean NOT NULL DEFAULT false,
        site_name     text,
        outlet        text,
        source_id     text,
        source_type   text,
        feed_title    text,
        lead_image    text,
        description   text,
        paragraphs    jsonb NOT NULL,
        body          text NOT NULL,
        bilingual     jsonb,
        fingerprint   text NOT NULL UNIQUE,
        signature     text NOT NULL,
        understanding jsonb NOT NULL,
        ingested_at   timestamptz NOT NULL
      );
      CREATE INDEX articles_published_idx ON articles (published_at);
      CREATE INDEX articles_language_idx ON articles (language);
      CREATE INDEX articles_url_idx ON articles (url);

      -- Every place an article was seen. url is normalised (tracking parameters stripped).
      CREATE TABLE sightings (
        article_id  text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        url         text NOT NULL,
        relation    text NOT NULL,
        outlet      text,
        source_id   text,
        source_type text,
        feed_title  text,
        via         text,
        seen_at     timestamptz NOT NULL,
        PRIMARY KEY (article_id, url)
      );
      CREATE UNIQUE INDEX sightings_url_idx ON sightings (url);

      -- Locality-sensitive hash bands of each language version's MinHash signature: near-duplicate
      -- candidates come from an index lookup, never from comparing against every article.
      CREATE TABLE article_bands (
        article_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        language   text NOT NULL,
        band       text NOT NULL,
        signature  text NOT NULL,
        PRIMARY KEY (article_id, language, band)
      );
      CREATE INDEX article_bands_band_idx ON article_bands (band);
    `,
  },
  {
    id: 2,
    name: 'stories',
    sql: `
      -- A story's id is its first article's id. last_active moves with dated members only;
      -- last_ingested with every member (undated articles meet stories by ingest time).
      CREATE TABLE stories (
        id            text PRIMARY KEY,
        title         text,
        first_active  timestamptz NOT NULL,
        last_active   timestamptz NOT NULL,
        last_ingested timestamptz NOT NULL,
        article_count integer NOT NULL DEFAULT 0
      );
      CREATE INDEX stories_last_active_idx ON stories (last_active);

      -- One story per article. activity_at = published, else ingested: orders the timeline and
      -- assigns the day. features: the compact record similarity compares (src/stories/features.ts).
      CREATE TABLE story_articles (
        article_id  text PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id    text NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        activity_at timestamptz NOT NULL,
        published_at timestamptz,
        ingested_at timestamptz NOT NULL,
        title       text,
        outlet      text,
        source_type text,
        language    text NOT NULL,
        url         text NOT NULL,
        score       real,
        features    jsonb NOT NULL
      );
      CREATE INDEX story_articles_story_idx ON story_articles (story_id, activity_at);
      CREATE INDEX story_articles_activity_idx ON story_articles (activity_at);

      -- The inverted index that finds candidate stories: entity, figure and rare-term keys, with
      -- the story's activity copied in so a lookup is limited to a date window without a join.
      CREATE TABLE story_keys (
        key           text NOT NULL,
        story_id      text NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        last_active   timestamptz NOT NULL,
        last_ingested timestamptz NOT NULL,
        PRIMARY KEY (key, story_id)
      );
      CREATE INDEX story_keys_key_idx ON story_keys (key, last_active);
      CREATE INDEX story_keys_story_idx ON story_keys (story_id);

      -- How many grouped articles carry each feature key: rarity weights for similarity.
      CREATE TABLE feature_frequencies (
        key      text PRIMARY KEY,
        articles integer NOT NULL
      );
    `,
  },
  {
    id: 3,
    name: 'translations',
    sql: `
      -- Recognised translations between stored articles (src/align/recognize.ts). The translation's
      -- row leaves articles when folded into its original; its whole record stays here (record).
      CREATE TABLE translations (
        original_id          text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        translation_id       text PRIMARY KEY,
        translation_language text NOT NULL,
        translation_url      text NOT NULL,
        translation_outlet   text,
        translation_title    text,
        score                real NOT NULL,
        reasons              jsonb NOT NULL,
        detail               jsonb NOT NULL,
        original_why         text NOT NULL,
        record               jsonb NOT NULL,
        recognised_at        timestamptz NOT NULL
      );
      CREATE INDEX translations_original_idx ON translations (original_id);

      -- Every English-Chinese pair of a story compared, at which recognizer version, and its score:
      -- a re-run compares only pairs it has not seen.
      CREATE TABLE translation_checks (
        en_id      text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        zh_id      text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        version    integer NOT NULL,
        score      real NOT NULL,
        checked_at timestamptz NOT NULL,
        PRIMARY KEY (en_id, zh_id, version)
      );
      CREATE INDEX translation_checks_zh_idx ON translation_checks (zh_id);
    `,
  },
  {
    id: 4,
    name: 'model translations',
    sql: `
      -- An article's translation by a model (src/translate/translate.ts), one per target language,
      -- the latest kept: made once by \`tidings run\` or \`tidings translate\`, read by the site with or
      -- without a model. A human translation (articles.bilingual) is always shown before it.
      CREATE TABLE model_translations (
        article_id     text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        target         text NOT NULL,
        provider       text NOT NULL,
        model          text NOT NULL,
        prompt_version text NOT NULL,
        translation    jsonb NOT NULL,
        translated_at  timestamptz NOT NULL,
        PRIMARY KEY (article_id, target)
      );
    `,
  },
  {
    id: 5,
    name: 'story keys without activity',
    sql: `
      -- story_keys no longer copies each story's activity times: keeping the copy current rewrote
      -- every key row of a story at each new member, the largest part of a long backlog's store
      -- writes. Grouping reads a story's keys by story (storySeeds); the store's own key lookup
      -- joins stories for the window. Dropping the columns drops story_keys_key_idx with them;
      -- the primary key (key, story_id) serves lookups by key.
      ALTER TABLE story_keys DROP COLUMN last_active, DROP COLUMN last_ingested;
    `,
  },
  {
    id: 6,
    name: 'articles kept from a feed summary',
    sql: `
      -- A feed item whose page could not be fetched is kept from the feed's own title and summary;
      -- its sources say so ("from the feed's summary"). Articles stored before were read from pages.
      ALTER TABLE articles ADD COLUMN from_feed_summary boolean NOT NULL DEFAULT false;
    `,
  },
  {
    id: 7,
    name: 'what dated each article',
    sql: `
      -- What gave published_at (src/extract/dating.ts): 'page', 'feed', 'url', 'dateline', or 'seen'
      -- (nothing: published_at is null and the article's day is its ingest day). An undated article
      -- stored before is 'seen'; a dated one was dated by its page or its feed, which was not
      -- recorded: NULL, unknown.
      ALTER TABLE articles ADD COLUMN date_source text;
      UPDATE articles SET date_source = 'seen' WHERE published_at IS NULL;
    `,
  },
  {
    id: 8,
    name: 'watch schedule',
    sql: `
      -- When \`tidings watch\` polls each source next (src/watch/schedule.ts): a source that could
      -- not be read is tried again later and later (failures counts the reads failed in a row).
      CREATE TABLE watch_sources (
        source_key   text PRIMARY KEY,
        next_due     timestamptz NOT NULL,
        failures     integer NOT NULL DEFAULT 0,
        last_polled  timestamptz NOT NULL,
        last_problem text
      );
    `,
  },
  {
    id: 9,
    name: 'watch cycles',
    sql: `
      -- One row per \`tidings watch\` cycle that ran (src/watch/cycle-log.ts): what /healthz and
      -- /metrics report, read by any \`tidings serve\` on the same database. outcome is 'ok',
      -- 'failed' (a job or the edition or site failed) or 'idle' (no source due). fetches counts
      -- the cycle's fetches made by the editor's process by status ('200', '304', '404',
      -- 'network_error' ...).
      CREATE TABLE watch_cycles (
        id              bigserial PRIMARY KEY,
        started_at      timestamptz NOT NULL,
        finished_at     timestamptz NOT NULL,
        outcome         text NOT NULL,
        new_articles    integer NOT NULL DEFAULT 0,
        duplicates      integer NOT NULL DEFAULT 0,
        failed          integer NOT NULL DEFAULT 0,
        stories_touched integer NOT NULL DEFAULT 0,
        pages_rewritten integer NOT NULL DEFAULT 0,
        fetches         jsonb NOT NULL DEFAULT '{}'::jsonb
      );
      CREATE INDEX watch_cycles_finished ON watch_cycles (finished_at DESC);
    `,
  },
  {
    id: 10,
    name: 'watch schedule: why, and what was read',
    sql: `
      -- Why next_due is what it is (src/watch/poll-rules.ts): 'every', 'ttl', 'sy:update', 'max-age',
      -- 'backoff' or 'retry-after'. content_hash: SHA-256 of the body whose jobs last all finished; the
      -- same body again (a 304, or a 200 with the same bytes) queues nothing.
      ALTER TABLE watch_sources ADD COLUMN reason text;
      ALTER TABLE watch_sources ADD COLUMN content_hash text;
    `,
  },
];

/** Applies the migrations not yet applied, in order (a prefix of MIGRATIONS in upgrade tests). */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<void> {
  await db.transaction(async (tx) => {
    // Several processes may open one server at once: the lock makes them take turns here.
    await tx.query('SELECT pg_advisory_xact_lock(7283001)');
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  for (const migration of migrations) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7283001)');
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [migration.id]);
      if (done.length > 0) return;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [migration.id, migration.name]);
    });
  }
}
