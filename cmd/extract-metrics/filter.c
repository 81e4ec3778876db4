/* filter.c: stage 2, what is not a figure: dates, years, fiscal years,
 * times, ordinals, staff and phone numbers, footnotes, identifiers,
 * names and references, windows, scores.
 *
 * Each rule looks at a number, the tokens num of sentence s, and the
 * tokens around it, and says what the number is when it is no figure
 * (--explain shows it). */

/* The years a four-digit number can name, and the digits from which a
 * plain digit string is a staff or phone number, not a count (a phone
 * number has at most 15 digits, ITU E.164: a longer string is a number,
 * too large to be exact: figures.c says so). */
enum { YEAR_MIN = 1900, YEAR_MAX = 2100, ID_DIGITS = 7, ID_DIGITS_MAX = 15 };

/* A section or paragraph number has at most this many digits a part:
 * "4.2", "12.10". */
enum { SECTION_PART_MAX = 2 };

/* Words from a street number to its street word: "14 Abbey Lane", "1
 * Harbour Road", "3 St Mary's Close". */
enum { STREET_WORDS = 4 };

/* Tokens back from a number to the reference it is listed with:
 * "Priorities 2 (drugs) and 7". */
enum { LIST_REACH = 16 };

/* The last day of a month: "23 October", "October 23". */
enum { DAY_MAX = 31 };

/* Words before "in" where a superlative makes "in four years" a window. */
enum { SUPERLATIVE_REACH = 4 };

static bool
is_year(const struct ctx *c, double v, const struct tok *t)
{
	return v >= YEAR_MIN && v <= YEAR_MAX && t->e - t->s == 4 &&
	       memchr(c->text + t->s, '.', 4) == NULL;
}

/* Token i is a word that can start a unit after a number: "999999999
 * hours" is a quantity, however long. */
static bool
unit_start_word(const struct ctx *c, size_t i, size_t end)
{
	return i < end && (tok_has(c, i, end, UNIT_WORD | W(CURRENCY)) ||
			   tok_punct(c, i, end, '%') ||
			   (c->tok[i].starts & (W(PERCENT) | W(MASS))));
}

/* "2 pm", "9 a.m.", "10.00 am": am or pm after the number, spaced. */
static bool
time_after(const struct ctx *c, size_t k, size_t end)
{
	if (tok_is(c, k, end, "am") || tok_is(c, k, end, "pm"))
		return true;
	return (tok_is(c, k, end, "a") || tok_is(c, k, end, "p")) &&
	       tok_punct(c, k + 1, end, '.') && tok_is(c, k + 2, end, "m") &&
	       !c->tok[k + 1].sp && !c->tok[k + 2].sp;
}

/* Token k is a number of digits alone, no separator: "960", "01632". */
static bool
bare_digits(const struct ctx *c, size_t k)
{
	const struct tok *t = &c->tok[k];

	return t->kind == T_NUM && strspn(c->text + t->s, "0123456789") == t->e - t->s;
}

/* A group of a phone number: after a group with a leading 0 ("01632 960
 * 471"), after "+44", after a group of five digits or more, or before a
 * phone channel ("18001 101", text relay). */
static const char *
phone_number(const struct ctx *c, struct span s, struct span num)
{
	const char *text = c->text;
	size_t a = s.a, end = s.b, i = num.a, k;
	const struct tok *t = &c->tok[i];

	if (text[t->s] == '0' && t->e - t->s >= 2 &&
	    is_ascii_digit((unsigned char)text[t->s + 1]))
		return "a phone or reference number (a leading 0)";
	if (i > a && tok_punct(c, i - 1, end, '+') && !t->sp && t->e - t->s <= 3 &&
	    i + 1 < end && (c->tok[i + 1].kind == T_NUM || tok_punct(c, i + 1, end, '(')))
		return "a phone number (+44 ...)";
	/* a bare group right after a group of a phone number (groups are
	 * digits alone: "12,345 6,789" are two figures) */
	for (k = i; k > a && c->tok[k].sp && bare_digits(c, k) && bare_digits(c, k - 1);
	     k--) {
		const struct tok *g = &c->tok[k - 1];

		if ((text[g->s] == '0' && g->e - g->s >= 3) || g->e - g->s >= 5 ||
		    (k - 1 > a && tok_punct(c, k - 2, end, '+')))
			return "a phone number (a group after 01632, +44 or 18001)";
	}
	if (t->e - t->s >= 5 && bare_digits(c, i) && i + 1 < end && c->tok[i + 1].kind == T_NUM &&
	    c->tok[i + 1].sp && lex_is(c->lex.lx, text + c->tok[i + 1].s,
				       c->tok[i + 1].e - c->tok[i + 1].s, METRICS_PHONE))
		return "a phone number (18001 101: a relay before a channel)";
	return NULL;
}

