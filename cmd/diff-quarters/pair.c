/* pair.c: two quarters, OLD and NEW.  The smaller input is held, the
 * larger streamed: its figures that can have a candidate (a unit and kind
 * the smaller has) are held to be linked (link.c), the others written as
 * they come once LOOSE_MAX are held.  Rows come out in NEW's order, then
 * what is gone in OLD's. */

struct diff {
	const struct opts *opt;
	struct out out;
	struct map blocks;	/* unit and kind -> the smaller's figures */
	struct map units;	/* key without unit -> the smaller's figures */
	struct figs side[2];	/* the figures held, by side, in order */
	size_t loose;		/* figures held that cannot link */
	const char *path[2];
	enum side keep;
	struct buf scratch;
	struct review review;
};

static enum side smaller_side(const char *, const char *);
static void stream_larger(struct diff *, struct source *);
static void warn_unit(struct diff *, const struct fig *);
static void emit(struct diff *, const struct fig *, const struct fig *);
static void emit_ambiguous(struct diff *, struct tie *);
static void emit_held(struct diff *, struct fig *);
static void warn_order(const struct source *, const struct source *);

static const char *const pair_header[] = {
	"measure", "area", "unit", "old_period", "old_value", "new_period",
	"new_value", "delta", "delta_pct", "status", "check", "old_line",
	"new_line", "band", "score", NULL
};

static int
run_pair(const struct opts *opt, const char *old_path, const char *new_path)
{
	struct diff d = {.opt = opt, .path = {old_path, new_path}};
	struct linkage lk = {.opt = opt};
	struct source src[2];
	struct fig *f;
	size_t i;
	int status, s;

	d.keep = smaller_side(old_path, new_path);
	if (cli_out_open(&d.out, &opt->out, "changes") != EXIT_OK)
		return EXIT_DATA;
	out_header(&d.out, pair_header);
	source_open(&src[d.keep], d.path[d.keep], d.keep, opt);
	while ((f = read_fig(&src[d.keep])) != NULL) {
		group_add(map_get(&d.blocks, f->s[S_BLOCK], strlen(f->s[S_BLOCK]),
				  true), f, d.keep);
		group_add(map_get(&d.units, f->s[S_KEY], key_sans_unit(f->s[S_KEY]),
				  true), f, d.keep);
		figs_push(&d.side[d.keep], f);
	}
	source_open(&src[!d.keep], d.path[!d.keep], (enum side)!d.keep, opt);
	stream_larger(&d, &src[!d.keep]);
	warn_order(&src[OLD], &src[NEW]);
	for (i = 0; i < 2; i++)
		for (size_t k = 0; k < d.side[i].n; k++)
			place_in_report(&src[i], d.side[i].v[k]);
	vocab_finish(opt->vocab);

	lk.olds = d.side[OLD].v;
	lk.no = d.side[OLD].n;
	lk.news = d.side[NEW].v;
	lk.nn = d.side[NEW].n;
	link_run(&lk);
	review_collect(opt->review ? &d.review : NULL, &lk);
	for (i = 0; i < d.side[!d.keep].n; i++)	/* the unit warnings */
		if (d.side[!d.keep].v[i]->state == FREE)
			warn_unit(&d, d.side[!d.keep].v[i]);

	for (i = 0; i < d.side[NEW].n; i++)	/* NEW's order, */
		emit_held(&d, d.side[NEW].v[i]);
	for (i = 0; i < d.side[OLD].n; i++)	/* then what is gone */
		if (d.side[OLD].v[i]->state == FREE)
			emit_held(&d, d.side[OLD].v[i]);
	status = out_close(&d.out);
	if (opt->review && (s = review_write(&d.review, opt->review)) != EXIT_OK)
		status = s;
	if (src[OLD].bad || src[NEW].bad)
		status = EXIT_DATA;
	linkage_free(&lk);
	for (i = 0; i < 2; i++) {
		size_t k;

		for (k = 0; k < d.side[i].n; k++)
			fig_free(d.side[i].v[k]);
		free(d.side[i].v);
	}
	map_free(&d.blocks);
	map_free(&d.units);
	buf_free(&d.scratch);
	source_close(&src[OLD]);
	source_close(&src[NEW]);
	return status;
}

