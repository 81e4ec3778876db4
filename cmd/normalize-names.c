/* normalize-names: add a stable, readable key after each name column.
 *
 * The same measure, area or priority is written differently from one
 * quarter to the next.  For each chosen field the tool writes a
 * `<field>_key` column right after it, built in four stages (see
 * docs/normalize-names.md):
 *   1. unify:       markup and footnote markers out; every dash, quote,
 *                   bullet and space alike; NFKC, case folding, no marks;
 *   2. words:       acronyms expanded (a built-in table, then definitions
 *                   learned from the stream), possessives and plurals
 *                   reduced, British spelling, hyphenation unified;
 *   3. fingerprint: stop words out, light stemming, tokens sorted and
 *                   made unique, so that word order does not matter;
 *   4. aliases:     groups of fingerprint tokens replaced by a canonical
 *                   name from the alias tables.
 * --suggest instead prints candidate alias rows for keys that are close. */
#include <ctype.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "buf.h"
#include "cli.h"
#include "err.h"
#include "text.h"
#include "tsv.h"

#define DEFAULT_FIELDS "measure,area,priority_title,commitment,heading"
#define ALIAS_FILE "aliases.tsv"
#define LEARNED_MAX 4096	/* stream-learned acronyms kept at most */
#define LEARNED_BUCKETS 8192
#define SUGGEST_MAX 100000	/* distinct names --suggest keeps at most */
#define WORD_MAX 64		/* longer "words" are kept, not stemmed */

static const char usage[] =
"usage: normalize-names [OPTIONS] [FILE...]\n"
"Copy a TSV (or CSV) table, adding a FIELD_key column after each name\n"
"field: a stable key that is the same for differently written names.\n"
"\n"
"  -f, --fields LIST    comma-separated fields to key (default: those of\n"
"                       " DEFAULT_FIELDS " present)\n"
"  -a, --aliases FILE   extra alias table (variant TAB canonical [TAB field]);\n"
"                       repeatable, later tables win\n"
"  -A, --aliases-dir D  directory of the shipped " ALIAS_FILE " (else\n"
"                       $REPORTS_DATA, the install directory, ../data\n"
"                       beside the program)\n"
"      --no-aliases     do not load the shipped alias table\n"
"      --no-qualify     measure_key without \"target\" (kind column) and\n"
"                       \"percent\" (unit column) added\n"
"  -s, --suggest        print candidate alias rows (variant, canonical,\n"
"                       count, distance) for close keys instead\n"
"  -c, --csv            write CSV instead of TSV\n"
"      --strict         invalid UTF-8 is an error, not repaired\n"
"      --help, --version\n"
"\n"
"Exit status: 0 ok, 1 bad data (rows with the wrong number of fields are\n"
"padded or cut, with a warning), 2 bad usage.\n";

/* ---- word lists: sorted, for bsearch ---- */

struct pair { const char *from, *to; };

/* Abbreviations every report may use undefined.  The table wins over a
 * definition in the stream, so that two reports give one key. */
static const struct pair builtin_abbrevs[] = {
	{"anpr", "automatic number plate recognition"},
	{"asb", "anti social behaviour"},
	{"bame", "black asian minority ethnic"},
	{"bwv", "body worn video"},
	{"cbo", "criminal behaviour order"},
	{"cpn", "community protection notice"},
	{"cps", "crown prosecution service"},
	{"cpt", "community policing team"},
	{"cpw", "community protection warning"},
	{"csc", "community special constable"},
	{"cse", "child sexual exploitation"},
	{"csp", "community safety partnership"},
	{"cyp", "children young people"},
	{"da", "domestic abuse"},
	{"dept", "department"},
	{"dhr", "domestic homicide review"},
	{"dvpn", "domestic violence protection notice"},
	{"dvpo", "domestic violence protection order"},
	{"esp", "employer supported policing"},
	{"fte", "full time equivalent"},
	{"hrs", "hours"},
	{"iag", "independent advisory group"},
	{"idva", "independent domestic violence advisor"},
	{"iom", "integrated offender management"},
	{"iopc", "independent office for police conduct"},
	{"isva", "independent sexual violence advisor"},
	{"ksi", "killed seriously injured"},
	{"lpa", "local policing area"},
	{"lpt", "local policing team"},
	{"mappa", "multi agency public protection arrangements"},
	{"marac", "multi agency risk assessment conference"},
	{"mash", "multi agency safeguarding hub"},
	{"mins", "minutes"},
	{"msht", "modern slavery human trafficking"},
	{"nhw", "neighbourhood watch"},
	{"npt", "neighbourhood policing team"},
	{"ocg", "organised crime group"},
	{"op", "operation"},
	{"ops", "operations"},
	{"pcc", "police crime commissioner"},
	{"pcso", "police community support officer"},
	{"pfcc", "police fire crime commissioner"},
	{"pspo", "public spaces protection order"},
	{"rasso", "rape serious sexual offences"},
	{"rpu", "roads policing unit"},
	{"rtc", "road traffic collision"},
	{"sarc", "sexual assault referral centre"},
	{"secs", "seconds"},
	{"serp", "safer essex roads partnership"},
	{"snt", "safer neighbourhood team"},
	{"specials", "special constables"},	/* the plural noun only */
	{"vawg", "violence against women girls"},
	{"vpc", "volunteer police cadet"},
	{"yot", "youth offending team"},
};

/* American spellings, as word beginnings, and their British form. */
static const struct pair us_spellings[] = {
	{"analyz", "analys"}, {"behavior", "behaviour"}, {"catalog", "catalogue"},
	{"center", "centre"}, {"color", "colour"}, {"defense", "defence"},
	{"endeavor", "endeavour"}, {"enrollment", "enrolment"},
	{"favor", "favour"}, {"gray", "grey"}, {"harbor", "harbour"},
	{"honor", "honour"}, {"judgment", "judgement"}, {"labor", "labour"},
	{"license", "licence"}, {"neighbor", "neighbour"},
	{"offense", "offence"}, {"program", "programme"}, {"rumor", "rumour"},
	{"theater", "theatre"},
};

static const struct pair number_words[] = {
	{"eight", "8"}, {"eighteen", "18"}, {"eleven", "11"}, {"fifteen", "15"},
	{"fifty", "50"}, {"five", "5"}, {"forty", "40"}, {"four", "4"},
	{"fourteen", "14"}, {"nine", "9"}, {"nineteen", "19"}, {"one", "1"},
	{"seven", "7"}, {"seventeen", "17"}, {"six", "6"}, {"sixteen", "16"},
	{"ten", "10"}, {"thirteen", "13"}, {"thirty", "30"}, {"three", "3"},
	{"twelve", "12"}, {"twenty", "20"}, {"two", "2"}, {"zero", "0"},
};

/* Function words and hedges: they carry no identity of a name. */
static const char *const stop_words[] = {
	"a", "about", "after", "all", "almost", "also", "an", "and", "any",
	"approx", "approximately", "are", "around", "as", "at", "be", "been",
	"being", "by", "can", "currently", "down", "during", "each", "for",
	"from", "had", "has", "have", "in", "into", "is", "it", "its",
	"nearly", "number", "of", "on", "or", "our", "over", "roughly", "so",
	"some", "such", "than", "that", "the", "their", "them", "there",
	"these", "they", "this", "those", "to", "total", "up", "upon", "via",
	"was", "we", "were", "which", "who", "will", "with", "within",
};

