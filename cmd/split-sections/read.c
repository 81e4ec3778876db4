/* read.c: a report in, line by line, and its page furniture.
 *
 * The report is read line by line and never held whole.  A line is
 * cleaned (layout.c), shaped (its indentation and Markdown marks), and
 * then either dropped as page furniture (a page number, a running header
 * met again, the contents page), taken as the report's structure
 * (outline.c, commitments.c, grid.c), or gathered as text (blocks.c).  A
 * line under a data table laid out with spaces goes to the table first
 * (grid.c). */

/* "12 of 140" is as long as a page number gets, after "Page ". */
enum { PAGE_NUMBER_MAX = 12 };

static const char *base_name(const char *path);
static void reset_doc(struct ctx *c);
static void process(struct ctx *c, const char *raw, size_t rawn);
static void process_line(struct ctx *c, const char *raw, size_t rawn);
static bool furniture_line(struct ctx *c, struct shape *v);
static bool is_page_number(const char *s, size_t n);
static bool is_furniture(struct ctx *c, const char *s, size_t n);
static void meta_line(struct ctx *c, const char *s, size_t n);
static void title_period(struct ctx *c, const struct shape *v);
static bool names_quarter(const char *s, size_t n);

/* One report, from a file or from standard input ("-"): its rows out. */
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

	for (i = 0; i < TITLES_MAX; i++) {
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
	c->wrote = false;
	c->priority = 0;
	buf_reset(&c->title);
	buf_reset(&c->commitment);
	area_clear(c);
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
	/* the period comes from the title page, whose rows are held until
	 * it is known (output.c); once a row has gone out it is settled, so
	 * that a report has one period */
	if (c->phase == PH_META && c->period.len == 0 && !c->wrote)
		title_period(c, &v);
	if (furniture_line(c, &v) || structure_line(c, &v))
		return;
	if (c->phase == PH_META)
		meta_line(c, v.s, v.n);
	else
		body_line(c, &v);
}

/* Page numbers and running headers are dropped; so is the contents page
 * (contents.c), which gives the priorities' titles but no rows. */
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
	return contents_page(c, v);
}

/* A page number: "7", "Page 7 of 64", "7/64". */
static bool
is_page_number(const char *s, size_t n)
{
	size_t i;

	if ((i = opens_with(s, n, LEX_BIT(SECTIONS_PAGE), NULL)) > 0 &&
	    i < n && s[i] == ' ') {
		s += i + 1;
		n -= i + 1;
	}
	if (n == 0 || n > PAGE_NUMBER_MAX)
		return false;
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]) &&
		    !(i > 0 && (s[i] == ' ' || s[i] == 'o' || s[i] == 'f' ||
				s[i] == '/')))
			return false;
	return isdigit((unsigned char)s[0]);
}

/* Running headers and footers: a title-page line met again, or a short
 * line naming the report and its period. */
static bool
is_furniture(struct ctx *c, const char *s, size_t n)
{
	int i;

	if (n > FURNITURE_LINE_MAX)
		return false;
	for (i = 0; i < c->nfurniture; i++)
		if (strlen(c->furniture[i]) == n &&
		    memcmp(c->furniture[i], s, n) == 0)
			return true;
	return has_phrase(s, n, SECTIONS_RUNNING_HEADER) && names_quarter(s, n);
}

static void
remember_furniture(struct ctx *c, const char *s, size_t n)
{
	if (c->nfurniture < FURNITURE_MAX && n > 0 && n <= FURNITURE_LINE_MAX)
		c->furniture[c->nfurniture++] = xstrndup(s, n);
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

/* The report's period, from its title page (lib/period): the first line
 * there that names a quarter or a financial year ("Quarter 2 - 2019/20",
 * "Annual Report 2023/24"), or a heading that names a month or a span of
 * months ("# Monthly Update: February 2025").  The title page's other
 * lines name the dates of meetings and of publication ("6 February
 * 2025"), not the period reported on. */
static void
title_period(struct ctx *c, const struct shape *v)
{
	struct period p;
	char text[PERIOD_TEXT_MAX];

	if (v->n >= TITLE_LINE_MAX || !period_find(v->s, v->n, &p) ||
	    (p.kind < PERIOD_YEAR && !v->heading))
		return;
	buf_adds(&c->period, period_format(&p, text));
}

/* A running header names the quarter of its report. */
static bool
names_quarter(const char *s, size_t n)
{
	struct period p;

	return period_find(s, n, &p) && p.kind == PERIOD_QUARTER;
}
