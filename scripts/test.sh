#!/usr/bin/env bash
# The whole test suite: set up (install + build), then every CTest test
# (unit tests per stage, end-to-end tests of the binary on ../shared and examples/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j"$(nproc)" "$@"
