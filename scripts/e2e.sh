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

# The catalog reads the sample entities and the first sync runs shortly after start-up; the
# tests start once both have landed, so none of them races the ingestion.
wait_for_data() {
  local token deadline=$((SECONDS + 240))
  while [ $SECONDS -lt $deadline ]; do
    token="$(curl -fsS http://localhost:7007/api/auth/guest/refresh 2>/dev/null |
      node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).backstageIdentity.token)}catch{}})')"
    if [ -n "$token" ] &&
      curl -fsS -o /dev/null -H "Authorization: Bearer $token" \
        http://localhost:7007/api/catalog/entities/by-name/component/default/storefront-web &&
      curl -fsS -H "Authorization: Bearer $token" 'http://localhost:7007/api/ecs-tmpfs/sync/status' |
      node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const t=JSON.parse(s).targets;process.exit(t.length>0&&t.every(x=>x.lastRun&&!x.running)?0:1)})'; then
      return 0
    fi
    sleep 2
  done
  log "the catalog or the first sync did not land within 240 s"
  return 1
}
wait_for_data || { stop_stack; exit 1; }
yarn playwright test -c e2e/playwright.config.ts "$@"
rc=$?
stop_stack
exit $rc
