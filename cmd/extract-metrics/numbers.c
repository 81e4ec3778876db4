/* numbers.c: stage 1b, the number grammar: digits (and the locale forms
 * a report may carry), number words and their fractions, magnitudes,
 * currency, shares, percent and points, durations (also compound), mass
 * and rates. */

enum {
	BAD_NUMBER_SHOWN = 40,	/* bytes of a bad number quoted in a warning */
	NOUN_UNIT_WORDS = 2,	/* words of a noun that owns hours or days:
				 * "476 officer hours" */
	RATE_REACH = 6,		/* tokens from a figure to its rate: "1,030
				 * non-emergency calls per day" */
	COMPOUND_PARTS = 5,	/* parts of one duration at most: "1 year 1
				 * month 21 days" */
	CODE_LETTERS = 3	/* a currency's code: "GBP 350", "USD" */
};

/* The largest magnitude a figure may have: 2^53.  Beyond it a double no
 * longer holds every whole number, so the value written would not be
 * the report's: such a figure is refused with a warning (figures.c). */
static const double EXACT_MAX = 9007199254740992.0;

/* A number as read at a token: digits or words. */
struct number {
	double v;
	size_t end;		/* the token after it */
	bool word;		/* in words: "twelve", "half a million" */
	bool weak;		/* "one", "a", "an" alone: a figure only with what
				 * makes it one ("an hour and a half", "one
				 * per cent") */
	bool zero;		/* "zero", "nought": a figure only as a count */
	bool scaled;		/* a thousand or more in words: "half a million" */
	enum digits_form form;	/* digits: how they are written (tokens.c) */
};

/* The value of a number word token, or -1. */
static int
word_number(const struct tok *t)
{
	return t->kind == T_WORD ? t->num : -1;
}

/* The value token i has as a word of class cls of the lexicon, as a
 * number ("hundred" 100 as a multiplier, "thirds" 3 as a fraction), or 0
 * when it is none. */
static double
class_value(const struct ctx *c, size_t i, size_t end, unsigned cls)
{
	const char *v;

	if (i >= end || c->tok[i].kind != T_WORD || !(c->tok[i].cls & LEX_BIT(cls)))
		return 0;
	v = word_value(c, c->tok[i].low, strlen(c->tok[i].low), cls);
	return v ? strtod(v, NULL) : 0;
}

/* The multiplier word at token i ("hundred", "million", "dozen"): its
 * value, or 0. */
static double
multiplier_at(const struct ctx *c, size_t i, size_t end)
{
	return class_value(c, i, end, METRICS_MULTIPLIER);
}

/* The denominator of the fraction word at token i ("half" 2, "thirds"
 * 3), or 0. */
static double
fraction_at(const struct ctx *c, size_t i, size_t end)
{
	return class_value(c, i, end, METRICS_FRACTION);
}

/* Decimals past this many significant digits change no double: they are
 * left out (an integer part that long is refused as too large). */
static const double FRACTION_DIGITS_MAX = 1e17;

/* The value of the digits s[0..n), written in form (tokens.c's
 * scan_digits): "1,234.5" and "1.234,56" as the report means them; "3,5"
 * as 3.5 (read only where a sign says it is a decimal); an unsure form as
 * its first group, for the rules that tell names and dates (never a
 * figure).  Every digit counts, however many: no buffer cuts them (a
 * number too large to be exact is refused in figures.c). */
static double
digits_value(const char *s, size_t n, enum digits_form form)
{
	double m = 0, scale = 1;
	char dec = form == DIGITS_PLAIN ? '.' : ',';
	bool frac = false;
	size_t i;

	for (i = 0; i < n; i++) {
		if (is_ascii_digit((unsigned char)s[i])) {
			if (frac && m >= FRACTION_DIGITS_MAX)
				continue;	/* beyond what a double holds */
			m = m * 10 + (s[i] - '0');
			if (frac)
				scale *= 10;
		} else if (s[i] == dec && form != DIGITS_UNSURE) {
			frac = true;
		} else if (form == DIGITS_UNSURE) {
			break;
		}
	}
	return m / scale;
}

