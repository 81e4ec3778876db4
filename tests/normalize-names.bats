#!/usr/bin/env bats
# normalize-names: one stable key for every way of writing a name.
# Every sentence here was written for these tests.

load helper

NN="$BIN/normalize-names"

# key VALUE [FIELD]: the key normalize-names gives one name.
key() {
	local field="${2:-measure}"
	printf '%s\n%s\n' "$field" "$1" | "$NN" -f "$field" | tail -n 1 | cut -f 2
}

# same_key A B: both names get one non-empty key.
same_key() {
	local a b
	a="$(key "$1" "${3:-measure}")"
	b="$(key "$2" "${3:-measure}")"
	[ -n "$a" ] && [ "$a" = "$b" ] || {
		echo "'$1' -> '$a' but '$2' -> '$b'"
		return 1
	}
}

differ() {
	local a b
	a="$(key "$1" "${3:-measure}")"
	b="$(key "$2" "${3:-measure}")"
	[ "$a" != "$b" ] || { echo "'$1' and '$2' both -> '$a'"; return 1; }
}

fixture() {
	printf 'doc\tarea\tmeasure\tvalue\tunit\tkind\tline\tevidence\n'
	printf 'a.txt\tBasildon\tDrink drivers arrested\t40\tcount\tactual\t3\tSeen on patrol.\n'
	printf 'a.txt\t\tdrug-drivers arrested\t52\tcount\tactual\t4\tA rise (see note).\n'
	printf 'a.txt\tRochford & Castle Point\tSpecial Constable headcount\t300\tcount\tactual\t9\tUp again.\n'
}

# ---- the command line ----

@test "normalize-names: --help fits a screen and exits 0" {
	run "$NN" --help
	assert_success
	assert_output --partial "usage: normalize-names"
	[ "$(printf '%s\n' "$output" | wc -l)" -le 24 ]
}

@test "normalize-names: --version and a bad option" {
	run "$NN" --version
	assert_success
	assert_output --regexp '^normalize-names [0-9]'
	run "$NN" --no-such-option
	assert_failure 2
}

@test "normalize-names: a key column right after each default field, nothing else changed" {
	fixture > "$BATS_TEST_TMPDIR/in.tsv"
	run "$NN" "$BATS_TEST_TMPDIR/in.tsv"
	assert_success
	assert_line --index 0 "$(printf 'doc\tarea\tarea_key\tmeasure\tmeasure_key\tvalue\tunit\tkind\tline\tevidence')"
	"$NN" "$BATS_TEST_TMPDIR/in.tsv" | cut -f 1,2,4,6- > "$BATS_TEST_TMPDIR/rest.tsv"
	diff "$BATS_TEST_TMPDIR/in.tsv" "$BATS_TEST_TMPDIR/rest.tsv"
	assert_line --index 3 --partial "$(printf 'castle_point_rochford\tSpecial Constable headcount\tspecial_constabulary_headcount')"
}

@test "normalize-names: -f chooses fields; an unknown one is bad usage" {
	fixture > "$BATS_TEST_TMPDIR/in.tsv"
	run "$NN" -f evidence "$BATS_TEST_TMPDIR/in.tsv"
	assert_success
	assert_line --index 0 "$(printf 'doc\tarea\tmeasure\tvalue\tunit\tkind\tline\tevidence\tevidence_key')"
	run "$NN" -f nosuch "$BATS_TEST_TMPDIR/in.tsv"
	assert_failure 2
	assert_output --partial "no field 'nosuch'"
	run "$NN" <<< $'a\tb\n1\t2'
	assert_success
	assert_output --partial 'nothing to key'
	assert_line $'1\t2'
}

@test "normalize-names: running twice gives the same table" {
	fixture | "$NN" > "$BATS_TEST_TMPDIR/once.tsv"
	"$NN" "$BATS_TEST_TMPDIR/once.tsv" > "$BATS_TEST_TMPDIR/twice.tsv"
	diff "$BATS_TEST_TMPDIR/once.tsv" "$BATS_TEST_TMPDIR/twice.tsv"
}

