/* commitments.c: tables, tab-separated or laid out with spaces, and the
 * "We will | Commentary | Who" table of commitments.
 *
 * A line cut by tabs (or a Markdown "| a | b |" row) is a table's row.
 * Under a "We will | Commentary | Who" head it is a row of the
 * commitments' table: the first cell is the commitment, reassembled
 * across lines and pages, the middle the commentary, the last who.  Any
 * other row is a data table's: its cells joined by tabs.
 *
 * pdftotext -layout keeps a table's columns apart with runs of spaces,
 * not tabs: a commitments' head gives the columns' places, and its rows
 * are cut there. */

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
static bool numeric_row(const char **cell, const size_t *len, size_t k);
static bool is_number_cell(const char *s, size_t n);
static void table_row(struct ctx *c, const char **cell, const size_t *len,
    size_t k, long line);

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

	if (k < 2 || !opens_with(cell[0], len[0], LEX_BIT(SECTIONS_LEAD_IN), NULL))
		return false;
	for (i = 1; i < k; i++)
		if (opens_with(cell[i], len[i], LEX_BIT(SECTIONS_TABLE_COLUMN), NULL))
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
	area_clear(c);
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
			area_clear(c);
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
	if (wlen > 0)
		area_from_who(c, who, wlen);
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
