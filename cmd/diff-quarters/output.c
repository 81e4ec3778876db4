/* output.c: what every row shares: the filters, numbers written without
 * printf where they can be, and the check column. */

/* Does a row pass --only and --min-change?  A figure that moved from
 * nothing has moved by an infinite percentage. */
static bool
shown(const struct opts *opt, const struct fig *o, const struct fig *n,
      unsigned status, const struct verdict *vd)
{
	bool mismatch = vd->why.len > 0;

	if (opt->only && !(opt->only & status) &&
	    !(mismatch && (opt->only & ST_MISMATCH)))
		return false;
	if (opt->has_min && o && n && o->value != 0 &&
	    fabs((n->value - o->value) / o->value) * 100 < opt->min_change)
		return false;
	if (opt->has_min && o && n && o->value == 0 && n->value == 0)
		return false;
	return true;
}

/* out_num_or_empty, with numbers of at most two decimals (most
 * figures, and every delta_pct) written without going through printf's
 * floating point, which is most of the time of a large diff. */
static void
put_num(struct out *out, bool present, double v)
{
	/* Past 1e13, a double holds no exact cents; a difference over a
	 * billionth of the value is a third decimal, not binary noise. */
	const double fast_max = 1e13, noise = 1e-9;
	char tmp[NUM_TEXT], *p = tmp + sizeof tmp;
	double cents = round(v * 100);
	unsigned long long u;
	int decimals = 2;

	if (!present || out->x || fabs(v * 100 - cents) > noise * fmax(1, fabs(v)) ||
	    fabs(v) >= fast_max) {	/* a workbook's cell: a number */
		out_num_or_empty(out, present, v);
		return;
	}
	u = (unsigned long long)fabs(cents);
	for (; decimals > 0 && u % 10 == 0; decimals--)
		u /= 10;
	for (; decimals > 0; decimals--, u /= 10)
		*--p = (char)('0' + u % 10);
	if (p < tmp + sizeof tmp)
		*--p = '.';
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (cents < 0)
		*--p = '-';
	out_field(out, p, (size_t)(tmp + sizeof tmp - p));
}

/* A line number, exact however large (a double is not past 2^53). */
static void
out_line(struct out *out, const struct fig *f)
{
	if (!f || f->line <= 0)
		out_field(out, "", 0);
	else if (out->x)
		out_num(out, (double)f->line);
	else
		out_fieldf(out, "%ld", f->line);
}

/* The check column: "mismatch: why", or "ok" when comparisons were
 * checked, then the notes (a revision the report explains). */
static void
verdict_text(const struct verdict *vd, struct buf *out)
{
	buf_reset(out);
	buf_grow(out, 1);
	if (vd->why.len > 0) {
		buf_adds(out, "mismatch: ");
		buf_add(out, vd->why.p, vd->why.len);
	} else if (vd->checks > 0) {
		buf_adds(out, "ok");
	}
	if (vd->note.len > 0) {
		if (out->len > 0)
			buf_adds(out, "; ");
		buf_add(out, vd->note.p, vd->note.len);
	}
}

static void
write_check(struct out *out, const struct verdict *vd)
{
	struct buf text = BUF_INIT;

	verdict_text(vd, &text);
	out_field(out, text.p, text.len);
	buf_free(&text);
}
