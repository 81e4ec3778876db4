#!/usr/bin/env bats
# Real inputs end to end (issue 6): each sample report is made into a real
# PDF (groff, gropdf) and a real DOCX (pandoc), converted back the ways
# users convert them (pdftotext, pdftotext -layout, pandoc -t plain,
# pandoc -t markdown), and must give the same figures, value and unit,
# as the original text.  What the converters add is what the tools must
# cope with: reflowed and hyphen-free wrapped lines, page numbers in the
# footer, form feeds, curly quotes, tables as aligned columns.
#
# A converter that cannot do the job here skips its tests, saying so:
# each test asks for a capability (groff writes a PDF, LibreOffice turns
# a DOCX into a PDF), not for a command name, since a command can be
# present without it (groff-base has groff but no PDF device).  Nothing
# is installed here.

load helper
bats_require_minimum_version 1.5.0

setup() {
	T="$BATS_TEST_TMPDIR"
	local t
	for t in split-sections extract-metrics; do
		[ -x "$BIN/$t" ] || skip "$t is not built ($BIN/$t)"
	done
}

need_cmd() {
	command -v "$1" >/dev/null || skip "$1 is not installed ($2)"
}

# groff that writes PDF (gropdf; Debian's groff-base lacks it).
need_groff_pdf() {
	need_cmd groff "Debian package groff"
	[ "$(printf '.LP\nx\n' | groff -Tpdf 2>/dev/null | head -c 5)" = "%PDF-" ] ||
		skip "groff cannot write PDF here (no gropdf: Debian package groff, not groff-base)"
}

# pandoc that writes DOCX.
need_pandoc_docx() {
	need_cmd pandoc "Debian package pandoc"
	printf 'x\n' | pandoc -o "$T/probe.docx" 2>/dev/null && [ -s "$T/probe.docx" ] ||
		skip "pandoc cannot write DOCX here"
}

samples() {
	ls "$SAMPLES"/*.txt "$SAMPLES"/*.md 2>/dev/null | grep -v '/README'
}

# value TAB unit of every figure, sorted: the multiset compared.
figures() {
	"$BIN/split-sections" "$1" 2>/dev/null | "$BIN/extract-metrics" 2>/dev/null |
		awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
			{ print $c["value"] "\t" $c["unit"] }' | LC_ALL=C sort
}

# The figures of FILE as extract-metrics found them, with their sentence,
# to show what went missing or appeared.
figures_with_evidence() {
	"$BIN/split-sections" "$1" 2>/dev/null | "$BIN/extract-metrics" 2>/dev/null |
		awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
			{ print $c["value"] "\t" $c["unit"] "\t" $c["evidence"] }'
}

# Wrap long lines at 100 columns as a word processor would, continuation
# lines under the text of their bullet; table lines (with tabs) are left.
wrap() {
	awk -v w=100 '
	/\t/ || length($0) <= w { print; next }
	{
		match($0, /^ */)
		ind = substr($0, 1, RLENGTH)
		hang = ind
		if (substr($0, RLENGTH + 1) ~ /^([-*]|\xe2\x80\xa2|[0-9]+\.) /)
			hang = ind "  "
		line = $0
		while (length(line) > w) {
			cut = w
			while (cut > length(hang) + 1 && substr(line, cut, 1) != " ")
				cut--
			if (cut <= length(hang) + 1)
				cut = w
			print substr(line, 1, cut - 1)
			line = hang substr(line, cut + 1)
		}
		print line
	}' "$1"
}

# Plain text as a typeset A4 document: the lines as they are (wrapped to
# the page), a bare page number in every footer, form feeds as page
# breaks.  Ligature characters are spelt out: the standard fonts have none.
# Tables are set as a report sets them (see tab_tables).
text_to_roff() {
	printf '%s\n' '.pl 29.7c' '.ll 19c' '.po 1c' \
		'.de TOP' '.sp 1.5c' '..' \
		'.de BOT' '.sp |28c' ".tl ''%''" '.bp' '..' \
		'.wh 0 TOP' '.wh -2.5c BOT' \
		'.nf' '.ft CR' '.ps 8' '.vs 10' '.ta 5c 10c 15c'
	wrap "$1" | sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/" \
		-e 's/\f/\n.bp\n/g' \
		-e 's/ﬀ/ff/g; s/ﬁ/fi/g; s/ﬂ/fl/g; s/ﬃ/ffi/g; s/ﬄ/ffl/g' |
		tab_tables roff
}

