#!/usr/bin/env bash
# One command to run every test: type check, lint, prettier, unit and integration tests
# (SQLite and PostgreSQL), and browser tests in Chromium against the app started with the
# simulator. Installs Node 22, yarn, the dependencies and Chromium when missing.
#   scripts/test.sh             everything
#   SKIP_E2E=1 scripts/test.sh  without the browser tests
set -uo pipefail
source "$(dirname "$0")/lib/toolchain.sh"
source "$REPO_ROOT/scripts/lib/postgres.sh"

set -e
ensure_dependencies
[ "${SKIP_E2E:-}" = "1" ] || ensure_chromium
ensure_postgres
set +e

export BACKSTAGE_TEST_DISABLE_DOCKER=1
OUT="$REPO_ROOT/test-output"
mkdir -p "$OUT"
FAILED_STAGES=()
started=$SECONDS

stage() { # name command…
  local name="$1"; shift
  log "── $name"
  local t0=$SECONDS
  if "$@"; then
    log "── $name ok ($((SECONDS - t0)) s)"
  else
    log "── $name FAILED ($((SECONDS - t0)) s)"
    FAILED_STAGES+=("$name")
  fi
}

cd "$REPO_ROOT"
stage "type check (yarn tsc)" yarn tsc
stage "lint (yarn lint:all)" yarn lint:all
stage "prettier --check" yarn prettier:check
rm -f "$OUT/jest.json"
stage "unit and integration tests (jest; SQLite + PostgreSQL at $BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING)" \
  yarn backstage-cli repo test --ci --watchAll=false --maxWorkers=2 --json --outputFile="$OUT/jest.json"

rm -f "$OUT/e2e.json"
if [ "${SKIP_E2E:-}" != "1" ]; then
  stage "browser tests (Playwright + Chromium)" bash "$REPO_ROOT/scripts/e2e.sh"
fi

# One closing line with the counts of every test runner.
node "$REPO_ROOT/scripts/lib/summarise-tests.mjs" "$OUT/jest.json" "$OUT/e2e.json"
log "total $((SECONDS - started)) s"
if [ ${#FAILED_STAGES[@]} -gt 0 ]; then
  log "failed: ${FAILED_STAGES[*]}"
  exit 1
fi
