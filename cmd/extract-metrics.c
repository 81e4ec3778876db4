/* extract-metrics: every figure in a report, with what it measures, its
 * unit, period and comparison.
 *
 * Input is split-sections output (known by its header) or plain text, one
 * block a line.  Each block goes through four stages:
 *
 *   1. tokens and the number grammar: digits, number words, magnitudes,
 *      currency, percent and points, durations, mass, rates, ranges and
 *      qualifiers make a figure;
 *   2. the non-figure filter: dates, years, quarters, times, page and
 *      version numbers, footnotes, legislation, names and codes, phone
 *      channels, ordinals, staff numbers are dropped;
 *   3. roles: each figure is a value, a target, an earlier figure, a change
 *      or a relative change, and comparison figures fold into the row of
 *      the figure they compare;
 *   4. measure and period: the noun phrase the figure counts and the
 *      period phrase it refers to, in the report's words.
 *
 * The period phrases of a sentence are found before its roles, since an
 * earlier period makes a figure in parentheses a prev ("on the same
 * quarter last year (1,274)").
 *
 * Data-table rows (cells joined by TAB) take measure, period and unit from
 * the table's caption, row label and column headers instead.
 *
 * The file is built bottom-up, each part from the ones above it: the
 * word lists, tokens, the stages in order, sentences, tables, blocks and
 * input; main is at the end, and reading from main upwards tells the
 * story top-down.  Nothing is global but constant tables: the state of a
 * run is one struct ctx passed down. */
#include <ctype.h>
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "cli.h"
#include "err.h"
#include "input.h"
#include "num.h"
#include "text.h"
#include "tsv.h"

static const char usage[] =
"usage: extract-metrics [--csv] [--strict] [FILE...]\n"
"\n"
"Find the figures in a report and write one row per observation:\n"
"  doc period priority area measure value value_max unit approx when kind\n"
"  prev_value prev_when change change_pct line evidence\n"
"\n"
"Input is split-sections output (recognized by its header) or plain text,\n"
"each line a block; tab-separated lines are data-table rows.  FILE \"-\" or\n"
"none reads standard input.\n"
"\n"
"  --csv      write CSV instead of TSV\n"
"  --strict   fail on invalid UTF-8 or NUL bytes instead of repairing\n"
"  --help     show this help\n"
"  --version  show the version\n"
"\n"
"Units: count percent pp GBP kg seconds minutes hours days weeks months\n"
"years and rates such as count/day.  approx: ~ > < >=.  kind: actual or\n"
"target.  change is signed, in the row's unit (points for percent);\n"
"change_pct is the signed relative change in percent.\n"
"Exit status: 0 ok, 1 bad data, 2 bad usage.\n";

static const char *const out_cols[] = {
	"doc", "period", "priority", "area", "measure", "value", "value_max",
	"unit", "approx", "when", "kind", "prev_value", "prev_when", "change",
	"change_pct", "line", "evidence", NULL
};

/* ------------------------------------------------------------------ */
/* Words the grammar knows.  Lists end with NULL. */

static bool
in_list(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(w, *list) == 0)
			return true;
	return false;
}

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan",
	"feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", NULL
};

/* A number right after these is a name or a reference, not a count. */
static const char *const name_words[] = {
	"priority", "section", "sections", "s", "act", "article", "schedule",
	"part", "chapter", "page", "pages", "paragraph", "para", "regulation",
	"clause", "version", "v", "level", "tier", "phase", "stage", "step",
	"grade", "band", "category", "room", "ref", "reference", "junction",
	"wave", "appendix", "annex", "figure", "fig", "table", "chart",
	"graph", "pillar", "objective", "no", "number", "covid", "bill",
	"rule", "route", "key", "q", "pp", "p", "issue", "release", "series",
	"standard", "aged", "age", "ages", "rm", NULL
};

/* These name a thing only when capitalized: "Year 6", "Quarter 2",
 * "Operation 7" (but "during the operation 27 people were arrested"). */
static const char *const cap_name_words[] = {
	"year", "quarter", "week", "month", "day", "cohort", "team", "unit",
	"vision", "operation", "op", "project", NULL
};

/* A number after these and before a period word is a window: "the last
 * two quarters", "the past 18 months". */
static const char *const window_words[] = {
	"last", "previous", "past", "next", "coming", "first", "final",
	"rolling", "preceding", "following", "recent", NULL
};

static const char *const period_nouns[] = {
	"quarter", "quarters", "year", "years", "month", "months", "week",
	"weeks", "day", "days", "period", "periods", NULL
};

/* Words that close a measure phrase. */
static const char *const stop_words[] = {
	"a", "an", "the", "this", "that", "these", "those", "its", "their",
	"his", "her", "our", "we", "they", "it", "there", "which", "who",
	"whom", "whose", "in", "on", "at", "of", "for", "to", "from", "by",
	"with", "within", "without", "across", "during", "over", "under",
	"since", "between", "into", "onto", "through", "throughout", "per",
	"than", "as", "about", "compared", "against", "via", "after",
	"before", "including", "and", "or", "but", "while", "whilst", "is",
	"are", "was", "were", "be", "been", "being", "have", "has", "had",
	"will", "would", "can", "could", "may", "might", "should", "shall",
	"did", "do", "does", "currently", "now", "also", "only", "just",
	"still", "each", "every", "up", "down", "out", "around", "so", "such",
	"not", "no", "both", "all", "whereas", "where", "when", "if",
	"because", "due", "following", "until", "towards", "toward", "upon",
	"among", "amongst", "whereby", "being", "then", "here", "last",
	"next", "previous", "same", "total", "overall", "respectively",
	"approximately", "nearly", "almost", "some", "roughly", "over",
	"more", "fewer", "less", "continue", "continues", "remain", "remains", "bringing", "making",
	"taking", "giving", "another", "equating", "equivalent", "meaning", "exactly",
	"totalling", "totaling", "worth", "valued", "expects", "expect",
	"aims", "intends", "anticipates", "hopes", NULL
};

/* Words that say the figure is a goal, plan or forecast. */
static const char *const target_words[] = {
	"will", "planned", "aim", "aims",
	"aiming", "aimed", "target", "targets", "targeted", "targeting",
	"anticipated", "anticipate", "expected", "expect", "expects",
	"forecast", "forecasts", "projected", "scheduled", "ambition",
	"aspiration", "goal", "intended", "pledge", "pledged", "commit",
	"committed", "deliver", "achieving", NULL
};

static const char *const rise_words[] = {
	"increase", "increased", "increases", "increasing", "rise", "rises",
	"rose", "risen", "rising", "up", "higher", "more", "additional",
	"extra", "grew", "grown", "growth", "uplift", "improvement",
	"improved", "gain", "gained", "boost", "boosted", "further", NULL
};

static const char *const fall_words[] = {
	"decrease", "decreased", "decreases", "decreasing", "fall", "falls",
	"fell", "fallen", "falling", "down", "lower", "fewer", "less",
	"reduction", "reduced", "reduce", "reduces", "reducing", "drop",
	"dropped", "drops", "decline", "declined", "declining", "cut", "cuts",
	"lowered", NULL
};

static const char *const joins_words[] = {
	"which", "while", "whilst", "but", "whereas", "however", NULL
};

static const char *const rel_words[] = {
	"this", "last", "previous", "next", "same", "current", "that",
	"past", "preceding", "following", "coming", NULL
};

static const char *const span_words[] = {
	"quarter", "year", "month", "week", "period", "financial",
	"months", "years", "quarters", "weeks", "day", "days", NULL
};

static const char *const period_words[] = {
	"quarter", "quarters", "year", "years", "month", "months",
	"week", "weeks", "period", "end", "start", "beginning", "date",
	"same", "last", "previous", "financial", "rolling", NULL
	};

static const char *const modifier_words[] = {
	"new", "additional", "extra", "further", "more", "fewer", "less",
	"other", "separate", "different", NULL
	};

/* Words that end the search for a figure's period: what follows them
 * belongs to the figure it is compared with. */
static const char *const cmp_words[] = {
	"compared", "compares", "against", "versus", "vs", "from", "than", NULL
};

/* Participles after a figure that make it a target: "25 checks are
 * planned". */
static const char *const plan_words[] = {
	"planned", "scheduled", "expected", "anticipated", "forecast",
	"projected", "intended", "targeted", NULL
};

/* Words that can follow a number as its unit or scale. */
static const char *const unit_words[] = {
	"second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins",
	"hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "month",
	"months", "year", "years", "yr", "yrs", "kg", "kgs", "kilo", "kilos",
	"kilogram", "kilograms", "kilogrammes", "g", "gram", "grams",
	"grammes", "tonne", "tonnes", "million", "mil", "bn", "billion",
	"thousand", "m", "k", "half", "halves", "third", "thirds", "fifth",
	"fifths", "tenth", "tenths", "quarters", "per", "percent",
	"percentage", "pp", "ppt", "ppts", NULL
};

static const char *const number_words[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
	"fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
	"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
	"hundred", "thousand", "dozen", NULL
};

/* Verbs that sit between a subject and its figure: "stood at 84.7%". */
static const char *const link_verbs[] = {
	"stood", "stands", "stand", "rose", "fell", "grew", "saw", "sees",
	"took", "takes", "made", "makes", "reached", "reaches", "remains",
	"remain", "totals", "totalled", "numbered", "received",
	"receives", "comprising", "comprises", "comprised", "equates",
	"equating", "retains", "retain", "holds", "held", "includes",
	"include", "involved", "involving", "recorded", "records", "shows",
	"showed", "identified", "gave", "has", "have", "had", "got", "sat",
	"dealt", "deliver", "delivered", "contributed", "provided", "grow",
	"grows", "see", "become", "becomes", "reach", NULL
};

/* Past tenses without -ed that say what was done to what is counted:
 * "took 40 statements", "made 12 arrests". */
static const char *const deed_words[] = {
	"made", "took", "gave", "held", "dealt", "sent", "caught", "found",
	"brought", "spent", "paid", "won", "ran", "led", "met", "sought",
	"taught", "built", "bought", "put", "saw", NULL
};

/* Past tenses that only link a subject to its figure: "stood at". */
static const char *const copula_words[] = {
	"totalled", "totaled", "numbered", "reached", "remained", "comprised",
	"equated", "exceeded", "amounted", "stood", NULL
};

/* Nouns too general to tell one measure from another without their
 * verb: "arrested 14 people" is "people arrested". */
static const char *const generic_words[] = {
	"people", "persons", "individuals", "officers", "staff", "calls",
	"vehicles", "items", "suspects", "offenders", "cases", "victims",
	"men", "women", "children", "adults", "hours", "days", "shifts",
	"visits", "checks", "referrals", NULL
};

/* Collective nouns for a group of people. */
static const char *const group_words[] = {
	"team", "teams", "force", "police", "constabulary", "service", "unit",
	"staff", "workforce", "department", NULL
};

/* Every list above is a class of words; a token carries the classes of
 * its word as bits, looked up once in a hash (the lexicon), so that the
 * grammar tests a bit instead of scanning lists. */
enum wclass {
	W_STOP, W_MONTH, W_NAME, W_CAPNAME, W_WINDOW, W_PERIODN, W_TARGET,
	W_RISE, W_FALL, W_LINK, W_JOIN, W_REL, W_SPAN, W_PERIODW, W_MODIFIER,
	W_NUMBER, W_UNIT, W_CMP, W_PLAN, W_DEED, W_COPULA, W_GENERIC, W_GROUP,
	W_NCLASS
};

#define WC(k) (1u << (k))

static const char *const *const class_lists[W_NCLASS] = {
	stop_words, months, name_words, cap_name_words, window_words,
	period_nouns, target_words, rise_words, fall_words, link_verbs,
	joins_words, rel_words, span_words, period_words, modifier_words,
	number_words, unit_words, cmp_words, plan_words, deed_words,
	copula_words, generic_words, group_words
};

#define LEX_SIZE 2048	/* a power of two, over four times the words */

struct lexicon {
	unsigned char tag[LEX_SIZE];	/* 0 free, else a second hash byte */
	struct {
		char word[16];		/* NUL-padded */
		unsigned flags;
	} e[LEX_SIZE];
};

/* A second hash, never 0: most words not in the lexicon are told apart
 * by the small tag array alone, without touching the entries. */
static unsigned char
word_tag(const char *w, size_t n)
{
	return (unsigned char)(((unsigned char)w[n - 1] * 5 + n * 3 +
				(n > 2 ? (unsigned char)w[2] : 0)) | 1);
}

/* A cheap hash of a word of n bytes (first, second and last bytes and
 * the length): the tokenizer computes it for every word. */
static size_t
word_hash(const char *w, size_t n)
{
	size_t h = n * 131 + (unsigned char)w[0] * 31 + (unsigned char)w[n - 1] * 7;

	if (n > 1)
		h += (unsigned char)w[1] * 1031;
	return h & (LEX_SIZE - 1);
}

static size_t
lex_hash(const char *w)
{
	return word_hash(w, strlen(w));
}

static void
lex_init(struct lexicon *lx)
{
	size_t k, h;
	const char *const *w;

	memset(lx, 0, sizeof *lx);
	for (k = 0; k < W_NCLASS; k++)
		for (w = class_lists[k]; *w; w++) {
			for (h = lex_hash(*w); lx->tag[h] &&
			     strcmp(lx->e[h].word, *w); h = (h + 1) & (LEX_SIZE - 1))
				;
			snprintf(lx->e[h].word, sizeof lx->e[h].word, "%s", *w);
			lx->tag[h] = word_tag(*w, strlen(*w));
			lx->e[h].flags |= WC(k);
		}
}

/* The classes of lower-case word w of n bytes, NUL-padded to 16 bytes,
 * whose lex_hash is h. */
