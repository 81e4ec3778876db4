#!/usr/bin/env bats
# normalize-names: one stable key for every way of writing a name.
# Every sentence here was written for these tests.

load helper

NN="$BIN/normalize-names"

# corpus FILE: the cases of FILE (tests/corpus/normalize-names.txt says
# how they are written), each table through normalize-names once; prints
# each failing case as FILE:LINE, and fails if any does.
corpus() {
	local file=$1 dir="$BATS_TEST_TMPDIR/corpus" n=0 lineno=0 line k bad=0
	rm -rf "$dir" && mkdir -p "$dir"
	table() { n=$((n + 1)); printf '%s\n' "$1" > "$dir/$n.tsv"; : > "$dir/$n.want"; }
	table measure
	while IFS= read -r line || [ -n "$line" ]; do
		lineno=$((lineno + 1))
		case $line in
		'' | '#'*) continue ;;
		@*) table "${line#@}"; continue ;;
		*$'\t'*) ;;
		*) echo "$file:$lineno: no tab between name and key"; bad=1; continue ;;
		esac
		printf '%b\n' "${line%%$'\t'*}" >> "$dir/$n.tsv"
		printf '%s\t%s\n' "$lineno" "$line" >> "$dir/$n.want"
	done < "$file"
	for k in $(seq 1 $n); do
		"$NN" -f "$(head -n 1 "$dir/$k.tsv")" "$dir/$k.tsv" | tail -n +2 |
			cut -f 2 > "$dir/$k.got"
		if [ "$(wc -l < "$dir/$k.got")" -ne "$(wc -l < "$dir/$k.want")" ]; then
			echo "$file: table $k: $(wc -l < "$dir/$k.got") keys for $(wc -l < "$dir/$k.want") names"
			bad=1
			continue
		fi
		paste "$dir/$k.want" "$dir/$k.got" | awk -F'\t' -v file="$file" '
			$3 != $4 { printf "%s:%s: %s: got \"%s\", want \"%s\"\n", file, $1, $2, $4, $3; bad = 1 }
			END { exit bad }' || bad=1
	done
	return $bad
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

# ---- the four stages: names and their keys, as data ----

@test "corpus: every name of tests/corpus/normalize-names.txt gets its key" {
	run corpus "$ROOT/tests/corpus/normalize-names.txt"
	assert_success
	# ... and the cases were read: one failing line would have said so.
	[ "$(grep -c $'\t' "$ROOT/tests/corpus/normalize-names.txt")" -ge 100 ]
}

@test "corpus: the runner fails, naming the line, on a wrong key or a line without one" {
	sed 's/^A12 collisions\ta12_collision$/A12 collisions\ta_12_collision/' \
		"$ROOT/tests/corpus/normalize-names.txt" > "$BATS_TEST_TMPDIR/wrong.txt"
	run corpus "$BATS_TEST_TMPDIR/wrong.txt"
	assert_failure
	assert_output "$BATS_TEST_TMPDIR/wrong.txt:$(grep -n '^A12 collisions' "$BATS_TEST_TMPDIR/wrong.txt" | cut -d: -f1): A12 collisions: got \"a12_collision\", want \"a_12_collision\""
	printf 'burglary victims\n' > "$BATS_TEST_TMPDIR/notab.txt"
	run corpus "$BATS_TEST_TMPDIR/notab.txt"
	assert_failure
	assert_output --partial 'notab.txt:1: no tab'
}

# ---- stage 1: bad bytes ----

@test "stage 1: invalid UTF-8 is repaired with a warning, or refused with --strict" {
	printf 'measure\nburglary \377victims\n' > "$BATS_TEST_TMPDIR/bad.tsv"
	run "$NN" "$BATS_TEST_TMPDIR/bad.tsv"
	assert_success
	assert_output --partial 'bad.tsv:2: invalid UTF-8'
	assert_output --partial $'burglary \uFFFDvictims\tburglary_victim'
	run "$NN" --strict "$BATS_TEST_TMPDIR/bad.tsv"
	assert_failure 1
}

# ---- stage 2: acronyms learned from any field, in a bounded table ----

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

# ---- stage 4: alias files ----

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
	assert_line --index 0 $'\xef\xbb\xbfarea,area_key,measure,measure_key'
	run sh -c '"$1" -c --no-bom "$2" | tr -d "\r"' sh "$NN" "$BATS_TEST_TMPDIR/in.csv"
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

# ---- trust (issue 13): each defect a regression test, in our own data ----

# The real program, not a valgrind wrapper, to copy into a layout.
real_nn() { printf '%s\n' "${VG_REAL_BIN:-$BIN}/normalize-names"; }

