/* cli.h: what every tool's command line shares.
 *
 * One convention across the tools:
 *   -h, --help        help on stdout, exit 0
 *   -V, --version     "tool VERSION", exit 0
 *   -c, --csv         CSV for spreadsheets (tsv.h: formulas neutralised,
 *                     a byte order mark unless --no-bom)
 *       --no-bom      CSV without the byte order mark
 *   -x, --xlsx FILE   an Excel workbook instead of stdout (xlsx.h)
 *       --strict      invalid UTF-8 or NUL bytes are an error
 *   FILE... or "-"    inputs; none: standard input
 * Messages about the command line come from the tool, never from getopt,
 * as "tool: ..." followed by a pointer to --help, exit 2. */
#ifndef CLI_H
#define CLI_H

#include <getopt.h>
#include <stdbool.h>

#include "tsv.h"

/* Option codes: the shared ones, then a tool's own from OPT_TOOL_BASE. */
enum {
	OPT_HELP = 'h', OPT_VERSION = 'V',
	CLI_CSV = 'c', CLI_XLSX = 'x',
	CLI_NO_BOM = 0x100, CLI_STRICT,
	OPT_TOOL_BASE = 0x120	/* a tool's own long-only options from here */
};

/* The short letters of the shared options, for a tool's optstring. */
#define CLI_SHORT "hVcx:"

#define CLI_STD_OPTIONS \
	{"help", no_argument, NULL, OPT_HELP}, \
	{"version", no_argument, NULL, OPT_VERSION}

#define CLI_OUT_OPTIONS \
	{"csv", no_argument, NULL, CLI_CSV}, \
	{"no-bom", no_argument, NULL, CLI_NO_BOM}, \
	{"xlsx", required_argument, NULL, CLI_XLSX}, \
	{"strict", no_argument, NULL, CLI_STRICT}

/* How a tool writes its table: TSV to stdout, CSV, or a workbook. */
struct cli_out {
	bool csv, no_bom, strict;
	const char *xlsx;	/* the workbook's path, or NULL */
};

/* getopt_long with the convention's messages: returns the next option a
 * tool handles itself, -1 at the end.  -h, -V and the output options
 * (into out, which may be NULL for a tool without them) are handled here;
 * an unknown option or a missing argument is bad usage (exit 2). */
int cli_getopt(int argc, char **argv, const char *shortopts,
	       const struct option *longopts, const char *usage,
	       struct cli_out *out);

/* Open the output the options ask for; sheet names the workbook's sheet.
 * EXIT_OK, or EXIT_DATA with a message (a workbook that cannot be made). */
int cli_out_open(struct out *o, const struct cli_out *opt, const char *sheet);

/* Print help (stdout) and exit 0. */
_Noreturn void cli_help(const char *text);
/* Print "tool VERSION" and exit 0. */
_Noreturn void cli_version(void);

#endif
