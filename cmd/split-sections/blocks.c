/* blocks.c: text lines gathered into blocks, and blocks into rows.
 *
 * Text lines gather into the pending block; a blank line or a page break
 * pauses it (the next line may go on with it across the page) and
 * anything else ends it, and it becomes a row.  A bullet's depth comes
 * from its indentation. */

static int bullet_depth(struct ctx *c, size_t indent);

/* Plain text: it goes on the pending block or starts a paragraph. */
static void
text_line(struct ctx *c, const char *s, size_t n)
{
	struct block *b = &c->blk;

	/* a paragraph or bullet goes on over a page break, lower-case */
	if (b->open && c->paused &&
	    !(c->page_turned && starts_lower(s, n) &&
	      !ends_sentence(b->text.p, b->text.len)))
		flush_block(c);
	c->paused = c->page_turned = false;
	/* a commitment is one sentence: the next line after its full stop
	 * is the commentary, even without a blank line between */
	if (b->open && b->kind != K_TABLE && b->text.len < BLOCK_LIMIT &&
	    !(b->role == R_COMMITMENT && ends_sentence(b->text.p, b->text.len))) {
		block_add(b, s, n, c->lineno);
		return;
	}
	start_para(c, K_PARA, s, n);
}

/* A blank line, a page number or a page break ends the pending block,
 * unless the next text goes on with it across the page: it waits. */
static void
pause(struct ctx *c, bool page)
{
	if (!c->blk.open)
		return;
	c->paused = true;
	c->page_turned |= page;
}

static void
start_para(struct ctx *c, enum kind kind, const char *s, size_t n)
{
	struct block *b = &c->blk;

	flush_block(c);
	block_start(b, kind, 0, c->lineno);
	if (kind == K_PARA) {
		reset_depths(c);
		if (c->expect > 0 && commitment_like(s, n)) {
			b->role = R_COMMITMENT;
			c->expect = 0;
		} else if (c->expect > 0) {
			c->expect--;
		} else if (c->wewill && opens_with_verb(s, n)) {
			end_table(c);
			b->role = R_COMMITMENT;
		}
	}
	block_add(b, s, n, c->lineno);
}

static void
start_bullet(struct ctx *c, const char *s, size_t n, size_t indent)
{
	struct block *b = &c->blk;
	int d = bullet_depth(c, indent);

	flush_block(c);
	block_start(b, K_BULLET, d, c->lineno);
	if (c->expect > 0 && commitment_like(s, n)) {
		b->role = R_COMMITMENT;
		c->expect = 0;
	} else if (c->expect > 0) {
		c->expect--;
	}
	area_of_bullet(c, b, s, n);
	block_add(b, s, n, c->lineno);
}

static int
bullet_depth(struct ctx *c, size_t indent)
{
	while (c->ndepth > 0 && c->indents[c->ndepth - 1] > indent)
		c->ndepth--;
	if (c->ndepth > 0 && c->indents[c->ndepth - 1] == indent)
		return c->ndepth;
	if (c->ndepth < DEPTH_MAX)
		c->indents[c->ndepth++] = indent;
	return c->ndepth;
}

static void
reset_depths(struct ctx *c)
{
	c->ndepth = 0;
}

/* Everything pending, before a new structure starts. */
static void
flush_all(struct ctx *c)
{
	flush_block(c);
	close_cell(c);
	flush_note(c);
}

/* The pending block becomes a row. */
static void
flush_block(struct ctx *c)
{
	struct block *b = &c->blk;

	c->paused = c->page_turned = false;
	if (!b->open)
		return;
	b->open = false;
	if (b->text.len == 0)
		return;
	switch (b->role) {
	case R_COMMITMENT:
		buf_reset(&c->commitment);
		buf_copy(&c->commitment, &b->text);
		area_clear(c);
		emit(c, b, c->commitment.p);
		return;
	case R_OBJECTIVE:
		emit(c, b, "");
		buf_reset(&c->commitment);
		buf_copy(&c->commitment, &b->text);
		area_clear(c);
		return;
	case R_TEXT:
		break;
	}
	area_from_name_line(c, b);
	emit(c, b, c->commitment.p ? c->commitment.p : "");
}

/* A line that is a row of its own: a priority's heading, a lead-in, Key
 * Points, a table's head. */
static void
line_row(struct ctx *c, const char *s, size_t n, const char *commitment)
{
	struct block *b = &c->blk;

	block_start(b, K_PARA, 0, c->lineno);
	block_add(b, s, n, c->lineno);
	b->open = false;
	emit(c, b, commitment);
}

static void
block_start(struct block *b, enum kind kind, int depth, long line)
{
	b->open = true;
	b->kind = kind;
	b->role = R_TEXT;
	b->depth = depth;
	b->line = b->last = line;
	b->glue = false;
	buf_reset(&b->text);
	buf_reset(&b->map);
	buf_reset(&b->area);
	buf_reset(&b->heading);
}

/* Add one source line's words.  A line after the first is joined with a
 * space, or with nothing after a hyphen that ends a word across the line
 * break (the hyphen stays: "well-" + "known" cannot be told from
 * "inter-" + "national"), and recorded in the line map. */
static void
block_add(struct block *b, const char *s, size_t n, long line)
{
	size_t mark = b->text.len, at;
	bool glue = b->glue;

	/* a soft hyphen at the end of a line joins the word across it */
	while (n > 0 && s[n - 1] == ' ')
		n--;
	b->glue = n >= 2 && (unsigned char)s[n - 2] == 0xC2 &&
		  (unsigned char)s[n - 1] == 0xAD;
	if (mark == 0) {
		text_squeeze_space(&b->text, s, n);
		b->last = line;
		return;
	}
	if (!glue && !(b->text.p[mark - 1] == '-' && mark >= 2 &&
		       isalpha((unsigned char)b->text.p[mark - 2]) &&
		       starts_lower(s, n)))
		buf_addc(&b->text, ' ');
	at = b->text.len;
	text_squeeze_space(&b->text, s, n);
	if (b->text.len == at) {
		buf_truncate(&b->text, mark);
		return;
	}
	if (line != b->last) {
		char num[NUM_TEXT];
		if (b->map.len)
			buf_addc(&b->map, ' ');
		buf_adds(&b->map, digits(num, (long)at));
		buf_addc(&b->map, ':');
		buf_adds(&b->map, digits(num, line));
	}
	b->last = line;
}
