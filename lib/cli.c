#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "xlsx.h"

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

/* The option as the user wrote it, for a message. */
static const char *
written(char **argv, int at)
{
	return at >= 1 && argv[at] ? argv[at] : "?";
}

int
cli_getopt(int argc, char **argv, const char *shortopts,
	   const struct option *longopts, const char *usage,
	   struct cli_out *out)
{
	char opts[128];
	int ch;

	/* ":" first: a missing argument is ':', not '?', and getopt is quiet */
	snprintf(opts, sizeof opts, ":%s", shortopts);
	opterr = 0;
	for (;;) {
		int before = optind;

		ch = getopt_long(argc, argv, opts, longopts, NULL);
		switch (ch) {
		case OPT_HELP:
			cli_help(usage);
		case OPT_VERSION:
			cli_version();
		case '?':
			if (optopt && optopt < 0x100)
				die_usage("unknown option '-%c'", optopt);
			die_usage("unknown option '%s'", written(argv, optind - 1 > before ? optind - 1 : before));
		case ':':
			if (optopt && optopt < 0x100 && strchr(shortopts, optopt))
				die_usage("option '-%c' needs an argument", optopt);
			die_usage("option '%s' needs an argument", written(argv, optind - 1));
		}
		if (!out)
			return ch;
		switch (ch) {
		case CLI_CSV: out->csv = true; break;
		case CLI_NO_BOM: out->no_bom = true; break;
		case CLI_XLSX: out->xlsx = optarg; break;
		case CLI_STRICT: out->strict = true; break;
		default: return ch;
		}
	}
}

int
cli_out_open(struct out *o, const struct cli_out *opt, const char *sheet)
{
	struct xlsx *x;

	if (!opt->xlsx) {
		out_init(o, stdout, opt->csv);
		o->bom = opt->csv && !opt->no_bom;
		return EXIT_OK;
	}
	if (!(x = xlsx_open(opt->xlsx, sheet)))
		return EXIT_DATA;
	out_init_xlsx(o, x);
	return EXIT_OK;
}
