/* tables.c: data tables.  A table's cells take measure, period, unit and
 * role from its caption, its column heads, its group rows and its row
 * labels instead of from sentences (docs/tables.md).
 *
 * split-sections says what each row is (kind caption, head, group, table,
 * field: records.c reads fields); plain text gives rows of cells joined
 * by TAB, and the first row of a run that holds no figure is taken as its
 * head.  The cells and the words of labels and heads are cells.c's. */

/* Set column i to the text s of n bytes, squeezed. */
static void
cols_set(struct cols *h, size_t i, const char *s, size_t n)
{
	size_t k;

	if (i >= h->cap) {
		size_t old = h->cap;

		h->cap = i + 16;
		h->col = xrealloc(h->col, h->cap * sizeof *h->col);
		for (k = old; k < h->cap; k++) {
			struct buf z = BUF_INIT;

			h->col[k] = z;
		}
	}
	if (i >= h->n) {
		for (k = h->n; k <= i; k++)
			buf_reset(&h->col[k]);
		h->n = i + 1;
	}
	buf_reset(&h->col[i]);
	text_squeeze_space(&h->col[i], s, n);
}

/* The text of column i ("" when there is none), its length in *n. */
static const char *
cols_text(const struct cols *h, size_t i, size_t *n)
{
	*n = i < h->n ? h->col[i].len : 0;
	return i < h->n && h->col[i].p ? h->col[i].p : "";
}

static unsigned
head_flags(const struct table_ctx *t, size_t i)
{
	return i < t->head.n && i < t->cap_hflag ? t->hflag[i] : 0;
}

static void
table_reset(struct table_ctx *t)
{
	t->active = false;
	t->had_data = false;
	t->between = false;
	buf_reset(&t->caption);
	buf_reset(&t->rowgroup);
	buf_reset(&t->period);
	t->has_period = false;
	t->period_rows = 0;
	t->head.n = t->group.n = 0;
}

/* The table's caption: its words, and the period it names ("Table 3:
 * KPIs, 2019/20 to 2023/24", "July to September 2024"), which gives a
 * bare month its year and a goal column its period. */
static void
set_caption(struct ctx *c, const char *s, size_t n)
{
	struct table_ctx *t = &c->tab;
	char w[PERIOD_WORDS_MAX];
	size_t k, e = n;

	buf_reset(&t->caption);
	t->has_period = period_find(s, n, &t->cap_period);
	if (t->has_period) {
		buf_reset(&t->period);
		buf_adds(&t->period, period_words(&t->cap_period, w));
	}
	/* "Table 3: ...", "Figure 2 - ...": its number is no word of it */
	for (k = 0; k < n && is_ascii_alpha((unsigned char)s[k]); k++)
		;
	if (k > 0 && k + 1 < n && s[k] == ' ' && is_ascii_digit((unsigned char)s[k + 1])) {
		for (k++; k < n && (is_ascii_digit((unsigned char)s[k]) || s[k] == '.'); k++)
			;
		while (k < n && (s[k] == ':' || s[k] == ' ' || dash_at(s + k, n - k)))
			k += s[k] == ' ' || s[k] == ':' ? 1 : dash_at(s + k, n - k);
		s += k;
		n -= k;
		e = n;
	}
	/* "..., 2019/20 to 2023/24", "..., April to June 2025": the
	 * period after its last comma is the table's period, not its words */
	for (k = n; k > 0 && s[k - 1] != ','; k--)
		;
	if (k > 0 && period_find(s + k, n - k, &(struct period){0}))
		e = k - 1;
	if (e > 0 && !cell_is(c, s, e, TB(STUB)))
		text_squeeze_space(&t->caption, s, e);
}

/* The calendar year of month m (1 to 12) in period p: a financial year
 * runs April to March; 0 when p names no year. */
