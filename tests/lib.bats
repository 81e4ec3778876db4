#!/usr/bin/env bats
# The shared library's unit tests (tests/lib-test.c), built by `make`.

load helper

@test "lib: unit tests of lib/ pass" {
	run "${LIBTEST:-$ROOT/build/lib-test}" "$ROOT/tests/corpus"
	assert_success
	assert_output --regexp '[0-9]+ passed, 0 failed$'
}
