#include "tsv.h"
#include "xlsx.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "num.h"

/* Which bytes need a backslash in a TSV field. */
static char
escape_of(unsigned char c)
{
	switch (c) {
	case '\t': return 't';
	case '\n': return 'n';
	case '\r': return 'r';
	case '\\': return '\\';
	default: return 0;
	}
}

/* Does the word hold a byte below ' ' or a backslash?  Exact for the
 * eight (or four) bytes: a borrow only runs on past a true hit. */
static bool
dirty8(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101u, x = w ^ (ones * '\\');

	return (((w - ones * ' ') & ~w) | ((x - ones) & ~x)) & (ones << 7);
}

static bool
dirty4(uint32_t w)
{
	const uint32_t ones = 0x01010101u, x = w ^ (ones * '\\');

	return (((w - ones * ' ') & ~w) | ((x - ones) & ~x)) & (ones << 7);
}

/* Is s[0..n), n >= 8, clean?  It is read in words, the last one
 * overlapping the one before, each word's verdict or'd in and looked at
 * once at the end: nearly every field is clean. */
static bool
clean_words(const char *s, size_t n)
{
	size_t i;
#if defined(__GNUC__)
	/* sixteen bytes a turn with the compiler's vectors (SSE2, NEON) */
	typedef unsigned char v16 __attribute__((vector_size(16)));

	if (n >= 16) {
		v16 b, m = {0};
		uint64_t lo, hi;

		for (i = 0; i + 16 < n; i += 16) {
			memcpy(&b, s + i, 16);
			m |= (v16)((b < ' ') | (b == '\\'));
		}
		memcpy(&b, s + n - 16, 16);
		m |= (v16)((b < ' ') | (b == '\\'));
		memcpy(&lo, &m, 8);
		memcpy(&hi, (const char *)&m + 8, 8);
		return !(lo | hi);
	}
#endif
	uint64_t w;
	bool dirty = false;

	for (i = 0; i + 8 < n; i += 8) {
		memcpy(&w, s + i, 8);
		dirty |= dirty8(w);
	}
	memcpy(&w, s + n - 8, 8);
	return !(dirty | dirty8(w));
}

/* Length of the prefix of s that needs no escaping: a control byte or a
 * backslash ends it.  This scan is most of the cost of writing a field,
 * so a clean field (nearly all) is told by words, a short one by two
 * words that overlap (a byte at a time costs more); only a field with
 * something to escape is read byte by byte. */
static size_t
clean_prefix(const char *s, size_t n)
{
	size_t i;
	uint32_t h, k;

	if (n >= 8 && clean_words(s, n))
		return n;
	if (n >= 4 && n < 8) {
		memcpy(&h, s, 4);
		memcpy(&k, s + n - 4, 4);
		if (!dirty4(h) && !dirty4(k))
			return n;
	}
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < ' ' || s[i] == '\\')
			break;
	return i;
}

void
tsv_escape(struct buf *out, const char *s, size_t n)
{
	size_t i = clean_prefix(s, n), run = 0;
	char e;

	buf_grow(out, n);
	for (; i < n; i++) {
		if ((e = escape_of((unsigned char)s[i])) == 0)
			continue;
		buf_add(out, s + run, i - run);
		buf_addc(out, '\\');
		buf_addc(out, e);
		run = i + 1;
	}
	buf_add(out, s + run, n - run);
}

size_t
tsv_unescape(char *s, size_t n)
{
	char *p = memchr(s, '\\', n), *w;
	size_t i;

	if (!p)
		return n;
	w = p;
	for (i = (size_t)(p - s); i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			switch (s[i + 1]) {
			case 't': *w++ = '\t'; i++; continue;
			case 'n': *w++ = '\n'; i++; continue;
			case 'r': *w++ = '\r'; i++; continue;
			case '\\': *w++ = '\\'; i++; continue;
			}
		}
		*w++ = s[i];
	}
	*w = '\0';
	return (size_t)(w - s);
}

/* ---- writing ---- */

void
out_init(struct out *o, FILE *fp, bool csv)
{
	static char obuf[1 << 16];

	memset(o, 0, sizeof *o);
	o->fp = fp;
	o->csv = csv;
	o->bom = csv;
	if (fp == stdout)
		setvbuf(fp, obuf, _IOFBF, sizeof obuf);
}

static bool
csv_needs_quotes(const char *s, size_t n)
{
	size_t i;

	if (n > 0 && (s[0] == ' ' || s[n - 1] == ' '))
		return true;
	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			return true;
	return false;
}

/* Fields are gathered in o->row and the row written with one fwrite:
 * a dozen small locked writes per row cost more than the escaping. */
/* A plain number: an optional sign, digits, an optional fraction
 * ("-5599", "+0.5", "-.18").  A spreadsheet reads it as the number. */
static bool
plain_number(const char *s, size_t n)
{
	size_t i = 0, digits = 0;

	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (i < n && s[i] == '.')
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	return i == n && digits > 0;
}

