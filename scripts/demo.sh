#!/usr/bin/env bash
# The main job: a full demo Jornada on this machine.
# Installs what is missing, starts PostgreSQL and Redis, migrates, loads the demo event,
# starts the API and the worker, prints the URLs and keeps serving until Ctrl-C.
# RUEDA_DEMO_EXIT=1 stops everything once the demo is loaded and checked (used by the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/node-env.sh
source scripts/node-env.sh
bash scripts/install-deps.sh
bash scripts/services.sh
# shellcheck disable=SC1091
source .rueda/env
export PORT="${PORT:-3000}" LOG_LEVEL="${LOG_LEVEL:-info}"
echo "[rueda] compilando / building" >&2
export VITE_CONFIG_NATIVE_IGNORE_WARNING=true
npm run --silent build >&2
cli() { node dist/apps/cli/src/main.js "$@"; }
cli db migrate
mkdir -p .rueda/logs
pids=()
stop() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT
trap 'exit 130' INT TERM
# Each program under its own supervisor: a crashed worker or API is restarted alone, the other keeps serving.
bash scripts/supervise.sh worker .rueda/logs/worker.log node dist/apps/worker/src/main.js & pids+=($!)
bash scripts/supervise.sh api .rueda/logs/api.log node dist/apps/api/src/main.js & pids+=($!)
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { echo "[rueda] la API no arrancó / the API did not start; see .rueda/logs/api.log" >&2; tail -20 .rueda/logs/api.log >&2; exit 1; }
cli demo --api "http://127.0.0.1:$PORT"
if [ "${RUEDA_DEMO_EXIT:-0}" = 1 ]; then exit 0; fi
echo "[rueda] sirviendo; Ctrl-C para detener / serving; Ctrl-C to stop (logs: .rueda/logs)" >&2
# Supervisors only return when a program cannot start at all (bad configuration): then stop everything.
wait -n "${pids[@]}"
