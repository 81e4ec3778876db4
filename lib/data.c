#include "data.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"

/* How far up from the program a checkout's data/ may be: bin/ (1),
 * build/asan/bin/ (3). */
enum { CHECKOUT_LEVELS = 3 };

/* dir/name if it can be read (malloc'd), else NULL. */
static char *
readable(const char *dir, const char *name)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s/%s", dir, name);
	if (access(b.p, R_OK) == 0)
		return b.p;
	buf_free(&b);
	return NULL;
}

/* The directory of the running program, or "" (/proc absent). */
static void
program_dir(char *dir, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", dir, size - 1);
	char *slash;

	dir[n > 0 ? n : 0] = '\0';
	if ((slash = strrchr(dir, '/')) != NULL)
		*slash = '\0';
	else
		dir[0] = '\0';
}

/* From the program's directory up: ../data of a checkout, then
 * ../share/reports-toolkit of an install (tried at the first level). */
static char *
beside_program(const char *name, struct buf *tried)
{
	char dir[PATH_MAX], *slash, *path = NULL;
	int up;

	program_dir(dir, sizeof dir);
	if (!dir[0])
		return NULL;
	for (up = 0; up < CHECKOUT_LEVELS && !path; up++) {
		buf_reset(tried);
		buf_addf(tried, "%s/../data", dir);
		path = readable(tried->p, name);
		if (!path && up == 0) {
			buf_reset(tried);
			buf_addf(tried, "%s/../share/reports-toolkit", dir);
			path = readable(tried->p, name);
		}
		if ((slash = strrchr(dir, '/')) == NULL)
			break;
		*slash = '\0';
	}
	return path;
}

char *
data_find(const char *name, const char *dir, const char *datadir,
	  char **asked)
{
	const char *env = getenv("REPORTS_DATA");
	struct buf tried = BUF_INIT;
	char *path;

	*asked = NULL;
	if ((dir && *dir) || (env && *env)) {	/* asked for: must be there */
		if ((path = readable(dir && *dir ? dir : env, name)) == NULL) {
			buf_addf(&tried, "%s/%s", dir && *dir ? dir : env, name);
			*asked = tried.p;
		}
		return path;
	}
	if ((path = readable(datadir, name)) != NULL)
		return path;
	path = beside_program(name, &tried);
	buf_free(&tried);
	return path;
}

char *
data_places(const char *name, const char *datadir)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "$REPORTS_DATA, %s/%s, ../data/%s and"
		 " ../share/reports-toolkit/%s beside the program", datadir,
		 name, name, name);
	return b.p;
}