/* The end of the phone number whose first group is num: the groups after
 * it, "(0)" and hyphens between them ("+44 (0)1632 960 471"). */
static size_t
phone_end(const struct ctx *c, struct span s, struct span num)
{
	size_t k = num.b;

	while (k < s.b) {
		if (c->tok[k].kind == T_NUM)
			k++;
		else if (tok_punct(c, k, s.b, '(') && k + 2 < s.b &&
			 c->tok[k + 1].kind == T_NUM && tok_punct(c, k + 2, s.b, ')'))
			k += 3;
		else if (tok_dash(c, k, s.b) && !c->tok[k].sp && k + 1 < s.b &&
			 c->tok[k + 1].kind == T_NUM && !c->tok[k + 1].sp)
			k++;
		else
			break;
	}
	return k;
}

/* "4.2 Call handling", "1.1 Apologies were received": a number of one or
 * two digits, a point and one or two more, opening a sentence before a
 * capitalized word or alone: a section or paragraph number. */
static bool
section_number(const struct ctx *c, struct span s, struct span num)
{
	const struct tok *t = &c->tok[num.a];
	const char *dot = memchr(c->text + t->s, '.', t->e - t->s);
	const char *dn;

	if (num.a != s.a || t->kind != T_NUM || !dot || t->form != DIGITS_PLAIN ||
	    (size_t)(dot - (c->text + t->s)) > SECTION_PART_MAX ||
	    (size_t)(c->text + t->e - dot - 1) > SECTION_PART_MAX)
		return false;
	if (num.b >= s.b)
		return true;
	return c->tok[num.b].kind == T_WORD && c->tok[num.b].cap && c->tok[num.b].sp &&
	       !is_month(c, num.b, s.b) && !unit_start_word(c, num.b, s.b) &&
	       duration_unit(c, c->tok[num.b].low, &dn) == 0;
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
	const char *why;

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
	/* "Version No: 1.0"; not a goal ("standard: 80%"), not a share */
	if (p && p->kind == T_PUNCT && p->cp == ':' && i >= a + 2 &&
	    tok_has(c, i - 2, end, W(NAME)) && !tok_has(c, i - 2, end, W(TARGET)) &&
	    !tok_has(c, next, end, W(PERCENT)))
		return "a version or reference number (No: 1.0)";
	/* 23<sup>rd</sup>, {\rm 11} */
	if (n && n->kind == T_PUNCT && n->cp == '<' && !n->sp &&
	    tok_is(c, next + 1, end, "sup"))
		return "a superscript ordinal (23<sup>rd</sup>)";
	if (p && p->kind == T_PUNCT && p->cp == '{')
		return "markup ({\\rm 11})";
	if (is_year(c, v, t) && !(n && n->kind == T_PUNCT && n->cp == '%') &&
	    !currency_before(c, s, i, &(size_t){0}, &(bool){0}))
		return "a year";
	/* ordinals and times: 1st, 10am, 10.00am, 2 pm, 9 a.m. */
	if (n && !n->sp && tok_has(c, next, end, W(ORDINAL_OR_TIME)))
		return "an ordinal or a time of day (1st, 10am)";
	if (time_after(c, next, end))
		return "a time of day (2 pm, 9 a.m.)";
	/* an age group: "under 18s", "over 65s" */
	if (n && !n->sp && tok_is(c, next, end, "s") && p && (p->cls & W(APPROX)))
		return "an age group (under 18s)";
	if ((why = phone_number(c, s, num)))
		return why;
	/* staff and phone numbers: long digit strings, but a quantity */
	if (t->e - t->s >= ID_DIGITS && t->e - t->s <= ID_DIGITS_MAX &&
	    !memchr(text + t->s, ',', t->e - t->s) &&
	    !memchr(text + t->s, '.', t->e - t->s) && !unit_start_word(c, next, end))
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
	    (n->cp == '.' || n->cp == ')') && next + 1 < c->ntok)
		return "a list or page marker opening the block";
	if (section_number(c, s, num))
		return "a section or paragraph number (4.2 Call handling)";
	/* a contents line's page: "Introduction ........ 3" (the leader may
	 * have ended the sentence before it) */
	if (i > 0 && c->tok[i - 1].kind == T_PUNCT && (c->tok[i - 1].cp == 0x2026 ||
	    (c->tok[i - 1].cp == '.' && i >= 2 && tok_punct(c, i - 2, c->ntok, '.'))))
		return "a page number after dot leaders (a contents line)";
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
	if (p && p->kind == T_PUNCT && p->cp == ':' && i >= a + 2 &&
	    tok_has(c, i - 2, end, W(PHONE_NEXT)))
		return "a phone channel after its label (Emergency: 999)";
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

