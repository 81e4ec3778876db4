/* commitments.c: lines of cells, tab-separated or laid out with spaces,
 * and the "We will | Commentary | Who" table of commitments.
 *
 * A line cut by tabs (or a Markdown "| a | b |" row, tables.c) is a
 * table's row.  Under a "We will | Commentary | Who" head it is a row of
 * the commitments' table: the first cell is the commitment, reassembled
 * across lines and pages, the middle the commentary, the last who.  Any
 * other row is a data table's (tables.c).
 *
 * pdftotext -layout keeps a table's columns apart with runs of spaces,
 * not tabs: a commitments' head gives the columns' places, and its rows
 * are cut there. */

enum {
	ROW_MIN = 8,		/* bytes of the shortest line of spaced cells */
	WHO_MAX = 100,		/* bytes of a Who cell: a name or two */
	COLUMN_NEAR = 7,	/* a column's text starts within 6 bytes of its head */
	COLUMN_SLACK = 10,	/* uncut text past the second column's place by
				 * more than this is a paragraph */
	ROW_GAP = 3		/* spaces between a row's cells, at least,
				 * for the row to say where its columns lie */
};

static void gap_cells(const char *s, size_t n, struct cells *r);
static bool cut_columns(struct ctx *c, const char *s, size_t n);
static void row_columns(struct ctx *c, const struct cells *r);
static size_t column_start(const char *s, struct span within, size_t col,
    bool exact);
static void split_cells(struct ctx *c, const char *s, size_t n,
    struct cells *r);
static bool is_table_head(const struct cells *r);
static void start_table(struct ctx *c, const char *s, size_t n);
static void wewill_row(struct ctx *c, const struct cells *r);
static void close_cell(struct ctx *c);
static void flush_note(struct ctx *c);
static bool numeric_row(const struct cells *r);
static void tab_row(struct ctx *c, const char *s, size_t n);
static void cells_row(struct ctx *c, enum kind kind, const struct cells *r,
    long line);