static unsigned
lex_flags(const struct lexicon *lx, const char *w, size_t n, size_t h)
{
	unsigned char tag;

	if (n == 0 || !*w)
		return 0;
	tag = word_tag(w, n);
	for (; lx->tag[h]; h = (h + 1) & (LEX_SIZE - 1))
		if (lx->tag[h] == tag && !memcmp(lx->e[h].word, w, 16))
			return lx->e[h].flags;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Stage 1a: tokens. */

enum tkind { T_WORD, T_NUM, T_CODE, T_PUNCT };

struct tok {
	enum tkind kind;
	size_t s, e;		/* bytes of the block text */
	bool sp;		/* white space before it */
	bool cap;		/* a word starting with an upper-case letter */
	unsigned flags;		/* T_WORD: its word classes, WC(W_...) */
	int32_t cp;		/* T_PUNCT: the character */
	char low[16];		/* T_WORD, T_NUM suffix: lower case; "" if long */
};

enum role { R_VALUE, R_TARGET, R_PREV, R_CHANGE, R_PCT };

/* One figure found in a sentence. */
struct fig {
	size_t ts, te;		/* tokens of the number and its unit */
	size_t ue;		/* end of the unit and rate tokens */
	double v, vmax;
	bool has_max;
	char unit[16];
	const char *approx;
	enum role role;
	int sign;		/* +1 or -1 for a change */
	bool paren;		/* alone in parentheses: "(44%)" */
	bool coord;		/* a prev coordinated with the prev before it */
	bool when_back;		/* its period is the phrase just before it */
};

/* One output row: a figure with its comparison figures folded in. */
struct obs {
	bool has_value, has_max, has_prev, has_change, has_pct, target;
	double value, vmax, prev, change, pct;
	char unit[16];
	const char *approx;
	size_t at;		/* byte offset of the figure, for its line */
	size_t fig;		/* index of the main figure */
	size_t first;		/* index of the figure that opened the row */
	struct buf measure, when, prev_when;
};

/* A block as read: the passed-through columns and the text. */
struct block {
	const char *doc, *period, *priority, *area, *heading, *kind;
	const char *text;
	size_t len;
	long line;
};

/* Headers of the data table being read. */
struct table_ctx {
	bool active;
	struct buf caption;
	struct buf *head, *group;	/* per column */
	size_t nhead, ngroup, cap_head, cap_group;
	struct buf heading;		/* split-sections heading it started under */
	struct buf unit_key;		/* cell_unit's last words and answer */
	const char *unit;
	bool unit_pct, unit_money;
	bool had_data;			/* a data row came since the headers */
	unsigned char *hflag;		/* H_PERIOD, H_CHANGE of each header */
	size_t cap_hflag;
	struct buf pending;		/* a possible caption before the table */
};

struct ctx {
	struct out out;
	const char *file;
	struct block blk;
	struct lexicon *lex;
	struct tok *tok;
	size_t ntok, cap_tok;
	size_t (*span)[2];		/* period phrases of the sentence */
	size_t nspan, cap_span;
	struct fig *fig;
	size_t nfig, cap_fig;
	struct obs *obs;
	size_t nobs, cap_obs;
	long *map_off, *map_line;
	size_t nmap, cap_map;
	struct table_ctx tab;
	struct cell *cells;		/* the cells of a table row */
	size_t cap_cells;
	struct buf scratch;		/* a table cell's measure */
	struct buf evidence;		/* the sentence, squeezed */
	struct buf pipe;		/* a Markdown table row as cells */
	struct buf last_measure;	/* for "Eight of these were..." */
	int status;
	bool strict;
};

static bool
is_ascii_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_quote(int32_t cp)
{
	return cp == '\'' || cp == '"' || cp == 0x2018 || cp == 0x2019 ||
	       cp == 0x201C || cp == 0x201D;
}

static bool
is_ascii_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Digit runs glued to these letters are a number and a unit ("5.7m",
 * "15mins", "1st"); glued to anything else they are a code ("4E"). */
static const char *const glued_suffixes[] = {
	"m", "bn", "k", "kg", "g", "kgs", "mins", "min", "hrs", "hr",
	"secs", "sec", "st", "nd", "rd", "th", "am", "pm", "pp", "ppt",
	"ppts", "km", "mph", "year", "years", "yr", "yrs", "month", "months",
	"day", "days", "week", "weeks", "hour", "hours", "minute", "minutes",
	"second", "seconds", "million", "billion", "mil", "grams", "g",
	"kilos", NULL
};

static struct tok *
tok_push(struct ctx *c, enum tkind kind, size_t s, size_t e, bool sp)
{
	struct tok *t;

	if (c->ntok == c->cap_tok) {
		c->cap_tok = c->cap_tok ? 2 * c->cap_tok : 256;
		c->tok = xrealloc(c->tok, c->cap_tok * sizeof *c->tok);
	}
	t = &c->tok[c->ntok++];
	t->kind = kind;
	t->s = s;
	t->e = e;
	t->sp = sp;
	t->cap = false;
	t->cp = 0;
	t->low[0] = '\0';
	t->flags = 0;
	return t;
}

/* Set the lower-case form of a word; returns its lex_hash. */
static size_t
set_low(struct tok *t, const char *p, size_t n)
{
	size_t i;

	if (n >= sizeof t->low || n == 0) {
		t->low[0] = '\0';
		return 0;
	}
	memset(t->low, 0, sizeof t->low);
	for (i = 0; i < n; i++)
		t->low[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
	return word_hash(t->low, n);
}

/* Digits with thousands separators and a decimal part: "1,234.5". */
static size_t
scan_digits(const char *p, size_t i, size_t n)
{
	while (i < n) {
		if (is_ascii_digit((unsigned char)p[i]))
			i++;
		else if (p[i] == ',' && i + 3 < n + 0 &&
			 is_ascii_digit((unsigned char)p[i + 1]) &&
			 is_ascii_digit((unsigned char)p[i + 2]) &&
			 is_ascii_digit((unsigned char)p[i + 3]) &&
			 (i + 4 >= n || !is_ascii_digit((unsigned char)p[i + 4])))
			i += 4;
		else if (p[i] == ',' && i + 3 == n &&
			 is_ascii_digit((unsigned char)p[i + 1]) &&
			 is_ascii_digit((unsigned char)p[i + 2]))
			i += 1;	/* "1,23" at the end: kept as a bad number */
		else if (p[i] == '.' && i + 1 < n &&
			 is_ascii_digit((unsigned char)p[i + 1]))
			i++;
		else
			break;
	}
	return i;
}

static size_t
scan_letters(const char *p, size_t i, size_t n)
{
	int32_t cp;
	size_t k;

	while (i < n) {
		if (is_ascii_alpha((unsigned char)p[i])) {
			i++;
			continue;
		}
		if ((p[i] == '\'' || (unsigned char)p[i] == 0xE2) && i > 0) {
			/* an apostrophe inside a word: "Children's" */
			k = text_decode(p + i, n - i, &cp);
			if ((cp == '\'' || cp == 0x2019) && i + k < n &&
			    is_ascii_alpha((unsigned char)p[i + k])) {
				i += k;
				continue;
			}
			if (p[i] == '\'')
				break;
			/* else a letter may start with that byte: "ℓ" */
		}
		if ((unsigned char)p[i] < 0x80)
			break;
		k = text_decode(p + i, n - i, &cp);
		if (!text_is_letter(cp))
			break;
		i += k;
	}
	return i;
}

static size_t
scan_alnum(const char *p, size_t k, size_t n)
{
	while (k < n && (is_ascii_alpha((unsigned char)p[k]) ||
			 is_ascii_digit((unsigned char)p[k])))
		k++;
	return k;
}

static void
push_word(struct ctx *c, const char *p, size_t s, size_t e, bool sp)
{
	struct tok *t = tok_push(c, T_WORD, s, e, sp);
	size_t h = set_low(t, p + s, e - s);

	t->flags = lex_flags(c->lex, t->low, e - s, h);
	t->cap = p[s] >= 'A' && p[s] <= 'Z';
}

/* A digit run at i: a number, a number and a glued unit ("5.7m",
 * "15mins", "1st"), or a code ("4E", "3G2").  Returns the end. */
static size_t
tok_digits(struct ctx *c, const char *p, size_t i, size_t n, bool sp)
{
	size_t j = scan_digits(p, i, n), k = j, q, m;
	char low[16];

	while (k < n && is_ascii_alpha((unsigned char)p[k]))
		k++;
	if (k == j) {
		tok_push(c, T_NUM, i, j, sp);
		return j;
	}
	m = k - j < sizeof low ? k - j : 0;
	for (q = 0; q < m; q++)
		low[q] = (char)tolower((unsigned char)p[j + q]);
	low[m] = '\0';
	if (m && (k >= n || !is_ascii_digit((unsigned char)p[k])) &&
	    in_list(low, glued_suffixes)) {
		tok_push(c, T_NUM, i, j, sp);
		push_word(c, p, j, k, false);
		return k;
	}
	k = scan_alnum(p, k, n);
	tok_push(c, T_CODE, i, k, sp);
	return k;
}

/* A run of letters at i, or a code ("Q2", "C17", "A21").  Returns the
 * end. */
static size_t
tok_letters(struct ctx *c, const char *p, size_t i, size_t n, bool sp)
{
	size_t j = scan_letters(p, i, n);

	if (j < n && is_ascii_digit((unsigned char)p[j])) {
		j = scan_alnum(p, j, n);
		tok_push(c, T_CODE, i, j, sp);
	} else {
		push_word(c, p, i, j, sp);
	}
	return j;
}

static void
tokenize(struct ctx *c, const char *p, size_t n)
{
	size_t i = 0, k;
	bool sp = true;
	int32_t cp;
	struct tok *t;

	c->ntok = 0;
	while (i < n) {
		unsigned char ch = (unsigned char)p[i];

		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			sp = true;
			i++;
			continue;
		}
		if (is_ascii_digit(ch)) {
			i = tok_digits(c, p, i, n, sp);
		} else if (is_ascii_alpha(ch)) {
			i = tok_letters(c, p, i, n, sp);
		} else if (ch < 0x80) {
			t = tok_push(c, T_PUNCT, i, i + 1, sp);
			t->cp = ch;
			i++;
		} else {
			k = text_decode(p + i, n - i, &cp);
			if (text_is_letter(cp)) {
				i = tok_letters(c, p, i, n, sp);
			} else if (text_is_space(cp) || text_is_invisible(cp)) {
				sp = sp || text_is_space(cp);
				i += k;
				continue;
			} else {
				/* superscript digits are footnote markers */
				t = tok_push(c, T_PUNCT, i, i + k, sp);
				t->cp = text_is_superscript_digit(cp) ? 0xB9 : cp;
				i += k;
			}
		}
		sp = false;
	}
}

/* ------------------------------------------------------------------ */
/* Stage 1b: the number grammar. */

static bool
tok_is(const struct ctx *c, size_t i, size_t end, const char *w)
{
	return i < end && c->tok[i].kind == T_WORD && c->tok[i].low[0] == w[0] &&
	       strcmp(c->tok[i].low, w) == 0;
}

static bool
tok_punct(const struct ctx *c, size_t i, size_t end, int32_t cp)
{
	return i < end && c->tok[i].kind == T_PUNCT && c->tok[i].cp == cp;
}

static bool
tok_dash(const struct ctx *c, size_t i, size_t end)
{
	return i < end && c->tok[i].kind == T_PUNCT && text_is_dash(c->tok[i].cp);
}

static bool
tok_has(const struct ctx *c, size_t i, size_t end, enum wclass k)
{
	return i < end && c->tok[i].kind == T_WORD && (c->tok[i].flags & WC(k));
}

static bool
tok_in(const struct ctx *c, size_t i, size_t end, const char *const *list)
{
	return i < end && c->tok[i].kind == T_WORD && c->tok[i].low[0] &&
	       in_list(c->tok[i].low, list);
}

static int
small_number_word(const char *w)
{
	static const char *const small[] = {
		"zero", "one", "two", "three", "four", "five", "six", "seven",
		"eight", "nine", "ten", "eleven", "twelve", "thirteen",
		"fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
		"nineteen", NULL
	};
	static const char *const tens[] = {
		"twenty", "thirty", "forty", "fifty", "sixty", "seventy",
		"eighty", "ninety", NULL
	};
	int i;

	for (i = 0; small[i]; i++)
		if (strcmp(w, small[i]) == 0)
			return i;
	for (i = 0; tens[i]; i++)
		if (strcmp(w, tens[i]) == 0)
			return 20 + 10 * i;
	return -1;
}

/* The value of a number word token, or -1. */
static int
word_number(const struct tok *t)
{
	return t->kind == T_WORD && (t->flags & WC(W_NUMBER)) ?
	       small_number_word(t->low) : -1;
}

/* Number words from token i: "Nine", "twenty-five", "two hundred and
 * fifty", "a dozen".  Returns the token after them, or i if none. */
static size_t
parse_number_words(const struct ctx *c, size_t i, size_t end, double *out,
		   bool *only_one)
{
	double total = 0, cur = 0;
	size_t j = i, last = i;
	bool any = false;
	int v;

	if (tok_is(c, j, end, "a") && tok_is(c, j + 1, end, "dozen")) {
		*out = 12;
		*only_one = false;
		return j + 2;
	}
	while (j < end && c->tok[j].kind == T_WORD) {
		const char *w = c->tok[j].low;

		if (!(c->tok[j].flags & WC(W_NUMBER)))
			break;
		if ((v = small_number_word(w)) >= 0)
			cur += v;
		else if (strcmp(w, "hundred") == 0 && any)
			cur = (cur ? cur : 1) * 100;
		else if (strcmp(w, "thousand") == 0 && any) {
			total += (cur ? cur : 1) * 1000;
			cur = 0;
		} else if (strcmp(w, "dozen") == 0 && any)
			cur *= 12;
		else
			break;
		any = true;
		last = ++j;
		/* "twenty-five", "two hundred and fifty" */
		if (tok_dash(c, j, end) && !c->tok[j].sp && j + 1 < end &&
		    !c->tok[j + 1].sp && c->tok[j + 1].kind == T_WORD &&
		    word_number(&c->tok[j + 1]) > 0 &&
		    word_number(&c->tok[j - 1]) >= 20)
			j++;
		else if (tok_is(c, j, end, "and") && j + 1 < end &&
			 word_number(&c->tok[j + 1]) > 0 &&
			 strcmp(c->tok[j - 1].low, "hundred") == 0)
			j++;
	}
	if (!any)
		return i;
	*out = total + cur;
	*only_one = last == i + 1 && strcmp(c->tok[i].low, "one") == 0;
	return last;
}

/* Duration words and their size in seconds. */
static double
duration_unit(const char *w, const char **name)
{
	static const struct { const char *w, *name; double secs; } d[] = {
		{"second", "seconds", 1}, {"seconds", "seconds", 1},
		{"sec", "seconds", 1}, {"secs", "seconds", 1},
		{"minute", "minutes", 60}, {"minutes", "minutes", 60},
		{"min", "minutes", 60}, {"mins", "minutes", 60},
		{"hour", "hours", 3600}, {"hours", "hours", 3600},
		{"hr", "hours", 3600}, {"hrs", "hours", 3600},
		{"day", "days", 86400}, {"days", "days", 86400},
		{"week", "weeks", 604800}, {"weeks", "weeks", 604800},
		{"month", "months", 2629800}, {"months", "months", 2629800},
		{"year", "years", 31557600}, {"years", "years", 31557600},
		{"yr", "years", 31557600}, {"yrs", "years", 31557600},
	};
	size_t i;

	if (!strchr("smhdwy", w[0]) || !w[0])
		return 0;	/* a quick no for most words */
	for (i = 0; i < sizeof d / sizeof d[0]; i++)
		if (w[0] == d[i].w[0] && strcmp(w, d[i].w) == 0) {
			*name = d[i].name;
			return d[i].secs;
		}
	return 0;
}

static double
mass_unit(const char *w)
{
	if (!w[0] || !strchr("kgt", w[0]))
		return 0;
	if (!strcmp(w, "kg") || !strcmp(w, "kgs") || !strcmp(w, "kilo") ||
	    !strcmp(w, "kilos") || !strcmp(w, "kilogram") ||
	    !strcmp(w, "kilograms") || !strcmp(w, "kilogrammes"))
		return 1;
	if (!strcmp(w, "g") || !strcmp(w, "gram") || !strcmp(w, "grams") ||
	    !strcmp(w, "grammes"))
		return 0.001;
	if (!strcmp(w, "tonne") || !strcmp(w, "tonnes"))
		return 1000;
	return 0;
}

static double
magnitude(const char *w, bool glued_or_money)
{
	if (!strcmp(w, "million") || !strcmp(w, "mil") || !strcmp(w, "bn") ||
	    !strcmp(w, "billion"))
		return w[0] == 'b' ? 1e9 : 1e6;
	if (!strcmp(w, "thousand"))
		return 1e3;
	if (glued_or_money && !strcmp(w, "m"))
		return 1e6;
	if (glued_or_money && !strcmp(w, "k"))
		return 1e3;
	return 0;
}

static long
line_at(const struct ctx *c, size_t off)
{
	long line = c->blk.line;
	size_t k;

	for (k = 0; k < c->nmap && (size_t)c->map_off[k] <= off; k++)
		line = c->map_line[k];
	return line;
}

/* One number: digits or words.  Sets *next past it. */
static bool
parse_one_number(struct ctx *c, const char *text, size_t i, size_t end,
		 double *v, size_t *next, bool *is_word)
{
	bool only_one = false;
	size_t j;

	*is_word = false;
	if (c->tok[i].kind == T_NUM) {
		struct tok *t = &c->tok[i];

		if (!num_parse(text + t->s, t->e - t->s, v)) {
			size_t n = t->e - t->s;

			warn_at(c->file, line_at(c, t->s), "cannot parse number '%.*s%s'",
				(int)(n > 40 ? 40 : n), text + t->s,
				n > 40 ? "..." : "");
			return false;
		}
		*next = i + 1;
		return true;
	}
	j = parse_number_words(c, i, end, v, &only_one);
	if (j == i || only_one || *v == 0)
		return false;
	*is_word = true;
	*next = j;
	return true;
}

/* "two thirds", "three quarters of": a share, in percent.  Returns the
 * token after it, or i. */
static size_t
parse_fraction(const struct ctx *c, size_t i, size_t end, struct fig *f)
{
	static const struct { const char *w; double d; } frac[] = {
		{"half", 2}, {"halves", 2}, {"third", 3}, {"thirds", 3},
		{"fifth", 5}, {"fifths", 5}, {"tenth", 10}, {"tenths", 10},
		{"quarters", 4},
	};
	size_t q;

	if (i >= end || c->tok[i].kind != T_WORD)
		return i;
	for (q = 0; q < sizeof frac / sizeof frac[0]; q++)
		if (!strcmp(c->tok[i].low, frac[q].w) &&
		    (frac[q].d != 4 || tok_is(c, i + 1, end, "of"))) {
			f->v = round(f->v / frac[q].d * 1000) / 10;
			strcpy(f->unit, "percent");
			return i + 1;
		}
	return i;
}

/* "%", "% points", "per cent", "percentage points", "pp".  Returns the
 * token after it, or i. */
static size_t
parse_percent(const struct ctx *c, size_t i, size_t end, struct fig *f)
{
	if (tok_punct(c, i, end, '%')) {
		i++;
		if (tok_is(c, i, end, "points") || tok_is(c, i, end, "point") ||
		    tok_is(c, i, end, "pts") || tok_is(c, i, end, "pt")) {
			strcpy(f->unit, "pp");
			i++;
			if (tok_punct(c, i, end, '.'))
				i++;
		} else {
			strcpy(f->unit, "percent");
		}
		return i;
	}
	if ((tok_is(c, i, end, "per") && tok_is(c, i + 1, end, "cent")) ||
	    tok_is(c, i, end, "percent")) {
		strcpy(f->unit, "percent");
		return i + (tok_is(c, i, end, "per") ? 2 : 1);
	}
	if (tok_is(c, i, end, "percentage") && (tok_is(c, i + 1, end, "points") ||
						tok_is(c, i + 1, end, "point"))) {
		strcpy(f->unit, "pp");
		return i + 2;
	}
	if (tok_is(c, i, end, "pp") || tok_is(c, i, end, "ppt") ||
	    tok_is(c, i, end, "ppts")) {
		strcpy(f->unit, "pp");
		return i + 1;
	}
	return i;
}

/* Durations ("3-year", "48,810 hours") and mass ("500 grams").  Returns
 * the token after the unit, or i. */
static size_t
parse_physical(const struct ctx *c, size_t i, size_t end, struct fig *f,
	       bool glued)
{
	const char *dname;
	size_t j = i;
	double m;

	/* "3-year", "6-month": a hyphen glued on both sides */
	if (tok_dash(c, j, end) && !c->tok[j].sp && j + 1 < end &&
	    !c->tok[j + 1].sp && c->tok[j + 1].kind == T_WORD &&
	    duration_unit(c->tok[j + 1].low, &dname) > 0)
		j++;
	if (j >= end || c->tok[j].kind != T_WORD)
		return i;
	if (duration_unit(c->tok[j].low, &dname) > 0) {
		strcpy(f->unit, dname);
		return j + 1;
	}
	if ((m = mass_unit(c->tok[j].low)) > 0 &&
	    (glued || strlen(c->tok[j].low) > 1)) {
		f->v *= m;
		f->vmax *= m;
		strcpy(f->unit, "kg");
		return j + 1;
	}
	return i;
}

/* After the number at [.., i): magnitude, currency, share, percent,
 * points, duration, mass, else a count.  Fills f->unit and scales f->v;
 * returns the token after the unit. */
static size_t
parse_unit(struct ctx *c, size_t i, size_t end, struct fig *f, bool money)
{
	double m;
	size_t j;
	bool glued = i < end && !c->tok[i].sp;

	if (tok_has(c, i, end, W_UNIT) &&
	    (m = magnitude(c->tok[i].low, glued || money)) > 0) {
		f->v *= m;
		f->vmax *= m;
		i++;
	}
	if (money) {
		strcpy(f->unit, "GBP");
		return i;
	}
	/* only a unit word or a sign ("%", "-year") can start a unit */
	if (i < end && (c->tok[i].kind == T_PUNCT || tok_has(c, i, end, W_UNIT)) &&
	    ((j = parse_fraction(c, i, end, f)) > i ||
	     (j = parse_percent(c, i, end, f)) > i ||
	     (j = parse_physical(c, i, end, f, glued)) > i))
		return j;
	/* "476 officer hours", "638 community policing hours" */
	for (j = i; j < end && j < i + 3; j++) {
		const struct tok *t = &c->tok[j];

		if (t->kind != T_WORD || t->cap || !t->low[0] ||
		    (t->flags & WC(W_STOP)))
			break;
		if (j > i && (!strcmp(t->low, "hours") || !strcmp(t->low, "days"))) {
			strcpy(f->unit, t->low);
			return i;
		}
	}
	strcpy(f->unit, "count");
	return i;
}

/* "2 mins 43 seconds": a smaller duration right after a duration adds to
 * it, in the smaller unit. */
static size_t
parse_compound_duration(struct ctx *c, const char *text, size_t i,
			size_t end, struct fig *f)
{
	const char *big, *small;
	double bs, ss, v;
	size_t j = i, next;
	bool w;

	if ((bs = duration_unit(f->unit, &big)) == 0 || bs > 86400)
		return i;
	if (tok_is(c, j, end, "and"))
		j++;
	if (j >= end || (c->tok[j].kind != T_NUM && c->tok[j].kind != T_WORD))
		return i;
	if (!parse_one_number(c, text, j, end, &v, &next, &w) || next >= end ||
	    c->tok[next].kind != T_WORD ||
	    (ss = duration_unit(c->tok[next].low, &small)) == 0 || ss >= bs)
		return i;
	f->v = f->v * (bs / ss) + v;
	strcpy(f->unit, small);
	return next + 1;
}

/* "per day", "a week", "each month", "per calendar month": a rate. */
static size_t
parse_rate(struct ctx *c, size_t i, size_t end, struct fig *f)
{
	static const char *const per[] = { "per", "a", "an", "each", "every", NULL };
	static const struct { const char *w, *unit; } period[] = {
		{"day", "day"}, {"week", "week"}, {"month", "month"},
		{"year", "year"}, {"annum", "year"}, {"hour", "hour"},
		{"fortnight", "fortnight"}, {"weekday", "day"},
	};
	size_t j, k, q;
	char base[sizeof f->unit];

	/* the rate may follow the counted noun: "1,030 calls per day" */
	for (j = i; j < end && j < i + 6; j++) {
		if (tok_in(c, j, end, per)) {
			k = j + 1;
			if (tok_is(c, k, end, "calendar"))
				k++;
			for (q = 0; q < sizeof period / sizeof period[0]; q++)
				if (tok_is(c, k, end, period[q].w))
					goto found;
			return i;
		}
		if (c->tok[j].kind == T_PUNCT && c->tok[j].cp != '\'' &&
		    c->tok[j].cp != 0x2018 && c->tok[j].cp != 0x2019 &&
		    !(text_is_dash(c->tok[j].cp) && !c->tok[j].sp && j + 1 < end &&
		      !c->tok[j + 1].sp))	/* "non-emergency calls per day" */
			return i;
		if (c->tok[j].kind == T_WORD && c->tok[j].low[0] &&
		    (c->tok[j].flags & WC(W_STOP)))
			return i;
		if (c->tok[j].kind == T_NUM && !(j > i && c->tok[j - 1].kind == T_PUNCT &&
						 is_quote(c->tok[j - 1].cp)))
			return i;	/* only a quoted channel: '999' calls */
	}
	return i;
found:
	if (strcmp(f->unit, "count") && duration_unit(f->unit, &(const char *){0}) == 0)
		return i;
	snprintf(base, sizeof base, "%s", f->unit);
	if (strlen(base) + strlen(period[q].unit) + 2 > sizeof f->unit)
		return i;
	memcpy(f->unit + strlen(base), "/", 2);
	strcat(f->unit, period[q].unit);
	return j == i ? k + 1 : i;
}

/* ------------------------------------------------------------------ */
/* Stage 2: what is not a figure. */

static bool
is_month(const struct ctx *c, size_t i, size_t end)
{
	return tok_has(c, i, end, W_MONTH);
}

static bool
is_year(double v, const struct tok *t, const char *text)
{
	return v >= 1900 && v <= 2100 && t->e - t->s == 4 &&
	       memchr(text + t->s, '.', 4) == NULL;
}

/* Things a number in digits can be besides a figure: dates, fiscal
 * years, times, ordinals, years, staff numbers, footnotes, identifiers,
 * quoted names and list markers. */
static bool
digits_not_figure(const struct ctx *c, const char *text, size_t a, size_t i,
		  size_t next, size_t end, double v)
{
	const struct tok *t = &c->tok[i];
	const struct tok *p = i > a ? &c->tok[i - 1] : NULL;
	const struct tok *n = next < end ? &c->tok[next] : NULL;

	/* dates, fiscal years, times: 2019/20, 01/06/2023, 24/7, 10:30 */
	if (n && n->kind == T_PUNCT && !n->sp &&
	    (n->cp == '/' || n->cp == ':') && next + 1 < end &&
	    c->tok[next + 1].kind == T_NUM &&
	    (!c->tok[next + 1].sp || is_year(v, t, text)))
		return true;
	if (p && p->kind == T_PUNCT && (p->cp == '/' || p->cp == ':') &&
	    i >= a + 2 && c->tok[i - 2].kind == T_NUM && !p->sp &&
	    (p->cp == '/' || !t->sp))
		return true;
	/* "Version No: 1.0" */
	if (p && p->kind == T_PUNCT && p->cp == ':' && i >= a + 2 &&
	    tok_has(c, i - 2, end, W_NAME))
		return true;
	/* 23<sup>rd</sup>, {\rm 11} */
	if (n && n->kind == T_PUNCT && n->cp == '<' && !n->sp &&
	    tok_is(c, next + 1, end, "sup"))
		return true;
	if (p && p->kind == T_PUNCT && p->cp == '{')
		return true;
	if (is_year(v, t, text) && !(n && n->kind == T_PUNCT && n->cp == '%') &&
	    !(p && p->kind == T_PUNCT && p->cp == 0xA3))
		return true;
	/* ordinals and times: 1st, 10am */
	if (n && n->kind == T_WORD && !n->sp &&
	    (!strcmp(n->low, "st") || !strcmp(n->low, "nd") ||
	     !strcmp(n->low, "rd") || !strcmp(n->low, "th") ||
	     !strcmp(n->low, "am") || !strcmp(n->low, "pm")))
		return true;
	/* phone and reference numbers: "01245 452000", "007" */
	if (text[t->s] == '0' && t->e - t->s >= 2 &&
	    is_ascii_digit((unsigned char)text[t->s + 1]))
		return true;
	if (p && p->kind == T_NUM && text[p->s] == '0' && p->e - p->s >= 3)
		return true;
	/* staff and phone numbers: long digit strings */
	if (t->e - t->s >= 7 && !memchr(text + t->s, ',', t->e - t->s) &&
	    !memchr(text + t->s, '.', t->e - t->s))
		return true;
	/* footnotes: <sup>11</sup>, [^3] */
	if (p && p->kind == T_PUNCT && (p->cp == '^' ||
	    (p->cp == '>' && i >= a + 2 && tok_is(c, i - 2, end, "sup"))))
		return true;
	/* "Priority_1", "file_2": an identifier */
	if (p && p->kind == T_PUNCT && !t->sp && (p->cp == '_' || p->cp == '@'))
		return true;
	/* "COVID-19", "BT-21": a number glued to a word by a hyphen */
	if (p && p->kind == T_PUNCT && text_is_dash(p->cp) && !t->sp &&
	    !p->sp && i >= a + 2 && c->tok[i - 2].kind == T_WORD &&
	    !is_month(c, i - 2, end))
		return true;
	/* a quoted bare number is a name: 'Fatal 4', "360" */
	if (p && n && p->kind == T_PUNCT && n->kind == T_PUNCT &&
	    is_quote(p->cp) && is_quote(n->cp) && !t->sp && !n->sp)
		return true;
	/* a list or page marker: "3." or "(2)" opening the block */
	if (i == 0 && n && n->kind == T_PUNCT && !n->sp &&
	    (n->cp == '.' || n->cp == ')') && next + 1 < end)
		return true;
	return false;
}

/* Phone channels used as names: '999', (101), 101 calls, via 101. */
static bool
phone_channel(const struct ctx *c, size_t a, size_t i, size_t next,
	      size_t end, double v)
{
	static const char *const lead[] = {
		"and", "or", "via", "dial", "call", "calling", "to", "as",
		"through", "on", "the", "using", NULL
	};
	const struct tok *p = i > a ? &c->tok[i - 1] : NULL;
	const struct tok *n = next < end ? &c->tok[next] : NULL;

	if (v != 999 && v != 101 && v != 111 && v != 112 && v != 105)
		return false;
	if (p && n && p->kind == T_PUNCT && n->kind == T_PUNCT &&
	    ((is_quote(p->cp) && is_quote(n->cp)) ||
	     (p->cp == '(' && n->cp == ')')))
		return true;
	if (n && n->kind == T_WORD &&
	    (!strncmp(n->low, "call", 4) || !strcmp(n->low, "line") ||
	     !strcmp(n->low, "service") || !strcmp(n->low, "number") ||
	     !strcmp(n->low, "and") || !strcmp(n->low, "or") ||
	     !strcmp(n->low, "contact") || !strcmp(n->low, "contacts") ||
	     !strcmp(n->low, "non") || !strcmp(n->low, "emergency")))
		return true;
	if (p && tok_in(c, i - 1, end, lead))
		return true;
	return n && n->kind == T_PUNCT && n->cp == '/';
}

/* "number" as a verb: "the cadets now number 498", "Specials number
 * 510" (not "number 10", "the number 7 bus"). */
static bool
number_verb(const struct ctx *c, size_t a, size_t k, size_t end)
{
	static const char *const adverbs[] = {
		"now", "currently", "still", "also", "together", NULL
	};
	const struct tok *t = k > a ? &c->tok[k - 1] : NULL;
	size_t n;

	if (!tok_is(c, k, end, "number") || !t || t->kind != T_WORD)
		return false;
	n = strlen(t->low);
	return tok_in(c, k - 1, end, adverbs) ||
	       (n > 2 && t->low[n - 1] == 's' && !(t->flags & WC(W_STOP)));
}

/* Words around any number that make it a date, a window, a score, part
 * of an adjective or of a name. */
static bool
dated_or_named(const struct ctx *c, const char *text, size_t a, size_t i,
	       size_t next, size_t end, double v, bool word)
{
	const struct tok *t = &c->tok[i];
	const struct tok *p = i > a ? &c->tok[i - 1] : NULL;
	const struct tok *n = next < end ? &c->tok[next] : NULL;

	/* dates: 23 October, October 23, Jun-22 */
	if (n && is_month(c, next, end) && v >= 1 && v <= 31 && v == floor(v))
		return true;
	if (tok_is(c, next, end, "of") && is_month(c, next + 1, end) && v <= 31)
		return true;
	if (p && is_month(c, i - 1, end) && !word &&
	    (v <= 31 || is_year(v, t, text)))
		return true;
	/* windows: "the last two quarters", "12 months to March 2023" */
	if (p && tok_has(c, i - 1, end, W_WINDOW) &&
	    tok_has(c, next, end, W_PERIODN))
		return true;
	if (tok_has(c, next, end, W_PERIODN) && tok_is(c, next + 1, end, "to") &&
	    is_month(c, next + 2, end))
		return true;
	/* a point in the past: "two years ago", "six months earlier" */
	if (tok_has(c, next, end, W_PERIODN) && (tok_is(c, next + 1, end, "ago") ||
						 tok_is(c, next + 1, end, "earlier")))
		return true;
	/* a rate's base: "56.3 crimes per 1,000 population" */
	if (p && tok_is(c, i - 1, end, "per"))
		return true;
	/* "Page 1 of 5" */
	if (i >= a + 3 && tok_is(c, i - 1, end, "of") && c->tok[i - 2].kind == T_NUM &&
	    tok_is(c, i - 3, end, "page"))
		return true;
	/* a score: "out of ten" */
	if (i >= a + 2 && tok_is(c, i - 1, end, "of") && tok_is(c, i - 2, end, "out"))
		return true;
	/* a compound adjective: "two-way", "24-strong" (not "3-year") */
	if (n && n->kind == T_PUNCT && text_is_dash(n->cp) && !n->sp &&
	    next + 1 < end && c->tok[next + 1].kind == T_WORD &&
	    !c->tok[next + 1].sp) {
		const char *dn;

		if (duration_unit(c->tok[next + 1].low, &dn) == 0 &&
		    word_number(&c->tok[next + 1]) < 0)
			return true;
	}
	if (p && p->kind == T_PUNCT && text_is_dash(p->cp) && i >= a + 2 &&
	    is_month(c, i - 2, end))
		return true;
	/* names and references: Priority 4, Section 60, level 2, Fatal 4 */
	if (p && p->kind == T_WORD && p->low[0] && (p->flags & WC(W_NAME)) &&
	    !number_verb(c, a, i - 1, end))
		return true;
	if (p && p->kind == T_WORD && p->cap && p->low[0] &&
	    (p->flags & WC(W_CAPNAME)))
		return true;
	if (p && p->kind == T_WORD && p->cap &&
	    !(p->low[0] && (p->flags & WC(W_STOP))) &&
	    !is_month(c, i - 1, end) &&
	    !(n && n->kind == T_PUNCT && (n->cp == '%')))
		return true;
	return false;
}

/* The number at token i (ending at next) names or dates something. */
static bool
not_a_figure(const struct ctx *c, const char *text, size_t a, size_t i,
	     size_t next, size_t end, double v, bool word)
{
	if (!word && (digits_not_figure(c, text, a, i, next, end, v) ||
		      phone_channel(c, a, i, next, end, v)))
		return true;
	return dated_or_named(c, text, a, i, next, end, v, word);
}

/* ------------------------------------------------------------------ */
/* Stages 1 and 2 together: the figures of one sentence [a, b). */

static const char *
approx_before(const struct ctx *c, size_t a, size_t i)
{
	static const char *const about[] = {
		"approximately", "approx", "around", "about", "nearly",
		"almost", "some", "roughly", "circa", "c", "approaching", NULL
	};
	static const char *const above[] = {
		"over", "above", "exceeding", NULL
	};
	static const char *const below[] = { "under", "below", NULL };
	const struct tok *p = i > a ? &c->tok[i - 1] : NULL;
	const struct tok *pp = i > a + 1 ? &c->tok[i - 2] : NULL;

	if (p && p->kind == T_PUNCT && p->cp == 0xA3) {
		p = pp;
		pp = i > a + 2 ? &c->tok[i - 3] : NULL;
	}
	if (!p || p->kind != T_WORD || !p->low[0])
		return NULL;
	if (in_list(p->low, about))
		return "~";
	if (in_list(p->low, above))
		return ">";
	if (in_list(p->low, below))
		return "<";
	if (pp && pp->kind == T_WORD && !strcmp(p->low, "than")) {
		if (!strcmp(pp->low, "more") || !strcmp(pp->low, "greater"))
			return ">";
		if (!strcmp(pp->low, "less") || !strcmp(pp->low, "fewer"))
			return "<";
	}
	if (pp && pp->kind == T_WORD && !strcmp(p->low, "of") &&
	    (!strcmp(pp->low, "excess") || !strcmp(pp->low, "upwards")))
		return ">";
	if (pp && pp->kind == T_WORD && !strcmp(p->low, "to") &&
	    !strcmp(pp->low, "up"))
		return "<";
	if (pp && pp->kind == T_WORD && !strcmp(p->low, "least") &&
	    !strcmp(pp->low, "at"))
		return ">=";
	if (pp && pp->kind == T_WORD && !strcmp(p->low, "of") &&
	    !strcmp(pp->low, "minimum"))
		return ">=";
	return NULL;
}

static struct fig *
fig_push(struct ctx *c)
{
	struct fig *f;

	if (c->nfig == c->cap_fig) {
		c->cap_fig = c->cap_fig ? 2 * c->cap_fig : 32;
		c->fig = xrealloc(c->fig, c->cap_fig * sizeof *c->fig);
	}
	f = &c->fig[c->nfig++];
	memset(f, 0, sizeof *f);
	f->sign = 1;
	return f;
}

/* "1 in 5 calls", "1 in every 3": a share, in percent.  Returns the
 * token after it, or i. */
static size_t
parse_share(struct ctx *c, const char *text, size_t a, size_t i, size_t next,
	    size_t b, double v)
{
	double d;
	size_t j = next + 1, k;
	bool word;
	struct fig *f;

	if (!tok_is(c, next, b, "in"))
		return i;
	if (tok_is(c, j, b, "every"))
		j++;		/* "1 in every 3" */
	if (j >= b || c->tok[j].kind != T_NUM ||
	    !parse_one_number(c, text, j, b, &d, &k, &word) ||
	    d < v || d <= 1 || d > 1000 || v != floor(v) || d != floor(d))
		return i;
	f = fig_push(c);
	f->ts = i;
	f->te = f->ue = k;
	f->v = round(v / d * 1000) / 10;
	strcpy(f->unit, "percent");
	f->approx = approx_before(c, a, i);
	return k;
}

/* A range after the number at i (ending at *next): "4-6 hours", "20 to
 * 30", "between 20 and 30", "from 13 to 17 years" (but "from 464 to
 * 515" is a change).  Sets *hi and moves *next past it. */
static bool
parse_range(struct ctx *c, const char *text, size_t a, size_t i,
	    size_t *next, size_t b, double v, double *hi)
{
	size_t j = *next, k;
	bool word, from = i > a && tok_is(c, i - 1, b, "from");
	const char *dn;

	/* "fell by 5 to 10", "an increase of 4 to 12": a change, then a value */
	if (tok_is(c, j, b, "to") && i > a &&
	    (tok_is(c, i - 1, b, "by") || tok_is(c, i - 1, b, "of") ||
	     (c->tok[i - 1].flags & (WC(W_RISE) | WC(W_FALL)))))
		return false;
	if (!(tok_dash(c, j, b) || tok_is(c, j, b, "to") ||
	      (tok_is(c, j, b, "and") && i > a && tok_is(c, i - 1, b, "between"))) ||
	    j + 1 >= b || c->tok[j + 1].kind != c->tok[i].kind ||
	    !parse_one_number(c, text, j + 1, b, hi, &k, &word) || *hi <= v)
		return false;
	if (from && !(k < b && c->tok[k].kind == T_WORD &&
		      duration_unit(c->tok[k].low, &dn) > 0))
		return false;
	if (not_a_figure(c, text, a, j + 1, k, b, *hi, word))
		return false;
	*next = k;
	return true;
}

/* "an increase of 4 points", "up 3 points", "2 points lower": points
 * beside a change word are percentage points (a change of a percent).
 * Returns the token after the unit. */
static size_t
parse_points(const struct ctx *c, size_t a, size_t i, size_t k, size_t b,
	     struct fig *f)
{
	const unsigned dir = WC(W_RISE) | WC(W_FALL);
	size_t p = i;

	if (strcmp(f->unit, "count") || !(tok_is(c, k, b, "points") ||
					  tok_is(c, k, b, "point") ||
					  tok_is(c, k, b, "pts")))
		return k;
	if (p > a + 1 && (tok_is(c, p - 1, b, "of") || tok_is(c, p - 1, b, "by")))
		p--;
	if ((p > a && c->tok[p - 1].kind == T_WORD && (c->tok[p - 1].flags & dir)) ||
	    (k + 1 < b && c->tok[k + 1].kind == T_WORD &&
	     (c->tok[k + 1].flags & dir))) {
		strcpy(f->unit, "pp");
		return k + 1;
	}
	return k;
}

/* A number with its unit, qualifier and rate, maybe a range; or nothing.
 * Returns the token after what it used (at least i + 1). */
static size_t
parse_figure(struct ctx *c, const char *text, size_t a, size_t i, size_t b)
{
	double v, hi;
	size_t next, k;
	bool word, money, ranged;
	struct fig *f;

	if (c->tok[i].kind != T_NUM && !(c->tok[i].flags & WC(W_NUMBER)) &&
	    !tok_is(c, i, b, "a"))
		return i + 1;
	if (!parse_one_number(c, text, i, b, &v, &next, &word))
		return i + 1;
	if (not_a_figure(c, text, a, i, next, b, v, word)) {
		/* "aged 11-16": the whole range is not a figure */
		if (tok_dash(c, next, b) && next + 1 < b &&
		    c->tok[next + 1].kind == c->tok[i].kind)
			return next + 2;
		return next;
	}
	if ((k = parse_share(c, text, a, i, next, b, v)) > i)
		return k;
	hi = v;
	ranged = parse_range(c, text, a, i, &next, b, v, &hi);
	if (!ranged && tok_dash(c, next, b) && next + 1 < b &&
	    c->tok[next + 1].kind == T_NUM)
		return next + 2;	/* "3-7" with a number that is not a figure */
	money = i > a && tok_punct(c, i - 1, b, 0xA3);
	f = fig_push(c);
	f->ts = i;
	f->v = v;
	f->vmax = hi;
	f->has_max = ranged;
	k = parse_unit(c, next, b, f, money);
	k = parse_points(c, a, i, k, b, f);
	k = parse_compound_duration(c, text, k, b, f);
	if (tok_punct(c, k, b, '+') && !c->tok[k].sp) {
		f->approx = ">";	/* "40+" */
		k++;
	}
	f->te = k;
	f->ue = parse_rate(c, k, b, f);
	if (!f->approx)
		f->approx = approx_before(c, a, i);
	/* a bare range is a page range ("3-7"); a bare number alone in its
	 * block is a page number */
	if ((ranged && !strcmp(f->unit, "count") &&
	     (k >= b || c->tok[k].kind != T_WORD || (c->tok[k].flags & WC(W_STOP)))) ||
	    (a == 0 && i == 0 && k >= b && !word && !strcmp(f->unit, "count"))) {
		c->nfig--;
		return k;
	}
	f->paren = !money && i > a && tok_punct(c, i - 1, b, '(') &&
		   tok_punct(c, k, b, ')');
	return k > i ? k : i + 1;
}

/* ------------------------------------------------------------------ */
/* Stage 3: roles. */

static bool
content_word(const struct tok *t)
{
	if (t->kind == T_CODE)
		return true;
	if (t->kind != T_WORD)
		return false;
	return !(t->low[0] && (t->flags & WC(W_STOP)));
}

static bool
verb_like(const struct tok *t)
{
	size_t n = strlen(t->low);

	return n > 4 && !strcmp(t->low + n - 2, "ed");
}

static bool
clause_edge(const struct tok *t)
{

	if (t->kind == T_PUNCT)
		return t->cp == ',' || t->cp == ';' || t->cp == ':' ||
		       t->cp == '(' || t->cp == ')';
	return t->kind == T_WORD && (t->flags & WC(W_JOIN));
}

/* The clause around token i: [*cs, *ce). */
static void
clause_of(const struct ctx *c, size_t a, size_t b, size_t i, size_t *cs,
	  size_t *ce)
{
	size_t s = i, e = i;

	while (s > a && !clause_edge(&c->tok[s - 1]))
		s--;
	while (e < b && !clause_edge(&c->tok[e]))
		e++;
	*cs = s;
	*ce = e;
}

/* A word that can be a verb's base form: not a stop word, not ending
 * in -s, -ed or -ing ("open", "launch", not "delays", "increased"). */
static bool
base_verb(const struct tok *t)
{
	size_t n = strlen(t->low);

	return t->kind == T_WORD && n > 1 && !(t->flags & WC(W_STOP)) &&
	       t->low[n - 1] != 's' && !(n > 3 && !strcmp(t->low + n - 2, "ed")) &&
	       !(n > 4 && !strcmp(t->low + n - 3, "ing"));
}

/* "within target", "on target", "above target": the word names a goal
 * met or missed, it does not make the figure one. */
static bool
measured_against(const struct ctx *c, size_t a, size_t j, size_t end)
{
	static const char *const preps[] = {
		"within", "on", "above", "below", "over", "under", "beyond",
		"ahead", "behind", NULL
	};

	return j > a && tok_in(c, j - 1, end, preps) && !tok_is(c, j + 1, end, "of");
}

/* "targeted patrols", "planned work": a participle before a noun
 * describes it ("planned 130 checks" and "expected to" are cues). */
static bool
adjectival(const struct ctx *c, size_t j, size_t end)
{
	return verb_like(&c->tok[j]) && j + 1 < end &&
	       c->tok[j + 1].kind == T_WORD && content_word(&c->tok[j + 1]) &&
	       !(c->tok[j + 1].flags & WC(W_NUMBER));
}

/* The counted noun's own future: "3 detectives will join", "two
 * officers are due to start", "40 staff are expected to transfer". */
static bool
future_after(const struct ctx *c, size_t j, size_t ce)
{
	static const char *const soon[] = {
		"due", "expected", "set", "scheduled", "planned", "going", NULL
	};
	size_t n;

	for (n = 0; j < ce && n < 5 && c->tok[j].kind == T_WORD &&
	     content_word(&c->tok[j]) && !verb_like(&c->tok[j]); j++, n++)
		;
	if (tok_is(c, j, ce, "will") || tok_is(c, j, ce, "shall"))
		return true;
	return (tok_is(c, j, ce, "are") || tok_is(c, j, ce, "is")) &&
	       tok_in(c, j + 1, ce, soon) && tok_is(c, j + 2, ce, "to");
}

static bool
is_target(const struct ctx *c, size_t a, size_t b, const struct fig *f)
{
	static const char *const taking[] = {
		"taking", "bringing", "making", "increasing", "raising", NULL
	};
	size_t cs, ce, j;

	/* a cue before the figure ("aims to train 300", "will grow to 400")
	 * and after any figure before it, or a participle after it ("25
	 * checks are planned"); "11 minutes against a target of 15" makes
	 * only the 15 a target, "kits will be kept for 25 years" none */
	clause_of(c, a, b, f->ts, &cs, &ce);
	/* "will start in May, taking the total to 210": the participle's
	 * clause goes on with the one before */
	if (cs > a + 1 && tok_punct(c, cs - 1, b, ',') && tok_in(c, cs, b, taking)) {
		if (f != c->fig && f[-1].role == R_TARGET && f[-1].ue <= cs)
			return true;	/* "will recruit 60, taking..." */
		clause_of(c, a, b, cs - 2, &cs, &j);
	}
	if (f != c->fig && f[-1].ue > cs && f[-1].ue <= f->ts)
		cs = f[-1].ue;	/* "a target of 90%, met with 91.3%" */
	for (j = cs; j < f->ts; j++)
		if (tok_has(c, j, ce, W_TARGET) && !measured_against(c, cs, j, ce) &&
		    !adjectival(c, j, ce))
			return true;
	if (future_after(c, f->ue, ce))
		return true;
	for (j = f->te; j < ce; j++)
		if (tok_has(c, j, ce, W_PLAN))
			return true;
	/* "due to open" (not "due to the rise", "due to delays") */
	for (j = f->te; j + 2 < ce; j++)
		if (tok_is(c, j, ce, "due") && tok_is(c, j + 1, ce, "to") &&
		    base_verb(&c->tok[j + 2]))
			return true;
	/* "by March 2020", "by the end of the year" */
	for (j = f->te; j + 1 < ce; j++)
		if (tok_is(c, j, ce, "by") &&
		    (is_month(c, j + 1, ce) || tok_is(c, j + 1, ce, "end") ||
		     (tok_is(c, j + 1, ce, "the") && tok_is(c, j + 2, ce, "end"))))
			return true;
	return false;
}

static int
direction(const struct tok *t)
{
	if (t->kind != T_WORD || !t->low[0])
		return 0;
	if ((t->flags & WC(W_RISE)))
		return 1;
	if ((t->flags & WC(W_FALL)))
		return -1;
	return 0;
}

/* The nearest change word in [from, to), scanning backwards. */
static int
direction_before(const struct ctx *c, size_t from, size_t to)
{
	int d;

	while (to > from)
		if ((d = direction(&c->tok[--to])) != 0)
			return d;
	return 0;
}

/* Inside parentheses opened earlier in the sentence. */
static bool
in_parens(const struct ctx *c, size_t a, size_t i)
{
	while (i > a) {
		const struct tok *t = &c->tok[--i];

		if (t->kind == T_PUNCT && t->cp == ')')
			return false;
		if (t->kind == T_PUNCT && t->cp == '(')
			return true;
	}
	return false;
}

/* A comparison word in the clause before token i, after the figure
 * before it (which ends at a). */
static bool
compared_before(const struct ctx *c, size_t a, size_t i)
{
	static const char *const cmp[] = {
		"compared", "compares", "comparison", "versus", "vs", "against",
		NULL
	};

	while (i > a && !clause_edge(&c->tok[i - 1])) {
		i--;
		if (tok_in(c, i, i + 1, cmp))
			return true;
	}
	return false;
}

/* Only a few plain words and an "and" between two figures: the second
 * is coordinated with the first ("331 drink drivers and 224 drug"). */
static bool
joined(const struct ctx *c, size_t from, size_t to)
{
	size_t j;
	bool and = false;

	if (to < from || to - from > 7)
		return false;
	for (j = from; j < to; j++) {
		const struct tok *t = &c->tok[j];

		if (tok_is(c, j, to, "and") || tok_is(c, j, to, "or"))
			and = true;
		else if (t->kind != T_WORD || (t->flags & (WC(W_STOP) |
				WC(W_TARGET) | WC(W_RISE) | WC(W_FALL))))
			return false;
	}
	return and;
}

static const char *const change_nouns[] = {
	"increase", "decrease", "rise", "fall", "reduction", "drop", "decline",
	"uplift", "improvement", "growth", "change", NULL
};

static const char *const more_words[] = {
	"more", "fewer", "additional", "extra", "less", NULL
};

/* The token before the figure's qualifier and currency: "from" in "up
 * from over £4m". */
static size_t
lead_token(const struct ctx *c, size_t a, size_t b, const struct fig *f)
{
	size_t p = f->ts;

	if (p > a && tok_punct(c, p - 1, b, 0xA3))
		p--;
	if (p > a && f->approx && c->tok[p - 1].kind == T_WORD)
		p -= (p > a + 1 && (tok_is(c, p - 1, b, "than") ||
				    tok_is(c, p - 1, b, "of") ||
				    tok_is(c, p - 1, b, "least"))) ? 2 : 1;
	return p;
}

/* "up from 464", "compared to 76,803", "versus", "higher than" (but
 * "from 13 to 17 years" is a range, and "from" needs a change or an
 * earlier value: "3,000 from 45 schools" is not a comparison). */
static bool
is_prev(const struct ctx *c, size_t a, size_t b, const struct fig *f,
	size_t p, bool have_value)
{
	if (p <= a || f->has_max)
		return false;
	if (tok_is(c, p - 1, b, "from"))
		return have_value || tok_is(c, f->ue, b, "to") ||
		       direction_before(c, p - 1 > a + 2 ? p - 3 : a, p - 1);
	if (tok_is(c, p - 1, b, "against") || tok_is(c, p - 1, b, "versus") ||
	    tok_is(c, p - 1, b, "vs"))
		return true;
	if (p < a + 2)
		return false;
	if (tok_is(c, p - 1, b, "to") || tok_is(c, p - 1, b, "with"))
		return tok_is(c, p - 2, b, "compared") ||
		       tok_is(c, p - 2, b, "compares") ||
		       tok_is(c, p - 2, b, "comparison");
	return tok_is(c, p - 1, b, "than") &&
	       (tok_is(c, p - 2, b, "higher") || tok_is(c, p - 2, b, "lower"));
}

static bool
set_change(struct fig *f, enum role role, int sign)
{
	f->role = role;
	f->sign = sign;
	return true;
}

/* Change words before the figure: "an increase of 1,950", "increased by
 * 8%", "up 218%", "(-2.1%)", "(an additional 2,424 calls)". */
static bool
change_before(const struct ctx *c, size_t a, size_t b, struct fig *f,
	      size_t p, bool compared)
{
	static const char *const phrasal[] = {
		"made", "make", "makes", "making", "broken", "break", "breaks",
		"set", "sets", "takes", "took", "picked", NULL
	};
	bool pct = !strcmp(f->unit, "percent"), pp = !strcmp(f->unit, "pp");
	size_t i = f->ts;
	int d;

	if (p > a + 1 && (tok_is(c, p - 1, b, "of") || tok_is(c, p - 1, b, "by")) &&
	    ((d = direction(&c->tok[p - 2])) != 0 ||
	     (tok_is(c, p - 1, b, "by") && (d = direction_before(c, a, p - 1)) != 0)))
		return set_change(f, pct ? R_PCT : R_CHANGE, d);
	if (pct && i >= a + 2 && !c->tok[i].sp && tok_punct(c, i - 2, b, '(') &&
	    (tok_dash(c, i - 1, b) || tok_punct(c, i - 1, b, '+')))
		return set_change(f, R_PCT, tok_dash(c, i - 1, b) ? -1 : 1);
	/* not "made up 23%" */
	if (p > a && (pct || pp) && (d = direction(&c->tok[p - 1])) != 0 &&
	    !tok_in(c, p - 1, b, more_words) &&
	    !(p > a + 1 && tok_in(c, p - 2, b, phrasal)))
		return set_change(f, pct ? R_PCT : R_CHANGE, d);
	if (p > a && !pct && compared && tok_in(c, p - 1, b, more_words) &&
	    !tok_is(c, p - 1, b, "further"))
		return set_change(f, R_CHANGE, direction(&c->tok[p - 1]));
	return false;
}

/* Change words after the figure: "19% increase", "5,599 fewer calls",
 * "51 additional officers" (more/fewer only beside another figure). */
static bool
change_after(const struct ctx *c, size_t b, struct fig *f, bool compared)
{
	bool pct = !strcmp(f->unit, "percent"), pp = !strcmp(f->unit, "pp");
	size_t e = f->te;
	int d;

	if (e >= b || c->tok[e].kind != T_WORD || (d = direction(&c->tok[e])) == 0)
		return false;
	if (pct && (tok_in(c, e, b, change_nouns) || tok_is(c, e, b, "higher") ||
		    tok_is(c, e, b, "lower") || tok_is(c, e, b, "up") ||
		    tok_is(c, e, b, "down") || tok_in(c, e, b, more_words)))
		return set_change(f, R_PCT, d);
	if (!pct && (tok_in(c, e, b, change_nouns) ||
		     (tok_in(c, e, b, more_words) && (compared || pp))))
		return set_change(f, R_CHANGE, d);
	return false;
}

/* Period phrase k is the base of a comparison: "a rise of 12% on the
 * same quarter last year".  (The period phrases are found before
 * roles: find_periods, stage 4.) */
static bool
base_span(const struct ctx *c, size_t k)
{
	size_t j = c->span[k][0];

	if (j > 0 && tok_is(c, j - 1, j, "the"))
		j--;
	return j > 0 && tok_is(c, j - 1, j, "on");
}

/* A period phrase of the sentence ends at token e and names an earlier
 * period: "the same quarter last year", "the previous month", "a year
 * ago", or any period after "on" ("a 4% rise on 2022/23"). */
static bool
earlier_period_ends(const struct ctx *c, size_t e)
{
	static const char *const earlier[] = {
		"same", "previous", "preceding", "ago", "earlier", "before", NULL
	};
	size_t k;

	for (k = 0; k < c->nspan && c->span[k][1] <= e; k++)
		if (c->span[k][1] == e)
			return tok_in(c, c->span[k][0], e, earlier) ||
			       tok_in(c, e - 1, e, earlier) || base_span(c, k);
	return false;
}

/* Right after a figure ending at j: "in the same quarter last year",
 * "during the previous year", and, the figure being in parentheses after
 * another, "last quarter". */
static bool
earlier_period_starts(const struct ctx *c, size_t j, size_t b)
{
	static const char *const preps[] = {
		"in", "during", "for", "over", "at", NULL
	};
	size_t k;

	if (tok_in(c, j, b, preps))
		j++;
	if (tok_is(c, j, b, "the"))
		j++;
	for (k = 0; k < c->nspan && c->span[k][0] <= j; k++)
		if (c->span[k][0] == j)
			return (tok_is(c, j, b, "last") ||
				earlier_period_ends(c, c->span[k][1])) &&
			       !base_span(c, k);
	return false;
}

static void
assign_role(struct ctx *c, size_t a, size_t b, struct fig *f, bool have_value)
{
	bool compared = have_value || in_parens(c, a, f->ts);
	size_t p = lead_token(c, a, b, f);
	int d;

	if (is_prev(c, a, b, f, p, have_value)) {
		f->role = R_PREV;
		return;
	}
	if (change_before(c, a, b, f, p, compared) ||
	    change_after(c, b, f, compared))
		return;
	if (!strcmp(f->unit, "pp")) {
		set_change(f, R_CHANGE, direction_before(c, a, b) < 0 ? -1 : 1);
		return;
	}
	/* "(2.5%)" after an increase */
	if (!strcmp(f->unit, "percent") && f->paren &&
	    (have_value || f != c->fig) && (d = direction_before(c, a, f->ts)) != 0) {
		set_change(f, R_PCT, d);
		return;
	}
	/* "(2022/23: 2,104)": an earlier period's figure */
	if (in_parens(c, a, f->ts) && f->ts >= a + 2 &&
	    tok_punct(c, f->ts - 1, b, ':') &&
	    (c->tok[f->ts - 2].kind == T_NUM || c->tok[f->ts - 2].kind == T_CODE ||
	     is_month(c, f->ts - 2, b))) {
		f->role = R_PREV;
		return;
	}
	/* "(277)" after "compared to the same period last year"; "compares
	 * to 331 drink drivers and 224 drug drivers" */
	if (f->paren && compared_before(c, f != c->fig && f[-1].ue > a ? f[-1].ue : a,
				    f->ts - 1)) {
		f->role = R_PREV;
		return;
	}
	/* "a rise of 12% on the same quarter last year (1,274)" */
	if (f->paren && have_value && earlier_period_ends(c, f->ts - 1)) {
		f->role = R_PREV;
		f->when_back = true;
		return;
	}
	/* "(4,390 in the same quarter last year)" */
	if (have_value && in_parens(c, a, f->ts) &&
	    earlier_period_starts(c, f->ue, b)) {
		f->role = R_PREV;
		return;
	}
	if (f != c->fig && f[-1].role == R_PREV && joined(c, f[-1].ue, f->ts)) {
		f->role = R_PREV;
		f->coord = true;
		return;
	}
	f->role = is_target(c, a, b, f) ? R_TARGET : R_VALUE;
}

/* ------------------------------------------------------------------ */
/* Stage 4: measure and period phrases. */

/* "nationally", "currently": adverbs close a measure phrase. */
static bool
adverb(const struct tok *t)
{
	static const char *const ends[] = {
		"ally", "ively", "ately", "ently", "antly", "arly", "ously",
		"fully", "edly", "ssly", "ckly", NULL
	};
	size_t n = strlen(t->low), k, m;

	for (k = 0; ends[k]; k++)
		if (n > (m = strlen(ends[k])) + 1 &&
		    !strcmp(t->low + n - m, ends[k]))
			return true;
	return false;
}

static void
add_words(struct buf *m, const char *text, const struct ctx *c, size_t s,
	  size_t e)
{
	size_t j, k;
	bool gap = false;	/* left-out punctuation stood between words */

	for (j = s; j < e; j++) {
		const struct tok *t = &c->tok[j];

		/* "(+12.3%)" is a figure, "(suspected to be heroin)" an
		 * aside, "(KSI)" a name: keep only names */
		if (t->kind == T_PUNCT && t->cp == '(') {
			for (k = j + 1; k < e && !tok_punct(c, k, e, ')'); k++)
				if (c->tok[k].kind == T_NUM ||
				    (c->tok[k].kind == T_WORD && !content_word(&c->tok[k])))
					break;
			if (k < e && !tok_punct(c, k, e, ')')) {
				while (k < e && !tok_punct(c, k, e, ')'))
					k++;
				j = k;
				gap = true;
				continue;
			}
		}
		if (t->kind == T_PUNCT && !text_is_dash(t->cp) && t->cp != '/' &&
		    t->cp != '%' && t->cp != '&') {
			gap = gap || t->sp || t->cp == '(' || t->cp == ')';
			continue;
		}
		if (m->len && (t->sp || gap))	/* a glued hyphen stays glued */
			buf_addc(m, ' ');
		gap = false;
		buf_add(m, text + t->s, t->e - t->s);
	}
}


/* Words that belong to a period phrase, not to a measure. */
static bool
period_word(const struct ctx *c, size_t i, size_t end)
{
	return is_month(c, i, end) || tok_has(c, i, end, W_PERIODW);
}

static bool
modifier(const struct tok *t)
{
	return t->kind == T_WORD && (t->flags & WC(W_MODIFIER));
}

/* Skip "(MSHT)" or "(42.2%)": a short parenthesized aside at i. */
static size_t
skip_aside(const struct ctx *c, size_t i, size_t b)
{
	size_t j;

	if (!tok_punct(c, i, b, '('))
		return i;
	for (j = i + 1; j < b && j < i + 6; j++)
		if (tok_punct(c, j, b, ')'))
			return j + 1;
	return i;
}

/* Content words after the figure: "366 drink drivers", "19,871 hours of
 * high visibility policing", "72% of referred crimes". */
static size_t
phrase_after(const struct ctx *c, size_t i, size_t b, size_t *ps)
{
	size_t j = i, n = 0, k;

	j = skip_aside(c, j, b);
	while (j < b && c->tok[j].kind == T_PUNCT && is_quote(c->tok[j].cp))
		j++;
	if (j < b && c->tok[j].kind == T_NUM && j + 1 < b &&
	    c->tok[j + 1].kind == T_PUNCT && is_quote(c->tok[j + 1].cp))
		j += 2;		/* '999' calls */
	if (tok_is(c, j, b, "of") && j + 1 < b && (c->tok[j + 1].kind == T_WORD ||
						    c->tok[j + 1].kind == T_NUM)) {
		j++;
		while (tok_is(c, j, b, "the") || tok_is(c, j, b, "all") ||
		       tok_is(c, j, b, "our"))
			j++;
	}
	/* "13 of the 14 districts", "94% of 999 calls": the noun after */
	if (j > i && j + 1 < b && c->tok[j].kind == T_NUM &&
		 c->tok[j - 1].kind == T_WORD && content_word(&c->tok[j + 1]) &&
		 (tok_is(c, j - 1, b, "of") || tok_is(c, j - 1, b, "the")))
		j++;
	while (j < b && modifier(&c->tok[j]))
		j++;
	*ps = j;
	while (j < b && n < 6) {
		const struct tok *t = &c->tok[j];

		if (n > 0 && (k = skip_aside(c, j, b)) > j) {
			j = k;
			continue;
		}
		if (n > 0 && t->kind == T_PUNCT && (t->cp == '/' || is_quote(t->cp)) &&
		    j + 1 < b && content_word(&c->tok[j + 1])) {
			j++;
			continue;
		}
		if (!content_word(t) || period_word(c, j, b) ||
		    (t->kind == T_WORD && adverb(t)))
			break;
		n++;
		j++;
		/* "face-to-face", "anti-social": glued hyphens join words */
		while (j + 1 < b && tok_dash(c, j, b) && !c->tok[j].sp &&
		       !c->tok[j + 1].sp && c->tok[j + 1].kind == T_WORD)
			j += 2;
		/* "suspected drink drivers" but "drivers arrested" */
		if (t->kind == T_WORD && verb_like(t) && n > 1)
			break;
	}
	/* "hours of high visibility policing" */
	if (n > 0 && n <= 2 && tok_is(c, j, b, "of") && j + 1 < b &&
	    content_word(&c->tok[j + 1])) {
		size_t m = 0;

		k = j + 1;
		while (k < b && m < 4 && content_word(&c->tok[k])) {
			k++;
			m++;
		}
		return k;
	}
	return j;
}

static bool
skippable_before(const struct ctx *c, size_t i, size_t end)
{
	const struct tok *t = &c->tok[i];

	if (t->kind == T_CODE || t->kind == T_NUM)
		return true;
	if (t->kind == T_PUNCT)
		return t->cp != '.' && t->cp != ';';
	return !content_word(t) || verb_like(t) || direction(t) || adverb(t) ||
	       (t->low[0] && (t->flags & WC(W_LINK))) ||
	       period_word(c, i, end);
}

/* Words for a kind of quantity: alone they need what they measure. */
static const char *const quantity_words[] = {
	"average", "mean", "median", "number", "rate", "proportion", "share",
	"percentage", "figure", "level", NULL
};

/* Token k ends a word glued with a hyphen: "up" in "follow-up". */
static bool
hyphen_tail(const struct ctx *c, size_t lo, size_t k)
{
	return k >= lo + 2 && c->tok[k].kind == T_WORD && !c->tok[k].sp &&
	       tok_dash(c, k - 1, k) && !c->tok[k - 1].sp &&
	       c->tok[k - 2].kind == T_WORD;
}

/* A participle between nouns of a phrase whose head is a kind of
 * quantity at h: "Hate Crime solved rate" (not "Team recovered stolen
 * plant"). */
static bool
participle_inside(const struct ctx *c, size_t lo, size_t k, size_t h, size_t b)
{
	return k > lo && tok_in(c, h, b, quantity_words) &&
	       verb_like(&c->tok[k]) && !direction(&c->tok[k]) &&
	       !(c->tok[k].flags & WC(W_LINK)) && c->tok[k - 1].kind == T_WORD &&
	       !skippable_before(c, k - 1, b);
}

/* Content words before the figure: "The Special Constable headcount
 * increased to 515", "Grade of Service for '101' calls ... stood at
 * 84.7%".  Stops at the figure before (lo; a when there is none). */
static size_t
phrase_before(const struct ctx *c, size_t a, size_t lo, size_t i, size_t b,
	      size_t *pe)
{
	static const char *const links[] = {
		"of", "with", "for", "in", "among", "amongst", NULL
	};
	static const char *const auxiliaries[] = {
		"has", "have", "had", "was", "were", "is", "are", "been", NULL
	};
	size_t j = i, skipped = 0, n = 0;

	while (j > lo && skipped < 25) {
		const struct tok *t = &c->tok[j - 1];

		if (t->kind == T_PUNCT && t->cp == ')') {
			size_t k = j - 1;

			while (k > lo && !tok_punct(c, k, b, '('))
				k--;
			if (k == lo && !tok_punct(c, k, b, '('))
				break;
			skipped += j - k;
			j = k;
			continue;
		}
		if (!skippable_before(c, j - 1, b))
			break;
		if (t->kind == T_PUNCT && (t->cp == '.' || t->cp == ';'))
			break;
		j--;
		skipped++;
	}
	*pe = j;
	while (j > lo && n < 5 && (!skippable_before(c, j - 1, b) ||
				   hyphen_tail(c, lo, j - 1) ||
				   (n > 0 && participle_inside(c, lo, j - 1, *pe - 1, b)) ||
				   (n > 0 && tok_has(c, j, b, W_TARGET) &&
				    measured_against(c, lo, j, b)))) {
		j--;
		n++;
		/* "anti-social", "follow-up": glued hyphens join words */
		while (hyphen_tail(c, lo, j))
			j -= 2;
	}
	/* "Victim satisfaction with the overall service stands at": the
	 * head before "of", "with", "in" or "among" names what is measured;
	 * but not the noun of the figure before ("2,315 incidents with an
	 * average time of 11 minutes") */
	if (n > 0 && n < 4 && j > lo + 1) {
		size_t k = j, j0 = j, n0 = n;

		while (k > lo && k + 2 > j && (c->tok[k - 1].flags & WC(W_STOP)) &&
		       !tok_in(c, k - 1, b, links))
			k--;	/* "the", "the overall" */
		if (k > lo + 1 && tok_in(c, k - 1, b, links) &&
		    !skippable_before(c, k - 2, b)) {
			j = k - 1;
			while (j > lo && n < 7 && !skippable_before(c, j - 1, b)) {
				j--;
				n++;
			}
			if (j == lo && lo > a) {
				j = j0;
				n = n0;
			}
		}
	}
	/* "the average time to answer 101 calls": a purpose clause after
	 * the head */
	if (n > 0 && n < 4) {
		size_t k = j;

		if (k > lo && (c->tok[k - 1].kind == T_NUM || tok_is(c, k - 1, b, "a") ||
			       tok_is(c, k - 1, b, "the")))
			k--;
		if (k > lo + 2 && base_verb(&c->tok[k - 1]) &&
		    tok_is(c, k - 2, b, "to") && !skippable_before(c, k - 3, b) &&
		    !tok_has(c, k - 3, b, W_TARGET)) {
			j = k - 2;
			while (j > lo && n < 7 && !skippable_before(c, j - 1, b)) {
				j--;
				n++;
			}
		}
	}
	/* "Reported frauds rose": a participle opening the phrase */
	if (n > 0 && j > lo && c->tok[j - 1].kind == T_WORD &&
	    verb_like(&c->tok[j - 1]) && !(c->tok[j - 1].flags & WC(W_LINK)) &&
	    (j - 1 == lo || (!content_word(&c->tok[j - 2]) &&
			     !tok_in(c, j - 2, b, auxiliaries))))
		j--;
	return n ? j : *pe;
}

/* The subject of the sentence: its first content words. */
static size_t
subject_of(const struct ctx *c, size_t a, size_t b, size_t *ps)
{
	size_t j = a, n = 0;

	while (j < b && j < a + 8 && !content_word(&c->tok[j]))
		j++;
	*ps = j;
	while (j < b && n < 4 && content_word(&c->tok[j]) &&
	       (!verb_like(&c->tok[j]) || n == 0) && c->tok[j].kind == T_WORD &&
	       !(c->tok[j].flags & WC(W_LINK))) {
		j++;
		n++;
	}
	return j;
}

static bool
unit_word(const struct ctx *c, size_t s, size_t e)
{
	const char *name;

	return e == s + 1 && c->tok[s].kind == T_WORD &&
	       (duration_unit(c->tok[s].low, &name) > 0 ||
		mass_unit(c->tok[s].low) > 0 || !strcmp(c->tok[s].low, "per"));
}

/* Where the words naming what the figure is start: "£252,000 worth of
 * drugs", "£1.25 million in cash" (not "£3m in 2023", "in Essex"); for
 * a change, "a reduction of 14% in ASB", "a 9% rise in burglary". */
static size_t
named_after(const struct ctx *c, const struct fig *f, size_t b)
{
	size_t j = f->ue;
	bool money = !strcmp(f->unit, "GBP");
	bool change = f->role == R_CHANGE || f->role == R_PCT;

	if (!money && !change)
		return j;
	if (change && j < b && direction(&c->tok[j]))
		j++;	/* "a 9% rise in" */
	if (money && tok_is(c, j, b, "worth") && tok_is(c, j + 1, b, "of"))
		return j + 2;
	if (tok_is(c, j, b, "in") && j + 1 < b && c->tok[j + 1].kind == T_WORD &&
	    (change || !c->tok[j + 1].cap) && content_word(&c->tok[j + 1]) &&
	    !period_word(c, j + 1, b))
		return j + 1;
	return f->ue;
}

/* A past tense that says what was done to what is counted: "arrested",
 * "seized", "took"; not a link such as "stood", "totalled", "rose". */
static bool
deed_verb(const struct tok *t)
{
	if (t->kind != T_WORD || !t->low[0] || direction(t) ||
	    (t->flags & WC(W_COPULA)))
		return false;
	return verb_like(t) || (t->flags & WC(W_DEED));
}

static bool
generic_noun(const struct tok *t)
{
	return t->kind == T_WORD && (t->flags & WC(W_GENERIC));
}

/* A subject that is a group of people: a plural ("Special Constables",
 * "CSCs"; not "status", "crisis") or a collective noun. */
static bool
group_noun(const struct tok *t)
{
	size_t n = strlen(t->low);

	return t->kind == T_WORD && n > 2 &&
	       ((t->low[n - 1] == 's' && t->low[n - 2] != 's' &&
		 t->low[n - 2] != 'u' && t->low[n - 2] != 'i') ||
		(t->flags & WC(W_GROUP)));
}

/* The deed verb of the clause between a subject ending at be and the
 * figure at i ("contributed" in "Specials contributed a total of"), or
 * (size_t)-1. */
static size_t
verb_between(const struct ctx *c, size_t be, size_t i)
{
	static const char *const passive[] = {
		"was", "were", "is", "are", "been", "be", NULL
	};
	size_t j;

	for (j = i; j > be; j--) {
		if (clause_edge(&c->tok[j - 1]))
			break;
		if (deed_verb(&c->tok[j - 1]))
			return j >= be + 2 && tok_in(c, j - 2, i, passive) ?
			       (size_t)-1 : j - 1;
	}
	return (size_t)-1;
}

/* "of victims were satisfied", "of crimes were resolved": the state
 * after the counted noun belongs to the measure; after a share, so does
 * a lone adjective ("34% of officers are female").  Returns the token
 * of the participle or adjective, or (size_t)-1. */
static size_t
predicate_after(const struct ctx *c, size_t pe, size_t b, bool share)
{
	size_t j = pe;

	if (!(tok_is(c, j, b, "were") || tok_is(c, j, b, "was") ||
	      tok_is(c, j, b, "are") || tok_is(c, j, b, "is")))
		return (size_t)-1;
	j++;
	if (tok_is(c, j, b, "been") || tok_is(c, j, b, "being"))
		j++;
	if (j < b && c->tok[j].kind == T_WORD && !direction(&c->tok[j]) &&
	    (verb_like(&c->tok[j]) || tok_has(c, j, b, W_DEED)) &&
	    !tok_has(c, j, b, W_PLAN))
		return j;
	if (share && j < b && c->tok[j].kind == T_WORD && content_word(&c->tok[j]) &&
	    !direction(&c->tok[j]) && !(c->tok[j].flags & WC(W_NUMBER)) &&
	    (j + 1 == b || !content_word(&c->tok[j + 1])))
		return j;
	return (size_t)-1;
}

/* "2 hours 30 minutes": more than one duration word. */
static bool
compound(const struct ctx *c, const struct fig *f)
{
	size_t j;

	for (j = f->ts + 1; j + 1 < f->te; j++)
		if (c->tok[j].kind == T_WORD &&
		    duration_unit(c->tok[j].low, &(const char *){0}) > 0)
			return true;
	return false;
}

/* "make up 36% of", "account for 12% of", "represent 5% of": the verb
 * of a share whose subject names the part; (size_t)-1 if none. */
static size_t
share_verb(const struct ctx *c, size_t a, size_t lead, size_t b)
{
	static const char *const with_up[] = { "make", "makes", "made", NULL };
	static const char *const with_for[] = {
		"account", "accounts", "accounted", NULL
	};
	static const char *const plain[] = {
		"represent", "represents", "represented", "comprise",
		"comprises", "constitute", "constitutes", "form", "forms", NULL
	};

	if (lead > a + 1 && tok_is(c, lead - 1, b, "up") &&
	    tok_in(c, lead - 2, b, with_up))
		return lead - 2;
	if (lead > a + 1 && tok_is(c, lead - 1, b, "for") &&
	    tok_in(c, lead - 2, b, with_for))
		return lead - 2;
	if (lead > a && tok_in(c, lead - 1, b, plain))
		return lead - 1;
	return (size_t)-1;
}

/* The measure from the words after the figure, into m: "366 drink
 * drivers", "£1.25m in cash", "62% of victims were satisfied",
 * "arrested 14 people".  Returns false, with the words after in [*ps,
 * *pe), when they are only a unit or a lone verb. */
static bool
measure_after(const struct ctx *c, const char *text, size_t a, size_t b,
	      const struct fig *f, size_t lo, size_t lead, bool unit_tok,
	      struct buf *m, size_t *ps, size_t *pe)
{
	size_t bs, be, v;

	/* "almost half (48%) of all calls" */
	*pe = phrase_after(c, f->paren && tok_is(c, f->ue + 1, b, "of") ?
			   f->ue + 1 : named_after(c, f, b), b, ps);
	/* "812 resulted in a charge": a lone verb needs the noun before */
	if (*pe == *ps || unit_word(c, *ps, *pe) ||
	    (*pe == *ps + 1 && c->tok[*ps].kind == T_WORD &&
	     verb_like(&c->tok[*ps])))
		return false;
	if (!strcmp(f->unit, "percent") &&
	    (v = share_verb(c, a, lead, b)) != (size_t)-1) {
		bs = phrase_before(c, a, lo, v, b, &be);
		add_words(m, text, c, bs, be);	/* "female officers" */
	}
	/* the unit word may precede the phrase: "1,279 hours" */
	if (unit_tok)
		add_words(m, text, c, f->te - 1,
			  tok_is(c, f->ue, b, "of") ? f->ue + 1 : f->te);
	add_words(m, text, c, *ps, *pe);
	if ((v = predicate_after(c, *pe, b, !strcmp(f->unit, "percent"))) !=
	    (size_t)-1)
		add_words(m, text, c, v, v + 1);
	else if (*pe == *ps + 1 && generic_noun(&c->tok[*ps]) && lead > a &&
		 deed_verb(&c->tok[lead - 1]))
		add_words(m, text, c, lead - 1, lead);	/* "people arrested" */
	return true;
}

/* After the phrase [bs, be) before a duration: its unit word and verb
 * or nothing.  Hours and days are what a group gives ("Specials gave
 * 480 hours", and the verb tells "Specials provided 90 hours" apart);
 * other durations are times, "within 48 hours" is a window, and "an
 * average attendance time of 11 minutes" names its quantity. */
static void
unit_and_verb(const struct ctx *c, const char *text, size_t a, size_t b,
	      const struct fig *f, size_t bs, size_t be, size_t lead,
	      struct buf *m)
{
	static const char *const windows[] = {
		"within", "in", "for", "after", "under", "every", "each", NULL
	};
	size_t p = lead_token(c, a, b, f), v;

	if ((strncmp(f->unit, "hours", 5) && strncmp(f->unit, "days", 4)) ||
	    compound(c, f) || (p > a && tok_in(c, p - 1, b, windows)) ||
	    (be > bs && be + 1 == p && tok_is(c, be, b, "of")))
		return;
	if (be > bs && group_noun(&c->tok[be - 1]) &&
	    (v = verb_between(c, be, lead)) != (size_t)-1)
		add_words(m, text, c, v, v + 1);
	add_words(m, text, c, f->te - 1, f->te);
}

static void
measure_of(struct ctx *c, const char *text, size_t a, size_t b,
	   const struct fig *f, size_t lo, struct buf *m)
{
	size_t ps, pe, bs, be, lead = f->ts;
	bool unit_tok = f->te > f->ts + 1 && c->tok[f->te - 1].kind == T_WORD &&
			duration_unit(c->tok[f->te - 1].low, &(const char *){0}) > 0;

	buf_reset(m);
	if (lead > a && tok_punct(c, lead - 1, b, 0xA3))
		lead--;
	if (measure_after(c, text, a, b, f, lo, lead, unit_tok, m, &ps, &pe))
		return;
	bs = phrase_before(c, a, lo, f->ts, b, &be);
	if (be == bs && lo <= a) {
		be = subject_of(c, a, f->ts, &bs);
		if (be > f->ts)
			be = bs;
	}
	/* "calls were answered in an average of 7 seconds": a word for a
	 * kind of quantity alone says what of only with the subject */
	if (be == bs + 1 && lo <= a && tok_in(c, bs, b, quantity_words)) {
		size_t ss, se = subject_of(c, a, bs, &ss);

		if (se > ss && se < bs && bs - se <= 6)
			add_words(m, text, c, ss, se);
	}
	add_words(m, text, c, bs, be);
	if (unit_tok)
		unit_and_verb(c, text, a, b, f, bs, be, lead, m);
	if (pe > ps)
		add_words(m, text, c, ps, pe);
}

/* A period phrase starting at token i; returns its end, or i. */
static size_t
period_at(const struct ctx *c, const char *text, size_t i, size_t b)
{
	size_t j = i;

	/* "a year earlier", "two years ago" */
	if ((tok_is(c, j, b, "a") || word_number(&c->tok[j]) > 0 ||
	     c->tok[j].kind == T_NUM) && tok_has(c, j + 1, b, W_SPAN) &&
	    (tok_is(c, j + 2, b, "earlier") || tok_is(c, j + 2, b, "ago") ||
	     tok_is(c, j + 2, b, "before")))
		return j + 3;
	if (tok_has(c, j, b, W_REL)) {
		j++;
		while (j < b && j < i + 4 && (c->tok[j].kind == T_NUM ||
		       word_number(&c->tok[j]) > 0 ||
		       tok_is(c, j, b, "twelve")))
			j++;
		if (!tok_has(c, j, b, W_SPAN))
			return i;
		j++;
		if (tok_is(c, j, b, "year") && tok_is(c, j - 1, b, "financial"))
			j++;
		if ((tok_is(c, j, b, "last") || tok_is(c, j, b, "this")) &&
		    tok_is(c, j + 1, b, "year"))
			j += 2;
		else if (tok_is(c, j, b, "in") && j + 1 < b &&
			 c->tok[j + 1].kind == T_NUM)
			j += 2;
		return j;
	}
	/* "June 2023", "June 30" (not "June 341 sessions") */
	if (is_month(c, j, b) && (j + 1 < b && c->tok[j + 1].kind == T_NUM)) {
		const struct tok *y = &c->tok[j + 1];
		size_t n = y->e - y->s;

		if (tok_is(c, j, b, "may") && !c->tok[j].cap)
			return i;
		if (n > 2 && !(n == 4 && (text[y->s] == '1' || text[y->s] == '2')))
			return i;
		return j + 2;
	}
	/* "2019/20", "22/23" (not "24/7") */
	if (c->tok[j].kind == T_NUM && j + 2 < b && tok_punct(c, j + 1, b, '/') &&
	    c->tok[j + 2].kind == T_NUM && !c->tok[j + 1].sp &&
	    c->tok[j].e - c->tok[j].s >= 2 && c->tok[j + 2].e - c->tok[j + 2].s >= 2) {
		j += 3;
		if (j < b && c->tok[j].kind == T_CODE && (text[c->tok[j].s] == 'Q' ||
							  text[c->tok[j].s] == 'q'))
			j++;
		return j;
	}
	if (c->tok[j].kind == T_CODE && (text[c->tok[j].s] == 'Q' ||
					 text[c->tok[j].s] == 'q') &&
	    c->tok[j].e - c->tok[j].s == 2)
		return j + 1;
	if (tok_is(c, j, b, "currently") || tok_is(c, j, b, "annual") ||
	    tok_is(c, j, b, "annually"))
		return j + 1;
	if (tok_is(c, j, b, "year") && tok_is(c, j + 1, b, "to") &&
	    tok_is(c, j + 2, b, "date"))
		return j + 3;
	return i;
}

/* The period phrases of sentence [a, b), found once, left to right. */
static void
find_periods(struct ctx *c, const char *text, size_t a, size_t b)
{
	size_t j, e;

	c->nspan = 0;
	for (j = a; j < b; j++) {
		if ((e = period_at(c, text, j, b)) <= j)
			continue;
		if (c->nspan == c->cap_span) {
			c->cap_span = c->cap_span ? 2 * c->cap_span : 16;
			c->span = xrealloc(c->span, c->cap_span * sizeof *c->span);
		}
		c->span[c->nspan][0] = j;
		c->span[c->nspan++][1] = e;
		j = e - 1;
	}
}

/* Whose period when_of looks for: a value's, a change's, a prev's. */
enum wmode { WM_VALUE, WM_CHANGE, WM_PREV };

/* The period of a figure ending at token from: the first period phrase
 * after it, before limit (the next figure) and before a comparison word
 * ("up from", "compared to") and not the base of one ("on the same
 * period"; for a change, "since March" right after it); else, with
 * look_back, the last one before it.  For a prev, the phrase after it
 * whatever introduces it. */
static void
when_of(const struct ctx *c, const char *text, size_t from, size_t limit,
	bool look_back, enum wmode mode, struct buf *w)
{
	size_t k, j, best = c->nspan;

	buf_reset(w);
	for (k = 0; k < c->nspan && c->span[k][0] < from; k++)
		if (look_back && c->span[k][1] <= from)
			best = k;
	if (k < c->nspan && c->span[k][0] < limit) {
		for (j = from; j < c->span[k][0] && !tok_has(c, j, limit, W_CMP); j++)
			;
		if (j == c->span[k][0] && (mode == WM_PREV ||
		    (!base_span(c, k) && !(mode == WM_CHANGE &&
		     j == from + 1 && tok_is(c, from, j, "since")))))
			best = k;
	}
	if (best < c->nspan)
		add_words(w, text, c, c->span[best][0], c->span[best][1]);
}

/* ------------------------------------------------------------------ */
/* Rows: folding comparison figures into the figure they compare. */

static struct obs *
obs_push(struct ctx *c, const struct fig *f, size_t fi)
{
	struct obs *o;

	if (c->nobs == c->cap_obs) {
		size_t k, old = c->cap_obs;

		c->cap_obs = c->cap_obs ? 2 * c->cap_obs : 16;
		c->obs = xrealloc(c->obs, c->cap_obs * sizeof *c->obs);
		for (k = old; k < c->cap_obs; k++) {
			struct buf z = BUF_INIT;

			c->obs[k].measure = z;
			c->obs[k].when = z;
			c->obs[k].prev_when = z;
		}
	}
	o = &c->obs[c->nobs++];
	o->has_value = o->has_max = o->has_prev = o->has_change = false;
	o->has_pct = o->target = false;
	o->value = o->vmax = o->prev = o->change = o->pct = 0;
	snprintf(o->unit, sizeof o->unit, "%s", f->unit);
	o->approx = NULL;
	o->at = 0;		/* the caller knows where the figure stands */
	o->fig = o->first = fi;
	buf_reset(&o->measure);
	buf_reset(&o->when);
	buf_reset(&o->prev_when);
	return o;
}

/* A row holding only a relative change takes the unit of what follows:
 * "increased by 6% (additional 1,450 calls)". */
static bool
only_pct(const struct obs *o)
{
	return o->has_pct && !o->has_value && !o->has_prev && !o->has_change;
}

static bool
unit_fits(const struct obs *o, const struct fig *f)
{
	if (f->role == R_PCT)
		return !o->has_pct;
	if (only_pct(o))
		return true;
	/* a bare number in parentheses is in the row's unit: "5,412
	 * patrol hours ... (5,058)" */
	if (f->role == R_PREV)
		return !o->has_prev && (!strcmp(o->unit, f->unit) ||
					(f->paren && f->te == f->ts + 1 &&
					 !strcmp(f->unit, "count")));
	/* a change in points belongs to a percent row */
	return !o->has_change && (!strcmp(o->unit, f->unit) ||
				  (!strcmp(f->unit, "pp") &&
				   !strcmp(o->unit, "percent")));
}

/* The word a figure counts: "officers" in "389 officers", "'999'
 * calls" -> "calls"; NULL if none. */
static const char *
head_noun(const struct ctx *c, const struct fig *f, size_t b)
{
	size_t j = f->ue;

	while (j < b && (c->tok[j].kind == T_PUNCT || modifier(&c->tok[j]) ||
			 (c->tok[j].kind == T_NUM && j > f->ue)))
		if (++j > f->ue + 4)
			return NULL;
	if (j >= b || c->tok[j].kind != T_WORD || !content_word(&c->tok[j]) ||
	    !c->tok[j].low[0])
		return NULL;
	return c->tok[j].low;
}

/* The row a comparison figure fi belongs to: the nearest row before it
 * with a free slot, preferring one that counts the same noun ("412
 * officers and 168 PCSOs, up from 389 officers"); coordinated prevs go
 * in order ("against 180 vans and 70 lorries"); NULL if none. */
static struct obs *
find_row(struct ctx *c, size_t fi, size_t first_obs, size_t prev_row)
{
	const struct fig *f = &c->fig[fi];
	const char *noun = head_noun(c, f, c->ntok), *rn;
	size_t k, run = 1;

	if (f->coord && prev_row + 1 < c->nobs)
		for (k = prev_row + 1; k < c->nobs; k++)
			if (unit_fits(&c->obs[k], f))
				return &c->obs[k];
	for (k = c->nobs; noun && k > first_obs; k--) {
		struct obs *o = &c->obs[k - 1];

		if (o->has_value && unit_fits(o, f) &&
		    (rn = head_noun(c, &c->fig[o->fig], c->ntok)) &&
		    !strcmp(rn, noun))
			return o;
	}
	/* the first of m coordinated prevs goes m rows back */
	while (f->role == R_PREV && !f->coord && fi + run < c->nfig &&
	       c->fig[fi + run].coord)
		run++;
	for (k = c->nobs; k > first_obs; k--)
		if (unit_fits(&c->obs[k - 1], f) && --run == 0)
			return &c->obs[k - 1];
	for (k = c->nobs; k > first_obs; k--)
		if (unit_fits(&c->obs[k - 1], f))
			return &c->obs[k - 1];
	return NULL;
}

static void
fold(struct ctx *c, const char *text, size_t a, size_t b, size_t first_obs)
{
	size_t fi, prev_row = first_obs;
	struct obs *o;

	for (fi = 0; fi < c->nfig; fi++) {
		struct fig *f = &c->fig[fi];
		size_t limit = fi + 1 < c->nfig ? c->fig[fi + 1].ts : b;

		if (f->role == R_VALUE || f->role == R_TARGET) {
			/* a change-only row just before takes its value */
			o = c->nobs > first_obs ? &c->obs[c->nobs - 1] : NULL;
			if (!(o && !o->has_value &&
			      (!strcmp(o->unit, f->unit) || only_pct(o) ||
			       (!strcmp(o->unit, "pp") && !strcmp(f->unit, "percent")))))
				o = obs_push(c, f, fi);
			snprintf(o->unit, sizeof o->unit, "%s", f->unit);
			o->has_value = true;
			o->value = f->v;
			o->has_max = f->has_max;
			o->vmax = f->vmax;
			o->approx = f->approx;
			o->target = f->role == R_TARGET;
			o->at = c->tok[f->ts].s;
			o->fig = fi;
			when_of(c, text, f->ue, limit, true, WM_VALUE, &o->when);
			continue;
		}
		o = find_row(c, fi, first_obs, prev_row);
		if (o && only_pct(o) && f->role != R_PCT)
			snprintf(o->unit, sizeof o->unit, "%s", f->unit);
		if (!o) {
			o = obs_push(c, f, fi);
			o->at = c->tok[f->ts].s;
			/* "we aim to cut it by 5%": a change can be the goal */
			o->target = f->role != R_PREV && is_target(c, a, b, f);
			if (f->role == R_CHANGE && !strcmp(f->unit, "pp"))
				snprintf(o->unit, sizeof o->unit, "pp");
			when_of(c, text, f->ue, limit, true, WM_CHANGE, &o->when);
		}
		if (o->when.len == 0 && f->role != R_PREV)
			when_of(c, text, f->ue, limit, false, WM_CHANGE, &o->when);
		if (f->role == R_PREV) {
			prev_row = (size_t)(o - c->obs);
			o->has_prev = true;
			o->prev = f->v;
			if (f->when_back)	/* "on last year (1,274)" */
				when_of(c, text, f->ts, f->ts, true, WM_PREV,
					&o->prev_when);
			else
				when_of(c, text, f->ue, limit, false, WM_PREV,
					&o->prev_when);
		} else if (f->role == R_PCT) {
			o->has_pct = true;
			o->pct = f->sign * f->v;
		} else {
			o->has_change = true;
			o->change = f->sign * f->v;
		}
	}
}

/* ------------------------------------------------------------------ */
/* Output. */


/* A line number as a field, without printf: one per row adds up. */
static void
out_line(struct out *w, long line)
{
	char d[24];
	size_t k = sizeof d;

	if (line < 0) {
		out_fieldf(w, "%ld", line);
		return;
	}
	do
		d[--k] = (char)('0' + line % 10);
	while ((line /= 10) > 0 && k > 0);
	out_field(w, d + k, sizeof d - k);
}

static void
emit(struct ctx *c, const struct obs *o, const char *evidence, size_t elen)
{
	struct out *w = &c->out;

	out_fields(w, c->blk.doc);
	out_fields(w, c->blk.period);
	out_fields(w, c->blk.priority);
	out_fields(w, c->blk.area);
	out_field(w, o->measure.p ? o->measure.p : "", o->measure.len);
	out_num_or_empty(w, o->has_value, o->value);
	out_num_or_empty(w, o->has_max, o->vmax);
	out_fields(w, o->unit);
	out_fields(w, o->approx);
	out_field(w, o->when.p ? o->when.p : "", o->when.len);
	out_fields(w, o->target ? "target" : "actual");
	out_num_or_empty(w, o->has_prev, o->prev);
	out_field(w, o->prev_when.p ? o->prev_when.p : "", o->prev_when.len);
	out_num_or_empty(w, o->has_change, o->change);
	out_num_or_empty(w, o->has_pct, o->pct);
	out_line(w, line_at(c, o->at));
	out_field(w, evidence, elen);
	out_end(w);
}

/* ------------------------------------------------------------------ */
/* Sentences of a text block. */

static bool
sentence_end(const struct ctx *c, size_t i, size_t n)
{
	const struct tok *t = &c->tok[i];

	if (t->kind != T_PUNCT)
		return false;
	if (t->cp == '.' || t->cp == '!' || t->cp == '?')
		return i + 1 < n && c->tok[i + 1].sp &&
		       (c->tok[i + 1].cap || c->tok[i + 1].kind == T_NUM ||
			c->tok[i + 1].kind == T_PUNCT) &&
		       !(i > 0 && c->tok[i - 1].kind == T_WORD &&
			 c->tok[i - 1].e - c->tok[i - 1].s <= 2 &&
			 !c->tok[i - 1].cap && c->tok[i - 1].low[0] != 'i');
	return text_is_bullet(t->cp) || t->cp == 0x2022;
}

/* "of whom 12 retired", "of which 30 were charged": a part of what the
 * figure before counts. */
static bool
of_these(const struct ctx *c, size_t a, size_t b, const struct fig *f)
{
	static const char *const these[] = {
		"whom", "which", "these", "those", "them", NULL
	};
	size_t p = f->ts;

	if (p > a && tok_punct(c, p - 1, b, 0xA3))
		p--;
	return p > a + 1 && tok_in(c, p - 1, b, these) &&
	       tok_is(c, p - 2, b, "of");
}

/* Content words after the figure that are not a lone verb ("of which
 * two people were remanded" names its own noun). */
static bool
noun_after(const struct ctx *c, const struct fig *f, size_t b)
{
	size_t ps, pe = phrase_after(c, f->ue, b, &ps);

	return pe > ps && !(pe == ps + 1 && verb_like(&c->tok[ps]));
}

/* The noun the whole counts (else the whole's measure) and what the
 * part did: "staff retired", "revenue budget spent". */
static void
part_of(struct ctx *c, const char *text, size_t b, const struct fig *f,
	const struct fig *whole, const struct buf *whole_m, struct buf *m)
{
	const char *noun = head_noun(c, whole, b);
	size_t ps, pe = phrase_after(c, f->ue, b, &ps), v;

	buf_reset(m);
	if (noun)
		buf_adds(m, noun);
	else if (whole_m && whole_m->len)
		buf_add(m, whole_m->p, whole_m->len);
	if ((v = predicate_after(c, ps, b, false)) != (size_t)-1)
		add_words(m, text, c, v, v + 1);
	else
		add_words(m, text, c, ps, pe);
}

/* A measure that is only the word for a goal. */
static bool
lone_goal(const struct buf *m)
{
	return (m->len == 6 && !strncasecmp(m->p, "target", 6)) ||
	       (m->len == 4 && !strncasecmp(m->p, "goal", 4));
}

static void
do_sentence(struct ctx *c, const char *text, size_t a, size_t b)
{
	size_t i, first = c->nobs, k;
	bool have_value = false;

	c->nfig = 0;
	for (i = a; i < b;)
		i = parse_figure(c, text, a, i, b);
	if (c->nfig == 0)
		return;
	find_periods(c, text, a, b);
	for (i = 0; i < c->nfig; i++) {
		assign_role(c, a, b, &c->fig[i], have_value);
		if (c->fig[i].role == R_VALUE || c->fig[i].role == R_TARGET)
			have_value = true;
	}
	fold(c, text, a, b, first);
	buf_reset(&c->evidence);
	text_squeeze_space(&c->evidence, text + c->tok[a].s, c->tok[b - 1].e - c->tok[a].s);
	for (k = first; k < c->nobs; k++) {
		struct obs *o = &c->obs[k];
		const struct fig *f = &c->fig[o->fig];

		/* "(44%)" right after a figure counts the same thing */
		if (f->paren && o->fig > 0 && k > first &&
		    c->fig[o->fig - 1].ue + 1 >= f->ts - 1) {
			if (c->obs[k - 1].measure.len)
				buf_add(&o->measure, c->obs[k - 1].measure.p,
					c->obs[k - 1].measure.len);
		} else if (o->fig > 0 && of_these(c, a, b, f) && !noun_after(c, f, b))
			part_of(c, text, b, f, &c->fig[o->fig - 1],
				k > first ? &c->obs[k - 1].measure : NULL, &o->measure);
		else
			measure_of(c, text, a, b, f,
				   o->fig > 0 ? c->fig[o->fig - 1].te : a,
				   &o->measure);
		if (o->measure.len == 0 && o->first != o->fig)
			measure_of(c, text, a, b, &c->fig[o->first],
				   o->first > 0 ? c->fig[o->first - 1].te : a,
				   &o->measure);
		/* "11 minutes against a target of 10": the target of the
		 * measure before */
		if (k > first && lone_goal(&o->measure) && c->obs[k - 1].measure.len) {
			buf_reset(&o->measure);
			buf_add(&o->measure, c->obs[k - 1].measure.p,
				c->obs[k - 1].measure.len);
			buf_adds(&o->measure, " target");
		}
		/* "Eight of these were fatalities": the last measure */
		if (o->measure.len == 0 && c->last_measure.len)
			buf_add(&o->measure, c->last_measure.p,
				c->last_measure.len);
		if (o->measure.len) {
			buf_reset(&c->last_measure);
			buf_add(&c->last_measure, o->measure.p, o->measure.len);
		}
		emit(c, o, c->evidence.p, c->evidence.len);
	}
	c->nobs = first;
}

#define MAX_SENTENCE 400

/* Whether text can hold a figure at all: a digit, or a number word
 * ("two" to "ninety", "hundred", "thousand", "dozen"; "one" and "zero"
 * alone are never figures).  Most prose has neither, and this look is
 * far cheaper than tokens. */
static bool
may_have_figure(const struct ctx *c, const char *text, size_t len)
{
	size_t i = 0, j, n;
	char low[16];

	while (i < len) {
		unsigned char ch = (unsigned char)text[i];

		if (is_ascii_digit(ch))
			return true;
		if (!is_ascii_alpha(ch)) {
			i++;
			continue;
		}
		for (j = i; j < len && is_ascii_alpha((unsigned char)text[j]); j++)
			;
		n = j - i;
		if (n >= 3 && n <= 9 && strchr("tTfFsSeEnNhHdD", ch)) {
			memset(low, 0, sizeof low);
			for (j = 0; j < n; j++)
				low[j] = (char)tolower((unsigned char)text[i + j]);
			if (lex_flags(c->lex, low, n, word_hash(low, n)) & WC(W_NUMBER))
				return true;
		}
		i += n;
	}
	return false;
}

static void
do_text(struct ctx *c, const char *text, size_t len)
{
	size_t i, start = 0;

	if (!may_have_figure(c, text, len))
		return;
	tokenize(c, text, len);
	c->nobs = 0;
	/* a footnote body ("¹ Scores are calculated...") defines, not reports */
	if (c->ntok > 0 && c->tok[0].kind == T_PUNCT && c->tok[0].cp == 0xB9)
		return;
	for (i = 0; i < c->ntok; i++)
		if (c->tok[i].kind == T_NUM || (c->tok[i].flags & WC(W_NUMBER)))
			break;
	if (i == c->ntok)
		return;		/* no digits, no number words */
	/* a block without sentence ends is cut every MAX_SENTENCE tokens,
	 * so that the work per figure stays bounded */
	for (i = 0; i < c->ntok; i++)
		if (sentence_end(c, i, c->ntok) || i - start + 1 >= MAX_SENTENCE) {
			if (i > start)
				do_sentence(c, text, start, i + 1);
			start = i + 1;
		}
	if (start < c->ntok)
		do_sentence(c, text, start, c->ntok);
}

/* ------------------------------------------------------------------ */
/* Data tables. */

struct cell {
	const char *s;
	size_t n;
	bool numeric;
	double v;
	bool percent, money;
	bool period, change;	/* words: names a period, a difference */
};

/* Header flags, worked out once per header row. */
enum { H_PERIOD = 1, H_CHANGE = 2 };

static bool
is_prose(const char *s, size_t n)
{
	size_t i, words = 0;
	bool in = false;

	for (i = 0; i < n; i++) {
		bool sp = s[i] == ' ';

		if (!sp && !in)
			words++;
		in = !sp;
	}
	return words > 8;
}

/* A cell that is a number and nothing else: "1,234", "-0.18", "4.1%",
 * "£2,300". */
static bool
numeric_cell(struct cell *cl)
{
	const char *s = cl->s;
	size_t n = cl->n, i = 0;

	cl->percent = cl->money = false;
	if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA3) {
		cl->money = true;
		s += 2;
		n -= 2;
	}
	if (n > 0 && s[n - 1] == '%') {
		cl->percent = true;
		n--;
	}
	if (n == 0)
		return false;
	if (s[0] == '-' || s[0] == '+')
		i++;
	if (i >= n || !is_ascii_digit((unsigned char)s[i]))
		return false;
	if (!num_parse(s, n, &cl->v))
		return false;
	/* a year alone is a label: "2019" */
	return !(n == 4 && cl->v >= 1900 && cl->v <= 2100 && !cl->percent);
}

