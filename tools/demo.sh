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

ask "Which muscles oppose the psoas, through the groups it belongs to?" \
  "MATCH (:Muscle {name: 'psoas'})-[:PART_OF]->(g:Muscle)-[r:ANTAGONIST_OF]-(m:Muscle) WHERE NOT r.inferred RETURN DISTINCT g.name AS group, m.name AS opposing"
ask "Which causes do QL spasm and psoas spasm share?" \
  "MATCH (c)-[:CAUSES]->(:Condition {name: 'QL spasm'}), (c)-[:CAUSES]->(:Condition {name: 'psoas spasm'}) RETURN DISTINCT c.name"

echo
echo "== The same in English, with the Cypher that mskg ran:"
"$MSKG" ask "treatments for a hamstring strain"
echo
"$MSKG" ask "causes shared by QL spasm and psoas spasm"
echo
"$MSKG" stats
