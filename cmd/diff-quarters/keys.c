/* keys.c: a figure's strings, packed in one block: its names, its
 * period, the numbers as written, its report, its block (unit and kind:
 * link.c), its exact key (measure_key, area_key, kind, unit: the unit
 * warnings), its area's key, the kind of period of its "when" and its
 * outline; and what the words of a when or a sentence say (a period
 * before the report's, a span to now, a running total, a revision). */

static void when_class(struct buf *out, const struct lex *words,
		       const char *s);

/* Append str to a figure's block of strings, noting where it starts. */
static void
pack(struct buf *b, size_t *off, const char *str)
{
	*off = b->len;
	buf_adds(b, str);
	buf_addc(b, '\0');
}

/* The strings of the current row's figure, in one block: names, period,
 * the numbers as written, the report, the block (unit and kind), the
 * exact key, the area's key, the kind of period, the outline. */
static void
fig_strings(struct source *s, struct fig *f)
{
	const struct cols *c = &s->c;
	const struct table *t = &s->t;
	const char *kind = *table_get(t, c->kind) ? table_get(t, c->kind) :
			   "actual";
	const char *doc = table_get(t, c->doc);
	struct buf *b = &s->scratch;
	size_t off[NSTR], i, k;

	buf_reset(b);
	pack(b, &off[S_MEASURE], table_get(t, c->measure >= 0 ? c->measure :
					   c->measure_key));
	pack(b, &off[S_AREA], table_get(t, c->area));
	pack(b, &off[S_UNIT], table_get(t, c->unit));
	pack(b, &off[S_KIND], kind);
	pack(b, &off[S_PERIOD], table_get(t, c->period));
	pack(b, &off[S_WHEN], table_get(t, c->when));
	pack(b, &off[S_PREV_WHEN], table_get(t, c->prev_when));
	pack(b, &off[S_VALUE_TEXT], table_get(t, c->value));
	pack(b, &off[S_PREV_TEXT], table_get(t, c->prev_value));
	pack(b, &off[S_CHANGE_TEXT], table_get(t, c->change));
	pack(b, &off[S_PCT_TEXT], table_get(t, c->change_pct));
	pack(b, &off[S_DOC], *doc ? doc : s->path);
	/* The block: a figure links only to one of its unit and kind. */
	off[S_BLOCK] = b->len;
	buf_adds(b, table_get(t, c->unit));
	buf_addc(b, KEY_SEP);
	pack(b, &i, kind);
	/* The key, unit last: the rest is a prefix for warn_unit. */
	off[S_KEY] = b->len;
	buf_adds(b, table_get(t, c->measure_key));
	buf_addc(b, KEY_SEP);
	buf_adds(b, table_get(t, c->area_key >= 0 ? c->area_key : c->area));
	buf_addc(b, KEY_SEP);
	buf_adds(b, kind);
	buf_addc(b, KEY_SEP);
	pack(b, &i, table_get(t, c->unit));
	pack(b, &off[S_AREA_KEY], table_get(t, c->area_key >= 0 ? c->area_key :
					    c->area));
	off[S_WHEN_CLASS] = b->len;
	when_class(b, s->words, table_get(t, c->when));
	buf_addc(b, '\0');
	off[S_OUTLINE] = b->len;
	if (*table_get(t, c->priority))	/* the priority's number, then titles */
		buf_addf(b, "priority %s", table_get(t, c->priority));
	for (k = 0; k < sizeof c->outline / sizeof c->outline[0]; k++) {
		const char *o = table_get(t, c->outline[k]);

		if (*o && b->len > off[S_OUTLINE])
			buf_addc(b, ' ');
		buf_adds(b, o);
	}
	buf_addc(b, '\0');
	f->s[0] = xmalloc(b->len);	/* the block; fig_free frees it */
	memcpy(f->s[0], b->p, b->len);
	for (i = 1; i < NSTR; i++)
		f->s[i] = f->s[0] + off[i];
}

/* Does a key have a measure_key?  A figure without one (the extractor
 * could not name it) is not known to measure anything in particular. */