/* Prefixes written solid, spaced or hyphenated: joined to the next word. */
static const char *const join_prefixes[] = {
	"anti", "co", "counter", "cross", "cyber", "e", "inter", "multi",
	"non", "post", "pre", "re", "self", "sub",
};

static int
cmp_pair(const void *key, const void *elem)
{
	return strcmp(key, ((const struct pair *)elem)->from);
}

static int
cmp_word(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static const char *
pair_find(const struct pair *t, size_t n, const char *w)
{
	const struct pair *p = bsearch(w, t, n, sizeof *t, cmp_pair);

	return p ? p->to : NULL;
}

static bool
word_in(const char *const *t, size_t n, const char *w)
{
	return bsearch(w, t, n, sizeof *t, cmp_word) != NULL;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* The word lists are searched by bsearch: an entry out of order would
 * silently never match, so check once, at start. */
static void
check_sorted(void)
{
	static const struct { const struct pair *p; size_t n; } pairs[] = {
		{builtin_abbrevs, NELEM(builtin_abbrevs)},
		{number_words, NELEM(number_words)},
	};
	static const struct { const char *const *w; size_t n; } lists[] = {
		{stop_words, NELEM(stop_words)},
		{join_prefixes, NELEM(join_prefixes)},
	};
	size_t i, k;

	for (i = 0; i < NELEM(pairs); i++)
		for (k = 1; k < pairs[i].n; k++)
			if (strcmp(pairs[i].p[k - 1].from, pairs[i].p[k].from) >= 0)
				die_at(EXIT_DATA, NULL, 0, "internal: table out of order at %s", pairs[i].p[k].from);
	for (i = 0; i < NELEM(lists); i++)
		for (k = 1; k < lists[i].n; k++)
			if (strcmp(lists[i].w[k - 1], lists[i].w[k]) >= 0)
				die_at(EXIT_DATA, NULL, 0, "internal: list out of order at %s", lists[i].w[k]);
}

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

#define CACHE_SIZE 4096
#define CACHE_NAME_MAX 200

struct cached {
	char *name, *key;
	char *field;
	unsigned hash;
	unsigned long gen;
};

struct ctx {
	/* options */
	const char *fields;
	bool csv, strict, suggest, no_aliases, no_qualify;
	const char *aliases_dir;
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
	int status;
};

/* ---- stage 1: unify ---- */

/* Skip markup that is not text: an HTML tag, or a footnote marker such as
 * "<sup>3</sup>", "[^3]" or "[3]".  Returns bytes to skip, or 0. */
static size_t
markup_len(const char *s, size_t n)
{
	size_t i;

	if (s[0] == '<') {
		if (n >= 5 && strncasecmp(s, "<sup>", 5) == 0) {
			const char *end = memchr(s, '>', n);
			for (i = 5; i + 6 <= n && i < 40; i++)
				if (strncasecmp(s + i, "</sup>", 6) == 0)
					return i + 6;
			return end ? (size_t)(end - s) + 1 : 0;
		}
		for (i = 1; i < n && i < 40; i++) {
			if (s[i] == '>')
				return isalpha((unsigned char)s[1]) || s[1] == '/' ? i + 1 : 0;
			if (s[i] == '<' || (s[i] == ' ' && i == 1))
				return 0;
		}
		return 0;
	}
	if (s[0] == '[') {
		i = 1 + (n > 1 && s[1] == '^');
		while (i < n && i < 8 && isdigit((unsigned char)s[i]))
			i++;
		if (i < n && s[i] == ']' && i > 1 && isdigit((unsigned char)s[i - 1]))
			return i + 1;
	}
	return 0;
}

static bool
is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC ||
	       cp == 0x2032 || cp == '`' || cp == 0xFF07;
}

/* Combining marks stay for NFKC to compose or strip; "①" for NFKC to
 * make a digit. */
static bool
is_mark_or_number(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_NO:
	case UTF8PROC_CATEGORY_NL:
		return true;
	default:
		return false;
	}
}

/* One code point of stage 1: what it becomes in the cleaned text. */
static void
unify_char(struct buf *out, int32_t cp, const char *s, size_t k)
{
	if (text_is_superscript_digit(cp) || text_is_invisible(cp))
		return;		/* footnote markers, ZWJ, RLM, soft hyphens */
	if (is_apostrophe(cp))
		buf_addc(out, '\'');
	else if (cp == '&' || cp == 0xFF06)
		buf_adds(out, " and ");
	else if (cp == '%' || cp == 0xFF05)
		buf_adds(out, " percent ");
	else if (cp < 0x80 && cp != '\'' && !isalnum(cp))
		buf_addc(out, ' ');	/* dashes, quotes, slashes, markdown */
	else if (cp >= 0x80 && !text_is_letter(cp) && !text_is_digit(cp) &&
		 !is_mark_or_number(cp))
		buf_addc(out, ' ');	/* dashes, curly quotes, bullets, spaces */
	else
		buf_add(out, s, k);
}

/* "CitizensPolice", "Covid19", "policing15": a separator (a slash, a
 * line end, a dash) lost between a lower-case letter and a capital, or
 * between a word of three letters or more and a digit; codes such as
 * "A12", "M25" and "18s" stay whole.  ASCII only: s[i] is cp. */
static bool
lost_separator(const char *s, size_t i, int32_t cp)
{
	unsigned char p = (unsigned char)s[i - 1];

	if (cp >= 0x80 || p >= 0x80)
		return false;
	if (islower(p) && isupper(cp))
		return true;
	return isdigit(cp) && i >= 3 && isalpha(p) &&
	       isalpha((unsigned char)s[i - 2]) && isalpha((unsigned char)s[i - 3]);
}

static void
unify(struct ctx *c, const char *s, size_t n)
{
	size_t i = 0, k;
	int32_t cp;
	bool ascii = true;

	buf_reset(&c->clean);
	while (i < n) {
		if ((k = markup_len(s + i, n - i)) > 0) {
			buf_addc(&c->clean, ' ');
			i += k;
			continue;
		}
		k = text_decode(s + i, n - i, &cp);
		ascii &= cp < 0x80;
		if (i > 0 && lost_separator(s, i, cp))
			buf_addc(&c->clean, ' ');
		unify_char(&c->clean, cp, s + i, k);
		i += k;
	}
	buf_reset(&c->folded);
	if (ascii) {	/* the common case, without a round trip to utf8proc */
		for (i = 0; i < c->clean.len; i++)
			buf_addc(&c->folded, (char)tolower((unsigned char)c->clean.p[i]));
		return;
	}
	text_fold(&c->folded, c->clean.p, c->clean.len);
	/* NFKC can make new dashes or spaces (full-width forms): once more. */
	buf_reset(&c->clean);
	for (i = 0; i < c->folded.len; i += k) {
		k = text_decode(c->folded.p + i, c->folded.len - i, &cp);
		unify_char(&c->clean, cp, c->folded.p + i, k);
	}
	buf_reset(&c->folded);
	buf_add(&c->folded, c->clean.p, c->clean.len);
}

/* ---- stage 2: words ---- */

