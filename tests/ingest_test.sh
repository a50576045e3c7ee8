#!/usr/bin/env bash
# End-to-end: `faultline ingest` into SQLite, checked from outside with the
# sqlite3 CLI (not through faultline's own queries, which could share a bug).
#
#  1. The sample corpus is stored whole: 17 documents, and exactly the events,
#     quotes and counts `faultline code` prints for the same input.
#  2. Ingesting it again adds nothing and changes no byte of the data.
#  3. A story under another id whose text differs only in spacing is not stored.
#  4. Bad records among good ones: the good are stored, each fault names its
#     file:line, the exit status is 1.
#  5. The kill test: `ingest --batch 4` of a 1,020-story corpus killed with
#     SIGKILL at random moments 20 times in a row; after every kill the file
#     passes PRAGMA integrity_check and the store's invariants; a final rerun
#     completes it, and it then equals a store ingested without faults.
#  6. The same with `ingest --bulk` (event indexes deferred to the end):
#     after the kills the store is whole and marked; `query` builds the
#     indexes; a bulk rerun completes it.
#
# Usage: bash tests/ingest_test.sh path/to/faultline   (from the repo root)
set -euo pipefail
fl=$(realpath "$1")
kills=${FAULTLINE_KILLS:-20}

work=$(mktemp -d /tmp/faultline-ingest.XXXXXX)
bg=""
cleanup() {
  # A background ingest must not outlive the test.
  if [[ -n "$bg" ]]; then kill -9 "$bg" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*"
  [[ -s "$work/err" ]] && { echo "--- last stderr"; tail -n 20 "$work/err"; }
  exit 1
}
q() { sqlite3 -batch -bail "$1" "$2"; }
need() { command -v "$1" >/dev/null || fail "$1 is needed by this test"; }
need sqlite3
need python3

# ---------------------------------------------------------------------------
# 1. The sample corpus, against `faultline code`.
"$fl" code examples/stories examples/wire.jsonl --format jsonl >"$work/code.jsonl"
# (doc_id, sentence, source, target, code, span begin) of every event, and
# the number of quotes and counts, from the coder's own output.
python3 - "$work/code.jsonl" "$work/code.events" "$work/code.totals" <<'EOF'
import json, sys
events, quotes, counts = [], 0, 0
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if r["kind"] == "event":
        events.append("|".join(str(x) for x in (r["doc_id"], r["sentence"], r["source"], r["target"], r["code"], r["span"][0])))
    elif r["kind"] == "quote":
        quotes += 1
    elif r["kind"] == "count":
        counts += 1
open(sys.argv[2], "w").write("".join(sorted(e + "\n" for e in events)))
open(sys.argv[3], "w").write(f"{len(events)} {quotes} {counts}\n")
EOF
read -r code_events code_quotes code_counts <"$work/code.totals"
[[ "$code_events" -gt 50 ]] || fail "faultline code printed only $code_events events for the sample corpus"

db=$work/sample.db
"$fl" ingest examples/stories examples/wire.jsonl --db "$db" -q 2>"$work/err" || fail "ingest of the sample corpus exited $?"
dump_events() {
  q "$1" "SELECT d.doc_key || '|' || e.sentence || '|' || e.source || '|' || e.target || '|' || e.code || '|' || e.span_begin
          FROM events e JOIN documents d ON d.id = e.document_id" | LC_ALL=C sort
}
totals() {
  q "$1" "SELECT (SELECT COUNT(*) FROM documents) || ' ' || (SELECT COUNT(*) FROM sentences) || ' ' ||
                 (SELECT COUNT(*) FROM events) || ' ' || (SELECT COUNT(*) FROM quotes) || ' ' ||
                 (SELECT COUNT(*) FROM counts) || ' ' || (SELECT COUNT(*) FROM incidents)"
}
read -r docs sents evs quotes counts incidents < <(totals "$db")
[[ "$docs" == 17 ]] || fail "documents: $docs, expected 17"
[[ "$evs" == "$code_events" ]] || fail "events: $evs stored, faultline code printed $code_events"
[[ "$quotes" == "$code_quotes" ]] || fail "quotes: $quotes stored, faultline code printed $code_quotes"
[[ "$counts" == "$code_counts" ]] || fail "counts: $counts stored, faultline code printed $code_counts"
(( incidents >= 1 && incidents <= evs )) || fail "incidents: $incidents for $evs events"
dump_events "$db" >"$work/db.events"
LC_ALL=C sort "$work/code.events" | cmp -s - "$work/db.events" ||
  { diff <(LC_ALL=C sort "$work/code.events") "$work/db.events" | head; fail "stored events differ from faultline code's"; }
