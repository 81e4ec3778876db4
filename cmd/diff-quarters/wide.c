/* wide.c: --wide, any number of quarters: one row per figure through the
 * periods (a track), one value column per period, in period order. */

struct wide {
	const struct opts *opt;
	struct source *src;	/* in period order */
	struct figs *figs;	/* per source */
	int n;
	struct map groups;
	struct map units;	/* key without unit -> first figure per unit */
	struct track **tracks;
	size_t ntracks, captracks;
	struct buf scratch;
};

struct groups {
	struct group **v;
	size_t n, cap;
};

/* One row of --wide: a figure through the periods. */
struct track {
	struct fig **at;	/* per period, NULL where absent */
	bool ambiguous;
};

static void wide_load(struct wide *, char **);
static void wide_sort(struct wide *);
static void wide_join(struct wide *, int);
static void wide_write(struct wide *);

static int
run_wide(const struct opts *opt, char **paths, int n)
{
	struct wide w = {.opt = opt, .n = n};
	int k, status = EXIT_OK;
	size_t i;

	w.src = xcalloc((size_t)n, sizeof *w.src);
	w.figs = xcalloc((size_t)n, sizeof *w.figs);
	wide_load(&w, paths);
	wide_sort(&w);
	for (k = 0; k < n; k++)
		wide_join(&w, k);
	wide_write(&w);

	for (k = 0; k < n; k++) {
		if (w.src[k].bad)
			status = EXIT_DATA;
		for (i = 0; i < w.figs[k].n; i++)
			fig_free(w.figs[k].v[i]);
		free(w.figs[k].v);
		source_close(&w.src[k]);
	}
	for (i = 0; i < w.ntracks; i++) {
		free(w.tracks[i]->at);
		free(w.tracks[i]);
	}
	free(w.tracks);
	free(w.src);
	free(w.figs);
	map_free(&w.groups);
	map_free(&w.units);
	buf_free(&w.scratch);
	return status;
}

static void
wide_load(struct wide *w, char **paths)
{
	struct fig *f;
	int k;

	for (k = 0; k < w->n; k++) {
		if (strcmp(paths[k], "-") == 0)
			for (int j = 0; j < k; j++)
				if (strcmp(paths[j], "-") == 0)
					die_usage("only one input can be"
						  " standard input");
		source_open(&w->src[k], paths[k], NEW, w->opt);
		while ((f = read_fig(&w->src[k])) != NULL)
			figs_push(&w->figs[k], f);
		/* Read: let its buffers go, and let wide_sort move it. */
		table_close(&w->src[k].t);
		w->src[k].open = false;
	}
}

/* The column name of an input: its period, else its file name. */
static const char *
src_label(const struct source *s)
{
	return s->period ? s->period : s->path;
}

/* Put the inputs in period order, saying so where they were not, and
 * refuse one period twice: its column would be meaningless. */
static void
wide_sort(struct wide *w)
{
	int i, j;

	for (i = 1; i < w->n; i++) {
		struct source s = w->src[i];
		struct figs f = w->figs[i];
		long pi = s.period ? report_quarter(s.period) : -1;

		for (j = i; j > 0; j--) {
			struct source *p = &w->src[j - 1];
			long pj = p->period ? report_quarter(p->period) : -1;

			if (pi < 0 || pj < 0 || pj <= pi)
				break;
			w->src[j] = *p;
			w->figs[j] = w->figs[j - 1];
		}
		if (j != i)
			warn_at(s.path, s.period_row, "period %s given after"
				" %s: columns are put in period order",
				s.period, w->src[j + 1].period);
		w->src[j] = s;
		w->figs[j] = f;
	}
	for (i = 1; i < w->n; i++)
		if (strcmp(src_label(&w->src[i]), src_label(&w->src[i - 1]))
		    == 0)
			die_at(EXIT_DATA, w->src[i].path, w->src[i].period_row,
			       "period %s again (also in %s)",
			       src_label(&w->src[i]), w->src[i - 1].path);
}

static struct track *
track_new(struct wide *w)
{
	struct track *t = xmalloc(sizeof *t);

	t->at = xcalloc((size_t)w->n, sizeof *t->at);
	t->ambiguous = false;
	if (w->ntracks == w->captracks) {
		w->captracks = w->captracks ? 2 * w->captracks : 64;
		w->tracks = xrealloc(w->tracks, w->captracks * sizeof *w->tracks);
	}
	w->tracks[w->ntracks++] = t;
	return t;
}

/* A key's first figure: if an earlier period had its measure, area and
 * kind in another unit, say why they are not one row (as warn_unit). */
static void
wide_unit(struct wide *w, struct fig *f, int k)
{
	const char *key = f->s[S_KEY];
	struct group *g = map_get(&w->units, key, key_sans_unit(key), true);
	const struct fig *o;

	if (k > 0 && g->side[OLD].n > 0 && key_named(key) &&
	    g->side[OLD].v[0]->path != f->path) {
		o = g->side[OLD].v[0];
		warn_capped(&w->opt->warns[W_UNIT], f->path, f->row, "'%s' is"
			    " in %s here but in %s at %s:%ld; not one row",
			    f->s[S_MEASURE], f->s[S_UNIT], o->s[S_UNIT],
			    o->path, o->row);
	}
	if (g->side[OLD].n == 0)
		figs_push(&g->side[OLD], f);
}

