#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "err.h"

#if defined(__GNUC__)
/* sixteen bytes a turn with the compiler's vectors (SSE2, NEON); signed,
 * so that a byte with its high bit set is negative */
typedef signed char v16 __attribute__((vector_size(16)));

static bool
v16_none(v16 m)
{
	uint64_t lo, hi;

	memcpy(&lo, &m, 8);
	memcpy(&hi, (const char *)&m + 8, 8);
	return !(lo | hi);
}
#endif

/* Is p[0..n), n >= 16, ASCII without a NUL?  Read in words, the last
 * overlapping the one before, the verdicts or'd and looked at once (false
 * when it cannot tell fast). */
static bool
ascii_words(const unsigned char *p, size_t n)
{
#if defined(__GNUC__)
	v16 b, m = {0};
	size_t i;

	for (i = 0; i + 16 < n; i += 16) {
		memcpy(&b, p + i, 16);
		m |= (v16)(b <= 0);
	}
	memcpy(&b, p + n - 16, 16);
	m |= (v16)(b <= 0);
	return v16_none(m);
#else
	return false;
#endif
}

bool
text_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;

	if (n >= 16 && ascii_words(p, n))
		return true;	/* most lines */
	while (p < end) {
		/* Eight ASCII bytes at a time: no high bit and no zero byte. */
		if (end - p >= 8) {
			const uint64_t ones = 0x0101010101010101u;
			uint64_t w;

			memcpy(&w, p, 8);
			if (!(((w - ones) | w) & (ones << 7))) {
				p += 8;
				continue;
			}
		}
		if (*p >= 0x80) {
			k = utf8proc_iterate(p, end - p, &cp);
			if (k < 0)
				return false;
			p += k;
		} else if (*p == 0) {
			return false;
		} else {
			p++;
		}
	}
	return true;
}

size_t
text_decode(const char *s, size_t n, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;

	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &c);
	if (k < 0) {
		*cp = REPLACEMENT_CHAR;
		return 1;
	}
	*cp = c;
	return (size_t)k;
}

void
text_encode(struct buf *out, int32_t cp)
{
	utf8proc_uint8_t tmp[4];
	utf8proc_ssize_t k = utf8proc_encode_char(cp, tmp);

	buf_add(out, (const char *)tmp, (size_t)k);
}

size_t
text_repair(struct buf *out, const char *s, size_t n)
{
	size_t i = 0, run = 0, bad = 0;
	int32_t cp;
	size_t k;

	buf_grow(out, n);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c != 0 && c < 0x80) {
			i++;
			continue;
		}
		k = 1;
		if (c != 0) {
			k = text_decode(s + i, n - i, &cp);
			/* A U+FFFD that the input holds is kept, not counted. */
			if (!(cp == REPLACEMENT_CHAR && k == 1)) {
				i += k;
				continue;
			}
		}
		buf_add(out, s + run, i - run);
		text_encode(out, REPLACEMENT_CHAR);
		bad++;
		i += k;
		run = i;
	}
	buf_add(out, s + run, n - run);
	return bad;
}

bool
text_is_space(int32_t cp)
{
	if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
		return true;
	if (cp < 0x80)
		return false;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS ||
	       cp == 0x200B || cp == 0xFEFF || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0x85;
}

bool
text_is_dash(int32_t cp)
{
	if (cp == '-')
		return true;
	if (cp < 0x80)
		return false;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_PD ||
	       cp == 0x2212 /* minus */ || cp == 0xFE63 || cp == 0xFF0D;
}

bool
text_is_bullet(int32_t cp)
{
	switch (cp) {
	case 0x2022: case 0x00B7: case 0x25E6: case 0x25AA: case 0x25AB:
	case 0x2023: case 0x2043: case 0x25CF: case 0x25A0: case 0x25A1:
	case 0x25CB: case 0x2219: case 0x27A2: case 0x2794: case 0x2192:
	case 0x2713: case 0x2714: case 0xF0B7: case 0xF0A7: case 0xF0D8:
		return true;	/* U+F0xx: Symbol-font bullets from Word */
	}
	return false;
}

