/* cells.c: the cells of a data table and the words of its labels and
 * heads.  A cell is a number with its own unit ("4.1%", "£2,300", "4
 * mins 21 secs", "3:31" in m:ss, "+2.3 pts", "347*" with a footnote's
 * mark), or a word that holds no figure (NA, TBC, "-"), or a label; a
 * label or a head names a period, a difference, a goal or the stub
 * ("Measure"), and its words give the cells their unit ("(%)", "% of",
 * "(mins)").  The words are data/lexicon/tables.tsv; periods, changes
 * and units are metrics.tsv's and lib/period's.  tables.c binds the
 * cells. */


struct cell {
	const char *s;
	size_t n;
	bool numeric;		/* a figure */
	bool none;		/* NA, TBC, "-": a cell that holds no figure */
	double v;
	char unit[16];		/* the unit the cell gives itself, or "" */
	unsigned flags;		/* of a label or head: H_PERIOD... */
};

/* What a label or a head names. */
enum {
	H_PERIOD = 1,		/* a period: "Q1", "2019/20", "Jun-23" */
	H_CHANGE = 2,		/* a difference: "Variance", "+/-" */
	H_GOAL = 4,		/* a goal: "Target", "Aim" */
	H_STUB = 8,		/* the label column's head: "Measure" */
	H_PCT = 16		/* a relative change: "% change" */
};

enum {
	CAPTION_MAX = 100,	/* bytes of a line that can caption a table */
	PROSE_WORDS = 8,	/* a cell of more words is running text */
	CELL_WORD = 40		/* bytes of a cell read as one phrase: "n/a",
				 * "key performance indicators" */
};

static void
tables_free(struct ctx *c)
{
	struct table_ctx *t = &c->tab;
	size_t k;

	for (k = 0; k < t->head.cap; k++)
		buf_free(&t->head.col[k]);
	for (k = 0; k < t->group.cap; k++)
		buf_free(&t->group.col[k]);
	free(t->head.col);
	free(t->group.col);
	buf_free(&t->caption);
	buf_free(&t->rowgroup);
	buf_free(&t->heading);
	buf_free(&t->period);
	buf_free(&t->unit_key);
	buf_free(&t->words);
	buf_free(&t->pending);
	free(t->hflag);
	buf_free(&c->field.record);
	buf_free(&c->field.measure);
	buf_free(&c->field.when);
	buf_free(&c->field.text);
	buf_free(&c->field.actual);
	buf_free(&c->field.caption);
	lex_close(c->tables_lx);
}

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

/* A whole cell in the classes mask of the tables lexicon: "n/a", "TBC". */
static bool
cell_is(const struct ctx *c, const char *s, size_t n, lex_mask mask)
{
	char low[CELL_WORD];
	size_t i;

	if (n == 0 || n >= sizeof low)
		return false;
	for (i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	return (lex_classes(c->tables_lx, low, n) & mask) != 0;
}

/* Bytes of the character that starts s[0..n), with its code point. */
static size_t
char_at(const char *s, size_t n, int32_t *cp)
{
	return n ? text_decode(s, n, cp) : 0;
}

/* Bytes of a dash starting s[0..n) ("-", "–", "−"), 0 if none. */
static size_t
dash_at(const char *s, size_t n)
{
	int32_t cp;
	size_t k = char_at(s, n, &cp);

	return k && text_is_dash(cp) ? k : 0;
}

/* Bytes of a footnote's mark ending s[0..n): "*", "†", "‡", "¹"; 0 if
 * none. */
static size_t
mark_end(const char *s, size_t n)
{
	size_t k = n;
	int32_t cp;

	if (n >= 1 && s[n - 1] == '*')
		return 1;
	while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
		k--;
	if (k == 0 || k == n)
		return 0;
	k--;
	char_at(s + k, n - k, &cp);
	return cp == 0x2020 || cp == 0x2021 || text_is_superscript_digit(cp) ?
	       n - k : 0;
}

/* "17s", "2m 31s", "1h 05m": a duration in letters glued to digits, as
 * dashboards write it: seconds, or -1. */
static double
compact_duration(const char *s, size_t n)
{
	static const struct {
		char letter;
		double secs;
	} units[] = { {'h', 3600}, {'m', 60}, {'s', 1} };
	double total = 0, part;
	size_t i = 0, k = 0, d;

	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		for (d = 0, part = 0; i < n && is_ascii_digit((unsigned char)s[i]); i++, d++)
			part = part * 10 + (s[i] - '0');
		if (d == 0 || i >= n)
			return -1;
		while (k < 3 && units[k].letter != s[i])
			k++;
		if (k == 3 || (i + 1 < n && s[i + 1] != ' '))
			return -1;
		total += part * units[k++].secs;
		i++;
	}
	return k > 0 && total > 0 && (k == 3 || n > 0) ? total : -1;
}

