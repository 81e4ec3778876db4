#!/usr/bin/env bats
# diff-quarters: joins, statuses, duplicates, the audit, --wide, filters,
# errors, CSV, the corpus join score and the examples/ data job.
load helper

DQ="$BIN/diff-quarters"

# Fixtures are normalize-names output of extract-metrics, written here
# with our own figures.  key: the name lower-cased, spaces to "_".
key() { printf '%s' "$1" | tr 'A-Z ' 'a-z_'; }

header() {
	printf 'doc\tperiod\tpriority\tarea\tarea_key\tmeasure\tmeasure_key\tvalue\tvalue_max\tunit\tapprox\twhen\tkind\tprev_value\tprev_when\tchange\tchange_pct\tline\tevidence\n'
}

# fig PERIOD PRIORITY AREA MEASURE VALUE UNIT LINE [WHEN KIND PREV
#     PREV_WHEN CHANGE PCT EVIDENCE]
fig() {
	printf 'r\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\t%s\t\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
		"$1" "$2" "$3" "$(key "$3")" "$4" "$(key "$4")" "$5" "$6" \
		"${8-}" "${9:-actual}" "${10-}" "${11-}" "${12-}" "${13-}" \
		"$7" "${14-}"
}

# Two quarters of a made-up force.
quarters() {
	{
		header
		fig '2022/23 Q1' 1 '' 'Volunteer drivers' 40 count 10
		fig '2022/23 Q1' 1 '' 'Parking fines issued' 1200 count 11
		fig '2022/23 Q1' 2 North 'Burglaries' 300 count 20
		fig '2022/23 Q1' 2 South 'Burglaries' 250 count 21
		fig '2022/23 Q1' 3 '' 'Cycle patrol hours' 90 hours 30
	} > "$BATS_TEST_TMPDIR/old.tsv"
	{
		header
		fig '2022/23 Q2' 1 '' 'Volunteer drivers' 44 count 12
		fig '2022/23 Q2' 2 North 'Burglaries' 280 count 22
		fig '2022/23 Q2' 2 South 'Burglaries' 250 count 23
		fig '2022/23 Q2' 3 '' 'Cycle patrol hours' 90 hours 31
		fig '2022/23 Q2' 4 '' 'Horse patrols' 6 count 40
	} > "$BATS_TEST_TMPDIR/new.tsv"
}

# The value of column NAME in the row whose measure and area are given.
cell() { # cell FILE MEASURE AREA NAME
	awk -F'\t' -v m="$2" -v a="$3" -v name="$4" '
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		$c["measure"] == m && $c["area"] == a { print $c[name] }' "$1"
}

@test "diff-quarters: each status: up, down, same, new, gone" {
	quarters
	run "$DQ" "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/new.tsv"
	assert_success
	echo "$output" > "$BATS_TEST_TMPDIR/out.tsv"
	o="$BATS_TEST_TMPDIR/out.tsv"
	assert_equal "$(head -1 "$o")" "$(printf 'measure\tarea\tunit\told_period\told_value\tnew_period\tnew_value\tdelta\tdelta_pct\tstatus\tcheck\told_line\tnew_line')"
	assert_equal "$(cell "$o" 'Volunteer drivers' '' status)" up
	assert_equal "$(cell "$o" 'Volunteer drivers' '' delta)" 4
	assert_equal "$(cell "$o" 'Volunteer drivers' '' delta_pct)" 10
	assert_equal "$(cell "$o" 'Burglaries' North status)" down
	assert_equal "$(cell "$o" 'Burglaries' North delta)" -20
	assert_equal "$(cell "$o" 'Burglaries' North delta_pct)" -6.67
	assert_equal "$(cell "$o" 'Burglaries' South status)" same
	assert_equal "$(cell "$o" 'Cycle patrol hours' '' status)" same
	assert_equal "$(cell "$o" 'Horse patrols' '' status)" new
	assert_equal "$(cell "$o" 'Horse patrols' '' old_value)" ''
	assert_equal "$(cell "$o" 'Parking fines issued' '' status)" gone
	assert_equal "$(cell "$o" 'Parking fines issued' '' old_line)" 11
	assert_equal "$(cell "$o" 'Burglaries' North old_line)" 20
	assert_equal "$(cell "$o" 'Burglaries' North new_line)" 22
	assert_equal "$(cell "$o" 'Burglaries' North old_period)" '2022/23 Q1'
	assert_equal "$(wc -l < "$o")" 7
}

