#include "input.h"

#include <errno.h>
#include <string.h>

#include "err.h"
#include "text.h"

int
input_open(struct input *in, const char *path, bool strict, bool *empty)
{
	enum sniff s;

	memset(in, 0, sizeof *in);
	in->strict = strict;
	*empty = false;
	if (lines_open(&in->lr, path) < 0) {
		warn_at(path, 0, "%s", strerror(errno));
		return EXIT_DATA;
	}
	in->name = in->lr.name;
	s = lines_sniff(&in->lr);
	if (in->lr.error) {
		warn_at(in->name, 0, "%s", strerror(in->lr.error));
		return EXIT_DATA;
	}
	if (s == SNIFF_EMPTY) {
		warn_at(in->name, 0, "empty input");
		*empty = true;
		return EXIT_OK;
	}
	if (s != SNIFF_TEXT) {
		warn_at(in->name, 0, "%s", lines_sniff_message(s));
		return EXIT_DATA;
	}
	return EXIT_OK;
}

ssize_t
input_line(struct input *in, char **line)
{
	ssize_t n = lines_next(&in->lr, line);
	size_t bad;

	if (n < 0) {
		if (in->lr.error) {
			warn_at(in->name, 0, "read error: %s", strerror(in->lr.error));
			in->failed = true;
		}
		return -1;
	}
	if (text_valid(*line, (size_t)n))
		return n;
	if (in->strict) {
		warn_at(in->name, in->lr.lineno,
			"invalid UTF-8 or NUL byte (--strict)");
		in->failed = true;
		return -1;
	}
	buf_reset(&in->fixed);
	bad = text_repair(&in->fixed, *line, (size_t)n);
	warn_at(in->name, in->lr.lineno,
		"invalid UTF-8 or NUL byte replaced by U+FFFD (%zu)", bad);
	*line = in->fixed.p;
	return (ssize_t)in->fixed.len;
}

void
input_close(struct input *in)
{
	lines_close(&in->lr);
	buf_free(&in->fixed);
}
