/* wrap.c: tables whose cells wrap inside columns too narrow for them.
 *
 * A word processor wraps a cell's text inside its column: words go on
 * the next line, and a word or a number wider than the column is broken
 * wherever the column ends ("6.1" over "2" is 6.12, "-" over "0.2" over
 * "9" is -0.29, "Ma" over "y" is May).  pdftotext -layout then gives a
 * row on several lines, each holding a fragment of some cells, and it
 * places the lines of one row consistently with each other, but not
 * always with the other rows: a head may stand a few characters off the
 * figures under it.
 *
 * So a row's fragments are read back into their cells (grid_wrapped
 * decides that a line goes on with the row above; cell_join rejoins a
 * fragment, without a space where a number or a word was broken, with
 * one where words wrapped), and a head whose lines do not fit the
 * columns it began with is laid out again when the first row of
 * figures comes under it: its lines are read as one band, and its
 * columns are paired with the row's (head_rebuild).  Everything is
 * decided by the table's own evidence: a line with no label, a number
 * left unfinished (a lone sign, a trailing point), the table having
 * wrapped a row already, the cells' order. */

enum {
	WRAP_FRAGMENT = 3,	/* a lone number's fragment under a row's
				 * figure: this many digits at most */
	BROKEN_WORD = 2,	/* a word's tail without a vowel, this many
				 * letters at most, was broken off ("ng") */
	ALIGN_GAP = 12		/* characters: a head's column and a row's
				 * this far apart are not one column */
};

/* A fragment of a number: digits, a sign, a currency, points and
 * commas, nothing else ("6.", "-", "£1,2", "0.2"). */
static bool
number_fragment(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;

	if (n == 0)
		return false;
	while (i < n) {
		i += text_decode(s + i, n - i, &cp);
		if (!(text_is_digit(cp) || cp == '.' || cp == ',' || cp == '+' ||
		      cp == '(' || text_is_dash(cp) ||
		      utf8proc_category(cp) == UTF8PROC_CATEGORY_SC))
			return false;
	}
	return true;
}

/* A number left unfinished at a line's end: a lone sign or currency, or
 * a trailing point, comma, slash or dash ("6.", "-", "2024/", "£"). */
static bool
cell_unfinished(const char *s, size_t n)
{
	int32_t cp = 0;
	size_t i;

	if (n == 0)
		return false;
	/* the last code point */
	for (i = n - 1; i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80; i--)
		;
	text_decode(s + i, n - i, &cp);
	if (cp == '.' || cp == ',' || cp == '/' || cp == '(' || cp == '+' ||
	    text_is_dash(cp))
		return number_fragment(s, n) || cp == '/' || text_is_dash(cp);
	return i == 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_SC;
}

/* Letters without a vowel cannot make a word of their own ("ng", "b"),
 * nor can a letter alone but "a" ("Chang" over "e"). */
static bool
no_vowel(const char *s, size_t n)
{
	size_t i;

	if (n == 1 && isalpha((unsigned char)s[0]))
		return s[0] != 'a';
	for (i = 0; i < n; i++)
		if (!isalpha((unsigned char)s[i]) || strchr("aeiouyAEIOUY", s[i]))
			return false;
	return n > 0;
}

/* "Ma" over "y": the two make a month's name, which neither is. */
static bool
month_split(const char *a, size_t an, const char *b, size_t bn)
{
	char w[16];

	if (an + bn >= sizeof w || !is_letter(a[0]))
		return false;
	memcpy(w, a, an);
	memcpy(w + an, b, bn);
	return period_month(w, an + bn) > 0 && period_month(a, an) == 0;
}

/* Append a fragment of a cell (s) to what the cell holds so far (b),
 * the line above's.  Without a space where something was broken: a
 * number going on (in a figure's column; elsewhere only a number left
 * unfinished, "2024/" over "25"), a word after a hyphen or a slash, a
 * sign or unit closing a figure ("%", ")"), a word whose tail has no
 * vowel ("Polici" over "ng") or that makes a month ("Ma" over "y").
 * With one where words wrapped. */
