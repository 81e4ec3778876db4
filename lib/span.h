/* span.h: a half-open range [a, b) of bytes or tokens, named, so that
 * functions take "the sentence" or "the phrase" instead of four size_t
 * bounds in a row. */
#ifndef SPAN_H
#define SPAN_H

#include <stdbool.h>
#include <stddef.h>

struct span {
	size_t a, b;
};

static inline size_t
span_len(struct span s)
{
	return s.b > s.a ? s.b - s.a : 0;
}

static inline bool
span_has(struct span s, size_t i)
{
	return i >= s.a && i < s.b;
}

#endif
