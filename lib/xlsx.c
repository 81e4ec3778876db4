/* xlsx.c: tables as workbooks through libxlsxwriter (see xlsx.h). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "buf.h"
#include "err.h"
#include "text.h"
#include "xlsx.h"

enum {
	XLSX_ROWS_MAX = 1048576,	/* Excel's rows per sheet */
	XLSX_CELL_MAX = 32767,		/* Excel's characters per cell */
	WIDTH_MIN = 6,			/* column widths, in characters */
	WIDTH_MAX = 60,			/* longer text wraps at this width */
	CHARTS_MAX = 500,		/* charts held until close */
	CHARTS_ACROSS = 2,		/* charts side by side on the sheet */
	CHART_ROWS = 16,		/* rows a chart takes, with a gap */
	CHART_COLS = 8,			/* columns a chart takes */
	COLS_MAX = 16384		/* Excel's columns */
};

struct xlsx {
	lxw_workbook *wb;
	lxw_worksheet *ws, *charts;
	lxw_format *bold, *wrap, *alert, *alert_wrap;
	char *sheet;
	const char *path;
	char **head;			/* the header, for each further sheet */
	size_t nhead;
	int sheets;			/* sheets of the table so far */
	char cur[48];			/* the name of the sheet being written */
	lxw_row_t row, rows_max;	/* rows_max: a sheet's rows, header too */
	lxw_col_t col, ncols;
	unsigned short *width;		/* widest cell of each column, in chars */
	size_t cap_width;
	bool alert_row, header;
	size_t nchart;
	size_t cut;			/* cells cut to XLSX_CELL_MAX */
	bool too_many;			/* rows or columns past Excel's limits */
	struct buf tmp;
};

struct xlsx *
xlsx_open(const char *path, const char *sheet)
{
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	struct xlsx *x;
	FILE *probe;

	/* libxlsxwriter opens the file only at the end: find out now */
	if (!(probe = fopen(path, "wb"))) {
		warn_at(path, 0, "cannot create: %s", strerror(errno));
		return NULL;
	}
	fclose(probe);
	x = xcalloc(1, sizeof *x);
	x->wb = workbook_new_opt(path, &opt);
	if (!x->wb) {
		warn_at(path, 0, "cannot create the workbook");
		free(x);
		return NULL;
	}
	x->path = path;
	x->sheet = xstrdup(sheet);
	x->sheets = 1;
	x->rows_max = XLSX_ROWS_MAX;
	snprintf(x->cur, sizeof x->cur, "%s", sheet);
	x->ws = workbook_add_worksheet(x->wb, sheet);
	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	format_set_bottom(x->bold, LXW_BORDER_THIN);
	x->wrap = workbook_add_format(x->wb);
	format_set_text_wrap(x->wrap);
	format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
	x->alert = workbook_add_format(x->wb);
	format_set_bg_color(x->alert, 0xF8CBAD);	/* light red */
	x->alert_wrap = workbook_add_format(x->wb);
	format_set_bg_color(x->alert_wrap, 0xF8CBAD);
	format_set_text_wrap(x->alert_wrap);
	return x;
}