static void
cell_join(struct buf *b, const char *s, size_t n, bool value)
{
	size_t m = b->len, t, w;
	const char *p = b->p;
	bool glue = false;

	if (m == 0) {
		buf_add(b, s, n);
		return;
	}
	for (t = m; t > 0 && p[t - 1] != ' '; t--)
		;	/* the last word: p[t, m) */
	for (w = 0; w < n && s[w] != ' '; w++)
		;	/* the first: s[0, w) */
	if (isdigit((unsigned char)s[0]) ||
	    (s[0] == '.' && n > 1 && isdigit((unsigned char)s[1])))
		glue = (value && number_fragment(p + t, m - t)) ||
		       cell_unfinished(p + t, m - t);
	else if (s[0] == '%' || s[0] == ')')
		glue = number_fragment(p + t, m - t);
	else if (islower((unsigned char)s[0]) && m - t > 0) {
		if (p[m - 1] == '-' || p[m - 1] == '/')
			glue = m - t >= 2 && isalpha((unsigned char)p[m - 2]);
		else if (isalpha((unsigned char)p[m - 1]))
			glue = (w <= BROKEN_WORD && no_vowel(s, w)) ||
			       month_split(p + t, m - t, s, w);
	}
	if (!glue)
		buf_addc(b, ' ');
	buf_add(b, s, n);
}

/* A cell under a figure that is no figure of its own: its unit or sign
 * ("pts", "%", ")"), or lone digits shorter than a bare number above
 * ("6.1" over "2"). */
static bool
cell_fragment(const char *s, size_t n, const struct buf *above)
{
	size_t d;

	if (!isdigit((unsigned char)s[0]))
		return (islower((unsigned char)s[0]) || s[0] == '%' || s[0] == ')') &&
		       !is_value_cell(s, n);
	for (d = 0; d < n && isdigit((unsigned char)s[d]); d++)
		;
	return d == n && n <= WRAP_FRAGMENT && n < above->len &&
	       number_fragment(above->p, above->len);
}

/* Does the line (its cells placed under the table's columns) go on with
 * the row waiting above it, its cells wrapped?  It has no label of its
 * own (or a label going on lower-case: "to 25/26" under "26/27
 * Variance"), each of its cells stands under one of the row's, and the
 * table says the row wraps: a figure above left unfinished ("6.", "-"),
 * a row of it wrapped already, or the line holds only fragments of the
 * figures above (cell_fragment). */
static bool
grid_wrapped(const struct grid *g, const struct cells *r)
{
	size_t i, col;
	bool unfinished = false, fragments = true, values = false;

	if (!g->confirmed || g->nrow == 0 || g->nrow >= GRID_HOLD ||
	    g->blanks > 0 || g->group || r->k == 0)
		return false;
	for (i = 0; i < r->k; i++) {
		const char *s = cell_at(r, i);
		size_t n = cell_len(r, i);
		const struct buf *above = &g->cell[r->col[i]];

		col = r->col[i];
		if (col == 0) {
			if (!starts_lower(s, n))
				return false;
			continue;
		}
		if (above->len == 0)
			return false;
		values = true;
		unfinished |= cell_unfinished(above->p, above->len);
		fragments &= cell_fragment(s, n, above);
	}
	return values && (unfinished || g->wraps || fragments);
}

/* ---- a head laid out again on the columns of the figures under it ---- */

/* Cut the cell of r that holds character at (a column's start on
 * another line of the band), where a space stands before it. */
static void
cells_cut_at(struct cells *r, size_t at)
{
	size_t i;

	for (i = 0; i < r->k; i++)
		if (cells_cut(r, i, at))
			return;
}

