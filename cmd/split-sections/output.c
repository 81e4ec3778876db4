/* output.c: rows out, one a block, each with the context it stands in. */

static const char *const columns[] = {
	"doc", "period", "priority", "priority_title", "commitment",
	"heading", "area", "kind", "depth", "line", "text", "line_map", NULL
};

static const char *const kind_name[] = {
	"meta", "para", "bullet", "table", "footnote"
};

/* A row as it goes out: what is the block's own; the rest (doc, period,
 * priority and its title) is the report's, in the context. */
struct out_row {
	enum kind kind;
	int depth;
	long line;
	const char *text;
	size_t n;
	const struct buf *map;	/* NULL: none */
	const char *commitment, *heading, *area;
};

static void write_row(struct ctx *c, const struct out_row *r);
static void out_long(struct out *o, long v);

static void
emit(struct ctx *c, const struct block *b, const char *commitment)
{
	struct out_row r = {
		.kind = b->kind, .depth = b->depth, .line = b->line,
		.text = b->text.p, .n = b->text.len, .map = &b->map,
		.commitment = commitment
	};

	area_of_row(c, b, &r.heading, &r.area);
	if (b->text.len == 0)
		return;
	if (b->kind == K_META && c->period.len == 0 && !c->period_opt) {
		if (c->nheld == TITLE_ROWS_HELD)
			release_held(c);
		c->held[c->nheld].line = b->line;
		c->held[c->nheld].text = xstrndup(b->text.p, b->text.len);
		c->nheld++;
		return;
	}
	if (c->nheld > 0)
		release_held(c);
	write_row(c, &r);
}

/* Title-page rows wait for the period, which may come a few lines later. */
static void
release_held(struct ctx *c)
{
	int i;

	for (i = 0; i < c->nheld; i++) {
		struct out_row r = {
			.kind = K_META, .line = c->held[i].line,
			.text = c->held[i].text, .n = strlen(c->held[i].text),
			.commitment = "", .heading = "", .area = ""
		};

		write_row(c, &r);
		free(c->held[i].text);
	}
	c->nheld = 0;
}

static void
write_row(struct ctx *c, const struct out_row *r)
{
	struct out *o = &c->out;
	char num[NUM_TEXT];
	const char *context[NCONTEXT] = {
		c->doc, c->period.p, c->priority > 0 ? digits(num, c->priority) : "",
		c->title.p, r->commitment, r->heading, r->area
	};
	const struct buf *map = r->map;
	int i;

	c->wrote = true;
	for (i = 0; i < NCONTEXT; i++)
		out_fields(o, context[i]);
	out_fields(o, kind_name[r->kind]);
	out_long(o, r->depth);
	out_long(o, r->line);
	out_field(o, r->text, r->n);
	out_field(o, map && map->p ? map->p : "", map ? map->len : 0);
	out_end(o);
}

static void
out_long(struct out *o, long v)
{
	char num[NUM_TEXT], *p = digits(num, v < 0 ? 0 : v);
	out_field(o, p, (size_t)(num + NUM_TEXT - 1 - p));
}

/* Decimal digits of v >= 0 at the end of num; returns where they start
 * (printf costs more than the rest of a row). */
static char *
digits(char num[NUM_TEXT], long v)
{
	char *p = num + NUM_TEXT - 1;

	*p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) > 0 && p > num);
	return p;
}