bool
csv_formula_start(const char *s, size_t n)
{
	return n > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' ||
			 s[0] == '@' || s[0] == '\t' || s[0] == '\r') &&
	       !plain_number(s, n);
}

/* Does a cell need the apostrophe?  When it would start a formula after
 * any apostrophes it already has: "'=x" gets one too, so that the reader,
 * which takes one off, gives "'=x" back. */
static bool
csv_neutralise(const char *s, size_t n)
{
	size_t k = 0;

	while (k < n && s[k] == '\'')
		k++;
	return csv_formula_start(s + k, n - k);
}

void
out_init_xlsx(struct out *o, struct xlsx *x)
{
	memset(o, 0, sizeof *o);
	o->x = x;
}

void
out_field(struct out *o, const char *s, size_t n)
{
	if (o->x) {
		xlsx_string(o->x, s, n);
		return;
	}
	if (!o->csv && clean_prefix(s, n) == n) {
		/* most fields: the separator and the bytes, with one check
		 * for room and one copy */
		struct buf *b = &o->row;

		if (b->len + n + 2 > b->cap)
			buf_grow(b, n + 1);
		if (o->nfields++ > 0)
			b->p[b->len++] = '\t';
		memcpy(b->p + b->len, s, n);
		b->len += n;
		b->p[b->len] = '\0';
		return;
	}
	if (o->nfields++ > 0)
		buf_addc(&o->row, o->csv ? ',' : '\t');
	if (o->csv) {
		if (csv_neutralise(s, n)) {
			/* OWASP's defence against CSV injection: a leading
			 * apostrophe makes a spreadsheet take the cell as
			 * text, whatever follows; the cell is quoted. */
			struct buf t = BUF_INIT;

			buf_addc(&t, '\'');
			buf_add(&t, s, n);
			buf_grow(&o->row, 2 * t.len + 2);
			o->row.len += csv_write(o->row.p + o->row.len,
						2 * t.len + 2, t.p, t.len);
			o->row.p[o->row.len] = '\0';
			buf_free(&t);
		} else if (csv_needs_quotes(s, n)) {
			buf_grow(&o->row, 2 * n + 2);
			o->row.len += csv_write(o->row.p + o->row.len,
						2 * n + 2, s, n);
			o->row.p[o->row.len] = '\0';
		} else {
			buf_add(&o->row, s, n);
		}
		return;
	}
	tsv_escape(&o->row, s, n);
}

void
out_fields(struct out *o, const char *s)
{
	out_field(o, s ? s : "", s ? strlen(s) : 0);
}

void
out_fieldf(struct out *o, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((size_t)n < sizeof small) {
		out_field(o, small, (size_t)n);
		return;
	}
	{
		char *big = xmalloc((size_t)n + 1);

		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
		out_field(o, big, (size_t)n);
		free(big);
	}
}

void
out_num(struct out *o, double v)
{
	char tmp[64];

	if (o->x) {
		xlsx_number(o->x, v);
		return;
	}
	num_format(v, tmp, sizeof tmp);
	out_fields(o, tmp);
}

void
out_num_or_empty(struct out *o, bool present, double v)
{
	if (present)
		out_num(o, v);
	else
		out_field(o, "", 0);
}

void
out_end(struct out *o)
{
	if (o->x) {
		xlsx_row_end(o->x);
		return;
	}
	if (o->csv)
		buf_addc(&o->row, '\r');
	buf_addc(&o->row, '\n');
	if (fwrite(o->row.p, 1, o->row.len, o->fp) != o->row.len && errno == EPIPE)
		err_broken_pipe();
	buf_reset(&o->row);
	o->nfields = 0;
}

void
out_header(struct out *o, const char *const *names)
{
	if (o->x) {
		xlsx_header(o->x, names);
		return;
	}
	if (o->csv && o->bom)
		fputs("\xef\xbb\xbf", o->fp);
	while (*names)
		out_fields(o, *names++);
	out_end(o);
}

int
out_close(struct out *o)
{
	if (o->x) {
		int st = xlsx_close(o->x);
		o->x = NULL;
		return st;
	}
	int bad = fflush(o->fp) != 0 || ferror(o->fp);

	if (bad && errno == EPIPE)
		err_broken_pipe();

	buf_free(&o->row);
	if (bad) {
		warn_at(NULL, 0, "write error: %s", strerror(errno ? errno : EIO));
		return EXIT_DATA;
	}
	return EXIT_OK;
}

/* ---- reading ---- */

static void
row_push(struct row *r, const char *s, size_t n)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->field = xrealloc(r->field, r->cap * sizeof *r->field);
		r->len = xrealloc(r->len, r->cap * sizeof *r->len);
	}
	/* An offset for now: store may move as it grows. */
	r->field[r->n] = (char *)(uintptr_t)r->store.len;
	r->len[r->n++] = n;
	buf_add(&r->store, s, n);
	buf_addc(&r->store, '\0');
}

static void
row_reset(struct row *r)
{
	r->n = 0;
	buf_reset(&r->store);
}

static void
row_finish(struct row *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		r->field[i] = r->store.p + (uintptr_t)r->field[i];
}

