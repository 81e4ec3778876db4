/* wide.c: --wide, any number of quarters: one row per series (a track
 * of a figure through the periods), one value column per period, in
 * period order.  Each period is linked (link.c) against the latest
 * observation of every series, so a quarter a series skips does not
 * split it; a series keeps the words of its last HISTORY_MAX observations.
 * A figure that restates an earlier period ("Quarter 2024/25" in a
 * 2025/26 table, "92 first reported" for 2022/23 Q4) is linked to that
 * period's figures and checked against them: the audit of restatements. */

struct wide {
	const struct opts *opt;
	struct source *src;	/* in period order */
	struct figs *figs;	/* per source */
	int n;
	struct track **tracks;
	size_t ntracks, captracks;
	struct buf scratch;
	struct review review;
	struct linkage lk;	/* reused by every step */
	struct map units;	/* key without unit -> the first figure of each unit */
	struct xlsx *out_x;	/* the workbook written, or NULL */
};

/* One row of --wide: a figure through the periods. */
struct track {
	struct fig **at;	/* per period, NULL where absent */
	struct fig *latest;
	struct fig *hist[HISTORY_MAX];	/* the latest observations, oldest first */
	size_t nhist;
	double *score;		/* per period: the link that brought it */
	enum band *band;	/* ... and its band (BAND_NONE: a start) */
	bool ambiguous;
	struct verdict restated;	/* restatements of it, checked */
};

static void wide_load(struct wide *, char **);
static void wide_sort(struct wide *);
static void wide_link(struct wide *, int);
static void wide_restated(struct wide *, int);
static void wide_write(struct wide *);

static int
run_wide(const struct opts *opt, char **paths, int n)
{
	struct wide w = {.opt = opt, .n = n};
	int k, status = EXIT_OK, s;
	size_t i;

	w.lk.opt = opt;
	w.src = xcalloc((size_t)n, sizeof *w.src);
	w.figs = xcalloc((size_t)n, sizeof *w.figs);
	wide_load(&w, paths);
	wide_sort(&w);
	for (k = 0; k < n; k++)
		for (i = 0; i < w.figs[k].n; i++)
			w.figs[k].v[i]->col = k;
	vocab_finish(opt->vocab);
	for (k = 0; k < n; k++) {
		wide_link(&w, k);
		wide_restated(&w, k);
	}
	wide_write(&w);
	if (opt->review && (s = review_write(&w.review, opt->review)) != EXIT_OK)
		status = s;

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
		free(w.tracks[i]->score);
		free(w.tracks[i]->band);
		buf_free(&w.tracks[i]->restated.why);
		buf_free(&w.tracks[i]->restated.note);
		free(w.tracks[i]);
	}
	free(w.tracks);
	free(w.src);
	free(w.figs);
	linkage_free(&w.lk);
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
		for (size_t i = 0; i < w->figs[k].n; i++)
			place_in_report(&w->src[k], w->figs[k].v[i]);
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
	struct track *t = xcalloc(1, sizeof *t);

	t->at = xcalloc((size_t)w->n, sizeof *t->at);
	t->score = xcalloc((size_t)w->n, sizeof *t->score);
	t->band = xcalloc((size_t)w->n, sizeof *t->band);
	if (w->ntracks == w->captracks) {
		w->captracks = w->captracks ? 2 * w->captracks : 64;
		w->tracks = xrealloc(w->tracks, w->captracks * sizeof *w->tracks);
	}
	w->tracks[w->ntracks++] = t;
	return t;
}

/* Period k's figure f continues track t. */
static void
track_add(struct track *t, int k, struct fig *f)
{
	t->at[k] = f;
	t->latest = f;
	f->track = t;
	if (t->nhist == HISTORY_MAX) {
		memmove(t->hist, t->hist + 1, (HISTORY_MAX - 1) * sizeof *t->hist);
		t->nhist--;
	}
	t->hist[t->nhist++] = f;
}

/* For link.c: a series' observations, and the latest one a figure's
 * series has (the OLD it stands for in this period's run). */
static struct fig **
track_history(struct fig *o, size_t *n)
{
	*n = o->track->nhist;
	return o->track->hist;
}

static struct fig *
track_head(struct fig *f)
{
	return f->track ? f->track->latest : NULL;
}

/* A series' first figure: if an earlier period had its measure, area and
 * kind in another unit, say why they are not one row. */
