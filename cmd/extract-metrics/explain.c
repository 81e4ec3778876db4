/* explain.c: --explain, which answers "why is this number missing?"
 * without a debugger.  On standard error, sentence by sentence: its
 * tokens and their classes, each number and the rule that kept it as a
 * figure or dropped it, the period phrases, each figure's role and the
 * rule that gave it, the row each figure goes to, each row's period and
 * measure and the rule that chose them, and the row as it comes out (in
 * the form of tests/corpus/extract-metrics.txt); for a data-table row,
 * each cell's row.
 *
 * The rules report through EXPLAIN(), one note each; it tests one flag
 * and evaluates nothing else when --explain is off. */
#include <stdarg.h>

#define EXPLAIN(c, ...)						\
	do {							\
		if ((c)->explain)				\
			explain((c), __VA_ARGS__);		\
	} while (0)

/* The text of tokens at, squeezed: "stop searches". */
static void
explain_text(const struct ctx *c, struct span at)
{
	struct buf b = BUF_INIT;

	if (span_len(at) == 0)
		return;
	text_squeeze_space(&b, c->text + c->tok[at.a].s,
			   c->tok[at.b - 1].e - c->tok[at.a].s);
	fwrite(b.p, 1, b.len, stderr);
	buf_free(&b);
}

/* A rule's note about the tokens at (none: the sentence or block):
 * "  2019/20: not a figure: a date, fiscal year or time". */
static void
explain(const struct ctx *c, struct span at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
explain(const struct ctx *c, struct span at, const char *fmt, ...)
{
	va_list ap;

	fputs("  ", stderr);
	if (span_len(at)) {
		explain_text(c, at);
		fputs(": ", stderr);
	}
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* A figure as the corpus writes it, into d: "~60 count", "2..4 hours". */
enum { FIG_TEXT = 96 };

static const char *
fig_text(const struct fig *f, char *d, size_t n)
{
	char v[32], hi[32];

	num_format(f->v, v, sizeof v);
	num_format(f->vmax, hi, sizeof hi);
	snprintf(d, n, "%s%s%s%s %s", f->approx ? f->approx : "", v,
		 f->has_max ? ".." : "", f->has_max ? hi : "", f->unit);
	return d;
}

/* Where a block or sentence starting at byte off is: "FILE:LINE: ". */
static void
explain_where(const struct ctx *c, size_t off)
{
	fprintf(stderr, "%s:%ld: ", c->file ? c->file : "-", line_at(c, off));
}

/* A sentence's head: where it is, its text, its tokens with their
 * classes ("fell[fall,link]", a month's "[month]"), and its period
 * phrases. */
static void
explain_sentence(const struct ctx *c, struct span s)
{
	size_t i, k;

	explain_where(c, c->tok[s.a].s);
	fputs("sentence: ", stderr);
	explain_text(c, s);
	fputs("\n  tokens:", stderr);
	for (i = s.a; i < s.b; i++) {
		const struct tok *t = &c->tok[i];
		const char *sep = "[";

		fputc(' ', stderr);
		fwrite(c->text + t->s, 1, t->e - t->s, stderr);
		for (k = 0; k < METRICS_NCLASS; k++)
			if (t->cls & LEX_BIT(k)) {
				fprintf(stderr, "%s%s", sep,
					metrics_class_names[k]);
				sep = ",";
			}
		if (t->month) {
			fprintf(stderr, "%smonth", sep);
			sep = ",";
		}
		if (*sep == ',')
			fputc(']', stderr);
	}
	fputc('\n', stderr);
}

/* Add number v to b as the output writes it. */
static void
explain_num(struct buf *b, double v)
{
	char d[32];

	num_format(v, d, sizeof d);
	buf_adds(b, d);
}

/* The period phrases of the sentence (periods.c). */
static void
explain_periods(const struct ctx *c)
{
	size_t k;

	fputs("  periods:", stderr);
	for (k = 0; k < c->nperiod; k++) {
		fputs(" \"", stderr);
		explain_text(c, c->period[k]);
		fputc('"', stderr);
	}
	fputs(c->nperiod ? "\n" : " none\n", stderr);
}

/* A block passed over before its sentences: where, its start, why. */
static void
explain_block(const struct ctx *c, const char *text, size_t len,
	      const char *why)
{
	enum { SHOWN = 60 };	/* bytes of the block shown */

	explain_where(c, (size_t)(text - c->blk.text));
	fprintf(stderr, "block passed over (%s): %.*s%s\n", why,
		(int)(len > SHOWN ? SHOWN : len), text, len > SHOWN ? "..." : "");
}

static const char *const role_name[] = {
	"value", "target", "prev", "change", "change_pct"
};

/* A row as tests/corpus/extract-metrics.txt writes it:
 * "640 count | Robberies | when last quarter | prev 702 | change -62". */
static void
explain_row(const struct ctx *c, size_t k, const struct obs *o)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, o->approx ? o->approx : "");
	if (o->has_value)
		explain_num(&b, o->value);
	else
		buf_addc(&b, '-');
	if (o->has_max) {
		buf_adds(&b, "..");
		explain_num(&b, o->vmax);
	}
	buf_addf(&b, " %s%s | %.*s", o->unit, o->target ? " target" : "",
		 (int)o->measure.len, o->measure.p ? o->measure.p : "");
	if (o->when.len)
		buf_addf(&b, " | when %.*s", (int)o->when.len, o->when.p);
	if (o->has_prev) {
		buf_adds(&b, " | prev ");
		explain_num(&b, o->prev);
	}
	if (o->prev_when.len)
		buf_addf(&b, " | prev_when %.*s", (int)o->prev_when.len,
			 o->prev_when.p);
	if (o->has_change) {
		buf_adds(&b, " | change ");
		explain_num(&b, o->change);
	}
	if (o->has_pct) {
		buf_adds(&b, " | pct ");
		explain_num(&b, o->pct);
	}
	explain(c, (struct span){0, 0}, "row %zu = %s", k, b.p);
	buf_free(&b);
}
