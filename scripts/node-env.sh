#!/usr/bin/env bash
# Sourced by the project's scripts: makes a supported Node.js LTS the first `node` on PATH.
# Rueda supports the Node LTS lines (22, 24, 26). When the machine's Node is older, a Node 24
# binary is taken from the npm registry's `node` package into .rueda/node (once) and put
# first on PATH, so npm, the build, the tests and the servers all run on it.
RUEDA_NODE_LINE="${RUEDA_NODE_LINE:-24}"
rueda_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
rueda_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -x "$rueda_root/.rueda/node/node_modules/.bin/node" ]; then
  export PATH="$rueda_root/.rueda/node/node_modules/.bin:$PATH"
fi
if [ "$(rueda_node_major)" -lt 22 ]; then
  command -v npm >/dev/null 2>&1 || { echo "[rueda] ERROR: Node.js with npm is required (https://nodejs.org)" >&2; exit 1; }
  echo "[rueda] Node $(node -v) is past end of life; fetching Node $RUEDA_NODE_LINE LTS from the npm registry into .rueda/node" >&2
  mkdir -p "$rueda_root/.rueda/node"
  (cd "$rueda_root/.rueda/node" && [ -f package.json ] || echo '{"private":true}' > package.json)
  npm install --prefix "$rueda_root/.rueda/node" --no-audit --no-fund --no-save --loglevel=error "node@$RUEDA_NODE_LINE" >&2
  export PATH="$rueda_root/.rueda/node/node_modules/.bin:$PATH"
  [ "$(rueda_node_major)" -ge 22 ] || { echo "[rueda] ERROR: could not install a supported Node; install Node 22 or newer" >&2; exit 1; }
fi
unset rueda_root
