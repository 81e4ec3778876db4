/* read.c: a report in, line by line; its title page, its period, its
 * page furniture.
 *
 * The report is read line by line and never held whole.  A line is
 * cleaned (layout.c), shaped (its indentation and Markdown marks), and
 * then either taken out as page furniture (a page number, a running
 * header met again, "Page 3 of 9", a protective marking: meta rows,
 * outside the outline), the contents page (contents.c), the report's
 * structure (outline.c, commitments.c, grid.c), or gathered as text
 * (blocks.c).  A line under a data table laid out with spaces goes to the
 * table first (grid.c), a cell of a table one cell a line to it
 * (fields.c); a page in two columns is read column by column
 * (columns.c).
 *
 * The title page is every line before the body begins: before a
 * heading of the outline, the contents page, a list, a table, or running
 * text.  Its lines are meta rows.  The period is the first line there
 * naming a quarter or a year (or a month in a heading); failing that, a
 * heading of the body, or one of its first paragraphs, naming one.  Rows
 * wait for it (output.c). */

enum {
	PAGE_NUMBER_MAX = 12,	/* "12 of 140", after "Page " */
	FURNITURE_WORDS_MAX = 40, /* bytes of "NOT PROTECTIVELY MARKED" and the like */
	BODY_WORDS = 12,	/* a line this long is running text... */
	SENTENCE_WORDS = 8,	/* ... and one this long */
	SENTENCE_LOWER = 6	/* with 6 words in 10 lower case (a title
				 * capitalises its words) */
};

static const char *base_name(const char *path);
static void reset_doc(struct ctx *c);
static bool furniture_line(struct ctx *c, struct shape *v);
static bool is_furniture(struct ctx *c, const char *s, size_t n);
static bool furniture_parts(struct ctx *c, const char *s, size_t n);
static bool front_matter(struct ctx *c, const struct shape *v);
static bool number_waits(struct ctx *c, const struct shape *v);
static bool title_page_line(struct ctx *c, struct shape *v);
static void remember_furniture(struct ctx *c, const char *s, size_t n);
static void meta_line(struct ctx *c, const char *s, size_t n);
static void furniture_row(struct ctx *c, const char *s, size_t n);
static void furniture_first(struct ctx *c);
static void title_period(struct ctx *c, const struct shape *v);
static bool names_quarter(const char *s, size_t n);
static bool memchr_digit(const char *s, size_t n);
static bool is_code(const char *s, size_t n);

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
	c->path = in.name;
	c->doc = c->doc_opt ? c->doc_opt :
		(path && strcmp(path, "-") != 0 ? base_name(path) : "stdin");
	c->markdown = path && strlen(path) > 3 && !strcmp(path + strlen(path) - 3, ".md");
	while ((n = input_line(&in, &line)) >= 0) {
		c->lineno = input_lineno(&in);
		columns_line(c, line, (size_t)n);
	}
	columns_end(c);
	grid_end(c);
	flat_end(c);
	end_tab_table(c);
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

	for (i = 0; i < c->ntitles; i++) {
		free(c->titles[i].label);
		free(c->titles[i].title);
	}
	c->ntitles = 0;
	for (i = 0; i < c->nfurniture; i++)
		free(c->furniture[i]);
	c->nfurniture = 0;
	buf_reset(&c->period);
	if (c->period_opt)
		buf_adds(&c->period, c->period_opt);
	c->phase = PH_META;
	c->wrote = false;
	c->year_only = false;
	c->front = c->crumb = c->md_title = false;
	c->paras = 0;
	c->wrap = 0;
	buf_reset(&c->pending_num);
	buf_reset(&c->label);
	buf_reset(&c->title);
	buf_reset(&c->commitment);
	area_clear(c);
	for (i = 0; i <= LEVELS; i++)
		c->lvstyle[i] = -1;
	c->nstyles = 0;
	c->strong_top = false;
	c->nnumbering = 0;
	c->after.open = false;
	c->expect = 0;
	c->wewill = false;
	c->blk.open = c->cell.open = c->note.open = false;
	c->cell.line = 0;
	c->who_line = 0;
	c->ndepth = 0;
	c->grid.ncols = 0;
	c->grid.nrow = c->grid.nheld = 0;
	c->grid.group_level = 0;
	c->in_table = c->table_data = false;
	c->flat.open = false;
	c->last_title = -1;
	c->last_title_line = 0;
	c->pages_col = 0;
}

/* Held lines (NUL-ended, one after the other) read again in order, each
 * at its own line number, through fn: a table's head that was none, a
 * run of lines that was not two columns. */
