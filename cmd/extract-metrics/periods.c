/* periods.c: the period phrases of a sentence ("the same quarter last
 * year", "since April 2019", "at the end of September", "over the
 * summer", "2019/20 Q2"), found once before roles, since an earlier
 * period makes a figure in parentheses a prev ("on the same quarter last
 * year (1,274)"); and the period each row is placed in.
 *
 * The words are data: months, seasons, the words of the time of the
 * report ("currently", "to date"), the words that open a period phrase
 * ("since", "in", "during") are rows of data/lexicon/dates.tsv (lib/
 * period's lexicon, read through the tags of chunks.c); the relative
 * words ("last", "same", "previous") and spans ("quarter") are rows of
 * metrics.tsv.  A report's own period, from its title, is lib/period's:
 * a row that names no period of its own is about the period of the
 * sentence before it in its block, else about the report's
 * (row_period). */

enum {
	WINDOW_NUMBERS = 3,	/* numbers between a period word and its
				 * span: "the last 12 months" */
	DAY_DIGITS = 2,		/* digits of a day of the month: "26th" */
	SINCE_NOUNS = 2,	/* nouns of "since the pilot scheme began" */
	VALUE_DATE_GAP = 3	/* tokens from a figure to the date after "on"
				 * that is its own: "1,978 officers on 31 March" */
};

/* A whole number in digits at token i, without separators: its value,
 * or -1 ("1,234" and "4.5" are none). */
static long
tok_int(const struct ctx *c, size_t i, size_t b)
{
	const struct tok *t;
	long v = 0;
	size_t k;

	if (i >= b || c->tok[i].kind != T_NUM)
		return -1;
	t = &c->tok[i];
	for (k = t->s; k < t->e; k++) {
		if (!is_ascii_digit((unsigned char)c->text[k]) || v > YEAR_MAX)
			return -1;
		v = v * 10 + (c->text[k] - '0');
	}
	return v;
}

/* A year in digits at token i ("2019"), not a fiscal year's start. */
static bool
year_at(const struct ctx *c, size_t i, size_t b)
{
	long v = tok_int(c, i, b);

	return v >= YEAR_MIN && v <= YEAR_MAX &&
	       c->tok[i].e - c->tok[i].s == 4 &&
	       !(tok_punct(c, i + 1, b, '/') && !c->tok[i + 1].sp);
}

/* A month's name at token i: "September", "Sept", "jan"; "May" and
 * "March" only capitalised (else a verb). */
static bool
month_at(const struct ctx *c, size_t i, size_t b)
{
	const struct tok *t = &c->tok[i];

	return is_month(c, i, b) &&
	       (t->cap || !(tok_is(c, i, b, "may") || tok_is(c, i, b, "march")));
}

/* A day of the month at token i: "9", "26th".  Returns the token after
 * it, or i. */
static size_t
day_at(const struct ctx *c, size_t i, size_t b)
{
	long v = tok_int(c, i, b);

	if (v < 1 || v > DAY_MAX || c->tok[i].e - c->tok[i].s > DAY_DIGITS)
		return i;
	if (i + 1 < b && !c->tok[i + 1].sp && date_has(c, i + 1, b, DATE(DAY_SUFFIX)))
		return i + 2;
	return i + 1;
}

/* A date at token i: "26th September 2019", "9 November", "September
 * 2019", "June 30", "22/06/2023", or a month alone ("September", then
 * *alone).  Returns the token after it, or i. */
static size_t
date_at(const struct ctx *c, size_t i, size_t b, bool *alone)
{
	size_t j = day_at(c, i, b), k;

	*alone = false;
	/* "22/06/2023" */
	if (j == i + 1 && tok_punct(c, i + 1, b, '/') && !c->tok[i + 1].sp &&
	    tok_int(c, i + 2, b) > 0 && tok_punct(c, i + 3, b, '/') &&
	    !c->tok[i + 3].sp && tok_int(c, i + 4, b) > 0)
		return i + 5;
	if (j > i) {		/* "26th September 2019", "9 November" */
		if (!month_at(c, j, b))
			return i;
		return year_at(c, j + 1, b) ? j + 2 : j + 1;
	}
	if (!month_at(c, i, b))
		return i;
	if (year_at(c, i + 1, b))
		return i + 2;
	/* "June 30", "June 30, 2023"; not "June 341 sessions", "May 12
	 * officers" */
	if ((k = day_at(c, i + 1, b)) > i + 1 && !tag_is(c, k, b, P_NOUN))
		return tok_punct(c, k, b, ',') && year_at(c, k + 1, b) ? k + 2 : k;
	*alone = true;
	return i + 1;
}

