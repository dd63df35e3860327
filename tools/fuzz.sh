#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang-14 (ASan + UBSan,
# `--config=fuzz`) and runs each for a while over a copy of its seed corpus.
#
#   tools/fuzz.sh [--seconds N] [--jobs J] [TARGET...]   (default: 10 s, all)
#
# TARGETs are names under fuzz/ without "_fuzzer": query document_reader
# triples_reader jsonl_reader obo_reader. Prints each target's executions
# and coverage; a crash, leak or timeout (an input running past 10 s) stops
# with the input saved under $FUZZ_OUT (default /tmp/mskg-fuzz), to be
# fixed and then added to fuzz/corpus/TARGET/ as a regression seed (the
# suite's //fuzz:TARGET_seeds_test replays every seed). Exit 1 if any
# target failed.
set -uo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=10
JOBS=1
TARGETS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECONDS_EACH="$2"; shift 2 ;;
    --jobs) JOBS="$2"; shift 2 ;;
    -h|--help) sed -n 2,13p "$0"; exit 0 ;;
    *) TARGETS+=("$1"); shift ;;
  esac
done
if [[ ${#TARGETS[@]} -eq 0 ]]; then
  TARGETS=(query document_reader triples_reader jsonl_reader obo_reader)
fi
if ! command -v clang-14 >/dev/null; then
  echo "fuzz.sh: clang-14 not found; apt-get install clang-14" >&2
  exit 2
fi

labels=()
for t in "${TARGETS[@]}"; do labels+=("//fuzz:${t}_fuzzer"); done
bazel build --config=fuzz "${labels[@]}" || exit 1
BIN="$(bazel info --config=fuzz bazel-bin 2>/dev/null)/fuzz"

OUT="${FUZZ_OUT:-/tmp/mskg-fuzz}"
mkdir -p "$OUT"
status=0
for t in "${TARGETS[@]}"; do
  work="$OUT/$t"
  rm -rf "$work/corpus"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp "fuzz/corpus/$t/"* "$work/corpus/"
  parallel=()
  # Several jobs write their logs (fuzz-N.log) in the working folder.
  if (( JOBS > 1 )); then parallel=(-jobs="$JOBS" -workers="$JOBS"); fi
  (cd "$work" && "$BIN/${t}_fuzzer" -max_total_time="$SECONDS_EACH" -timeout=10 \
      -rss_limit_mb=2048 -max_len=8192 "${parallel[@]}" \
      -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
      "$work/corpus" >"$work/log" 2>&1)
  code=$?
  execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log" | grep -o '[0-9]*$' | tail -1)"
  cov="$(grep -o 'cov: [0-9]*' "$work/log" | tail -1)"
  if [[ $code -eq 0 ]]; then
    echo "$t: ${execs:-?} executions in ${SECONDS_EACH} s, ${cov:-cov: ?}, no crash"
  else
    echo "$t: FAILED (exit $code) after ${execs:-?} executions; log $work/log, input in $work/artifacts/" >&2
    grep -m1 -E 'ERROR|runtime error|Timeout|out-of-memory' "$work/log" >&2
    status=1
  fi
done
exit $status
