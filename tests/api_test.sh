#!/usr/bin/env bash
# End-to-end: `faultline serve` over a store of the sample corpus. The API's
# numbers are checked against the same SQLite file read with the sqlite3
# CLI; every bad request is a 4xx with a JSON error and leaves the server
# serving; every response carries the security headers; path tricks are
# 404s; writes need the bearer token.
set -euo pipefail
fl=$(realpath "$1")
for tool in curl sqlite3 python3; do
  command -v $tool >/dev/null || { echo "FAIL: $tool is needed (scripts/setup.sh installs it)"; exit 1; }
done
. tests/serve_lib.sh
tmp=$(mktemp -d)
trap 'stop_servers; rm -rf "$tmp"' EXIT
db=$tmp/f.db
"$fl" ingest examples/stories examples/wire.jsonl --db "$db" -q
start_server "$fl" "$db" --token t0ken-for-tests
fails=0
pass=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { pass=$((pass + 1)); }
expect_eq() {  # what expected actual
  if [ "$2" == "$3" ]; then ok; else fail "$1: expected '$2', got '$3'"; fi
}
sql() { sqlite3 -batch -noheader "$db" "$1"; }
# get PATH -> body on stdout; the status goes to $tmp/status
get() { curl -s --path-as-is -o "$tmp/body" -w '%{http_code}' "$BASE$1" >"$tmp/status"; cat "$tmp/body"; }
# py EXPR: evaluates EXPR with the JSON on stdin bound to d
py() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"; }

# ---- numbers against sqlite ---------------------------------------------------
summary=$(get /api/summary)
expect_eq "summary events" "$(sql 'SELECT COUNT(*) FROM events')" "$(py 'd["events"]' <<<"$summary")"
expect_eq "summary documents" "$(sql 'SELECT COUNT(*) FROM documents')" "$(py 'd["documents"]' <<<"$summary")"
expect_eq "summary incidents" "$(sql 'SELECT COUNT(*) FROM incidents')" "$(py 'd["incidents"]' <<<"$summary")"
[ "$(py 'd["events"]' <<<"$summary")" -gt 0 ] || fail "the sample store has no events"

# The top dyad and its count.
top=$(get '/api/top-dyads?limit=1')
src=$(py 'd["dyads"][0]["source"]' <<<"$top")
tgt=$(py 'd["dyads"][0]["target"]' <<<"$top")
expect_eq "top dyad events" \
  "$(sql "SELECT COUNT(*) FROM events WHERE target <> '' GROUP BY source, target ORDER BY 1 DESC LIMIT 1")" \
  "$(py 'd["dyads"][0]["events"]' <<<"$top")"

