/*
 * diff-quarters: what went up, down, appeared or disappeared between
 * quarterly reports, and whether each report's own comparisons add up.
 *
 * Input: normalize-names output of extract-metrics, TSV or CSV.  A figure
 * is linked to the other quarter's figure by record linkage (the
 * Fellegi-Sunter model, as Splink fits it): candidates of one unit and
 * kind, each pair compared on several kinds of evidence (the measure's
 * words and those around its number, its sentence and paragraph, its
 * outline, its place in the report, how far the value moved, a
 * restatement of the earlier figure, the concept table), the weights of
 * the evidence estimated from the pairs by EM, then a one-to-one
 * assignment.  Every link has a score and a band (linked, review); ties
 * are ambiguous, never first-wins.  A person's decisions (--links) come
 * first; --review lists the doubtful candidates for one.
 *
 * Memory: of two inputs the smaller (by size; standard input counts as
 * the larger) is held, one record per figure with its bags of words.  The
 * larger is streamed: its figures of a unit and kind the smaller has are
 * held until the end, to be linked; of the others, the first LOOSE_MAX
 * are held too, so that rows come out in NEW's order, and the rest are
 * written at once.  --wide holds every figure of every input.
 */
#include "internal.h"

/* The story, in the order main() tells it. */
#include "options.c"	/* the command line */
#include "map.c"	/* lists of figures, figures grouped by a key */
#include "keys.c"	/* keys and context: the block, the kind of period */
#include "words.c"	/* words: folding, word lists, stems, the vocabulary */
#include "concepts.c"	/* the concept table: phrases that are one concept */
#include "evidence.c"	/* a figure's bags of words, a paragraph at a time */
#include "read.c"	/* reading inputs: figures, numbers, rounding */
#include "audit.c"	/* the audit: do the reports' comparisons add up? */
#include "compare.c"	/* a candidate pair, feature by feature */
#include "model.c"	/* the Fellegi-Sunter model, fitted by EM */
#include "assign.c"	/* one-to-one: a maximum-weight matching */
#include "layout.c"	/* did a report's layout change: outline, position */
#include "link.c"	/* record linkage: blocks, scores, assignment, bands */
#include "review.c"	/* --review and the links file */
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
		[W_LINKS] = {0, "decisions that are neither yes nor no"},
	};
	struct vocab vocab;
	struct lex *words, *names;
	int first, status, k;
	bool missing = false;

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
	names = lex_open(&names_lex);
	opt.words = words;
	opt.warns = warns;
	vocab_init(&vocab, names, words);
	opt.vocab = &vocab;
	status = concepts_open(&vocab, &opt, &missing);
	if (links_load(&opt) != EXIT_OK)
		status = EXIT_DATA;
	if (!missing) {		/* links without the shipped table would differ */
		int s = opt.wide ? run_wide(&opt, argv, argc)
				 : run_pair(&opt, argv[0], argv[1]);

		if (s != EXIT_OK)
			status = s;
	}
	for (k = 0; k < NWARN; k++)
		warn_cap_end(&warns[k]);
	phrases_free(vocab.concepts);
	vocab_free(&vocab);
	links_free(&opt);
	free(opt.links);
	free(opt.concepts);
	lex_close(names);
	lex_close(words);
	return status;
}
