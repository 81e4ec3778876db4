/* xlsx.h: a table as an Excel workbook, through libxlsxwriter.
 *
 * The third form of a tool's output beside TSV and CSV (tsv.h's struct out
 * writes through it with out_init_xlsx): numbers as numbers, every text
 * cell as a string (never a formula, whatever it begins with: no cell is
 * ever written as one), the header bold and frozen, an autofilter, column
 * widths from the content, long text wrapped.  Rows stream to disk
 * (libxlsxwriter's constant_memory mode), so memory stays flat.
 *
 * Extras for a time series (diff-quarters --wide --xlsx): a row can be
 * marked as an audit finding (filled red), a cell can carry a comment, and
 * a row can get a line chart on a second sheet, "Charts". */
#ifndef XLSX_H
#define XLSX_H

#include <stdbool.h>
#include <stddef.h>

struct xlsx;

/* Create the workbook at path with one sheet named sheet; NULL (message
 * printed) when it cannot be created. */
struct xlsx *xlsx_open(const char *path, const char *sheet);

/* Rows a sheet holds, header included (Excel's 1,048,576 unless set
 * lower); past them the table goes on in a new sheet under the same
 * header, "Name (2)", and xlsx_close says so. */
void xlsx_rows_per_sheet(struct xlsx *x, unsigned long n);

void xlsx_string(struct xlsx *x, const char *s, size_t n);
void xlsx_number(struct xlsx *x, double v);
void xlsx_blank(struct xlsx *x);
/* The first row, in bold, frozen, and the autofilter's head. */
void xlsx_header(struct xlsx *x, const char *const *names);
void xlsx_row_end(struct xlsx *x);

/* The row being written is an audit finding: its cells are filled. */
void xlsx_row_alert(struct xlsx *x);
/* A comment on the last cell written (provenance, an explanation). */
void xlsx_comment(struct xlsx *x, const char *text);
/* A line chart, on the Charts sheet, of the current row's cells in
 * columns first..last (0-based), the header's names as categories. */
void xlsx_chart_row(struct xlsx *x, const char *title, int first, int last);

/* Widths, filter, charts; the file written.  EXIT_OK, or EXIT_DATA with
 * a message (a write error, rows or cells past Excel's limits). */
int xlsx_close(struct xlsx *x);

#endif
