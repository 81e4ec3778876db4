/* filter.c: stage 2, what is not a figure: dates, years, fiscal years,
 * times, ordinals, staff and phone numbers, footnotes, identifiers,
 * names and references, windows, scores.
 *
 * Each rule looks at a number, the tokens num of sentence s, and the
 * tokens around it, and says what the number is when it is no figure
 * (--explain shows it). */

/* The years a four-digit number can name, and the digits from which a
 * plain digit string is a staff or phone number, not a count. */
enum { YEAR_MIN = 1900, YEAR_MAX = 2100, ID_DIGITS = 7 };

/* The last day of a month: "23 October", "October 23". */
enum { DAY_MAX = 31 };

static bool
is_year(const struct ctx *c, double v, const struct tok *t)
{
	return v >= YEAR_MIN && v <= YEAR_MAX && t->e - t->s == 4 &&
	       memchr(c->text + t->s, '.', 4) == NULL;
}

/* Things a number in digits can be besides a figure: dates, fiscal
 * years, times, ordinals, years, staff numbers, footnotes, identifiers,
 * quoted names and list markers. */
static const char *
digits_not_figure(const struct ctx *c, struct span s, struct span num, double v)
{
	const char *text = c->text;
	size_t a = s.a, end = s.b, i = num.a, next = num.b;
	const struct tok *t = &c->tok[i];
	const struct tok *p = i > a ? &c->tok[i - 1] : NULL;
	const struct tok *n = next < end ? &c->tok[next] : NULL;

	/* dates, fiscal years, times: 2019/20, 01/06/2023, 24/7, 10:30 */
	if (n && n->kind == T_PUNCT && !n->sp &&
	    (n->cp == '/' || n->cp == ':') && next + 1 < end &&
	    c->tok[next + 1].kind == T_NUM &&
	    (!c->tok[next + 1].sp || is_year(c, v, t)))
		return "a date, fiscal year or time (2019/20, 10:30)";
	if (p && p->kind == T_PUNCT && (p->cp == '/' || p->cp == ':') &&
	    i >= a + 2 && c->tok[i - 2].kind == T_NUM && !p->sp &&
	    (p->cp == '/' || !t->sp))
		return "a date, fiscal year or time (2019/20, 10:30)";
	/* "Version No: 1.0" */
	if (p && p->kind == T_PUNCT && p->cp == ':' && i >= a + 2 &&
	    tok_has(c, i - 2, end, W(NAME)))
		return "a version or reference number (No: 1.0)";
	/* 23<sup>rd</sup>, {\rm 11} */
	if (n && n->kind == T_PUNCT && n->cp == '<' && !n->sp &&
	    tok_is(c, next + 1, end, "sup"))
		return "a superscript ordinal (23<sup>rd</sup>)";
	if (p && p->kind == T_PUNCT && p->cp == '{')
		return "markup ({\\rm 11})";
	if (is_year(c, v, t) && !(n && n->kind == T_PUNCT && n->cp == '%') &&
	    !(p && p->kind == T_PUNCT && p->cp == 0xA3))
		return "a year";
	/* ordinals and times: 1st, 10am */
	if (n && !n->sp && tok_has(c, next, end, W(ORDINAL_OR_TIME)))
		return "an ordinal or a time of day (1st, 10am)";
	/* phone and reference numbers: "01245 452000", "007" */
	if (text[t->s] == '0' && t->e - t->s >= 2 &&
	    is_ascii_digit((unsigned char)text[t->s + 1]))
		return "a phone or reference number (a leading 0)";
	if (p && p->kind == T_NUM && text[p->s] == '0' && p->e - p->s >= 3)
		return "a phone or reference number (a leading 0)";
	/* staff and phone numbers: long digit strings */
	if (t->e - t->s >= ID_DIGITS && !memchr(text + t->s, ',', t->e - t->s) &&
	    !memchr(text + t->s, '.', t->e - t->s))
		return "a staff or phone number (long digits)";
	/* footnotes: <sup>11</sup>, [^3] */
	if (p && p->kind == T_PUNCT && (p->cp == '^' ||
	    (p->cp == '>' && i >= a + 2 && tok_is(c, i - 2, end, "sup"))))
		return "a footnote marker";
	/* "Priority_1", "file_2": an identifier */
	if (p && p->kind == T_PUNCT && !t->sp && (p->cp == '_' || p->cp == '@'))
		return "an identifier (Priority_1)";
	/* "COVID-19", "BT-21": a number glued to a word by a hyphen */
	if (p && p->kind == T_PUNCT && text_is_dash(p->cp) && !t->sp &&
	    !p->sp && i >= a + 2 && c->tok[i - 2].kind == T_WORD &&
	    !is_month(c, i - 2, end))
		return "part of a name (COVID-19)";
	/* a quoted bare number is a name: 'Fatal 4', "360" */
	if (p && n && p->kind == T_PUNCT && n->kind == T_PUNCT &&
	    is_quote(p->cp) && is_quote(n->cp) && !t->sp && !n->sp)
		return "a quoted name ('Fatal 4')";
	/* a list or page marker: "3." or "(2)" opening the block */
	if (i == 0 && n && n->kind == T_PUNCT && !n->sp &&
	    (n->cp == '.' || n->cp == ')') && next + 1 < end)
		return "a list or page marker opening the block";
	return NULL;
}

