#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (test/browser/), which
# drive it through playwright-core (which downloads no browser of its own).
set -euo pipefail
BIN=/usr/bin/chromium
if [ -x "$BIN" ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Chromium is missing at $BIN and this user is not root, so it cannot be installed here:" >&2
  echo "  run as root: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing at $BIN and there is no apt-get (not Debian/Ubuntu): install chromium by hand" >&2
  exit 1
fi
echo "Chromium is not installed: installing Debian's chromium" >&2
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
[ -x "$BIN" ] || { echo "apt-get installed chromium but $BIN is still missing" >&2; exit 1; }