# The tables of a text sample: blocks of lines with cells between tabs.  A
# data table has a row of two figures or more, a caption (a line of one
# cell) perhaps above; the others ("We will / Commentary / Who", contents)
# hold text.  MODE says what becomes of them:
#   roff   typeset as a report sets them: a data table's columns as wide
#          as their widest cell (tab stops 3 ens apart, the point size
#          made smaller until the table fits the 19 cm line; Courier's
#          en is 0.6 points a point of size); a table of text by tbl, its
#          cells wrapping in their columns
#   pipe   Markdown pipe tables (a caption a paragraph above its table),
#          which pandoc makes real DOCX tables of
#   strip  data tables left out, the rest kept
tab_tables() { # mode
	awk -F'\t' -v mode="$1" '
	function numeric(s) { return s ~ /^[-+]?[£$]?[0-9][0-9.,]*[%km]?$/ }
	function filled(cells, k,   j, f) {
		for (j = 1; j <= k; j++) f += cells[j] !~ /^ *$/
		return f
	}
	# widths in characters (w), columns (return), of the rows of two or
	# more cells; a data table when a row holds two figures or more
	function measure(w,   i, j, k, nn, nc, cells) {
		data = 0; nc = 0; split("", w)
		for (i = 1; i <= n; i++) {
			k = split(blk[i], cells, "\t"); nn = 0
			for (j = 1; j <= k; j++) nn += numeric(cells[j])
			if (nn >= 2) data = 1
			if (filled(cells, k) < 2) continue
			for (j = 1; j <= k; j++) {
				if (length(cells[j]) > w[j]) w[j] = length(cells[j])
				if (cells[j] !~ /^ *$/ && j > nc) nc = j
			}
		}
		return nc
	}
	function caption(s) { gsub(/\t/, " ", s); sub(/^ +/, "", s); return s }
	# figures in columns: tab stops, the point size made smaller until
	# the table fits the line
	function roff_data(w, nc,   i, j, k, total, ps, at, cells) {
		for (j = 1; j <= nc; j++) total += w[j] + 3
		for (ps = 8; ps > 4 && total * 0.6 * ps > 538; ps--) ;
		printf ".ps %d\n.vs %d\n.ta", ps, ps + 2
		for (j = 1; j < nc; j++)
			printf " %.1fp", at += (w[j] + 3) * 0.6 * ps
		printf "\n"
		for (i = 1; i <= n; i++) {
			k = split(blk[i], cells, "\t")
			print (filled(cells, k) < 2 ? caption(blk[i]) : blk[i])
		}
		printf ".ps 8\n.vs 10\n.ta 5c 10c 15c\n"
	}
	# text in columns: a tbl table whose cells wrap in their column; a
	# column gets its widest cell if that fits, the others share what is
	# left, the wider ones more (112 characters of 4.8 points make the
	# line, 4 the gap between columns)
	function roff_text(w, nc,   i, j, k, left, rest, fixed, cells, width) {
		left = 112 - 4 * (nc - 1)
		do {
			fixed = 0; rest = 0
			for (j = 1; j <= nc; j++) if (!(j in width)) rest++
			for (j = 1; j <= nc; j++)
				if (!(j in width) && w[j] <= left / rest) {
					width[j] = w[j] < 4 ? 4 : w[j]; left -= width[j]; fixed = 1
				}
		} while (fixed && rest > 1)
		rest = 0
		for (j = 1; j <= nc; j++) if (!(j in width)) rest += sqrt(w[j])
		for (j = 1; j <= nc; j++)
			if (!(j in width)) width[j] = int(left * sqrt(w[j]) / rest)
		print ".fi\n.ad l\n.nh\n.TS"
		for (j = 1; j <= nc; j++)
			printf "lw(%.1fp)%s", width[j] * 4.8, j < nc ? " " : ".\n"
		for (i = 1; i <= n; i++) {
			k = split(blk[i], cells, "\t")
			for (j = 1; j <= nc; j++) {
				if (j > 1) printf "\t"
				if (j <= k && cells[j] !~ /^ *$/)
					printf "T{\n\\&%s\nT}", cells[j]
			}
			printf "\n"
		}
		print ".TE\n.nf"
	}
	# a pipe table; its first row heads it, unless it holds a number
	# outside a data table (a contents table: title, pages): then the
	# head is left empty, and pandoc makes a table without one
	function pipe(w, nc,   i, j, k, d, row, line, cells) {
		print ""
		if (!data && blk[1] ~ /[0-9]/) {
			line = "|"
			for (j = 1; j <= nc; j++) line = line "  |"
			print line
			line = "|"
			for (j = 1; j <= nc; j++) line = line "---|"
			print line
			row++
		}
		for (i = 1; i <= n; i++) {
			k = split(blk[i], cells, "\t")
			if (data && filled(cells, k) < 2) {
				print caption(blk[i]) "\n"
				continue
			}
			line = "|"
			for (j = 1; j <= nc; j++) {
				if (j > k) cells[j] = ""
				gsub(/\|/, "\\|", cells[j])
				line = line " " cells[j] " |"
			}
			print line
			if (row++ == 0) {
				# dashes as wide as the widest cell of the column: pandoc
				# gives each column that share of the page, as an
				# author sizes the columns of a table to their content
				line = "|"
				for (j = 1; j <= nc; j++) {
					line = line "-"
					for (d = 0; d < w[j] + 2; d++) line = line "-"
					line = line "|"
				}
				print line
			}
		}
		print ""
	}
	function flush(   nc, w, i) {
		nc = measure(w)
		if (nc < 2 || (mode == "strip" && !data))
			for (i = 1; i <= n; i++) print blk[i]
		else if (mode == "roff" && data)
			roff_data(w, nc)
		else if (mode == "roff")
			roff_text(w, nc)
		else if (mode == "pipe")
			pipe(w, nc)
		n = 0
	}
	/\t/ { blk[++n] = $0; next }
	{ if (n) flush(); print }
	END { if (n) flush() }'
}