static void
tokens_push(struct tokens *t, const char *w, size_t n)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 32;
		t->off = xrealloc(t->off, t->cap * sizeof *t->off);
	}
	t->off[t->n++] = t->text.len;
	buf_add(&t->text, w, n);
	buf_addc(&t->text, '\0');
}

static const char *
tok_at(const struct tokens *t, size_t i)
{
	return t->text.p + t->off[i];
}

static void
british(char *w, struct buf *tmp)
{
	size_t i, n = strlen(w), plen;

	for (i = 0; i < NELEM(us_spellings); i++) {
		plen = strlen(us_spellings[i].from);
		if (strncmp(w, us_spellings[i].from, plen) == 0 &&
		    strncmp(w, us_spellings[i].to, strlen(us_spellings[i].to)) != 0) {
			buf_reset(tmp);
			buf_adds(tmp, us_spellings[i].to);
			buf_adds(tmp, w + plen);
			if (tmp->len < WORD_MAX)
				memcpy(w, tmp->p, tmp->len + 1);
			return;
		}
	}
	/* -ize, -ized, -izes, -izing, -ization: organize -> organise */
	for (i = 3; i + 2 < n; i++)
		if (w[i] == 'i' && w[i + 1] == 'z' &&
		    (strcmp(w + i + 2, "e") == 0 || strcmp(w + i + 2, "ed") == 0 ||
		     strcmp(w + i + 2, "es") == 0 || strcmp(w + i + 2, "ing") == 0 ||
		     strcmp(w + i + 2, "ation") == 0 || strcmp(w + i + 2, "ations") == 0))
			w[i + 1] = 's';
}

static bool
ends(const char *w, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

static bool
is_vowel(char ch)
{
	return strchr("aeiouy", ch) != NULL;
}

/* After "-ed" or "-ing" went: undouble, or give back a silent e, so that
 * "stopped", "seized", "driving" meet "stop", "seize", "drive". */
static size_t
restore_e(char *w, size_t n)
{
	static const char *const e_after[] = {
		"ag", "as", "bl", "ic", "ir", "iv", "iz", "lv", "os", "ov", "rg",
		"uc", "ur", "ut",
	};
	size_t i;

	if (n >= 2 && w[n - 1] == w[n - 2] && !is_vowel(w[n - 1]) &&
	    (!strchr("lsz", w[n - 1]) || (w[n - 1] == 'l' && n >= 6)))
		return n - 1;
	for (i = 0; i < NELEM(e_after); i++)
		if (ends(w, n, e_after[i])) {
			w[n] = 'e';
			return n + 1;
		}
	return n;
}

/* Light stemming: plurals and the -ed/-ing forms, giving real words
 * where the rules allow, so that keys stay readable. */
static void
stem(char *w)
{
	size_t n = strlen(w);

	if (n >= WORD_MAX - 2 || isdigit((unsigned char)w[0]))
		return;
	if (n > 4 && ends(w, n, "ies"))
		n -= 2, w[n - 1] = 'y';
	else if (n > 4 && (ends(w, n, "sses") || ends(w, n, "shes") ||
			   ends(w, n, "ches") || ends(w, n, "xes")))
		n -= 2;
	else if (n > 3 && w[n - 1] == 's' && !strchr("su", w[n - 2]) &&
		 !(w[n - 2] == 'i'))
		n -= 1;
	if (n > 4 && ends(w, n, "ied"))
		n -= 2, w[n - 1] = 'y';
	else if (n >= 6 && ends(w, n, "ed") && !ends(w, n, "eed"))
		n = restore_e(w, n - 2);
	else if (n >= 7 && ends(w, n, "ing") && !ends(w, n, "eing"))
		n = restore_e(w, n - 3);	/* not "wellbeing" */
	else if (n >= 7 && (ends(w, n, "ively") || ends(w, n, "ously") ||
			    ends(w, n, "ally") || ends(w, n, "ently")))
		n -= 2;		/* actively -> active, annually -> annual */
	w[n] = '\0';
}

static bool
learned_find(struct ctx *c, const char *abbr, const char **expansion);

/* The expansion of an abbreviation: the built-in table first, so that
 * keys agree between reports; then the stream's own definitions. */
static const char *
expand(struct ctx *c, const char *w)
{
	const char *e = pair_find(builtin_abbrevs, NELEM(builtin_abbrevs), w);
	char single[WORD_MAX];
	size_t n = strlen(w);

	if (e || learned_find(c, w, &e))
		return e;
	if (n >= 3 && n < WORD_MAX && w[n - 1] == 's') {	/* CSCs, LPTs */
		memcpy(single, w, n - 1);
		single[n - 1] = '\0';
		e = pair_find(builtin_abbrevs, NELEM(builtin_abbrevs), single);
		if (e && strcmp(single, "special") != 0)
			return e;
		if (learned_find(c, single, &e))
			return e;
	}
	return NULL;
}

/* One word to its key form, pushed unless it is a stop word. */
static void
add_word(struct ctx *c, const char *w, size_t n)
{
	char word[WORD_MAX + 8];
	const char *num;

	if (n == 0)
		return;
	if (n >= WORD_MAX) {	/* not a word: keep it whole */
		tokens_push(&c->tok, w, n);
		return;
	}
	memcpy(word, w, n);
	word[n] = '\0';
	if (word_in(stop_words, NELEM(stop_words), word))
		return;
	if ((num = pair_find(number_words, NELEM(number_words), word)))
		strcpy(word, num);
	british(word, &c->word);
	stem(word);
	if (word[0] && !word_in(stop_words, NELEM(stop_words), word))
		tokens_push(&c->tok, word, strlen(word));
}

/* Cut a word at apostrophes: "victims'" and "children's" lose the
 * possessive, "o'clock" is one word. */
static size_t
drop_apostrophes(char *w, size_t n)
{
	size_t i, j = 0;

	if (n >= 2 && w[n - 2] == '\'' && w[n - 1] == 's')
		n -= 2;
	for (i = 0; i < n; i++)
		if (w[i] != '\'')
			w[j++] = w[i];
	return j;
}

/* Split folded text into words, join prefixes, expand abbreviations.
 * Expansions are not expanded again: a definition cannot loop. */
static void
words(struct ctx *c, char *s, size_t n, bool expand_abbrevs)
{
	size_t i = 0, start, len, plen = 0;
	char joined[2 * WORD_MAX];
	const char *e;

	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\''))
			i++;
		start = i;
		while (i < n && s[i] != ' ')
			i++;
		len = drop_apostrophes(s + start, i - start);
		if (len == 0)
			continue;
		if (plen > 0 && plen + len < sizeof joined) {	/* anti social */
			memcpy(joined + plen, s + start, len);
			add_word(c, joined, plen + len);
			plen = 0;
			continue;
		}
		if (plen > 0)
			add_word(c, joined, plen);
		plen = 0;
		if (len < WORD_MAX) {
			memcpy(joined, s + start, len);
			joined[len] = '\0';
			if (word_in(join_prefixes, NELEM(join_prefixes), joined)) {
				plen = len;
				continue;
			}
			if (expand_abbrevs && (e = expand(c, joined))) {
				char *copy = xstrdup(e);
				words(c, copy, strlen(copy), false);
				free(copy);
				continue;
			}
		}
		add_word(c, s + start, len);
	}
	if (plen > 0)
		add_word(c, joined, plen);
}

