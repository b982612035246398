#!/usr/bin/env bash
# The test command (`npm test`, and CI through .ci/run): the lint checks, then every *.test.ts under src/ and test/,
# with store tests run on both the embedded PGlite and a PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci
npm run --silent lint    # formatting, lint rules, types and import boundaries (package.json)
npm run --silent build
bash scripts/ensure-postgres.sh
bash scripts/ensure-chromium.sh
export TIDINGS_TEST_DATABASE_URL="${TIDINGS_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
# The runner starts files in the order given, two at a time: the costliest start first, so no long
# file starts near the end while the other slots sit idle. The list is the files over about 8 s of CPU,
# costliest first (bench/README.md "Test suite cost"); a file missing from it still runs, after them.
slowest=(
  test/hostile-store.test.ts test/hostile-input.test.ts test/watch-worker.test.ts test/real-clutter.test.ts
  test/cli.test.ts test/hostile-parse.test.ts test/hostile-serve.test.ts test/browser/site.test.ts
  test/real-dating.test.ts test/folded-ids.test.ts test/serve-watch.test.ts test/watch-polling.test.ts
  test/ingest-crash.test.ts test/run-model.test.ts src/store/store-lock.test.ts src/cli/serve-command.test.ts
  test/real-stories.test.ts src/store/article-store.test.ts test/e2e.test.ts src/publish/site/site-model.test.ts
  test/real-importance.test.ts test/verify-real.test.ts src/store/story-store.test.ts test/llm-edition.test.ts
  src/publish/site/site-e2e.test.ts src/server/api.test.ts src/publish/outputs/exports-e2e.test.ts
  test/real-feeds.test.ts
)
mapfile -t all < <(find src test examples -name '*.test.ts' -not -path '*/node_modules/*' | sort)
files=()
for f in "${slowest[@]}"; do [ -f "$f" ] && files+=("$f"); done
for f in "${all[@]}"; do [[ " ${slowest[*]} " == *" $f "* ]] || files+=("$f"); done
exec node --import tsx --test --test-concurrency=2 --test-timeout=300000 "$@" "${files[@]}"