# ---- stage 1: Unicode, markup, footnotes ----

@test "stage 1: dashes, quotes, bullets and spaces are unified" {
	same_key 'Anti–social behaviour reports' 'anti-social behaviour reports'
	same_key '“Safer Streets” visits' '"Safer Streets" visits'
	same_key '• Burglary victims visited' '· burglary victims visited'
	same_key $'Burglary\u00a0victims visited' 'burglary victims  visited'
	same_key 'Youth’s diversion referrals' "youth's diversion referrals"
}

@test "stage 1: markup and footnote markers are removed" {
	same_key 'Hate crime reports<sup>4</sup>' 'hate crime reports'
	same_key '**Hate crime** reports[^2]' 'hate crime reports'
	same_key 'Hate crime reports³' 'hate crime reports'
	same_key 'Hate crime reports [7]' 'hate crime reports'
}

@test "stage 1: separators lost in conversion are put back, codes stay whole" {
	same_key 'Street PastorsPolice Cadets' 'Street Pastors / Police Cadets'
	same_key 'COVID19 fines' 'Covid-19 fines'
	assert_equal "$(key 'A12 collisions')" 'a12_collision'
	differ 'A12 collisions' 'A 12 collisions'
	assert_equal "$(key 'under-18s arrested')" '18s_arrest_under'
}

@test "stage 1: hostile Unicode: combining marks, full-width digits, ZWJ, RLM" {
	same_key $'Cafe\u0301 patrols' $'Caf\u00e9 patrols'
	same_key $'\uff19\uff19\uff19 calls answered' '999 calls answered'
	same_key $'Burg\u200dlary victims' 'burglary victims'
	same_key $'\u200fBurglary victims\u200e' 'burglary victims'
	same_key $'\uff22\uff55\uff52\uff47\uff4c\uff41\uff52\uff59 victims' 'burglary victims'
	same_key 'SPEEDING offences' 'speeding offences'
}

@test "stage 1: invalid UTF-8 is repaired with a warning, or refused with --strict" {
	printf 'measure\nburglary \377victims\n' > "$BATS_TEST_TMPDIR/bad.tsv"
	run "$NN" "$BATS_TEST_TMPDIR/bad.tsv"
	assert_success
	assert_output --partial 'bad.tsv:2: invalid UTF-8'
	assert_output --partial $'burglary \uFFFDvictims\tburglary_victim'
	run "$NN" --strict "$BATS_TEST_TMPDIR/bad.tsv"
	assert_failure 1
}

# ---- stage 2: acronyms, plurals, spelling, hyphenation ----

@test "stage 2: a definition earlier in the stream expands later uses" {
	printf 'measure\tevidence\n%s\t%s\n%s\t\n%s\t\n' \
		'patrols' 'The Marine Support Unit (MSU) began patrols.' \
		'MSUs deployed' 'marine support unit deployed' \
		> "$BATS_TEST_TMPDIR/in.tsv"
	run "$NN" "$BATS_TEST_TMPDIR/in.tsv"
	assert_success
	assert_line --index 2 --partial $'MSUs deployed\tdeploy_marine_support_unit'
	assert_line --index 3 --partial $'marine support unit deployed\tdeploy_marine_support_unit'
}

@test "stage 2: letters inside words count (Schwartz-Hearst), lower-case brackets do not define" {
	printf 'measure\tevidence\n%s\t%s\n%s\t\n%s\t%s\n%s\t\n' \
		'x' 'members of Horsewatch (HW) met' \
		'HW members' \
		'y' 'a stolen car (car) was found' \
		'car' > "$BATS_TEST_TMPDIR/in.tsv"
	run "$NN" "$BATS_TEST_TMPDIR/in.tsv"
	assert_line --index 2 --partial $'HW members\thorsewatch_member'
	assert_line --index 4 --partial $'car\tcar'
}

