#!/usr/bin/env bash
# Installs node dependencies when they are missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[rueda] installing node dependencies" >&2
  # `npm install` follows package-lock.json; `npm ci` refuses locks written without
  # registry URLs (omit-lockfile-registry-resolved), which is how this project keeps them.
  npm install --no-audit --no-fund >&2
fi
