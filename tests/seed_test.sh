#!/usr/bin/env bash
# End-to-end: codes the seed story from ../shared/seed with the real binary
# and scores it with `faultline eval` against the seed gold, failing below
# the coder issue's bar: P >= 0.85, R >= 0.90, no must-not violation, 12/12
# quotes, 3/3 counts (eval's defaults). The reference scorer ../shared/tools/score-seed.py
# must agree with `faultline eval` on P and R.
set -euo pipefail
fl=$1
seed=../shared/seed
if [ ! -d "$seed" ]; then echo "no ../shared/seed beside the repo"; exit 1; fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$fl" code "$seed/article-2022-02-03.txt" --format jsonl > "$out"
ours=$("$fl" eval "$out" --gold "$seed" | tail -1)  # default floors = the issue's bar
echo "faultline eval: $ours"
theirs=$(python3 ../shared/tools/score-seed.py "$out" --gold "$seed" | tail -1 || true)
echo "score-seed.py:  $theirs"
# Both print "seed P x R y F1 z ..." : the P/R/F1 fields must be identical.
[ "$(echo "$ours" | cut -d' ' -f1-7)" = "$(echo "$theirs" | cut -d' ' -f1-7)" ]
