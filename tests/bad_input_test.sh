#!/usr/bin/env bash
# End-to-end: bad input is reported with its file and line, the good stories
# around it are still coded, and the exit status says something was skipped.
# The big and nasty cases (50 MB lines, 100,000 sentences, dictionaries,
# ingest into SQLite) are in bad_input_more_test.sh.
set -uo pipefail
fl=$1
out=$(mktemp); err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$fl" code examples/bad examples/stories/2018-03-27-skripal-expulsions.txt --format jsonl >"$out" 2>"$err"
status=$?
fail() { echo "FAIL: $*"; echo "--- stderr"; cat "$err"; exit 1; }
[ "$status" -eq 1 ] || fail "exit status $status, expected 1"
grep -q 'invalid-utf8.txt:[0-9]*.*UTF-8' "$err" || fail "no file:line error for invalid UTF-8"
grep -q 'truncated-line2.jsonl:2' "$err" || fail "no error naming line 2 of the truncated JSON Lines file"
grep -q 'impossible-date.txt:1.*2022-02-30' "$err" || fail "no error for the impossible date"
grep -q 'missing-date.txt' "$err" || fail "no error for the missing date"
# Lines 1 and 3 of the truncated file and the good story are still coded.
grep -q '"doc_id":"2018-03-27-skripal-expulsions"' "$out" || fail "the good story was not coded"
n=$(grep -o '"doc_id":"[^"]*"' "$out" | sort -u | wc -l)
[ "$n" -ge 3 ] || fail "only $n stories coded around the bad ones"
echo "ok: $(wc -l <"$err") error lines, $n stories coded"
