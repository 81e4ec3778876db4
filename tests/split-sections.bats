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

# ---- plain text from PDF ----

@test "plain text: priorities, lead-ins, commitments, bullets, wrapped lines" {
	cat > "$BATS_TEST_TMPDIR/r.txt" <<'EOF'
Community Safety Plan Quarterly Update

Quarter 2 - 2030/31

Priority 1 – Safer Streets At Night

We will:

Light every alley in the borough and keep the lamps working.

- Forty new lamps went up along the canal path this quarter.
- Lamp repairs now take two days on average, down from five days in the
 same quarter last year, thanks to a new contract.

Priority 2 - Quieter Neighbourhoods

Working with partners we will:

Cut noise complaints from late night venues.

- Riverside:
 - Two venues agreed earlier closing times.
 - One licence was reviewed.
- Hilltop Ward: Patrols visited twelve bars.
EOF
	run "$SS" "$BATS_TEST_TMPDIR/r.txt"
	assert_success
	out="$output"
	[ "$(col_of commitment 'Forty new lamps' <<<"$out")" = "Light every alley in the borough and keep the lamps working." ]
	[ "$(col_of priority 'Forty new lamps' <<<"$out")" = 1 ]
	[ "$(col_of priority_title 'Forty new lamps' <<<"$out")" = "Safer Streets At Night" ]
	[ "$(col_of kind 'Forty new lamps' <<<"$out")" = bullet ]
	[ "$(col_of text 'Lamp repairs' <<<"$out")" = "Lamp repairs now take two days on average, down from five days in the same quarter last year, thanks to a new contract." ]
	[ "$(col_of commitment 'Two venues' <<<"$out")" = "Cut noise complaints from late night venues." ]
	[ "$(col_of priority 'Two venues' <<<"$out")" = 2 ]
	[ "$(col_of depth 'Two venues' <<<"$out")" = 2 ]
	[ "$(col_of area 'Two venues' <<<"$out")" = Riverside ]
	[ "$(col_of heading 'One licence' <<<"$out")" = Riverside ]
	[ "$(col_of area 'Hilltop Ward' <<<"$out")" = "Hilltop Ward" ]
	[ "$(col_of period 'Forty new lamps' <<<"$out")" = "2030/31 Q2" ]
	# the lead-in is kept, but is not the commitment
	[ "$(col_of commitment 'Working with partners we will:' <<<"$out")" = "" ]
}

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

@test "plain text: repeated page headings do not start a new commitment" {
	cat > "$BATS_TEST_TMPDIR/p.txt" <<'EOF'
Priority 3 – Cleaner Parks

We will:

Clear litter from every park weekly.

- Volunteers collected ninety bags.

Priority 3 – Cleaner Parks

We will:

Clear litter from every park weekly.

- Bins were emptied more often.
EOF
	run "$SS" "$BATS_TEST_TMPDIR/p.txt"
	assert_success
	[ "$(awk -F'\t' 'NR > 1 && $5 != "" { print $3 "|" $5 }' <<<"$output" | sort -u | wc -l)" = 1 ]
}

@test "plain text: commitment on the lead-in's own line" {
	printf 'Priority 4 - Trust\n\nWith the schools board we will: Teach online safety in every school.\n\n- Six schools had lessons.\n' > "$BATS_TEST_TMPDIR/i.txt"
	run "$SS" "$BATS_TEST_TMPDIR/i.txt"
	assert_success
	[ "$(col_of commitment 'Six schools' <<<"$output")" = "Teach online safety in every school." ]
}

@test "pdftotext: form feeds, page numbers, running headers, ligatures, hyphens" {
	printf 'Town Plan Quarterly Update Q3 2029/30\n\nPriority 1 - Roads\n\nWe will:\n\nFix potholes quickly.\n\n- The \xef\xac\x81rst crews re-\n surfaced the high street.\n\n7\n\fTown Plan Quarterly Update Q3 2029/30\n- Crews also mended kerbs.\n' > "$BATS_TEST_TMPDIR/f.txt"
	run "$SS" "$BATS_TEST_TMPDIR/f.txt"
	assert_success
	[ "$(col_of text 'The first' <<<"$output")" = "The first crews re-surfaced the high street." ]
	[ "$(col_of commitment 'Crews also' <<<"$output")" = "Fix potholes quickly." ]
	[ -z "$(col_of text 7 <<<"$output")" ]
	# the running header is furniture, dropped after the title page
	[ "$(grep -c 'Town Plan Quarterly Update' <<<"$output")" = 1 ]
}

