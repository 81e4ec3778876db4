/* internal.h: what the files of split-sections share: its limits, the
 * kinds of rows, the context a line is read in, and the functions a file
 * calls before main.c has included the file that defines them.
 * Everything is static: main.c is the one translation unit. */
#include <ctype.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "buf.h"
#include "cli.h"
#include "err.h"
#include "input.h"
#include "lex.h"
#include "lex-sections.h"
#include "period.h"
#include "span.h"
#include "text.h"
#include "tsv.h"

enum kind { K_META, K_PARA, K_BULLET, K_TABLE, K_FOOTNOTE };

/* What a block means to the structure once it is complete. */
enum role {
	R_TEXT,		/* just text */
	R_COMMITMENT,	/* the text after a "we will:" lead-in */
	R_OBJECTIVE,	/* "Our objective is ..." */
};

enum phase { PH_META, PH_CONTENTS, PH_BODY };

/* The limits that keep memory bounded whatever the input: each is what
 * a report needs, with room to spare, and what happens past it is said. */
enum {
	DEPTH_MAX = 8,		/* bullets nest this deep; deeper ones stand
				 * at this depth */
	TITLES_MAX = 64,	/* priorities 1 to 63 keep the title the
				 * contents page gives them */
	TITLE_ROWS_HELD = 64,	/* title-page rows wait this long for the
				 * period, then go out without it */
	FURNITURE_MAX = 32,	/* title-page lines remembered, to drop them
				 * as running headers when they come again */
	FURNITURE_LINE_MAX = 120, /* bytes of a running header, at most */
	TITLE_LINE_MAX = 200,	/* bytes of a title (a period's line, a
				 * priority's); a longer line is prose */
	WEWILL_COLS = 16,	/* columns of a table of commitments laid out
				 * with spaces */
	TABLE_COLS = 64,	/* cells of a table's row; past the 64th they
				 * stay in the last (spaced) or are dropped */
	GRID_HOLD = 4,		/* lines a data table's head, or one of its
				 * rows, may take */
	BLOCK_LIMIT = 1 << 20,	/* a block that grows past 1 MB is cut */
	NCONTEXT = 7,		/* doc .. area: where a row stands */
	NUM_TEXT = 24		/* a long's decimal digits, with a NUL */
};

/* A row being gathered from one or more lines. */
struct block {
	bool open;
	enum kind kind;
	enum role role;
	int depth;
	long line, last;	/* first and latest source line */
	struct buf text, map;
	struct buf area, heading;
	bool glue;		/* the last line ended in a soft hyphen */
};

/* A data table laid out with spaces (pdftotext -layout, pandoc's plain
 * and simple tables).  Its head gives the columns: the cells of a row are
 * placed under them, so that empty cells keep their place.  A row waits
 * for the next line, which may go on with its cells (a label wrapped in
 * its column).  The head is only held until a row of figures comes under
 * it; if none does, its lines are read again as the text they are. */
struct grid {
	size_t ncols;			/* 0: no table */
	struct span place[TABLE_COLS];	/* where each column lies */
	bool confirmed;			/* a row of figures came */
	bool framed;			/* a rule came */
	bool replaying;			/* held lines are being read as text */
	int blanks;			/* blank lines since the last row */
	struct buf cell[TABLE_COLS];	/* the waiting row's cells */
	int nrow;			/* its lines; 0: none waits */
	long row_line;
	struct buf held;		/* the held head's raw lines, NUL-ended */
	long held_line[GRID_HOLD];
	int nheld;
};

/* A line cut into cells (at tabs, or at runs of spaces): where each lies
 * in the text, and, in a data table laid out with spaces, the column it
 * goes in. */
struct cells {
	const char *text;		/* what the spans index */
	struct span cell[TABLE_COLS];
	size_t col[TABLE_COLS];
	size_t k;
	bool cut;		/* a cell was cut at a column's start */
};

static inline const char *
cell_at(const struct cells *r, size_t i)
{
	return r->text + r->cell[i].a;
}

static inline size_t
cell_len(const struct cells *r, size_t i)
{
	return span_len(r->cell[i]);
}

/* A title-page row held until the period is known. */
struct held {
	long line;
	char *text;
};

/* Everything a report is read with: the options, then the state of one
 * document, by the file that keeps it, then the current line. */
struct ctx {
	struct out out;
	const char *doc_opt, *period_opt;
	bool strict;

	/* one document (read.c, output.c) */
	const char *doc;
	struct buf period;
	enum phase phase;
	bool wrote;		/* a row went out: the period is settled */
	struct held held[TITLE_ROWS_HELD];	/* rows waiting for the period */
	int nheld;
	char *furniture[FURNITURE_MAX];	/* title-page lines, to drop repeats */
	int nfurniture;

