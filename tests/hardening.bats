#!/usr/bin/env bats
# Every tool against bad input, a closed pipe and a full disk (issue 6):
# each case states the exact message and exit status the user sees.
#
# The cases are functions, run once per tool by the @test lines at the
# end; a tool not built yet skips, saying which.  Inputs are written here,
# in the tools' own forms: report text for split-sections and
# extract-metrics, TSV with keys for normalize-names and diff-quarters.
# BIG_LINE_MB (default 100) sizes the huge-line cases; check-valgrind
# makes it small.

load helper
bats_require_minimum_version 1.5.0

setup() {
	T="$BATS_TEST_TMPDIR"
	BIG_LINE_MB="${BIG_LINE_MB:-100}"
}

need_tool() {
	[ -x "$BIN/$1" ] || skip "$1 is not built ($BIN/$1)"
}

# ---- inputs ----

# A short report in plain text, with figures in every bullet.
report_text() {
	cat <<-'EOF'
	Community Safety Plan Quarterly Update
	Quarter 2 - 2031/32

	Priority 1 - Safer Streets

	We will:
	Patrol the town centres on Friday and Saturday nights.

	- Officers made 48 arrests for violence in the night-time economy, up from 39 last quarter.
	- The rural team recovered 17 stolen quad bikes worth £64,000.
	- Response times in the county averaged 11 minutes, compared to 13 minutes a year ago.
	EOF
}

METRICS_HEADER='doc	period	priority	area	area_key	measure	measure_key	value	value_max	unit	approx	when	kind	prev_value	prev_when	change	change_pct	line	evidence'

# One figure per row, in normalize-names' form of extract-metrics output.
metrics_row() { # measure key value area line
	printf 'q.txt\t2031/32 Q2\t1\t%s\t%s\t%s\t%s\t%s\t\tcount\t\tthis quarter\tactual\t\t\t\t\t%s\tOfficers made %s %s.\n' \
		"$4" "$(echo "$4" | tr 'A-Z ' 'a-z_')" "$1" "$2" "$3" "$5" "$3" "$1"
}

metrics_tsv() {
	echo "$METRICS_HEADER"
	metrics_row "arrests for violence" arrests_violence 48 "North District" 8
	metrics_row "stolen quad bikes recovered" quad_bikes_recovered 17 "Rural Team" 9
	metrics_row "drink drivers arrested" drink_drivers_arrested 112 "" 10
}

# The tool's normal input, in FILE.
good_input() { # tool file
	case $1 in
	split-sections|extract-metrics) report_text > "$2" ;;
	*) metrics_tsv > "$2" ;;
	esac
}

# Does the tool read a TSV header (and so check its columns)?
reads_tsv() {
	case $1 in split-sections|extract-metrics) return 1 ;; esac
	return 0
}

# Run the tool on FILE (diff-quarters: FILE as OLD, a good NEW).  Extra
# arguments go before the files.
feed() { # tool file [options...]
	local tool=$1 file=$2
	shift 2
	if [ "$tool" = diff-quarters ]; then
		[ -f "$T/new.tsv" ] || metrics_tsv > "$T/new.tsv"
		run --separate-stderr "$BIN/$tool" "$@" "$file" "$T/new.tsv"
	else
		run --separate-stderr "$BIN/$tool" "$@" "$file"
	fi
}

# stderr is exactly these lines.
stderr_is() {
	local want
	want=$(printf '%s\n' "$@")
	if [ "$stderr" != "$want" ]; then
		printf 'stderr was:\n%s\nwanted:\n%s\n' "$stderr" "$want" >&2
		return 1
	fi
}

# Some line of stderr matches the regular expression.
stderr_has() {
	local l
	for l in "${stderr_lines[@]}"; do
		[[ "$l" =~ $1 ]] && return 0
	done
	printf 'no stderr line matches %s in:\n%s\n' "$1" "$stderr" >&2
	return 1
}

has_header() {
	[ -n "${lines[0]:-}" ] && [[ "${lines[0]}" == *$'\t'* ]] ||
		{ echo "no header row in: ${lines[0]:-<nothing>}" >&2; return 1; }
}

