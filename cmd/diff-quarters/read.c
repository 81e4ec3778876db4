/* read.c: reading inputs.  A source is one input table; read_fig gives
 * its next figure: the row's strings (keys.c), its numbers with the
 * rounding they were written at, its own comparisons audited (audit.c),
 * and the evidence about it (evidence.c), read a paragraph (the figures
 * of one report line) at a time. */

/* The first of names that the header has, or -1. */
static int
col_any(const struct table *t, const char *const *names)
{
	int i;

	for (; *names; names++)
		if ((i = table_col(t, *names)) >= 0)
			return i;
	return -1;
}

static int
col_need(const struct table *t, const char *name)
{
	int i = table_col(t, name);

	if (i < 0)
		die_at(EXIT_DATA, t->name, 1, "no column '%s': diff-quarters"
		       " reads extract-metrics output through normalize-names",
		       name);
	return i;
}

static void
find_cols(const struct table *t, struct cols *c)
{
	static const char *const doc[] = {"doc", "report", NULL};

	c->measure_key = col_need(t, "measure_key");
	c->value = col_need(t, "value");
	c->unit = col_need(t, "unit");
	c->measure = table_col(t, "measure");
	c->area = table_col(t, "area");
	c->area_key = table_col(t, "area_key");
	c->kind = table_col(t, "kind");
	c->period = table_col(t, "period");
	c->when = table_col(t, "when");
	c->prev_value = table_col(t, "prev_value");
	c->prev_when = table_col(t, "prev_when");
	c->change = table_col(t, "change");
	c->change_pct = table_col(t, "change_pct");
	c->line = table_col(t, "line");
	c->evidence = table_col(t, "evidence");
	c->approx = table_col(t, "approx");
	c->doc = col_any(t, doc);
	c->priority = table_col(t, "priority");
	c->outline[0] = table_col(t, "priority_title");
	c->outline[1] = table_col(t, "commitment");
	c->outline[2] = table_col(t, "heading");
}

static void
source_open(struct source *s, const char *path, enum side side,
	    const struct opts *opt)
{
	bool empty;

	memset(s, 0, sizeof *s);
	s->side = side;
	s->words = opt->words;
	s->warns = opt->warns;
	s->vocab = opt->vocab;
	s->keep_evidence = opt->review || opt->out.xlsx;
	if (table_open(&s->t, path, opt->out.strict, &empty) != EXIT_OK)
		exit(EXIT_DATA);	/* table_open said why */
	s->path = s->t.name;
	s->open = true;
	if (empty) {
		s->t.ncols = 0;
		return;
	}
	find_cols(&s->t, &s->c);
}

static void
source_close(struct source *s)
{
	if (s->open)
		table_close(&s->t);
	free(s->period);
	free(s->last_period);
	buf_free(&s->scratch);
	free(s->line.v);
	s->line = (struct figs){0};
	bag_release(s->outline);
	s->outline = NULL;
	free(s->outline_text);
	s->outline_text = NULL;
	s->open = false;
}

static struct fig *fig_make(struct source *, double);

/* The next row's figure.  A row without a value (a change stated alone)
 * has nothing to compare; a value that is not a number is an error of the
 * input, reported, and the run ends with status 1. */
static struct fig *
read_row(struct source *s)
{
	const char *v;
	double value;
	int r;

	if (s->t.ncols == 0)
		return NULL;
	while ((r = table_next(&s->t)) > 0) {
		if (s->t.row.n != s->t.ncols) {
			warn_capped(&s->warns[W_WIDTH], s->path, s->t.line,
				    "%zu fields, header has %zu: missing ones"
				    " read as empty, extra ones ignored",
				    s->t.row.n, s->t.ncols);
			s->bad = true;
		}
		v = table_get(&s->t, s->c.value);
		if (*v == '\0')
			continue;
		if (!num_parse(v, strlen(v), &value)) {
			warn_capped(&s->warns[W_VALUE], s->path, s->t.line,
				    "value '%s' is not a number; row left out",
				    v);
			s->bad = true;
			continue;
		}
		return fig_make(s, value);
	}
	if (r < 0)
		s->bad = true;
	return NULL;
}

