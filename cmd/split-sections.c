/* split-sections: a quarterly "Police and Crime Plan" update, converted
 * to text (pdftotext -layout, or pandoc to Markdown), in; one TSV row per
 * block of the report out, each row saying which priority and which
 * commitment it stands under.
 *
 * The report is read line by line and never held whole.  A line is first
 * cleaned (form feeds, ligatures, Markdown and HTML markup, TeX-like
 * artefacts), then classified: page furniture, the contents page, a
 * priority heading, a "we will:" lead-in, "Key Points", an objective, a
 * "We will | Commentary | Who" table (tab-separated, or laid out with
 * spaces), a data-table row, a footnote, a heading, a bullet, or plain
 * text.  A data table laid out with spaces is read on its own terms
 * (struct grid): its head is held until a row of figures lines up under
 * it, or read again as text if none does.  Text lines gather into the pending block; a blank line or a page
 * break pauses it (the next line may go on with it across the page) and
 * anything else ends it, and it becomes a row.  The table's first cell
 * is gathered apart, since its commentary and Who run beside it. */
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
#include "text.h"
#include "tsv.h"

static const char usage[] =
"usage: split-sections [OPTIONS] [FILE...]\n"
"\n"
"Split a quarterly Police and Crime Plan update (pdftotext -layout text or\n"
"pandoc Markdown) into one TSV row per block:\n"
"  doc period priority priority_title commitment heading area kind depth\n"
"  line text line_map\n"
"kind is meta, para, bullet, table or footnote.  line_map gives, for text\n"
"joined from several lines, OFFSET:LINE for each later line (OFFSET is the\n"
"byte offset in text where that line's words begin).\n"
"Reads the FILEs in turn, or standard input (\"-\" or none).\n"
"\n"
"  --doc NAME    the doc column (default: the file's base name, or stdin)\n"
"  --period P    the period column (default: read from the title page,\n"
"                as YYYY/YY Qn)\n"
"  --strict      invalid UTF-8 or NUL bytes are an error, not repaired\n"
"  --csv         write CSV instead of TSV\n"
"  --help        this text\n"
"  --version     the version\n"
"\n"
"Exit status: 0 ok, 1 bad data (after all input is read), 2 bad usage.\n";

static const char *const columns[] = {
	"doc", "period", "priority", "priority_title", "commitment",
	"heading", "area", "kind", "depth", "line", "text", "line_map", NULL
};

enum kind { K_META, K_PARA, K_BULLET, K_TABLE, K_FOOTNOTE };
static const char *const kind_name[] = {
	"meta", "para", "bullet", "table", "footnote"
};

/* What a block means to the structure once it is complete. */
enum role {
	R_TEXT,		/* just text */
	R_COMMITMENT,	/* the text after a "we will:" lead-in */
	R_OBJECTIVE,	/* "Our objective is ..." */
};

enum phase { PH_META, PH_CONTENTS, PH_BODY };

#define MAXDEPTH 8
#define MAXTITLES 64
#define MAXMETA 64
#define MAXFURNITURE 32
#define MAXCOLS 16		/* columns of a table laid out with spaces */
#define GRIDCOLS 64		/* columns of a data table laid out with spaces */
#define GRIDHOLD 4		/* lines a data table's head or row may take */
#define NCONTEXT 7		/* doc .. area: where a row stands */
#define BLOCK_LIMIT (1 << 20)	/* split a block that grows past 1 MB */

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
	size_t start[GRIDCOLS], end[GRIDCOLS];	/* where each column lies */
	bool confirmed;			/* a row of figures came */
	bool framed;			/* a rule came */
	bool replaying;			/* held lines are being read as text */
	int blanks;			/* blank lines since the last row */
	struct buf cell[GRIDCOLS];	/* the waiting row's cells */
	int nrow;			/* its lines; 0: none waits */
	long row_line;
	struct buf held;		/* the held head's raw lines, NUL-ended */
	long held_line[GRIDHOLD];
	int nheld;
};

/* A line cut into cells at runs of spaces: each cell, where it starts,
 * and the column of the table it goes in. */
struct cells {
	const char *s[GRIDCOLS];
	size_t len[GRIDCOLS], at[GRIDCOLS], col[GRIDCOLS];
	size_t k;
	bool cut;		/* a cell was cut at a column's start */
};

/* A title-page row held until the period is known. */
struct held {
	long line;
	char *text;
};

struct ctx {
	struct out out;
	const char *doc_opt, *period_opt;
	bool strict;

	/* one document */
	const char *doc;
	struct buf period;
	enum phase phase;
	int priority;
	struct buf title, commitment, heading, area;
	char *titles[MAXTITLES];	/* from the contents page, by number */
	int last_title;			/* the latest of them, and its line */
	long last_title_line;
	size_t pages_col;		/* where a contents table's pages start */
	size_t pages_at;		/* the same, in the current line's text */
	char *furniture[MAXFURNITURE];	/* title-page lines, to drop repeats */
	int nfurniture;
	struct held held[MAXMETA];
	int nheld;
	int expect;		/* blocks left in which to find a commitment */
	bool wewill;		/* inside a "We will | Commentary | Who" table */
	size_t cols[MAXCOLS];	/* where its columns start, laid out with spaces */
	size_t ncols;		/* 0: its columns are tab-separated */
	struct grid grid;	/* a data table laid out with spaces */
	struct block blk;	/* the pending text block */
	bool paused;		/* blk met a blank line or a page break... */
	bool page_turned;	/* ...and a page break */
	struct block cell;	/* the commitment cell of the table row */
	struct block note;	/* the commentary cell of the table row */
	long who_line;
	size_t indents[MAXDEPTH];
	int ndepth;
	struct buf areas[MAXDEPTH + 1];
	bool label_only[MAXDEPTH + 1];

	/* the current line */
	long lineno;
	const char *raw;	/* as read */
	size_t rawn;
	struct buf line;	/* a copy, when cleaning changed it */
	bool lead_mark;		/* it began with a footnote marker artefact */
	bool broke;		/* a form feed: a page break before it */
	const char *text;	/* the cleaned line: raw, or in line */
	size_t len;
	struct buf tmp, cells;

