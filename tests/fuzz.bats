#!/usr/bin/env bats
# The fuzzing rig itself: fuzz/run hands its sanitizer settings to the
# harness, and the harness's option byte reaches the tool.
load helper

@test "fuzz/run: ASAN_OPTIONS and UBSAN_OPTIONS reach the harness" {
	d=$BATS_TEST_TMPDIR/fz
	mkdir -p "$d/bin"
	printf '#!/bin/sh\necho "ASAN=[$ASAN_OPTIONS] UBSAN=[$UBSAN_OPTIONS]"\n' > "$d/bin/fake"
	chmod +x "$d/bin/fake"
	ASAN_OPTIONS= UBSAN_OPTIONS=report_error_type=1 run "$ROOT/fuzz/run" "$d" 1 fake
	assert_success
	run cat "$d/fake.log"
	assert_output --partial 'ASAN=[detect_leaks=0'
	assert_output --partial 'halt_on_error=1:report_error_type=1]'
}

@test "fuzz harness: an input's option byte turns on the tool's options" {
	h=${FUZZ_BIN:-$ROOT/build/fuzz/bin}/diff-quarters
	[ -x "$h" ] || skip "no fuzz harness built ($h; make fuzz-build, needs clang)"
	f=$BATS_TEST_TMPDIR/in
	q() { printf 'doc\tperiod\tmeasure\tmeasure_key\tvalue\tunit\tkind\tline\nr\t%s\tCalls\tcalls\t%s\tcount\tactual\t3\n' "$1" "$2"; }
	{ printf '\037\002'; q '2023/24 Q1' 10; printf '\036'; q '2023/24 Q2' 12; } > "$f"
	run "$h" "$f"
	assert_output --partial '2023/24 Q2'
	assert_output --regexp 'Calls.*10.*12'
	{ q '2023/24 Q1' 10; printf '\036'; q '2023/24 Q2' 12; } > "$f"
	run "$h" "$f"
	assert_output --partial 'old_period'
}