@test "trust: no undefined behaviour on empty tables of keys, aliases, suggestions" {
	# qsort and pointer sums on NULL arrays: only clang's UBSan (make
	# check-asan) reports them, so these fail there, not here.
	printf 'measure\nlighthouse keepers\n' > "$BATS_TEST_TMPDIR/one.tsv"
	run "$NN" --suggest "$BATS_TEST_TMPDIR/one.tsv"
	assert_success
	assert_output $'variant\tcanonical\tcount\tdistance'
	run "$NN" --no-aliases "$BATS_TEST_TMPDIR/one.tsv"
	assert_success
	assert_line --index 1 $'lighthouse keepers\tkeeper_lighthouse'
	# A first name of stop words only: no token to sort.
	printf 'measure\nof the\nferry crossings\n' > "$BATS_TEST_TMPDIR/stop.tsv"
	run "$NN" --no-aliases "$BATS_TEST_TMPDIR/stop.tsv"
	assert_success
	assert_output $'measure\tmeasure_key\nof the\t\nferry crossings\tcross_ferry'
}

@test "trust: an alias file's lines after an invalid UTF-8 line are still read" {
	printf 'ferry\tboat_service\n\377\376 gull\tbird\nlighthouse\tbeacon_tower\n' > "$BATS_TEST_TMPDIR/al.tsv"
	printf 'measure\nlighthouse visits\nferry trips\n' > "$BATS_TEST_TMPDIR/in.tsv"
	run "$NN" -a "$BATS_TEST_TMPDIR/al.tsv" "$BATS_TEST_TMPDIR/in.tsv"
	assert_failure 1
	assert_output --partial 'al.tsv:2: invalid UTF-8'
	assert_line $'lighthouse visits\tbeacon_tower_visit'
	assert_line $'ferry trips\tboat_service_trip'
}

@test "trust: the shipped tables are found as a checkout and as an install holds them" {
	T=$BATS_TEST_TMPDIR
	printf 'measure\nCPR\n' > "$T/in.tsv"
	printf 'CPR\tfound_here\n' > "$T/aliases.tsv"
	for layout in checkout:data install:share/reports-toolkit; do
		d=$T/${layout%%:*}
		mkdir -p "$d/bin" "$d/${layout#*:}"
		cp "$(real_nn)" "$d/bin/normalize-names"
		cp "$T/aliases.tsv" "$d/${layout#*:}/"
		printf '# none\n' > "$d/${layout#*:}/concepts.tsv"
		datadir=$(strings "$d/bin/normalize-names" | grep -m1 '/share/reports-toolkit$' || true)
		[ ! -e "$datadir/aliases.tsv" ] || skip "an installed table in $datadir is found first"
		run env -u REPORTS_DATA "$d/bin/normalize-names" "$T/in.tsv"
		assert_success
		assert_line --index 1 $'CPR\tfound_here'
	done
}

@test "trust: a missing alias table is an error, not other keys; --no-aliases goes without" {
	T=$BATS_TEST_TMPDIR
	printf 'measure\nCPR arrests\n' > "$T/in.tsv"
	run "$NN" --aliases-dir "$T/nowhere" "$T/in.tsv"
	assert_failure 1
	assert_output "normalize-names: $T/nowhere/aliases.tsv: cannot read the alias table"
	REPORTS_DATA=$T/nowhere run "$NN" "$T/in.tsv"
	assert_failure 1
	refute_output --partial 'measure_key'
	mkdir -p "$T/lone/bin"
	cp "$(real_nn)" "$T/lone/bin/normalize-names"
	datadir=$(strings "$T/lone/bin/normalize-names" | grep -m1 '/share/reports-toolkit$' || true)
	[ ! -e "$datadir/aliases.tsv" ] || skip "an installed table in $datadir is found"
	run env -u REPORTS_DATA "$T/lone/bin/normalize-names" "$T/in.tsv"
	assert_failure 1
	assert_output --partial 'normalize-names: no aliases.tsv found'
	assert_output --partial '--no-aliases'
	run env -u REPORTS_DATA "$T/lone/bin/normalize-names" --no-aliases "$T/in.tsv"
	assert_success
	assert_line --index 1 $'CPR arrests\tarrest_cpr'
}

@test "trust: a closed standard input is an error, not an empty input" {
	# Closed in the child itself: bats' own pipes would take fd 0.
	run sh -c '"$@" <&-' sh "$NN"
	assert_failure 1
	assert_output --partial 'normalize-names: stdin: Bad file descriptor'
	# An alias file opened first must not take standard input's place.
	printf 'ferry\tboat_service\n' > "$BATS_TEST_TMPDIR/al.tsv"
	run sh -c '"$@" <&-' sh "$NN" -a "$BATS_TEST_TMPDIR/al.tsv" -
	assert_failure 1
	assert_output --partial 'stdin: Bad file descriptor'
}

