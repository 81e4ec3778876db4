/*
 * diff-quarters: what went up, down, appeared or disappeared between
 * quarterly reports, and whether each report's own comparisons add up.
 *
 * Input: normalize-names output of extract-metrics, TSV or CSV.  A figure
 * is joined to the other quarter's figure with the same key (measure_key,
 * area_key, unit, kind).  A key that occurs more than once in a report is
 * matched by context, finest first (priority, commitment, heading, kind of
 * period), then by less of it, and in order of appearance where both
 * reports hold as many; what stays uneven is reported as ambiguous, never
 * guessed.
 *
 * Memory: of two inputs the smaller (by size; standard input counts as the
 * larger) is held, one small record per figure, evidence dropped.  The
 * larger is streamed: its figures that share a key with the smaller are
 * held until the end, to be matched; of the others, the first LOOSE_MAX
 * are held too, so that rows come out in NEW's order, and the rest are
 * written at once.  --wide holds every figure of every input: its output
 * has a row per key anyway.
 */
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cli.h"
#include "err.h"
#include "num.h"
#include "tsv.h"

static const char usage[] =
"usage: diff-quarters [OPTIONS] OLD NEW\n"
"       diff-quarters --wide [OPTIONS] FILE...\n"
"Compare figures of quarterly reports (normalize-names output of\n"
"extract-metrics, TSV or CSV).  Figures join on measure_key, area_key,\n"
"unit and kind; repeats of a key are told apart by priority, commitment,\n"
"heading and period, then by order; what stays uneven is 'ambiguous'.\n"
"Output columns:\n"
"  measure area unit old_period old_value new_period new_value delta\n"
"  delta_pct status check old_line new_line\n"
"status: up, down, same, new, gone, ambiguous.  check: the report's own\n"
"comparison (previous figure, change, % change) recomputed at the\n"
"report's rounding, and against OLD where NEW compares with OLD's period:\n"
"'ok', 'mismatch: why', or empty when the report states none.\n"
"\n"
"  -w, --wide             any number of quarters: one row per key, one\n"
"                         value column per period, in period order\n"
"  -o, --only LIST        rows whose status is in LIST (comma separated):\n"
"                         changed (up or down), up, down, same, new, gone,\n"
"                         ambiguous, mismatch\n"
"  -m, --min-change PCT   hide joined figures that moved less than PCT %\n"
"  -c, --csv              write CSV (RFC 4180) instead of TSV\n"
"      --help             show this help\n"
"      --version          show the version\n"
"Exit: 0 ok, 1 bad or unreadable data, 2 bad usage.\n";

enum side { OLD, NEW };

/* How many figures of the larger input that cannot join are held to keep
 * the output in order: about 35 MB, far more than any report has. */
enum { LOOSE_MAX = 1 << 16 };
enum { CTX_PRIORITY, CTX_COMMITMENT, CTX_HEADING, CTX_WHEN, NCTX };
enum state { FREE, PAIRED, AMBIGUOUS };

/* The strings of a figure, packed into one allocation. */
enum {
	S_MEASURE, S_AREA, S_UNIT, S_KIND, S_PERIOD, S_WHEN, S_PREV_WHEN,
	S_KEY, S_CTX, NSTR = S_CTX + NCTX
};

enum status {
	ST_UP = 1, ST_DOWN = 2, ST_SAME = 4, ST_NEW = 8, ST_GONE = 16,
	ST_AMBIGUOUS = 32, ST_MISMATCH = 64
};

struct fig {
	char *s[NSTR];
	double value, prev, change, pct;
	/* The unit in the last place of each figure as written: the
	 * rounding the report used, for the audit. */
	double value_ulp, prev_ulp, change_ulp, pct_ulp;
	bool has_prev, has_change, has_pct;
	int checks;		/* the report's own comparisons checked */
	char *why;		/* ...and why they fail, or NULL */
	long quarter;		/* period_index of the period, or -1 */
	long line;		/* report line, from the line column */
	long row;		/* input line, for messages */
	size_t seq;		/* order in its input */
	size_t at;		/* index in its group's list */
	enum side side;
	enum state state;
	struct fig *mate;
	struct group *group;
	struct track *track;	/* --wide */
	const char *path;
};

struct figs {
	struct fig **v;
	size_t n, cap;
};

/* The figures of one key, old and new. */
struct group {
	const char *key;	/* borrowed from its first figure */
	size_t len;
	struct figs side[2];
	bool written;		/* its ambiguous row is out */
};

