/* cli.h: what every tool's command line shares: --help, --version, the
 * list of inputs ("-" or none: standard input). */
#ifndef CLI_H
#define CLI_H

/* Long-only option codes for getopt_long, clear of any short option. */
enum { OPT_HELP = 0x100, OPT_VERSION, OPT_TOOL_BASE };

#define CLI_STD_OPTIONS \
	{"help", no_argument, NULL, OPT_HELP}, \
	{"version", no_argument, NULL, OPT_VERSION}

/* Print help (stdout) and exit 0. */
_Noreturn void cli_help(const char *text);
/* Print "tool VERSION" and exit 0. */
_Noreturn void cli_version(void);

#endif
