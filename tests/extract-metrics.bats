#!/usr/bin/env bats
# extract-metrics: the grammar's cases are data, tests/corpus/
# extract-metrics.txt (a text, the rows it must give) and
# extract-metrics-negative.txt (texts with no figure), run here by one
# test; the tests below are about the command: its columns, inputs,
# options and bad input.  Every sentence here was written for these tests.

load helper
bats_require_minimum_version 1.5.0

EM="$BIN/extract-metrics"
CORPUS="$ROOT/tests/corpus"

# get FIELD [ROW]: a field of output row ROW (1 = first data row) of $OUT.
get() {
	tsv_col "$1" < "$OUT" | sed -n "${2:-1}p"
}

# rows: the number of data rows of $OUT.
rows() {
	echo $(($(wc -l < "$OUT") - 1))
}

# is FIELD ROW EXPECTED
is() {
	local got
	got="$(get "$1" "$2")"
	[ "$got" = "$3" ] || { echo "row $2 $1: got '$got', want '$3'"; cat "$OUT"; return 1; }
}

# cases FILE...: the corpus runner (tests/corpus/extract-metrics.awk).
cases() {
	awk -v em="$EM" -v ss="$BIN/split-sections" -v tmp="$BATS_TEST_TMPDIR" \
		-f "$CORPUS/extract-metrics.awk" "$@"
}

@test "grammar: every case of the corpus, the negative corpus and the tables as split-sections gives them" {
	run cases "$CORPUS/extract-metrics.txt" "$CORPUS/extract-metrics-negative.txt" \
		"$CORPUS/extract-metrics-sections.txt"
	echo "$output"
	assert_success
	assert_output --partial " 0 failed"
}

