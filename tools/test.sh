#!/usr/bin/env bash
# The whole test suite: installs what is missing, then runs every test in an
# optimized build and again under AddressSanitizer + UBSan.
#
# Tests that read the development corpus and the gold set find them through
# MSKG_SHARED (default: ../shared next to the checkout); this script always
# sets it, so where the folder is absent they fail, saying where they looked.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/setup.sh

export MSKG_SHARED="${MSKG_SHARED:-$(cd .. && pwd)/shared}"
if [[ ! -d "$MSKG_SHARED/corpus" ]]; then
  echo "note: $MSKG_SHARED/corpus not found; the corpus tests will fail (set MSKG_SHARED)" >&2
fi

BAZEL_FLAGS=(--test_env=MSKG_SHARED)
if [[ -n "${CI:-}" ]]; then BAZEL_FLAGS+=(--curses=no --color=no); fi

bazel test "${BAZEL_FLAGS[@]}" //...
bazel test "${BAZEL_FLAGS[@]}" --config=asan //...

# A short libFuzzer run of each fuzz target (issue 10; tools/fuzz.sh builds
# them with clang-14, long runs by hand: tools/fuzz.sh --seconds 7200).
if command -v clang-14 >/dev/null; then
  tools/fuzz.sh --seconds 8
else
  echo "note: clang-14 not found; fuzz runs skipped (the seed corpora ran above)" >&2
fi
