#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL 15 cluster for tests: a temporary directory,
# loopback only, trust authentication, no system service.
#   scripts/postgres-cluster.sh start DIR PORT   -> prints the admin URL
#   scripts/postgres-cluster.sh stop DIR
# initdb and pg_ctl refuse to run as root, so as root they run as the postgres user.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
command=${1:?usage: postgres-cluster.sh start|stop DIR [PORT]}
directory=${2:?cluster directory required}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$command" in
  start)
    port=${3:?port required}
    mkdir -p "$directory"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres:postgres "$directory"
    fi
    as_owner "$bin/initdb" -D "$directory/data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >"$directory/initdb.log" 2>&1 ||
      { cat "$directory/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$directory/data" -l "$directory/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $directory -c fsync=off -c max_connections=200" start >/dev/null ||
      { cat "$directory/server.log" >&2; exit 1; }
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$directory/data" ]; then
      as_owner "$bin/pg_ctl" -D "$directory/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$directory"
    ;;
  *)
    echo "usage: postgres-cluster.sh start|stop DIR [PORT]" >&2
    exit 2
    ;;
esac