@test "pdftotext: Word bullets, a lead-in without colon, no blank lines" {
	cat > "$BATS_TEST_TMPDIR/w.txt" <<'EOF'
Priority Two – Safer Shops
We will
Help shopkeepers report theft quickly.
A new phone line opened in May.
• Town Centre:
   o Shop watch radios were handed out.
   o Two thieves were banned.
• Market stalls now close later.
EOF
	run "$SS" "$BATS_TEST_TMPDIR/w.txt"
	assert_success
	out="$output"
	[ "$(col_of priority 'A new phone' <<<"$out")" = 2 ]
	[ "$(col_of priority_title 'A new phone' <<<"$out")" = "Safer Shops" ]
	[ "$(col_of commitment 'A new phone' <<<"$out")" = "Help shopkeepers report theft quickly." ]
	[ "$(col_of kind 'A new phone' <<<"$out")" = para ]
	[ "$(col_of depth 'Two thieves' <<<"$out")" = 2 ]
	[ "$(col_of area 'Two thieves' <<<"$out")" = "Town Centre" ]
	[ "$(col_of depth 'Market stalls' <<<"$out")" = 1 ]
	[ "$(col_of area 'Market stalls' <<<"$out")" = "" ]
}

@test "pdftotext: a soft hyphen at a line end joins the word" {
	printf 'Priority 1 - A\n\nWe will:\n\nDo it.\n\n- inter\xc2\xad\n national work\n' > "$BATS_TEST_TMPDIR/h.txt"
	run "$SS" "$BATS_TEST_TMPDIR/h.txt"
	assert_success
	[ "$(col_of text 'international' <<<"$output")" = "international work" ]
}

# ---- Markdown from DOCX ----

@test "markdown: headings, bold, sup tags, nested bullets, continuation lines" {
	cat > "$BATS_TEST_TMPDIR/r.md" <<'EOF'
# **Borough Plan** Quarterly Update

## Quarter 3 2027/28

## Contents

Priority 1 – Better Buses	3-4
Priority 2 – Safer Homes	5

#### We will:

Run more buses in the evening.

- Evening routes rose to 14<sup>th</sup> place in the league.
- East District:
  - A new route opened in
    the market town.

## **Priority 2 – Safer Homes**

#### Working with landlords we will:

Inspect every rented flat.

- **Northside**: inspectors visited forty flats.
EOF
	run "$SS" "$BATS_TEST_TMPDIR/r.md"
	assert_success
	out="$output"
	# content before the first heading belongs to the first listed priority
	[ "$(col_of priority 'Evening routes' <<<"$out")" = 1 ]
	[ "$(col_of priority_title 'Evening routes' <<<"$out")" = "Better Buses" ]
	[ "$(col_of text 'Evening routes' <<<"$out")" = "Evening routes rose to 14th place in the league." ]
	[ "$(col_of text 'A new route' <<<"$out")" = "A new route opened in the market town." ]
	[ "$(col_of depth 'A new route' <<<"$out")" = 2 ]
	[ "$(col_of area 'A new route' <<<"$out")" = "East District" ]
	[ "$(col_of commitment 'Northside' <<<"$out")" = "Inspect every rented flat." ]
	[ "$(col_of area 'Northside' <<<"$out")" = "Northside" ]
	[ "$(col_of period 'Northside' <<<"$out")" = "2027/28 Q3" ]
	# the contents page gives titles but no rows
	refute_output --partial $'3-4'
}

@test "markdown: pandoc spans, footnote definitions, tables and rules" {
	cat > "$BATS_TEST_TMPDIR/p.md" <<'EOF'
### Priority 8 – Fraud

#### We will:

Warn people about scams.

[Northtown]{.underline}

- Scam talks reached 200 people.[^1]

| Month | Calls | Reports |
|-------|------:|---------|
| June  | 12    |         |

------

[^1]: Talks were held in libraries.
EOF
	run "$SS" "$BATS_TEST_TMPDIR/p.md"
	assert_success
	out="$output"
	[ "$(col_of heading 'Scam talks' <<<"$out")" = Northtown ]
	[ "$(col_of kind '[^1]: Talks' <<<"$out")" = footnote ]
	[ "$(col_of kind 'June' <<<"$out")" = table ]
	grep -qF 'June\t12' <<<"$out"
	refute_output --partial -- '---'
}

