/* output.c: one output row. */

/* A line number as a field, without printf: one per row adds up (a
 * workbook gets a number cell). */
static void
out_line(struct out *w, long line)
{
	char d[24];
	size_t k = sizeof d;

	if (w->x) {
		out_num(w, (double)line);
		return;
	}
	if (line < 0) {
		out_fieldf(w, "%ld", line);
		return;
	}
	do
		d[--k] = (char)('0' + line % 10);
	while ((line /= 10) > 0 && k > 0);
	out_field(w, d + k, sizeof d - k);
}

static void
emit(struct ctx *c, const struct obs *o, const char *evidence, size_t elen)
{
	struct out *w = &c->out;

	out_fields(w, c->blk.doc);
	out_fields(w, c->blk.period);
	out_fields(w, c->blk.priority);
	out_fields(w, c->blk.area);
	out_field(w, o->measure.p ? o->measure.p : "", o->measure.len);
	out_num_or_empty(w, o->has_value, o->value);
	out_num_or_empty(w, o->has_max, o->vmax);
	out_fields(w, o->unit);
	out_fields(w, o->approx);
	out_field(w, o->when.p ? o->when.p : "", o->when.len);
	out_fields(w, o->target ? "target" : "actual");
	out_num_or_empty(w, o->has_prev, o->prev);
	out_field(w, o->prev_when.p ? o->prev_when.p : "", o->prev_when.len);
	out_num_or_empty(w, o->has_change, o->change);
	out_num_or_empty(w, o->has_pct, o->pct);
	out_line(w, line_at(c, o->at));
	out_field(w, evidence, elen);
	out_end(w);
}
