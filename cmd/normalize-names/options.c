/* options.c: the command line. */

static const char usage[] =
"usage: normalize-names [OPTIONS] [FILE...]\n"
"Copy a TSV (or CSV) table, adding a FIELD_key column after each name\n"
"field: a stable key that is the same for differently written names.\n"
"\n"
"  -f, --fields LIST    comma-separated fields to key (default: those of\n"
"                       " DEFAULT_FIELDS " present)\n"
"  -a, --aliases FILE   extra alias table (variant TAB canonical [TAB field]);\n"
"                       repeatable, later tables win\n"
"  -A, --aliases-dir D  directory of the shipped " ALIAS_FILE " (else\n"
"                       $REPORTS_DATA, the install directory, ../data\n"
"                       beside the program)\n"
"      --no-aliases     do not load the shipped alias table\n"
"      --no-qualify     measure_key without \"target\" (kind column) and\n"
"                       \"percent\" (unit column) added\n"
"  -s, --suggest        print candidate alias rows (variant, canonical,\n"
"                       count, distance) for close keys instead\n"
"  -c, --csv            write CSV instead of TSV\n"
"      --strict         invalid UTF-8 is an error, not repaired\n"
"      --help, --version\n"
"\n"
"Exit status: 0 ok, 1 bad data (rows with the wrong number of fields are\n"
"padded or cut, with a warning), 2 bad usage.\n";

enum { OPT_STRICT = OPT_TOOL_BASE, OPT_NO_ALIASES, OPT_NO_QUALIFY };

static const struct option long_options[] = {
	{"fields", required_argument, NULL, 'f'},
	{"aliases", required_argument, NULL, 'a'},
	{"aliases-dir", required_argument, NULL, 'A'},
	{"no-aliases", no_argument, NULL, OPT_NO_ALIASES},
	{"no-qualify", no_argument, NULL, OPT_NO_QUALIFY},
	{"suggest", no_argument, NULL, 's'},
	{"csv", no_argument, NULL, 'c'},
	{"strict", no_argument, NULL, OPT_STRICT},
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

	while ((ch = getopt_long(argc, argv, "f:a:A:sc", long_options, NULL)) != -1) {
		switch (ch) {
		case 'f': c->fields = optarg; r->chosen = true; break;
		case 'a': extra[(*nextra)++] = optarg; break;
		case 'A': c->aliases_dir = optarg; break;
		case 's': c->suggest = true; break;
		case 'c': c->csv = true; break;
		case OPT_STRICT: c->strict = true; break;
		case OPT_NO_ALIASES: c->no_aliases = true; break;
		case OPT_NO_QUALIFY: c->no_qualify = true; break;
		case OPT_HELP: free(extra); cli_help(usage);
		case OPT_VERSION: free(extra); cli_version();
		default: free(extra); die_usage("unknown option");
		}
	}
	if (r->chosen && strspn(c->fields, ", ") == strlen(c->fields)) {
		free(extra);
		die_usage("-f needs at least one field name");
	}
	return extra;
}