grep -q "17 stories stored, 0 already there" "$work/err" || fail "ingest did not report 17 stories stored"
echo "ok 1: 17 documents, $sents sentences, $evs events, $quotes quotes, $counts counts, $incidents incidents (as faultline code prints)"

# ---------------------------------------------------------------------------
# 2. Again: nothing new, not one row changed.
q "$db" .dump >"$work/before.sql"
"$fl" ingest examples/stories examples/wire.jsonl --db "$db" -q 2>"$work/err" || fail "re-ingest exited $?"
grep -q "0 stories stored, 17 already there" "$work/err" || fail "re-ingest did not report 0 new, 17 already there"
q "$db" .dump >"$work/after.sql"
cmp -s "$work/before.sql" "$work/after.sql" || fail "re-ingesting the same input changed the store"
echo "ok 2: re-ingest stored 0 new, the store is byte-for-byte the same"

# ---------------------------------------------------------------------------
# 3. The first wire story under another id, its whitespace changed.
python3 - examples/wire.jsonl "$work/respaced.jsonl" <<'EOF'
import json, re, sys
r = json.loads(open(sys.argv[1], encoding="utf-8").readline())
r["id"] = "copy-with-another-id"
r["text"] = "\n  " + re.sub(r" ", "  ", r["text"]).replace("\n\n", "\n \n\t") + "  \n"
open(sys.argv[2], "w").write(json.dumps(r) + "\n")
EOF
"$fl" ingest "$work/respaced.jsonl" --db "$db" -q 2>"$work/err" || fail "ingest of the respaced copy exited $?"
grep -q "0 stories stored, 1 already there" "$work/err" || fail "the respaced copy was not recognised as already stored"
[[ $(q "$db" "SELECT COUNT(*) FROM documents WHERE doc_key = 'copy-with-another-id'") == 0 ]] ||
  fail "the respaced copy was stored"
[[ "$(totals "$db")" == "$docs $sents $evs $quotes $counts $incidents" ]] || fail "the respaced copy changed the counts"
echo "ok 3: a copy with another id and other spacing was not stored"

# ---------------------------------------------------------------------------
# 4. A folder with bad records among good ones.
mkdir -p "$work/mixed"
cp examples/bad/truncated-line2.jsonl examples/bad/impossible-date.txt "$work/mixed/"
for f in 2010-11-24-korea-yeonpyeong-shelling 2018-03-27-skripal-expulsions; do
  { cat "examples/stories/$f.txt"; printf '\n\nThis copy was filed again for the mixed-folder test.\n'; } \
    >"$work/mixed/again-$f.txt"
done
rc=0
"$fl" ingest "$work/mixed" --db "$db" -q 2>"$work/err" || rc=$?
[[ $rc == 1 ]] || fail "a folder with bad records: exit status $rc, expected 1"
grep -q 'truncated-line2.jsonl:2' "$work/err" || fail "the truncated JSON line is not named as file:2"
grep -q 'impossible-date.txt:1.*2022-02-30' "$work/err" || fail "the impossible date is not named with its file:line"
for id in bad-jsonl-ok-1 bad-jsonl-ok-3 again-2010-11-24-korea-yeonpyeong-shelling again-2018-03-27-skripal-expulsions; do
  [[ $(q "$db" "SELECT COUNT(*) FROM documents WHERE doc_key = '$id'") == 1 ]] || fail "good story $id was not stored"
done
[[ $(q "$db" "SELECT COUNT(*) FROM documents") == 21 ]] || fail "expected 17 + 4 documents"
[[ $(q "$db" "SELECT COUNT(*) FROM documents WHERE doc_key LIKE '%truncated%' OR doc_key LIKE 'impossible%'") == 0 ]] ||
  fail "a bad record was stored"
echo "ok 4: 4 good stories stored around 2 bad records; exit 1; errors name file:line"

# ---------------------------------------------------------------------------
# 5. The kill test.
# 60 copies of the 17 sample stories (enough that 20 short runs on a fast
# machine do not complete it), each with its own id and a line that
# makes its text unique (the copies are not duplicates of each other).
python3 - "$work/big.jsonl" <<'EOF'
import glob, json, os, sys
base = []
for path in sorted(glob.glob("examples/stories/*.txt")):
    head, _, rest = open(path, encoding="utf-8").read().lstrip(" ").partition(" ")  # "date"
    date, _, text = rest.partition(" ")
    base.append({"id": os.path.basename(path)[:-4], "date": date, "text": text})
