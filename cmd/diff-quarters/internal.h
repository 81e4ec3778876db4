/* internal.h: what the files of diff-quarters share: a figure and the
 * evidence about it, the inputs it comes from, a candidate pair and the
 * model that scores it, the audit's verdict, and the few functions a file
 * calls before main.c has included the file that defines them.
 * Everything is static: main.c is the one translation unit. */
#include <errno.h>
#include <float.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libstemmer.h>

#include "buf.h"
#include "cli.h"
#include "data.h"
#include "err.h"
#include "lex-names.h"
#include "lex-quarters.h"
#include "num.h"
#include "period.h"
#include "span.h"
#include "text.h"
#include "tsv.h"
#include "xlsx.h"

/* Between the parts of a key and of a context signature: a control
 * character, which no name holds. */
#define KEY_SEP '\x1f'

/* Room for any number num_format writes: a sign, the 309 digits of the
 * largest double, a point, 10 decimals and the NUL.  A message never cuts
 * a number; figures the report wrote are quoted as written. */
enum { NUM_TEXT = 1 + DBL_MAX_10_EXP + 1 + 1 + 10 + 1 };

#define CONCEPT_FILE "concepts.tsv"

enum side { OLD, NEW };

/* The limits: each keeps memory or work bounded, whatever the input. */
enum {
	/* figures of the larger input that cannot link, held to keep the
	 * output in order: about 35 MB, far more than any report has */
	LOOSE_MAX = 1 << 16,
	/* a longer word is not stemmed or looked up: a URL, a code */
	WORD_MAX = 48,
	/* terms kept in a bag of words: the heaviest; a long sentence's tail
	 * says little about one figure */
	BAG_MAX = 48,
	/* words in a concept's phrase, at most */
	PHRASE_MAX = 6,
	/* other numbers of a sentence kept, to see OLD's figure restated */
	NUMS_MAX = 8,
	/* concepts kept of the words around a number */
	CONCEPTS_MAX = 4,
	/* blocks whose pairs are all candidates: OLD x NEW figures of one
	 * unit and kind up to this; past it, only pairs sharing a rare word */
	BLOCK_ALL_MAX = 1 << 16,
	/* a word in more of a block's figures is too common to block on */
	BLOCK_DF_MAX = 64,
	/* candidates of one figure, at most (the best by shared words) */
	CANDIDATES_MAX = 64,
	/* pairs drawn at random from a large block, to count u on */
	U_SAMPLE = 4096,
	/* --wide: the observations of a series its words are compared with */
	HISTORY_MAX = 4,
	/* links printed per series in a workbook's chart: Excel's own sheet
	 * limits apply to the rest */
	TRACKED_MIN = 3		/* quarters a series needs for a chart */
};

/* The strings of a figure, packed into one allocation. */
enum {
	S_MEASURE, S_AREA, S_UNIT, S_KIND, S_PERIOD, S_WHEN, S_PREV_WHEN,
	/* the numbers as the report wrote them, for messages */
	S_VALUE_TEXT, S_PREV_TEXT, S_CHANGE_TEXT, S_PCT_TEXT,
	S_DOC,		/* the report: the doc column, or the input's name */
	S_BLOCK,	/* unit and kind: a figure links only within them */
	S_KEY,		/* measure_key, area_key, kind, unit: the exact key */
	S_AREA_KEY, S_WHEN_CLASS, S_OUTLINE,
	NSTR
};

enum status {
	ST_UP = 1, ST_DOWN = 2, ST_SAME = 4, ST_NEW = 8, ST_GONE = 16,
	ST_AMBIGUOUS = 32, ST_MISMATCH = 64
};

/* The bands (docs/diff-quarters.md, "Bands"), in bits of match weight. */
#define LINK_MIN 2.0		/* p >= 0.8: a weaker candidate is not linked */
#define LINKED_MIN 6.0		/* p >= 0.985 */
#define MARGIN_MIN 3.0		/* the next best reading is 8 times less likely */
#define TIE_EPS 1e-9		/* weights this close are equal */
#define DECIDED_WEIGHT 64.0	/* a person's yes */

/* What the linkage decided for a figure. */
enum state { FREE, PAIRED, AMBIGUOUS };
/* How sure a link is (docs/diff-quarters.md, "Bands"). */
enum band { BAND_NONE, BAND_REVIEW, BAND_LINKED };

/* ---- words ---- */

/* A word of a bag and its weight (how near the figure it stands). */
struct term {
	uint32_t id;
	float w;
};

/* A bag of words: terms sorted by id; norm is the length of the TF-IDF
 * vector, set once the document frequencies are known. */
struct bag {
	struct term *v;
	uint16_t n;
	float norm;
	unsigned refs;		/* figures sharing it (a sentence, a section) */
};

struct track;		/* --wide: a series through the periods (wide.c) */

struct figs {
	struct fig **v;
	size_t n, cap;
};

/* Figures that tie: the evidence cannot tell which is which (link.c). */
struct tie {
	struct figs v;
	bool written;
};