@test "reports: made-up reports in wordings the grammar was not written for give their expected rows" {
	[ -x "$BIN/split-sections" ] || skip "no split-sections beside extract-metrics"
	run cases "$CORPUS"/extract-metrics-reports/*.rows
	echo "$output"
	assert_success
	assert_output --partial " 0 failed"
}

@test "reports: the runner fails on a report's wrong, missing and unexpected rows" {
	[ -x "$BIN/split-sections" ] || skip "no split-sections beside extract-metrics"
	printf '%s\n' "Thefts fell to 212 in May." "" "Cadets gave 96 hours." "" \
		"Nothing here." > "$BATS_TEST_TMPDIR/r.txt"
	printf '%s\n' "212 count | Thefts | when June | line 1" \
		"7 count | Nothing | line 5" > "$BATS_TEST_TMPDIR/r.rows"
	run cases "$BATS_TEST_TMPDIR/r.rows"
	assert_failure 1
	assert_line "  want: 212 count | Thefts | when June"
	assert_line "  got:  212 count | Thefts | when May"
	assert_line --partial "r.rows: line 3: Cadets gave 96 hours."
	assert_line "  want: no row"
	assert_line --partial "r.rows: line 5: Nothing here."
	assert_line "  got:  no row"
	assert_line "3 cases, 3 failed"
}

@test "grammar: the corpus runner fails on a wrong row, a missing row and a figure in a negative" {
	printf '%s\n' "Thefts fell to 212 in May 2024." "212 count | Thefts | when June 2024" "" \
		"Cadets gave 96 hours." > "$BATS_TEST_TMPDIR/c.txt"
	printf '%s\n' "The team made 12 arrests." > "$BATS_TEST_TMPDIR/c-negative.txt"
	run cases "$BATS_TEST_TMPDIR/c.txt" "$BATS_TEST_TMPDIR/c-negative.txt"
	assert_failure 1
	assert_line "  want: 212 count | Thefts | when June 2024"
	assert_line "  got:  212 count | Thefts | when May 2024"
	assert_line --partial "c.txt:4: Cadets gave 96 hours."
	assert_line "  got:  96 hours | Cadets gave hours"
	assert_line --partial "c-negative.txt:1: The team made 12 arrests."
	assert_line "3 cases, 3 failed"
}

@test "--explain: why a number is dropped, kept, given its role, row and measure" {
	printf '%s\n' "In 2019/20 the team held 14 events on 3 June, up from 9." \
		"Nothing to count here." > "$BATS_TEST_TMPDIR/e.txt"
	run --separate-stderr "$EM" --explain "$BATS_TEST_TMPDIR/e.txt"
	assert_success
	# the rows are the same as without --explain; the story is on stderr
	[ "$output" = "$("$EM" "$BATS_TEST_TMPDIR/e.txt")" ]
	echo "$stderr"
	[[ "$stderr" == *"e.txt:1: sentence: In 2019/20 the team held 14 events"* ]]
	[[ "$stderr" == *" held[link,deed] "* ]]
	[[ "$stderr" == *"  2019: not a figure: a date, fiscal year or time"* ]]
	[[ "$stderr" == *"  3: not a figure: a day of a month"* ]]
	[[ "$stderr" == *"  14: figure: 14 count"* ]]
	[[ "$stderr" == *"  9: role prev: after from"* ]]
	[[ "$stderr" == *"  row 1: measure \"events\": the words after it"* ]]
	[[ "$stderr" == *"  row 1 = 14 count | events | when 3 June | prev 9"* ]]
	[[ "$stderr" == *"e.txt:2: block passed over (no digit, no number word)"* ]]
	# off, it says nothing
	run --separate-stderr "$EM" "$BATS_TEST_TMPDIR/e.txt"
	[ -z "$stderr" ]
}

@test "header row and column order" {
	OUT="$BATS_TEST_TMPDIR/out.tsv"
	echo "Nothing to count here." | "$EM" > "$OUT"
	run head -n 1 "$OUT"
	assert_output "$(printf 'doc\tperiod\tpriority\tarea\tmeasure\tvalue\tvalue_max\tunit\tapprox\twhen\tkind\tprev_value\tprev_when\tchange\tchange_pct\tline\tevidence')"
}

@test "split-sections input: passes columns through and maps joined lines" {
	printf 'doc\tperiod\tpriority\tpriority_title\tcommitment\theading\tarea\tkind\tdepth\tline\ttext\tline_map\n' > "$BATS_TEST_TMPDIR/s.tsv"
	printf 'r.txt\t2024/25 Q1\t3\tT\tC\t\tNorth\tbullet\t1\t10\tWe held 14 events. Then 9 more were run.\t19:11\n' >> "$BATS_TEST_TMPDIR/s.tsv"
	OUT="$BATS_TEST_TMPDIR/out.tsv"
	"$EM" "$BATS_TEST_TMPDIR/s.tsv" > "$OUT"
	is doc 1 r.txt
	is priority 1 3
	is area 1 North
	is line 1 10
	is line 2 11
}

@test "--csv writes CSV" {
	printf 'It cost £2,500, said staff.\n' | "$EM" --csv > "$BATS_TEST_TMPDIR/o.csv"
	run sed -n 2p "$BATS_TEST_TMPDIR/o.csv"
	assert_output --partial ',2500,,GBP,'
	# -c is --csv; a byte order mark before the header unless --no-bom
	printf 'It cost £2,500, said staff.\n' | "$EM" -c > "$BATS_TEST_TMPDIR/c.csv"
	cmp "$BATS_TEST_TMPDIR/o.csv" "$BATS_TEST_TMPDIR/c.csv"
	run head -c 3 "$BATS_TEST_TMPDIR/c.csv"
	assert_output $'\xef\xbb\xbf'
	run bash -c "printf 'It cost £2,500.\n' | '$EM' --csv --no-bom | head -c 4"
	assert_output 'doc,'
}

@test "--csv: cells that would start a formula are neutralised, negative numbers stay numbers" {
	# made-up evidence that a spreadsheet would run; a signed change
	printf '%s\n' '=HYPERLINK("http://example.invalid","x") 14 vans were hired.' \
		'+12 staff joined; burglary fell by 7.' '@SUM(A1) 9 cadets helped.' \
		'-3 said no, and 40 said yes.' > "$BATS_TEST_TMPDIR/f.txt"
	"$EM" --csv --no-bom "$BATS_TEST_TMPDIR/f.txt" > "$BATS_TEST_TMPDIR/f.csv"
	run python3 - "$BATS_TEST_TMPDIR/f.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
assert rows, "no rows"
nums = ('value', 'value_max', 'prev_value', 'change', 'change_pct', 'line')
for r in rows:
    for k, v in r.items():
        if v[:1] in ('=', '+', '@', '-') and k not in nums:
            sys.exit('formula-like cell %s=%r' % (k, v))
ev = [r['evidence'] for r in rows]
assert any(e.startswith("'=HYPERLINK(") for e in ev), ev
assert any(e.startswith("'+12 staff") for e in ev), ev
assert any(e.startswith("'@SUM(") for e in ev), ev
assert any(e.startswith("'-3 said") for e in ev), ev
assert any(r['change'] == '-7' for r in rows), [r['change'] for r in rows]
print('ok')
PY
	echo "$output"
	assert_success
	assert_output ok
}

@test "--xlsx: a workbook whose numbers are numbers and whose cells are never formulas" {
	[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import openpyxl' 2>/dev/null ||
		skip "no /usr/bin/python3 with openpyxl to read the workbook back"
	printf '%s\n' 'Officers made 42 arrests, up from 30 (a 40% rise).' \
		'=HYPERLINK("http://example.invalid","click") 7 vans were seized.' > "$BATS_TEST_TMPDIR/x.txt"
	run "$EM" -x "$BATS_TEST_TMPDIR/x.xlsx" "$BATS_TEST_TMPDIR/x.txt"
	assert_success
	assert_output ''
	run /usr/bin/python3 - "$BATS_TEST_TMPDIR/x.xlsx" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = list(ws.iter_rows())
head = [c.value for c in rows[0]]
assert head[4:8] == ['measure', 'value', 'value_max', 'unit'], head
nums = ('value', 'value_max', 'prev_value', 'change', 'change_pct', 'line')
for row in rows[1:]:
    for h, c in zip(head, row):
        assert c.data_type != 'f', (h, c.value)
        if c.value is None:
            continue
        if h in nums:
            assert c.data_type == 'n' and isinstance(c.value, (int, float)), (h, c.value)
        else:
            assert c.data_type == 's', (h, c.value)
r1 = {h: c.value for h, c in zip(head, rows[1])}
assert (r1['value'], r1['prev_value'], r1['change_pct'], r1['line']) == (42, 30, 40, 1), r1
ev = [row[head.index('evidence')].value for row in rows[1:]]
assert any(e.startswith('=HYPERLINK(') for e in ev), ev
print('ok')
PY
	echo "$output"
	assert_output ok
	# a workbook that cannot be written is an error
	run "$EM" -x /nonexistent-dir/x.xlsx "$BATS_TEST_TMPDIR/x.txt"
	assert_failure 1
}

@test "usage: -h, -V, a bad option said as extract-metrics: (lib/cli.h)" {
	local o
	for o in -h --help; do
		run "$EM" $o
		assert_success
		assert_output --partial "usage: extract-metrics"
		assert_output --partial "--xlsx FILE"
	done
	for o in -V --version; do
		run "$EM" $o
		assert_success
		assert_output --regexp '^extract-metrics [0-9]'
	done
	run --separate-stderr "$EM" --bogus
	assert_failure 2
	[[ "$stderr" == "extract-metrics: unknown option '--bogus'"* ]]
	run --separate-stderr "$EM" -x
	assert_failure 2
	[[ "$stderr" == "extract-metrics: option '-x' needs an argument"* ]]
	# the tool's own name, never the path it was run by
	run --separate-stderr "$EM" /nonexistent/file.txt
	assert_failure 1
	[[ "$stderr" == "extract-metrics: "* ]]
}

@test "split-sections --csv output is read as a table, not as text" {
	[ -x "$BIN/split-sections" ] || skip "no split-sections built"
	printf '%s\n' 'Quarter 1 - 2024/25' '' 'Priority 2 - Safer roads' '' \
		'The team stopped 61 drivers and seized 9 cars.' > "$BATS_TEST_TMPDIR/r.txt"
	"$BIN/split-sections" "$BATS_TEST_TMPDIR/r.txt" | "$EM" > "$BATS_TEST_TMPDIR/tsv.out"
	run --separate-stderr bash -c "'$BIN/split-sections' --csv '$BATS_TEST_TMPDIR/r.txt' | '$EM'"
	assert_success
	[ -z "$stderr" ]
	[ "$output" = "$(cat "$BATS_TEST_TMPDIR/tsv.out")" ]
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 3 ]
}

@test "split-sections CSV input: its byte order mark, quoted cells and neutralised formulas" {
	{
		printf '\xef\xbb\xbfdoc,period,priority,heading,area,kind,line,text,line_map\r\n'
		printf 'r.txt,2024/25 Q1,3,,North,para,4,"We held 14 events, then ""more"".",\r\n'
		printf "r.txt,2024/25 Q1,3,,North,para,6,\"'=SUM(A1) 8 cadets joined.\",\r\n"
		printf 'r.txt,2024/25 Q1,3,,North,para,7\r\n'
	} > "$BATS_TEST_TMPDIR/s.csv"
	OUT="$BATS_TEST_TMPDIR/out.tsv"
	run --separate-stderr "$EM" "$BATS_TEST_TMPDIR/s.csv"
	assert_failure 1	# the short row
	[[ "$stderr" == *"s.csv:4: 7 fields, expected 9 (padded)"* ]]
	echo "$output" > "$OUT"
	[ "$(rows)" -eq 2 ]
	is doc 1 r.txt
	is period 1 "2024/25 Q1"
	is area 1 North
	is value 1 14
	is line 1 4
	is evidence 1 'We held 14 events, then "more".'
	is value 2 8
	is evidence 2 '=SUM(A1) 8 cadets joined.'
}

@test "an input that opens with a data table" {
	printf 'Team\tMay\tJune\nNorth\t14\t17\n' > "$BATS_TEST_TMPDIR/t.txt"
	OUT="$BATS_TEST_TMPDIR/out.tsv"
	run "$EM" "$BATS_TEST_TMPDIR/t.txt"
	assert_success
	echo "$output" > "$OUT"
	is value 2 17
	is when 2 June
	is line 2 2
}

@test "bad input: empty input gives the header only" {
	run "$EM" /dev/null
	assert_success
	assert_output --partial "doc	period"
	[ "${#lines[@]}" -eq 2 ]	# header and the empty-input warning
}

@test "bad input: invalid UTF-8 and NUL are repaired with a warning" {
	printf 'Caf\xe9 staff served 40 meals.\nA\0B saw 7 visits.\n' > "$BATS_TEST_TMPDIR/bad.txt"
	run --separate-stderr "$EM" "$BATS_TEST_TMPDIR/bad.txt"
	assert_success
	[[ "$stderr" == *"bad.txt:1:"* ]]
	[[ "$stderr" == *"bad.txt:2:"* ]]
	[ "$(printf '%s\n' "$output" | wc -l)" -eq 3 ]
	run "$EM" --strict "$BATS_TEST_TMPDIR/bad.txt"
	assert_failure 1
}

@test "bad input: CRLF line ends and a BOM are dropped" {
	printf '\xef\xbb\xbfThe team made 12 arrests.\r\nIt seized 3 cars.\r\n' > "$BATS_TEST_TMPDIR/crlf.txt"
	OUT="$BATS_TEST_TMPDIR/out.tsv"
	"$EM" "$BATS_TEST_TMPDIR/crlf.txt" > "$OUT"
	is value 1 12
	is measure 1 arrests
	is line 2 2
	run grep -c $'\r' "$OUT"
	assert_output 0
}

@test "bad input: split-sections rows with wrong columns warn and exit 1" {
	printf 'doc\tperiod\tpriority\tpriority_title\tcommitment\theading\tarea\tkind\tdepth\tline\ttext\tline_map\n' > "$BATS_TEST_TMPDIR/s.tsv"
	printf 'r.txt\tP\t1\tT\tC\t\t\tbullet\t1\t5\tWe ran 6 clinics.\n' >> "$BATS_TEST_TMPDIR/s.tsv"
	run --separate-stderr "$EM" "$BATS_TEST_TMPDIR/s.tsv"
	assert_failure 1
	[[ "$stderr" == *"s.tsv:2:"*"fields"* ]]
	[[ "$output" == *"clinics"* ]]
}

@test "bad input: a PDF is refused" {
	printf '%%PDF-1.7\n' > "$BATS_TEST_TMPDIR/x.pdf"
	run "$EM" "$BATS_TEST_TMPDIR/x.pdf"
	assert_failure 1
}

@test "wrong values (issue 13): decimal commas, digits grouped by spaces and huge numbers are warned about, never guessed" {
	local big
	big=$(printf '999,%.0s' $(seq 19))999
	printf '%s\n' 'The unit recorded 12,34 thefts in the year.' \
		'Officers seized 1,5 tonnes of cannabis.' \
		'The force recorded 1,000000 calls.' \
		'The force has 4,10 officers.' \
		'The force has 1 234 officers.' \
		'Thefts fell by 3,5% this year.' \
		'Spending was £1.234,56 on fuel.' \
		"The fund held £${big}bn in total." \
		"The total was $(printf '9%.0s' $(seq 100)) calls." \
		'The wait was 1h 30m.' \
		'The loss was £-5m this year.' \
		'The response took 999999999 hours 43 seconds.' > "$BATS_TEST_TMPDIR/w.txt"
	OUT="$BATS_TEST_TMPDIR/out.tsv"
	run --separate-stderr "$EM" "$BATS_TEST_TMPDIR/w.txt"
	assert_success
	echo "$stderr"
	echo "$output" > "$OUT"
	# one warning per unsure or huge number, with its file and line
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 7 ]
	local n
	for n in 1 2 3 4 5 8 9; do
		[[ "$stderr" == *"extract-metrics: $BATS_TEST_TMPDIR/w.txt:$n: "* ]] || { echo "no warning for line $n"; false; }
	done
	[[ "$stderr" == *"'4,10': a decimal comma, or numbers in a list?"* ]]
	[[ "$stderr" == *"'1 234': digits grouped by spaces"* ]]
	[[ "$stderr" == *"too large to be written exactly"* ]]
	# no figure guessed from them, the rest read as meant
	[ "$(rows)" -eq 5 ]
	is line 1 6
	is change_pct 1 -3.5
	is value 2 1234.56
	is unit 2 GBP
	is value 3 90
	is unit 3 minutes
	is value 4 -5000000
	is unit 4 GBP
	is value 5 3599999996443
	is unit 5 seconds
}

@test "fuzzer regressions and empty text fields end cleanly" {
	local f
	for f in "$ROOT"/tests/regress/extract-metrics/*; do
		[ -e "$f" ] || continue
		run timeout 30 "$EM" "$f"
		[ "$status" -le 1 ] || { echo "$f: status $status"; echo "$output" | tail -5; false; }
		[[ "$output" != *"runtime error"* && "$output" != *Sanitizer* ]]
	done
	printf 'doc\tperiod\tpriority\tpriority_title\tcommitment\theading\tarea\tkind\tdepth\tline\ttext\tline_map\nr.txt\t\t1\t\t\t\t\tpara\t0\t3\t\t\n' > "$BATS_TEST_TMPDIR/s.tsv"
	run "$EM" "$BATS_TEST_TMPDIR/s.tsv"
	[ "$status" -eq 0 ]
	[[ "$output" != *"runtime error"* && "$output" != *Sanitizer* ]]
	# a letter whose first byte is 0xE2 inside a word ("ℓ", U+2113)
	# once made the tokenizer loop forever
	printf '%s\n' "The unit cut 12 kℓ of waste and made 9 arrests." > "$BATS_TEST_TMPDIR/l.txt"
	OUT="$BATS_TEST_TMPDIR/out.tsv"
	timeout 5 "$EM" "$BATS_TEST_TMPDIR/l.txt" > "$OUT"
	[ "$(rows)" -eq 2 ]
	is value 2 9
}

# The three corpus reports against the hand labels.
score() {
	need_shared
	local r="$1" b="${1%.*}" out="$BATS_TEST_TMPDIR/$b.tsv"
	if [ -x "$BIN/split-sections" ]; then
		"$BIN/split-sections" "$SHARED/corpus/$r" | "$EM" > "$out"
	else
		"$EM" "$SHARED/corpus/$r" > "$out"
	fi
	run python3 "$SHARED/eval/score-metrics" "$SHARED/gold/$b.metrics.tsv" "$out"
	echo "$output"
	echo "$output" | awk '{
		for (i = 1; i < NF; i++) v[$i] = $(i + 1)
		if (v["recall"] < 0.95 || v["precision"] < 0.95 || v["role"] < 0.90 || v["measure"] < 0.85) exit 1
	}'
}

@test "corpus: essex-2019-20-q2 meets the targets" {
	score essex-2019-20-q2.txt
}

@test "corpus: essex-2019-20-q3 meets the targets" {
	score essex-2019-20-q3.md
}

@test "corpus: essex-2023-24-q1 meets the targets" {
	score essex-2023-24-q1.txt
}

# Every set of ../shared against its hand labels, through the pipeline
# (scripts/score metrics): recall, precision, role, label and when of
# each set and of all together must not fall below where the tool
# stands.  Issue 10's targets are 0.97, 0.97, 0.93, 0.90 and 0.85.
score_set() {
	need_shared
	[ -x "$BIN/split-sections" ] || skip "no split-sections beside extract-metrics"
	local set="$1"
	shift
	run env SHARED="$SHARED" BIN="$BIN" "$ROOT/scripts/score" metrics
	echo "$output"
	[ "$status" -eq 0 ]
	echo "$output" | awk -v set="$set" -v min="$*" '
		BEGIN { split("recall precision role label when", k, " "); split(min, m, " ") }
		$1 == "metrics" && $2 == set {
			for (i = 3; i < NF; i++) v[$i] = $(i + 1)
			for (j = 1; j <= 5; j++)
				if (v[k[j]] + 0 < m[j] + 0) {
					printf "%s %s %s < %s\n", set, k[j], v[k[j]], m[j]
					bad = 1
				}
			found = 1
		}
		END { exit (!found || bad) }'
}

@test "sets: corpus meets recall, precision, role, label and when" {
	score_set corpus 0.99 0.99 0.98 0.91 0.97
}

@test "sets: zoo meets recall, precision, role, label and when" {
	score_set zoo 0.99 0.98 0.96 0.94 0.91
}

@test "sets: series meets recall, precision, role, label and when" {
	score_set series 0.99 0.99 0.99 0.90 0.89
}

@test "sets: all together meet recall, precision, role, label and when" {
	score_set all 0.99 0.99 0.98 0.92 0.92
}
