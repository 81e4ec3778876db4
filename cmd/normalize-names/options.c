/* options.c: the command line (lib/cli.h's convention, and the tool's
 * own options). */

static const char usage[] =
"usage: normalize-names [OPTIONS] [FILE...]\n"
"Copy a TSV (or CSV) table, adding a FIELD_key column after each name\n"
"field: a stable key that is the same for differently written names.\n"
"\n"
"  -f, --fields LIST    comma-separated fields to key (default: those of\n"
"                       " DEFAULT_FIELDS " present)\n"
"  -a, --aliases FILE   extra alias table (variant TAB canonical [TAB field]);\n"
"                       repeatable, later tables win\n"
"  -A, --aliases-dir D  directory of the shipped " ALIAS_FILE " and\n"
"                       " CONCEPT_FILE " (else $REPORTS_DATA, the install\n"
"                       directory, ../data or ../share/reports-toolkit\n"
"                       beside the program)\n"
"      --no-aliases     without the shipped tables (else: not found, exit 1)\n"
"      --no-qualify     measure_key without \"target\" and \"percent\" added\n"
"  -s, --suggest        print candidate alias rows (variant, canonical,\n"
"                       count, distance) for close keys instead; given\n"
"                       diff-quarters links, candidate concept rows\n"
"  -c, --csv            CSV for spreadsheets (a BOM unless --no-bom)\n"
"  -x, --xlsx FILE      an Excel workbook instead of standard output\n"
"      --strict         invalid UTF-8 is an error, not repaired\n"
"  -h, --help; -V, --version\n"
"Exit status: 0 ok, 1 bad data (rows with the wrong number of fields are\n"
"padded or cut, with a warning), 2 bad usage.\n";

enum { OPT_NO_ALIASES = OPT_TOOL_BASE, OPT_NO_QUALIFY };

static const struct option long_options[] = {
	{"fields", required_argument, NULL, 'f'},
	{"aliases", required_argument, NULL, 'a'},
	{"aliases-dir", required_argument, NULL, 'A'},
	{"no-aliases", no_argument, NULL, OPT_NO_ALIASES},
	{"no-qualify", no_argument, NULL, OPT_NO_QUALIFY},
	{"suggest", no_argument, NULL, 's'},
	CLI_OUT_OPTIONS,
	CLI_STD_OPTIONS,
	{NULL, 0, NULL, 0}
};

/* Options into c; returns the alias files asked for (argv pointers). */
static char **
parse_options(struct ctx *c, struct run *r, int argc, char **argv,
	      size_t *nextra)
{
	char **extra = xcalloc((size_t)argc, sizeof *extra);
	int ch;

	while ((ch = cli_getopt(argc, argv, CLI_SHORT "f:a:A:s", long_options,
				usage, &c->out)) != -1) {
		switch (ch) {
		case 'f': c->fields = optarg; r->chosen = true; break;
		case 'a': extra[(*nextra)++] = optarg; break;
		case 'A': c->aliases_dir = optarg; break;
		case 's': c->suggest = true; break;
		case OPT_NO_ALIASES: c->no_aliases = true; break;
		case OPT_NO_QUALIFY: c->no_qualify = true; break;
		default: free(extra); die_usage("unknown option");
		}
	}
	if (r->chosen && strspn(c->fields, ", ") == strlen(c->fields)) {
		free(extra);
		die_usage("-f needs at least one field name");
	}
	return extra;
}
