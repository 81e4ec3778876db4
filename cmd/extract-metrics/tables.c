/* tables.c: data tables.  Rows of cells joined by TAB take measure,
 * period and unit from the table's caption, row label and column headers
 * instead of from sentences. */

struct cell {
	const char *s;
	size_t n;
	bool numeric;
	double v;
	bool percent, money;
	bool clock;		/* "3:31": a duration, in seconds */
	bool period, change;	/* words: names a period, a difference */
};

/* Header flags, worked out once per header row. */
enum { H_PERIOD = 1, H_CHANGE = 2 };

/* A cell of more words than this is running text, not a label. */
enum { PROSE_WORDS = 8 };

static bool
is_prose(const char *s, size_t n)
{
	size_t i, words = 0;
	bool in = false;

	for (i = 0; i < n; i++) {
		bool sp = s[i] == ' ';

		if (!sp && !in)
			words++;
		in = !sp;
	}
	return words > PROSE_WORDS;
}

/* A cell that is a number and nothing else: "1,234", "-0.18", "4.1%",
 * "£2,300". */
static bool
numeric_cell(struct cell *cl)
{
	const char *s = cl->s;
	size_t n = cl->n, i = 0;

	cl->percent = cl->money = false;
	if ((cl->clock = cell_duration(s, n, &cl->v)))
		return true;
	if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA3) {
		cl->money = true;
		s += 2;
		n -= 2;
	}
	if (n > 0 && s[n - 1] == '%') {
		cl->percent = true;
		n--;
	}
	if (n == 0)
		return false;
	if (s[0] == '-' || s[0] == '+')
		i++;
	if (i >= n || !is_ascii_digit((unsigned char)s[i]))
		return false;
	if (!cell_number(s, n, cl->percent, &cl->v))
		return false;
	/* a year alone is a label: "2019" */
	return !(n == 4 && cl->v >= YEAR_MIN && cl->v <= YEAR_MAX && !cl->percent);
}

static bool
has_word(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w), i;

	for (i = 0; i + wl <= n; i++)
		if (tolower((unsigned char)s[i]) == w[0] &&
		    strncasecmp(s + i, w, wl) == 0 &&
		    (i == 0 || !is_ascii_alpha((unsigned char)s[i - 1])))
			return true;
	return false;
}

/* Split a label or header into c->label (struct label). */
static void
label_split(struct ctx *c, const char *s, size_t n)
{
	struct label *l = &c->label;
	size_t i = 0, k, len;

	l->nw = 0;
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];
		char *w;

		if (ch == ' ' || is_ascii_digit(ch)) {	/* numbers are no words */
			i++;
			continue;
		}
		if (l->nw == l->cap) {
			l->cap = l->cap ? 2 * l->cap : 16;
			l->low = xrealloc(l->low, l->cap * sizeof *l->low);
			l->w = xrealloc(l->w, l->cap * sizeof *l->w);
		}
		w = l->low[l->nw];
		len = 1;
		if (is_ascii_alpha(ch)) {
			for (k = i; k < n && (is_ascii_alpha((unsigned char)s[k]) ||
					      is_ascii_digit((unsigned char)s[k])); k++)
				;
			len = k - i;
			for (k = 0; k < len && k + 1 < sizeof *l->low; k++)
				w[k] = (char)tolower((unsigned char)s[i + k]);
			w[k] = '\0';
			if (len + 1 > sizeof *l->low)
				w[0] = '\0';	/* too long for any word we know */
		} else if (ch == '%') {
			strcpy(w, "%");
		} else if (ch == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA3) {
			strcpy(w, "£");
			len = 2;
		} else {
			w[0] = '\0';	/* a sign between words */
		}
		l->w[l->nw++].n = strlen(w);
		i += len;
	}
	for (k = 0; k < l->nw; k++)
		l->w[k].s = l->low[k];
}

/* What a label or header cl names: a period ("Q1", "Quarter 2",
 * "Jun-23", "2019/20"), a difference ("Variance", "Change", "+/-"). */
