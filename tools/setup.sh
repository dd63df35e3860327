#!/usr/bin/env bash
# Installs the Debian 12 packages mskg builds and runs with, if any is
# missing. Safe to run again: it does nothing when all are present.
set -euo pipefail

PACKAGES=(
  bazel-bootstrap        # Bazel 4.2.3, works offline with WORKSPACE below
  g++
  librocksdb-dev
  libprotobuf-dev
  protobuf-compiler
  libabsl-dev
  libboost-graph-dev     # also brings Boost.Beast/Asio, mskg serve's HTTP
  nlohmann-json3-dev     # mskg serve parses request JSON with it (hostile input)
  libgtest-dev
  libgmock-dev
  libbenchmark-dev
  libjemalloc-dev        # the binaries' allocator (third_party/BUILD.bazel)
  python3                # the evaluation scorer
  graphviz               # mskg show, and the DOT export's test
  raptor2-utils          # rapper: the RDF export's test
  clang-14               # the fuzz targets (tools/fuzz.sh), with
  libclang-rt-14-dev     #   libFuzzer and the sanitizer runtimes
  lld                    #   and its linker (gold cannot link them quietly)
  chromium               # the explorer's browser test (server/explorer/),
  chromium-driver        #   driven through WebDriver
  python3-selenium       #   by Debian's Selenium client
  fonts-liberation       #   and fonts for its screenshots (only recommended)
)

missing=()
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "mskg setup: installing ${missing[*]}" >&2
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