struct map {
	struct group **slot;
	size_t cap, n;
};

struct groups {
	struct group **v;
	size_t n, cap;
};

struct cols {
	int measure, measure_key, area, area_key, unit, kind, value, period,
	    when, prev_value, prev_when, change, change_pct, line, evidence,
	    approx;
	int ctx[NCTX - 1];	/* CTX_WHEN comes from when */
};

struct source {
	struct table t;
	struct cols c;
	const char *path;
	enum side side;
	size_t seq;
	char *period;		/* the first period seen */
	long period_row;
	char *last_period;	/* period_index of the last row's period: */
	long last_quarter;	/* rows of one report share it */
	bool mixed;		/* warned of a second period */
	bool bad;
	bool open;
	struct buf scratch;	/* where a figure's strings are put together */
};

/* A finding of the audit: how many comparisons, and the failed ones. */
struct verdict {
	int checks;
	struct buf why;
};

struct opts {
	bool wide, csv, has_min;
	unsigned only;		/* enum status bits; 0: all */
	double min_change;
};

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

/* One row of --wide: a figure through the periods. */
struct track {
	struct fig **at;	/* per period, NULL where absent */
	bool ambiguous;
};

static int run_pair(const struct opts *, const char *, const char *);
static int run_wide(const struct opts *, char **, int);
static unsigned parse_only(const char *);

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{"wide", no_argument, NULL, 'w'},
		{"only", required_argument, NULL, 'o'},
		{"min-change", required_argument, NULL, 'm'},
		{"csv", no_argument, NULL, 'c'},
		CLI_STD_OPTIONS,
		{NULL, 0, NULL, 0}
	};
	struct opts opt = {0};
	int ch;

	err_init(argv[0]);
	while ((ch = getopt_long(argc, argv, "wo:m:c", longopts, NULL)) != -1) {
		switch (ch) {
		case 'w': opt.wide = true; break;
		case 'o': opt.only |= parse_only(optarg); break;
		case 'm':
			if (!num_parse(optarg, strlen(optarg), &opt.min_change))
				die_usage("--min-change: '%s' is not a number",
					  optarg);
			opt.has_min = true;
			break;
		case 'c': opt.csv = true; break;
		case OPT_HELP: cli_help(usage);
		case OPT_VERSION: cli_version();
		default: die_usage("unknown option");
		}
	}
	argc -= optind;
	argv += optind;
	if (opt.wide) {
		if (argc < 1)
			die_usage("--wide needs at least one input");
		return run_wide(&opt, argv, argc);
	}
	if (argc != 2)
		die_usage("need two inputs, OLD and NEW (or --wide FILE...)");
	if (strcmp(argv[0], "-") == 0 && strcmp(argv[1], "-") == 0)
		die_usage("only one input can be standard input");
	return run_pair(&opt, argv[0], argv[1]);
}

static unsigned
parse_only(const char *list)
{
	static const struct { const char *name; unsigned bits; } names[] = {
		{"changed", ST_UP | ST_DOWN}, {"up", ST_UP}, {"down", ST_DOWN},
		{"same", ST_SAME}, {"new", ST_NEW}, {"gone", ST_GONE},
		{"ambiguous", ST_AMBIGUOUS}, {"mismatch", ST_MISMATCH},
	};
	unsigned bits = 0;
	const char *p = list;
	size_t i, n;

	for (;;) {
		n = strcspn(p, ",");
		for (i = 0; i < sizeof names / sizeof names[0]; i++)
			if (strlen(names[i].name) == n &&
			    strncmp(names[i].name, p, n) == 0)
				break;
		if (i == sizeof names / sizeof names[0])
			die_usage("--only: unknown status '%.*s'", (int)n, p);
		bits |= names[i].bits;
		if (p[n] == '\0')
			return bits;
		p += n + 1;
	}
}

/* ---- reading figures ---- */

static void source_open(struct source *, const char *, enum side);
static struct fig *read_fig(struct source *);
static void source_close(struct source *);
static void fig_free(struct fig *);

/* ---- matching ---- */

static struct group *map_get(struct map *, const char *, size_t, bool);
static void map_free(struct map *);
static void group_add(struct group *, struct fig *);
static void match_group(struct group *, struct buf *);
static void figs_push(struct figs *, struct fig *);

/* ---- the audit ---- */

static void verdict_add(struct verdict *, const struct fig *);
static void audit_against(struct verdict *, const struct fig *,
			  const struct fig *);
