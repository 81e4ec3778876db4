#include "lines.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"

enum { BLOCK = 1 << 16, SNIFF_BYTES = 4096 };

/* A file opened while standard input is closed gets descriptor 0, and a
 * later "-" would read that file (at its end: "empty input") instead of
 * failing: move it up, so that fd 0 stays closed and "-" fails with
 * EBADF. */
static bool
keep_off_stdin(struct lines *lr)
{
	enum { FIRST_FREE = STDERR_FILENO + 1 };
	int fd = fcntl(lr->fd, F_DUPFD_CLOEXEC, FIRST_FREE), saved;

	if (fd < 0) {
		saved = errno;
		close(lr->fd);
		errno = saved;
		return false;
	}
	close(lr->fd);
	lr->fd = fd;
	return true;
}

int
lines_open(struct lines *lr, const char *path)
{
	memset(lr, 0, sizeof *lr);
	if (!path || strcmp(path, "-") == 0) {
		lr->fd = STDIN_FILENO;
		lr->name = "stdin";
	} else {
		lr->fd = open(path, O_RDONLY);
		lr->name = path;
		if (lr->fd < 0)
			return -1;
		if (lr->fd == STDIN_FILENO && !keep_off_stdin(lr))
			return -1;
	}
	lr->cap = BLOCK;
	lr->buf = xmalloc(lr->cap + 1);
	return 0;
}

void
lines_close(struct lines *lr)
{
	if (lr->fd > STDIN_FILENO)
		close(lr->fd);
	free(lr->buf);
	lr->buf = NULL;
}

/* Read one more block; keep the unread bytes.  Returns bytes read. */
static ssize_t
fill(struct lines *lr)
{
	ssize_t n;

	if (lr->start > 0) {
		memmove(lr->buf, lr->buf + lr->start, lr->end - lr->start);
		lr->end -= lr->start;
		lr->start = 0;
	}
	if (lr->cap - lr->end < BLOCK / 2) {
		lr->cap = lr->cap / 2 * 3 + BLOCK;
		lr->buf = xrealloc(lr->buf, lr->cap + 1);
	}
	do
		n = read(lr->fd, lr->buf + lr->end, lr->cap - lr->end);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		lr->error = errno;
		lr->eof = true;
		return -1;
	}
	if (n == 0)
		lr->eof = true;
	lr->end += (size_t)n;
	return n;
}

static void
skip_bom(struct lines *lr)
{
	while (!lr->eof && lr->end - lr->start < 3)
		fill(lr);
	if (lr->end - lr->start >= 3 &&
	    memcmp(lr->buf + lr->start, "\xEF\xBB\xBF", 3) == 0)
		lr->start += 3;
	lr->started = true;
}

ssize_t
lines_next(struct lines *lr, char **line)
{
	size_t scanned = 0;
	char *nl, *p;
	size_t len;

	if (!lr->started)
		skip_bom(lr);
	for (;;) {
		p = lr->buf + lr->start;
		nl = memchr(p + scanned, '\n', lr->end - lr->start - scanned);
		if (nl)
			break;
		scanned = lr->end - lr->start;
		if (lr->eof || fill(lr) <= 0) {
			if (lr->end == lr->start)
				return -1;
			p = lr->buf + lr->start;	/* last line, no "\n" */
			nl = p + (lr->end - lr->start);
			break;
		}
	}
	len = (size_t)(nl - p);
	lr->start += len + (nl < lr->buf + lr->end);
	if (len > 0 && p[len - 1] == '\r')
		len--;
	p[len] = '\0';
	lr->lineno++;
	*line = p;
	return (ssize_t)len;
}

/* Bytes that never occur in text, as file(1) and grep judge it: C0
 * controls other than tab, newline, vertical tab, form feed, carriage
 * return and escape. */
static bool
binary_byte(unsigned char c)
{
	return c < 0x20 && !(c >= '\t' && c <= '\r') && c != 0x1b;
}

enum sniff
lines_sniff(struct lines *lr)
{
	size_t n, odd = 0, i;
	const unsigned char *p;

	if (!lr->started)
		skip_bom(lr);
	while (!lr->eof && lr->end - lr->start < SNIFF_BYTES)
		fill(lr);
	n = lr->end - lr->start;
	p = (const unsigned char *)lr->buf + lr->start;
	if (n == 0)
		return SNIFF_EMPTY;
	if (n >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return SNIFF_PDF;
	if (n >= 4 && memcmp(p, "PK\3\4", 4) == 0)
		return SNIFF_ZIP;
	if (n > SNIFF_BYTES)
		n = SNIFF_BYTES;
	for (i = 0; i < n; i++)
		odd += binary_byte(p[i]);
	/* A stray NUL in a report is repaired; a block that is one part in
	 * twenty control bytes is not a report. */
	return odd * 20 > n ? SNIFF_BINARY : SNIFF_TEXT;
}

const char *
lines_sniff_message(enum sniff s)
{
	switch (s) {
	case SNIFF_PDF:
		return "a PDF file, not text: convert it first (pdftotext -layout FILE -)";
	case SNIFF_ZIP:
		return "a ZIP or DOCX file, not text: convert it first (pandoc -t markdown FILE)";
	case SNIFF_BINARY:
		return "binary data, not text";
	case SNIFF_EMPTY:
		return "empty input";
	default:
		return "text";
	}
}
