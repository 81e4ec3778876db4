/* records.c: records of "Label: value" fields and dashboard tiles, and
 * the one entry for a block that is a row of a table or of a record
 * (table_block).
 *
 * A run of fields is one record (docs/tables.md): the field whose label
 * names the measure ("Performance measure", "Indicator", "KPI") gives
 * the record's measure; the others' labels say the role and period of
 * the figures of their values ("Annual target: Reduce by 5%" is a target
 * for the year, "Q1 actual: 541 offences (Q1 2023/24: 602)" a value for
 * Q1 and its prev, "Direction of travel: up 6%" a change); "RAG status"
 * holds none.  A field's value is read as a sentence (do_text), its rows
 * taking the record's measure, the field's role and period
 * (field_rows).  A field whose label is a measure's name ("Calls
 * received: 18,412") or a tile (a figure, then its label: "12,867 |
 * crimes recorded this quarter") reads as the sentence "12,867 crimes
 * recorded this quarter".  The label words are data/lexicon/tables.tsv.
 *
 * split-sections gives fields as kind field ("label TAB value"); in text
 * without kinds, a line "Label: value" is a field when its label is one
 * of the lexicon's (not "Westbury: ...", an area). */

/* What a field's label says its value is. */
enum fkind { FK_NAMED, FK_MEASURE, FK_ACTUAL, FK_GOAL, FK_TREND, FK_SKIP };

enum {
	LABEL_MAX = 60		/* bytes of a field's label in a text line */
};

/* The kind of field label s[0..n): its role words, once its period
 * words are set aside ("Q1 actual", "Annual target", "2024/25 target"),
 * into when ("Q1", "Annual"). */
static enum fkind
field_kind(struct ctx *c, const char *s, size_t n, struct buf *when)
{
	static const struct {
		lex_mask cls;
		enum fkind k;
		bool period;		/* may be named with a period */
	} kinds[] = {
		{TB(MEASURE_FIELD), FK_MEASURE, false},
		{TB(TREND_FIELD), FK_TREND, false},
		{TB(SKIP_FIELD), FK_SKIP, false},
		{TB(ACTUAL_FIELD), FK_ACTUAL, true},
		{TB(GOAL), FK_GOAL, true},
	};
	struct label *l = &c->label;
	size_t i, k, a = 0, e, len;

	tables_open(c);
	buf_reset(when);
	label_split(c, s, n);
	e = l->nw;
	/* period words before and after the role words: "Q1", "annual",
	 * "ytd" (numbers are no words: "2024/25 target" is "target") */
	while (a < e && ((lex_classes(c->lex.lx, l->w[a].s, l->w[a].n) &
			  (W(PERIOD_LABEL) | W(PERIOD_PHRASE))) ||
			 period_month(l->w[a].s, l->w[a].n) || l->w[a].n == 0))
		a++;
	while (e > a && ((lex_classes(c->lex.lx, l->w[e - 1].s, l->w[e - 1].n) &
			  (W(PERIOD_LABEL) | W(PERIOD_PHRASE))) ||
			 period_month(l->w[e - 1].s, l->w[e - 1].n)))
		e--;
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		len = e > a ? lex_phrase(c->tables_lx, l->w + a, e - a, kinds[k].cls,
					 NULL, NULL) : 0;
		if (len == 0 || len != e - a || (!kinds[k].period && e - a != l->nw))
			continue;
		if (kinds[k].period && (a > 0 || e < l->nw || memchr(s, '/', n))) {
			/* the label less its role words: "Q1", "Annual",
			 * "2024/25" */
			for (i = 0; i < n; i++)
				if (is_ascii_alpha((unsigned char)s[i]) &&
				    !strncasecmp(s + i, l->w[a].s, l->w[a].n))
					break;
			text_squeeze_space(when, s, i);
			while (when->len && when->p[when->len - 1] == ' ')
				buf_truncate(when, when->len - 1);
			if (e < l->nw) {
				/* "Target 2024/25": the words after */
				for (i = n; i > 0 && !is_ascii_alpha((unsigned char)s[i - 1]); i--)
					;
				if (when->len)
					buf_addc(when, ' ');
				text_squeeze_space(when, s + i, n - i);
			}
		}
		return kinds[k].k;
	}
	return FK_NAMED;
}

/* A field's period, in when: its label's ("Q1", "Annual"), with the
 * report's year where the label names none ("Q1 2024/25"); none: the
 * report's. */