static void
label_kind(struct ctx *c, struct cell *cl)
{
	const struct label *l = &c->label;
	size_t i, digits = 0;
	lex_mask m = 0;

	label_split(c, cl->s, cl->n);
	cl->period = cl->change = false;
	for (i = 0; i < l->nw; i++) {
		m |= lex_classes(c->lex.lx, l->w[i].s, l->w[i].n);
		cl->period = cl->period || period_month(l->w[i].s, l->w[i].n) > 0;
	}
	for (i = 0; i < cl->n; i++)
		digits += is_ascii_digit((unsigned char)cl->s[i]);
	cl->period = cl->period || (m & W(PERIOD_LABEL)) ||
		     (digits >= 4 && memchr(cl->s, '/', cl->n) != NULL);
	cl->change = (m & W(CHANGE_LABEL)) || has_word(cl->s, cl->n, "+/-");
}

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
	buf_reset(&t->caption);
	t->head.n = t->group.n = 0;
}

/* The unit a table cell counts in, from the words around it: the first
 * of these that a phrase of theirs names (the percent and table-unit
 * rows of the lexicon: "%", "% pt.", "percentage points", "rate",
 * "hours", "cost"); a points column belongs to a percent measure. */
static const char *
cell_unit(struct ctx *c, const struct cell *cl, const char *words, size_t n)
{
	static const char *const rank[] = {
		"percent", "hours", "minutes", "seconds", "days", "GBP"
	};
	enum { NRANK = sizeof rank / sizeof rank[0] };
	const struct label *l = &c->label;
	size_t i, k, best = NRANK;
	const char *v;

	if (cl->money)
		return "GBP";
	if (cl->percent)
		return "percent";
	label_split(c, words, n);
	for (i = 0; i < l->nw; i++) {
		if (!lex_phrase(c->lex.lx, l->w + i, l->nw - i,
				W(PERCENT) | W(TABLE_UNIT), NULL, &v))
			continue;
		if (!strcmp(v, "pp"))
			v = "percent";
		for (k = 0; k < best; k++)
			if (!strcmp(v, rank[k]))
				best = k;
	}
	return best < NRANK ? rank[best] : "count";
}

static bool
blank_cell(const struct cell *cl)
{
	return cl->n == 0 || (cl->n == 1 && (cl->s[0] == '-' || cl->s[0] == '.'));
}

/* Add words to a phrase, a space between; stored headers are already
 * squeezed, cells are not. */
static void
add_part(struct buf *m, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (m->len)
		buf_addc(m, ' ');
	text_squeeze_space(m, s, n);
}

/* add_part for words stored squeezed already (captions, headers). */
static void
add_stored(struct buf *m, const struct buf *w)
{
	if (w->len == 0)
		return;
	if (m->len)
		buf_addc(m, ' ');
	buf_add(m, w->p, w->len);
}

/* The row label of cell i: the nearest cell of words to its left. */
static size_t
row_label(const struct cell *cells, size_t i)
{
	while (i > 0 && (cells[i - 1].numeric || blank_cell(&cells[i - 1])))
		i--;
	return i > 0 ? i - 1 : NO_CELL;
}

/* Caption, column group, the label column's header, the row label and
 * the column header, leaving out those that name periods. */
static void
cell_measure(const struct table_ctx *t, const struct cell *cells, size_t i,
	     size_t lab, struct buf *m)
{
	size_t k;

	buf_reset(m);
	add_stored(m, &t->caption);
	for (k = i + 1; k > 0; k--)
		if (k - 1 < t->group.n && t->group.col[k - 1].len) {
			add_stored(m, &t->group.col[k - 1]);
			break;
		}
	if (lab != NO_CELL) {
		if (lab < t->head.n && !(head_flags(t, lab) & H_PERIOD))
			add_stored(m, &t->head.col[lab]);
		if (!cells[lab].period)
			add_part(m, cells[lab].s, cells[lab].n);
	}
	if (i < t->head.n && !(head_flags(t, i) & H_PERIOD))
		add_stored(m, &t->head.col[i]);
}