# ---- the later plan: objectives, Key Points, commitment tables ----

@test "tables: We will | Commentary | Who rows, cells across lines and pages" {
	printf '%s\n' \
	'Priority 5 - Fewer Burglaries' \
	'' \
	'Our objective is to make homes harder to break into.' \
	'' \
	'Key Points' \
	'' \
	'- Burglaries fell for a third quarter.' \
	'' \
	$'We will\tCommentary\tWho' \
	$'Fit better locks on the homes\tThe lock scheme reached 300 homes.\tEast Team' \
	$'of older residents.\tMore fitters start next month.\t' \
	$'\tA second supplier was found.\t' \
	'' \
	'3' \
	'' \
	$'\tThe supplier halves the waiting time.\t' \
	$'Mark valuable property so it\tMarking kits went to 40 shops.\tWest Team' \
	$'can be traced\t\t' \
	$'Help victims recover quickly.\tVisits now happen within a day.\tWest Team' \
	> "$BATS_TEST_TMPDIR/t.txt"
	run "$SS" "$BATS_TEST_TMPDIR/t.txt"
	assert_success
	out="$output"
	[ "$(col_of commitment 'Burglaries fell' <<<"$out")" = "Key Points" ]
	[ "$(col_of commitment 'Fit better' <<<"$out")" = "Fit better locks on the homes of older residents." ]
	[ "$(col_of commitment 'The lock scheme' <<<"$out")" = "Fit better locks on the homes of older residents." ]
	[ "$(col_of heading 'The lock scheme' <<<"$out")" = "East Team" ]
	[ "$(col_of commitment 'The supplier halves' <<<"$out")" = "Fit better locks on the homes of older residents." ]
	[ "$(col_of commitment 'Marking kits' <<<"$out")" = "Mark valuable property so it can be traced" ]
	[ "$(col_of commitment 'Visits now' <<<"$out")" = "Help victims recover quickly." ]
	[ "$(col_of heading 'Visits now' <<<"$out")" = "West Team" ]
	# the objective itself carries no commitment; Who is kept
	[ "$(col_of commitment 'Our objective' <<<"$out")" = "" ]
	assert_output --partial "West Team"
	refute_output --regexp $'\t3\t\t$'
}

@test "tables: columns laid out with spaces (pdftotext -layout)" {
	cat > "$BATS_TEST_TMPDIR/s.txt" <<'EOF'
Priority 5 - Fewer Burglaries

We will                      Commentary                          Who
Fit better locks on the      The lock scheme reached 300 homes.  East Team
homes of older residents.    More fitters start next month.
                             A second supplier was found.
Mark valuable property so    Marking kits went to 40 shops and   West Team
it can be traced.            the markets.

Month          Apr     May     Jun
Arrests        12      9       11
EOF
	run "$SS" "$BATS_TEST_TMPDIR/s.txt"
	assert_success
	out="$output"
	[ "$(col_of commitment 'The lock scheme' <<<"$out")" = "Fit better locks on the homes of older residents." ]
	[ "$(col_of text 'The lock scheme' <<<"$out")" = "The lock scheme reached 300 homes. More fitters start next month." ]
	[ "$(col_of heading 'The lock scheme' <<<"$out")" = "East Team" ]
	[ "$(col_of commitment 'A second supplier' <<<"$out")" = "Fit better locks on the homes of older residents." ]
	[ "$(col_of commitment 'Marking kits' <<<"$out")" = "Mark valuable property so it can be traced." ]
	[ "$(col_of text 'Marking kits' <<<"$out")" = "Marking kits went to 40 shops and the markets." ]
	[ "$(col_of kind 'Arrests' <<<"$out")" = table ]
	grep -qF 'Arrests\t12\t9\t11' <<<"$out"
}

