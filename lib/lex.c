/* lex.c: lookups in a lexicon's constant hash (lex.h; built by mk/lexgen).
 *
 * Each distinct phrase is one slot (open addressing, linear probing, at
 * most a quarter full) holding the bit set of its classes, the classes of
 * the longer phrases it begins, and where its rows start in the table.  A
 * phrase's first word has a slot too when only longer phrases begin with
 * it, so that lex_starts() answers in one probe. */
#include <string.h>

#include "lex.h"
#include "lexhash.h"

enum { PHRASE_MAX = 128 };	/* bytes of a phrase lex_phrase() builds */

/* The table an opened lexicon is. */
static const struct lex_table *
table(const struct lex *lx)
{
	return (const struct lex_table *)(const void *)lx;
}

static const struct lex_slot *
find(const struct lex *lx, const char *s, size_t n)
{
	const struct lex_table *t = table(lx);
	size_t i;

	for (i = lex_hash(s, n) & t->mask; t->slot[i].key; i = (i + 1) & t->mask)
		if (t->slot[i].n == n && memcmp(t->slot[i].key, s, n) == 0)
			return &t->slot[i];
	return &t->slot[i];
}

struct lex *
lex_open(const struct lex_table *t)
{
	return (struct lex *)(void *)(uintptr_t)(const void *)t;
}

void
lex_close(struct lex *lx)
{
	(void)lx;
}

lex_mask
lex_first(const struct lex *lx, unsigned char b)
{
	return table(lx)->first[b];
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
	const struct lex_slot *sl;

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
	const struct lex_slot *sl = find(lx, s, n);
	size_t i;

	for (i = sl->row; i < sl->row + sl->nrow; i++)
		if (table(lx)->row[i].cls == cls)
			return table(lx)->row[i].value;
	return NULL;
}

/* The first class of want among a phrase's rows, with its value. */
static bool
first_in(const struct lex *lx, const struct lex_slot *sl, lex_mask want,
	 unsigned *cls, const char **value)
{
	size_t i;

	for (i = sl->row; i < sl->row + sl->nrow; i++)
		if (want & LEX_BIT(table(lx)->row[i].cls)) {
			if (cls)
				*cls = table(lx)->row[i].cls;
			if (value)
				*value = table(lx)->row[i].value;
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
	if (nw > table(lx)->maxwords)
		nw = table(lx)->maxwords;
	if (nw > PHRASE_MAX / 2)
		nw = PHRASE_MAX / 2;
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
			const struct lex_slot *sl = find(lx, key, len[k]);
			if ((sl->cls & want) && first_in(lx, sl, want, cls, value))
				return k + 1;
		}
	}
	{
		const struct lex_slot *sl = find(lx, w[0].s, w[0].n);
		if ((sl->cls & want) && first_in(lx, sl, want, cls, value))
			return 1;
	}
	return 0;
}
