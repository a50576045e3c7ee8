#!/usr/bin/env bash
# End-to-end: runs TABARI's validation suite (../shared/peers/tabari/
# validation/Validate.text, records up to FINAL-01) with the dictionaries its
# Validate.project names, loaded by our TABARI readers, and fails below the
# floors. The floors are set just under what was measured and are only ever
# raised (a ratchet). The bar: >= 90% of the records pass.
set -euo pipefail
fl=$1
suite=../shared/peers/tabari/validation/Validate.text
if [ ! -f "$suite" ]; then echo "no $suite beside the repo"; exit 1; fi
# Records pass as events-exact or noevents-clean; the issue counts both, so
# the ratchet is on their sum. Session 5 traded 2 noevents records for 6
# event records (agent-only codes "---GOV": "a senior official said" is no
# longer the sentence's country's own official, so COMMA-01A/04A now emit
# ARN>---GOV), hence the lower noevents floor; session 9 won them back
# (SET: CONVERT AGENTS: a bare role is no actor in TABARI) and lost others
# that TABARI's complexity filter diverts (PASV-05, COMPOUND-08); session
# 10 applies COMPLEX: (VERBS, CONJ, NOACTPRIOR).
min_records=403    # of 448 (measured 363 + 42 = 405; 407/450 with the 2 error records)
min_events=361     # of 399 (measured 363)
min_noevents=41    # of 49 (measured 42)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$fl" validate "$suite" --dict-format tabari > "$out"
last=$(tail -1 "$out")
echo "$last"
grep '^records:' "$out" || true
[[ "$last" =~ ^events-exact\ ([0-9]+)/([0-9]+)\ noevents-clean\ ([0-9]+)/([0-9]+)$ ]] || { echo "bad last line"; exit 1; }
ev=${BASH_REMATCH[1]} evn=${BASH_REMATCH[2]} ne=${BASH_REMATCH[3]} nen=${BASH_REMATCH[4]}
[ "$evn" -ge 390 ] || { echo "expected about 398 event records, read $evn"; exit 1; }
[ "$ev" -ge "$min_events" ] || { echo "events-exact $ev below the floor $min_events"; exit 1; }
[ "$ne" -ge "$min_noevents" ] || { echo "noevents-clean $ne below the floor $min_noevents"; exit 1; }
[ $((ev + ne)) -ge "$min_records" ] || { echo "records passing $((ev + ne)) below the floor $min_records"; exit 1; }
