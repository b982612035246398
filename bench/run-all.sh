#!/usr/bin/env bash
# Every benchmark, one after another (they compete for the same two cores otherwise).
# Results print to the terminal; predictions and logs go to bench/out/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
for b in bench/*.ts; do
  case "$b" in bench/generate-*.ts) continue ;; esac
  echo "=== $b"
  node --import tsx "$b"
done