/* Continue the tracks with period k's figures.  Each group's OLD side
 * holds the latest figure of each of its tracks; NEW is period k. */
static void
wide_join(struct wide *w, int k)
{
	struct figs *fs = &w->figs[k];
	struct groups touched = {0};
	struct group *g;
	size_t i, j;

	for (i = 0; i < fs->n; i++) {
		g = join_block(&w->groups, fs->v[i], true);
		if (g->side[OLD].n == 0 && g->side[NEW].n == 0)
			wide_unit(w, fs->v[i], k);
		if (g->side[NEW].n == 0) {
			if (touched.n == touched.cap) {
				touched.cap = touched.cap ? 2 * touched.cap : 64;
				touched.v = xrealloc(touched.v, touched.cap *
						     sizeof *touched.v);
			}
			touched.v[touched.n++] = g;
		}
		group_add(g, fs->v[i]);
	}
	for (i = 0; i < touched.n; i++)
		match_group(touched.v[i], &w->scratch);
	for (i = 0; i < fs->n; i++) {
		struct fig *f = fs->v[i], *last = f->mate;

		g = f->group;
		if (f->state == PAIRED) {
			f->track = last->track;
			g->side[OLD].v[last->at] = f;
			f->at = last->at;
		} else {
			f->track = track_new(w);
			f->track->ambiguous = f->state == AMBIGUOUS;
			f->side = OLD;
			figs_push(&g->side[OLD], f);
			f->at = g->side[OLD].n - 1;
		}
		f->track->at[k] = f;
	}
	for (i = 0; i < touched.n; i++) {
		g = touched.v[i];
		for (j = 0; j < g->side[OLD].n; j++) {
			struct fig *f = g->side[OLD].v[j];

			if (f->state == AMBIGUOUS)
				f->track->ambiguous = true;
			f->side = OLD;
			f->state = FREE;
			f->mate = NULL;
		}
		g->side[NEW].n = 0;
	}
	free(touched.v);
}

/* The audit of a track: each figure's own comparisons, and against the
 * earlier column its comparison names. */
static void
wide_check(const struct wide *w, const struct track *t, struct verdict *vd)
{
	struct verdict one;
	int k, j;

	for (k = 0; k < w->n; k++) {
		if (!t->at[k])
			continue;
		one.checks = 0;
		one.why = (struct buf)BUF_INIT;
		verdict_add(&one, t->at[k]);
		for (j = 0; j < k; j++)
			if (t->at[j])
				audit_against(&one, t->at[j], t->at[k]);
		vd->checks += one.checks;
		if (one.why.len > 0)
			buf_addf(&vd->why, "%s%s: %s", vd->why.len ? "; " : "",
				 src_label(&w->src[k]), one.why.p);
		buf_free(&one.why);
	}
}

static unsigned
track_status(const struct wide *w, const struct track *t)
{
	unsigned status = 0;
	const struct fig *first = NULL, *prev = NULL;
	int k;

	if (!t->at[0])
		status |= ST_NEW;
	if (!t->at[w->n - 1])
		status |= ST_GONE;
	if (t->ambiguous)
		status |= ST_AMBIGUOUS;
	for (k = 0; k < w->n; k++) {
		const struct fig *f = t->at[k];

		if (!f)
			continue;
		if (!first)
			first = f;
		if (prev && !num_same(prev->value, f->value))
			status |= f->value > prev->value ? ST_UP : ST_DOWN;
		prev = f;
	}
	if (first && prev && first != prev && !(status & (ST_UP | ST_DOWN)))
		status |= ST_SAME;
	return status;
}

static void
wide_write(struct wide *w)
{
	const char **names;
	struct out out;
	size_t i;
	int k;

	if (cli_out_open(&out, &w->opt->out, "series") != EXIT_OK) {
		w->src[0].bad = true;
		return;
	}
	names = xcalloc((size_t)w->n + 6, sizeof *names);
	names[0] = "measure", names[1] = "area", names[2] = "unit";
	names[3] = "kind";
	for (k = 0; k < w->n; k++)
		names[4 + k] = src_label(&w->src[k]);
	names[4 + w->n] = "check";
	out_header(&out, names);
	free(names);
	for (i = 0; i < w->ntracks; i++) {
		const struct track *t = w->tracks[i];
		const struct fig *first = NULL, *last = NULL;
		struct verdict vd = {0, BUF_INIT};

		for (k = 0; k < w->n; k++)
			if (t->at[k]) {
				last = t->at[k];
				first = first ? first : last;
			}
		wide_check(w, t, &vd);
		if (shown(w->opt, first == last ? NULL : first,
			  first == last ? NULL : last, track_status(w, t), &vd)) {
			out_fields(&out, last->s[S_MEASURE]);
			out_fields(&out, last->s[S_AREA]);
			out_fields(&out, last->s[S_UNIT]);
			out_fields(&out, last->s[S_KIND]);
			for (k = 0; k < w->n; k++)
				put_num(&out, t->at[k] != NULL,
						 t->at[k] ? t->at[k]->value : 0);
			verdict_text(&vd, &w->scratch);
			if (t->ambiguous)
				buf_adds(&w->scratch, w->scratch.len ?
					 "; ambiguous" : "ambiguous");
			out_field(&out, w->scratch.p, w->scratch.len);
			out_end(&out);
		}
		buf_free(&vd.why);
	}
	if (out_close(&out) != EXIT_OK)
		w->src[0].bad = true;
}
