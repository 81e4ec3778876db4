/* extract-metrics: every figure in a report, with what it measures, its
 * unit, period and comparison.
 *
 * Input is split-sections output (known by its header) or plain text, one
 * block a line (blocks.c).  A block of text is cut into sentences
 * (sentences.c), and each sentence goes through the stages in order:
 *
 *   1. tokens and the number grammar (tokens.c, numbers.c, figures.c):
 *      digits, number words, magnitudes, currency, percent and points,
 *      durations, mass, rates, ranges and qualifiers make a figure;
 *   2. the non-figure filter (filter.c): dates, years, quarters, times,
 *      page and version numbers, footnotes, legislation, names and codes,
 *      phone channels, ordinals, staff numbers are dropped;
 *   3. periods and roles (periods.c, roles.c): the period phrases of the
 *      sentence are found first, since an earlier period makes a figure
 *      in parentheses a prev ("on the same quarter last year (1,274)");
 *      then each figure is a value, a target, an earlier figure, a change
 *      or a relative change;
 *   4. rows (rows.c): comparison figures fold into the row of the figure
 *      they compare, and each row is placed in its period;
 *   5. measure (measure.c): the noun phrase the figure counts, in the
 *      report's words (chunks.c, clauses.c, lists.c; shapes.c, whose
 *      words a figure takes: a change's level, a part's whole), with what the words
 *      around it say (context.c: a goal of the measure before, a label
 *      before a colon, the topic of the section the block stands under);
 *      then the row is written (output.c).
 *
 * Data-table rows (cells joined by TAB) take measure, period and unit from
 * the table's caption, row label and column headers instead (tables.c).
 *
 * The words every stage knows are data: data/lexicon/metrics.tsv, read
 * through lexicon.c.  With --explain, every rule says what it did, on
 * standard error (explain.c).  The grammar's cases are data too:
 * tests/corpus/extract-metrics.txt.
 *
 * This file is the one translation unit: it includes the shared structs
 * (internal.h), then the file of each concern in the order of the story,
 * each built on the ones before it, and ends with main(); reading from
 * main upwards tells the story top-down.  Nothing is global but constant
 * tables: the state of a run is one struct ctx passed down. */
#include <ctype.h>
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "cli.h"
#include "err.h"
#include "input.h"
#include "lex.h"
#include "num.h"
#include "period.h"
#include "span.h"
#include "text.h"
#include "tsv.h"

#include "internal.h"

#include "lexicon.c"
#include "tokens.c"
#include "explain.c"
#include "chunks.c"
#include "numbers.c"
#include "filter.c"
#include "figures.c"
#include "periods.c"
#include "roles.c"
#include "rows.c"
#include "clauses.c"
#include "lists.c"
#include "context.c"
#include "shapes.c"
#include "measure.c"
#include "output.c"
#include "sentences.c"
#include "cells.c"
#include "tables.c"
#include "records.c"
#include "blocks.c"

static const char usage[] =
"usage: extract-metrics [-c | -x FILE] [--no-bom] [--strict] [--explain]\n"
"                       [FILE...]\n"
"\n"
"Find the figures in a report and write one row per observation:\n"
"  doc period priority area measure value value_max unit approx when kind\n"
"  prev_value prev_when change change_pct line evidence\n"
"\n"
"Input is split-sections output, TSV or CSV (recognized by its header),\n"
"or plain text, each line a block; tab-separated lines are data-table\n"
"rows.  FILE \"-\" or none reads standard input.\n"
"\n"
"  -c, --csv        write CSV for spreadsheets (formulas neutralised, with\n"
"                   a UTF-8 byte order mark)\n"
"      --no-bom     CSV without the byte order mark\n"
"  -x, --xlsx FILE  write an Excel workbook to FILE instead of stdout\n"
"      --strict     fail on invalid UTF-8 or NUL bytes instead of repairing\n"
"      --explain    tell on standard error what each rule did, sentence by\n"
"                   sentence: tokens and their classes, numbers kept or\n"
"                   dropped and why, roles, rows, periods and measures\n"
"  -h, --help       show this help\n"
"  -V, --version    show the version\n"
"\n"
"Units: count percent pp GBP (or another currency's code) kg seconds\n"
"minutes hours days weeks months years and rates such as count/day.\n"
"approx: ~ > < >=.  kind: actual or target.  change is signed, in the\n"
"row's unit (points for percent); change_pct is the signed relative change\n"
"in percent.  A number that cannot be read for sure (\"4,10\", a decimal\n"
"comma that may be a list) is warned about with its line, never guessed.\n"
"Exit status: 0 ok, 1 bad data, 2 bad usage.\n";

static const char *const out_cols[] = {
	"doc", "period", "priority", "area", "measure", "value", "value_max",
	"unit", "approx", "when", "kind", "prev_value", "prev_when", "change",
	"change_pct", "line", "evidence", NULL
};

static void
ctx_free(struct ctx *c)
{
	size_t k;

	for (k = 0; k < c->cap_obs; k++) {
		buf_free(&c->obs[k].measure);
		buf_free(&c->obs[k].when);
		buf_free(&c->obs[k].prev_when);
	}
	tables_free(c);
	free(c->obs);
	free(c->tok);
	free(c->period);
	chunks_free(c);
	free(c->word);
	free(c->label.low);
	free(c->label.w);
	lexicon_close(&c->lex);
	free(c->cells);
	free(c->fig);
	free(c->map_off);
	free(c->map_line);
	buf_free(&c->scratch);
	buf_free(&c->evidence);
	buf_free(&c->pipe);
	buf_free(&c->last_measure);
	buf_free(&c->last_noun);
	buf_free(&c->block_when);
	buf_free(&c->topic);
	buf_free(&c->topic_new);
	buf_free(&c->report_key);
	buf_free(&c->report_words);
}

int
main(int argc, char *argv[])
{
	enum { OPT_EXPLAIN = OPT_TOOL_BASE };
	static const struct option opts[] = {
		CLI_STD_OPTIONS,
		CLI_OUT_OPTIONS,
		{"explain", no_argument, NULL, OPT_EXPLAIN},
		{NULL, 0, NULL, 0}
	};
	struct cli_out opt = {0};
	struct ctx c;
	int ch, i, st;

	err_init("extract-metrics");
	memset(&c, 0, sizeof c);
	while ((ch = cli_getopt(argc, argv, CLI_SHORT, opts, usage, &opt)) != -1)
		if (ch == OPT_EXPLAIN)
			c.explain = true;
	c.strict = opt.strict;
	if (cli_out_open(&c.out, &opt, "figures") != EXIT_OK)
		return EXIT_DATA;
	lexicon_open(&c.lex);
	chunks_open(&c);
	out_header(&c.out, out_cols);
	if (optind == argc) {
		st = run_file(&c, "-");
		if (st > c.status)
			c.status = st;
	}
	for (i = optind; i < argc; i++) {
		st = run_file(&c, argv[i]);
		if (st > c.status)
			c.status = st;
	}
	st = out_close(&c.out);
	ctx_free(&c);
	return st > c.status ? st : c.status;
}
