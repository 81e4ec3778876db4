/* options.c: the command line (lib/cli.h's convention, and the tool's
 * own options). */

static const char usage[] =
"usage: diff-quarters [OPTIONS] OLD NEW\n"
"       diff-quarters --wide [OPTIONS] FILE...\n"
"Link the figures of quarterly reports (normalize-names output of\n"
"extract-metrics) by evidence: words of the measure and around the\n"
"number, sentence, outline, position, value, restatements, the concept\n"
"table; one-to-one; each link scored (bits) and banded linked or review.\n"
"Columns: measure area unit old_period old_value new_period new_value\n"
"delta delta_pct status check old_line new_line band score\n"
"  -w, --wide            many quarters: one row per series, a column per\n"
"                        period, then each period's line and link score\n"
"  -o, --only LIST       rows whose status is in LIST: changed, up, down,\n"
"                        same, new, gone, ambiguous, mismatch\n"
"  -m, --min-change PCT  hide linked figures that moved less than PCT %\n"
"      --review FILE     the doubtful candidates, ranked, with evidence\n"
"      --links FILE      a person's decisions (columns old, new, decision:\n"
"                        yes or no), applied first; repeatable\n"
"      --concepts FILE   more concept rows (variant TAB concept); repeatable\n"
"      --data-dir DIR    where the shipped concepts.tsv is\n"
"      --no-concepts     without the shipped concept table\n"
"  -c, --csv / --no-bom / -x, --xlsx FILE / --strict   as every tool\n"
"  -h, --help; -V, --version\n"
"Exit: 0 ok, 1 bad or unreadable data, 2 bad usage.\n";

enum {
	OPT_REVIEW = OPT_TOOL_BASE, OPT_LINKS, OPT_CONCEPTS, OPT_DATA_DIR,
	OPT_NO_CONCEPTS
};

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

/* Append a repeatable option's argument. */
static void
push_arg(char ***v, size_t *n, char *arg)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = arg;
}

/* The options into opt; returns the index of the first input. */
static int
parse_options(int argc, char **argv, struct opts *opt)
{
	static const struct option longopts[] = {
		{"wide", no_argument, NULL, 'w'},
		{"only", required_argument, NULL, 'o'},
		{"min-change", required_argument, NULL, 'm'},
		{"review", required_argument, NULL, OPT_REVIEW},
		{"links", required_argument, NULL, OPT_LINKS},
		{"concepts", required_argument, NULL, OPT_CONCEPTS},
		{"data-dir", required_argument, NULL, OPT_DATA_DIR},
		{"no-concepts", no_argument, NULL, OPT_NO_CONCEPTS},
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
		case OPT_REVIEW: opt->review = optarg; break;
		case OPT_LINKS: push_arg(&opt->links, &opt->nlinks, optarg); break;
		case OPT_CONCEPTS:
			push_arg(&opt->concepts, &opt->nconcepts, optarg);
			break;
		case OPT_DATA_DIR: opt->data_dir = optarg; break;
		case OPT_NO_CONCEPTS: opt->no_concepts = true; break;
		default: die_usage("unknown option");
		}
	}
	return optind;
}