static void
replay(struct ctx *c, const char *p, const long *line, int n,
       void (*fn)(struct ctx *, const char *, size_t))
{
	long lineno = c->lineno;
	int i;

	for (i = 0; i < n; i++) {
		size_t len = strlen(p);
		c->lineno = line[i];
		fn(c, p, len);
		p += len + 1;
	}
	c->lineno = lineno;
}

/* A line under a data table laid out with spaces goes to the table if it
 * is one of its rows, a cell to its table one cell a line; any other
 * line is read on its own. */
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
	if (c->broke) {
		buf_reset(&c->pending_num);	/* a page number, at the page's end */
		pause(c, true);
	}
	if (!shape_line(c, &v)) {
		pause(c, false);
		buf_reset(&c->pending_num);	/* a page number, alone */
		c->table_gap = c->in_table;
		return;
	}
	if (front_matter(c, &v) || number_waits(c, &v))
		return;
	if (c->flat.open && flat_line(c, v.s, v.n))
		return;
	flat_end(c);
	/* the period comes from the title page, whose rows are held until
	 * it is known (output.c); once a row has gone out it is settled, so
	 * that a report has one period */
	if (c->phase == PH_META && (c->period.len == 0 || c->year_only) && !c->wrote)
		title_period(c, &v);
	if (furniture_line(c, &v))
		return;
	if (pending_heading(c) && resolve_heading(c, &v))
		return;
	if (contents_page(c, &v) || structure_line(c, &v))
		return;
	if (c->phase == PH_META && title_page_line(c, &v))
		return;
	body_line(c, &v);
}

/* YAML front matter ("---" ... "---" at the top): title-page rows. */
static bool
front_matter(struct ctx *c, const struct shape *v)
{
	bool rule = v->n == 3 && !memcmp(v->s, "---", 3);

	if (rule && c->phase == PH_META && !c->wrote && c->nheld == 0 &&
	    !c->front && c->lineno == 1) {
		c->front = true;
		return true;
	}
	if (!c->front)
		return false;
	if (rule || (v->n == 3 && !memcmp(v->s, "...", 3)))
		c->front = false;
	else
		meta_line(c, v->s, v->n);
	return true;
}

/* A bare number after a blank line is a page number if the page ends
 * after it; if a lower-case line follows, it was a figure (a tile's),
 * and is read with it. */
static bool
number_waits(struct ctx *c, const struct shape *v)
{
	bool bare;

	if (c->pending_num.len > 0) {
		if (starts_lower(v->s, v->n) && !c->broke) {
			struct shape f = {c->pending_num.p, c->pending_num.len, 0, 0, false};
			long line = c->lineno;

			c->lineno = c->pending_num_line;
			tile_line(c, &f);
			c->lineno = line;
		}
		buf_reset(&c->pending_num);
	}
	if ((!c->blk.open || c->paused || c->broke) && !v->heading &&
	    is_page_number(v->s, v->n, &bare) && bare) {
		buf_add(&c->pending_num, v->s, v->n);
		c->pending_num_line = c->lineno;
		return true;
	}
	return false;
}

/* Page numbers and running headers go; so does the contents page
 * (contents.c), which gives the sections' titles as meta rows. */
static bool
furniture_line(struct ctx *c, struct shape *v)
{
	const char *s = v->s;
	size_t n = v->n;
	bool bare;

	/* a bare number after a sentence going on is its last word
	 * ("open" / "24/7"), not a page number */
	if (is_page_number(s, n, &bare) && !v->heading &&
	    !(bare && c->blk.open && !c->paused &&
	      !ends_sentence(c->blk.text.p, c->blk.text.len))) {
		if (!bare)
			furniture_row(c, s, n);
		pause(c, true);
		return true;
	}
	if (c->phase != PH_META && (is_furniture(c, s, n) || furniture_parts(c, s, n))) {
		furniture_row(c, s, n);
		pause(c, true);
		return true;
	}
	return false;
}

/* A header or footer laid out in parts ("OFFICIAL      Page 2 of 5"):
 * each part apart by a wide gap is furniture. */
static bool
furniture_parts(struct ctx *c, const char *s, size_t n)
{
	size_t i = 0, a;
	bool bare, parts = false;

	if (n > FURNITURE_LINE_MAX || !has_gap(s, n))
		return false;
	while (i < n) {
		for (a = i; i < n && !(s[i] == ' ' && i + 1 < n && s[i + 1] == ' '); i++)
			;
		if (!is_page_number(s + a, i - a, &bare) && !is_furniture(c, s + a, i - a))
			return false;
		parts = true;
		while (i < n && s[i] == ' ')
			i++;
	}
	return parts;
}

/* A row of page furniture goes out now; what was pending before it goes
 * first, unless it may go on on the next page (a sentence not ended). */
static void
furniture_first(struct ctx *c)
{
	struct block *b = &c->blk;

	if (b->open && (b->kind != K_PARA && b->kind != K_BULLET ? true :
			b->last_ends && b->role == R_TEXT))
		flush_block(c);
}

