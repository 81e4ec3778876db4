/* output.c: the table with its key columns. */

/* The header through out_header: a CSV's byte order mark, a workbook's
 * bold frozen row. */
static void
write_header(struct out *o, const struct table *t, const struct plan *p)
{
	const char **names = xcalloc(2 * t->ncols + 1, sizeof *names);
	struct buf keys = BUF_INIT;
	size_t i, n = 0, at = 0, *off = xcalloc(t->ncols + 1, sizeof *off);

	for (i = 0; i < t->ncols; i++)
		if (p->keyed[i] && !p->skip[i]) {
			off[at++] = keys.len;
			buf_addf(&keys, "%s_key", t->cols[i]);
			buf_addc(&keys, '\0');
		}
	for (i = 0, at = 0; i < t->ncols; i++) {
		if (p->skip[i])
			continue;
		names[n++] = t->cols[i];
		if (p->keyed[i])
			names[n++] = keys.p + off[at++];
	}
	names[n] = NULL;
	out_header(o, names);
	free(names);
	free(off);
	buf_free(&keys);
}

static void
write_row(struct ctx *c, struct out *o, const struct table *t,
	  const struct plan *p)
{
	size_t i, n;
	const char *v;
	double x;

	for (i = 0; i < t->ncols; i++) {
		if (p->skip[i])
			continue;
		v = table_get(t, (int)i);
		n = i < t->row.n ? t->row.len[i] : 0;
		/* A workbook gets numbers as numbers; TSV and CSV keep the
		 * text as it came. */
		if (o->x && p->numeric[i] && num_parse(v, n, &x))
			out_num(o, x);
		else
			out_field(o, v, n);
		if (p->keyed[i])
			out_fields(o, row_key(c, t, p, i));
	}
	out_end(o);
}
