/* period.c: the grammar of reporting periods.
 *
 * A line is cut into tokens (words, digit runs, dashes, slashes); small
 * patterns over the tokens give the parts a period is made of:
 *
 *   financial year   2019/20  2019-20  2023/2024  (the years consecutive)
 *   quarter          Quarter 2  Qtr 2  Q2  quarter two  second quarter
 *   month            September 2019  Sept 2019  Jun-23  1 JAN 2025
 *   span             April to June 2020  1 JAN 2025 – 31 MAR 2025
 *                    12 months to March 2017  year ending March 2017
 *
 * and the line's period is the strongest whole one: a quarter (with its
 * year from a financial year or a span in the line), a span, a financial
 * year, a month.  The words are data/lexicon/dates.tsv. */
#include <stdio.h>
#include <string.h>

#include "lex-dates.h"
#include "period.h"

enum tk { TK_WORD, TK_NUM, TK_DASH, TK_SLASH, TK_OTHER };

struct tok {
	enum tk kind;
	int val;		/* TK_NUM: its value (capped); TK_WORD "q1".."q4": 1-4 */
	size_t digits;		/* TK_NUM: how many digits */
	char w[16];		/* TK_WORD: lower case; wn 0 when longer */
	size_t wn;
};

enum {
	TOK_MAX = 256,		/* tokens of a line read: a title is short */
	NUM_CAP = 100000	/* digit runs are read up to this value */
};

/* The period words: a constant table (lib/lex.h). */
static const struct lex *
words(void)
{
	return lex_open(&dates_lex);
}

/* Bytes of the dash at s (hyphen, the U+2010-2015 dashes, minus), or 0. */
static size_t
dash_at(const unsigned char *s, size_t n)
{
	if (n >= 1 && s[0] == '-')
		return 1;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x90 && s[2] <= 0x95)
		return 3;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x88 && s[2] == 0x92)
		return 3;
	return 0;
}

static bool
is_alpha(unsigned char c)
{
	return (c | 32) >= 'a' && (c | 32) <= 'z';
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static size_t
tokenize(const char *str, size_t n, struct tok *t, size_t max)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, nt = 0, k;

	while (i < n && nt < max) {
		struct tok *x = &t[nt];

		memset(x, 0, sizeof *x);
		if (is_digit(s[i])) {
			x->kind = TK_NUM;
			for (; i < n && is_digit(s[i]); i++, x->digits++)
				if (x->val < NUM_CAP)
					x->val = x->val * 10 + (s[i] - '0');
			/* "6th", "31st": an ordinal day is a number too */
			if (i + 1 < n && is_alpha(s[i]) && is_alpha(s[i + 1]) &&
			    (i + 2 >= n || !is_alpha(s[i + 2])))
				i += 2;
		} else if (is_alpha(s[i])) {
			x->kind = TK_WORD;
			for (k = i; k < n && (is_alpha(s[k]) || is_digit(s[k])); k++)
				if (k - i < sizeof x->w - 1)
					x->w[k - i] = (char)(s[k] | 32);
			x->wn = k - i < sizeof x->w ? k - i : 0;
			if (x->wn == 2 && x->w[0] == 'q' && x->w[1] >= '1' && x->w[1] <= '4')
				x->val = x->w[1] - '0';
			i = k;
		} else if ((k = dash_at(s + i, n - i))) {
			x->kind = TK_DASH;
			i += k;
		} else if (s[i] == '/') {
			x->kind = TK_SLASH;
			i++;
		} else if (s[i] == ' ' || s[i] == '\t' || s[i] == ',' || s[i] == '.') {
			i++;	/* separators: what stands around them still joins */
			continue;
		} else {
			x->kind = TK_OTHER;
			while (++i < n && (s[i] & 0xC0) == 0x80)
				;
		}
		nt++;
	}
	return nt;
}

static int
small_int(const char *v)
{
	int x = 0;

	while (is_digit((unsigned char)*v) && x < NUM_CAP)
		x = x * 10 + (*v++ - '0');
	return x;
}

/* A word's value in a class of the dates lexicon: 0 when it is not in
 * the class, 1 when it is but the class gives no number. */
static int
in_class(const struct tok *t, unsigned cls)
{
	const char *v;

	if (t->kind != TK_WORD || t->wn == 0 ||
	    !(v = lex_value(words(), t->w, t->wn, cls)))
		return 0;
	return *v ? small_int(v) : 1;
}

