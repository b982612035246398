#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers at 127.0.0.1:5432 (trust auth) for the test suite:
# starts the machine's cluster when it is down, installs Debian's server when it is missing.
set -euo pipefail
HOST=127.0.0.1 PORT=5432
ready() { pg_isready -q -h "$HOST" -p "$PORT" 2>/dev/null; }
command -v pg_isready >/dev/null 2>&1 || ready() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }
if ready; then exit 0; fi
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "PostgreSQL is not installed: installing Debian's postgresql" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /etc/postgresql | sort -V | tail -n 1)
echo "Starting PostgreSQL $version" >&2
pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
for _ in $(seq 1 60); do ready && exit 0; sleep 0.5; done
echo "PostgreSQL did not come up at $HOST:$PORT" >&2
exit 1
