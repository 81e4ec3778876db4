#!/usr/bin/env bats
# examples/Makefile as an attacker or a careless user would feed it:
# report names are never run as shell commands, and names make cannot
# handle stop the job with their names instead of being half-processed.
load helper

# make runs in the scratch folder, so that a failing run leaves nothing in the checkout
job() { make -s -C "$work" -f "$ROOT/examples/Makefile" TOOLS="$BIN" REPORTS="$work/reports" OUT="$work/out" "$@"; }

setup() {
	work=$BATS_TEST_TMPDIR/job
	mkdir -p "$work/reports"
	cp "$SAMPLES/northshire-2024-25-q1.txt" "$work/reports/good.txt"
}

@test "examples: a report name holding \$(cmd), \`cmd\` or ;cmd is not run, and is named" {
	cd "$work"
	cp reports/good.txt 'reports/$(touch PWNED1).txt'
	cp reports/good.txt 'reports/a;touch PWNED2;b.txt'
	cp reports/good.txt 'reports/`touch PWNED3`.txt'
	run job
	[ "$status" -ne 0 ]
	assert_output --partial 'report names make cannot handle'
	assert_output --partial 'a;touch PWNED2;b.txt'
	run find "$work" "$ROOT" -name "PWNED*"
	assert_output ''
	[ ! -e "$work/out/series.csv" ]
}

@test "examples: a report name with a space stops the job, named; renamed, it runs" {
	rm "$work/reports/good.txt"
	cp "$SAMPLES/northshire-2024-25-q2.md" "$work/reports/q2 final.md"
	run job
	[ "$status" -ne 0 ]
	assert_output --partial 'q2 final.md'
	mv "$work/reports/q2 final.md" "$work/reports/q2-final.md"
	run job
	assert_success
	[ -s "$work/out/q2-final.tsv" ] && [ -s "$work/out/series.csv" ]
}

@test "examples: an OUT folder of two words is refused before anything runs" {
	run make -s -C "$work" -f "$ROOT/examples/Makefile" TOOLS="$BIN" REPORTS="$work/reports" OUT="$work/o ut"
	[ "$status" -ne 0 ]
	assert_output --partial 'must be one word each'
	[ ! -e "$work/o" ]
}