int
period_month(const char *w, size_t n)
{
	char low[16];
	size_t i;
	const char *v;

	if (n == 0 || n >= sizeof low)
		return 0;
	for (i = 0; i < n; i++)
		low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
	v = lex_value(words(), low, n, DATES_MONTH);
	return v ? small_int(v) : 0;
}

/* ---- the parts of a period ---- */

struct ym {
	int y, m;		/* calendar year (0: not given) and month */
};

static bool
year4(const struct tok *t)
{
	return t->kind == TK_NUM && t->digits == 4 && t->val >= 1900 && t->val < 2200;
}

/* Financial year "2019/20", "2019-20", "2023/2024" at t[i]: tokens used. */
static size_t
fin_year(const struct tok *t, size_t i, size_t nt, int *fy)
{
	const struct tok *b;

	if (i + 2 >= nt || !year4(&t[i]) ||
	    (t[i + 1].kind != TK_SLASH && t[i + 1].kind != TK_DASH))
		return 0;
	b = &t[i + 2];
	if (b->kind != TK_NUM ||
	    !((b->digits == 2 && b->val == (t[i].val + 1) % 100) ||
	      (b->digits == 4 && b->val == t[i].val + 1)))
		return 0;
	/* a date "2019/20/21" is not a year */
	if (i + 4 < nt && t[i + 3].kind == t[i + 1].kind && t[i + 4].kind == TK_NUM)
		return 0;
	*fy = t[i].val;
	return 3;
}

/* "first" .. "fourth" (not "one" .. "four") can stand before "quarter". */
static bool
ordinal_word(const struct tok *t)
{
	size_t n = t->wn;

	return n > 2 && (!strcmp(t->w + n - 2, "st") || !strcmp(t->w + n - 2, "nd") ||
			 !strcmp(t->w + n - 2, "rd") || !strcmp(t->w + n - 2, "th"));
}

/* A quarter "Q2", "Quarter 2", "Qtr 2", "quarter two", "second quarter"
 * at t[i]: tokens used, *q its number. */
static size_t
quarter_at(const struct tok *t, size_t i, size_t nt, int *q)
{
	int v;

	if (t[i].kind == TK_WORD && t[i].val) {
		*q = t[i].val;
		return 1;
	}
	if (i + 1 >= nt)
		return 0;
	if (in_class(&t[i], DATES_QUARTER)) {
		if (t[i + 1].kind == TK_NUM && t[i + 1].digits == 1 &&
		    t[i + 1].val >= 1 && t[i + 1].val <= 4) {
			*q = t[i + 1].val;
			return 2;
		}
		if ((v = in_class(&t[i + 1], DATES_ORDINAL))) {
			*q = v;
			return 2;
		}
	}
	if ((v = in_class(&t[i], DATES_ORDINAL)) && ordinal_word(&t[i]) &&
	    in_class(&t[i + 1], DATES_QUARTER)) {
		*q = v;
		return 2;
	}
	return 0;
}

/* A month "September 2019", "Sept 2019", "Jun-23", "1 JAN 2025" at t[i]:
 * tokens used.  Without need_year, a month alone ("April" of "April to
 * June 2020") is one too, with year 0. */
static size_t
month_at(const struct tok *t, size_t i, size_t nt, bool need_year, struct ym *out)
{
	size_t j = i;
	int m;

	if (j >= nt)
		return 0;	/* "... May to" at the line's end: no second month */
	if (t[j].kind == TK_NUM && t[j].digits <= 2 && t[j].val >= 1 &&
	    t[j].val <= 31 && j + 1 < nt && in_class(&t[j + 1], DATES_MONTH))
		j++;	/* the day of a date */
	if (!(m = in_class(&t[j], DATES_MONTH)))
		return 0;
	out->m = m;
	out->y = 0;
	j++;
	if (j < nt && year4(&t[j])) {
		out->y = t[j].val;
		return j + 1 - i;
	}
	if (j + 1 < nt && t[j].kind == TK_DASH && t[j + 1].kind == TK_NUM &&
	    t[j + 1].digits == 2) {
		out->y = 2000 + t[j + 1].val;
		return j + 2 - i;
	}
	return need_year ? 0 : j - i;
}

static int
months_between(struct ym a, struct ym b)
{
	return (b.y * 12 + b.m) - (a.y * 12 + a.m) + 1;
}

/* A span "April to June 2020", "1 JAN 2025 – 31 MAR 2025", "12 months to
 * March 2017", "year ending March 2017" at t[i]: tokens used. */
