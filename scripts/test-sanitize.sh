#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer
# (CMake preset "asan", build dir build-asan). Extra arguments go to ctest.
# Assumes the packages of scripts/setup.sh are installed.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$(nproc)"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# LeakSanitizer needs ptrace; where it cannot run (some containers), go on without it.
if ! ASAN_OPTIONS=detect_leaks=1 build-asan/faultline --help >/dev/null 2>&1 &&
   ASAN_OPTIONS=detect_leaks=1 build-asan/faultline --help 2>&1 | grep -q 'LeakSanitizer does not work'; then
  echo "test-sanitize: LeakSanitizer unavailable here; running with detect_leaks=0" >&2
  export ASAN_OPTIONS=${ASAN_OPTIONS/detect_leaks=1/detect_leaks=0}
fi
rc=0
ctest --test-dir build-asan --output-on-failure -j"$(nproc)" "$@" || rc=$?
echo "test-sanitize: $(( $(date +%s) - start ))s, ctest exit $rc"
exit $rc