/* A span of dates at token i: "1st April to 30th June", "October and
 * November 2019", "Feb/March 2023", "April - June", or one date; a month
 * alone only when open is set (a word before it opens a period: "in
 * September") or a second date follows.  Returns the token after it, or
 * i. */
static size_t
dates_at(const struct ctx *c, size_t i, size_t b, bool open)
{
	size_t j, k;
	bool alone, alone2;

	if ((j = date_at(c, i, b, &alone)) == i)
		return i;
	if (j < b && (tok_dash(c, j, b) || tok_punct(c, j, b, '/') ||
		      date_has(c, j, b, DATE(RANGE))) &&
	    (k = date_at(c, j + 1, b, &alone2)) > j + 1 &&
	    (is_month(c, j + 1, b) || !alone))
		return k;
	return alone && !open ? i : j;
}

/* "the same quarter last year", "the last six months", "this financial
 * year", "the first month" at token i (after "the"): a relative word, up
 * to WINDOW_NUMBERS numbers and a span.  Returns its end, or i. */
static size_t
relative_at(const struct ctx *c, size_t i, size_t b)
{
	size_t j = i + 1;

	if (!tok_has(c, i, b, W(REL)))
		return i;
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
	else if (tok_is(c, j, b, "in") && year_at(c, j + 1, b))
		j += 2;
	return j;
}

/* A season at token i: "summer", "Winter 2019", "the festive period",
 * "autumn of 2023"; "the summer" only when open.  Returns its end, or
 * i. */
static size_t
season_at(const struct ctx *c, size_t i, size_t b, bool open)
{
	size_t j = i, k;

	if (tok_is(c, j, b, "the") && open)
		j++;
	if (!(k = date_phrase(c, j, b, DATE(SEASON))))
		return i;
	j += k;
	/* "the summer campaign", "the Christmas market": a season before a
	 * noun names the noun, not a period */
	if (j < b && c->tag[j].p == P_NOUN && !year_at(c, j, b))
		return i;
	if (tok_is(c, j, b, "of") && year_at(c, j + 1, b))
		return j + 2;
	return year_at(c, j, b) ? j + 1 : j;
}

static size_t fiscal_core(const struct ctx *c, size_t i, size_t b);

/* "2019/20", "22/23 Q2", "Q1", "Q1 2024/25", "Quarter 2", "Q1 last
 * year" at token i.  Returns its end, or i. */
static size_t
fiscal_at(const struct ctx *c, size_t i, size_t b)
{
	size_t k = fiscal_core(c, i, b);

	/* "Q1 last year", "Quarter 2 this year": one period */
	if (k > i && (tok_is(c, k, b, "last") || tok_is(c, k, b, "this")) &&
	    tok_is(c, k + 1, b, "year"))
		k += 2;
	return k;
}

static size_t
fiscal_core(const struct ctx *c, size_t i, size_t b)
{
	const char *text = c->text;
	size_t j = i;

	if (i >= b)
		return i;	/* "Q1" ending the sentence: nothing after it */
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
	    c->tok[j].e - c->tok[j].s == 2) {
		size_t k = fiscal_core(c, j + 1, b);

		return k > j + 1 && c->tok[j + 1].kind == T_NUM ? k : j + 1;
	}
	/* "Quarter 2", "Quarter 2 2024/25" */
	if (tok_is(c, j, b, "quarter") && c->tok[j].cap &&
	    tok_int(c, j + 1, b) >= 1 && tok_int(c, j + 1, b) <= 4) {
		size_t k = fiscal_core(c, j + 2, b);

		return k > j + 2 ? k : j + 2;
	}
	return i;
}

/* The end of a period named after an edge ("the end of"), a lead
 * ("since") or a preposition ("in", "during") at token i: a date or a
 * span of dates, a season, a relative phrase, "the quarter", a year or a
 * fiscal period.  Returns its end, or i. */
