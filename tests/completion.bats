#!/usr/bin/env bats
# The bash completion offers what the tools take: every option it offers
# for a tool is one the tool accepts, and the fixed values it offers are
# values the tool accepts.
load helper

# offered TOOL: the options the completion offers after "TOOL --".
offered() {
	PATH="$BIN:$PATH" bash -c 'source "$1"; COMP_WORDS=("$2" --); COMP_CWORD=1
		_reports_toolkit; printf "%s\n" "${COMPREPLY[@]}"' _ \
		"$ROOT/completion/reports-toolkit" "$1"
}

@test "completion: each option offered is one the tool accepts" {
	cd "$BATS_TEST_TMPDIR"
	local tool opt n=0 bad=0
	for tool in split-sections extract-metrics normalize-names diff-quarters; do
		[ -x "$BIN/$tool" ] || continue
		for opt in $(offered "$tool"); do
			n=$((n + 1))
			# "--opt=" and an option that needs one get an argument
			case $opt in *=) opt=${opt}x ;; esac
			out=$("$BIN/$tool" "$opt" - - < /dev/null 2>&1) || true
			case $out in *"needs an argument"*) out=$("$BIN/$tool" "$opt" x - - < /dev/null 2>&1) || true ;; esac
			case $out in *"unknown option"*|*"unrecognized option"*|*"invalid option"*)
				echo "$tool rejects $opt, which the completion offers: $out" >&2; bad=1 ;;
			esac
		done
	done
	[ "$n" -gt 12 ] || { echo "only $n options offered" >&2; false; }
	[ "$bad" -eq 0 ]
}

@test "completion: the values offered for --only are values diff-quarters takes" {
	[ -x "$BIN/diff-quarters" ] || skip "diff-quarters is not built"
	local v vals
	vals=$(bash -c 'source "$1"; COMP_WORDS=(diff-quarters --only ""); COMP_CWORD=2
		_reports_toolkit; printf "%s\n" "${COMPREPLY[@]}"' _ "$ROOT/completion/reports-toolkit")
	[ -n "$vals" ]
	printf 'measure\tvalue\n' > "$BATS_TEST_TMPDIR/q.tsv"
	for v in $vals; do
		run "$BIN/diff-quarters" --only "$v" "$BATS_TEST_TMPDIR/q.tsv" "$BATS_TEST_TMPDIR/q.tsv"
		[ "$status" -ne 2 ] || { echo "--only $v: $output" >&2; false; }
	done
}