for line in open("examples/wire.jsonl", encoding="utf-8"):
    r = json.loads(line)
    base.append({"id": r["id"], "date": r["date"], "text": r["text"]})
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for copy in range(60):
        for r in base:
            out.write(json.dumps({"id": f"k{copy:02d}-{r['id']}", "date": r["date"],
                                  "text": r["text"] + f"\n\nDesk note {copy} for {r['id']}."}) + "\n")
EOF
stories=$(wc -l <"$work/big.jsonl")
now_ms() { date +%s%3N; }

# The reference: one uninterrupted ingest, same options.
ref=$work/ref.db
t0=$(now_ms)
"$fl" ingest "$work/big.jsonl" --db "$ref" -q --batch 4 2>"$work/err" || fail "reference ingest exited $?"
ref_ms=$(( $(now_ms) - t0 ))
[[ $(q "$ref" "SELECT COUNT(*) FROM documents") == "$stories" ]] || fail "reference ingest stored fewer than $stories stories"
ref_events=$(q "$ref" "SELECT COUNT(*) FROM events")
# When to kill. Start-up time and speed vary a lot on a busy machine, so a
# delay in time would often kill before any work or after all of it (a
# delay scaled by the reference's rate too: the load changes between the
# reference and the kills). Instead most runs are killed once the store has
# gained a random 1..2*per_run stories since the run began (and a random
# 0..30 ms more: while coding or writing the next batches), every fifth one
# a random 0..300 ms after it starts (during start-up or the skipping of
# stored stories). per_run is chosen so that the runs store about 60% of the
# corpus whatever the machine's speed.

# Waits until the store holds more than $2 documents while process $1 runs.
# 0: it does; 1: the process ended first; 2: timed out.
wait_commit() {
  local pid=$1 before=$2 n deadline=$(( $(now_ms) + 60000 ))
  while kill -0 "$pid" 2>/dev/null; do
    if [[ -s "$kdb" ]]; then
      n=$(sqlite3 -batch "$kdb" "SELECT COUNT(*) FROM documents" 2>/dev/null) || n=0
      (( ${n:-0} > before )) && return 0
    fi
    (( $(now_ms) < deadline )) || return 2
    sleep 0.02
  done
  return 1
}

# Invariants that must hold after any kill; prints what is wrong, nothing if
# all hold. Expected per-document counts come from the reference store.
check_store() {
  local f=$1 out
  out=$(q "$f" "PRAGMA integrity_check") || { echo "integrity_check could not run"; return; }
  [[ "$out" == ok ]] || { echo "integrity_check: $out"; return; }
  out=$(q "$f" "PRAGMA foreign_key_check")
  [[ -z "$out" ]] || echo "foreign_key_check: $out"
  sqlite3 -batch -bail "$f" <<EOF
ATTACH '$ref' AS ref;
-- A document's sentences: all of them, indexes 0..n-1.
SELECT 'sentences of ' || d.doc_key || ': ' || COUNT(s.idx) || ' stored, ' ||
       (SELECT COUNT(*) FROM ref.sentences rs JOIN ref.documents rd ON rd.id = rs.document_id WHERE rd.doc_key = d.doc_key)
  FROM documents d LEFT JOIN sentences s ON s.document_id = d.id GROUP BY d.id
  HAVING COUNT(s.idx) <> (SELECT COUNT(*) FROM ref.sentences rs JOIN ref.documents rd ON rd.id = rs.document_id
                          WHERE rd.doc_key = d.doc_key)
      OR COUNT(s.idx) <> COALESCE(MAX(s.idx) + 1, 0);
-- Events, quotes and counts per document: what a complete ingest stores.
SELECT 'events of ' || d.doc_key FROM documents d
  WHERE (SELECT COUNT(*) FROM events e WHERE e.document_id = d.id) <>
        (SELECT COUNT(*) FROM ref.events re JOIN ref.documents rd ON rd.id = re.document_id WHERE rd.doc_key = d.doc_key);
SELECT 'quotes of ' || d.doc_key FROM documents d
  WHERE (SELECT COUNT(*) FROM quotes x WHERE x.document_id = d.id) <>
        (SELECT COUNT(*) FROM ref.quotes rx JOIN ref.documents rd ON rd.id = rx.document_id WHERE rd.doc_key = d.doc_key);
SELECT 'counts of ' || d.doc_key FROM documents d
  WHERE (SELECT COUNT(*) FROM counts x WHERE x.document_id = d.id) <>
        (SELECT COUNT(*) FROM ref.counts rx JOIN ref.documents rd ON rd.id = rx.document_id WHERE rd.doc_key = d.doc_key);
-- Nothing without its document; no story twice; no story the input lacks.
SELECT 'orphan events: ' || COUNT(*) FROM events WHERE document_id NOT IN (SELECT id FROM documents) HAVING COUNT(*) > 0;
SELECT 'orphan sentences: ' || COUNT(*) FROM sentences WHERE document_id NOT IN (SELECT id FROM documents) HAVING COUNT(*) > 0;
SELECT 'duplicate doc_key ' || doc_key FROM documents GROUP BY doc_key HAVING COUNT(*) > 1;
SELECT 'unknown doc_key ' || doc_key FROM documents WHERE doc_key NOT IN (SELECT doc_key FROM ref.documents);
-- An incident counts exactly the events that point at it.
SELECT 'incident ' || i.id || ' says ' || i.mentions || ' mentions' FROM incidents i
  WHERE i.mentions <> (SELECT COUNT(*) FROM events e WHERE e.incident_id = i.id);
SELECT 'events with a missing incident: ' || COUNT(*) FROM events WHERE incident_id NOT IN (SELECT id FROM incidents)
  HAVING COUNT(*) > 0;
EOF
}

