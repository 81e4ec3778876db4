/* output.c: the table with its key columns. */

/* Can a spreadsheet hold the number written s[0..n) exactly?  Excel
 * keeps 15 significant digits: a longer number (a line past 2^53, a
 * 60-digit amount) stays text rather than be silently rounded. */
static bool
exact_in_sheet(const char *s, size_t n)
{
	enum { SHEET_DIGITS = 15 };
	size_t i, digits = 0;
	bool lead = true;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			continue;
		if (lead && s[i] == '0')
			continue;
		lead = false;
		digits++;
	}
	return digits <= SHEET_DIGITS;
}

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
		if (o->x && p->numeric[i] && num_parse(v, n, &x) &&
		    exact_in_sheet(v, n))
			out_num(o, x);
		else
			out_field(o, v, n);
		if (p->keyed[i])
			out_fields(o, row_key(c, t, p, i));
	}
	out_end(o);
}
