/* lib-test: unit tests of lib/, run by tests/lib.bats.  Each check prints
 * "not ok" with its place when it fails; the summary line is the plain
 * "N passed, N failed" that CI reads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "input.h"
#include "lex.h"
#include "lex-dates.h"
#include "lines.h"
#include "period.h"
#include "num.h"
#include "text.h"
#include "tsv.h"
#include "xlsx.h"

struct tally {
	int passed, failed;
};

#define CHECK(t, cond) check((t), (cond), #cond, __LINE__)
#define CHECK_STR(t, got, want) check_str((t), (got), (want), __LINE__)

static void
check(struct tally *t, int ok, const char *what, int line)
{
	if (ok) {
		t->passed++;
		return;
	}
	t->failed++;
	printf("not ok: line %d: %s\n", line, what);
}

static void
check_str(struct tally *t, const char *got, const char *want, int line)
{
	if (strcmp(got, want) == 0) {
		t->passed++;
		return;
	}
	t->failed++;
	printf("not ok: line %d: got \"%s\", want \"%s\"\n", line, got, want);
}

static void
test_num(struct tally *t)
{
	char s[64];
	double v;

	num_format(5700000, s, sizeof s);	CHECK_STR(t, s, "5700000");
	num_format(22.5, s, sizeof s);		CHECK_STR(t, s, "22.5");
	num_format(0.1 + 0.2, s, sizeof s);	CHECK_STR(t, s, "0.3");
	num_format(-0.0, s, sizeof s);		CHECK_STR(t, s, "0");
	num_format(-0.18, s, sizeof s);		CHECK_STR(t, s, "-0.18");
	num_format(1e15, s, sizeof s);		CHECK_STR(t, s, "1000000000000000");
	num_format_signed(51, s, sizeof s);	CHECK_STR(t, s, "+51");
	num_format_signed(-5599, s, sizeof s);	CHECK_STR(t, s, "-5599");
	num_format_signed(0, s, sizeof s);	CHECK_STR(t, s, "0");
	CHECK(t, num_parse("1,234", 5, &v) && v == 1234);
	CHECK(t, num_parse(" +51 ", 5, &v) && v == 51);
	CHECK(t, num_parse("-0.18", 5, &v) && v == -0.18);
	CHECK(t, !num_parse("", 0, &v));
	CHECK(t, !num_parse("12a", 3, &v));
	CHECK(t, !num_parse("1.2.3", 5, &v));
	CHECK(t, !num_parse(",5", 2, &v));
	CHECK(t, !num_parse("-", 1, &v));
	CHECK(t, num_same(0.1 + 0.2, 0.3));
	CHECK(t, !num_same(514, 515));
}

static void
test_buf(struct tally *t)
{
	struct buf b = BUF_INIT;

	buf_grow(&b, 100);	/* grown but never written: still a string */
	CHECK(t, b.p != NULL && b.len == 0 && b.p[0] == '\0');
	buf_adds(&b, "abc");
	buf_truncate(&b, 1);
	CHECK_STR(t, b.p, "a");
	buf_free(&b);
}

static void
test_tsv_escape(struct tally *t)
{
	struct buf b = BUF_INIT;
	const char raw[] = "a\tb\nc\\d\re";
	char copy[64];
	size_t n;

	tsv_escape(&b, raw, sizeof raw - 1);
	CHECK_STR(t, b.p, "a\\tb\\nc\\\\d\\re");
	memcpy(copy, b.p, b.len + 1);
	n = tsv_unescape(copy, b.len);
	CHECK(t, n == sizeof raw - 1 && memcmp(copy, raw, n) == 0);
	buf_reset(&b);	/* past the eight-byte fast path */
	tsv_escape(&b, "0123456789abc\\efg\thij", 21);
	CHECK_STR(t, b.p, "0123456789abc\\\\efg\\thij");
	buf_reset(&b);	/* past the sixteen-byte path: each found in its turn */
	tsv_escape(&b, "0123456789abcdefghij\\klmnopqrstuvwxyzABCDEFG\x01", 45);
	CHECK_STR(t, b.p, "0123456789abcdefghij\\\\klmnopqrstuvwxyzABCDEFG\x01");
	buf_reset(&b);
	tsv_escape(&b, "0123456789abcdefghijklmnopqrstuvwxyz0123456789ab\n", 49);
	CHECK_STR(t, b.p, "0123456789abcdefghijklmnopqrstuvwxyz0123456789ab\\n");
	strcpy(copy, "x\\qy\\");	/* unknown escape and a final backslash stay */
	n = tsv_unescape(copy, strlen(copy));
	CHECK_STR(t, copy, "x\\qy\\");
	buf_free(&b);
}

