#!/usr/bin/env bats
# README's examples are true: every indented "$ command" block in README.md
# is run from the checkout's root with the built tools first on PATH, and
# its output must be the lines shown under it (runs of blanks compared as
# one space, so that aligned columns may be shown aligned).
load helper

@test "README: every \$ example gives the output shown" {
	cd "$ROOT"
	awk '
		/^    \$ / { if (cmd != "") print_case(); cmd = substr($0, 7); out = ""; next }
		cmd != "" && /^    / { out = out substr($0, 5) "\n"; next }
		cmd != "" { print_case(); cmd = "" }
		function print_case() { printf "%s\n%s\036\n", cmd, out }
		END { if (cmd != "") print_case() }' README.md > "$BATS_TEST_TMPDIR/cases"
	n=0 bad=0
	while IFS= read -r cmd && IFS= read -r -d $'\036' want; do
		n=$((n + 1))
		got=$(PATH="$BIN:$PATH" REPORTS_DATA="$ROOT/data" bash -o pipefail -c "$cmd" 2>&1) ||
			{ echo "failed: \$ $cmd" >&2; echo "$got" | head -5 >&2; bad=1; continue; }
		norm() { sed -e 's/[[:space:]]\{1,\}/ /g' -e 's/ $//' | sed -e '/^$/d'; }
		if [ "$(printf '%s\n' "$got" | norm)" != "$(printf '%s' "$want" | norm)" ]; then
			echo "README example differs: \$ $cmd" >&2
			diff <(printf '%s' "$want" | norm) <(printf '%s\n' "$got" | norm) >&2 || true
			bad=1
		fi
		read -r _ || true	# the newline after the separator
	done < "$BATS_TEST_TMPDIR/cases"
	[ "$n" -ge 3 ] || { echo "only $n examples found" >&2; false; }
	[ "$bad" -eq 0 ]
}
