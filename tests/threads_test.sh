#!/usr/bin/env bash
# End-to-end: --threads changes speed, never output (byte-identical, same
# order), and the same input and dictionaries always give the same bytes.
set -euo pipefail
fl=$1
a=$(mktemp); b=$(mktemp); c=$(mktemp)
trap 'rm -f "$a" "$b" "$c"' EXIT
"$fl" code examples/stories examples/wire.jsonl --format jsonl --threads 1 >"$a"
"$fl" code examples/stories examples/wire.jsonl --format jsonl --threads 2 >"$b"
"$fl" code examples/stories examples/wire.jsonl --format jsonl --threads 1 >"$c"
[ -s "$a" ] || { echo "no output"; exit 1; }
cmp "$a" "$b" || { echo "FAIL: --threads 2 differs from --threads 1"; exit 1; }
cmp "$a" "$c" || { echo "FAIL: two runs differ"; exit 1; }
echo "ok: $(wc -l <"$a") records, identical across threads and runs"