static bool
has_word(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w), i;

	for (i = 0; i + wl <= n; i++)
		if (tolower((unsigned char)s[i]) == w[0] &&
		    strncasecmp(s + i, w, wl) == 0 &&
		    (i == 0 || !is_ascii_alpha((unsigned char)s[i - 1])))
			return true;
	return false;
}

/* A word of s starts with one of the prefixes in list: one pass over
 * s, whose words are compared only at their starts. */
static bool
word_prefix(const char *s, size_t n, const char *const *list)
{
	size_t i, k, wl;

	for (i = 0; i < n; i++) {
		if (!is_ascii_alpha((unsigned char)s[i]) ||
		    (i > 0 && is_ascii_alpha((unsigned char)s[i - 1])))
			continue;
		for (k = 0; list[k]; k++)
			if (tolower((unsigned char)s[i]) == list[k][0] &&
			    (wl = strlen(list[k])) <= n - i &&
			    strncasecmp(s + i, list[k], wl) == 0)
				return true;
	}
	return false;
}

static bool
period_label(const char *s, size_t n)
{
	static const char *const w[] = {
		"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
		"oct", "nov", "dec", "q1", "q2", "q3", "q4", "quarter",
		"year", "month", "week", NULL
	};
	size_t i, digits = 0;

	if (word_prefix(s, n, w))
		return true;
	for (i = 0; i < n; i++)
		digits += is_ascii_digit((unsigned char)s[i]);
	return digits >= 4 && memchr(s, '/', n) != NULL;
}

