/* grid.c: data tables laid out with spaces (pdftotext -layout, pandoc's
 * plain and simple tables).
 *
 * Their head gives the columns: the cells of a row are placed under them,
 * so that empty cells keep their place.  A head may stand on several
 * lines ("2024/25" over "YTD"): the line with most cells gives the
 * columns, the others' cells join theirs.  A row waits for the next line,
 * which may go on with its cells (a label wrapped in its column, indented
 * or lower-case).  A label alone after a blank line, over rows, is a
 * group.  The head is only held until a row of figures comes under it;
 * if none does, its lines are read again as the text they are.  Rows go
 * out as docs/tables.md says: caption, head, group, table. */

enum {
	LABEL_MAX = 48,		/* bytes of a column's label in a table's head */
	HEAD_INDENT = 6,	/* a head this far from the margin stands over
				 * the figures only: the labels' column has none */
	UPPER_MAX = 16,		/* ... and this short */
	PLACE_NEAR = 3,		/* a cell lies within 2 bytes of its column */
	CAPTION_MAX = 100	/* bytes of a table's caption, at most */
};

static bool head_like(const struct cells *r);
static void grid_start(struct ctx *c, struct cells *r, bool head);
static bool ends_grid(const char *s, size_t n);
static bool grid_rule(struct ctx *c, const char *raw, size_t rawn);
static bool grid_goes_on(struct ctx *c, const struct cells *r,
    const char *raw, size_t rawn);
static bool grid_group(struct ctx *c, const struct cells *r,
    const char *raw, size_t rawn);
static bool grid_place(const struct grid *g, struct cells *r);
static void grid_widen(struct grid *g, const struct cells *r);
static struct cells *grid_split(const struct grid *g, struct cells *r);
static bool grid_within(const struct grid *g, const struct cells *r);
static void grid_add(struct ctx *c, const struct cells *r);
static void grid_hold(struct ctx *c, const char *raw, size_t rawn);
static void grid_confirm(struct ctx *c);
static void grid_row_out(struct ctx *c, enum kind kind);
static void grid_indented(struct grid *g, struct cells *r);
static void grid_group_out(struct ctx *c);
static void grid_upper(struct ctx *c, struct cells *r, const char *raw,
    size_t rawn);
static void grid_cells(struct ctx *c, const char *raw, size_t rawn,
    struct cells *r);
static bool grid_loose(struct ctx *c, const char *raw, size_t rawn);

/* A line of spaced cells may begin a data table: a row of figures (the
 * table's head lost, or never there), or a head of column labels, which
 * is held until a row of figures under it shows it is one; or a lone
 * label far in, the upper line of a head. */
static bool
grid_begins(struct ctx *c, struct cells *r)
{
	struct grid *g = &c->grid;

	g->nheld = 0;
	buf_reset(&g->held);
	if (numeric_row(r) && !period_row(r)) {
		end_table(c);
		c->wewill = false;
		c->ncols = 0;
		flush_block(c);
		grid_start(c, r, false);
		g->confirmed = true;
	} else if (head_like(r) ||
		   (r->k == 1 && r->pos[0].a >= UPPER_INDENT &&
		    cell_len(r, 0) <= UPPER_MAX && !ends_sentence(cell_at(r, 0), cell_len(r, 0)))) {
		grid_start(c, r, r->k > 1);
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
		size_t n = cell_len(r, i), lower, words = count_words(s, n, &lower);

		/* a sentence has words in lower case ("% Pt." is none) */
		if (n > LABEL_MAX || (ends_sentence(s, n) && words > 2 && lower * 2 >= words) ||
		    s[n - 1] == ':')
			return false;
	}
	return true;
}

/* The columns are where the line's cells lie.  A head far from the
 * margin stands over the figures only: the labels' column has none. */
static void
grid_start(struct ctx *c, struct cells *r, bool head)
{
	struct grid *g = &c->grid;
	size_t i, blank = head && r->pos[0].a >= HEAD_INDENT && r->k < TABLE_COLS;

	g->blank_first = blank;
	if (blank)	/* up to the gap before the head */
		g->place[0] = (struct span){0, r->pos[0].a - 2};
	for (i = 0; i < r->k; i++) {
		g->place[blank + i] = r->pos[i];
		r->col[i] = blank + i;
	}
	g->ncols = blank + r->k;
	g->framed = false;
	g->loose = g->wraps = false;
	g->group = false;
	g->blanks = 0;
	g->nrow = 0;
	if (r->more && !g->warned) {
		warn_at(c->path, c->lineno, "a table of more than %d columns: "
			"the cells past the %dth stay in the last", TABLE_COLS,
			TABLE_COLS);
		g->warned = true;
	}
}