/* ---- stage 3: fingerprint ---- */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The tokens sorted and unique, into c->sorted; returns how many. */
static size_t
fingerprint(struct ctx *c)
{
	size_t i, n = 0;

	if (c->tok.n > c->sorted_cap) {
		c->sorted_cap = c->tok.n * 2;
		c->sorted = xrealloc(c->sorted, c->sorted_cap * sizeof *c->sorted);
		c->used = xrealloc(c->used, c->sorted_cap * sizeof *c->used);
	}
	for (i = 0; i < c->tok.n; i++)
		c->sorted[i] = tok_at(&c->tok, i);
	qsort(c->sorted, c->tok.n, sizeof *c->sorted, cmp_str);
	for (i = 0; i < c->tok.n; i++)
		if (n == 0 || strcmp(c->sorted[n - 1], c->sorted[i]) != 0)
			c->sorted[n++] = c->sorted[i];
	return n;
}

/* Stages 1 to 3: the sorted fingerprint tokens of a name. */
static size_t
name_tokens(struct ctx *c, const char *s, size_t n, bool expand_abbrevs)
{
	unify(c, s, n);
	c->tok.n = 0;
	buf_reset(&c->tok.text);
	words(c, c->folded.p, c->folded.len, expand_abbrevs);
	return fingerprint(c);
}

/* ---- stage 4: aliases ---- */

static bool in_list(const char *list, const char *name);

static int
cmp_alias_first(const void *key, const void *elem)
{
	return strcmp(key, ((const struct alias *)elem)->tok[0]);
}

/* Is every token of a among the unused sorted tokens? */
static bool
alias_fits(const struct ctx *c, const struct alias *a, size_t n,
	   const char *field)
{
	size_t i = 0, j = 0;

	if ((a->field && !in_list(a->field, field)) || (a->whole && n != a->ntok))
		return false;
	while (i < a->ntok && j < n) {
		int d = strcmp(a->tok[i], c->sorted[j]);
		if (d == 0 && c->used[j])
			return false;
		if (d < 0)
			return false;
		i += d == 0;
		j++;
	}
	return i == a->ntok;
}

static void
mark_used(struct ctx *c, const struct alias *a, size_t n)
{
	size_t i = 0, j;

	for (j = 0; j < n && i < a->ntok; j++)
		if (strcmp(a->tok[i], c->sorted[j]) == 0)
			c->used[j] = true, i++;
}

/* The best alias that fits: most tokens, then the latest loaded. */
static const struct alias *
best_alias(struct ctx *c, size_t n, const char *field)
{
	const struct alias *best = NULL, *a, *end = c->alias + c->nalias;
	size_t j;

	if (c->nalias == 0)
		return NULL;
	for (j = 0; j < n; j++) {
		if (c->used[j])
			continue;
		a = bsearch(c->sorted[j], c->alias, c->nalias, sizeof *a,
			    cmp_alias_first);
		if (!a)
			continue;
		while (a > c->alias && strcmp(a[-1].tok[0], c->sorted[j]) == 0)
			a--;
		for (; a < end && strcmp(a->tok[0], c->sorted[j]) == 0; a++)
			if (alias_fits(c, a, n, field) &&
			    (!best || a->ntok > best->ntok ||
			     (a->ntok == best->ntok && a->order > best->order)))
				best = a;
	}
	return best;
}

static void
key_add(struct buf *key, const char *part)
{
	if (key->len > 0)
		buf_addc(key, '_');
	buf_adds(key, part);
}

/* The key: canonical names of the aliases that fit (sorted), then the
 * remaining tokens (sorted).  A one-word canonical name is a token again,
 * so that it sorts like the word itself. */
static void
build_key(struct ctx *c, size_t n, const char *field)
{
	const struct alias *a;
	const char *phrases[64];
	size_t nphr = 0, nrest = 0, i;

	memset(c->used, 0, n * sizeof *c->used);
	if (c->rest_cap < 2 * n) {
		c->rest_cap = 2 * n;
		c->rest = xrealloc(c->rest, c->rest_cap * sizeof *c->rest);
	}
	while (nphr < NELEM(phrases) && (a = best_alias(c, n, field))) {
		mark_used(c, a, n);
		if (strchr(a->canon, '_'))
			phrases[nphr++] = a->canon;
		else
			c->rest[nrest++] = a->canon;
	}
	for (i = 0; i < n; i++)
		if (!c->used[i])
			c->rest[nrest++] = c->sorted[i];
	qsort(phrases, nphr, sizeof *phrases, cmp_str);
	qsort(c->rest, nrest, sizeof *c->rest, cmp_str);
	buf_reset(&c->key);
	for (i = 0; i < nphr; i++)
		key_add(&c->key, phrases[i]);
	for (i = 0; i < nrest; i++)
		if (i == 0 || strcmp(c->rest[i - 1], c->rest[i]) != 0)
			key_add(&c->key, c->rest[i]);
}

/* All four stages. */
static const char *
compute_key(struct ctx *c, const char *s, size_t n, const char *field)
{
	size_t k = name_tokens(c, s, n, true);

	if (k > 0)
		build_key(c, k, field);
	else
		buf_reset(&c->key);
	return c->key.p ? c->key.p : "";
}

static unsigned hash_str(const char *s);

/* Names repeat down a table: a small direct-mapped cache of keys, emptied
 * (by generation) whenever a learned definition changes. */
static const char *
make_key(struct ctx *c, const char *s, size_t n, const char *field)
{
	struct cached *e;
	unsigned h;

	if (n > CACHE_NAME_MAX || memchr(s, '(', n))
		return compute_key(c, s, n, field);
	h = hash_str(s) ^ (hash_str(field) * 0x9E3779B1u);
	e = &c->cache[h % CACHE_SIZE];
	if (e->name && e->gen == c->gen && e->hash == h &&
	    strcmp(e->name, s) == 0 && strcmp(e->field, field) == 0)
		return e->key;
	compute_key(c, s, n, field);
	free(e->name);
	free(e->key);
	free(e->field);
	e->name = xstrdup(s);
	e->key = xstrdup(c->key.p ? c->key.p : "");
	e->field = xstrdup(field);
	e->hash = h;
	e->gen = c->gen;
	return e->key;
}

/* ---- acronyms learned from the stream ---- */

