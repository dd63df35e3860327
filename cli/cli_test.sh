#!/usr/bin/env bash
# End-to-end test of the mskg command: ingest the sample corpus, query it,
# export and count; every kind of bad input exits 2 with a clear message and
# leaves the store as it was.
set -uo pipefail

MSKG="$TEST_SRCDIR/mskg/cli/mskg"
CORPUS="$TEST_SRCDIR/mskg/data/sample_corpus"
DB="$TEST_TMPDIR/store"
WORK="$TEST_TMPDIR/work"
mkdir -p "$WORK"
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect_exit CODE PATTERN COMMAND...: runs COMMAND, checks its exit code and
# that stdout+stderr match the extended regular expression PATTERN.
expect_exit() {
  local code="$1" pattern="$2"
  shift 2
  local out
  out="$("$@" 2>&1)"
  local got=$?
  if [[ $got -ne $code ]]; then fail "exit $got (want $code): $*"$'\n'"$out"; return; fi
  if ! grep -Eq -- "$pattern" <<<"$out"; then fail "no /$pattern/ in output of: $*"$'\n'"$out"; fi
}

# Ingest, then the same again: the second run adds nothing.
expect_exit 0 "ingested 5 documents \(0 unchanged, 0 failed\)" "$MSKG" --db "$DB" ingest "$CORPUS"
expect_exit 0 "ingested 5 documents \(5 unchanged, 0 failed\).*\+0 nodes, \+0 edges" "$MSKG" ingest "$CORPUS" --db "$DB"
expect_exit 0 "ingested 5 documents \(5 unchanged, 0 failed\)" "$MSKG" --db "$DB" ingest --threads 3 "$CORPUS"
expect_exit 2 "--threads: expected a positive number, got '0'" "$MSKG" --db "$DB" ingest --threads 0 "$CORPUS"
stats_before="$("$MSKG" --db "$DB" stats)"

# Queries: the default table, TSV, JSON, --why, and the environment's store.
expect_exit 0 "quadriceps" "$MSKG" --db "$DB" query \
  "MATCH (m:Muscle)-[:ANTAGONIST_OF]-(:Muscle {name: 'hamstrings'}) RETURN DISTINCT m.name"
expect_exit 0 "^name" "$MSKG" --db "$DB" query --format tsv "MATCH (m:Muscle {name: 'QL'}) RETURN m.name AS name"
expect_exit 0 '"quadratus lumborum"' "$MSKG" --db "$DB" query --format json "MATCH (m:Muscle {name: 'QL'}) RETURN m.name"
expect_exit 0 "sample_corpus/" "$MSKG" --db "$DB" query --why \
  "MATCH (m:Muscle)-[:ANTAGONIST_OF]-(:Muscle {name: 'hamstrings'}) RETURN DISTINCT m.name"
expect_exit 0 "quadratus lumborum" env MSKG_DB="$DB" "$MSKG" query --param n=QL \
  "MATCH (m:Muscle) WHERE m.name = \$n RETURN m.name"

# Export writes the scorer's format.
expect_exit 0 "^subject_type	subject	relation	object_type	object	document" "$MSKG" --db "$DB" export --format triples
"$MSKG" --db "$DB" export --format triples -o "$WORK/triples.tsv" 2>/dev/null
[[ $(wc -l <"$WORK/triples.tsv") -gt 10 ]] || fail "export wrote too few triples"
expect_exit 0 "documents +6" "$MSKG" --db "$DB" stats