/* A table cell's number ("1,234", "-0.18", "1.234,56"; "3,5" only in a
 * percent cell), by the same policy as running text; false when the cell
 * is no number or one in an unsure form ("4,10"), which is then read as
 * text, where it is warned about. */
static bool
cell_number(const char *s, size_t n, bool percent, double *v)
{
	enum digits_form form;
	bool code, neg = n > 0 && s[0] == '-';
	size_t i = n > 0 && (s[0] == '-' || s[0] == '+');

	if (i >= n || scan_digits(s, i, n, &form, &code) != n || code ||
	    form == DIGITS_UNSURE || (form == DIGITS_COMMA && !percent))
		return false;
	*v = digits_value(s + i, n - i, form) * (neg ? -1 : 1);
	return true;
}

/* "and a half", "and a quarter", "and three quarters": the fraction a
 * number or a unit goes on with, into *add (0.5, 0.25, 0.75).  Returns
 * the token after it, or i. */
static size_t
and_fraction(const struct ctx *c, size_t i, size_t end, double *add)
{
	size_t j = i + 1;
	double k = 1, d;

	if (!tok_is(c, i, end, "and"))
		return i;
	if (tok_is(c, j, end, "a") || tok_is(c, j, end, "an") || tok_is(c, j, end, "one"))
		j++;
	else if (j < end && word_number(&c->tok[j]) > 1)
		k = word_number(&c->tok[j++]);
	else
		return i;
	if ((d = fraction_at(c, j, end)) == 0 || k >= d ||
	    (k > 1 && c->tok[j].low[strlen(c->tok[j].low) - 1] != 's'))
		return i;
	*add = k / d;
	return j + 1;
}

/* "half a million", "a quarter million", "three quarters of a billion",
 * "half a dozen", "half an hour": a share of the multiplier or the unit of
 * time that follows.  Returns the token of that word, with *share, or i
 * when the words are no such share ("half the calls"). */
static size_t
fraction_head(const struct ctx *c, size_t i, size_t end, double *share)
{
	size_t j = i;
	double k = 1, d;
	const char *dn;

	if (tok_is(c, j, end, "a") || tok_is(c, j, end, "an"))
		j++;
	else if (j < end && word_number(&c->tok[j]) > 1)
		k = word_number(&c->tok[j++]);
	if ((d = fraction_at(c, j, end)) == 0 || k >= d)
		return i;
	j++;
	if (tok_is(c, j, end, "of"))
		j++;
	if (tok_is(c, j, end, "a") || tok_is(c, j, end, "an"))
		j++;
	if (j >= end || !(multiplier_at(c, j, end) > 0 ||
			  (c->tok[j].kind == T_WORD &&
			   duration_unit(c, c->tok[j].low, &dn) > 0)))
		return i;
	/* "the third year": an ordinal before a unit of time, no share
	 * ("half an hour", "quarter million" are) */
	if (c->tok[i].kind == T_WORD && fraction_at(c, i, end) > 0 &&
	    !tok_is(c, i, end, "half") && multiplier_at(c, j, end) == 0)
		return i;
	*share = k / d;
	return j;
}

/* The place of a number word in a number, for which may follow which:
 * "twenty" then "one", "hundred" then "twenty", never "two" then "three". */
enum word_step { STEP_NONE, STEP_UNIT, STEP_TEEN, STEP_TENS, STEP_HUNDRED,
		 STEP_BIG, STEP_CLOSED };

/* Number words from token i: "Nine", "twenty-five", "fifty - two", "two
 * hundred and fifty", "two thousand and five", "seven hundred twenty-one
 * thousand and twelve", "twenty-one trillion three hundred", "three
 * dozen", "one and a half", "five and a half million".  lead is the value
 * a word before them stands for ("a" hundred: 1; "half a" million: 0.5),
 * 0 if none: then a multiplier must come first.  Returns the token after
 * them, or i if none. */
