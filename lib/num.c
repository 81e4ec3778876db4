#include "num.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool
num_parse(const char *s, size_t n, double *out)
{
	char tmp[64];
	size_t i = 0, j = 0, digits = 0;
	char *end;

	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	if (i < n && (s[i] == '+' || s[i] == '-')) {
		if (s[i] == '-')
			tmp[j++] = '-';
		i++;
	}
	for (; i < n && j < sizeof tmp - 1; i++) {
		char c = s[i];

		if (c == ',' && digits > 0 && i + 1 < n &&
		    isdigit((unsigned char)s[i + 1]))
			continue;	/* thousands separator */
		if (!isdigit((unsigned char)c) && c != '.')
			return false;
		digits += isdigit((unsigned char)c) != 0;
		tmp[j++] = c;
	}
	if (i < n || digits == 0)
		return false;
	tmp[j] = '\0';
	*out = strtod(tmp, &end);
	return *end == '\0' && isfinite(*out);
}

void
num_format(double v, char *buf, size_t size)
{
	size_t len;

	if (!isfinite(v)) {
		snprintf(buf, size, "%s", isnan(v) ? "nan" : v > 0 ? "inf" : "-inf");
		return;
	}
	if (fabs(v) < 5e-11)
		v = 0;
	if (v == floor(v) && fabs(v) < 1e15) {
		/* Whole numbers, most figures, without printf: it is most of
		 * the cost of writing a row. */
		char d[24];
		size_t k = sizeof d;
		long long n = (long long)fabs(v);

		d[--k] = '\0';
		do
			d[--k] = (char)('0' + n % 10);
		while ((n /= 10) > 0);
		if (v < 0)
			d[--k] = '-';
		if (sizeof d - k <= size) {
			memcpy(buf, d + k, sizeof d - k);
			return;
		}
	}
	/* %.10f then trim: plain notation, rounding noise of binary
	 * fractions (0.1 + 0.2) cut at the tenth decimal. */
	snprintf(buf, size, "%.10f", v);
	len = strlen(buf);
	if (strchr(buf, '.')) {
		while (len > 0 && buf[len - 1] == '0')
			buf[--len] = '\0';
		if (len > 0 && buf[len - 1] == '.')
			buf[--len] = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		strcpy(buf, "0");
}

void
num_format_signed(double v, char *buf, size_t size)
{
	num_format(v, buf + 1, size - 1);
	if (buf[1] == '-' || strcmp(buf + 1, "0") == 0)
		memmove(buf, buf + 1, strlen(buf + 1) + 1);
	else
		buf[0] = '+';
}

bool
num_same(double a, double b)
{
	double scale = fmax(fabs(a), fabs(b));

	return fabs(a - b) <= fmax(1e-9, 1e-9 * scale);
}
