/* tables.c: the rows of a data table, as docs/tables.md says them.
 *
 * A table is a run of rows whose kind says what each is: a `caption`
 * (its title), `head` rows (column labels, one cell a column), `group`
 * rows (a name over the rows under it), `table` rows (a label, then one
 * cell a column; empty cells kept, NA / TBC kept as written).  Here:
 * tables with tab-separated cells (PDF text) and Markdown pipe tables,
 * with any number of columns; grid.c reads tables laid out with spaces,
 * fields.c those flattened one cell a line, "Label: value" blocks and
 * tiles.
 *
 * A group row names the rows under it: while its table lasts it is the
 * section under the deepest one open (a level-2 `commitment` under a
 * top section, a `heading` under a commitment). */

enum {
	DATA_ROW_CELLS = 3,	/* cells filled in a data table's row laid out
				 * with spaces, at least */
	VALUE_CELL_MAX = 32	/* bytes of a cell holding a figure */
};

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

/* A row of a data table with tab-separated cells: a caption (one cell,
 * before any data), head rows (no figure, before the data, or after a
 * blank line), a group (one cell among the data) or a data row. */
static void
tab_row(struct ctx *c, const char *s, size_t n)
{
	size_t i, filled = 0, values = 0, cell = 0;
	struct span one = {0, 0};	/* the first filled cell */
	enum kind kind = K_TABLE;

	/* every cell counts, however many */
	for (i = 0; i <= n; cell++) {
		const char *tab = memchr(s + i, '\t', n - i);
		size_t e = tab ? (size_t)(tab - s) : n;
		struct span t = trim_span(s, (struct span){i, e});

		if (span_len(t) > 0) {
			if (filled++ == 0)
				one = t;
			values += cell > 0 && is_value_cell(s + t.a, span_len(t));
		}
		i = e + 1;
	}
	if (!c->in_table) {
		/* a short line just above is the table's caption */
		if (is_caption(&c->blk))
			c->blk.kind = K_CAPTION;
		flush_all(c);
		c->in_table = true;
		c->table_data = false;
	}
	if (filled == 1) {
		if (c->table_data) {
			table_group(c, s + one.a, span_len(one));
			kind = K_GROUP;
		} else {
			kind = K_CAPTION;
		}
	} else if (values == 0 && (!c->table_data || c->table_gap)) {
		kind = K_HEAD;
		c->table_data = false;
	} else {
		c->table_data = true;
	}
	c->table_gap = false;
	c->phase = PH_BODY;
	flush_block(c);
	block_start(&c->blk, kind, 0, c->lineno);
	/* every cell, however many: trimmed, tabs between */
	for (i = 0; i <= n; ) {
		const char *tab = memchr(s + i, '\t', n - i);
		size_t e = tab ? (size_t)(tab - s) : n;
		struct span t = trim_span(s, (struct span){i, e});

		if (i > 0)
			buf_addc(&c->blk.text, '\t');
		text_squeeze_space(&c->blk.text, s + t.a, span_len(t));
		i = e + 1;
	}
	if (kind == K_CAPTION || kind == K_GROUP) {
		buf_reset(&c->blk.text);
		text_squeeze_space(&c->blk.text, s + one.a, span_len(one));
	}
	while (c->blk.text.len > 0 && c->blk.text.p[c->blk.text.len - 1] == '\t')
		buf_truncate(&c->blk.text, c->blk.text.len - 1);
	if (kind == K_TABLE)
		area_of_label(c, &c->blk, c->blk.text.p, c->blk.text.len);
	c->blk.open = false;
	emit(c, &c->blk, c->commitment.p ? c->commitment.p : "");
}

/* The rows of tab-separated cells are over. */
static void
end_tab_table(struct ctx *c)
{
	if (!c->in_table)
		return;
	c->in_table = false;
	c->table_data = c->table_gap = false;
	if (c->grid.group_level)
		clear_level(c, c->grid.group_level);
	c->grid.group_level = 0;
}

/* A group row: the section under the deepest one open, while the table
 * lasts. */
static void
table_group(struct ctx *c, const char *s, size_t n)
{
	int level;

	if (c->grid.group_level)
		clear_level(c, c->grid.group_level);
	level = deepest(c) + 1;
	if (level < 2)
		level = 2;
	if (level > LEVELS)
		level = LEVELS;
	if (level == 2) {
		buf_reset(&c->commitment);
		text_squeeze_space(&c->commitment, s, n);
		area_clear(c);
		if (is_place(c, c->commitment.p, c->commitment.len))
			buf_copy(&c->area, &c->commitment);
	} else {
		area_from_heading(c, s, n);
	}
	c->lvstyle[level] = -1;
	c->grid.group_level = level;
}