/* Where a figure stands in its report, 0 (its start) to 1 (its last
 * figure's line), once the report is read: by its line, as the report
 * is laid out, or by its order where the input has no lines. */
static void
place_in_report(const struct source *s, struct fig *f)
{
	if (f->line > 0 && s->last_line > 0)
		f->pos = (double)f->line / (double)s->last_line;
	else
		f->pos = s->seq > 1 ? (double)f->seq / (double)(s->seq - 1) : 0;
}

/* Figures of one paragraph, at most: past it, a paragraph is cut, so
 * that the work on its sentences stays bounded. */
enum { PARA_FIGS_MAX = 256 };

/* One paragraph: the figures of one report line, and of a sentence
 * that goes on to the next line (the extractor gives each figure the line
 * its number stands on). */
static bool
same_paragraph(const struct fig *a, const struct fig *b)
{
	return (a->line > 0 && a->line == b->line) ||
	       (a->evidence && b->evidence && *a->evidence &&
		strcmp(a->evidence, b->evidence) == 0);
}

/* The next figure, its evidence read with its paragraph's. */
static struct fig *
read_fig(struct source *s)
{
	struct fig *f;

	if (s->next < s->line.n)
		return s->line.v[s->next++];
	s->line.n = s->next = 0;
	if (s->done)
		return NULL;
	f = s->pending ? s->pending : read_row(s);
	s->pending = NULL;
	while (f) {
		figs_push(&s->line, f);
		if (s->line.n >= PARA_FIGS_MAX)
			break;
		f = read_row(s);
		if (f && !same_paragraph(s->line.v[s->line.n - 1], f)) {
			s->pending = f;
			break;
		}
	}
	if (!f && !s->pending)
		s->done = true;
	if (s->line.n == 0)
		return NULL;
	fig_evidence(s, &s->line);
	s->next = 1;
	return s->line.v[0];
}

/* How finely a figure was written, the rounding the report used: 0.1
 * for "22.5"; for a whole number, 100000 where it was normalized from
 * "£5.7m" (three or more trailing zeros are read as rounding), else 1
 * where it is a rounded quantity (a percentage), 0 where it is a count,
 * which is exact. */
static double
ulp_of(const char *s, bool rounded)
{
	const char *dot = strchr(s, '.');
	size_t n = strlen(s), zeros = 0;

	if (dot) {
		for (n = 0, dot++; dot[n] >= '0' && dot[n] <= '9'; n++)
			;
		return pow(10, -(double)n);
	}
	while (n > 0 && (s[n - 1] < '0' || s[n - 1] > '9'))
		n--;
	for (; n > 0 && (s[n - 1] == '0' || s[n - 1] == ','); n--)
		zeros += s[n - 1] == '0';
	if (n > 0 && zeros >= 3)
		return pow(10, (double)zeros);
	return rounded ? 1 : 0;
}

/* An approximate figure ("about 1,450", "over 130") is good to two
 * significant digits at best. */
static double
approx_ulp(double v, double ulp)
{
	return v == 0 ? ulp : fmax(ulp, pow(10, floor(log10(fabs(v))) - 1));
}

static bool
get_num(const struct source *s, int col, bool rounded, double *v,
	double *ulp)
{
	const char *f = table_get(&s->t, col);

	if (*f == '\0' || !num_parse(f, strlen(f), v))
		return false;
	*ulp = ulp_of(f, rounded);
	return true;
}

/* An input is one report: a second period in it is worth a warning. */
static void
note_period(struct source *s, const char *period)
{
	if (*period == '\0')
		return;
	if (!s->period) {
		s->period = xstrdup(period);
		s->period_row = s->t.line;
	} else if (!s->mixed && strcmp(s->period, period) != 0) {
		warn_at(s->path, s->t.line, "period %s, but %s at line %ld:"
			" one report per input is expected", period,
			s->period, s->period_row);
		s->mixed = true;
	}
}

/* Does the sentence write x with a per cent sign ("-3.0%")?  A change
 * read as a count where the report gave a percentage is a percentage:
 * "79,260  76,905  -3.0%" is not 3 calls fewer. */
