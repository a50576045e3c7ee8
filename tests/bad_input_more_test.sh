#!/usr/bin/env bash
# End-to-end: the bad inputs of issue 7 (bad_input_test.sh holds the small
# examples/bad ones). For each: a clear error naming file:line, the good
# stories around it still coded, and peak memory bounded (GNU time's %M).
#   - invalid UTF-8, NUL bytes (raw and \u0000), 2022-02-30, year 99999 and a
#     JSON line cut off at the end of the file, in JSON Lines and in the seed
#     format, good stories between them
#   - a 50 MB JSON line and a 50 MB seed story (over max_story_bytes: skipped,
#     never held whole)
#   - a story of 100,000 sentences, and quotes nested 5,000 deep
#   - dictionaries (--actors/--verbs): an unknown but well-formed actor code
#     (accepted: codes are an open set), a malformed one and an unknown CAMEO
#     event code (refused naming file:line; a broken dictionary is never half
#     loaded, so nothing is coded), lines of 1 MB
#   - `faultline ingest` of the bad files into SQLite: the good stories are
#     stored whole, the bad ones reported and absent
# Prints the peak RSS of each run. Bounds are generous (ASan builds run this
# too, with their shadow memory and quarantine): what they catch is memory
# growing with the input, e.g. a 50 MB line held several times over.
set -uo pipefail
fl=$(realpath "$1")
for tool in python3 sqlite3; do
  command -v $tool >/dev/null || { echo "FAIL: $tool is needed (scripts/setup.sh installs it)"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

have_time=1
[ -x /usr/bin/time ] || { have_time=0; echo "note: /usr/bin/time missing (Debian package time): memory not measured"; }
# run NAME LIMIT_MB ARGS... : runs faultline ARGS; stdout -> $tmp/NAME.out,
# stderr -> $tmp/NAME.err; sets rc and rss_mb, fails when over LIMIT_MB.
run() {
  local name=$1 limit=$2
  shift 2
  rss_mb=0
  if [ $have_time = 1 ]; then
    /usr/bin/time -o "$tmp/$name.rss" -f '%M' "$fl" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    rc=$?
    rss_mb=$(( $(tail -1 "$tmp/$name.rss") / 1024 ))
    echo "$name: exit $rc, peak RSS $rss_mb MB"
    [ "$rss_mb" -lt "$limit" ] || fail "$name: peak RSS $rss_mb MB, bound $limit MB"
  else
    "$fl" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    rc=$?
    echo "$name: exit $rc"
  fi
  if [ "$rc" -ge 128 ]; then fail "$name: killed by signal $((rc - 128))"; sed 's/^/  /' "$tmp/$name.err" | tail -20; fi
}
# has NAME REGEX WHAT: stderr of run NAME matches
has() { grep -Eq -- "$2" "$tmp/$1.err" || { fail "$1: $3 (no stderr line matching /$2/)"; sed 's/^/  stderr: /' "$tmp/$1.err" | cut -c1-300 | head -20; }; }
# docs NAME: the sorted doc ids that have at least one event in run NAME's output
docs() { grep -o '"doc_id":"[^"]*"' "$tmp/$1.out" | sed 's/"doc_id":"\(.*\)"/\1/' | sort -u | tr '\n' ' '; }
expect_docs() {  # NAME "id id ..." : exactly these stories coded
  local got
  got=$(docs "$1")
  [ "$got" == "$2" ] || fail "$1: stories coded '$got', expected '$2'"
}

# ---- inputs ---------------------------------------------------------------
python3 - "$tmp" <<'EOF'
import json, sys
tmp = sys.argv[1]
def good(i, day="2022-02-03"):
    return (json.dumps({"id": f"good-{i}", "date": day, "text": f"Russia criticized Ukraine on Monday. Ukraine accused Russia of shelling Kharkiv {i} times."}) + "\n").encode()
def bad(i, text=b"Russia criticized Ukraine.", day=b"2022-02-03"):
    return b'{"id": "bad-%d", "date": "%s", "text": "%s"}\n' % (i, day, text)
# bad-N on line 2N, good-N on the odd lines; the last line is cut off.
with open(f"{tmp}/mixed.jsonl", "wb") as f:
    f.write(good(1) + bad(1, b"Russia \xc3\x28 criticized Ukraine.") + good(2) + bad(2, b"Russia\x00 criticized Ukraine.")
            + good(3) + bad(3, b"Russia\\u0000 criticized Ukraine.") + good(4) + bad(4, day=b"2022-02-30")
            + good(5) + bad(5, day=b"99999-01-01") + good(6)
            + b'{"id": "bad-6", "date": "2022-02-03", "text": "Russia crit')
# Seed format: stories start on lines 1, 3, 5, ...; the even-numbered stories are bad.
stories = [(b"2022-02-03", b"Russia criticized Ukraine on Monday."),
           (b"2022-02-30", b"Russia criticized Ukraine."),
           (b"2022-02-03", b"Ukraine accused Russia of lying."),
           (b"99999-01-01", b"Russia criticized Ukraine."),
           (b"2022-02-03", b"France condemned Russia."),
           (b"2022-02-03", b"Russia \xff\xfe criticized Ukraine."),
           (b"2022-02-03", b"Germany urged Russia to withdraw."),
           (b"2022-02-03", b"Russia\x00 criticized Ukraine."),
           (b"2022-02-03", b"Poland accused Russia of aggression.")]
with open(f"{tmp}/mixed.txt", "wb") as f:
    f.write(b"\n\n".join(b" date " + d + b" " + t for d, t in stories) + b"\n")
# 50 MB lines: JSON Lines (line 2 of 3) and a seed story of one line (story 2 of 3).
fifty = 50 * 1024 * 1024
with open(f"{tmp}/big.jsonl", "wb") as f:
    f.write(good(7) + b'{"id": "huge", "date": "2022-02-03", "text": "' + b"Troops massed. " * (fifty // 15) + b'"}\n' + good(8))
with open(f"{tmp}/big.txt", "wb") as f:
    f.write(b" date 2022-02-03 Russia criticized Ukraine on Monday.\n\n date 2022-02-03 "
            + b"Troops massed. " * (fifty // 15) + b"\n\n date 2022-02-03 Poland accused Russia of aggression.\n")
# 100,000 sentences; every tenth has an event, so the last event is sentence 99990.
with open(f"{tmp}/many.txt", "w") as f:
    f.write(" date 2022-02-03 " + "".join("Russia criticized Ukraine. " if i % 10 == 0 else "It rained again. "
                                        for i in range(100000)) + "\n")
# Quotes nested 5,000 deep (straight and curly), then 200,000 quote marks.
n = 5000
with open(f"{tmp}/quotes.txt", "w") as f:
    f.write(" date 2022-02-03 Russia criticized Ukraine. " + "Putin said: \"Lavrov said: \u201c" * n
            + "we will attack Ukraine" + "\u201d.\"" * n + " Poland accused Russia of aggression.\n\n"
            + " date 2022-02-04 " + "\"" * 200000 + " Russia criticized Ukraine.\n\n"
            + " date 2022-02-05 France condemned Russia again.\n")
# Dictionaries.
open(f"{tmp}/unknown.actors", "w").write("# a code no table knows, but well formed\ncountry ZZZ Neverland\n")
open(f"{tmp}/malformed.actors", "w").write("# fine\ncountry ZZZ Neverland\ncountry zz9 Otherland\n")
open(f"{tmp}/long.actors", "w").write("country ZZZ Neverland | " + " | ".join("Neverland%d" % i for i in range(80000)) + "\n"
                                      + "country ZZY " + "Never land " * 100000 + "\n")
open(f"{tmp}/unknown.verbs", "w").write("# fine\n042 visit\n9999 attack\n")
open(f"{tmp}/long.verbs", "w").write("111 criticize {" + "|".join("w%d" % i for i in range(150000)) + "}\n"
                                     + "111 criticize " + "again " * 170000 + "\n")
open(f"{tmp}/neverland.txt", "w").write(" date 2022-02-03 Russia criticized Neverland on Monday. Neverland accused Ukraine of lying.\n")
EOF
ls -l "$tmp"/*.jsonl "$tmp"/*.txt "$tmp"/*.actors "$tmp"/*.verbs | awk '{printf "input %-20s %10d bytes\n", substr($9, length("'"$tmp"'") + 2), $5}'

# ---- JSON Lines and seed format: each fault named, the rest coded ------------
run mixed 1536 code "$tmp/mixed.jsonl" "$tmp/mixed.txt" --format jsonl
[ "$rc" -eq 1 ] || fail "mixed: exit $rc, expected 1 (stories skipped)"
has mixed 'mixed\.jsonl:2: .*invalid UTF-8' "invalid UTF-8 in JSON"
has mixed 'mixed\.jsonl:4: .*NUL byte' "NUL byte in JSON"
has mixed 'mixed\.jsonl:6: .*NUL byte in "text"' "escaped NUL in JSON"
has mixed 'mixed\.jsonl:8: .*2022-02-30 is not a date' "2022-02-30 in JSON"
has mixed 'mixed\.jsonl:10: .*year 99999 is out of range' "year 99999 in JSON"
has mixed 'mixed\.jsonl:12: broken JSON' "the truncated last JSON line"
has mixed 'mixed\.txt:3: .*2022-02-30 is not a date' "2022-02-30 in the seed format"
has mixed 'mixed\.txt:7: .*year 99999 is out of range' "year 99999 in the seed format"
has mixed 'mixed\.txt:11: invalid UTF-8 \(bytes 0xFF 0xFE' "invalid UTF-8 in the seed format"
has mixed 'mixed\.txt:15: NUL byte' "NUL byte in the seed format"
has mixed "11 stories coded, 10 skipped" "the totals"
expect_docs mixed "good-1 good-2 good-3 good-4 good-5 good-6 mixed mixed#3 mixed#5 mixed#7 mixed#9 "

# ---- 50 MB lines ------------------------------------------------------------
run big_jsonl 1536 code "$tmp/big.jsonl" --format jsonl
[ "$rc" -eq 1 ] || fail "big_jsonl: exit $rc, expected 1"
has big_jsonl 'big\.jsonl:2: line of 5[0-9]{7} bytes is over the limit' "the 50 MB JSON line"
expect_docs big_jsonl "good-7 good-8 "
run big_seed 1536 code "$tmp/big.txt" --format jsonl
[ "$rc" -eq 1 ] || fail "big_seed: exit $rc, expected 1"
has big_seed 'big\.txt:3: story of 5[0-9]{7} bytes is over the limit' "the 50 MB seed story"
expect_docs big_seed "big big#3 "

# ---- 100,000 sentences --------------------------------------------------------
run many 1536 code "$tmp/many.txt" --format jsonl
[ "$rc" -eq 0 ] || fail "many: exit $rc"
n=$(grep -c '"kind":"event"' "$tmp/many.out")
[ "$n" -eq 10000 ] || fail "many: $n events, expected 10000 (one per tenth sentence)"
grep -q '"sentence":99990,' "$tmp/many.out" || fail "many: no event in sentence 99990 (the last with one)"

# ---- nested quotes -----------------------------------------------------------
run quotes 1536 code "$tmp/quotes.txt" --format jsonl
[ "$rc" -eq 0 ] || fail "quotes: exit $rc"
expect_docs quotes "quotes quotes#2 quotes#3 "
grep -q '"doc_id":"quotes","sentence":0,.*"code":"111"' "$tmp/quotes.out" || fail "quotes: the event before the quotes is lost"
grep -q '"doc_id":"quotes#3".*"source":"FRA"' "$tmp/quotes.out" || fail "quotes: the story after them is not coded"

# ---- dictionaries ------------------------------------------------------------
# --actors replaces the shipped folder, so each run gets a copy of it plus the file under test.
dict_dir() {  # KIND FILE -> a folder: data/KIND/* plus FILE
  local d=$tmp/dict-$1-$(basename "$2")
  mkdir -p "$d"; cp data/"$1"/* "$d"/; cp "$2" "$d"/
  echo "$d"
}
run dict_unknown 1536 code --actors "$(dict_dir actors "$tmp/unknown.actors")" "$tmp/neverland.txt" --format jsonl
[ "$rc" -eq 0 ] || fail "dict_unknown: exit $rc"
grep -q '"source":"RUS","target":"ZZZ"' "$tmp/dict_unknown.out" || fail "dict_unknown: Neverland not coded ZZZ"
run dict_malformed 1536 code --actors "$(dict_dir actors "$tmp/malformed.actors")" "$tmp/neverland.txt" --format jsonl
[ "$rc" -eq 2 ] || fail "dict_malformed: exit $rc, expected 2 (refused)"
has dict_malformed "malformed\.actors:3: 'zz9' is not a CAMEO code" "the malformed actor code"
[ ! -s "$tmp/dict_malformed.out" ] || fail "dict_malformed: output from a half-loaded dictionary"
run dict_verbs 1536 code --verbs "$(dict_dir verbs "$tmp/unknown.verbs")" "$tmp/neverland.txt" --format jsonl
[ "$rc" -eq 2 ] || fail "dict_verbs: exit $rc, expected 2 (refused)"
has dict_verbs 'unknown\.verbs:3: .*9999' "the unknown CAMEO event code"
[ ! -s "$tmp/dict_verbs.out" ] || fail "dict_verbs: output from a half-loaded dictionary"
run dict_long_actors 1536 code --actors "$(dict_dir actors "$tmp/long.actors")" "$tmp/neverland.txt" --format jsonl
[ "$rc" -eq 0 ] || fail "dict_long_actors: exit $rc"
grep -q '"target":"ZZZ"' "$tmp/dict_long_actors.out" || fail "dict_long_actors: the 1 MB line's entry is not used"
run dict_long_verbs 1536 code --verbs "$(dict_dir verbs "$tmp/long.verbs")" "$tmp/neverland.txt" --format jsonl
if [ "$rc" -eq 0 ]; then
  grep -q '"code":"111"' "$tmp/dict_long_verbs.out" || fail "dict_long_verbs: nothing coded"
elif [ "$rc" -eq 2 ]; then
  has dict_long_verbs 'long\.verbs:[12]: ' "a refused 1 MB verbs line names file:line"
else
  fail "dict_long_verbs: exit $rc"
fi

# ---- ingest into SQLite: good stored whole, bad reported and absent ----------------
db=$tmp/store.db
run ingest 1536 ingest "$tmp/mixed.jsonl" "$tmp/mixed.txt" "$tmp/big.jsonl" "$tmp/quotes.txt" --db "$db" -q
[ "$rc" -eq 1 ] || fail "ingest: exit $rc, expected 1 (stories skipped)"
has ingest 'mixed\.jsonl:12: broken JSON' "ingest names the bad records"
has ingest 'big\.jsonl:2: line of' "ingest names the 50 MB line"
has ingest '16 stories stored, 0 already there, 11 skipped' "ingest totals"
sql() { sqlite3 -batch -noheader "$db" "$1"; }
[ "$(sql 'PRAGMA integrity_check')" == ok ] || fail "ingest: integrity_check: $(sql 'PRAGMA integrity_check' | head -3)"
stored=$(sql "SELECT doc_key FROM documents ORDER BY doc_key" | tr '\n' ' ')
expected="good-1 good-2 good-3 good-4 good-5 good-6 good-7 good-8 mixed mixed#3 mixed#5 mixed#7 mixed#9 quotes quotes#2 quotes#3 "
[ "$stored" == "$expected" ] || fail "ingest: stored '$stored', expected '$expected'"
# Whole: each stored story has exactly the events `faultline code` gives it, and its sentences.
"$fl" code "$tmp/mixed.jsonl" "$tmp/mixed.txt" "$tmp/big.jsonl" "$tmp/quotes.txt" --format jsonl 2>/dev/null |
  python3 -c 'import json,sys,collections
c=collections.Counter(json.loads(l)["doc_id"] for l in sys.stdin if "\"kind\":\"event\"" in l)
for k in sorted(c): print(k, c[k])' >"$tmp/code-events"
sql "SELECT d.doc_key, COUNT(e.id) FROM documents d JOIN events e ON e.document_id = d.id GROUP BY d.doc_key ORDER BY d.doc_key" |
  tr '|' ' ' >"$tmp/store-events"
diff "$tmp/code-events" "$tmp/store-events" >/dev/null || { fail "ingest: events per story differ from faultline code"; diff "$tmp/code-events" "$tmp/store-events" | head; }
empty=$(sql "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)")
[ "$empty" -eq 0 ] || fail "ingest: $empty stored stories without sentences"

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "ok: every bad input reported with file:line, the good stories coded and stored whole"
