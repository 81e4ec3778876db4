/* internal.h: what the files of split-sections share: its limits, the
 * kinds of rows, the outline, the context a line is read in, and the
 * functions a file calls before main.c has included the file that
 * defines them.  Everything is static: main.c is the one translation
 * unit. */
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
#include "lex-areas.h"
#include "lex-sections.h"
#include "period.h"
#include "span.h"
#include "text.h"
#include "tsv.h"

/* What a row is (docs/split-sections.md; the table kinds are the
 * contract of docs/tables.md). */
enum kind {
	K_META, K_PARA, K_BULLET, K_TABLE, K_FOOTNOTE,
	K_CAPTION, K_HEAD, K_GROUP, K_FIELD
};

/* What a block means to the structure once it is complete. */
enum role {
	R_TEXT,		/* just text */
	R_COMMITMENT,	/* the text after a "we will:" lead-in */
	R_OBJECTIVE,	/* "Our objective is ..." */
	R_HEADING,	/* a line that may head what follows: the next line
			 * decides (outline.c) */
	R_TILE,		/* a dashboard tile: a figure, its label, more */
	R_TITLE		/* a heading whose title, the contents page says,
			 * goes on on the next line */
};

enum phase { PH_META, PH_CONTENTS, PH_BODY };

/* The limits that keep memory bounded whatever the input: each is what
 * a report needs, with room to spare, and what happens past it is said. */
enum {
	LEVELS = 3,		/* priority, commitment, heading */
	STYLES_MAX = 24,	/* heading styles a report uses; a heading of
				 * a style past these stands at level 3 */
	LABEL_WORDS_MAX = 8,	/* label words ("Objective", "Pillar") whose
				 * numbering is followed */
	DEPTH_MAX = 8,		/* bullets nest this deep; deeper ones stand
				 * at this depth */
	TITLES_MAX = 64,	/* contents entries kept (their titles) */
	HOLD_ROWS = 128,	/* rows wait this long for the period, then
				 * go out without it */
	FURNITURE_MAX = 32,	/* title-page lines remembered, to know them
				 * again as running headers */
	FURNITURE_LINE_MAX = 120, /* bytes of a running header, at most */
	TITLE_LINE_MAX = 200,	/* bytes of a title (a period's line, a
				 * heading's); a longer line is prose */
	WEWILL_COLS = 16,	/* columns of a table of commitments laid out
				 * with spaces */
	TABLE_COLS = 64,	/* columns of a table laid out with spaces;
				 * past the 64th, cells stay in the last (with a
				 * warning).  Tab, pipe and one-cell-a-line
				 * tables keep any number. */
	UPPER_INDENT = 20,	/* a lone label this far in may be the upper
				 * line of a table's head ("2024/25" over
				 * "YTD") */
	GRID_HOLD = 6,		/* lines a data table's head (with a caption
				 * or group line) may take before its rows */
	COLUMN_RUN_MAX = 400,	/* lines of a two-column page held to be
				 * read column by column */
	BLOCK_LIMIT = 1 << 20,	/* a block that grows past 1 MB is cut */
	WRAP_MIN = 40,		/* characters of the widest line before text
				 * counts as wrapped by hand */
	NCONTEXT = 7,		/* doc .. area: where a row stands */
	NUM_TEXT = 24,		/* a long's decimal digits, with a NUL */
	WORD_MAX = 24,		/* bytes of a label word kept */
	NAME_LABEL_BYTES = 80,	/* bytes of a name that may be an area */
	PLACES_SEEN = 509	/* answers of is_place kept (a prime) */
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
	size_t last_len;	/* characters of the latest line */
	bool last_ends;		/* ... and whether it ended a sentence */
};

/* ---- the outline (outline.c, headings.c) ----
 *
 * A report stands in sections of three levels: level 1 (the `priority`
 * and `priority_title` columns), level 2 (`commitment`), level 3
 * (`heading`).  A heading's style is the way it is written; the level of
 * a style is decided from the document, the first time it is met:
 * numbering depth ("4." over "4.2"), Markdown depth, and otherwise the
 * order styles appear in (a new style stands under the deepest section
 * open), as reStructuredText decides its title levels. */
enum form {
	F_NONE,
	F_LABELLED,	/* "Priority 3 – Title", "Objective 2: Title" */
	F_DECIMAL,	/* "4. Title", "4.2 Title": key = depth */
	F_LETTER,	/* "A. Title", "(b) Title": key = 1 upper, 0 lower */
	F_ROMAN,	/* "ii. Title": key as letters */
	F_MARKDOWN,	/* "## Title": key = depth */
	F_CAPS,		/* A LINE IN CAPITALS */
	F_PLAIN,	/* a short line standing alone over content */
	F_TITLE,	/* the page's own title, after a breadcrumb */
	F_CONTENT,	/* a commitment, Key Points, an objective: level 2 */
	F_GROUP		/* a table's group row */
};

