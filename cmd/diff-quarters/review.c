/* review.c: a person in the loop.  --review FILE writes the doubtful
 * candidates (links in the review band, ties, close alternatives) ranked
 * from the most doubtful, then the sure links, each with its evidence: the two figures, their
 * sentences and what each feature said.  A person fills the decision
 * column (yes or no) and gives the file back with --links FILE: the
 * decisions are applied on every later run, so a review is made once.
 * A links file is any TSV with the columns old, new and decision; a
 * figure is named DOC:LINE:VALUE (its report, its line, its value as
 * written). */

/* A figure's name across runs. */
static void
fig_ref(const struct fig *f, struct buf *b)
{
	buf_reset(b);
	buf_addf(b, "%s:%ld:%s", f->s[S_DOC], f->line, f->s[S_VALUE_TEXT]);
}

static int
decision_cmp(const void *a, const void *b)
{
	const struct decision *x = a, *y = b;
	int c = strcmp(x->old, y->old);

	return c ? c : strcmp(x->new, y->new);
}

/* "yes", "no", or neither (-1). */
static int
decision_word(const char *s)
{
	static const char *const yes[] = {"yes", "y", "link", "linked", "same", NULL};
	static const char *const no[] = {"no", "n", "reject", "different", NULL};
	size_t i;

	for (i = 0; yes[i]; i++)
		if (strcasecmp(s, yes[i]) == 0)
			return 1;
	for (i = 0; no[i]; i++)
		if (strcasecmp(s, no[i]) == 0)
			return 0;
	return -1;
}

/* Read the links files into opt->decisions; EXIT_OK or EXIT_DATA. */
static int
links_load(struct opts *opt)
{
	size_t k, cap = 0;
	int status = EXIT_OK;

	for (k = 0; k < opt->nlinks; k++) {
		struct table t;
		bool empty;
		int co, cn, cd, r, d;

		if (table_open(&t, opt->links[k], opt->out.strict, &empty) != EXIT_OK) {
			status = EXIT_DATA;
			continue;
		}
		co = table_col(&t, "old");
		cn = table_col(&t, "new");
		cd = table_col(&t, "decision");
		if (!empty && (co < 0 || cn < 0 || cd < 0)) {
			warn_at(t.name, 1, "a links file needs the columns old, new"
				" and decision");
			status = EXIT_DATA;
		}
		while (!empty && co >= 0 && cn >= 0 && cd >= 0 &&
		       (r = table_next(&t)) > 0) {
			const char *dw = table_get(&t, cd);

			if (!*dw)
				continue;	/* not decided yet */
			if ((d = decision_word(dw)) < 0) {
				warn_capped(&opt->warns[W_LINKS], t.name, t.line,
					    "decision '%s' is neither yes nor no;"
					    " row ignored", dw);
				status = EXIT_DATA;
				continue;
			}
			if (opt->ndecisions == cap) {
				cap = cap ? 2 * cap : 64;
				opt->decisions = xrealloc(opt->decisions,
							  cap * sizeof *opt->decisions);
			}
			opt->decisions[opt->ndecisions++] = (struct decision){
				xstrdup(table_get(&t, co)), xstrdup(table_get(&t, cn)),
				d == 1};
		}
		table_close(&t);
	}
	if (opt->ndecisions > 0)	/* the last decision on a pair wins */
		qsort(opt->decisions, opt->ndecisions, sizeof *opt->decisions,
		      decision_cmp);
	return status;
}

static void
links_free(struct opts *opt)
{
	size_t i;

	for (i = 0; i < opt->ndecisions; i++) {
		free(opt->decisions[i].old);
		free(opt->decisions[i].new);
	}
	free(opt->decisions);
}

static int
decided(const struct opts *opt, const struct fig *o, const struct fig *n)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	struct decision key, *d;
	int r = -1;

	if (opt->ndecisions == 0)
		return -1;
	fig_ref(o, &a);
	fig_ref(n, &b);
	key.old = a.p;
	key.new = b.p;
	d = bsearch(&key, opt->decisions, opt->ndecisions, sizeof key,
		    decision_cmp);
	if (d) {		/* the last of equal rows */
		while (d + 1 < opt->decisions + opt->ndecisions &&
		       decision_cmp(d + 1, &key) == 0)
			d++;
		r = d->yes;
	}
	buf_free(&a);
	buf_free(&b);
	return r;
}

/* ---- --review ---- */

struct doubt {
	struct fig *o, *n;
	double w;
	uint8_t lev[NFEAT];
	const char *why;	/* "review", "tie", "alternative" */
};

struct review {
	struct doubt *v;
	size_t n, cap;
};

