/* split-sections: a quarterly "Police and Crime Plan" update, converted
 * to text (pdftotext -layout, or pandoc to Markdown), in; one TSV row per
 * block of the report out, each row saying which priority and which
 * commitment it stands under.
 *
 * The report is read line by line and never held whole.  A line is first
 * cleaned (form feeds, ligatures, Markdown and HTML markup, TeX-like
 * artefacts), then classified: page furniture, the contents page, a
 * priority heading, a "we will:" lead-in, "Key Points", an objective, a
 * "We will | Commentary | Who" table (tab-separated, or laid out with
 * spaces), a data-table row, a footnote, a heading, a bullet, or plain
 * text.  A data table laid out with spaces is read on its own terms
 * (struct grid): its head is held until a row of figures lines up under
 * it, or read again as text if none does.  Text lines gather into the
 * pending block; a blank line or a page break pauses it (the next line
 * may go on with it across the page) and anything else ends it, and it
 * becomes a row.  The table's first cell is gathered apart, since its
 * commentary and Who run beside it. */
#include "internal.h"

/* The story, in the order a line meets it. */
#include "words.c"		/* the word lists; small tests on text */
#include "read.c"		/* the report line by line; page furniture */
#include "layout.c"		/* markup out; indentation, headings, bullets */
#include "contents.c"		/* the contents page: the priorities' titles */
#include "outline.c"		/* priorities, lead-ins, Key Points, objectives */
#include "commitments.c"	/* tables; We will | Commentary | Who */
#include "grid.c"		/* data tables laid out with spaces */
#include "blocks.c"		/* lines into blocks, blocks into rows */
#include "areas.c"		/* the heading and area a block stands under */
#include "output.c"		/* the rows out */

static const char usage[] =
"usage: split-sections [OPTIONS] [FILE...]\n"
"\n"
"Split a quarterly Police and Crime Plan update (pdftotext -layout text or\n"
"pandoc Markdown) into one TSV row per block:\n"
"  doc period priority priority_title commitment heading area kind depth\n"
"  line text line_map\n"
"kind is meta, para, bullet, table or footnote.  line_map gives, for text\n"
"joined from several lines, OFFSET:LINE for each later line (OFFSET is the\n"
"byte offset in text where that line's words begin).\n"
"Reads the FILEs in turn, or standard input (\"-\" or none).\n"
"\n"
"  --doc NAME    the doc column (default: the file's base name, or stdin)\n"
"  --period P    the period column (default: read from the title page, as\n"
"                YYYY/YY Qn, YYYY/YY for a year or YYYY-MM for a month)\n"
"  --strict      invalid UTF-8 or NUL bytes are an error, not repaired\n"
"  --csv         write CSV instead of TSV\n"
"  --help        this text\n"
"  --version     the version\n"
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
	buf_free(&c->title);
	buf_free(&c->commitment);
	buf_free(&c->heading);
	buf_free(&c->area);
	free_block(&c->blk);
	free_block(&c->cell);
	free_block(&c->note);
	for (i = 0; i <= DEPTH_MAX; i++)
		buf_free(&c->areas[i]);
	buf_free(&c->line);
	buf_free(&c->tmp);
	buf_free(&c->cells);
	for (i = 0; i < TABLE_COLS; i++)
		buf_free(&c->grid.cell[i]);
	buf_free(&c->grid.held);
}

int
main(int argc, char *argv[])
{
	enum { OPT_DOC = OPT_TOOL_BASE, OPT_PERIOD, OPT_STRICT, OPT_CSV };
	static const struct option longopts[] = {
		{"doc", required_argument, NULL, OPT_DOC},
		{"period", required_argument, NULL, OPT_PERIOD},
		{"strict", no_argument, NULL, OPT_STRICT},
		{"csv", no_argument, NULL, OPT_CSV},
		CLI_STD_OPTIONS,
		{NULL, 0, NULL, 0}
	};
	struct ctx c;
	bool csv = false;
	int ch, i, status = EXIT_OK;

	err_init(argv[0]);
	opterr = 0;	/* die_usage says it, with the pointer to --help */
	memset(&c, 0, sizeof c);
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_DOC:
			c.doc_opt = optarg;
			break;
		case OPT_PERIOD:
			c.period_opt = optarg;
			break;
		case OPT_STRICT:
			c.strict = true;
			break;
		case OPT_CSV:
			csv = true;
			break;
		case OPT_HELP:
			cli_help(usage);
		case OPT_VERSION:
			cli_version();
		default:
			die_usage("unknown option or missing argument: %s",
				  argv[optind - 1]);
		}
	}
	out_init(&c.out, stdout, csv);
	out_header(&c.out, columns);
	if (optind == argc) {
		status = split_file(&c, "-");
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