# Bad input: each exits 2, says what is wrong, and changes nothing.
printf '' >"$WORK/empty.txt"
printf 'abc\0def' >"$WORK/binary.txt"
printf 'valid line\nbad \xff byte\n' >"$WORK/latin1.txt"
printf 'hello' >"$WORK/notes.pdf"
expect_exit 2 "no such file" "$MSKG" --db "$DB" ingest "$WORK/missing.txt"
expect_exit 2 "empty" "$MSKG" --db "$DB" ingest "$WORK/empty.txt"
expect_exit 2 "binary" "$MSKG" --db "$DB" ingest "$WORK/binary.txt"
expect_exit 2 "latin1.txt:2:5: invalid UTF-8" "$MSKG" --db "$DB" ingest "$WORK/latin1.txt"
expect_exit 2 "unsupported" "$MSKG" --db "$DB" ingest "$WORK/notes.pdf"
expect_exit 2 "1:17:.*expected" "$MSKG" --db "$DB" query "MATCH (p:Muscle RETURN p"
expect_exit 2 "\^" "$MSKG" --db "$DB" query "MATCH (p:Muscle RETURN p"
expect_exit 2 "unknown label 'Musle'" "$MSKG" --db "$DB" query "MATCH (p:Musle) RETURN p.name"
expect_exit 2 "unknown relation" "$MSKG" --db "$DB" query "MATCH (p)-[:OPPOSES]->(q) RETURN p.name"
expect_exit 2 "no store at" "$MSKG" --db "$WORK/nowhere" stats
expect_exit 2 "unknown command" "$MSKG" frobnicate
expect_exit 2 "unknown export format" "$MSKG" --db "$DB" export --format xml
[[ "$("$MSKG" --db "$DB" stats)" == "$stats_before" ]] || fail "bad input changed the store"

# The same file named another way is the same document.
expect_exit 0 "ingested 1 documents \(1 unchanged" "$MSKG" --db "$DB" ingest "$CORPUS/../sample_corpus/hamstring_strain.txt"

# A folder of good and bad files: the good ones are stored, the exit code is 2.
mkdir -p "$WORK/mixed"
cp "$WORK/binary.txt" "$WORK/mixed/a_binary.txt"
printf 'Hamstring Strain\n\nA hamstring strain can be caused by sprinting.\n' >"$WORK/mixed/b_good.txt"
expect_exit 2 "binary" "$MSKG" --db "$WORK/mixed_store" ingest "$WORK/mixed"
expect_exit 0 "documents +2" "$MSKG" --db "$WORK/mixed_store" stats
mkdir -p "$WORK/empty_folder"
expect_exit 2 "no .txt, .md or .html files" "$MSKG" --db "$DB" ingest "$WORK/empty_folder"

# A second writer is refused while the store's lock is held. The holder
# keeps it until it is stopped, so that a slow start of mskg (a sanitizer
# build on a loaded machine) cannot outlast it.
# It says when it holds the lock (a file), so that a slow start of Python
# on a loaded machine cannot make the check run before it.
python3 -c 'import fcntl, sys, time
f = open(sys.argv[1], "r+"); fcntl.lockf(f, fcntl.LOCK_EX)
open(sys.argv[2], "w").close(); time.sleep(120)' "$DB/LOCK" "$WORK/locked" &
locker=$!
for _ in $(seq 300); do [[ -e "$WORK/locked" ]] && break; sleep 0.1; done
[[ -e "$WORK/locked" ]] || fail "the lock holder did not take the lock in 30 s"
expect_exit 2 "in use by another mskg process" "$MSKG" --db "$DB" ingest "$CORPUS"
kill "$locker"
wait "$locker" 2>/dev/null || true

# A failed export leaves an existing output file as it was.
echo keep >"$WORK/out.tsv"
expect_exit 2 "unknown label" "$MSKG" --db "$DB" export --query "MATCH (m:Musle) RETURN m" -o "$WORK/out.tsv"
[[ "$(cat "$WORK/out.tsv")" == "keep" ]] || fail "failed export clobbered its output file"

# ask: the template, the Cypher it ran, and the answer.
expect_exit 0 "query: MATCH" "$MSKG" --db "$DB" ask "what opposes the hamstrings"
expect_exit 0 "quadriceps" "$MSKG" --db "$DB" ask "what opposes the hamstrings"
expect_exit 2 "questions I understand" "$MSKG" --db "$DB" ask "what is the meaning of life"

# Every export format, then a round trip through jsonl into a second store.
for format in jsonl graphml dot ntriples turtle; do
  expect_exit 0 "wrote" "$MSKG" --db "$DB" export --format "$format" -o "$WORK/graph.$format"
  [[ -s "$WORK/graph.$format" ]] || fail "export --format $format wrote nothing"
