#!/bin/sh
# A throwaway PostgreSQL cluster for the tests: created under a folder, listening on 127.0.0.1 only, stopped by
# its pid. Nothing is installed here (tools/system-deps.sh postgres does that) and nothing outside FOLDER is
# touched: no system service, no default cluster.
#
#   tools/postgres-cluster.sh start FOLDER   prints the test URL (postgresql+psycopg://nomadcm@127.0.0.1:PORT/nomadcm)
#   tools/postgres-cluster.sh stop FOLDER    stops the server whose pid start wrote in FOLDER/server.pid
#
# The server refuses to run as root: as root it runs as the `postgres` system user the Debian package creates
# (or `nomadcm-pg`, created here when there is none). Speed over safety, it is thrown away: fsync off.
# Authentication: trust for the role `nomadcm` (the tests' owner role); scram (a password) for the role
# `nomadcm_pw`, password `nomadcm-secret`, so the tests can try the password paths against a real server.
set -eu
action=${1:-}
folder=${2:-}
[ -n "$action" ] && [ -n "$folder" ] || { echo "usage: $0 start|stop FOLDER" >&2; exit 2; }

bindir=""
for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$dir/postgres" ] && [ -x "$dir/initdb" ]; then bindir=$dir; break; fi
done
if [ -z "$bindir" ]; then
  initdb_path=$(command -v initdb || true)
  [ -n "$initdb_path" ] && bindir=$(dirname "$initdb_path")
fi

as_server_user() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$server_user" -- "$@"
  else
    "$@"
  fi
}

case "$action" in
start)
  [ -n "$bindir" ] || { echo "PostgreSQL's server is not installed (tools/system-deps.sh postgres)" >&2; exit 1; }
  server_user=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    if getent passwd postgres >/dev/null; then
      server_user=postgres
    else
      getent passwd nomadcm-pg >/dev/null || useradd --system --no-create-home --shell /usr/sbin/nologin nomadcm-pg
      server_user=nomadcm-pg
    fi
  fi
  mkdir -p "$folder"
  folder=$(cd "$folder" && pwd)
  [ "$(id -u)" = 0 ] && chown "$server_user" "$folder"
  chmod 700 "$folder"
  cd "$folder"  # the server's user may not enter the caller's folder
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  # C.UTF-8: lower()/ILIKE fold every letter ("É" finds "é"), as a real team server's UTF-8 locale does;
  # the plain C locale folds ASCII only.
  as_server_user "$bindir/initdb" -D "$folder/data" -U nomadcm -E UTF8 --locale=C.UTF-8 --auth=trust >"$folder/initdb.log" 2>&1 \
    || { cat "$folder/initdb.log" >&2; exit 1; }
  {
    echo "local all all trust"
    echo "host all nomadcm_pw 127.0.0.1/32 scram-sha-256"
    echo "host all all 127.0.0.1/32 trust"
  } >"$folder/data/pg_hba.conf"
  # A plain command in the background, not a shell function: a function's subshell would keep this script's
  # standard output open, and `url=$(tools/postgres-cluster.sh start ...)` would wait for the server to end.
  set -- "$bindir/postgres" -D "$folder/data" -h 127.0.0.1 -p "$port" -k "$folder" \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$server_user" -- "$@" </dev/null >"$folder/server.log" 2>&1 &
  else
    "$@" </dev/null >"$folder/server.log" 2>&1 &
  fi
  launcher=$!  # runuser's pid as root; the server's own pid is read from postmaster.pid below
  echo "$port" >"$folder/server.port"
  tries=0
  until as_server_user "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port"; do
    tries=$((tries + 1))
    if [ $tries -gt 150 ] || ! kill -0 "$launcher" 2>/dev/null; then
      cat "$folder/server.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  head -n 1 "$folder/data/postmaster.pid" >"$folder/server.pid"
  as_server_user "$bindir/psql" -q -h 127.0.0.1 -p "$port" -U nomadcm -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE nomadcm" \
    -c "CREATE ROLE nomadcm_pw LOGIN PASSWORD 'nomadcm-secret'" \
    -c "CREATE DATABASE nomadcm_pw OWNER nomadcm_pw" >/dev/null
  echo "postgresql+psycopg://nomadcm@127.0.0.1:$port/nomadcm"
  ;;
stop)
  [ -f "$folder/server.pid" ] || exit 0
  pid=$(cat "$folder/server.pid")
  if kill -INT "$pid" 2>/dev/null; then  # fast shutdown: ends the sessions, no waiting for clients
    tries=0
    while kill -0 "$pid" 2>/dev/null && [ $tries -lt 100 ]; do sleep 0.1; tries=$((tries + 1)); done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$folder/server.pid"
  ;;
*)
  echo "usage: $0 start|stop FOLDER" >&2
  exit 2
  ;;
esac
