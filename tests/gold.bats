#!/usr/bin/env bats
# Golden outputs: the whole pipeline on samples/ must give exactly
# tests/gold/ (written by `make regold`).  A change of output is then a
# reviewed change of tests/gold, not an accident.

load helper

@test "gold: the pipeline on samples/ gives tests/gold/ byte for byte" {
	BIN=$BIN "$ROOT/scripts/gold" "$BATS_TEST_TMPDIR/now"
	run diff -r "$ROOT/tests/gold" "$BATS_TEST_TMPDIR/now"
	[ "$status" -eq 0 ] || { echo "$output" | head -n 60; echo "(make regold, if the change is meant)"; false; }
}
