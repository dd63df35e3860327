#!/usr/bin/env bash
# Issue 10 at the command line: input a stranger can send ends within its
# bound with exit 2 and a message that says what, where and what to do;
# nothing crashes or hangs. Each command runs under `timeout`, so that a
# regression fails the test instead of stalling it.
set -uo pipefail

MSKG="$TEST_SRCDIR/mskg/cli/mskg"
CORPUS="$TEST_SRCDIR/mskg/data/sample_corpus"
DB="$TEST_TMPDIR/store"
WORK="$TEST_TMPDIR/work"
mkdir -p "$WORK"
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect_exit CODE PATTERN COMMAND...: runs COMMAND (for at most 60 s),
# checks its exit code and that stdout+stderr match PATTERN (extended).
expect_exit() {
  local code="$1" pattern="$2"
  shift 2
  local out
  out="$(timeout 60 "$@" 2>&1)"
  local got=$?
  if [[ $got -ne $code ]]; then fail "exit $got (want $code): ${*:0:6}"$'\n'"${out:0:2000}"; return; fi
  if ! grep -Eq -- "$pattern" <<<"$out"; then fail "no /$pattern/ in output of: ${*:0:6}"$'\n'"${out:0:2000}"; fi
}

expect_exit 0 "ingested 5 documents" "$MSKG" --db "$DB" ingest "$CORPUS"

# Queries that enumerate every path stop at their budget or deadline.
expect_exit 2 "after 100000 intermediate rows.*narrow the query" \
  "$MSKG" --db "$DB" query --max-intermediate-rows 100000 "MATCH (n)-[*]-(m) RETURN count(*)"
start=$(date +%s%N)
expect_exit 2 "at its deadline.*--timeout" \
  "$MSKG" --db "$DB" query --timeout 0.5 --max-intermediate-rows 100000000000 \
  "MATCH (n)-[*1..100]-(m) RETURN count(*)"
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
(( elapsed_ms < 10000 )) || fail "--timeout 0.5 took ${elapsed_ms} ms"
expect_exit 2 "--timeout needs a number" "$MSKG" --db "$DB" query --timeout soon "RETURN 1"
# Distinct end nodes are found breadth-first, well within the bounds.
expect_exit 0 "1 row" "$MSKG" --db "$DB" query --max-intermediate-rows 2000000 \
  "MATCH (a:Muscle)-[*1..6]-(b) RETURN count(DISTINCT b)"

# Integer overflow is an error at the operator, not a wrong number or SIGFPE.
expect_exit 2 "1:28: integer overflow" "$MSKG" --db "$DB" query "RETURN 9223372036854775807 + 1"
expect_exit 2 "1:35: integer overflow" "$MSKG" --db "$DB" query "RETURN (-9223372036854775807 - 1) / -1"

# 50,000 nested parentheses or brackets: an error, not SIGSEGV.
parens="RETURN $(printf '(%.0s' {1..50000})1$(printf ')%.0s' {1..50000})"
expect_exit 2 "nested more than 200 levels" "$MSKG" --db "$DB" query "$parens"
brackets="RETURN $(printf '[%.0s' {1..50000})1$(printf ']%.0s' {1..50000})"
expect_exit 2 "nested more than 200 levels" "$MSKG" --db "$DB" query "$brackets"

# Text that is not UTF-8, in the query or in a parameter.
expect_exit 2 "1:18: invalid UTF-8" "$MSKG" --db "$DB" query $'MATCH (m {name: \'\xff\'}) RETURN m'
expect_exit 2 "parameter \\\$n is not valid UTF-8" "$MSKG" --db "$DB" query --param $'n=ps\xc3' \
  "MATCH (m {name: \$n}) RETURN m"

# Files that are not regular: a FIFO named notes.txt is refused at once when
# named, skipped with a note in a folder; the folder's other files are read.
mkfifo "$WORK/notes.txt"
expect_exit 2 "notes.txt: a FIFO.*only regular files are read" "$MSKG" --db "$DB" ingest "$WORK/notes.txt"
mkdir -p "$WORK/folder/sub"
printf 'Heavy lifting can cause a QL spasm.\n' >"$WORK/folder/sub/a.txt"
mkfifo "$WORK/folder/pipe.md"
# A folder with symbolic links to itself and to its parent: walked once.
ln -s . "$WORK/folder/sub/self"
ln -s .. "$WORK/folder/sub/parent"
expect_exit 0 "pipe.md: skipped: a FIFO" "$MSKG" --db "$DB" ingest "$WORK/folder"
expect_exit 0 "folder already read \(a symbolic link loop" "$MSKG" --db "$DB" ingest "$WORK/folder"
expect_exit 0 "ingested 1 documents" "$MSKG" --db "$DB" ingest "$WORK/folder"

# A document over the size limit is refused before it is read, with the way
# to raise the limit; UTF-16 is refused by name.
head -c 3000000 /dev/zero | tr '\0' 'a' >"$WORK/big.txt"
expect_exit 2 "big.txt: 2.9 MB, more than the 2.0 MB.*--max-document-mb" \
  "$MSKG" --db "$DB" ingest --max-document-mb 2 "$WORK/big.txt"
expect_exit 2 "--max-document-mb: expected a positive" "$MSKG" --db "$DB" ingest --max-document-mb 0 "$WORK/big.txt"
printf '\xff\xfeH\0i\0' >"$WORK/wide.txt"
expect_exit 2 "wide.txt: UTF-16LE text.*iconv" "$MSKG" --db "$DB" ingest "$WORK/wide.txt"

# Issue 10: a span whose end is before its begin is refused at its line.
cat >"$WORK/inverted.jsonl" <<'JSONL'
{"kind":"node","id":1,"type":"Muscle","name":"psoas major"}
{"kind":"node","id":2,"type":"Muscle","name":"hip flexors"}
{"kind":"edge","source":1,"relation":"PART_OF","target":2,"support":[{"document":"a.md","begin":40,"end":12}]}
JSONL
expect_exit 2 'inverted.jsonl:3: .*span end 12 is before its begin 40.*give begin <= end' \
  "$MSKG" --db "$WORK/inverted_db" import --format jsonl "$WORK/inverted.jsonl"

if ((failures > 0)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all hostile-input checks passed"
