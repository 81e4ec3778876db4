# extract-metrics.awk: runs extract-metrics on the grammar's cases and
# says which fail, each with what came out.
#
#   awk -v em=bin/extract-metrics -v tmp=DIR -f tests/corpus/extract-metrics.awk \
#       tests/corpus/extract-metrics.txt tests/corpus/extract-metrics-negative.txt
#
# Cases: tests/corpus/extract-metrics.txt (its head says the format) and,
# in a file whose name has "negative", texts with no figure, one a line.
# A file NAME.rows holds the rows expected of the report NAME.txt beside
# it, read through split-sections (set ss to its path): rows in the
# corpus' form, each with the key "line" (the report's line); every line
# of the report with a row out is a case, its rows compared in order.
# All cases go through one run of the tool, as the lines of one plain-text
# input, a line "." between cases (it ends any table and caption); the
# rows come back to their case by their line.  In a file whose name has
# "sections", a case's text is split-sections output instead: rows
# separated by \n, each "KIND: TEXT" ("head: Measure\tQ1\tQ2", "table:
# Calls\t12\t14"), and "period: 2024/25 Q1" sets the period column of the
# rows after it (so do "title:", "commitment:", "heading:" and "area:"
# their columns); these cases go through a second run, as split-sections
# output.  Exit 0 when every case passes, 1 when one fails, 2 when the
# tool cannot run.
BEGIN {
	if (em == "" || tmp == "") {
		print "extract-metrics.awk: set em and tmp" > "/dev/stderr"
		exit 2
	}
	input = tmp "/cases.txt"
	printf "" > input
	sections = tmp "/cases.tsv"
	printf "doc\tperiod\tpriority\tpriority_title\tcommitment\theading\tarea\tkind\tdepth\tline\ttext\tline_map\n" > sections
	nsline = 0
	ncase = 0; nline = 0; incase = 0
	split("when prev prev_when change pct line", keys, " ")
	nkeys = 6
}

# \t a tab, \n a new line, \\ a backslash
function unescape(s,    out, i, ch, nx) {
	out = ""
	for (i = 1; i <= length(s); i++) {
		ch = substr(s, i, 1)
		if (ch == "\\" && i < length(s)) {
			nx = substr(s, ++i, 1)
			if (nx == "t") ch = "\t"
			else if (nx == "n") ch = "\n"
			else ch = nx
		}
		out = out ch
	}
	return out
}

function trim(s) {
	gsub(/^[ \t]+|[ \t]+$/, "", s)
	return s
}

# A row in one spelling: FIGURE | MEASURE, then the keys in one order
# (line only when with_line).
function canon(fig, measure, kv, with_line,    s, k) {
	s = fig " | " measure
	for (k = 1; k <= nkeys; k++)
		if (keys[k] in kv && kv[keys[k]] != "" && (keys[k] != "line" || with_line))
			s = s " | " keys[k] " " kv[keys[k]]
	return s
}

# The keys of an expected row into kv, its figure and measure into
# part[1] and part[2]; a key the form has not, into bad.
function parse_row(line, kv, part,    n, i, sp, key) {
	n = split(line, part, "|")
	bad = ""
	for (i = 3; i <= n; i++) {
		part[i] = trim(part[i])
		sp = index(part[i], " ")
		key = sp ? substr(part[i], 1, sp - 1) : part[i]
		kv[key] = sp ? substr(part[i], sp + 1) : ""
		if (!(key == "when" || key == "prev" || key == "prev_when" ||
		      key == "change" || key == "pct" || key == "line"))
			bad = key
	}
	part[1] = trim(part[1])
	part[2] = n >= 2 ? trim(part[2]) : ""
}

# An expected row as written in the corpus, in canon's spelling.
function parse_want(line, c, r,    kv, part) {
	parse_row(line, kv, part)
	if ("line" in kv)
		want_line[c, r] = kv["line"]
	if (bad != "")
		bad_key[c] = bad
	return canon(part[1], part[2], kv, (c, r) in want_line)
}

