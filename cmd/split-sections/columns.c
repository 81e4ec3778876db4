/* columns.c: pages in two columns, read column by column.
 *
 * pdftotext -layout keeps a two-column page's columns side by side: each
 * line holds a line of the left column, a gap, and a line of the right
 * one.  Read as they stand, the columns' sentences run into each other
 * ("over 500 ... each hour of volunteering").  Lines whose text stands in
 * two runs of words, a wide gap between them at the same place line
 * after line, are held (a few at first, to see that the gap holds; up to
 * COLUMN_RUN_MAX in all): then the left column's lines are read, then
 * the right column's, as a page turns between them.  A line that crosses
 * the gap, a page break or a table's cells end the run.  Tables (runs of
 * figures) and single gaps that do not repeat are left as they are. */

enum {
	COLUMN_GAP = 3,		/* spaces between the columns, at least */
	COLUMN_WORDS = 3,	/* words on each side of the gap, at least */
	COLUMN_CHARS = 15,	/* characters on each side, at least */
	COLUMN_AGREE = 3,	/* two-column lines before the run is sure */
	COLUMN_MOVE = 2,	/* the gap's end may move this much */
	COLUMN_SHORT = 16	/* characters of a line of two short sides
				 * (the columns' headings), at least */
};

static int column_split(const char *s, size_t n, int *left_end, bool *weak);
static bool column_fits(const char *s, size_t n, int split);
static void columns_hold(struct ctx *c, const char *raw, size_t rawn);
static void columns_replay(struct ctx *c);
static void columns_flush(struct ctx *c);
static size_t column_width(const struct columns *k);

/* Each line of the report passes here first. */
static void
columns_line(struct ctx *c, const char *raw, size_t rawn)
{
	struct columns *k = &c->columns;
	int left, split;
	bool blank = rawn == strspn(raw, " \t\r"), weak = false;

	if (c->grid.ncols > 0 || c->wewill || memchr(raw, '\f', rawn) ||
	    memchr(raw, '\t', rawn)) {
		columns_end(c);
		process(c, raw, rawn);
		return;
	}
	/* most lines have no wide gap at all: strstr finds that fast (input
	 * lines end in a NUL) */
	split = blank || rawn < COLUMN_SHORT ||
		(raw[rawn] == '\0' && !strstr(raw, "   ")) ? 0 :
		column_split(raw, rawn, &left, &weak);
	if (split > 0 && (k->n == 0 || abs(split - k->split) <= COLUMN_MOVE)) {
		if (k->n == 0)
			k->split = split;
		k->agree += !weak;
		columns_hold(c, raw, rawn);
		if (k->agree >= COLUMN_AGREE)
			k->active = true;
		return;
	}
	/* a blank line, or a line the gap still parts (a column's short
	 * line, one column's text alone) */
	if (k->n > 0 && (blank || column_fits(raw, rawn, k->split))) {
		columns_hold(c, raw, rawn);
		return;
	}
	columns_end(c);
	/* a run of two columns may begin here, after lines that were none */
	if (split > 0 && !weak && c->grid.ncols == 0 && !c->wewill) {
		k->split = split;
		k->agree = 1;
		columns_hold(c, raw, rawn);
		return;
	}
	process(c, raw, rawn);
}

/* The run is over: its lines are read by columns, or as they were. */
static void
columns_end(struct ctx *c)
{
	struct columns *k = &c->columns;

	if (k->n == 0)
		return;
	if (k->active)
		columns_flush(c);
	else
		columns_replay(c);
	k->n = 0;
	k->split = 0;
	k->agree = 0;
	k->active = false;
	buf_reset(&k->lines);
}

/* Where a line's right column starts (in characters), if the line is two
 * runs of words apart by a wide gap, neither of them figures; else 0.
 * *left_end: where the left one ends.  *weak: a side is short (the
 * columns' headings, "Roads      Young people"): held with a run, but no
 * proof of one. */