/* "14 Abbey Lane", "1 Harbour Road": a number before capitalized words
 * ending in a street word. */
static bool
street_number(const struct ctx *c, struct span s, struct span num)
{
	size_t k;

	for (k = num.b; k < s.b && k < num.b + STREET_WORDS; k++) {
		const struct tok *t = &c->tok[k];

		if (t->kind == T_PUNCT && (t->cp == '\'' || t->cp == 0x2019) && !t->sp)
			continue;	/* "St Mary's" */
		if (t->kind != T_WORD || !t->cap)
			return false;
		/* the street word ends the name: not "29 Static Road Checks" */
		if (k > num.b && (t->cls & W(STREET)) &&
		    !(k + 1 < s.b && c->tok[k + 1].kind == T_WORD && c->tok[k + 1].cap))
			return true;
	}
	return false;
}

/* The number listed after a reference, not before a noun of its own:
 * "Priorities 2 (drugs) and 7", "aged 34 and 41,", "aged 10 to 17",
 * "paragraphs 4, 5 and 9" (but "Section 60 and 20 arrests": 20 counts
 * arrests).  Back from the number over numbers, list words and asides in
 * parentheses, to the word that opens the list. */
static bool
listed_reference(const struct ctx *c, struct span s, struct span num)
{
	size_t a = s.a, k = num.a, depth = 0, back, numbers = 0;
	bool opened = false;

	if (num.b < s.b && c->tok[num.b].kind == T_WORD && content_word(&c->tok[num.b]) &&
	    !is_month(c, num.b, s.b))
		return false;
	for (back = 0; back < LIST_REACH && k > a; back++, k--) {
		const struct tok *t = &c->tok[k - 1];

		if (t->kind == T_PUNCT && t->cp == ')')
			depth++;
		else if (t->kind == T_PUNCT && t->cp == '(' && depth > 0)
			depth--;
		else if (depth > 0)
			continue;
		else if (t->kind == T_NUM)
			numbers++;
		else if (!(tok_is(c, k - 1, s.b, "and") || tok_is(c, k - 1, s.b, "or") ||
			   tok_is(c, k - 1, s.b, "to") ||
			   (t->kind == T_PUNCT && (t->cp == ',' || t->cp == '&' ||
						   text_is_dash(t->cp))))) {
			opened = true;
			break;
		}
	}
	if (!opened || numbers == 0)
		return false;
	/* the word before the first number: a reference ("Priorities",
	 * "aged", a capitalized "Year") */
	return tok_has(c, k - 1, s.b, W(NAME)) ||
	       (tok_has(c, k - 1, s.b, W(CAPNAME)) && c->tok[k - 1].cap);
}

/* A superlative stands in the few words before token k, in its clause:
 * "the highest figure in", "the first time in" (pos.tsv class
 * superlative). */