static size_t
parse_number_words(const struct ctx *c, size_t i, size_t end, double lead,
		   double *out, bool *scaled)
{
	double total = 0, cur = lead, x, add;
	enum word_step step = lead > 0 ? STEP_UNIT : STEP_NONE, ws;
	size_t j = i, last = i, k;
	int v;

	while (j < end && c->tok[j].kind == T_WORD) {
		if ((v = word_number(&c->tok[j])) >= 0) {
			ws = v < 10 ? STEP_UNIT : v < 20 ? STEP_TEEN : STEP_TENS;
			if (lead > 0 || !(step == STEP_NONE ||
			      (step == STEP_TENS && ws == STEP_UNIT && v > 0) ||
			      ((step == STEP_HUNDRED || step == STEP_BIG) && v > 0)))
				break;
			cur += v;
			step = ws;
		} else if ((x = multiplier_at(c, j, end)) > 0) {
			/* "hundred thousand": a multiplier opens a number
			 * only before another */
			if (step == STEP_NONE && multiplier_at(c, j + 1, end) == 0)
				break;
			if (step == STEP_NONE)
				cur = 1;
			if (x >= 1000) {
				*scaled = true;
				/* a thousand closes what is before it */
				if (cur == 0)
					total *= x;	/* "thousand million" */
				else
					total += cur * x;
				cur = 0;
				step = STEP_BIG;
			} else {
				cur *= x;	/* "two hundred", "three dozen" */
				step = x == 100 ? STEP_HUNDRED : STEP_CLOSED;
			}
		} else {
			break;
		}
		lead = 0;
		last = ++j;
		if (step == STEP_TENS && tok_dash(c, j, end) &&
		    c->tok[j].sp == (j + 1 < end && c->tok[j + 1].sp) &&
		    j + 1 < end && word_number(&c->tok[j + 1]) > 0 &&
		    word_number(&c->tok[j + 1]) < 10)
			j++;	/* "twenty-five", "fifty - two" */
		else if ((step == STEP_HUNDRED || step == STEP_BIG) &&
			 tok_is(c, j, end, "and") && j + 1 < end &&
			 word_number(&c->tok[j + 1]) > 0)
			j++;	/* "two hundred and fifty" */
		else if (step != STEP_BIG && step != STEP_CLOSED &&
			 (k = and_fraction(c, j, end, &add)) > j) {
			cur += add;	/* "one and a half" */
			step = STEP_CLOSED;
			last = j = k;
		}
	}
	if (last == i)
		return i;
	*out = total + cur;
	return last;
}

/* "a"/"an" before a unit of time or a fraction ("an hour and a half", "a
 * third of"): 1, weak.  Returns the token after it, or i. */
static size_t
article_number(const struct ctx *c, size_t i, size_t end)
{
	const char *dn;

	if (!(tok_is(c, i, end, "a") || tok_is(c, i, end, "an")) || i + 1 >= end ||
	    c->tok[i + 1].kind != T_WORD)
		return i;
	if (duration_unit(c, c->tok[i + 1].low, &dn) > 0 ||
	    (fraction_at(c, i + 1, end) > 0 && tok_is(c, i + 2, end, "of")))
		return i + 1;
	return i;
}

/* One number at token i: digits (in any form; the caller judges the
 * form) or words.  Fills *n; false when there is none. */
