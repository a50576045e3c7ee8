# Sourced by the end-to-end tests of `faultline serve` (api_test.sh,
# dashboard_test.sh): start a server on a free port and stop every server
# started, whatever way the test ends.
#   start_server FAULTLINE DB [ARGS...]   sets BASE (http://127.0.0.1:PORT) and SERVER_PID
#   stop_servers                          (call it from the test's EXIT trap)
#   make_big_store DB COPY                COPY: DB with its events 64 times over
SERVER_PIDS=()

start_server() {
  local fl=$1 db=$2
  shift 2
  local out
  out=$(mktemp)
  "$fl" serve --db "$db" --port 0 "$@" >"$out" 2>&1 &
  SERVER_PID=$!
  SERVER_PIDS+=("$SERVER_PID")
  # The server prints its address once the socket is bound.
  for _ in $(seq 1 150); do
    if grep -q '^serving http' "$out"; then
      BASE=$(sed -n 's|^serving \(http://[^/]*\)/$|\1|p' "$out")
      rm -f "$out"
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "serve exited early:"; cat "$out"; rm -f "$out"
      return 1
    fi
    sleep 0.1
  done
  echo "serve did not print its address in 15 s"; cat "$out"; rm -f "$out"
  return 1
}

stop_servers() {
  local p
  for p in "${SERVER_PIDS[@]}"; do
    kill "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  SERVER_PIDS=()
}

# A store of more events than /api/events counts exactly (1,000) from the
# sample's: its events copied 64 times in SQL, with the counts the store
# plans by refilled from the events (as an upgrade to schema 3 fills them).
make_big_store() {
  local from=$1 to=$2 cols
  cp "$from" "$to"
  cols="document_id, sentence, day, date, source, target, source_text, target_text, code, root, quad_class,
    goldstein, plover, status, place, place_country, place_admin, lat, lon, span_begin, span_end, rule, incident_id"
  for _ in 1 2 3 4 5 6; do
    sqlite3 "$to" "INSERT INTO events ($cols) SELECT $cols FROM events"
  done
  sqlite3 "$to" "DELETE FROM events_by_value; DELETE FROM events_by_day;
    INSERT INTO events_by_value SELECT 'source', source, COUNT(*) FROM events GROUP BY source;
    INSERT INTO events_by_value SELECT 'target', target, COUNT(*) FROM events GROUP BY target;
    INSERT INTO events_by_value SELECT 'code', code, COUNT(*) FROM events GROUP BY code;
    INSERT INTO events_by_value SELECT 'dyad', source || '>' || target, COUNT(*) FROM events GROUP BY source, target;
    INSERT INTO events_by_value SELECT 'quad_class', CAST(quad_class AS TEXT), COUNT(*) FROM events GROUP BY quad_class;
    INSERT INTO events_by_value SELECT 'quad_code', CAST(quad_class AS TEXT) || ':' || code, COUNT(*) FROM events
      GROUP BY quad_class, code;
    INSERT INTO events_by_value SELECT 'status', status, COUNT(*) FROM events GROUP BY status;
    INSERT INTO events_by_day SELECT day, COUNT(*) FROM events GROUP BY day;"
}