static bool
key_named(const char *key)
{
	return key[0] != KEY_SEP;
}

/* The bytes of a key before its unit: the same measure, area and kind in
 * another unit share them (warn_unit, wide_unit). */
static size_t
key_sans_unit(const char *key)
{
	return (size_t)(strrchr(key, KEY_SEP) - key);
}

/* The kind of period a figure is for, without its dates, so that "in
 * the last quarter" of one report meets "this quarter" of the next and
 * "year to date" stays apart: the when-stop words of quarters.tsv, years
 * and other numbers dropped, and month names (period_month: "Sept" and
 * "Jun" too) become one "month": "September 2019" and "Dec 2019" are both
 * a month's snapshot, unlike a quarter's total. */
static void
when_class(struct buf *out, const struct lex *words, const char *s)
{
	char word[32];		/* a longer word is cut: it still tells kinds apart */
	size_t n;
	bool first = true, month = false, is_month;

	while (*s) {
		for (n = 0; *s && (((unsigned char)*s >= 0x80) ||
			      (*s >= 'a' && *s <= 'z') || (*s >= 'A' &&
			      *s <= 'Z') || (*s >= '0' && *s <= '9')); s++)
			if (n < sizeof word - 1)
				word[n++] = (*s >= 'A' && *s <= 'Z') ?
					    (char)(*s + 32) : *s;
		word[n] = '\0';
		if (n == 0) {
			s++;
			continue;
		}
		if (lex_is(words, word, n, QUARTERS_WHEN_STOP) ||
		    strspn(word, "0123456789") == n)
			continue;
		is_month = period_month(word, n) != 0;
		if (is_month && month)
			continue;
		if (is_month) {
			month = true;
			strcpy(word, "month");
		}
		if (!first)
			buf_addc(out, ' ');
		buf_adds(out, word);
		first = false;
	}
}

/* The quarter a report's period ("2019/20 Q2", the period column) names,
 * as period_quarter counts it, or -1.  A financial year ("2019/20") is
 * its last quarter, as "the same period last year" counts back from it;
 * a month or another span is -1: a count of quarters cannot tell two
 * months of one quarter apart. */
static long
report_quarter(const char *s)
{
	struct period p;

	if (!period_parse(s, strlen(s), &p) ||
	    (p.kind != PERIOD_QUARTER && p.kind != PERIOD_YEAR))
		return -1;
	return period_quarter(&p);
}

/* Has text a word of class cls of quarters.tsv? */
static bool
has_word(const struct lex *words, const char *text, unsigned cls)
{
	enum { WORD_LEN = 32 };	/* a longer word is of no class */
	char word[WORD_LEN];
	size_t n;

	while (*text) {
		for (n = 0; *text && ((*text >= 'a' && *text <= 'z') ||
				      (*text >= 'A' && *text <= 'Z')); text++)
			if (n < sizeof word - 1)
				word[n++] = (char)(*text | 0x20);
		if (n > 0 && n < sizeof word - 1 && lex_is(words, word, n, cls))
			return true;
		if (n == 0)
			text++;
	}
	return false;
}

/* Does a figure's sentence say an earlier figure was revised? */
static bool
says_revised(const struct lex *words, const char *text)
{
	return has_word(words, text, QUARTERS_REVISED);
}

/* Does a figure's "when" name a period before the report's own ("Quarter
 * 2024/25" in a 2025/26 report, "Apr 2024")?  Then it is that period's
 * figure, restated.  A span from then to now ("since 2023/24 Q3") and a
 * relative phrase ("the last quarter", which reports use for their own)
 * are not. */
static bool
earlier_period(const struct lex *words, const char *when, long quarter)
{
	struct period p;
	long q;

	if (quarter < 0 || !period_find(when, strlen(when), &p) ||
	    has_word(words, when, QUARTERS_SINCE))
		return false;
	q = period_quarter(&p);
	return q >= 0 && q < quarter;
}

/* Is a figure a running total ("year to date", "since April" in its
 * when)? */
static bool
cumulative(const struct lex *words, const char *when)
{
	return has_word(words, when, QUARTERS_CUMULATIVE);
}
