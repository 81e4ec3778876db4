/* lexicon.c: the words the grammar knows, kept as data.
 *
 * data/lexicon/metrics.tsv holds every word list of the grammar (stop
 * words, change words, units, number words, the words that make a number
 * a name...) as rows of a class, and metrics.classes.tsv says what each
 * class means.  The build turns them into build/gen/lex-metrics.h: enum
 * METRICS_STOP..., and the table metrics_lex that lib/lex.h looks up.  A
 * word token carries the bit set of its classes, looked up once when it
 * is tokenized, so that a rule tests a bit: tok_has(c, i, end, W(STOP)).
 * Phrases of several words ("percentage points", "more than") are rows
 * too, matched by phrase_at and phrase_ending (tokens.c).  Month names are lib/period's (period_month), never a
 * list of ours.  To teach the grammar a word, add a row to metrics.tsv. */
#include "lex-dates.h"
#include "lex-metrics.h"

/* The words of class K of the lexicon, as a mask: W(STOP), W(RISE) | W(FALL). */
#define W(K) LEX_BIT(METRICS_##K)

/* Number words, of both classes. */
#define NUMBER_WORD (W(NUMBER) | W(MULTIPLIER))

/* Words that can open a figure: number words, and fractions ("half a
 * million", "an hour and a half"). */
#define FIGURE_WORD (NUMBER_WORD | W(FRACTION))

/* Words that can follow a number as its unit or scale. */
#define UNIT_WORD (W(DURATION) | W(MASS) | W(MAGNITUDE) | W(FRACTION) | W(PERCENT))

/* Note a word among the initials of its class. */
static void
initials_add(struct initials *in, const char *w)
{
	size_t n = strlen(w);

	in->first[(unsigned char)w[0]] = true;
	in->first[toupper((unsigned char)w[0])] = true;
	if (in->min == 0 || n < in->min)
		in->min = n;
	if (n > in->max)
		in->max = n;
}

/* A word of n bytes, starting with byte ch, may be in the class. */
static bool
initials_may(const struct initials *in, unsigned char ch, size_t n)
{
	return n >= in->min && n <= in->max && in->first[ch];
}

/* Open the lexicon, and note the words of its longest phrase, the
 * initials of the words that can make a figure (number words but "one",
 * which alone never does: with another number word, that word is seen;
 * fractions: "an hour and a half") and the initials of month names. */
static void
lexicon_open(struct lexicon *lx)
{
	size_t i, n;

	memset(lx, 0, sizeof *lx);
	lx->lx = lex_open(&metrics_lex);
	for (i = 0; i < metrics_lex.nrow; i++) {
		const struct lex_row *r = &metrics_lex.row[i];
		const char *sp;

		for (n = 1, sp = r->phrase; (sp = strchr(sp, ' ')); sp++)
			n++;
		if (n > lx->max_words)
			lx->max_words = n;
		if (n == 1 && (r->cls == METRICS_MULTIPLIER || r->cls == METRICS_FRACTION ||
			       (r->cls == METRICS_NUMBER && atoi(r->value) != 1)))
			initials_add(&lx->num, r->phrase);
	}
	for (i = 0; i < dates_lex.nrow; i++)
		if (dates_lex.row[i].cls == DATES_MONTH)
			initials_add(&lx->month, dates_lex.row[i].phrase);
	for (i = 1; i <= 12; i++) {
		char *sp = period_words(&(struct period){.kind = PERIOD_MONTH,
							 .year = 2000, .month = (int)i},
					lx->month_name[i]);

		if ((sp = strchr(sp, ' ')))
			*sp = '\0';	/* "April 2000": its month */
	}
}

static void
lexicon_close(struct lexicon *lx)
{
	lex_close(lx->lx);
	lx->lx = NULL;
}

/* The value a word w of n bytes has in class cls, or NULL. */
static const char *
word_value(const struct ctx *c, const char *w, size_t n, unsigned cls)
{
	return n ? lex_value(c->lex.lx, w, n, cls) : NULL;
}

/* The units a duration is given in, and their size in seconds: the
 * lexicon's duration class names one of these as a word's value, after
 * how many of them the word is ("10 years": a decade). */
static const struct {
	const char *unit;
	double secs;
} time_units[] = {
	{"seconds", 1}, {"minutes", 60}, {"hours", 3600}, {"days", 86400},
	{"weeks", 604800}, {"months", 2629800}, {"years", 31557600},
};

/* Copy unit name u into the unit field dst of cap bytes, cut to fit
 * (a unit is a short name: "count", "hours/week", "GBP/year"). */
static void
set_unit(char *dst, size_t cap, const char *u)
{
	size_t n = strlen(u);

	if (n >= cap)
		n = cap - 1;
	memcpy(dst, u, n);
	dst[n] = '\0';
}

#define SET_UNIT(dst, u) set_unit((dst), sizeof (dst), (u))

/* The size in seconds of a unit the output names ("hours"), or 0. */
static double
unit_seconds(const char *unit)
{
	size_t k;

	for (k = 0; k < sizeof time_units / sizeof time_units[0]; k++)
		if (!strcmp(unit, time_units[k].unit))
			return time_units[k].secs;
	return 0;
}

/* A duration word ("mins", "hours", "decades") or unit name: its size in
 * seconds, with *name the unit it is given in and *count how many of that
 * unit it is (10 for "decades"); 0 when w is none. */
static double
duration_word(const struct ctx *c, const char *w, const char **name,
	      double *count)
{
	const char *u = word_value(c, w, strlen(w), METRICS_DURATION);
	char *end;
	double k = 1, secs;

	if (!u)
		return 0;
	if (u[0] >= '0' && u[0] <= '9') {
		k = strtod(u, &end);
		u = end + (*end == ' ');
	}
	if ((secs = unit_seconds(u)) == 0)
		return 0;
	*name = u;
	*count = k;
	return k * secs;
}

/* A duration word or unit name: its size in seconds, *name the unit it
 * is given in; 0 when w is none. */
static double
duration_unit(const struct ctx *c, const char *w, const char **name)
{
	double k;

	return duration_word(c, w, name, &k);
}

/* A unit of mass: kilograms in one, or 0. */
static double
mass_unit(const struct ctx *c, const char *w)
{
	const char *v = word_value(c, w, strlen(w), METRICS_MASS);

	return v ? strtod(v, NULL) : 0;
}

/* A currency row's value "[SCALE ]CODE" ("GBP", "0.01 GBP" for pence):
 * the code, and the scale into *scale. */
static const char *
currency_code(const char *v, double *scale)
{
	char *end;

	*scale = 1;
	if (v[0] >= '0' && v[0] <= '9') {
		*scale = strtod(v, &end);
		v = end + (*end == ' ');
	}
	return v;
}

/* A scale after a number ("million", "bn", "k"), or 0.  A letter ("m",
 * "k") counts only where numbers.c's letter_unit_fits says. */
static double
magnitude(const struct ctx *c, const char *w)
{
	const char *v = word_value(c, w, strlen(w), METRICS_MAGNITUDE);

	return v ? strtod(v, NULL) : 0;
}
