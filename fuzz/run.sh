#!/usr/bin/env bash
# Runs every fuzz target (or the ones named) with libFuzzer for a fixed
# budget each, on a copy of its seed corpus (fuzz/corpus/<t>/ plus
# fuzz/regressions/<t>/), so the repository's corpus is never changed.
#
#   fuzz/run.sh [--seconds N] [--keep] [target...]     (default 60 s each)
#
# Builds the libFuzzer binaries with clang (ASan + UBSan) into build-fuzz/
# first (incremental). Prints per target: executions, exec/s, crashes.
# Crash inputs are saved under build-fuzz/artifacts/<target>/; the script
# exits 1 when any target crashed (or leaked, timed out, ran out of memory).
# Needs clang++ and the libFuzzer runtime (Debian: clang, libclang-rt-14-dev).
# --keep leaves the working corpora (with what the fuzzer found) in place and
# prints where they are.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
keep=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --seconds=*) seconds=${1#*=}; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/*_fuzzer.cc; do t=$(basename "$f" _fuzzer.cc); targets+=("$t"); done
fi

BUILD=${FUZZ_BUILD_DIR:-build-fuzz}
CXX=${FUZZ_CXX:-clang++}
command -v "$CXX" >/dev/null || { echo "run.sh: $CXX not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  # -O1 -g1: half the compile time of -O2 -g, line tables kept for reports.
  cmake -S . -B "$BUILD" -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" \
    -DFAULTLINE_BUILD_TESTS=OFF -DFAULTLINE_BUILD_BENCH=OFF -DFAULTLINE_FUZZ=ON -DFAULTLINE_LIBFUZZER=ON \
    "-DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
    >/dev/null
else
  cmake -S . -B "$BUILD" >/dev/null  # picks up targets added since the tree was configured
fi
build_targets=()
for t in "${targets[@]}"; do build_targets+=("${t}_fuzzer"); done
cmake --build "$BUILD" -j"$(nproc)" --target "${build_targets[@]}"

work=$(mktemp -d "${TMPDIR:-/tmp}/faultline-fuzz.XXXXXX")
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

failed=0
printf '%-10s %12s %8s %8s  %s\n' target executions exec/s crashes note
for t in "${targets[@]}"; do
  corpus="$work/$t"
  mkdir -p "$corpus"
  for src in "fuzz/corpus/$t" "fuzz/regressions/$t"; do
    [ -d "$src" ] && find "$src" -type f -exec cp {} "$corpus/" \;
  done
  art="$BUILD/artifacts/$t"
  mkdir -p "$art"
  max_len=65536
  [ "$t" = pipeline ] && max_len=4096
  log="$work/$t.log"
  rc=0
  "$BUILD/fuzz/${t}_fuzzer" -max_total_time="$seconds" -max_len="$max_len" -timeout=30 \
    -rss_limit_mb=2560 -print_final_stats=1 -artifact_prefix="$art/" "$corpus" >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  # libFuzzer stops at the first crash (or leak, timeout, out-of-memory) and
  # writes its input as an artifact.
  crashes=$(grep -c 'Test unit written to' "$log" || true)
  note=""
  if [ "$rc" -ne 0 ]; then
    failed=1
    [ "$crashes" -eq 0 ] && crashes=1
    note="exit $rc: $(grep -m1 -E '^SUMMARY|ERROR: libFuzzer|ALARM|out-of-memory' "$log" | cut -c1-90)"
    note+="; input $(sed -n 's/.*Test unit written to //p' "$log" | tail -1); log $art/last-run.log"
    cp "$log" "$art/last-run.log"
  fi
  printf '%-10s %12s %8s %8s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "$crashes" "$note"
done
[ "$keep" = 1 ] && echo "run.sh: working corpora and logs kept in $work"
exit $failed