struct style {
	enum form form;
	int key;
	char word[WORD_MAX];	/* F_LABELLED: the word, lower case */
	int md;			/* the Markdown depth it was first met at */
	int level;
};

/* A heading as written: its form, its number or letter, its title. */
struct hform {
	enum form form;
	int key;
	char word[WORD_MAX];
	struct span label;	/* "4.2", "B", "ii", "3" (of the line) */
	struct span title;
	long num;		/* the number's value, for its sequence */
	bool caps;		/* in capitals: may go on on the next line */
	bool num_word;		/* the number is in words: num is the label */
	bool listed;		/* F_LABELLED: its (last) word is a label word
				 * of data/lexicon/sections.tsv */
	int md;			/* a Markdown heading's depth, or 0 */
};

/* A label word's numbering so far ("Objective" 1, 2...). */
struct numbering {
	char word[WORD_MAX];
	long last;
};

/* A data table laid out with spaces (pdftotext -layout, pandoc's plain
 * and simple tables), grid.c. */
struct grid {
	size_t ncols;			/* 0: no table */
	struct span place[TABLE_COLS];	/* where each column lies */
	bool confirmed;			/* a row of figures came */
	bool framed;			/* a rule came */
	bool replaying;			/* held lines are being read as text */
	bool warned;			/* past TABLE_COLS, said once */
	bool blank_first;		/* an empty column before the head's */
	bool loose;			/* a held head line did not fit its
					 * columns: the head is laid out
					 * again on the figures' (wrap.c) */
	bool wraps;			/* a row's cells wrapped onto more
					 * lines (wrap.c) */
	int blanks;			/* blank lines since the last row */
	struct buf cell[TABLE_COLS];	/* the waiting row's cells */
	int nrow;			/* its lines; 0: none waits */
	long row_line;
	struct buf held;		/* held raw lines, NUL-ended */
	struct buf band;		/* ... a head's, cleaned (wrap.c) */
	long held_line[GRID_HOLD];
	int nheld;
	bool group;			/* a group's label waits for its rows */
	struct buf group_text;
	long group_line;
	int group_level;		/* the level a group row set, or 0 */
};

/* A line cut into cells (at tabs, or at runs of spaces): where each lies
 * in the text, where on the line (in characters: a table's columns line
 * up by characters, and "£" or "’" take more than one byte), and, in a
 * data table laid out with spaces, the column it goes in. */
struct cells {
	const char *text;		/* what the spans index */
	struct span cell[TABLE_COLS];	/* bytes of text */
	struct span pos[TABLE_COLS];	/* characters of the line */
	size_t col[TABLE_COLS];
	size_t k;
	bool cut;		/* a cell was cut at a column's start */
	bool more;		/* more cells than TABLE_COLS */
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

/* A table flattened one cell a line ("Calls received |"), fields.c. */
struct flat {
	bool open;
	size_t ncols;		/* 0: the head is not known yet */
	size_t k;		/* cells waiting */
	struct buf cells;	/* ... each NUL-ended */
	struct buf lines;	/* ... their lines, as longs */
};

/* A dashboard tile (fields.c): a figure, its label, then more lines. */
struct tile {
	struct buf figure, label, more;
	long fig_line, label_line, more_line;
};

/* A row held until the period is known. */
struct held {
	enum kind kind;
	int depth;
	long line;
	char *context[NCONTEXT];	/* doc .. area, period left out */
	char *text, *map;
	size_t textn;
};

/* Lines of a two-column page, held to be read column by column
 * (columns.c). */
struct columns {
	struct buf lines;	/* raw lines, NUL-ended */
	long line[COLUMN_RUN_MAX];
	int n;
	int split;		/* the column the right one starts at; 0: none */
	int agree;		/* two-column lines in a row */
	bool active;		/* reading by columns */
	bool replaying;
};

/* Names the user gave with --areas: a sorted table of folded names. */
struct names {
	char **v;
	size_t n;
};

/* A label and whether it names a place: reports name the same few again
 * and again, and the answers are kept (areas.c). */
struct place_seen {
	char s[NAME_LABEL_BYTES];
	size_t n;
	bool yes;
};

/* A contents entry: a section's label and title. */
struct entry {
	char *label, *title;
};

/* Everything a report is read with: the options, then the state of one
 * document, by the file that keeps it, then the current line. */
struct ctx {
	struct out out;
	const char *doc_opt, *period_opt;
	bool strict;
	struct names user_areas;
	struct lex *gazetteer;	/* data/lexicon/areas.tsv, opened by main */
	struct place_seen *seen;	/* PLACES_SEEN answers of is_place */

