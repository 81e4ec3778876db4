/* aliases.c: stage 4.  Groups of fingerprint tokens replaced by the
 * canonical names of the alias tables; the tables found and loaded. */

static int
cmp_alias_first(const void *key, const void *elem)
{
	return strcmp(key, ((const struct alias *)elem)->tok[0]);
}

/* Is every token of a among the unused sorted tokens? */
static bool
alias_fits(const struct ctx *c, const struct alias *a, size_t n,
	   const char *field)
{
	size_t i = 0, j = 0;

	if ((a->field && !in_list(a->field, field)) || (a->whole && n != a->ntok))
		return false;
	while (i < a->ntok && j < n) {
		int d = strcmp(a->tok[i], c->sorted[j]);
		if (d == 0 && c->used[j])
			return false;
		if (d < 0)
			return false;
		i += d == 0;
		j++;
	}
	return i == a->ntok;
}

static void
mark_used(struct ctx *c, const struct alias *a, size_t n)
{
	size_t i = 0, j;

	for (j = 0; j < n && i < a->ntok; j++)
		if (strcmp(a->tok[i], c->sorted[j]) == 0)
			c->used[j] = true, i++;
}

/* The best alias that fits: most tokens, then the latest loaded. */
static const struct alias *
best_alias(struct ctx *c, size_t n, const char *field)
{
	const struct alias *best = NULL, *a, *end;
	size_t j;

	if (c->nalias == 0)	/* c->alias may be NULL: no pointer sums on it */
		return NULL;
	end = c->alias + c->nalias;
	for (j = 0; j < n; j++) {
		if (c->used[j])
			continue;
		a = bsearch(c->sorted[j], c->alias, c->nalias, sizeof *a,
			    cmp_alias_first);
		if (!a)
			continue;
		while (a > c->alias && strcmp(a[-1].tok[0], c->sorted[j]) == 0)
			a--;
		for (; a < end && strcmp(a->tok[0], c->sorted[j]) == 0; a++)
			if (alias_fits(c, a, n, field) &&
			    (!best || a->ntok > best->ntok ||
			     (a->ntok == best->ntok && a->order > best->order)))
				best = a;
	}
	return best;
}

static void
key_add(struct buf *key, const char *part)
{
	if (key->len > 0)
		buf_addc(key, '_');
	buf_adds(key, part);
}

/* The key: canonical names of the aliases that fit (sorted), then the
 * remaining tokens (sorted).  A one-word canonical name is a token again,
 * so that it sorts like the word itself. */
static void
build_key(struct ctx *c, size_t n, const char *field)
{
	const struct alias *a;
	const char *phrases[KEY_PHRASES_MAX];
	size_t nphr = 0, nrest = 0, i;

	memset(c->used, 0, n * sizeof *c->used);
	if (c->rest_cap < 2 * n) {
		c->rest_cap = 2 * n;
		c->rest = xrealloc(c->rest, c->rest_cap * sizeof *c->rest);
	}
	while (nphr < NELEM(phrases) && (a = best_alias(c, n, field))) {
		mark_used(c, a, n);
		if (strchr(a->canon, '_'))
			phrases[nphr++] = a->canon;
		else
			c->rest[nrest++] = a->canon;
	}
	for (i = 0; i < n; i++)
		if (!c->used[i])
			c->rest[nrest++] = c->sorted[i];
	qsort(phrases, nphr, sizeof *phrases, cmp_str);
	qsort(c->rest, nrest, sizeof *c->rest, cmp_str);
	buf_reset(&c->key);
	for (i = 0; i < nphr; i++)
		key_add(&c->key, phrases[i]);
	for (i = 0; i < nrest; i++)
		if (i == 0 || strcmp(c->rest[i - 1], c->rest[i]) != 0)
			key_add(&c->key, c->rest[i]);
}

/* ---- loading the alias tables ---- */

/* A canonical name as a key: lower case, words joined by "_". */
static char *
canonical_key(const char *s)
{
	struct buf b = BUF_INIT;
	bool gap = false;

	for (; *s; s++) {
		if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80) {
			if (gap && b.len > 0)
				buf_addc(&b, '_');
			buf_addc(&b, (char)tolower((unsigned char)*s));
			gap = false;
		} else {
			gap = true;
		}
	}
	if (b.len == 0)
		return NULL;
	return b.p;
}