@test "diff-quarters: the same rows in NEW's order, then gone ones, whichever input is held" {
	quarters
	for i in 1 2 3 4 5 6 7 8; do
		fig '2022/23 Q2' 9 '' "Filler $i" $i count $((90 + i)) >> "$BATS_TEST_TMPDIR/new.tsv"
	done
	"$DQ" "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/new.tsv" > "$BATS_TEST_TMPDIR/a"
	"$DQ" "$BATS_TEST_TMPDIR/old.tsv" - < "$BATS_TEST_TMPDIR/new.tsv" > "$BATS_TEST_TMPDIR/b"
	"$DQ" - "$BATS_TEST_TMPDIR/new.tsv" < "$BATS_TEST_TMPDIR/old.tsv" > "$BATS_TEST_TMPDIR/c"
	run diff "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/b"
	assert_success
	run diff "$BATS_TEST_TMPDIR/a" "$BATS_TEST_TMPDIR/c"
	assert_success
	assert_equal "$(cut -f10 "$BATS_TEST_TMPDIR/a" | grep -c '^new$')" 9
	assert_equal "$(tsv_col new_line < "$BATS_TEST_TMPDIR/a" | tr '\n' ' ')" "12 22 23 31 40 91 92 93 94 95 96 97 98  "
}

@test "diff-quarters: a key is not joined across areas, units or kinds" {
	{
		header
		fig '2022/23 Q1' 1 North 'Arrests' 10 count 5
		fig '2022/23 Q1' 1 '' 'Response time' 12 minutes 6
		fig '2022/23 Q1' 1 '' 'Officers' 100 count 7 'March 2023' target
	} > "$BATS_TEST_TMPDIR/o.tsv"
	{
		header
		fig '2022/23 Q2' 1 South 'Arrests' 10 count 5
		fig '2022/23 Q2' 1 '' 'Response time' 12 seconds 6
		fig '2022/23 Q2' 1 '' 'Officers' 100 count 7
	} > "$BATS_TEST_TMPDIR/n.tsv"
	"$DQ" "$BATS_TEST_TMPDIR/o.tsv" "$BATS_TEST_TMPDIR/n.tsv" 2>/dev/null > "$BATS_TEST_TMPDIR/out"
	assert_equal "$(tsv_col status < "$BATS_TEST_TMPDIR/out" | sort | uniq -c | tr -s ' ')" "$(printf ' 3 gone\n 3 new')"
}

@test "diff-quarters: repeats of a key are matched by priority, then by period kind" {
	{
		header
		fig '2022/23 Q1' 3 '' 'Arrests' 12 count 30 'last quarter'
		fig '2022/23 Q1' 4 '' 'Arrests' 7 count 40 'last quarter'
		fig '2022/23 Q1' 4 '' 'Arrests' 70 count 41 'year to date'
	} > "$BATS_TEST_TMPDIR/o.tsv"
	{
		header
		fig '2022/23 Q2' 4 '' 'Arrests' 150 count 38 'year to date'
		fig '2022/23 Q2' 4 '' 'Arrests' 9 count 39 'this quarter'
		fig '2022/23 Q2' 3 '' 'Arrests' 15 count 29 'the last quarter'
	} > "$BATS_TEST_TMPDIR/n.tsv"
	run "$DQ" "$BATS_TEST_TMPDIR/o.tsv" "$BATS_TEST_TMPDIR/n.tsv"
	assert_success
	pairs=$(printf '%s\n' "$output" | awk -F'\t' 'NR > 1 { print $5 ">" $7 }' | sort | tr '\n' ' ')
	assert_equal "$pairs" "12>15 70>150 7>9 "
}

