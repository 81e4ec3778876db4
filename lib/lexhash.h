/* lexhash.h: the hash of a lexicon's phrases, shared by the generator
 * (mk/lexgen.c, at build time) and the lookups (lib/lex.c, at run time):
 * FNV-1a, short keys, good spread, no table. */
#ifndef LEXHASH_H
#define LEXHASH_H

#include <stddef.h>
#include <stdint.h>

static inline size_t
lex_hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037u;

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211u;
	}
	return (size_t)(h ^ (h >> 29));
}

#endif
