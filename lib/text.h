/* text.h: UTF-8 text through utf8proc: validation and repair, character
 * classes, normalization.  No hand-written Unicode tables: categories come
 * from utf8proc; only the few bullet and quote signs that Unicode files
 * under general punctuation are named here. */
#ifndef TEXT_H
#define TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define REPLACEMENT_CHAR 0xFFFD

/* True when s[0..n) is valid UTF-8 without NUL bytes (fast on ASCII). */
bool text_valid(const char *s, size_t n);

/* Append s[0..n) to out with each invalid UTF-8 sequence and each NUL byte
 * replaced by U+FFFD.  Returns the number of replacements. */
size_t text_repair(struct buf *out, const char *s, size_t n);

/* Decode one code point at s (n > 0 bytes left); *cp gets it, or
 * U+FFFD for a bad sequence.  Returns bytes used (>= 1). */
size_t text_decode(const char *s, size_t n, int32_t *cp);

/* Append the UTF-8 encoding of cp. */
void text_encode(struct buf *out, int32_t cp);

/* Character classes. */
bool text_is_space(int32_t cp);		/* Zs, tab, NBSP, zero-width space... */
bool text_is_dash(int32_t cp);		/* Pd and minus signs */
bool text_is_bullet(int32_t cp);	/* • · ◦ ▪ ‣ ⁃ ● ■ and the like */
bool text_is_letter(int32_t cp);	/* L* */
bool text_is_digit(int32_t cp);		/* Nd */
bool text_is_invisible(int32_t cp);	/* Cf: ZWJ, RLM, soft hyphen... */
bool text_is_superscript_digit(int32_t cp); /* ¹ ² ³ ⁰ ⁴..⁹ */

/* Append s with runs of white space (any text_is_space, newline, tab,
 * other control bytes) folded to one ASCII space, the ends trimmed, and
 * invisible format characters (text_is_invisible) dropped.  Text that is
 * already so goes in with one copy. */
void text_squeeze_space(struct buf *out, const char *s, size_t n);

/* NFKC, case folded, marks stripped, default-ignorable code points
 * removed: the form in which two spellings of one name compare equal.
 * s must be valid UTF-8 (repair first); the result is appended to out. */
void text_fold(struct buf *out, const char *s, size_t n);

#endif
