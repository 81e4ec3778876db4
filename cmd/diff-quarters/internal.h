/* internal.h: what the files of diff-quarters share: a figure, the
 * inputs it comes from, the groups the join makes, the audit's verdict,
 * and the few functions a file calls before main.c has included the file
 * that defines them.  Everything is static: main.c is the one translation
 * unit. */
#include <errno.h>
#include <float.h>
#include <limits.h>
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
#include "lex-quarters.h"
#include "num.h"
#include "period.h"
#include "span.h"
#include "tsv.h"

/* Between the parts of a key and of a context signature: a control
 * character, which no name holds. */
#define KEY_SEP '\x1f'

/* Room for any number num_format writes: a sign, the 309 digits of the
 * largest double, a point, 10 decimals and the NUL.  A message never cuts
 * a number; figures the report wrote are quoted as written. */
enum { NUM_TEXT = 1 + DBL_MAX_10_EXP + 1 + 1 + 10 + 1 };

enum side { OLD, NEW };

/* How many figures of the larger input that cannot join are held to keep
 * the output in order: about 35 MB, far more than any report has. */
enum { LOOSE_MAX = 1 << 16 };

/* The context that tells repeats of a key apart, finest last; a set of
 * them is a mask of CTX_BIT()s. */
enum { CTX_PRIORITY, CTX_COMMITMENT, CTX_HEADING, CTX_WHEN, NCTX };
#define CTX_BIT(k) (1u << (k))
enum state { FREE, PAIRED, AMBIGUOUS };

/* The strings of a figure, packed into one allocation. */
enum {
	S_MEASURE, S_AREA, S_UNIT, S_KIND, S_PERIOD, S_WHEN, S_PREV_WHEN,
	/* the numbers as the report wrote them, for messages */
	S_VALUE_TEXT, S_PREV_TEXT, S_CHANGE_TEXT, S_PCT_TEXT,
	S_KEY, S_CTX, NSTR = S_CTX + NCTX
};

enum status {
	ST_UP = 1, ST_DOWN = 2, ST_SAME = 4, ST_NEW = 8, ST_GONE = 16,
	ST_AMBIGUOUS = 32, ST_MISMATCH = 64
};

struct track;		/* --wide: a figure through the periods (wide.c) */

struct fig {
	char *s[NSTR];
	double value, prev, change, pct;
	/* The unit in the last place of each figure as written: the
	 * rounding the report used, for the audit. */
	double value_ulp, prev_ulp, change_ulp, pct_ulp;
	bool has_prev, has_change, has_pct;
	int checks;		/* the report's own comparisons checked */
	char *why;		/* ...and why they fail, or NULL */
	long quarter;		/* report_quarter of the period, or -1 */
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
	char *last_period;	/* report_quarter of the last row's period: */
	long last_quarter;	/* rows of one report share it */
	bool mixed;		/* warned of a second period */
	bool bad;
	bool open;
	struct buf scratch;	/* where a figure's strings are put together */
	const struct lex *words;	/* data/lexicon/quarters.tsv */
	struct warn_count *warns;	/* the run's, [NWARN] */
};

/* A finding of the audit: how many comparisons, and the failed ones. */
struct verdict {
	int checks;
	struct buf why;
};

/* Warnings that can repeat on every row, capped per kind (lib/err.h). */
enum warn_kind { W_WIDTH, W_VALUE, W_LINE, W_UNIT, NWARN };

/* The options, and the word lists every part reads. */
struct opts {
	struct warn_count *warns;	/* [NWARN], the run's counts */
	struct cli_out out;	/* -c, --no-bom, -x FILE, --strict */
	bool wide, has_min;
	unsigned only;		/* enum status bits; 0: all */
	double min_change;
	const struct lex *words;	/* data/lexicon/quarters.tsv */
};

/* Called before the file that defines them, in main.c's order. */
static void fig_strings(struct source *s, struct fig *f);
static long report_quarter(const char *s);
static void audit_own(struct fig *f, const struct lex *words,
		      const char *evidence);
static bool shown(const struct opts *opt, const struct fig *o,
		  const struct fig *n, unsigned status,
		  const struct verdict *vd);
static void put_num(struct out *out, bool present, double v);
static void out_line(struct out *out, const struct fig *f);
static void verdict_text(const struct verdict *vd, struct buf *out);
static void write_check(struct out *out, const struct verdict *vd);
