#!/usr/bin/env bash
# tests/extraction_eval_test.sh
#
# Extraction quality as users get it, scored by the official scorer: ingests
# the development articles ($MSKG_SHARED/eval/dev/docs) and the five original
# documents ($MSKG_SHARED/corpus) with `mskg ingest`, exports the triples
# (`mskg export --format triples`) and runs $MSKG_SHARED/eval/score on them.
# Fails when F1 or precision falls under its floor: floors a little under
# what is reached (dev: F1 0.434, P 0.552; the five: F1 0.634, P 0.574),
# regression guards, not targets. The articles are not in the repository:
# without MSKG_SHARED the test is skipped, saying so; with MSKG_SHARED set
# (tools/test.sh always sets it) a missing folder is a failure.
set -euo pipefail

readonly DEV_MIN_F1=0.42 DEV_MIN_P=0.53
readonly FIVE_MIN_F1=0.62 FIVE_MIN_P=0.56

MSKG="$(pwd)/cli/mskg"
if [[ -z "${MSKG_SHARED:-}" ]]; then
  echo "SKIPPED: MSKG_SHARED is not set (pass --test_env=MSKG_SHARED=/path/to/shared);" \
       "the evaluation articles are not in the repository"
  exit 0
fi
for need in eval/score eval/dev/docs eval/dev/gold corpus eval/gold; do
  if [[ ! -e "$MSKG_SHARED/$need" ]]; then
    echo "FAIL: $MSKG_SHARED/$need not found (MSKG_SHARED=$MSKG_SHARED): point MSKG_SHARED at the shared folder" >&2
    exit 1
  fi
done
WORK="${TEST_TMPDIR:-$(mktemp -d)}"

# score NAME DOCS GOLD MIN_F1 MIN_P
score() {
  local name=$1 docs=$2 gold=$3 min_f1=$4 min_p=$5
  local db="$WORK/$name.db" triples="$WORK/$name.tsv"
  rm -rf "$db"
  "$MSKG" --db "$db" ingest "$docs" >/dev/null
  "$MSKG" --db "$db" export --format triples -o "$triples" >/dev/null
  python3 "$MSKG_SHARED/eval/score" "$gold" "$triples"
  python3 "$MSKG_SHARED/eval/score" --json "$gold" "$triples" | python3 -c '
import json, sys
name, min_f1, min_p = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
r = json.load(sys.stdin)
print("%s: P %.3f R %.3f F1 %.3f (floors F1 %s, P %s)"
      % (name, r["precision"], r["recall"], r["f1"], min_f1, min_p))
bad = [f"{k} {r[k]:.3f} < {m}" for k, m in (("f1", min_f1), ("precision", min_p)) if r[k] < m]
if bad:
    sys.exit(f"FAIL: {name}: " + ", ".join(bad))
' "$name" "$min_f1" "$min_p"
}

score dev "$MSKG_SHARED/eval/dev/docs" "$MSKG_SHARED/eval/dev/gold" $DEV_MIN_F1 $DEV_MIN_P
score original_five "$MSKG_SHARED/corpus" "$MSKG_SHARED/eval/gold" $FIVE_MIN_F1 $FIVE_MIN_P
echo PASS
