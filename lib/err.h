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

/* Warnings of one kind that may repeat on every row of a large input
 * (a row with the wrong number of fields, a bad number): the first
 * WARN_CAP are printed, the rest counted, and warn_cap_end prints one
 * "... and K more" line for them.  The caller owns the counter (zeroed),
 * one per kind; what names the kind in the closing line. */
enum { WARN_CAP = 10 };
struct warn_count {
	unsigned long n;
	const char *what;	/* "rows with the wrong number of fields" */
};
void warn_capped(struct warn_count *c, const char *file, long line,
		 const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void warn_cap_end(struct warn_count *c);

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