static int
year_of_month(const struct period *p, int m)
{
	switch (p->kind) {
	case PERIOD_MONTH:
		return p->year;
	case PERIOD_SPAN:
		return m >= p->month ? p->year : p->year2;
	case PERIOD_QUARTER:
	case PERIOD_YEAR:
		return m >= 4 ? p->fy : p->fy + 1;
	default:
		return 0;
	}
}

/* The month a head names alone ("Apr", "June"; not "Jun-23", not "Mar
 * 2025", which has its year), or 0. */
static int
head_month(struct ctx *c, const char *h, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (h[i] == '-' || is_ascii_digit((unsigned char)h[i]))
			return 0;
	label_split(c, h, n);
	return c->label.nw == 1 ? period_month(c->label.w[0].s, c->label.w[0].n) : 0;
}

/* The row label of cell i: the nearest cell of words to its left. */
static size_t
row_label(const struct cell *cells, size_t i)
{
	while (i > 0 && (cells[i - 1].numeric || cells[i - 1].none ||
			 cells[i - 1].n == 0))
		i--;
	return i > 0 ? i - 1 : NO_CELL;
}

/* Column k's head, a month, spelled out in m: in a table whose rows
 * are years and columns months, the month tells its cells apart ("Emergency
 * calls received April"); other heads as written ("Quarter"). */
static void
add_month(struct ctx *c, struct buf *m, size_t k)
{
	const struct table_ctx *t = &c->tab;
	size_t n;
	const char *h = cols_text(&t->head, k, &n);
	int mo = head_month(c, h, n);

	if (mo > 0 && mo <= 12) {
		h = c->lex.month_name[mo];
		n = strlen(h);
	}
	if (m->len)
		buf_addc(m, ' ');
	buf_add(m, h, n);
}

/* The measure of cell i of a data row: the caption, the column group,
 * the group row, the label column's head (unless "Measure"), the row
 * label and the column head, leaving out periods, goals, changes and
 * the words they repeat; a unit aside leaves the label ("(%)"). */
static void
cell_measure(struct ctx *c, const struct cell *cells, size_t i, size_t lab,
	     struct buf *m, struct buf *uw)
{
	const struct table_ctx *t = &c->tab;
	const unsigned skip = H_PERIOD | H_GOAL | H_CHANGE | H_STUB;
	size_t k, n;
	const char *h;

	/* the unit's words: all of them, as written */
	buf_reset(uw);
	add_stored(uw, &t->caption);
	add_stored(uw, &t->rowgroup);
	if (lab != NO_CELL) {
		h = cols_text(&t->head, lab, &n);
		buf_addc(uw, ' ');
		buf_add(uw, h, n);
		buf_addc(uw, ' ');
		buf_add(uw, cells[lab].s, cells[lab].n);
	}
	h = cols_text(&t->head, i, &n);
	buf_addc(uw, ' ');
	buf_add(uw, h, n);
	buf_reset(m);
	add_stored(m, &t->caption);
	for (k = i + 1; k > 0; k--)
		if (k - 1 < t->group.n && t->group.col[k - 1].len) {
			add_stored(m, &t->group.col[k - 1]);
			break;
		}
	add_stored(m, &t->rowgroup);
	if (lab != NO_CELL) {
		if (lab < t->head.n && !(head_flags(t, lab) & skip))
			add_stored(m, &t->head.col[lab]);
		if (!(cells[lab].flags & H_PERIOD))
			add_label(c, m, cells[lab].s, cells[lab].n);
	}
	/* a goal column is the goal of the column before it:
	 * "Burglaries | Target" */
	for (k = i; k > 0 && (head_flags(t, k) & H_GOAL); k--)
		;
	if (k < t->head.n && !(head_flags(t, k) & skip))
		add_stored(m, &t->head.col[k]);
	else if (k < t->head.n && lab != NO_CELL && (cells[lab].flags & H_PERIOD) &&
		 (head_flags(t, k) & H_PERIOD))
		add_month(c, m, k);
}

