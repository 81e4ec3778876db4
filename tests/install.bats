#!/usr/bin/env bats
# Installing for one prefix after building for another: the data directory
# is compiled in, so the build must follow the prefix (a stamp), and an
# installed tool finds its alias table.
load helper

@test "install: a build for PREFIX A, installed for PREFIX B, finds B's alias table" {
	T=$BATS_TEST_TMPDIR
	mk() { make -s -C "$ROOT" BUILD="$T/build" BIN="$T/bin" "$@"; }
	run mk PREFIX="$T/a" "$T/bin/normalize-names"
	assert_success
	strings "$T/bin/normalize-names" | grep -q "$T/a/share/reports-toolkit"
	run mk PREFIX="$T/b" "$T/bin/normalize-names"
	assert_success
	strings "$T/bin/normalize-names" | grep -q "$T/b/share/reports-toolkit"
	run mk PREFIX="$T/b" install-files
	assert_success
	[ -f "$T/b/share/reports-toolkit/aliases.tsv" ]
	# Run from elsewhere, with no hint: the installed table is used.
	cd "$T"
	printf 'measure\nx\n' > in.tsv
	env -u REPORTS_DATA "$T/b/bin/normalize-names" in.tsv > out.tsv 2> err.txt
	run cat err.txt
	refute_output --partial 'no aliases.tsv found'
}