static int
column_split(const char *s, size_t n, int *left_end, bool *weak)
{
	size_t i = 0, chars = 0, gap_at = 0, gap_end = 0;
	size_t words[2] = {0, 0}, text[2] = {0, 0}, digits[2] = {0, 0};
	int side = 0;

	while (i < n && s[i] == ' ')
		i++, chars++;
	if (i == n || n - i < COLUMN_SHORT - COLUMN_GAP)
		return 0;
	while (i < n) {
		size_t run = 0, a = chars;

		while (i < n && s[i] == ' ')
			i++, chars++, run++;
		if (i == n)
			break;
		if (run >= COLUMN_GAP) {
			if (side == 1)
				return 0;	/* a third column: a table */
			side = 1;
			gap_at = a;
			gap_end = chars;
		}
		words[side]++;
		for (; i < n && s[i] != ' '; i++) {
			text[side]++;
			digits[side] += isdigit((unsigned char)s[i]) != 0;
			chars += ((unsigned char)s[i] & 0xC0) != 0x80;
		}
	}
	if (side == 0 || digits[0] * 4 > text[0] || digits[1] * 4 > text[1] ||
	    text[0] < COLUMN_SHORT / 4 || text[1] < COLUMN_SHORT / 4)
		return 0;
	*weak = words[0] < COLUMN_WORDS || words[1] < COLUMN_WORDS ||
		text[0] < COLUMN_CHARS || text[1] < COLUMN_CHARS;
	*left_end = (int)gap_at;
	return (int)gap_end;
}

/* Whether the gap still parts a line: no text in the COLUMN_GAP
 * characters before the right column's start, and no run of spaces as
 * wide inside either side (that would be a table's cells). */
static bool
column_fits(const char *s, size_t n, int split)
{
	size_t i, chars = 0, run = 0, gaps = 0;
	bool text = false;

	for (i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		if (s[i] == ' ') {
			run++;
		} else {
			if (text && run >= COLUMN_GAP)
				gaps++;
			if (chars + COLUMN_GAP >= (size_t)split && chars < (size_t)split)
				return false;	/* text across the gap */
			text = true;
			run = 0;
		}
		chars++;
	}
	return text && gaps <= 1;
}

static void
columns_hold(struct ctx *c, const char *raw, size_t rawn)
{
	struct columns *k = &c->columns;

	buf_add(&k->lines, raw, rawn);
	buf_addc(&k->lines, '\0');
	k->line[k->n++] = c->lineno;
	if (k->n == COLUMN_RUN_MAX)
		columns_end(c);
}

/* Not two columns after all: the lines as they came. */
static void
columns_replay(struct ctx *c)
{
	replay(c, c->columns.lines.p, c->columns.line, c->columns.n, process);
}

/* The left column's lines, then the right one's. */
static void
columns_flush(struct ctx *c)
{
	struct columns *k = &c->columns;
	long lineno = c->lineno;
	struct buf part = BUF_INIT;
	int side, i;
	size_t wrap = c->wrap;

	/* a page set in columns is the body's, not a title page's */
	if (c->phase == PH_META) {
		flush_block(c);
		c->phase = PH_BODY;
	}

	for (side = 0; side < 2; side++) {
		const char *p = k->lines.p;

		/* a column's text is wrapped by hand to the column's width:
		 * a line that fills it is running text, a heading's leaves
		 * most of it empty */
		c->wrap = side == 0 ? (size_t)k->split - COLUMN_GAP : column_width(k);
		if (c->wrap < WRAP_MIN)
			c->wrap = WRAP_MIN;

		for (i = 0; i < k->n; i++) {
			size_t n = strlen(p), j, chars = 0, cut = n;

			for (j = 0; j < n; j++) {
				if (chars == (size_t)k->split - COLUMN_MOVE &&
				    ((unsigned char)p[j] & 0xC0) != 0x80) {
					cut = j;
					break;
				}
				chars += ((unsigned char)p[j] & 0xC0) != 0x80;
			}
			buf_reset(&part);
			if (side == 0)
				buf_add(&part, p, cut);
			else if (cut < n)
				buf_add(&part, p + cut, n - cut);
			c->lineno = k->line[i];
			process(c, part.p ? part.p : "", part.len);
			p += n + 1;
		}
		if (side == 0)
			pause(c, true);	/* the column ends as a page does */
	}
	buf_free(&part);
	c->lineno = lineno;
	if (c->wrap < wrap)
		c->wrap = wrap;
}

/* The right column's width: its longest line, in characters. */
static size_t
column_width(const struct columns *k)
{
	const char *p = k->lines.p;
	size_t most = 0, n, j, chars;
	int i;

	for (i = 0; i < k->n; i++, p += n + 1) {
		n = strlen(p);
		for (j = 0, chars = 0; j < n; j++)
			chars += ((unsigned char)p[j] & 0xC0) != 0x80;
		if (chars > (size_t)k->split && chars - (size_t)k->split > most)
			most = chars - (size_t)k->split;
	}
	return most;
}
