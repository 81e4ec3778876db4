#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

#include "err.h"

#ifndef VERSION
#define VERSION "0.0.0"
#endif

void
cli_help(const char *text)
{
	fputs(text, stdout);
	exit(fflush(stdout) == 0 ? EXIT_OK : EXIT_DATA);
}

void
cli_version(void)
{
	printf("%s %s\n", err_prog(), VERSION);
	exit(fflush(stdout) == 0 ? EXIT_OK : EXIT_DATA);
}
