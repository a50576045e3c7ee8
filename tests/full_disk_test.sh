#!/usr/bin/env bash
# End-to-end: `faultline ingest` into a SQLite file on a full disk fails
# cleanly and loses nothing already stored; after space is freed, a rerun of
# the same command completes the store.
#
# Two ways to run out of space, each tried when this machine allows it:
#   tmpfs   a 1 MiB tmpfs mounted on a temp folder (needs root and
#           CAP_SYS_ADMIN): writes fail with ENOSPC. Space is freed with
#           `mount -o remount,size=64m`.
#   ulimit  a 1 MiB file size limit (ulimit -f): a write past it raises
#           SIGXFSZ, which kills by default; `faultline ingest` ignores it so
#           that the write fails with EFBIG and is reported like a full disk
#           (this checks that too). Space is freed by lifting the limit.
# Exit 77 (skipped) when neither works.
#
# Each scenario: the sample corpus (examples/) is stored first and fits; then
# a generated corpus of 400 stories (about 1.5 MB of store) does not. Checked:
# the failing run exits non-zero by itself (not by a signal) with SQLite's
# "database or disk is full" (ENOSPC) or "disk I/O error" (EFBIG) on stderr; PRAGMA
# integrity_check is ok; every stored story has exactly the sentences,
# events, quotes and counts of a reference store built without a limit
# (complete or absent, never half-written); the sample corpus is all still
# there; the rerun exits 0 and leaves the store equal to the reference.
set -uo pipefail
export LC_ALL=C  # sort and comm agree on the order
fl=$(realpath "$1")
for tool in python3 sqlite3; do
  command -v $tool >/dev/null || { echo "FAIL: $tool is needed (scripts/setup.sh installs it)"; exit 1; }
done
tmp=$(mktemp -d)
mnt=$tmp/mnt
mkdir -p "$mnt"
cleanup() {
  mountpoint -q "$mnt" 2>/dev/null && umount "$mnt"
  rm -rf "$tmp"
}
trap cleanup EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# 400 distinct short stories with events and counts (each a different text, so
# none is a duplicate of another).
python3 - "$tmp/gen.jsonl" <<'EOF'
import json, sys
actors = ["Russia", "Ukraine", "Poland", "France", "Germany", "Britain", "China", "Turkey", "Belarus", "NATO"]
verbs = ["criticized", "accused {} of lying", "condemned", "praised", "met with", "threatened", "visited",
         "urged {} to negotiate"]