@test "diff-quarters: a month's snapshot is told from a quarter's total" {
	{
		header
		fig '2022/23 Q1' 2 '' 'Arrests' 201 count 50 ''
	} > "$BATS_TEST_TMPDIR/o.tsv"
	{
		header
		fig '2022/23 Q2' 2 '' 'Arrests' 90 count 60 'November 2022'
		fig '2022/23 Q2' 2 '' 'Arrests' 223 count 61 ''
	} > "$BATS_TEST_TMPDIR/n.tsv"
	run "$DQ" "$BATS_TEST_TMPDIR/o.tsv" "$BATS_TEST_TMPDIR/n.tsv"
	assert_success
	assert_line --partial $'201\t2022/23 Q2\t223\t22\t10.95\tup'
	assert_line --partial $'90\t\t\tnew'
}

@test "diff-quarters: repeats with no context left are paired in order of appearance" {
	{
		header
		fig '2022/23 Q1' 1 '' 'Volunteers' 135 count 35
		fig '2022/23 Q1' 1 '' 'Volunteers' 20 count 57
	} > "$BATS_TEST_TMPDIR/o.tsv"
	{
		header
		fig '2022/23 Q2' 1 '' 'Volunteers' 140 count 33
		fig '2022/23 Q2' 1 '' 'Volunteers' 22 count 54
	} > "$BATS_TEST_TMPDIR/n.tsv"
	run "$DQ" "$BATS_TEST_TMPDIR/o.tsv" "$BATS_TEST_TMPDIR/n.tsv"
	assert_success
	assert_line --partial $'135\t2022/23 Q2\t140\t5'
	assert_line --partial $'20\t2022/23 Q2\t22\t2'
	refute_output --partial ambiguous
}

@test "diff-quarters: uneven repeats are ambiguous, with every line, not first-wins" {
	{
		header
		fig '2022/23 Q1' 5 '' 'Stop searches' 5 count 50
	} > "$BATS_TEST_TMPDIR/o.tsv"
	{
		header
		fig '2022/23 Q2' 5 '' 'Stop searches' 6 count 50
		fig '2022/23 Q2' 5 '' 'Stop searches' 8 count 52
	} > "$BATS_TEST_TMPDIR/n.tsv"
	run "$DQ" "$BATS_TEST_TMPDIR/o.tsv" "$BATS_TEST_TMPDIR/n.tsv"
	assert_success
	assert_equal "${#lines[@]}" 2
	assert_line --index 1 $'Stop searches\t\tcount\t2022/23 Q1\t5\t2022/23 Q2\t6 8\t\t\tambiguous\t\t50\t50 52'
	run "$DQ" --only ambiguous "$BATS_TEST_TMPDIR/o.tsv" "$BATS_TEST_TMPDIR/n.tsv"
	assert_equal "${#lines[@]}" 2
	run "$DQ" --only new,gone "$BATS_TEST_TMPDIR/o.tsv" "$BATS_TEST_TMPDIR/n.tsv"
	assert_equal "${#lines[@]}" 1
}

@test "diff-quarters: figures with no measure_key join only one to one in the same context" {
	{
		header
		fig '2022/23 Q1' 1 '' '' 5 count 10
		fig '2022/23 Q1' 1 '' '' 9 count 11
		fig '2022/23 Q1' 2 '' '' 40 count 20
	} > "$BATS_TEST_TMPDIR/o.tsv"
	{
		header
		fig '2022/23 Q2' 1 '' '' 6 count 10
		fig '2022/23 Q2' 1 '' '' 10 count 11
		fig '2022/23 Q2' 2 '' '' 44 count 20
		fig '2022/23 Q2' 3 '' '' 1 count 30
	} > "$BATS_TEST_TMPDIR/n.tsv"
	run "$DQ" "$BATS_TEST_TMPDIR/o.tsv" "$BATS_TEST_TMPDIR/n.tsv"
	assert_success
	assert_equal "$(printf '%s\n' "$output" | tsv_col status | sort | tr '\n' ' ')" "gone gone new new new up "
	assert_line --partial $'40\t2022/23 Q2\t44\t4'
}

