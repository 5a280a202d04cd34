#!/usr/bin/env bash
# End-to-end tests: a production build, served on a fresh embedded database,
# driven by Playwright in the system Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
npx next build
npx playwright test "$@"