/* The period of column i, into w: its head if it names one, with the
 * year of the row label, the caption or the report for a month alone
 * ("Apr" in a table of "April to September 2024" is "Apr 2024", in the
 * row "2024/25" too); the row label if it names one ("Q1 2021/22"). */
static void
cell_when(struct ctx *c, const struct cell *cells, size_t i, size_t lab,
	  struct buf *w)
{
	const struct table_ctx *t = &c->tab;
	size_t hn;
	const char *h = cols_text(&t->head, i, &hn), *rp = c->blk.period;
	bool period_row = lab != NO_CELL && (cells[lab].flags & H_PERIOD);
	struct period p;
	int m, y = 0;

	buf_reset(w);
	if (head_flags(t, i) & H_PERIOD) {
		buf_add(w, h, hn);
		if ((m = head_month(c, h, hn)) > 0) {
			if (period_row && period_find(cells[lab].s, cells[lab].n, &p))
				y = year_of_month(&p, m);
			else if (t->has_period)
				y = year_of_month(&t->cap_period, m);
			else if (rp && *rp && period_parse(rp, strlen(rp), &p))
				y = year_of_month(&p, m);
			if (y > 0) {
				buf_addf(w, " %d", y);
				return;
			}
		}
	}
	if (period_row) {
		if (w->len)
			buf_addc(w, ' ');
		text_squeeze_space(w, cells[lab].s, cells[lab].n);
	}
}

/* The period of a goal column i: the period column before it ("2023/24"
 * in "... 2023/24 | Aim"), else the caption's. */
static void
goal_when(const struct table_ctx *t, size_t i, struct buf *w)
{
	size_t k, n;
	const char *h;

	buf_reset(w);
	for (k = i; k > 0; k--)
		if (head_flags(t, k - 1) & H_PERIOD) {
			h = cols_text(&t->head, k - 1, &n);
			buf_add(w, h, n);
			return;
		}
	if (t->period.len)
		buf_add(w, t->period.p, t->period.len);
}

/* The cells of one output row of a data row: its figure, and its earlier
 * figure and difference when the table gives them (NO_CELL when not). */
struct pick {
	size_t value, prev, change;
};

/* The byte of the block where cell cl stands, for its line (a flattened
 * table's line_map gives each cell its own). */
static size_t
cell_at(const struct ctx *c, const struct cell *cl)
{
	const char *t = c->blk.text;

	return t && cl->s >= t && cl->s <= t + c->blk.len ? (size_t)(cl->s - t) : 0;
}

/* One output row for the cells pk of a data row (cells, and its text
 * rowtext of rowlen bytes for the evidence). */
static void
table_cell(struct ctx *c, const struct cell *cells, struct pick pk,
	   const char *rowtext, size_t rowlen)
{
	struct table_ctx *t = &c->tab;
	size_t i = pk.value, lab = row_label(cells, i), cn;
	const char *h;
	struct fig f;
	struct obs *o;
	bool goal = head_flags(t, i) & H_GOAL;
	const struct cell *ch = pk.change != NO_CELL ? &cells[pk.change] : NULL;

	memset(&f, 0, sizeof f);
	cell_measure(c, cells, i, lab, &c->scratch, &t->words);
	SET_UNIT(f.unit, cell_unit_cached(c, &cells[i], &t->words));
	c->nobs = 0;
	o = obs_push(c, &f, 0);
	o->at = cell_at(c, &cells[i]);
	buf_add(&o->measure, c->scratch.p ? c->scratch.p : "", c->scratch.len);
	if (goal)
		goal_when(t, i, &o->when);
	else
		cell_when(c, cells, i, lab, &o->when);
	o->target = goal || (lab != NO_CELL && (cells[lab].flags & H_GOAL));
	if ((lab != NO_CELL && (cells[lab].flags & H_CHANGE)) ||
	    (head_flags(t, i) & H_CHANGE)) {
		ch = &cells[i];		/* a change alone: a difference row */
		pk.change = i;
	} else {
		o->has_value = true;
		o->value = cells[i].v;
	}
	if (pk.prev != NO_CELL) {
		o->has_prev = true;
		o->prev = cells[pk.prev].v;
		h = cols_text(&t->head, pk.prev, &cn);
		buf_add(&o->prev_when, h, cn);
	}
	/* a change in percent of a count is relative; points or a plain
	 * number beside a percent are the change of it */
	if (ch && ((head_flags(t, pk.change) & H_PCT) ||
		   (!strcmp(ch->unit, "percent") && strcmp(o->unit, "percent")))) {
		o->has_pct = true;
		o->pct = ch->v;
	} else if (ch) {
		o->has_change = true;
		o->change = ch->v;
	}
	if (!o->when.len)
		row_period(c, NO_SPAN, o);
	EXPLAIN(c, NO_SPAN, "cell %zu: measure from the caption, groups, row "
		"label and head but periods; unit %s; when from its column%s%s",
		i + 1, o->unit, goal ? "; a goal column: a target" : "",
		pk.prev != NO_CELL ? "; a comparison: the earlier column is "
		"its prev" : "");
	if (c->explain)
		explain_row(c, 1, o);
	emit(c, o, rowtext, rowlen);
	c->nobs = 0;
}