/* How far apart two columns lie: their nearest edges or centres. */
static size_t
col_distance(struct span x, struct span y)
{
	size_t a = x.a > y.a ? x.a - y.a : y.a - x.a,
	       b = x.b > y.b ? x.b - y.b : y.b - x.b,
	       m = (x.a + x.b) / 2, n = (y.a + y.b) / 2,
	       c = m > n ? m - n : n - m;

	if (x.a < y.b && y.a < x.b)
		return 0;	/* they overlap */
	return a < b ? (a < c ? a : c) : (b < c ? b : c);
}

/* The columns of the head's band (hc, nh) paired with the row's (dc,
 * nd), in order: as many as the row's, one for one; else the pairing
 * that puts them nearest each other (an edit distance over the two
 * rows of columns, a column left alone costing ALIGN_GAP).  pair[i] is
 * the row's column of the head's column i, or -1; the columns of the
 * table are the row's and the head's left alone, in order, into out. */
static size_t
align_columns(const struct span *hc, size_t nh, const struct span *dc,
	      size_t nd, int *hpair, int *dpair)
{
	static unsigned cost[TABLE_COLS + 1][TABLE_COLS + 1];
	size_t i, j, matched = 0;

	for (i = 0; i < nh; i++)
		hpair[i] = -1;
	for (j = 0; j < nd; j++)
		dpair[j] = -1;
	if (nh == nd) {
		for (i = 0; i < nh; i++) {
			hpair[i] = (int)i;
			dpair[i] = (int)i;
		}
		return nh;
	}
	for (i = 0; i <= nh; i++)
		cost[i][0] = (unsigned)i * ALIGN_GAP;
	for (j = 0; j <= nd; j++)
		cost[0][j] = (unsigned)j * ALIGN_GAP;
	for (i = 1; i <= nh; i++)
		for (j = 1; j <= nd; j++) {
			unsigned best = cost[i - 1][j - 1] +
					(unsigned)col_distance(hc[i - 1], dc[j - 1]);
			if (cost[i - 1][j] + ALIGN_GAP < best)
				best = cost[i - 1][j] + ALIGN_GAP;
			if (cost[i][j - 1] + ALIGN_GAP < best)
				best = cost[i][j - 1] + ALIGN_GAP;
			cost[i][j] = best;
		}
	for (i = nh, j = nd; i > 0 && j > 0; ) {
		if (cost[i][j] == cost[i - 1][j - 1] +
				  (unsigned)col_distance(hc[i - 1], dc[j - 1])) {
			hpair[i - 1] = (int)(j - 1);
			dpair[j - 1] = (int)(i - 1);
			matched++;
			i--;
			j--;
		} else if (cost[i][j] == cost[i - 1][j] + ALIGN_GAP) {
			i--;
		} else {
			j--;
		}
	}
	return matched;
}

/* The held lines of the head, cleaned, into g->band (NUL-ended), their
 * cells into band[]: only when they make one band (no blank line
 * between them; rules and blank lines around it are left out).
 * Returns how many. */
static int
band_lines(struct ctx *c, struct cells band[GRID_HOLD], long *first)
{
	struct grid *g = &c->grid;
	const char *p = g->held.p;
	size_t at[GRID_HOLD];
	int i, n = 0;
	bool gap = false;

	buf_reset(&g->band);
	for (i = 0; i < g->nheld; i++, p += strlen(p) + 1) {
		size_t len;

		clean_line(c, p, strlen(p));
		len = c->len;
		while (len > 0 && c->text[len - 1] == ' ')
			len--;
		if (len == 0 || strspn(c->text, " ") == len || is_rule(c->text, len)) {
			gap = n > 0;
			continue;
		}
		if (gap)
			return 0;	/* two bands: not one head */
		if (n == 0)
			*first = g->held_line[i];
		at[n] = g->band.len;
		buf_add(&g->band, c->text, len);
		buf_addc(&g->band, '\0');
		band[n].k = len;	/* its length, for now */
		n++;
	}
	for (i = 0; i < n; i++)
		gap_cells(g->band.p + at[i], band[i].k, &band[i]);
	return n;
}