static void
field_when(struct ctx *c, struct buf *when)
{
	struct period p;
	char w[PERIOD_TEXT_MAX];
	const char *rp = c->blk.period;
	size_t k;

	if (!rp || !*rp || !period_parse(rp, strlen(rp), &p) ||
	    memchr(when->p ? when->p : "", '/', when->len))
		return;
	if (p.kind == PERIOD_QUARTER)
		p.kind = PERIOD_YEAR;	/* its year */
	if (p.kind != PERIOD_YEAR)
		return;
	for (k = 0; k < when->len; k++)
		if (is_ascii_digit((unsigned char)when->p[k]) && k + 1 < when->len &&
		    is_ascii_digit((unsigned char)when->p[k + 1]))
			return;		/* a year of its own */
	if (when->len)
		buf_addc(when, ' ');
	buf_adds(when, period_format(&p, w));
}

/* Read s[0..n) as a sentence whose rows take the field's measure, role
 * and period (field_rows); line: the source line of its figures. */
static void
field_text(struct ctx *c, const char *s, size_t n, enum frole role)
{
	c->field.on = true;
	c->field.role = role;
	do_text(c, s, n);
	c->field.on = false;
}

/* One field: label and value (and a tile's further lines, rest). */
static void
do_field(struct ctx *c, const char *label, size_t ln, const char *value,
	 size_t vn, const char *rest, size_t rn)
{
	struct field_ctx *fd = &c->field;
	enum fkind k = field_kind(c, label, ln, &fd->when);
	struct cell cl;
	static const enum frole role[] = {
		[FK_NAMED] = F_NONE, [FK_ACTUAL] = F_VALUE,
		[FK_GOAL] = F_TARGET, [FK_TREND] = F_CHANGE,
	};

	EXPLAIN(c, NO_SPAN, "field: %.*s = %.*s (%s)", (int)ln, label, (int)vn,
		value, k == FK_MEASURE ? "the record's measure" : k == FK_SKIP ?
		"no figure" : k == FK_NAMED ? "a measure's name" :
		"a role of the record's measure");
	if (k == FK_MEASURE) {
		buf_reset(&fd->record);
		buf_reset(&fd->actual);
		text_squeeze_space(&fd->record, value, vn);
		return;
	}
	if (k == FK_SKIP)
		return;
	buf_reset(&fd->measure);
	if (k != FK_NAMED) {
		buf_add(&fd->measure, fd->record.p ? fd->record.p : "",
			fd->record.len);
		if (!fd->when.len)
			buf_add(&fd->when, fd->caption.p ? fd->caption.p : "", fd->caption.len);
		/* a trend is of the record's values: their period */
		if (k == FK_TREND && !fd->when.len && fd->actual.len)
			buf_add(&fd->when, fd->actual.p, fd->actual.len);
		field_when(c, &fd->when);
		if (k == FK_ACTUAL) {
			buf_reset(&fd->actual);
			buf_add(&fd->actual, fd->when.p ? fd->when.p : "", fd->when.len);
		}
		field_text(c, value, vn, role[k]);
		return;
	}
	/* a measure's name, or a tile: "12,867 crimes recorded this
	 * quarter ..." */
	cl.s = value;
	cl.n = vn;
	read_cell(c, &cl);
	buf_reset(&fd->when);
	buf_add(&fd->when, fd->caption.p ? fd->caption.p : "", fd->caption.len);
	if (cl.numeric) {
		struct buf *t = &fd->text;

		buf_reset(t);
		buf_add(t, value, vn);
		buf_addc(t, ' ');
		buf_add(t, label, ln);
		if (rn) {
			buf_adds(t, ". ");
			buf_add(t, rest, rn);
		}
		c->nmap = 0;	/* its words are no longer where they stood */
		field_text(c, t->p, t->len, F_NONE);
		return;
	}
	text_squeeze_space(&fd->measure, label, ln);
	field_text(c, value, vn, F_NONE);
}

/* A line "Label: value" of text whose label is a field's of the lexicon
 * ("Annual target: 3,400", "RAG status: Green"): a field.  Returns false
 * when it is none. */
static bool
text_field(struct ctx *c, const char *s, size_t n)
{
	const char *colon = memchr(s, ':', n < LABEL_MAX ? n : LABEL_MAX);
	size_t ln;

	if (!colon || colon == s || (size_t)(colon - s) + 2 > n || colon[1] != ' ')
		return false;
	ln = (size_t)(colon - s);
	if (field_kind(c, s, ln, &c->field.when) == FK_NAMED)
		return false;
	do_field(c, s, ln, colon + 2, n - ln - 2, "", 0);
	return true;
}

/* The rows of a sentence read as a field's value: their role (a goal's
 * figures are targets, a trend's are changes), the record's measure
 * before their own words, the field's period where they name none. */