# audit ROW...: the check column of NEW's single figure.
audit() {
	{ header; fig '2022/23 Q1' 1 '' 'Officers' "${OLDV:-238}" count 9; } > "$BATS_TEST_TMPDIR/o.tsv"
	{ header; fig "$@"; } > "$BATS_TEST_TMPDIR/n.tsv"
	"$DQ" "$BATS_TEST_TMPDIR/o.tsv" "$BATS_TEST_TMPDIR/n.tsv" 2>/dev/null | tsv_col check
}

@test "diff-quarters: audit: stated previous, change and % change that add up are ok" {
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 'June 2022' actual 238 'June 2021' 16 6.7 'Officers rose to 254, up from 238 (16 more, 6.7%).'
	assert_output ok
	# 16/238 = 6.72%: given to 0 decimals, 7 is right and 6 is not.
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual 238 '' '' 7
	assert_output ok
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual 238 '' '' 6
	assert_output 'mismatch: change +6%, but 254 against 238 is +6.7%'
	# To 1 decimal, 6.8 is wrong.
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual 238 '' '' 6.8
	assert_output --partial 'mismatch: change +6.8%'
	# Nothing stated: nothing to check.
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9
	assert_output ''
}

@test "diff-quarters: audit: 'down from 238' for 254 is flagged" {
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual 238 'June 2021' '' '' 'There were 254 officers, down from 238 a year before.'
	assert_output 'mismatch: says down from 238, but 254 is higher'
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual 238 'June 2021' '' '' 'There were 254 officers, an increase from 238.'
	assert_output ok
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual 238 'June 2021' '' '' 'Officer numbers (254) show a fall from 238; recruitment rose from 1,200.'
	assert_output 'mismatch: says down from 238, but 254 is higher'
	# Direction words of another clause do not count.
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual 238 'June 2021' '' '' 'Crime went down. There were 254 officers against 238.'
	assert_output ''
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual 238 '' -16 '' 'There were 254 officers compared with 238.'
	assert_output 'mismatch: change -16, but 254 - 238 = +16'
}

@test "diff-quarters: audit: a change of a rounded figure is checked at the report's rounding" {
	# £5.7m against £5.4m: the values carry their last place (100000).
	run audit '2022/23 Q2' 1 '' 'Officers' 5700000 GBP 9 '' actual 5400000 '' 300000 5.6
	assert_output ok
	run audit '2022/23 Q2' 1 '' 'Officers' 5700000 GBP 9 '' actual 5400000 '' 400000
	assert_output ok
	run audit '2022/23 Q2' 1 '' 'Officers' 5700000 GBP 9 '' actual 5400000 '' 500000
	assert_output --partial mismatch
	# A rate's "up 3%" may mean points.
	run audit '2022/23 Q2' 1 '' 'Officers' 45 percent 9 '' actual 42 '' '' 3
	assert_output ok
	# Change and % change with no previous figure still have to agree.
	run audit '2022/23 Q2' 1 '' 'Officers' 110 count 9 '' actual '' '' 10 10
	assert_output ok
	run audit '2022/23 Q2' 1 '' 'Officers' 110 count 9 '' actual '' '' 10 25
	assert_output --partial mismatch
}

@test "diff-quarters: audit: NEW's previous figure for OLD's quarter is checked against OLD" {
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 'September 2022' actual 238 'June 2022'
	assert_output ok
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual 240 'the previous quarter'
	assert_output 'mismatch: previous 240, but 2022/23 Q1 says 238 (line 9)'
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual 240 'Jun-22'
	assert_output --partial 'mismatch: previous 240'
	# The normal form, a quarter's number alone, a month alone: lib/period.
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual 240 '2022/23 Q1'
	assert_output --partial 'mismatch: previous 240'
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual 240 'in Quarter 1'
	assert_output --partial 'mismatch: previous 240'
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual 238 'from 238 in June'
	assert_output ok
	# A comparison with another period is not OLD's business.
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual 240 'Sept 2021'
	assert_output ''
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual 240 'the summary for 2022'
	assert_output ''
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual 240 'same period last year'
	assert_output ''
	# A change against OLD's quarter without the previous figure.
	run audit '2022/23 Q2' 1 '' 'Officers' 254 count 9 '' actual '' 'previous quarter' 20
	assert_output 'mismatch: change +20, but 254 - 238 = +16'
	# A gone figure's own comparison is checked too.
	{ header; fig '2022/23 Q1' 1 '' 'Dogs' 9 count 3 '' actual 12 '' 3; } > "$BATS_TEST_TMPDIR/o.tsv"
	{ header; } > "$BATS_TEST_TMPDIR/n.tsv"
	run "$DQ" "$BATS_TEST_TMPDIR/o.tsv" "$BATS_TEST_TMPDIR/n.tsv"
	assert_line --partial $'gone\tmismatch: change +3, but 9 - 12 = -3'
}