done
expect_exit 0 "wrote" "$MSKG" --db "$DB" export --format neo4j-csv -o "$WORK/neo4j"
[[ -s "$WORK/neo4j/nodes.csv" && -s "$WORK/neo4j/relationships.csv" ]] || fail "neo4j-csv files missing"
expect_exit 0 "" "$MSKG" --db "$WORK/copy" import --format jsonl "$WORK/graph.jsonl"
"$MSKG" --db "$DB" export --format triples | sort >"$WORK/original.tsv"
"$MSKG" --db "$WORK/copy" export --format triples | sort >"$WORK/copy.tsv"
cmp -s "$WORK/original.tsv" "$WORK/copy.tsv" || fail "jsonl round trip changed the triples"
expect_exit 2 "is a folder" "$MSKG" --db "$WORK/copy" import --format jsonl "$WORK"
printf 'Muscle\tiliacus\tPART_OF\tMuscle\thip flexors\tdoc\nMuscle\tpsoas\tPART_OF\n' >"$WORK/bad.tsv"
copy_before="$("$MSKG" --db "$WORK/copy" stats)"
expect_exit 2 "bad.tsv:2:" "$MSKG" --db "$WORK/copy" import --format triples "$WORK/bad.tsv"
[[ "$("$MSKG" --db "$WORK/copy" stats)" == "$copy_before" ]] || fail "a bad import changed the store"

# Triples in chunks of 3 rows, so that each document's rows and each edge's
# supports arrive in several chunks: the round trip gives back the same
# triples and counts as the default chunks; importing the file again changes
# nothing; a bad row in a late chunk exits 2 with its line and writes nothing.
"$MSKG" --db "$DB" export --format triples -o "$WORK/all.tsv" 2>/dev/null
expect_exit 0 "imported [0-9]+ claims" env MSKG_IMPORT_CHUNK_ROWS=3 "$MSKG" --db "$WORK/chunked" import --format triples "$WORK/all.tsv"
expect_exit 0 "imported [0-9]+ claims" "$MSKG" --db "$WORK/whole" import --format triples "$WORK/all.tsv"
sort "$WORK/all.tsv" >"$WORK/all_sorted.tsv"
"$MSKG" --db "$WORK/chunked" export --format triples | sort >"$WORK/chunked.tsv"
cmp -s "$WORK/all_sorted.tsv" "$WORK/chunked.tsv" || fail "triples round trip in chunks changed the triples"
chunked_stats="$("$MSKG" --db "$WORK/chunked" stats | tail -n +2)"
[[ "$chunked_stats" == "$("$MSKG" --db "$WORK/whole" stats | tail -n +2)" ]] || fail "chunked and whole imports differ"
expect_exit 0 "imported" env MSKG_IMPORT_CHUNK_ROWS=3 "$MSKG" --db "$WORK/chunked" import --format triples "$WORK/all.tsv"
[[ "$("$MSKG" --db "$WORK/chunked" stats | tail -n +2)" == "$chunked_stats" ]] || fail "importing the same triples again changed the store"
{ cat "$WORK/all.tsv"; printf 'Muscle\tpsoas\tLIKES\tMuscle\thip flexors\tdoc\n'; } >"$WORK/late_bad.tsv"
bad_line=$(wc -l <"$WORK/late_bad.tsv")
expect_exit 2 "late_bad.tsv:$bad_line: .*LIKES" env MSKG_IMPORT_CHUNK_ROWS=3 "$MSKG" --db "$WORK/chunked" import --format triples "$WORK/late_bad.tsv"
[[ "$("$MSKG" --db "$WORK/chunked" stats | tail -n +2)" == "$chunked_stats" ]] || fail "a bad row in a late chunk changed the store"
[[ ! -e "$WORK/chunked/bulk_load.tmp" ]] || fail "a failed import left its temporary files"
expect_exit 2 "MSKG_IMPORT_CHUNK_ROWS" env MSKG_IMPORT_CHUNK_ROWS=many "$MSKG" --db "$WORK/chunked" import --format triples "$WORK/all.tsv"

# show draws the answer's subgraph with Graphviz.
if command -v dot >/dev/null; then
  expect_exit 0 "" "$MSKG" --db "$DB" show \
    "MATCH (m:Muscle)-[:ANTAGONIST_OF]-(:Muscle {name: 'hamstrings'}) RETURN m.name" -o "$WORK/answer.svg"
  grep -q "<svg" "$WORK/answer.svg" || fail "show wrote no SVG"
else
  echo "note: Graphviz's dot is not installed; show is not tested" >&2
fi

if ((failures > 0)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all CLI checks passed"
