/* output.c: rows out, one a block, each with the context it stands in. */

static const char *const columns[] = {
	"doc", "period", "priority", "priority_title", "commitment",
	"heading", "area", "kind", "depth", "line", "text", "line_map", NULL
};

static const char *const kind_name[] = {
	"meta", "para", "bullet", "table", "footnote"
};

static void write_row(struct ctx *c, enum kind kind, int depth, long line,
    const char *text, size_t n, const struct buf *map, const char *commitment,
    const char *heading, const char *area);
static void out_long(struct out *o, long v);

static void
emit(struct ctx *c, const struct block *b, const char *commitment)
{
	const char *heading, *area;

	area_of_row(c, b, &heading, &area);
	if (b->text.len == 0)
		return;
	if (b->kind == K_META && c->period.len == 0 && !c->period_opt) {
		if (c->nheld == MAXMETA)
			release_held(c);
		c->held[c->nheld].line = b->line;
		c->held[c->nheld].text = xstrndup(b->text.p, b->text.len);
		c->nheld++;
		return;
	}
	if (c->nheld > 0)
		release_held(c);
	write_row(c, b->kind, b->depth, b->line, b->text.p, b->text.len,
		  &b->map, commitment, heading, area);
}

/* Title-page rows wait for the period, which may come a few lines later. */
static void
release_held(struct ctx *c)
{
	int i;

	for (i = 0; i < c->nheld; i++) {
		write_row(c, K_META, 0, c->held[i].line, c->held[i].text,
			  strlen(c->held[i].text), NULL, "", "", "");
		free(c->held[i].text);
	}
	c->nheld = 0;
}

static void
write_row(struct ctx *c, enum kind kind, int depth, long line,
	  const char *text, size_t n, const struct buf *map,
	  const char *commitment, const char *heading, const char *area)
{
	struct out *o = &c->out;
	char num[24];
	const char *context[NCONTEXT] = {
		c->doc, c->period.p, c->priority > 0 ? digits(num, c->priority) : "",
		c->title.p, commitment, heading, area
	};
	int i;

	c->wrote = true;
	for (i = 0; i < NCONTEXT; i++)
		out_fields(o, context[i]);
	out_fields(o, kind_name[kind]);
	out_long(o, depth);
	out_long(o, line);
	out_field(o, text, n);
	out_field(o, map && map->p ? map->p : "", map ? map->len : 0);
	out_end(o);
}

static void
out_long(struct out *o, long v)
{
	char num[24], *p = digits(num, v < 0 ? 0 : v);
	out_field(o, p, (size_t)(num + 23 - p));
}

/* Decimal digits of v >= 0 at the end of num[24]; returns where they start
 * (printf costs more than the rest of a row). */
static char *
digits(char num[24], long v)
{
	char *p = num + 23;

	*p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) > 0 && p > num);
	return p;
}
