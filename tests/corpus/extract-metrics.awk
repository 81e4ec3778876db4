# extract-metrics.awk: runs extract-metrics on the grammar's cases and
# says which fail, each with what came out.
#
#   awk -v em=bin/extract-metrics -v tmp=DIR -f tests/corpus/extract-metrics.awk \
#       tests/corpus/extract-metrics.txt tests/corpus/extract-metrics-negative.txt
#
# Cases: tests/corpus/extract-metrics.txt (its head says the format) and,
# in a file whose name has "negative", texts with no figure, one a line.
# All cases go through one run of the tool, as the lines of one plain-text
# input, a line "." between cases (it ends any table and caption); the
# rows come back to their case by their line.  In a file whose name has
# "sections", a case's text is split-sections output instead: rows
# separated by \n, each "KIND: TEXT" ("head: Measure\tQ1\tQ2", "table:
# Calls\t12\t14"), and "period: 2024/25 Q1" sets the period column of the
# rows after it; these cases go through a second run, as split-sections
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

# An expected row as written in the corpus, in canon's spelling.
function parse_want(line, c, r,    n, part, i, kv, sp, key) {
	n = split(line, part, "|")
	for (i = 3; i <= n; i++) {
		part[i] = trim(part[i])
		sp = index(part[i], " ")
		key = sp ? substr(part[i], 1, sp - 1) : part[i]
		if (key == "line")
			want_line[c, r] = substr(part[i], sp + 1)
		kv[key] = sp ? substr(part[i], sp + 1) : ""
		if (!(key == "when" || key == "prev" || key == "prev_when" ||
		      key == "change" || key == "pct" || key == "line"))
			bad_key[c] = key
	}
	return canon(trim(part[1]), n >= 2 ? trim(part[2]) : "", kv, (c, r) in want_line)
}

function add_case(text, file, line,    t, nl, k, per, kind, sep, row) {
	ncase++
	c_text[ncase] = text
	c_where[ncase] = file ":" line
	c_want[ncase] = 0
	t = unescape(text)
	nl = split(t, tl, "\n")
	if (file ~ /sections/) {
		c_sections[ncase] = 1
		c_first[ncase] = nsline + 1
		per = ""
		for (k = 1; k <= nl; k++) {
			sep = index(tl[k], ": ")
			kind = sep ? substr(tl[k], 1, sep - 1) : "para"
			if (kind == "period") {
				per = substr(tl[k], sep + 2)
				continue
			}
			row = sep ? substr(tl[k], sep + 2) : tl[k]
			gsub(/\\/, "\\\\", row)	# lib/tsv.h: a cell's tab is \t
			gsub(/\t/, "\\t", row)
			printf "t.txt\t%s\t\t\t\t\t\t%s\t0\t%d\t%s\t\n", per, kind,
			       ++nsline, row > sections
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

FILENAME ~ /negative/ {
	if ($0 !~ /^[ \t]*$/)
		add_case($0, FILENAME, FNR)
	next
}

/^[ \t]*$/ { incase = 0; next }

!incase { add_case($0, FILENAME, FNR); incase = 1; next }

{ r = ++c_want[ncase]; want[ncase, r] = parse_want($0, ncase, r) }

# The rows of one run of the tool on file path, each to its case by its
# line (cases: line_case or sline_case); false when the tool failed.
function run(path, sec,    cmd, row, nf, f, k, nrow, c, r, fig, kv) {
	cmd = em " " path
	nrow = 0
	while ((cmd | getline row) > 0) {
		nf = split(row, f, "\t")
		if (++nrow == 1) {
			for (k = 1; k <= nf; k++)
				col[f[k]] = k
			continue
		}
		c = sec ? sline_case[f[col["line"]]] : line_case[f[col["line"]]]
		r = ++got_n[c]
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
		kv["line"] = f[col["line"]] - c_first[c] + 1
		got[c, r] = canon(fig, f[col["measure"]], kv, (c, r) in want_line)
	}
	return close(cmd) == 0 && nrow > 0
}

END {
	if (ncase == 0)
		exit 2
	close(input)
	close(sections)
	if ((nline > 0 && !run(input, 0)) || (nsline > 0 && !run(sections, 1))) {
		print "extract-metrics.awk: " em " failed" > "/dev/stderr"
		exit 2
	}
	failed = 0
	for (c = 1; c <= ncase; c++) {
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
