#!/usr/bin/env bats
# Real inputs end to end (issue 6): each sample report is made into a real
# PDF (groff, gropdf) and a real DOCX (pandoc), converted back the ways
# users convert them (pdftotext, pdftotext -layout, pandoc -t plain,
# pandoc -t markdown), and must give the same figures, value and unit,
# as the original text.  What the converters add is what the tools must
# cope with: reflowed and hyphen-free wrapped lines, page numbers in the
# footer, form feeds, curly quotes, tables as aligned columns.
#
# A converter that is not installed skips its tests, saying so; nothing is
# installed here.

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
text_to_roff() {
	printf '%s\n' '.pl 29.7c' '.ll 19c' '.po 1c' \
		'.de TOP' '.sp 1.5c' '..' \
		'.de BOT' '.sp |28c' ".tl ''%''" '.bp' '..' \
		'.wh 0 TOP' '.wh -2.5c BOT' \
		'.nf' '.ft CR' '.ps 8' '.vs 10' '.ta 5c 10c 15c'
	wrap "$1" | sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/" \
		-e 's/\f/\n.bp\n/g' \
		-e 's/ﬀ/ff/g; s/ﬁ/fi/g; s/ﬂ/fl/g; s/ﬃ/ffi/g; s/ﬄ/ffl/g'
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
		groff -k -Tpdf "$T/doc.roff" > "$2" 2>/dev/null ;;
	esac
	[ -s "$2" ]
}

to_docx() { # in out
	pandoc -f markdown+hard_line_breaks "$1" -o "$2"
}

# Every sample through CONVERT (a function: in out) must give the same
# figures as the original; all samples are tried before failing.
same_figures_through() { # convert
	local f n=0 bad=0
	for f in $(samples); do
		n=$((n + 1))
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
	need_cmd groff "groff, gropdf: Debian package groff"
	need_cmd pandoc "Debian package pandoc"
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
	need_cmd groff "groff, gropdf: Debian package groff"
	need_cmd pandoc "Debian package pandoc"
	need_cmd pdftotext "Debian package poppler-utils"
	same_figures_through pdf_layout
}

@test "pdf: groff PDF, back through pdftotext (reading order): the same figures" {
	need_cmd groff "groff, gropdf: Debian package groff"
	need_cmd pandoc "Debian package pandoc"
	need_cmd pdftotext "Debian package poppler-utils"
	same_figures_through pdf_raw
}

@test "docx: pandoc DOCX, back through pandoc -t plain: the same figures" {
	need_cmd pandoc "Debian package pandoc"
	same_figures_through docx_plain
}

@test "docx: pandoc DOCX, back through pandoc -t markdown: the same figures" {
	need_cmd pandoc "Debian package pandoc"
	same_figures_through docx_markdown
}

@test "pdf: LibreOffice DOCX to PDF, back through pdftotext -layout: the same figures" {
	local lo
	lo=$(command -v soffice || command -v libreoffice) ||
		skip "LibreOffice is not installed (Debian package libreoffice-writer)"
	need_cmd pandoc "Debian package pandoc"
	need_cmd pdftotext "Debian package poppler-utils"
	lo_layout() {
		to_docx "$1" "$T/doc.docx" &&
			HOME="$T" "$lo" --headless --convert-to pdf --outdir "$T" "$T/doc.docx" >/dev/null 2>&1 &&
			pdftotext -layout "$T/doc.pdf" "$2"
	}
	same_figures_through lo_layout
}

@test "pdf: converted text goes through the whole pipeline without an error" {
	need_cmd groff "groff, gropdf: Debian package groff"
	need_cmd pandoc "Debian package pandoc"
	need_cmd pdftotext "Debian package poppler-utils"
	[ -x "$BIN/normalize-names" ] || skip "normalize-names is not built"
	local f
	for f in $(samples); do
		pdf_layout "$f" "$T/layout.txt"
		run bash -o pipefail -c '"$1/split-sections" "$2" | "$1/extract-metrics" | "$1/normalize-names" > /dev/null' _ "$BIN" "$T/layout.txt"
		[ "$status" -eq 0 ] || { echo "$f: status $status: $output" >&2; false; }
	done
}