static size_t
span_at(const struct tok *t, size_t i, size_t nt, struct ym *a, struct ym *b)
{
	size_t k, j;
	int len = 0, unit;

	if ((k = month_at(t, i, nt, false, a)) && i + k < nt &&
	    (t[i + k].kind == TK_DASH || in_class(&t[i + k], DATES_RANGE)) &&
	    (j = month_at(t, i + k + 1, nt, true, b))) {
		if (a->y == 0)
			a->y = a->m <= b->m ? b->y : b->y - 1;
		return months_between(*a, *b) >= 1 ? k + 1 + j : 0;
	}
	j = i;
	if (t[j].kind == TK_NUM && t[j].digits <= 2 && t[j].val >= 1) {
		len = t[j].val;
		j++;
	}
	if (j + 1 >= nt || !(unit = in_class(&t[j], DATES_SPAN_UNIT)) ||
	    !in_class(&t[j + 1], DATES_ENDING) ||
	    !(k = month_at(t, j + 2, nt, true, b)))
		return 0;
	if (len == 0) {
		if (unit != 12)	/* "year ending"; "months to March" says no length */
			return 0;
		len = 1;
	}
	len *= unit;
	a->y = b->y;
	a->m = b->m - len + 1;
	while (a->m < 1) {
		a->m += 12;
		a->y--;
	}
	return j + 2 + k - i;
}

/* ---- a period from its parts ---- */

static int
fy_of(struct ym x)
{
	return x.m >= 4 ? x.y : x.y - 1;
}

static int
q_of(struct ym x)
{
	return (x.m + 8) % 12 / 3 + 1;
}

static void
from_span(struct ym a, struct ym b, struct period *p)
{
	int months = months_between(a, b);
	bool q_end = b.m % 3 == 0;

	memset(p, 0, sizeof *p);
	if (months == 12 && b.m == 3) {
		p->kind = PERIOD_YEAR;
		p->fy = fy_of(b);
	} else if (q_end && (months == 3 || (a.m == 4 && months <= 12))) {
		/* a quarter, or the financial year to date at a quarter's end */
		p->kind = PERIOD_QUARTER;
		p->fy = fy_of(b);
		p->q = q_of(b);
	} else if (months == 1) {
		p->kind = PERIOD_MONTH;
		p->year = b.y;
		p->month = b.m;
	} else {
		p->kind = PERIOD_SPAN;
		p->year = a.y;
		p->month = a.m;
		p->year2 = b.y;
		p->month2 = b.m;
	}
}

/* The parts a line names: the first of each kind. */
struct parts {
	int fy, q;		/* 0: none */
	bool span, month;
	struct ym a, b, m;
	struct ym bare;		/* a month without a year, for period_resolve */
};

static void
find_parts(const char *s, size_t n, struct parts *pt)
{
	struct tok t[TOK_MAX];
	size_t nt = tokenize(s, n, t, TOK_MAX), i = 0, k;
	struct ym a, b;
	int v;

	memset(pt, 0, sizeof *pt);
	while (i < nt) {
		if ((k = span_at(t, i, nt, &a, &b))) {
			if (!pt->span) {
				pt->span = true;
				pt->a = a;
				pt->b = b;
			}
		} else if ((k = fin_year(t, i, nt, &v))) {
			if (!pt->fy)
				pt->fy = v;
		} else if ((k = quarter_at(t, i, nt, &v))) {
			if (!pt->q)
				pt->q = v;
		} else if ((k = month_at(t, i, nt, false, &a))) {
			if (a.y && !pt->month) {
				pt->month = true;
				pt->m = a;
			} else if (!a.y && !pt->bare.m) {
				pt->bare = a;
			}
		} else {
			k = 1;
		}
		i += k;
	}
}

bool
period_find(const char *s, size_t n, struct period *p)
{
	struct parts pt;

	find_parts(s, n, &pt);
	memset(p, 0, sizeof *p);
	if (pt.q && (pt.fy || pt.span)) {
		p->kind = PERIOD_QUARTER;
		p->q = pt.q;
		p->fy = pt.fy ? pt.fy : fy_of(pt.b);
	} else if (pt.span) {
		from_span(pt.a, pt.b, p);
	} else if (pt.fy) {
		p->kind = PERIOD_YEAR;
		p->fy = pt.fy;
	} else if (pt.month) {
		p->kind = PERIOD_MONTH;
		p->year = pt.m.y;
		p->month = pt.m.m;
	}
	return p->kind != PERIOD_NONE;
}