/* Which input to hold: the smaller file; a pipe is streamed. */
static enum side
smaller_side(const char *old_path, const char *new_path)
{
	struct stat so, sn;

	if (strcmp(new_path, "-") == 0 || stat(new_path, &sn) != 0)
		return OLD;
	if (strcmp(old_path, "-") == 0 || stat(old_path, &so) != 0)
		return NEW;
	return sn.st_size < so.st_size ? NEW : OLD;
}

/* Read the larger input: a figure with a block in the smaller is held to
 * be linked; the others are held while there is room, for the order, and
 * written at once past it. */
static void
stream_larger(struct diff *d, struct source *src)
{
	struct fig *f;
	bool block;

	while ((f = read_fig(src)) != NULL) {
		block = map_get(&d->blocks, f->s[S_BLOCK], strlen(f->s[S_BLOCK]),
				false) != NULL;
		if (block || d->loose++ < LOOSE_MAX) {
			figs_push(&d->side[f->side], f);
			continue;
		}
		if (!f->restated) {
			warn_unit(d, f);
			emit(d, f->side == OLD ? f : NULL, f->side == NEW ? f : NULL);
		}
		fig_free(f);
	}
}

/* The same measure, area and kind in another unit: most likely a unit
 * that changed between reports, so say why they do not link. */
static void
warn_unit(struct diff *d, const struct fig *f)
{
	const char *key = f->s[S_KEY];
	struct group *g = map_get(&d->units, key, key_sans_unit(key), false);
	const struct fig *o;
	size_t i;

	if (!g || !key_named(key) || f->restated)	/* not known to be one measure */
		return;
	for (i = 0; i < g->side[d->keep].n; i++) {
		o = g->side[d->keep].v[i];
		if (strcmp(o->s[S_UNIT], f->s[S_UNIT]) == 0)
			continue;
		warn_capped(&d->opt->warns[W_UNIT], f->path, f->row, "'%s' is in"
			    " %s here but in %s at %s:%ld; not joined",
			    f->s[S_MEASURE], f->s[S_UNIT], o->s[S_UNIT], o->path,
			    o->row);
		return;
	}
}

/* A held figure, in the order of its input: its pair, its tie, or
 * itself alone.  A restated figure is another period's, a repeat is its
 * twin again: evidence, no row of its own. */
static void
emit_held(struct diff *d, struct fig *f)
{
	if (f->restated || (f->state == FREE && f->repeat_of))
		return;
	switch (f->state) {
	case PAIRED:
		emit(d, f->side == OLD ? f : f->mate,
		     f->side == NEW ? f : f->mate);
		break;
	case AMBIGUOUS:
		emit_ambiguous(d, f->tie);
		break;
	case FREE:
		emit(d, f->side == OLD ? f : NULL, f->side == NEW ? f : NULL);
		break;
	}
}

static void
warn_order(const struct source *o, const struct source *n)
{
	long oi = o->period ? report_quarter(o->period) : -1;
	long ni = n->period ? report_quarter(n->period) : -1;

	if (oi >= 0 && ni >= 0 && oi > ni)
		warn_at(n->path, n->period_row, "NEW period %s comes before"
			" OLD period %s (%s:%ld): are OLD and NEW swapped?",
			n->period, o->period, o->path, o->period_row);
}

/* The band and score columns of a link. */
static void
out_link(struct out *out, const struct fig *f)
{
	if (!f || f->state != PAIRED) {
		out_field(out, "", 0);
		out_field(out, "", 0);
		return;
	}
	out_fields(out, f->band == BAND_LINKED ? "linked" : "review");
	put_num(out, true, round(f->score * 100) / 100);
}

