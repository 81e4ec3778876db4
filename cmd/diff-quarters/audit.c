/* audit.c: the audit.  Each figure's own comparisons (direction words,
 * change, % change) recomputed at the report's rounding, and NEW's
 * comparison checked against OLD's figure where it names OLD's quarter. */

static void
because(struct verdict *vd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Append a formatted text to b after "; ", whole: no buffer cuts it. */
static void
add_reason(struct buf *b, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	if (b->len > 0)
		buf_adds(b, "; ");
	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	if (n > 0) {
		buf_grow(b, (size_t)n);
		vsnprintf(b->p + b->len, (size_t)n + 1, fmt, again);
		b->len += (size_t)n;
	}
	va_end(again);
}

/* One more reason a comparison fails. */
static void
because(struct verdict *vd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_reason(&vd->why, fmt, ap);
	va_end(ap);
}

/* A number for a message: as the report wrote it, where it did (a figure
 * of 36 digits is quoted whole, not as the nearest double), else as
 * num_format writes it into b (NUM_TEXT bytes: never cut). */
static const char *
fmt_text(char *b, double v, const char *written)
{
	if (written && *written)
		return written;
	num_format(v, b, NUM_TEXT);
	return b;
}

/* The sign a stated change is shown with: its own, or "+" where the
 * report wrote none before a rise. */
static const char *
sign_of(double v, const char *written)
{
	return *written == '-' || *written == '+' || v <= 0 ? "" : "+";
}

static const char *
fmt_signed(char *b, double v)
{
	num_format_signed(v, b, NUM_TEXT);
	return b;
}

/* Do [lo, hi] and [x - u/2, x + u/2] meet?  The slack covers binary
 * noise in the decimals. */
static bool
meets(double lo, double hi, double x, double u)
{
	double eps = 1e-9 * fmax(1, fabs(x));

	return x + u / 2 + eps >= lo && x - u / 2 - eps <= hi;
}

/* Check a change and a % change against value v and previous p, each
 * known to half its last place: what the report could have computed
 * from the figures as it printed them. */
static void
check_arith(struct verdict *vd, const struct fig *f, double v, double uv,
	    const char *vt, double p, double up, const char *pt, bool change)
{
	char a[NUM_TEXT], b[NUM_TEXT], c[NUM_TEXT], d[NUM_TEXT];
	double lo, hi;

	if (change && f->has_change) {
		vd->checks++;
		lo = v - uv / 2 - (p + up / 2);
		hi = v + uv / 2 - (p - up / 2);
		if (!meets(lo, hi, f->change, f->change_ulp))
			because(vd, "change %s%s, but %s - %s = %s",
				sign_of(f->change, f->s[S_CHANGE_TEXT]),
				fmt_text(a, f->change, f->s[S_CHANGE_TEXT]),
				fmt_text(b, v, vt), fmt_text(c, p, pt),
				fmt_signed(d, v - p));
	}
	if (f->has_pct && p - up / 2 > 0) {
		vd->checks++;
		lo = ((v - uv / 2) / (p + up / 2) - 1) * 100;
		hi = ((v + uv / 2) / (p - up / 2) - 1) * 100;
		if (meets(lo, hi, f->pct, f->pct_ulp))
			return;
		/* "up 3%" of a rate often means points. */
		if (strcmp(f->s[S_UNIT], "percent") == 0 &&
		    meets(v - p - (uv + up) / 2, v - p + (uv + up) / 2,
			  f->pct, f->pct_ulp))
			return;
		because(vd, "change %s%s%%, but %s against %s is %s%%",
			sign_of(f->pct, f->s[S_PCT_TEXT]),
			fmt_text(a, f->pct, f->s[S_PCT_TEXT]), fmt_text(b, v, vt),
			fmt_text(c, p, pt),
			fmt_signed(d, round((v - p) / p * 1000) / 10));
	}
}

static int said_direction(const struct lex *words, const char *text,
			  double prev);

/* A figure's own comparison: direction words, change and % change
 * against its previous figure; without one, % change against change. */
static void
audit_own(struct fig *f, const struct lex *words, const char *evidence)
{
	struct verdict vd = {0, BUF_INIT, BUF_INIT};
	char a[NUM_TEXT], b[NUM_TEXT];
	int said;

	if (f->has_prev) {
		said = said_direction(words, evidence, f->prev);
		if (said != 0) {
			vd.checks++;
			if ((said > 0 && !(f->value > f->prev)) ||
			    (said < 0 && !(f->value < f->prev)))
				because(&vd, "says %s from %s, but %s is %s",
					said > 0 ? "up" : "down",
					fmt_text(a, f->prev, f->s[S_PREV_TEXT]),
					fmt_text(b, f->value, f->s[S_VALUE_TEXT]),
					num_same(f->value, f->prev) ?
					"the same" : said > 0 ? "lower" :
					"higher");
		}
		check_arith(&vd, f, f->value, f->value_ulp,
			    f->s[S_VALUE_TEXT], f->prev, f->prev_ulp,
			    f->s[S_PREV_TEXT], true);
	} else if (f->has_change && f->has_pct) {
		check_arith(&vd, f, f->value, f->value_ulp,
			    f->s[S_VALUE_TEXT], f->value - f->change,
			    f->value_ulp + f->change_ulp, NULL, false);
	}
	f->checks = vd.checks;
	f->why = vd.why.len > 0 ? xstrdup(vd.why.p) : NULL;
	buf_free(&vd.why);
}

static bool
is_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (unsigned char)c >= 0x80;
}