/* Parentheses opened in one header cell and closed in the next: a
 * header the layout cut in two ("Staff (excludin", "g PCSOs)"). */
static bool
split_header(const struct cell *l, const struct cell *r)
{
	int depth = 0;
	size_t k;

	if (l->n == 0 || r->n == 0)
		return false;
	for (k = 0; k < l->n; k++)
		depth += (l->s[k] == '(') - (l->s[k] == ')');
	if (depth <= 0)
		return false;
	for (k = 0; k < r->n && depth > 0; k++)
		depth += (r->s[k] == '(') - (r->s[k] == ')');
	return depth == 0;
}

/* What a data row is (--explain): a caption, headers, or figures. */
static void
explain_table_row(const struct ctx *c, const char *text, size_t len,
		  const struct row_kind *rk)
{
	explain_where(c, 0);
	fprintf(stderr, "table row (%s): %.*s\n", c->blk.kind ? c->blk.kind :
		"tabs", (int)len, text);
	if (rk->nnum > 0)
		explain(c, NO_SPAN, "%zu numeric cells: a row of figures",
			rk->nnum);
	else if (rk->prose || rk->nonempty == 0)
		explain(c, NO_SPAN, "no figures, no headers");
	else if (rk->nonempty == 1)
		explain(c, NO_SPAN, "one cell: the caption of a table");
	else
		explain(c, NO_SPAN, "cells of words: column headers (those before "
			"them, if any, group the columns)");
}

/* A row of column heads (those before it then group the columns:
 * "Officers | Staff"); a head the layout cut in two is joined. */
static void
set_head(struct table_ctx *t, const struct cell *cells, size_t ncell)
{
	struct cols tmp = t->group;
	size_t i;

	if (t->had_data) {	/* heads after data: a new table */
		buf_reset(&t->caption);
		buf_reset(&t->period);
		t->head.n = t->group.n = 0;
		t->had_data = false;
	}
	buf_reset(&t->rowgroup);
	t->period_rows = 0;
	t->group = t->head;
	t->head = tmp;
	t->head.n = 0;
	if (ncell > t->cap_hflag) {
		t->cap_hflag = ncell + 16;
		t->hflag = xrealloc(t->hflag, t->cap_hflag);
	}
	for (i = 0; i < ncell; i++) {
		cols_set(&t->head, i, cells[i].s, cells[i].n);
		t->hflag[i] = (unsigned char)cells[i].flags;
		if (i > 0 && split_header(&cells[i - 1], &cells[i])) {
			struct buf *h = &t->head.col[i - 1];

			if (!is_ascii_alpha((unsigned char)cells[i].s[0]) ||
			    !is_ascii_alpha((unsigned char)h->p[h->len - 1]))
				buf_addc(h, ' ');
			buf_add(h, t->head.col[i].p, t->head.col[i].len);
			buf_reset(&t->head.col[i]);
		}
	}
	t->active = true;
}