	/* the context columns of the last row, as given and escaped */
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

/* Ligatures that PDF text keeps: U+FB00..U+FB06. */
static const char *const ligature[] = {
	"ff", "fi", "fl", "ffi", "ffl", "ft", "st"
};

static const char *const determiners[] = {
	"the", "a", "an", "this", "these", "that", "those", "our", "its",
	"their", "his", "her", "there", "it", "we", "they", "in", "as", NULL
};

static int split_file(struct ctx *c, const char *path);
static const char *base_name(const char *path);
static void reset_doc(struct ctx *c);
static void free_ctx(struct ctx *c);
static void free_block(struct block *b);
static void process(struct ctx *c, const char *raw, size_t rawn);
static void process_line(struct ctx *c, const char *raw, size_t rawn);
static void clean_line(struct ctx *c, const char *s, size_t n);
static size_t clean_mark(struct ctx *c, const char *s, size_t n);
static size_t artefact_len(const char *s, size_t n);
static size_t tag_len(const char *s, size_t n);
static size_t span_len(const char *s, size_t n);
static bool shape_line(struct ctx *c, struct shape *v);
static bool furniture_line(struct ctx *c, struct shape *v);
static bool structure_line(struct ctx *c, struct shape *v);
static void meta_line(struct ctx *c, const char *s, size_t n);
static void body_line(struct ctx *c, struct shape *v);
static bool is_footnote(struct ctx *c, const char *s, size_t n);
static void heading_line(struct ctx *c, const char *s, size_t n);
static void text_line(struct ctx *c, const char *s, size_t n);
static void pause(struct ctx *c, bool page);
static size_t verb_sentence(const char *s, size_t n);
static void new_priority(struct ctx *c, int num, const char *t, size_t tlen,
    const char *line, size_t n);
static bool parse_priority(const char *s, size_t n, int *num,
    const char **title, size_t *tlen);
static size_t priority_number(const char *s, size_t n, int *num);
static void set_title(struct ctx *c, int num);
static void adopt_first_priority(struct ctx *c);
static bool contents_line(struct ctx *c, const char *s, size_t n);
static bool column_head(const char *s, size_t n, const char *word);
static void contents_rule(struct ctx *c, const struct shape *v);
static bool cut_at_pages(struct ctx *c, const char *s, const char **title,
    size_t *tlen);
static bool title_goes_on(struct ctx *c, const char *s, size_t n);
static bool cut_pages(const char **title, size_t *tlen);
static bool is_page_number(const char *s, size_t n);
static bool is_furniture(struct ctx *c, const char *s, size_t n);
static void remember_furniture(struct ctx *c, const char *s, size_t n);
static bool lead_in(struct ctx *c, const char *s, size_t n);
static bool find_lead_in(const char *s, size_t n, size_t *at);
static bool is_key_points(const char *s, size_t n);
static void key_points(struct ctx *c, const char *s, size_t n);
static void objective(struct ctx *c, const char *s, size_t n);
static bool is_rule(const char *s, size_t n);
static void tab_line(struct ctx *c, const char *s, size_t n);
static bool pipe_line(struct ctx *c, const char *s, size_t n);
static bool spaced_line(struct ctx *c, struct shape *v);
static bool has_gap(const char *s, size_t n);
static size_t gap_cells(const char *s, size_t n, const char **cell, size_t *len,
    size_t *at, size_t max);
static bool cut_columns(struct ctx *c, const char *s, size_t n);
static size_t column_start(const char *s, size_t n, size_t col, size_t from);
static size_t split_cells(struct ctx *c, const char *s, size_t n,
    const char **cell, size_t *len, size_t max);
static bool is_table_head(const char **cell, const size_t *len, size_t k);
static void start_table(struct ctx *c, const char *s, size_t n);
static void wewill_row(struct ctx *c, const char **cell, const size_t *len,
    size_t k);
static void close_cell(struct ctx *c);
static void flush_note(struct ctx *c);
static void end_table(struct ctx *c);
static bool numeric_row(const char **cell, const size_t *len, size_t k);
static bool is_number_cell(const char *s, size_t n);
static void table_row(struct ctx *c, const char **cell, const size_t *len,
    size_t k, long line);
static bool grid_begins(struct ctx *c, struct cells *r);
static bool head_like(const char **cell, const size_t *len, size_t k);
static size_t words(const char *s, size_t n);
static void grid_start(struct grid *g, struct cells *r, bool head);
static bool grid_line(struct ctx *c, const char *raw, size_t rawn);
static bool grid_rule(struct ctx *c, const char *raw, size_t rawn);
static bool grid_goes_on(struct ctx *c, const struct cells *r,
    const char *raw, size_t rawn);
static bool grid_place(const struct grid *g, struct cells *r);
static void grid_widen(struct grid *g, const struct cells *r);
static struct cells *grid_split(const struct grid *g, const char *line,
    struct cells *r);
static bool ends_grid(const char *line, size_t n, size_t at);
static bool grid_within(const struct grid *g, const struct cells *r);
static void grid_add(struct ctx *c, const struct cells *r);
static void grid_hold(struct ctx *c, const char *raw, size_t rawn);
static void grid_confirm(struct ctx *c);
static bool is_caption(const struct block *b);
static void grid_row_out(struct ctx *c);
static void grid_end(struct ctx *c);
static void start_para(struct ctx *c, enum kind kind, const char *s, size_t n);
static void start_bullet(struct ctx *c, const char *s, size_t n, size_t indent);
static size_t bullet_sign(const char *s, size_t n);
static int bullet_depth(struct ctx *c, size_t indent);
static void reset_depths(struct ctx *c);
static size_t leading_label(const char *s, size_t n);
static bool is_name(const char *s, size_t n, int maxwords);
static bool is_title_word(const char *w, size_t n);
static bool commitment_like(const char *s, size_t n);
static bool opens_with_verb(const char *s, size_t n);
static bool ends_open(const char *s, size_t n);
static void flush_all(struct ctx *c);
static void begin_part(struct ctx *c);
static void flush_block(struct ctx *c);
static void block_start(struct block *b, enum kind kind, int depth, long line);
static void block_add(struct block *b, const char *s, size_t n, long line);
static void emit(struct ctx *c, const struct block *b, const char *commitment);
static void release_held(struct ctx *c);
static void write_row(struct ctx *c, enum kind kind, int depth, long line,
    const char *text, size_t n, const struct buf *map, const char *commitment,
    const char *heading, const char *area);
static void out_long(struct out *o, long v);
static char *digits(char num[24], long v);
static bool parse_period(const char *s, size_t n, struct buf *out);
static void buf_copy(struct buf *dst, const struct buf *src);
static void trim(const char **s, size_t *n);
static bool is_blank(int ch);
static int32_t first_cp(const char *s, size_t n);
static bool starts_upper(const char *s, size_t n);
static bool starts_lower(const char *s, size_t n);
static bool ends_sentence(const char *s, size_t n);
static bool prefix_ci(const char *s, size_t n, const char *p);
static size_t word_len(const char *s, size_t n);
static bool word_in(const char *w, size_t n, const char *const *list);
static bool find_ci(const char *s, size_t n, const char *p, size_t *at);

/* ---- the command ---- */

int
main(int argc, char *argv[])
{
	enum { OPT_DOC = OPT_TOOL_BASE, OPT_PERIOD, OPT_STRICT, OPT_CSV };
	static const struct option longopts[] = {
		{"doc", required_argument, NULL, OPT_DOC},
		{"period", required_argument, NULL, OPT_PERIOD},
		{"strict", no_argument, NULL, OPT_STRICT},
		{"csv", no_argument, NULL, OPT_CSV},
		CLI_STD_OPTIONS,
		{NULL, 0, NULL, 0}
	};
	struct ctx c;
	bool csv = false;
	int ch, i, status = EXIT_OK;

	err_init(argv[0]);
	opterr = 0;	/* die_usage says it, with the pointer to --help */
	memset(&c, 0, sizeof c);
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_DOC:
			c.doc_opt = optarg;
			break;
		case OPT_PERIOD:
			c.period_opt = optarg;
			break;
		case OPT_STRICT:
			c.strict = true;
			break;
		case OPT_CSV:
			csv = true;
			break;
		case OPT_HELP:
			cli_help(usage);
		case OPT_VERSION:
			cli_version();
		default:
			die_usage("unknown option or missing argument: %s",
				  argv[optind - 1]);
		}
	}
	out_init(&c.out, stdout, csv);
	out_header(&c.out, columns);
	if (optind == argc) {
		status = split_file(&c, "-");
	} else {
		for (i = optind; i < argc; i++)
			if (split_file(&c, argv[i]) != EXIT_OK)
				status = EXIT_DATA;
	}
	free_ctx(&c);
	if (out_close(&c.out) != EXIT_OK)
		status = EXIT_DATA;
	return status;
}

static int
split_file(struct ctx *c, const char *path)
{
	struct input in;
	bool empty;
	char *line;
	ssize_t n;
	int status;

	status = input_open(&in, path, c->strict, &empty);
	if (status != EXIT_OK || empty) {
		input_close(&in);
		return status;
	}
	reset_doc(c);
	c->doc = c->doc_opt ? c->doc_opt :
		(path && strcmp(path, "-") != 0 ? base_name(path) : "stdin");
	while ((n = input_line(&in, &line)) >= 0) {
		c->lineno = input_lineno(&in);
		process(c, line, (size_t)n);
	}
	grid_end(c);
	flush_all(c);
	release_held(c);
	status = in.failed ? EXIT_DATA : EXIT_OK;
	input_close(&in);
	return status;
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

static void
reset_doc(struct ctx *c)
{
	int i;

	for (i = 0; i < MAXTITLES; i++) {
		free(c->titles[i]);
		c->titles[i] = NULL;
	}
	for (i = 0; i < c->nfurniture; i++)
		free(c->furniture[i]);
	c->nfurniture = 0;
	buf_reset(&c->period);
	if (c->period_opt)
		buf_adds(&c->period, c->period_opt);
	c->phase = PH_META;
	c->priority = 0;
	buf_reset(&c->title);
	buf_reset(&c->commitment);
	buf_reset(&c->heading);
	buf_reset(&c->area);
	c->expect = 0;
	c->wewill = false;
	c->blk.open = c->cell.open = c->note.open = false;
	c->cell.line = 0;
	c->who_line = 0;
	c->ndepth = 0;
	c->grid.ncols = 0;
	c->grid.nrow = c->grid.nheld = 0;
	c->last_title = 0;
	c->last_title_line = 0;
	c->pages_col = 0;
}

static void
free_ctx(struct ctx *c)
{
	int i;

	reset_doc(c);
	buf_free(&c->period);
	buf_free(&c->title);
	buf_free(&c->commitment);
	buf_free(&c->heading);
	buf_free(&c->area);
	free_block(&c->blk);
	free_block(&c->cell);
	free_block(&c->note);
	for (i = 0; i <= MAXDEPTH; i++)
		buf_free(&c->areas[i]);
	buf_free(&c->line);
	buf_free(&c->tmp);
	buf_free(&c->cells);
	for (i = 0; i < GRIDCOLS; i++)
		buf_free(&c->grid.cell[i]);
	buf_free(&c->grid.held);
}

static void
free_block(struct block *b)
{
	buf_free(&b->text);
	buf_free(&b->map);
	buf_free(&b->area);
	buf_free(&b->heading);
}

/* ---- one line ---- */

/* A line under a data table laid out with spaces goes to the table if it
 * is one of its rows; any other line is read on its own. */
static void
process(struct ctx *c, const char *raw, size_t rawn)
{
	if (c->grid.ncols > 0 && grid_line(c, raw, rawn))
		return;
	process_line(c, raw, rawn);
}

static void
process_line(struct ctx *c, const char *raw, size_t rawn)
{
	struct shape v;

	c->raw = raw;
	c->rawn = rawn;
	clean_line(c, raw, rawn);
	if (c->broke)
		pause(c, true);
	if (!shape_line(c, &v)) {
		pause(c, false);
		return;
	}
	/* the held title-page rows go out once the period is known */
	if (c->phase == PH_META && v.n < 200 && c->period.len == 0)
		parse_period(v.s, v.n, &c->period);
	if (furniture_line(c, &v) || structure_line(c, &v))
		return;
	if (c->phase == PH_META)
		meta_line(c, v.s, v.n);
	else
		body_line(c, &v);
}

/* Bytes that may begin markup, an artefact or a ligature. */
#define MARKUP_BYTES "\f*_\\$<[\xef"

/* Most lines hold nothing to clean and are used as they came; the others
 * are copied with their markup taken out. */
static void
clean_line(struct ctx *c, const char *s, size_t n)
{
	struct buf *o = &c->line;
	size_t i = strcspn(s, MARKUP_BYTES), k;

	c->lead_mark = false;
	c->broke = false;
	c->text = s;
	c->len = n;
	if (i >= n)
		return;
	buf_reset(o);
	buf_add(o, s, i);
	while (i < n) {
		i += clean_mark(c, s + i, n - i);
		k = strcspn(s + i, MARKUP_BYTES);
		if (k > n - i)
			k = n - i;
		buf_add(o, s + i, k);
		i += k;
	}
	c->text = o->p;
	c->len = o->len;
}

/* Clean what begins at s: returns the bytes it took. */
static size_t
clean_mark(struct ctx *c, const char *s, size_t n)
{
	struct buf *o = &c->line;
	bool at_start = o->len == strspn(o->p, " \t");
	size_t k;

	switch ((unsigned char)s[0]) {
	case '\f':
		c->broke = true;
		return 1;
	case '*':
	case '_':
		/* Markdown emphasis: "**bold**", "__bold__" */
		if (n > 1 && s[1] == s[0])
			return 2;
		break;
	case '\\':
		/* pandoc escapes punctuation: \' \[ \* ... */
		if (n > 1 && ispunct((unsigned char)s[1])) {
			buf_addc(o, s[1]);
			return 2;
		}
		break;
	case '$':
		if ((k = artefact_len(s, n)) > 0) {
			c->lead_mark |= at_start;
			return k;
		}
		break;
	case '<':
		if ((k = tag_len(s, n)) > 0) {
			c->lead_mark |= at_start && prefix_ci(s, n, "<sup");
			return k;
		}
		break;
	case '[':
		/* a pandoc span, "[Thurrock]{.underline}": the words stay */
		if ((k = span_len(s, n)) > 0) {
			const char *close = memchr(s, ']', k);
			buf_add(o, s + 1, (size_t)(close - s) - 1);
			return k;
		}
		break;
	case 0xEF:
		if (n > 2 && (unsigned char)s[1] == 0xAC &&
		    (unsigned char)s[2] >= 0x80 && (unsigned char)s[2] <= 0x86) {
			buf_adds(o, ligature[(unsigned char)s[2] - 0x80]);
			return 3;
		}
		break;
	}
	buf_addc(o, s[0]);
	return 1;
}

/* A "$_{15}$" or "$^{\rm 11}$" span left by a TeX-minded converter:
 * returns its length, or 0. */
static size_t
artefact_len(const char *s, size_t n)
{
	const char *end;
	size_t k;

	if (n < 4 || (s[1] != '_' && s[1] != '^'))
		return 0;
	end = memchr(s + 1, '$', n - 1 < 64 ? n - 1 : 64);
	if (!end)
		return 0;
	k = (size_t)(end - s) + 1;
	return memchr(s, '{', k) ? k : 0;
}

/* An HTML tag ("<sup>", "</u>", "<br/>"): its length, or 0. */
static size_t
tag_len(const char *s, size_t n)
{
	size_t i = 1;

	if (i < n && s[i] == '/')
		i++;
	if (i >= n || !isalpha((unsigned char)s[i]))
		return 0;
	while (i < n && i < 40 && s[i] != '>' && s[i] != '<')
		i++;
	return i < n && s[i] == '>' ? i + 1 : 0;
}

/* "[words]{.class}": its length, or 0. */
static size_t
span_len(const char *s, size_t n)
{
	const char *close = memchr(s, ']', n < 200 ? n : 200), *end;
	size_t k;

	if (close == NULL || (size_t)(close - s) + 2 >= n || close[1] != '{')
		return 0;
	k = (size_t)(close - s) + 1;
	end = memchr(close + 1, '}', n - k < 80 ? n - k : 80);
	return end ? (size_t)(end - s) + 1 : 0;
}

/* False for a blank line. */
static bool
shape_line(struct ctx *c, struct shape *v)
{
	const char *s = c->text, *lead;
	size_t n = c->len, i = 0, ln;

	while (i < n && s[i] == ' ')
		i++;
	s += i;
	n -= i;
	v->indent = i;
	/* trailing tabs stay inside a commitment table: they say which
	 * column the text is in */
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r' ||
			 (s[n - 1] == '\t' && !c->wewill)))
		n--;
	for (i = 0; i < n && s[i] == '#'; i++)
		;
	v->heading = i > 0 && i < n && s[i] == ' ';
	if (v->heading) {
		s += i + 1;
		n -= i + 1;
	}
	if (n >= 2 && s[0] == '>' && s[1] == ' ') {	/* a quote */
		s += 2;
		n -= 2;
	}
	lead = s;
	ln = n;
	trim(&lead, &ln);
	v->tabs = memchr(s, '\t', n) != NULL && c->phase != PH_CONTENTS;
	if (!v->tabs) {
		v->indent += (size_t)(lead - s);
		s = lead;
		n = ln;
	}
	v->s = s;
	v->n = n;
	return ln > 0;
}