static void
test_row_split(struct tally *t)
{
	struct row r = {0};
	const char line[] = "a\t\tc\\td";

	row_split_tsv(&r, line, sizeof line - 1);
	CHECK(t, r.n == 3);
	CHECK_STR(t, r.field[0], "a");
	CHECK_STR(t, r.field[1], "");
	CHECK_STR(t, r.field[2], "c\td");
	row_split_tsv(&r, "", 0);
	CHECK(t, r.n == 1 && r.len[0] == 0);
	row_free(&r);
}

static void
test_text(struct tally *t)
{
	struct buf b = BUF_INIT;
	const char bad[] = "ok\xff\xfe and \0 nul";
	size_t n;

	n = text_repair(&b, bad, sizeof bad - 1);
	CHECK(t, n == 3);
	CHECK(t, text_valid(b.p, b.len));
	CHECK(t, !text_valid(bad, sizeof bad - 1));
	CHECK(t, text_valid("caf\xc3\xa9 \xef\xbf\xbd", 9));	/* a real U+FFFD is valid */
	buf_reset(&b);
	n = text_repair(&b, "\xef\xbf\xbd", 3);
	CHECK(t, n == 0 && b.len == 3);
	CHECK(t, !text_valid("\xed\xa0\x80", 3));	/* a surrogate */
	CHECK(t, !text_valid("\xc0\xaf", 2));		/* overlong */

	buf_reset(&b);
	{
		const char *sp = "  a \t\xc2\xa0 b\n ";

		text_squeeze_space(&b, sp, strlen(sp));
	}	/* NBSP too */
	CHECK_STR(t, b.p, "a b");

	buf_reset(&b);	/* already squeezed: copied as it is */
	text_squeeze_space(&b, "one two three four five", 23);
	CHECK_STR(t, b.p, "one two three four five");
	buf_reset(&b);	/* two spaces past the eight-byte scan */
	text_squeeze_space(&b, "one two three  four", 19);
	CHECK_STR(t, b.p, "one two three four");
	buf_reset(&b);	/* soft hyphen and ZWJ dropped, control byte a space */
	{
		const char *iv = "in\xc2\xadvisible zero\xe2\x80\x8dwidth a\x01" "b";

		text_squeeze_space(&b, iv, strlen(iv));
	}
	CHECK_STR(t, b.p, "invisible zerowidth a b");
	buf_reset(&b);
	{
		const char *fw = "Caf\xc3\xa9 \xef\xbc\x91\xef\xbc\x92";

		text_fold(&b, fw, strlen(fw));
	}	/* full-width 12 */
	CHECK_STR(t, b.p, "cafe 12");
	buf_reset(&b);
	text_fold(&b, "a\xe2\x80\x8d" "b\xe2\x80\x8f", 8);	/* ZWJ, RLM */
	CHECK_STR(t, b.p, "ab");

	CHECK(t, text_is_dash(0x2013) && text_is_dash('-') && !text_is_dash('a'));
	CHECK(t, text_is_space(0xA0) && text_is_space(0x2009) && !text_is_space('x'));
	CHECK(t, text_is_bullet(0x2022) && !text_is_bullet('*'));
	CHECK(t, text_is_superscript_digit(0xB9) && text_is_superscript_digit(0x2076));
	CHECK(t, text_is_letter(0xE9) && !text_is_letter('1'));
	CHECK(t, text_is_digit(0xFF11) && text_is_digit('7'));
	buf_free(&b);
}

static char *
write_temp(const char *data, size_t n)
{
	static char path[] = "/tmp/lib-test-XXXXXX";
	int fd;

	strcpy(path, "/tmp/lib-test-XXXXXX");
	fd = mkstemp(path);
	if (fd < 0 || write(fd, data, n) != (ssize_t)n)
		die_at(EXIT_DATA, path, 0, "cannot write");
	close(fd);
	return path;
}