/* The figure of a cell, by the number grammar of sentences (numbers.c):
 * "1,234", "4.1%", "£2,300", "£2.4m", "4 mins 21 secs", "+2.3 pts", "17s";
 * with its own unit ("" for a count).  The cell's tokens replace the
 * block's. */
static bool
grammar_cell(struct ctx *c, const char *s, size_t n, double *v, char *unit)
{
	struct fig f;
	struct number num;
	struct span all;
	size_t i = 0, k, start;
	const char *money;
	bool neg, more = false;

	tokenize(c, s, n);
	all = (struct span){0, c->ntok};
	while (i < c->ntok && c->tok[i].kind == T_PUNCT)
		i++;	/* "£" */
	if (i >= c->ntok || c->tok[i].kind != T_NUM ||
	    !parse_one_number(c, i, c->ntok, &num))
		return false;
	money = currency_before(c, all, i, &start, &neg);
	if (start != 0)
		return false;
	memset(&f, 0, sizeof f);
	f.v = f.vmax = num.v;
	k = parse_unit(c, num.end, c->ntok, &f, money, num.scaled);
	k = parse_compound_duration(c, k, c->ntok, &f, &more);
	if (k < c->ntok && tok_has(c, k, c->ntok, W(POINTS))) {
		strcpy(f.unit, "pp");
		k++;
	}
	if (k != c->ntok)
		return false;
	*v = neg ? -f.v : f.v;
	set_unit(unit, 16, strcmp(f.unit, "count") ? f.unit : "");
	return true;
}

/* Read cell cl: a figure (numeric, v, unit), a cell without one (none),
 * or words.  A year alone is a label ("2019"). */
static void
read_cell(struct ctx *c, struct cell *cl)
{
	const char *s = cl->s;
	size_t n = cl->n, k;
	double sign = 1, d;

	cl->numeric = cl->none = false;
	cl->v = 0;
	cl->unit[0] = '\0';
	cl->flags = 0;
	if (n == 0)
		return;
	if ((n == 1 && strchr("-.*", s[0])) || dash_at(s, n) == n ||
	    (is_ascii_alpha((unsigned char)s[0]) && cell_is(c, s, n, TB(NO_VALUE)))) {
		cl->none = true;
		return;
	}
	while ((k = mark_end(s, n)) > 0 && k < n)
		n -= k;
	if (s[0] == '+' || s[0] == '-') {
		sign = s[0] == '-' ? -1 : 1;
		s++;
		n--;
	} else if ((k = dash_at(s, n)) > 0 && k < n) {
		sign = -1;	/* a minus written as a dash */
		s += k;
		n -= k;
	}
	if (n == 0 || !(is_ascii_digit((unsigned char)s[0]) ||
			(n > 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA3)))
		return;
	if (cell_duration(s, n, &d) || (d = compact_duration(s, n)) >= 0) {
		cl->v = sign * d;	/* "3:31" (m:ss: numbers.c), "2m 31s" */
		strcpy(cl->unit, "seconds");
		cl->numeric = true;
		return;
	}
	/* plain digits and a share by numbers.c's cell reader ("1,234",
	 * "4.1%"), anything else by the sentence grammar */
	if (cell_number(s, n, false, &cl->v))
		;
	else if (n > 1 && s[n - 1] == '%' && cell_number(s, n - 1, true, &cl->v))
		strcpy(cl->unit, "percent");
	else if (!grammar_cell(c, s, n, &cl->v, cl->unit))
		return;
	cl->v *= sign;
	/* a year alone is a label: "2019" */
	cl->numeric = !(n == 4 && sign > 0 && !cl->unit[0] && cl->v >= YEAR_MIN &&
			cl->v <= YEAR_MAX && cl->v == floor(cl->v));
}

/* Split a label or header into c->label (struct label): its words in
 * lower case, "%" and "£" as words; numbers are no words, and any other
 * sign is a word of no bytes, that no phrase goes across. */