# ---- the cases ----

case_invalid_utf8() {
	need_tool "$1"
	good_input "$1" "$T/in"
	# A lone continuation byte in the second-to-last line.
	local n
	n=$(( $(wc -l < "$T/in") - 1 ))
	awk -v n="$n" 'NR == n { sub(/quad/, "qu\377ad") } { print }' "$T/in" > "$T/bad"
	feed "$1" "$T/bad"
	[ "$status" -eq 0 ]
	stderr_is "$1: $T/bad:$n: invalid UTF-8 or NUL byte replaced by U+FFFD (1)"
	# diff-quarters joins on keys and may show NEW's spelling of a name.
	[ "$1" = diff-quarters ] || [[ "$output" == *$'\xef\xbf\xbd'* ]] ||
		{ echo "no U+FFFD in the output" >&2; false; }
}

case_nul_byte() {
	need_tool "$1"
	good_input "$1" "$T/in"
	local n
	n=$(( $(wc -l < "$T/in") - 1 ))
	awk -v n="$n" 'NR == n { sub(/quad/, "qu\001ad") } { print }' "$T/in" | tr '\001' '\000' > "$T/nul"
	feed "$1" "$T/nul"
	[ "$status" -eq 0 ]
	stderr_is "$1: $T/nul:$n: invalid UTF-8 or NUL byte replaced by U+FFFD (1)"
	# diff-quarters joins on keys and may show NEW's spelling of a name.
	[ "$1" = diff-quarters ] || [[ "$output" == *$'\xef\xbf\xbd'* ]] ||
		{ echo "no U+FFFD in the output" >&2; false; }
}

# Read as "in" from two folders, so that a doc column cannot tell the two
# apart.
same_as_plain() { # tool variant-dir
	mkdir -p "$T/plain"
	good_input "$1" "$T/plain/in"
	cd "$T/plain"
	feed "$1" in
	[ "$status" -eq 0 ]
	local want=$output
	cd "$2"
	feed "$1" in
	[ "$status" -eq 0 ]
	stderr_is ""
	[ "$output" = "$want" ] || { diff <(echo "$want") <(echo "$output") >&2; false; }
}

case_bom() {
	need_tool "$1"
	mkdir -p "$T/bom"
	{ printf '\357\273\277'; good_input "$1" /dev/stdout; } > "$T/bom/in"
	same_as_plain "$1" "$T/bom"
}

case_crlf() {
	need_tool "$1"
	mkdir -p "$T/crlf"
	good_input "$1" /dev/stdout | sed 's/$/\r/' > "$T/crlf/in"
	same_as_plain "$1" "$T/crlf"
}

# A line of BIG_LINE_MB megabytes, in the field a tool passes through.
case_huge_line() {
	need_tool "$1"
	local size=$((BIG_LINE_MB * 1024 * 1024))
	case $1 in
	split-sections|extract-metrics)
		{ report_text
		  yes 'lorem' | head -c "$size" | tr '\n' ' '
		  echo '. Volunteers gave 305 hours in the quarter.'
		} > "$T/big" ;;
	*)
		{ metrics_tsv
		  printf 'q.txt\t2031/32 Q2\t1\tEast\teast\tcadets enrolled\tcadets_enrolled\t73\t\tcount\t\t\tactual\t\t\t\t\t12\t'
		  head -c "$size" /dev/zero | tr '\0' 'x'
		  echo
		} > "$T/big" ;;
	esac
	# Into files: a bash variable of that size is slow to search.
	local status=0 new=""
	[ "$1" = diff-quarters ] && { metrics_tsv > "$T/new.tsv"; new="$T/new.tsv"; }
	"$BIN/$1" "$T/big" $new > "$T/out" 2> "$T/err" || status=$?
	[ "$status" -eq 0 ] || { echo "status $status" >&2; cat "$T/err" >&2; false; }
	[ ! -s "$T/err" ] || { cat "$T/err" >&2; false; }
	head -n 1 "$T/out" | grep -q "$(printf '\t')"
	case $1 in
	split-sections|normalize-names)
		[ "$(wc -c < "$T/out")" -gt "$size" ] || { echo "the long line was not kept" >&2; false; } ;;
	extract-metrics)
		tsv_col value < "$T/out" | grep -qx 305 || { echo "figure after the long line lost" >&2; false; } ;;
	diff-quarters)
		tsv_col measure < "$T/out" | grep -qx 'cadets enrolled' || { echo "row with the long line lost" >&2; false; } ;;
	esac
}