bool
text_is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return true;
	default:
		return false;
	}
}

bool
text_is_digit(int32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

bool
text_is_invisible(int32_t cp)
{
	return cp >= 0x80 && (utf8proc_category(cp) == UTF8PROC_CATEGORY_CF ||
			      cp == 0x034F);
}

bool
text_is_superscript_digit(int32_t cp)
{
	return cp == 0xB9 || cp == 0xB2 || cp == 0xB3 ||
	       (cp >= 0x2070 && cp <= 0x2079 && cp != 0x2071 && cp != 0x2072 &&
		cp != 0x2073);
}

#if defined(__GNUC__)
/* Which of p[0..16) are below ' ' or above '~' (negative: high bytes), or
 * a space with a space after it (p[16] is read for the last). */
static v16
unsqueezed16(const unsigned char *p)
{
	v16 b, next;

	memcpy(&b, p, 16);
	memcpy(&next, p + 1, 16);
	return (v16)((b < ' ') | (b == 0x7F) | ((b == ' ') & (next == ' ')));
}
#endif

/* Is s already squeezed printable ASCII: single spaces between words,
 * none at the ends?  Most lines of a report are, and go in with one copy.
 * Sixteen bytes a turn, the verdicts or'd and looked at once (eight
 * without the compiler's vectors); anything else (a control byte, a byte
 * of a multibyte character, two spaces) sends the line the careful way. */
static bool
ascii_squeezed(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = ones << 7;
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	uint64_t w, x, sp;

	if (n == 0 || p[0] == ' ' || p[n - 1] == ' ')
		return n == 0;
#if defined(__GNUC__)
	if (n >= 17) {
		v16 m = {0};

		for (; i + 17 < n; i += 16)
			m |= unsqueezed16(p + i);
		m |= unsqueezed16(p + n - 17);	/* overlapping the one before */
		return v16_none(m) && p[n - 1] > ' ' && p[n - 1] < 0x7F;
	}
#endif
	for (; i + 9 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		x = w ^ (ones * ' ');
		sp = (x - ones) & ~x & highs;	/* where the spaces are */
		if ((w & highs) || ((w - ones * ' ') & ~w & highs) ||
		    (sp & (sp >> 8)) || ((sp >> 56) && p[i + 8] == ' '))
			break;
	}
	for (; i < n; i++)
		if (p[i] < ' ' || p[i] >= 0x7F ||
		    (p[i] == ' ' && i + 1 < n && p[i + 1] == ' '))
			return false;
	return true;
}

void
text_squeeze_space(struct buf *out, const char *s, size_t n)
{
	size_t i = 0, k, run, mark = out->len;
	bool pending = false;
	int32_t cp;

	if (ascii_squeezed(s, n)) {
		buf_add(out, s, n);
		return;
	}
	buf_grow(out, n);
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];

		if (ch > ' ' && ch < 0x80) {	/* a run of ASCII at once */
			for (run = i + 1; run < n && (unsigned char)s[run] > ' ' &&
			     (unsigned char)s[run] < 0x80; run++)
				;
			if (pending)
				buf_addc(out, ' ');
			pending = false;
			buf_add(out, s + i, run - i);
			i = run;
			continue;
		}
		k = ch < 0x80 ? 1 : text_decode(s + i, n - i, &cp);
		if (ch < 0x80 || text_is_space(cp))
			pending = out->len > mark;	/* ASCII here: space, control */
		else if (!text_is_invisible(cp)) {
			if (pending)
				buf_addc(out, ' ');
			pending = false;
			buf_add(out, s + i, k);
		}
		i += k;
	}
}

void
text_fold(struct buf *out, const char *s, size_t n)
{
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t k;

	k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
			 &folded,
			 UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
			 UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
			 UTF8PROC_IGNORE);
	if (k < 0) {	/* invalid input: keep it, unfolded */
		buf_add(out, s, n);
		return;
	}
	buf_add(out, (const char *)folded, (size_t)k);
	free(folded);
}
