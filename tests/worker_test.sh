#!/usr/bin/env bash
# End-to-end test of `faultline worker` and `faultline enqueue` on a real
# redis-server and a real PostgreSQL (scripts/pg-test-server.sh), both on
# loopback, both thrown away at exit.
#
# Every story must be stored exactly once, with the same events as a
# single-process `faultline ingest` of the same stories into SQLite, under:
#   1. three workers, one killed with kill -9 while it holds a batch (the
#      others claim its messages), plus 20 stories queued twice;
#   2. PostgreSQL restarted under a running worker, stories queued meanwhile;
#   3. redis-server restarted under a running worker (append-only file, so
#      the stream survives), stories queued meanwhile.
# Prints a table: fault, times tried, stories lost, stories duplicated.
#
# Usage: bash tests/worker_test.sh path/to/faultline   (from the repo root)
#        WORKER_TEST_LOGS=DIR keeps the logs of workers and servers in DIR.
# Exit 77 (skipped) when redis-server or PostgreSQL cannot run here.
set -euo pipefail

bin=$(realpath "$1")
cd "$(dirname "$0")/.."

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

command -v redis-server >/dev/null || skip "redis-server is not installed (Debian: redis-server)"
command -v redis-cli >/dev/null || skip "redis-cli is not installed (Debian: redis-tools)"
psql=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || true)
[[ -n "$psql" ]] || skip "psql is not installed"

