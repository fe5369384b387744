#!/usr/bin/env bash
# Installs node dependencies when they are missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[rueda] installing node dependencies (npm ci)" >&2
  npm ci --no-audit --no-fund >&2
fi