static void
test_lines(struct tally *t)
{
	const char data[] = "\xef\xbb\xbfone\r\ntwo\n\nthree";
	char *path = write_temp(data, sizeof data - 1), *line;
	struct lines lr;
	ssize_t n;

	CHECK(t, lines_open(&lr, path) == 0);
	CHECK(t, lines_sniff(&lr) == SNIFF_TEXT);
	n = lines_next(&lr, &line);
	CHECK(t, n == 3 && strcmp(line, "one") == 0);	/* BOM and CR gone */
	n = lines_next(&lr, &line);
	CHECK(t, n == 3 && strcmp(line, "two") == 0);
	n = lines_next(&lr, &line);
	CHECK(t, n == 0);
	n = lines_next(&lr, &line);
	CHECK(t, n == 5 && strcmp(line, "three") == 0 && lr.lineno == 4);
	CHECK(t, lines_next(&lr, &line) == -1);
	lines_close(&lr);
	unlink(path);
}

static void
test_long_line(struct tally *t)
{
	size_t big = 3 << 20;	/* several read blocks */
	char *data = xmalloc(big + 4), *path, *line;
	struct lines lr;

	memset(data, 'x', big);
	memcpy(data + big, "\nab", 3);
	path = write_temp(data, big + 3);
	CHECK(t, lines_open(&lr, path) == 0);
	CHECK(t, lines_next(&lr, &line) == (ssize_t)big);
	CHECK(t, lines_next(&lr, &line) == 2 && strcmp(line, "ab") == 0);
	lines_close(&lr);
	unlink(path);
	free(data);
}

static void
test_sniff(struct tally *t)
{
	char bin[512], *path;
	struct lines lr;

	for (size_t i = 0; i < sizeof bin; i++)
		bin[i] = (char)(i * 7);
	path = write_temp(bin, sizeof bin);
	lines_open(&lr, path);
	CHECK(t, lines_sniff(&lr) == SNIFF_BINARY);
	lines_close(&lr);
	path = write_temp("%PDF-1.5\n", 9);
	lines_open(&lr, path);
	CHECK(t, lines_sniff(&lr) == SNIFF_PDF);
	lines_close(&lr);
	path = write_temp("a stray \0 in text is text\n", 26);
	lines_open(&lr, path);
	CHECK(t, lines_sniff(&lr) == SNIFF_TEXT);
	lines_close(&lr);
	path = write_temp("", 0);
	lines_open(&lr, path);
	CHECK(t, lines_sniff(&lr) == SNIFF_EMPTY);
	lines_close(&lr);
	unlink(path);
}

static void
test_table_csv(struct tally *t)
{
	const char data[] = "name,value\n\"a, b\",1\n\"multi\nline\",2\nshort\n";
	char *path = write_temp(data, sizeof data - 1);
	struct table tb;
	bool empty;

	CHECK(t, table_open(&tb, path, false, &empty) == EXIT_OK && !empty);
	CHECK(t, tb.csv && tb.ncols == 2 && table_col(&tb, "value") == 1);
	CHECK(t, table_next(&tb) == 1);
	CHECK_STR(t, table_get(&tb, 0), "a, b");
	CHECK(t, table_next(&tb) == 1 && tb.line == 3);
	CHECK_STR(t, table_get(&tb, 0), "multi\nline");
	CHECK(t, table_next(&tb) == 1 && tb.row.n == 1);
	CHECK_STR(t, table_get(&tb, 1), "");
	CHECK(t, table_next(&tb) == 0);
	table_close(&tb);
	unlink(path);
}

/* CSV made for spreadsheets: formula starts neutralised, numbers kept,
 * a BOM before the header; and read back as written. */
static void
test_csv_hygiene(struct tally *t)
{
	static const char *const head[] = {"text", "n", NULL};
	static const char *const cells[] = {
		"=HYPERLINK(\"http://x\",\"y\")", "+2.3 pts", "-5599", "@SUM(A1)",
		"\tx", "-0.18", "- a bullet", "plain", "+", "'=kept", NULL};
	char *path = write_temp("", 0);
	FILE *fp = fopen(path, "w");
	struct out o;
	struct table tb;
	bool empty;
	char got[256];
	size_t i;

	CHECK(t, csv_formula_start("=1+1", 4) && csv_formula_start("-x", 2));
	CHECK(t, !csv_formula_start("-5599", 5) && !csv_formula_start("+0.5", 4));
	CHECK(t, !csv_formula_start("-.18", 4) && csv_formula_start("-", 1));
	CHECK(t, !csv_formula_start("a=b", 3) && !csv_formula_start("", 0));
	out_init(&o, fp, true);
	out_header(&o, head);
	for (i = 0; cells[i]; i++) {
		out_fields(&o, cells[i]);
		out_num(&o, -(double)i);
		out_end(&o);
	}
	CHECK(t, out_close(&o) == EXIT_OK && fclose(fp) == 0);
	fp = fopen(path, "r");
	CHECK(t, fp && fread(got, 1, 3, fp) == 3 && memcmp(got, "\xef\xbb\xbf", 3) == 0);
	CHECK(t, fgets(got, sizeof got, fp) && fgets(got, sizeof got, fp));
	CHECK_STR(t, got, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",0\r\n");
	CHECK(t, fgets(got, sizeof got, fp) && !strcmp(got, "\"'+2.3 pts\",-1\r\n"));
	CHECK(t, fgets(got, sizeof got, fp) && !strcmp(got, "-5599,-2\r\n"));
	fclose(fp);
	/* read back: the text as it was, the BOM gone */
	CHECK(t, table_open(&tb, path, false, &empty) == EXIT_OK);
	CHECK(t, table_col(&tb, "text") == 0);
	for (i = 0; cells[i] && table_next(&tb) == 1; i++)
		CHECK_STR(t, table_get(&tb, 0), cells[i]);
	CHECK(t, i == 10);
	table_close(&tb);
	unlink(path);
}

