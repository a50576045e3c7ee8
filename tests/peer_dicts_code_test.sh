#!/usr/bin/env bash
# End-to-end: `faultline code` with the peers' production dictionaries from
# ../shared/peers (PETRARCH's PETR_config.ini; TABARI's files one by one),
# alone and beside our own; discards drop their sentence; a bad dictionary
# line is reported with file and line and the rest still codes; option
# errors exit 2.
set -euo pipefail
fl=$1
peers=../shared/peers
if [ ! -d "$peers" ]; then echo "no $peers beside the repo"; exit 1; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf ' date 2022-02-03 \nRussia accused Ukraine of provocations on Monday.\n\nRussia accused Ukraine of cheating, the champions said.\n' > "$tmp/story.txt"
events() { python3 -c '
import json, sys
for l in sys.stdin:
    d = json.loads(l)
    if "code" in d: print(d["sentence"], d["source"], d["target"], d["code"], d["rule"])'; }

# PETRARCH, imported alone: the accusation codes 112 by CAMEO.2.0.txt; the
# second sentence holds the discard phrase CHAMPIONS and codes nothing.
"$fl" code "$tmp/story.txt" --peer-config $peers/petrarch2/PETR_config.ini --peer-only --format jsonl \
  2> "$tmp/err" | events > "$tmp/petr"
cat "$tmp/petr"
grep -q "^0 RUS UKR 112 .*CAMEO.2.0.txt:" "$tmp/petr" || { echo "PETRARCH dictionaries did not code the accusation"; exit 1; }
if grep -q "^1 " "$tmp/petr"; then echo "the discarded sentence was coded"; exit 1; fi
grep -q "imported 27[0-9][0-9][0-9] actors" "$tmp/err" || { cat "$tmp/err"; echo "PETRARCH actors not imported"; exit 1; }

# Beside our own dictionaries: ours code too (rules from data/verbs).
"$fl" code "$tmp/story.txt" --peer-config $peers/petrarch2/PETR_config.ini --format jsonl 2>/dev/null | events > "$tmp/both"
grep -q "data/verbs/" "$tmp/both" || { echo "own dictionaries not loaded beside the imported ones"; exit 1; }

# TABARI files one by one, with a bad line of our own making.
t=$peers/tabari/dictionaries
{ cat $t/CAMEO.091003.master.verbs | sed '/~FINISH/,$d'; printf 'ZZTOP [123\n'; } > "$tmp/bad.verbs"
"$fl" code "$tmp/story.txt" --dict-format tabari --peer verbs="$tmp/bad.verbs" \
  --peer actors=$t/TABARI-Dictionaries/CountryInfo.120116.actors --peer agents=$t/TABARI-Dictionaries/PSU.120522.agents \
  --peer-only --format jsonl 2> "$tmp/err" | events > "$tmp/tab"
cat "$tmp/tab"
grep -q "bad.verbs:[0-9]*: " "$tmp/err" || { echo "the bad line was not reported with file and line"; exit 1; }
grep -q "^0 RUS UKR 112 .*bad.verbs:" "$tmp/tab" || { echo "TABARI dictionaries did not code the accusation"; exit 1; }

# Option errors.
set +e
"$fl" code "$tmp/story.txt" --peer verbs="$tmp/bad.verbs" > /dev/null 2> "$tmp/err"; rc=$?
set -e
[ $rc -eq 2 ] && grep -q "dict-format" "$tmp/err" || { echo "--peer without --dict-format: rc $rc"; exit 1; }
echo ok