@test "stage 2: the built-in table of policing acronyms" {
	same_key 'KSI casualties' 'killed or seriously injured casualties'
	same_key 'PCSOs on patrol' 'police community support officers on patrol'
	same_key 'ASB incidents' 'anti social behaviour incidents'
	same_key 'VAWG offences' 'violence against women and girls offences'
	same_key 'CSCs deployed' 'Community Special Constables deployed'
	same_key 'NHW coordinators' 'Neighbourhood Watch coordinators'
	same_key 'Op Tinsel arrests' 'Operation TINSEL arrests'
}

@test "stage 2: the learned table is bounded: the least recently used goes" {
	# 4200 definitions of three-letter acronyms, then a use of the first.
	awk 'BEGIN {
		print "measure\tevidence"
		n = 0
		for (i = 0; i < 26 && n < 4200; i++)
			for (j = 0; j < 26 && n < 4200; j++)
				for (k = 0; k < 26 && n < 4200; k++) {
					a = sprintf("%c%c%c", 81 + i % 10, 65 + j, 65 + k)
					if (a == "QAA" && n > 0) continue
					printf "x\t%s%s %s%s %s%s (%s)\n", substr(a,1,1), "ow", substr(a,2,1), "ix", substr(a,3,1), "ed", a
					n++
				}
		print "QAA\t"
	}' > "$BATS_TEST_TMPDIR/many.tsv"
	run "$NN" "$BATS_TEST_TMPDIR/many.tsv"
	assert_success
	assert_line --index 1 --partial $'x\tx'
	[ "$(printf '%s\n' "$output" | tail -n 1)" = "$(printf 'QAA\tqaa\t')" ]
	# Within the bound, the definition is kept.
	head -n 100 "$BATS_TEST_TMPDIR/many.tsv" > "$BATS_TEST_TMPDIR/few.tsv"
	echo 'QAA' >> "$BATS_TEST_TMPDIR/few.tsv"
	run "$NN" "$BATS_TEST_TMPDIR/few.tsv"
	[ "$(printf '%s\n' "$output" | tail -n 1)" = "$(printf 'QAA\taed_aix_qow\t')" ]
}

@test "stage 2: plurals and possessives" {
	same_key "Specials' patrol hours" 'special constable patrol hour'
	same_key "victims' referrals" 'victim referral'
	same_key "children's centres" 'children centre'
	same_key 'casualties' 'casualty'
	same_key 'searches' 'search'
	differ 'status checks' 'statu checks'
}

@test "stage 2: British and American spelling, hyphenation" {
	same_key 'antisocial behavior' 'anti-social behaviour'
	same_key 'anti social behaviour' 'anti-social behaviour'
	same_key 'organized crime groups' 'organised crime groups'
	same_key 'neighborhood policing' 'neighbourhood policing'
	same_key 'cyber crime reports' 'cybercrime reports'
	same_key 'co-ordinators' 'coordinators'
	same_key 'e-scooters seized' 'e scooters seized'
}

# ---- stage 3: fingerprint ----

@test "stage 3: word order, stop words and light stemming do not matter" {
	same_key 'arrests of drink drivers' 'drink drivers arrested'
	same_key 'vehicles seized at the checks' 'seized vehicles, checks'
	same_key 'the number of victims contacted' 'victims contacted'
	same_key 'stopped vehicles' 'vehicle stops'
	same_key 'patrolling officers' 'officers patrolled'
	assert_equal "$(key 'vehicles seized at the checks')" 'check_seize_vehicle'
}

@test "stage 3: different measures keep different keys" {
	differ 'drink drivers arrested' 'drug drivers arrested'
	differ 'vehicles seized' 'vehicles stopped'
	differ 'burglary victims' 'burglary offenders'
	differ 'Special Constable headcount' 'Community Special Constable headcount'
	differ 'Basildon' 'Essex' area
}

# ---- stage 4: aliases ----

