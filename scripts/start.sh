#!/usr/bin/env bash
# One command to run the whole product locally: installs Node 22, yarn and the dependencies
# when missing, then starts the AWS simulator, the Backstage backend (SQLite) and the frontend
# with the sample catalog. Ctrl-C stops everything.
set -euo pipefail
source "$(dirname "$0")/lib/toolchain.sh"
source "$REPO_ROOT/scripts/lib/stack.sh"

ensure_dependencies
start_stack "$@"

cat >&2 <<MSG

  ECS tmpfs & memory headroom is running:
    open http://localhost:3000 (sign in as guest)
    backend   http://localhost:7007  (API: /api/ecs-tmpfs)
    simulator http://127.0.0.1:$SIMULATOR_PORT (ECS + CloudWatch)
  Logs: test-output/logs/. Press Ctrl-C to stop.

MSG
echo "http://localhost:3000"
wait
