#!/usr/bin/env bash
# End-to-end parity: the sample corpus ingested into a real PostgreSQL server
# (a throwaway one, scripts/pg-test-server.sh) and into a SQLite file must
# answer every `faultline query` / `faultline alerts` question with the same
# bytes: all events, counts, a dyad's daily and weekly timeline, top dyads,
# actors, the summary, alerts. Ids are compared too: both stores are filled
# in the same order from empty, so they must number rows alike.
#
# Exit 77 (ctest: skipped) only when the script says PostgreSQL cannot run
# on this machine; any other failure to start is a failure.
#
# Usage: bash tests/store_postgres_test.sh path/to/faultline   (from the repo root)
set -euo pipefail
fl=$(realpath "$1")

work=$(mktemp -d /tmp/faultline-pgparity.XXXXXX)
pgdir=$(mktemp -d /tmp/faultline-pg.XXXXXX)
trap 'bash scripts/pg-test-server.sh destroy "$pgdir"; rm -rf "$work"' EXIT
url=""
for port in $(seq $((55432 + $$ % 1000)) $((55451 + $$ % 1000))); do
  rc=0; url=$(bash scripts/pg-test-server.sh start "$pgdir" "$port") || rc=$?
  case $rc in 0) break ;; 75) url=""; continue ;; 77) echo "SKIP: PostgreSQL cannot run here"; exit 77 ;; *) echo "FAIL: server did not start"; exit 1 ;; esac
done
[[ -n "$url" ]] || { echo "FAIL: no free port for the PostgreSQL server"; exit 1; }

fail() { echo "FAIL: $*"; exit 1; }
lite=$work/store.db
"$fl" ingest examples/stories examples/wire.jsonl --db "$lite" -q 2>"$work/lite.err" ||
  { cat "$work/lite.err"; fail "ingest into SQLite exited $?"; }
"$fl" ingest examples/stories examples/wire.jsonl --db "$url" -q 2>"$work/pg.err" ||
  { cat "$work/pg.err"; fail "ingest into PostgreSQL exited $?"; }
# Both report the same work done.
sed 's/ in [0-9.]* s (.*//' "$work/lite.err" >"$work/lite.sum"
sed 's/ in [0-9.]* s (.*//' "$work/pg.err" >"$work/pg.sum"
cmp -s "$work/lite.sum" "$work/pg.sum" || fail "ingest reports differ: $(cat "$work/lite.sum") vs $(cat "$work/pg.sum")"

# The directed dyad reported on the most days, for a daily timeline (the
# sample has one story a year, so most dyads have one day).
top=$(sqlite3 -batch "$lite" "SELECT source || ',' || target FROM events WHERE target <> ''
                              GROUP BY source, target ORDER BY COUNT(DISTINCT day) DESC, COUNT(*) DESC, 1 LIMIT 1")
src=${top%%,*}; tgt=${top#*,}
[[ -n "$src" && -n "$tgt" ]] || fail "no dyad in the SQLite store"

n=0
compare() {
  # compare NAME ARGS...: runs faultline with ARGS against each store.
  local name=$1; shift
  local a=$work/$name.sqlite b=$work/$name.pg
  "$fl" "$@" --db "$lite" >"$a" 2>"$a.err" || fail "$name on SQLite exited $?: $(cat "$a.err")"
  "$fl" "$@" --db "$url" >"$b" 2>"$b.err" || fail "$name on PostgreSQL exited $?: $(cat "$b.err")"
  [[ -s "$a" ]] || fail "$name printed nothing"
  if ! cmp -s "$a" "$b"; then
    echo "--- $name: SQLite vs PostgreSQL"
    diff "$a" "$b" | head -n 20
    fail "$name differs between SQLite and PostgreSQL"
  fi
  n=$((n + 1))
  printf 'same: %-22s %6d lines\n' "$name" "$(wc -l <"$a")"
}
compare events query --what events --limit 10000000 --format jsonl
compare events-csv query --what events --limit 10000000 --format csv
compare count query --what count --format csv
compare summary query --what summary --format jsonl
compare timeline-day query --what timeline --dyad "$src-$tgt" --interval day --format jsonl
compare timeline-week query --what timeline --dyad "$src>$tgt" --interval week --format csv
# Every day from the first event to the last (2005..2026), and every week of
# one actor's events: long runs of empty periods, counted alike.
compare timeline-all-days query --what timeline --interval day --format csv
compare timeline-rus-weeks query --what timeline --actor RUS --interval week --format jsonl
compare top-dyads query --what top-dyads --limit 1000 --format csv
compare top-dyads-q4 query --what top-dyads --quad 4 --format jsonl
compare actors query --what actors --limit 1000 --format csv
compare actor-rus query --what events --actor RUS --limit 1000 --format csv
compare code-19 query --what events --code 19 --from 2010-01-01 --to 2023-12-31 --format jsonl
compare page-3 query --what events --limit 7 --offset 14 --format jsonl
# Alerts need weeks of history per dyad, which the sample (one story a
# year) lacks: these compare empty lists; event_store_test compares real ones.
compare alerts alerts --threshold -100 --min-events 1 --format csv
compare alerts-window alerts --from 2017-06-01 --to 2026-12-31 --threshold -100 --min-events 1 --format csv
# Events sorted as text too, so a difference of order alone shows as such.
sort "$work/events.sqlite" | cmp -s - <(sort "$work/events.pg") || fail "the event sets differ"
events=$(tail -n +2 "$work/count.sqlite")
echo "ok: $n queries identical on SQLite and PostgreSQL ($events events; dyad $src-$tgt)"
