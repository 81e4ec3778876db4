#!/usr/bin/env bats
# extract-metrics: figures, their units, roles, measures and periods.
# Every sentence here was written for these tests.

load helper
bats_require_minimum_version 1.5.0

EM="$BIN/extract-metrics"

# em TEXT...: run on plain text (one line per argument); output in $OUT.
em() {
	OUT="$BATS_TEST_TMPDIR/out.tsv"
	printf '%s\n' "$@" | "$EM" > "$OUT"
}

# get FIELD [ROW]: a field of output row ROW (1 = first data row).
get() {
	tsv_col "$1" < "$OUT" | sed -n "${2:-1}p"
}

# rows: the number of data rows.
rows() {
	echo $(($(wc -l < "$OUT") - 1))
}

# is FIELD ROW EXPECTED
is() {
	local got
	got="$(get "$1" "$2")"
	[ "$got" = "$3" ] || { echo "row $2 $1: got '$got', want '$3'"; cat "$OUT"; return 1; }
}

# none TEXT: no figure at all.
none() {
	em "$1"
	[ "$(rows)" -eq 0 ] || { echo "figures in: $1"; cat "$OUT"; return 1; }
}

@test "header row and column order" {
	em "Nothing to count here."
	run head -n 1 "$OUT"
	assert_output "$(printf 'doc\tperiod\tpriority\tarea\tmeasure\tvalue\tvalue_max\tunit\tapprox\twhen\tkind\tprev_value\tprev_when\tchange\tchange_pct\tline\tevidence')"
}

@test "digits with separators and decimals, line numbers" {
	em "First line." "Patrols covered 12,345 miles and 7.25 hours."
	is value 1 12345
	is unit 1 count
	is line 1 2
	is value 2 7.25
	is unit 2 hours
}

@test "number words: simple, compound, capitalised, a dozen" {
	em "Twelve cadets and twenty-five volunteers helped, with a dozen horses and two hundred and fifty leaflets."
	is value 1 12
	is value 2 25
	is value 3 12
	is value 4 250
	is measure 2 "volunteers helped"
}

@test "one, a and zero are not counted as figures" {
	none "One officer attended and a suspect left, with zero tolerance."
}

@test "magnitudes and currency" {
	em "The scheme cost £4.2m, with £1.5 million from grants, £800k from reserves and 2bn records checked."
	is value 1 4200000
	is unit 1 GBP
	is value 2 1500000
	is value 3 800000
	is unit 3 GBP
	is value 4 2000000000
	is unit 4 count
}

@test "percent, per cent and percentage points" {
	em "Detection reached 31.5% while 40 per cent of victims replied." \
	   "Satisfaction improved by 2.4% points and the rate fell 1.1 percentage points."
	is unit 1 percent
	is value 1 31.5
	is unit 2 percent
	is value 2 40
	is measure 2 "victims replied"
	is unit 3 pp
	is change 3 2.4
	is unit 4 pp
	is change 4 -1.1
}

@test "durations, compound durations in the smallest unit" {
	em "Average answer time was 3 mins 12 seconds, 1 hour and 20 minutes for callbacks, and 6 weeks for reviews."
	is value 1 192
	is unit 1 seconds
	is value 2 80
	is unit 2 minutes
	is value 3 6
	is unit 3 weeks
}

@test "mass: grams to kg" {
	em "Officers seized 250 grams of cocaine, 3.5kg of cannabis and two kilograms of heroin."
	is value 1 0.25
	is unit 1 kg
	is measure 1 cocaine
	is value 2 3.5
	is value 3 2
	is unit 3 kg
}

@test "rates: per day, a week, per calendar month" {
	em "The hub takes 95 calls per day, volunteers give 6 hours a week and 40 per calendar month are referred."
	is unit 1 count/day
	is value 1 95
	is unit 2 hours/week
	is unit 3 count/month
}

@test "ranges give value and value_max; bare page ranges do not" {
	em "Mentors give 2-4 hours a week and between 15 and 20 sessions each term."
	is value 1 2
	is value_max 1 4
	is unit 1 hours/week
	is value 2 15
	is value_max 2 20
	none "Contents	5-9"
}

@test "qualifiers fill approx" {
	em "About 60 people came, more than 200 signed, fewer than 10 left, at least 4 were arrested and 30+ were referred."
	is approx 1 "~"
	is approx 2 ">"
	is approx 3 "<"
	is approx 4 ">="
	is approx 5 ">"
	is value 5 30
}

