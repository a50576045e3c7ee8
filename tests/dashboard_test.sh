#!/usr/bin/env bash
# End-to-end: the dashboard in a real browser. Debian's chromium, driven by
# playwright-core (npm devDependency; it never downloads a browser), loads the
# page of `faultline serve` over a store of the sample corpus, picks a dyad,
# and checks the chart's data and the table against the API and sqlite3
# (tests/dashboard.spec.mjs). Saves a screenshot next to the binary.
# Skipped (exit 77) only when chromium, node or playwright-core is missing.
set -euo pipefail
fl=$(realpath "$1")
skip() { echo "SKIP: $*"; exit 77; }
[ -x /usr/bin/chromium ] || skip "/usr/bin/chromium is missing (apt-get install chromium)"
command -v node >/dev/null || skip "node is missing"
[ -d node_modules/playwright-core ] || skip "node_modules/playwright-core is missing (run npm ci)"
command -v sqlite3 >/dev/null || { echo "FAIL: sqlite3 is needed"; exit 1; }
. tests/serve_lib.sh
tmp=$(mktemp -d)
trap 'stop_servers; rm -rf "$tmp"' EXIT
"$fl" ingest examples/stories examples/wire.jsonl --db "$tmp/f.db" -q
# A second server over a store of more than 10,000 events, where the table
# shows a capped total ("1,000+").
make_big_store "$tmp/f.db" "$tmp/big.db"
start_server "$fl" "$tmp/big.db"
big_base=$BASE
start_server "$fl" "$tmp/f.db"
out="$(dirname "$fl")/dashboard-test"
mkdir -p "$out"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
  node tests/dashboard.spec.mjs "$BASE" "$tmp/f.db" "$out" "$big_base" "$tmp/big.db"
