/* periods.c: the period phrases of a sentence ("the same quarter last
 * year", "June 2023", "2019/20 Q2"), found once before roles, since an
 * earlier period makes a figure in parentheses a prev ("on the same
 * quarter last year (1,274)"); and the period each row is placed in.
 * (A report's own period, from its title, is lib/period's.) */

/* Numbers between a period word and its span: "the last 12 months",
 * "the previous two quarters". */
enum { WINDOW_NUMBERS = 3 };

/* A period phrase starting at token i, before b; returns its end, or i. */
static size_t
period_at(const struct ctx *c, size_t i, size_t b)
{
	const char *text = c->text;
	size_t j = i;

	/* "a year earlier", "two years ago" */
	if ((tok_is(c, j, b, "a") || word_number(&c->tok[j]) > 0 ||
	     c->tok[j].kind == T_NUM) && tok_has(c, j + 1, b, W(SPAN)) &&
	    tok_has(c, j + 2, b, W(AGO)))
		return j + 3;
	if (tok_has(c, j, b, W(REL))) {
		j++;
		while (j < b && j <= i + WINDOW_NUMBERS &&
		       (c->tok[j].kind == T_NUM || word_number(&c->tok[j]) > 0))
			j++;
		if (!tok_has(c, j, b, W(SPAN)))
			return i;
		j++;
		if (tok_is(c, j, b, "year") && tok_is(c, j - 1, b, "financial"))
			j++;
		if ((tok_is(c, j, b, "last") || tok_is(c, j, b, "this")) &&
		    tok_is(c, j + 1, b, "year"))
			j += 2;
		else if (tok_is(c, j, b, "in") && j + 1 < b &&
			 c->tok[j + 1].kind == T_NUM)
			j += 2;
		return j;
	}
	/* "June 2023", "June 30" (not "June 341 sessions") */
	if (is_month(c, j, b) && (j + 1 < b && c->tok[j + 1].kind == T_NUM)) {
		const struct tok *y = &c->tok[j + 1];
		size_t n = y->e - y->s;

		if (tok_is(c, j, b, "may") && !c->tok[j].cap)
			return i;
		if (n > 2 && !(n == 4 && (text[y->s] == '1' || text[y->s] == '2')))
			return i;
		return j + 2;
	}
	/* "2019/20", "22/23" (not "24/7") */
	if (c->tok[j].kind == T_NUM && j + 2 < b && tok_punct(c, j + 1, b, '/') &&
	    c->tok[j + 2].kind == T_NUM && !c->tok[j + 1].sp &&
	    c->tok[j].e - c->tok[j].s >= 2 && c->tok[j + 2].e - c->tok[j + 2].s >= 2) {
		j += 3;
		if (j < b && c->tok[j].kind == T_CODE && (text[c->tok[j].s] == 'Q' ||
							  text[c->tok[j].s] == 'q'))
			j++;
		return j;
	}
	if (c->tok[j].kind == T_CODE && (text[c->tok[j].s] == 'Q' ||
					 text[c->tok[j].s] == 'q') &&
	    c->tok[j].e - c->tok[j].s == 2)
		return j + 1;
	/* "currently", "year to date" */
	return j + phrase_at(c, j, b, W(PERIOD_PHRASE), NULL);
}

/* The period phrases of sentence s, found once, left to right. */
static void
find_periods(struct ctx *c, struct span s)
{
	size_t j, e;

	c->nperiod = 0;
	for (j = s.a; j < s.b; j++) {
		if ((e = period_at(c, j, s.b)) <= j)
			continue;
		if (c->nperiod == c->cap_period) {
			c->cap_period = c->cap_period ? 2 * c->cap_period : 16;
			c->period = xrealloc(c->period,
					     c->cap_period * sizeof *c->period);
		}
		c->period[c->nperiod].a = j;
		c->period[c->nperiod++].b = e;
		j = e - 1;
	}
}

/* Period phrase p is the base of a comparison: "a rise of 12% on the
 * same quarter last year". */
static bool
base_span(const struct ctx *c, struct span p)
{
	size_t j = p.a;

	if (j > 0 && tok_is(c, j - 1, j, "the"))
		j--;
	return j > 0 && tok_is(c, j - 1, j, "on");
}

/* A period phrase of the sentence ends at token e and names an earlier
 * period: "the same quarter last year", "the previous month", "a year
 * ago", or any period after "on" ("a 4% rise on 2022/23"). */
static bool
earlier_period_ends(const struct ctx *c, size_t e)
{
	size_t k;

	for (k = 0; k < c->nperiod && c->period[k].b <= e; k++)
		if (c->period[k].b == e)
			return tok_has(c, c->period[k].a, e, W(EARLIER)) ||
			       tok_has(c, e - 1, e, W(EARLIER)) ||
			       base_span(c, c->period[k]);
	return false;
}

/* Right after a figure ending at j: "in the same quarter last year",
 * "during the previous year", and, the figure being in parentheses after
 * another, "last quarter". */
static bool
earlier_period_starts(const struct ctx *c, size_t j, size_t b)
{
	size_t k;

	if (tok_has(c, j, b, W(PERIOD_PREP)))
		j++;
	if (tok_is(c, j, b, "the"))
		j++;
	for (k = 0; k < c->nperiod && c->period[k].a <= j; k++)
		if (c->period[k].a == j)
			return (tok_is(c, j, b, "last") ||
				earlier_period_ends(c, c->period[k].b)) &&
			       !base_span(c, c->period[k]);
	return false;
}

/* Whose period when_of looks for: a value's, a change's, a prev's. */
enum wmode { WM_VALUE, WM_CHANGE, WM_PREV };

/* The period of a figure: the first period phrase in the tokens after
 * it (after.a the figure's end, after.b the next figure) before a
 * comparison word ("up from", "compared to") and not the base of one
 * ("on the same period"; for a change, "since March" right after it);
 * else, with look_back, the last one before it.  For a prev, the phrase
 * after it whatever introduces it.  Returns which of those it is, NULL
 * for none (--explain). */
static const char *
when_of(const struct ctx *c, struct span after, bool look_back,
	enum wmode mode, struct buf *w)
{
	size_t k, j, best = c->nperiod, from = after.a;
	const char *why = "the last period phrase before it";

	buf_reset(w);
	for (k = 0; k < c->nperiod && c->period[k].a < from; k++)
		if (look_back && c->period[k].b <= from)
			best = k;
	if (k < c->nperiod && c->period[k].a < after.b) {
		for (j = from; j < c->period[k].a &&
			     !tok_has(c, j, after.b, W(CMP)); j++)
			;
		if (j == c->period[k].a && (mode == WM_PREV ||
		    (!base_span(c, c->period[k]) && !(mode == WM_CHANGE &&
		     j == from + 1 && tok_is(c, from, j, "since"))))) {
			best = k;
			why = "the first period phrase after it";
		}
	}
	if (best == c->nperiod)
		return NULL;
	add_words(w, c, c->period[best]);
	return why;
}
