#!/usr/bin/env bash
# The main job: installs what is missing, builds mskg, ingests the sample
# corpus we wrote (data/sample_corpus) into the default store, and answers
# example questions with the sentences behind each answer.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/setup.sh
bazel build //cli:mskg >&2
MSKG="$(bazel info bazel-bin 2>/dev/null)/cli/mskg"

"$MSKG" ingest data/sample_corpus

ask() {
  echo
  echo "== $1"
  echo "   $2"
  "$MSKG" query --why "$2"
}

ask "Which muscles oppose a tight psoas?" \
  "MATCH (m:Muscle)-[:ANTAGONIST_OF]-(:Muscle {name: 'psoas'}) RETURN DISTINCT m.name"
ask "Which causes do QL spasm and psoas spasm share?" \
  "MATCH (c)-[:CAUSES]->(:Condition {name: 'quadratus lumborum spasm'}), (c)-[:CAUSES]->(:Condition {name: 'psoas major spasm'}) RETURN DISTINCT c.name"
ask "What treats a hamstring strain?" \
  "MATCH (t:Treatment)-[:TREATS]->(:Condition {name: 'hamstring strain'}) RETURN DISTINCT t.name"
echo
"$MSKG" stats