static void
review_add(struct review *rv, const struct pair *q, const char *why)
{
	if (rv->n == rv->cap) {
		rv->cap = rv->cap ? 2 * rv->cap : 64;
		rv->v = xrealloc(rv->v, rv->cap * sizeof *rv->v);
	}
	rv->v[rv->n].o = q->o;
	rv->v[rv->n].n = q->n;
	rv->v[rv->n].w = q->w;
	memcpy(rv->v[rv->n].lev, q->lev, sizeof q->lev);
	rv->v[rv->n].why = why;
	rv->n++;
}

/* The candidates of a run a person may want to see: its links in the
 * review band, the pairs of its ties, the alternatives that come within
 * MARGIN_MIN of a link of either figure; then its sure links (ranked last,
 * as the least doubtful; normalize-names --suggest reads concept rows
 * from them). */
static void
review_collect(struct review *rv, const struct linkage *lk)
{
	size_t k;

	for (k = 0; rv && k < lk->np; k++) {
		const struct pair *q = &lk->p[k];

		if (q->forced || q->w <= 0 || !q->candidate)
			continue;
		if (lk->chosen[k] && q->o->mate == q->n)
			review_add(rv, q, q->o->band == BAND_REVIEW ? "review" : "linked");
		else if (q->o->state == AMBIGUOUS && q->o->tie == q->n->tie)
			review_add(rv, q, "tie");
		else if (!lk->chosen[k] &&
			 ((q->o->state == PAIRED && q->o->score - q->w < MARGIN_MIN) ||
			  (q->n->state == PAIRED && q->n->score - q->w < MARGIN_MIN)))
			review_add(rv, q, "alternative");
	}
}

static int
doubt_cmp(const void *a, const void *b)
{
	const struct doubt *x = a, *y = b;
	bool sx = strcmp(x->why, "linked") == 0, sy = strcmp(y->why, "linked") == 0;

	if (sx != sy)		/* the sure links last */
		return sx ? 1 : -1;
	if (x->w != y->w)
		return x->w < y->w ? -1 : 1;
	return (x->n->seq > y->n->seq) - (x->n->seq < y->n->seq);
}

/* What each feature said, for a person: "name 0 context 1 value 2". */
static void
levels_text(const uint8_t *lev, struct buf *b)
{
	int f;

	buf_reset(b);
	for (f = 0; f < NFEAT; f++) {
		if (lev[f] == UNKNOWN)
			continue;
		buf_addf(b, "%s%s %d/%d", b->len ? ", " : "", feature_name[f],
			 lev[f], feature_levels[f] - 1);
	}
	buf_grow(b, 1);
}

static int
review_write(struct review *rv, const char *path)
{
	static const char *const head[] = {
		"rank", "why", "score", "probability", "old", "new", "decision",
		"unit", "kind", "old_period", "old_value", "new_period",
		"new_value", "old_measure", "new_measure", "evidence",
		"old_sentence", "new_sentence", NULL
	};
	struct out o;
	struct buf b = BUF_INIT;
	FILE *fp;
	size_t i;
	int status;

	if (!(fp = fopen(path, "w"))) {
		warn_at(path, 0, "%s", strerror(errno));
		return EXIT_DATA;
	}
	if (rv->n > 0)
		qsort(rv->v, rv->n, sizeof *rv->v, doubt_cmp);
	out_init(&o, fp, false);
	out_header(&o, head);
	for (i = 0; i < rv->n; i++) {
		const struct doubt *d = &rv->v[i];

		out_fieldf(&o, "%zu", i + 1);
		out_fields(&o, d->why);
		out_fieldf(&o, "%.2f", d->w);
		out_fieldf(&o, "%.3f", weight_probability(d->w));
		fig_ref(d->o, &b);
		out_field(&o, b.p, b.len);
		fig_ref(d->n, &b);
		out_field(&o, b.p, b.len);
		out_field(&o, "", 0);
		out_fields(&o, d->n->s[S_UNIT]);
		out_fields(&o, d->n->s[S_KIND]);
		out_fields(&o, d->o->s[S_PERIOD]);
		out_fields(&o, d->o->s[S_VALUE_TEXT]);
		out_fields(&o, d->n->s[S_PERIOD]);
		out_fields(&o, d->n->s[S_VALUE_TEXT]);
		out_fields(&o, d->o->s[S_MEASURE]);
		out_fields(&o, d->n->s[S_MEASURE]);
		levels_text(d->lev, &b);
		out_field(&o, b.p, b.len);
		out_fields(&o, d->o->evidence);
		out_fields(&o, d->n->evidence);
		out_end(&o);
	}
	status = out_close(&o);
	if (fclose(fp) != 0 && status == EXIT_OK) {
		warn_at(path, 0, "%s", strerror(errno));
		status = EXIT_DATA;
	}
	buf_free(&b);
	free(rv->v);
	rv->v = NULL;
	rv->n = rv->cap = 0;
	return status;
}
