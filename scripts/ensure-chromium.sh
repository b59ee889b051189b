#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core (which downloads no browser of
# its own). Install it when it is missing, so `npm test` works on a fresh machine.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "ensure-chromium: installing Debian's chromium for the browser tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "ensure-chromium: no Chromium at $browser; install it (apt-get install chromium) or set CHROMIUM_PATH" >&2
exit 1
