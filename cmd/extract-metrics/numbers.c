/* numbers.c: stage 1b, the number grammar: digits and number words,
 * magnitudes, currency, shares, percent and points, durations, mass and
 * rates. */

static int
small_number_word(const char *w)
{
	static const char *const small[] = {
		"zero", "one", "two", "three", "four", "five", "six", "seven",
		"eight", "nine", "ten", "eleven", "twelve", "thirteen",
		"fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
		"nineteen", NULL
	};
	static const char *const tens[] = {
		"twenty", "thirty", "forty", "fifty", "sixty", "seventy",
		"eighty", "ninety", NULL
	};
	int i;

	for (i = 0; small[i]; i++)
		if (strcmp(w, small[i]) == 0)
			return i;
	for (i = 0; tens[i]; i++)
		if (strcmp(w, tens[i]) == 0)
			return 20 + 10 * i;
	return -1;
}

/* The value of a number word token, or -1. */
static int
word_number(const struct tok *t)
{
	return t->kind == T_WORD && (t->flags & WC(W_NUMBER)) ?
	       small_number_word(t->low) : -1;
}

/* Number words from token i: "Nine", "twenty-five", "two hundred and
 * fifty", "a dozen".  Returns the token after them, or i if none. */
static size_t
parse_number_words(const struct ctx *c, size_t i, size_t end, double *out,
		   bool *only_one)
{
	double total = 0, cur = 0;
	size_t j = i, last = i;
	bool any = false;
	int v;

	if (tok_is(c, j, end, "a") && tok_is(c, j + 1, end, "dozen")) {
		*out = 12;
		*only_one = false;
		return j + 2;
	}
	while (j < end && c->tok[j].kind == T_WORD) {
		const char *w = c->tok[j].low;

		if (!(c->tok[j].flags & WC(W_NUMBER)))
			break;
		if ((v = small_number_word(w)) >= 0)
			cur += v;
		else if (strcmp(w, "hundred") == 0 && any)
			cur = (cur ? cur : 1) * 100;
		else if (strcmp(w, "thousand") == 0 && any) {
			total += (cur ? cur : 1) * 1000;
			cur = 0;
		} else if (strcmp(w, "dozen") == 0 && any)
			cur *= 12;
		else
			break;
		any = true;
		last = ++j;
		/* "twenty-five", "two hundred and fifty" */
		if (tok_dash(c, j, end) && !c->tok[j].sp && j + 1 < end &&
		    !c->tok[j + 1].sp && c->tok[j + 1].kind == T_WORD &&
		    word_number(&c->tok[j + 1]) > 0 &&
		    word_number(&c->tok[j - 1]) >= 20)
			j++;
		else if (tok_is(c, j, end, "and") && j + 1 < end &&
			 word_number(&c->tok[j + 1]) > 0 &&
			 strcmp(c->tok[j - 1].low, "hundred") == 0)
			j++;
	}
	if (!any)
		return i;
	*out = total + cur;
	*only_one = last == i + 1 && strcmp(c->tok[i].low, "one") == 0;
	return last;
}

/* Duration words and their size in seconds. */
static double
duration_unit(const char *w, const char **name)
{
	static const struct { const char *w, *name; double secs; } d[] = {
		{"second", "seconds", 1}, {"seconds", "seconds", 1},
		{"sec", "seconds", 1}, {"secs", "seconds", 1},
		{"minute", "minutes", 60}, {"minutes", "minutes", 60},
		{"min", "minutes", 60}, {"mins", "minutes", 60},
		{"hour", "hours", 3600}, {"hours", "hours", 3600},
		{"hr", "hours", 3600}, {"hrs", "hours", 3600},
		{"day", "days", 86400}, {"days", "days", 86400},
		{"week", "weeks", 604800}, {"weeks", "weeks", 604800},
		{"month", "months", 2629800}, {"months", "months", 2629800},
		{"year", "years", 31557600}, {"years", "years", 31557600},
		{"yr", "years", 31557600}, {"yrs", "years", 31557600},
	};
	size_t i;

	if (!strchr("smhdwy", w[0]) || !w[0])
		return 0;	/* a quick no for most words */
	for (i = 0; i < sizeof d / sizeof d[0]; i++)
		if (w[0] == d[i].w[0] && strcmp(w, d[i].w) == 0) {
			*name = d[i].name;
			return d[i].secs;
		}
	return 0;
}

static double
mass_unit(const char *w)
{
	if (!w[0] || !strchr("kgt", w[0]))
		return 0;
	if (!strcmp(w, "kg") || !strcmp(w, "kgs") || !strcmp(w, "kilo") ||
	    !strcmp(w, "kilos") || !strcmp(w, "kilogram") ||
	    !strcmp(w, "kilograms") || !strcmp(w, "kilogrammes"))
		return 1;
	if (!strcmp(w, "g") || !strcmp(w, "gram") || !strcmp(w, "grams") ||
	    !strcmp(w, "grammes"))
		return 0.001;
	if (!strcmp(w, "tonne") || !strcmp(w, "tonnes"))
		return 1000;
	return 0;
}

