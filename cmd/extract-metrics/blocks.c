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
	buf_reset(&c->block_when);
	buf_reset(&c->topic);
	if (!table_block(c))	/* a row of a table or a record: records.c */
		do_text(c, b->text, b->len);
}

static const char sections_head[] = "doc\tperiod\tpriority\t";

enum { C_DOC, C_PERIOD, C_PRIORITY, C_AREA, C_HEADING, C_KIND, C_LINE,
       C_TEXT, C_MAP, C_N };

/* split-sections output: columns by name, so that a column added to it
 * later changes nothing here.  A row with the wrong number of fields is
 * warned about, padded or cut, used, and makes the exit status 1. */
static int
run_sections(struct ctx *c, struct input *in, char *head, size_t hlen)
{
	static const char *const names[C_N] = {
		"doc", "period", "priority", "area", "heading", "kind", "line",
		"text", "line_map"
	};
	struct row r = {0};
	int col[C_N];
	size_t k, ncols;
	ssize_t n;
	char *line;

	row_split_tsv(&r, head, hlen);
	ncols = r.n;
	for (k = 0; k < C_N; k++) {
		size_t q;

		col[k] = -1;
		for (q = 0; q < r.n; q++)
			if (!strcmp(r.field[q], names[k]))
				col[k] = (int)q;
	}
	if (col[C_TEXT] < 0 || col[C_LINE] < 0) {
		warn_at(c->file, 1, "split-sections header without text or line column");
		row_free(&r);
		return EXIT_DATA;
	}
	while ((n = input_line(in, &line)) >= 0) {
		long lineno = input_lineno(in);
		char *end;

		if (n == 0)
			continue;
		row_split_tsv(&r, line, (size_t)n);
		if (r.n != ncols) {
			warn_at(c->file, lineno, "%zu fields, expected %zu%s", r.n,
				ncols, r.n < ncols ? " (padded)" : " (extra ignored)");
			c->status = EXIT_DATA;
		}
#define F(k) (col[k] >= 0 && (size_t)col[k] < r.n ? r.field[col[k]] : "")
		c->blk.doc = F(C_DOC);
		c->blk.period = F(C_PERIOD);
		c->blk.priority = F(C_PRIORITY);
		c->blk.area = F(C_AREA);
		c->blk.heading = F(C_HEADING);
		c->blk.kind = F(C_KIND);
		c->blk.text = F(C_TEXT);
		c->blk.len = col[C_TEXT] < (int)r.n ? r.len[col[C_TEXT]] : 0;
		c->blk.line = strtol(F(C_LINE), &end, 10);
		if (*end || c->blk.line <= 0) {
			warn_at(c->file, lineno, "bad line number '%s'", F(C_LINE));
			c->status = EXIT_DATA;
			c->blk.line = lineno;
		}
		parse_line_map(c, F(C_MAP));
#undef F
		do_block(c);
	}
	row_free(&r);
	return in->failed ? EXIT_DATA : EXIT_OK;
}

/* Plain text: each line is a block; a blank line ends a table. */
static void
plain_block(struct ctx *c, const char *line, size_t n, long lineno)
{
	c->blk.doc = c->blk.period = c->blk.priority = c->blk.area = "";
	c->blk.heading = NULL;
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

/* One input: its first line says which of the two kinds it is. */
static int
run_file(struct ctx *c, const char *path)
{
	struct input in;
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
	if (strncmp(line, sections_head, sizeof sections_head - 1) == 0) {
		char *head = xstrndup(line, (size_t)n);

		st = run_sections(c, &in, head, (size_t)n);
		free(head);
	} else {
		plain_block(c, line, (size_t)n, input_lineno(&in));
		while ((n = input_line(&in, &line)) >= 0)
			plain_block(c, line, (size_t)n, input_lineno(&in));
		st = in.failed ? EXIT_DATA : EXIT_OK;
	}
	input_close(&in);
	return st;
}
