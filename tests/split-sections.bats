load helper
bats_require_minimum_version 1.5.0

# split-sections: one TSV row per block of a quarterly report.

setup() {
	SS="$BIN/split-sections"
}

# A column of the rows whose text starts with a prefix: col NAME PREFIX < tsv
col_of() {
	awk -F'\t' -v name="$1" -v pre="$2" '
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		index($c["text"], pre) == 1 { print $c[name] }'
}

score() {
	local r="$1" out="$BATS_TEST_TMPDIR/$1.tsv" gold
	gold="$SHARED/gold/${r%.*}.sections.tsv"
	[ -f "$gold" ] || gold="$SHARED/gold/${r%.*}-base.sections.tsv"
	"$SS" "$SHARED/corpus/$r" > "$out"
	run python3 "$SHARED/eval/score-sections" "$SHARED/corpus/$r" "$gold" "$out"
	assert_success
	echo "$output"
	# structure all gold pairs, spurious 0, kept >= 0.995
	[[ "$output" =~ structure\ ([0-9]+)/([0-9]+) ]]
	[ "${BASH_REMATCH[1]}" = "${BASH_REMATCH[2]}" ]
	[[ "$output" =~ spurious\ 0([^0-9]|$) ]]
	[[ "$output" =~ kept\ ([0-9.]+) ]]
	awk -v k="${BASH_REMATCH[1]}" 'BEGIN { exit !(k >= 0.995) }'
}

# ---- the corpus ----

@test "corpus: plain-text report scores all pairs, none spurious, kept >= 0.995" {
	need_shared
	score essex-2019-20-q2.txt
}

@test "corpus: Markdown report scores all pairs, none spurious, kept >= 0.995" {
	need_shared
	score essex-2019-20-q3.md
}

@test "corpus: 12-priority report with tables scores all pairs, kept >= 0.995" {
	need_shared
	score essex-2023-24-q1.txt
}

# ---- the command line ----

@test "--help fits a screen and exits 0" {
	run "$SS" --help
	assert_success
	assert_output --partial "usage: split-sections"
	[ "$(printf '%s\n' "$output" | wc -l)" -le 24 ]
}

@test "--version prints the tool name" {
	run "$SS" --version
	assert_success
	assert_output --regexp '^split-sections [0-9]'
}

@test "an unknown option is bad usage: exit 2" {
	run "$SS" --no-such-option
	assert_failure 2
	assert_line --index 0 "split-sections: unknown option or missing argument: --no-such-option"
	assert_line --index 1 "Try 'split-sections --help' for more information."
}

@test "header row lists the twelve columns in order" {
	run "$SS" < /dev/null
	assert_success
	assert_line --index 0 "$(printf 'doc\tperiod\tpriority\tpriority_title\tcommitment\theading\tarea\tkind\tdepth\tline\ttext\tline_map')"
}

# ---- layouts: tests as data ----