tmp=$(mktemp -d /tmp/faultline-worker.XXXXXX)
pgdir=$(mktemp -d /tmp/faultline-pg.XXXXXX)
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  [[ -f "$tmp/redis.pid" ]] && kill -9 "$(cat "$tmp/redis.pid")" 2>/dev/null || true
  bash scripts/pg-test-server.sh destroy "$pgdir" || true
  # WORKER_TEST_LOGS=DIR keeps the workers' and servers' logs for a look.
  [[ -n "${WORKER_TEST_LOGS:-}" ]] && mkdir -p "$WORKER_TEST_LOGS" && cp "$tmp"/*.log "$WORKER_TEST_LOGS"/
  rm -rf "$tmp"
}
trap cleanup EXIT

# --- servers ---------------------------------------------------------------

url="" pgport=""
for port in $(seq $((55432 + $$ % 1000)) $((55451 + $$ % 1000))); do
  rc=0; url=$(bash scripts/pg-test-server.sh start "$pgdir" "$port") || rc=$?
  case $rc in 0) pgport=$port; break ;; 75) url=""; continue ;; 77) skip "PostgreSQL cannot run here" ;; *) fail "PostgreSQL did not start" ;; esac
done
[[ -n "$url" ]] || fail "no free port for PostgreSQL"

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Starts redis-server on $1 with its append-only file in $tmp; waits until it
# answers PING (not LOADING).
start_redis() {
  redis-server --port "$1" --bind 127.0.0.1 --daemonize yes --dir "$tmp" --save '' \
    --appendonly yes --pidfile "$tmp/redis.pid" --logfile "$tmp/redis.log" >/dev/null || return 1
  for _ in $(seq 100); do
    [[ $(redis-cli -p "$1" ping 2>/dev/null) == PONG ]] && return 0
    sleep 0.1
  done
  return 1
}

stop_redis() {
  local pid
  pid=$(cat "$tmp/redis.pid")
  redis-cli -p "$rport" shutdown >/dev/null 2>&1 || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  fail "redis-server did not stop"
}

rport=""
for port in $(seq $((26379 + $$ % 1000)) $((26398 + $$ % 1000))); do
  port_taken "$port" && continue
  if start_redis "$port"; then rport=$port; break; fi
done
[[ -n "$rport" ]] || skip "redis-server cannot run here (log: $(tail -n 3 "$tmp/redis.log" 2>/dev/null))"

# --- stories -----------------------------------------------------------------

# Distinct stories (distinct ids and normalised texts), cut into the sets the
# phases queue: a (300), and two halves per fault round.
python3 tools/make_bench_corpus.py --sentences 7600 --seed 11 --out "$tmp/corpus.jsonl" 2>/dev/null ||
  fail "tools/make_bench_corpus.py failed"
python3 - "$tmp" <<'EOF'
import json, sys
tmp = sys.argv[1]
seen, rows = set(), []
for line in open(f"{tmp}/corpus.jsonl", encoding="utf-8"):
    key = " ".join(json.loads(line)["text"].lower().split())
    if key not in seen:
        seen.add(key)
        rows.append(line)
sizes = [("a", 300)] + [(f"{f}{r}{h}", 30) for f in ("pg", "redis") for r in (1, 2) for h in "xy"]
if len(rows) < sum(n for _, n in sizes):
    sys.exit(f"only {len(rows)} distinct stories")
at = 0
for name, n in sizes:
    open(f"{tmp}/{name}.jsonl", "w", encoding="utf-8").writelines(rows[at:at + n])
    at += n
open(f"{tmp}/dup.jsonl", "w", encoding="utf-8").writelines(rows[100:120])
open(f"{tmp}/all.jsonl", "w", encoding="utf-8").writelines(rows[:at])
EOF

# The reference: one process, SQLite.
"$bin" ingest "$tmp/all.jsonl" --db "$tmp/ref.db" -q 2>"$tmp/ref.log" || { cat "$tmp/ref.log"; fail "reference ingest"; }
: >"$tmp/queued.jsonl"

enqueue() {  # files...
  "$bin" enqueue "$@" --redis "127.0.0.1:$rport" --stream stories 2>>"$tmp/enqueue.log" ||
    { cat "$tmp/enqueue.log"; fail "enqueue $*"; }
  cat "$@" >>"$tmp/queued.jsonl"
}

# --- workers -------------------------------------------------------------------

# Starts a worker named $1 (more options after it); its pid goes to $last.
start_worker() {
  local name=$1; shift
  "$bin" worker --redis "127.0.0.1:$rport" --stream stories --group coders --consumer "$name" \
    --db "$url" --claim-idle-ms 2000 --exit-when-idle-ms 3000 "$@" 2>"$tmp/$name.log" &
  last=$!
  pids+=("$last")
}

# Waits for worker pid $1 (log $2) to exit 0, at most 90 s.
wait_worker() {
  local rc=0
  for _ in $(seq 900); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$1" 2>/dev/null && { cat "$2"; fail "worker $2 did not finish"; }
  wait "$1" || rc=$?
  [[ $rc == 0 ]] || { cat "$2"; fail "worker $2 exited $rc"; }
}

pgq() { "$psql" "$url" -Atq -F '|' -c "$1"; }
stored() { pgq "SELECT count(*) FROM documents" 2>/dev/null || echo 0; }  # 0 before the schema exists
# Waits until more than $1 stories are stored (the worker is mid-stream).
wait_stored() {
  for _ in $(seq 600); do (( $(stored) > $1 )) && return 0; sleep 0.05; done
  fail "no progress past $1 stories"
}
pending_of() {  # consumer -> its pending messages
  redis-cli -p "$rport" xpending stories coders - + 10000 "$1" | awk 'NR % 4 == 1' | grep -c . || true
}

# --- checks ----------------------------------------------------------------------

# Compares PostgreSQL with the reference over the stories queued so far;
# prints "lost duplicated" (stories) and fails on any event difference.
check() {
  pgq "SELECT doc_key FROM documents" >"$tmp/pg.keys"
  pgq "SELECT d.doc_key, e.sentence, e.source, e.target, e.code FROM events e
       JOIN documents d ON d.id = e.document_id" >"$tmp/pg.events"
  python3 - "$tmp" <<'EOF'
import collections, json, sqlite3, sys
tmp = sys.argv[1]
queued = {json.loads(l)["id"] for l in open(f"{tmp}/queued.jsonl", encoding="utf-8")}
ref = sqlite3.connect(f"{tmp}/ref.db")
ref_events = collections.Counter(
    "|".join(map(str, r)) for r in ref.execute(
        "SELECT d.doc_key, e.sentence, e.source, e.target, e.code FROM events e "
        "JOIN documents d ON d.id = e.document_id") if r[0] in queued)
pg_keys = collections.Counter(l.rstrip("\n") for l in open(f"{tmp}/pg.keys", encoding="utf-8"))
pg_events = collections.Counter(l.rstrip("\n") for l in open(f"{tmp}/pg.events", encoding="utf-8"))
lost = len(queued - set(pg_keys))
dup = sum(n - 1 for n in pg_keys.values()) + len(set(pg_keys) - queued)
missing, extra = ref_events - pg_events, pg_events - ref_events
if missing or extra:
    print(f"events differ from the reference: {sum(missing.values())} missing, {sum(extra.values())} extra",
          file=sys.stderr)
    for e in list(missing)[:5]: print("  missing", e, file=sys.stderr)
    for e in list(extra)[:5]: print("  extra  ", e, file=sys.stderr)
    sys.exit(1)
print(lost, dup)
EOF
}

declare -A tried lost dup
record() {  # fault -> adds a try and the check's counts
  local out l d
  out=$(check) || fail "$1: events differ from the single-process reference"
  read -r l d <<<"$out"
  tried[$1]=$(( ${tried[$1]:-0} + 1 ))
  lost[$1]=$(( ${lost[$1]:-0} + l ))
  dup[$1]=$(( ${dup[$1]:-0} + d ))
}

# --- 1. kill -9 of one of three workers ------------------------------------------

enqueue "$tmp/a.jsonl" "$tmp/dup.jsonl"
start_worker w1 --batch 4; w1=$last
start_worker w2 --batch 4; w2=$last
start_worker victim --batch 4; victim=$last
# Kill it while it holds a batch, so that batch must be claimed by the others.
held=0
for _ in $(seq 2000); do
  held=$(pending_of victim)
  (( held > 0 && $(stored) > 20 )) && break
  sleep 0.01
done
kill -9 "$victim"
wait "$victim" 2>/dev/null || true
(( held > 0 )) || fail "the victim never held a batch to lose"
wait_worker "$w1" "$tmp/w1.log"
wait_worker "$w2" "$tmp/w2.log"
record "worker kill -9"
record "story queued twice (x20)"
[[ $(redis-cli -p "$rport" xpending stories coders | head -n 1) == 0 ]] || fail "messages left pending"
# Stories the survivors found stored already: the 20 queued twice, plus any
# the victim committed but did not acknowledge before it died.
again=$(sed -n 's/.* \([0-9]*\) already stored.*/\1/p' "$tmp/w1.log" "$tmp/w2.log" | paste -sd+ | bc)