	/* the contents page (contents.c) */
	char *titles[TITLES_MAX];	/* from the contents page, by number */
	int last_title;			/* the latest of them, and its line */
	long last_title_line;
	size_t pages_col;		/* where a contents table's pages start */
	size_t pages_at;		/* the same, in the current line's text */

	/* where the text stands (outline.c) */
	int priority;
	struct buf title, commitment;
	int expect;		/* blocks left in which to find a commitment */

	/* the heading and area under the commitment (areas.c) */
	struct buf heading, area;
	long who_line;		/* the line of the latest Who cell */
	struct buf areas[DEPTH_MAX + 1];	/* each bullet depth's area */
	bool label_only[DEPTH_MAX + 1];	/* ... given by a label alone */

	/* tables (commitments.c, grid.c) */
	bool wewill;		/* inside a "We will | Commentary | Who" table */
	size_t cols[WEWILL_COLS];	/* where its columns start, laid out with spaces */
	size_t ncols;		/* 0: its columns are tab-separated */
	struct block cell;	/* the commitment cell of the table row */
	struct block note;	/* the commentary cell of the table row */
	struct grid grid;	/* a data table laid out with spaces */

	/* blocks (blocks.c) */
	struct block blk;	/* the pending text block */
	bool paused;		/* blk met a blank line or a page break... */
	bool page_turned;	/* ...and a page break */
	size_t indents[DEPTH_MAX];	/* the indentation of each bullet depth */
	int ndepth;

	/* the current line (read.c, layout.c) */
	long lineno;
	const char *raw;	/* as read */
	size_t rawn;
	struct buf line;	/* a copy, when cleaning changed it */
	bool lead_mark;		/* it began with a footnote marker artefact */
	bool broke;		/* a form feed: a page break before it */
	const char *text;	/* the cleaned line: raw, or in line */
	size_t len;
	struct buf tmp, cells;	/* scratch: a line rebuilt, a line's cells */
};

/* The shape of a cleaned line: its text without the indentation and
 * Markdown marks, and what those were. */
struct shape {
	const char *s;
	size_t n;
	size_t indent;		/* spaces before the text */
	bool heading;		/* a Markdown "#" heading */
	bool tabs;		/* columns of a table */
};

/* layout.c */
static void clean_line(struct ctx *c, const char *s, size_t n);
static bool shape_line(struct ctx *c, struct shape *v);
static bool is_rule(const char *s, size_t n);

/* contents.c */
static bool contents_page(struct ctx *c, struct shape *v);

/* outline.c */
static bool structure_line(struct ctx *c, struct shape *v);
static void body_line(struct ctx *c, struct shape *v);
static bool parse_priority(const char *s, size_t n, int *num,
    struct span *title);

/* commitments.c */
static void tab_line(struct ctx *c, const char *s, size_t n);
static bool spaced_line(struct ctx *c, struct shape *v);
static bool has_gap(const char *s, size_t n);
static bool pipe_line(struct ctx *c, const char *s, size_t n);
static void end_table(struct ctx *c);

/* grid.c */
static bool grid_begins(struct ctx *c, struct cells *r);
static bool grid_line(struct ctx *c, const char *raw, size_t rawn);
static bool is_caption(const struct block *b);
static void grid_end(struct ctx *c);

/* blocks.c */
static void text_line(struct ctx *c, const char *s, size_t n);
static void pause(struct ctx *c, bool page);
static void start_para(struct ctx *c, enum kind kind, const char *s, size_t n);
static void start_bullet(struct ctx *c, const char *s, size_t n, size_t indent);
static void reset_depths(struct ctx *c);
static void flush_all(struct ctx *c);
static void flush_block(struct ctx *c);
static void line_row(struct ctx *c, const char *s, size_t n,
    const char *commitment);
static void block_start(struct block *b, enum kind kind, int depth, long line);
static void block_add(struct block *b, const char *s, size_t n, long line);

/* areas.c */
static void area_clear(struct ctx *c);
static void area_from_heading(struct ctx *c, const char *s, size_t n);
static void area_from_name_line(struct ctx *c, const struct block *b);
static void area_from_who(struct ctx *c, const char *who, size_t n);
static void area_of_bullet(struct ctx *c, struct block *b, const char *s,
    size_t n);

/* output.c */
static void emit(struct ctx *c, const struct block *b, const char *commitment);
static void release_held(struct ctx *c);
static char *digits(char num[NUM_TEXT], long v);
