/* data.h: where a tool finds the tables it ships (data/aliases.tsv,
 * data/concepts.tsv).
 *
 * In this order, the first that holds the file:
 *   1. a directory the user named (an option such as --aliases-dir): the
 *      file must be there;
 *   2. $REPORTS_DATA, when set: the file must be there;
 *   3. the install directory the tool was built for (its DATADIR, compiled
 *      into the tool, which the build redoes when PREFIX changes; `make
 *      install` copies the data files there);
 *   4. beside the program, as a checkout holds it: ../data from bin/ (and
 *      from a sanitizer build's build/asan/bin/, further up);
 *   5. beside the program, as an install holds it: ../share/reports-toolkit
 *      from PREFIX/bin, so that an installed tree that was moved works.
 * A shipped table that is not found changes what the tools write (keys,
 * links), so not finding it is an error for the caller to report, never a
 * silent default. */
#ifndef DATA_H
#define DATA_H

/* The path of the shipped file name (malloc'd), or NULL.  dir is the
 * user's directory, or NULL; datadir the install directory.  Where it was
 * asked for and is not there, *asked is set to the path tried (malloc'd)
 * for the message. */
char *data_find(const char *name, const char *dir, const char *datadir,
		char **asked);

/* The places data_find looks, for a message: "A, B, C". (malloc'd) */
char *data_places(const char *name, const char *datadir);

#endif