# The cases of tests/corpus/split-sections/: each input (NAME.txt or
# NAME.md) beside NAME.expected, whose first line after its "#" comments
# names the columns compared, and whose rows are every output row, in
# those columns.  run_cases DIR prints a diff for each failing case and
# fails when one does, or when DIR has none.
run_cases() {
	local want name input cols n=0 failed=0
	for want in "$1"/*.expected; do
		[ -f "$want" ] || continue
		n=$((n + 1))
		name=${want%.expected}
		input=$name.txt
		[ -f "$input" ] || input=$name.md
		if [ ! -f "$input" ]; then
			echo "case ${name##*/}: no input (${name##*/}.txt or .md)"
			failed=$((failed + 1))
			continue
		fi
		cols=$(expected "$want" | head -n 1)
		if ! diff -u --label "$want" --label "split-sections ${input##*/}" \
			<(expected "$want") <("$SS" "$input" | columns "$cols"); then
			echo "case ${name##*/} failed"
			failed=$((failed + 1))
		fi
	done
	echo "$n cases, $failed failed"
	[ "$n" -gt 0 ] && [ "$failed" -eq 0 ]
}

# An expected file without its leading "#" comments.
expected() {
	awk 'body || !/^#/ { body = 1; print }' "$1"
}

# The named columns (tab-separated names) of a TSV, header included.
columns() {
	awk -F'\t' -v OFS='\t' -v want="$1" '
		NR == 1 {
			k = split(want, w, "\t")
			for (i = 1; i <= NF; i++) at[$i] = i
			for (j = 1; j <= k; j++)
				if (!(w[j] in at)) { print "no column " w[j]; exit 1 }
		}
		{
			row = $(at[w[1]])
			for (j = 2; j <= k; j++) row = row OFS $(at[w[j]])
			print row
		}'
}

@test "layouts: every case of tests/corpus/split-sections gives its expected rows" {
	run run_cases "$ROOT/tests/corpus/split-sections"
	assert_success
	assert_line --regexp '^[0-9]+ cases, 0 failed$'
}

@test "layouts: the case runner fails on a wrong case, a case without input, no cases" {
	local d="$BATS_TEST_TMPDIR/cases"
	mkdir -p "$d"
	run run_cases "$d"
	assert_failure
	assert_output "0 cases, 0 failed"
	printf 'Priority 1 - Ponds\n\nWe will:\n\nClean the ponds.\n' > "$d/right.txt"
	cp "$d/right.txt" "$d/wrong.txt"
	printf '# a right case\npriority\tcommitment\tline\n1\t\t1\n1\t\t3\n1\tClean the ponds.\t5\n' > "$d/right.expected"
	sed 's/Clean the ponds\./Drain the ponds./' "$d/right.expected" > "$d/wrong.expected"
	printf 'priority\n' > "$d/lonely.expected"
	run run_cases "$d"
	assert_failure
	assert_line "case wrong failed"
	assert_line "case lonely: no input (lonely.txt or .md)"
	assert_line "+1	Clean the ponds.	5"
	refute_line --partial "case right"
	assert_line "3 cases, 2 failed"
}

# ---- what a case cannot show well ----

@test "plain text: the line map gives each wrapped line's offset in text" {
	printf 'Priority 1 - A\n\nWe will:\n\nMend roads.\n\n- First part\n of the bullet\n and the end.\n' > "$BATS_TEST_TMPDIR/m.txt"
	run "$SS" "$BATS_TEST_TMPDIR/m.txt"
	assert_success
	[ "$(col_of line 'First part' <<<"$output")" = 7 ]
	[ "$(col_of line_map 'First part' <<<"$output")" = "11:8 25:9" ]
	# the offsets point at each line's first word
	text="$(col_of text 'First part' <<<"$output")"
	[ "${text:11:2}" = "of" ]
	[ "${text:25:3}" = "and" ]
}

@test "pdftotext: a soft hyphen at a line end joins the word" {
	printf 'Priority 1 - A\n\nWe will:\n\nDo it.\n\n- inter\xc2\xad\n national work\n' > "$BATS_TEST_TMPDIR/h.txt"
	run "$SS" "$BATS_TEST_TMPDIR/h.txt"
	assert_success
	[ "$(col_of text 'international' <<<"$output")" = "international work" ]
}

@test "period: every spelling of the quarter gives YYYY/YY Qn" {
	for title in "Quarter 2 - 2019/20" "Quarter 2 2019/20" "Quarter 2 – 2019/20" \
		     "Q2 2019/20" "Quarterly Update 2019/20 Q2" "Q2 2019/2020" \
		     "2019-20 Q2" "Quarter two 2019/20" "July to September 2019"; do
		printf 'Plan\n\n%s\n\nPriority 1 - A\n' "$title" > "$BATS_TEST_TMPDIR/q.txt"
		run "$SS" "$BATS_TEST_TMPDIR/q.txt"
		assert_success
		[ "$(tsv_col period <<<"$output" | sort -u)" = "2019/20 Q2" ]
	done
	printf 'Update\n\nQuarter 4 – 2021/22\n' | "$SS" | tsv_col period | grep -qx '2021/22 Q4'
}

@test "--period, --doc and several files" {
	printf 'Q1 2024/25\n\nPriority 1 - A\n' > "$BATS_TEST_TMPDIR/one.txt"
	printf 'Q3 2024/25\n\nPriority 2 - B\n' > "$BATS_TEST_TMPDIR/two.txt"
	run "$SS" "$BATS_TEST_TMPDIR/one.txt" "$BATS_TEST_TMPDIR/two.txt"
	assert_success
	[ "$(grep -c '^doc' <<<"$output")" = 1 ]
	[ "$(tsv_col doc <<<"$output" | sort -u | tr '\n' ' ')" = "one.txt two.txt " ]
	[ "$(awk -F'\t' '$1 == "two.txt" { print $2 }' <<<"$output" | sort -u)" = "2024/25 Q3" ]
	run "$SS" --doc mine --period "2000/01 Q4" < "$BATS_TEST_TMPDIR/one.txt"
	[ "$(tsv_col doc <<<"$output" | sort -u)" = mine ]
	[ "$(tsv_col period <<<"$output" | sort -u)" = "2000/01 Q4" ]
	run "$SS" - < "$BATS_TEST_TMPDIR/one.txt"
	[ "$(tsv_col doc <<<"$output" | sort -u)" = stdin ]
}

@test "--csv writes CSV with the same columns" {
	printf 'Priority 1 - A, B\n' | "$SS" --csv > "$BATS_TEST_TMPDIR/o.csv"
	# the header, without a byte order mark before it (spreadsheets' CSV)
	run sh -c "head -1 '$BATS_TEST_TMPDIR/o.csv' | tr -d '\\r' | sed '1s/^\xef\xbb\xbf//'"
	assert_output "doc,period,priority,priority_title,commitment,heading,area,kind,depth,line,text,line_map"
	grep -q '"A, B"' "$BATS_TEST_TMPDIR/o.csv"
}

# ---- bad input ----

@test "invalid UTF-8 is repaired, one warning per line; --strict fails" {
	printf 'Priority 1 - Caf\xe9 and b\xe9r\n\nWe will:\n\nDo \xff it.\n' > "$BATS_TEST_TMPDIR/u.txt"
	run --separate-stderr "$SS" "$BATS_TEST_TMPDIR/u.txt"
	assert_success
	[ "${#stderr_lines[@]}" = 2 ]
	[ "${stderr_lines[0]}" = "split-sections: $BATS_TEST_TMPDIR/u.txt:1: invalid UTF-8 or NUL byte replaced by U+FFFD (2)" ]
	[ "${stderr_lines[1]}" = "split-sections: $BATS_TEST_TMPDIR/u.txt:5: invalid UTF-8 or NUL byte replaced by U+FFFD (1)" ]
	grep -q 'Caf�' <<<"$output"
	run --separate-stderr "$SS" --strict "$BATS_TEST_TMPDIR/u.txt"
	assert_failure 1
	[ "$stderr" = "split-sections: $BATS_TEST_TMPDIR/u.txt:1: invalid UTF-8 or NUL byte (--strict)" ]
}

@test "a NUL byte in text is replaced with a warning" {
	{ printf 'Priority 1 - A\n\nWe will:\n\nKeep going.\n\n'; for i in $(seq 40); do printf -- '- Line %s of plain text.\n' "$i"; done; printf -- '- A nul\0 here.\n'; } > "$BATS_TEST_TMPDIR/z.txt"
	run --separate-stderr "$SS" "$BATS_TEST_TMPDIR/z.txt"
	assert_success
	[ "$stderr" = "split-sections: $BATS_TEST_TMPDIR/z.txt:47: invalid UTF-8 or NUL byte replaced by U+FFFD (1)" ]
	[ "$(col_of text 'A nul' <<<"$output")" = "A nul� here." ]
}

@test "a BOM and CRLF line ends are dropped silently" {
	printf '\xef\xbb\xbfPriority 1 - A\r\n\r\nWe will:\r\n\r\nKeep going.\r\n' > "$BATS_TEST_TMPDIR/w.txt"
	run --separate-stderr "$SS" "$BATS_TEST_TMPDIR/w.txt"
	assert_success
	[ "$stderr" = "" ]
	[ "$(col_of priority_title 'Priority 1' <<<"$output")" = "A" ]
	[ "$(col_of commitment 'Keep going.' <<<"$output")" = "Keep going." ]
	refute_output --partial $'\r'
}

@test "a 50 MB line is one row, whole" {
	f="$BATS_TEST_TMPDIR/long.txt"
	{ printf 'Priority 1 - A\n\n'; head -c 50000000 /dev/zero | tr '\0' 'x'; printf '\nend\n'; } > "$f"
	run --separate-stderr "$SS" "$f"
	assert_success
	[ "$(tsv_col text <<<"$output" | awk 'length > 49999999' | wc -l)" = 1 ]
}

@test "an empty file: a warning, the header, exit 0" {
	: > "$BATS_TEST_TMPDIR/e.txt"
	run --separate-stderr "$SS" "$BATS_TEST_TMPDIR/e.txt"
	assert_success
	[ "$stderr" = "split-sections: $BATS_TEST_TMPDIR/e.txt: empty input" ]
	[ "${#lines[@]}" = 1 ]
}

@test "a binary file is refused: exit 1" {
	printf '\0\1\2\3\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0' > "$BATS_TEST_TMPDIR/b.bin"
	run --separate-stderr "$SS" "$BATS_TEST_TMPDIR/b.bin"
	assert_failure 1
	[ "$stderr" = "split-sections: $BATS_TEST_TMPDIR/b.bin: binary data, not text" ]
}

@test "a PDF is refused with a hint: exit 1" {
	printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n' > "$BATS_TEST_TMPDIR/r.pdf"
	run --separate-stderr "$SS" "$BATS_TEST_TMPDIR/r.pdf"
	assert_failure 1
	[ "$stderr" = "split-sections: $BATS_TEST_TMPDIR/r.pdf: a PDF file, not text: convert it first (pdftotext -layout FILE -)" ]
}

@test "a missing file: message, other files still read, exit 1" {
	printf 'Priority 1 - A\n' > "$BATS_TEST_TMPDIR/ok.txt"
	run --separate-stderr "$SS" "$BATS_TEST_TMPDIR/nope.txt" "$BATS_TEST_TMPDIR/ok.txt"
	assert_failure 1
	[ "$stderr" = "split-sections: $BATS_TEST_TMPDIR/nope.txt: No such file or directory" ]
	assert_output --partial "ok.txt"
}

# ---- data tables laid out with spaces ----

# The rows of kind table, as line TAB text: tables FILE
tables() {
	"$SS" "$1" | awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		$c["kind"] == "table" { print $c["line"] "\t" $c["text"] }'
}

@test "spaced tables: the same rows as the tab-separated table" {
	printf '%s\n' 'Priority 1 - Roads' '' \
		$'Crashes\tQ1\tQ2\tQ3' $'Rural\t41\t\t38' $'Urban\t102\t97\t88' > "$BATS_TEST_TMPDIR/tab.txt"
	printf '%s\n' 'Priority 1 - Roads' '' \
		'Crashes    Q1     Q2     Q3' 'Rural      41            38' 'Urban      102    97     88' > "$BATS_TEST_TMPDIR/sp.txt"
	diff <(tables "$BATS_TEST_TMPDIR/tab.txt") <(tables "$BATS_TEST_TMPDIR/sp.txt")
	[ "$(tables "$BATS_TEST_TMPDIR/sp.txt" | wc -l)" -eq 3 ]
}

@test "spaced tables: a very wide table keeps every cell" {
	local head="Month" row="Calls" i
	for i in $(seq 1 70); do
		head="$head$(printf '  %-4s' "c$i")"
		row="$row$(printf '  %-4s' "$i")"
	done
	printf '%s\n' 'Priority 1 - Calls' '' "$head" "$row" > "$BATS_TEST_TMPDIR/w.txt"
	run tables "$BATS_TEST_TMPDIR/w.txt"
	assert_success
	# no cell dropped: the cells past the 64th stay in the last one
	[[ "${lines[0]}" == *'\tc63 c64 c65 c66 c67 c68 c69 c70' ]]
	[[ "${lines[1]}" == *'\t63 64 65 66 67 68 69 70' ]]
}
