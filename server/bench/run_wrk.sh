#!/usr/bin/env bash
# Load figures of `mskg serve` with wrk (server/README.md, README "Serving"):
# search, entity page and the flagship query against a running server, and
# the constant handler's ceiling.
#   server/bench/run_wrk.sh [PORT] [CONSTANT_PORT]
set -euo pipefail
port=${1:-8080}
constant=${2:-8081}
here=$(dirname "$0")
run() {
  echo "== $1"
  wrk -t2 -c32 -d10s --latency "${@:2}" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors"
}
run "search" "http://127.0.0.1:$port/v1/search?q=pso&limit=10"
run "search, uncached (random prefixes)" -s "$here/search_uncached.lua" "http://127.0.0.1:$port/"
run "entity page" "http://127.0.0.1:$port/v1/entities/Muscle/psoas%20major"
run "flagship query" -s "$here/query.lua" "http://127.0.0.1:$port/v1/query"
run "constant handler" "http://127.0.0.1:$constant/"
