#!/usr/bin/env bash
# Installs node dependencies exactly as the committed lock says, when they are missing, older
# than the lock, or were built for another Node version (native addons follow the ABI).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/node-env.sh
source scripts/node-env.sh
stamp=node_modules/.rueda-node
want="$(node -p 'process.versions.modules')"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "[rueda] installing node dependencies (npm ci, Node $(node -v))" >&2
  npm ci --no-audit --no-fund >&2
  echo "$want" > "$stamp"
fi
