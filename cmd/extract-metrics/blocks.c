/* blocks.c: the input, split-sections output or plain text, read as
 * blocks: a block of text goes to sentences, a table row to tables. */

static void
parse_line_map(struct ctx *c, const char *map)
{
	const char *p = map;
	char *end;
	long off, line;

	c->nmap = 0;
	while (p && *p) {
		off = strtol(p, &end, 10);
		if (end == p || *end != ':')
			break;
		line = strtol(end + 1, &end, 10);
		if (c->nmap == c->cap_map) {
			c->cap_map = c->cap_map ? 2 * c->cap_map : 16;
			c->map_off = xrealloc(c->map_off, c->cap_map * sizeof *c->map_off);
			c->map_line = xrealloc(c->map_line, c->cap_map * sizeof *c->map_line);
		}
		c->map_off[c->nmap] = off;
		c->map_line[c->nmap++] = line;
		p = end;
		while (*p == ' ')
			p++;
	}
}

/* A Markdown table row "| a | b |" becomes tab-separated cells in out;
 * false if text is not one.  A "|---|:--|" rule row becomes empty. */
static bool
pipe_row(const char *text, size_t len, struct buf *out)
{
	size_t i = 0, n = len;

	while (i < n && text[i] == ' ')
		i++;
	while (n > i && text[n - 1] == ' ')
		n--;
	if (n - i < 2 || text[i] != '|' || text[n - 1] != '|')
		return false;
	buf_reset(out);
	if (strspn(text + i, "|-: ") >= n - i)
		return true;
	for (i++; i < n - 1; i++)
		buf_addc(out, text[i] == '|' ? '\t' : text[i]);
	return true;
}

static void
do_block(struct ctx *c)
{
	struct block *b = &c->blk;

	if (pipe_row(b->text, b->len, &c->pipe)) {
		b->text = c->pipe.p ? c->pipe.p : "";
		b->len = c->pipe.len;
		b->kind = "table";
		if (b->len == 0)
			return;
	}
	buf_reset(&c->last_measure);
	buf_reset(&c->last_noun);
	buf_reset(&c->block_when);
	buf_reset(&c->topic);
	if (!table_block(c))	/* a row of a table or a record: records.c */
		do_text(c, b->text, b->len);
}

/* split-sections output starts with these columns, as TSV or as CSV
 * (split-sections --csv). */
static const char sections_tsv[] = "doc\tperiod\tpriority\t";
static const char sections_csv[] = "doc,period,priority,";

enum { C_DOC, C_PERIOD, C_PRIORITY, C_AREA, C_HEADING, C_KIND, C_LINE,
       C_TEXT, C_MAP, C_TITLE, C_COMMITMENT, C_N };

/* split-sections output, TSV or CSV, read by lib/tsv's table reader: its
 * columns by name, so that a column added to it later changes nothing
 * here, and CSV cells the writer neutralised for spreadsheets ("'=...")
 * come back as the text was.  A row with the wrong number of fields is
 * warned about, padded or cut, used, and makes the exit status 1. */
static int
run_sections(struct ctx *c, struct table *t)
{
	static const char *const names[C_N] = {
		"doc", "period", "priority", "area", "heading", "kind", "line",
		"text", "line_map", "priority_title", "commitment"
	};
	int col[C_N], got;
	size_t k;

	for (k = 0; k < C_N; k++)
		col[k] = table_col(t, names[k]);
	if (col[C_TEXT] < 0 || col[C_LINE] < 0) {
		warn_at(c->file, 1, "split-sections header without text or line column");
		return EXIT_DATA;
	}
	while ((got = table_next(t)) > 0) {
		const struct row *r = &t->row;
		char *end;

		if (r->n == 1 && r->len[0] == 0)
			continue;	/* a blank line */
		if (r->n != t->ncols) {
			warn_at(c->file, t->line, "%zu fields, expected %zu%s", r->n,
				t->ncols, r->n < t->ncols ? " (padded)" : " (extra ignored)");
			c->status = EXIT_DATA;
		}
		c->blk.doc = table_get(t, col[C_DOC]);
		c->blk.period = table_get(t, col[C_PERIOD]);
		c->blk.priority = table_get(t, col[C_PRIORITY]);
		c->blk.area = table_get(t, col[C_AREA]);
		c->blk.heading = table_get(t, col[C_HEADING]);
		c->blk.title = table_get(t, col[C_TITLE]);
		c->blk.commitment = table_get(t, col[C_COMMITMENT]);
		c->blk.kind = table_get(t, col[C_KIND]);
		c->blk.text = table_get(t, col[C_TEXT]);
		c->blk.len = (size_t)col[C_TEXT] < r->n ? r->len[col[C_TEXT]] : 0;
		c->blk.line = strtol(table_get(t, col[C_LINE]), &end, 10);
		if (*end || c->blk.line <= 0) {
			warn_at(c->file, t->line, "bad line number '%s'",
				table_get(t, col[C_LINE]));
			c->status = EXIT_DATA;
			c->blk.line = t->line;
		}
		parse_line_map(c, table_get(t, col[C_MAP]));
		do_block(c);
	}
	return got < 0 ? EXIT_DATA : EXIT_OK;
}

/* Plain text: each line is a block; a blank line ends a table. */
static void
plain_block(struct ctx *c, const char *line, size_t n, long lineno)
{
	c->blk.doc = c->blk.period = c->blk.priority = c->blk.area = "";
	c->blk.heading = c->blk.title = c->blk.commitment = NULL;
	c->blk.kind = NULL;
	c->blk.text = line;
	c->blk.len = n;
	c->blk.line = lineno;
	c->nmap = 0;
	if (n == 0 || strspn(line, " ") == n) {
		table_reset(&c->tab);
		return;
	}
	do_block(c);
}

/* One input: its first line says which of the kinds it is: split-sections
 * output (TSV or CSV, read as a table) or plain text. */
static int
run_file(struct ctx *c, const char *path)
{
	struct input in;
	struct table t;
	bool empty;
	ssize_t n;
	char *line;
	int st;

	if ((st = input_open(&in, path, c->strict, &empty)) != EXIT_OK || empty) {
		input_close(&in);
		return st;
	}
	c->file = in.name;
	table_reset(&c->tab);
	if ((n = input_line(&in, &line)) < 0) {
		st = in.failed ? EXIT_DATA : EXIT_OK;
		input_close(&in);
		return st;
	}
	if (!strncmp(line, sections_tsv, sizeof sections_tsv - 1) ||
	    !strncmp(line, sections_csv, sizeof sections_csv - 1)) {
		st = table_adopt(&t, &in, line, (size_t)n);
		if (st == EXIT_OK)
			st = run_sections(c, &t);
		table_close(&t);
		return st;
	}
	plain_block(c, line, (size_t)n, input_lineno(&in));
	while ((n = input_line(&in, &line)) >= 0)
		plain_block(c, line, (size_t)n, input_lineno(&in));
	st = in.failed ? EXIT_DATA : EXIT_OK;
	input_close(&in);
	return st;
}