/* The direction the words just before a number give: +1 for "up from",
 * "an increase on"..., -1 for "down from", "fell from"..., 0 for none.
 * The words are data: classes up and down of data/lexicon/quarters.tsv. */
static int
direction_before(const struct lex *words, const char *text, size_t at)
{
	enum {
		NEAR_WORDS = 4,	/* "up 12% from": the words before the number */
		WORD_LEN = 16	/* a longer word is no direction word */
	};
	char word[WORD_LEN];
	size_t end = at, n, i;
	int seen;
	lex_mask cls;

	for (seen = 0; seen < NEAR_WORDS && end > 0; seen++) {
		while (end > 0 && !is_word_char(text[end - 1])) {
			if (strchr(".;:()!?,", text[end - 1]))
				return 0;	/* another clause */
			end--;
		}
		for (n = 0; n < end && is_word_char(text[end - 1 - n]); n++)
			;
		if (n == 0 || n >= sizeof word)
			return 0;
		for (i = 0; i < n; i++)
			word[i] = (char)(text[end - n + i] | 0x20);
		cls = lex_classes(words, word, n);
		if (cls & LEX_BIT(QUARTERS_UP))
			return 1;
		if (cls & LEX_BIT(QUARTERS_DOWN))
			return -1;
		end -= n;
	}
	return 0;
}

/* What the evidence says of the previous figure's direction: the words
 * before its first mention with any ("254, down from 238"). */
static int
said_direction(const struct lex *words, const char *text, double prev)
{
	size_t n = strlen(text);
	struct span num;	/* a number's digits, "1,200" or "5.7" */
	double x;
	int dir;

	for (num.a = 0; num.a < n;
	     num.a = num.b > num.a ? num.b : num.a + 1) {
		size_t i = num.a, j = i;

		num.b = num.a;
		if (text[i] < '0' || text[i] > '9' ||
		    (i > 0 && (text[i - 1] == '.' || text[i - 1] == ',' ||
			       (text[i - 1] >= '0' && text[i - 1] <= '9'))))
			continue;
		while (j < n && ((text[j] >= '0' && text[j] <= '9') ||
				 ((text[j] == ',' || text[j] == '.') &&
				  j + 1 < n && text[j + 1] >= '0' &&
				  text[j + 1] <= '9')))
			j++;
		num.b = j;
		if (!num_parse(text + num.a, span_len(num), &x))
			continue;
		if (j < n && (text[j] == 'm' || text[j] == 'k') &&
		    (j + 1 == n || !is_word_char(text[j + 1])))
			x *= text[j] == 'm' ? 1e6 : 1e3;	/* "£5.7m" */
		if (!num_same(x, prev))
			continue;
		/* the words before it, and before a pound sign ("£238") */
		dir = direction_before(words, text, i > 0 && text[i - 1] == '\xa3' ?
				       i - 1 : i);
		if (dir != 0)
			return dir;
	}
	return 0;
}