# kill_runs N ARGS...: N runs of `ingest ARGS` on $kdb, each killed with
# SIGKILL, with the invariants checked after each; sets landed, finished,
# prev_docs.
kill_runs() {
  local n=$1 i rc wait_ms gain when d_now e_now problems per_run
  shift
  per_run=$(( stories * 60 / 100 / n ))
  landed=0      # kills of a run that had stored stories and was storing more
  finished=0    # runs that ended before their kill came
  prev_docs=0
  printf '%-5s %-22s %-10s %-10s\n' kill "when" documents events
  for i in $(seq 1 "$n"); do
    "$fl" ingest "$work/big.jsonl" --db "$kdb" -q --batch 4 "$@" 2>"$work/err" &
    bg=$!
    if (( i % 5 == 0 )); then
      wait_ms=$(( RANDOM % 300 ))
      when="start + $wait_ms ms"
    else
      rc=0
      gain=$(( 1 + RANDOM % (2 * per_run) ))
      wait_commit "$bg" "$(( prev_docs + gain - 1 ))" || rc=$?
      [[ $rc == 2 ]] && fail "kill $i: $gain more stories not stored within 60 s"
      wait_ms=$(( RANDOM % 30 ))
      when="+$gain stories + $wait_ms ms"
    fi
    sleep "$(printf '%d.%03d' $((wait_ms / 1000)) $((wait_ms % 1000)))"
    kill -9 "$bg" 2>/dev/null || true
    rc=0
    wait "$bg" 2>/dev/null || rc=$?
    bg=""
    case $rc in
      137) ;;                            # killed, as meant
      0) finished=$((finished + 1)) ;;   # done before the kill: still a valid run
      *) fail "kill $i: ingest $* exited $rc (not by the kill)" ;;
    esac
    [[ -f "$kdb" ]] || { printf '%-5s %-22s %-10s %-10s\n' "$i" "$when" "(no file yet)" -; continue; }
    problems=$(check_store "$kdb")
    [[ -z "$problems" ]] || fail "after kill $i ($when): $(echo "$problems" | head -n 5)"
    read -r d_now e_now < <(q "$kdb" "SELECT (SELECT COUNT(*) FROM documents) || ' ' || (SELECT COUNT(*) FROM events)")
    (( d_now > prev_docs && rc == 137 )) && landed=$((landed + 1))
    prev_docs=$d_now
    printf '%-5s %-22s %-10s %-10s\n' "$i" "$when" "$d_now" "$e_now"
  done
  (( prev_docs < stories )) || fail "the store was complete before the last kill: the kills did not test a partial ingest"
  (( landed >= n / 2 )) || fail "only $landed of $n kills came while stories were being stored"
}