static void
test_table_tsv(struct tally *t)
{
	const char data[] = "a\tb\n1\tx\\ty\n";
	char *path = write_temp(data, sizeof data - 1);
	struct table tb;
	bool empty;

	CHECK(t, table_open(&tb, path, false, &empty) == EXIT_OK);
	CHECK(t, !tb.csv && tb.ncols == 2);
	CHECK(t, table_next(&tb) == 1 && tb.line == 2);
	CHECK_STR(t, table_get(&tb, 1), "x\ty");
	CHECK(t, table_next(&tb) == 0);
	table_close(&tb);
	unlink(path);
}

static void
test_lex(struct tally *t)
{
	struct lex *lx = lex_open(&dates_lex);
	struct lex_word w[] = {{"same", 4}, {"period", 6}, {"last", 4},
			       {"year", 4}, {"again", 5}};
	unsigned cls = 99;
	const char *v = NULL;

	CHECK(t, lex_is(lx, "sept", 4, DATES_MONTH));
	CHECK(t, !lex_is(lx, "sep", 2, DATES_MONTH));
	CHECK_STR(t, lex_value(lx, "sept", 4, DATES_MONTH), "9");
	CHECK(t, lex_value(lx, "sept", 4, DATES_BACK) == NULL);
	CHECK(t, lex_classes(lx, "nothing", 7) == 0);
	CHECK(t, lex_classes(lx, "", 0) == 0);
	/* the longest phrase wins; a first word alone is no phrase */
	CHECK(t, lex_phrase(lx, w, 5, LEX_BIT(DATES_BACK), &cls, &v) == 4);
	CHECK(t, cls == DATES_BACK && strcmp(v, "4") == 0);
	CHECK(t, lex_phrase(lx, w + 2, 3, LEX_BIT(DATES_BACK), NULL, NULL) == 2);
	CHECK(t, lex_phrase(lx, w + 1, 4, LEX_BIT(DATES_BACK), NULL, NULL) == 0);
	CHECK(t, lex_phrase(lx, w, 5, LEX_BIT(DATES_MONTH), NULL, NULL) == 0);
	CHECK(t, lex_starts(lx, "same", 4) & LEX_BIT(DATES_BACK));
	lex_close(lx);
}

/* tests/corpus/periods.txt: one case a line (its header says how). */
static void
test_periods(struct tally *t, const char *dir)
{
	char path[4096], line[1024], got[PERIOD_WORDS_MAX];
	char *f[4];
	FILE *fp;
	int lineno = 0;

	snprintf(path, sizeof path, "%s/periods.txt", dir);
	if (!(fp = fopen(path, "r"))) {
		printf("not ok: %s: cannot open\n", path);
		t->failed++;
		return;
	}
	while (fgets(line, sizeof line, fp)) {
		struct period p;
		size_t nf = 0;
		char *s = line;

		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		while (nf < 4 && (f[nf++] = s) && (s = strchr(s, '\t')))
			*s++ = '\0';
		if (!strcmp(f[0], "find") && nf == 3) {
			if (!period_find(f[1], strlen(f[1]), &p))
				p.kind = PERIOD_NONE;
			period_format(&p, got);
		} else if (!strcmp(f[0], "resolve") && nf == 4) {
			long q = period_resolve(f[1], strlen(f[1]), atol(f[2]));
			p = (struct period){.kind = q < 0 ? PERIOD_NONE : PERIOD_QUARTER,
					    .fy = (int)(q / 4), .q = (int)(q % 4) + 1};
			period_format(&p, got);
			f[2] = f[3];
		} else if (!strcmp(f[0], "words") && nf == 3) {
			if (!period_parse(f[1], strlen(f[1]), &p))
				p.kind = PERIOD_NONE;
			period_words(&p, got);
		} else if (!strcmp(f[0], "month") && nf == 3) {
			snprintf(got, sizeof got, "%d", period_month(f[1], strlen(f[1])));
		} else {
			printf("not ok: %s:%d: bad case\n", path, lineno);
			t->failed++;
			continue;
		}
		if (strcmp(got, f[2]) == 0) {
			t->passed++;
		} else {
			printf("not ok: %s:%d: %s \"%s\": got \"%s\", want \"%s\"\n",
			       path, lineno, f[0], f[1], got, f[2]);
			t->failed++;
		}
	}
	fclose(fp);
}