static void
label_split(struct ctx *c, const char *s, size_t n)
{
	struct label *l = &c->label;
	size_t i = 0, k, len;

	l->nw = 0;
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];
		char *w;

		if (ch == ' ' || is_ascii_digit(ch)) {
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

/* What a label or head names (H_PERIOD...): a period ("Q1", "Quarter
 * 2", "Jun-23", "2019/20", "2024"), a difference ("Variance", "+/-",
 * "% change"), a goal ("Target", "Aim"), the stub ("Measure"). */
static unsigned
label_flags(struct ctx *c, const char *s, size_t n)
{
	const struct label *l = &c->label;
	size_t i, digits = 0;
	lex_mask m = 0, t = 0;
	unsigned fl = 0;
	bool month = false;

	label_split(c, s, n);
	for (i = 0; i < l->nw; i++) {
		m |= lex_classes(c->lex.lx, l->w[i].s, l->w[i].n);
		t |= lex_classes(c->tables_lx, l->w[i].s, l->w[i].n);
		month = month || period_month(l->w[i].s, l->w[i].n) > 0;
	}
	for (i = 0; i < n; i++)
		digits += is_ascii_digit((unsigned char)s[i]);
	if (month || (m & W(PERIOD_LABEL)) || (digits >= 4 && memchr(s, '/', n)) ||
	    (digits == 4 && n == 4))
		fl |= H_PERIOD;
	if ((m & W(CHANGE_LABEL)) || has_word(s, n, "+/-")) {
		fl |= H_CHANGE;
		if (memchr(s, '%', n) && !(m & W(PERCENT) & ~LEX_BIT(0)))
			fl |= H_PCT;
	}
	if (t & TB(GOAL))
		fl |= H_GOAL;
	if (cell_is(c, s, n, TB(STUB)))
		fl |= H_STUB;
	return fl;
}

/* The unit a table cell counts in, from the words around it: the first
 * of these that a phrase of theirs names (the percent and table-unit
 * rows of the lexicon: "%", "% pt.", "percentage points", "rate",
 * "hours", "cost", "m:ss"); a points column belongs to a percent
 * measure. */
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

	if (cl->unit[0])
		return !strcmp(cl->unit, "pp") ? "percent" : cl->unit;
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

/* cell_unit, asked once for the cells of a row that share their words. */
static const char *
cell_unit_cached(struct ctx *c, const struct cell *cl, const struct buf *m)
{
	struct table_ctx *t = &c->tab;
	const char *words = m->p ? m->p : "";
	bool pct = !strcmp(cl->unit, "percent"), money = !strcmp(cl->unit, "GBP");

	if (cl->unit[0] && !pct && !money)
		return cell_unit(c, cl, words, m->len);
	if (t->has_unit && t->unit_key.len == m->len && pct == t->unit_pct &&
	    money == t->unit_money && !memcmp(t->unit_key.p, words, m->len))
		return t->unit;
	SET_UNIT(t->unit, cell_unit(c, cl, words, m->len));
	t->has_unit = true;
	t->unit_pct = pct;
	t->unit_money = money;
	buf_reset(&t->unit_key);
	buf_add(&t->unit_key, words, m->len);
	return t->unit;
}

/* Words s[0..n) with a unit aside taken out: "Answered in 10s (%)",
 * "Average answer time (m:ss)", "% of 999 calls answered": the label
 * the measure keeps, into m after a space. */
static void
add_label(struct ctx *c, struct buf *m, const char *s, size_t n)
{
	size_t k, e = n;

	/* a closing aside of a unit only: "(%)", "(mins)", "(m:ss)" */
	if (n > 2 && s[n - 1] == ')') {
		for (k = n - 1; k > 0 && s[k - 1] != '('; k--)
			;
		if (k > 0 && n - k <= CELL_WORD) {
			label_split(c, s + k, n - 1 - k);
			if (c->label.nw == 0 || lex_phrase(c->lex.lx, c->label.w,
					c->label.nw, W(PERCENT) | W(TABLE_UNIT) |
					W(DURATION), NULL, NULL) == c->label.nw ||
			    memchr(s + k, ':', n - 1 - k))
				e = k - 1;
		}
	}
	/* "% of 999 calls", "Percentage of victims": the share is the unit */
	label_split(c, s, e);
	if (c->label.nw > 1 && (k = lex_phrase(c->tables_lx, c->label.w,
					       c->label.nw, TB(SHARE_LEAD),
					       NULL, NULL)) > 0) {
		size_t words = 0, i = 0;

		for (; i < e && words < k; words++) {
			while (i < e && s[i] == ' ')
				i++;
			if (s[i] == '%')
				i++;
			else
				while (i < e && s[i] != ' ')
					i++;
		}
		s += i;
		e -= i;
	}
	while (e && s[e - 1] == ' ')
		e--;
	while (e && s[0] == ' ')
		s++, e--;
	if (e == 0)
		return;
	if (m->len)
		buf_addc(m, ' ');
	text_squeeze_space(m, s, e);
}

/* Add stored words w to m after a space, unless m holds them already
 * ("shortest first where they repeat each other"). */
static void
add_stored(struct buf *m, const struct buf *w)
{
	if (w->len == 0 || (m->len >= w->len && m->p &&
			    strstr(m->p, w->p) != NULL))
		return;
	if (m->len)
		buf_addc(m, ' ');
	buf_add(m, w->p, w->len);
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

/* Split a row at its tabs into c->cells (trimmed, read); returns the
 * count. */
static size_t
split_cells(struct ctx *c, const char *text, size_t len, struct row_kind *rk)
{
	size_t n = 1, i, s;

	tables_open(c);
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
		read_cell(c, cl);
		rk->nnum += cl->numeric;
		if (cl->n) {
			rk->nonempty++;
			rk->last = n - 1;
			if (is_prose(cl->s, cl->n))
				rk->prose = true;
			else if (!cl->numeric)	/* a label or a header */
				cl->flags = label_flags(c, cl->s, cl->n);
		}
		s = i + 1;
	}
	return n;
}
