/* read.c: the input tables: which columns get a key, and the rows. */

static bool
in_list(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	while (*p) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == n && strncmp(p, name, n) == 0)
			return true;
		p += len + (comma != NULL);
	}
	return false;
}

/* Every field -f names must be in the header. */
static int
check_chosen(const struct table *t, const char *f)
{
	size_t len;
	char *name;
	bool found;

	for (; *f; f += len + (f[len] == ',')) {
		len = strcspn(f, ",");
		name = xstrndup(f, len);
		found = len == 0 || table_col(t, name) >= 0;
		if (!found)
			warn_at(t->name, 1, "no field '%s' in the header", name);
		free(name);
		if (!found)
			return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* Mark the fields to key, and old key columns of them to replace. */
static int
make_plan(struct plan *p, const struct table *t, const char *fields,
	  bool chosen)
{
	static const char suffix[] = "_key";	/* FIELD_key: our column */
	const size_t nsuffix = sizeof suffix - 1;
	size_t i, k, n, nkeyed = 0;

	p->ncols = t->ncols;
	p->old_measure = table_col(t, "old_measure");
	p->new_measure = table_col(t, "new_measure");
	p->why = table_col(t, "why");
	p->decision = table_col(t, "decision");
	p->links = p->old_measure >= 0 && p->new_measure >= 0;
	p->measure = table_col(t, "measure");
	p->kind = table_col(t, "kind");
	p->unit = table_col(t, "unit");
	p->keyed = xcalloc(t->ncols, sizeof *p->keyed);
	p->skip = xcalloc(t->ncols, sizeof *p->skip);
	p->numeric = xcalloc(t->ncols, sizeof *p->numeric);
	for (i = 0; i < t->ncols; i++) {
		nkeyed += p->keyed[i] = in_list(fields, t->cols[i]);
		p->numeric[i] = in_list(NUMERIC_FIELDS, t->cols[i]);
	}
	for (i = 0; i < t->ncols; i++) {
		n = strlen(t->cols[i]);
		if (n > nsuffix && strcmp(t->cols[i] + n - nsuffix, suffix) == 0)
			for (k = 0; k < t->ncols; k++)
				if (p->keyed[k] && strlen(t->cols[k]) == n - nsuffix &&
				    strncmp(t->cols[k], t->cols[i], n - nsuffix) == 0)
					p->skip[i] = true;
	}
	if (chosen)
		return check_chosen(t, fields);
	if (nkeyed == 0 && !p->links)
		warn_at(t->name, 1, "none of the fields %s: nothing to key (see -f)", DEFAULT_FIELDS);
	return EXIT_OK;
}

static void
plan_free(struct plan *p)
{
	free(p->keyed);
	free(p->skip);
	free(p->numeric);
}

/* Rows with the wrong number of fields: padded or cut, with a warning. */
static void
check_width(struct ctx *c, const struct table *t)
{
	if (t->row.n == t->ncols)
		return;
	warn_capped(&c->width, t->name, t->line, "%zu fields, expected %zu: %s", t->row.n,
		t->ncols, t->row.n < t->ncols ? "padded with empty fields" :
		"extra fields dropped");
	c->status = EXIT_DATA;
}

/* The header of a later file must match the first one: the output is one
 * table. */
static bool
same_header(const struct table *t, char **first, size_t n)
{
	size_t i;

	if (t->ncols != n)
		return false;
	for (i = 0; i < n; i++)
		if (strcmp(t->cols[i], first[i]) != 0)
			return false;
	return true;
}

static int
rows(struct ctx *c, struct run *r, struct table *t, struct plan *p)
{
	int got;

	while ((got = table_next(t)) > 0) {
		check_width(c, t);
		learn_row(c, t);
		if (c->suggest && p->links)
			links_row(c, r->links, t, p);
		else if (c->suggest)
			suggest_row(c, &r->names, t, p);
		else
			write_row(c, &r->out, t, p);
	}
	return got < 0 ? EXIT_DATA : EXIT_OK;
}

static int
normalize_file(struct ctx *c, struct run *r, const char *path)
{
	struct table t;
	struct plan p = {0};
	bool empty;
	int status;
	size_t i;

	status = table_open(&t, path, c->out.strict, &empty);
	if (status != EXIT_OK || empty) {
		table_close(&t);
		return status;
	}
	if (r->header_done && !same_header(&t, r->header, r->ncols)) {
		warn_at(t.name, 1, "header differs from the first input's: file skipped");
		table_close(&t);
		return EXIT_DATA;
	}
	p.qualify = !c->no_qualify;
	if ((status = make_plan(&p, &t, c->fields, r->chosen)) != EXIT_OK) {
		plan_free(&p);
		table_close(&t);
		return status;
	}
	if (!r->header_done) {
		r->header_done = true;
		r->ncols = t.ncols;
		r->header = xcalloc(t.ncols, sizeof *r->header);
		for (i = 0; i < t.ncols; i++)
			r->header[i] = xstrdup(t.cols[i]);
		if (!c->suggest)
			write_header(&r->out, &t, &p);
	}
	status = rows(c, r, &t, &p);
	plan_free(&p);
	table_close(&t);
	return status;
}