@test "stage 4: shipped aliases: areas, priorities, measure synonyms" {
	same_key 'Castle Point and Rochford' 'Rochford & Castle Point' area
	assert_equal "$(key 'Rochford and Castle Point' area)" 'castle_point_rochford'
	same_key 'Southend-on-Sea' 'Southend' area
	same_key 'North LPA' 'North Local Policing Area' area
	same_key 'Force-wide' 'Essex' area
	differ 'South Woodham Ferrers' 'South' area
	same_key 'Improve Safety on our Roads' 'Improving safety on our roads' priority_title
	same_key 'Breaking the Cycle of Domestic Abuse (DA)' \
		'Protecting vulnerable people and breaking the cycle of domestic abuse' priority_title
	differ 'Protecting Children and Vulnerable People' 'Breaking the cycle of domestic abuse' priority_title
	assert_equal "$(key 'Priority 9 - Improving safety on our roads' priority_title)" 'road_safety_9_priority'
	same_key 'Specials headcount' 'Special Constabulary headcount'
	assert_equal "$(key 'the number of Specials')" 'special_constabulary'
	same_key 'victims satisfied, per cent' '% of victims satisfied'
}

@test "stage 4: --aliases files, later wins; a field column limits a line" {
	printf 'Op Lantern\tlantern_patrols\n' > "$BATS_TEST_TMPDIR/a1.tsv"
	printf '# mine\nOperation Lantern\tnight_lantern\nDockside\tport_area\tarea\n' > "$BATS_TEST_TMPDIR/a2.tsv"
	printf 'measure\tarea\nlantern operation stops\tDockside\nDockside stops\tx\n' > "$BATS_TEST_TMPDIR/in.tsv"
	run "$NN" -a "$BATS_TEST_TMPDIR/a1.tsv" "$BATS_TEST_TMPDIR/in.tsv"
	assert_line --index 1 $'lantern operation stops\tlantern_patrols_stop\tDockside\tdockside'
	run "$NN" -a "$BATS_TEST_TMPDIR/a1.tsv" -a "$BATS_TEST_TMPDIR/a2.tsv" "$BATS_TEST_TMPDIR/in.tsv"
	assert_line --index 1 $'lantern operation stops\tnight_lantern_stop\tDockside\tport_area'
	assert_line --index 2 $'Dockside stops\tdockside_stop\tx\tx'
	# "=variant": only the whole name.
	printf '=Harbour\tport_area\tarea\n' > "$BATS_TEST_TMPDIR/a4.tsv"
	printf 'area\nharbours\nHarbour Street\n' > "$BATS_TEST_TMPDIR/in.tsv"
	run "$NN" -a "$BATS_TEST_TMPDIR/a4.tsv" "$BATS_TEST_TMPDIR/in.tsv"
	assert_output $'area\tarea_key\nharbours\tport_area\nHarbour Street\tharbour_street'
	# A one-word canonical name sorts as a word; a longer one comes first.
	printf 'zebra\tapple\nhorse\tcarriage_horse\n' > "$BATS_TEST_TMPDIR/a3.tsv"
	printf 'measure\nzebra arrests\nhorse arrests\n' > "$BATS_TEST_TMPDIR/in.tsv"
	run "$NN" -a "$BATS_TEST_TMPDIR/a3.tsv" "$BATS_TEST_TMPDIR/in.tsv"
	assert_output $'measure\tmeasure_key\nzebra arrests\tapple_arrest\nhorse arrests\tcarriage_horse_arrest'
}

@test "stage 4: a bad alias line is a warning and exit 1; the data dir is found" {
	printf 'only one field\n' > "$BATS_TEST_TMPDIR/bad.tsv"
	run "$NN" -a "$BATS_TEST_TMPDIR/bad.tsv" /dev/null
	assert_failure 1
	assert_output --partial 'bad.tsv:1: want variant<TAB>canonical'
	run "$NN" --aliases-dir "$BATS_TEST_TMPDIR/nowhere" /dev/null
	assert_failure 1
	REPORTS_DATA="$ROOT/data" run "$NN" -f area <<< $'area\nCPR'
	assert_line --index 1 $'CPR\tcastle_point_rochford'
}