static void
field_rows(struct ctx *c, size_t first)
{
	struct field_ctx *fd = &c->field;
	size_t k;

	for (k = first; k < c->nobs; k++) {
		struct obs *o = &c->obs[k];

		if (fd->role == F_TARGET)
			o->target = true;
		if (fd->role == F_CHANGE && o->has_value && !o->has_change &&
		    !o->has_pct && !o->has_prev && o->fig == o->first) {
			o->has_value = false;
			o->has_change = true;
			o->change = c->fig[o->fig].sign * o->value;
		}
		if (fd->measure.len) {
			struct buf own = BUF_INIT;

			buf_add(&own, o->measure.p ? o->measure.p : "", o->measure.len);
			buf_reset(&o->measure);
			buf_add(&o->measure, fd->measure.p, fd->measure.len);
			/* a trend's own words are its direction: "Improving" */
			if (own.len && fd->role != F_CHANGE &&
			    !strstr(fd->measure.p, own.p)) {
				buf_addc(&o->measure, ' ');
				buf_add(&o->measure, own.p, own.len);
			}
			buf_free(&own);
		}
		if (!o->when.len && fd->when.len)
			buf_add(&o->when, fd->when.p, fd->when.len);
	}
}

/* The period a short line above a record names ("Year to date (April
 * 2024 to March 2025)" over its fields), for its fields that name none;
 * the line is table_block's pending caption. */
static void
record_caption(struct ctx *c)
{
	struct period p;
	char w[PERIOD_WORDS_MAX];
	const struct buf *l = &c->tab.pending;

	buf_reset(&c->field.caption);
	if (l->len && period_find(l->p, l->len, &p))
		buf_adds(&c->field.caption, period_words(&p, w));
}

/* A block as a row of a table or a record, by its kind (split-sections:
 * caption, head, group, table, field) or, without kinds, by its tabs or
 * its "Label: value" form.  False for a block of text, for do_text; a
 * short line is kept as the caption of a table below it, or, between
 * the rows of one, as the group of the rows after it. */
static bool
table_block(struct ctx *c)
{
	struct block *b = &c->blk;
	struct table_ctx *t = &c->tab;
	const char *k = b->kind && *b->kind ? b->kind : NULL;
	struct row_kind rk;
	size_t n;

	tables_open(c);
	if (k && !strcmp(k, "caption")) {
		table_reset(t);
		t->active = true;
		set_caption(c, b->text, b->len);
		do_text(c, b->text, b->len);
		return true;
	}
	if (k && !strcmp(k, "head")) {
		n = split_cells(c, b->text, b->len, &rk);
		set_head(t, c->cells, n);
		return true;
	}
	if (k && !strcmp(k, "group")) {
		buf_reset(&t->rowgroup);
		text_squeeze_space(&t->rowgroup, b->text, b->len);
		do_text(c, b->text, b->len);
		return true;
	}
	if (k && !strcmp(k, "field")) {
		const char *tab = memchr(b->text, '\t', b->len), *tab2;
		size_t ln = tab ? (size_t)(tab - b->text) : b->len;
		const char *v = tab ? tab + 1 : b->text + b->len;
		size_t vn = b->len - (size_t)(v - b->text);

		tab2 = memchr(v, '\t', vn);
		record_caption(c);
		do_field(c, b->text, ln, v, tab2 ? (size_t)(tab2 - v) : vn,
			 tab2 ? tab2 + 1 : "", tab2 ? vn - (size_t)(tab2 + 1 - v) : 0);
		return true;
	}
	if (!(k ? !strcmp(k, "table") : memchr(b->text, '\t', b->len) != NULL)) {
		if (text_field(c, b->text, b->len))
			return true;
		buf_reset(&c->field.record);
		/* a short line without a full stop: a caption of a table
		 * below, or a group between the rows of one */
		buf_reset(&t->pending);
		if (b->len > 0 && b->len < CAPTION_MAX && b->text[b->len - 1] != '.')
			text_squeeze_space(&t->pending, b->text, b->len);
		if (t->active && (t->had_data || t->head.n) && t->pending.len) {
			t->between = true;
			return false;
		}
		table_reset(t);
		return false;
	}
	if (t->between && t->pending.len) {
		buf_reset(&t->rowgroup);
		buf_add(&t->rowgroup, t->pending.p, t->pending.len);
	}
	t->between = false;
	if (!t->active && !b->heading && t->pending.len) {
		set_caption(c, t->pending.p, t->pending.len);
		t->active = true;
	}
	buf_reset(&t->pending);
	if (b->heading && (!t->active || strcmp(b->heading, t->heading.p ?
						t->heading.p : ""))) {
		table_reset(t);
		buf_reset(&t->heading);
		buf_adds(&t->heading, b->heading);
		if (*b->heading)
			set_caption(c, b->heading, strlen(b->heading));
		t->active = true;
	}
	do_table_row(c, b->text, b->len);
	return true;
}