# Cut off in the middle of a UTF-8 character, without a final newline.
case_truncated() {
	need_tool "$1"
	good_input "$1" "$T/in"
	local n
	n=$(wc -l < "$T/in")
	if reads_tsv "$1"; then
		# The last row ends inside its third field.
		head -n "$n" "$T/in" > "$T/cut"
		printf 'q.txt\t2031/32 Q2\t1\tCaf\303' >> "$T/cut"
		feed "$1" "$T/cut"
		[ "$status" -eq 1 ]
		# The repair, then the short row, both at the last line.
		[ "${stderr_lines[0]}" = "$1: $T/cut:$((n + 1)): invalid UTF-8 or NUL byte replaced by U+FFFD (1)" ]
		[[ "${stderr_lines[1]}" =~ ^"$1: $T/cut:$((n + 1)): ".*(column|field) ]]
	else
		{ cat "$T/in"; printf 'The last line stops in the middle of Caf\303'; } > "$T/cut"
		feed "$1" "$T/cut"
		[ "$status" -eq 0 ]
		stderr_is "$1: $T/cut:$((n + 1)): invalid UTF-8 or NUL byte replaced by U+FFFD (1)"
		if [ "$1" = split-sections ]; then
			[[ "$output" == *"middle of Caf"$'\xef\xbf\xbd'* ]]
		fi
	fi
}

case_binary() {
	need_tool "$1"
	head -c 3000 /dev/urandom > "$T/blob"
	printf '\001\002\003\004\005\006\007\016\017\020%.0s' $(seq 100) >> "$T/blob"
	feed "$1" "$T/blob"
	[ "$status" -eq 1 ]
	stderr_is "$1: $T/blob: binary data, not text"
}

case_pdf() {
	need_tool "$1"
	printf '%%PDF-1.7\n%%\342\343\317\323\n1 0 obj\n<< /Type /Catalog >>\nendobj\n' > "$T/q.pdf"
	feed "$1" "$T/q.pdf"
	[ "$status" -eq 1 ]
	stderr_is "$1: $T/q.pdf: a PDF file, not text: convert it first (pdftotext -layout FILE -)"
}

case_docx() {
	need_tool "$1"
	printf 'PK\003\004\024\000\006\000word/document.xml' > "$T/q.docx"
	feed "$1" "$T/q.docx"
	[ "$status" -eq 1 ]
	stderr_is "$1: $T/q.docx: a ZIP or DOCX file, not text: convert it first (pandoc -t markdown FILE)"
}

case_empty() {
	need_tool "$1"
	: > "$T/empty"
	feed "$1" "$T/empty"
	[ "$status" -eq 0 ]
	stderr_is "$1: $T/empty: empty input"
	# normalize-names copies its input's header: with none, it has none.
	[ "$1" = normalize-names ] && [ -z "$output" ] || has_header
}

case_missing_file() {
	need_tool "$1"
	feed "$1" "$T/no/such/file"
	[ "$status" -eq 1 ]
	stderr_is "$1: $T/no/such/file: No such file or directory"
}

# Tests run as root, so chmod 000 would not stop them: a directory can't
# be read by anyone.
case_directory() {
	need_tool "$1"
	mkdir -p "$T/adir"
	feed "$1" "$T/adir"
	[ "$status" -eq 1 ]
	stderr_is "$1: $T/adir: Is a directory"
}

case_short_row() {
	need_tool "$1"
	if [ "$1" = extract-metrics ]; then
		skip "extract-metrics: reads plain text too; see case_split_sections_tsv"
	fi
	{ metrics_tsv; printf 'q.txt\t2031/32 Q2\t1\tWest\n'; metrics_row "thefts reported" thefts 9 "" 6; } > "$T/short"
	feed "$1" "$T/short"
	[ "$status" -eq 1 ]
	[ "${#stderr_lines[@]}" -eq 1 ]
	[[ "${stderr_lines[0]}" =~ ^"$1: $T/short:5: ".*(column|field) ]]
	[[ "$output" == *thefts* ]] || { echo "the rows after the short one were lost" >&2; false; }
}