@test "tables: numeric data rows keep empty cells; content under the objective" {
	printf '%s\n' \
	'Priority 6 - Staff' \
	'' \
	'Our objective is to keep staff well.' \
	'' \
	$'Days lost\tApr\tMay\tJun' \
	$'2030/31\t4.1\t\t3.9' \
	$'2031/32\t3.2\t3.3\t' \
	'' \
	'Key Points' \
	> "$BATS_TEST_TMPDIR/d.txt"
	run "$SS" "$BATS_TEST_TMPDIR/d.txt"
	assert_success
	[ "$(col_of kind '2030/31' <<<"$output")" = table ]
	# cells joined by escaped tabs, the empty cell kept
	grep -qF '2030/31\t4.1\t\t3.9' <<<"$output"
	[ "$(col_of commitment 'Days lost' <<<"$output")" = "Our objective is to keep staff well." ]
}

@test "footnotes and TeX artefacts" {
	printf 'Priority 1 - A\n\nWe will:\n\nDo more.\n\n- The score\xc2\xb9 went up.\n\n\xc2\xb9 Scores are calculated yearly.\n$^{\\rm 2}$ Data to June only.\n\nText with $_{15}$ an artefact.\n' > "$BATS_TEST_TMPDIR/n.txt"
	run "$SS" "$BATS_TEST_TMPDIR/n.txt"
	assert_success
	[ "$(col_of kind '¹ Scores' <<<"$output")" = footnote ]
	[ "$(col_of kind 'Data to June' <<<"$output")" = footnote ]
	[ "$(col_of text 'Text with' <<<"$output")" = "Text with an artefact." ]
}

# ---- the period ----

