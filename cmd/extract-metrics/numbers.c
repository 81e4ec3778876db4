/* numbers.c: stage 1b, the number grammar: digits and number words,
 * magnitudes, currency, shares, percent and points, durations, mass and
 * rates. */

enum {
	BAD_NUMBER_SHOWN = 40,	/* bytes of a bad number quoted in a warning */
	NOUN_UNIT_WORDS = 2,	/* words of a noun that owns hours or days:
				 * "476 officer hours" */
	RATE_REACH = 6,		/* tokens from a figure to its rate: "1,030
				 * non-emergency calls per day" */
	COMPOUND_MAX = 86400	/* the largest unit, in seconds, a compound
				 * duration starts with: "2 days 4 hours" */
};

/* The value of a number word token, or -1. */
static int
word_number(const struct tok *t)
{
	return t->kind == T_WORD ? t->num : -1;
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
	const char *p;
	size_t n;
	int v;

	/* a number phrase of the lexicon: "a dozen" */
	if ((n = phrase_at(c, j, end, W(NUMBER), &p)) > 1) {
		*out = strtod(p, NULL);
		*only_one = false;
		return j + n;
	}
	while (j < end && c->tok[j].kind == T_WORD) {
		const struct tok *t = &c->tok[j];
		const char *m;
		double x;

		if ((v = word_number(t)) >= 0) {
			cur += v;
		} else if (any && (m = word_value(c, t->low, strlen(t->low),
						   METRICS_MULTIPLIER))) {
			/* "two hundred", "three dozen"; a thousand closes
			 * what is before it: "two thousand three hundred" */
			x = strtod(m, NULL);
			if (x >= 1000) {
				total += (cur ? cur : 1) * x;
				cur = 0;
			} else {
				cur = (cur ? cur : 1) * x;
			}
		} else {
			break;
		}
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
			 tok_is(c, j - 1, end, "hundred"))
			j++;
	}
	if (!any)
		return i;
	*out = total + cur;
	*only_one = last == i + 1 && strcmp(c->tok[i].low, "one") == 0;
	return last;
}