@test "comparisons fold into one row: up from, fewer, compared to" {
	em "Robberies fell to 640 in the last quarter, down from 702 in the same period last year (62 fewer offences)."
	[ "$(rows)" -eq 1 ]
	is value 1 640
	is prev_value 1 702
	is change 1 -62
	is when 1 "last quarter"
	is prev_when 1 "same period last year"
	is measure 1 Robberies
}

@test "relative changes: (x%) after a rise, x% increase, decreased by x%" {
	em "Hours given rose to 5,210 (8% more than last year)." \
	   "Thefts showed a 12% increase." \
	   "Complaints decreased by 4.5% compared with the previous quarter."
	is value 1 5210
	is change_pct 1 8
	is change_pct 2 12
	is value 2 ""
	is change_pct 3 -4.5
}

@test "a sentence with only a change gives a row without value" {
	em "Reports increased by 9% (an additional 1,120 reports) on the previous quarter."
	[ "$(rows)" -eq 1 ]
	is value 1 ""
	is change 1 1120
	is change_pct 1 9
	is unit 1 count
}

@test "targets: planned, aim, by a month, will" {
	em "The force aims to train 300 officers by June 2026." \
	   "A further 25 checks are planned." \
	   "Membership will grow to over 900."
	is kind 1 target
	is value 1 300
	is kind 2 target
	is kind 3 target
	is approx 3 ">"
	em "The team made 41 arrests last month." \
	   "Only 3% of delays were due to staffing." \
	   "Average waits were 12 minutes against a target of 10 minutes."
	is kind 1 actual
	is kind 2 actual
	is kind 3 actual
	is kind 4 target
	em "Four new hubs are due to open in the spring."
	is kind 1 target
}

@test "measure: the noun after the figure, or the subject before it" {
	em "The control room answered 8,400 emergency calls." \
	   "The volunteer headcount increased to 233 in May 2024." \
	   "Cadets gave 1,020 hours of community support."
	is measure 1 "emergency calls"
	is measure 2 "volunteer headcount"
	is when 2 "May 2024"
	is measure 3 "hours of community support"
}

@test "non-figures: dates, years, fiscal years, quarters" {
	none "On 12 March 2024 and in 2021/22 Q3, from 01/05/2023 to April 2024."
	none "Data for Jun-23 and the 2nd of May were checked in 2022."
}

@test "non-figures: times of day, ordinals, versions, pages" {
	none "The briefing at 08:30 and the patrol at 7pm were the 2nd and 3rd this week."
	none "Version 3.1 was issued. See page 14."
	none "OFFICIAL   Page 2 of 9"
	none "17"
}

@test "non-figures: legislation, priority numbers, names and codes" {
	none "Priority 5 uses Section 60 powers under the Crime Act 2019."
	none "Operation Falcon 3 with Project 500 and Fatal 4 teams used TruCam 2 at level 3 sites near B1012 in Q4."
}

@test "non-figures: phone channels used as names" {
	none "Call '999' in an emergency, or 101 for other matters (101)."
	em "The hub answered 2,300 '999' calls."
	is value 1 2300
	[ "$(rows)" -eq 1 ]
}

@test "non-figures: footnotes, staff numbers, windows, compound adjectives" {
	none "Trust rose<sup>4</sup> as reported by analyst 42011234 over the last three quarters in a two-way project."
	none "For advice ring 01632 960123 or the desk on 0800 123456."
}

@test "data table: caption, headers, row labels, variance row" {
	printf '%s\n' "	Overtime - average hours worked per officer" \
		"Year	Q1	Q2" "2021/22	5.5	6.25" "Variance to last year	-0.5	0.75" > "$BATS_TEST_TMPDIR/t.txt"
	OUT="$BATS_TEST_TMPDIR/out.tsv"
	"$EM" "$BATS_TEST_TMPDIR/t.txt" > "$OUT"
	[ "$(rows)" -eq 4 ]
	is value 1 5.5
	is unit 1 hours
	is when 1 "Q1 2021/22"
	is line 1 3
	is change 3 -0.5
	is value 3 ""
}

