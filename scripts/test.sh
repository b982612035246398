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
mapfile -t files < <(find src test examples -name '*.test.ts' -not -path '*/node_modules/*' | sort)
exec node --import tsx --test --test-concurrency=2 --test-timeout=300000 "$@" "${files[@]}"