/* Page numbers and running headers are dropped; the contents page gives
 * the priorities' titles but no rows. */
static bool
furniture_line(struct ctx *c, struct shape *v)
{
	const char *s = v->s;
	size_t n = v->n;

	if (is_page_number(s, n) ||
	    (c->phase != PH_META && is_furniture(c, s, n))) {
		pause(c, true);
		return true;
	}
	if (c->phase != PH_BODY && c->priority == 0 &&
	    (n == 8 || n == 9) && prefix_ci(s, n, "contents")) {
		flush_all(c);
		release_held(c);
		c->phase = PH_CONTENTS;
		return true;
	}
	c->pages_at = c->pages_col > v->indent ? c->pages_col - v->indent : 0;
	if (c->phase != PH_BODY && contents_line(c, s, n))
		return true;
	/* a contents table's frame, and its titles wrapped in their cell */
	if (c->phase == PH_CONTENTS && is_rule(s, n)) {
		contents_rule(c, v);
		return true;
	}
	if (c->phase == PH_CONTENTS && title_goes_on(c, s, n))
		return true;
	if (c->phase == PH_CONTENTS)
		c->phase = PH_BODY;
	return false;
}

/* The lines that make the report's structure. */
static bool
structure_line(struct ctx *c, struct shape *v)
{
	const char *s = v->s, *t;
	size_t n = v->n, tlen;
	int num;

	if (v->tabs) {
		tab_line(c, s, n);
		return true;
	}
	if (parse_priority(s, n, &num, &t, &tlen)) {
		new_priority(c, num, t, tlen, s, n);
		return true;
	}
	if (is_rule(s, n)) {
		/* the frame of a table may stand under its caption */
		if (is_caption(&c->blk))
			pause(c, false);
		else
			flush_block(c);
		return true;
	}
	if (pipe_line(c, s, n) || lead_in(c, s, n))
		return true;
	if (is_key_points(s, n)) {
		key_points(c, s, n);
		return true;
	}
	if (prefix_ci(s, n, "our objective") || prefix_ci(s, n, "our aim is")) {
		objective(c, s, n);
		return true;
	}
	return spaced_line(c, v);
}

/* Title page: one row a line, each remembered to know it again as a
 * running header. */
static void
meta_line(struct ctx *c, const char *s, size_t n)
{
	remember_furniture(c, s, n);
	flush_block(c);
	block_start(&c->blk, K_META, 0, c->lineno);
	block_add(&c->blk, s, n, c->lineno);
	flush_block(c);
}

static void
body_line(struct ctx *c, struct shape *v)
{
	const char *s = v->s;
	size_t n = v->n, k;

	if (is_footnote(c, s, n)) {
		flush_block(c);
		block_start(&c->blk, K_FOOTNOTE, 0, c->lineno);
		block_add(&c->blk, s, n, c->lineno);
		return;
	}
	if (c->wewill)
		end_table(c);
	if (v->heading) {
		heading_line(c, s, n);
		return;
	}
	if ((k = bullet_sign(s, n)) > 0) {
		start_bullet(c, s + k, n - k, v->indent);
		return;
	}
	k = c->wewill ? verb_sentence(s, n) : 0;
	text_line(c, s, k ? k : n);
	if (k > 0) {
		/* a commitment from the table's first column, run into the
		 * commentary by the conversion */
		flush_block(c);
		start_para(c, K_PARA, s + k, n - k);
		c->blk.role = R_COMMITMENT;
	}
}

static bool
is_footnote(struct ctx *c, const char *s, size_t n)
{
	return c->lead_mark || text_is_superscript_digit(first_cp(s, n)) ||
	       (prefix_ci(s, n, "[^") && memchr(s, ']', n < 12 ? n : 12));
}

static void
heading_line(struct ctx *c, const char *s, size_t n)
{
	flush_block(c);
	buf_reset(&c->heading);
	text_squeeze_space(&c->heading, s, n);
	buf_reset(&c->area);
	reset_depths(c);
	start_para(c, K_PARA, s, n);
	flush_block(c);
}

/* Plain text: it goes on the pending block or starts a paragraph. */
static void
text_line(struct ctx *c, const char *s, size_t n)
{
	struct block *b = &c->blk;

	/* a paragraph or bullet goes on over a page break, lower-case */
	if (b->open && c->paused &&
	    !(c->page_turned && starts_lower(s, n) &&
	      !ends_sentence(b->text.p, b->text.len)))
		flush_block(c);
	c->paused = c->page_turned = false;
	/* a commitment is one sentence: the next line after its full stop
	 * is the commentary, even without a blank line between */
	if (b->open && b->kind != K_TABLE && b->text.len < BLOCK_LIMIT &&
	    !(b->role == R_COMMITMENT && ends_sentence(b->text.p, b->text.len))) {
		block_add(b, s, n, c->lineno);
		return;
	}
	start_para(c, K_PARA, s, n);
}

/* A blank line, a page number or a page break ends the pending block,
 * unless the next text goes on with it across the page: it waits. */
static void
pause(struct ctx *c, bool page)
{
	if (!c->blk.open)
		return;
	c->paused = true;
	c->page_turned |= page;
}

/* Where, inside the line, a sentence opens with a commitment's verb
 * ("... in rural communities. Support the victims of ..."), or 0. */
static size_t
verb_sentence(const char *s, size_t n)
{
	size_t i;

	for (i = 2; i + 2 < n; i++)
		if (s[i] == ' ' && s[i - 1] == '.' &&
		    islower((unsigned char)s[i - 2]) &&
		    opens_with_verb(s + i + 1, n - i - 1))
			return i + 1;
	return 0;
}

/* ---- the report's structure ---- */

static void
new_priority(struct ctx *c, int num, const char *t, size_t tlen,
	     const char *line, size_t n)
{
	struct block *b = &c->blk;
	bool same = num == c->priority;

	flush_all(c);
	release_held(c);
	c->phase = PH_BODY;
	if (!same) {
		c->priority = num;
		buf_reset(&c->commitment);
		buf_reset(&c->heading);
		buf_reset(&c->area);
		c->wewill = false;
		c->expect = 0;
		c->cell.line = 0;
	}
	if (tlen > 0) {
		buf_reset(&c->title);
		text_squeeze_space(&c->title, t, tlen);
	} else {
		set_title(c, num);
	}
	reset_depths(c);
	/* the heading stays in the output: its words are the report's */
	block_start(b, K_PARA, 0, c->lineno);
	block_add(b, line, n, c->lineno);
	b->open = false;
	emit(c, b, c->commitment.p ? c->commitment.p : "");
}

/* "Priority 3 – Title", "## **Priority 3 - Title**", "Priority 3: Title",
 * or "Priority 3" alone (the title then comes from the contents page). */
static bool
parse_priority(const char *s, size_t n, int *num, const char **title,
	       size_t *tlen)
{
	size_t i = 8, k;
	int32_t cp;

	if (!prefix_ci(s, n, "priority "))
		return false;
	while (i < n && s[i] == ' ')
		i++;
	if (i >= n || (k = priority_number(s + i, n - i, num)) == 0)
		return false;
	i += k;
	while (i < n && s[i] == ' ')
		i++;
	*title = s + i;
	*tlen = 0;
	if (i == n || (i + 1 == n && s[i] == ':'))
		return true;
	k = text_decode(s + i, n - i, &cp);
	if (!(text_is_dash(cp) || cp == ':' || cp == '.'))
		return false;
	i += k;
	if (i < n && s[i] == '-' && s[i - 1] == '-')
		i++;	/* "--", pandoc's Markdown for an en dash */
	while (i < n && is_blank(s[i]))
		i++;
	*title = s + i;
	*tlen = n - i;
	return *tlen > 0 && *tlen < 200;
}