static bool
change_label(const char *s, size_t n)
{
	static const char *const w[] = {
		"variance", "difference", "diff", "change", NULL
	};

	return word_prefix(s, n, w) || has_word(s, n, "+/-");
}

static void
tab_set(struct buf **arr, size_t *nset, size_t *cap, size_t i, const char *s,
	size_t n)
{
	size_t k;

	if (i >= *cap) {
		size_t old = *cap;

		*cap = i + 16;
		*arr = xrealloc(*arr, *cap * sizeof **arr);
		for (k = old; k < *cap; k++) {
			struct buf z = BUF_INIT;

			(*arr)[k] = z;
		}
	}
	if (i >= *nset) {
		for (k = *nset; k <= i; k++)
			buf_reset(&(*arr)[k]);
		*nset = i + 1;
	}
	buf_reset(&(*arr)[i]);
	text_squeeze_space(&(*arr)[i], s, n);
}

static const char *
col_text(const struct buf *arr, size_t nset, size_t i, size_t *n)
{
	*n = i < nset ? arr[i].len : 0;
	return i < nset && arr[i].p ? arr[i].p : "";
}

static unsigned
head_flags(const struct table_ctx *t, size_t i)
{
	return i < t->nhead && i < t->cap_hflag ? t->hflag[i] : 0;
}

