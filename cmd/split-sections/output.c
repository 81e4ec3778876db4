/* output.c: rows out, one a block, each with the context it stands in.
 *
 * Rows wait (HOLD_ROWS of them at most) until the report's period is
 * known: it may be named a few lines into the report (a title page's
 * second line, a first heading, a first paragraph). */

static const char *const columns[] = {
	"doc", "period", "priority", "priority_title", "commitment",
	"heading", "area", "kind", "depth", "line", "text", "line_map", NULL
};

static const char *const kind_name[] = {
	"meta", "para", "bullet", "table", "footnote",
	"caption", "head", "group", "field"
};

/* A row as it goes out: what is the block's own, and where it stands
 * (doc and period are the report's). */
struct out_row {
	enum kind kind;
	int depth;
	long line;
	const char *text;
	size_t n;
	const char *map;
	const char *context[NCONTEXT];	/* doc, period, priority .. area */
};

static void write_row(struct ctx *c, const struct out_row *r);
static void out_long(struct out *o, long v);

static void
emit(struct ctx *c, const struct block *b, const char *commitment)
{
	struct out_row r = {
		.kind = b->kind, .depth = b->depth, .line = b->line,
		.text = b->text.p, .n = b->text.len,
		.map = b->map.p ? b->map.p : ""
	};
	int i;

	if (b->text.len == 0)
		return;
	area_of_row(c, b, &r.context[5], &r.context[6]);
	r.context[0] = c->doc;
	r.context[1] = "";
	r.context[2] = c->label.p ? c->label.p : "";
	r.context[3] = c->title.p ? c->title.p : "";
	r.context[4] = commitment;
	if (b->kind == K_META && c->phase != PH_META && commitment[0] == '\0' &&
	    b->heading.len == 0) {
		/* page furniture, the contents page: outside the outline */
		for (i = 2; i < NCONTEXT; i++)
			r.context[i] = "";
	}
	if ((c->period.len == 0 || (c->year_only && c->phase == PH_META)) &&
	    !c->period_opt && !c->wrote) {
		struct held *h;

		if (c->nheld == HOLD_ROWS)
			release_held(c);
		else {
			h = &c->held[c->nheld++];
			h->kind = r.kind;
			h->depth = r.depth;
			h->line = r.line;
			for (i = 0; i < NCONTEXT; i++)
				h->context[i] = i == 1 ? NULL : xstrdup(r.context[i]);
			h->text = xstrndup(r.text, r.n);
			h->textn = r.n;
			h->map = xstrdup(r.map);
			return;
		}
	}
	if (c->nheld > 0)
		release_held(c);
	r.context[1] = c->period.p ? c->period.p : "";
	write_row(c, &r);
}

/* Rows that waited for the period go out, with it or without. */
static void
release_held(struct ctx *c)
{
	int i, k;

	for (i = 0; i < c->nheld; i++) {
		struct held *h = &c->held[i];
		struct out_row r = {
			.kind = h->kind, .depth = h->depth, .line = h->line,
			.text = h->text, .n = h->textn, .map = h->map
		};

		for (k = 0; k < NCONTEXT; k++)
			r.context[k] = k == 1 ? (c->period.p ? c->period.p : "") :
					 h->context[k];
		write_row(c, &r);
		for (k = 0; k < NCONTEXT; k++)
			free(h->context[k]);
		free(h->text);
		free(h->map);
	}
	c->nheld = 0;
}

static void
write_row(struct ctx *c, const struct out_row *r)
{
	struct out *o = &c->out;
	int i;

	c->wrote = true;
	for (i = 0; i < NCONTEXT; i++)
		out_fields(o, r->context[i] ? r->context[i] : "");
	out_fields(o, kind_name[r->kind]);
	out_long(o, r->depth);
	out_long(o, r->line);
	out_field(o, r->text, r->n);
	out_field(o, r->map, strlen(r->map));
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
