#!/usr/bin/env bash
# The one test command: dependencies, PostgreSQL and Redis, then every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
RUEDA_TEST_TOOLS=1 bash scripts/services.sh
# shellcheck disable=SC1091
source .rueda/env
export NODE_ENV=test
npx tsc -p tsconfig.json --noEmit
npx jest --maxWorkers=2 "$@"