/* A page number: "7", "Page 7 of 64", "7/64" (*bare: without "Page"). */
static bool
is_page_number(const char *s, size_t n, bool *bare)
{
	size_t i, slash = 0;
	long a = 0, b = 0;

	*bare = true;
	if (n == 0 || (!isdigit((unsigned char)s[0]) && !is_letter(s[0])))
		return false;	/* most lines: at once */
	if ((i = opens_with(s, n, LEX_BIT(SECTIONS_PAGE), NULL)) > 0 &&
	    i < n && s[i] == ' ') {
		s += i + 1;
		n -= i + 1;
		*bare = false;
	}
	if (n == 0 || n > PAGE_NUMBER_MAX || !isdigit((unsigned char)s[0]))
		return false;
	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)s[i]) && slash)
			b = b * 10 + (s[i] - '0');
		else if (isdigit((unsigned char)s[i]))
			a = a * 10 + (s[i] - '0');
		else if (s[i] == '/' && !slash)
			slash = i;
		else if (!(i > 0 && (s[i] == ' ' || s[i] == 'o' || s[i] == 'f')))
			return false;
	}
	return !slash || (b > 0 && a <= b);	/* "7/64", not "24/7" */
}

/* Running headers and footers: a title-page line met again, a short
 * line naming the report and its period, a protective marking or an
 * agenda item's number alone. */
static bool
is_furniture(struct ctx *c, const char *s, size_t n)
{
	size_t k;
	int i;

	if (n > FURNITURE_LINE_MAX)
		return false;
	for (i = 0; i < c->nfurniture; i++)
		if (c->furniture_len[i] == n && memcmp(c->furniture[i], s, n) == 0)
			return true;
	if (n > FURNITURE_WORDS_MAX)
		;	/* a marking or an item's number is short */
	else if (is_code(s, n))
		return true;	/* a print reference: "PCP/2031/07" */
	else if ((k = opens_with(s, n, LEX_BIT(SECTIONS_FURNITURE), NULL)) > 0) {
		while (k < n && (isdigit((unsigned char)s[k]) || strchr(" .:-()/", s[k])))
			k++;
		if (k == n || is_code(s + k, n - k))
			return true;	/* "Agenda Item 5", "Printed: 3/7/2031", "Ref: X/1" */
	}
	else if (n > 2 && s[0] == '[' && s[n - 1] == ']' &&
	    opens_with(s + 1, n - 2, LEX_BIT(SECTIONS_FURNITURE), NULL) == n - 2)
		return true;	/* "[Official]" */
	/* a quarter is named with a year: no digit, no running header */
	return memchr_digit(s, n) && has_phrase(s, n, SECTIONS_RUNNING_HEADER) &&
	       names_quarter(s, n);
}

/* A document's code alone: "PCP/2031/07", "SPB-24-031" (letters and
 * digits apart by slashes or dashes, no space). */
static bool
is_code(const char *s, size_t n)
{
	size_t i, digits = 0, marks = 0, upper = 0;

	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)s[i]))
			digits++;
		else if (s[i] == '/' || s[i] == '-' || s[i] == '.' || s[i] == '_')
			marks++;
		else if (isupper((unsigned char)s[i]))
			upper++;
		else
			return false;
	}
	return digits > 0 && marks > 0 && upper > 0;
}

static bool
memchr_digit(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (isdigit((unsigned char)s[i]))
			return true;
	return false;
}

static void
remember_furniture(struct ctx *c, const char *s, size_t n)
{
	if (c->nfurniture < FURNITURE_MAX && n > 0 && n <= FURNITURE_LINE_MAX) {
		c->furniture_len[c->nfurniture] = n;
		c->furniture[c->nfurniture++] = xstrndup(s, n);
	}
}

/* A line of the title page: a meta row, unless the body begins with it
 * (false: it is read as the body's).  A breadcrumb ("Home > About us >
 * Our performance") makes the next heading the page's own title: the
 * body's first section. */
