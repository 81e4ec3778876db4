/* lex.h: word lists and phrase tables kept as data.
 *
 * data/lexicon/NAME.tsv (phrase, class, value) is turned into a C table,
 * struct lex_table NAME_lex, by mk/lexgen at build time: its rows and an
 * open-addressing hash of its phrases, all constant data, so that nothing
 * is built, allocated or kept between runs.  A tool #includes "lex-NAME.h"
 * and opens it (lex_open only names the table).  One lookup method for
 * every list: the hash of whole phrases, each with the bit set of its
 * classes.
 *
 * A phrase is one or more lower-case words separated by single spaces
 * ("per cent", "in excess of").  lex_phrase() finds the longest phrase
 * that starts at a word of the text (git's date.c special[] model, but
 * as data): the caller gives the words it has tokenized, in lower case. */
#ifndef LEX_H
#define LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t lex_mask;
#define LEX_BIT(c) ((lex_mask)1 << (c))

struct lex_row {
	const char *phrase;
	unsigned cls;
	const char *value;	/* "" when the class needs none */
};

/* One distinct phrase, or a first word that only longer phrases have. */
struct lex_slot {
	const char *key;	/* NULL: a free slot */
	size_t n;
	lex_mask cls;		/* the classes of this phrase */
	lex_mask starts;	/* classes of longer phrases beginning with it */
	size_t row, nrow;	/* its rows in the table */
};

struct lex_table {
	const char *name;
	const struct lex_row *row;	/* rows of one phrase stand together */
	size_t nrow;
	const char *const *class_name;
	unsigned nclass;
	const struct lex_slot *slot;	/* the hash (lexhash.h), linear probing */
	size_t mask;			/* slots - 1: a power of two minus one */
	size_t maxwords;		/* words of the longest phrase */
	lex_mask first[256];		/* classes of phrases whose first byte is
					 * this one, in either case (ASCII) */
};

/* A word as the caller tokenized it: bytes, already lower case. */
struct lex_word {
	const char *s;
	size_t n;
};

/* An opened lexicon is its table; lex_open and lex_close are kept so that
 * a lexicon could one day be read at run time without changing callers. */
struct lex;

struct lex *lex_open(const struct lex_table *t);
void lex_close(struct lex *lx);

/* The classes of a word or phrase of n bytes; 0 when it is not listed. */
lex_mask lex_classes(const struct lex *lx, const char *s, size_t n);

static inline bool
lex_is(const struct lex *lx, const char *s, size_t n, unsigned cls)
{
	return (lex_classes(lx, s, n) & LEX_BIT(cls)) != 0;
}

/* The value a phrase has in class cls, or NULL when it is not in it. */
const char *lex_value(const struct lex *lx, const char *s, size_t n,
		      unsigned cls);

/* The classes of the phrases of two or more words that begin with this
 * word: a cheap test before lex_phrase(). */
lex_mask lex_starts(const struct lex *lx, const char *s, size_t n);

/* lex_classes and lex_starts of one word in one probe: its classes, and
 * in *starts those of the longer phrases that begin with it (a tokenizer
 * that keeps both tests a bit before it calls lex_phrase()). */
lex_mask lex_lookup(const struct lex *lx, const char *s, size_t n,
		    lex_mask *starts);

/* The classes of the phrases that begin with byte b, in either case: a
 * line whose first byte says no needs no lookup. */
lex_mask lex_first(const struct lex *lx, unsigned char b);

/* The longest phrase of a class in want that is words w[0..k), k <= nw:
 * returns k (0 when none) and sets *cls and *value of its first class in
 * want (either may be NULL). */
size_t lex_phrase(const struct lex *lx, const struct lex_word *w, size_t nw,
		  lex_mask want, unsigned *cls, const char **value);

#endif
