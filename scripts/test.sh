#!/usr/bin/env bash
# The one test command: dependencies, PostgreSQL and Redis, the web build, then every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/node-env.sh
source scripts/node-env.sh
bash scripts/install-deps.sh
RUEDA_TEST_TOOLS=1 bash scripts/services.sh
# shellcheck disable=SC1091
source .rueda/env
export NODE_ENV=test VITE_CONFIG_NATIVE_IGNORE_WARNING=true
echo "[rueda] typecheck" >&2
npm run --silent typecheck
echo "[rueda] lint, format and dependency rules" >&2
npm run --silent lint
echo "[rueda] building the web front end (browser tests use it)" >&2
npm run --silent build:web >/dev/null
npx jest --maxWorkers=2 "$@"
