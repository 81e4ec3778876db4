/* num.h: numbers as the tools write and read them.
 *
 * Written: plain decimal, no thousands separators, no exponent, no
 * trailing zeros ("5700000", "22.5", "-0.18"), so that spreadsheets and
 * awk read them alike.  Read: the same, plus "1,234" separators, a leading
 * "+", and surrounding blanks. */
#ifndef NUM_H
#define NUM_H

#include <stdbool.h>
#include <stddef.h>

/* Parse s[0..n) as a whole; false if it is empty or not a number. */
bool num_parse(const char *s, size_t n, double *out);

/* Format v into buf (size >= 32): shortest plain decimal, at most 10
 * decimals; "-0" prints as "0". */
void num_format(double v, char *buf, size_t size);

/* Format with an explicit sign ("+51", "-5599", "0"). */
void num_format_signed(double v, char *buf, size_t size);

/* Equal within rounding noise of the decimal figures reports print. */
bool num_same(double a, double b);

#endif