function add_case(text, file, line,    t, nl, k, kind, sep, row) {
	ncase++
	c_text[ncase] = text
	c_where[ncase] = file ":" line
	c_want[ncase] = 0
	t = unescape(text)
	nl = split(t, tl, "\n")
	if (file ~ /sections/) {
		c_sections[ncase] = 1
		c_first[ncase] = nsline + 1
		delete col_set
		for (k = 1; k <= nl; k++) {
			sep = index(tl[k], ": ")
			kind = sep ? substr(tl[k], 1, sep - 1) : "para"
			if (kind == "period" || kind == "title" || kind == "commitment" ||
			    kind == "heading" || kind == "area") {
				col_set[kind] = substr(tl[k], sep + 2)
				continue
			}
			row = sep ? substr(tl[k], sep + 2) : tl[k]
			gsub(/\\/, "\\\\", row)	# lib/tsv.h: a cell's tab is \t
			gsub(/\t/, "\\t", row)
			printf "t.txt\t%s\t\t%s\t%s\t%s\t%s\t%s\t0\t%d\t%s\t\n",
			       col_set["period"], col_set["title"], col_set["commitment"],
			       col_set["heading"], col_set["area"], kind, ++nsline,
			       row > sections
			sline_case[nsline] = ncase
		}
		printf "t.txt\t\t\t\t\t\t\tpara\t0\t%d\t.\t\n", ++nsline > sections
		return
	}
	c_first[ncase] = nline + 1
	for (k = 1; k <= nl; k++) {
		print tl[k] > input
		line_case[++nline] = ncase
	}
	print "." > input
	nline++
}

/^#/ { next }

# a report's expected rows, by the report's line
FILENAME ~ /\.rows$/ {
	if (FILENAME != rep_rows[nrep]) {
		nrep++
		rep_rows[nrep] = FILENAME
		rep_path[nrep] = substr(FILENAME, 1, length(FILENAME) - 5) ".txt"
	}
	if ($0 ~ /^[ \t]*$/)
		next
	delete rkv
	parse_row($0, rkv, rpart)
	if (!("line" in rkv) || bad != "") {
		printf "%s:%d: a row without its line, or with key '%s'\n",
		       FILENAME, FNR, bad > "/dev/stderr"
		rep_bad = 1
		next
	}
	rl = rkv["line"] + 0
	rep_line[nrep, rl] = 1
	rwant[nrep, rl, ++rwant_n[nrep, rl]] = canon(rpart[1], rpart[2], rkv, 0)
	next
}

FILENAME ~ /negative/ {
	if ($0 !~ /^[ \t]*$/)
		add_case($0, FILENAME, FNR)
	next
}

/^[ \t]*$/ { incase = 0; next }

!incase { add_case($0, FILENAME, FNR); incase = 1; next }

{ r = ++c_want[ncase]; want[ncase, r] = parse_want($0, ncase, r) }

# An output row (its fields f, by the header's columns col) in canon's
# spelling: with its line, counted from first, when with_line.
function got_row(f, first, with_line,    fig, kv) {
	fig = (f[col["value"]] == "" ? "-" : f[col["value"]])
	fig = f[col["approx"]] fig
	if (f[col["value_max"]] != "")
		fig = fig ".." f[col["value_max"]]
	fig = fig " " f[col["unit"]]
	if (f[col["kind"]] == "target")
		fig = fig " target"
	delete kv
	kv["when"] = f[col["when"]]
	kv["prev"] = f[col["prev_value"]]
	kv["prev_when"] = f[col["prev_when"]]
	kv["change"] = f[col["change"]]
	kv["pct"] = f[col["change_pct"]]
	kv["line"] = f[col["line"]] - first + 1
	return canon(fig, f[col["measure"]], kv, with_line)
}