static unsigned
hash_str(const char *s)
{
	unsigned h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static int
learned_index(const struct ctx *c, const char *abbr)
{
	int i = c->bucket[hash_str(abbr) % LEARNED_BUCKETS];

	while (i >= 0 && strcmp(c->learned[i].abbr, abbr) != 0)
		i = c->learned[i].next;
	return i;
}

static bool
learned_find(struct ctx *c, const char *abbr, const char **expansion)
{
	int i;

	if (!c->learned)
		return false;
	if ((i = learned_index(c, abbr)) < 0)
		return false;
	c->learned[i].used = ++c->clock;
	*expansion = c->learned[i].expansion;
	return true;
}

static void
learned_unlink(struct ctx *c, int victim)
{
	int *p = &c->bucket[hash_str(c->learned[victim].abbr) % LEARNED_BUCKETS];

	while (*p != victim)
		p = &c->learned[*p].next;
	*p = c->learned[victim].next;
}

/* Which entry a new definition takes: a free one, or the least recently
 * defined or used (a bounded table, whatever the stream). */
static int
learned_slot(struct ctx *c)
{
	size_t i, old = 0;

	if (c->nlearned < LEARNED_MAX)
		return (int)c->nlearned++;
	for (i = 1; i < c->nlearned; i++)
		if (c->learned[i].used < c->learned[old].used)
			old = i;
	learned_unlink(c, (int)old);
	free(c->learned[old].abbr);
	free(c->learned[old].expansion);
	return (int)old;
}

static void
learn(struct ctx *c, const char *abbr, const char *expansion)
{
	int i = learned_index(c, abbr);
	unsigned h;

	if (i >= 0) {		/* a later definition wins */
		free(c->learned[i].expansion);
	} else {
		i = learned_slot(c);
		c->learned[i].abbr = xstrdup(abbr);
		h = hash_str(abbr) % LEARNED_BUCKETS;
		c->learned[i].next = c->bucket[h];
		c->bucket[h] = i;
	}
	c->learned[i].expansion = xstrdup(expansion);
	c->learned[i].used = ++c->clock;
	c->gen++;
}

/* Schwartz and Hearst (2003): match the abbreviation's letters, last to
 * first, in the words before it; the first letter must start a word.
 * Returns where the long form starts in s, or -1. */
static long
long_form_start(const char *s, size_t n, const char *abbr, size_t alen)
{
	long si = (long)alen - 1, li = (long)n - 1;

	while (si >= 0) {
		char ch = (char)tolower((unsigned char)abbr[si]);
		if (!isalnum((unsigned char)ch)) {
			si--;
			continue;
		}
		while (li >= 0 && ((char)tolower((unsigned char)s[li]) != ch ||
				   (si == 0 && li > 0 && isalnum((unsigned char)s[li - 1]))))
			li--;
		if (li < 0)
			return -1;
		li--;
		si--;
	}
	return li + 1;
}

/* The words before an opening parenthesis: at most max_words and 200
 * bytes (a line of brackets stays linear), not past the sentence or
 * another parenthesis. */
static size_t
window_start(const char *s, size_t paren, size_t max_words)
{
	size_t i = paren, nwords = 0, stop = paren > 200 ? paren - 200 : 0;

	while (i > stop && s[i - 1] == ' ')
		i--;
	while (i > stop) {
		char ch = s[i - 1];
		if (strchr(".;:()[]\t\n", ch))
			break;
		if (ch == ' ' && s[i] != ' ' && ++nwords >= max_words)
			break;
		i--;
	}
	return i;
}

/* "Killed and Seriously Injured (KSI)": learn ksi.  The abbreviation must
 * be 2-10 letters or digits, at least two of them capitals, with perhaps
 * a plural "s"; the built-in table is never overridden. */
static void
learn_definition(struct ctx *c, const char *s, size_t paren, size_t n)
{
	char abbr[16];
	size_t i, alen = 0, caps = 0, from;
	long start;
	const char *e;

	for (i = paren + 1; i < n && s[i] != ')' && alen < 11; i++) {
		if (!isalnum((unsigned char)s[i]))
			return;
		caps += isupper((unsigned char)s[i]) != 0;
		abbr[alen++] = s[i];
	}
	if (i >= n || s[i] != ')' || alen < 2 || alen > 10 || caps < 2)
		return;
	if (abbr[alen - 1] == 's' && caps == alen - 1)
		alen--;		/* CSCs */
	abbr[alen] = '\0';
	from = window_start(s, paren, alen + 5 < 2 * alen ? alen + 5 : 2 * alen);
	start = long_form_start(s + from, paren - from, abbr, alen);
	if (start < 0)
		return;
	for (i = 0; i < alen; i++)
		abbr[i] = (char)tolower((unsigned char)abbr[i]);
	if (pair_find(builtin_abbrevs, NELEM(builtin_abbrevs), abbr))
		return;
	unify(c, s + from + start, paren - from - (size_t)start);
	if (c->folded.len == 0 || (learned_find(c, abbr, &e) &&
				   strcmp(e, c->folded.p) == 0))
		return;
	learn(c, abbr, c->folded.p);
}

static void
learn_from_field(struct ctx *c, const char *s, size_t n)
{
	const char *p = s;

	while ((p = memchr(p, '(', n - (size_t)(p - s))) != NULL) {
		if (p > s)
			learn_definition(c, s, (size_t)(p - s), n);
		p++;
	}
}

/* ---- loading the alias tables ---- */

/* A canonical name as a key: lower case, words joined by "_". */
static char *
canonical_key(const char *s)
{
	struct buf b = BUF_INIT;
	bool gap = false;

	for (; *s; s++) {
		if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80) {
			if (gap && b.len > 0)
				buf_addc(&b, '_');
			buf_addc(&b, (char)tolower((unsigned char)*s));
			gap = false;
		} else {
			gap = true;
		}
	}
	if (b.len == 0)
		return NULL;
	return b.p;
}

static void
alias_add(struct ctx *c, size_t ntok, char *canon, const char *field,
	  bool whole)
{
	struct alias *a;
	size_t i;

	if (c->nalias == c->alias_cap) {
		c->alias_cap = c->alias_cap ? 2 * c->alias_cap : 256;
		c->alias = xrealloc(c->alias, c->alias_cap * sizeof *c->alias);
	}
	a = &c->alias[c->nalias];
	a->ntok = ntok;
	a->tok = xmalloc(ntok * sizeof *a->tok);
	for (i = 0; i < ntok; i++)
		a->tok[i] = xstrdup(c->sorted[i]);
	a->canon = canon;
	a->field = field && *field ? xstrdup(field) : NULL;
	a->order = c->nalias++;
	a->whole = whole;
}

/* One line of an alias table: [=]variant TAB canonical [TAB fields]. */
static bool
alias_line(struct ctx *c, const char *path, long lineno, char *line)
{
	struct row r = {0};
	size_t ntok;
	char *canon;
	bool ok = false, whole;

	row_split_tsv(&r, line, strlen(line));
	whole = r.field[0][0] == '=';
	if (r.n < 2 || r.n > 3) {
		warn_at(path, lineno, "want variant<TAB>canonical[<TAB>field], got %zu fields", r.n);
	} else if ((ntok = name_tokens(c, r.field[0] + whole, r.len[0] - whole, true)) == 0 ||
		   !(canon = canonical_key(r.field[1]))) {
		warn_at(path, lineno, "variant or canonical name has no words");
	} else {
		alias_add(c, ntok, canon, r.n == 3 ? r.field[2] : NULL, whole);
		ok = true;
	}
	row_free(&r);
	return ok;
}

static int
load_aliases(struct ctx *c, const char *path)
{
	struct input in;
	bool empty, bad = false;
	char *line;
	ssize_t n;

	if (input_open(&in, path, true, &empty) != EXIT_OK)
		return EXIT_DATA;
	while (!empty && (n = input_line(&in, &line)) >= 0) {
		if (n == 0 || line[0] == '#')
			continue;
		if (!alias_line(c, in.name, input_lineno(&in), line))
			bad = true;
	}
	bad |= in.failed;
	input_close(&in);
	return bad ? EXIT_DATA : EXIT_OK;
}

static int
cmp_alias(const void *a, const void *b)
{
	const struct alias *x = a, *y = b;
	int d = strcmp(x->tok[0], y->tok[0]);

	return d ? d : (x->order > y->order) - (x->order < y->order);
}