static void
table_reset(struct table_ctx *t)
{
	t->active = false;
	t->had_data = false;
	buf_reset(&t->caption);
	t->nhead = t->ngroup = 0;
}

/* The unit a table cell counts in, from the words around it. */
static const char *
cell_unit(const struct cell *cl, const char *words, size_t n)
{
	if (cl->money)
		return "GBP";
	if (has_word(words, n, "% pt") || has_word(words, n, "pp") ||
	    has_word(words, n, "percentage point"))
		return "pp";
	if (cl->percent || (n > 0 && words[0] == '%') || has_word(words, n, "% of") ||
	    has_word(words, n, "percent") || has_word(words, n, "percentage") ||
	    has_word(words, n, "rate") || has_word(words, n, "%"))
		return "percent";
	if (has_word(words, n, "hours") || has_word(words, n, "hrs"))
		return "hours";
	if (has_word(words, n, "minutes") || has_word(words, n, "mins"))
		return "minutes";
	if (has_word(words, n, "seconds") || has_word(words, n, "secs"))
		return "seconds";
	if (has_word(words, n, "days"))
		return "days";
	if (has_word(words, n, "£") || has_word(words, n, "cost"))
		return "GBP";
	return "count";
}

static bool
blank_cell(const struct cell *cl)
{
	return cl->n == 0 || (cl->n == 1 && (cl->s[0] == '-' || cl->s[0] == '.'));
}