static void
wide_unit(struct wide *w, struct fig *f, int k)
{
	const char *key = f->s[S_KEY];
	struct group *g = map_get(&w->units, key, key_sans_unit(key), true);
	size_t i;

	for (i = 0; i < g->side[OLD].n; i++)
		if (strcmp(g->side[OLD].v[i]->s[S_UNIT], f->s[S_UNIT]) == 0)
			return;		/* its unit is known: nothing to say */
	if (k > 0 && g->side[OLD].n > 0 && key_named(key)) {
		const struct fig *o = g->side[OLD].v[0];

		warn_capped(&w->opt->warns[W_UNIT], f->path, f->row, "'%s' is"
			    " in %s here but in %s at %s:%ld; not one row",
			    f->s[S_MEASURE], f->s[S_UNIT], o->s[S_UNIT],
			    o->path, o->row);
	}
	group_add(g, f, OLD);
}

/* Continue the tracks with period k's figures: linked to a series'
 * latest figure, or a new series (an ambiguous one marked so). */
static void
wide_link(struct wide *w, int k)
{
	struct figs news = {0}, olds = {0};
	struct linkage *lk = &w->lk;
	size_t i;

	for (i = 0; i < w->figs[k].n; i++)
		if (!w->figs[k].v[i]->restated)
			figs_push(&news, w->figs[k].v[i]);
	for (i = 0; i < w->ntracks; i++) {
		w->tracks[i]->latest->side = OLD;
		figs_push(&olds, w->tracks[i]->latest);
	}
	lk->olds = olds.v;
	lk->no = olds.n;
	lk->news = news.v;
	lk->nn = news.n;
	lk->history = track_history;
	lk->head = track_head;
	if (k > 0) {
		link_run(lk);
		review_collect(w->opt->review ? &w->review : NULL, lk);
	}
	for (i = 0; i < news.n; i++) {
		struct fig *f = news.v[i];
		struct track *t;

		if (f->state == PAIRED) {
			t = f->mate->track;
			t->score[k] = f->score;
			t->band[k] = f->band;
		} else if (f->repeat_of) {
			continue;	/* the figure again: its twin's series */
		} else {
			wide_unit(w, f, k);
			t = track_new(w);
			t->ambiguous = f->state == AMBIGUOUS;
			if (f->state == AMBIGUOUS)
				for (size_t m = 0; m < f->tie->v.n; m++)
					if (f->tie->v.v[m]->side == OLD)
						f->tie->v.v[m]->track->ambiguous = true;
		}
		track_add(t, k, f);
	}
	for (i = 0; i < news.n; i++)	/* the next period's OLD */
		news.v[i]->side = NEW;
	linkage_reset(lk);
	free(news.v);
	free(olds.v);
}

/* The column of an earlier period a figure's "when" names, or -1. */
static int
column_of(const struct wide *w, int k, const struct fig *f)
{
	struct period p;
	long q;
	int j;

	if (!period_find(f->s[S_WHEN], strlen(f->s[S_WHEN]), &p) ||
	    (q = period_quarter(&p)) < 0)
		return -1;
	for (j = 0; j < k; j++)
		if (w->src[j].period && report_quarter(w->src[j].period) == q)
			return j;
	return -1;
}

/* Period k's restatements of earlier periods, each linked to the figures
 * of the period it names and checked against the one it links to. */
static void
wide_restated(struct wide *w, int k)
{
	struct linkage *lk = &w->lk;
	size_t i, m;
	int j;

	for (i = 0; i < w->figs[k].n; i++) {
		struct fig *r = w->figs[k].v[i], *o;
		struct figs col = {0};

		if (!r->restated || (j = column_of(w, k, r)) < 0)
			continue;
		for (m = 0; m < w->figs[j].n; m++)
			if (w->figs[j].v[m]->track && !w->figs[j].v[m]->restated)
				figs_push(&col, w->figs[j].v[m]);
		r->restated = false;	/* for this run, a figure to link */
		lk->olds = col.v;
		lk->no = col.n;
		lk->news = &r;
		lk->nn = 1;
		lk->history = NULL;
		lk->head = NULL;
		link_run(lk);
		r->restated = true;
		if (r->state == PAIRED && (o = r->mate) != NULL) {
			struct verdict one = {0, BUF_INIT, BUF_INIT};

			audit_restated(&one, o, r);
			verdict_merge(&o->track->restated, &one,
				      r->band == BAND_LINKED);
		}
		r->state = FREE;
		r->mate = NULL;
		linkage_reset(lk);
		free(col.v);
	}
}