/* cell_unit, asked once for the cells of a row that share their words. */
static const char *
cell_unit_cached(struct ctx *c, const struct cell *cl, const struct buf *m)
{
	struct table_ctx *t = &c->tab;
	const char *words = m->p ? m->p : "";

	if (t->unit && t->unit_key.len == m->len && cl->percent == t->unit_pct &&
	    cl->money == t->unit_money && !memcmp(t->unit_key.p, words, m->len))
		return t->unit;
	t->unit = cell_unit(c, cl, words, m->len);
	t->unit_pct = cl->percent;
	t->unit_money = cl->money;
	buf_reset(&t->unit_key);
	buf_add(&t->unit_key, words, m->len);
	return t->unit;
}

/* The cells of one output row of a data row: its figure, and its earlier
 * figure and difference when the table gives them (NO_CELL when not). */
struct pick {
	size_t value, prev, change;
};

/* One output row for the cells pk of a data row (cells, and its text
 * rowtext of rowlen bytes for the evidence). */
static void
table_cell(struct ctx *c, const struct cell *cells, struct pick pk,
	   const char *rowtext, size_t rowlen)
{
	struct table_ctx *t = &c->tab;
	size_t i = pk.value, lab = row_label(cells, i), hn, cn;
	const char *h = cols_text(&t->head, i, &hn), *lab_s = "";
	size_t lab_n = 0;
	struct fig f;
	struct obs *o;

	if (lab != NO_CELL) {
		lab_s = cells[lab].s;
		lab_n = cells[lab].n;
	}
	memset(&f, 0, sizeof f);
	cell_measure(t, cells, i, lab, &c->scratch);
	/* a points column belongs to a percent measure */
	snprintf(f.unit, sizeof f.unit, "%s", cells[i].clock ? "seconds" :
		 cell_unit_cached(c, &cells[i], &c->scratch));
	c->nobs = 0;
	o = obs_push(c, &f, 0);
	o->at = 0;
	buf_add(&o->measure, c->scratch.p ? c->scratch.p : "", c->scratch.len);
	/* when: the column header and the row label where they are periods */
	if (head_flags(t, i) & H_PERIOD)
		add_part(&o->when, h, hn);
	if (lab != NO_CELL && cells[lab].period)
		add_part(&o->when, lab_s, lab_n);
	if ((lab != NO_CELL && cells[lab].change) || (head_flags(t, i) & H_CHANGE)) {
		o->has_change = true;
		o->change = cells[i].v;
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
	if (pk.change != NO_CELL) {
		o->has_change = true;
		o->change = cells[pk.change].v;
	}
	EXPLAIN(c, NO_SPAN, "cell %zu: measure from the caption, column group, "
		"row label and header but periods; unit %s from their words%s",
		i + 1, o->unit, pk.prev != NO_CELL ?
		"; the two cells before a difference column: prev and value" : "");
	if (c->explain)
		explain_row(c, 1, o);
	emit(c, o, rowtext, rowlen);
	c->nobs = 0;
}

/* "Priority 3 - Title<TAB>17": a contents line; its numbers are pages. */
static bool
contents_row(const struct ctx *c, const struct cell *cells, size_t ncell)
{
	size_t i, k;
	char w[16];

	for (i = 0; i < ncell && !cells[i].n; i++)
		;
	if (i == ncell)
		return false;
	for (k = 0; k < cells[i].n && k < sizeof w - 1 &&
		    is_ascii_alpha((unsigned char)cells[i].s[k]); k++)
		w[k] = (char)tolower((unsigned char)cells[i].s[k]);
	w[k] = '\0';
	return lex_is(c->lex.lx, w, k, METRICS_CONTENTS) && k + 1 < cells[i].n &&
	       is_ascii_digit((unsigned char)cells[i].s[k + 1]);
}

/* What a row's cells hold. */
struct row_kind {
	size_t nnum;		/* numeric cells */
	size_t nonempty;
	size_t last;		/* the last non-empty cell */
	bool prose;		/* a cell of running text */
};

/* Split a row at its tabs into c->cells (trimmed); returns the count. */
static size_t
split_cells(struct ctx *c, const char *text, size_t len, struct row_kind *rk)
{
	size_t n = 1, i, s;

	for (i = 0; i < len; i++)
		n += text[i] == '\t';
	if (n > c->cap_cells) {
		c->cap_cells = n + 16;
		c->cells = xrealloc(c->cells, c->cap_cells * sizeof *c->cells);
	}
	memset(rk, 0, sizeof *rk);
	for (i = s = 0, n = 0; i <= len; i++) {
		struct cell *cl;

		if (i < len && text[i] != '\t')
			continue;
		cl = &c->cells[n++];
		cl->s = text + s;
		cl->n = i - s;
		while (cl->n && cl->s[0] == ' ')
			cl->s++, cl->n--;
		while (cl->n && cl->s[cl->n - 1] == ' ')
			cl->n--;
		cl->numeric = numeric_cell(cl);
		cl->period = cl->change = false;
		rk->nnum += cl->numeric;
		if (cl->n) {
			rk->nonempty++;
			rk->last = n - 1;
			if (is_prose(cl->s, cl->n)) {
				rk->prose = true;
			} else if (!cl->numeric) {	/* a label or a header */
				label_kind(c, cl);
			}
		}
		s = i + 1;
	}
	return n;
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
	fprintf(stderr, "table row: %.*s\n", (int)len, text);
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

/* A row without figures: a caption (one short cell) or column headers
 * (the headers before them then group the columns: "Officers | Staff"). */
static void
table_headers(struct table_ctx *t, const struct cell *cells, size_t ncell,
	      const struct row_kind *rk)
{
	struct cols tmp = t->group;
	size_t i;

	if (rk->nnum > 0 || rk->prose || rk->nonempty == 0)
		return;
	if (rk->nonempty == 1) {
		table_reset(t);
		t->active = true;
		text_squeeze_space(&t->caption, cells[rk->last].s, cells[rk->last].n);
		return;
	}
	if (t->had_data) {	/* headers after data: a new table */
		buf_reset(&t->caption);
		t->head.n = t->group.n = 0;
		t->had_data = false;
	}
	t->group = t->head;
	t->head = tmp;
	t->head.n = 0;
	if (ncell > t->cap_hflag) {
		t->cap_hflag = ncell + 16;
		t->hflag = xrealloc(t->hflag, t->cap_hflag);
	}
	for (i = 0; i < ncell; i++) {
		cols_set(&t->head, i, cells[i].s, cells[i].n);
		t->hflag[i] = (cells[i].period ? H_PERIOD : 0) |
			      (cells[i].change ? H_CHANGE : 0);
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

/* The figures of a data row: one row per numeric cell, except that two
 * figures just before a difference column fold into prev and value. */
static void
table_figures(struct ctx *c, size_t ncell, const char *text, size_t len)
{
	const struct cell *cells = c->cells;
	size_t i, ch = NO_CELL;

	for (i = 0; i < ncell; i++)
		if (cells[i].numeric && (head_flags(&c->tab, i) & H_CHANGE))
			ch = i;
	if (ch == NO_CELL || ch < 2 || !cells[ch - 1].numeric ||
	    !cells[ch - 2].numeric || (ch >= 3 && cells[ch - 3].numeric))
		ch = NO_CELL;
	if (ch != NO_CELL)
		table_cell(c, cells, (struct pick){ch - 1, ch - 2, ch}, text, len);
	for (i = 0; i < ncell; i++)
		if (cells[i].numeric && (ch == NO_CELL || i + 2 < ch || i > ch))
			table_cell(c, cells, (struct pick){i, NO_CELL, NO_CELL},
				   text, len);
}

static void
do_table_row(struct ctx *c, const char *text, size_t len)
{
	struct row_kind rk;
	size_t ncell = split_cells(c, text, len, &rk), i;

	if (c->explain)
		explain_table_row(c, text, len, &rk);
	table_headers(&c->tab, c->cells, ncell, &rk);
	/* cells of words are text too: layout columns carry sentences */
	for (i = 0; i < ncell; i++)
		if (!c->cells[i].numeric && c->cells[i].n)
			do_text(c, c->cells[i].s, c->cells[i].n);
	c->tab.had_data = c->tab.had_data || rk.nnum > 0;
	if (rk.nnum > 0 && contents_row(c, c->cells, ncell))
		EXPLAIN(c, NO_SPAN, "a contents line: its numbers are pages");
	else if (rk.nnum > 0)
		table_figures(c, ncell, text, len);
}