with open(sys.argv[1], "w") as f:
    for i in range(400):
        sents = []
        for j in range(6):
            a, b = actors[(i + j) % 10], actors[(i * 3 + j * 7 + 1) % 10]
            if a == b:
                b = actors[(i + j + 1) % 10]
            v = verbs[(i + 2 * j) % len(verbs)]
            sents.append(f"{a} {v.format(b) if '{}' in v else v + ' ' + b} on day {i * 6 + j}.")
        text = " ".join(sents) + "\n\n" + "Officials said the situation remained tense. " * 8
        f.write(json.dumps({"id": f"gen-{i}", "date": f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}", "text": text}) + "\n")
EOF
sample=(examples/stories examples/wire.jsonl)

# What each story holds: doc_key and its numbers of sentences, events, quotes, counts.
shape() {
  sqlite3 -batch -noheader "$1" "SELECT d.doc_key,
    (SELECT COUNT(*) FROM sentences x WHERE x.document_id = d.id),
    (SELECT COUNT(*) FROM events x WHERE x.document_id = d.id),
    (SELECT COUNT(*) FROM quotes x WHERE x.document_id = d.id),
    (SELECT COUNT(*) FROM counts x WHERE x.document_id = d.id)
    FROM documents d" | sort
}

ref=$tmp/ref.db
"$fl" ingest "${sample[@]}" --db "$ref" -q 2>/dev/null || { echo "FAIL: reference ingest of the sample corpus"; exit 1; }
"$fl" ingest "$tmp/gen.jsonl" --db "$ref" -q 2>/dev/null || { echo "FAIL: reference ingest of the generated corpus"; exit 1; }
shape "$ref" >"$tmp/ref.shape"
shape_sample=$(grep -v '^gen-' "$tmp/ref.shape")
echo "reference store: $(wc -l <"$tmp/ref.shape") stories, $(sqlite3 "$ref" 'SELECT COUNT(*) FROM events') events, $(du -k "$ref" | cut -f1) KiB"

# scenario NAME LIMIT_CMD UNLIMIT_CMD: DB lives in $mnt; LIMIT_CMD runs before
# each limited ingest (in its subshell), UNLIMIT_CMD frees the space.
scenario() {
  local name=$1 limit=$2 unlimit=$3 db=$mnt/store.db rc
  rm -f "$db" "$db-wal" "$db-shm"
  (eval "$limit"; exec "$fl" ingest "${sample[@]}" --db "$db" -q) 2>"$tmp/$name.sample.err"
  rc=$?
  if [ $rc -ne 0 ]; then fail "$name: the sample corpus (200 KB) does not fit: exit $rc"; cat "$tmp/$name.sample.err"; return; fi
  (eval "$limit"; exec "$fl" ingest "$tmp/gen.jsonl" --db "$db" -q) 2>"$tmp/$name.err"
  rc=$?
  echo "$name: full-disk ingest exit $rc: $(grep -v 'stories stored, ' "$tmp/$name.err" | head -2 | cut -c1-200)"
  [ $rc -ne 0 ] || fail "$name: ingest into a full disk exited 0"
  [ $rc -lt 128 ] || fail "$name: ingest was killed by signal $((rc - 128)) instead of failing"
  grep -Eqi 'disk is full|I/O error|No space|too large' "$tmp/$name.err" ||
    fail "$name: no message about the full disk: $(cat "$tmp/$name.err")"
  grep -q 'stories stored before this are kept' "$tmp/$name.err" || fail "$name: the message does not say what is kept"
  # The store as the failure left it (reading needs no space).
  local check
  check=$(sqlite3 -batch -noheader "$db" 'PRAGMA integrity_check' 2>&1)
  [ "$check" == ok ] || fail "$name: integrity_check after the failure: $check"
  shape "$db" >"$tmp/$name.shape"
  # Each stored story exactly as in the reference (complete), and every sample story kept.
  local extra
  extra=$(comm -23 "$tmp/$name.shape" "$tmp/ref.shape")
  [ -z "$extra" ] || fail "$name: stories stored differently from the reference (half-written?): $(head -3 <<<"$extra")"
  [ "$(grep -v '^gen-' "$tmp/$name.shape")" == "$shape_sample" ] || fail "$name: sample corpus stories lost"
  local kept
  kept=$(grep -c '^gen-' "$tmp/$name.shape")
  echo "$name: after the failure: $kept of 400 generated stories stored, whole"
  [ "$kept" -lt 400 ] || fail "$name: the disk never filled up"
  # Space freed: the same command completes the store.
  eval "$unlimit"
  "$fl" ingest "$tmp/gen.jsonl" --db "$db" -q 2>"$tmp/$name.rerun.err"
  rc=$?
  [ $rc -eq 0 ] || { fail "$name: rerun exit $rc"; cat "$tmp/$name.rerun.err"; }
  check=$(sqlite3 -batch -noheader "$db" 'PRAGMA integrity_check' 2>&1)
  [ "$check" == ok ] || fail "$name: integrity_check after the rerun: $check"
  shape "$db" >"$tmp/$name.rerun.shape"
  cmp -s "$tmp/$name.rerun.shape" "$tmp/ref.shape" ||
    fail "$name: after the rerun the store differs from the reference: $(diff "$tmp/ref.shape" "$tmp/$name.rerun.shape" | head -5)"
  echo "$name: rerun: $(sed -n 's/.*: \([0-9]* stories stored, [0-9]* already there\).*/\1/p' "$tmp/$name.rerun.err")"
}

ran=0
if mount -t tmpfs -o size=1m,mode=0755 faultline-full-disk "$mnt" 2>/dev/null; then
  ran=1
  scenario tmpfs ":" "mount -o remount,size=64m '$mnt'"
  umount "$mnt"
else
  echo "note: cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN): tmpfs scenario skipped"
fi
# ulimit -f counts 1024-byte blocks in bash.
if (ulimit -f 1024) 2>/dev/null; then
  ran=1
  scenario ulimit "ulimit -f 1024" ":"
else
  echo "note: ulimit -f is not available: ulimit scenario skipped"
fi
if [ $ran = 0 ]; then
  echo "SKIP: no way to make a small disk here (no tmpfs mount, no ulimit -f)"
  exit 77
fi
[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "ok: a full disk fails cleanly, nothing stored is lost or half-written, a rerun completes the store"