# --- 2. PostgreSQL restarted under a running worker ----------------------------------

for round in 1 2; do
  base=$(stored)
  enqueue "$tmp/pg${round}x.jsonl"
  start_worker "pg$round" --batch 2; w=$last
  wait_stored "$base"
  bash scripts/pg-test-server.sh stop "$pgdir"
  enqueue "$tmp/pg${round}y.jsonl"   # queued while the database is down
  sleep 1.5
  rc=0; bash scripts/pg-test-server.sh start "$pgdir" "$pgport" >/dev/null || rc=$?
  [[ $rc == 0 ]] || fail "PostgreSQL did not restart on port $pgport (exit $rc)"
  wait_worker "$w" "$tmp/pg$round.log"
  grep -q "database: .*retrying" "$tmp/pg$round.log" || { cat "$tmp/pg$round.log"; fail "the worker never saw the restart"; }
  record "PostgreSQL restart"
done

# --- 3. redis-server restarted under a running worker --------------------------------

for round in 1 2; do
  base=$(stored)
  enqueue "$tmp/redis${round}x.jsonl"
  start_worker "redis$round" --batch 2; w=$last
  wait_stored "$base"
  stop_redis
  # Queued while Redis is down: enqueue waits for it and reconnects.
  "$bin" enqueue "$tmp/redis${round}y.jsonl" --redis "127.0.0.1:$rport" --stream stories \
    2>"$tmp/enqueue-redis$round.log" &
  q=$!
  pids+=("$q")
  sleep 1.5
  start_redis "$rport" || fail "redis-server did not restart on port $rport"
  wait "$q" || { cat "$tmp/enqueue-redis$round.log"; fail "enqueue during the Redis restart"; }
  cat "$tmp/redis${round}y.jsonl" >>"$tmp/queued.jsonl"
  wait_worker "$w" "$tmp/redis$round.log"
  grep -q "redis .*retrying" "$tmp/redis$round.log" || { cat "$tmp/redis$round.log"; fail "the worker never saw the restart"; }
  record "Redis restart"
done

# --- report ----------------------------------------------------------------------------

printf '\n%-28s %11s %12s %18s\n' "fault" "times tried" "stories lost" "stories duplicated"
bad=0
for f in "worker kill -9" "story queued twice (x20)" "PostgreSQL restart" "Redis restart"; do
  printf '%-28s %11d %12d %18d\n' "$f" "${tried[$f]}" "${lost[$f]}" "${dup[$f]}"
  (( lost[$f] + dup[$f] == 0 )) || bad=1
done
echo "stored: $(stored) stories, $(pgq 'SELECT count(*) FROM events') events (reference: same);" \
  "the killed worker held $held messages; found already stored after the kill: $again"
(( bad == 0 )) || fail "stories lost or duplicated"
echo "PASS: worker_test"
