#!/usr/bin/env bash
# Runs the embedding example against a fresh store and checks that it answers
# from the document it ingested, with the supporting sentence.
set -euo pipefail
out="$("$TEST_SRCDIR/mskg/examples/embed_example" "$TEST_TMPDIR/store")"
echo "$out"
grep -q "^quadriceps" <<<"$out"
grep -q "oppose the quadriceps" <<<"$out"