case_long_row() {
	need_tool "$1"
	if [ "$1" = extract-metrics ]; then
		skip "extract-metrics: reads plain text too; see case_split_sections_tsv"
	fi
	{ metrics_tsv; metrics_row "thefts reported" thefts 9 "" 6 | sed 's/$/\tspare\tcells/'; } > "$T/long"
	feed "$1" "$T/long"
	[ "$status" -eq 1 ]
	[ "${#stderr_lines[@]}" -eq 1 ]
	[[ "${stderr_lines[0]}" =~ ^"$1: $T/long:5: ".*(column|field) ]]
	[[ "$output" == *thefts* ]] || { echo "the row with extra cells was dropped" >&2; false; }
}

# extract-metrics on split-sections output with a short and a long row.
case_split_sections_tsv() {
	need_tool extract-metrics
	{ printf 'doc\tperiod\tpriority\tpriority_title\tcommitment\theading\tarea\tkind\tdepth\tline\ttext\n'
	  printf 'q.txt\t2031/32 Q2\t1\tSafer Streets\tPatrol\t\tNorth\tbullet\t1\t8\tOfficers made 48 arrests.\n'
	  printf 'q.txt\t2031/32 Q2\t1\tSafer Streets\n'
	  printf 'q.txt\t2031/32 Q2\t1\tSafer Streets\tPatrol\t\tNorth\tbullet\t1\t10\tThe team seized 6 cars.\tspare\n'
	} > "$T/sections"
	feed extract-metrics "$T/sections"
	[ "$status" -eq 1 ]
	stderr_has "^extract-metrics: $T/sections:3: .*(column|field)"
	stderr_has "^extract-metrics: $T/sections:4: .*(column|field)"
	echo "$output" | tsv_col value | grep -qx 48
	echo "$output" | tsv_col value | grep -qx 6
}

# Another tool's output where this one's input belongs.
case_foreign_header() {
	need_tool "$1"
	case $1 in
	split-sections|extract-metrics)
		# A table is text too: each line is kept, nothing refused.
		printf 'measure\tarea\tunit\told_value\tnew_value\nstop and search\tWest\tcount\t40\t52\n' > "$T/foreign"
		feed "$1" "$T/foreign"
		[ "$status" -eq 0 ]
		has_header ;;
	normalize-names)
		# No field it knows: the rows go through unchanged.
		printf 'station\topened\nHarbour Road\t1998\n' > "$T/foreign"
		feed "$1" "$T/foreign"
		[ "$status" -le 1 ]
		[ "$output" = "$(cat "$T/foreign")" ] ;;
	diff-quarters)
		# split-sections output has no keys to join on: refused.
		printf 'doc\tperiod\tpriority\tpriority_title\tcommitment\theading\tarea\tkind\tdepth\tline\ttext\nq\t\t1\t\t\t\t\tpara\t0\t1\tHello.\n' > "$T/foreign"
		feed "$1" "$T/foreign"
		[ "$status" -eq 1 ]
		[[ "${stderr_lines[0]}" =~ ^"diff-quarters: $T/foreign"(:1)?": ".*(column|field|measure_key) ]] ;;
	esac
}