/* A row without figures in a table of tabs (no kinds): a caption (one
 * short cell) or column heads. */
static void
table_headers(struct ctx *c, const struct cell *cells, size_t ncell,
	      const struct row_kind *rk)
{
	struct table_ctx *t = &c->tab;

	if (rk->nnum > 0 || rk->prose || rk->nonempty == 0)
		return;
	if (rk->nonempty == 1) {
		table_reset(t);
		t->active = true;
		set_caption(c, cells[rk->last].s, cells[rk->last].n);
		return;
	}
	set_head(t, cells, ncell);
}

/* Column i's head names the report's own period ("2023/24 Q1" in the
 * 2023/24 Q1 report): its cells are the current figures. */
static bool
report_column(const struct ctx *c, size_t i)
{
	struct period p, r;
	size_t n;
	const char *h = cols_text(&c->tab.head, i, &n);
	const char *rp = c->blk.period;

	return rp && *rp && period_parse(rp, strlen(rp), &r) &&
	       period_find(h, n, &p) && period_quarter(&p) == period_quarter(&r) &&
	       p.kind == r.kind;
}

/* The month the period column i's head names ends in, counted from
 * year 0 (year * 12 + month - 1), so that two heads can be put in order
 * ("Mar 2025" after "Mar 2024", "2024/25 Q1" after "2023/24"); -1 when
 * the head names no period. */
static long
column_end(const struct ctx *c, size_t i)
{
	struct period p;
	size_t n;
	const char *h = cols_text(&c->tab.head, i, &n);
	long k;

	if (!period_find(h, n, &p))
		return -1;
	if (p.kind == PERIOD_MONTH)
		return p.year * 12L + p.month - 1;
	if (p.kind == PERIOD_SPAN)
		return p.year2 * 12L + p.month2 - 1;
	/* a quarter or a financial year: its last month (June is Q1's) */
	return (k = period_quarter(&p)) < 0 ? -1 : k / 4 * 12 + 2 + 3 * (k % 4 + 1);
}

/* Row label cl names the year before the report's ("2024/25" in the
 * 2025/26 Q1 report). */
static bool
earlier_row(const struct ctx *c, const struct cell *cl)
{
	struct period p, r;
	const char *rp = c->blk.period;

	return rp && *rp && period_parse(rp, strlen(rp), &r) &&
	       period_find(cl->s, cl->n, &p) && p.kind == PERIOD_YEAR &&
	       r.kind != PERIOD_NONE && p.fy + 1 == (r.kind == PERIOD_MONTH ||
		       r.kind == PERIOD_SPAN ? (r.month >= 4 ? r.year : r.year - 1) :
		       r.fy);
}

/* Cell i of a row of an earlier year: a row of its own that holds only
 * the prev, in the column's period of that year. */
static void
table_prev(struct ctx *c, const struct cell *cells, size_t i, size_t lab,
	   const char *rowtext, size_t rowlen)
{
	struct fig f;
	struct obs *o;

	memset(&f, 0, sizeof f);
	cell_measure(c, cells, i, lab, &c->scratch, &c->tab.words);
	SET_UNIT(f.unit, cell_unit_cached(c, &cells[i], &c->tab.words));
	c->nobs = 0;
	o = obs_push(c, &f, 0);
	o->at = cell_at(c, &cells[i]);
	buf_add(&o->measure, c->scratch.p ? c->scratch.p : "", c->scratch.len);
	o->has_prev = true;
	o->prev = cells[i].v;
	cell_when(c, cells, i, lab, &o->prev_when);
	EXPLAIN(c, NO_SPAN, "cell %zu: a year before the report's: a prev", i + 1);
	if (c->explain)
		explain_row(c, 1, o);
	emit(c, o, rowtext, rowlen);
	c->nobs = 0;
}