static void
test_period_forms(struct tally *t)
{
	struct period p;
	char s[PERIOD_TEXT_MAX];

	CHECK(t, period_parse("2019/20 Q2", 10, &p) && period_quarter(&p) == 8077);
	CHECK(t, period_parse("2019/20 q2", 10, &p) && p.kind == PERIOD_QUARTER);
	CHECK(t, period_parse("2019/20", 7, &p) && period_quarter(&p) == 8079);
	CHECK(t, period_parse("2025-02", 7, &p) && period_quarter(&p) == 2024 * 4 + 3);
	CHECK(t, period_parse("2024-04/2024-09", 15, &p) && p.kind == PERIOD_SPAN);
	CHECK_STR(t, period_format(&p, s), "2024-04/2024-09");
	CHECK(t, !period_parse("2019/21 Q2", 10, &p));
	CHECK(t, !period_parse("2019/20 Q5", 10, &p));
	CHECK(t, !period_parse("2025-13", 7, &p));
	CHECK(t, !period_parse("2024-09/2024-04", 15, &p));
	CHECK(t, !period_parse("2019/20 Q2 ", 11, &p));
}

/* A workbook through struct out: it is written and is a ZIP file.  Its
 * cells are read back by a real reader in tests/xlsx.bats. */
static void
test_xlsx(struct tally *t)
{
	static const char *const head[] = {"text", "n", NULL};
	char path[] = "/tmp/lib-test-XXXXXX.xlsx", magic[4] = {0};
	int fd = mkstemps(path, 5);
	struct xlsx *x;
	struct out o;
	FILE *fp;
	int i;

	CHECK(t, fd >= 0);
	close(fd);
	x = xlsx_open(path, "Figures");
	CHECK(t, x != NULL);
	if (!x)
		return;
	out_init_xlsx(&o, x);
	xlsx_rows_per_sheet(x, 3);	/* the header and two rows a sheet */
	out_header(&o, head);
	out_fields(&o, "=HYPERLINK(\"http://x\")");
	out_num(&o, -5599);
	out_end(&o);
	for (i = 0; i < 4; i++) {
		out_fields(&o, "more");
		out_num(&o, (double)i);
		out_end(&o);
	}
	CHECK(t, out_close(&o) == EXIT_OK);
	fp = fopen(path, "rb");
	CHECK(t, fp && fread(magic, 1, 2, fp) == 2 && magic[0] == 'P' && magic[1] == 'K');
	if (fp)
		fclose(fp);
	if (getenv("LIB_TEST_KEEP_XLSX"))	/* tests/xlsx.bats reads it back */
		printf("workbook: %s\n", path);
	else
		unlink(path);
	CHECK(t, xlsx_open("/nonexistent/dir/x.xlsx", "S") == NULL);
}

int
main(int argc, char **argv)
{
	struct tally t = {0, 0};

	err_init(argv[0]);
	test_num(&t);
	test_buf(&t);
	test_tsv_escape(&t);
	test_row_split(&t);
	test_text(&t);
	test_lines(&t);
	test_long_line(&t);
	test_sniff(&t);
	test_table_csv(&t);
	test_table_tsv(&t);
	test_csv_hygiene(&t);
	test_xlsx(&t);
	test_lex(&t);
	test_period_forms(&t);
	test_periods(&t, argc > 1 ? argv[1] : "tests/corpus");
	printf("%d passed, %d failed\n", t.passed, t.failed);
	return t.failed ? 1 : 0;
}