@test "normalize-names: a target and a share are other series than the count" {
	printf 'measure\tunit\tkind\nvolunteers\tcount\tactual\nvolunteers\tcount\ttarget\nvolunteers\tpercent\tactual\n' |
		"$NN" > "$BATS_TEST_TMPDIR/out.tsv"
	run tsv_col measure_key < "$BATS_TEST_TMPDIR/out.tsv"
	assert_output $'volunteer\ntarget_volunteer\npercent_volunteer'
	[ "$(printf 'measure\tkind\nvolunteers\ttarget\n' | "$NN" --no-qualify | tail -n 1 | cut -f 2)" = volunteer ]
}

# ---- --suggest ----

@test "--suggest: close keys become candidate alias rows" {
	printf 'measure\n%s\n' 'burglary victims' 'burglary victims' 'burglery victims' \
		'shop theft' 'drink drivers' > "$BATS_TEST_TMPDIR/in.tsv"
	run "$NN" --suggest "$BATS_TEST_TMPDIR/in.tsv"
	assert_success
	assert_line --index 0 $'variant\tcanonical\tcount\tdistance'
	assert_line --index 1 $'burglery victims\tburglary_victim\t1\t1'
	[ "${#lines[@]}" -eq 2 ]
}

# ---- formats and bad input ----

@test "normalize-names: CSV in by header, --csv out" {
	printf 'area,measure\n"Rochford, Castle Point","Specials, on patrol"\n' > "$BATS_TEST_TMPDIR/in.csv"
	run "$NN" "$BATS_TEST_TMPDIR/in.csv"
	assert_success
	assert_line --index 1 $'Rochford, Castle Point\tcastle_point_rochford\tSpecials, on patrol\tspecial_constabulary_patrol'
	# RFC 4180 ends CSV lines with CRLF.
	run sh -c '"$1" --csv "$2" | tr -d "\r"' sh "$NN" "$BATS_TEST_TMPDIR/in.csv"
	assert_line --index 0 'area,area_key,measure,measure_key'
	assert_line --index 1 '"Rochford, Castle Point",castle_point_rochford,"Specials, on patrol",special_constabulary_patrol'
}

@test "normalize-names: rows with the wrong number of fields are padded or cut, exit 1" {
	printf 'area\tmeasure\tvalue\nBasildon\tarrests\nBasildon\tarrests\t3\textra\nHarlow\tstops\t4\n' > "$BATS_TEST_TMPDIR/in.tsv"
	run "$NN" "$BATS_TEST_TMPDIR/in.tsv"
	assert_failure 1
	assert_output --partial 'in.tsv:2: 2 fields, expected 3'
	assert_output --partial 'in.tsv:3: 4 fields, expected 3'
	assert_line $'Basildon\tbasildon\tarrests\tarrest\t'
	assert_line $'Harlow\tharlow\tstops\tstop\t4'
}

@test "normalize-names: empty input warns and exits 0; a header alone gets its key columns" {
	run "$NN" /dev/null
	assert_success
	assert_output --partial 'empty input'
	run "$NN" <<< $'measure\tvalue'
	assert_success
	assert_output $'measure\tmeasure_key\tvalue'
}

@test "normalize-names: a PDF is refused" {
	printf '%%PDF-1.4\n' > "$BATS_TEST_TMPDIR/x.pdf"
	run "$NN" "$BATS_TEST_TMPDIR/x.pdf"
	assert_failure 1
}

@test "normalize-names: CRLF, BOM and escaped tabs survive" {
	printf '\357\273\277measure\tnote\r\nburglary victims\ta\\tb\r\n' > "$BATS_TEST_TMPDIR/in.tsv"
	run "$NN" "$BATS_TEST_TMPDIR/in.tsv"
	assert_success
	assert_line --index 1 $'burglary victims\tburglary_victim\ta\\tb'
}

