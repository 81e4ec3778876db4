/* lex.h: word lists and phrase tables kept as data.
 *
 * data/lexicon/NAME.tsv (phrase, class, value) is turned into a C table,
 * struct lex_table NAME_lex, by mk/lexicon.awk at build time; a tool
 * #includes "lex-NAME.h" and opens it once.  One lookup method for every
 * list: a hash of whole phrases, each with the bit set of its classes.
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

struct lex_table {
	const char *name;
	const struct lex_row *row;	/* rows of one phrase stand together */
	size_t nrow;
	const char *const *class_name;
	unsigned nclass;
};

/* A word as the caller tokenized it: bytes, already lower case. */
struct lex_word {
	const char *s;
	size_t n;
};

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

/* The longest phrase of a class in want that is words w[0..k), k <= nw:
 * returns k (0 when none) and sets *cls and *value of its first class in
 * want (either may be NULL). */
size_t lex_phrase(const struct lex *lx, const struct lex_word *w, size_t nw,
		  lex_mask want, unsigned *cls, const char **value);

#endif
