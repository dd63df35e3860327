#!/usr/bin/env bash
# Builds request_fuzzer with clang-14's libFuzzer (and ASan) against the
# objects Bazel built, then fuzzes for $1 seconds (default 60) from seeds/.
#   server/fuzz/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
bazel build //server:api_handler //ingest:ingester //graph:graph_store >/dev/null
bin=$(bazel info bazel-bin)
out=/tmp/mskg_request_fuzzer
# The objects Bazel built for the libraries (gcc's, ABI-compatible with
# clang's against the same libstdc++): the PIC one of each source where
# both exist; no test, benchmark or main.
objs=$(find "$bin"/{server,graph,ingest,query,interop,util,schema}/_objs -name '*.o' |
  grep -v '_test\|benchmark\|/main\.\|dump_\|replay_main\|constant_server\|request_fuzzer' |
  sed 's/\.pic\.o$/.o/' | sort -u |
  while read -r o; do p="${o%.o}.pic.o"; if [[ -f $p ]]; then echo "$p"; else echo "$o"; fi; done |
  tr '\n' ' ')
clang++-14 -std=c++20 -O1 -g -fsanitize=fuzzer,address -I. -I"$bin" \
  server/fuzz/request_fuzzer.cc -o "$out" \
  $objs \
  -lrocksdb -lprotobuf -lboost_graph $(sed -n 's/.*"\(-labsl_[a-z_]*\)".*/\1/p' third_party/system.BUILD) -lpthread
mkdir -p /tmp/mskg_request_fuzzer_corpus
"$out" -max_total_time="${1:-60}" -timeout=5 /tmp/mskg_request_fuzzer_corpus server/fuzz/seeds
