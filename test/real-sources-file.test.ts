// examples/sources.real.yaml (README: "Running it for real") loads as a registry: every entry a
// feed at an https URL, no id or URL twice, English and Chinese sources, and official, news and
// research ones. The URLs themselves are not fetched (no test calls an external host).

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadRegistry } from '../src/cli/app.js';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../examples/sources.real.yaml');

test('examples/sources.real.yaml is a registry a user can start from', async () => {
  const loaded = await loadRegistry(file);
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.message);
  const entries = loaded.value.entries;
  assert.ok(entries.length >= 20);
  for (const e of entries) {
    assert.equal(e.kind, 'feed', e.id);
    assert.match(e.url ?? '', /^https:\/\/[^/]+\//, e.id);
    assert.ok(e.every !== undefined, `${e.id} says how often it is polled`);
  }
  assert.equal(new Set(entries.map((e) => e.id)).size, entries.length);
  assert.equal(new Set(entries.map((e) => e.url)).size, entries.length);
  const languages = new Set(entries.map((e) => e.language));
  assert.ok(languages.has('en') && languages.has('zh'));
  const types = new Set(entries.map((e) => e.type));
  for (const t of ['official', 'news', 'research']) assert.ok(types.has(t as never), t);
});