static bool
parse_one_number(struct ctx *c, size_t i, size_t end, struct number *n)
{
	const struct tok *t = &c->tok[i];
	const char *p;
	double share, add;
	size_t j, k;

	memset(n, 0, sizeof *n);
	if (t->kind == T_NUM) {
		n->form = t->form;
		n->v = digits_value(c->text + t->s, t->e - t->s, t->form);
		n->end = i + 1;
		if (n->form == DIGITS_PLAIN && (k = and_fraction(c, i + 1, end, &add)) > i + 1) {
			n->v += add;	/* "2 and a half hours" */
			n->end = k;
		}
		return true;
	}
	if (t->kind != T_WORD)
		return false;
	n->word = true;
	if ((k = phrase_at(c, i, end, W(NUMBER), &p)) > 1) {
		n->v = strtod(p, NULL);	/* a number phrase: "a dozen" */
		n->end = i + k;
		return true;
	}
	if ((j = fraction_head(c, i, end, &share)) > i) {
		/* "half a million", or "half an hour": the unit follows */
		n->end = multiplier_at(c, j, end) > 0 ?
			 parse_number_words(c, j, end, share, &n->v, &n->scaled) : j;
		if (n->end == j)
			n->v = share;
		return true;
	}
	if ((tok_is(c, i, end, "a") || tok_is(c, i, end, "an")) &&
	    multiplier_at(c, i + 1, end) > 0 &&
	    (k = parse_number_words(c, i + 1, end, 1, &n->v, &n->scaled)) > i + 1) {
		n->end = k;	/* "a hundred", "a million" */
		return true;
	}
	if ((k = article_number(c, i, end)) > i) {
		n->v = 1;
		n->end = k;
		n->weak = true;
		return true;
	}
	if ((k = parse_number_words(c, i, end, 0, &n->v, &n->scaled)) == i)
		return false;
	n->end = k;
	n->weak = k == i + 1 && n->v == 1;	/* "one" alone */
	n->zero = n->v == 0;
	return true;
}

/* "two thirds", "three quarters of", "a third of": a share, in percent.
 * Returns the token after it, or i. */
static size_t
parse_fraction(const struct ctx *c, size_t i, size_t end, struct fig *f)
{
	size_t j = i;
	double d;

	/* "two-thirds of": the hyphen glued on both sides */
	if (j + 2 < end && tok_dash(c, j, end) && !c->tok[j].sp && !c->tok[j + 1].sp &&
	    tok_is(c, j + 2, end, "of"))
		j++;
	d = fraction_at(c, j, end);
	/* "quarter(s)" is a period too: "three quarters of" only */
	if (d == 0 || (d == 4 && !tok_is(c, j + 1, end, "of")) || f->v >= d)
		return i;
	f->v = round(f->v / d * 1000) / 10;
	strcpy(f->unit, "percent");
	return j + 1;
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
	SET_UNIT(f->unit, unit);
	/* "2.5% pts.": the abbreviation's full stop */
	if (n > 1 && tok_punct(c, i, end, '%') && tok_punct(c, i + n, end, '.'))
		n++;
	return i + n;
}

/* Token i can start a unit: a sign ("%", "-year"), a unit word, or the
 * first word of a unit phrase ("per cent", "percentage points", "metric
 * tons"). */
static bool
unit_start(const struct ctx *c, size_t i, size_t end)
{
	return i < end && (c->tok[i].kind == T_PUNCT || tok_has(c, i, end, UNIT_WORD) ||
			   (c->tok[i].starts & (W(PERCENT) | W(MASS))));
}

/* A one-letter unit ("h", "s", "k", "m", "g") counts glued to its number
 * ("3h", "17s"), or alone at the end of a clause ("3 h.", "2.33 k."): a
 * letter in running text is something else. */
static bool
letter_unit_fits(const struct ctx *c, size_t i, size_t end)
{
	const struct tok *t = &c->tok[i];

	if (!t->sp || !lex_is(c->lex.lx, t->low, strlen(t->low), METRICS_LETTER_UNIT))
		return true;
	return i + 1 >= end || (c->tok[i + 1].kind == T_PUNCT &&
				c->tok[i + 1].cp != '%' && c->tok[i + 1].cp != '-');
}

/* The duration word at token i, in a number's unit: its size in seconds,
 * *name its unit and *count how many of it; 0 when none.  "m" is minutes
 * after a larger unit of time (big: its size in seconds, "1h 30m") or
 * before a number of seconds ("2m 31s"); elsewhere a million. */