# A sample as a PDF: Markdown through pandoc's ms writer, plain text as
# above; both typeset by groff and written by gropdf.
to_pdf() { # in out
	case $1 in
	*.md)
		# Page numbers in the footer, bare, as reports print them.
		printf '.ds CH\n.ds CF \\\\n%%\n' > "$T/footer.ms"
		pandoc -s -f markdown+hard_line_breaks -t ms -H "$T/footer.ms" "$1" -o "$T/doc.ms"
		groff -ms -k -Tpdf "$T/doc.ms" > "$2" 2>/dev/null ;;
	*)
		text_to_roff "$1" > "$T/doc.roff"
		groff -t -k -Tpdf "$T/doc.roff" > "$2" 2>/dev/null ;;
	esac
	[ -s "$2" ]
}

# A sample as a DOCX.  A text sample's tables become pipe tables first,
# so that the DOCX holds them as real tables, as a report's does (read as
# Markdown, lines of tab-separated cells are no table).
to_docx() { # in out
	case $1 in
	*.md) pandoc -f markdown+hard_line_breaks "$1" -o "$2" ;;
	*) tab_tables pipe < "$1" > "$T/tables.md" &&
		pandoc -f markdown+hard_line_breaks "$T/tables.md" -o "$2" ;;
	esac
}

# Every sample through CONVERT (a function: in out) must give the same
# figures as the original; all samples are tried before failing.  With
# PREPARE (a function: in out), what is compared and converted is the
# sample PREPARE makes.
same_figures_through() { # convert [prepare]
	local f n=0 bad=0
	for f in $(samples); do
		n=$((n + 1))
		if [ -n "${2-}" ]; then
			"$2" "$f" "$T/$(basename "$f")"
			f="$T/$(basename "$f")"
		fi
		"$1" "$f" "$T/converted" || { echo "$f: conversion failed" >&2; bad=1; continue; }
		figures "$f" > "$T/want"
		figures "$T/converted" > "$T/got"
		if ! cmp -s "$T/want" "$T/got"; then
			bad=1
			echo "== $(basename "$f") through $1: $(wc -l < "$T/want") figures in the original, $(wc -l < "$T/got") after" >&2
			figures_with_evidence "$f" > "$T/want.ev"
			figures_with_evidence "$T/converted" > "$T/got.ev"
			# Each figure lost (<) or gained (>), with a sentence it is in.
			diff "$T/want" "$T/got" | grep '^[<>]' | head -n 12 |
				while IFS= read -r d; do
					ev="$T/want.ev"
					[ "${d#>}" != "$d" ] && ev="$T/got.ev"
					printf '%s\t%s\n' "$d" "$(awk -F'\t' -v want="${d#? }" \
						'$1 "\t" $2 == want { print substr($3, 1, 100); exit }' "$ev")"
				done >&2
		fi
	done
	[ "$n" -gt 0 ] || skip "no samples"
	[ "$bad" -eq 0 ]
}

