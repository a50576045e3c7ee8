#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests: a cluster in DIR listening only on
# 127.0.0.1:PORT (unix socket in DIR), trust auth, database `faultline`.
#
#   scripts/pg-test-server.sh start DIR PORT   # prints the URL on stdout
#   scripts/pg-test-server.sh stop DIR         # keeps DIR: start again to restart
#   scripts/pg-test-server.sh destroy DIR      # stop and remove DIR
#
# Exit codes: 0 ok; 77 PostgreSQL is missing or cannot run here (tests skip);
# 75 PORT is already taken (try another); 1 anything else (wrong usage).
# PG_BIN overrides the folder of initdb/pg_ctl (default: newest
# /usr/lib/postgresql/*/bin).
set -euo pipefail

die() { echo "pg-test-server: $2" >&2; exit "$1"; }

find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  echo "$d"
}

# PostgreSQL refuses to run as root, so as root every server command runs as
# the `postgres` user; any other user runs them directly.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

check_tools() {
  BIN=$(find_bin)
  [[ -n "$BIN" && -x "$BIN/initdb" && -x "$BIN/pg_ctl" ]] ||
    die 77 "PostgreSQL server binaries not found (install postgresql, or set PG_BIN)"
  if [[ $(id -u) -eq 0 ]]; then
    command -v runuser >/dev/null || die 77 "running as root but runuser is missing"
    id postgres >/dev/null 2>&1 || die 77 "running as root but there is no 'postgres' user"
  fi
}

port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

init_cluster() {
  local dir=$1
  [[ -f "$dir/data/PG_VERSION" ]] && return 0
  as_pg "$BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C \
    --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die 77 "initdb failed in $dir (log above)"; }
}

start_server() {
  local dir=$1 port=$2
  local seen=0  # the log survives restarts: look only at this start's lines
  [[ -f "$dir/server.log" ]] && seen=$(wc -l <"$dir/server.log")
  # fsync off: the cluster is thrown away, and tests run faster without it.
  if ! as_pg "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null; then
    # Taken between our check and the server's bind: the caller tries another.
    tail -n +$((seen + 1)) "$dir/server.log" 2>/dev/null | grep -q "Address already in use" &&
      die 75 "port $port is already taken"
    tail -n +$((seen + 1)) "$dir/server.log" | tail -n 20 >&2 || true
    die 77 "the server in $dir did not start on port $port (log above)"
  fi
  echo "$port" >"$dir/port"
}

create_database() {
  local dir=$1 port=$2
  local exists
  exists=$(as_pg "$BIN/psql" -h "$dir" -p "$port" -U postgres -d postgres -Atc \
    "SELECT 1 FROM pg_database WHERE datname = 'faultline'") ||
    die 77 "cannot query the server on port $port"
  [[ "$exists" == 1 ]] && return 0
  as_pg "$BIN/createdb" -h "$dir" -p "$port" -U postgres faultline ||
    die 77 "createdb faultline failed on port $port"
}

cmd_start() {
  local dir=$1 port=$2
  [[ "$port" =~ ^[0-9]+$ ]] || die 1 "PORT must be a number, got '$port'"
  check_tools
  port_taken "$port" && die 75 "port $port is already taken"
  [[ "$dir" != *[[:space:]]* ]] || die 1 "DIR must not contain spaces: '$dir'"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  # A unix socket path is limited to 107 bytes.
  (( ${#dir} + 20 < 107 )) || die 1 "DIR path too long for the server's socket: $dir"
  # The server runs as postgres and keeps its socket in DIR.
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi
  chmod 700 "$dir"
  as_pg test -w "$dir" -a -x "$dir" ||
    die 1 "the postgres user cannot use $dir (a parent folder closed to it? use mktemp -d)"
  init_cluster "$dir"
  start_server "$dir" "$port"
  create_database "$dir" "$port"
  echo "postgresql://postgres@127.0.0.1:$port/faultline"
}

cmd_stop() {
  local dir=$1
  [[ -f "$dir/data/postmaster.pid" ]] || return 0
  check_tools
  as_pg "$BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null ||
    die 1 "pg_ctl stop failed for $dir"
}

cmd_destroy() {
  local dir=$1
  [[ -d "$dir" ]] || return 0
  cmd_stop "$dir"
  rm -rf -- "$dir"
}

case "${1:-}" in
  start) [[ $# -eq 3 ]] || die 1 "usage: $0 start DIR PORT"; cmd_start "$2" "$3" ;;
  stop) [[ $# -eq 2 ]] || die 1 "usage: $0 stop DIR"; cmd_stop "$2" ;;
  destroy) [[ $# -eq 2 ]] || die 1 "usage: $0 destroy DIR"; cmd_destroy "$2" ;;
  *) die 1 "usage: $0 start DIR PORT | stop DIR | destroy DIR" ;;
esac