# A big output into `head -1`: the tool dies of SIGPIPE, saying nothing.
case_closed_stdout() {
	need_tool "$1"
	case $1 in
	split-sections|extract-metrics)
		{ report_text
		  awk 'BEGIN { for (i = 1; i <= 4000; i++)
			printf "- Patrol %d recorded %d incidents and %d calls.\n", i, i, i * 3 }'
		} > "$T/many" ;;
	*)
		{ metrics_tsv
		  awk 'BEGIN { for (i = 1; i <= 4000; i++)
			printf "q.txt\t2031/32 Q2\t1\tArea %d\tarea_%d\tmeasure %d\tm%d\t%d\t\tcount\t\tthis quarter\tactual\t\t\t\t\t%d\tA sentence.\n", i, i, i, i, i, i }'
		} > "$T/many" ;;
	esac
	if [ "$1" = diff-quarters ]; then
		metrics_tsv > "$T/new.tsv"
		run env --default-signal=PIPE bash -c '"$1" "$2" "$3" 2>"$4" | head -n 1' _ \
			"$BIN/$1" "$T/many" "$T/new.tsv" "$T/err"
	else
		run env --default-signal=PIPE bash -c '"$1" "$2" 2>"$3" | head -n 1' _ \
			"$BIN/$1" "$T/many" "$T/err"
	fi
	[ "$status" -eq 0 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "${lines[0]}" == *$'\t'* ]]
	[ ! -s "$T/err" ] || { cat "$T/err" >&2; false; }
}

case_full_disk() {
	need_tool "$1"
	[ -w /dev/full ] || skip "no /dev/full here"
	good_input "$1" "$T/in"
	if [ "$1" = diff-quarters ]; then
		metrics_tsv > "$T/new.tsv"
		run --separate-stderr bash -c '"$1" "$2" "$3" > /dev/full' _ "$BIN/$1" "$T/in" "$T/new.tsv"
	else
		run --separate-stderr bash -c '"$1" "$2" > /dev/full' _ "$BIN/$1" "$T/in"
	fi
	[ "$status" -eq 1 ]
	stderr_is "$1: write error: No space left on device"
}

case_help() {
	need_tool "$1"
	run --separate-stderr "$BIN/$1" --help
	[ "$status" -eq 0 ]
	stderr_is ""
	[[ "$output" == *"$1"* ]]
	# One screen: 80 columns, no more lines than a terminal shows.
	[ "${#lines[@]}" -le 40 ] || { echo "--help is ${#lines[@]} lines" >&2; false; }
	local l
	for l in "${lines[@]}"; do
		[ "${#l}" -le 80 ] || { echo "--help line over 80 columns: $l" >&2; false; }
	done
}

case_version() {
	need_tool "$1"
	run --separate-stderr "$BIN/$1" --version
	[ "$status" -eq 0 ]
	stderr_is ""
	[[ "$output" =~ ^"$1 "[0-9]+\.[0-9]+\.[0-9]+$ ]]
}

case_bad_option() {
	need_tool "$1"
	run --separate-stderr "$BIN/$1" --no-such-option
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	# getopt names the tool by argv[0], as the shell gave it.
	[[ "${stderr_lines[0]}" =~ ^(.*/)?"$1: " ]]
	[ "${stderr_lines[-1]}" = "Try '$1 --help' for more information." ]
}

