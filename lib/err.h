/* err.h: exit statuses, diagnostics and allocation that cannot fail.
 *
 * Every message goes to stderr as "tool: file:line: message" (or
 * "tool: file: message", "tool: message" where no place applies), so that
 * editors and grep can jump to the spot.  The tool name is set once, from
 * main, by err_init(); it is the only process-wide state in lib/. */
#ifndef ERR_H
#define ERR_H

#include <stddef.h>

enum {
	EXIT_OK = 0,     /* all input read, all output written */
	EXIT_DATA = 1,   /* bad or unreadable data, or output could not be written */
	EXIT_USAGE = 2   /* bad options or arguments */
};

void err_init(const char *argv0);
const char *err_prog(void);

/* Warnings: print and return.  line <= 0 leaves the line out, file NULL
 * leaves the place out. */
void warn_at(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Print like warn_at and exit with status. */
_Noreturn void die_at(int status, const char *file, long line,
		      const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Bad usage: the message, then a pointer to --help; exit 2. */
_Noreturn void die_usage(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* Output's reader has closed the pipe: end quietly, as killed by SIGPIPE. */
_Noreturn void err_broken_pipe(void);

/* Allocation: on failure, "out of memory" and exit 1. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