/* Is every link of a track from period j to period k sure (linked)? */
static bool
sure_from(const struct track *t, int j, int k)
{
	for (int m = j + 1; m <= k; m++)
		if (t->at[m] && t->band[m] != BAND_LINKED)
			return false;
	return true;
}

/* The audit of a track: each figure's own comparisons, against the
 * earlier column its comparison names (a finding where the links between
 * are sure, a note where one is not), and the restatements of it. */
static void
wide_check(const struct wide *w, const struct track *t, struct verdict *vd)
{
	struct verdict one, across;
	int k, j;

	for (k = 0; k < w->n; k++) {
		if (!t->at[k])
			continue;
		one = (struct verdict){0, BUF_INIT, BUF_INIT};
		across = (struct verdict){0, BUF_INIT, BUF_INIT};
		verdict_add(&one, t->at[k]);
		for (j = 0; j < k; j++)
			if (t->at[j]) {
				audit_against(&across, t->at[j], t->at[k]);
				verdict_merge(&one, &across, sure_from(t, j, k));
			}
		vd->checks += one.checks;
		if (one.why.len > 0)
			buf_addf(&vd->why, "%s%s: %s", vd->why.len ? "; " : "",
				 src_label(&w->src[k]), one.why.p);
		if (one.note.len > 0)
			buf_addf(&vd->note, "%s%s: %s", vd->note.len ? "; " : "",
				 src_label(&w->src[k]), one.note.p);
		buf_free(&one.why);
		buf_free(&one.note);
	}
	vd->checks += t->restated.checks;
	if (t->restated.why.len > 0)
		buf_addf(&vd->why, "%s%s", vd->why.len ? "; " : "",
			 t->restated.why.p);
	if (t->restated.note.len > 0)
		buf_addf(&vd->note, "%s%s", vd->note.len ? "; " : "",
			 t->restated.note.p);
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

/* The weakest link of a track: "review" if any link is, "linked" if it
 * has links, "" for a series of one observation. */
static const char *
track_band(const struct wide *w, const struct track *t)
{
	enum band b = BAND_NONE;
	int k;

	for (k = 0; k < w->n; k++)
		if (t->band[k] != BAND_NONE && (b == BAND_NONE || t->band[k] < b))
			b = t->band[k];
	return b == BAND_LINKED ? "linked" : b == BAND_REVIEW ? "review" : "";
}

/* The header: names, the periods' values, check and band, then each
 * period's source line and link score (the provenance). */
static void
wide_header(struct wide *w, struct out *out)
{
	const char **names = xcalloc(3 * (size_t)w->n + 8, sizeof *names);
	struct buf b = BUF_INIT;
	size_t *off = xcalloc(2 * (size_t)w->n + 1, sizeof *off), n = 0;
	int k;

	for (k = 0; k < w->n; k++) {
		off[2 * k] = b.len;
		buf_addf(&b, "%s line", src_label(&w->src[k]));
		buf_addc(&b, '\0');
		off[2 * k + 1] = b.len;
		buf_addf(&b, "%s link", src_label(&w->src[k]));
		buf_addc(&b, '\0');
	}
	names[n++] = "measure", names[n++] = "area", names[n++] = "unit";
	names[n++] = "kind";
	for (k = 0; k < w->n; k++)
		names[n++] = src_label(&w->src[k]);
	if (out->x)
		names[n++] = "trend";
	names[n++] = "check";
	names[n++] = "band";
	for (k = 0; k < w->n; k++)
		names[n++] = b.p + off[2 * k];
	for (k = 0; k < w->n; k++)
		names[n++] = b.p + off[2 * k + 1];
	out_header(out, names);
	free(names);
	free(off);
	buf_free(&b);
}

/* A workbook's note on a value: where the report gave it. */
static void
provenance(struct wide *w, const struct fig *f, int k)
{
	struct buf *b = &w->scratch;

	buf_reset(b);
	buf_addf(b, "%s, line %ld", src_label(&w->src[k]), f->line);
	if (f->path)
		buf_addf(b, " (%s)", f->s[S_DOC]);
	if (f->evidence && *f->evidence)
		buf_addf(b, ": %s", f->evidence);
	if (w->out_x)
		xlsx_comment(w->out_x, b->p);
}

/* The trend of a row in one cell, as block characters from low to high
 * (libxlsxwriter has no sparklines): a gap where a quarter is missing. */
static void
sparkline(const struct wide *w, const struct track *t, struct buf *b)
{
	static const char *const bar[] = {"\u2581", "\u2582", "\u2583", "\u2584",
					  "\u2585", "\u2586", "\u2587", "\u2588"};
	enum { BARS = sizeof bar / sizeof bar[0] };
	double lo = INFINITY, hi = -INFINITY;
	int k, level;

	buf_reset(b);
	for (k = 0; k < w->n; k++)
		if (t->at[k]) {
			lo = fmin(lo, t->at[k]->value);
			hi = fmax(hi, t->at[k]->value);
		}
	for (k = 0; k < w->n; k++) {
		if (!t->at[k]) {
			buf_addc(b, ' ');
			continue;
		}
		level = hi > lo ? (int)floor((t->at[k]->value - lo) / (hi - lo) *
					     (BARS - 1) + 0.5) : BARS / 2 - 1;
		buf_adds(b, bar[level]);
	}
}

/* A line chart of a tracked series (seen in TRACKED_MIN quarters or more)
 * on the workbook's Charts sheet: its values, the periods along. */
static void
chart(struct wide *w, struct xlsx *x, const struct track *t,
      const struct fig *last)
{
	struct buf title = BUF_INIT;
	const char *m = last->s[S_MEASURE];
	int k, seen = 0;

	for (k = 0; k < w->n; k++)
		seen += t->at[k] != NULL;
	if (seen < TRACKED_MIN)
		return;
	while (*m && strchr("=+-@", *m))	/* a title is never a formula */
		m++;
	buf_addf(&title, "%s%s%s (%s)", m, *last->s[S_AREA] ? ", " : "",
		 last->s[S_AREA], last->s[S_UNIT]);
	xlsx_chart_row(x, title.p, 4, 4 + w->n - 1);
	buf_free(&title);
}

static void
wide_write(struct wide *w)
{
	struct out out;
	size_t i;
	int k;

	if (cli_out_open(&out, &w->opt->out, "series") != EXIT_OK) {
		w->src[0].bad = true;
		return;
	}
	w->out_x = out.x;
	wide_header(w, &out);
	for (i = 0; i < w->ntracks; i++) {
		const struct track *t = w->tracks[i];
		const struct fig *first = NULL, *last = NULL;
		struct verdict vd = {0, BUF_INIT, BUF_INIT};

		for (k = 0; k < w->n; k++)
			if (t->at[k]) {
				last = t->at[k];
				first = first ? first : last;
			}
		wide_check(w, t, &vd);
		if (shown(w->opt, first == last ? NULL : first,
			  first == last ? NULL : last, track_status(w, t), &vd)) {
			if (out.x && vd.why.len > 0)
				xlsx_row_alert(out.x);	/* an audit finding */
			out_fields(&out, last->s[S_MEASURE]);
			out_fields(&out, last->s[S_AREA]);
			out_fields(&out, last->s[S_UNIT]);
			out_fields(&out, last->s[S_KIND]);
			for (k = 0; k < w->n; k++) {
				put_num(&out, t->at[k] != NULL,
					t->at[k] ? t->at[k]->value : 0);
				if (out.x && t->at[k])
					provenance(w, t->at[k], k);
			}
			if (out.x) {
				sparkline(w, t, &w->scratch);
				out_field(&out, w->scratch.p, w->scratch.len);
			}
			verdict_text(&vd, &w->scratch);
			if (t->ambiguous)
				buf_adds(&w->scratch, w->scratch.len ?
					 "; ambiguous" : "ambiguous");
			out_field(&out, w->scratch.p, w->scratch.len);
			out_fields(&out, track_band(w, t));
			for (k = 0; k < w->n; k++)
				out_line(&out, t->at[k]);
			for (k = 0; k < w->n; k++)
				put_num(&out, t->band[k] != BAND_NONE,
					round(t->score[k] * 100) / 100);
			if (out.x)
				chart(w, out.x, t, last);
			out_end(&out);
		}
		buf_free(&vd.why);
		buf_free(&vd.note);
	}
	if (out_close(&out) != EXIT_OK)
		w->src[0].bad = true;
}
