/* blocks.c: text lines gathered into blocks, and blocks into rows.
 *
 * Text lines gather into the pending block; a blank line or a page break
 * pauses it (the next line may go on with it across the page) and
 * anything else ends it, and it becomes a row.  In text wrapped by hand
 * (a PDF's, without blank lines between paragraphs) a line that starts a
 * sentence after a short line that ended one starts a new paragraph.  A
 * bullet's depth comes from its indentation. */

enum {
	SHORT_LINE = 80,	/* percent of the widest line: a line
				 * shorter than this ended its paragraph */
	FIELD_SENTENCE_WORDS = 12	/* a field's value this long, a
					 * sentence, makes a paragraph */
};

static void field_or_para(struct block *b);

/* Plain text: it goes on the pending block or starts a paragraph. */
static void
text_line(struct ctx *c, const char *s, size_t n)
{
	struct block *b = &c->blk;

	if (n > c->wrap)
		c->wrap = n;	/* bytes: wide enough a measure, and fast */
	/* a paragraph or bullet goes on over a page break, lower-case */
	if (b->open && c->paused &&
	    !(c->page_turned && starts_lower(s, n) &&
	      !ends_sentence(b->text.p, b->text.len)))
		flush_block(c);
	/* a field's value goes on while it is open or lower-case */
	if (b->open && b->kind == K_FIELD &&
	    (c->paused || !(starts_lower(s, n) || ends_open(b->text.p, b->text.len))))
		flush_block(c);
	/* a sentence ended a short line: a new paragraph starts (after
	 * an objective's sentence too: a table's caption may follow it) */
	if (b->open && !c->paused && b->kind == K_PARA &&
	    (b->role == R_TEXT || b->role == R_OBJECTIVE) &&
	    b->last_ends && c->wrap >= WRAP_MIN &&
	    b->last_len * 100 < c->wrap * SHORT_LINE && starts_upper(s, n))
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
		if (c->phase == PH_BODY && c->paras < 3) {
			c->paras++;
			body_period(c, s, n, false);
		}
		area_of_para(c, b, s, n);
	}
	block_add(b, s, n, c->lineno);
}

static void
start_bullet(struct ctx *c, const char *s, size_t n, size_t indent)
{
	struct block *b = &c->blk;
	int d;

	flush_block(c);
	d = bullet_depth(c, indent);
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
	tile_end(c);
}

/* The pending block becomes a row. */
static void
flush_block(struct ctx *c)
{
	struct block *b = &c->blk;

	c->paused = c->page_turned = false;
	if (!b->open)
		return;
	if (b->role == R_HEADING) {
		demote_heading(c);	/* it headed nothing */
		return;
	}
	if (b->role == R_TILE) {
		tile_end(c);
		return;
	}
	b->open = false;
	if (b->text.len == 0)
		return;
	if (b->kind == K_FIELD)
		field_or_para(b);
	switch (b->role) {
	case R_COMMITMENT:
		buf_reset(&c->commitment);
		buf_copy(&c->commitment, &b->text);
		c->lvstyle[2] = -1;
		area_clear(c);
		emit(c, b, c->commitment.p);
		return;
	case R_OBJECTIVE:
		emit(c, b, "");
		buf_reset(&c->commitment);
		buf_copy(&c->commitment, &b->text);
		c->lvstyle[2] = -1;
		area_clear(c);
		return;
	default:
		break;
	}
	emit(c, b, c->commitment.p ? c->commitment.p : "");
}

/* A field whose value grew into a sentence of its own, over lines ("Safe
 * spaces: 27 bars and clubs have now ...") is a paragraph with a lead-in
 * label: "label: value" again (the line map's later offsets move by the
 * space put back). */
