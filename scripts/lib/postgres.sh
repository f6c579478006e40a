#!/usr/bin/env bash
# Sourced: makes sure a PostgreSQL server answers for TestDatabases and exports its connection
# string. Uses the machine's server on 127.0.0.1:5432 when one answers; otherwise starts
# Debian's PostgreSQL as the postgres user in a private data directory on a spare port.

PG_PRIVATE_PORT="${PG_PRIVATE_PORT:-55432}"
PG_PRIVATE_DIR="${PG_PRIVATE_DIR:-/tmp/ecs-tmpfs-pg}"

pg_answers() { # host port
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$1" -p "$2" >/dev/null 2>&1
  else
    (exec 3<>"/dev/tcp/$1/$2") >/dev/null 2>&1
  fi
}

ensure_postgres() {
  if pg_answers 127.0.0.1 5432; then
    export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:5432"
    return 0
  fi
  if pg_answers 127.0.0.1 "$PG_PRIVATE_PORT"; then
    export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:$PG_PRIVATE_PORT"
    return 0
  fi
  # The machine's own cluster may just be stopped.
  if command -v pg_ctlcluster >/dev/null 2>&1 && ls /etc/postgresql >/dev/null 2>&1; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start >&2 2>/dev/null || true
    for _ in $(seq 1 20); do pg_answers 127.0.0.1 5432 && break; sleep 0.5; done
    if pg_answers 127.0.0.1 5432; then
      export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:5432"
      return 0
    fi
  fi
  local bindir
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [ -z "$bindir" ]; then
    log "installing PostgreSQL from Debian's packages"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
    bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  fi
  log "starting a private PostgreSQL on 127.0.0.1:$PG_PRIVATE_PORT ($PG_PRIVATE_DIR)"
  local run_as=""
  if [ "$(id -u)" -eq 0 ]; then run_as="runuser -u postgres --"; fi
  mkdir -p "$PG_PRIVATE_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_PRIVATE_DIR"
  if [ ! -f "$PG_PRIVATE_DIR/PG_VERSION" ]; then
    $run_as "$bindir/initdb" -D "$PG_PRIVATE_DIR" -U postgres --auth=trust >/dev/null
  fi
  $run_as "$bindir/pg_ctl" -D "$PG_PRIVATE_DIR" -l "$PG_PRIVATE_DIR/log" -w \
    -o "-p $PG_PRIVATE_PORT -k /tmp -c listen_addresses=127.0.0.1" start >&2
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:$PG_PRIVATE_PORT"
}