/* Width in characters of s (code points, one a character). */
static size_t
chars(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

static void finish_sheet(struct xlsx *x);
static void write_header(struct xlsx *x);

/* A sheet is full (Excel's rows): the table goes on in a new sheet
 * ("Figures (2)"), under the same header. */
static void
next_sheet(struct xlsx *x)
{
	finish_sheet(x);
	x->sheets++;
	snprintf(x->cur, sizeof x->cur, "%.20s (%d)", x->sheet, x->sheets);
	x->ws = workbook_add_worksheet(x->wb, x->cur);
	x->row = 0;
	write_header(x);
}

/* Room for column x->col; false past Excel's last column. */
static bool
next_cell(struct xlsx *x, size_t w)
{
	if (x->row >= x->rows_max && x->col == 0 && x->nhead)
		next_sheet(x);
	if (x->col >= COLS_MAX || x->row >= x->rows_max) {
		x->too_many = true;
		return false;
	}
	if (x->col >= x->cap_width) {
		size_t old = x->cap_width;
		x->cap_width = x->cap_width ? 2 * x->cap_width : 32;
		x->width = xrealloc(x->width, x->cap_width * sizeof *x->width);
		memset(x->width + old, 0, (x->cap_width - old) * sizeof *x->width);
	}
	if (w > x->width[x->col])
		x->width[x->col] = (unsigned short)(w < 65535 ? w : 65535);
	if (x->col + 1 > x->ncols)
		x->ncols = x->col + 1;
	return true;
}

void
xlsx_rows_per_sheet(struct xlsx *x, unsigned long n)
{
	if (n >= 2 && n <= XLSX_ROWS_MAX)
		x->rows_max = (lxw_row_t)n;
}

void
xlsx_string(struct xlsx *x, const char *s, size_t n)
{
	size_t w = chars(s, n);
	lxw_format *f;

	if (n == 0) {
		xlsx_blank(x);
		return;
	}
	if (!next_cell(x, w)) {
		x->col++;
		return;
	}
	if (w > XLSX_CELL_MAX) {	/* keep what Excel can hold, and say so */
		size_t i = 0, k = 0;
		while (i < n && k < XLSX_CELL_MAX)
			k += ((unsigned char)s[i++] & 0xC0) != 0x80;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		n = i;
		x->cut++;
	}
	buf_reset(&x->tmp);
	buf_add(&x->tmp, s, n);
	f = x->header ? x->bold : w > WIDTH_MAX ? (x->alert_row ? x->alert_wrap : x->wrap)
				     : (x->alert_row ? x->alert : NULL);
	/* a string, always: worksheet_write_string never makes a formula */
	worksheet_write_string(x->ws, x->row, x->col, x->tmp.p, f);
	x->col++;
}

void
xlsx_number(struct xlsx *x, double v)
{
	char s[64];

	if (!isfinite(v)) {
		snprintf(s, sizeof s, "%g", v);
		xlsx_string(x, s, strlen(s));
		return;
	}
	snprintf(s, sizeof s, "%.15g", v);
	if (next_cell(x, strlen(s)))
		worksheet_write_number(x->ws, x->row, x->col, v,
				       x->alert_row ? x->alert : NULL);
	x->col++;
}

void
xlsx_blank(struct xlsx *x)
{
	if (next_cell(x, 0) && x->alert_row)
		worksheet_write_blank(x->ws, x->row, x->col, x->alert);
	x->col++;
}

static void
write_header(struct xlsx *x)
{
	size_t i;

	x->header = true;
	for (i = 0; i < x->nhead; i++)
		xlsx_string(x, x->head[i], strlen(x->head[i]));
	x->header = false;
	worksheet_freeze_panes(x->ws, 1, 0);
	xlsx_row_end(x);
}

void
xlsx_header(struct xlsx *x, const char *const *names)
{
	size_t n;

	for (n = 0; names[n]; n++)
		;
	x->head = xcalloc(n ? n : 1, sizeof *x->head);
	for (x->nhead = 0; x->nhead < n; x->nhead++)
		x->head[x->nhead] = xstrdup(names[x->nhead]);
	write_header(x);
}

void
xlsx_row_end(struct xlsx *x)
{
	x->row++;
	x->col = 0;
	x->alert_row = false;
}

void
xlsx_row_alert(struct xlsx *x)
{
	x->alert_row = true;
}

void
xlsx_comment(struct xlsx *x, const char *text)
{
	if (x->col > 0 && x->row < x->rows_max)
		worksheet_write_comment(x->ws, x->row, x->col - 1, text);
}

/* "'Sheet'!$A$1:$D$1": a range of the table sheet, for a chart. */
static void
range(struct xlsx *x, char *out, size_t size, lxw_row_t row, int first, int last)
{
	char a[16], b[16];

	lxw_rowcol_to_cell_abs(a, row, (lxw_col_t)first, LXW_TRUE, LXW_TRUE);
	lxw_rowcol_to_cell_abs(b, row, (lxw_col_t)last, LXW_TRUE, LXW_TRUE);
	snprintf(out, size, "='%s'!%s:%s", x->cur, a, b);
}

void
xlsx_chart_row(struct xlsx *x, const char *title, int first, int last)
{
	char cats[128], vals[128];
	lxw_chart *chart;
	lxw_chart_series *series;
	lxw_chart_options place = {.x_scale = 1, .y_scale = 1};
	size_t k = x->nchart;

	if (k >= CHARTS_MAX || last < first || x->row >= x->rows_max)
		return;
	if (!x->charts)
		x->charts = workbook_add_worksheet(x->wb, "Charts");
	chart = workbook_add_chart(x->wb, LXW_CHART_LINE);
	range(x, cats, sizeof cats, 0, first, last);
	range(x, vals, sizeof vals, x->row, first, last);
	series = chart_add_series(chart, cats, vals);
	chart_series_set_name(series, title);
	chart_title_set_name(chart, title);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	chart_show_blanks_as(chart, LXW_CHART_BLANKS_AS_GAP);
	chart_series_set_marker_type(series, LXW_CHART_MARKER_AUTOMATIC);
	worksheet_insert_chart_opt(x->charts, (lxw_row_t)(k / CHARTS_ACROSS * CHART_ROWS),
				   (lxw_col_t)(k % CHARTS_ACROSS * CHART_COLS), chart, &place);
	x->nchart++;
}

/* Widths and the autofilter of the sheet being written. */
static void
finish_sheet(struct xlsx *x)
{
	lxw_col_t c;

	for (c = 0; c < x->ncols; c++) {
		double w = x->width[c] + 2;
		worksheet_set_column(x->ws, c, c, w < WIDTH_MIN ? WIDTH_MIN :
				     w > WIDTH_MAX ? WIDTH_MAX : w, NULL);
	}
	if (x->ncols > 0 && x->row > 0)
		worksheet_autofilter(x->ws, 0, 0, x->row - 1, x->ncols - 1);
}

int
xlsx_close(struct xlsx *x)
{
	lxw_error e;
	size_t i;
	int status = EXIT_OK;

	finish_sheet(x);
	if (x->cut)
		warn_at(x->path, 0, "%zu cells cut to Excel's %d characters",
			x->cut, XLSX_CELL_MAX);
	if (x->sheets > 1)
		warn_at(x->path, 0, "more rows than a sheet holds (%lu): the "
			"table goes on in %d sheets", (unsigned long)x->rows_max, x->sheets);
	if (x->too_many) {
		warn_at(x->path, 0, "more columns than a sheet holds (%d): "
			"the workbook is incomplete; use TSV or CSV", COLS_MAX);
		status = EXIT_DATA;
	}
	e = workbook_close(x->wb);
	if (e != LXW_NO_ERROR) {
		warn_at(x->path, 0, "cannot write the workbook: %s", lxw_strerror(e));
		status = EXIT_DATA;
	}
	for (i = 0; i < x->nhead; i++)
		free(x->head[i]);
	free(x->head);
	free(x->width);
	free(x->sheet);
	buf_free(&x->tmp);
	free(x);
	return status;
}