# The rows of one run of cmd, each to its case: by its line (line_case
# for plain text, sline_case for split-sections output), or, for report
# p, to the report's line (rgot); false when a tool failed.
function collect(cmd, sec, p,    row, nf, f, k, nrow, c, r, l) {
	nrow = 0
	while ((cmd | getline row) > 0) {
		nf = split(row, f, "\t")
		if (++nrow == 1) {
			for (k = 1; k <= nf; k++)
				col[f[k]] = k
			continue
		}
		if (p) {
			l = f[col["line"]] + 0
			rep_line[p, l] = 1
			rgot[p, l, ++rgot_n[p, l]] = got_row(f, 1, 0)
			continue
		}
		c = sec ? sline_case[f[col["line"]]] : line_case[f[col["line"]]]
		r = ++got_n[c]
		got[c, r] = got_row(f, c_first[c], (c, r) in want_line)
	}
	return close(cmd) == 0 && nrow > 0
}

# The lines of report p with an expected or an output row that differ:
# each a case; says each failing one with its text.
function check_report(p,    l, r, ok, n, line, text) {
	n = 0
	while ((getline line < rep_path[p]) > 0)
		text[++n] = line
	close(rep_path[p])
	for (l = 1; l <= n; l++) {
		if (!((p, l) in rep_line))
			continue
		ncase++
		ok = rgot_n[p, l] + 0 == rwant_n[p, l] + 0
		for (r = 1; ok && r <= rwant_n[p, l]; r++)
			ok = rgot[p, l, r] == rwant[p, l, r]
		if (ok)
			continue
		failed++
		printf "%s: line %d: %s\n", rep_rows[p], l, text[l]
		for (r = 1; r <= rwant_n[p, l]; r++)
			printf "  want: %s\n", rwant[p, l, r]
		if (rwant_n[p, l] + 0 == 0)
			printf "  want: no row\n"
		for (r = 1; r <= rgot_n[p, l]; r++)
			printf "  got:  %s\n", rgot[p, l, r]
		if (rgot_n[p, l] + 0 == 0)
			printf "  got:  no row\n"
	}
}

END {
	if (ncase == 0 && nrep == 0)
		exit 2
	if (rep_bad || (nrep > 0 && ss == "")) {
		if (nrep > 0 && ss == "")
			print "extract-metrics.awk: reports need ss (split-sections)" > "/dev/stderr"
		exit 2
	}
	close(input)
	close(sections)
	if ((nline > 0 && !collect(em " " input, 0, 0)) ||
	    (nsline > 0 && !collect(em " " sections, 1, 0))) {
		print "extract-metrics.awk: " em " failed" > "/dev/stderr"
		exit 2
	}
	for (p = 1; p <= nrep; p++)
		if (!collect(ss " " rep_path[p] " | " em, 0, p)) {
			print "extract-metrics.awk: " ss " or " em " failed on " rep_path[p] > "/dev/stderr"
			exit 2
		}
	failed = 0
	nplain = ncase
	for (p = 1; p <= nrep; p++)
		check_report(p)
	for (c = 1; c <= nplain; c++) {
		ok = got_n[c] + 0 == c_want[c] && !(c in bad_key)
		for (r = 1; ok && r <= c_want[c]; r++)
			ok = got[c, r] == want[c, r]
		if (ok)
			continue
		failed++
		printf "%s: %s\n", c_where[c], c_text[c]
		if (c in bad_key)
			printf "  unknown key '%s'\n", bad_key[c]
		for (r = 1; r <= c_want[c]; r++)
			printf "  want: %s\n", want[c, r]
		if (c_want[c] == 0)
			printf "  want: no row\n"
		for (r = 1; r <= got_n[c]; r++)
			printf "  got:  %s\n", got[c, r]
		if (got_n[c] + 0 == 0)
			printf "  got:  no row\n"
	}
	printf "%d cases, %d failed\n", ncase, failed
	exit failed ? 1 : 0
}
