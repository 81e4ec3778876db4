/* grid.c: data tables laid out with spaces (pdftotext -layout, pandoc's
 * plain and simple tables).
 *
 * Their head gives the columns: the cells of a row are placed under them,
 * so that empty cells keep their place.  A row waits for the next line,
 * which may go on with its cells (a label wrapped in its column).  The
 * head is only held until a row of figures comes under it; if none does,
 * its lines are read again as the text they are. */

static bool head_like(const char **cell, const size_t *len, size_t k);
static size_t words(const char *s, size_t n);
static void grid_start(struct grid *g, struct cells *r, bool head);
static bool ends_grid(const char *line, size_t n, size_t at);
static bool grid_rule(struct ctx *c, const char *raw, size_t rawn);
static bool grid_goes_on(struct ctx *c, const struct cells *r,
    const char *raw, size_t rawn);
static bool grid_place(const struct grid *g, struct cells *r);
static void grid_widen(struct grid *g, const struct cells *r);
static struct cells *grid_split(const struct grid *g, const char *line,
    struct cells *r);
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
