/* pair.c: two quarters, OLD and NEW.  The smaller input is held, the
 * larger streamed; the groups are matched (join.c), and the rows come out
 * in NEW's order, then what is gone in OLD's. */

struct diff {
	const struct opts *opt;
	struct out out;
	struct map groups;	/* key -> group */
	struct map units;	/* key without unit -> the smaller's figures */
	struct figs small, held;
	size_t loose;		/* figures held that cannot join */
	const char *path[2];
	struct buf scratch;
};

static enum side smaller_side(const char *, const char *);
static void stream_larger(struct diff *, struct source *);
static void warn_unit(struct diff *, const struct fig *);
static void emit(struct diff *, const struct fig *, const struct fig *);
static void emit_ambiguous(struct diff *, struct group *);
static void emit_held(struct diff *, struct fig *);
static void warn_order(const struct source *, const struct source *);

static const char *const pair_header[] = {
	"measure", "area", "unit", "old_period", "old_value", "new_period",
	"new_value", "delta", "delta_pct", "status", "check", "old_line",
	"new_line", NULL
};

static int
run_pair(const struct opts *opt, const char *old_path, const char *new_path)
{
	struct diff d = {.opt = opt, .path = {old_path, new_path}};
	struct source src[2];
	enum side keep = smaller_side(old_path, new_path);
	struct figs *fs;
	struct fig *f;
	size_t i;
	int status;

	if (cli_out_open(&d.out, &opt->out, "changes") != EXIT_OK)
		return EXIT_DATA;
	out_header(&d.out, pair_header);
	source_open(&src[keep], d.path[keep], keep, opt);
	while ((f = read_fig(&src[keep])) != NULL) {
		group_add(join_block(&d.groups, f, true), f);
		group_add(map_get(&d.units, f->s[S_KEY],
				  key_sans_unit(f->s[S_KEY]), true), f);
		figs_push(&d.small, f);
	}
	source_open(&src[!keep], d.path[!keep], (enum side)!keep, opt);
	stream_larger(&d, &src[!keep]);
	warn_order(&src[OLD], &src[NEW]);

	for (i = 0; i < d.groups.cap; i++)
		if (d.groups.slot[i])
			match_group(d.groups.slot[i], &d.scratch);
	/* NEW's order, then what is gone in OLD's. */
	fs = keep == NEW ? &d.small : &d.held;
	for (i = 0; i < fs->n; i++)
		emit_held(&d, fs->v[i]);
	fs = keep == OLD ? &d.small : &d.held;
	for (i = 0; i < fs->n; i++)
		if (fs->v[i]->state == FREE)
			emit_held(&d, fs->v[i]);

	status = out_close(&d.out);
	if (src[OLD].bad || src[NEW].bad)
		status = EXIT_DATA;
	for (i = 0; i < d.held.n; i++)
		fig_free(d.held.v[i]);
	for (i = 0; i < d.small.n; i++)
		fig_free(d.small.v[i]);
	free(d.held.v);
	free(d.small.v);
	map_free(&d.groups);
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

/* Read the larger input: figures that share a key are held to be
 * matched; those that cannot join are held while there is room, for the
 * order, and written at once past it. */
static void
stream_larger(struct diff *d, struct source *src)
{
	struct group *g;
	struct fig *f;

	while ((f = read_fig(src)) != NULL) {
		g = join_block(&d->groups, f, false);
		if (g)
			group_add(g, f);
		else
			warn_unit(d, f);
		if (g || d->loose++ < LOOSE_MAX) {
			figs_push(&d->held, f);
			continue;
		}
		emit(d, f->side == OLD ? f : NULL, f->side == NEW ? f : NULL);
		fig_free(f);
	}
}

/* The same measure, area and kind in another unit: most likely a unit
 * that changed between reports, so say why they do not join. */
static void
warn_unit(struct diff *d, const struct fig *f)
{
	const char *key = f->s[S_KEY];
	struct group *g = map_get(&d->units, key, key_sans_unit(key), false);
	const struct fig *o;

	if (!g || !key_named(key))	/* not known to be one measure */
		return;
	o = g->side[!f->side].v[0];
	warn_capped(&d->opt->warns[W_UNIT], f->path, f->row, "'%s' is in %s"
		    " here but in %s at %s:%ld; not joined", f->s[S_MEASURE],
		    f->s[S_UNIT], o->s[S_UNIT], o->path, o->row);
}

/* A held figure, in the order of its input: its pair, its ambiguous
 * group, or itself alone. */
static void
emit_held(struct diff *d, struct fig *f)
{
	switch (f->state) {
	case PAIRED:
		emit(d, f->side == OLD ? f : f->mate,
		     f->side == NEW ? f : f->mate);
		break;
	case AMBIGUOUS:
		emit_ambiguous(d, f->group);
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

/* One figure joined, new or gone. */
static void
emit(struct diff *d, const struct fig *o, const struct fig *n)
{
	const struct fig *f = n ? n : o;
	struct verdict vd = {0, BUF_INIT};
	unsigned status;
	struct out *out = &d->out;

	if (o && n)
		status = num_same(o->value, n->value) ? ST_SAME :
			 n->value > o->value ? ST_UP : ST_DOWN;
	else
		status = n ? ST_NEW : ST_GONE;
	verdict_add(&vd, f);
	if (o && n)
		audit_against(&vd, o, n);
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
		out_end(out);
	}
	buf_free(&vd.why);
}

/* All figures of a side of an ambiguous group, space separated. */
static void
list_side(struct out *out, struct buf *b, const struct group *g,
	  enum side s, bool lines)
{
	char num[NUM_TEXT];
	size_t i;

	buf_reset(b);
	for (i = 0; i < g->side[s].n; i++) {
		const struct fig *f = g->side[s].v[i];

		if (f->state != AMBIGUOUS)
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

/* Several figures of one key on each side, uneven, with nothing left to
 * tell them apart: one row with all of them, for a person to decide. */
static void
emit_ambiguous(struct diff *d, struct group *g)
{
	const struct fig *o = g->side[OLD].v[0], *n = g->side[NEW].v[0];
	struct verdict none = {0, BUF_INIT};
	struct out *out = &d->out;

	if (g->written)
		return;
	g->written = true;
	if (!shown(d->opt, NULL, NULL, ST_AMBIGUOUS, &none))
		return;
	out_fields(out, n->s[S_MEASURE]);
	out_fields(out, n->s[S_AREA]);
	out_fields(out, n->s[S_UNIT]);
	out_fields(out, o->s[S_PERIOD]);
	list_side(out, &d->scratch, g, OLD, false);
	out_fields(out, n->s[S_PERIOD]);
	list_side(out, &d->scratch, g, NEW, false);
	out_field(out, "", 0);
	out_field(out, "", 0);
	out_fields(out, "ambiguous");
	out_field(out, "", 0);
	list_side(out, &d->scratch, g, OLD, true);
	list_side(out, &d->scratch, g, NEW, true);
	out_end(out);
}