# A dyad with events in both directions if there is one, so that A-B and
# A>B differ; else the top dyad.
pair=$(sql "SELECT a.source || ' ' || a.target FROM events a JOIN events b ON a.source = b.target AND a.target = b.source
            WHERE a.target <> '' ORDER BY a.source, a.target LIMIT 1")
[ -n "$pair" ] || pair="$src $tgt"
read -r A B <<<"$pair"
both="(source LIKE '$A%' AND target LIKE '$B%') OR (source LIKE '$B%' AND target LIKE '$A%')"
directed="source LIKE '$A%' AND target LIKE '$B%'"
expect_eq "events total, dyad $A-$B" "$(sql "SELECT COUNT(*) FROM events WHERE $both")" \
  "$(get "/api/events?dyad=$A-$B" | py 'd["total"]')"
expect_eq "events total, dyad $A>$B" "$(sql "SELECT COUNT(*) FROM events WHERE $directed")" \
  "$(get "/api/events?dyad=$A%3E$B" | py 'd["total"]')"
expect_eq "events listed, dyad $A-$B" "$(sql "SELECT COUNT(*) FROM events WHERE $both")" \
  "$(get "/api/events?dyad=$A-$B" | py 'len(d["events"])')"

# The timeline of that dyad: per-period sums add up to the events, the
# incidents (distinct per day) and the quad classes.
for interval in day week; do
  t=$(get "/api/timeline?dyad=$A-$B&interval=$interval")
  expect_eq "timeline($interval) events" "$(sql "SELECT COUNT(*) FROM events WHERE $both")" \
    "$(py 'sum(p["events"] for p in d["points"])' <<<"$t")"
  for q in 1 2 3 4; do
    expect_eq "timeline($interval) quad $q" "$(sql "SELECT COUNT(*) FROM events WHERE ($both) AND quad_class = $q")" \
      "$(py "sum(p['quad'][$q - 1] for p in d['points'])" <<<"$t")"
  done
done
expect_eq "timeline(day) incidents" \
  "$(sql "SELECT COUNT(*) FROM (SELECT DISTINCT day, incident_id FROM events WHERE $both)")" \
  "$(get "/api/timeline?dyad=$A-$B&interval=day" | py 'sum(p["incidents"] for p in d["points"])')"
expect_eq "timeline(day) first day" \
  "$(sql "SELECT date(MIN(day) * 86400, 'unixepoch') FROM events WHERE $both")" \
  "$(get "/api/timeline?dyad=$A-$B" | py 'd["points"][0]["start"]')"

# Filters, each against its SQL.
expect_eq "actor=USA" "$(sql "SELECT COUNT(*) FROM events WHERE source LIKE 'USA%' OR target LIKE 'USA%'")" \
  "$(get '/api/events?actor=USA' | py 'd["total"]')"
expect_eq "root=19" "$(sql "SELECT COUNT(*) FROM events WHERE root = '19'")" "$(get '/api/events?root=19' | py 'd["total"]')"
expect_eq "code=0" "$(sql "SELECT COUNT(*) FROM events WHERE code LIKE '0%'")" "$(get '/api/events?code=0' | py 'd["total"]')"
expect_eq "quad=4" "$(sql "SELECT COUNT(*) FROM events WHERE quad_class = 4")" "$(get '/api/events?quad=4' | py 'd["total"]')"
first=$(sql "SELECT date(MIN(day) * 86400, 'unixepoch') FROM events")
expect_eq "from/to = first day" "$(sql "SELECT COUNT(*) FROM events WHERE day = (SELECT MIN(day) FROM events)")" \
  "$(get "/api/events?from=$first&to=$first" | py 'd["total"]')"
expect_eq "actor that matches nothing" "0" "$(get '/api/events?actor=ZZZZ' | py 'd["total"]')"
expect_eq "actor that matches nothing: status" "200" "$(cat "$tmp/status")"

# Paging: the same order as the store's (newest day first, then id).
expect_eq "page 2 of 3" "$(sql 'SELECT id FROM events ORDER BY day DESC, id DESC LIMIT 3 OFFSET 3' | paste -sd,)" \
  "$(get '/api/events?limit=3&offset=3' | py '",".join(str(e["id"]) for e in d["events"])')"

# One event: its evidence, cut from the sentence with the API's relative
# span, is the story's bytes at the stored span.
id=$(sql "SELECT id FROM events WHERE span_end > span_begin ORDER BY id LIMIT 1")
detail=$(get "/api/events/$id")
expect_eq "event $id evidence" \
  "$(sql "SELECT CAST(substr(CAST(d.text AS BLOB), e.span_begin + 1, e.span_end - e.span_begin) AS TEXT)
          FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id = $id")" \
  "$(py 'd["sentence_text"].encode()[d["evidence"]["begin"]:d["evidence"]["end"]].decode()' <<<"$detail")"
expect_eq "event $id rule" "$(sql "SELECT rule FROM events WHERE id = $id")" "$(py 'd["rule"]' <<<"$detail")"
expect_eq "event $id incident mentions" \
  "$(sql "SELECT COUNT(*) FROM events WHERE incident_id = (SELECT incident_id FROM events WHERE id = $id)")" \
  "$(py 'd["incident_detail"]["mentions"]' <<<"$detail")"
expect_eq "event $id source text in sentence" "True" \
  "$(py 'd["source_span"] is None or d["sentence_text"].encode()[d["source_span"]["begin"]:d["source_span"]["end"]].decode() == d["source_text"]' <<<"$detail")"

# Network, actors, alerts.
net=$(get '/api/network')
expect_eq "network edges" "$(sql "SELECT COUNT(*) FROM (SELECT DISTINCT source, target FROM events WHERE target <> '')")" \
  "$(py 'len(d["edges"])' <<<"$net")"
expect_eq "network nodes" \
  "$(sql "SELECT COUNT(*) FROM (SELECT source AS a FROM events WHERE target <> '' UNION SELECT target FROM events WHERE target <> '')")" \
  "$(py 'len(d["nodes"])' <<<"$net")"
expect_eq "network edge events" "$(sql "SELECT COUNT(*) FROM events WHERE target <> ''")" \
  "$(py 'sum(e["events"] for e in d["edges"])' <<<"$net")"
top_actor=$(get '/api/actors?limit=1')
a1=$(py 'd["actors"][0]["actor"]' <<<"$top_actor")
expect_eq "actor $a1 events" \
  "$(sql "SELECT (SELECT COUNT(*) FROM events WHERE source = '$a1') + (SELECT COUNT(*) FROM events WHERE target = '$a1')")" \
  "$(py 'd["actors"][0]["events"]' <<<"$top_actor")"
get '/api/alerts?baseline_weeks=4&min_events=1&threshold=0' | py 'type(d["alerts"]).__name__' >"$tmp/alerts"
expect_eq "alerts is a list" "list" "$(cat "$tmp/alerts")"

# ---- bad requests: 4xx, a JSON error, the server still serving ---------------------
bad=(
  '/api/events?limit=1001' '/api/events?limit=abc' '/api/events?limit=-5' '/api/events?limit=99999999999999999999999'
  '/api/events?offset=1000001' '/api/events?acter=RUS' '/api/events?actor=rus' '/api/events?actor=RU%27S'
  '/api/events?actor=AAAAAAAAAAAAAAAA' '/api/events?dyad=RUS' '/api/events?dyad=RUS-UKR-USA' '/api/events?from=2022-02-30'
  '/api/events?to=2022-13-01' '/api/events?from=tomorrow' '/api/events?from=2022-03-01&to=2022-02-01'
  '/api/events?quad=9' '/api/events?root=99' '/api/events?code=1x' '/api/events?status=rumoured'
  '/api/events?limit=1&limit=2' '/api/timeline?interval=month' '/api/timeline?limit=5' '/api/network?offset=1'
  '/api/alerts?threshold=nan' '/api/alerts?baseline_weeks=0' '/api/summary?x=1' '/api/events/abc' '/api/events/0'
  '/api/events/-1' '/api/events/99999999999' '/api/events/1/2' '/api/nothing' '/nothing.html'
  '/api/events?exact_total=yes' '/api/timeline?exact_total=true'
)
for u in "${bad[@]}"; do
  body=$(get "$u")
  code=$(cat "$tmp/status")
  if [[ $code != 4?? ]]; then fail "$u: status $code, want 4xx"; continue; fi
  err=$(py 'd.get("error", "")' <<<"$body" 2>/dev/null || true)
  if [ -n "$err" ]; then ok; else fail "$u: no JSON error in '$body'"; fi
done
expect_eq "a 404 for an unknown event" "404" "$(get /api/events/99999999999 >/dev/null; cat "$tmp/status")"
expect_eq "serving after the bad requests" "200" "$(get /api/summary >/dev/null; cat "$tmp/status")"

# ---- path tricks: nothing outside the embedded assets ------------------------------
tricks=('/../../etc/passwd' '/%2e%2e/%2e%2e/etc/passwd' '/%2E%2E/etc/passwd' '/vendor/..%2f..%2fetc/passwd'
        '/vendor%2fecharts.min.js' '//etc/passwd' '/.git/config' '/web/index.html' '/CMakeLists.txt'
        '/index.html%00' '/app.js/' '/api/../index.html')
for u in "${tricks[@]}"; do
  get "$u" >/dev/null
  expect_eq "path $u" "404" "$(cat "$tmp/status")"
done
for u in / /index.html /app.js /style.css; do
  get "$u" >/dev/null
  expect_eq "asset $u" "200" "$(cat "$tmp/status")"
done
# The page has no inline script or style (the CSP would block it).
page=$(get /)
grep -qiE '<script>|<script [^>]*>[^<]' <<<"$page" && fail "index.html has an inline script"
grep -qiE '<style|style=' <<<"$page" && fail "index.html has inline style"
grep -q 'src="/app.js"' <<<"$page" && ok || fail "index.html does not load /app.js"

# ---- headers on every kind of response -----------------------------------------------
csp="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'"
for u in / /app.js /api/summary /api/events?limit=x /nothing /../x; do
  curl -s --path-as-is -D "$tmp/headers" -o /dev/null "$BASE$u"
  h() { grep -i "^$1:" "$tmp/headers" | head -1 | cut -d' ' -f2- | tr -d '\r'; }
  expect_eq "$u CSP" "$csp" "$(h Content-Security-Policy)"
  expect_eq "$u nosniff" "nosniff" "$(h X-Content-Type-Options)"
  expect_eq "$u Referrer-Policy" "no-referrer" "$(h Referrer-Policy)"
  expect_eq "$u X-Frame-Options" "DENY" "$(h X-Frame-Options)"
done
curl -s -D "$tmp/headers" -o /dev/null "$BASE/api/summary"
grep -qi '^Content-Type: application/json' "$tmp/headers" && ok || fail "/api/summary is not application/json"

# ---- writes: the token ---------------------------------------------------------------
post() { curl -s -o "$tmp/body" -w '%{http_code}' -X "${METHOD:-POST}" -d '{}' "$@"; }
expect_eq "POST without token" "401" "$(post "$BASE/api/events")"
py 'd["error"]' <"$tmp/body" >/dev/null && ok || fail "401 without a JSON error"
expect_eq "POST with a wrong token" "401" "$(post -H 'Authorization: Bearer nope' "$BASE/api/events")"
expect_eq "DELETE without token" "401" "$(METHOD=DELETE post "$BASE/api/events/1")"
expect_eq "POST with the token, no handler" "405" "$(post -H 'Authorization: Bearer t0ken-for-tests' "$BASE/api/events")"
head -c 200000 /dev/zero | tr '\0' x >"$tmp/big"
expect_eq "a body over the limit" "413" "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer t0ken-for-tests' \
  --data-binary @"$tmp/big" "$BASE/api/events")"

# A server started without --token refuses every write.
token_base=$BASE
start_server "$fl" "$db"
expect_eq "POST, server without --token" "401" "$(post -H 'Authorization: Bearer ' "$BASE/api/events")"
BASE=$token_base

# ---- totals past the cap: /api/events counts up to 1,000 unless exact_total=true ----
big=$tmp/big.db
make_big_store "$db" "$big"
bigsql() { sqlite3 -batch -noheader "$big" "$1"; }
small_base=$BASE
start_server "$fl" "$big"
all=$(bigsql 'SELECT COUNT(*) FROM events')
[ "$all" -gt 10000 ] && ok || fail "the big store has $all events, not more than 10,000"
expect_eq "all events: capped total" "1000 False" "$(get '/api/events' | py 'd["total"], d["total_exact"]' | tr -d '(),')"
expect_eq "all events: exact total" "$all True" \
  "$(get '/api/events?exact_total=true' | py 'd["total"], d["total_exact"]' | tr -d '(),')"
expect_eq "exact_total=false is the default" "1000 False" \
  "$(get '/api/events?exact_total=false' | py 'd["total"], d["total_exact"]' | tr -d '(),')"
# Past the cap's page: the lower bound reaches the end of the page.
expect_eq "offset 9950: capped total" "10050 False" \
  "$(get '/api/events?offset=9950&limit=100' | py 'd["total"], d["total_exact"]' | tr -d '(),')"
expect_eq "offset 9950: the page" "$(bigsql 'SELECT id FROM events ORDER BY day DESC, id DESC LIMIT 100 OFFSET 9950' | paste -sd,)" \
  "$(get '/api/events?offset=9950&limit=100' | py '",".join(str(e["id"]) for e in d["events"])')"
# Under the cap the total is exact, through a seek (actor) and a walk (dates);
# over it, capped whichever way the page was found.
capped() {  # "total exact" as /api/events should answer for events matching $1
  bigsql "SELECT MIN(COUNT(*), 1000), COUNT(*) <= 1000 FROM events WHERE $1" | tr '|' ' ' |
    sed 's/ 1$/ True/; s/ 0$/ False/'
}
expect_eq "actor=MMR, big store" "$(capped "source LIKE 'MMR%' OR target LIKE 'MMR%'")" \
  "$(get '/api/events?actor=MMR' | py 'd["total"], d["total_exact"]' | tr -d '(),')"
[ "$(capped "source LIKE 'MMR%' OR target LIKE 'MMR%'" | cut -d' ' -f2)" = True ] && ok ||
  fail "MMR has more than 1,000 events in the big store: pick a rarer actor for the exact case"
expect_eq "actor=USA, big store" "$(capped "source LIKE 'USA%' OR target LIKE 'USA%'")" \
  "$(get '/api/events?actor=USA' | py 'd["total"], d["total_exact"]' | tr -d '(),')"
expect_eq "from/to = first day, big store" \
  "$(bigsql "SELECT COUNT(*) FROM events WHERE day = (SELECT MIN(day) FROM events)") True" \
  "$(get "/api/events?from=$first&to=$first" | py 'd["total"], d["total_exact"]' | tr -d '(),')"
# A filter matching more than the cap, capped and exact.
expect_eq "code=0 (1,000+?), capped" "$(capped "code LIKE '0%'")" \
  "$(get '/api/events?code=0' | py 'd["total"], d["total_exact"]' | tr -d '(),')"
expect_eq "code=0, exact" "$(bigsql "SELECT COUNT(*) FROM events WHERE code LIKE '0%'")" \
  "$(get '/api/events?code=0&exact_total=true' | py 'd["total"]')"
BASE=$small_base

# ---- concurrent readers share the one store ------------------------------------------
curls=()
for i in $(seq 1 16); do
  curl -s -o /dev/null -w '%{http_code}\n' "$BASE/api/events?limit=50&offset=$i" >"$tmp/par.$i" &
  curls+=($!)
done
for p in "${curls[@]}"; do wait "$p" || true; done
expect_eq "16 concurrent requests" "16" "$(cat "$tmp"/par.* | grep -c '^200$')"

# ---- set-up errors --------------------------------------------------------------------
set +e
"$fl" serve --db "$tmp/missing.db" --port 0 >/dev/null 2>"$tmp/err"
code=$?
set -e
expect_eq "serve on a missing store exits 2" "2" "$code"
[ ! -e "$tmp/missing.db" ] && ok || fail "serve created a store"

echo "api_test: $pass checks passed, $fails failed"
[ "$fails" -eq 0 ]