/* The head held over the first row of figures did not fit the columns
 * it began with (a head broken over two lines, off the figures by a few
 * characters): its lines are read as one band (each line's cells cut
 * where another line's begin, "Apr y" under "Ma": "Apr", "y"; the line
 * with most cells gives the band's columns, the others' fragments join
 * theirs), and its columns are paired with the row's.  The row's
 * columns, with any column of the head's left alone, become the
 * table's; the head's text waits as its row.  False when the held lines
 * are no such head. */
static bool
head_rebuild(struct ctx *c, const struct cells *data)
{
	struct grid *g = &c->grid;
	struct cells band[GRID_HOLD];
	struct span hc[TABLE_COLS], dc[TABLE_COLS];
	int hpair[TABLE_COLS], dpair[TABLE_COLS], n, i, most = 0;
	size_t nh, nd = data->k, j, k, ncols = 0;
	long first = c->lineno;

	if (g->group || nd < 2)
		return false;
	for (j = 0; j < nd; j++)
		dc[j] = data->pos[j];
	n = band_lines(c, band, &first);
	if (n == 0)
		return false;
	/* each line's cells cut where another line's begin, or the row's
	 * (cells that fill their columns meet with a single space) */
	for (i = 0; i < n; i++) {
		int o;
		for (o = 0; o < n; o++)
			for (j = 0; o != i && j < band[o].k; j++)
				cells_cut_at(&band[i], band[o].pos[j].a);
		for (j = 0; j < nd; j++)
			cells_cut_at(&band[i], dc[j].a);
		if (band[i].k > band[most].k)
			most = i;
	}
	nh = band[most].k;
	for (j = 0; j < nh; j++) {
		hc[j] = band[most].pos[j];
		buf_reset(&g->cell[j]);
	}
	for (j = nh; j < TABLE_COLS; j++)
		buf_reset(&g->cell[j]);
	/* each fragment to the band's column it overlaps most, or lies
	 * nearest; top to bottom */
	for (i = 0; i < n; i++)
		for (j = 0; j < band[i].k; j++) {
			size_t best = 0, d, near = SIZE_MAX;

			for (k = 0; k < nh; k++)
				if ((d = col_distance(band[i].pos[j], hc[k])) < near) {
					near = d;
					best = k;
				}
			cell_join(&g->cell[best], cell_at(&band[i], j),
				  cell_len(&band[i], j), false);
		}
	if (align_columns(hc, nh, dc, nd, hpair, dpair) * 2 < nh)
		return false;	/* the head and the row do not agree */
	/* the table's columns: the row's, and the head's left alone, in
	 * order; the head's text moved to its column */
	{
		struct buf text[TABLE_COLS];
		size_t h = 0, d = 0;

		for (j = 0; j < nh; j++) {
			text[j] = g->cell[j];
			g->cell[j] = (struct buf)BUF_INIT;
		}
		while ((h < nh || d < nd) && ncols < TABLE_COLS) {
			struct buf *to = &g->cell[ncols];

			if (h < nh && hpair[h] < 0 &&
			    (d == nd || dpair[d] >= (int)h || hc[h].a < dc[d].a)) {
				/* a column of the head's with nothing under it */
				g->place[ncols++] = hc[h];
				buf_free(to);
				*to = text[h];
				text[h++] = (struct buf)BUF_INIT;
				continue;
			}
			if (d == nd)
				break;
			g->place[ncols++] = dc[d];
			if (dpair[d] >= 0) {
				h = (size_t)dpair[d];
				buf_free(to);
				*to = text[h];
				text[h++] = (struct buf)BUF_INIT;
			}
			d++;
		}
		for (j = 0; j < nh; j++)
			buf_free(&text[j]);
	}
	g->ncols = ncols;
	g->blank_first = false;
	g->loose = false;
	g->nrow = n;
	g->row_line = first;
	return true;
}