static bool
title_page_line(struct ctx *c, struct shape *v)
{
	const char *s = v->s;
	size_t n = v->n, k;
	struct hform h;
	struct period p;

	if (c->crumb && !v->heading && title_like(s, n) && !is_dateline(s, n)) {
		memset(&h, 0, sizeof h);
		h.form = F_TITLE;
		h.title = (struct span){0, n};
		heading_row(c, &h, s, n, K_PARA);
		return true;
	}
	if (contains(s, n, " > ") || contains(s, n, " \xe2\x80\xba "))
		c->crumb = true;
	/* a title-page line going on: a lower-case line or a figure under it
	 * makes it running text ("The force now supports" / "3500"); a line
	 * after one that stopped short ("by the Insight and") joins it */
	if (c->blk.open && c->blk.kind == K_META && !c->paused) {
		/* a centred line going on ("Presented to the Panel" / "on
		 * 18 June 2032") stays on the title page */
		if (v->indent >= UPPER_INDENT && starts_lower(s, n) &&
		    !ends_sentence(s, n) && n < TITLE_LINE_MAX) {
			block_add(&c->blk, s, n, c->lineno);
			return true;
		}
		if (starts_lower(s, n) || is_figure_line(s, n)) {
			c->blk.kind = K_PARA;
			if (c->nfurniture > 0)
				free(c->furniture[--c->nfurniture]);
			c->phase = PH_BODY;
			return false;
		}
		if (ends_open(c->blk.text.p, c->blk.text.len)) {
			block_add(&c->blk, s, n, c->lineno);
			return true;
		}
	}
	if (body_begins(v)) {
		flush_block(c);
		c->phase = PH_BODY;
		return false;
	}
	/* the report's first line is its title, whatever its form */
	if (!c->blk.open && c->nheld == 0 && !c->wrote && c->nfurniture == 0) {
		meta_line(c, s, n);
		return true;
	}
	if ((!c->blk.open || c->paused) && other_language(c, v))
		return true;
	/* a short line alone (a blank line above it) may head the body: the
	 * next line decides (outline.c) */
	if ((!c->blk.open || c->paused) && title_like(s, n) && !is_dateline(s, n) &&
	    !is_field(s, n, &k) && !caption_form(s, n) && !period_find(s, n, &p)) {
		memset(&h, 0, sizeof h);
		h.form = text_caps(s, n) ? F_CAPS : F_PLAIN;
		h.title = (struct span){0, n};
		start_heading(c, &h, v);
		return true;
	}
	meta_line(c, s, n);
	return true;
}

/* A list, a long line, a sentence: running text, not a title page's. */
static bool
body_begins(const struct shape *v)
{
	const char *s = v->s;
	size_t n = v->n, lower, words = count_words(s, n, &lower);
	struct hform h;

	return bullet_sign(s, n) || enumerator(s, n, &h) > 0 || words >= BODY_WORDS ||
	       (ends_sentence(s, n) && words >= BODY_WORDS / 2) ||
	       (words >= SENTENCE_WORDS && lower * 10 >= words * SENTENCE_LOWER);
}

/* Title page: one row a line (a line going on joins it), each
 * remembered to know it again as a running header. */
static void
meta_line(struct ctx *c, const char *s, size_t n)
{
	remember_furniture(c, s, n);
	flush_block(c);
	block_start(&c->blk, K_META, 0, c->lineno);
	block_add(&c->blk, s, n, c->lineno);
}

/* Page furniture: a meta row outside the outline (output.c), the text
 * it broke going on after it. */
static void
furniture_row(struct ctx *c, const char *s, size_t n)
{
	struct block b = {0};

	furniture_first(c);
	block_start(&b, K_META, 0, c->lineno);
	block_add(&b, s, n, c->lineno);
	b.open = false;
	emit(c, &b, "");
	buf_free(&b.text);
	buf_free(&b.map);
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
	if (c->year_only) {
		/* "Chwarter 2 2032/33" read as the year, then "Quarter 2
		 * 2032/33": a quarter of that year */
		if (p.kind != PERIOD_QUARTER || p.fy != c->year_fy)
			return;
		buf_reset(&c->period);
	}
	buf_adds(&c->period, period_format(&p, text));
	/* a year waits (the rows with it) for a quarter of it until the
	 * title page ends */
	c->year_only = p.kind == PERIOD_YEAR && !c->period_opt;
	c->year_fy = p.fy;
	if (!c->year_only)
		release_held(c);
}

/* No period on the title page: a heading of the body naming one ("4.
 * PERFORMANCE REPORT – QUARTER 3 2024/25", "## February 2025"), or one
 * of the first paragraphs naming a quarter or a year ("... covering
 * April to September 2024, the first half of 2024/25"), while rows still
 * wait for it. */
static void
body_period(struct ctx *c, const char *s, size_t n, bool heading)
{
	struct period p;
	char text[PERIOD_TEXT_MAX];

	if (c->period.len > 0 || c->wrote || n == 0 ||
	    !period_find(s, n < TITLE_LINE_MAX * 4 ? n : TITLE_LINE_MAX * 4, &p) ||
	    (p.kind < PERIOD_YEAR && !heading))
		return;
	buf_adds(&c->period, period_format(&p, text));
	release_held(c);
}

/* A running header names the quarter of its report. */
static bool
names_quarter(const char *s, size_t n)
{
	struct period p;

	return period_find(s, n, &p) && p.kind == PERIOD_QUARTER;
}
