#!/usr/bin/env bash
# Issue 14, part 1: `mskg show` stays legible. On the sample corpus (and on
# the development corpus when $MSKG_SHARED has it) the issue's two queries,
# an answer larger than the node budget and one with neighbours are drawn
# within bounds: the nodes drawn, the image's long side, the time taken;
# and a layout past --layout-timeout stops with exit 2 and no file.
set -uo pipefail

MSKG="$TEST_SRCDIR/mskg/cli/mskg"
SAMPLE="$TEST_SRCDIR/mskg/data/sample_corpus"
WORK="$TEST_TMPDIR/show"
mkdir -p "$WORK"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

if ! command -v dot >/dev/null; then
  echo "note: Graphviz's dot is not installed; show is not tested" >&2
  exit 0
fi

# Nodes drawn in a DOT file: node lines "  nK [label=...", legend excluded.
dot_nodes() { grep -cE '^  n[0-9]+ \[label=' "$1"; }
# Width and height of a PNG, from its IHDR chunk.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}'; }
# Width and height of an SVG in CSS pixels (Graphviz writes points).
svg_size() { grep -om1 'width="[0-9.]*pt" height="[0-9.]*pt"' "$1" | tr -dc '0-9. \n' | awk '{printf "%d %d\n", $1*4/3+0.5, $2*4/3+0.5}'; }

# show_check DB NAME MIN_NODES MAX_NODES QUERY [FLAGS...]: draws QUERY as
# .dot, .png and .svg; checks the nodes drawn, the long side <= 2000 px and
# each drawing's time < 5 s.
show_check() {
  local db="$1" name="$2" min="$3" max="$4" query="$5"
  shift 5
  local ext start ms out
  for ext in dot png svg; do
    start=$(date +%s%N)
    out="$("$MSKG" --db "$db" show "$query" "$@" -o "$WORK/$name.$ext" 2>&1)" ||
      { fail "$name.$ext: exit $?: $out"; continue; }
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    (( ms < 5000 )) || fail "$name.$ext took $ms ms (bound 5000)"
    case "$ext" in
      dot)
        local nodes; nodes=$(dot_nodes "$WORK/$name.dot")
        (( nodes >= min && nodes <= max )) || fail "$name: $nodes nodes drawn, want $min..$max"
        echo "$name: $nodes nodes, $(grep -c -- ' -> n' "$WORK/$name.dot") lines" ;;
      png|svg)
        local size; size=$("${ext}_size" "$WORK/$name.$ext")
        read -r w h <<<"$size"
        (( w > 0 && h > 0 && w <= 2000 && h <= 2000 )) || fail "$name.$ext is ${w}x${h} px (bound 2000)"
        echo "$name.$ext: ${w}x${h} px in $ms ms" ;;
    esac
  done
}

HAMSTRINGS="MATCH (x:Muscle)-[r:ANTAGONIST_OF]-(p:Muscle {name: 'hamstrings'}) WHERE NOT r.inferred RETURN x, r, p"
PSOAS="MATCH (x:Muscle)-[r:ANTAGONIST_OF]-(p:Muscle {name: 'psoas major'}) RETURN x, r, p"

stores=(sample)
"$MSKG" --db "$WORK/sample" ingest "$SAMPLE" >/dev/null 2>&1 || fail "ingest of the sample corpus failed"
if [[ -d "${MSKG_SHARED:-}/corpus" ]]; then
  "$MSKG" --db "$WORK/corpus" ingest "$MSKG_SHARED/corpus" >/dev/null 2>&1 || fail "ingest of the corpus failed"
  stores+=(corpus)
else
  echo "note: no \$MSKG_SHARED/corpus; the issue's queries run on the sample corpus only" >&2
fi
for store in "${stores[@]}"; do
  db="$WORK/$store"
  # Only the answer: the two muscles, their two edges merged into one line.
  show_check "$db" "$store-hamstrings" 2 2 "$HAMSTRINGS"
  lines=$(grep -c -- ' -> n' "$WORK/$store-hamstrings.dot")
  [[ $lines -eq 1 ]] || fail "$store-hamstrings: $lines lines for one pair of muscles (want them merged)"
  # Inferred edges dashed and named by their rule.
  show_check "$db" "$store-psoas" 2 60 "$PSOAS"
  grep -q 'style=dashed' "$WORK/$store-psoas.dot" || fail "$store-psoas: no dashed inferred edge"
  grep -qE 'ANTAGONIST_OF \([a-z_]+' "$WORK/$store-psoas.dot" || fail "$store-psoas: no rule in an inferred edge's label"
  # Neighbours on request, ranked and capped.
  show_check "$db" "$store-neighbours" 3 7 "$HAMSTRINGS" --neighbours 5
done

# More than the node budget: the first 60 and a note of the rest.
out="$("$MSKG" --db "$WORK/sample" show "MATCH (m) RETURN m" -o "$WORK/all.dot" 2>&1)"
[[ $(dot_nodes "$WORK/all.dot") -eq 60 ]] || fail "MATCH (m): $(dot_nodes "$WORK/all.dot") nodes drawn, want 60"
grep -Eq "first 60 nodes .* [0-9]+ more left out" <<<"$out" || fail "no note of the nodes left out: $out"
grep -q "more left out" "$WORK/all.dot" || fail "the picture's title does not say what was left out"
show_check "$WORK/sample" all 60 60 "MATCH (m) RETURN m"
show_check "$WORK/sample" all-20 20 20 "MATCH (m) RETURN m" --max-nodes 20

# A layout past its time limit stops, clearly, and leaves no file.
out="$("$MSKG" --db "$WORK/sample" show "$PSOAS" --neighbours 40 --layout-timeout 0.001 -o "$WORK/late.png" 2>&1)"
code=$?
[[ $code -eq 2 ]] || fail "--layout-timeout: exit $code (want 2): $out"
grep -q "layout took longer than .*--layout-timeout" <<<"$out" || fail "--layout-timeout: unclear message: $out"
[[ ! -e "$WORK/late.png" ]] || fail "--layout-timeout left a partial picture"
# Bad flags say what is wrong.
out="$("$MSKG" --db "$WORK/sample" show "$PSOAS" --neighbours -1 -o "$WORK/x.png" 2>&1)"
[[ $? -eq 2 ]] && grep -q -- "--neighbours needs an integer of at least 0" <<<"$out" || fail "--neighbours -1: $out"
out="$("$MSKG" --db "$WORK/sample" show "$PSOAS" --max-pixels 10 -o "$WORK/x.png" 2>&1)"
[[ $? -eq 2 ]] && grep -q -- "--max-pixels needs an integer of at least 100" <<<"$out" || fail "--max-pixels 10: $out"

echo "show_test: $failures failures"
[[ $failures -eq 0 ]]
