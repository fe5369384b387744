#!/usr/bin/env bash
# Makes PostgreSQL and Redis reachable for Rueda and writes their URLs to .rueda/env.
# Order of preference: URLs given in the environment; local servers (installed through the
# OS package manager when we may); docker compose when a Docker engine answers; else stop
# and say exactly what to install.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .rueda
PG_DB="${RUEDA_DB_NAME:-rueda}"
PG_USER=rueda
PG_PASS=rueda
REDIS_PORT="${RUEDA_REDIS_PORT:-6390}"

log() { printf '[rueda] %s\n' "$*" >&2; }
die() { printf '[rueda] ERROR: %s\n' "$*" >&2; exit 1; }
can_apt() { command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; }
apt_updated=0
apt_install() {
  if [ $apt_updated = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}
docker_ok() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

ensure_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then log "using DATABASE_URL from the environment"; return; fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    if can_apt; then log "installing PostgreSQL (apt-get)"; apt_install postgresql
    elif docker_ok; then log "starting PostgreSQL with docker compose"; docker compose up -d --wait postgres >&2
      DATABASE_URL="postgres://$PG_USER:$PG_PASS@127.0.0.1:5432/$PG_DB"; return
    else die "PostgreSQL is not installed. Install it (Debian/Ubuntu: sudo apt-get install postgresql) or set DATABASE_URL=postgres://user:pass@host:5432/db"; fi
  fi
  local ver cluster
  ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$ver main$"; then
    log "creating PostgreSQL cluster $ver/main"; pg_createcluster "$ver" main >&2
  fi
  if ! pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $4}' | grep -q online; then
    log "starting PostgreSQL $ver"; pg_ctlcluster "$ver" main start >&2
  fi
  local port; port=$(pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $3}')
  local psql_su=(runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qAt)
  for _ in $(seq 1 30); do "${psql_su[@]}" -c 'select 1' >/dev/null 2>&1 && break; sleep 0.5; done
  if [ "$("${psql_su[@]}" -c "select 1 from pg_roles where rolname='$PG_USER'")" != 1 ]; then
    "${psql_su[@]}" -c "create role $PG_USER login createdb password '$PG_PASS'" >&2
  fi
  if [ "$("${psql_su[@]}" -c "select 1 from pg_database where datname='$PG_DB'")" != 1 ]; then
    "${psql_su[@]}" -c "create database $PG_DB owner $PG_USER" >&2
  fi
  DATABASE_URL="postgres://$PG_USER:$PG_PASS@127.0.0.1:$port/$PG_DB"
}

ensure_redis() {
  if [ -n "${REDIS_URL:-}" ]; then log "using REDIS_URL from the environment"; return; fi
  if ! command -v redis-server >/dev/null 2>&1; then
    if can_apt; then log "installing Redis (apt-get)"; apt_install redis-server
    elif docker_ok; then log "starting Redis with docker compose"; docker compose up -d --wait redis >&2
      REDIS_URL="redis://127.0.0.1:6379"; return
    else die "Redis is not installed. Install it (Debian/Ubuntu: sudo apt-get install redis-server) or set REDIS_URL=redis://host:6379"; fi
  fi
  # A project-owned instance on its own port, so a system Redis (if any) is left alone.
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    log "starting Redis on port $REDIS_PORT"
    mkdir -p .rueda/redis
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --dir "$PWD/.rueda/redis" \
      --logfile "$PWD/.rueda/redis/redis.log" --save '' --appendonly no >&2
    for _ in $(seq 1 30); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.2; done
  fi
  REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
}

# Tools the tests use to read back what Rueda produces: pdftotext for PDFs, Chromium for pages.
ensure_test_tools() {
  [ "${RUEDA_TEST_TOOLS:-0}" = 1 ] || return 0
  local missing=()
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  [ ${#missing[@]} -eq 0 ] && return 0
  if can_apt; then log "installing ${missing[*]} (apt-get)"; apt_install "${missing[@]}"
  else die "Missing for the tests: ${missing[*]}. Install them (Debian/Ubuntu: sudo apt-get install ${missing[*]})"; fi
}

ensure_postgres
ensure_redis
ensure_test_tools
cat > .rueda/env <<ENV
export DATABASE_URL='$DATABASE_URL'
export REDIS_URL='$REDIS_URL'
ENV
log "PostgreSQL: ${DATABASE_URL%%@*}@…  Redis: $REDIS_URL"
