#!/usr/bin/env bash
# Everything CI runs (`make test`): install dependencies, check formatting, build the
# dev and the sanitizer (asan+ubsan) builds, start a throw-away PostgreSQL 15 cluster,
# run every test against SQLite and PostgreSQL in both builds, build the web app and run
# its browser tests against the real server, and fuzz briefly.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

started=$(date +%s)
step() { echo; echo "=== $* ($(($(date +%s) - started))s)"; }

step "dependencies"
./scripts/install-deps.sh

step "format"
./scripts/check-format.sh

step "build: dev"
cmake --preset dev >/dev/null
cmake --build --preset dev

step "build: asan (address + undefined-behaviour sanitizers, fuzz targets)"
cmake --preset asan >/dev/null
cmake --build --preset asan

step "lint: clang-tidy"
./scripts/lint.sh build/dev

step "PostgreSQL 15 throw-away cluster"
cluster=$(mktemp -d /tmp/sinergi-pg.XXXXXX)
trap '"$root/scripts/postgres-cluster.sh" stop "$cluster"' EXIT
port=$(./scripts/free-port.sh)
SINERGI_TEST_POSTGRES_URL=$(./scripts/postgres-cluster.sh start "$cluster" "$port")
export SINERGI_TEST_POSTGRES_URL
export SINERGI_TEST_REQUIRE_POSTGRES=1
echo "cluster at $SINERGI_TEST_POSTGRES_URL"

step "tests: dev build, SQLite and PostgreSQL"
ctest --preset dev

step "tests: asan build, SQLite and PostgreSQL"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# LeakSanitizer needs ptrace-like access that some sandboxes deny; it reports that clearly.
ctest --preset asan

step "web: type check, build, browser tests (Chromium) against the real server"
./scripts/web-test.sh

step "fuzz: short run of every fuzz target"
./scripts/fuzz.sh build/asan "${SINERGI_FUZZ_SECONDS:-20}"

step "done in $(($(date +%s) - started))s"
