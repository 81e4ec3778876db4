/* fields.c: tables flattened one cell a line, "Label: value" blocks and
 * dashboard tiles (docs/tables.md).
 *
 * A web page saved as text gives a table one cell a line, each ending in
 * " |": its head is the cells before the first row's label (the cell
 * before the first figure), and each row as many cells as the head; the
 * line map gives each cell's line.  A "Label: value" line is a `field`
 * row, label and value apart (a value wrapped onto the next lines goes
 * on there).  A tile is a figure alone on its line, then its label, then
 * perhaps a line more ("↓ 4.1% on the same quarter last year"): a `field`
 * row, label first, the figure and its further lines as the value. */

static void flat_emit(struct ctx *c, enum kind kind, size_t count);

/* ---- one cell a line ---- */

/* A cell of a flattened table: "Calls received |". */
static bool
flat_line(struct ctx *c, const char *s, size_t n)
{
	struct flat *f = &c->flat;
	size_t e = n;
	bool figure;

	if (n < 3 || s[n - 1] != '|' || s[n - 2] != ' ' || s[0] == '|')
		return false;
	while (e > 0 && (s[e - 1] == '|' || s[e - 1] == ' '))
		e--;
	if (!f->open) {
		flush_all(c);
		f->open = true;
		f->ncols = f->k = 0;
		buf_reset(&f->cells);
		buf_reset(&f->lines);
	}
	figure = is_value_cell(s, e);
	/* the first figure: the cell before it labels the first row, and
	 * the cells before that are the head */
	if (f->ncols == 0 && figure && f->k >= 2) {
		f->ncols = f->k - 1;
		flat_emit(c, K_HEAD, f->ncols);
	}
	buf_add(&f->cells, s, e);
	buf_addc(&f->cells, '\0');
	buf_add(&f->lines, (const char *)&c->lineno, sizeof c->lineno);
	f->k++;
	if (f->ncols > 0 && f->k == f->ncols)
		flat_emit(c, K_TABLE, f->k);
	return true;
}

/* The first `count` waiting cells go out as a row of its kind; the
 * others wait on. */
static void
flat_emit(struct ctx *c, enum kind kind, size_t count)
{
	struct flat *f = &c->flat;
	struct block *b = &c->blk;
	const char *p = f->cells.p;
	size_t i, left;
	long ln;
	char num[NUM_TEXT];

	block_start(b, kind, 0, 0);
	for (i = 0; i < count && i < f->k; i++) {
		size_t len = strlen(p);

		memcpy(&ln, f->lines.p + i * sizeof ln, sizeof ln);
		if (i == 0) {
			b->line = b->last = ln;
		} else {
			buf_addc(&b->text, '\t');
			if (ln != b->last) {
				if (b->map.len)
					buf_addc(&b->map, ' ');
				buf_adds(&b->map, digits(num, (long)b->text.len));
				buf_addc(&b->map, ':');
				buf_adds(&b->map, digits(num, ln));
				b->last = ln;
			}
		}
		text_squeeze_space(&b->text, p, len);
		p += len + 1;
	}
	if (kind == K_TABLE)
		area_of_label(c, b, b->text.p, b->text.len);
	b->open = false;
	emit(c, b, c->commitment.p ? c->commitment.p : "");
	/* the cells after the row wait on */
	left = f->cells.len - (size_t)(p - f->cells.p);
	memmove(f->cells.p, p, left);
	buf_truncate(&f->cells, left);
	memmove(f->lines.p, f->lines.p + i * sizeof ln, (f->k - i) * sizeof ln);
	buf_truncate(&f->lines, (f->k - i) * sizeof ln);
	f->k -= i;
}

/* The flattened table is over: cells left make a last row. */
static void
flat_end(struct ctx *c)
{
	struct flat *f = &c->flat;

	if (!f->open)
		return;
	if (f->k > 0)
		flat_emit(c, f->ncols > 0 ? K_TABLE : K_HEAD, f->k);
	f->open = false;
}

/* ---- fields ---- */

/* "Annual target: 3,400": a field row, label and value apart; the value
 * may go on on the next lines (blocks.c). */
static bool
field_line(struct ctx *c, const struct shape *v)
{
	struct block *b = &c->blk;
	size_t colon, i;

	if (!is_field(v->s, v->n, &colon))
		return false;
	flush_block(c);
	block_start(b, K_FIELD, 0, c->lineno);
	text_squeeze_space(&b->text, v->s, colon);
	buf_addc(&b->text, '\t');
	for (i = colon + 1; i < v->n && v->s[i] == ' '; i++)
		;
	text_squeeze_space(&b->text, v->s + i, v->n - i);
	b->last_len = v->n;
	b->last_ends = ends_sentence(v->s, v->n);
	return true;
}

/* ---- tiles ---- */

/* A figure alone on its line starts a tile, unless it ends a sentence
 * going on ("The helpline is open" / "24/7"). */
static bool
tile_line(struct ctx *c, const struct shape *v)
{
	struct block *b = &c->blk;
	struct tile *t = &c->tile;

	if (!is_figure_line(v->s, v->n))
		return false;
	if (b->open && !c->paused && b->role != R_TILE && b->kind != K_FIELD &&
	    !b->last_ends)
		return false;
	flush_block(c);
	block_start(b, K_FIELD, 0, c->lineno);
	b->role = R_TILE;
	buf_reset(&t->figure);
	buf_reset(&t->label);
	buf_reset(&t->more);
	text_squeeze_space(&t->figure, v->s, v->n);
	t->fig_line = c->lineno;
	return true;
}

/* The lines after a tile's figure: its label, then a line more that is
 * no sentence of its own (starts with no capital). */
static bool
tile_goes_on(struct ctx *c, const char *s, size_t n)
{
	struct tile *t = &c->tile;

	if (!c->blk.open || c->blk.role != R_TILE || c->paused ||
	    is_figure_line(s, n))
		return false;
	if (t->label.len == 0) {
		text_squeeze_space(&t->label, s, n);
		t->label_line = c->lineno;
		return true;
	}
	if (t->more.len > 0 || utf8proc_isupper(first_cp(s, n)))
		return false;
	text_squeeze_space(&t->more, s, n);
	t->more_line = c->lineno;
	return true;
}

/* The tile as a row: "label<TAB>figure more". */
static void
tile_end(struct ctx *c)
{
	struct block *b = &c->blk;
	struct tile *t = &c->tile;
	char num[NUM_TEXT];

	if (!b->open || b->role != R_TILE)
		return;
	b->open = false;
	b->role = R_TEXT;
	if (t->label.len == 0) {
		b->kind = K_PARA;
		buf_copy(&b->text, &t->figure);
		emit(c, b, c->commitment.p ? c->commitment.p : "");
		return;
	}
	b->line = t->label_line;
	buf_copy(&b->text, &t->label);
	buf_addc(&b->text, '\t');
	buf_adds(&b->map, digits(num, (long)b->text.len));
	buf_addc(&b->map, ':');
	buf_adds(&b->map, digits(num, t->fig_line));
	buf_copy(&b->text, &t->figure);
	if (t->more.len > 0) {
		buf_addc(&b->text, ' ');
		buf_addc(&b->map, ' ');
		buf_adds(&b->map, digits(num, (long)b->text.len));
		buf_addc(&b->map, ':');
		buf_adds(&b->map, digits(num, t->more_line));
		buf_copy(&b->text, &t->more);
	}
	emit(c, b, c->commitment.p ? c->commitment.p : "");
}
