#!/usr/bin/env bash
# Sourced: starts the whole local stack (AWS simulator, Backstage backend and frontend) in the
# background, each in its own process group, logs under test-output/logs, and stops it on exit
# (also when a stage fails or the caller is interrupted).

STACK_PIDS=()
SIMULATOR_PORT="${SIMULATOR_PORT:-4599}"
LOG_DIR="$REPO_ROOT/test-output/logs"

wait_for_url() { # url timeout-seconds name
  local url="$1" deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then
      log "$3 did not answer at $url within $2 s; last log lines:"
      tail -n 40 "$LOG_DIR"/*.log >&2 || true
      return 1
    fi
    sleep 1
  done
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") >/dev/null 2>&1; }

stop_stack() {
  local pid
  for pid in "${STACK_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill -TERM -- "-$pid" 2>/dev/null || true
  done
  sleep 1
  for pid in "${STACK_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill -KILL -- "-$pid" 2>/dev/null || true
  done
  STACK_PIDS=()
}

# start_stack [extra app-config files…]
start_stack() {
  mkdir -p "$LOG_DIR"
  local p
  for p in "$SIMULATOR_PORT" 7007 3000; do
    if port_busy "$p"; then
      log "port $p is already in use: stop whatever runs there first (an earlier start?)"
      return 1
    fi
  done
  trap stop_stack EXIT INT TERM

  # Job control gives every background job its own process group (pgid = $!), so
  # stop_stack can end each one with all its children.
  set -m
  log "starting the ECS/CloudWatch simulator on 127.0.0.1:$SIMULATOR_PORT"
  node "$REPO_ROOT/packages/ecs-aws-simulator/bin/ecs-aws-simulator" \
    --port "$SIMULATOR_PORT" ${SIMULATOR_ARGS:-} >"$LOG_DIR/simulator.log" 2>&1 &
  STACK_PIDS+=($!)
  wait_for_url "http://127.0.0.1:$SIMULATOR_PORT/_simulator/health" 60 simulator

  local configs=(--config "$REPO_ROOT/app-config.yaml")
  for p in "$@"; do configs+=(--config "$p"); done
  if [ -f "$REPO_ROOT/app-config.local.yaml" ]; then
    configs+=(--config "$REPO_ROOT/app-config.local.yaml")
  fi
  log "starting the Backstage backend (:7007) and frontend (:3000); logs in test-output/logs/app.log"
  (cd "$REPO_ROOT" && exec yarn backstage-cli repo start "${configs[@]}" >"$LOG_DIR/app.log" 2>&1) &
  STACK_PIDS+=($!)
  set +m
  wait_for_url "http://localhost:7007/.backstage/health/v1/readiness" 300 backend
  wait_for_url "http://localhost:3000" 300 frontend
}