/* The number of a priority, in digits or in words ("Priority Three"):
 * its length, or 0. */
static size_t
priority_number(const char *s, size_t n, int *num)
{
	static const char *const words[] = {
		"zero", "one", "two", "three", "four", "five", "six", "seven",
		"eight", "nine", "ten", "eleven", "twelve", "thirteen",
		"fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
		"nineteen", "twenty", NULL
	};
	size_t i = 0, w;

	*num = 0;
	while (i < n && isdigit((unsigned char)s[i]) && *num < 1000)
		*num = *num * 10 + (s[i++] - '0');
	if (i > 0)
		return i;
	for (w = 0; isalpha((unsigned char)s[w]) && w < n; w++)
		;
	for (i = 1; words[i]; i++)
		if (strlen(words[i]) == w && strncasecmp(s, words[i], w) == 0) {
			*num = (int)i;
			return w;
		}
	return 0;
}

static void
set_title(struct ctx *c, int num)
{
	buf_reset(&c->title);
	if (num > 0 && num < MAXTITLES && c->titles[num])
		buf_adds(&c->title, c->titles[num]);
}

/* Content before any priority heading but after the contents page
 * belongs to the first priority the contents page lists. */
static void
adopt_first_priority(struct ctx *c)
{
	int i;

	if (c->priority > 0)
		return;
	for (i = 1; i < MAXTITLES; i++)
		if (c->titles[i]) {
			c->priority = i;
			set_title(c, i);
			return;
		}
}

/* A line the contents page is made of, or the end of that page. */
static bool
contents_line(struct ctx *c, const char *s, size_t n)
{
	int num;
	const char *t;
	size_t tlen;

	if (parse_priority(s, n, &num, &t, &tlen)) {
		if (!cut_at_pages(c, s, &t, &tlen) && !cut_pages(&t, &tlen))
			return false;
		if (num > 0 && num < MAXTITLES) {
			free(c->titles[num]);
			c->titles[num] = xstrndup(t, tlen);
			c->last_title = num;
			c->last_title_line = c->lineno;
		}
		return true;
	}
	/* its column heads: "Priority<TAB>Pages", or spaced apart */
	return column_head(s, n, "priority") || column_head(s, n, "page") ||
	       column_head(s, n, "section");
}

/* The rule under a contents table's head, or above its rows ("------
 * ---"), shows where its second column, the pages, starts. */
static void
contents_rule(struct ctx *c, const struct shape *v)
{
	const char *gap = memchr(v->s, ' ', v->n);
	size_t k;

	c->pages_col = 0;
	if (gap == NULL)
		return;
	k = (size_t)(gap - v->s);
	while (k < v->n && v->s[k] == ' ')
		k++;
	if (k < v->n)
		c->pages_col = v->indent + k;
}

/* The title ends where the pages' column starts (counted in characters),
 * if a page number stands there. */
static bool
cut_at_pages(struct ctx *c, const char *s, const char **title, size_t *tlen)
{
	size_t at = (size_t)(*title - s), end = at + *tlen, k, i, chars = 0;

	for (i = 0; i < end && chars < c->pages_at; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	while (i < end && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	if (c->pages_at == 0 || i < at || i >= end)
		return false;
	if (i == at && isdigit((unsigned char)s[i])) {
		*tlen = 0;	/* the title is on the lines below */
		return true;
	}
	k = i - at;
	if ((*title)[k - 1] != ' ' || !isdigit((unsigned char)(*title)[k]))
		return false;
	*tlen = k;
	trim(title, tlen);
	return *tlen > 0;
}

static bool
column_head(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word);

	return n > k + 1 && prefix_ci(s, n, word) &&
	       (s[k] == '\t' || (s[k] == ' ' && s[k + 1] == ' '));
}

/* The line under a contents entry goes on with its title, wrapped in the
 * title's cell: "Priority 2 - Keep Young People" / "Safe". */
static bool
title_goes_on(struct ctx *c, const char *s, size_t n)
{
	char **title = &c->titles[c->last_title];
	size_t k;

	if (*title == NULL || c->last_title_line != c->lineno - 1 || n > 60 ||
	    has_gap(s, n) || memchr(s, '\t', n))
		return false;
	buf_reset(&c->tmp);
	buf_adds(&c->tmp, *title);
	if (c->tmp.len > 0)
		buf_addc(&c->tmp, ' ');
	k = c->tmp.len;
	text_squeeze_space(&c->tmp, s, n);
	if (c->tmp.len == k)
		return false;
	free(*title);
	*title = xstrndup(c->tmp.p, c->tmp.len);
	c->last_title_line = c->lineno;
	return true;
}

/* Cut a contents entry's page numbers: "Title<TAB>3-7<TAB>Bookmark",
 * "Title ....... 12".  True when there were some. */
static bool
cut_pages(const char **title, size_t *tlen)
{
	const char *s = *title, *tab = memchr(s, '\t', *tlen);
	size_t n = *tlen, k;

	if (tab) {
		*tlen = (size_t)(tab - s);
		trim(title, tlen);
		return true;
	}
	/* pages in a column of their own, spaced apart */
	for (k = 1; k + 2 < n; k++) {
		size_t i = k;
		if (s[k] != ' ' || s[k - 1] != ' ')
			continue;
		while (i < n && s[i] == ' ')
			i++;
		if (i < n && isdigit((unsigned char)s[i])) {
			*tlen = k - 1;
			trim(title, tlen);
			return true;
		}
		k = i;
	}
	k = n;
	while (k > 0 && (isdigit((unsigned char)s[k - 1]) || s[k - 1] == '-'))
		k--;
	if (k == n || k == 0)
		return false;
	if (s[k - 1] != ' ' && s[k - 1] != '.')
		return false;
	if (!(k >= 2 && (s[k - 2] == ' ' || s[k - 2] == '.')))
		return false;
	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '.'))
		k--;
	*tlen = k;
	return true;
}

static bool
is_page_number(const char *s, size_t n)
{
	size_t i;

	if (prefix_ci(s, n, "page ")) {
		s += 5;
		n -= 5;
	}
	if (n == 0 || n > 12)
		return false;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]) &&
		    !(i > 0 && (prefix_ci(s + i, n - i, " of ") ||
				s[i] == ' ' || s[i] == 'o' || s[i] == 'f' ||
				s[i] == '/')))
			return false;
	return isdigit((unsigned char)s[0]);
}

/* Running headers and footers: a title-page line met again, or a short
 * line naming the report and its period. */
static bool
is_furniture(struct ctx *c, const char *s, size_t n)
{
	size_t at;
	int i;

	if (n > 120)
		return false;
	for (i = 0; i < c->nfurniture; i++)
		if (strlen(c->furniture[i]) == n &&
		    memcmp(c->furniture[i], s, n) == 0)
			return true;
	return find_ci(s, n, "quarterly update", &at) &&
	       parse_period(s, n, &c->tmp);
}

static void
remember_furniture(struct ctx *c, const char *s, size_t n)
{
	if (c->nfurniture < MAXFURNITURE && n > 0 && n <= 120)
		c->furniture[c->nfurniture++] = xstrndup(s, n);
}

/* A new part of the body begins (a lead-in, Key Points, an objective, a
 * commitment table): what was open is written, and the part belongs to a
 * priority even when the report gave none yet. */
static void
begin_part(struct ctx *c)
{
	flush_all(c);
	adopt_first_priority(c);
	c->phase = PH_BODY;
}

/* A lead-in: "We will:", "Working with partners we will:", perhaps
 * followed on the same line by the commitment itself. */
static bool
lead_in(struct ctx *c, const char *s, size_t n)
{
	size_t at, rest;
	struct block *b = &c->blk;

	if (!find_lead_in(s, n, &at))
		return false;
	begin_part(c);
	buf_reset(&c->commitment);
	buf_reset(&c->heading);
	buf_reset(&c->area);
	reset_depths(c);
	rest = at + 8 < n ? at + 8 : n;
	block_start(b, K_PARA, 0, c->lineno);
	block_add(b, s, rest, c->lineno);
	b->open = false;
	emit(c, b, "");
	c->expect = 3;
	while (rest < n && is_blank(s[rest]))
		rest++;
	if (rest < n)
		start_para(c, K_PARA, s + rest, n - rest);
	return true;
}

/* Where "we will:" stands in the line's first 300 bytes. */
static bool
find_lead_in(const char *s, size_t n, size_t *at)
{
	const char *colon = s;
	size_t left = n < 308 ? n : 308;

	if (n == 7 && strncasecmp(s, "we will", 7) == 0) {
		*at = 0;
		return true;	/* a lead-in whose colon the layout lost */
	}
	while ((colon = memchr(colon, ':', left - (size_t)(colon - s))) != NULL) {
		size_t k = (size_t)(colon - s);
		if (k >= 7 && strncasecmp(colon - 7, "we will", 7) == 0 &&
		    (k == 7 || !isalpha((unsigned char)colon[-8]))) {
			*at = k - 7;
			return true;
		}
		colon++;
	}
	return false;
}

static bool
is_key_points(const char *s, size_t n)
{
	if (n > 0 && s[n - 1] == ':')
		n--;
	return n == 10 && strncasecmp(s, "key points", 10) == 0;
}

static void
key_points(struct ctx *c, const char *s, size_t n)
{
	struct block *b = &c->blk;

	begin_part(c);
	c->wewill = false;
	c->expect = 0;
	reset_depths(c);
	buf_reset(&c->commitment);
	text_squeeze_space(&c->commitment, s, n);
	buf_reset(&c->heading);
	buf_reset(&c->area);
	block_start(b, K_PARA, 0, c->lineno);
	block_add(b, s, n, c->lineno);
	b->open = false;
	emit(c, b, c->commitment.p);
}

static void
objective(struct ctx *c, const char *s, size_t n)
{
	begin_part(c);
	c->wewill = false;
	buf_reset(&c->heading);
	buf_reset(&c->area);
	start_para(c, K_PARA, s, n);
	c->blk.role = R_OBJECTIVE;
}

