#!/usr/bin/env bash
# The whole test suite, and the single entry point CI calls (.ci/run):
#   1. set up (install + release build, scripts/setup.sh)
#   2. every CTest test of the release build (unit tests per stage,
#      end-to-end tests of the binary on ../shared and examples/, fuzz corpus
#      replays); extra arguments go to this ctest
#   3. the same suite built with ASan + UBSan (scripts/test-sanitize.sh,
#      build-asan)
#   4. every fuzz target under libFuzzer for 10 s (fuzz/run.sh), so that a
#      regression the corpora do not hold yet still has a chance to show up
# Every part runs even when an earlier one failed (a CI run reports all
# failures at once); the exit status is 1 if any failed. Each part's
# duration is printed at the end.
# FAULTLINE_QUICK_TEST=1 skips parts 3 and 4 (local quick runs; CI never sets it).
set -euo pipefail
cd "$(dirname "$0")/.."

summary=()
failed=0
t0=$(date +%s)
part() {  # part NAME COMMAND... : runs it, times it, records the outcome
  local name=$1 start rc=0
  shift
  start=$(date +%s)
  echo "=== test.sh: $name"
  "$@" || rc=$?
  local took=$(( $(date +%s) - start ))
  summary+=("$(printf '%-10s %5ss  %s' "$name" "$took" "$([ $rc -eq 0 ] && echo ok || echo "FAILED (exit $rc)")")")
  [ $rc -eq 0 ] || failed=1
  return 0
}

part setup bash scripts/setup.sh
part ctest ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j"$(nproc)" "$@"
if [ "${FAULTLINE_QUICK_TEST:-0}" = 1 ]; then
  echo "test.sh: FAULTLINE_QUICK_TEST=1: sanitizer build and fuzz runs skipped"
else
  part sanitize bash scripts/test-sanitize.sh
  part fuzz bash fuzz/run.sh --seconds 10
fi

echo "=== test.sh: summary (part, wall time, outcome)"
printf '%s\n' "${summary[@]}"
printf '%-10s %5ss\n' total "$(( $(date +%s) - t0 ))"
exit $failed
