/* tsv.h: tables in and out, TSV or CSV.
 *
 * TSV, the tools' native form, has a header row and one escaping rule:
 * inside a field a tab, newline, carriage return and backslash are written
 * "\t", "\n", "\r" and "\\" (as Miller 6 --tsv, jq @tsv and zsv do).  Plain
 * IANA TSV, and tsv-utils, forbid tabs and newlines in fields altogether;
 * report text holds both, so we escape rather than lose them.  A backslash
 * before any other character is read as itself.
 *
 * CSV (--csv) is RFC 4180 through libcsv: fields quoted where they need it,
 * text unescaped, so that spreadsheets show what the report said.  CSV is
 * for spreadsheets, so it is made safe and legible there: a cell that
 * would start a formula (=, +, -, @, tab, carriage return; not a plain
 * number such as -5599) gets a leading apostrophe, as OWASP recommends,
 * and the header is preceded by a UTF-8 byte order mark (bom, on by
 * default; --no-bom clears it), without which Excel and Calc read UTF-8
 * as a legacy code page.  The tools' readers drop a BOM. */
#ifndef TSV_H
#define TSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "input.h"

/* Would a spreadsheet take s[0..n) for a formula (and it is no number)? */
bool csv_formula_start(const char *s, size_t n);

/* Append s[0..n) to out, escaped for a TSV field. */
void tsv_escape(struct buf *out, const char *s, size_t n);

/* Unescape a TSV field in place; returns its new length. */
size_t tsv_unescape(char *s, size_t n);

/* ---- writing ---- */

struct xlsx;

/* Where rows go: TSV or CSV to fp, or cells of a workbook (xlsx.h). */
struct out {
	struct xlsx *x;		/* non-NULL: an xlsx workbook, fp unused */
	FILE *fp;
	bool csv;
	bool bom;		/* CSV: a byte order mark before the header */
	size_t nfields;		/* fields written in the current row */
	struct buf row;		/* the current row, written whole by out_end */
};

void out_init(struct out *o, FILE *fp, bool csv);
/* Rows to a workbook opened with xlsx_open; out_close closes it. */
void out_init_xlsx(struct out *o, struct xlsx *x);
/* A field of raw (unescaped) text; the writer escapes for its format. */
void out_field(struct out *o, const char *s, size_t n);
void out_fields(struct out *o, const char *s);	/* NUL-terminated; NULL = empty */
void out_fieldf(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void out_num(struct out *o, double v);		/* num_format */
void out_num_or_empty(struct out *o, bool present, double v);
void out_end(struct out *o);			/* end the row */
/* Write a header row from a NULL-terminated list of names. */
void out_header(struct out *o, const char *const *names);
/* Flush; on a write error (a full disk, a closed pipe) print
 * "tool: write error: ..." and return EXIT_DATA, else EXIT_OK. */
int out_close(struct out *o);

/* ---- reading ---- */

/* One row's fields, NUL-terminated, unescaped. */
struct row {
	char **field;
	size_t *len;
	size_t n, cap;
	struct buf store;	/* the bytes the fields point into */
};

/* Split a TSV line into r (copied, then unescaped).  A line always has at
 * least one field. */
void row_split_tsv(struct row *r, const char *line, size_t n);
void row_free(struct row *r);

/* A table read from TSV or CSV, chosen by its header line: a tab makes
 * it TSV, else a comma makes it CSV, else it is TSV of one column.  Lines
 * come through input.h, so bad bytes are repaired (or refused with
 * strict) the same way as in every tool. */
struct table {
	struct input in;
	const char *name;
	bool csv;
	char **cols;		/* header names */
	size_t ncols;
	struct row row;		/* the current row */
	long line;		/* input line where the current row starts */
	void *csvp;		/* struct csv_parser, CSV only */
	bool row_done;		/* internal: the CSV parser ended a row */
};

/* Open and read the header.  Returns EXIT_OK or EXIT_DATA (message
 * printed); *empty is set for an input without even a header. */
int table_open(struct table *t, const char *path, bool strict, bool *empty);
/* The same from an input already open whose first line, the header, the
 * caller has read to tell what kind of input it is (line, n: that line,
 * still valid): t takes the input over, and in is left empty (closing it
 * is harmless).  Returns EXIT_OK or EXIT_DATA (message printed). */
int table_adopt(struct table *t, struct input *in, const char *line, size_t n);
/* Index of the column named name, or -1. */
int table_col(const struct table *t, const char *name);
/* Next row: 1, or 0 at the end, or -1 on a read, encoding or CSV syntax
 * error (message printed). */
int table_next(struct table *t);
/* The field at index i of the current row, "" if the row is short. */
const char *table_get(const struct table *t, int i);
void table_close(struct table *t);

#endif