/* One figure linked, new or gone. */
static void
emit(struct diff *d, const struct fig *o, const struct fig *n)
{
	const struct fig *f = n ? n : o;
	struct verdict vd = {0, BUF_INIT, BUF_INIT};
	unsigned status;
	struct out *out = &d->out;

	if (o && n)
		status = num_same(o->value, n->value) ? ST_SAME :
			 n->value > o->value ? ST_UP : ST_DOWN;
	else
		status = n ? ST_NEW : ST_GONE;
	verdict_add(&vd, f);
	if (o && n) {
		struct verdict one = {0, BUF_INIT, BUF_INIT};

		audit_against(&one, o, n);
		verdict_merge(&vd, &one, n->band == BAND_LINKED);
	}
	if (shown(d->opt, o, n, status, &vd)) {
		out_fields(out, f->s[S_MEASURE]);
		out_fields(out, f->s[S_AREA]);
		out_fields(out, f->s[S_UNIT]);
		out_fields(out, o ? o->s[S_PERIOD] : "");
		put_num(out, o != NULL, o ? o->value : 0);
		out_fields(out, n ? n->s[S_PERIOD] : "");
		put_num(out, n != NULL, n ? n->value : 0);
		put_num(out, o && n, o && n ? n->value - o->value : 0);
		put_num(out, o && n && o->value != 0, o && n &&
			o->value != 0 ? round((n->value - o->value) /
			fabs(o->value) * 10000) / 100 : 0);
		out_fields(out, status == ST_UP ? "up" : status == ST_DOWN ?
			   "down" : status == ST_SAME ? "same" :
			   status == ST_NEW ? "new" : "gone");
		write_check(out, &vd);
		out_line(out, o);
		out_line(out, n);
		out_link(out, n ? n : o);
		out_end(out);
	}
	buf_free(&vd.why);
	buf_free(&vd.note);
}

/* All figures of a side of a tie, space separated. */
static void
list_side(struct out *out, struct buf *b, const struct tie *t, enum side s,
	  bool lines)
{
	char num[NUM_TEXT];
	size_t i;

	buf_reset(b);
	for (i = 0; i < t->v.n; i++) {
		const struct fig *f = t->v.v[i];

		if (f->side != s)
			continue;
		if (b->len > 0)
			buf_addc(b, ' ');
		if (lines) {
			buf_addf(b, "%ld", f->line);
		} else {
			num_format(f->value, num, sizeof num);
			buf_adds(b, num);
		}
	}
	out_field(out, b->p ? b->p : "", b->len);
}

static int
fig_by_seq(const void *a, const void *b)
{
	const struct fig *x = *(const struct fig *const *)a;
	const struct fig *y = *(const struct fig *const *)b;

	if (x->side != y->side)
		return x->side == OLD ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Figures the evidence cannot tell apart: one row with all of them, for a
 * person to decide (--review, then --links). */
static void
emit_ambiguous(struct diff *d, struct tie *t)
{
	const struct fig *o = NULL, *n = NULL;
	struct verdict none = {0, BUF_INIT, BUF_INIT};
	struct out *out = &d->out;
	size_t i;

	if (t->written)
		return;
	t->written = true;
	qsort(t->v.v, t->v.n, sizeof *t->v.v, fig_by_seq);
	for (i = 0; i < t->v.n; i++) {
		if (t->v.v[i]->side == OLD && !o)
			o = t->v.v[i];
		if (t->v.v[i]->side == NEW && !n)
			n = t->v.v[i];
	}
	if (!shown(d->opt, NULL, NULL, ST_AMBIGUOUS, &none))
		return;
	out_fields(out, (n ? n : o)->s[S_MEASURE]);
	out_fields(out, (n ? n : o)->s[S_AREA]);
	out_fields(out, (n ? n : o)->s[S_UNIT]);
	out_fields(out, o ? o->s[S_PERIOD] : "");
	list_side(out, &d->scratch, t, OLD, false);
	out_fields(out, n ? n->s[S_PERIOD] : "");
	list_side(out, &d->scratch, t, NEW, false);
	out_field(out, "", 0);
	out_field(out, "", 0);
	out_fields(out, "ambiguous");
	out_field(out, "", 0);
	list_side(out, &d->scratch, t, OLD, true);
	list_side(out, &d->scratch, t, NEW, true);
	out_field(out, "", 0);
	out_field(out, "", 0);
	out_end(out);
}
