/* map.c: lists of figures, and figures grouped by a key: a hash of
 * groups, each with the figures of OLD and of NEW that share the key (the
 * blocks of link.c, the units of the unit warnings). */

static void
figs_push(struct figs *fs, struct fig *f)
{
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? fs->cap * 2 : 1;
		fs->v = xrealloc(fs->v, fs->cap * sizeof *fs->v);
	}
	fs->v[fs->n++] = f;
}

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

/* The group of key[0..n), made when add is set (then key must outlive
 * the map: it is a figure's); NULL when absent. */
static struct group *
map_get(struct map *m, const char *key, size_t n, bool add)
{
	size_t i, mask;
	struct group *g;

	if (add && (m->n + 1) * 2 > m->cap) {
		struct map bigger = {NULL, m->cap ? m->cap * 2 : 64, 0};

		bigger.slot = xcalloc(bigger.cap, sizeof *bigger.slot);
		for (i = 0; i < m->cap; i++) {
			if (!(g = m->slot[i]))
				continue;
			size_t j = hash(g->key, g->len) & (bigger.cap - 1);
			while (bigger.slot[j])
				j = (j + 1) & (bigger.cap - 1);
			bigger.slot[j] = g;
		}
		free(m->slot);
		m->slot = bigger.slot;
		m->cap = bigger.cap;
	}
	if (m->cap == 0)
		return NULL;
	mask = m->cap - 1;
	for (i = hash(key, n) & mask; (g = m->slot[i]); i = (i + 1) & mask)
		if (g->len == n && memcmp(g->key, key, n) == 0)
			return g;
	if (!add)
		return NULL;
	g = xcalloc(1, sizeof *g);
	g->key = key;
	g->len = n;
	m->slot[i] = g;
	m->n++;
	return g;
}

static void
map_free(struct map *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++) {
		if (!m->slot[i])
			continue;
		free(m->slot[i]->side[OLD].v);
		free(m->slot[i]->side[NEW].v);
		free(m->slot[i]);
	}
	free(m->slot);
}

static void
group_add(struct group *g, struct fig *f, enum side side)
{
	figs_push(&g->side[side], f);
}