@test "diff-quarters: --wide: three quarters in period order, one row per key" {
	for q in 1 2 3; do
		{
			header
			fig "2022/23 Q$q" 1 '' 'Volunteer drivers' $((40 + q)) count $q
			fig "2022/23 Q$q" 2 North 'Burglaries' $((300 - q)) count 20
			[ $q = 2 ] || fig "2022/23 Q$q" 3 '' 'Horse patrols' $q count 30
			[ $q = 1 ] || fig "2022/23 Q$q" 3 '' 'Drone flights' 7 count 31 '' '' 5 'previous quarter'
		} > "$BATS_TEST_TMPDIR/q$q.tsv"
	done
	run "$DQ" --wide "$BATS_TEST_TMPDIR/q2.tsv" "$BATS_TEST_TMPDIR/q1.tsv" "$BATS_TEST_TMPDIR/q3.tsv"
	assert_success
	assert_line --index 0 $'diff-quarters: '"$BATS_TEST_TMPDIR"'/q1.tsv:2: period 2022/23 Q1 given after 2022/23 Q2: columns are put in period order'
	printf '%s\n' "$output" | grep -v '^diff-quarters:' > "$BATS_TEST_TMPDIR/w.tsv"
	w="$BATS_TEST_TMPDIR/w.tsv"
	assert_equal "$(head -1 "$w")" "$(printf 'measure\tarea\tunit\tkind\t2022/23 Q1\t2022/23 Q2\t2022/23 Q3\tcheck')"
	assert_equal "$(grep '^Volunteer' "$w" | cut -f5-7)" "$(printf '41\t42\t43')"
	assert_equal "$(grep '^Burglaries' "$w" | cut -f2,5-7)" "$(printf 'North\t299\t298\t297')"
	assert_equal "$(grep '^Horse' "$w" | cut -f5-7)" "$(printf '1\t\t3')"
	assert_equal "$(grep '^Drone' "$w" | cut -f5-8)" "$(printf '\t7\t7\tmismatch: 2022/23 Q3: previous 5, but 2022/23 Q2 says 7 (line 31)')"
	assert_equal "$(wc -l < "$w")" 5
	run "$DQ" --wide --only new "$BATS_TEST_TMPDIR"/q[123].tsv
	assert_equal "$(printf '%s\n' "$output" | cut -f1 | tail -n +2)" 'Drone flights'
	run "$DQ" --wide --only mismatch "$BATS_TEST_TMPDIR"/q[123].tsv
	assert_equal "${#lines[@]}" 2
}

@test "diff-quarters: --wide: financial years are periods too, in order, audited a year back" {
	{ header; fig '2019/20' 1 '' 'Officers' 200 count 9; } > "$BATS_TEST_TMPDIR/y1.tsv"
	{ header; fig '2020/21' 1 '' 'Officers' 210 count 9 '' actual 190 'last year'; } > "$BATS_TEST_TMPDIR/y2.tsv"
	run "$DQ" --wide "$BATS_TEST_TMPDIR/y2.tsv" "$BATS_TEST_TMPDIR/y1.tsv"
	assert_success
	assert_line --partial 'period 2019/20 given after 2020/21'
	assert_line $'Officers\t\tcount\tactual\t200\t210\tmismatch: 2020/21: previous 190, but 2019/20 says 200 (line 9)'
}

@test "diff-quarters: --wide refuses one period twice" {
	quarters
	run "$DQ" --wide "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/old.tsv"
	assert_failure 1
	assert_output --partial 'old.tsv:2: period 2022/23 Q1 again'
}