/* A line's cells, at runs of spaces (none across a page break). */
static void
grid_cells(struct ctx *c, const char *raw, size_t rawn, struct cells *r)
{
	size_t n;

	clean_line(c, raw, rawn);
	n = c->len;
	while (n > 0 && (c->text[n - 1] == ' ' || c->text[n - 1] == '\r'))
		n--;
	r->text = c->text;
	r->k = 0;
	r->more = false;
	if (!c->broke)
		gap_cells(c->text, n, r);
}

/* Under a head not yet confirmed, a line off its columns: another line
 * of labels is held with it (a head broken over lines in narrow
 * columns); a row of figures has the head laid out again on its columns
 * (wrap.c) and is the table's first row.  Anything else ends the
 * table. */
static bool
grid_loose(struct ctx *c, const char *raw, size_t rawn)
{
	struct grid *g = &c->grid;
	struct cells r;
	size_t i, values = 0;

	grid_cells(c, raw, rawn, &r);
	for (i = 1; i < r.k; i++)
		values += is_value_cell(cell_at(&r, i), cell_len(&r, i)) &&
			  !is_period_cell(cell_at(&r, i), cell_len(&r, i));
	if (values >= 2 || (values == 1 && r.k == 2)) {
		if (!head_rebuild(c, &r)) {
			grid_end(c);
			return false;
		}
		grid_cells(c, raw, rawn, &r);	/* cleaned again */
		if (!grid_place(&c->grid, grid_split(g, &r))) {
			grid_end(c);
			return false;
		}
		grid_confirm(c);
		grid_widen(g, &r);
		g->blanks = 0;
		grid_add(c, &r);
		return true;
	}
	if (values == 0 && head_like(&r) && g->blanks == 0 && !g->group &&
	    g->nheld < GRID_HOLD) {
		grid_hold(c, raw, rawn);
		g->loose = true;
		return true;
	}
	grid_end(c);
	return false;
}

/* Whether the line belongs to the table: a row of figures, a rule, a
 * line going on with the waiting row's cells, a group's label.  A blank
 * line sends the waiting row out; two, a page break or any other line
 * end the table. */
static bool
grid_line(struct ctx *c, const char *raw, size_t rawn)
{
	struct grid *g = &c->grid;
	struct cells r;
	const char *s;
	size_t n, i, figures = 0;
	bool bare;

	clean_line(c, raw, rawn);
	s = c->text;
	n = c->len;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	r.text = s;
	r.k = 0;
	r.more = false;
	if (!c->broke)
		gap_cells(s, n, &r);
	if (r.k == 0 && !c->broke) {
		if (++g->blanks >= 2 || g->group ||
		    (!g->confirmed && g->nheld == GRID_HOLD)) {
			grid_end(c);
			return false;
		}
		if (!g->confirmed) {
			grid_hold(c, raw, rawn);
			return true;
		}
		grid_row_out(c, K_TABLE);
		return false;
	}
	if (r.k > 0 && is_rule(s, n))
		return grid_rule(c, raw, rawn);
	/* a head's upper line, over the line that gives the columns */
	if (!g->confirmed && g->ncols == 1 && g->nrow == 1 && g->blanks == 0 &&
	    head_like(&r)) {
		grid_upper(c, &r, raw, rawn);
		return true;
	}
	/* a number alone after a blank line: the page's, not a row */
	if (r.k == 0 || ends_grid(s + r.cell[0].a, n - r.cell[0].a) ||
	    (g->blanks > 0 && r.k == 1 && is_page_number(cell_at(&r, 0), cell_len(&r, 0), &bare))) {
		grid_end(c);
		return false;
	}
	/* a line off the head's columns: the head may go on, or be laid
	 * out again on the figures' (wrap.c) */
	if (!grid_place(g, grid_split(g, &r)) || (r.cut && !grid_within(g, &r))) {
		if (!g->confirmed)
			return grid_loose(c, raw, rawn);
		grid_end(c);
		return false;
	}
	if (!g->confirmed)
		grid_indented(g, &r);
	/* a line with no label of its own may go on with the row above,
	 * its cells wrapped in their columns */
	if (grid_wrapped(g, &r)) {
		g->wraps = true;
		grid_add(c, &r);
		return true;
	}
	/* under a head, a line of years is the head's lower line ("Oct to
	 * Dec" over "2022") */
	for (i = 0; i < r.k; i++)
		figures += r.col[i] > 0 && is_value_cell(cell_at(&r, i), cell_len(&r, i)) &&
			   (g->confirmed || !is_period_cell(cell_at(&r, i), cell_len(&r, i)));
	/* a head's labels may hold a period ("2025/26"); its first row of
	 * figures fills two columns or more */
	if (figures == 0 || (!g->confirmed && figures < 2 && g->ncols > 2))
		return grid_group(c, &r, raw, rawn) || grid_goes_on(c, &r, raw, rawn);
	if (!g->confirmed && g->loose)
		return grid_loose(c, raw, rawn);
	if (!g->confirmed)
		grid_confirm(c);
	else if (g->group)
		grid_group_out(c);
	else
		grid_row_out(c, K_TABLE);
	grid_widen(g, &r);
	g->blanks = 0;
	grid_add(c, &r);
	return true;
}

