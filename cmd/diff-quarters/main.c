/*
 * diff-quarters: what went up, down, appeared or disappeared between
 * quarterly reports, and whether each report's own comparisons add up.
 *
 * Input: normalize-names output of extract-metrics, TSV or CSV.  A figure
 * is joined to the other quarter's figure with the same key (measure_key,
 * area_key, unit, kind).  A key that occurs more than once in a report is
 * matched by context, finest first (priority, commitment, heading, kind of
 * period), then by less of it, and in order of appearance where both
 * reports hold as many; what stays uneven is reported as ambiguous, never
 * guessed.  The join is one file, join.c: the rest reads only its verdict
 * on each figure (paired, ambiguous, or free: new or gone).
 *
 * Memory: of two inputs the smaller (by size; standard input counts as the
 * larger) is held, one small record per figure, evidence dropped.  The
 * larger is streamed: its figures that share a key with the smaller are
 * held until the end, to be matched; of the others, the first LOOSE_MAX
 * are held too, so that rows come out in NEW's order, and the rest are
 * written at once.  --wide holds every figure of every input: its output
 * has a row per key anyway.
 */
#include "internal.h"

/* The story, in the order main() tells it. */
#include "options.c"	/* the command line */
#include "read.c"	/* reading inputs: figures, their numbers and rounding */
#include "keys.c"	/* keys and context: the join key, the kind of period */
#include "map.c"	/* figures grouped by key */
#include "join.c"	/* joining and ambiguity, within a group */
#include "audit.c"	/* the audit: do the reports' comparisons add up? */
#include "pair.c"	/* two quarters: OLD and NEW */
#include "wide.c"	/* --wide: any number of quarters */
#include "output.c"	/* filters, numbers, the check column */

int
main(int argc, char *argv[])
{
	struct opts opt = {0};
	struct warn_count warns[NWARN] = {
		[W_WIDTH] = {0, "rows with the wrong number of fields"},
		[W_VALUE] = {0, "values that are not numbers"},
		[W_LINE] = {0, "line numbers that are not line numbers"},
		[W_UNIT] = {0, "figures whose measure is in another unit elsewhere"},
	};
	struct lex *words;
	int first, status, k;

	err_init("diff-quarters");
	first = parse_options(argc, argv, &opt);
	argc -= first;
	argv += first;
	if (opt.wide && argc < 1)
		die_usage("--wide needs at least one input");
	if (!opt.wide && argc != 2)
		die_usage("need two inputs, OLD and NEW (or --wide FILE...)");
	if (!opt.wide && strcmp(argv[0], "-") == 0 && strcmp(argv[1], "-") == 0)
		die_usage("only one input can be standard input");
	words = lex_open(&quarters_lex);
	opt.words = words;
	opt.warns = warns;
	status = opt.wide ? run_wide(&opt, argv, argc)
			  : run_pair(&opt, argv[0], argv[1]);
	for (k = 0; k < NWARN; k++)
		warn_cap_end(&warns[k]);
	lex_close(words);
	return status;
}