@test "diff-quarters: --only changed|new|gone|mismatch and --min-change" {
	quarters
	fig '2022/23 Q2' 9 '' 'Speed checks' 30 count 50 '' actual 20 '' 5 >> "$BATS_TEST_TMPDIR/new.tsv"
	run "$DQ" --only changed "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/new.tsv"
	assert_equal "$(printf '%s\n' "$output" | tsv_col status | sort | tr '\n' ' ')" "down up "
	run "$DQ" --only gone "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/new.tsv"
	assert_equal "$(printf '%s\n' "$output" | tsv_col measure)" 'Parking fines issued'
	run "$DQ" -o new "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/new.tsv"
	assert_equal "$(printf '%s\n' "$output" | tsv_col measure | tr '\n' ' ')" "Horse patrols Speed checks "
	run "$DQ" --only mismatch "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/new.tsv"
	assert_equal "$(printf '%s\n' "$output" | tsv_col measure)" 'Speed checks'
	# Volunteer drivers moved 10%, North burglaries 6.67%.
	run "$DQ" --min-change 8 "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/new.tsv"
	assert_equal "$(printf '%s\n' "$output" | tsv_col status | sort | tr '\n' ' ')" "gone new new up "
	run "$DQ" --min-change 5 --only changed "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/new.tsv"
	assert_equal "${#lines[@]}" 3
}

@test "diff-quarters: CSV out reads back with Python's csv module, same columns and numbers" {
	quarters
	fig '2022/23 Q2' 1 'Castle, "Keep"' 'Fines, paid' 1234.5 GBP 60 >> "$BATS_TEST_TMPDIR/new.tsv"
	"$DQ" "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/new.tsv" > "$BATS_TEST_TMPDIR/o.tsv"
	"$DQ" --csv "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/new.tsv" > "$BATS_TEST_TMPDIR/o.csv"
	run python3 - "$BATS_TEST_TMPDIR/o.tsv" "$BATS_TEST_TMPDIR/o.csv" <<'EOF'
import csv, sys
tsv = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
assert rows[0] == tsv[0], (rows[0], tsv[0])
assert len(rows) == len(tsv) == 8, len(rows)
for c, t in zip(rows[1:], tsv[1:]):
    assert len(c) == 13, c
    for i, name in enumerate(rows[0]):
        if name.endswith("value") or name.startswith("delta"):
            assert (c[i] == t[i] == "") or float(c[i]) == float(t[i]), (name, c[i], t[i])
        else:
            assert c[i] == t[i], (name, c[i], t[i])
fines = [c for c in rows if c[0] == "Fines, paid"][0]
assert fines[1] == 'Castle, "Keep"' and float(fines[6]) == 1234.5, fines
print("ok")
EOF
	assert_success
	assert_output ok
}

@test "diff-quarters: CSV input is read by its header" {
	quarters
	python3 -c '
import csv, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
csv.writer(open(sys.argv[2], "w", newline="")).writerows(rows)' "$BATS_TEST_TMPDIR/new.tsv" "$BATS_TEST_TMPDIR/new.csv"
	run "$DQ" "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/new.csv"
	assert_success
	assert_equal "$(printf '%s\n' "$output" | tsv_col status | sort | tr '\n' ' ')" "down gone new same same up "
}

@test "diff-quarters: a missing column is an error with file and line" {
	quarters
	cut -f1-6,8- "$BATS_TEST_TMPDIR/new.tsv" > "$BATS_TEST_TMPDIR/raw.tsv"
	run "$DQ" "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/raw.tsv"
	assert_failure 1
	assert_output --partial "diff-quarters: $BATS_TEST_TMPDIR/raw.tsv:1: no column 'measure_key'"
}