static size_t
opened_at(const struct ctx *c, size_t i, size_t b)
{
	size_t j;

	if ((j = dates_at(c, i, b, true)) > i || (j = season_at(c, i, b, true)) > i)
		return j;
	if ((j = relative_at(c, i, b)) > i)
		return j;
	/* "during the quarter", "over the year" */
	if (tok_is(c, i, b, "the") && tok_has(c, i + 1, b, W(SPAN)) &&
	    !tok_is(c, i + 1, b, "financial") && !tok_is(c, i + 2, b, "of"))
		return i + 2;
	if (year_at(c, i, b))
		return i + 1;
	return fiscal_at(c, i, b);
}

/* "since it began", "since its launch", "since the pilot began", "since
 * the scheme was launched" at token i ("since"): a short clause of an
 * event.  Returns its end, or i. */
static size_t
since_clause(const struct ctx *c, size_t i, size_t b)
{
	size_t j = i + 1, n = 0;
	bool pron = tag_is(c, j, b, P_PRON);

	if (!pron && !tag_is(c, j, b, P_DET))
		return i;
	j++;
	while (n < SINCE_NOUNS && tag_is(c, j, b, P_NOUN) && !c->tag[j].period) {
		j++;
		n++;
	}
	if (pron == (n > 0))
		return i;	/* "since it", "since the" alone: none */
	if (tag_is(c, j, b, P_AUX) && tag_is(c, j + 1, b, P_VERB))
		j++;
	if (tag_is(c, j, b, P_VERB))
		return j + 1;
	return pron || tag_is(c, j, b, P_NOUN) ? i : j;
}

/* "the 12 months to December 2025", "the year ending March 2025", "the
 * quarter up to 30 June" at token i: a span of a length up to a date,
 * one period (not the date alone: "December 2025" is another).  Returns
 * its end, or i. */
static size_t
rolling_at(const struct ctx *c, size_t i, size_t b)
{
	size_t j = i + tok_is(c, i, b, "the"), k;

	if (j + 1 < b && (c->tok[j].kind == T_NUM || word_number(&c->tok[j]) > 0) &&
	    date_has(c, j + 1, b, DATE(SPAN_UNIT)))
		j += 2;		/* "12 months" */
	else if (date_has(c, j, b, DATE(SPAN_UNIT)))
		j++;		/* "year" */
	else
		return i;
	if (!(k = date_phrase(c, j, b, DATE(ENDING))))
		return i;
	j += k;
	return (k = dates_at(c, j, b, true)) > j ? k : i;
}

/* A period phrase starting at token i of sentence s; returns its end, or
 * i.  open: the word before i opens a period ("in", "during"). */
static size_t
period_at(const struct ctx *c, struct span s, size_t i)
{
	size_t b = s.b, j = i, k;
	bool open = i > s.a && date_has(c, i - 1, b, DATE(PREP) | DATE(EDGE));

	/* "a year earlier", "two years ago", "the year before" */
	if ((tok_is(c, j, b, "a") || tok_is(c, j, b, "the") || word_number(&c->tok[j]) > 0 ||
	     c->tok[j].kind == T_NUM) && tok_has(c, j + 1, b, W(SPAN)) &&
	    tok_has(c, j + 2, b, W(AGO)) && !tok_is(c, j + 3, b, "the"))
		return j + 3;
	/* "since", "from", "until", "before" belong to the phrase: "since
	 * April 2019", "from April 2025" */
	if (date_has(c, j, b, DATE(LEAD))) {
		if ((k = opened_at(c, j + 1, b)) > j + 1)
			return k;
		/* "since the start of the year" */
		if (tok_is(c, j + 1, b, "the") && date_has(c, j + 2, b, DATE(EDGE)) &&
		    tok_is(c, j + 3, b, "of") && (k = opened_at(c, j + 4, b)) > j + 4)
			return k;
		if (tok_is(c, j, b, "since"))
			return since_clause(c, j, b);
		return i;
	}
	if ((k = rolling_at(c, j, b)) > j)
		return k;
	/* "the end of September", "the start of the year" */
	if (tok_is(c, j, b, "the") && date_has(c, j + 1, b, DATE(EDGE)) &&
	    tok_is(c, j + 2, b, "of") && (k = opened_at(c, j + 3, b)) > j + 3)
		return k;
	if ((k = open ? opened_at(c, j, b) : 0) > j)
		return k;
	/* "(February: 8,870)": a month that labels a figure */
	if (month_at(c, j, b) && tok_punct(c, j + 1, b, ':'))
		return j + 1;
	if ((k = dates_at(c, j, b, false)) > j || (k = season_at(c, j, b, false)) > j ||
	    (k = relative_at(c, j, b)) > j)
		return k;
	if ((k = fiscal_at(c, j, b)) > j)
		return k;
	/* "currently", "to date", "so far this year", "annual"; "over this
	 * time" (the period spoken of before), but "this time last year" is
	 * one phrase */
	if ((k = date_phrase(c, j, b, DATE(NOW) | DATE(AGAIN) | DATE(VERSUS)))) {
		size_t r = relative_at(c, j + k, b);

		return r > j + k ? r : j + k;
	}
	return j + phrase_at(c, j, b, W(PERIOD_PHRASE), NULL);
}