/* A horizontal rule or the frame of a Markdown table: "----",
 * "+-----+----+", "===  ===". */
static bool
is_rule(const char *s, size_t n)
{
	size_t i, marks = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '-' || s[i] == '=' || s[i] == '_' || s[i] == '*')
			marks++;
		else if (!strchr("+:| \t", s[i]))
			return false;
	}
	return marks >= 3;
}

/* ---- tables ---- */

static void
tab_line(struct ctx *c, const char *s, size_t n)
{
	const char *cell[64];
	size_t len[64], k = split_cells(c, s, n, cell, len, 64);

	if (is_table_head(cell, len, k)) {
		start_table(c, s, n);
		return;
	}
	if (c->wewill && !numeric_row(cell, len, k)) {
		wewill_row(c, cell, len, k);
		return;
	}
	end_table(c);
	table_row(c, cell, len, k, c->lineno);
}

/* pdftotext -layout keeps a table's columns apart with runs of spaces,
 * not tabs.  A "We will   Commentary   Who" head gives the columns'
 * places; the rows below it are cut there.  Elsewhere, a line of three
 * or more spaced cells, half of them numbers, is a data-table row. */
static bool
spaced_line(struct ctx *c, struct shape *v)
{
	struct cells r;
	const char *line = c->text;
	size_t n = c->len, i;

	while (n > 0 && line[n - 1] == ' ')
		n--;
	if (is_footnote(c, v->s, v->n))
		return false;
	r.k = v->n >= 8 && has_gap(v->s, v->n) ?
	    gap_cells(line, n, r.s, r.len, r.at, GRIDCOLS) : 0;
	if (c->wewill && c->ncols > 0 && r.k <= c->ncols &&
	    !(r.k >= 3 && numeric_row(r.s, r.len, r.k))) {
		if (!cut_columns(c, line, n))
			return false;	/* a paragraph across the page */
		tab_line(c, c->tmp.p, c->tmp.len);
		return true;
	}
	if (r.k == 0)
		return false;
	if (r.k <= MAXCOLS && is_table_head(r.s, r.len, r.k)) {
		start_table(c, v->s, v->n);
		for (i = 0; i < r.k; i++)
			c->cols[i] = r.at[i];
		c->ncols = r.k;
		return true;
	}
	if (!c->grid.replaying && grid_begins(c, &r))
		return true;
	if ((r.k >= 3 && numeric_row(r.s, r.len, r.k)) ||
	    (c->wewill && c->ncols > 0 && r.k > c->ncols)) {
		/* a data table: the commitment table is over */
		end_table(c);
		c->wewill = false;
		c->ncols = 0;
		table_row(c, r.s, r.len, r.k, c->lineno);
		return true;
	}
	return false;
}

/* Two spaces in a row inside s, which is part of a NUL-terminated line. */
static bool
has_gap(const char *s, size_t n)
{
	const char *gap = strstr(s, "  ");
	return gap != NULL && gap < s + n;
}

/* Split s at runs of two or more spaces: the cells, and where each
 * starts; the last of max cells takes the rest of the line. */
static size_t
gap_cells(const char *s, size_t n, const char **cell, size_t *len,
	  size_t *at, size_t max)
{
	size_t i = 0, k = 0, start;

	while (i < n && s[i] == ' ')
		i++;
	while (i < n && k < max) {
		start = i;
		while (i < n && !(s[i] == ' ' && i + 1 < n && s[i + 1] == ' ' &&
				  k + 1 < max))
			i++;
		cell[k] = s + start;
		len[k] = i - start;
		at[k++] = start;
		while (i < n && s[i] == ' ')
			i++;
	}
	return k;
}

/* Cut a line of a spaced table at the columns of its head, into c->tmp
 * as cells joined by tabs.  A column starts after a run of spaces
 * ending near its place; a line that no such run cuts and that runs on
 * past the first column is a paragraph: false. */
static bool
cut_columns(struct ctx *c, const char *s, size_t n)
{
	size_t j, cut, from = 0, last = 0, cuts = 0;
	size_t start[MAXCOLS] = {0}, end[MAXCOLS] = {0};

	/* text with no cut before the next column stays in its own */
	for (j = 1; j < c->ncols; j++) {
		cut = column_start(s, n, c->cols[j], from);
		if (cut >= n)
			continue;
		start[last] = from;
		end[last] = cut;
		last = j;
		from = cut;
		cuts++;
	}
	start[last] = from;
	end[last] = n;
	/* uncut text is the first column going on, or not the table's */
	if (cuts == 0 && (n > c->cols[1] + 10 ||
			  !(c->cell.open || starts_lower(s, n))))
		return false;
	buf_reset(&c->tmp);
	for (j = 0; j < c->ncols; j++) {
		if (j > 0)
			buf_addc(&c->tmp, '\t');
		buf_add(&c->tmp, s + start[j], end[j] - start[j]);
	}
	return true;
}

/* Where the text of a column placed at col begins: after a run of two or
 * more spaces (or the indentation) ending within a few bytes of col, past
 * from; n if there is none. */
static size_t
column_start(const char *s, size_t n, size_t col, size_t from)
{
	size_t i = from, best = n, run, dist, bestdist = 7;

	while (i < n) {
		if (s[i] != ' ') {
			i++;
			continue;
		}
		for (run = i; run < n && s[run] == ' '; run++)
			;
		if (run < n && (run - i >= 2 || i == 0)) {
			dist = run > col ? run - col : col - run;
			if (dist < bestdist) {
				bestdist = dist;
				best = run;
			}
		}
		i = run;
	}
	return best;
}

/* "| a | b |" rows of a Markdown table; the "|---|" rule is dropped. */
static bool
pipe_line(struct ctx *c, const char *s, size_t n)
{
	size_t i;

	if (n < 2 || s[0] != '|' || s[n - 1] != '|')
		return false;
	if (strspn(s, "|-: ") == n) {
		flush_block(c);
		return true;
	}
	buf_reset(&c->tmp);
	for (i = 1; i + 1 < n; i++)
		buf_addc(&c->tmp, s[i] == '|' ? '\t' : s[i]);
	{
		struct buf row = c->tmp;
		c->tmp = (struct buf)BUF_INIT;
		tab_line(c, row.p, row.len);
		buf_free(&row);
	}
	return true;
}

/* Split the line at tabs into c->cells: each cell NUL-terminated. */
static size_t
split_cells(struct ctx *c, const char *s, size_t n, const char **cell,
	    size_t *len, size_t max)
{
	size_t k = 0, i, start = 0;

	buf_reset(&c->cells);
	buf_add(&c->cells, s, n);
	for (i = 0; i <= n && k < max; i++) {
		if (i == n || c->cells.p[i] == '\t') {
			c->cells.p[i] = '\0';
			cell[k] = c->cells.p + start;
			len[k] = i - start;
			trim(&cell[k], &len[k]);
			k++;
			start = i + 1;
		}
	}
	return k;
}

static bool
is_table_head(const char **cell, const size_t *len, size_t k)
{
	size_t i;

	if (k < 2 || !prefix_ci(cell[0], len[0], "we will"))
		return false;
	for (i = 1; i < k; i++)
		if (prefix_ci(cell[i], len[i], "commentary") ||
		    prefix_ci(cell[i], len[i], "update") ||
		    prefix_ci(cell[i], len[i], "progress"))
			return true;
	return false;
}

static void
start_table(struct ctx *c, const char *s, size_t n)
{
	struct block *b = &c->blk;

	begin_part(c);
	c->wewill = true;
	c->ncols = 0;
	c->expect = 0;
	c->cell.line = 0;
	buf_reset(&c->commitment);
	buf_reset(&c->heading);
	buf_reset(&c->area);
	block_start(b, K_PARA, 0, c->lineno);
	block_add(b, s, n, c->lineno);
	b->open = false;
	emit(c, b, "");
}

/* A row of the "We will | Commentary | Who" table.  The first cell is the
 * commitment, wrapped over several lines and, across a page break,
 * continued lower-case; the middle is commentary; the last is who. */
static void
wewill_row(struct ctx *c, const char **cell, const size_t *len, size_t k)
{
	/* Who is a name or two; anything longer is commentary, kept whole */
	bool named = k >= 3 && len[k - 1] <= 100 &&
		     !ends_sentence(cell[k - 1], len[k - 1]);
	const char *who = named ? cell[k - 1] : "";
	size_t wlen = named ? len[k - 1] : 0, i, last = named ? k - 1 : k;
	struct block *cl = &c->cell, *nt = &c->note;

	flush_block(c);
	if (len[0] > 0) {
		bool cont = cl->open && !ends_sentence(cl->text.p, cl->text.len) &&
			    !(opens_with_verb(cell[0], len[0]) &&
			      !ends_open(cl->text.p, cl->text.len));
		if (cont) {
			block_add(cl, cell[0], len[0], c->lineno);
		} else if (!cl->open && c->commitment.len > 0 &&
			   starts_lower(cell[0], len[0]) && c->cell.line > 0) {
			/* the commitment cell goes on after a page break */
			flush_note(c);
			block_start(nt, K_PARA, 0, c->lineno);
			block_add(nt, cell[0], len[0], c->lineno);
			flush_note(c);
		} else {
			close_cell(c);
			flush_note(c);
			block_start(cl, K_PARA, 0, c->lineno);
			block_add(cl, cell[0], len[0], c->lineno);
			buf_reset(&c->commitment);
			buf_copy(&c->commitment, &cl->text);
			buf_reset(&c->heading);
			buf_reset(&c->area);
		}
	} else {
		close_cell(c);
	}
	for (i = 1; i < last; i++) {
		if (len[i] == 0)
			continue;
		if (nt->open && !cl->open && ends_sentence(nt->text.p, nt->text.len) &&
		    (starts_upper(cell[i], len[i]) || !isalpha((unsigned char)cell[i][0])))
			flush_note(c);
		if (!nt->open)
			block_start(nt, K_PARA, 0, c->lineno);
		block_add(nt, cell[i], len[i], c->lineno);
	}
	if (wlen > 0) {
		if (c->who_line == c->lineno - 1 && c->heading.len > 0)
			buf_addc(&c->heading, ' ');
		else
			buf_reset(&c->heading);
		text_squeeze_space(&c->heading, who, wlen);
		buf_reset(&c->area);
		buf_copy(&c->area, &c->heading);
		c->who_line = c->lineno;
	}
}