struct fig {
	char *s[NSTR];
	double value, prev, change, pct;
	/* The unit in the last place of each figure as written: the
	 * rounding the report used, for the audit. */
	double value_ulp, prev_ulp, change_ulp, pct_ulp;
	bool has_prev, has_change, has_pct;
	/* Another period's figure, restated: evidence, never a current
	 * value (its when names an earlier period, or it repeats OLD's
	 * figure in a row of a comparison table). */
	bool restated;
	bool cumulative;	/* a running total: "year to date", "since April" */
	int checks;		/* the report's own comparisons checked */
	char *why;		/* ...and why they fail, or NULL */
	/* the numbers of its paragraph's sentences that say an earlier
	 * figure was revised ("revised from the 92 first reported") */
	double revised_from[NUMS_MAX];
	uint8_t nrevised;
	bool table_row;		/* its sentence is a row of a table (cells) */
	long quarter;		/* report_quarter of the period, or -1 */
	long line;		/* report line, from the line column */
	long row;		/* input line, for messages */
	size_t seq;		/* order in its input */
	double pos;		/* place in its report, 0 (first) to 1 (last) */
	int col;		/* --wide: its period's column; -1 otherwise */
	enum side side;
	/* evidence for the linkage (words.c, evidence.c) */
	struct bag name;	/* the measure's words and those around the number */
	struct bag *para;	/* its sentence, and its paragraph's at half weight */
	struct bag *outline;	/* priority, commitment, heading; NULL: none */
	/* the concepts of the words around its number (of its measure's
	 * name where it has no sentence): what it is, without the caption
	 * of a table the name may carry */
	uint32_t concepts[CONCEPTS_MAX];
	uint8_t nconcepts;
	double nums[NUMS_MAX];	/* other numbers of its sentence */
	uint8_t nnums;
	char *evidence;		/* kept only for --review and workbooks */
	/* what the linkage decided */
	enum state state;
	enum band band;
	struct fig *mate;
	double score;		/* the link's match weight, bits */
	bool decided;		/* a person's decision (links file) made the link */
	struct tie *tie;	/* AMBIGUOUS: the figures it ties with */
	struct fig *repeat_of;	/* the same figure given again in its report */
	struct track *track;	/* --wide */
	const char *path;
	struct fig *next_in_line;	/* the next figure of its paragraph */
	struct fig *first_in_line;	/* the first figure of its paragraph */
	size_t scratch;		/* a number for one step of the linkage */
};

/* The figures of one key, old and new: the unit warnings (map.c). */
struct group {
	const char *key;	/* borrowed from its first figure */
	size_t len;
	struct figs side[2];
};

struct map {
	struct group **slot;
	size_t cap, n;
};

struct cols {
	int measure, measure_key, area, area_key, unit, kind, value, period,
	    when, prev_value, prev_when, change, change_pct, line, evidence,
	    approx, doc;
	int outline[3];		/* priority_title, commitment, heading */
	int priority;		/* its number */
};

/* The vocabulary of a run: every word and concept, interned, with its
 * document frequency; words remember what the word lists say of them. */
struct vocab {
	struct vword *w;	/* by id */
	uint32_t n, cap;
	uint32_t *slot;		/* open addressing, id + 1; 0 free */
	uint32_t nslot;
	uint32_t docs;		/* figures counted */
	struct sb_stemmer *stemmer;
	const struct lex *names;	/* data/lexicon/names.tsv */
	const struct lex *words;	/* data/lexicon/quarters.tsv */
	struct phrases *concepts;
	struct buf scratch;
};

/* The concept table: phrases of stemmed words, each a concept's term. */
struct phrases {
	struct phrase *v;
	size_t n, cap;
	uint32_t *slot;		/* hash of the words, index + 1 */
	size_t nslot;
	uint8_t *starts;	/* by word id: longest phrase starting with it */
	size_t nstarts;
};

struct source {
	struct table t;
	struct cols c;
	const char *path;
	enum side side;
	size_t seq;
	long last_line;		/* the highest report line of its figures */
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
	struct vocab *vocab;
	bool keep_evidence;
	/* the paragraph being read: figures of one report line */
	struct figs line;
	size_t next;		/* the next of line's figures to give */
	struct fig *pending;	/* read past the paragraph's end */
	bool done;
	struct bag *outline;	/* the last outline's bag, shared */
	char *outline_text;
};

/* A finding of the audit: how many comparisons, and the failed ones;
 * notes say what is not an error (a revision the report explains). */
struct verdict {
	int checks;
	struct buf why;
	struct buf note;
};

/* Warnings that can repeat on every row, capped per kind (lib/err.h). */
enum warn_kind { W_WIDTH, W_VALUE, W_LINE, W_UNIT, W_LINKS, NWARN };

/* A person's decision on a pair, from a links file (review.c). */
struct decision {
	char *old, *new;	/* figure references: DOC:LINE:VALUE */
	bool yes;
};

/* The options, and the word lists every part reads. */
struct phrases;
struct opts {
	struct cli_out out;	/* -c, --no-bom, -x FILE, --strict */
	bool wide, has_min, no_concepts;
	unsigned only;		/* enum status bits; 0: all */
	double min_change;
	const char *review;	/* --review FILE */
	const char *data_dir;	/* --data-dir DIR */
	char **links;		/* --links FILE... */
	size_t nlinks;
	char **concepts;	/* --concepts FILE... */
	size_t nconcepts;
	const struct lex *words;	/* data/lexicon/quarters.tsv */
	struct warn_count *warns;	/* [NWARN], the run's counts */
	struct vocab *vocab;
	struct decision *decisions;
	size_t ndecisions;
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
static void fig_evidence(struct source *s, struct figs *line);
static void bag_free(struct bag *b);
static void bag_release(struct bag *b);