/* dir + sep + the alias file's name, if it can be read. */
static char *
readable(const char *dir, const char *sep)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s%s%s", dir, sep, ALIAS_FILE);
	if (access(b.p, R_OK) == 0)
		return b.p;
	buf_free(&b);
	return NULL;
}

/* data/ in the checkout that holds the program: bin/, or a sanitizer
 * build's build/asan/bin/ (up to three levels up). */
static char *
beside_program(char *exe)
{
	char *slash, *path;
	int up;

	for (up = 0; up < 3 && (slash = strrchr(exe, '/')) != NULL; up++) {
		*slash = '\0';
		if ((path = readable(exe, "/../data/")) != NULL)
			return path;
	}
	return NULL;
}

/* Where the shipped table is: an option, the environment, the install
 * directory, then ../data beside the program, for a checkout. */
static char *
find_alias_file(const char *dir)
{
	char exe[PATH_MAX], *path;
	const char *env = getenv("REPORTS_DATA");
	struct buf asked = BUF_INIT;
	ssize_t n;

	if ((dir && *dir) || (env && *env)) {	/* asked for: must be there */
		buf_addf(&asked, "%s/%s", dir && *dir ? dir : env, ALIAS_FILE);
		return asked.p;
	}
	if ((path = readable(DATADIR, "/")) != NULL)
		return path;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	return beside_program(exe);
}

static int
load_all_aliases(struct ctx *c, char **extra, size_t nextra)
{
	char *path;
	size_t i;
	int status = EXIT_OK;

	if (!c->no_aliases) {
		if ((path = find_alias_file(c->aliases_dir)) == NULL)
			warn_at(NULL, 0, "no %s found: keys without the shipped aliases (see --aliases-dir)", ALIAS_FILE);
		else if (load_aliases(c, path) != EXIT_OK)
			status = EXIT_DATA;
		free(path);
	}
	for (i = 0; i < nextra; i++)
		if (load_aliases(c, extra[i]) != EXIT_OK)
			status = EXIT_DATA;
	if (c->nalias > 0)
		qsort(c->alias, c->nalias, sizeof *c->alias, cmp_alias);
	return status;
}

/* ---- the table: which columns get a key ---- */

struct plan {
	bool *keyed;	/* per input column: add a key after it */
	bool *skip;	/* per input column: an old key, replaced by ours */
	size_t ncols;
	int measure, kind, unit;	/* columns, or -1 */
	bool qualify;
};

static bool
in_list(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	while (*p) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == n && strncmp(p, name, n) == 0)
			return true;
		p += len + (comma != NULL);
	}
	return false;
}

/* Every field -f names must be in the header. */
static int
check_chosen(const struct table *t, const char *f)
{
	size_t len;
	char *name;
	bool found;

	for (; *f; f += len + (f[len] == ',')) {
		len = strcspn(f, ",");
		name = xstrndup(f, len);
		found = len == 0 || table_col(t, name) >= 0;
		if (!found)
			warn_at(t->name, 1, "no field '%s' in the header", name);
		free(name);
		if (!found)
			return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* Mark the fields to key, and old key columns of them to replace. */
static int
make_plan(struct plan *p, const struct table *t, const char *fields,
	  bool chosen)
{
	size_t i, k, n, nkeyed = 0;

	p->ncols = t->ncols;
	p->measure = table_col(t, "measure");
	p->kind = table_col(t, "kind");
	p->unit = table_col(t, "unit");
	p->keyed = xcalloc(t->ncols, sizeof *p->keyed);
	p->skip = xcalloc(t->ncols, sizeof *p->skip);
	for (i = 0; i < t->ncols; i++)
		nkeyed += p->keyed[i] = in_list(fields, t->cols[i]);
	for (i = 0; i < t->ncols; i++) {
		n = strlen(t->cols[i]);
		if (n > 4 && strcmp(t->cols[i] + n - 4, "_key") == 0)
			for (k = 0; k < t->ncols; k++)
				if (p->keyed[k] && strlen(t->cols[k]) == n - 4 &&
				    strncmp(t->cols[k], t->cols[i], n - 4) == 0)
					p->skip[i] = true;
	}
	if (chosen)
		return check_chosen(t, fields);
	if (nkeyed == 0)
		warn_at(t->name, 1, "none of the fields %s: nothing to key (see -f)", DEFAULT_FIELDS);
	return EXIT_OK;
}

static void
plan_free(struct plan *p)
{
	free(p->keyed);
	free(p->skip);
}

static void
write_header(struct out *o, const struct table *t, const struct plan *p)
{
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		if (p->skip[i])
			continue;
		out_fields(o, t->cols[i]);
		if (p->keyed[i])
			out_fieldf(o, "%s_key", t->cols[i]);
	}
	out_end(o);
}

/* Rows with the wrong number of fields: padded or cut, with a warning. */
static void
check_width(struct ctx *c, const struct table *t)
{
	if (t->row.n == t->ncols)
		return;
	warn_at(t->name, t->line, "%zu fields, expected %zu: %s", t->row.n,
		t->ncols, t->row.n < t->ncols ? "padded with empty fields" :
		"extra fields dropped");
	c->status = EXIT_DATA;
}

static void
learn_row(struct ctx *c, const struct table *t)
{
	size_t i;

	for (i = 0; i < t->row.n; i++)
		if (memchr(t->row.field[i], '(', t->row.len[i]))
			learn_from_field(c, t->row.field[i], t->row.len[i]);
}

/* A target, or a share, is another series than the count it is about:
 * the measure's key says so, from the kind and unit columns, where the
 * words do not already. */
static const char *
row_key(struct ctx *c, const struct table *t, const struct plan *p, size_t i)
{
	const char *v = table_get(t, (int)i), *unit;

	if ((int)i != p->measure || !p->qualify || !*v)
		return make_key(c, v, strlen(v), t->cols[i]);
	buf_reset(&c->qualified);
	buf_adds(&c->qualified, v);
	if (strcmp(table_get(t, p->kind), "target") == 0)
		buf_adds(&c->qualified, " target");
	unit = table_get(t, p->unit);
	if (strcmp(unit, "percent") == 0 || strcmp(unit, "pp") == 0)
		buf_adds(&c->qualified, " percent");
	return make_key(c, c->qualified.p, c->qualified.len, t->cols[i]);
}

static void
write_row(struct ctx *c, struct out *o, const struct table *t,
	  const struct plan *p)
{
	size_t i;
	const char *v;

	for (i = 0; i < t->ncols; i++) {
		if (p->skip[i])
			continue;
		v = table_get(t, (int)i);
		out_field(o, v, i < t->row.n ? t->row.len[i] : 0);
		if (p->keyed[i])
			out_fields(o, row_key(c, t, p, i));
	}
	out_end(o);
}

/* ---- --suggest: close keys, for review ---- */

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

static void
names_init(struct names *ns)
{
	size_t i;

	memset(ns, 0, sizeof *ns);
	ns->nbucket = 2 * SUGGEST_MAX + 1;
	ns->bucket = xmalloc(ns->nbucket * sizeof *ns->bucket);
	for (i = 0; i < ns->nbucket; i++)
		ns->bucket[i] = -1;
}

static void
names_count(struct names *ns, const char *field, const char *key,
	    const char *sample)
{
	size_t h = (hash_str(key) ^ hash_str(field) * 31u) % ns->nbucket;
	struct name *nm;
	int i;

	while ((i = ns->bucket[h]) >= 0) {
		if (strcmp(ns->v[i].key, key) == 0 && strcmp(ns->v[i].field, field) == 0) {
			ns->v[i].count++;
			return;
		}
		h = (h + 1) % ns->nbucket;
	}
	if (ns->n >= SUGGEST_MAX) {
		if (!ns->full)
			warn_at(NULL, 0, "--suggest: over %d distinct names; later new names are not counted", SUGGEST_MAX);
		ns->full = true;
		return;
	}
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? 2 * ns->cap : 256;
		ns->v = xrealloc(ns->v, ns->cap * sizeof *ns->v);
	}
	nm = &ns->v[ns->n];
	nm->field = xstrdup(field);
	nm->key = xstrdup(key);
	nm->sample = xstrdup(sample);
	nm->ngram = NULL;
	nm->count = 1;
	ns->bucket[h] = (int)ns->n++;
}

