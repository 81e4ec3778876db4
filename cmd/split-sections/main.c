/* split-sections: a report converted to text (pdftotext -layout, pandoc
 * to Markdown, a web page saved as text) in; one TSV row per block out,
 * each row saying where in the report's outline it stands: its level-1
 * section (priority, priority_title), level 2 (commitment), level 3
 * (heading), and the area it is about.
 *
 * The report is read line by line and never held whole.  A page in two
 * columns is first read column by column.  A line is cleaned (form
 * feeds, ligatures, Markdown and HTML markup, TeX-like artefacts), then
 * read: page furniture (a meta row outside the outline), the contents
 * page, the title page, a heading of the outline (Markdown, a label word
 * and a number, a numbered title, capitals, a short line alone: the next
 * line decides those), a plan's lead-in, Key Points or objective, a
 * table's row (tab-separated, pipe, laid out with spaces, one cell a
 * line), a field or a dashboard tile, a footnote, a bullet or numbered
 * item, or plain text.  A heading's style gets its level from the
 * document the first time it is met.  Text lines gather into the pending
 * block; a blank line or a page break pauses it (the next line may go on
 * with it across the page) and anything else ends it, and it becomes a
 * row.  Rows wait for the report's period, found on its title page or
 * near the body's start. */
#include "internal.h"

/* The story, in the order a line meets it. */
#include "words.c"		/* the word lists; small tests on text */
#include "read.c"		/* the report line by line; title page,
				 * period, page furniture */
#include "columns.c"		/* two-column pages, column by column */
#include "layout.c"		/* markup out; indentation, headings, bullets */
#include "headings.c"		/* how a heading is written */
#include "contents.c"		/* the contents page: the sections' titles */
#include "outline.c"		/* the outline: three levels of sections */
#include "plan.c"		/* a plan's lead-ins, Key Points, objectives */
#include "commitments.c"	/* lines of cells; We will | Commentary | Who */
#include "tables.c"		/* data tables: caption, head, group, rows */
#include "wrap.c"		/* cells wrapped in narrow columns */
#include "grid.c"		/* data tables laid out with spaces */
#include "fields.c"		/* one cell a line; Label: value; tiles */
#include "blocks.c"		/* lines into blocks, blocks into rows */
#include "areas.c"		/* areas: places, from a gazetteer and forms */
#include "output.c"		/* the rows out */

static const char usage[] =
"usage: split-sections [OPTIONS] [FILE...]\n"
"\n"
"Split a report (pdftotext -layout text, pandoc Markdown, a web page saved\n"
"as text) into one TSV row per block, with the outline it stands in:\n"
"  doc period priority priority_title commitment heading area kind depth\n"
"  line text line_map\n"
"kind: meta, para, bullet, footnote; caption, head, group, table, field\n"
"(a table's rows, docs/tables.md).  Reads the FILEs, or standard input.\n"
"\n"
"  --doc NAME      the doc column (default: the file's base name, or stdin)\n"
"  --period P      the period column (default: from the report, as\n"
"                  YYYY/YY Qn, YYYY/YY for a year or YYYY-MM for a month)\n"
"  --areas FILE    more names of areas, one a line (beside the gazetteer)\n"
"  -c, --csv       CSV for spreadsheets (with a byte order mark)\n"
"      --no-bom    CSV without the byte order mark\n"
"      --strict    invalid UTF-8 or NUL bytes are an error, not repaired\n"
"  -h, --help      this text\n"
"  -V, --version   the version\n"
"\n"
"Exit status: 0 ok, 1 bad data (after all input is read), 2 bad usage.\n";

static void
free_block(struct block *b)
{
	buf_free(&b->text);
	buf_free(&b->map);
	buf_free(&b->area);
	buf_free(&b->heading);
}

static void
free_ctx(struct ctx *c)
{
	int i;

	reset_doc(c);
	buf_free(&c->period);
	buf_free(&c->label);
	buf_free(&c->title);
	buf_free(&c->title_rest);
	buf_free(&c->commitment);
	buf_free(&c->heading);
	buf_free(&c->area);
	buf_free(&c->cand_label);
	buf_free(&c->cand_title);
	buf_free(&c->pending_num);
	free_block(&c->blk);
	free_block(&c->cell);
	free_block(&c->note);
	free_block(&c->after);
	for (i = 0; i <= DEPTH_MAX; i++) {
		buf_free(&c->areas[i]);
		buf_free(&c->labels[i]);
	}
	buf_free(&c->line);
	buf_free(&c->tmp);
	buf_free(&c->cells);
	for (i = 0; i < TABLE_COLS; i++)
		buf_free(&c->grid.cell[i]);
	buf_free(&c->grid.held);
	buf_free(&c->grid.band);
	buf_free(&c->grid.group_text);
	buf_free(&c->flat.cells);
	buf_free(&c->flat.lines);
	buf_free(&c->tile.figure);
	buf_free(&c->tile.label);
	buf_free(&c->tile.more);
	buf_free(&c->columns.lines);
	names_free(&c->user_areas);
	lex_close(c->gazetteer);
	c->gazetteer = NULL;
	free(c->seen);
	c->seen = NULL;
}

int
main(int argc, char *argv[])
{
	enum { OPT_DOC = OPT_TOOL_BASE, OPT_PERIOD, OPT_AREAS };
	static const struct option longopts[] = {
		{"doc", required_argument, NULL, OPT_DOC},
		{"period", required_argument, NULL, OPT_PERIOD},
		{"areas", required_argument, NULL, OPT_AREAS},
		{"csv", no_argument, NULL, CLI_CSV},
		{"no-bom", no_argument, NULL, CLI_NO_BOM},
		{"strict", no_argument, NULL, CLI_STRICT},
		CLI_STD_OPTIONS,
		{NULL, 0, NULL, 0}
	};
	static struct ctx c;	/* large: not on the stack */
	struct cli_out opt = {0};
	int ch, i, status = EXIT_OK;

	err_init("split-sections");
	memset(&c, 0, sizeof c);	/* main may run again (fuzz/harness.c) */
	c.gazetteer = lex_open(&areas_lex);
	c.seen = xcalloc(PLACES_SEEN, sizeof *c.seen);
	while ((ch = cli_getopt(argc, argv, "hVc", longopts, usage, &opt)) != -1) {
		switch (ch) {
		case OPT_DOC:
			c.doc_opt = optarg;
			break;
		case OPT_PERIOD:
			c.period_opt = optarg;
			break;
		case OPT_AREAS:
			/* without the names asked for, areas would change
			 * silently: no output */
			if (names_load(&c.user_areas, optarg) != EXIT_OK) {
				free_ctx(&c);
				return EXIT_DATA;
			}
			break;
		}
	}
	c.strict = opt.strict;
	if (cli_out_open(&c.out, &opt, "sections") != EXIT_OK)
		return EXIT_DATA;
	out_header(&c.out, columns);
	if (optind == argc) {
		if (split_file(&c, "-") != EXIT_OK)
			status = EXIT_DATA;
	} else {
		for (i = optind; i < argc; i++)
			if (split_file(&c, argv[i]) != EXIT_OK)
				status = EXIT_DATA;
	}
	free_ctx(&c);
	if (out_close(&c.out) != EXIT_OK)
		status = EXIT_DATA;
	return status;
}