@test "diff-quarters: a unit that changed for one measure is a warning with both places" {
	{ header; fig '2022/23 Q1' 1 '' 'Patrol time' 40 hours 10; } > "$BATS_TEST_TMPDIR/o.tsv"
	{ header; fig '2022/23 Q2' 1 '' 'Patrol time' 2400 minutes 12; } > "$BATS_TEST_TMPDIR/n.tsv"
	run "$DQ" "$BATS_TEST_TMPDIR/o.tsv" "$BATS_TEST_TMPDIR/n.tsv"
	assert_success
	assert_line "diff-quarters: $BATS_TEST_TMPDIR/n.tsv:2: 'Patrol time' is in minutes here but in hours at $BATS_TEST_TMPDIR/o.tsv:2; not joined"
	assert_output --partial $'\tnew\t'
	assert_output --partial $'\tgone\t'
}

@test "diff-quarters: periods out of order are a warning" {
	quarters
	run "$DQ" "$BATS_TEST_TMPDIR/new.tsv" "$BATS_TEST_TMPDIR/old.tsv"
	assert_success
	assert_line --partial "old.tsv:2: NEW period 2022/23 Q1 comes before OLD period 2022/23 Q2"
}

@test "diff-quarters: rows with wrong field counts or bad numbers: warned, kept going, exit 1" {
	quarters
	printf 'r\t2022/23 Q2\t1\n' >> "$BATS_TEST_TMPDIR/new.tsv"
	fig '2022/23 Q2' 1 '' 'Kennels' 'twelve' count 70 >> "$BATS_TEST_TMPDIR/new.tsv"
	run "$DQ" "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/new.tsv"
	assert_failure 1
	assert_output --partial "new.tsv:7: 3 fields, header has 19"
	assert_output --partial "new.tsv:8: value 'twelve' is not a number; row left out"
	assert_output --partial $'Horse patrols\t\tcount'
}

@test "diff-quarters: bad usage exits 2" {
	quarters
	run "$DQ" "$BATS_TEST_TMPDIR/old.tsv"
	assert_failure 2
	assert_output --partial 'need two inputs'
	run "$DQ" --only bigger "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/new.tsv"
	assert_failure 2
	assert_output --partial "--only: unknown status 'bigger'"
	run "$DQ" --min-change lots "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/new.tsv"
	assert_failure 2
	run "$DQ" - -
	assert_failure 2
	run "$DQ" --wide
	assert_failure 2
	run "$DQ" --bogus a b
	assert_failure 2
	run "$DQ" --help
	assert_success
	assert_output --partial 'usage: diff-quarters'
	[ "${#lines[@]}" -le 24 ]
	run "$DQ" --version
	assert_success
	assert_output --regexp '^diff-quarters [0-9]'
}

@test "diff-quarters: an unreadable file, a PDF and an empty file" {
	quarters
	run "$DQ" "$BATS_TEST_TMPDIR/old.tsv" "$BATS_TEST_TMPDIR/nothing.tsv"
	assert_failure 1
	assert_output --partial "nothing.tsv"
	printf '%%PDF-1.4\n' > "$BATS_TEST_TMPDIR/q.pdf"
	run "$DQ" "$BATS_TEST_TMPDIR/q.pdf" "$BATS_TEST_TMPDIR/new.tsv"
	assert_failure 1
	assert_output --partial "q.pdf"
	: > "$BATS_TEST_TMPDIR/empty.tsv"
	run "$DQ" "$BATS_TEST_TMPDIR/empty.tsv" "$BATS_TEST_TMPDIR/new.tsv"
	assert_success
	assert_output --partial 'empty input'
	assert_equal "$(printf '%s\n' "$output" | grep -c $'\tnew\t')" 5
}

# The corpus join: through the whole pipeline, scored against the gold.
@test "diff-quarters: corpus join essex 2019/20 Q2 -> Q3: recall >= 0.90, precision 1.00" {
	need_shared
	for t in split-sections extract-metrics normalize-names; do
		[ -x "$BIN/$t" ] || skip "$t is not built"
	done
	for r in essex-2019-20-q2.txt essex-2019-20-q3.md; do
		"$BIN/split-sections" "$SHARED/corpus/$r" | "$BIN/extract-metrics" |
			"$BIN/normalize-names" > "$BATS_TEST_TMPDIR/$r.tsv"
	done
	"$DQ" "$BATS_TEST_TMPDIR/essex-2019-20-q2.txt.tsv" "$BATS_TEST_TMPDIR/essex-2019-20-q3.md.tsv" > "$BATS_TEST_TMPDIR/diff.tsv"
	run python3 "$SHARED/eval/score-join" diff "$SHARED/gold/join-essex-2019-20-q2-to-q3.tsv" "$BATS_TEST_TMPDIR/diff.tsv"
	echo "$output"
	assert_success
	recall=$(printf '%s\n' "$output" | sed -n 's/.*recall \([0-9.]*\).*/\1/p')
	precision=$(printf '%s\n' "$output" | sed -n 's/.*precision \([0-9.]*\).*/\1/p')
	awk -v r="$recall" -v p="$precision" 'BEGIN { exit !(r >= 0.90 && p >= 1.0) }'
}

