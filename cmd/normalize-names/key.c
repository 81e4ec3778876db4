/* key.c: a name's key, through the four stages; the qualifiers of a
 * measure; a cache of keys, for names repeated down a table. */

/* All four stages. */
static const char *
compute_key(struct ctx *c, const char *s, size_t n, const char *field)
{
	size_t k = name_tokens(c, s, n, true);

	if (k > 0)
		build_key(c, k, field);
	else
		buf_reset(&c->key);
	return c->key.p ? c->key.p : "";
}

static unsigned
hash_str(const char *s)
{
	unsigned h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* Names repeat down a table: a small direct-mapped cache of keys, emptied
 * (by generation) whenever a learned definition changes. */
static const char *
make_key(struct ctx *c, const char *s, size_t n, const char *field)
{
	struct cached *e;
	unsigned h;

	if (n > CACHE_NAME_MAX || memchr(s, '(', n))
		return compute_key(c, s, n, field);
	h = hash_str(s) ^ (hash_str(field) * 0x9E3779B1u);
	e = &c->cache[h % CACHE_SIZE];
	if (e->name && e->gen == c->gen && e->hash == h &&
	    strcmp(e->name, s) == 0 && strcmp(e->field, field) == 0)
		return e->key;
	compute_key(c, s, n, field);
	free(e->name);
	free(e->key);
	free(e->field);
	e->name = xstrdup(s);
	e->key = xstrdup(c->key.p ? c->key.p : "");
	e->field = xstrdup(field);
	e->hash = h;
	e->gen = c->gen;
	return e->key;
}

/* A target, or a share, is another series than the count it is about:
 * the measure's key says so, from the kind and unit columns, where the
 * words do not already. */
static const char *
row_key(struct ctx *c, const struct table *t, const struct plan *p, size_t i)
{
	const char *v = table_get(t, (int)i), *unit;

	if ((int)i != p->measure || !p->qualify || !*v)
		return make_key(c, v, strlen(v), t->cols[i]);
	buf_reset(&c->qualified);
	buf_adds(&c->qualified, v);
	if (strcmp(table_get(t, p->kind), "target") == 0)
		buf_adds(&c->qualified, " target");
	unit = table_get(t, p->unit);
	if (strcmp(unit, "percent") == 0 || strcmp(unit, "pp") == 0)
		buf_adds(&c->qualified, " percent");
	return make_key(c, c->qualified.p, c->qualified.len, t->cols[i]);
}