pdf_layout() { to_pdf "$1" "$T/doc.pdf" && pdftotext -layout "$T/doc.pdf" "$2"; }
pdf_raw() { to_pdf "$1" "$T/doc.pdf" && pdftotext "$T/doc.pdf" "$2"; }
docx_plain() { to_docx "$1" "$T/doc.docx" && pandoc -t plain "$T/doc.docx" -o "$2"; }
docx_markdown() { to_docx "$1" "$T/doc.docx" && pandoc -t markdown "$T/doc.docx" -o "$2"; }

@test "pdf: the converters make real files that the tools refuse unconverted" {
	need_groff_pdf
	need_pandoc_docx
	local f
	f=$(samples | head -n 1)
	[ -n "$f" ] || skip "no samples"
	to_pdf "$f" "$T/q.pdf"
	to_docx "$f" "$T/q.docx"
	[ "$(head -c 5 "$T/q.pdf")" = "%PDF-" ]
	run --separate-stderr "$BIN/split-sections" "$T/q.pdf"
	[ "$status" -eq 1 ]
	[ "$stderr" = "split-sections: $T/q.pdf: a PDF file, not text: convert it first (pdftotext -layout FILE -)" ]
	run --separate-stderr "$BIN/split-sections" "$T/q.docx"
	[ "$status" -eq 1 ]
	[ "$stderr" = "split-sections: $T/q.docx: a ZIP or DOCX file, not text: convert it first (pandoc -t markdown FILE)" ]
}

@test "pdf: groff PDF, back through pdftotext -layout: the same figures" {
	need_groff_pdf
	need_pandoc_docx
	need_cmd pdftotext "Debian package poppler-utils"
	same_figures_through pdf_layout
}

@test "pdf: groff PDF, back through pdftotext (reading order): the same figures" {
	need_groff_pdf
	need_pandoc_docx
	need_cmd pdftotext "Debian package poppler-utils"
	# Without -layout, pdftotext gives the words in reading order: a data
	# table comes out a cell a line, its rows and columns gone, and no
	# tool can tell which figure belongs to which row or column.  For
	# this converter only the figures outside data tables are compared.
	without_data_tables() { tab_tables strip < "$1" > "$2"; }
	same_figures_through pdf_raw without_data_tables
}

@test "docx: pandoc DOCX, back through pandoc -t plain: the same figures" {
	need_pandoc_docx
	same_figures_through docx_plain
}

@test "docx: pandoc DOCX, back through pandoc -t markdown: the same figures" {
	need_pandoc_docx
	same_figures_through docx_markdown
}

@test "pdf: LibreOffice DOCX to PDF, back through pdftotext -layout: the same figures" {
	local lo
	lo=$(command -v soffice || command -v libreoffice) ||
		skip "LibreOffice is not installed (Debian package libreoffice-writer)"
	need_pandoc_docx
	need_cmd pdftotext "Debian package poppler-utils"
	HOME="$T" "$lo" --headless --convert-to pdf --outdir "$T" "$T/probe.docx" >/dev/null 2>&1 &&
		[ -s "$T/probe.pdf" ] || skip "LibreOffice cannot convert DOCX to PDF here"
	lo_layout() {
		to_docx "$1" "$T/doc.docx" &&
			HOME="$T" "$lo" --headless --convert-to pdf --outdir "$T" "$T/doc.docx" >/dev/null 2>&1 &&
			pdftotext -layout "$T/doc.pdf" "$2"
	}
	same_figures_through lo_layout
}

@test "pdf: converted text goes through the whole pipeline without an error" {
	need_groff_pdf
	need_pandoc_docx
	need_cmd pdftotext "Debian package poppler-utils"
	[ -x "$BIN/normalize-names" ] || skip "normalize-names is not built"
	local f
	for f in $(samples); do
		pdf_layout "$f" "$T/layout.txt"
		run bash -o pipefail -c '"$1/split-sections" "$2" | "$1/extract-metrics" | "$1/normalize-names" > /dev/null' _ "$BIN" "$T/layout.txt"
		[ "$status" -eq 0 ] || { echo "$f: status $status: $output" >&2; false; }
	done
}