@test "trust: one command-line convention: -h, -V, messages as 'normalize-names: ...'" {
	run "$NN" -h
	assert_success
	assert_output --partial 'usage: normalize-names'
	run "$NN" -V
	assert_success
	assert_output --regexp '^normalize-names [0-9]'
	run "$NN" -q
	assert_failure 2
	assert_line --index 0 "normalize-names: unknown option '-q'"
	run "$NN" -f
	assert_failure 2
	assert_line --index 0 "normalize-names: option '-f' needs an argument"
	run "$NN" --no-such
	assert_failure 2
	assert_line --index 0 "normalize-names: unknown option '--no-such'"
}

@test "trust: repeated warnings are capped: the first ten, then one line for the rest" {
	{ printf 'area\tmeasure\n'; for i in $(seq 1 30); do printf 'harbour\n'; done; } > "$BATS_TEST_TMPDIR/short.tsv"
	run "$NN" "$BATS_TEST_TMPDIR/short.tsv"
	assert_failure 1
	[ "$(printf '%s\n' "$output" | grep -c 'fields, expected 2')" -eq 10 ]
	assert_output --partial 'normalize-names: ... and 20 more rows with the wrong number of fields'
}

@test "--suggest: on diff-quarters' links, candidate concept rows (a 'no' left out)" {
	printf 'rank\twhy\told\tnew\tdecision\told_measure\tnew_measure\n' > "$BATS_TEST_TMPDIR/links.tsv"
	printf '1\treview\ta:1:5\tb:1:6\t\tlighthouse keepers\twardens of the light\n' >> "$BATS_TEST_TMPDIR/links.tsv"
	printf '2\talternative\ta:2:5\tb:2:6\tyes\tharbour launches\tboats in the harbour\n' >> "$BATS_TEST_TMPDIR/links.tsv"
	printf '3\tlinked\ta:3:5\tb:3:6\tno\tcliff rescues\ttown parking fines\n' >> "$BATS_TEST_TMPDIR/links.tsv"
	printf '4\tlinked\ta:4:5\tb:4:6\t\tferry crossings\tcrossings by ferry\n' >> "$BATS_TEST_TMPDIR/links.tsv"
	run "$NN" --suggest "$BATS_TEST_TMPDIR/links.tsv"
	assert_success
	assert_line --index 0 $'variant\tcanonical\tcount\tdistance'
	assert_output --partial $'lighthouse keepers\tlight_warden\t1\t'
	assert_output --partial $'harbour launches\tboat_harbour\t1\t'
	refute_output --partial 'cliff'
	refute_output --partial 'ferry'
}

@test "normalize-names: --csv neutralises cells that would start a formula; --xlsx writes strings, never formulas" {
	printf 'measure\tvalue\tevidence\n=HYPERLINK("http://x.example","y")\t-5\t@SUM(1+1)\n+cmd\t3\t-2+3 officers\n' > "$BATS_TEST_TMPDIR/in.tsv"
	run sh -c '"$1" --csv --no-bom "$2" | tr -d "\r"' sh "$NN" "$BATS_TEST_TMPDIR/in.tsv"
	assert_success
	assert_line --index 1 "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\",example_http_hyperlink_x_y,-5,\"'@SUM(1+1)\""
	assert_line --index 2 "\"'+cmd\",cmd,3,\"'-2+3 officers\""
	/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || skip "no openpyxl for /usr/bin/python3: the workbook is not read back"
	# a number a spreadsheet cannot hold exactly stays text
	printf 'huge\t123456789012345678\tMore than 15 digits.\n' >> "$BATS_TEST_TMPDIR/in.tsv"
	"$NN" -x "$BATS_TEST_TMPDIR/n.xlsx" "$BATS_TEST_TMPDIR/in.tsv"
	run /usr/bin/python3 -c '
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
cells = [c for r in ws.iter_rows() for c in r]
assert not [c for c in cells if c.data_type == "f"]
assert ws["A2"].value.startswith("=HYPERLINK") and ws["A2"].data_type == "s"
assert ws["C2"].value == -5 and ws["C2"].data_type == "n"
assert ws["C4"].value == "123456789012345678" and ws["C4"].data_type == "s"
print("ok")' "$BATS_TEST_TMPDIR/n.xlsx"
	assert_output ok
}