@test "period: every spelling of the quarter gives YYYY/YY Qn" {
	for title in "Quarter 2 - 2019/20" "Quarter 2 2019/20" "Quarter 2 – 2019/20" \
		     "Q2 2019/20" "Quarterly Update 2019/20 Q2"; do
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
	run sh -c "head -1 '$BATS_TEST_TMPDIR/o.csv' | tr -d '\\r'"
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

@test "spaced tables: head, rows and caption as tab-separated ones; empty cells kept" {
	cat > "$BATS_TEST_TMPDIR/s.txt" <<'EOF2'
Priority 2 - Safer Streets

Our objective is to cut street crime.

                 Bicycle thefts reported, by month
Area                Oct      Nov      Dec      Jan
Harbour Ward        14       9                 11
Old Town            7        12       8
Mill Lane           3                          5
Total change        -2.5%    0.0%     4.1%     -1.0%

The figures above exclude attempted thefts.
EOF2
	run tables "$BATS_TEST_TMPDIR/s.txt"
	assert_success
	# the caption goes with its table, as a one-cell tab-laid row does
	assert_line --index 0 $'5\tBicycle thefts reported, by month'
	assert_line --index 1 $'6\tArea\\tOct\\tNov\\tDec\\tJan'
	assert_line --index 2 $'7\tHarbour Ward\\t14\\t9\\t\\t11'
	assert_line --index 3 $'8\tOld Town\\t7\\t12\\t8'
	assert_line --index 4 $'9\tMill Lane\\t3\\t\\t\\t5'
	assert_line --index 5 $'10\tTotal change\\t-2.5%\\t0.0%\\t4.1%\\t-1.0%'
	[ "${#lines[@]}" -eq 6 ]
	# what follows is prose again
	run "$SS" "$BATS_TEST_TMPDIR/s.txt"
	[ "$(col_of kind 'The figures above' <<<"$output")" = para ]
	[ "$(col_of commitment 'Area' <<<"$output")" = "Our objective is to cut street crime." ]
}

@test "spaced tables: the same rows as the tab-separated table" {
	printf '%s\n' 'Priority 1 - Roads' '' \
		$'Crashes\tQ1\tQ2\tQ3' $'Rural\t41\t\t38' $'Urban\t102\t97\t88' > "$BATS_TEST_TMPDIR/tab.txt"
	printf '%s\n' 'Priority 1 - Roads' '' \
		'Crashes    Q1     Q2     Q3' 'Rural      41            38' 'Urban      102    97     88' > "$BATS_TEST_TMPDIR/sp.txt"
	diff <(tables "$BATS_TEST_TMPDIR/tab.txt") <(tables "$BATS_TEST_TMPDIR/sp.txt")
	[ "$(tables "$BATS_TEST_TMPDIR/sp.txt" | wc -l)" -eq 3 ]
}

@test "spaced tables: right-aligned figures go under their heads" {
	cat > "$BATS_TEST_TMPDIR/s.txt" <<'EOF2'
Priority 3 - Workforce

                         Mar-30     Mar-31    Change
Officers                  1,204      1,251       +47
Volunteers                   86                  -12
EOF2
	run tables "$BATS_TEST_TMPDIR/s.txt"
	# the labels' column has an empty head, as in a tab-separated table
	assert_line --index 0 $'3\t\\tMar-30\\tMar-31\\tChange'
	assert_line --index 1 $'4\tOfficers\\t1,204\\t1,251\\t+47'
	assert_line --index 2 $'5\tVolunteers\\t86\\t\\t-12'
}

@test "spaced tables: pandoc's plain tables, wrapped cells joined, rules dropped" {
	cat > "$BATS_TEST_TMPDIR/s.txt" <<'EOF2'
Priority 4 - Victims

Victims contacted within two days

  ---------------------------------------------------
  Service       Jul      Aug      Sep      % Pt.
                                           Change
  ------------- -------- -------- -------- ----------
  Victim Care   81.5     83.0     84.2     2.7
  Hub

  Witness       66.0     70.4     71.9     5.9
  Service
  ---------------------------------------------------

Key Points
EOF2
	run tables "$BATS_TEST_TMPDIR/s.txt"
	assert_line --index 0 $'3\tVictims contacted within two days'
	assert_line --index 1 $'6\tService\\tJul\\tAug\\tSep\\t% Pt. Change'
	assert_line --index 2 $'9\tVictim Care Hub\\t81.5\\t83.0\\t84.2\\t2.7'
	assert_line --index 3 $'12\tWitness Service\\t66.0\\t70.4\\t71.9\\t5.9'
	[ "${#lines[@]}" -eq 4 ]
}

@test "spaced tables: a cell that fills its column is cut where the next starts" {
	cat > "$BATS_TEST_TMPDIR/s.txt" <<'EOF2'
Priority 4 - Victims

  ------------- -------- --------
  Team          Jul      Aug
  ------------- -------- --------
  Victim Care H 81.5     83.0
  Witness       66.0     70.4
EOF2
	run tables "$BATS_TEST_TMPDIR/s.txt"
	assert_line --index 1 $'6\tVictim Care H\\t81.5\\t83.0'
}

@test "spaced tables: prose with double spaces stays prose" {
	cat > "$BATS_TEST_TMPDIR/s.txt" <<'EOF2'
Priority 5 - Fraud

Officers visited 40 older residents in March.  A further 25 visits
are planned for April, and 3 talks  at  sheltered housing.

Scam awareness   Doorstep crime
The two campaigns ran in 12 towns.  They reached 900 people.

Busy months  Some weeks
Lunch clubs hosted the talks.
EOF2
	run "$SS" "$BATS_TEST_TMPDIR/s.txt"
	assert_success
	refute_output --regexp $'\ttable\t'
	[ "$(col_of kind 'Officers visited' <<<"$output")" = para ]
	[ "$(col_of text 'Officers visited' <<<"$output")" = "Officers visited 40 older residents in March. A further 25 visits are planned for April, and 3 talks at sheltered housing." ]
	# a line that might have headed a table, read as text when no
	# figures come under it: nothing lost, lines in order
	[ "$(col_of line 'Scam awareness' <<<"$output")" = 6 ]
	assert_output --partial "Scam awareness Doorstep crime"
	assert_output --partial "The two campaigns ran in 12 towns."
	assert_output --partial "Busy months Some weeks"
	assert_output --partial "Lunch clubs hosted the talks."
}

@test "spaced tables: a contents table laid out with spaces gives titles, no rows" {
	cat > "$BATS_TEST_TMPDIR/s.txt" <<'EOF2'
Quarterly Update Q2 2031/32

Contents

  ---------------------- ------- ----------
  Priority               Pages   Link
  ---------------------- ------- ----------
  Priority 1 -- Safer    3-4     P1
  Roads
  Priority 2 -- Fewer    5       P2
  Burglaries
  ---------------------- ------- ----------

Priority 1

Speed checks rose to 410.
EOF2
	run "$SS" "$BATS_TEST_TMPDIR/s.txt"
	assert_success
	refute_output --partial "3-4"
	refute_output --partial "Burglaries"
	[ "$(col_of priority_title 'Speed checks' <<<"$output")" = "Safer Roads" ]
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