static bool
superlative_before(const struct ctx *c, struct span s, size_t k)
{
	size_t j;

	for (j = k; j > s.a && k - j < SUPERLATIVE_REACH; j--) {
		const struct tok *t = &c->tok[j - 1];

		if (clause_edge(t) && t->kind == T_PUNCT && t->cp != ',')
			return false;
		if (t->kind == T_WORD && c->word[j - 1].n && c->pos_lx &&
		    (lex_classes(c->pos_lx, t->low, c->word[j - 1].n) & POS(SUPERLATIVE)))
			return true;
	}
	return false;
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
	if (n && !word && v >= 1 && v <= DAY_MAX && v == floor(v) &&
	    (tok_is(c, next, end, "and") || tok_is(c, next, end, "to") ||
	     tok_is(c, next, end, "or") || (text_is_dash(n->cp) && n->kind == T_PUNCT)) &&
	    next + 2 < end && c->tok[next + 1].kind == T_NUM && is_month(c, next + 2, end))
		return "a day of a month, listed (17 and 18 August)";
	if (p && is_month(c, i - 1, end) && !word &&
	    (v <= DAY_MAX || is_year(c, v, t)))
		return "a day or year after a month (October 23)";
	/* windows: "the last two quarters", "the last five financial years",
	 * "12 months to March 2023" */
	if (p && tok_has(c, i - 1, end, W(WINDOW)) &&
	    (tok_has(c, next, end, W(PERIOD_NOUN)) ||
	     (tok_has(c, next, end, W(PERIOD_WORD)) && tok_has(c, next + 1, end, W(PERIOD_NOUN)))))
		return "a window (the last two quarters)";
	if (tok_has(c, next, end, W(PERIOD_NOUN)) && tok_is(c, next + 1, end, "to") &&
	    is_month(c, next + 2, end))
		return "a window (12 months to March)";
	/* "the highest figure in four years", "for the first time in 12
	 * months": a window after a superlative */
	if (p && (tok_is(c, i - 1, end, "in") || tok_is(c, i - 1, end, "for")) &&
	    tok_has(c, next, end, W(PERIOD_NOUN)) && superlative_before(c, s, i - 1))
		return "a window after a superlative (the highest in four years)";
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
		    !tok_has(c, next + 1, end, W(MASS) | W(CURRENCY)) &&
		    word_number(&c->tok[next + 1]) < 0 &&
		    !(fraction_at(c, next + 1, end) > 0 && tok_is(c, next + 2, end, "of")))
			return "part of an adjective (two-way)";	/* not "two-thirds of" */
	}
	if (p && p->kind == T_PUNCT && text_is_dash(p->cp) && i >= a + 2 &&
	    is_month(c, i - 2, end))
		return "a day or year after a month (Jun-22)";
	/* names and references: Priority 4, Section 60, level 2, Fatal 4;
	 * "aged under 21"; a share is none ("standard 90%") */
	if (p && p->kind == T_WORD && p->low[0] && (p->cls & W(NAME)) &&
	    !number_verb(c, s, i - 1) && !tok_has(c, next, end, W(PERCENT)) &&
	    !(i >= a + 2 && c->tok[i - 2].kind == T_PUNCT && is_quote(c->tok[i - 2].cp)))
		return "a name or reference (Priority 4, Section 60)";
	if (p && (p->cls & W(APPROX)) && i >= a + 2 && tok_has(c, i - 2, end, W(NAME)) &&
	    !number_verb(c, s, i - 2))
		return "a name or reference (aged under 21)";
	if (listed_reference(c, s, num))
		return "listed with a reference (Priorities 2 (drugs) and 7, aged 10 to 17)";
	/* a rank's base: "4th of 43 forces" */
	if (p && tok_is(c, i - 1, end, "of") && i >= a + 3 &&
	    tok_has(c, i - 2, end, W(ORDINAL_OR_TIME)) && !c->tok[i - 2].sp &&
	    c->tok[i - 3].kind == T_NUM)
		return "the base of a rank (4th of 43 forces)";
	if (street_number(c, s, num))
		return "a street number (14 Abbey Lane)";
	if (p && p->kind == T_WORD && p->cap && p->low[0] &&
	    (p->cls & W(CAPNAME)))
		return "a name (Year 6, Operation 7)";
	/* "quarter two", "week 4 of the plan": a period's number (but "the last
	 * quarter 21 enquiries") */
	if (p && (p->cls & W(PERIOD_NOUN)) && v >= 1 && v <= DAY_MAX &&
	    !(n && n->kind == T_WORD && content_word(n)) &&
	    !tok_has(c, next, end, UNIT_WORD))
		return "a period's number (quarter two)";
	if (p && p->kind == T_WORD && p->cap &&
	    !(p->low[0] && (p->cls & (W(STOP) | W(CURRENCY)))) &&
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
