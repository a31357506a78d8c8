#!/usr/bin/env bash
# Web app: install the pinned npm packages, type-check and build web/dist, then run the
# browser tests (headless Debian Chromium via playwright-core) against the real server.
# Needs the dev build of the server (make build) unless SINERGI_BINARY says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

echo
echo "=== web: install, type-check, build, browser tests"
binary=${SINERGI_BINARY:-$root/build/dev/src/app/sinergi}
if [[ ! -x "$binary" ]]; then
  echo "server binary not found: $binary (build it first: make build)" >&2
  exit 1
fi
if [[ ! -x /usr/bin/chromium ]]; then
  echo "/usr/bin/chromium is missing (apt-get install chromium)" >&2
  exit 1
fi

cd web
npm ci --no-audit --no-fund
npm run build
SINERGI_BINARY="$binary" npm run test:e2e
