/* lines.h: read text one line at a time, of any length.
 *
 * Memory is bounded by the longest line (plus one read block), not by the
 * input.  Recoveries, all documented in README ("Bad input"):
 *   - a UTF-8 byte order mark at the start is dropped;
 *   - "\r\n" and a lone "\r" before the end of a line lose the "\r";
 *   - a last line without "\n" is still a line.
 * NUL bytes and invalid UTF-8 are passed through: text.h repairs them. */
#ifndef LINES_H
#define LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct lines {
	const char *name;	/* for messages: the path, or "stdin" */
	int fd;
	char *buf;
	size_t cap, start, end;	/* unread bytes are buf[start, end) */
	long lineno;		/* number of the line last returned */
	bool eof, started;
	int error;		/* errno of a failed read, else 0 */
};

/* Open path ("-" or NULL: standard input).  Returns 0, or -1 with errno. */
int lines_open(struct lines *lr, const char *path);

/* The next line, without its terminator, NUL-terminated in place; valid
 * until the next call.  Returns its length, or -1 at end of input or on a
 * read error (then lr->error is set). */
ssize_t lines_next(struct lines *lr, char **line);

/* What the first bytes of the input look like.  Call before lines_next. */
enum sniff { SNIFF_TEXT, SNIFF_EMPTY, SNIFF_BINARY, SNIFF_PDF, SNIFF_ZIP };
enum sniff lines_sniff(struct lines *lr);

/* A one-line explanation for a non-text sniff, for error messages. */
const char *lines_sniff_message(enum sniff s);

void lines_close(struct lines *lr);

#endif
