#!/usr/bin/env bash
# Issue 10: kill -9 at a random instant of `mskg ingest` into a new store,
# of `mskg import` (triples and jsonl) into a new store, and of an ingest or
# import into an existing one. After each kill the store must either be
# absent (and the next run create it) or open, and every document it holds
# must be whole: its exported triples equal those of a clean run. Then the
# same command, run again, must complete it.
#
#   crash_test.sh [--rounds N] [--mskg PATH] [--corpus DIR]
#
# The suite runs 50 rounds (8 under ASan); `--rounds 1000` by hand (see
# README, Bounds).
set -uo pipefail

ROUNDS=50
MSKG="${TEST_SRCDIR:-}/mskg/cli/mskg"
CORPUS="${TEST_SRCDIR:-}/mskg/data/sample_corpus"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --mskg) MSKG="$2"; shift 2 ;;
    --corpus) CORPUS="$2"; shift 2 ;;
    *) echo "usage: $0 [--rounds N] [--mskg PATH] [--corpus DIR]" >&2; exit 2 ;;
  esac
done
WORK="${TEST_TMPDIR:-$(mktemp -d)}/crash"
rm -rf "$WORK"
mkdir -p "$WORK"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Sorted triples of the store at $1 (no header), or nothing if it fails.
triples() { "$MSKG" --db "$1" export --format triples 2>/dev/null | tail -n +2 | LC_ALL=C sort; }

# The clean runs every crashed one is compared with.
"$MSKG" --db "$WORK/ref" ingest "$CORPUS" >/dev/null 2>&1 || { echo "clean ingest failed" >&2; exit 1; }
triples "$WORK/ref" >"$WORK/ref.tsv"
"$MSKG" --db "$WORK/ref" export --format triples -o "$WORK/import.tsv" 2>/dev/null
"$MSKG" --db "$WORK/ref" export --format jsonl -o "$WORK/import.jsonl" 2>/dev/null
[[ $(wc -l <"$WORK/ref.tsv") -gt 50 ]] || { echo "clean ingest exported too little" >&2; exit 1; }
# The base of the rounds that write into an existing store: one document.
first_doc="$(ls "$CORPUS" | head -1)"
"$MSKG" --db "$WORK/base" ingest "$CORPUS/$first_doc" >/dev/null 2>&1
triples "$WORK/base" >"$WORK/base.tsv"

# run_command KIND DB: the command of one kind of round.
run_command() {
  case "$1" in
    ingest|ingest-existing) exec "$MSKG" --db "$2" ingest "$CORPUS" ;;
    import-triples) exec "$MSKG" --db "$2" import --format triples "$WORK/import.tsv" ;;
    import-jsonl) exec "$MSKG" --db "$2" import --format jsonl "$WORK/import.jsonl" ;;
  esac
}

# How long each kind takes uncrashed, in ms: kills land in [0, that + 20%].
declare -A duration_ms
for kind in ingest import-triples import-jsonl ingest-existing; do
  rm -rf "$WORK/time"
  [[ $kind == ingest-existing ]] && cp -r "$WORK/base" "$WORK/time"
  start=$(date +%s%N)
  ( run_command "$kind" "$WORK/time" ) >/dev/null 2>&1 || fail "$kind failed uncrashed"
  duration_ms[$kind]=$(( ($(date +%s%N) - start) / 1000000 * 12 / 10 + 1 ))
done
# Imports keep the document ids, so all kinds end with the same triples.
for kind in import-triples import-jsonl; do
  rm -rf "$WORK/time"
  ( run_command "$kind" "$WORK/time" ) >/dev/null 2>&1
  cmp -s <(triples "$WORK/time") "$WORK/ref.tsv" || fail "$kind does not reproduce the clean ingest"
done

# check_whole DB ROUND: every document of DB exports what the clean run does.
check_whole() {
  local db="$1" round="$2" got="$WORK/got.tsv"
  triples "$db" >"$got"
  # Rows of each document present, against the clean rows of that document.
  cut -f6 "$got" | LC_ALL=C sort -u >"$WORK/docs"
  while read -r doc; do
    if ! cmp -s <(awk -F'\t' -v d="$doc" '$6 == d' "$got") \
                <(awk -F'\t' -v d="$doc" '$6 == d' "$WORK/ref.tsv"); then
      fail "round $round: document $doc is not whole"
    fi
  done <"$WORK/docs"
}

kinds=(ingest import-triples import-jsonl ingest-existing)
absent=0 opened=0 completed=0
for ((round = 1; round <= ROUNDS; round++)); do
  kind="${kinds[$(( round % 4 ))]}"
  db="$WORK/db$round"
  rm -rf "$db"
  [[ $kind == ingest-existing ]] && cp -r "$WORK/base" "$db"
  ( run_command "$kind" "$db" ) >/dev/null 2>&1 &
  pid=$!
  delay_ms=$(( (RANDOM * 32768 + RANDOM) % ${duration_ms[$kind]} ))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  status="$(timeout 60 "$MSKG" --db "$db" stats 2>&1)"
  code=$?
  if [[ $code -eq 0 ]]; then
    opened=$((opened + 1))
    check_whole "$db" "$round"
  elif [[ $code -eq 2 && $status == *"no store at"* && $kind != ingest-existing ]]; then
    absent=$((absent + 1))
  else
    fail "round $round ($kind, killed after ${delay_ms} ms): store does not open (exit $code): $status"
    continue
  fi
  # Run again: it completes the store.
  ( run_command "$kind" "$db" ) >"$WORK/rerun.log" 2>&1 ||
    fail "round $round ($kind): the rerun failed: $(head -c 2000 "$WORK/rerun.log")"
  if cmp -s <(triples "$db") "$WORK/ref.tsv"; then
    completed=$((completed + 1))
  else
    fail "round $round ($kind): the rerun did not complete the store"
  fi
  leftovers="$(ls -A "$WORK" | grep -c '\.creating-')"
  [[ $leftovers -eq 0 ]] || fail "round $round: $leftovers half-built store(s) left after the rerun"
  rm -rf "$db"
  (( round % 50 == 0 )) && echo "round $round: $opened opened, $absent absent, $failures failures"
done

echo "crash_test: $ROUNDS rounds (kills within ${duration_ms[ingest]}/${duration_ms[import-triples]}/${duration_ms[import-jsonl]}/${duration_ms[ingest-existing]} ms):" \
  "$opened opened, $absent absent, $completed completed by a rerun, $failures failures"
[[ $failures -eq 0 ]]