static double
magnitude(const char *w, bool glued_or_money)
{
	if (!strcmp(w, "million") || !strcmp(w, "mil") || !strcmp(w, "bn") ||
	    !strcmp(w, "billion"))
		return w[0] == 'b' ? 1e9 : 1e6;
	if (!strcmp(w, "thousand"))
		return 1e3;
	if (glued_or_money && !strcmp(w, "m"))
		return 1e6;
	if (glued_or_money && !strcmp(w, "k"))
		return 1e3;
	return 0;
}

/* One number: digits or words.  Sets *next past it. */
static bool
parse_one_number(struct ctx *c, const char *text, size_t i, size_t end,
		 double *v, size_t *next, bool *is_word)
{
	bool only_one = false;
	size_t j;

	*is_word = false;
	if (c->tok[i].kind == T_NUM) {
		struct tok *t = &c->tok[i];

		if (!num_parse(text + t->s, t->e - t->s, v)) {
			size_t n = t->e - t->s;

			warn_at(c->file, line_at(c, t->s), "cannot parse number '%.*s%s'",
				(int)(n > 40 ? 40 : n), text + t->s,
				n > 40 ? "..." : "");
			return false;
		}
		*next = i + 1;
		return true;
	}
	j = parse_number_words(c, i, end, v, &only_one);
	if (j == i || only_one || *v == 0)
		return false;
	*is_word = true;
	*next = j;
	return true;
}

/* "two thirds", "three quarters of": a share, in percent.  Returns the
 * token after it, or i. */
static size_t
parse_fraction(const struct ctx *c, size_t i, size_t end, struct fig *f)
{
	static const struct { const char *w; double d; } frac[] = {
		{"half", 2}, {"halves", 2}, {"third", 3}, {"thirds", 3},
		{"fifth", 5}, {"fifths", 5}, {"tenth", 10}, {"tenths", 10},
		{"quarters", 4},
	};
	size_t q;

	if (i >= end || c->tok[i].kind != T_WORD)
		return i;
	for (q = 0; q < sizeof frac / sizeof frac[0]; q++)
		if (!strcmp(c->tok[i].low, frac[q].w) &&
		    (frac[q].d != 4 || tok_is(c, i + 1, end, "of"))) {
			f->v = round(f->v / frac[q].d * 1000) / 10;
			strcpy(f->unit, "percent");
			return i + 1;
		}
	return i;
}

/* "%", "% points", "per cent", "percentage points", "pp".  Returns the
 * token after it, or i. */
static size_t
parse_percent(const struct ctx *c, size_t i, size_t end, struct fig *f)
{
	if (tok_punct(c, i, end, '%')) {
		i++;
		if (tok_is(c, i, end, "points") || tok_is(c, i, end, "point") ||
		    tok_is(c, i, end, "pts") || tok_is(c, i, end, "pt")) {
			strcpy(f->unit, "pp");
			i++;
			if (tok_punct(c, i, end, '.'))
				i++;
		} else {
			strcpy(f->unit, "percent");
		}
		return i;
	}
	if ((tok_is(c, i, end, "per") && tok_is(c, i + 1, end, "cent")) ||
	    tok_is(c, i, end, "percent")) {
		strcpy(f->unit, "percent");
		return i + (tok_is(c, i, end, "per") ? 2 : 1);
	}
	if (tok_is(c, i, end, "percentage") && (tok_is(c, i + 1, end, "points") ||
						tok_is(c, i + 1, end, "point"))) {
		strcpy(f->unit, "pp");
		return i + 2;
	}
	if (tok_is(c, i, end, "pp") || tok_is(c, i, end, "ppt") ||
	    tok_is(c, i, end, "ppts")) {
		strcpy(f->unit, "pp");
		return i + 1;
	}
	return i;
}

/* Durations ("3-year", "48,810 hours") and mass ("500 grams").  Returns
 * the token after the unit, or i. */
static size_t
parse_physical(const struct ctx *c, size_t i, size_t end, struct fig *f,
	       bool glued)
{
	const char *dname;
	size_t j = i;
	double m;

	/* "3-year", "6-month": a hyphen glued on both sides */
	if (tok_dash(c, j, end) && !c->tok[j].sp && j + 1 < end &&
	    !c->tok[j + 1].sp && c->tok[j + 1].kind == T_WORD &&
	    duration_unit(c->tok[j + 1].low, &dname) > 0)
		j++;
	if (j >= end || c->tok[j].kind != T_WORD)
		return i;
	if (duration_unit(c->tok[j].low, &dname) > 0) {
		strcpy(f->unit, dname);
		return j + 1;
	}
	if ((m = mass_unit(c->tok[j].low)) > 0 &&
	    (glued || strlen(c->tok[j].low) > 1)) {
		f->v *= m;
		f->vmax *= m;
		strcpy(f->unit, "kg");
		return j + 1;
	}
	return i;
}