static bool
written_as_percent(const char *text, double x)
{
	enum { DIGITS_MAX = 40 };	/* longer is no figure */
	const char *p = text, *q;
	size_t n;
	double v;

	while (*p) {
		if (!(*p >= '0' && *p <= '9') || (p > text && (p[-1] == '.' ||
					(p[-1] >= '0' && p[-1] <= '9')))) {
			p++;
			continue;
		}
		for (q = p; (*q >= '0' && *q <= '9') || ((*q == '.' || *q == ',') &&
			     q[1] >= '0' && q[1] <= '9'); q++)
			;
		n = (size_t)(q - p);
		if (n <= DIGITS_MAX && num_parse(p, n, &v) && num_same(v, fabs(x))) {
			while (*q == ' ')
				q++;
			if (*q == '%')
				return true;
		}
		p = q;
	}
	return false;
}

/* The report line a figure comes from: a whole number from 1 up, or 0
 * where the column is empty.  Anything else ("0", "-1", "1e9", a number
 * past LONG_MAX that strtol would clamp) is not a line of any report:
 * warned, with the input's line, and read as unknown. */
static long
line_of(struct source *s, const char *text)
{
	char *end;
	long n;

	if (*text == '\0')
		return 0;
	errno = 0;
	n = strtol(text, &end, 10);
	if (*text >= '0' && *text <= '9' && *end == '\0' && errno == 0 &&
	    n > 0)
		return n;
	warn_capped(&s->warns[W_LINE], s->path, s->t.line, "line '%s' is not"
		    " a line number (a whole number from 1 to %ld); read as"
		    " unknown", text, LONG_MAX);
	s->bad = true;
	return 0;
}

/* The figure of the current row. */
static struct fig *
fig_make(struct source *s, double value)
{
	const struct cols *c = &s->c;
	struct fig *f = xcalloc(1, sizeof *f);
	bool rounded;

	fig_strings(s, f);
	/* Percentages are rounded wherever they come from. */
	rounded = strcmp(f->s[S_UNIT], "percent") == 0 ||
		  strcmp(f->s[S_UNIT], "pp") == 0;
	f->value = value;
	f->value_ulp = ulp_of(table_get(&s->t, c->value), rounded);
	if (*table_get(&s->t, c->approx) != '\0')
		f->value_ulp = approx_ulp(value, f->value_ulp);
	f->has_prev = get_num(s, c->prev_value, rounded, &f->prev,
			      &f->prev_ulp);
	f->has_change = get_num(s, c->change, rounded, &f->change,
				&f->change_ulp);
	f->has_pct = get_num(s, c->change_pct, true, &f->pct, &f->pct_ulp);
	if (f->has_change && !f->has_pct &&
	    written_as_percent(table_get(&s->t, c->evidence), f->change)) {
		f->has_pct = true;	/* the extractor's count was a percentage */
		f->pct = f->change;
		f->pct_ulp = ulp_of(table_get(&s->t, c->change), true);
		f->has_change = false;
	}
	f->line = line_of(s, table_get(&s->t, c->line));
	f->row = s->t.line;
	f->seq = s->seq++;
	if (f->line > s->last_line)
		s->last_line = f->line;
	f->col = -1;
	f->side = s->side;
	f->path = s->path;
	note_period(s, f->s[S_PERIOD]);
	if (!s->last_period || strcmp(s->last_period, f->s[S_PERIOD]) != 0) {
		free(s->last_period);
		s->last_period = xstrdup(f->s[S_PERIOD]);
		s->last_quarter = report_quarter(f->s[S_PERIOD]);
	}
	f->quarter = s->last_quarter;
	audit_own(f, s->words, table_get(&s->t, c->evidence));
	f->evidence = xstrdup(table_get(&s->t, c->evidence));
	f->restated = earlier_period(s->words, f->s[S_WHEN], f->quarter);
	f->cumulative = cumulative(s->words, f->s[S_WHEN]);
	return f;
}

static void
fig_free(struct fig *f)
{
	if (!f)
		return;
	free(f->s[0]);
	free(f->why);
	free(f->evidence);
	bag_free(&f->name);
	bag_release(f->para);
	bag_release(f->outline);
	free(f);
}