/* Levenshtein distance, two rows; keys are short. */
static size_t
edit_distance(const char *a, const char *b, size_t *row)
{
	size_t la = strlen(a), lb = strlen(b), i, j, diag, up;

	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		diag = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			up = row[j];
			row[j] = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < row[j])
				row[j] = up + 1;
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			diag = up;
		}
	}
	return row[lb];
}

static int
cmp_bigram(const void *a, const void *b)
{
	return memcmp(a, b, 2);
}

/* OpenRefine's n-gram fingerprint: the key's letters without
 * separators, as sorted unique 2-grams. */
static char *
ngram_fingerprint(const char *key)
{
	size_t n = strlen(key), i, k = 0, u = 0;
	char *letters = xmalloc(n + 1), *grams, *out;

	for (i = 0; i < n; i++)
		if (key[i] != '_')
			letters[k++] = key[i];
	grams = xmalloc(2 * (k > 1 ? k - 1 : 1));
	for (i = 0; i + 1 < k; i++)
		memcpy(grams + 2 * i, letters + i, 2);
	n = k > 1 ? k - 1 : 0;
	qsort(grams, n, 2, cmp_bigram);
	out = xmalloc(2 * n + 1);
	for (i = 0; i < n; i++)
		if (u == 0 || memcmp(out + 2 * (u - 1), grams + 2 * i, 2) != 0)
			memcpy(out + 2 * u++, grams + 2 * i, 2);
	out[2 * u] = '\0';
	free(letters);
	free(grams);
	return out;
}

struct candidate {
	const struct name *variant, *canon;
	size_t distance;
};

static int
cmp_name_block(const void *a, const void *b)
{
	const struct name *x = a, *y = b;
	int d = strcmp(x->field, y->field);

	if (d == 0)
		d = strcmp(x->ngram, y->ngram);
	return d ? d : strcmp(x->key, y->key);
}

static int
cmp_candidate(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;

	if (x->distance != y->distance)
		return x->distance < y->distance ? -1 : 1;
	if (x->variant->count != y->variant->count)
		return x->variant->count > y->variant->count ? -1 : 1;
	return strcmp(x->variant->key, y->variant->key);
}

/* Is the n-byte token at t one of the "_"-separated tokens of b? */
static bool
has_token(const char *b, const char *t, size_t n)
{
	const char *p = b;

	for (;;) {
		size_t k = strcspn(p, "_");
		if (k == n && strncmp(p, t, n) == 0)
			return true;
		if (p[k] == '\0')
			return false;
		p += k + 1;
	}
}

/* The tokens of a that b has not, joined by "_". */
static void
residue(struct buf *out, const char *a, const char *b)
{
	size_t n;

	buf_reset(out);
	while (*a) {
		n = strcspn(a, "_");
		if (!has_token(b, a, n)) {
			if (out->len > 0)
				buf_addc(out, '_');
			buf_add(out, a, n);
		}
		a += n + (a[n] == '_');
	}
}

/* Close enough to review: equal n-gram fingerprints, or words that differ
 * by a small edit (a third of their length at most).  Keys that differ by
 * whole words ("hour" and "patrol_hour", "drink" and "drug") are other
 * measures, not other spellings. */
static bool
close_keys(const struct name *a, const struct name *b, struct buf *ra,
	   struct buf *rb, size_t *row)
{
	size_t d, longer;

	if (strcmp(a->ngram, b->ngram) == 0)
		return true;
	residue(ra, a->key, b->key);
	residue(rb, b->key, a->key);
	if (ra->len == 0 || rb->len == 0)
		return false;
	d = edit_distance(ra->p, rb->p, row);
	longer = ra->len > rb->len ? ra->len : rb->len;
	return 3 * d <= longer;
}

/* Pairs are looked for within a window of the names sorted by field,
 * then n-gram fingerprint: bounded work, and the likely pairs meet. */
#define SUGGEST_WINDOW 50

static void
suggest_pairs(struct names *ns, struct candidate **cand, size_t *ncand)
{
	size_t i, j, d, cap = 0, maxlen = 0;
	size_t *row;
	struct name *a, *b;
	struct buf ra = BUF_INIT, rb = BUF_INIT;

	for (i = 0; i < ns->n; i++) {
		ns->v[i].ngram = ngram_fingerprint(ns->v[i].key);
		if (strlen(ns->v[i].key) > maxlen)
			maxlen = strlen(ns->v[i].key);
	}
	qsort(ns->v, ns->n, sizeof *ns->v, cmp_name_block);
	row = xmalloc((maxlen + 1) * sizeof *row);
	for (i = 0; i < ns->n; i++)
		for (j = i + 1; j < ns->n && j <= i + SUGGEST_WINDOW; j++) {
			a = &ns->v[i], b = &ns->v[j];
			if (strcmp(a->field, b->field) != 0)
				break;
			if (!close_keys(a, b, &ra, &rb, row))
				continue;
			d = edit_distance(a->key, b->key, row);
			if (*ncand == cap) {
				cap = cap ? 2 * cap : 64;
				*cand = xrealloc(*cand, cap * sizeof **cand);
			}
			if (a->count > b->count || (a->count == b->count &&
						    strcmp(a->key, b->key) < 0))
				(*cand)[*ncand] = (struct candidate){b, a, d};
			else
				(*cand)[*ncand] = (struct candidate){a, b, d};
			(*ncand)++;
		}
	free(row);
	buf_free(&ra);
	buf_free(&rb);
}

static int
write_suggestions(struct ctx *c, struct names *ns)
{
	struct candidate *cand = NULL;
	size_t ncand = 0, i;
	struct out o;
	static const char *const header[] = {"variant", "canonical", "count",
					     "distance", NULL};

	suggest_pairs(ns, &cand, &ncand);
	qsort(cand, ncand, sizeof *cand, cmp_candidate);
	out_init(&o, stdout, c->csv);
	out_header(&o, header);
	for (i = 0; i < ncand; i++) {
		out_fields(&o, cand[i].variant->sample);
		out_fields(&o, cand[i].canon->key);
		out_fieldf(&o, "%zu", cand[i].variant->count);
		out_fieldf(&o, "%zu", cand[i].distance);
		out_end(&o);
	}
	free(cand);
	return out_close(&o);
}

