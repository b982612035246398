#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (test/browser/), which
# drive it through playwright-core (which downloads no browser of its own), with a font that has
# Chinese glyphs (fonts-noto-cjk): without one, the Chinese face renders as boxes in screenshots
# and text measurements of Chinese pages are wrong.
set -euo pipefail
BIN=/usr/bin/chromium
missing=()
[ -x "$BIN" ] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Missing for the browser tests: ${missing[*]}; this user is not root, so they cannot be installed here:" >&2
  echo "  run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing for the browser tests: ${missing[*]}, and there is no apt-get (not Debian/Ubuntu): install them by hand" >&2
  exit 1
fi
echo "Installing Debian's ${missing[*]} for the browser tests" >&2
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
[ -x "$BIN" ] || { echo "apt-get installed chromium but $BIN is still missing" >&2; exit 1; }