static void
field_or_para(struct block *b)
{
	char *tab = memchr(b->text.p, '\t', b->text.len);
	size_t i, at, words = 0;
	struct buf map = BUF_INIT;
	const char *p;

	if (!tab || !ends_sentence(b->text.p, b->text.len))
		return;
	at = (size_t)(tab - b->text.p);
	for (i = at; i < b->text.len; i++)
		words += b->text.p[i] == ' ';
	if (words < FIELD_SENTENCE_WORDS)
		return;
	b->kind = K_PARA;
	buf_addc(&b->text, ' ');
	memmove(b->text.p + at + 2, b->text.p + at + 1, b->text.len - at - 2);
	b->text.p[at] = ':';
	b->text.p[at + 1] = ' ';
	for (p = b->map.p; p && *p; ) {
		char *end, num[NUM_TEXT];
		long off = strtol(p, &end, 10);

		if (map.len)
			buf_addc(&map, ' ');
		buf_adds(&map, digits(num, off > (long)at ? off + 1 : off));
		p = end;
		while (*p && *p != ' ')
			buf_addc(&map, *p++);
		while (*p == ' ')
			p++;
	}
	buf_free(&b->map);
	b->map = map;
}

/* A line that is a row of its own: a lead-in, Key Points, a table's
 * head. */
static void
line_row(struct ctx *c, enum kind kind, const char *s, size_t n,
	 const char *commitment)
{
	struct block *b = &c->blk;

	block_start(b, kind, 0, c->lineno);
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
	b->last_len = 0;
	b->last_ends = false;
	buf_reset(&b->text);
	buf_reset(&b->map);
	buf_reset(&b->area);
	buf_reset(&b->heading);
}

/* Give a block's buffers to another (to's own are freed); from is left
 * empty. */
static void
block_move(struct block *to, struct block *from)
{
	buf_free(&to->text);
	buf_free(&to->map);
	buf_free(&to->area);
	buf_free(&to->heading);
	*to = *from;
	to->open = false;
	memset(from, 0, sizeof *from);
}

/* A hyphen at the end of the text, after a letter, before a word that
 * goes on lower-case: a word broken at the line's end ("volun-" +
 * "teer"), whose hyphen goes, unless what stands before it is a word
 * that makes compounds ("anti-" + "social", "twenty-" + "two"). */
static bool
broken_word(const struct buf *t, const char *s, size_t n, bool *keep)
{
	size_t m = t->len, a;

	if (m < 2 || t->p[m - 1] != '-' || !isalpha((unsigned char)t->p[m - 2]) ||
	    !starts_lower(s, n))
		return false;
	for (a = m - 1; a > 0 && is_letter(t->p[a - 1]); a--)
		;
	*keep = (a > 0 && t->p[a - 1] == '-') ||	/* "drink-drive-" */
		word_is(t->p + a, m - 1 - a, SECTIONS_COMPOUND);
	return true;
}

/* Add one source line's words.  A line after the first is joined with a
 * space, or with nothing across a word broken at the line's end (its
 * hyphen replaced by a soft hyphen, U+00AD, which no one sees: the word
 * reads whole, and where the line broke stays known; a compound's hyphen
 * is kept; a soft hyphen at the line's end joins too), and recorded in
 * the line map. */
static void
block_add(struct block *b, const char *s, size_t n, long line)
{
	size_t mark = b->text.len, at;
	bool glue = b->glue, keep = true;

	/* a soft hyphen at the end of a line joins the word across it */
	while (n > 0 && s[n - 1] == ' ')
		n--;
	b->glue = n >= 2 && (unsigned char)s[n - 2] == 0xC2 &&
		  (unsigned char)s[n - 1] == 0xAD;
	b->last_len = n;
	b->last_ends = ends_sentence(s, n);
	if (mark == 0) {
		text_squeeze_space(&b->text, s, n);
		b->last = line;
		return;
	}
	if (!glue && broken_word(&b->text, s, n, &keep)) {
		if (!keep) {
			/* the hyphen goes; a soft hyphen (U+00AD, unseen)
			 * stays where the word broke */
			buf_truncate(&b->text, --mark);
			buf_add(&b->text, "\xc2\xad", 2);
			mark += 2;
		}
	} else if (!glue) {
		buf_addc(&b->text, ' ');
	}
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
