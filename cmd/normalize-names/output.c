/* output.c: the table with its key columns. */

static void
write_header(struct out *o, const struct table *t, const struct plan *p)
{
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		if (p->skip[i])
			continue;
		out_fields(o, t->cols[i]);
		if (p->keyed[i])
			out_fieldf(o, "%s_key", t->cols[i]);
	}
	out_end(o);
}

static void
write_row(struct ctx *c, struct out *o, const struct table *t,
	  const struct plan *p)
{
	size_t i;
	const char *v;

	for (i = 0; i < t->ncols; i++) {
		if (p->skip[i])
			continue;
		v = table_get(t, (int)i);
		out_field(o, v, i < t->row.n ? t->row.len[i] : 0);
		if (p->keyed[i])
			out_fields(o, row_key(c, t, p, i));
	}
	out_end(o);
}