void
row_split_tsv(struct row *r, const char *line, size_t n)
{
	const char *p = line, *tab, *end = line + n;
	size_t i;

	row_reset(r);
	for (;; p = tab + 1) {
		tab = memchr(p, '\t', (size_t)(end - p));
		if (!tab)
			tab = end;
		row_push(r, p, (size_t)(tab - p));
		if (tab == end)
			break;
	}
	row_finish(r);
	for (i = 0; i < r->n; i++)
		r->len[i] = tsv_unescape(r->field[i], r->len[i]);
}

void
row_free(struct row *r)
{
	free(r->field);
	free(r->len);
	buf_free(&r->store);
	memset(r, 0, sizeof *r);
}

/* A field the writer neutralised ("'=..." for "=...") reads back as it
 * was, so that a CSV stage of a pipeline gives the next stage the text. */
static void
csv_on_field(void *s, size_t n, void *data)
{
	const char *f = s ? s : "";

	if (n > 1 && f[0] == '\'' && csv_neutralise(f + 1, n - 1)) {
		f++;
		n--;
	}
	row_push(&((struct table *)data)->row, f, s ? n : 0);
}

static void
csv_on_row(int c, void *data)
{
	(void)c;
	((struct table *)data)->row_done = true;
}

/* Feed one line, and the newline input.h took off it, to the parser. */
static bool
csv_feed(struct table *t, const char *line, size_t n)
{
	if (csv_parse(t->csvp, line, n, csv_on_field, csv_on_row, t) == n &&
	    csv_parse(t->csvp, "\n", 1, csv_on_field, csv_on_row, t) == 1)
		return true;
	warn_at(t->name, input_lineno(&t->in), "CSV: %s",
		csv_strerror(csv_error(t->csvp)));
	return false;
}

static int
read_csv_row(struct table *t)
{
	char *line;
	ssize_t n;

	row_reset(&t->row);
	t->row_done = false;
	t->line = 0;
	while (!t->row_done) {
		n = input_line(&t->in, &line);
		if (n < 0) {
			if (t->in.failed)
				return -1;
			csv_fini(t->csvp, csv_on_field, csv_on_row, t);
			break;
		}
		if (t->line == 0)
			t->line = input_lineno(&t->in);
		if (!csv_feed(t, line, (size_t)n))
			return -1;
	}
	if (!t->row_done)
		return 0;
	row_finish(&t->row);
	return 1;
}

static int
read_tsv_row(struct table *t)
{
	char *line;
	ssize_t n = input_line(&t->in, &line);

	if (n < 0)
		return t->in.failed ? -1 : 0;
	t->line = input_lineno(&t->in);
	row_split_tsv(&t->row, line, (size_t)n);
	return 1;
}

int
table_next(struct table *t)
{
	return t->csv ? read_csv_row(t) : read_tsv_row(t);
}

/* The header line of t: CSV or TSV, and the column names. */
static int
table_header(struct table *t, const char *line, size_t n)
{
	size_t i;

	t->csv = !memchr(line, '\t', n) && memchr(line, ',', n);
	if (t->csv) {
		t->csvp = xmalloc(sizeof(struct csv_parser));
		csv_init(t->csvp, CSV_APPEND_NULL);
		row_reset(&t->row);
		if (!csv_feed(t, line, n))
			return EXIT_DATA;
		row_finish(&t->row);
	} else {
		row_split_tsv(&t->row, line, n);
	}
	t->ncols = t->row.n;
	t->cols = xcalloc(t->ncols, sizeof *t->cols);
	for (i = 0; i < t->ncols; i++)
		t->cols[i] = xstrdup(t->row.field[i]);
	t->line = input_lineno(&t->in);
	row_reset(&t->row);
	return EXIT_OK;
}

int
table_open(struct table *t, const char *path, bool strict, bool *empty)
{
	char *line;
	ssize_t n;
	int status;

	memset(t, 0, sizeof *t);
	status = input_open(&t->in, path, strict, empty);
	t->name = t->in.name;
	if (status != EXIT_OK || *empty)
		return status;
	n = input_line(&t->in, &line);
	if (n < 0) {
		*empty = !t->in.failed;
		return t->in.failed ? EXIT_DATA : EXIT_OK;
	}
	return table_header(t, line, (size_t)n);
}

int
table_adopt(struct table *t, struct input *in, const char *line, size_t n)
{
	memset(t, 0, sizeof *t);
	t->in = *in;
	memset(in, 0, sizeof *in);
	t->name = t->in.name;
	return table_header(t, line, n);
}

int
table_col(const struct table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i], name) == 0)
			return (int)i;
	return -1;
}

const char *
table_get(const struct table *t, int i)
{
	return i >= 0 && (size_t)i < t->row.n ? t->row.field[i] : "";
}

void
table_close(struct table *t)
{
	size_t i;

	for (i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	free(t->cols);
	row_free(&t->row);
	if (t->csvp) {
		csv_free(t->csvp);
		free(t->csvp);
	}
	input_close(&t->in);
}