	/* one document (read.c, output.c) */
	const char *doc, *path;
	struct buf period;
	enum phase phase;
	bool wrote;		/* a row went out: the period is settled */
	bool year_only;		/* the title page's period is a year so far: a
				 * quarter of it on the title page is better */
	int year_fy;		/* ... that year */
	struct held held[HOLD_ROWS];	/* rows waiting for the period */
	int nheld;
	char *furniture[FURNITURE_MAX];	/* title-page lines, to drop repeats */
	size_t furniture_len[FURNITURE_MAX];
	int nfurniture;
	bool front;		/* inside YAML front matter */
	bool crumb;		/* a breadcrumb: the next heading is the
				 * page's title */
	bool md_title;		/* a Markdown heading was met on the title page */
	bool markdown;		/* the report is Markdown (a .md file, or a "#"
				 * heading met): a lone "*" marks emphasis */
	int paras;		/* body paragraphs met, up to a few */
	size_t wrap;		/* the widest text line so far, in characters */
	struct buf pending_num;	/* a bare number after a blank line */
	long pending_num_line;

	/* the contents page (contents.c) */
	struct entry titles[TITLES_MAX];
	int ntitles;
	int last_title;			/* the latest entry, and its line */
	long last_title_line;
	size_t pages_col;		/* where a contents table's pages start */
	size_t pages_at;		/* the same, in the current line's text */

	/* the outline (outline.c, headings.c) */
	struct buf label, title;	/* level 1 */
	struct buf title_rest;		/* a heading's title going on on the
					 * next line (its contents entry's) */
	struct buf commitment;		/* level 2 */
	struct buf heading, area;	/* level 3, and the area */
	int lvstyle[LEVELS + 1];	/* the style that set each level, or -1 */
	struct style styles[STYLES_MAX];
	int nstyles;
	bool strong_top;	/* a numbered or labelled style holds level 1 */
	struct numbering numbering[LABEL_WORDS_MAX];
	int nnumbering;
	struct hform cand;	/* the form of the pending heading (R_HEADING) */
	struct buf cand_label, cand_title;
	bool cand_listed;	/* ... is one of a list of short lines */
	bool cand_alone;	/* ... has a sentence's words: a heading only if
				 * it stands alone (a blank line under it) */
	bool cand_other;	/* ... is labelled in a word of no sequence: a
				 * heading in another language, over its
				 * translation ("Blaenoriaeth 2:" over
				 * "Priority 2:") */
	size_t cand_indent;	/* ... and its indentation */
	long demoted_line;	/* the last line of the latest that headed
				 * nothing, and its form */
	struct hform demoted;
	struct block after;	/* a dateline behind the pending heading */
	int expect;		/* blocks left in which to find a commitment */

	/* areas under the sections (areas.c) */
	long who_line;		/* the line of the latest Who cell */
	struct buf areas[DEPTH_MAX + 1];	/* each bullet depth's area */
	struct buf labels[DEPTH_MAX + 1];	/* ... and label */
	bool label_only[DEPTH_MAX + 1];	/* ... given by a label alone */