/* A row of cells (spaced, or one cell a line) as a row of its kind:
 * cells joined by tabs, empty cells kept so that the columns line up. */
static void
cells_row(struct ctx *c, enum kind kind, const struct cells *r, long line)
{
	struct block *b = &c->blk;
	size_t i;

	flush_block(c);
	block_start(b, kind, 0, line);
	for (i = 0; i < r->k; i++) {
		if (i > 0)
			buf_addc(&b->text, '\t');
		text_squeeze_space(&b->text, cell_at(r, i), cell_len(r, i));
	}
	/* trailing empty cells carry nothing */
	while (b->text.len > 0 && b->text.p[b->text.len - 1] == '\t')
		buf_truncate(&b->text, b->text.len - 1);
	if (kind == K_TABLE)
		area_of_label(c, b, b->text.p, b->text.len);
	b->open = false;
	emit(c, b, c->commitment.p ? c->commitment.p : "");
}

/* A row of a data table: three cells or more filled, half of them or
 * more numbers. */
static bool
numeric_row(const struct cells *r)
{
	size_t i, filled = 0, numbers = 0;

	for (i = 0; i < r->k; i++) {
		if (cell_len(r, i) == 0)
			continue;
		filled++;
		numbers += is_number_cell(cell_at(r, i), cell_len(r, i));
	}
	return filled >= DATA_ROW_CELLS && numbers * 2 >= filled;
}

/* A cell naming a period: a year ("2029/30", "2013-14", "2024"), a
 * quarter ("Q3 2024/25"); a head's, over figures. */
static bool
is_period_cell(const char *s, size_t n)
{
	struct period p;

	if (n == 4 && (!memcmp(s, "19", 2) || !memcmp(s, "20", 2)) &&
	    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]))
		return true;
	return n <= VALUE_CELL_MAX && period_find(s, n, &p) && p.kind >= PERIOD_YEAR;
}

/* A row of periods and perhaps a word or two, with no label before
 * them ("2029/30   2030/31   Change"): a head, however much it looks
 * like a row of numbers. */
static bool
period_row(const struct cells *r)
{
	size_t i, periods = 0;

	if (r->k == 0 || !is_period_cell(cell_at(r, 0), cell_len(r, 0)))
		return false;
	for (i = 0; i < r->k; i++) {
		if (is_period_cell(cell_at(r, i), cell_len(r, i)))
			periods++;
		else if (is_number_cell(cell_at(r, i), cell_len(r, i)))
			return false;
	}
	return periods >= 2;
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

/* A cell a data row holds where a head holds a label: a number in any
 * dress ("182,406", "88.9%", "£1.2m", "3:48", "347*", "2m 31s", "-1.10",
 * "+2.3 pts", "4 mins 21 secs"), or a mark for none (NA, N/A, TBC, "-").
 * A period ("2024/25", "Jun-23") or a label ("Q1") is a head's. */
static bool
is_value_cell(const char *s, size_t n)
{
	struct period p;
	size_t i = 0;
	int32_t cp;
	bool slash = false;

	if (n == 0 || n > VALUE_CELL_MAX)
		return false;
	if ((n == 2 && !strncasecmp(s, "na", n)) ||
	    (n == 3 && (!strncasecmp(s, "n/a", n) || !strncasecmp(s, "tbc", n) ||
			!strncasecmp(s, "nil", n))) ||
	    (n == 1 && strchr("-*x", s[0])) || (n == 3 && !memcmp(s, "\xe2\x80\x93", 3)))
		return true;
	/* a sign, a currency, an arrow before the digits */
	while (i < n) {
		size_t k = text_decode(s + i, n - i, &cp);
		if (cp == '+' || cp == '(' || text_is_dash(cp) ||
		    utf8proc_category(cp) == UTF8PROC_CATEGORY_SC ||
		    (cp >= 0x2190 && cp <= 0x21FF) || cp == ' ')
			i += k;
		else
			break;
	}
	if (i >= n || !isdigit((unsigned char)s[i]))
		return false;
	/* letters only after the digits: units ("s", "m", "pts", "mins") */
	for (; i < n; i++) {
		if ((unsigned char)s[i] >= 0x80 ||
		    !(isalnum((unsigned char)s[i]) || strchr(",.:/%*) -", s[i])))
			return false;
		slash |= s[i] == '/' || s[i] == '-';
	}
	/* "2024/25", "2013-14" are periods */
	return !slash || !period_find(s, n, &p);
}
