#include "err.h"

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text.h"

static const char *prog = "?";

void
err_init(const char *argv0)
{
	const char *slash = argv0 ? strrchr(argv0, '/') : NULL;

	prog = slash ? slash + 1 : (argv0 ? argv0 : "?");
}

const char *
err_prog(void)
{
	return prog;
}

/* Does the code point move a terminal's cursor, colour its text or
 * reorder it, rather than show a character?  C0 and C1 controls and DEL
 * (escape sequences, bell, carriage return), and the bidirectional
 * overrides and isolates ("Trojan source"). */
static bool
unshown(int32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Write s to stderr with what a terminal would act on made visible:
 * "\t", "\n", "\r", "\x1b" for control bytes, "\u202e" for the other
 * code points above, "\xff" for a byte that is not UTF-8.  Messages
 * quote input (names, values, file names), and input must not be able
 * to clear the screen, set the window title or fake a message. */
static void
put_visible(const char *s, size_t n)
{
	size_t i = 0, k;
	int32_t cp;

	while (i < n) {
		k = text_decode(s + i, n - i, &cp);
		if (cp == REPLACEMENT_CHAR && k == 1)
			fprintf(stderr, "\\x%02x", (unsigned char)s[i]);
		else if (cp == '\t' || cp == '\n' || cp == '\r')
			fprintf(stderr, "\\%c", cp == '\t' ? 't' : cp == '\n' ? 'n' : 'r');
		else if (cp < 0x80 && unshown(cp))
			fprintf(stderr, "\\x%02x", (unsigned)cp);
		else if (unshown(cp))
			fprintf(stderr, "\\u%04x", (unsigned)cp);
		else
			fwrite(s + i, 1, k, stderr);
		i += k;
	}
}

/* A message is formatted whole, then written visibly. */
static void
vmessage(const char *file, long line, const char *fmt, va_list ap)
{
	char small[512], *text = small;
	va_list again;
	int n;

	fflush(stdout);	/* keep stdout and stderr in order on a terminal */
	va_copy(again, ap);
	n = vsnprintf(small, sizeof small, fmt, ap);
	if (n >= (int)sizeof small && (text = malloc((size_t)n + 1)) != NULL)
		vsnprintf(text, (size_t)n + 1, fmt, again);
	else if (n >= (int)sizeof small)
		text = small, n = (int)sizeof small - 1;	/* no memory: cut */
	va_end(again);
	fprintf(stderr, "%s: ", prog);
	if (file) {
		put_visible(file, strlen(file));
		if (line > 0)
			fprintf(stderr, ":%ld", line);
		fputs(": ", stderr);
	}
	if (n > 0)
		put_visible(text, (size_t)n);
	fputc('\n', stderr);
	if (text != small)
		free(text);
}

void
warn_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(file, line, fmt, ap);
	va_end(ap);
}

void
warn_capped(struct warn_count *c, const char *file, long line,
	    const char *fmt, ...)
{
	va_list ap;

	if (c->n++ >= WARN_CAP)
		return;
	va_start(ap, fmt);
	vmessage(file, line, fmt, ap);
	va_end(ap);
}

void
warn_cap_end(struct warn_count *c)
{
	if (c->n > WARN_CAP)
		warn_at(NULL, 0, "... and %lu more %s", c->n - WARN_CAP,
			c->what);
	c->n = 0;
}

void
die_at(int status, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(file, line, fmt, ap);
	va_end(ap);
	exit(status);
}

void
die_usage(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(NULL, 0, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", prog);
	exit(EXIT_USAGE);
}

static void *
checked(void *p)
{
	if (!p)
		die_at(EXIT_DATA, NULL, 0, "out of memory");
	return p;
}

void *xmalloc(size_t n) { return checked(malloc(n ? n : 1)); }
void *xcalloc(size_t n, size_t size) { return checked(calloc(n ? n : 1, size ? size : 1)); }
void *xrealloc(void *p, size_t n) { return checked(realloc(p, n ? n : 1)); }
char *xstrdup(const char *s) { return checked(strdup(s)); }
char *xstrndup(const char *s, size_t n) { return checked(strndup(s, n)); }

void
err_broken_pipe(void)
{
	/* The reader has gone (`| head`): end as a pipeline's writer does,
	 * killed by SIGPIPE, with nothing on stderr, even where SIGPIPE was
	 * ignored by whoever started us. */
	signal(SIGPIPE, SIG_DFL);
	raise(SIGPIPE);
	_exit(128 + SIGPIPE);
}