static void
names_free(struct names *ns)
{
	size_t i;

	for (i = 0; i < ns->n; i++) {
		free(ns->v[i].field);
		free(ns->v[i].key);
		free(ns->v[i].sample);
		free(ns->v[i].ngram);
	}
	free(ns->v);
	free(ns->bucket);
}

static void
suggest_row(struct ctx *c, struct names *ns, const struct table *t,
	    const struct plan *p)
{
	size_t i;
	const char *v, *key;

	for (i = 0; i < t->ncols; i++) {
		if (!p->keyed[i])
			continue;
		v = table_get(t, (int)i);
		key = row_key(c, t, p, i);
		if (*key)
			names_count(ns, t->cols[i], key, v);
	}
}

/* ---- the story ---- */

/* The header of a later file must match the first one: the output is one
 * table. */
static bool
same_header(const struct table *t, char **first, size_t n)
{
	size_t i;

	if (t->ncols != n)
		return false;
	for (i = 0; i < n; i++)
		if (strcmp(t->cols[i], first[i]) != 0)
			return false;
	return true;
}

struct run {
	struct out out;
	struct names names;
	char **header;		/* of the first table */
	size_t ncols;
	bool header_done;
	bool chosen;		/* -f given */
};

static int
rows(struct ctx *c, struct run *r, struct table *t, struct plan *p)
{
	int got;

	while ((got = table_next(t)) > 0) {
		check_width(c, t);
		learn_row(c, t);
		if (c->suggest)
			suggest_row(c, &r->names, t, p);
		else
			write_row(c, &r->out, t, p);
	}
	return got < 0 ? EXIT_DATA : EXIT_OK;
}

static int
normalize_file(struct ctx *c, struct run *r, const char *path)
{
	struct table t;
	struct plan p = {0};
	bool empty;
	int status;
	size_t i;

	status = table_open(&t, path, c->strict, &empty);
	if (status != EXIT_OK || empty) {
		table_close(&t);
		return status;
	}
	if (r->header_done && !same_header(&t, r->header, r->ncols)) {
		warn_at(t.name, 1, "header differs from the first input's: file skipped");
		table_close(&t);
		return EXIT_DATA;
	}
	p.qualify = !c->no_qualify;
	if ((status = make_plan(&p, &t, c->fields, r->chosen)) != EXIT_OK) {
		plan_free(&p);
		table_close(&t);
		return status;
	}
	if (!r->header_done) {
		r->header_done = true;
		r->ncols = t.ncols;
		r->header = xcalloc(t.ncols, sizeof *r->header);
		for (i = 0; i < t.ncols; i++)
			r->header[i] = xstrdup(t.cols[i]);
		if (!c->suggest)
			write_header(&r->out, &t, &p);
	}
	status = rows(c, r, &t, &p);
	plan_free(&p);
	table_close(&t);
	return status;
}

static void
ctx_free(struct ctx *c)
{
	size_t i, k;

	for (i = 0; i < c->nalias; i++) {
		for (k = 0; k < c->alias[i].ntok; k++)
			free(c->alias[i].tok[k]);
		free(c->alias[i].tok);
		free(c->alias[i].canon);
		free(c->alias[i].field);
	}
	free(c->alias);
	for (i = 0; i < c->nlearned; i++) {
		free(c->learned[i].abbr);
		free(c->learned[i].expansion);
	}
	free(c->learned);
	for (i = 0; i < CACHE_SIZE; i++) {
		free(c->cache[i].name);
		free(c->cache[i].key);
		free(c->cache[i].field);
	}
	buf_free(&c->clean);
	buf_free(&c->folded);
	buf_free(&c->key);
	buf_free(&c->word);
	buf_free(&c->qualified);
	buf_free(&c->tok.text);
	free(c->tok.off);
	free(c->sorted);
	free(c->used);
	free(c->rest);
}

enum { OPT_STRICT = OPT_TOOL_BASE, OPT_NO_ALIASES, OPT_NO_QUALIFY };

static const struct option long_options[] = {
	{"fields", required_argument, NULL, 'f'},
	{"aliases", required_argument, NULL, 'a'},
	{"aliases-dir", required_argument, NULL, 'A'},
	{"no-aliases", no_argument, NULL, OPT_NO_ALIASES},
	{"no-qualify", no_argument, NULL, OPT_NO_QUALIFY},
	{"suggest", no_argument, NULL, 's'},
	{"csv", no_argument, NULL, 'c'},
	{"strict", no_argument, NULL, OPT_STRICT},
	CLI_STD_OPTIONS,
	{NULL, 0, NULL, 0}
};

/* Options into c; returns the alias files asked for (argv pointers). */
static char **
parse_options(struct ctx *c, struct run *r, int argc, char **argv,
	      size_t *nextra)
{
	char **extra = xcalloc((size_t)argc, sizeof *extra);
	int ch;

	while ((ch = getopt_long(argc, argv, "f:a:A:sc", long_options, NULL)) != -1) {
		switch (ch) {
		case 'f': c->fields = optarg; r->chosen = true; break;
		case 'a': extra[(*nextra)++] = optarg; break;
		case 'A': c->aliases_dir = optarg; break;
		case 's': c->suggest = true; break;
		case 'c': c->csv = true; break;
		case OPT_STRICT: c->strict = true; break;
		case OPT_NO_ALIASES: c->no_aliases = true; break;
		case OPT_NO_QUALIFY: c->no_qualify = true; break;
		case OPT_HELP: free(extra); cli_help(usage);
		case OPT_VERSION: free(extra); cli_version();
		default: free(extra); die_usage("unknown option");
		}
	}
	if (r->chosen && strspn(c->fields, ", ") == strlen(c->fields)) {
		free(extra);
		die_usage("-f needs at least one field name");
	}
	return extra;
}

int
main(int argc, char **argv)
{
	/* On the heap: it is large (the learned-acronym buckets), and a
	 * fresh one per call keeps main re-entrant for the fuzz harness. */
	struct ctx *c = xcalloc(1, sizeof *c);
	struct run r = {0};
	char **extra;
	size_t nextra = 0, i;
	int status, s;

	err_init(argv[0]);
	check_sorted();
	c->fields = DEFAULT_FIELDS;
	extra = parse_options(c, &r, argc, argv, &nextra);
	for (i = 0; i < LEARNED_BUCKETS; i++)
		c->bucket[i] = -1;
	c->learned = xcalloc(LEARNED_MAX, sizeof *c->learned);
	status = load_all_aliases(c, extra, nextra);
	free(extra);
	out_init(&r.out, stdout, c->csv);
	if (c->suggest)
		names_init(&r.names);
	for (i = (size_t)optind; i < (size_t)argc || i == (size_t)optind; i++)
		if ((s = normalize_file(c, &r, i < (size_t)argc ? argv[i] : "-")) != EXIT_OK)
			status = status == EXIT_USAGE ? status : s;
	if (c->suggest) {
		s = write_suggestions(c, &r.names);
		names_free(&r.names);
	} else {
		s = out_close(&r.out);
	}
	for (i = 0; i < r.ncols; i++)
		free(r.header[i]);
	free(r.header);
	if (c->status != EXIT_OK && status == EXIT_OK)
		status = c->status;
	ctx_free(c);
	free(c);
	return s != EXIT_OK && status == EXIT_OK ? s : status;
}