static void
close_cell(struct ctx *c)
{
	if (!c->cell.open)
		return;
	c->cell.open = false;
	if (c->cell.text.len == 0)
		return;
	buf_reset(&c->commitment);
	buf_copy(&c->commitment, &c->cell.text);
	emit(c, &c->cell, c->commitment.p);
}

static void
flush_note(struct ctx *c)
{
	if (!c->note.open)
		return;
	c->note.open = false;
	emit(c, &c->note, c->commitment.p ? c->commitment.p : "");
}

static void
end_table(struct ctx *c)
{
	close_cell(c);
	flush_note(c);
}

static bool
numeric_row(const char **cell, const size_t *len, size_t k)
{
	size_t i, filled = 0, numbers = 0;

	for (i = 0; i < k; i++) {
		if (len[i] == 0)
			continue;
		filled++;
		numbers += is_number_cell(cell[i], len[i]);
	}
	return filled >= 3 && numbers * 2 >= filled;
}

static bool
is_number_cell(const char *s, size_t n)
{
	size_t i, digits = 0;

	if (n == 0)
		return false;
	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)s[i]))
			digits++;
		else if (!strchr("+-.,%/£$() ", s[i]))
			return false;
	}
	return digits > 0;
}

/* A data-table row: cells joined by tabs, empty cells kept so that the
 * columns line up. */
static void
table_row(struct ctx *c, const char **cell, const size_t *len, size_t k,
	  long line)
{
	struct block *b = &c->blk;
	size_t i;

	flush_block(c);
	block_start(b, K_TABLE, 0, line);
	for (i = 0; i < k; i++) {
		if (i > 0)
			buf_addc(&b->text, '\t');
		text_squeeze_space(&b->text, cell[i], len[i]);
	}
	/* trailing empty cells carry nothing */
	while (b->text.len > 0 && b->text.p[b->text.len - 1] == '\t')
		buf_truncate(&b->text, b->text.len - 1);
	b->open = false;
	emit(c, b, c->commitment.p ? c->commitment.p : "");
}

/* ---- data tables laid out with spaces ---- */

/* A line of spaced cells may begin a data table: a row of figures (the
 * table's head lost, or never there), or a head of column labels, which
 * is held until a row of figures under it shows it is one. */
static bool
grid_begins(struct ctx *c, struct cells *r)
{
	struct grid *g = &c->grid;

	if (r->k >= 3 && numeric_row(r->s, r->len, r->k)) {
		end_table(c);
		c->wewill = false;
		c->ncols = 0;
		flush_block(c);
		grid_start(g, r, false);
		g->confirmed = true;
	} else if (head_like(r->s, r->len, r->k)) {
		grid_start(g, r, true);
		g->confirmed = false;
		grid_hold(c, c->raw, c->rawn);
	} else {
		return false;
	}
	grid_add(c, r);
	return true;
}

/* Column labels: two or more short cells, none a sentence ("Avg." may
 * end with a full stop, "Arrests were made." not); not a bullet ("-
 * text", as pandoc writes them). */
static bool
head_like(const char **cell, const size_t *len, size_t k)
{
	size_t i;

	if (k < 2 || !isalnum((unsigned char)cell[0][0]) ||
	    (len[0] == 1 && cell[0][0] == 'o'))
		return false;
	for (i = 0; i < k; i++)
		if (len[i] > 48 ||
		    (ends_sentence(cell[i], len[i]) && words(cell[i], len[i]) > 2) ||
		    cell[i][len[i] - 1] == ':')
			return false;
	return true;
}

static size_t
words(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
	return k;
}

/* The columns are where the first line's cells lie.  A head far from the
 * margin stands over the figures only: the labels' column has none. */
static void
grid_start(struct grid *g, struct cells *r, bool head)
{
	size_t i, blank = head && r->at[0] >= 6 && r->k < GRIDCOLS;

	if (blank) {
		g->start[0] = 0;
		g->end[0] = r->at[0] - 2;
	}
	for (i = 0; i < r->k; i++) {
		g->start[blank + i] = r->at[i];
		g->end[blank + i] = r->at[i] + r->len[i];
		r->col[i] = blank + i;
	}
	g->ncols = blank + r->k;
	g->framed = false;
	g->blanks = 0;
	g->nrow = g->nheld = 0;
	buf_reset(&g->held);
}

/* Whether the line belongs to the table: a row of figures, a rule, or a
 * line going on with the waiting row's cells.  A blank line sends the
 * waiting row out; two, a page break or any other line end the table. */
static bool
grid_line(struct ctx *c, const char *raw, size_t rawn)
{
	struct grid *g = &c->grid;
	struct cells r;
	const char *s;
	size_t n, i, figures = 0;

	clean_line(c, raw, rawn);
	s = c->text;
	n = c->len;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	r.k = c->broke ? 0 : gap_cells(s, n, r.s, r.len, r.at, GRIDCOLS);
	if (r.k == 0 && !c->broke && g->confirmed && ++g->blanks < 2) {
		grid_row_out(c);
		return false;
	}
	if (r.k > 0 && is_rule(s, n))
		return grid_rule(c, raw, rawn);
	if (r.k == 0 || ends_grid(s, n, r.at[0]) ||
	    !grid_place(g, grid_split(g, s, &r)) ||
	    (r.cut && !grid_within(g, &r))) {
		grid_end(c);
		return false;
	}
	for (i = 0; i < r.k; i++)
		figures += r.col[i] > 0 && is_number_cell(r.s[i], r.len[i]);
	/* a head's labels may hold a period ("2025/26"); its first row of
	 * figures fills two columns or more */
	if (figures == 0 || (!g->confirmed && figures < 2 && g->ncols > 2))
		return grid_goes_on(c, &r, raw, rawn);
	if (!g->confirmed)
		grid_confirm(c);
	grid_widen(g, &r);
	grid_row_out(c);
	g->blanks = 0;
	grid_add(c, &r);
	return true;
}

/* A table of another kind, or the report's structure, after the table. */
static bool
ends_grid(const char *line, size_t n, size_t at)
{
	const char *s = line + at, *t;
	size_t tlen;
	int num;

	n -= at;
	return memchr(s, '\t', n) || s[0] == '|' ||
	       parse_priority(s, n, &num, &t, &tlen) || is_key_points(s, n) ||
	       prefix_ci(s, n, "our objective") || prefix_ci(s, n, "we will");
}

/* A rule frames the table (pandoc's tables) or underlines its head. */
static bool
grid_rule(struct ctx *c, const char *raw, size_t rawn)
{
	struct grid *g = &c->grid;

	g->framed = true;
	if (g->confirmed)
		return true;
	if (g->nheld == GRIDHOLD) {
		grid_end(c);
		return false;
	}
	grid_hold(c, raw, rawn);
	return true;
}

/* A label wrapped in its column goes on with the waiting row, right
 * under it; anything else ends the table.  Under a row of figures, a
 * line at the labels' column is more often a note ("Source: ...") than
 * a label going on, unless the table is framed as pandoc frames those
 * whose cells wrap, or the line goes on lower-case. */
static bool
grid_goes_on(struct ctx *c, const struct cells *r, const char *raw,
	     size_t rawn)
{
	struct grid *g = &c->grid;

	if (g->confirmed && !g->framed && !starts_lower(r->s[0], r->len[0])) {
		grid_end(c);
		return false;
	}
	if (g->nrow == 0 || g->blanks > 0 || g->nrow >= GRIDHOLD ||
	    (!g->confirmed && g->nheld == GRIDHOLD) || !grid_within(g, r)) {
		grid_end(c);
		return false;
	}
	if (!g->confirmed)
		grid_hold(c, raw, rawn);
	grid_add(c, r);
	return true;
}

/* Place each cell under the column it overlaps most, or lies within two
 * bytes of; false unless every cell has a column of its own, in order. */
static bool
grid_place(const struct grid *g, struct cells *r)
{
	size_t i, j, best, s, e, lo, hi, over, most, dist, near;

	for (i = 0; i < r->k; i++) {
		s = r->at[i];
		e = r->at[i] + r->len[i];
		best = g->ncols;
		most = 0;
		near = 3;
		for (j = 0; j < g->ncols; j++) {
			lo = s > g->start[j] ? s : g->start[j];
			hi = e < g->end[j] ? e : g->end[j];
			over = hi > lo ? hi - lo : 0;
			dist = e <= g->start[j] ? g->start[j] - e :
			       s >= g->end[j] ? s - g->end[j] : 0;
			if (over > most || (most == 0 && over == 0 && dist < near)) {
				best = j;
				most = over;
				near = dist;
			}
		}
		if (best == g->ncols || (i > 0 && best <= r->col[i - 1]))
			return false;
		r->col[i] = best;
	}
	return true;
}

/* A placed cell widens its column, up to the next one. */
static void
grid_widen(struct grid *g, const struct cells *r)
{
	size_t i, j, s, e;

	for (i = 0; i < r->k; i++) {
		j = r->col[i];
		s = r->at[i];
		e = s + r->len[i];
		if (s < g->start[j] && (j == 0 || s > g->end[j - 1]))
			g->start[j] = s;
		if (e > g->end[j] && (j + 1 == g->ncols || e < g->start[j + 1]))
			g->end[j] = e;
	}
}

/* A cell that fills its column meets the next one's with a single space
 * (pandoc's tables): it is cut where the next column starts.  (A line of
 * prose would be cut too, but some word of it straddles a column's
 * start: grid_within tells.) */
static struct cells *
grid_split(const struct grid *g, const char *line, struct cells *r)
{
	size_t i, j, m = 0, e, rest;

	r->cut = false;
	for (i = 0; i < r->k && r->k < GRIDCOLS; i++) {
		e = r->at[i] + r->len[i];
		for (j = 1; j < g->ncols; j++) {
			m = g->start[j];
			if (m > r->at[i] + 1 && m < e && line[m - 1] == ' ' &&
			    line[m] != ' ')
				break;
		}
		if (j == g->ncols)
			continue;
		rest = r->k - i;
		memmove(r->s + i + 1, r->s + i, rest * sizeof *r->s);
		memmove(r->len + i + 1, r->len + i, rest * sizeof *r->len);
		memmove(r->at + i + 1, r->at + i, rest * sizeof *r->at);
		r->k++;
		r->len[i] = m - 1 - r->at[i];
		r->s[i + 1] = line + m;
		r->at[i + 1] = m;
		r->len[i + 1] = e - m;
		r->cut = true;
	}
	return r;
}

