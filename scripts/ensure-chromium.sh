#!/usr/bin/env bash
# The e2e suite drives a system Chromium: Playwright's own browser download
# cannot reach its CDN from these machines. Installs Debian's package when it
# can (root on Debian), otherwise says exactly what to install.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the e2e tests (apt-get install chromium)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
  [ -x "$chromium" ] && exit 0
fi

cat >&2 <<MSG
The e2e tests need Chromium at $chromium, and it is not there.
Install it, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install chromium
  macOS:          brew install --cask chromium   (then CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium)
Or point CHROMIUM_PATH at any Chromium or Chrome binary.
MSG
exit 1