/* The figures of a data row.  A row that compares (a change column, or
 * two period columns of which the later is the report's own) gives one
 * row: the later period's cell its value, the earlier its prev, the
 * change column its change or change_pct; its other cells (a goal, a
 * year to date) give rows of their own, as every cell of a trend does. */
static void
table_figures(struct ctx *c, size_t ncell, const char *text, size_t len)
{
	const struct table_ctx *t = &c->tab;
	const struct cell *cells = c->cells;
	size_t i, ch = NO_CELL, np = 0, per[2] = {NO_CELL, NO_CELL}, lab;
	struct pick cmp = {NO_CELL, NO_CELL, NO_CELL};

	for (i = 0; i < ncell; i++) {
		unsigned fl = head_flags(t, i);

		if (!cells[i].numeric)
			continue;
		if ((fl & H_CHANGE) && ch == NO_CELL)
			ch = i;
		else if ((fl & H_PERIOD) && !(fl & (H_GOAL | H_CHANGE)) &&
			 ch == NO_CELL) {
			per[0] = per[1];
			per[1] = i;
			np++;
		}
	}
	/* "Mar 2025 | Mar 2024": newest first; the later is the value */
	if (per[0] != NO_CELL && column_end(c, per[1]) >= 0 &&
	    column_end(c, per[0]) > column_end(c, per[1])) {
		i = per[0];
		per[0] = per[1];
		per[1] = i;
	}
	lab = row_label(cells, ncell);
	if (lab != NO_CELL && (cells[lab].flags & H_PERIOD)) {
		per[0] = NO_CELL;	/* periods down the rows: a trend, */
		if (np > 1 && c->tab.period_rows++ == 0 &&
		    earlier_row(c, &cells[lab])) {
			/* ... but a first row of the year before the
			 * report's is there to compare: "2024/25 | 17,660 |
			 * 18,420" over "2025/26 | 18,940 | 19,620" */
			for (i = 0; i < ncell; i++)
				if (cells[i].numeric)
					table_prev(c, cells, i, lab, text, len);
			return;
		}
	}
	if (per[0] != NO_CELL && (ch != NO_CELL ||
				  (np == 2 && report_column(c, per[1]))))
		cmp = (struct pick){per[1], per[0], ch};
	else if (ch != NO_CELL && per[1] != NO_CELL)
		cmp = (struct pick){per[1], NO_CELL, ch};
	if (cmp.value != NO_CELL)
		table_cell(c, cells, cmp, text, len);
	for (i = 0; i < ncell; i++)
		if (cells[i].numeric && i != cmp.value && i != cmp.prev &&
		    i != cmp.change)
			table_cell(c, cells, (struct pick){i, NO_CELL, NO_CELL},
				   text, len);
}

/* A data row (kind table, or a plain row of tabs): heads when it holds
 * no figure (a head that came as kind table); the text of its cells of
 * words (layout columns carry sentences); its figures.  The cells keep
 * their figures when do_text tokenizes their words. */
static void
do_table_row(struct ctx *c, const char *text, size_t len)
{
	struct row_kind rk;
	size_t ncell = split_cells(c, text, len, &rk), i;

	if (c->explain)
		explain_table_row(c, text, len, &rk);
	table_headers(c, c->cells, ncell, &rk);
	for (i = 0; i < ncell; i++)
		if (!c->cells[i].numeric && !c->cells[i].none && c->cells[i].n)
			do_text(c, c->cells[i].s, c->cells[i].n);
	c->tab.had_data = c->tab.had_data || rk.nnum > 0;
	if (rk.nnum > 0 && contents_row(c, c->cells, ncell))
		EXPLAIN(c, NO_SPAN, "a contents line: its numbers are pages");
	else if (rk.nnum > 0)
		table_figures(c, ncell, text, len);
}