/* Every cell lies between its neighbour columns: a label wrapped in its
 * own. */
static bool
grid_within(const struct grid *g, const struct cells *r)
{
	size_t i, j;

	for (i = 0; i < r->k; i++) {
		j = r->col[i];
		if ((j > 0 && r->at[i] <= g->end[j - 1]) ||
		    (j + 1 < g->ncols &&
		     r->at[i] + r->len[i] >= g->start[j + 1]))
			return false;
	}
	return true;
}

/* Add the cells to the waiting row, each to its column's. */
static void
grid_add(struct ctx *c, const struct cells *r)
{
	struct grid *g = &c->grid;
	size_t i;

	if (g->nrow == 0) {
		for (i = 0; i < g->ncols; i++)
			buf_reset(&g->cell[i]);
		g->row_line = c->lineno;
	}
	for (i = 0; i < r->k; i++) {
		struct buf *b = &g->cell[r->col[i]];
		if (b->len > 0)
			buf_addc(b, ' ');
		buf_add(b, r->s[i], r->len[i]);
	}
	g->nrow++;
}

/* Keep a line of the held head, to read it again if it is none. */
static void
grid_hold(struct ctx *c, const char *raw, size_t rawn)
{
	struct grid *g = &c->grid;

	buf_add(&g->held, raw, rawn);
	buf_addc(&g->held, '\0');
	g->held_line[g->nheld++] = c->lineno;
}

/* A row of figures came under the head: the table is one, and whatever
 * stood before it is over. */
static void
grid_confirm(struct ctx *c)
{
	/* a caption is the table's, as a tab-separated one's is */
	if (is_caption(&c->blk))
		c->blk.kind = K_TABLE;
	end_table(c);
	c->wewill = false;
	c->ncols = 0;
	flush_block(c);
	c->grid.confirmed = true;
	c->grid.nheld = 0;
	buf_reset(&c->grid.held);
}

/* A short line standing alone, not a sentence, may caption a table. */
static bool
is_caption(const struct block *b)
{
	return b->open && b->kind == K_PARA && b->role == R_TEXT &&
	       b->map.len == 0 && b->text.len > 0 && b->text.len < 100 &&
	       !ends_sentence(b->text.p, b->text.len);
}

static void
grid_row_out(struct ctx *c)
{
	struct grid *g = &c->grid;
	const char *cell[GRIDCOLS];
	size_t len[GRIDCOLS], i;

	if (g->nrow == 0)
		return;
	for (i = 0; i < g->ncols; i++) {
		cell[i] = g->cell[i].p ? g->cell[i].p : "";
		len[i] = g->cell[i].len;
	}
	table_row(c, cell, len, g->ncols, g->row_line);
	g->nrow = 0;
}

/* The table is over: its last row goes out, or, if no row of figures came
 * under the held head, its lines are read again as text. */
static void
grid_end(struct ctx *c)
{
	struct grid *g = &c->grid;
	long lineno = c->lineno;
	const char *p = g->held.p;
	int i;

	if (g->ncols == 0)
		return;
	if (g->confirmed)
		grid_row_out(c);
	g->ncols = 0;
	g->nrow = 0;
	g->replaying = true;
	for (i = 0; i < g->nheld; i++) {
		size_t n = strlen(p);
		c->lineno = g->held_line[i];
		process_line(c, p, n);
		p += n + 1;
	}
	g->replaying = false;
	g->nheld = 0;
	c->lineno = lineno;
}

/* ---- blocks ---- */

static void
start_para(struct ctx *c, enum kind kind, const char *s, size_t n)
{
	struct block *b = &c->blk;

	flush_block(c);
	block_start(b, kind, 0, c->lineno);
	if (kind == K_PARA) {
		reset_depths(c);
		if (c->expect > 0 && commitment_like(s, n)) {
			b->role = R_COMMITMENT;
			c->expect = 0;
		} else if (c->expect > 0) {
			c->expect--;
		} else if (c->wewill && opens_with_verb(s, n)) {
			end_table(c);
			b->role = R_COMMITMENT;
		}
	}
	block_add(b, s, n, c->lineno);
}

static void
start_bullet(struct ctx *c, const char *s, size_t n, size_t indent)
{
	struct block *b = &c->blk;
	int d = bullet_depth(c, indent);
	size_t label = leading_label(s, n);
	bool alone = label > 0 && label + 1 >= n;

	flush_block(c);
	block_start(b, K_BULLET, d, c->lineno);
	if (c->expect > 0 && commitment_like(s, n)) {
		b->role = R_COMMITMENT;
		c->expect = 0;
	} else if (c->expect > 0) {
		c->expect--;
	}
	/* "North LPA:" or "Castle Point and Rochford (CPR)" alone: a label
	 * for the bullets below it */
	if (!alone && label == 0 && !ends_sentence(s, n) && is_name(s, n, 8)) {
		alone = true;
		label = n;
	}
	buf_reset(&c->areas[d]);
	c->label_only[d] = alone;
	if (label > 0)
		text_squeeze_space(&c->areas[d], s, label);
	else if (d > 1)
		buf_copy(&c->areas[d], &c->areas[d - 1]);
	else
		buf_copy(&c->areas[d], &c->area);
	buf_copy(&b->area, &c->areas[d]);
	if (d > 1 && c->label_only[d - 1])
		buf_copy(&b->heading, &c->areas[d - 1]);
	block_add(b, s, n, c->lineno);
}

/* A bullet sign at s: returns its length with the space after it. */
static size_t
bullet_sign(const char *s, size_t n)
{
	int32_t cp;
	size_t k;

	if (n < 2)
		return 0;
	k = text_decode(s, n, &cp);
	/* Word's second-level bullet comes out of PDFs as a letter o */
	if (cp == 'o' && is_blank(s[1]) && n > 2 && isalpha((unsigned char)s[2]))
		return 2;
	if (!(cp == '-' || cp == '*' || cp == '+' || cp == 0x2013 ||
	      text_is_bullet(cp)))
		return 0;
	if (k < n && is_blank(s[k])) {
		while (k < n && is_blank(s[k]))
			k++;
		return k;
	}
	/* "•Text": the round bullets need no space */
	return text_is_bullet(cp) ? k : 0;
}

static int
bullet_depth(struct ctx *c, size_t indent)
{
	while (c->ndepth > 0 && c->indents[c->ndepth - 1] > indent)
		c->ndepth--;
	if (c->ndepth > 0 && c->indents[c->ndepth - 1] == indent)
		return c->ndepth;
	if (c->ndepth < MAXDEPTH)
		c->indents[c->ndepth++] = indent;
	return c->ndepth;
}

static void
reset_depths(struct ctx *c)
{
	c->ndepth = 0;
}

/* "Southend: text" or "North LPA:" gives the label's length, else 0. */
static size_t
leading_label(const char *s, size_t n)
{
	const char *colon = memchr(s, ':', n < 80 ? n : 80);
	size_t k;

	if (colon == NULL)
		return 0;
	k = (size_t)(colon - s);
	if (k + 1 < n && s[k + 1] != ' ')
		return 0;	/* "10:30", "http:" */
	return is_name(s, k, 8) ? k : 0;
}

/* A name in title case, short: "Castle Point and Rochford (CPR)",
 * "North LPA", "Epping Forest District & Brentwood". */
static bool
is_name(const char *s, size_t n, int maxwords)
{
	size_t i = 0, k;
	int words = 0;

	if (n == 0 || n > 80 || !starts_upper(s, n))
		return false;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		for (k = i; k < n && s[k] != ' '; k++)
			;
		if (!is_title_word(s + i, k - i) || ++words > maxwords)
			return false;
		i = k;
	}
	return words > 0;
}

static bool
is_title_word(const char *w, size_t n)
{
	static const char *const small[] = {
		"and", "of", "the", "for", "in", "on", "to", "&", "-", "–",
		"at", "with", "de", NULL
	};
	int32_t cp = first_cp(w, n);

	return utf8proc_isupper(cp) || text_is_digit(cp) || cp == '(' ||
	       word_in(w, n, small);
}

/* The first words of a commitment: an imperative, not a subject. */
static bool
commitment_like(const char *s, size_t n)
{
	size_t w = word_len(s, n);

	if (!starts_upper(s, n) || w == 0)
		return false;
	return !word_in(s, w, determiners);
}

/* Verbs that open the commitments of such plans ("Invest in ...",
 * "Work with partners to ..."), used where a table's first column has
 * lost its tabs in the conversion and runs into the commentary. */
static bool
opens_with_verb(const char *s, size_t n)
{
	static const char *const verbs[] = {
		"boost", "bring", "build", "champion", "collaborate",
		"commission", "continue", "correct", "create", "deliver",
		"develop", "disrupt", "drive", "educate", "embed", "empower",
		"encourage", "engage", "enhance", "ensure", "establish",
		"expand", "explore", "foster", "give", "grow", "help",
		"identify", "improve", "increase", "introduce", "invest",
		"keep", "lead", "maintain", "make", "maximise", "maximize",
		"prevent", "promote", "protect", "provide", "raise",
		"recognise", "recognize", "reduce", "reassure", "respond",
		"safeguard", "share", "strengthen", "support", "tackle",
		"target", "transform", "understand", "use", "work", NULL
	};
	static const char *const auxiliaries[] = {
		"is", "are", "was", "were", "has", "have", "had", "will",
		"can", "may", "of", "and", NULL
	};
	size_t w = word_len(s, n), i, k;

	if (w == 0 || !utf8proc_isupper(first_cp(s, n)) || !word_in(s, w, verbs))
		return false;
	for (i = w; i < n && s[i] == ' '; i++)
		;
	k = word_len(s + i, n - i);
	return k > 0 && !word_in(s + i, k, auxiliaries);
}

/* Does the text stop where a sentence cannot: after a comma, a bullet,
 * "and", "the", "through"...?  Then the next line goes on with it. */