/* The period phrases of sentence s, found once, left to right; their
 * tokens are marked (tag.period), so that no measure takes them. */
static void
find_periods(struct ctx *c, struct span s)
{
	size_t j, e, k;

	c->nperiod = 0;
	for (j = s.a; j < s.b; j++) {
		if ((e = period_at(c, s, j)) <= j)
			continue;
		if (c->nperiod == c->cap_period) {
			c->cap_period = c->cap_period ? 2 * c->cap_period : 16;
			c->period = xrealloc(c->period,
					     c->cap_period * sizeof *c->period);
		}
		c->period[c->nperiod].a = j;
		c->period[c->nperiod++].b = e;
		for (k = j; k < e; k++)
			c->tag[k].period = true;
		j = e - 1;
	}
}

/* Past a period phrase and the words that open it from token j ("in
 * August", "at the end of June", "currently"): the token after it, or
 * j. */
static size_t
skip_period(const struct ctx *c, size_t j, size_t b)
{
	size_t q = j;

	while (q < b && (date_has(c, q, b, DATE(PREP)) || tok_is(c, q, b, "the")) &&
	       !c->tag[q].period)
		q++;
	if (q >= b || !c->tag[q].period)
		return j;
	while (q < b && c->tag[q].period)
		q++;
	return q;
}

/* Period phrase p is the base of a comparison: "a rise of 12% on the
 * same quarter last year". */
static bool
base_span(const struct ctx *c, struct span p)
{
	size_t j = p.a;

	if (j > 0 && tok_is(c, j - 1, j, "the"))
		j--;
	/* "up 5% year on year": the base says itself */
	return (j > 0 && tok_is(c, j - 1, j, "on")) ||
	       date_phrase(c, p.a, p.b, DATE(VERSUS)) == p.b - p.a;
}

/* Period phrase p is the base of the change right before it: "reduce
 * by 4% on 2023/24" (not "opened on 9 January"). */