static double
duration_at(const struct ctx *c, size_t i, size_t end, double big,
	    const char **name, double *count)
{
	const struct tok *t = &c->tok[i];
	double secs;

	if (i >= end || t->kind != T_WORD || !letter_unit_fits(c, i, end))
		return 0;
	if (!strcmp(t->low, "m") && !t->sp &&
	    (big >= 3600 || (i + 2 < end && c->tok[i + 1].kind == T_NUM &&
			     !strcmp(c->tok[i + 2].low, "s") && !c->tok[i + 2].sp))) {
		*name = "minutes";
		*count = 1;
		return 60;
	}
	secs = duration_word(c, t->low, name, count);
	return secs;
}

/* Durations ("3-year", "48,810 hours", "3h", "two decades") and mass
 * ("500 grams", "16,000 metric tons", "200lbs", "three-ton", "20 (kg)").
 * Returns the token after the unit, or i. */
static size_t
parse_physical(const struct ctx *c, size_t i, size_t end, struct fig *f)
{
	const char *dname, *v;
	size_t j = i, n;
	double count, m;
	bool paren = false;

	/* "3-year", "three-ton": a hyphen glued on both sides */
	if (tok_dash(c, j, end) && !c->tok[j].sp && j + 1 < end &&
	    !c->tok[j + 1].sp && c->tok[j + 1].kind == T_WORD)
		j++;
	/* "20 (kg)": a unit alone in parentheses */
	else if (tok_punct(c, j, end, '(') && j + 2 < end &&
		 tok_punct(c, j + 2, end, ')') && strlen(c->tok[j + 1].low) > 1) {
		j++;
		paren = true;
	}
	if (j >= end || c->tok[j].kind != T_WORD)
		return i;
	if (duration_at(c, j, end, 0, &dname, &count) > 0) {
		f->v *= count;
		f->vmax *= count;
		strcpy(f->unit, dname);
		return j + 1 + paren;
	}
	if ((n = phrase_at(c, j, end, W(MASS), &v)) > 0 && (m = strtod(v, NULL)) > 0 &&
	    letter_unit_fits(c, j, end)) {
		f->v *= m;
		f->vmax *= m;
		strcpy(f->unit, "kg");
		return j + n + paren;
	}
	return i;
}

/* A unit that is a currency's code: "GBP", "USD" (three capitals). */
static bool
money_unit(const char *u)
{
	return strlen(u) == CODE_LETTERS && isupper((unsigned char)u[0]) &&
	       isupper((unsigned char)u[1]) && isupper((unsigned char)u[2]);
}

/* Set figure f in currency v, a currency row's value ("GBP", "0.01
 * GBP"). */
static void
set_money(struct fig *f, const char *v)
{
	double scale;
	const char *code = currency_code(v, &scale);

	f->v *= scale;
	f->vmax *= scale;
	SET_UNIT(f->unit, code);
}

/* A currency after the number: a code ("350 GBP", "half million usd"), a
 * word ("361 million pounds", "470 pence", "50p", "12 us dollars").
 * "pounds" is weight unless the amount is scaled ("361 million pounds")
 * or sterling ("200 pounds sterling"): reports write money with "£".
 * Returns the token after it, or i. */
static size_t
currency_after(const struct ctx *c, size_t i, size_t end, struct fig *f,
	       bool scaled)
{
	const char *v;
	size_t n;

	if (i >= end || c->tok[i].kind != T_WORD ||
	    (n = phrase_at(c, i, end, W(CURRENCY), &v)) == 0 ||
	    !letter_unit_fits(c, i, end))
		return i;
	if (n == 1 && tok_has(c, i, end, W(MASS)) && !scaled &&
	    !tok_is(c, i + 1, end, "sterling"))
		return i;
	if (n == 1 && tok_is(c, i + 1, end, "sterling"))
		n++;
	set_money(f, v);
	return i + n;
}

/* "2m 31s", "1m 05s": an "m" glued before a number of seconds is
 * minutes, not a million. */