/* One number: digits or words.  Sets *next past it. */
static bool
parse_one_number(struct ctx *c, size_t i, size_t end, double *v, size_t *next,
		 bool *is_word)
{
	const char *text = c->text;
	bool only_one = false;
	size_t j;

	*is_word = false;
	if (c->tok[i].kind == T_NUM) {
		struct tok *t = &c->tok[i];

		if (!num_parse(text + t->s, t->e - t->s, v)) {
			size_t n = t->e - t->s;

			warn_at(c->file, line_at(c, t->s), "cannot parse number '%.*s%s'",
				(int)(n > BAD_NUMBER_SHOWN ? BAD_NUMBER_SHOWN : n),
				text + t->s, n > BAD_NUMBER_SHOWN ? "..." : "");
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
	const char *v;
	double d;

	if (!tok_has(c, i, end, W(FRACTION)))
		return i;
	v = word_value(c, c->tok[i].low, strlen(c->tok[i].low), METRICS_FRACTION);
	d = strtod(v, NULL);
	/* "quarters" is a period too: "three quarters of" only */
	if (d == 4 && !tok_is(c, i + 1, end, "of"))
		return i;
	f->v = round(f->v / d * 1000) / 10;
	strcpy(f->unit, "percent");
	return i + 1;
}

/* "%", "per cent": percent; "% points", "percentage points", "pp":
 * percentage points (the percent rows of the lexicon).  Returns the token
 * after it, or i. */
static size_t
parse_percent(const struct ctx *c, size_t i, size_t end, struct fig *f)
{
	const char *unit;
	size_t n = phrase_at(c, i, end, W(PERCENT), &unit);

	if (n == 0)
		return i;
	snprintf(f->unit, sizeof f->unit, "%s", unit);
	/* "2.5% pts.": the abbreviation's full stop */
	if (n > 1 && tok_punct(c, i, end, '%') && tok_punct(c, i + n, end, '.'))
		n++;
	return i + n;
}

/* Token i can start a unit: a sign ("%", "-year"), a unit word, or the
 * first word of a unit phrase ("per cent", "percentage points"). */
static bool
unit_start(const struct ctx *c, size_t i, size_t end)
{
	return i < end && (c->tok[i].kind == T_PUNCT || tok_has(c, i, end, UNIT_WORD) ||
			   (c->tok[i].starts & W(PERCENT)));
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
	    duration_unit(c, c->tok[j + 1].low, &dname) > 0)
		j++;
	if (j >= end || c->tok[j].kind != T_WORD)
		return i;
	if (duration_unit(c, c->tok[j].low, &dname) > 0) {
		strcpy(f->unit, dname);
		return j + 1;
	}
	if ((m = mass_unit(c, c->tok[j].low)) > 0 &&
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

	if (tok_has(c, i, end, W(MAGNITUDE)) &&
	    (m = magnitude(c, c->tok[i].low, glued || money)) > 0) {
		f->v *= m;
		f->vmax *= m;
		i++;
	}
	if (money) {
		strcpy(f->unit, "GBP");
		return i;
	}
	/* only a unit word or a sign ("%", "-year") can start a unit */
	if (unit_start(c, i, end) &&
	    ((j = parse_fraction(c, i, end, f)) > i ||
	     (j = parse_percent(c, i, end, f)) > i ||
	     (j = parse_physical(c, i, end, f, glued)) > i))
		return j;
	/* "476 officer hours", "638 community policing hours" */
	for (j = i; j < end && j <= i + NOUN_UNIT_WORDS; j++) {
		const struct tok *t = &c->tok[j];

		if (t->kind != T_WORD || t->cap || !t->low[0] ||
		    (t->cls & W(STOP)))
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
parse_compound_duration(struct ctx *c, size_t i, size_t end, struct fig *f)
{
	const char *big, *small;
	double bs, ss, v;
	size_t j = i, next;
	bool w;

	if ((bs = duration_unit(c, f->unit, &big)) == 0 || bs > COMPOUND_MAX)
		return i;
	if (tok_is(c, j, end, "and"))
		j++;
	if (j >= end || (c->tok[j].kind != T_NUM && c->tok[j].kind != T_WORD))
		return i;
	if (!parse_one_number(c, j, end, &v, &next, &w) || next >= end ||
	    c->tok[next].kind != T_WORD ||
	    (ss = duration_unit(c, c->tok[next].low, &small)) == 0 || ss >= bs)
		return i;
	f->v = f->v * (bs / ss) + v;
	strcpy(f->unit, small);
	return next + 1;
}

/* "per day", "a week", "each month", "per calendar month": a rate. */
static size_t
parse_rate(struct ctx *c, size_t i, size_t end, struct fig *f)
{
	const char *per = NULL;
	size_t j, k;
	char base[sizeof f->unit];

	/* the rate may follow the counted noun: "1,030 calls per day" */
	for (j = i; j < end && j < i + RATE_REACH; j++) {
		if (tok_has(c, j, end, W(RATE_PER))) {
			k = j + 1;
			if (tok_is(c, k, end, "calendar"))
				k++;
			if (tok_has(c, k, end, W(RATE_BASE)) &&
			    (per = word_value(c, c->tok[k].low, strlen(c->tok[k].low),
					      METRICS_RATE_BASE)))
				goto found;
			return i;
		}
		if (c->tok[j].kind == T_PUNCT && c->tok[j].cp != '\'' &&
		    c->tok[j].cp != 0x2018 && c->tok[j].cp != 0x2019 &&
		    !(text_is_dash(c->tok[j].cp) && !c->tok[j].sp && j + 1 < end &&
		      !c->tok[j + 1].sp))	/* "non-emergency calls per day" */
			return i;
		if (c->tok[j].kind == T_WORD && c->tok[j].low[0] &&
		    (c->tok[j].cls & W(STOP)))
			return i;
		if (c->tok[j].kind == T_NUM && !(j > i && c->tok[j - 1].kind == T_PUNCT &&
						 is_quote(c->tok[j - 1].cp)))
			return i;	/* only a quoted channel: '999' calls */
	}
	return i;
found:
	if (strcmp(f->unit, "count") && duration_unit(c, f->unit, &(const char *){0}) == 0)
		return i;
	snprintf(base, sizeof base, "%s", f->unit);
	if (strlen(base) + strlen(per) + 2 > sizeof f->unit)
		return i;
	memcpy(f->unit + strlen(base), "/", 2);
	strcat(f->unit, per);
	return j == i ? k + 1 : i;
}