/* Phone channels used as names: '999', (101), 101 calls, via 101. */
static const char *
phone_channel(const struct ctx *c, struct span s, struct span num)
{
	size_t a = s.a, end = s.b, i = num.a, next = num.b;
	const struct tok *t = &c->tok[i];
	const struct tok *p = i > a ? &c->tok[i - 1] : NULL;
	const struct tok *n = next < end ? &c->tok[next] : NULL;

	if (!lex_is(c->lex.lx, c->text + t->s, t->e - t->s, METRICS_PHONE))
		return NULL;
	if (p && n && p->kind == T_PUNCT && n->kind == T_PUNCT &&
	    ((is_quote(p->cp) && is_quote(n->cp)) ||
	     (p->cp == '(' && n->cp == ')')))
		return "a phone channel in quotes or parentheses";
	if (n && n->kind == T_WORD && (!strncmp(n->low, "call", 4) ||
				       tok_has(c, next, end, W(PHONE_NEXT))))
		return "a phone channel (101 calls, 999 line)";
	if (p && tok_has(c, i - 1, end, W(PHONE_LEAD)))
		return "a phone channel (via 101)";
	if (n && n->kind == T_PUNCT && n->cp == '/')
		return "a phone channel (101/111)";
	return NULL;
}

/* "number" as a verb: "the cadets now number 498", "Specials number
 * 510" (not "number 10", "the number 7 bus"). */
static bool
number_verb(const struct ctx *c, struct span s, size_t k)
{
	const struct tok *t = k > s.a ? &c->tok[k - 1] : NULL;
	size_t n;

	if (!tok_is(c, k, s.b, "number") || !t || t->kind != T_WORD)
		return false;
	n = strlen(t->low);
	return tok_has(c, k - 1, s.b, W(VERB_ADVERB)) ||
	       (n > 2 && t->low[n - 1] == 's' && !(t->cls & W(STOP)));
}

/* Words around any number that make it a date, a window, a score, part
 * of an adjective or of a name. */
static const char *
dated_or_named(const struct ctx *c, struct span s, struct span num, double v,
	       bool word)
{
	size_t a = s.a, end = s.b, i = num.a, next = num.b;
	const struct tok *t = &c->tok[i];
	const struct tok *p = i > a ? &c->tok[i - 1] : NULL;
	const struct tok *n = next < end ? &c->tok[next] : NULL;

	/* dates: 23 October, October 23, Jun-22 */
	if (n && is_month(c, next, end) && v >= 1 && v <= DAY_MAX && v == floor(v))
		return "a day of a month (23 October)";
	if (tok_is(c, next, end, "of") && is_month(c, next + 1, end) && v <= DAY_MAX)
		return "a day of a month (the 2nd of May)";
	if (p && is_month(c, i - 1, end) && !word &&
	    (v <= DAY_MAX || is_year(c, v, t)))
		return "a day or year after a month (October 23)";
	/* windows: "the last two quarters", "12 months to March 2023" */
	if (p && tok_has(c, i - 1, end, W(WINDOW)) &&
	    tok_has(c, next, end, W(PERIOD_NOUN)))
		return "a window (the last two quarters)";
	if (tok_has(c, next, end, W(PERIOD_NOUN)) && tok_is(c, next + 1, end, "to") &&
	    is_month(c, next + 2, end))
		return "a window (12 months to March)";
	/* a point in the past: "two years ago", "six months earlier" */
	if (tok_has(c, next, end, W(PERIOD_NOUN)) && tok_has(c, next + 1, end, W(AGO)))
		return "a point in the past (two years ago)";
	/* a rate's base: "56.3 crimes per 1,000 population" */
	if (p && tok_is(c, i - 1, end, "per"))
		return "a rate's base (per 1,000)";
	/* "Page 1 of 5" */
	if (i >= a + 3 && tok_is(c, i - 1, end, "of") && c->tok[i - 2].kind == T_NUM &&
	    tok_is(c, i - 3, end, "page"))
		return "a page number (Page 1 of 5)";
	/* a score: "out of ten" */
	if (i >= a + 2 && tok_is(c, i - 1, end, "of") && tok_is(c, i - 2, end, "out"))
		return "a score (out of ten)";
	/* a compound adjective: "two-way", "24-strong" (not "3-year") */
	if (n && n->kind == T_PUNCT && text_is_dash(n->cp) && !n->sp &&
	    next + 1 < end && c->tok[next + 1].kind == T_WORD &&
	    !c->tok[next + 1].sp) {
		const char *dn;

		if (duration_unit(c, c->tok[next + 1].low, &dn) == 0 &&
		    word_number(&c->tok[next + 1]) < 0)
			return "part of an adjective (two-way)";
	}
	if (p && p->kind == T_PUNCT && text_is_dash(p->cp) && i >= a + 2 &&
	    is_month(c, i - 2, end))
		return "a day or year after a month (Jun-22)";
	/* names and references: Priority 4, Section 60, level 2, Fatal 4 */
	if (p && p->kind == T_WORD && p->low[0] && (p->cls & W(NAME)) &&
	    !number_verb(c, s, i - 1))
		return "a name or reference (Priority 4, Section 60)";
	if (p && p->kind == T_WORD && p->cap && p->low[0] &&
	    (p->cls & W(CAPNAME)))
		return "a name (Year 6, Operation 7)";
	if (p && p->kind == T_WORD && p->cap &&
	    !(p->low[0] && (p->cls & W(STOP))) &&
	    !is_month(c, i - 1, end) &&
	    !(n && n->kind == T_PUNCT && (n->cp == '%')))
		return "part of a name after a capitalized word (Fatal 4)";
	return NULL;
}

/* The number of value v at tokens num of sentence s names or dates
 * something (word: it is in words): what it is, or NULL when it may be
 * a figure. */
static const char *
not_a_figure(const struct ctx *c, struct span s, struct span num, double v,
	     bool word)
{
	const char *why;

	if (!word && ((why = digits_not_figure(c, s, num, v)) ||
		      (why = phone_channel(c, s, num))))
		return why;
	return dated_or_named(c, s, num, v, word);
}