static bool
minutes_before_seconds(const struct ctx *c, size_t i, size_t end)
{
	const char *dn;
	double k;

	return duration_at(c, i, end, 0, &dn, &k) == 60 && !strcmp(c->tok[i].low, "m");
}

/* The currency before the number at token i of s: a sign, glued or not
 * ("£4m", "$ 300"), maybe with a minus between them ("£-5m") or before
 * it ("-£5m"), or a code in capitals ("GBP 350", "USD 22.5 million").
 * Returns the currency (the lexicon's value: "GBP", "0.01 GBP"), with
 * *start its first token and *neg for a minus; NULL when none. */
static const char *
currency_before(const struct ctx *c, struct span s, size_t i, size_t *start,
		bool *neg)
{
	const char *v = NULL;
	const struct tok *t;
	size_t k = i, q;

	*neg = false;
	*start = i;
	if (k >= s.a + 2 && tok_dash(c, k - 1, s.b) && !c->tok[k].sp &&
	    !c->tok[k - 1].sp && c->tok[k - 2].kind == T_PUNCT) {
		k--;		/* "£-5m" */
		*neg = true;
	}
	if (k <= s.a || !tok_has(c, k - 1, s.b, W(CURRENCY)))
		goto none;
	t = &c->tok[k - 1];
	if (t->kind == T_WORD) {
		if (t->e - t->s != CODE_LETTERS)
			goto none;
		for (q = t->s; q < t->e; q++)
			if (!isupper((unsigned char)c->text[q]))
				goto none;
	} else if (t->kind != T_PUNCT) {
		goto none;
	}
	if (phrase_at(c, k - 1, s.b, W(CURRENCY), &v) != 1)
		goto none;
	k--;
	/* "-£5m": a minus glued before the sign, not a hyphen after a word */
	if (!*neg && t->kind == T_PUNCT && k > s.a && tok_dash(c, k - 1, s.b) &&
	    !t->sp && (k - 1 == s.a || c->tok[k - 1].sp))
		*neg = true;
	*start = k;
	return v;
none:
	*neg = false;
	return NULL;
}

/* After the number at [.., i): magnitude, currency, share, percent,
 * points, duration, mass, else a count.  money is the currency a sign or
 * code before the number gave ("GBP"), or NULL; scaled, that its words
 * named a thousand or more ("half a million").  Fills f->unit and scales
 * f->v; returns the token after the unit. */
