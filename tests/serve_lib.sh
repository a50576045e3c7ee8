# Sourced by the end-to-end tests of `faultline serve` (api_test.sh,
# dashboard_test.sh): start a server on a free port and stop every server
# started, whatever way the test ends.
#   start_server FAULTLINE DB [ARGS...]   sets BASE (http://127.0.0.1:PORT) and SERVER_PID
#   stop_servers                          (call it from the test's EXIT trap)
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