@test "data table: two periods and a points difference fold into one row" {
	printf '%s\n' "Female officers	Mar-23	Mar-24	% Pt. Difference" \
		"% of new recruits	38.5	41.0	2.5" > "$BATS_TEST_TMPDIR/t.txt"
	OUT="$BATS_TEST_TMPDIR/out.tsv"
	"$EM" "$BATS_TEST_TMPDIR/t.txt" > "$OUT"
	[ "$(rows)" -eq 1 ]
	is value 1 41
	is prev_value 1 38.5
	is change 1 2.5
	is unit 1 percent
	is when 1 Mar-24
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
}

@test "usage: --help, --version, bad option" {
	run "$EM" --help
	assert_success
	assert_output --partial "usage: extract-metrics"
	run "$EM" --version
	assert_success
	run "$EM" --bogus
	assert_failure 2
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

@test "bad input: a number that cannot be parsed is reported with its line" {
	run --separate-stderr "$EM" <<< $'ok\nThe total was 99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999 calls.'
	[[ "$stderr" == *"stdin:2:"*"cannot parse"* ]]
}

@test "shares: fractions and 1 in N become percent" {
	em "Roughly two thirds of callers were repeat victims and 1 in 4 reports came online."
	is value 1 66.7
	is unit 1 percent
	is approx 1 "~"
	is measure 1 callers
	is value 2 25
	is unit 2 percent
	em "The rate was 41.2 thefts per 1,000 residents; 1 in every 8 homes took part."
	[ "$(rows)" -eq 2 ]
	is value 1 41.2
	is value 2 12.5
}

@test "coordinated and parenthesised comparison figures are prev" {
	em "Officers stopped 210 vans and 95 lorries this year, against 180 vans and 70 lorries last year." \
	   "Staff numbers at the end of June (540) compared to the same time last year (512) rose."
	[ "$(rows)" -eq 3 ]
	is value 1 210
	is prev_value 1 180
	is value 2 95
	is prev_value 2 70
	is value 3 540
	is prev_value 3 512
}

@test "a change figure before the value joins its row" {
	em "Reported frauds rose by 64 (3.5%) to 1,893."
	[ "$(rows)" -eq 1 ]
	is value 1 1893
	is change 1 64
	is change_pct 1 3.5
	is measure 1 "Reported frauds"
	em "Car thefts fell by 7 to 52."
	[ "$(rows)" -eq 1 ]
	is value 1 52
	is change 1 -7
	is value_max 1 ""
}

@test "summary lines: signed shares, labelled earlier periods, asides" {
	em "Vehicle crime: 1,230 offences (-4.2%)." \
	   "Cyber crime reports: 860 (2023/24: 912)." \
	   "Trust in the local police stands at 71.5%."
	is value 1 1230
	is change_pct 1 -4.2
	is measure 1 offences
	is value 2 860
	is prev_value 2 912
	is measure 3 "Trust in the local police"
}

@test "a quoted channel number inside a rate" {
	em "The hub takes up to 700 '999' calls a day."
	is value 1 700
	is unit 1 count/day
	is approx 1 "<"
	[ "$(rows)" -eq 1 ]
}

@test "non-figures: ranges of ages, 24/7, age bands, identifiers" {
	none "Support runs 24/7 for those aged 11-16 and under 18s, see Priority_2."
}

@test "Markdown tables and a caption line before them" {
	printf '%s\n' "Youth referrals by area" "" "| Area | 2022 | 2023 | Change |" \
		"|---|---:|---:|---:|" "| Harbour | 120 | 132 | 12 |" > "$BATS_TEST_TMPDIR/t.md"
	OUT="$BATS_TEST_TMPDIR/out.tsv"
	"$EM" "$BATS_TEST_TMPDIR/t.md" > "$OUT"
	[ "$(rows)" -eq 1 ]
	is value 1 132
	is prev_value 1 120
	is change 1 12
	is line 1 5
	[[ "$(get measure 1)" == *"Youth referrals"*"Harbour"* ]]
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

@test "contents lines give no page numbers" {
	none "Priority 2 – Safer roads	14-19	Priority_2"
	none "Priority 3 – Safer streets	20"
}

# row N: measure|value|unit|kind|prev_value|prev_when|change|change_pct
# of output row N, to compare a whole observation at once.
row() {
	awk -F'\t' -v n="$1" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		NR == n + 1 { print $c["measure"] "|" $c["value"] "|" $c["unit"] "|" $c["kind"] "|" \
			$c["prev_value"] "|" $c["prev_when"] "|" $c["change"] "|" $c["change_pct"] }' "$OUT"
}

# rowis N EXPECTED
rowis() {
	local got
	got="$(row "$1")"
	[ "$got" = "$2" ] || { echo "row $1: got '$got', want '$2'"; cat "$OUT"; return 1; }
}

@test "money: what it is worth comes after 'worth of' and 'in'" {
	em "Detectives charged 11 suspects and recovered £48,000 worth of stolen tools." \
	   "The raids found 2kg of heroin, a shotgun and £640,000 in cash." \
	   "The scheme returned £3.1m in savings in 2024."
	[ "$(rows)" -eq 5 ]
	rowis 2 "stolen tools|48000|GBP|actual||||"
	rowis 3 "heroin|2|kg|actual||||"
	rowis 4 "cash|640000|GBP|actual||||"
	rowis 5 "savings|3100000|GBP|actual||||"
}

@test "a parenthesised figure after an earlier period is the prev" {
	em "Officers made 2,210 stop searches in the period, a fall of 6.5% on the previous quarter (2,364)."
	[ "$(rows)" -eq 1 ]
	rowis 1 "stop searches|2210|count|actual|2364|previous quarter||-6.5"
	is when 1 ""
	em "A total of 918 burglaries were reported (1,046 in the same period last year)."
	[ "$(rows)" -eq 1 ]
	rowis 1 "burglaries reported|918|count|actual|1046|same period last year||"
	em "Arrest rates rose to 36% (33% last quarter)."
	[ "$(rows)" -eq 1 ]
	rowis 1 "Arrest rates|36|percent|actual|33|last quarter||"
	# the current period's figure in parentheses stays a value
	em "Visits fell by 4.2% in the 12 months to May 2025 (8,120)."
	is value 1 8120
	is prev_value 1 ""
	em "Nearly half (47%) of all reports were about noise."
	is measure 1 reports
}

@test "points beside a change word are the change of a percent" {
	em "Seventy-one per cent of residents were satisfied, an increase of 5 points." \
	   "Trust in the force stood at 58%, down 2 percentage points." \
	   "The solved rate was 14.5%, a fall of 1.5 points."
	[ "$(rows)" -eq 3 ]
	rowis 1 "residents satisfied|71|percent|actual|||5|"
	rowis 2 "Trust in the force|58|percent|actual|||-2|"
	rowis 3 "solved rate|14.5|percent|actual|||-1.5|"
	# points that are not a change stay a count
	em "The plan sets out 12 action points."
	is unit 1 count
}

@test "measure: a group's verb tells its hours apart; generic nouns keep the verb" {
	em "Community volunteers donated 6,300 hours and Police Cadets contributed 2,140 hours." \
	   "Patrols arrested 31 people and seized 12 vehicles."
	rowis 1 "Community volunteers donated hours|6300|hours|actual||||"
	rowis 2 "Police Cadets contributed hours|2140|hours|actual||||"
	rowis 3 "people arrested|31|count|actual||||"
	rowis 4 "vehicles seized|12|count|actual||||"
	# a window or a passive verb is not what the group did
	em "Around 60% of burglaries were attended within 48 hours."
	is measure 2 "burglaries"
}

@test "measure: 'an average time of X' names the duration, without its unit" {
	em "Crews attended 1,240 priority calls with an average arrival time of 17 minutes 45 seconds."
	[ "$(rows)" -eq 2 ]
	rowis 1 "priority calls|1240|count|actual||||"
	rowis 2 "average arrival time|1065|seconds|actual||||"
	em "Satisfaction with follow-up contact fell to 64%."
	is measure 1 "Satisfaction with follow-up contact"
}

@test "measure: the state after 'of X were' belongs to the measure" {
	em "Eighty-four per cent of callers were satisfied." \
	   "55% of reported thefts were solved." \
	   "Women make up 41% of the workforce." \
	   "36.8% of officers are female."
	rowis 1 "callers satisfied|84|percent|actual||||"
	rowis 2 "reported thefts solved|55|percent|actual||||"
	is measure 3 "Women workforce"
	is measure 4 "officers female"
}

@test "targets: the counted noun's own future after the figure" {
	em "4 new Firearms Officers will join in April." \
	   "Six more dog handlers are due to start training." \
	   "Nine staff are expected to transfer from the council." \
	   "Eight recruits will start in May, bringing the total to 340." \
	   "Attendance within target was 91%." \
	   "Officers seized 40 knives, which will be destroyed."
	rowis 1 "Firearms Officers|4|count|target||||"
	rowis 2 "dog handlers|6|count|target||||"
	rowis 3 "staff|9|count|target||||"
	is kind 4 target
	is kind 5 target
	rowis 6 "Attendance within target|91|percent|actual||||"
	is kind 7 actual
	em "Response times averaged 12 minutes against a target of 10 minutes."
	is measure 2 "Response times target"
}

@test "non-figures: a point in the past, a common noun before a count, a day" {
	em "The answer rate was 88%, compared with 81% two years ago."
	[ "$(rows)" -eq 1 ]
	is prev_when 1 "two years ago"
	em "During the operation 19 people were arrested."
	rowis 1 "people arrested|19|count|actual||||"
	em "From 1st May to 30th June 120 visits were made."
	[ "$(rows)" -eq 1 ]
	is when 1 ""
	em "The desk took 2,900 non-emergency calls per week."
	is unit 1 count/week
}

@test "data table: a header the layout cut inside parentheses is joined" {
	printf 'Average days lost\n\tOfficers\t\tStaff (excl\tuding PCSOs)\t\nYear\tQ1\tQ2\tQ1\tQ2\n2024/25\t2.1\t2.4\t1.8\t1.6\n' |
		"$EM" > "$BATS_TEST_TMPDIR/out.tsv"
	OUT="$BATS_TEST_TMPDIR/out.tsv"
	is measure 3 "Average days lost Staff (excluding PCSOs)"
	is when 3 "Q1 2024/25"
	is measure 4 "Average days lost Staff (excluding PCSOs)"
}

@test "a change since a date, a part of the figure before, points before the value" {
	em "There are now 3,410 police officers, an increase of 184 since March 2024." \
	   "Around 45 staff left during the quarter, of whom 12 retired." \
	   "The charge rate rose by 3 percentage points to 29%." \
	   "The Chief Constable expects headcount to reach 3,600 by April 2027."
	rowis 1 "police officers|3410|count|actual|||184|"
	is when 1 ""
	rowis 2 "staff left|45|count|actual||||"
	rowis 3 "staff retired|12|count|actual||||"
	rowis 4 "charge rate|29|percent|actual|||3|"
	rowis 5 "headcount|3600|count|target||||"
	# "since" opening the period of a running total is its period
	em "The team has arrested 310 suspects since June 2023."
	is when 1 "June 2023"
}

@test "measure: asides, acronyms in parentheses, parts, quantity words" {
	em "Officers found 300 grams of brown powder (believed to be heroin) in the car." \
	   "Officers issued 41 Dispersal Orders (DOs) last month." \
	   "The capital budget is £12.5 million, of which £2m is spent on vehicles." \
	   "Emergency calls were answered in an average of 8 seconds." \
	   "Braintree has a Burglary solved rate of 11%." \
	   "Officer numbers rose to 3,650."
	rowis 1 "brown powder|0.3|kg|actual||||"
	is measure 2 "Dispersal Orders DOs"
	rowis 3 "capital budget|12500000|GBP|actual||||"
	rowis 4 "capital budget spent|2000000|GBP|actual||||"
	rowis 5 "Emergency calls average|8|seconds|actual||||"
	is measure 6 "Burglary solved rate"
	is measure 7 "Officer numbers"
}

@test "changes: what changed after 'in', a change as the goal, adjectival participles" {
	em "Focused patrols led to a reduction of 12.5% in street drinking (410 fewer reports)." \
	   "We aim to reduce repeat burglary by 6% by April 2027." \
	   "Targeted checks were made at 45 sites." \
	   "The average time to answer 101 calls fell from 3 minutes 50 seconds to 2 minutes 40 seconds."
	rowis 1 "street drinking||count|actual|||-410|-12.5"
	rowis 2 "repeat burglary||percent|target||||-6"
	rowis 3 "sites|45|count|actual||||"
	rowis 4 "average time to answer 101 calls|160|seconds|actual|230|||"
}

@test "a bare earlier figure takes the row's unit; number as a verb; main verbs" {
	em "Specials completed 4,980 patrol hours, a rise of 6% on the same quarter last year (4,698)."
	[ "$(rows)" -eq 1 ]
	rowis 1 "patrol hours|4980|hours|actual|4698|same quarter last year||6"
	em "The Volunteer Police Cadets now number 512 across 14 units."
	is value 1 512
	em "The Rural Crime Team recovered stolen plant worth £1.4m."
	is measure 1 "stolen plant"
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
