#!/usr/bin/env bash
# Browser tests only: starts the stack (simulator, backend on a fresh in-memory SQLite,
# frontend) with e2e/app-config.e2e.yaml, runs Playwright with Debian's Chromium, stops the
# stack. Extra arguments go to Playwright (e.g. a spec file). scripts/test.sh calls this.
set -uo pipefail
source "$(dirname "$0")/lib/toolchain.sh"
source "$REPO_ROOT/scripts/lib/stack.sh"
ensure_chromium

cd "$REPO_ROOT"
start_stack "$REPO_ROOT/e2e/app-config.e2e.yaml" || exit 1
yarn playwright test -c e2e/playwright.config.ts "$@"
rc=$?
stop_stack
exit $rc
