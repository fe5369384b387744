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
# A local mail catcher (maildev) receives every email of the demo, unless SMTP_URL names a real server.
# Its ports follow PORT (SMTP PORT+25, web PORT+80), so demos on other ports do not collide.
if [ -z "${SMTP_URL:-}" ]; then
  MAIL_SMTP_PORT="${MAIL_SMTP_PORT:-$((PORT + 25))}" MAIL_WEB_PORT="${MAIL_WEB_PORT:-$((PORT + 80))}"
  export SMTP_URL="smtp://127.0.0.1:$MAIL_SMTP_PORT" MAIL_WEB_URL="http://127.0.0.1:$MAIL_WEB_PORT"
  export MAIL_RATE_PER_SECOND="${MAIL_RATE_PER_SECOND:-50}" PUBLIC_URL="${PUBLIC_URL:-http://127.0.0.1:$PORT}"
fi
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
if [ -n "${MAIL_WEB_URL:-}" ]; then
  node_modules/.bin/maildev --smtp "$MAIL_SMTP_PORT" --web "$MAIL_WEB_PORT" --ip 127.0.0.1 --web-ip 127.0.0.1 \
    --hide-extensions STARTTLS --max-emails 5000 >> .rueda/logs/maildev.log 2>&1 & pids+=($!)
  for _ in $(seq 1 40); do curl -fs "$MAIL_WEB_URL" >/dev/null 2>&1 && break; sleep 0.25; done
  echo "[rueda] correo de la demo / demo mail: $MAIL_WEB_URL" >&2
fi
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
