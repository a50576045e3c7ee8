#!/usr/bin/env bash
# End-to-end: runs PETRARCH's unit-test records (../shared/peers/petrarch2/
# PETR.UnitTest.records.xml) with the PETR.Validate.* dictionaries beside it,
# loaded by our PETRARCH readers, and fails below the floors. The floors are
# set just under what was measured and are only ever raised (a ratchet). The
# issue's bar: >= 90% of the 257 event records exact, every noevents record
# clean.
set -euo pipefail
fl=$1
suite=../shared/peers/petrarch2/PETR.UnitTest.records.xml
if [ ! -f "$suite" ]; then echo "no $suite beside the repo"; exit 1; fi
min_events=232     # of 257 (measured 232: the bar, 90%)
min_noevents=20    # of 20 (measured 20: the bar)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$fl" validate "$suite" --dict-format petrarch > "$out"
last=$(tail -1 "$out")
echo "$last"
grep '^records:' "$out" || true
[[ "$last" =~ ^events-exact\ ([0-9]+)/([0-9]+)\ noevents-clean\ ([0-9]+)/([0-9]+)$ ]] || { echo "bad last line"; exit 1; }
ev=${BASH_REMATCH[1]} evn=${BASH_REMATCH[2]} ne=${BASH_REMATCH[3]} nen=${BASH_REMATCH[4]}
[ "$evn" -eq 257 ] || { echo "expected 257 event records, read $evn"; exit 1; }
[ "$nen" -eq 20 ] || { echo "expected 20 noevents records, read $nen"; exit 1; }
[ "$ev" -ge "$min_events" ] || { echo "events-exact $ev below the floor $min_events"; exit 1; }
[ "$ne" -ge "$min_noevents" ] || { echo "noevents-clean $ne below the floor $min_noevents"; exit 1; }
