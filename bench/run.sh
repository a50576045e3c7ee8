#!/usr/bin/env bash
# End-to-end benchmark: raw JSON Lines stories in, JSON Lines events out.
#
#   bench/run.sh [--binary PATH] [--sentences N] [--threads T]
#
# Builds nothing: it times the faultline binary it is given (default
# build/faultline). It writes the corpus with tools/make_bench_corpus.py if it
# is missing (build/bench-corpus.jsonl for the default 1,000,000 sentences,
# build/bench-corpus-N.jsonl otherwise; same N, same bytes), codes it on one
# thread and on T threads (default 2) under /usr/bin/time -v, and prints
# sentences/s and MB/s per core, events/s, peak RSS, the split across stages
# (`faultline code --profile`), the speed-up, and whether the T-thread output
# is byte-identical to the 1-thread output (exit 1 if not).
#
# Figures on a shared machine are noisy: the load average is printed with
# each run, and the per-core rates divide by CPU time (user+sys), not wall.
set -euo pipefail

cd "$(dirname "$0")/.."
binary=build/faultline
sentences=1000000
threads=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --sentences) sentences="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[[ -x "$binary" ]] || { echo "bench/run.sh: no faultline binary at $binary (build it, or pass --binary)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench/run.sh: /usr/bin/time is missing (Debian package: time)" >&2; exit 2; }

mkdir -p build
corpus=build/bench-corpus.jsonl
[[ "$sentences" == 1000000 ]] || corpus="build/bench-corpus-$sentences.jsonl"
if [[ ! -s "$corpus" ]]; then
  echo "== writing $corpus"
  python3 tools/make_bench_corpus.py --sentences "$sentences" --out "$corpus.tmp"
  mv "$corpus.tmp" "$corpus"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run NAME THREADS: codes the corpus; leaves NAME.md5, NAME.time, NAME.err.
run() {
  local name=$1 n=$2
  echo "== $name: $binary code $corpus --threads $n --profile   (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -v -o "$work/$name.time" "$binary" code "$corpus" --format jsonl --threads "$n" --profile \
    2> "$work/$name.err" | md5sum | cut -d' ' -f1 > "$work/$name.md5"
  grep -v '^profile:' "$work/$name.err" | head -5 >&2 || true
  echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# field NAME 'Label': a value from /usr/bin/time -v.
field() { grep -F "$2" "$work/$1.time" | sed 's/.*: //'; }

# Wall clock "h:mm:ss" or "m:ss.ss" in seconds.
wall_seconds() { field "$1" 'Elapsed (wall clock)' | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }

# summary NAME: rates from the profile's totals and /usr/bin/time's CPU time.
summary() {
  local name=$1 user sys wall rss
  user=$(field "$name" 'User time'); sys=$(field "$name" 'System time')
  wall=$(wall_seconds "$name"); rss=$(field "$name" 'Maximum resident set size')
  grep -E '^profile: [0-9]+ stories' "$work/$name.err" | sed 's/^profile: /   /'
  awk -v u="$user" -v s="$sys" -v w="$wall" -v r="$rss" \
      -v load="$startup_cpu" \
      -v line="$(grep -E '^profile: [0-9]+ stories' "$work/$name.err")" 'BEGIN {
    split(line, f, " "); sent = f[4]; mb = f[6]; ev = f[9]
    cpu = u + s - load
    printf "   wall %.1f s, user %.1f s, sys %.1f s, peak RSS %.0f MB\n", w, u, s, r / 1024
    printf "   per core (CPU-s, start-up excluded): %.0f sentences/s, %.3f MB/s, %.0f events/s\n", sent / cpu, mb / cpu, ev / cpu
    printf "   wall: %.0f sentences/s, %.3f MB/s, %.0f events/s\n", sent / w, mb / w, ev / w
  }'
}

# Start-up (dictionaries, models) once, on empty input: subtracted from the
# CPU time so the per-core rates are the coding rate.
/usr/bin/time -f '%U %S %e %M' -o "$work/startup.time" "$binary" code --format jsonl - < /dev/null > /dev/null
read -r su_user su_sys su_wall su_rss < "$work/startup.time"
startup_cpu=$(awk -v u="$su_user" -v s="$su_sys" 'BEGIN { print u + s }')
echo "== start-up on empty input: cpu ${startup_cpu} s, wall ${su_wall} s, RSS $((su_rss / 1024)) MB   (load: $(cut -d' ' -f1-3 /proc/loadavg))"
run one 1
run many "$threads"

echo
echo "== one thread"
summary one
echo "   stage split (seconds summed over threads; share of their sum):"
grep -E '^profile: ' "$work/one.err" | sed -n '2,15p' | sed 's/^profile: /     /'
echo
echo "== $threads threads"
summary many
awk -v a="$(wall_seconds one)" -v b="$(wall_seconds many)" -v t="$threads" \
  'BEGIN { printf "   speed-up over one thread: %.2fx wall (ideal %dx)\n", a / b, t }'
echo
if cmp -s "$work/one.md5" "$work/many.md5"; then
  echo "== output: $threads threads byte-identical to 1 thread (md5 $(cat "$work/one.md5"))"
else
  echo "== output DIFFERS: 1 thread $(cat "$work/one.md5"), $threads threads $(cat "$work/many.md5")"
  exit 1
fi