static bool
change_base(const struct ctx *c, struct span p)
{
	size_t k, j = p.a - (p.a > 0 && tok_is(c, p.a - 1, p.a, "the"));

	if (!base_span(c, p))
		return false;
	for (k = 0; k < c->nfig; k++)
		if ((c->fig[k].ue + 1 == j || c->fig[k].ue == p.a) &&	/* "12% year on year" */
		    (c->fig[k].role == R_CHANGE || c->fig[k].role == R_PCT))
			return true;
	return false;
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

/* Period phrase p after "on" is the base of a comparison, no period of a
 * figure ending at from before it: an earlier period ("on the same
 * quarter last year"), or any after a change ("up 4% on 2023/24"); a
 * value's date after "on", right after its noun, is its own ("1,978
 * officers on 31 March"; not "made after a stabbing on 9 November"). */
static bool
value_base(const struct ctx *c, struct span p, enum wmode mode, size_t from)
{
	return base_span(c, p) && (mode != WM_VALUE || tok_has(c, p.a, p.b, W(EARLIER)) ||
				   tok_is(c, p.a, p.b, "last") ||
				   tok_has(c, p.b - 1, p.b, W(EARLIER)) || change_base(c, p) ||
				   p.a > from + VALUE_DATE_GAP);
}

/* The tokens from j to e hold no edge of a clause: a figure's period
 * after it stands in its own clause ("110 officers, who would attract an
 * annual salary" is not annual). */
static bool
same_clause(const struct ctx *c, size_t j, size_t e)
{
	size_t k;

	for (; j < e; j++) {
		if (tok_punct(c, j, e, '(')) {
			/* an aside without figures goes on with the clause:
			 * "41 Dispersal Orders (DOs) last month" */
			for (k = j + 1; k < e && !tok_punct(c, k, e, ')') &&
				     !tag_is(c, k, e, P_NUM); k++)
				;
			if (!tok_punct(c, k, e, ')'))
				return false;
			j = k;
			continue;
		}
		if (tok_punct(c, j, e, ',') || tok_punct(c, j, e, ';') ||
		    tag_is(c, j, e, P_REL))
			return false;
	}
	return true;
}

/* The figures between tokens j and e are values or targets: a phrase
 * after a prev or a change is theirs ("36% (33% last quarter)"). */
static bool
values_only(const struct ctx *c, size_t j, size_t e)
{
	size_t k;

	for (k = 0; k < c->nfig; k++)
		if (c->fig[k].ts >= j && c->fig[k].ts < e &&
		    c->fig[k].role != R_VALUE && c->fig[k].role != R_TARGET)
			return false;
	return true;
}

/* The period of a figure: the first period phrase in the tokens after
 * it (after.a the figure's end, after.b the next figure) in its clause,
 * before a comparison word ("up from", "compared to") and not the base
 * of one ("on the same period"; for a change, "since March" right after
 * it); else, with look_back, the last one before it.  For a prev, the
 * phrase after it whatever introduces it.  Returns which of those it is,
 * NULL for none (--explain). */
static const char *
when_of(const struct ctx *c, struct span after, bool look_back,
	enum wmode mode, struct buf *w)
{
	size_t k, j, best = c->nperiod, from = after.a;
	const char *why = "the last period phrase before it";

	buf_reset(w);
	for (k = 0; k < c->nperiod && c->period[k].a < from; k++)
		if (look_back && c->period[k].b <= from &&
		    (mode == WM_PREV || !change_base(c, c->period[k])))
			best = k;	/* not "reduce by 4% on 2023/24 (3,150)" */
	if (k < c->nperiod && c->period[k].a < after.b) {
		for (j = from; j < c->period[k].a &&
			     !tok_has(c, j, after.b, W(CMP)); j++)
			;
		if (j == c->period[k].a && (mode == WM_PREV ||
		    (!value_base(c, c->period[k], mode, from) &&
		     same_clause(c, from, c->period[k].a) &&
		     !(mode == WM_CHANGE && j <= from + 1 &&
		       tok_is(c, c->period[k].a, after.b, "since"))))) {
			best = k;
			why = "the first period phrase after it";
		}
	}
	/* "gave £48,000 to 23 projects so far this year": a phrase that
	 * closes the clause names the period of its figures */
	if (best == c->nperiod && mode != WM_PREV)
		for (; k < c->nperiod; k++) {
			for (j = from; j < c->period[k].a &&
				     !tok_has(c, j, c->period[k].a, W(CMP)); j++)
				;
			if (j < c->period[k].a || !same_clause(c, from, c->period[k].a) ||
			    !values_only(c, from, c->period[k].a))
				break;
			if (!value_base(c, c->period[k], mode, from) &&
			    !earlier_period_ends(c, c->period[k].b) &&
			    !(mode == WM_CHANGE && c->period[k].a <= from + 1 &&
			      tok_is(c, c->period[k].a, after.b, "since"))) {
				best = k;
				why = "the period phrase that closes its clause";
				break;
			}
		}
	/* "over this time": the period of the sentence before, not these
	 * words (row_period carries it) */
	if (best == c->nperiod ||
	    date_phrase(c, c->period[best].a, c->period[best].b, DATE(AGAIN)) ==
	    c->period[best].b - c->period[best].a)
		return NULL;
	add_words(w, c, c->period[best]);
	return why;
}

/* The report's own period (split-sections' period column), into p;
 * false for plain text or none. */
static bool
report_period(const struct ctx *c, struct period *p)
{
	const char *rp = c->blk.period;

	return rp && *rp && period_parse(rp, strlen(rp), p);
}

/* The report's own period in words ("Quarter 2 2019/20"), asked of lib/
 * period once for each period column met; false for none. */
static bool
report_words(struct ctx *c)
{
	struct period p;
	char words[PERIOD_WORDS_MAX];
	const char *rp = c->blk.period ? c->blk.period : "";
	size_t n = strlen(rp);

	if (n == 0)
		return false;
	if (c->report_key.len != n || memcmp(c->report_key.p, rp, n)) {
		buf_reset(&c->report_key);
		buf_add(&c->report_key, rp, n);
		buf_reset(&c->report_words);
		if (report_period(c, &p))
			buf_adds(&c->report_words, period_words(&p, words));
	}
	return c->report_words.len > 0;
}

/* "the quarter", "this year", "the current financial year": a phrase
 * that names the report's own period, which w then gets in
 * parentheses: "the quarter (2023/24 Q1)", "this year (2023/24)". */
static void
resolve_own(const struct ctx *c, struct buf *w)
{
	static const char *const own[] = { "the ", "this ", "current " };
	struct period p;
	char f[PERIOD_WORDS_MAX];
	const char *t = w->p;
	size_t k, n = w->len;

	if (!t || !report_period(c, &p))
		return;
	for (k = 0; k < sizeof own / sizeof own[0]; k++)
		if (n > strlen(own[k]) && !strncasecmp(t, own[k], strlen(own[k]))) {
			t += strlen(own[k]);
			n -= strlen(own[k]);
			k = 0;	/* "the current financial year" */
		}
	if (n == 7 && !strncasecmp(t, "quarter", 7) && p.kind == PERIOD_QUARTER)
		;
	else if ((n == 4 && !strncasecmp(t, "year", 4)) ||
		 (n == 14 && !strncasecmp(t, "financial year", 14))) {
		if (p.kind != PERIOD_QUARTER && p.kind != PERIOD_YEAR)
			return;
		p.kind = PERIOD_YEAR;
	} else if (!(n == 5 && !strncasecmp(t, "month", 5) && p.kind == PERIOD_MONTH))
		return;
	/* "the month (February 2025)", "the quarter (2023/24 Q1)" */
	buf_addf(w, " (%s)", p.kind == PERIOD_MONTH ? period_words(&p, f) : period_format(&p, f));
}

/* The clause of figure f of sentence s states what stands now: "There
 * are 196 volunteers", "The scheme has 31 employers", "is 4.1%". */
static bool present_verb(const struct ctx *c, size_t j, struct span s, size_t lead);

static bool
present_clause(const struct ctx *c, struct span s, const struct fig *f)
{
	size_t j = fig_start(c, s, f);

	while (j > s.a && (tag_is(c, j - 1, s.b, P_ADV) || tag_is(c, j - 1, s.b, P_PREP) ||
			   tag_is(c, j - 1, s.b, P_DET) || modifier(&c->tok[j - 1]) ||
			   tok_has(c, j - 1, s.b, W(APPROX))) && !tok_is(c, j - 1, s.b, "of"))
		j--;
	/* "are engaging with a further 79 businesses": what goes on now */
	if (j > s.a + 1 && tag_is(c, j - 1, s.b, P_VERB) && !c->tok[j - 1].cap &&
	    strlen(c->tok[j - 1].low) > 4 &&
	    !strcmp(c->tok[j - 1].low + strlen(c->tok[j - 1].low) - 3, "ing") &&
	    (tok_is(c, j - 2, s.b, "is") || tok_is(c, j - 2, s.b, "are")))
		return true;
	return j > s.a && (tok_is(c, j - 1, s.b, "is") || tok_is(c, j - 1, s.b, "are") ||
			   tok_is(c, j - 1, s.b, "has") || tok_is(c, j - 1, s.b, "have") ||
			   present_verb(c, j - 1, s, fig_start(c, s, f)));
}

/* The figure starting at lead has no noun of its own: a level ("stands
 * at 71.5%"), not a place ("at 74 homes"). */
static bool
noun_after_at(const struct ctx *c, size_t lead, size_t b)
{
	size_t k;

	for (k = 0; k < c->nfig; k++)
		if (c->fig[k].ts <= lead && lead < c->fig[k].ue)
			return head_noun(c, &c->fig[k], b) != NULL;
	return false;
}

/* Token j is a verb in the present after its subject: "Ashdown Police
 * supports 463", "the scheme now runs five", "stands at 71.5%" (a
 * lower-case word in -s after a noun or an adverb, right before the
 * figure at lead or "at" it; not "ss", "us", "is"; not "doorbells at 74
 * homes", "schemes with 41,000 members"). */
static bool
present_verb(const struct ctx *c, size_t j, struct span s, size_t lead)
{
	const struct tok *t = &c->tok[j];
	size_t n = strlen(t->low), k;

	for (k = j + 1; k < lead; k++) {
		size_t q = phrase_at(c, k, s.b, W(APPROX), NULL);	/* "up to" */

		if (q) {
			k += q - 1;
			continue;
		}
		if (tag_is(c, k, s.b, P_PREP) &&
		    !(tok_is(c, k, s.b, "at") && !noun_after_at(c, lead, s.b)))
			return false;
	}

	for (k = 0; k < c->nfig; k++)
		if (j >= c->fig[k].ts && j < c->fig[k].ue)
			return false;	/* "3 percentage points to 29%" */
	if (t->kind != T_WORD || t->cap || n < 4 || t->low[n - 1] != 's' ||
	    strchr("sui", t->low[n - 2]) || j == s.a || c->tag[j].period ||
	    !(tag_is(c, j, s.b, P_NOUN) || tag_is(c, j, s.b, P_VERB)) ||
	    (t->cls & (W(STOP) | W(GENERIC))))
		return false;
	return noun_at(c, j - 1, s.b) || tag_is(c, j - 1, s.b, P_ADV) ||
	       tag_is(c, j - 1, s.b, P_PRON) ||	/* "This includes" */
	       date_has(c, j - 1, s.b, DATE(NOW));
}

/* Figure f, or one before it in its sentence with no verb between them
 * ("There are 436 cadets in 15 units, and 188 volunteers"), states what
 * stands now. */
static bool
present_list(const struct ctx *c, struct span s, const struct fig *f)
{
	size_t k = (size_t)(f - c->fig), j;

	for (;;) {
		if (present_clause(c, s, &c->fig[k]))
			return true;
		if (k == 0)
			return false;
		for (j = c->fig[k - 1].ue; j < c->fig[k].ts; j++)
			if (tag_is(c, j, s.b, P_VERB) || tag_is(c, j, s.b, P_AUX) ||
			    tok_punct(c, j, s.b, ';') || tok_punct(c, j, s.b, ':'))
				return false;
		k--;
	}
}

/* Period w is the time of the report as a state ("now", "currently",
 * "at present"), not a sum up to it ("to date", "so far this year"). */
static bool
state_now(const struct ctx *c, const struct buf *w)
{
	char low[PERIOD_WORDS_MAX];
	size_t k;
	lex_mask m;

	if (!c->dates_lx || w->len >= sizeof low)
		return false;
	for (k = 0; k < w->len; k++)
		low[k] = (char)tolower((unsigned char)w->p[k]);
	m = lex_classes(c->dates_lx, low, w->len);
	return (m & DATE(NOW)) && !(m & DATE(TO_DATE));
}

/* The period of row o (of sentence s; NO_SPAN for a table's cell) when
 * its sentence names none: the period the last row of its block named;
 * "currently" for what stands now ("There are 196 volunteers"); else
 * the report's own (the period column of split-sections: "2019/20 Q2" is
 * "Quarter 2 2019/20"), and none for plain text.  A row that names its
 * own becomes the block's; "the quarter" gets the report's ("the
 * quarter (2023/24 Q1)").  Returns where it came from, NULL when from its
 * sentence (--explain). */
static const char *
row_period(struct ctx *c, struct span s, struct obs *o)
{
	if (o->when.len) {
		resolve_own(c, &o->when);
		/* "now" is the state its own sentence states: "The scheme now
		 * has 310 members. Members reported 97 ..." */
		if (!state_now(c, &o->when)) {
			buf_reset(&c->block_when);
			buf_add(&c->block_when, o->when.p, o->when.len);
		}
		return NULL;
	}
	if (c->block_when.len) {
		buf_add(&o->when, c->block_when.p, c->block_when.len);
		return "the period of a row before it in its block";
	}
	if (s.b > s.a && present_list(c, s, &c->fig[o->fig])) {
		buf_adds(&o->when, "currently");
		return "what stands now (there are, has, is)";
	}
	if (report_words(c)) {
		buf_add(&o->when, c->report_words.p, c->report_words.len);
		return "the report's period";
	}
	return NULL;
}