# rerun_completes ARGS...: one more `ingest ARGS` completes $kdb, which must
# then equal the reference; sets lost, dup, ref_q, kdb_q, ref_c, kdb_c.
rerun_completes() {
  "$fl" ingest "$work/big.jsonl" --db "$kdb" -q --batch 4 "$@" 2>"$work/err" || fail "the rerun after the kills exited $?"
  problems=$(check_store "$kdb")
  [[ -z "$problems" ]] || fail "after the rerun: $(echo "$problems" | head -n 5)"
  q "$ref" "SELECT doc_key FROM documents" | LC_ALL=C sort >"$work/ref.docs"
  q "$kdb" "SELECT doc_key FROM documents" | LC_ALL=C sort >"$work/kdb.docs"
  cmp -s "$work/ref.docs" "$work/kdb.docs" || fail "the completed store has other documents than the reference"
  dump_events "$ref" >"$work/ref.events"
  dump_events "$kdb" >"$work/kdb.events"
  # comm on sorted lists matches equal lines one to one, so repeats count.
  lost=$(LC_ALL=C comm -23 "$work/ref.events" "$work/kdb.events" | wc -l)
  dup=$(LC_ALL=C comm -13 "$work/ref.events" "$work/kdb.events" | wc -l)
  ref_q=$(q "$ref" "SELECT COUNT(*) FROM quotes"); kdb_q=$(q "$kdb" "SELECT COUNT(*) FROM quotes")
  ref_c=$(q "$ref" "SELECT COUNT(*) FROM counts"); kdb_c=$(q "$kdb" "SELECT COUNT(*) FROM counts")
  [[ $lost == 0 && $dup == 0 ]] || fail "$lost events lost, $dup duplicated after the kills and a rerun"
  [[ $ref_q == "$kdb_q" && $ref_c == "$kdb_c" ]] || fail "quotes or counts differ from the reference"
}

kdb=$work/killed.db
kill_runs "$kills"
rerun_completes

echo
printf '%-44s | %-11s | %-11s | %-17s\n' fault "times tried" "events lost" "events duplicated"
printf '%-44s | %-11s | %-11s | %-17s\n' "kill -9 during ingest --batch 4 (SQLite)" "$kills" "$lost" "$dup"
printf '%-44s | %-11s | %-11s | %-17s\n' "re-ingest of the same input" 1 0 0
printf '%-44s | %-11s | %-11s | %-17s\n' "same text under another id" 1 0 0
echo "($stories stories, $ref_events events; reference ingest ${ref_ms} ms; kills after 1..$(( 2 * (stories * 60 / 100 / kills) )) more stories stored" \
     "or start + 0..300 ms; $landed kills landed while storing, $finished runs finished first;" \
     "quotes $kdb_q/$ref_q, counts $kdb_c/$ref_c)"
echo "ok 5: $kills kills, integrity and invariants held after each; the rerun completed the store: 0 lost, 0 duplicated"

# ---------------------------------------------------------------------------
# 6. The kill test of a bulk load (`ingest --bulk`: the five wide event
# indexes dropped, built at the end). After the kills the store is whole
# but marked as deferring its indexes; any command that opens it (here
# `query`) builds them; a bulk rerun drops them again, completes the store
# and builds them. Every step keeps the invariants of test 5.
wide_indexes() {
  q "$kdb" "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN
            ('events_day', 'events_source', 'events_target_code', 'events_source_code', 'events_code')"
}
deferred() { q "$kdb" "SELECT COUNT(*) FROM meta WHERE key = 'event_indexes' AND value = 'deferred'"; }
rm -f "$kdb" "$kdb-wal" "$kdb-shm"
bulk_kills=$(( kills / 4 > 3 ? kills / 4 : 3 ))
kill_runs "$bulk_kills" --bulk
[[ $(wide_indexes) == 0 && $(deferred) == 1 ]] || fail "a killed bulk load: expected no wide event indexes and the mark"
"$fl" query --db "$kdb" --limit 3 >"$work/out" 2>"$work/err" || fail "query on an unfinished bulk load exited $?"
grep -q "building the event indexes of an unfinished bulk load" "$work/err" || fail "query did not say it builds the indexes"
[[ $(wide_indexes) == 5 && $(deferred) == 0 ]] || fail "opening an unfinished bulk load did not build its indexes"
[[ $(wc -l <"$work/out") -ge 3 ]] || fail "query printed nothing after building the indexes"
problems=$(check_store "$kdb")
[[ -z "$problems" ]] || fail "after the indexes were built: $(echo "$problems" | head -n 5)"
rerun_completes --bulk
[[ $(wide_indexes) == 5 && $(deferred) == 0 ]] || fail "the bulk rerun did not build the event indexes"
echo "ok 6: $bulk_kills kills of ingest --bulk ($landed while storing): invariants held; query built the deferred" \
     "indexes; the bulk rerun completed the store: 0 lost, 0 duplicated"