/* A head far from the margin was taken to stand over the figures only,
 * with an empty column for the labels; if the first row's label lies
 * under the head's first column, the whole table was indented: that
 * empty column goes. */
static void
grid_indented(struct grid *g, struct cells *r)
{
	size_t i;

	if (!g->blank_first || r->k == 0 || r->col[0] != 1 ||
	    is_value_cell(cell_at(r, 0), cell_len(r, 0)))
		return;
	buf_free(&g->cell[0]);
	memmove(g->place, g->place + 1, (g->ncols - 1) * sizeof *g->place);
	memmove(g->cell, g->cell + 1, (g->ncols - 1) * sizeof *g->cell);
	g->cell[g->ncols - 1] = (struct buf)BUF_INIT;
	g->ncols--;
	for (i = 0; i < r->k; i++)
		r->col[i]--;
	g->blank_first = false;
}

/* A table of another kind, or the report's structure, after the table. */
static bool
ends_grid(const char *s, size_t n)
{
	struct span label, title;

	return memchr(s, '\t', n) || s[0] == '|' ||
	       parse_priority(s, n, &label, &title) || is_key_points(s, n) ||
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

/* A label alone in the labels' column, after a blank line (or under the
 * head), names the rows under it: it waits for one. */
static bool
grid_group(struct ctx *c, const struct cells *r, const char *raw, size_t rawn)
{
	struct grid *g = &c->grid;

	if (r->k != 1 || r->col[0] != 0 || g->group || g->nheld == GRID_HOLD ||
	    g->blanks == 0 || cell_len(r, 0) > LABEL_MAX ||
	    ends_sentence(cell_at(r, 0), cell_len(r, 0)) ||
	    (g->confirmed && r->pos[0].a > g->place[0].a + PLACE_NEAR))
		return false;
	if (g->confirmed)
		grid_row_out(c, K_TABLE);
	grid_hold(c, raw, rawn);
	g->group = true;
	g->blanks = 0;
	buf_reset(&g->group_text);
	buf_add(&g->group_text, cell_at(r, 0), cell_len(r, 0));
	g->group_line = c->lineno;
	return true;
}

/* The group's label goes out: the section of the rows under it. */
static void
grid_group_out(struct ctx *c)
{
	struct grid *g = &c->grid;
	long line = c->lineno;

	g->group = false;
	table_group(c, g->group_text.p, g->group_text.len);
	c->lineno = g->group_line;
	line_row(c, K_GROUP, g->group_text.p, g->group_text.len,
		 c->commitment.p ? c->commitment.p : "");
	c->lineno = line;
	if (g->confirmed) {
		g->nheld = 0;
		buf_reset(&g->held);
	}
}

/* The line that gives the columns comes under a lone label far in: the
 * label is the upper line of its column's head ("2024/25" over "YTD"). */
static void
grid_upper(struct ctx *c, struct cells *r, const char *raw, size_t rawn)
{
	struct grid *g = &c->grid;
	struct buf upper = g->cell[0];
	struct span at = g->place[0];
	size_t i, best = 0, most = 0, near = SIZE_MAX;

	g->cell[0] = (struct buf)BUF_INIT;
	grid_start(c, r, true);
	grid_hold(c, raw, rawn);
	/* the column it overlaps most; else the one whose right edge is
	 * nearest its own (figures and their heads stand right-aligned) */
	for (i = 0; i < g->ncols; i++) {
		size_t lo = at.a > g->place[i].a ? at.a : g->place[i].a,
		       hi = at.b < g->place[i].b ? at.b : g->place[i].b,
		       d = at.b > g->place[i].b ? at.b - g->place[i].b : g->place[i].b - at.b;
		buf_reset(&g->cell[i]);
		if (hi > lo && hi - lo > most) {
			most = hi - lo;
			best = i;
		} else if (most == 0 && d < near) {
			near = d;
			best = i;
		}
	}
	buf_copy(&g->cell[best], &upper);
	buf_free(&upper);
	g->row_line = c->lineno;
	g->nrow = 1;
	grid_add(c, r);
}

/* A label wrapped in its column goes on with the waiting row, right
 * under it; anything else ends the table.  Under a row of figures, a
 * line at the labels' column is more often a note ("Source: ...") than
 * a label going on, unless the table is framed as pandoc frames those
 * whose cells wrap, or the line goes on lower-case, in brackets ("(%)")
 * or indented. */
static bool
grid_goes_on(struct ctx *c, const struct cells *r, const char *raw,
	     size_t rawn)
{
	struct grid *g = &c->grid;

	if (g->confirmed && !g->framed && !starts_lower(cell_at(r, 0), cell_len(r, 0)) &&
	    cell_at(r, 0)[0] != '(' &&
	    !(r->col[0] == 0 && r->pos[0].a > g->place[0].a)) {
		grid_end(c);
		return false;
	}
	if (g->nrow == 0 || g->blanks > 0 || g->nrow >= GRID_HOLD || g->group ||
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
		s = r->pos[i].a;
		e = r->pos[i].b;
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
		s = r->pos[i].a;
		e = r->pos[i].b;
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
	size_t i, j;

	r->cut = false;
	for (i = 0; i < r->k && r->k < TABLE_COLS; i++)
		for (j = 1; j < g->ncols; j++)
			if (cells_cut(r, i, g->place[j].a)) {
				r->cut = true;
				break;
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
		if ((j > 0 && r->pos[i].a <= g->place[j - 1].b) ||
		    (j + 1 < g->ncols && r->pos[i].b >= g->place[j + 1].a))
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
	for (i = 0; i < r->k; i++)
		cell_join(&g->cell[r->col[i]], cell_at(r, i), cell_len(r, i),
			  g->confirmed && r->col[i] > 0);
	g->nrow++;
}

/* Keep a line of the held head, to read it again if it is none. */
static void
grid_hold(struct ctx *c, const char *raw, size_t rawn)
{
	struct grid *g = &c->grid;

	if (g->nheld == GRID_HOLD)
		return;
	buf_add(&g->held, raw, rawn);
	buf_addc(&g->held, '\0');
	g->held_line[g->nheld++] = c->lineno;
}

/* A row of figures came under the head: the table is one, and whatever
 * stood before it is over.  Its caption, its head and a group held under
 * the head go out. */
static void
grid_confirm(struct ctx *c)
{
	struct grid *g = &c->grid;
	bool group = g->group;

	/* a caption is the table's, as a tab-separated one's is */
	if (is_caption(&c->blk))
		c->blk.kind = K_CAPTION;
	end_table(c);
	c->wewill = false;
	c->ncols = 0;
	flush_block(c);
	g->confirmed = true;
	g->group = false;
	grid_row_out(c, K_HEAD);
	if (group)
		grid_group_out(c);
	g->nheld = 0;
	buf_reset(&g->held);
}

/* A short line standing alone, not a sentence, may caption a table. */
static bool
is_caption(const struct block *b)
{
	/* on the title page, only a caption by its form ("Table 1: ...") */
	if (b->open && b->kind == K_META)
		return b->map.len == 0 && caption_form(b->text.p, b->text.len);
	return b->open && b->kind == K_PARA && b->role == R_TEXT &&
	       b->map.len == 0 && b->text.len > 0 && b->text.len < CAPTION_MAX &&
	       !ends_sentence(b->text.p, b->text.len);
}

/* The waiting row goes out: a head or a data row. */
static void
grid_row_out(struct ctx *c, enum kind kind)
{
	struct grid *g = &c->grid;
	struct cells r;
	size_t i;
	long line = c->lineno;

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
	c->lineno = g->row_line;
	cells_row(c, kind, &r, g->row_line);
	c->lineno = line;
	g->nrow = 0;
}

/* The table is over: its last row goes out, or, if no row of figures came
 * under the held head (or under a group's label), its lines are read
 * again as text. */
static void
grid_end(struct ctx *c)
{
	struct grid *g = &c->grid;

	if (g->ncols == 0)
		return;
	if (g->confirmed && !g->group)
		grid_row_out(c, K_TABLE);
	if (g->group_level)
		clear_level(c, g->group_level);
	g->group_level = 0;
	g->ncols = 0;
	g->nrow = 0;
	g->group = false;
	g->replaying = true;
	replay(c, g->held.p, g->held_line, g->nheld, process_line);
	g->replaying = false;
	g->nheld = 0;
	buf_reset(&g->held);
}