/* Add words to a phrase, a space between; stored headers are already
 * squeezed, cells are not. */
static void
add_part(struct buf *m, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (m->len)
		buf_addc(m, ' ');
	text_squeeze_space(m, s, n);
}

/* add_part for words stored squeezed already (captions, headers). */
static void
add_stored(struct buf *m, const struct buf *w)
{
	if (w->len == 0)
		return;
	if (m->len)
		buf_addc(m, ' ');
	buf_add(m, w->p, w->len);
}

/* The row label of cell i: the nearest cell of words to its left. */
static size_t
row_label(const struct cell *cells, size_t i)
{
	while (i > 0 && (cells[i - 1].numeric || blank_cell(&cells[i - 1])))
		i--;
	return i > 0 ? i - 1 : (size_t)-1;
}

/* Caption, column group, the label column's header, the row label and
 * the column header, leaving out those that name periods. */
static void
cell_measure(const struct table_ctx *t, const struct cell *cells, size_t i,
	     size_t lab, struct buf *m)
{
	size_t k;

	buf_reset(m);
	add_stored(m, &t->caption);
	for (k = i + 1; k > 0; k--)
		if (k - 1 < t->ngroup && t->group[k - 1].len) {
			add_stored(m, &t->group[k - 1]);
			break;
		}
	if (lab != (size_t)-1) {
		if (lab < t->nhead && !(head_flags(t, lab) & H_PERIOD))
			add_stored(m, &t->head[lab]);
		if (!cells[lab].period)
			add_part(m, cells[lab].s, cells[lab].n);
	}
	if (i < t->nhead && !(head_flags(t, i) & H_PERIOD))
		add_stored(m, &t->head[i]);
}