# ---- the real pipeline on two quarters of the shared corpus ----

pipeline() {
	need_shared
	[ -x "$BIN/split-sections" ] && [ -x "$BIN/extract-metrics" ] ||
		skip "bin/split-sections and bin/extract-metrics not built yet"
	local q
	for q in q2.txt q3.md; do
		[ -s "$BATS_FILE_TMPDIR/${q%.*}.tsv" ] && continue
		"$BIN/split-sections" "$SHARED/corpus/essex-2019-20-$q" |
			"$BIN/extract-metrics" | "$NN" > "$BATS_FILE_TMPDIR/${q%.*}.tsv"
	done
}

# key_at FILE LINE VALUE: measure_key|area_key of the row nearest LINE
# (within 8) with VALUE, as score-join finds it.
key_at() {
	awk -F'\t' -v line="$2" -v value="$3" '
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		$c["value"] + 0 == value + 0 && $c["value"] != "" {
			d = $c["line"] - line; if (d < 0) d = -d
			if (d <= 8 && (best == "" || d < bestd)) {
				bestd = d; best = $c["measure_key"] "|" $c["area_key"]
			}
		}
		END { print best }' "$1"
}

# pair OLD_LINE OLD_VALUE NEW_LINE NEW_VALUE: both figures share a key.
pair() {
	pipeline
	local a b
	a="$(key_at "$BATS_FILE_TMPDIR/q2.tsv" "$1" "$2")"
	b="$(key_at "$BATS_FILE_TMPDIR/q3.tsv" "$3" "$4")"
	[ -n "$a" ] && [ "$a" = "$b" ] || { echo "q2 '$a' vs q3 '$b'"; return 1; }
}

@test "join: score-join keys agree >= 0.90 on essex 2019-20 q2 -> q3" {
	pipeline
	run python3 "$SHARED/eval/score-join" keys "$SHARED/gold/join-essex-2019-20-q2-to-q3.tsv" \
		"$BATS_FILE_TMPDIR/q2.tsv" "$BATS_FILE_TMPDIR/q3.tsv"
	assert_success
	echo "$output"
	agree="$(printf '%s\n' "$output" | sed -n 's/.*agree \([0-9.]*\).*/\1/p')"
	awk -v a="$agree" 'BEGIN { exit !(a >= 0.90) }'
}

@test "join: Special Constable headcount (515 -> 519)" { pair 31 515 29 519; }
@test "join: Special Constabulary applications (210 -> 211)" { pair 31 210 29 211; }
@test "join: Specials vs Special Constables headcount target (600)" { pair 33 600 31 600; }
@test "join: new Specials intending to apply, share (44% -> 55%)" { pair 33 44 31 55; }
@test "join: Volunteer Police Cadets (384)" { pair 34 384 32 384; }
@test "join: Nine CSCs vs 11 CSCs actively patrolling" { pair 44 9 40 11; }
@test "join: NHW coordinators (3,000)" { pair 55 3000 52 3000; }
@test "join: drink drivers arrested (366 -> 433)" { pair 238 366 223 433; }
@test "join: drug drivers arrested (414 -> 499)" { pair 238 414 223 499; }
@test "join: vehicles seized at deployments (175 -> 181)" { pair 240 175 226 181; }

@test "join: drink and drug drivers, and the target and the count, stay apart" {
	pipeline
	[ "$(key_at "$BATS_FILE_TMPDIR/q2.tsv" 238 366)" != "$(key_at "$BATS_FILE_TMPDIR/q3.tsv" 223 499)" ]
	[ "$(key_at "$BATS_FILE_TMPDIR/q2.tsv" 238 414)" != "$(key_at "$BATS_FILE_TMPDIR/q3.tsv" 223 433)" ]
	[ "$(key_at "$BATS_FILE_TMPDIR/q2.tsv" 31 515)" != "$(key_at "$BATS_FILE_TMPDIR/q3.tsv" 31 600)" ]
}