char *
period_format(const struct period *p, char *out)
{
	switch (p->kind) {
	case PERIOD_QUARTER:
		snprintf(out, PERIOD_TEXT_MAX, "%04d/%02d Q%d", p->fy,
			 (p->fy + 1) % 100, p->q);
		break;
	case PERIOD_YEAR:
		snprintf(out, PERIOD_TEXT_MAX, "%04d/%02d", p->fy, (p->fy + 1) % 100);
		break;
	case PERIOD_MONTH:
		snprintf(out, PERIOD_TEXT_MAX, "%04d-%02d", p->year, p->month);
		break;
	case PERIOD_SPAN:
		snprintf(out, PERIOD_TEXT_MAX, "%04d-%02d/%04d-%02d", p->year,
			 p->month, p->year2, p->month2);
		break;
	default:
		out[0] = '\0';
	}
	return out;
}

/* n digits at s: their value, or -1. */
static int
digits(const char *s, size_t n)
{
	int v = 0;

	while (n--) {
		if (!is_digit((unsigned char)*s))
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

bool
period_parse(const char *s, size_t n, struct period *p)
{
	int y = n >= 4 ? digits(s, 4) : -1, a, b;

	memset(p, 0, sizeof *p);
	if (y < 0 || n < 7)
		return false;
	a = digits(s + 5, 2);
	if (s[4] == '/' && a == (y + 1) % 100) {
		p->fy = y;
		if (n == 7) {
			p->kind = PERIOD_YEAR;
			return true;
		}
		if (n == 10 && s[7] == ' ' && (s[8] | 32) == 'q' &&
		    s[9] >= '1' && s[9] <= '4') {
			p->kind = PERIOD_QUARTER;
			p->q = s[9] - '0';
			return true;
		}
		return false;
	}
	if (s[4] != '-' || a < 1 || a > 12)
		return false;
	p->year = y;
	p->month = a;
	if (n == 7) {
		p->kind = PERIOD_MONTH;
		return true;
	}
	if (n == 15 && s[7] == '/' && (y = digits(s + 8, 4)) >= 0 && s[12] == '-' &&
	    (b = digits(s + 13, 2)) >= 1 && b <= 12) {
		p->kind = PERIOD_SPAN;
		p->year2 = y;
		p->month2 = b;
		return months_between((struct ym){p->year, p->month},
				      (struct ym){p->year2, p->month2}) >= 1;
	}
	return false;
}

long
period_quarter(const struct period *p)
{
	switch (p->kind) {
	case PERIOD_QUARTER:
		return (long)p->fy * 4 + p->q - 1;
	case PERIOD_YEAR:
		return (long)p->fy * 4 + 3;
	case PERIOD_MONTH:
		return (long)fy_of((struct ym){p->year, p->month}) * 4 +
		       q_of((struct ym){p->year, p->month}) - 1;
	case PERIOD_SPAN:
		return (long)fy_of((struct ym){p->year2, p->month2}) * 4 +
		       q_of((struct ym){p->year2, p->month2}) - 1;
	default:
		return -1;
	}
}

/* The most recent month m at or before the end of quarter now. */
static long
recent_month(int m, long now)
{
	long fy = now / 4, q = now % 4;		/* q 0 is April to June */
	long end = fy * 12 + 3 + q * 3 + 2;	/* months since year 0, 0-based */

	while (end % 12 != m - 1)
		end--;
	return period_quarter(&(struct period){.kind = PERIOD_MONTH,
		.year = (int)(end / 12), .month = (int)(end % 12) + 1});
}

long
period_resolve(const char *s, size_t n, long now)
{
	struct period p;
	struct parts pt;
	struct tok t[TOK_MAX];
	struct lex_word w[8];
	size_t nt, i, k;
	const char *v;

	if (period_parse(s, n, &p) || period_find(s, n, &p))
		return period_quarter(&p);
	if (now < 0)
		return -1;
	find_parts(s, n, &pt);
	if (pt.q)	/* "in Quarter 2": the latest quarter 2 */
		return pt.q - 1 <= now % 4 ? now - now % 4 + pt.q - 1
					   : now - now % 4 - 4 + pt.q - 1;
	if (pt.bare.m)	/* "from 309 in December" */
		return recent_month(pt.bare.m, now);
	nt = tokenize(s, n, t, TOK_MAX);
	for (i = 0; i < nt; i++) {
		for (k = 0; k < 8 && i + k < nt && t[i + k].kind == TK_WORD &&
		     t[i + k].wn; k++)
			w[k] = (struct lex_word){t[i + k].w, t[i + k].wn};
		if (k && lex_phrase(words(), w, k, LEX_BIT(DATES_BACK), NULL, &v))
			return now - small_int(v);
	}
	return -1;
}