/* cell_unit, asked once for the cells of a row that share their words. */
static const char *
cell_unit_cached(struct table_ctx *t, const struct cell *cl,
		 const struct buf *m)
{
	const char *words = m->p ? m->p : "";

	if (t->unit && t->unit_key.len == m->len && cl->percent == t->unit_pct &&
	    cl->money == t->unit_money && !memcmp(t->unit_key.p, words, m->len))
		return t->unit;
	t->unit = cell_unit(cl, words, m->len);
	t->unit_pct = cl->percent;
	t->unit_money = cl->money;
	buf_reset(&t->unit_key);
	buf_add(&t->unit_key, words, m->len);
	return t->unit;
}

/* One row for numeric cell i, with the cells of its earlier figure and
 * difference when the table gives them ((size_t)-1 when not). */
static void
table_cell(struct ctx *c, struct cell *cells, size_t i, size_t prev_i,
	   size_t change_i, const char *rowtext, size_t rowlen)
{
	struct table_ctx *t = &c->tab;
	size_t lab = row_label(cells, i), hn, cn;
	const char *h = col_text(t->head, t->nhead, i, &hn), *lab_s = "";
	size_t lab_n = 0;
	struct fig f;
	struct obs *o;

	if (lab != (size_t)-1) {
		lab_s = cells[lab].s;
		lab_n = cells[lab].n;
	}
	memset(&f, 0, sizeof f);
	cell_measure(t, cells, i, lab, &c->scratch);
	/* a points column belongs to a percent measure */
	snprintf(f.unit, sizeof f.unit, "%s", cell_unit_cached(t, &cells[i], &c->scratch));
	if (!strcmp(f.unit, "pp"))
		snprintf(f.unit, sizeof f.unit, "percent");
	c->nobs = 0;
	o = obs_push(c, &f, 0);
	o->at = 0;
	buf_add(&o->measure, c->scratch.p ? c->scratch.p : "", c->scratch.len);
	/* when: the column header and the row label where they are periods */
	if (head_flags(t, i) & H_PERIOD)
		add_part(&o->when, h, hn);
	if (lab != (size_t)-1 && cells[lab].period)
		add_part(&o->when, lab_s, lab_n);
	if ((lab != (size_t)-1 && cells[lab].change) || (head_flags(t, i) & H_CHANGE)) {
		o->has_change = true;
		o->change = cells[i].v;
	} else {
		o->has_value = true;
		o->value = cells[i].v;
	}
	if (prev_i != (size_t)-1) {
		o->has_prev = true;
		o->prev = cells[prev_i].v;
		h = col_text(t->head, t->nhead, prev_i, &cn);
		buf_add(&o->prev_when, h, cn);
	}
	if (change_i != (size_t)-1) {
		o->has_change = true;
		o->change = cells[change_i].v;
	}
	emit(c, o, rowtext, rowlen);
	c->nobs = 0;
}