/* After the number at [.., i): magnitude, currency, share, percent,
 * points, duration, mass, else a count.  Fills f->unit and scales f->v;
 * returns the token after the unit. */
static size_t
parse_unit(struct ctx *c, size_t i, size_t end, struct fig *f, bool money)
{
	double m;
	size_t j;
	bool glued = i < end && !c->tok[i].sp;

	if (tok_has(c, i, end, W_UNIT) &&
	    (m = magnitude(c->tok[i].low, glued || money)) > 0) {
		f->v *= m;
		f->vmax *= m;
		i++;
	}
	if (money) {
		strcpy(f->unit, "GBP");
		return i;
	}
	/* only a unit word or a sign ("%", "-year") can start a unit */
	if (i < end && (c->tok[i].kind == T_PUNCT || tok_has(c, i, end, W_UNIT)) &&
	    ((j = parse_fraction(c, i, end, f)) > i ||
	     (j = parse_percent(c, i, end, f)) > i ||
	     (j = parse_physical(c, i, end, f, glued)) > i))
		return j;
	/* "476 officer hours", "638 community policing hours" */
	for (j = i; j < end && j < i + 3; j++) {
		const struct tok *t = &c->tok[j];

		if (t->kind != T_WORD || t->cap || !t->low[0] ||
		    (t->flags & WC(W_STOP)))
			break;
		if (j > i && (!strcmp(t->low, "hours") || !strcmp(t->low, "days"))) {
			strcpy(f->unit, t->low);
			return i;
		}
	}
	strcpy(f->unit, "count");
	return i;
}

/* "2 mins 43 seconds": a smaller duration right after a duration adds to
 * it, in the smaller unit. */
static size_t
parse_compound_duration(struct ctx *c, const char *text, size_t i,
			size_t end, struct fig *f)
{
	const char *big, *small;
	double bs, ss, v;
	size_t j = i, next;
	bool w;

	if ((bs = duration_unit(f->unit, &big)) == 0 || bs > 86400)
		return i;
	if (tok_is(c, j, end, "and"))
		j++;
	if (j >= end || (c->tok[j].kind != T_NUM && c->tok[j].kind != T_WORD))
		return i;
	if (!parse_one_number(c, text, j, end, &v, &next, &w) || next >= end ||
	    c->tok[next].kind != T_WORD ||
	    (ss = duration_unit(c->tok[next].low, &small)) == 0 || ss >= bs)
		return i;
	f->v = f->v * (bs / ss) + v;
	strcpy(f->unit, small);
	return next + 1;
}

/* "per day", "a week", "each month", "per calendar month": a rate. */
static size_t
parse_rate(struct ctx *c, size_t i, size_t end, struct fig *f)
{
	static const char *const per[] = { "per", "a", "an", "each", "every", NULL };
	static const struct { const char *w, *unit; } period[] = {
		{"day", "day"}, {"week", "week"}, {"month", "month"},
		{"year", "year"}, {"annum", "year"}, {"hour", "hour"},
		{"fortnight", "fortnight"}, {"weekday", "day"},
	};
	size_t j, k, q;
	char base[sizeof f->unit];

	/* the rate may follow the counted noun: "1,030 calls per day" */
	for (j = i; j < end && j < i + 6; j++) {
		if (tok_in(c, j, end, per)) {
			k = j + 1;
			if (tok_is(c, k, end, "calendar"))
				k++;
			for (q = 0; q < sizeof period / sizeof period[0]; q++)
				if (tok_is(c, k, end, period[q].w))
					goto found;
			return i;
		}
		if (c->tok[j].kind == T_PUNCT && c->tok[j].cp != '\'' &&
		    c->tok[j].cp != 0x2018 && c->tok[j].cp != 0x2019 &&
		    !(text_is_dash(c->tok[j].cp) && !c->tok[j].sp && j + 1 < end &&
		      !c->tok[j + 1].sp))	/* "non-emergency calls per day" */
			return i;
		if (c->tok[j].kind == T_WORD && c->tok[j].low[0] &&
		    (c->tok[j].flags & WC(W_STOP)))
			return i;
		if (c->tok[j].kind == T_NUM && !(j > i && c->tok[j - 1].kind == T_PUNCT &&
						 is_quote(c->tok[j - 1].cp)))
			return i;	/* only a quoted channel: '999' calls */
	}
	return i;
found:
	if (strcmp(f->unit, "count") && duration_unit(f->unit, &(const char *){0}) == 0)
		return i;
	snprintf(base, sizeof base, "%s", f->unit);
	if (strlen(base) + strlen(period[q].unit) + 2 > sizeof f->unit)
		return i;
	memcpy(f->unit + strlen(base), "/", 2);
	strcat(f->unit, period[q].unit);
	return j == i ? k + 1 : i;
}