static void verdict_text(const struct verdict *, struct buf *);
static void write_check(struct out *, const struct verdict *);
static long period_index(const char *);

/* ---- two quarters ---- */

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

	out_init(&d.out, stdout, opt->csv);
	out_header(&d.out, pair_header);
	source_open(&src[keep], d.path[keep], keep);
	while ((f = read_fig(&src[keep])) != NULL) {
		group_add(map_get(&d.groups, f->s[S_KEY], strlen(f->s[S_KEY]),
				  true), f);
		group_add(map_get(&d.units, f->s[S_KEY],
				  strrchr(f->s[S_KEY], '\x1f') - f->s[S_KEY],
				  true), f);
		figs_push(&d.small, f);
	}
	source_open(&src[!keep], d.path[!keep], (enum side)!keep);
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
		g = map_get(&d->groups, f->s[S_KEY], strlen(f->s[S_KEY]), false);
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
	struct group *g = map_get(&d->units, key, strrchr(key, '\x1f') - key,
				  false);
	const struct fig *o;

	if (!g || key[0] == '\x1f')	/* unnamed: not known to be one */
		return;
	o = g->side[!f->side].v[0];
	warn_at(f->path, f->row, "'%s' is in %s here but in %s at %s:%ld;"
		" not joined", f->s[S_MEASURE], f->s[S_UNIT], o->s[S_UNIT],
		o->path, o->row);
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
	long oi = o->period ? period_index(o->period) : -1;
	long ni = n->period ? period_index(n->period) : -1;

	if (oi >= 0 && ni >= 0 && oi > ni)
		warn_at(n->path, n->period_row, "NEW period %s comes before"
			" OLD period %s (%s:%ld): are OLD and NEW swapped?",
			n->period, o->period, o->path, o->period_row);
}

/* Does a row pass --only and --min-change?  A figure that moved from
 * nothing has moved by an infinite percentage. */
static bool
shown(const struct opts *opt, const struct fig *o, const struct fig *n,
      unsigned status, const struct verdict *vd)
{
	bool mismatch = vd->why.len > 0;

	if (opt->only && !(opt->only & status) &&
	    !(mismatch && (opt->only & ST_MISMATCH)))
		return false;
	if (opt->has_min && o && n && o->value != 0 &&
	    fabs((n->value - o->value) / o->value) * 100 < opt->min_change)
		return false;
	if (opt->has_min && o && n && o->value == 0 && n->value == 0)
		return false;
	return true;
}

/* out_num_or_empty, with numbers of at most two decimals (most
 * figures, and every delta_pct) written without going through printf's
 * floating point, which is most of the time of a large diff. */
static void
put_num(struct out *out, bool present, double v)
{
	char tmp[32], *p = tmp + sizeof tmp;
	double cents = round(v * 100);
	unsigned long long u;
	int decimals = 2;

	if (!present || fabs(v * 100 - cents) > 1e-9 * fmax(1, fabs(v)) ||
	    fabs(v) >= 1e13) {
		out_num_or_empty(out, present, v);
		return;
	}
	u = (unsigned long long)fabs(cents);
	for (; decimals > 0 && u % 10 == 0; decimals--)
		u /= 10;
	for (; decimals > 0; decimals--, u /= 10)
		*--p = (char)('0' + u % 10);
	if (p < tmp + sizeof tmp)
		*--p = '.';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (cents < 0)
		*--p = '-';
	out_field(out, p, (size_t)(tmp + sizeof tmp - p));
}

