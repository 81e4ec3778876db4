/* internal.h: what the files of normalize-names share: its limits, the
 * context a key depends on, and the few functions a file calls before
 * main.c has included the file that defines them.  Everything is static:
 * main.c is the one translation unit. */
#include <ctype.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <utf8proc.h>

#include "buf.h"
#include "cli.h"
#include "data.h"
#include "err.h"
#include "lex-names.h"
#include "num.h"
#include "text.h"
#include "tsv.h"

#define DEFAULT_FIELDS "measure,area,priority_title,commitment,heading"
#define ALIAS_FILE "aliases.tsv"
#define CONCEPT_FILE "concepts.tsv"
/* The columns of the toolkit's tables that hold numbers (extract-metrics'
 * figures, split-sections' lines): a workbook gets them as numbers. */
#define NUMERIC_FIELDS "value,value_max,prev_value,change,change_pct,line,depth,count,distance"
#include "span.h"

/* The limits: each keeps memory or work bounded, whatever the input. */
enum {
	/* acronyms learned from the stream, kept at most: past it, the
	 * least recently used goes */
	LEARNED_MAX = 4096,
	LEARNED_BUCKETS = 2 * LEARNED_MAX,	/* short hash chains */
	/* distinct keys --suggest counts; later new ones are not counted */
	SUGGEST_MAX = 100000,
	/* longer "words" (a URL, a run of digits) are kept whole, unstemmed */
	WORD_MAX = 64,
	/* keys cached: more than the distinct names of a large report */
	CACHE_SIZE = 4096,
	/* longer names are computed, not cached: they seldom repeat */
	CACHE_NAME_MAX = 200,
	/* alias phrases in one key, at most: more is not a name */
	KEY_PHRASES_MAX = 64
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the context: everything a key depends on ---- */

struct learned {
	char *abbr, *expansion;
	unsigned long used;	/* clock of the last definition or use */
	int next;		/* hash chain, -1 ends */
};

struct alias {
	char **tok;		/* sorted fingerprint tokens */
	size_t ntok;
	char *canon;
	char *field;		/* NULL: any field */
	size_t order;		/* load order: later wins */
	bool whole;		/* "=variant": only the whole name matches */
};

struct tokens {
	struct buf text;	/* tokens, each NUL-terminated */
	size_t *off;
	size_t n, cap;
};

struct cached {
	char *name, *key;
	char *field;
	unsigned hash;
	unsigned long gen;
};

struct ctx {
	/* options */
	const char *fields;
	struct cli_out out;	/* -c, --no-bom, -x, --strict */
	bool suggest, no_aliases, no_qualify;
	const char *aliases_dir;
	/* the word lists: data/lexicon/names.tsv */
	struct lex *words;
	/* alias tables, sorted by first token */
	struct alias *alias;
	size_t nalias, alias_cap;
	/* acronyms learned from the stream */
	struct learned *learned;
	size_t nlearned;
	int bucket[LEARNED_BUCKETS];
	unsigned long clock;
	/* scratch, reused for every name */
	struct buf clean, folded, key, word, qualified;
	struct tokens tok;
	const char **sorted;
	size_t sorted_cap;
	bool *used;
	const char **rest;	/* tokens left after the aliases */
	size_t rest_cap;
	struct cached cache[CACHE_SIZE];
	unsigned long gen;	/* of the learned table, for the cache */
	struct warn_count width;	/* rows of the wrong width, warned */
	int status;
};

/* ---- the table: which columns get a key ---- */

struct plan {
	bool *keyed;	/* per input column: add a key after it */
	bool *skip;	/* per input column: an old key, replaced by ours */
	bool *numeric;	/* per input column: numbers (NUMERIC_FIELDS) */
	size_t ncols;
	int measure, kind, unit;	/* columns, or -1 */
	bool qualify;
	/* --suggest on diff-quarters' links: their columns */
	bool links;
	int old_measure, new_measure, why, decision;
};

/* ---- --suggest: the distinct keys seen ---- */

struct name {
	char *field, *key, *sample, *ngram;
	size_t count;
};

struct names {
	struct name *v;
	size_t n, cap;
	bool full;
	int *bucket;		/* hash of field and key -> index, -1 free */
	size_t nbucket;
};

/* ---- one run: its output, and the first input's header ---- */

struct link_rows;

struct run {
	struct out out;
	struct names names;
	struct link_rows *links;	/* --suggest on a links file */
	char **header;		/* of the first table */
	size_t ncols;
	bool header_done;
	bool chosen;		/* -f given */
};

/* Called before the file that defines them, in main.c's order. */
static void learn_row(struct ctx *c, const struct table *t);
static void write_header(struct out *o, const struct table *t,
			 const struct plan *p);
static void write_row(struct ctx *c, struct out *o, const struct table *t,
		      const struct plan *p);
static void suggest_row(struct ctx *c, struct names *ns,
			const struct table *t, const struct plan *p);
static unsigned hash_str(const char *s);
static void links_row(struct ctx *c, struct link_rows *lr,
		      const struct table *t, const struct plan *p);