	/* tables (commitments.c, grid.c, fields.c) */
	bool wewill;		/* inside a "We will | Commentary | Who" table */
	size_t cols[WEWILL_COLS];	/* where its columns start, laid out with spaces */
	bool cols_exact;	/* ... as a rule under its head shows them (pandoc's
				 * tables): a cell filling its column meets the
				 * next with one space */
	size_t ncols;		/* 0: its columns are tab-separated */
	struct block cell;	/* the commitment cell of the table row */
	struct block note;	/* the commentary cell of the table row */
	struct grid grid;	/* a data table laid out with spaces */
	bool in_table;		/* tab or pipe rows are running */
	bool table_data;	/* ... and a data row came */
	bool table_gap;		/* ... and a blank line since the last */
	struct flat flat;	/* a table one cell a line */
	struct tile tile;	/* a dashboard tile */
	struct columns columns;	/* a two-column page */

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
	int heading;		/* a Markdown "#" heading: its depth; 0: none */
	bool tabs;		/* columns of a table */
};

/* layout.c */
static void clean_line(struct ctx *c, const char *s, size_t n);
static bool shape_line(struct ctx *c, struct shape *v);
static bool is_rule(const char *s, size_t n);
static size_t bullet_sign(const char *s, size_t n);
static bool is_footnote(struct ctx *c, const char *s, size_t n);

/* headings.c */
static size_t enumerator(const char *s, size_t n, struct hform *h);
static bool heading_form(struct ctx *c, const struct shape *v,
    struct hform *h);
static bool labelled(struct ctx *c, const char *s, size_t n,
    struct hform *h, bool any_word);
static bool is_dateline(const char *s, size_t n);
static bool caption_form(const char *s, size_t n);
static bool title_like(const char *s, size_t n);
static bool title_words(const char *s, size_t n, bool sentence);
static bool is_field(const char *s, size_t n, size_t *colon);
static bool is_figure_line(const char *s, size_t n);

/* contents.c */
static bool contents_page(struct ctx *c, struct shape *v);
static const char *entry_title(struct ctx *c, const char *label, size_t n);
static bool contents_lists(const struct ctx *c, const char *title, size_t n);

/* outline.c */
static bool structure_line(struct ctx *c, struct shape *v);
static void body_line(struct ctx *c, struct shape *v);
static bool parse_priority(const char *s, size_t n, struct span *label,
    struct span *title);
static bool pending_heading(const struct ctx *c);
static void start_heading(struct ctx *c, const struct hform *h,
    const struct shape *v);
static bool other_language(struct ctx *c, const struct shape *v);
static bool resolve_heading(struct ctx *c, const struct shape *v);
static void heading_row(struct ctx *c, const struct hform *h, const char *s,
    size_t n, enum kind kind);
static void set_level(struct ctx *c, int level, int style, const char *label,
    size_t ln, const char *title, size_t tn);
static void clear_level(struct ctx *c, int level);
static int deepest(const struct ctx *c);
static bool ends_open(const char *s, size_t n);

/* commitments.c */
static void tab_line(struct ctx *c, const char *s, size_t n);
static bool spaced_line(struct ctx *c, struct shape *v);
static bool has_gap(const char *s, size_t n);
static void wewill_rule(struct ctx *c, const struct shape *v);
static bool pipe_line(struct ctx *c, const char *s, size_t n);
static void end_table(struct ctx *c);
static void end_tab_table(struct ctx *c);
static void table_group(struct ctx *c, const char *s, size_t n);
static bool is_value_cell(const char *s, size_t n);
static bool is_number_cell(const char *s, size_t n);
static void gap_cells(const char *s, size_t n, struct cells *r);
static bool cells_cut(struct cells *r, size_t i, size_t at);

/* grid.c */
static bool grid_begins(struct ctx *c, struct cells *r);
static bool grid_line(struct ctx *c, const char *raw, size_t rawn);
static bool is_caption(const struct block *b);
static void grid_end(struct ctx *c);

/* fields.c */
static bool flat_line(struct ctx *c, const char *s, size_t n);
static void flat_end(struct ctx *c);
static bool field_line(struct ctx *c, const struct shape *v);
static bool tile_line(struct ctx *c, const struct shape *v);
static bool tile_goes_on(struct ctx *c, const char *s, size_t n);
static void tile_end(struct ctx *c);

/* columns.c */
static void columns_line(struct ctx *c, const char *raw, size_t rawn);
static void columns_end(struct ctx *c);

/* blocks.c */
static void text_line(struct ctx *c, const char *s, size_t n);
static void pause(struct ctx *c, bool page);
static void start_para(struct ctx *c, enum kind kind, const char *s, size_t n);
static void start_bullet(struct ctx *c, const char *s, size_t n, size_t indent);
static void reset_depths(struct ctx *c);
static int bullet_depth(struct ctx *c, size_t indent);
static void flush_all(struct ctx *c);
static void flush_block(struct ctx *c);
static void line_row(struct ctx *c, enum kind kind, const char *s, size_t n,
    const char *commitment);
static void block_start(struct block *b, enum kind kind, int depth, long line);
static void block_add(struct block *b, const char *s, size_t n, long line);
static void block_move(struct block *to, struct block *from);

/* areas.c */
static void area_clear(struct ctx *c);
static void area_from_heading(struct ctx *c, const char *s, size_t n);
static void area_from_who(struct ctx *c, const char *who, size_t n);
static void area_of_bullet(struct ctx *c, struct block *b, const char *s,
    size_t n);
static void area_of_label(struct ctx *c, struct block *b, const char *s,
    size_t n);
static void area_of_para(struct ctx *c, struct block *b, const char *s,
    size_t n);
static bool is_place(const struct ctx *c, const char *s, size_t n);
static int names_load(struct names *t, const char *path);
static void names_free(struct names *t);

/* output.c */
static void emit(struct ctx *c, const struct block *b, const char *commitment);
static void release_held(struct ctx *c);
static char *digits(char num[NUM_TEXT], long v);

/* read.c */
static void process(struct ctx *c, const char *raw, size_t rawn);
static void process_line(struct ctx *c, const char *raw, size_t rawn);
static void replay(struct ctx *c, const char *p, const long *line, int n,
    void (*fn)(struct ctx *, const char *, size_t));
static void body_period(struct ctx *c, const char *s, size_t n, bool heading);
static bool is_page_number(const char *s, size_t n, bool *bare);
static bool body_begins(const struct shape *v);
static void remember_furniture(struct ctx *c, const char *s, size_t n);