/* "Priority 3 - Title<TAB>17": a contents line; its numbers are pages. */
static bool
contents_row(const struct cell *cells, size_t ncell)
{
	static const char *const parts[] = {
		"priority", "section", "chapter", "part", "appendix", "annex",
		NULL
	};
	size_t i, k;
	char w[16];

	for (i = 0; i < ncell && !cells[i].n; i++)
		;
	if (i == ncell)
		return false;
	for (k = 0; k < cells[i].n && k < sizeof w - 1 &&
		    is_ascii_alpha((unsigned char)cells[i].s[k]); k++)
		w[k] = (char)tolower((unsigned char)cells[i].s[k]);
	w[k] = '\0';
	return in_list(w, parts) && k + 1 < cells[i].n &&
	       is_ascii_digit((unsigned char)cells[i].s[k + 1]);
}

/* What a row's cells hold. */
struct row_kind {
	size_t nnum;		/* numeric cells */
	size_t nonempty;
	size_t last;		/* the last non-empty cell */
	bool prose;		/* a cell of running text */
};

/* Split a row at its tabs into c->cells (trimmed); returns the count. */
static size_t
split_cells(struct ctx *c, const char *text, size_t len, struct row_kind *rk)
{
	size_t n = 1, i, s;

	for (i = 0; i < len; i++)
		n += text[i] == '\t';
	if (n > c->cap_cells) {
		c->cap_cells = n + 16;
		c->cells = xrealloc(c->cells, c->cap_cells * sizeof *c->cells);
	}
	memset(rk, 0, sizeof *rk);
	for (i = s = 0, n = 0; i <= len; i++) {
		struct cell *cl;

		if (i < len && text[i] != '\t')
			continue;
		cl = &c->cells[n++];
		cl->s = text + s;
		cl->n = i - s;
		while (cl->n && cl->s[0] == ' ')
			cl->s++, cl->n--;
		while (cl->n && cl->s[cl->n - 1] == ' ')
			cl->n--;
		cl->numeric = numeric_cell(cl);
		cl->period = cl->change = false;
		rk->nnum += cl->numeric;
		if (cl->n) {
			rk->nonempty++;
			rk->last = n - 1;
			if (is_prose(cl->s, cl->n)) {
				rk->prose = true;
			} else if (!cl->numeric) {	/* a label or a header */
				cl->period = period_label(cl->s, cl->n);
				cl->change = change_label(cl->s, cl->n);
			}
		}
		s = i + 1;
	}
	return n;
}

/* A row without figures: a caption (one short cell) or column headers
 * (the headers before them then group the columns: "Officers | Staff"). */
/* Parentheses opened in one header cell and closed in the next: a
 * header the layout cut in two ("Staff (excludin", "g PCSOs)"). */
static bool
split_header(const struct cell *l, const struct cell *r)
{
	int depth = 0;
	size_t k;

	if (l->n == 0 || r->n == 0)
		return false;
	for (k = 0; k < l->n; k++)
		depth += (l->s[k] == '(') - (l->s[k] == ')');
	if (depth <= 0)
		return false;
	for (k = 0; k < r->n && depth > 0; k++)
		depth += (r->s[k] == '(') - (r->s[k] == ')');
	return depth == 0;
}

static void
table_headers(struct table_ctx *t, const struct cell *cells, size_t ncell,
	      const struct row_kind *rk)
{
	struct buf *tmp = t->group;
	size_t tcap = t->cap_group, i;

	if (rk->nnum > 0 || rk->prose || rk->nonempty == 0)
		return;
	if (rk->nonempty == 1) {
		table_reset(t);
		t->active = true;
		text_squeeze_space(&t->caption, cells[rk->last].s, cells[rk->last].n);
		return;
	}
	if (t->had_data) {	/* headers after data: a new table */
		buf_reset(&t->caption);
		t->nhead = t->ngroup = 0;
		t->had_data = false;
	}
	t->group = t->head;
	t->cap_group = t->cap_head;
	t->ngroup = t->nhead;
	t->head = tmp;
	t->cap_head = tcap;
	t->nhead = 0;
	if (ncell > t->cap_hflag) {
		t->cap_hflag = ncell + 16;
		t->hflag = xrealloc(t->hflag, t->cap_hflag);
	}
	for (i = 0; i < ncell; i++) {
		tab_set(&t->head, &t->nhead, &t->cap_head, i, cells[i].s, cells[i].n);
		t->hflag[i] = (cells[i].period ? H_PERIOD : 0) |
			      (cells[i].change ? H_CHANGE : 0);
		if (i > 0 && split_header(&cells[i - 1], &cells[i])) {
			struct buf *h = &t->head[i - 1];

			if (!is_ascii_alpha((unsigned char)cells[i].s[0]) ||
			    !is_ascii_alpha((unsigned char)h->p[h->len - 1]))
				buf_addc(h, ' ');
			buf_add(h, t->head[i].p, t->head[i].len);
			buf_reset(&t->head[i]);
		}
	}
	t->active = true;
}

/* The figures of a data row: one row per numeric cell, except that two
 * figures just before a difference column fold into prev and value. */
static void
table_figures(struct ctx *c, size_t ncell, const char *text, size_t len)
{
	const struct cell *cells = c->cells;
	size_t i, ch = (size_t)-1;

	for (i = 0; i < ncell; i++)
		if (cells[i].numeric && (head_flags(&c->tab, i) & H_CHANGE))
			ch = i;
	if (ch == (size_t)-1 || ch < 2 || !cells[ch - 1].numeric ||
	    !cells[ch - 2].numeric || (ch >= 3 && cells[ch - 3].numeric))
		ch = (size_t)-1;
	if (ch != (size_t)-1)
		table_cell(c, c->cells, ch - 1, ch - 2, ch, text, len);
	for (i = 0; i < ncell; i++)
		if (cells[i].numeric && (ch == (size_t)-1 || i + 2 < ch || i > ch))
			table_cell(c, c->cells, i, (size_t)-1, (size_t)-1, text, len);
}

static void
do_table_row(struct ctx *c, const char *text, size_t len)
{
	struct row_kind rk;
	size_t ncell = split_cells(c, text, len, &rk), i;

	table_headers(&c->tab, c->cells, ncell, &rk);
	/* cells of words are text too: layout columns carry sentences */
	for (i = 0; i < ncell; i++)
		if (!c->cells[i].numeric && c->cells[i].n)
			do_text(c, c->cells[i].s, c->cells[i].n);
	c->tab.had_data = c->tab.had_data || rk.nnum > 0;
	if (rk.nnum > 0 && !contents_row(c->cells, ncell))
		table_figures(c, ncell, text, len);
}

/* ------------------------------------------------------------------ */
/* Blocks. */

static void
parse_line_map(struct ctx *c, const char *map)
{
	const char *p = map;
	char *end;
	long off, line;

	c->nmap = 0;
	while (p && *p) {
		off = strtol(p, &end, 10);
		if (end == p || *end != ':')
			break;
		line = strtol(end + 1, &end, 10);
		if (c->nmap == c->cap_map) {
			c->cap_map = c->cap_map ? 2 * c->cap_map : 16;
			c->map_off = xrealloc(c->map_off, c->cap_map * sizeof *c->map_off);
			c->map_line = xrealloc(c->map_line, c->cap_map * sizeof *c->map_line);
		}
		c->map_off[c->nmap] = off;
		c->map_line[c->nmap++] = line;
		p = end;
		while (*p == ' ')
			p++;
	}
}

/* A Markdown table row "| a | b |" becomes tab-separated cells in out;
 * false if text is not one.  A "|---|:--|" rule row becomes empty. */
static bool
pipe_row(const char *text, size_t len, struct buf *out)
{
	size_t i = 0, n = len;

	while (i < n && text[i] == ' ')
		i++;
	while (n > i && text[n - 1] == ' ')
		n--;
	if (n - i < 2 || text[i] != '|' || text[n - 1] != '|')
		return false;
	buf_reset(out);
	if (strspn(text + i, "|-: ") >= n - i)
		return true;
	for (i++; i < n - 1; i++)
		buf_addc(out, text[i] == '|' ? '\t' : text[i]);
	return true;
}

static void
do_block(struct ctx *c)
{
	struct block *b = &c->blk;
	bool table;

	if (pipe_row(b->text, b->len, &c->pipe)) {
		b->text = c->pipe.p ? c->pipe.p : "";
		b->len = c->pipe.len;
		b->kind = "table";
		if (b->len == 0)
			return;
	}
	table = b->kind ? !strcmp(b->kind, "table") :
			  memchr(b->text, '\t', b->len) != NULL;

	buf_reset(&c->last_measure);
	if (!table) {
		table_reset(&c->tab);
		/* a short line without a full stop may caption a table below */
		buf_reset(&c->tab.pending);
		if (b->len > 0 && b->len < 100 && b->text[b->len - 1] != '.')
			text_squeeze_space(&c->tab.pending, b->text, b->len);
		do_text(c, b->text, b->len);
		return;
	}
	if (!c->tab.active && !b->heading && c->tab.pending.len) {
		buf_add(&c->tab.caption, c->tab.pending.p, c->tab.pending.len);
		buf_reset(&c->tab.pending);
		c->tab.active = true;
	}
	if (b->heading && (!c->tab.active || strcmp(b->heading, c->tab.heading.p ?
						     c->tab.heading.p : ""))) {
		table_reset(&c->tab);
		buf_reset(&c->tab.heading);
		buf_adds(&c->tab.heading, b->heading);
		if (*b->heading)
			buf_adds(&c->tab.caption, b->heading);
		c->tab.active = true;
	}
	do_table_row(c, b->text, b->len);
}

/* ------------------------------------------------------------------ */
/* Input: split-sections output or plain text. */

static const char sections_head[] = "doc\tperiod\tpriority\t";

enum { C_DOC, C_PERIOD, C_PRIORITY, C_AREA, C_HEADING, C_KIND, C_LINE,
       C_TEXT, C_MAP, C_N };

/* split-sections output: columns by name, so that a column added to it
 * later changes nothing here.  A row with the wrong number of fields is
 * warned about, padded or cut, used, and makes the exit status 1. */
static int
run_sections(struct ctx *c, struct input *in, char *head, size_t hlen)
{
	static const char *const names[C_N] = {
		"doc", "period", "priority", "area", "heading", "kind", "line",
		"text", "line_map"
	};
	struct row r = {0};
	int col[C_N];
	size_t k, ncols;
	ssize_t n;
	char *line;

	row_split_tsv(&r, head, hlen);
	ncols = r.n;
	for (k = 0; k < C_N; k++) {
		size_t q;

		col[k] = -1;
		for (q = 0; q < r.n; q++)
			if (!strcmp(r.field[q], names[k]))
				col[k] = (int)q;
	}
	if (col[C_TEXT] < 0 || col[C_LINE] < 0) {
		warn_at(c->file, 1, "split-sections header without text or line column");
		row_free(&r);
		return EXIT_DATA;
	}
	while ((n = input_line(in, &line)) >= 0) {
		long lineno = input_lineno(in);
		char *end;

		if (n == 0)
			continue;
		row_split_tsv(&r, line, (size_t)n);
		if (r.n != ncols) {
			warn_at(c->file, lineno, "%zu fields, expected %zu%s", r.n,
				ncols, r.n < ncols ? " (padded)" : " (extra ignored)");
			c->status = EXIT_DATA;
		}
#define F(k) (col[k] >= 0 && (size_t)col[k] < r.n ? r.field[col[k]] : "")
		c->blk.doc = F(C_DOC);
		c->blk.period = F(C_PERIOD);
		c->blk.priority = F(C_PRIORITY);
		c->blk.area = F(C_AREA);
		c->blk.heading = F(C_HEADING);
		c->blk.kind = F(C_KIND);
		c->blk.text = F(C_TEXT);
		c->blk.len = col[C_TEXT] < (int)r.n ? r.len[col[C_TEXT]] : 0;
		c->blk.line = strtol(F(C_LINE), &end, 10);
		if (*end || c->blk.line <= 0) {
			warn_at(c->file, lineno, "bad line number '%s'", F(C_LINE));
			c->status = EXIT_DATA;
			c->blk.line = lineno;
		}
		parse_line_map(c, F(C_MAP));
#undef F
		do_block(c);
	}
	row_free(&r);
	return in->failed ? EXIT_DATA : EXIT_OK;
}

/* Plain text: each line is a block; a blank line ends a table. */
static void
plain_block(struct ctx *c, const char *line, size_t n, long lineno)
{
	c->blk.doc = c->blk.period = c->blk.priority = c->blk.area = "";
	c->blk.heading = NULL;
	c->blk.kind = NULL;
	c->blk.text = line;
	c->blk.len = n;
	c->blk.line = lineno;
	c->nmap = 0;
	if (n == 0 || strspn(line, " ") == n) {
		table_reset(&c->tab);
		return;
	}
	do_block(c);
}

/* One input: its first line says which of the two kinds it is. */
static int
run_file(struct ctx *c, const char *path)
{
	struct input in;
	bool empty;
	ssize_t n;
	char *line;
	int st;

	if ((st = input_open(&in, path, c->strict, &empty)) != EXIT_OK || empty) {
		input_close(&in);
		return st;
	}
	c->file = in.name;
	table_reset(&c->tab);
	if ((n = input_line(&in, &line)) < 0) {
		st = in.failed ? EXIT_DATA : EXIT_OK;
		input_close(&in);
		return st;
	}
	if (strncmp(line, sections_head, sizeof sections_head - 1) == 0) {
		char *head = xstrndup(line, (size_t)n);

		st = run_sections(c, &in, head, (size_t)n);
		free(head);
	} else {
		plain_block(c, line, (size_t)n, input_lineno(&in));
		while ((n = input_line(&in, &line)) >= 0)
			plain_block(c, line, (size_t)n, input_lineno(&in));
		st = in.failed ? EXIT_DATA : EXIT_OK;
	}
	input_close(&in);
	return st;
}

static void
ctx_free(struct ctx *c)
{
	size_t k;

	for (k = 0; k < c->cap_obs; k++) {
		buf_free(&c->obs[k].measure);
		buf_free(&c->obs[k].when);
		buf_free(&c->obs[k].prev_when);
	}
	for (k = 0; k < c->tab.cap_head; k++)
		buf_free(&c->tab.head[k]);
	for (k = 0; k < c->tab.cap_group; k++)
		buf_free(&c->tab.group[k]);
	free(c->tab.head);
	free(c->tab.group);
	buf_free(&c->tab.caption);
	buf_free(&c->tab.heading);
	buf_free(&c->tab.unit_key);
	buf_free(&c->tab.pending);
	free(c->tab.hflag);
	free(c->obs);
	free(c->tok);
	free(c->span);
	free(c->lex);
	free(c->cells);
	free(c->fig);
	free(c->map_off);
	free(c->map_line);
	buf_free(&c->scratch);
	buf_free(&c->evidence);
	buf_free(&c->pipe);
	buf_free(&c->last_measure);
}

int
main(int argc, char *argv[])
{
	enum { OPT_CSV = OPT_TOOL_BASE, OPT_STRICT };
	static const struct option opts[] = {
		CLI_STD_OPTIONS,
		{"csv", no_argument, NULL, OPT_CSV},
		{"strict", no_argument, NULL, OPT_STRICT},
		{NULL, 0, NULL, 0}
	};
	struct ctx c;
	bool csv = false, strict = false;
	int ch, i, st;

	err_init(argv[0]);
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case OPT_HELP: cli_help(usage);
		case OPT_VERSION: cli_version();
		case OPT_CSV: csv = true; break;
		case OPT_STRICT: strict = true; break;
		default: die_usage("unknown option");
		}
	}
	memset(&c, 0, sizeof c);
	c.lex = xmalloc(sizeof *c.lex);
	lex_init(c.lex);
	c.strict = strict;
	out_init(&c.out, stdout, csv);
	out_header(&c.out, out_cols);
	if (optind == argc) {
		st = run_file(&c, "-");
		if (st > c.status)
			c.status = st;
	}
	for (i = optind; i < argc; i++) {
		st = run_file(&c, argv[i]);
		if (st > c.status)
			c.status = st;
	}
	st = out_close(&c.out);
	ctx_free(&c);
	return st > c.status ? st : c.status;
}