static size_t
parse_unit(struct ctx *c, size_t i, size_t end, struct fig *f, const char *money,
	   bool scaled)
{
	double m;
	size_t j;
	bool glued = i < end && !c->tok[i].sp;

	if (glued && minutes_before_seconds(c, i, end)) {
		strcpy(f->unit, "minutes");
		return i + 1;
	}
	if (tok_has(c, i, end, W(MAGNITUDE)) && letter_unit_fits(c, i, end) &&
	    (m = magnitude(c, c->tok[i].low)) > 0) {
		f->v *= m;
		f->vmax *= m;
		scaled = true;
		i++;
	}
	if (money) {
		set_money(f, money);
		return i;
	}
	if ((j = currency_after(c, i, end, f, scaled)) > i)
		return j;
	/* only a unit word or a sign ("%", "-year") can start a unit */
	if (unit_start(c, i, end) &&
	    ((j = parse_fraction(c, i, end, f)) > i ||
	     (j = parse_percent(c, i, end, f)) > i ||
	     (j = parse_physical(c, i, end, f)) > i))
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

/* The parts of one duration after the first, summed in the smallest unit
 * named: "2 mins 43 seconds", "1h 30m", "an hour and 45 minutes", "2 years
 * and 3 months", "1 year 1 month 21 days", "an hour and a half".  A part
 * after "and" or a comma must be smaller than the one before it (else it
 * is a list: "4 hours and 6 days").  Returns the token after the last
 * part; *more when there was one. */
static size_t
parse_compound_duration(struct ctx *c, size_t i, size_t end, struct fig *f,
			bool *more)
{
	const char *name, *small = f->unit;
	double size = unit_seconds(f->unit), last, ssize, count, secs, add;
	size_t j, parts;
	bool joined;
	struct number n;

	if (size == 0 || f->has_max)
		return i;
	secs = f->v * size;
	last = size;
	for (parts = 1; parts < COMPOUND_PARTS; parts++) {
		if ((j = and_fraction(c, i, end, &add)) > i) {
			secs += add * last;	/* "an hour and a half" */
			i = j;
			*more = true;
			break;
		}
		j = i;
		joined = tok_is(c, j, end, "and") || tok_punct(c, j, end, ',');
		j += joined;
		if (j >= end || (c->tok[j].kind != T_NUM && c->tok[j].kind != T_WORD) ||
		    !parse_one_number(c, j, end, &n) || n.weak || n.form != DIGITS_PLAIN ||
		    (ssize = duration_at(c, n.end, end, last, &name, &count)) == 0 ||
		    ssize == last || (joined && ssize > last))
			break;
		secs += n.v * ssize;
		if (ssize / count < size) {
			size = ssize / count;
			small = name;
		}
		last = ssize;
		i = n.end + 1;
		*more = true;
	}
	if (*more) {
		f->v = f->vmax = secs / size;
		memmove(f->unit, small, strlen(small) + 1);
	}
	return i;
}

/* "per day", "a week", "each month", "per calendar month": a rate, of a
 * count, an amount of money or a duration. */
static size_t
parse_rate(struct ctx *c, size_t i, size_t end, struct fig *f)
{
	const char *per = NULL;
	size_t j, k;
	char base[sizeof f->unit];

	/* the rate may follow the counted noun: "1,030 calls per day", "100
	 * more offences per month" */
	for (j = i; j < end && j < i + RATE_REACH; j++) {
		if (tok_has(c, j, end, W(RATE_PER))) {
			k = j + 1;
			if (tok_is(c, k, end, "calendar"))
				k++;
			/* "3.4 shifts a year ago": a point in the past,
			 * no rate */
			if (tok_has(c, k, end, W(RATE_BASE)) && !tok_has(c, k + 1, end, W(AGO)) &&
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
		    (c->tok[j].cls & W(STOP)) && !(c->tok[j].cls & W(MODIFIER)))
			return i;
		if (c->tok[j].kind == T_NUM && !(j > i && c->tok[j - 1].kind == T_PUNCT &&
						 is_quote(c->tok[j - 1].cp)))
			return i;	/* only a quoted channel: '999' calls */
	}
	return i;
found:
	if (strcmp(f->unit, "count") && unit_seconds(f->unit) == 0 && !money_unit(f->unit))
		return i;
	SET_UNIT(base, f->unit);
	if (strlen(base) + strlen(per) + 2 > sizeof f->unit)
		return i;
	memcpy(f->unit + strlen(base), "/", 2);
	strcat(f->unit, per);
	return j == i ? k + 1 : i;
}

/* "3:31", "1:05:20": a table cell that is a duration as a clock shows
 * it (m:ss, h:mm:ss), in seconds.  False when the cell is anything else.
 * In running text "10:30" is a time of day (filter.c); a table column of
 * these is a column of durations ("Average time to answer (m:ss)"). */
static bool
cell_duration(const char *s, size_t n, double *secs)
{
	double part[3], k;
	size_t np = 0, i = 0, d;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	while (i < n && s[i] == ' ')
		i++;
	while (i < n && np < 3) {
		for (d = 0, k = 0; i < n && is_ascii_digit((unsigned char)s[i]); i++, d++)
			k = k * 10 + (s[i] - '0');
		if (d == 0 || (np > 0 && (d != 2 || k >= 60)))
			return false;
		part[np++] = k;
		if (i < n && s[i] == ':')
			i++;
		else
			break;
	}
	if (i != n || np < 2)
		return false;
	*secs = np == 2 ? part[0] * 60 + part[1] :
		part[0] * 3600 + part[1] * 60 + part[2];
	return true;
}