static void
out_line(struct out *out, const struct fig *f)
{
	put_num(out, f && f->line > 0, f ? (double)f->line : 0);
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
	char num[64];
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

/* ---- many quarters ---- */

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
		source_open(&w->src[k], paths[k], NEW);
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
		long pi = s.period ? period_index(s.period) : -1;

		for (j = i; j > 0; j--) {
			struct source *p = &w->src[j - 1];
			long pj = p->period ? period_index(p->period) : -1;

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
	struct group *g = map_get(&w->units, key, strrchr(key, '\x1f') - key,
				  true);
	const struct fig *o;

	if (k > 0 && g->side[OLD].n > 0 && key[0] != '\x1f' &&
	    g->side[OLD].v[0]->path != f->path) {
		o = g->side[OLD].v[0];
		warn_at(f->path, f->row, "'%s' is in %s here but in %s at"
			" %s:%ld; not one row", f->s[S_MEASURE],
			f->s[S_UNIT], o->s[S_UNIT], o->path, o->row);
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
		g = map_get(&w->groups, fs->v[i]->s[S_KEY],
			    strlen(fs->v[i]->s[S_KEY]), true);
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
	struct out out;
	size_t i;
	int k;

	out_init(&out, stdout, w->opt->csv);
	out_fields(&out, "measure");
	out_fields(&out, "area");
	out_fields(&out, "unit");
	out_fields(&out, "kind");
	for (k = 0; k < w->n; k++)
		out_fields(&out, src_label(&w->src[k]));
	out_fields(&out, "check");
	out_end(&out);
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

/* ---- reading figures ---- */

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
	static const char *const prio[] = {"priority_title_key",
		"priority_key", "priority_title", "priority", NULL};
	static const char *const commit[] = {"commitment_key", "commitment",
		NULL};
	static const char *const head[] = {"heading_key", "heading", NULL};

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
	c->ctx[CTX_PRIORITY] = col_any(t, prio);
	c->ctx[CTX_COMMITMENT] = col_any(t, commit);
	c->ctx[CTX_HEADING] = col_any(t, head);
}

static void
source_open(struct source *s, const char *path, enum side side)
{
	bool empty;

	memset(s, 0, sizeof *s);
	s->side = side;
	if (table_open(&s->t, path, false, &empty) != EXIT_OK)
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
	s->open = false;
}

static struct fig *fig_make(struct source *, double);

/* The next figure with a value.  A row without one (a change stated
 * alone) has nothing to compare; a value that is not a number is an
 * error of the input, reported, and the run ends with status 1. */
static struct fig *
read_fig(struct source *s)
{
	const char *v;
	double value;
	int r;

	if (s->t.ncols == 0)
		return NULL;
	while ((r = table_next(&s->t)) > 0) {
		if (s->t.row.n != s->t.ncols) {
			warn_at(s->path, s->t.line, "%zu fields, header has"
				" %zu: missing ones read as empty, extra ones"
				" ignored", s->t.row.n, s->t.ncols);
			s->bad = true;
		}
		v = table_get(&s->t, s->c.value);
		if (*v == '\0')
			continue;
		if (!num_parse(v, strlen(v), &value)) {
			warn_at(s->path, s->t.line, "value '%s' is not a"
				" number; row left out", v);
			s->bad = true;
			continue;
		}
		return fig_make(s, value);
	}
	if (r < 0)
		s->bad = true;
	return NULL;
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

static void when_class(struct buf *, const char *);
static void audit_own(struct fig *, const char *);
static void note_period(struct source *, const char *);

/* Append str to a figure's block of strings, noting where it starts. */
static void
pack(struct buf *b, size_t *off, const char *str)
{
	*off = b->len;
	buf_adds(b, str);
	buf_addc(b, '\0');
}

/* The strings of the current row's figure, in one block: names, period,
 * the join key and the context. */
static void
fig_strings(struct source *s, struct fig *f)
{
	const struct cols *c = &s->c;
	const struct table *t = &s->t;
	const char *kind = *table_get(t, c->kind) ? table_get(t, c->kind) :
			   "actual";
	struct buf *b = &s->scratch;
	size_t off[NSTR], i;

	buf_reset(b);
	pack(b, &off[S_MEASURE], table_get(t, c->measure >= 0 ? c->measure :
					   c->measure_key));
	pack(b, &off[S_AREA], table_get(t, c->area));
	pack(b, &off[S_UNIT], table_get(t, c->unit));
	pack(b, &off[S_KIND], kind);
	pack(b, &off[S_PERIOD], table_get(t, c->period));
	pack(b, &off[S_WHEN], table_get(t, c->when));
	pack(b, &off[S_PREV_WHEN], table_get(t, c->prev_when));
	/* The key, unit last: the rest is a prefix for warn_unit. */
	off[S_KEY] = b->len;
	buf_adds(b, table_get(t, c->measure_key));
	buf_addc(b, '\x1f');
	buf_adds(b, table_get(t, c->area_key >= 0 ? c->area_key : c->area));
	buf_addc(b, '\x1f');
	buf_adds(b, kind);
	buf_addc(b, '\x1f');
	pack(b, &i, table_get(t, c->unit));
	for (i = 0; i < NCTX; i++) {
		off[S_CTX + i] = b->len;
		if (i == CTX_WHEN)
			when_class(b, table_get(t, c->when));
		else
			buf_adds(b, table_get(t, c->ctx[i]));
		buf_addc(b, '\0');
	}
	f->s[0] = xmalloc(b->len);	/* the block; fig_free frees it */
	memcpy(f->s[0], b->p, b->len);
	for (i = 1; i < NSTR; i++)
		f->s[i] = f->s[0] + off[i];
}

/* The figure of the current row. */
static struct fig *
fig_make(struct source *s, double value)
{
	const struct cols *c = &s->c;
	struct fig *f = xcalloc(1, sizeof *f);
	const char *line;
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
	line = table_get(&s->t, c->line);
	f->line = *line ? strtol(line, NULL, 10) : 0;
	f->row = s->t.line;
	f->seq = s->seq++;
	f->side = s->side;
	f->path = s->path;
	note_period(s, f->s[S_PERIOD]);
	if (!s->last_period || strcmp(s->last_period, f->s[S_PERIOD]) != 0) {
		free(s->last_period);
		s->last_period = xstrdup(f->s[S_PERIOD]);
		s->last_quarter = period_index(f->s[S_PERIOD]);
	}
	f->quarter = s->last_quarter;
	audit_own(f, table_get(&s->t, c->evidence));
	return f;
}

static void
fig_free(struct fig *f)
{
	if (!f)
		return;
	free(f->s[0]);
	free(f->why);
	free(f);
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

/* The kind of period a figure is for, without its dates, so that "in
 * the last quarter" of one report meets "this quarter" of the next and
 * "year to date" stays apart: stop words, years and quarter numbers
 * dropped, and month names become one "month": "September 2019" and
 * "December 2019" are both a month's snapshot, unlike a quarter's total. */
static void
when_class(struct buf *out, const char *s)
{
	static const char *const drop[] = {
		"the", "a", "in", "of", "on", "for", "to", "at", "by", "this",
		"last", "current", "past", "reporting", "end", "during",
		"since", "as", "q1", "q2", "q3", "q4", NULL
	};
	static const char *const months[] = {
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december", NULL
	};
	char word[32];
	size_t n, i;
	bool first = true, month = false;

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
		for (i = 0; drop[i] && strcmp(drop[i], word) != 0; i++)
			;
		if (drop[i] || strspn(word, "0123456789") == n)
			continue;
		for (i = 0; months[i] && strcmp(months[i], word) != 0; i++)
			;
		if (months[i] && month)
			continue;
		if (months[i]) {
			month = true;
			strcpy(word, "month");
		}
		if (!first)
			buf_addc(out, ' ');
		buf_adds(out, word);
		first = false;
	}
}

/* ---- matching ---- */

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

/* The group of key[0..n), made when add is set (then key must outlive
 * the map: it is a figure's); NULL when absent. */
static struct group *
map_get(struct map *m, const char *key, size_t n, bool add)
{
	size_t i, mask;
	struct group *g;

	if (add && (m->n + 1) * 2 > m->cap) {
		struct map bigger = {NULL, m->cap ? m->cap * 2 : 64, 0};

		bigger.slot = xcalloc(bigger.cap, sizeof *bigger.slot);
		for (i = 0; i < m->cap; i++) {
			if (!(g = m->slot[i]))
				continue;
			size_t j = hash(g->key, g->len) & (bigger.cap - 1);
			while (bigger.slot[j])
				j = (j + 1) & (bigger.cap - 1);
			bigger.slot[j] = g;
		}
		free(m->slot);
		m->slot = bigger.slot;
		m->cap = bigger.cap;
	}
	if (m->cap == 0)
		return NULL;
	mask = m->cap - 1;
	for (i = hash(key, n) & mask; (g = m->slot[i]); i = (i + 1) & mask)
		if (g->len == n && memcmp(g->key, key, n) == 0)
			return g;
	if (!add)
		return NULL;
	g = xcalloc(1, sizeof *g);
	g->key = key;
	g->len = n;
	m->slot[i] = g;
	m->n++;
	return g;
}

static void
map_free(struct map *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++) {
		if (!m->slot[i])
			continue;
		free(m->slot[i]->side[OLD].v);
		free(m->slot[i]->side[NEW].v);
		free(m->slot[i]);
	}
	free(m->slot);
}

static void
figs_push(struct figs *fs, struct fig *f)
{
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 1;
		fs->v = xrealloc(fs->v, fs->cap * sizeof *fs->v);
	}
	fs->v[fs->n++] = f;
}

/* The units map shares figures with the groups map: only the groups map
 * sets f->group. */
static void
group_add(struct group *g, struct fig *f)
{
	if (!f->group || f->group == g) {
		f->group = g;
		f->at = g->side[f->side].n;
	}
	figs_push(&g->side[f->side], f);
}

struct item {
	struct fig *f;
	const char *sig;
};

static int
item_cmp(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	int c = strcmp(x->sig, y->sig);

	if (c != 0)
		return c;
	if (x->f->side != y->f->side)
		return x->f->side == OLD ? -1 : 1;
	return x->f->seq < y->f->seq ? -1 : x->f->seq > y->f->seq;
}

/* Give each item its context signature at a level: the context fields
 * the level keeps.  They live in scratch, so pointers come last. */
static void
sign_items(struct item *it, size_t n, unsigned keep, struct buf *scratch)
{
	size_t i, k;

	buf_reset(scratch);
	for (i = 0; i < n; i++) {
		it[i].sig = (const char *)(uintptr_t)scratch->len;
		for (k = 0; k < NCTX; k++) {
			if (keep & (1u << k))
				buf_adds(scratch, it[i].f->s[S_CTX + k]);
			buf_addc(scratch, '\x1f');
		}
		buf_addc(scratch, '\0');
	}
	for (i = 0; i < n; i++)
		it[i].sig = scratch->p + (uintptr_t)it[i].sig;
}

/* Pair the runs of one signature that hold as many old figures as new
 * (at most one of each with max_run 2), in order; return how many items
 * are left, packed to the front. */
static size_t
pair_runs(struct item *it, size_t n, size_t max_run)
{
	size_t i, j, k, nold, left = 0;

	for (i = 0; i < n; i = j) {
		for (j = i, nold = 0; j < n && strcmp(it[j].sig, it[i].sig)
		     == 0; j++)
			nold += it[j].f->side == OLD;
		if (nold > 0 && 2 * nold == j - i && j - i <= max_run) {
			for (k = 0; k < nold; k++) {
				it[i + k].f->mate = it[i + nold + k].f;
				it[i + nold + k].f->mate = it[i + k].f;
				it[i + k].f->state = PAIRED;
				it[i + nold + k].f->state = PAIRED;
			}
			continue;
		}
		for (k = i; k < j; k++)
			it[left++] = it[k];
	}
	return left;
}

/* Match the free figures of a key, finest context first: priority,
 * commitment, heading and kind of period; then without the period, the
 * heading, the commitment; then all together, in order.  Uneven
 * leftovers on both sides are ambiguous.
 *
 * Figures without a measure_key (the extractor could not name them) are
 * not known to measure one thing: they pair only one to one in the same
 * full context, and stay new and gone otherwise. */
static void
match_group(struct group *g, struct buf *scratch)
{
	static const unsigned levels[] = {0xF, 0x7, 0x3, 0x1, 0x0};
	bool named = g->key[0] != '\x1f';
	size_t n = 0, i, s, nold = 0;
	struct item *it;

	if (g->side[OLD].n == 0 || g->side[NEW].n == 0)
		return;
	if (named && g->side[OLD].n == 1 && g->side[NEW].n == 1 &&
	    g->side[OLD].v[0]->state == FREE &&
	    g->side[NEW].v[0]->state == FREE) {
		/* What every level would end in, without the sorting. */
		g->side[OLD].v[0]->mate = g->side[NEW].v[0];
		g->side[NEW].v[0]->mate = g->side[OLD].v[0];
		g->side[OLD].v[0]->state = PAIRED;
		g->side[NEW].v[0]->state = PAIRED;
		return;
	}
	it = xmalloc((g->side[OLD].n + g->side[NEW].n) * sizeof *it);
	for (s = OLD; s <= NEW; s++)
		for (i = 0; i < g->side[s].n; i++)
			if (g->side[s].v[i]->state == FREE)
				it[n++].f = g->side[s].v[i];
	for (i = 0; i < (named ? sizeof levels / sizeof levels[0] : 1) &&
	     n > 0; i++) {
		sign_items(it, n, levels[i], scratch);
		qsort(it, n, sizeof *it, item_cmp);
		n = pair_runs(it, n, named ? n : 2);
	}
	for (i = 0; i < n; i++)
		nold += it[i].f->side == OLD;
	if (named && nold > 0 && nold < n)
		for (i = 0; i < n; i++)
			it[i].f->state = AMBIGUOUS;
	free(it);
}

/* ---- the audit ---- */

static void
because(struct verdict *vd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
because(struct verdict *vd, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (vd->why.len > 0)
		buf_adds(&vd->why, "; ");
	buf_adds(&vd->why, msg);
}

static const char *
fmt(char *b, double v)
{
	num_format(v, b, 32);
	return b;
}

static const char *
fmt_signed(char *b, double v)
{
	num_format_signed(v, b, 32);
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
	    double p, double up, bool change)
{
	char a[32], b[32], c[32], d[32];
	double lo, hi;

	if (change && f->has_change) {
		vd->checks++;
		lo = v - uv / 2 - (p + up / 2);
		hi = v + uv / 2 - (p - up / 2);
		if (!meets(lo, hi, f->change, f->change_ulp))
			because(vd, "change %s, but %s - %s = %s",
				fmt_signed(a, f->change), fmt(b, v), fmt(c, p),
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
		because(vd, "change %s%%, but %s against %s is %s%%",
			fmt_signed(a, f->pct), fmt(b, v), fmt(c, p),
			fmt_signed(d, round((v - p) / p * 1000) / 10));
	}
}

static int said_direction(const char *, double);

/* A figure's own comparison: direction words, change and % change
 * against its previous figure; without one, % change against change. */
static void
audit_own(struct fig *f, const char *evidence)
{
	struct verdict vd = {0, BUF_INIT};
	char a[32], b[32];
	int said;

	if (f->has_prev) {
		said = said_direction(evidence, f->prev);
		if (said != 0) {
			vd.checks++;
			if ((said > 0 && !(f->value > f->prev)) ||
			    (said < 0 && !(f->value < f->prev)))
				because(&vd, "says %s from %s, but %s is %s",
					said > 0 ? "up" : "down",
					fmt(a, f->prev), fmt(b, f->value),
					num_same(f->value, f->prev) ?
					"the same" : said > 0 ? "lower" :
					"higher");
		}
		check_arith(&vd, f, f->value, f->value_ulp, f->prev,
			    f->prev_ulp, true);
	} else if (f->has_change && f->has_pct) {
		check_arith(&vd, f, f->value, f->value_ulp,
			    f->value - f->change, f->value_ulp + f->change_ulp,
			    false);
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
 * "an increase on"..., -1 for "down from", "fell from"..., 0 for none. */
static int
direction_before(const char *text, size_t at)
{
	static const char *const up[] = {"up", "increase", "increases",
		"increased", "increasing", "rise", "rises", "rose", "risen",
		"rising", "grew", "grown", "growth", "higher", NULL};
	static const char *const down[] = {"down", "decrease", "decreases",
		"decreased", "decreasing", "decline", "declined", "fall",
		"falls", "fell", "fallen", "falling", "drop", "drops",
		"dropped", "reduced", "reduction", "lower", NULL};
	char word[16];
	size_t end = at, n, i;
	int words;

	for (words = 0; words < 4 && end > 0; words++) {
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
		word[n] = '\0';
		for (i = 0; up[i]; i++)
			if (strcmp(up[i], word) == 0)
				return 1;
		for (i = 0; down[i]; i++)
			if (strcmp(down[i], word) == 0)
				return -1;
		end -= n;
	}
	return 0;
}

/* What the evidence says of the previous figure's direction: the words
 * before its first mention with any ("254, down from 238"). */
static int
said_direction(const char *text, double prev)
{
	size_t i, j, n = strlen(text);
	double x;
	int dir;

	for (i = 0; i < n; i = j > i ? j : i + 1) {
		j = i;
		if (text[i] < '0' || text[i] > '9' ||
		    (i > 0 && (text[i - 1] == '.' || text[i - 1] == ',' ||
			       (text[i - 1] >= '0' && text[i - 1] <= '9'))))
			continue;
		while (j < n && ((text[j] >= '0' && text[j] <= '9') ||
				 ((text[j] == ',' || text[j] == '.') &&
				  j + 1 < n && text[j + 1] >= '0' &&
				  text[j + 1] <= '9')))
			j++;
		if (!num_parse(text + i, j - i, &x))
			continue;
		if (j < n && (text[j] == 'm' || text[j] == 'k') &&
		    (j + 1 == n || !is_word_char(text[j + 1])))
			x *= text[j] == 'm' ? 1e6 : 1e3;
		if (!num_same(x, prev))
			continue;
		dir = direction_before(text, i > 0 && text[i - 1] == '\xa3' ?
				       i - 1 : i);
		if (dir != 0)
			return dir;
	}
	return 0;
}

/* "2019/20 Q2" as a count of quarters, or -1. */
static long
period_index(const char *s)
{
	int y, y2, q;

	while (*s && (*s < '0' || *s > '9'))
		s++;
	if (sscanf(s, "%4d/%2d Q%1d", &y, &y2, &q) != 3 || q < 1 || q > 4)
		return -1;
	return (long)y * 4 + q - 1;
}

/* The first "September 2019", "Sept 2019", "Jun-23" in lower-case s. */
static bool
month_year(const char *s, int *month, int *year)
{
	static const char *const names[] = {"january", "february", "march",
		"april", "may", "june", "july", "august", "september",
		"october", "november", "december"};
	const char *w;
	size_t n, i;
	char *end;

	for (w = s; *w; w += n ? n : 1) {
		for (n = 0; is_word_char(w[n]); n++)
			;
		if (n < 3 || (w > s && is_word_char(w[-1])))
			continue;
		for (i = 0; i < 12; i++)
			if (strncmp(names[i], w, n) == 0 ||
			    (n == 4 && strncmp(w, "sept", 4) == 0 && i == 8))
				break;
		if (i == 12 || (w[n] != ' ' && w[n] != '-'))
			continue;
		*year = (int)strtol(w + n + 1, &end, 10);
		if (end - (w + n + 1) == 2)
			*year += 2000;
		else if (end - (w + n + 1) != 4)
			continue;
		*month = (int)i + 1;
		return true;
	}
	return false;
}

/* The financial quarter (April to March) of a month and year. */
static long
month_quarter(int month, int year)
{
	int fy = month >= 4 ? year : year - 1;

	return (long)fy * 4 + (month + 8) % 12 / 3;
}

/* Which quarter a comparison's period names, seen from quarter now:
 * "the previous quarter", "the same period last year", "September 2019",
 * "2019/20 Q2"; -1 when it cannot tell. */
static long
resolve_when(const char *when, long now)
{
	char low[128];
	size_t i;
	int month, year;

	for (i = 0; when[i] && i < sizeof low - 1; i++)
		low[i] = (char)(when[i] >= 'A' && when[i] <= 'Z' ?
				when[i] + 32 : when[i]);
	low[i] = '\0';
	if (period_index(low) >= 0 && strchr(low, 'q'))
		return period_index(low);
	if (month_year(low, &month, &year))
		return month_quarter(month, year);
	if (now < 0)
		return -1;
	if (strstr(low, "previous quarter") || strstr(low, "preceding quarter")
	    || strstr(low, "prior quarter") || strstr(low, "last quarter"))
		return now - 1;
	if (strstr(low, "same period") || strstr(low, "same quarter") ||
	    strstr(low, "last year") || strstr(low, "previous year"))
		return now - 4;
	return -1;
}

/* Where NEW compares with the quarter OLD reports, its comparison must
 * agree with OLD's figure. */
static void
audit_against(struct verdict *vd, const struct fig *o, const struct fig *n)
{
	long oi = o->quarter;
	char a[32], b[32];

	if (oi < 0 || (!n->has_prev && !n->has_change && !n->has_pct) ||
	    resolve_when(n->s[S_PREV_WHEN], n->quarter)
	    != oi)
		return;
	if (!n->has_prev) {
		check_arith(vd, n, n->value, n->value_ulp, o->value,
			    o->value_ulp, true);
		return;
	}
	vd->checks++;
	if (!meets(n->prev - n->prev_ulp / 2, n->prev + n->prev_ulp / 2,
		   o->value, o->value_ulp))
		because(vd, "previous %s, but %s says %s (line %ld)",
			fmt(a, n->prev), o->s[S_PERIOD], fmt(b, o->value),
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

static void
verdict_text(const struct verdict *vd, struct buf *out)
{
	buf_reset(out);
	buf_grow(out, 1);
	if (vd->why.len > 0) {
		buf_adds(out, "mismatch: ");
		buf_add(out, vd->why.p, vd->why.len);
	} else if (vd->checks > 0) {
		buf_adds(out, "ok");
	}
}

static void
write_check(struct out *out, const struct verdict *vd)
{
	struct buf text = BUF_INIT;

	verdict_text(vd, &text);
	out_field(out, text.p, text.len);
	buf_free(&text);
}