/* Does f's paragraph say that the figure x was revised ("revised from
 * the 92 first reported")?  Then a restatement that differs from x is the
 * revision the report explains, not an error. */
static bool
revised_from(const struct fig *f, double x)
{
	uint8_t i;

	for (i = 0; i < f->nrevised; i++)
		if (num_same(f->revised_from[i], x))
			return true;
	return false;
}

/* A note that is not a finding. */
static void
note(struct verdict *vd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
note(struct verdict *vd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_reason(&vd->note, fmt, ap);
	va_end(ap);
}

/* What a comparison across a link found, kept as the link deserves: a
 * sure link's checks count and its failures are findings; a doubtful
 * link's (band review) failures are notes, for a person to look at with
 * the link itself: the two figures may not be one measure, and then
 * nothing is wrong. */
static void
verdict_merge(struct verdict *vd, struct verdict *one, bool sure)
{
	if (sure)
		vd->checks += one->checks;
	if (one->why.len > 0) {
		if (sure)
			because(vd, "%s", one->why.p);
		else
			note(vd, "unsure link: %s", one->why.p);
	}
	if (one->note.len > 0)
		note(vd, "%s", one->note.p);
	buf_free(&one->why);
	buf_free(&one->note);
	*one = (struct verdict){0, BUF_INIT, BUF_INIT};
}

/* Where NEW compares with the quarter OLD reports, its comparison must
 * agree with OLD's figure, unless NEW says it revised that figure. */
static void
audit_against(struct verdict *vd, const struct fig *o, const struct fig *n)
{
	long oi = o->quarter;
	char a[NUM_TEXT], b[NUM_TEXT];

	if (oi < 0 || (!n->has_prev && !n->has_change && !n->has_pct) ||
	    period_resolve(n->s[S_PREV_WHEN], strlen(n->s[S_PREV_WHEN]),
			   n->quarter) != oi)
		return;
	if (!n->has_prev) {
		check_arith(vd, n, n->value, n->value_ulp,
			    n->s[S_VALUE_TEXT], o->value, o->value_ulp,
			    o->s[S_VALUE_TEXT], true);
		return;
	}
	vd->checks++;
	if (meets(n->prev - n->prev_ulp / 2, n->prev + n->prev_ulp / 2,
		  o->value, o->value_ulp))
		return;
	if (revised_from(n, o->value))
		note(vd, "revised: %s first said %s, now %s (line %ld)",
		     o->s[S_PERIOD], fmt_text(b, o->value, o->s[S_VALUE_TEXT]),
		     fmt_text(a, n->prev, n->s[S_PREV_TEXT]), n->line);
	else
		because(vd, "previous %s, but %s says %s (line %ld)",
			fmt_text(a, n->prev, n->s[S_PREV_TEXT]), o->s[S_PERIOD],
			fmt_text(b, o->value, o->s[S_VALUE_TEXT]), o->line);
}

/* A later report's figure r for o's period (a restatement, linked to o
 * by wide.c) must be o's figure, unless r's report says it was revised. */
static void
audit_restated(struct verdict *vd, const struct fig *o, const struct fig *r)
{
	char a[NUM_TEXT], b[NUM_TEXT];

	vd->checks++;
	if (meets(r->value - r->value_ulp / 2, r->value + r->value_ulp / 2,
		  o->value, o->value_ulp))
		return;
	if (revised_from(r, o->value))
		note(vd, "revised: %s first said %s, %s gives %s (line %ld)",
		     o->s[S_PERIOD], fmt_text(b, o->value, o->s[S_VALUE_TEXT]),
		     r->s[S_PERIOD], fmt_text(a, r->value, r->s[S_VALUE_TEXT]),
		     r->line);
	else
		because(vd, "%s restates %s as %s (line %ld), but %s said %s"
			" (line %ld)", r->s[S_PERIOD], o->s[S_PERIOD],
			fmt_text(a, r->value, r->s[S_VALUE_TEXT]), r->line,
			o->s[S_PERIOD], fmt_text(b, o->value, o->s[S_VALUE_TEXT]),
			o->line);
}

static void
verdict_add(struct verdict *vd, const struct fig *f)
{
	vd->checks += f->checks;
	if (!f->why)
		return;
	if (vd->why.len > 0)
		buf_adds(&vd->why, "; ");
	buf_adds(&vd->why, f->why);
}