static void
tab_line(struct ctx *c, const char *s, size_t n)
{
	struct cells r;

	split_cells(c, s, n, &r);
	if (is_table_head(&r)) {
		start_table(c, s, n);
		return;
	}
	if (c->wewill && !numeric_row(&r)) {
		wewill_row(c, &r);
		return;
	}
	end_table(c);
	tab_row(c, s, n);
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
	r.k = 0;
	if ((v->n >= ROW_MIN && has_gap(v->s, v->n)) ||
	    (v->indent >= UPPER_INDENT && !c->wewill && !c->grid.replaying &&
	     c->grid.ncols == 0))
		gap_cells(line, n, &r);
	if (c->wewill && c->ncols > 0 && r.k <= c->ncols && !numeric_row(&r)) {
		row_columns(c, &r);
		if (!cut_columns(c, line, n))
			return false;	/* a paragraph across the page */
		tab_line(c, c->tmp.p, c->tmp.len);
		return true;
	}
	if (r.k == 0)
		return false;
	if (r.k <= WEWILL_COLS && is_table_head(&r)) {
		start_table(c, v->s, v->n);
		for (i = 0; i < r.k; i++)
			c->cols[i] = r.pos[i].a;
		c->ncols = r.k;
		c->cols_exact = false;
		return true;
	}
	if (!c->grid.replaying && grid_begins(c, &r))
		return true;
	if (numeric_row(&r) || (c->wewill && c->ncols > 0 && r.k > c->ncols)) {
		/* a data table: the commitment table is over */
		end_table(c);
		c->wewill = false;
		c->ncols = 0;
		cells_row(c, K_TABLE, &r, c->lineno);
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

/* Two spaces in a row within s[0..n). */
static bool
memmem_gap(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++)
		if (s[i] == ' ' && s[i + 1] == ' ')
			return true;
	return false;
}

/* Cut s at runs of two or more spaces into cells; the last a row may
 * have takes the rest of the line (r->more says it took several).  Each
 * cell's place on the line is counted in characters. */
static void
gap_cells(const char *s, size_t n, struct cells *r)
{
	size_t i = 0, start, col = 0, from;

	r->text = s;
	r->k = 0;
	r->more = false;
	while (i < n && s[i] == ' ')
		i++;
	col = i;
	while (i < n && r->k < TABLE_COLS) {
		start = i;
		from = col;
		while (i < n && !(s[i] == ' ' && i + 1 < n && s[i + 1] == ' ' &&
				  r->k + 1 < TABLE_COLS))
			col += ((unsigned char)s[i++] & 0xC0) != 0x80;
		if (r->k + 1 == TABLE_COLS && memmem_gap(s + start, i - start))
			r->more = true;	/* the last takes the rest */
		r->pos[r->k] = (struct span){from, col};
		r->cell[r->k++] = (struct span){start, i};
		while (i < n && s[i] == ' ') {
			i++;
			col++;
		}
	}
}

/* Cut cell i of r where character `at` of the line begins, a space
 * before it and none at it: a cell that fills its column meets the next
 * with a single space.  False when no such place lies inside it. */
static bool
cells_cut(struct cells *r, size_t i, size_t at)
{
	const char *s = r->text;
	size_t b = r->cell[i].a, e = r->cell[i].b, col = r->pos[i].a, end;

	if (r->k >= TABLE_COLS || at <= col + 1 || at >= r->pos[i].b)
		return false;
	while (b < e && col < at) {
		b++;
		while (b < e && ((unsigned char)s[b] & 0xC0) == 0x80)
			b++;
		col++;
	}
	if (b >= e || s[b - 1] != ' ' || s[b] == ' ')
		return false;
	memmove(r->cell + i + 1, r->cell + i, (r->k - i) * sizeof *r->cell);
	memmove(r->pos + i + 1, r->pos + i, (r->k - i) * sizeof *r->pos);
	r->k++;
	for (end = b, col = at; end > r->cell[i].a && s[end - 1] == ' '; end--)
		col--;
	r->cell[i].b = end;
	r->pos[i].b = col;
	r->cell[i + 1].a = b;
	r->pos[i + 1].a = at;
	return true;
}

/* A rule under the head of a table of commitments laid out with spaces
 * (pandoc's plain and simple tables: "------- ---------- ----") shows
 * where each column starts, exactly. */
static void
wewill_rule(struct ctx *c, const struct shape *v)
{
	size_t i, k = 0, at[WEWILL_COLS];

	for (i = 0; i < v->n && k < WEWILL_COLS; i++)
		if (v->s[i] == '-' && (i == 0 || v->s[i - 1] == ' '))
			at[k++] = v->indent + i;
	if (k != c->ncols || i < v->n)
		return;
	memcpy(c->cols, at, k * sizeof *at);
	c->cols_exact = true;
}

/* pdftotext may set a head a few characters, or many, off the rows
 * under it (its cells are placed line by line): a row with a cell in
 * every column, wide gaps between, says where the columns lie, for the
 * rows after it too. */
static void
row_columns(struct ctx *c, const struct cells *r)
{
	size_t j;

	if (r->k != c->ncols || r->k < 2)
		return;
	for (j = 1; j < r->k; j++)
		if (r->pos[j].a < r->pos[j - 1].b + ROW_GAP ||
		    r->pos[j].a <= c->cols[j - 1])
			return;
	for (j = 1; j < r->k; j++)
		c->cols[j] = r->pos[j].a;
}

/* Cut a line of a spaced table at the columns of its head, into c->tmp
 * as cells joined by tabs.  A column starts after a run of spaces
 * ending near its place; a line that no such run cuts and that runs on
 * past the first column is a paragraph: false. */
static bool
cut_columns(struct ctx *c, const char *s, size_t n)
{
	size_t j, cut, from = 0, last = 0, cuts = 0;
	struct span part[WEWILL_COLS] = {{0, 0}};

	/* text with no cut before the next column stays in its own */
	for (j = 1; j < c->ncols; j++) {
		cut = column_start(s, (struct span){from, n}, c->cols[j], c->cols_exact);
		if (cut >= n)
			continue;
		part[last] = (struct span){from, cut};
		last = j;
		from = cut;
		cuts++;
	}
	part[last] = (struct span){from, n};
	/* uncut text is the first column going on, or not the table's */
	if (cuts == 0 && (n > c->cols[1] + COLUMN_SLACK ||
			  !(c->cell.open || starts_lower(s, n))))
		return false;
	buf_reset(&c->tmp);
	for (j = 0; j < c->ncols; j++) {
		if (j > 0)
			buf_addc(&c->tmp, '\t');
		buf_add(&c->tmp, s + part[j].a, span_len(part[j]));
	}
	return true;
}

/* Where, within a span of s, the text of a column placed at col begins:
 * after a run of two or more spaces (or the indentation) ending within a
 * few bytes of col; the span's end if there is none. */
static size_t
column_start(const char *s, struct span within, size_t col, bool exact)
{
	size_t i, n = within.b, best = n, run, dist, bestdist = COLUMN_NEAR,
	       at = 0;	/* the character i is at, counted from the line's start */

	for (i = 0; i < within.a; i++)
		at += ((unsigned char)s[i] & 0xC0) != 0x80;
	while (i < n) {
		if (s[i] != ' ') {
			at += ((unsigned char)s[i++] & 0xC0) != 0x80;
			continue;
		}
		for (run = i; run < n && s[run] == ' '; run++)
			;
		if (run < n) {
			size_t here = at + (run - i);

			if (run - i < 2 && i > 0 && !(exact && here == col)) {
				at += run - i;
				i = run;
				continue;
			}

			dist = here > col ? here - col : col - here;
			if (dist < bestdist) {
				bestdist = dist;
				best = run;
			}
		}
		at += run - i;
		i = run;
	}
	return best;
}

/* Cut the line at tabs into cells, in a copy (c->cells) where each is
 * NUL-terminated, blanks trimmed: the first TABLE_COLS, to read the row
 * by (r->more says there are more; a data row's text keeps them all). */
static void
split_cells(struct ctx *c, const char *s, size_t n, struct cells *r)
{
	size_t i, start = 0;

	buf_reset(&c->cells);
	buf_add(&c->cells, s, n);
	r->text = c->cells.p;
	r->k = 0;
	for (i = 0; i <= n && r->k < TABLE_COLS; i++) {
		const char *tab = memchr(c->cells.p + i, '\t', n - i);

		i = tab ? (size_t)(tab - c->cells.p) : n;
		c->cells.p[i] = '\0';
		r->cell[r->k++] = trim_span(r->text, (struct span){start, i});
		start = i + 1;
	}
	r->more = i < n;
}

/* "We will | Commentary | Who": the head of a table of commitments. */
static bool
is_table_head(const struct cells *r)
{
	size_t i;

	if (r->k < 2 || !opens_with(cell_at(r, 0), cell_len(r, 0),
				    LEX_BIT(SECTIONS_LEAD_IN), NULL))
		return false;
	for (i = 1; i < r->k; i++)
		if (opens_with(cell_at(r, i), cell_len(r, i),
			       LEX_BIT(SECTIONS_TABLE_COLUMN), NULL))
			return true;
	return false;
}

static void
start_table(struct ctx *c, const char *s, size_t n)
{
	begin_part(c);
	c->wewill = true;
	c->ncols = 0;
	c->expect = 0;
	c->cell.line = 0;
	buf_reset(&c->commitment);
	area_clear(c);
	line_row(c, K_PARA, s, n, "");
}

/* A row of the "We will | Commentary | Who" table.  The first cell is the
 * commitment, wrapped over several lines and, across a page break,
 * continued lower-case; the middle is commentary; the last is who. */
static void
wewill_row(struct ctx *c, const struct cells *r)
{
	size_t k = r->k, i;
	/* Who is a name or two; anything longer is commentary, kept whole */
	bool named = k >= 3 && cell_len(r, k - 1) <= WHO_MAX &&
		     !ends_sentence(cell_at(r, k - 1), cell_len(r, k - 1));
	size_t last = named ? k - 1 : k;
	const char *first = cell_at(r, 0);
	size_t flen = cell_len(r, 0);
	struct block *cl = &c->cell, *nt = &c->note;

	flush_block(c);
	if (flen > 0) {
		bool cont = cl->open && !ends_sentence(cl->text.p, cl->text.len) &&
			    !(opens_with_verb(first, flen) &&
			      !ends_open(cl->text.p, cl->text.len));
		if (cont) {
			block_add(cl, first, flen, c->lineno);
		} else if (!cl->open && c->commitment.len > 0 &&
			   starts_lower(first, flen) && c->cell.line > 0) {
			/* the commitment cell goes on after a page break */
			flush_note(c);
			block_start(nt, K_PARA, 0, c->lineno);
			block_add(nt, first, flen, c->lineno);
			flush_note(c);
		} else {
			close_cell(c);
			flush_note(c);
			block_start(cl, K_PARA, 0, c->lineno);
			block_add(cl, first, flen, c->lineno);
			buf_reset(&c->commitment);
			buf_copy(&c->commitment, &cl->text);
			area_clear(c);
		}
	} else {
		close_cell(c);
	}
	for (i = 1; i < last; i++) {
		const char *s = cell_at(r, i);
		size_t n = cell_len(r, i);

		if (n == 0)
			continue;
		if (nt->open && !cl->open && ends_sentence(nt->text.p, nt->text.len) &&
		    (starts_upper(s, n) || !isalpha((unsigned char)s[0])))
			flush_note(c);
		if (!nt->open)
			block_start(nt, K_PARA, 0, c->lineno);
		block_add(nt, s, n, c->lineno);
	}
	if (named && cell_len(r, k - 1) > 0)
		area_from_who(c, cell_at(r, k - 1), cell_len(r, k - 1));
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

