/* links.c: --suggest on the links diff-quarters made (its --review file:
 * old_measure, new_measure, why, decision).  Two names a person or the
 * linkage took for one figure, with different keys, are a candidate row
 * for the concept table: the older name as the variant, the newer one's
 * key as the concept.  A "no" is left out; a "yes", or a link with no
 * decision yet, counts. */

struct link_row {
	char *variant, *from, *to;	/* the older name, its key, the newer key */
	size_t count;
};

struct link_rows {
	struct link_row *v;
	size_t n, cap;
	bool seen;		/* the input was a links table */
};

/* Is this row of a links table a link? */
static bool
is_link(const struct table *t, const struct plan *p)
{
	const char *d = table_get(t, p->decision), *why = table_get(t, p->why);

	if (*d)
		return strcasecmp(d, "yes") == 0 || strcasecmp(d, "y") == 0;
	return strcmp(why, "linked") == 0 || strcmp(why, "review") == 0;
}

static void
links_row(struct ctx *c, struct link_rows *lr, const struct table *t,
	  const struct plan *p)
{
	const char *old = table_get(t, p->old_measure);
	const char *new = table_get(t, p->new_measure);
	char *from, *to;
	size_t i;

	lr->seen = true;
	if (!is_link(t, p) || !*old || !*new)
		return;
	from = xstrdup(make_key(c, old, strlen(old), "measure"));
	to = xstrdup(make_key(c, new, strlen(new), "measure"));
	if (!*from || !*to || strcmp(from, to) == 0) {
		free(from);
		free(to);
		return;
	}
	for (i = 0; i < lr->n; i++)
		if (strcmp(lr->v[i].from, from) == 0 && strcmp(lr->v[i].to, to) == 0) {
			lr->v[i].count++;
			free(from);
			free(to);
			return;
		}
	if (lr->n == lr->cap) {
		lr->cap = lr->cap ? 2 * lr->cap : 64;
		lr->v = xrealloc(lr->v, lr->cap * sizeof *lr->v);
	}
	lr->v[lr->n++] = (struct link_row){xstrdup(old), from, to, 1};
}

static int
link_row_cmp(const void *a, const void *b)
{
	const struct link_row *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->from, y->from);
}

/* The candidate rows, the most supported first, in --suggest's columns. */
static int
write_link_suggestions(struct ctx *c, struct link_rows *lr)
{
	static const char *const header[] = {"variant", "canonical", "count",
					     "distance", NULL};
	struct out o;
	size_t i, *row;
	int status;

	if (cli_out_open(&o, &c->out, "suggestions") != EXIT_OK)
		return EXIT_DATA;
	if (lr->n > 0)
		qsort(lr->v, lr->n, sizeof *lr->v, link_row_cmp);
	out_header(&o, header);
	for (i = 0; i < lr->n; i++) {
		row = xmalloc((strlen(lr->v[i].to) + 1) * sizeof *row);
		out_fields(&o, lr->v[i].variant);
		out_fields(&o, lr->v[i].to);
		out_num(&o, (double)lr->v[i].count);
		out_num(&o, (double)edit_distance(lr->v[i].from, lr->v[i].to, row));
		out_end(&o);
		free(row);
	}
	status = out_close(&o);
	for (i = 0; i < lr->n; i++) {
		free(lr->v[i].variant);
		free(lr->v[i].from);
		free(lr->v[i].to);
	}
	free(lr->v);
	return status;
}