@test "diff-quarters: examples/ data job: reports -> TSVs -> series CSV, incremental, make -j" {
	for t in split-sections extract-metrics normalize-names; do
		[ -x "$BIN/$t" ] || skip "$t is not built"
	done
	work="$BATS_TEST_TMPDIR/job"
	mkdir -p "$work/reports"
	cp "$ROOT"/examples/reports/* "$work/reports/"
	job() { make -s -C "$ROOT/examples" TOOLS="$BIN" REPORTS="$work/reports" OUT="$work/out" "$@"; }
	run job -j4
	assert_success
	series="$work/out/series.csv"
	[ -s "$series" ]
	run python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
print(",".join(rows[0][4:-1]))' "$series"
	assert_output '2023/24 Q1,2023/24 Q2,2023/24 Q3'
	# Nothing changed: nothing re-runs.
	run job --question
	assert_success
	# One report changed: only its TSV and the series are rebuilt.
	sleep 1
	touch "$work/reports/riverford-2023-24-q2.txt"
	run job --dry-run
	assert_output --partial 'riverford-2023-24-q2.tsv'
	refute_output --partial 'reports/riverford-2023-24-q1'
	refute_output --partial 'reports/riverford-2023-24-q3'
	assert_output --partial 'series.csv'
	# A removed report leaves the series.
	rm "$work/reports/riverford-2023-24-q3.md"
	run job
	assert_success
	assert_equal "$(head -1 "$series")" $'measure,area,unit,kind,2023/24 Q1,2023/24 Q2,check\r'
}

# A plain PDF of a text file, as a word processor would give: PostScript
# through ps2pdf, lines wrapped at 100 characters.
txt2pdf() {
	fold -s -w 100 "$1" | awk '
	BEGIN { print "%!PS"; print "/Courier findfont 7 scalefont setfont"; y = 770 }
	{
		gsub(/\\/, "\\\\"); gsub(/\(/, "\\("); gsub(/\)/, "\\)"); gsub(/–/, "-")
		if (y < 40) { print "showpage /Courier findfont 7 scalefont setfont"; y = 770 }
		printf "30 %d moveto (%s) show\n", y, $0; y -= 9
	}
	END { print "showpage" }' | ps2pdf - "$2"
}

@test "diff-quarters: examples/ data job takes a PDF report through pdftotext" {
	for t in split-sections extract-metrics normalize-names; do
		[ -x "$BIN/$t" ] || skip "$t is not built"
	done
	command -v ps2pdf >/dev/null && command -v pdftotext >/dev/null ||
		skip "ps2pdf or pdftotext missing: cannot make a PDF to read"
	work="$BATS_TEST_TMPDIR/job"
	mkdir -p "$work/reports"
	cp "$ROOT"/examples/reports/* "$work/reports/"
	txt2pdf "$work/reports/riverford-2023-24-q2.txt" "$work/reports/riverford-2023-24-q2.pdf"
	rm "$work/reports/riverford-2023-24-q2.txt"
	run make -s -C "$ROOT/examples" TOOLS="$BIN" REPORTS="$work/reports" OUT="$work/out" -j2
	assert_success
	run python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
head = [r for r in rows if r[0] == "Special Constable headcount"][0]
print(",".join(rows[0][4:-1]), ",".join(head[4:-1]))' "$work/out/series.csv"
	assert_output '2023/24 Q1,2023/24 Q2,2023/24 Q3 212,224,231'
}