static bool
ends_open(const char *s, size_t n)
{
	static const char *const joins[] = {
		"a", "an", "and", "as", "at", "by", "for", "from", "in",
		"including", "into", "its", "of", "on", "or", "our", "such",
		"that", "the", "their", "through", "to", "which", "with", NULL
	};
	size_t k;
	int32_t cp;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return true;
	if (strchr(",;:-(&/", s[n - 1]))
		return true;
	for (k = n; k > 0 && (s[k - 1] & 0xC0) == 0x80; k--)
		;
	if (k > 0) {
		text_decode(s + k - 1, n - k + 1, &cp);
		if (text_is_bullet(cp) || text_is_dash(cp))
			return true;
	}
	for (k = n; k > 0 && s[k - 1] != ' '; k--)
		;
	return word_in(s + k, n - k, joins);
}

/* Everything pending, before a new structure starts. */
static void
flush_all(struct ctx *c)
{
	flush_block(c);
	close_cell(c);
	flush_note(c);
}

/* The pending block becomes a row. */
static void
flush_block(struct ctx *c)
{
	struct block *b = &c->blk;

	c->paused = c->page_turned = false;
	if (!b->open)
		return;
	b->open = false;
	if (b->text.len == 0)
		return;
	switch (b->role) {
	case R_COMMITMENT:
		buf_reset(&c->commitment);
		buf_copy(&c->commitment, &b->text);
		buf_reset(&c->heading);
		buf_reset(&c->area);
		emit(c, b, c->commitment.p);
		return;
	case R_OBJECTIVE:
		emit(c, b, "");
		buf_reset(&c->commitment);
		buf_copy(&c->commitment, &b->text);
		buf_reset(&c->heading);
		return;
	case R_TEXT:
		break;
	}
	/* A short title-case line standing alone names what follows it. */
	if (b->kind == K_PARA && b->map.len == 0 && c->phase == PH_BODY &&
	    !ends_sentence(b->text.p, b->text.len) &&
	    is_name(b->text.p, b->text.len, 6)) {
		buf_reset(&c->heading);
		buf_copy(&c->heading, &b->text);
		buf_reset(&c->area);
		buf_copy(&c->area, &b->text);
		reset_depths(c);
	}
	emit(c, b, c->commitment.p ? c->commitment.p : "");
}

static void
block_start(struct block *b, enum kind kind, int depth, long line)
{
	b->open = true;
	b->kind = kind;
	b->role = R_TEXT;
	b->depth = depth;
	b->line = b->last = line;
	b->glue = false;
	buf_reset(&b->text);
	buf_reset(&b->map);
	buf_reset(&b->area);
	buf_reset(&b->heading);
}

/* Add one source line's words.  A line after the first is joined with a
 * space, or with nothing after a hyphen that ends a word across the line
 * break (the hyphen stays: "well-" + "known" cannot be told from
 * "inter-" + "national"), and recorded in the line map. */
static void
block_add(struct block *b, const char *s, size_t n, long line)
{
	size_t mark = b->text.len, at;
	bool glue = b->glue;

	/* a soft hyphen at the end of a line joins the word across it */
	while (n > 0 && s[n - 1] == ' ')
		n--;
	b->glue = n >= 2 && (unsigned char)s[n - 2] == 0xC2 &&
		  (unsigned char)s[n - 1] == 0xAD;
	if (mark == 0) {
		text_squeeze_space(&b->text, s, n);
		b->last = line;
		return;
	}
	if (!glue && !(b->text.p[mark - 1] == '-' && mark >= 2 &&
		       isalpha((unsigned char)b->text.p[mark - 2]) &&
		       starts_lower(s, n)))
		buf_addc(&b->text, ' ');
	at = b->text.len;
	text_squeeze_space(&b->text, s, n);
	if (b->text.len == at) {
		buf_truncate(&b->text, mark);
		return;
	}
	if (line != b->last) {
		char num[24];
		if (b->map.len)
			buf_addc(&b->map, ' ');
		buf_adds(&b->map, digits(num, (long)at));
		buf_addc(&b->map, ':');
		buf_adds(&b->map, digits(num, line));
	}
	b->last = line;
}

/* ---- rows ---- */

static void
emit(struct ctx *c, const struct block *b, const char *commitment)
{
	const char *heading = b->heading.len ? b->heading.p :
		(c->heading.p ? c->heading.p : "");
	const char *area = b->area.len ? b->area.p : (c->area.p ? c->area.p : "");

	if (b->text.len == 0)
		return;
	if (b->kind == K_META && c->period.len == 0 && !c->period_opt) {
		if (c->nheld == MAXMETA)
			release_held(c);
		c->held[c->nheld].line = b->line;
		c->held[c->nheld].text = xstrndup(b->text.p, b->text.len);
		c->nheld++;
		return;
	}
	if (c->nheld > 0)
		release_held(c);
	write_row(c, b->kind, b->depth, b->line, b->text.p, b->text.len,
		  &b->map, commitment, heading, area);
}

/* Title-page rows wait for the period, which may come a few lines later. */
static void
release_held(struct ctx *c)
{
	int i;

	for (i = 0; i < c->nheld; i++) {
		write_row(c, K_META, 0, c->held[i].line, c->held[i].text,
			  strlen(c->held[i].text), NULL, "", "", "");
		free(c->held[i].text);
	}
	c->nheld = 0;
}

static void
write_row(struct ctx *c, enum kind kind, int depth, long line,
	  const char *text, size_t n, const struct buf *map,
	  const char *commitment, const char *heading, const char *area)
{
	struct out *o = &c->out;
	char num[24];
	const char *context[NCONTEXT] = {
		c->doc, c->period.p, c->priority > 0 ? digits(num, c->priority) : "",
		c->title.p, commitment, heading, area
	};
	int i;

	for (i = 0; i < NCONTEXT; i++)
		out_fields(o, context[i]);
	out_fields(o, kind_name[kind]);
	out_long(o, depth);
	out_long(o, line);
	out_field(o, text, n);
	out_field(o, map && map->p ? map->p : "", map ? map->len : 0);
	out_end(o);
}

static void
out_long(struct out *o, long v)
{
	char num[24], *p = digits(num, v < 0 ? 0 : v);
	out_field(o, p, (size_t)(num + 23 - p));
}

/* Decimal digits of v >= 0 at the end of num[24]; returns where they start
 * (printf costs more than the rest of a row). */
static char *
digits(char num[24], long v)
{
	char *p = num + 23;

	*p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) > 0 && p > num);
	return p;
}

/* ---- the period ---- */

/* "Quarter 2 - 2019/20", "Q1 2023/24", "Quarterly Update 2021/22 Q4":
 * a financial year YYYY/YY and a quarter in the same line give
 * "YYYY/YY Qn". */
static bool
parse_period(const char *s, size_t n, struct buf *out)
{
	size_t i, year = n, q = 0;
	bool have_q = false;

	for (i = 0; i + 7 <= n && year == n; i++)
		if (isdigit((unsigned char)s[i]) && isdigit((unsigned char)s[i + 1]) &&
		    isdigit((unsigned char)s[i + 2]) && isdigit((unsigned char)s[i + 3]) &&
		    s[i + 4] == '/' && isdigit((unsigned char)s[i + 5]) &&
		    isdigit((unsigned char)s[i + 6]) &&
		    (i + 7 == n || !isdigit((unsigned char)s[i + 7])) &&
		    (i == 0 || !isdigit((unsigned char)s[i - 1])))
			year = i;
	if (year == n)
		return false;
	for (i = 0; i < n && !have_q; i++) {
		bool word_start = i == 0 || !isalnum((unsigned char)s[i - 1]);
		if (!word_start)
			continue;
		if (prefix_ci(s + i, n - i, "quarter ") &&
		    i + 8 < n && s[i + 8] >= '1' && s[i + 8] <= '4' &&
		    (i + 9 == n || !isdigit((unsigned char)s[i + 9]))) {
			q = (size_t)(s[i + 8] - '0');
			have_q = true;
		} else if ((s[i] == 'Q' || s[i] == 'q') && i + 1 < n &&
			   s[i + 1] >= '1' && s[i + 1] <= '4' &&
			   (i + 2 == n || !isalnum((unsigned char)s[i + 2]))) {
			q = (size_t)(s[i + 1] - '0');
			have_q = true;
		}
	}
	if (!have_q)
		return false;
	buf_reset(out);
	buf_add(out, s + year, 7);
	buf_addf(out, " Q%zu", q);
	return true;
}

/* ---- text ---- */

/* Append s with white space runs folded to one space, ends trimmed.  ASCII
 * goes byte by byte; other code points through utf8proc's classes. */
/* Append src to dst (buf_add with an empty, perhaps unallocated, src). */
static void
buf_copy(struct buf *dst, const struct buf *src)
{
	if (src->len > 0)
		buf_add(dst, src->p, src->len);
}

static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && is_blank(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

static bool
is_blank(int ch)
{
	return ch == ' ' || ch == '\t';
}

static int32_t
first_cp(const char *s, size_t n)
{
	int32_t cp = 0;

	if (n > 0)
		text_decode(s, n, &cp);
	return cp;
}

static bool
starts_upper(const char *s, size_t n)
{
	int32_t cp = first_cp(s, n);
	return n > 0 && (utf8proc_isupper(cp) || text_is_digit(cp));
}

static bool
starts_lower(const char *s, size_t n)
{
	return n > 0 && utf8proc_islower(first_cp(s, n));
}

/* Does the text end a sentence (., ! or ?, perhaps inside quotes)? */
static bool
ends_sentence(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ')' ||
			 s[n - 1] == '"' || s[n - 1] == '\''))
		n--;
	return n > 0 && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

static bool
prefix_ci(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	/* the first byte rules out most lines without a call */
	if (n < k || (s[0] != p[0] && tolower((unsigned char)s[0]) != p[0]))
		return false;
	return strncasecmp(s, p, k) == 0;
}

/* Length of the first word (letters, digits, apostrophes). */
static size_t
word_len(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != ',' &&
	       s[i] != ':' && s[i] != ';' && s[i] != '.')
		i++;
	return i;
}

static bool
word_in(const char *w, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && strncasecmp(w, *list, n) == 0)
			return true;
	return false;
}

static bool
find_ci(const char *s, size_t n, const char *p, size_t *at)
{
	size_t k = strlen(p), i;
	int lo = tolower((unsigned char)p[0]), up = toupper((unsigned char)p[0]);

	for (i = 0; i + k <= n; i++)
		if ((s[i] == lo || s[i] == up) && strncasecmp(s + i, p, k) == 0) {
			*at = i;
			return true;
		}
	return false;
}
