/* options.c: the command line. */

static const char usage[] =
"usage: diff-quarters [OPTIONS] OLD NEW\n"
"       diff-quarters --wide [OPTIONS] FILE...\n"
"Compare figures of quarterly reports (normalize-names output of\n"
"extract-metrics, TSV or CSV).  Figures join on measure_key, area_key,\n"
"unit and kind; repeats of a key are told apart by priority, commitment,\n"
"heading and period, then by order; what stays uneven is 'ambiguous'.\n"
"Output columns:\n"
"  measure area unit old_period old_value new_period new_value delta\n"
"  delta_pct status check old_line new_line\n"
"status: up, down, same, new, gone, ambiguous.  check: the report's own\n"
"comparison (previous figure, change, % change) recomputed at the\n"
"report's rounding, and against OLD where NEW compares with OLD's period:\n"
"'ok', 'mismatch: why', or empty when the report states none.\n"
"\n"
"  -w, --wide             any number of quarters: one row per key, one\n"
"                         value column per period, in period order\n"
"  -o, --only LIST        rows whose status is in LIST (comma separated):\n"
"                         changed (up or down), up, down, same, new, gone,\n"
"                         ambiguous, mismatch\n"
"  -m, --min-change PCT   hide joined figures that moved less than PCT %\n"
"  -c, --csv              CSV for spreadsheets (a BOM unless --no-bom)\n"
"  -x, --xlsx FILE        an Excel workbook instead of standard output\n"
"      --strict           invalid UTF-8 in an input is an error\n"
"  -h, --help; -V, --version\n"
"Exit: 0 ok, 1 bad or unreadable data, 2 bad usage.\n";

static unsigned
parse_only(const char *list)
{
	static const struct { const char *name; unsigned bits; } names[] = {
		{"changed", ST_UP | ST_DOWN}, {"up", ST_UP}, {"down", ST_DOWN},
		{"same", ST_SAME}, {"new", ST_NEW}, {"gone", ST_GONE},
		{"ambiguous", ST_AMBIGUOUS}, {"mismatch", ST_MISMATCH},
	};
	unsigned bits = 0;
	const char *p = list;
	size_t i, n;

	for (;;) {
		n = strcspn(p, ",");
		for (i = 0; i < sizeof names / sizeof names[0]; i++)
			if (strlen(names[i].name) == n &&
			    strncmp(names[i].name, p, n) == 0)
				break;
		if (i == sizeof names / sizeof names[0])
			die_usage("--only: unknown status '%.*s'", (int)n, p);
		bits |= names[i].bits;
		if (p[n] == '\0')
			return bits;
		p += n + 1;
	}
}

/* The options into opt; returns the index of the first input. */
static int
parse_options(int argc, char **argv, struct opts *opt)
{
	static const struct option longopts[] = {
		{"wide", no_argument, NULL, 'w'},
		{"only", required_argument, NULL, 'o'},
		{"min-change", required_argument, NULL, 'm'},
		CLI_OUT_OPTIONS,
		CLI_STD_OPTIONS,
		{NULL, 0, NULL, 0}
	};
	int ch;

	while ((ch = cli_getopt(argc, argv, CLI_SHORT "wo:m:", longopts, usage,
				&opt->out)) != -1) {
		switch (ch) {
		case 'w': opt->wide = true; break;
		case 'o': opt->only |= parse_only(optarg); break;
		case 'm':
			if (!num_parse(optarg, strlen(optarg), &opt->min_change))
				die_usage("--min-change: '%s' is not a number",
					  optarg);
			opt->has_min = true;
			break;
		default: die_usage("unknown option");
		}
	}
	return optind;
}
