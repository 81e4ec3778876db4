/* lex.c: one hash of whole phrases over a generated lexicon table.
 *
 * Each distinct phrase is one slot (open addressing, linear probing, at
 * most half full) holding the bit set of its classes, the classes of the
 * longer phrases it begins, and where its rows start in the table.  A
 * phrase's first word gets a slot too when only longer phrases begin with
 * it, so that lex_starts() answers in one probe. */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "lex.h"

enum { PHRASE_MAX = 128 };	/* bytes of a phrase lex_phrase() builds */

struct slot {
	const char *key;	/* NULL: free */
	size_t n;
	lex_mask cls;		/* the classes of this phrase */
	lex_mask starts;	/* classes of longer phrases beginning with it */
	size_t row, nrow;	/* its rows in the table */
};

struct lex {
	const struct lex_table *t;
	struct slot *slot;
	size_t mask;		/* slots - 1, a power of two minus one */
	size_t maxwords;	/* words of the longest phrase */
};

/* FNV-1a: short keys, good spread, no table. */
static size_t
hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037u;

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211u;
	}
	return (size_t)(h ^ (h >> 29));
}

static struct slot *
find(const struct lex *lx, const char *s, size_t n)
{
	size_t i;

	for (i = hash(s, n) & lx->mask; lx->slot[i].key; i = (i + 1) & lx->mask)
		if (lx->slot[i].n == n && memcmp(lx->slot[i].key, s, n) == 0)
			return &lx->slot[i];
	return &lx->slot[i];
}

static struct slot *
enter(struct lex *lx, const char *s, size_t n)
{
	struct slot *sl = find(lx, s, n);

	if (!sl->key) {
		sl->key = s;
		sl->n = n;
	}
	return sl;
}

struct lex *
lex_open(const struct lex_table *t)
{
	struct lex *lx = xcalloc(1, sizeof *lx);
	size_t size = 16, i, words;
	const char *sp;

	while (size < 4 * t->nrow)	/* phrases and first words: at most 2 a row */
		size *= 2;
	lx->t = t;
	lx->mask = size - 1;
	lx->slot = xcalloc(size, sizeof *lx->slot);
	for (i = 0; i < t->nrow; i++) {
		const struct lex_row *r = &t->row[i];
		size_t n = strlen(r->phrase);
		struct slot *sl = enter(lx, r->phrase, n);

		if (sl->nrow == 0)
			sl->row = i;
		sl->nrow++;
		sl->cls |= LEX_BIT(r->cls);
		for (words = 1, sp = r->phrase; (sp = strchr(sp, ' ')); sp++)
			words++;
		if (words > lx->maxwords)
			lx->maxwords = words;
		if (words > 1)
			enter(lx, r->phrase, (size_t)(strchr(r->phrase, ' ') - r->phrase))
				->starts |= LEX_BIT(r->cls);
	}
	return lx;
}

void
lex_close(struct lex *lx)
{
	if (!lx)
		return;
	free(lx->slot);
	free(lx);
}

lex_mask
lex_classes(const struct lex *lx, const char *s, size_t n)
{
	return n ? find(lx, s, n)->cls : 0;
}

lex_mask
lex_starts(const struct lex *lx, const char *s, size_t n)
{
	return n ? find(lx, s, n)->starts : 0;
}

lex_mask
lex_lookup(const struct lex *lx, const char *s, size_t n, lex_mask *starts)
{
	const struct slot *sl;

	if (n == 0) {
		*starts = 0;
		return 0;
	}
	sl = find(lx, s, n);
	*starts = sl->starts;
	return sl->cls;
}

const char *
lex_value(const struct lex *lx, const char *s, size_t n, unsigned cls)
{
	const struct slot *sl = find(lx, s, n);
	size_t i;

	for (i = sl->row; i < sl->row + sl->nrow; i++)
		if (lx->t->row[i].cls == cls)
			return lx->t->row[i].value;
	return NULL;
}

/* The first class of want among a phrase's rows, with its value. */
static bool
first_in(const struct lex *lx, const struct slot *sl, lex_mask want,
	 unsigned *cls, const char **value)
{
	size_t i;

	for (i = sl->row; i < sl->row + sl->nrow; i++)
		if (want & LEX_BIT(lx->t->row[i].cls)) {
			if (cls)
				*cls = lx->t->row[i].cls;
			if (value)
				*value = lx->t->row[i].value;
			return true;
		}
	return false;
}

size_t
lex_phrase(const struct lex *lx, const struct lex_word *w, size_t nw,
	   lex_mask want, unsigned *cls, const char **value)
{
	char key[PHRASE_MAX];
	size_t len[PHRASE_MAX / 2], k, n = 0;

	if (nw == 0)
		return 0;
	if (nw > lx->maxwords)
		nw = lx->maxwords;
	if (nw > 1 && (lex_starts(lx, w[0].s, w[0].n) & want)) {
		/* the keys of w[0..1), w[0..2), ... as one growing string */
		for (k = 0; k < nw && n + w[k].n + 1 <= sizeof key; k++) {
			if (k)
				key[n++] = ' ';
			memcpy(key + n, w[k].s, w[k].n);
			n += w[k].n;
			len[k] = n;
		}
		while (k-- > 1) {
			const struct slot *sl = find(lx, key, len[k]);
			if ((sl->cls & want) && first_in(lx, sl, want, cls, value))
				return k + 1;
		}
	}
	{
		const struct slot *sl = find(lx, w[0].s, w[0].n);
		if ((sl->cls & want) && first_in(lx, sl, want, cls, value))
			return 1;
	}
	return 0;
}
