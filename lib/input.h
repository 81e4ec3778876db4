/* input.h: opening an input the same way in every tool.
 *
 * One policy for bad input, documented in README ("Bad input"):
 *   - a file that cannot be opened or read: "tool: FILE: reason", exit 1;
 *   - a PDF, a DOCX/ZIP or other binary data: refused with a hint, exit 1;
 *   - an empty input: "tool: FILE: empty input" warning; the tool still
 *     writes its header, exit 0;
 *   - invalid UTF-8 and NUL bytes: each replaced by U+FFFD, with one
 *     warning per line ("FILE:LINE: invalid UTF-8 replaced by U+FFFD");
 *     with strict set, the first such line is an error, exit 1;
 *   - BOM and CRLF: dropped silently (lines.h). */
#ifndef INPUT_H
#define INPUT_H

#include <stdbool.h>
#include <sys/types.h>

#include "buf.h"
#include "lines.h"

struct input {
	struct lines lr;
	const char *name;	/* path as given, or "stdin" */
	bool strict;
	bool failed;		/* strict mode met bad bytes, or a read failed */
	struct buf fixed;	/* the repaired copy of a bad line */
};

/* Open path ("-" or NULL for stdin) and check that it is text.  Returns
 * EXIT_OK, or EXIT_DATA after printing why not.  *empty is set when there
 * is nothing to read (already warned). */
int input_open(struct input *in, const char *path, bool strict, bool *empty);

/* Next line as valid UTF-8 without NUL bytes; -1 at the end, or at a read
 * error or a strict-mode bad line (then in->failed is set and the message
 * printed).  The line stays valid until the next call. */
ssize_t input_line(struct input *in, char **line);

/* Number of the line last returned. */
static inline long input_lineno(const struct input *in) { return in->lr.lineno; }

void input_close(struct input *in);

#endif
