#!/usr/bin/env bash
# Test of replay_main.cc, through a probe target that prints its inputs:
# every regular file of a folder is run once, in name order (subfolders
# are not entered); files named directly run in the order given; no input,
# an unreadable one or an input that crashes the target fails the run.
set -uo pipefail

PROBE="$TEST_SRCDIR/mskg/fuzz/replay_main_probe"
WORK="$TEST_TMPDIR/replay"
rm -rf "$WORK"
mkdir -p "$WORK/seeds/sub" "$WORK/empty" "$WORK/crashes"
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect CODE EXPECTED ARGS...: runs the probe on ARGS and checks its exit
# code and that its standard output is EXPECTED exactly.
expect() {
  local code="$1" expected="$2"
  shift 2
  local out got
  out="$("$PROBE" "$@" 2>"$WORK/stderr")"
  got=$?
  if [[ $got -ne $code ]]; then fail "exit $got (want $code): $*"; fi
  if [[ "$out" != "$expected" ]]; then
    fail "output of $*:"$'\n'"$out"$'\n'"want:"$'\n'"$expected"
  fi
}

# expect_error PATTERN ARGS...: the run fails and says PATTERN on stderr.
expect_error() {
  local pattern="$1"
  shift
  "$PROBE" "$@" >/dev/null 2>"$WORK/stderr"
  local got=$?
  if [[ $got -eq 0 ]]; then fail "exit 0 (want failure): $*"; fi
  if ! grep -Eq -- "$pattern" "$WORK/stderr"; then
    fail "no /$pattern/ on stderr of: $*"$'\n'"$(cat "$WORK/stderr")"
  fi
}

printf 'second' >"$WORK/seeds/b"
printf 'first' >"$WORK/seeds/a"
printf 'third' >"$WORK/seeds/c.txt"
: >"$WORK/seeds/0_empty"
printf 'not replayed' >"$WORK/seeds/sub/inside"
printf 'crash' >"$WORK/crashes/boom"
printf 'alone' >"$WORK/alone"

# A folder: its files in name order, the empty one included.
expect 0 "input 0: 
input 5: first
input 6: second
input 5: third
replayed 4 inputs without a crash" "$WORK/seeds"

# Files as given, then a folder.
expect 0 "input 5: alone
input 6: second
input 0: 
input 5: first
input 6: second
input 5: third
replayed 6 inputs without a crash" "$WORK/alone" "$WORK/seeds/b" "$WORK/seeds"

# Nothing to replay.
expect_error "no inputs found" "$WORK/empty"
expect_error "no inputs found"
# An input that cannot be read stops the run before later inputs.
expect_error "cannot read $WORK/missing" "$WORK/missing" "$WORK/alone"
# A crashing input fails the run (SIGABRT: 128 + 6), after the inputs
# before it ran.
expect 134 "input 0: 
input 5: first
input 6: second
input 5: third" "$WORK/seeds" "$WORK/crashes"

if [[ $failures -gt 0 ]]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "PASS"