# Inputs the fuzzer once crashed on (fuzz/run keeps them) must now give a
# message and status 0 or 1, never a crash or a sanitizer report.
case_regressions() {
	need_tool "$1"
	local dir="$ROOT/tests/regress/$1" f
	[ -d "$dir" ] && [ -n "$(ls -A "$dir")" ] || skip "$1: no tests/regress/$1 inputs"
	for f in "$dir"/*; do
		if [ "$1" = diff-quarters ]; then
			# fuzz/harness.c: OLD, byte 0x1e, NEW.
			perl -0777 -ne '($a, $b) = split /\x1e/, $_, 2; $b //= $a;
				open my $o, ">", "$ENV{T}/old"; print $o $a;
				open my $n, ">", "$ENV{T}/new"; print $n $b;' "$f"
			run "$BIN/$1" "$T/old" "$T/new"
		else
			run "$BIN/$1" "$f"
		fi
		[ "$status" -le 1 ] || { echo "$f: status $status" >&2; echo "$output" | tail -n 20 >&2; false; }
	done
}

# ---- per tool ----

@test "split-sections: invalid UTF-8 repaired, one warning with the line" { case_invalid_utf8 split-sections; }
@test "split-sections: NUL byte repaired, one warning with the line" { case_nul_byte split-sections; }
@test "split-sections: BOM dropped silently" { case_bom split-sections; }
@test "split-sections: CRLF read as LF" { case_crlf split-sections; }
@test "split-sections: a huge line is kept whole" { case_huge_line split-sections; }
@test "split-sections: a truncated file keeps its last line" { case_truncated split-sections; }
@test "split-sections: binary data refused" { case_binary split-sections; }
@test "split-sections: a PDF refused with a hint" { case_pdf split-sections; }
@test "split-sections: a DOCX refused with a hint" { case_docx split-sections; }
@test "split-sections: empty input warned, header written" { case_empty split-sections; }
@test "split-sections: a missing file" { case_missing_file split-sections; }
@test "split-sections: a directory" { case_directory split-sections; }
@test "split-sections: a TSV from another tool is text" { case_foreign_header split-sections; }
@test "split-sections: closed stdout ends quietly" { case_closed_stdout split-sections; }
@test "split-sections: full disk is an error" { case_full_disk split-sections; }
@test "split-sections: --help fits a screen" { case_help split-sections; }
@test "split-sections: --version" { case_version split-sections; }
@test "split-sections: a bad option is exit 2" { case_bad_option split-sections; }
@test "split-sections: fuzzer regressions" { case_regressions split-sections; }

@test "extract-metrics: invalid UTF-8 repaired, one warning with the line" { case_invalid_utf8 extract-metrics; }
@test "extract-metrics: NUL byte repaired, one warning with the line" { case_nul_byte extract-metrics; }
@test "extract-metrics: BOM dropped silently" { case_bom extract-metrics; }
@test "extract-metrics: CRLF read as LF" { case_crlf extract-metrics; }
@test "extract-metrics: a figure after a huge line is found" { case_huge_line extract-metrics; }
@test "extract-metrics: a truncated file keeps its last line" { case_truncated extract-metrics; }
@test "extract-metrics: binary data refused" { case_binary extract-metrics; }
@test "extract-metrics: a PDF refused with a hint" { case_pdf extract-metrics; }
@test "extract-metrics: a DOCX refused with a hint" { case_docx extract-metrics; }
@test "extract-metrics: empty input warned, header written" { case_empty extract-metrics; }
@test "extract-metrics: a missing file" { case_missing_file extract-metrics; }
@test "extract-metrics: a directory" { case_directory extract-metrics; }
@test "extract-metrics: short and long split-sections rows warned, kept" { case_split_sections_tsv; }
@test "extract-metrics: a table from another tool is read as text" { case_foreign_header extract-metrics; }
@test "extract-metrics: closed stdout ends quietly" { case_closed_stdout extract-metrics; }
@test "extract-metrics: full disk is an error" { case_full_disk extract-metrics; }
@test "extract-metrics: --help fits a screen" { case_help extract-metrics; }
@test "extract-metrics: --version" { case_version extract-metrics; }
@test "extract-metrics: a bad option is exit 2" { case_bad_option extract-metrics; }
@test "extract-metrics: fuzzer regressions" { case_regressions extract-metrics; }

@test "normalize-names: invalid UTF-8 repaired, one warning with the line" { case_invalid_utf8 normalize-names; }
@test "normalize-names: NUL byte repaired, one warning with the line" { case_nul_byte normalize-names; }
@test "normalize-names: BOM dropped silently" { case_bom normalize-names; }
@test "normalize-names: CRLF read as LF" { case_crlf normalize-names; }
@test "normalize-names: a huge field is kept whole" { case_huge_line normalize-names; }
@test "normalize-names: a truncated row is warned and padded" { case_truncated normalize-names; }
@test "normalize-names: binary data refused" { case_binary normalize-names; }
@test "normalize-names: a PDF refused with a hint" { case_pdf normalize-names; }
@test "normalize-names: a DOCX refused with a hint" { case_docx normalize-names; }
@test "normalize-names: empty input warned, header written" { case_empty normalize-names; }
@test "normalize-names: a missing file" { case_missing_file normalize-names; }
@test "normalize-names: a directory" { case_directory normalize-names; }
@test "normalize-names: a short row warned, kept" { case_short_row normalize-names; }
@test "normalize-names: a long row warned, kept" { case_long_row normalize-names; }
@test "normalize-names: a header with no known field passes through" { case_foreign_header normalize-names; }
@test "normalize-names: closed stdout ends quietly" { case_closed_stdout normalize-names; }
@test "normalize-names: full disk is an error" { case_full_disk normalize-names; }
@test "normalize-names: --help fits a screen" { case_help normalize-names; }
@test "normalize-names: --version" { case_version normalize-names; }
@test "normalize-names: a bad option is exit 2" { case_bad_option normalize-names; }
@test "normalize-names: fuzzer regressions" { case_regressions normalize-names; }

@test "diff-quarters: invalid UTF-8 repaired, one warning with the line" { case_invalid_utf8 diff-quarters; }
@test "diff-quarters: NUL byte repaired, one warning with the line" { case_nul_byte diff-quarters; }
@test "diff-quarters: BOM dropped silently" { case_bom diff-quarters; }
@test "diff-quarters: CRLF read as LF" { case_crlf diff-quarters; }
@test "diff-quarters: a huge field does not lose its row" { case_huge_line diff-quarters; }
@test "diff-quarters: a truncated row is warned" { case_truncated diff-quarters; }
@test "diff-quarters: binary data refused" { case_binary diff-quarters; }
@test "diff-quarters: a PDF refused with a hint" { case_pdf diff-quarters; }
@test "diff-quarters: a DOCX refused with a hint" { case_docx diff-quarters; }
@test "diff-quarters: empty input warned, header written" { case_empty diff-quarters; }
@test "diff-quarters: a missing file" { case_missing_file diff-quarters; }
@test "diff-quarters: a directory" { case_directory diff-quarters; }
@test "diff-quarters: a short row warned, kept" { case_short_row diff-quarters; }
@test "diff-quarters: a long row warned, kept" { case_long_row diff-quarters; }
@test "diff-quarters: split-sections output refused: no keys" { case_foreign_header diff-quarters; }
@test "diff-quarters: closed stdout ends quietly" { case_closed_stdout diff-quarters; }
@test "diff-quarters: full disk is an error" { case_full_disk diff-quarters; }
@test "diff-quarters: --help fits a screen" { case_help diff-quarters; }
@test "diff-quarters: --version" { case_version diff-quarters; }
@test "diff-quarters: a bad option is exit 2" { case_bad_option diff-quarters; }
@test "diff-quarters: fuzzer regressions" { case_regressions diff-quarters; }

# ---- the whole path ----

need_pipeline() {
	local t
	for t in split-sections extract-metrics normalize-names; do
		need_tool "$t"
	done
}

# The texts the pipeline runs over here: samples, and the corpus if present.
report_files() {
	ls "$SAMPLES"/*.txt "$SAMPLES"/*.md "$SHARED"/corpus/* 2>/dev/null |
		grep -v '/README'
}

@test "pipeline: every sample and corpus report goes through cleanly" {
	need_pipeline
	local f n=0
	for f in $(report_files); do
		run --separate-stderr bash -o pipefail -c \
			'"$1/split-sections" "$2" | "$1/extract-metrics" | "$1/normalize-names"' _ "$BIN" "$f"
		[ "$status" -eq 0 ] || { echo "$f: status $status: $stderr" >&2; false; }
		[ "${#lines[@]}" -gt 1 ] || { echo "$f: no rows" >&2; false; }
		cp /dev/null "$T/q$n.tsv"
		printf '%s\n' "$output" > "$T/q$n.tsv"
		n=$((n + 1))
	done
	[ "$n" -gt 0 ] || skip "no samples yet"
	if [ -x "$BIN/diff-quarters" ] && [ "$n" -ge 2 ]; then
		run --separate-stderr "$BIN/diff-quarters" "$T/q0.tsv" "$T/q1.tsv"
		[ "$status" -le 1 ]
		has_header
	fi
}

# GNU parallel over many reports must give what a serial loop gives,
# byte for byte: no tool may depend on order, timing or shared files.
@test "pipeline: GNU parallel and a serial loop give identical output" {
	need_pipeline
	command -v parallel >/dev/null || skip "GNU parallel is not installed"
	local files
	files=$(report_files)
	[ -n "$files" ] || skip "no samples yet"
	mkdir -p "$T/serial" "$T/par"
	local f
	for f in $files; do
		"$BIN/split-sections" "$f" | "$BIN/extract-metrics" | "$BIN/normalize-names" \
			> "$T/serial/$(basename "$f").tsv" 2>/dev/null
	done
	export BIN
	# shellcheck disable=SC2016
	printf '%s\n' $files | parallel -j 4 --halt now,fail=1 \
		'"$BIN/split-sections" {} | "$BIN/extract-metrics" | "$BIN/normalize-names" > '"$T/par"'/{/}.tsv 2>/dev/null'
	run diff -r "$T/serial" "$T/par"
	assert_success
	# And the outputs joined in input order, as `parallel -k` gives them.
	printf '%s\n' $files | parallel -k -j 4 \
		'"$BIN/split-sections" {} | "$BIN/extract-metrics" | "$BIN/normalize-names" 2>/dev/null' > "$T/par.all"
	for f in $files; do cat "$T/serial/$(basename "$f").tsv"; done > "$T/serial.all"
	cmp "$T/serial.all" "$T/par.all"
}

# ---- installed like a Unix tool ----

@test "install: make install into a DESTDIR, run an installed tool, uninstall" {
	local t any=""
	for t in split-sections extract-metrics normalize-names diff-quarters; do
		[ -x "$BIN/$t" ] && any=$t
	done
	[ -n "$any" ] || skip "no tool is built"
	run make -s -C "$ROOT" install-files BIN="$BIN" DESTDIR="$T/root" PREFIX=/opt/rt
	assert_success
	run "$T/root/opt/rt/bin/$any" --version
	assert_success
	assert_output --regexp "^$any [0-9]"
	[ -f "$T/root/opt/rt/share/man/man1/$any.1" ]
	[ -f "$T/root/opt/rt/share/bash-completion/completions/$any" ]
	run make -s -C "$ROOT" uninstall BIN="$BIN" DESTDIR="$T/root" PREFIX=/opt/rt
	assert_success
	[ ! -e "$T/root/opt/rt/bin/$any" ]
	[ ! -e "$T/root/opt/rt/share/man/man1/$any.1" ]
}

@test "man: every page renders without a warning and has the sections" {
	command -v groff >/dev/null || skip "groff is not installed"
	local m s n=0
	for m in "$ROOT"/man/*.1; do
		[ -f "$m" ] || continue
		n=$((n + 1))
		run groff -man -Tutf8 -ww -z "$m"
		[ -z "$output" ] || { echo "$m: $output" >&2; false; }
		for s in NAME SYNOPSIS DESCRIPTION OPTIONS OUTPUT "EXIT STATUS" EXAMPLES "SEE ALSO"; do
			grep -q "^\.SH \"*$s\"*\$" "$m" || { echo "$m: no $s section" >&2; false; }
		done
	done
	[ "$n" -gt 0 ] || skip "no man pages"
}

@test "man: each page documents every long option its tool's --help lists" {
	local t opt n=0
	for t in split-sections extract-metrics normalize-names diff-quarters; do
		[ -x "$BIN/$t" ] && [ -f "$ROOT/man/$t.1" ] || continue
		n=$((n + 1))
		for opt in $("$BIN/$t" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
			grep -q -- "${opt//-/\\\\-}" "$ROOT/man/$t.1" ||
				grep -q -- "$opt" "$ROOT/man/$t.1" ||
				{ echo "man/$t.1 does not document $opt" >&2; false; }
		done
	done
	[ "$n" -gt 0 ] || skip "no tool with a man page is built"
}

@test "completion: the bash completion offers each tool's long options" {
	bash -n "$ROOT/completion/reports-toolkit"
	PATH="$BIN:$PATH" run bash -c 'source "$1"; COMP_WORDS=(extract-metrics --c); COMP_CWORD=1; _reports_toolkit; printf "%s\n" "${COMPREPLY[@]}"' _ "$ROOT/completion/reports-toolkit"
	assert_success
	assert_line --partial -- '--csv'
	run bash -c 'source "$1"; complete -p diff-quarters' _ "$ROOT/completion/reports-toolkit"
	assert_success
}
