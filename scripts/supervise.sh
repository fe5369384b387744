#!/usr/bin/env bash
# Keeps one program running: restarts it whenever it exits, so a crashed worker or API comes
# back on its own and never takes the other down (scripts/demo.sh runs one of these per program).
#
#   scripts/supervise.sh NAME LOGFILE COMMAND [ARGS...]
#
# A quick crash loop backs off (1 s, doubling up to 30 s); a run that lasted 60 s or more
# resets the delay. Exit code 78 (EX_CONFIG: a bad setting) is not worth retrying: the
# supervisor stops and passes it on. TERM or INT stop the program, then the supervisor.
set -uo pipefail
name="$1" log="$2"
shift 2
child=""
stopping=0
stop() {
  stopping=1
  if [ -n "$child" ]; then kill -TERM "$child" 2>/dev/null || true; fi
}
trap stop TERM INT
delay=1
while :; do
  started=$SECONDS
  "$@" >>"$log" 2>&1 &
  child=$!
  # `wait` returns early when a trapped signal arrives; wait again for the child to finish.
  wait "$child"
  code=$?
  while kill -0 "$child" 2>/dev/null; do wait "$child" || code=$?; done
  child=""
  [ "$stopping" = 1 ] && exit 0
  if [ "$code" = 78 ]; then
    echo "[rueda] $name: configuración inválida, no se reinicia / invalid configuration, not restarting (see $log)" >&2
    exit 78
  fi
  if [ $((SECONDS - started)) -ge 60 ]; then delay=1; fi
  echo "[rueda] $name terminó (código $code); se reinicia en ${delay} s / $name exited (code $code); restarting in ${delay} s" >&2
  sleep "$delay" &
  child=$!
  wait "$child"
  child=""
  [ "$stopping" = 1 ] && exit 0
  delay=$((delay * 2 > 30 ? 30 : delay * 2))
done
