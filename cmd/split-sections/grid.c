/* grid.c: data tables laid out with spaces (pdftotext -layout, pandoc's
 * plain and simple tables).
 *
 * Their head gives the columns: the cells of a row are placed under them,
 * so that empty cells keep their place.  A row waits for the next line,
 * which may go on with its cells (a label wrapped in its column).  The
 * head is only held until a row of figures comes under it; if none does,
 * its lines are read again as the text they are. */

enum {
	LABEL_MAX = 48,		/* bytes of a column's label in a table's head */
	HEAD_INDENT = 6,	/* a head this far from the margin stands over
				 * the figures only: the labels' column has none */
	PLACE_NEAR = 3,		/* a cell lies within 2 bytes of its column */
	CAPTION_MAX = 100	/* bytes of a table's caption, at most */
};

static bool head_like(const struct cells *r);
static size_t words(const char *s, size_t n);
static void grid_start(struct grid *g, struct cells *r, bool head);
static bool ends_grid(const char *s, size_t n);
static bool grid_rule(struct ctx *c, const char *raw, size_t rawn);
static bool grid_goes_on(struct ctx *c, const struct cells *r,
    const char *raw, size_t rawn);
static bool grid_place(const struct grid *g, struct cells *r);
static void grid_widen(struct grid *g, const struct cells *r);
static struct cells *grid_split(const struct grid *g, struct cells *r);
static bool grid_within(const struct grid *g, const struct cells *r);
static void grid_add(struct ctx *c, const struct cells *r);
static void grid_hold(struct ctx *c, const char *raw, size_t rawn);
static void grid_confirm(struct ctx *c);
static void grid_row_out(struct ctx *c);

/* A line of spaced cells may begin a data table: a row of figures (the
 * table's head lost, or never there), or a head of column labels, which
 * is held until a row of figures under it shows it is one. */
static bool
grid_begins(struct ctx *c, struct cells *r)
{
	struct grid *g = &c->grid;

	if (numeric_row(r)) {
		end_table(c);
		c->wewill = false;
		c->ncols = 0;
		flush_block(c);
		grid_start(g, r, false);
		g->confirmed = true;
	} else if (head_like(r)) {
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
head_like(const struct cells *r)
{
	size_t i;

	if (r->k < 2 || !isalnum((unsigned char)cell_at(r, 0)[0]) ||
	    (cell_len(r, 0) == 1 && cell_at(r, 0)[0] == 'o'))
		return false;
	for (i = 0; i < r->k; i++) {
		const char *s = cell_at(r, i);
		size_t n = cell_len(r, i);

		if (n > LABEL_MAX || (ends_sentence(s, n) && words(s, n) > 2) ||
		    s[n - 1] == ':')
			return false;
	}
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
	size_t i, blank = head && r->cell[0].a >= HEAD_INDENT && r->k < TABLE_COLS;

	if (blank)	/* up to the gap before the head */
		g->place[0] = (struct span){0, r->cell[0].a - 2};
	for (i = 0; i < r->k; i++) {
		g->place[blank + i] = r->cell[i];
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
	r.text = s;
	r.k = 0;
	if (!c->broke)
		gap_cells(s, n, &r);
	if (r.k == 0 && !c->broke && g->confirmed && ++g->blanks < 2) {
		grid_row_out(c);
		return false;
	}
	if (r.k > 0 && is_rule(s, n))
		return grid_rule(c, raw, rawn);
	if (r.k == 0 || ends_grid(s + r.cell[0].a, n - r.cell[0].a) ||
	    !grid_place(g, grid_split(g, &r)) ||
	    (r.cut && !grid_within(g, &r))) {
		grid_end(c);
		return false;
	}
	for (i = 0; i < r.k; i++)
		figures += r.col[i] > 0 && is_number_cell(cell_at(&r, i), cell_len(&r, i));
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
ends_grid(const char *s, size_t n)
{
	struct span title;
	int num;

	return memchr(s, '\t', n) || s[0] == '|' ||
	       parse_priority(s, n, &num, &title) || is_key_points(s, n) ||
	       opens_with(s, n, LEX_BIT(SECTIONS_OBJECTIVE) |
			  LEX_BIT(SECTIONS_LEAD_IN), NULL);
}

/* A rule frames the table (pandoc's tables) or underlines its head. */
static bool
grid_rule(struct ctx *c, const char *raw, size_t rawn)
{
	struct grid *g = &c->grid;

	g->framed = true;
	if (g->confirmed)
		return true;
	if (g->nheld == GRID_HOLD) {
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

	if (g->confirmed && !g->framed && !starts_lower(cell_at(r, 0), cell_len(r, 0))) {
		grid_end(c);
		return false;
	}
	if (g->nrow == 0 || g->blanks > 0 || g->nrow >= GRID_HOLD ||
	    (!g->confirmed && g->nheld == GRID_HOLD) || !grid_within(g, r)) {
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
		s = r->cell[i].a;
		e = r->cell[i].b;
		best = g->ncols;
		most = 0;
		near = PLACE_NEAR;
		for (j = 0; j < g->ncols; j++) {
			const struct span col = g->place[j];

			lo = s > col.a ? s : col.a;
			hi = e < col.b ? e : col.b;
			over = hi > lo ? hi - lo : 0;
			dist = e <= col.a ? col.a - e : s >= col.b ? s - col.b : 0;
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
		s = r->cell[i].a;
		e = r->cell[i].b;
		if (s < g->place[j].a && (j == 0 || s > g->place[j - 1].b))
			g->place[j].a = s;
		if (e > g->place[j].b &&
		    (j + 1 == g->ncols || e < g->place[j + 1].a))
			g->place[j].b = e;
	}
}

/* A cell that fills its column meets the next one's with a single space
 * (pandoc's tables): it is cut where the next column starts.  (A line of
 * prose would be cut too, but some word of it straddles a column's
 * start: grid_within tells.) */
static struct cells *
grid_split(const struct grid *g, struct cells *r)
{
	const char *line = r->text;
	size_t i, j, m = 0, e;

	r->cut = false;
	for (i = 0; i < r->k && r->k < TABLE_COLS; i++) {
		e = r->cell[i].b;
		for (j = 1; j < g->ncols; j++) {
			m = g->place[j].a;
			if (m > r->cell[i].a + 1 && m < e && line[m - 1] == ' ' &&
			    line[m] != ' ')
				break;
		}
		if (j == g->ncols)
			continue;
		memmove(r->cell + i + 1, r->cell + i, (r->k - i) * sizeof *r->cell);
		r->k++;
		r->cell[i].b = m - 1;
		r->cell[i + 1] = (struct span){m, e};
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
		if ((j > 0 && r->cell[i].a <= g->place[j - 1].b) ||
		    (j + 1 < g->ncols && r->cell[i].b >= g->place[j + 1].a))
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
		buf_add(b, cell_at(r, i), cell_len(r, i));
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
	       b->map.len == 0 && b->text.len > 0 && b->text.len < CAPTION_MAX &&
	       !ends_sentence(b->text.p, b->text.len);
}

static void
grid_row_out(struct ctx *c)
{
	struct grid *g = &c->grid;
	struct cells r;
	size_t i;

	if (g->nrow == 0)
		return;
	/* the cells, one after the other in c->tmp */
	buf_reset(&c->tmp);
	for (i = 0; i < g->ncols; i++) {
		r.cell[i].a = c->tmp.len;
		buf_copy(&c->tmp, &g->cell[i]);
		r.cell[i].b = c->tmp.len;
	}
	r.text = c->tmp.p ? c->tmp.p : "";
	r.k = g->ncols;
	table_row(c, &r, g->row_line);
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
