#!/usr/bin/env bash
# End-to-end: codes the seed story from ../shared/seed and checks the coder
# issue's bar with `faultline eval` (recall >= 0.90, precision >= 0.85, no
# must-not violation, every quote and count) and that the independent
# reference scorer ../shared/tools/score-seed.py agrees.
set -euo pipefail
fl=$1
seed=../shared/seed
if [ ! -d "$seed" ]; then echo "no ../shared/seed beside the repo"; exit 1; fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$fl" code "$seed/article-2022-02-03.txt" --format jsonl > "$out"
"$fl" eval "$out" --gold "$seed"
python3 "$seed/../tools/score-seed.py" "$out" --gold "$seed"