static void
alias_add(struct ctx *c, size_t ntok, char *canon, const char *field,
	  bool whole)
{
	struct alias *a;
	size_t i;

	if (c->nalias == c->alias_cap) {
		c->alias_cap = c->alias_cap ? 2 * c->alias_cap : 256;
		c->alias = xrealloc(c->alias, c->alias_cap * sizeof *c->alias);
	}
	a = &c->alias[c->nalias];
	a->ntok = ntok;
	a->tok = xmalloc(ntok * sizeof *a->tok);
	for (i = 0; i < ntok; i++)
		a->tok[i] = xstrdup(c->sorted[i]);
	a->canon = canon;
	a->field = field && *field ? xstrdup(field) : NULL;
	a->order = c->nalias++;
	a->whole = whole;
}

/* One line of an alias table: [=]variant TAB canonical [TAB fields]. */
static bool
alias_line(struct ctx *c, const char *path, long lineno, char *line)
{
	struct row r = {0};
	size_t ntok;
	char *canon;
	bool ok = false, whole;

	row_split_tsv(&r, line, strlen(line));
	whole = r.field[0][0] == '=';
	if (r.n < 2 || r.n > 3) {
		warn_at(path, lineno, "want variant<TAB>canonical[<TAB>field], got %zu fields", r.n);
	} else if ((ntok = name_tokens(c, r.field[0] + whole, r.len[0] - whole, true)) == 0 ||
		   !(canon = canonical_key(r.field[1]))) {
		warn_at(path, lineno, "variant or canonical name has no words");
	} else {
		alias_add(c, ntok, canon, r.n == 3 ? r.field[2] : NULL, whole);
		ok = true;
	}
	row_free(&r);
	return ok;
}

static int
load_aliases(struct ctx *c, const char *path)
{
	struct input in;
	bool empty, bad = false;
	char *line;
	ssize_t n;

	/* Not strict: a bad line is repaired (and warned about, and makes
	 * the exit status 1), and the lines after it are read all the same. */
	if (input_open(&in, path, false, &empty) != EXIT_OK)
		return EXIT_DATA;
	while (!empty && (n = input_line(&in, &line)) >= 0) {
		bad |= line == in.fixed.p;	/* it was repaired */
		if (n == 0 || line[0] == '#')
			continue;
		if (!alias_line(c, in.name, input_lineno(&in), line))
			bad = true;
	}
	bad |= in.failed;
	input_close(&in);
	return bad ? EXIT_DATA : EXIT_OK;
}

static int
cmp_alias(const void *a, const void *b)
{
	const struct alias *x = a, *y = b;
	int d = strcmp(x->tok[0], y->tok[0]);

	return d ? d : (x->order > y->order) - (x->order < y->order);
}

/* A shipped table, found as lib/data.h says; not found is an error:
 * keys without it would silently differ from every other run's. */
static int
load_shipped(struct ctx *c, const char *name, const char *what, bool *missing)
{
	char *path, *asked, *places;
	int status;

	if ((path = data_find(name, c->aliases_dir, DATADIR, &asked)) == NULL) {
		places = data_places(name, DATADIR);
		if (asked)
			warn_at(asked, 0, "cannot read the %s", what);
		else
			warn_at(NULL, 0, "no %s found (looked in %s): name its directory with --aliases-dir, or use --no-aliases", name, places);
		free(asked);
		free(places);
		*missing = true;
		return EXIT_DATA;
	}
	status = load_aliases(c, path);
	free(path);
	return status;
}

/* The shipped tables (the force's places and plans, then the concepts of
 * police reporting), then the user's, in order: later lines win. */
static int
load_all_aliases(struct ctx *c, char **extra, size_t nextra, bool *missing)
{
	size_t i;
	int status = EXIT_OK;

	if (!c->no_aliases &&
	    (load_shipped(c, ALIAS_FILE, "alias table", missing) != EXIT_OK ||
	     load_shipped(c, CONCEPT_FILE, "concept table", missing) != EXIT_OK))
		status = EXIT_DATA;
	if (*missing)
		return EXIT_DATA;
	for (i = 0; i < nextra; i++)
		if (load_aliases(c, extra[i]) != EXIT_OK)
			status = EXIT_DATA;
	if (c->nalias > 0)
		qsort(c->alias, c->nalias, sizeof *c->alias, cmp_alias);
	return status;
}
