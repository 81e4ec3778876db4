/* join.c: joining and ambiguity.  Which OLD figure is which NEW figure,
 * in two steps: join_block puts a figure in the group of the figures it
 * may be joined with (its block), and match_group decides within a group:
 * each figure ends PAIRED (with its mate), AMBIGUOUS (the group stays
 * uneven) or FREE (new or gone).  The rest of the program reads only
 * those states, so a join by other means (record linkage: looser blocks,
 * pairs scored on evidence, one-to-one assignment) replaces this file. */

/* The group of the figures f may be joined with: today, those with its
 * exact key (measure_key, area_key, kind and unit: keys.c).  Made when
 * add is set; NULL when there is none, so f cannot join. */
static struct group *
join_block(struct map *groups, const struct fig *f, bool add)
{
	return map_get(groups, f->s[S_KEY], strlen(f->s[S_KEY]), add);
}

struct item {
	struct fig *f;
	const char *sig;
};

static int
item_cmp(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	int c = strcmp(x->sig, y->sig);

	if (c != 0)
		return c;
	if (x->f->side != y->f->side)
		return x->f->side == OLD ? -1 : 1;
	return x->f->seq < y->f->seq ? -1 : x->f->seq > y->f->seq;
}

/* Give each item its context signature at a level: the context fields
 * the level keeps.  They live in scratch, so pointers come last. */
static void
sign_items(struct item *it, size_t n, unsigned keep, struct buf *scratch)
{
	size_t i, k;

	buf_reset(scratch);
	for (i = 0; i < n; i++) {
		it[i].sig = (const char *)(uintptr_t)scratch->len;
		for (k = 0; k < NCTX; k++) {
			if (keep & CTX_BIT(k))
				buf_adds(scratch, it[i].f->s[S_CTX + k]);
			buf_addc(scratch, KEY_SEP);
		}
		buf_addc(scratch, '\0');
	}
	for (i = 0; i < n; i++)
		it[i].sig = scratch->p + (uintptr_t)it[i].sig;
}

/* Pair the runs of one signature that hold as many old figures as new
 * (at most one of each with max_run 2), in order; return how many items
 * are left, packed to the front.  Sorted, a run is its OLD figures, then
 * its NEW ones, each in order of appearance. */
static size_t
pair_runs(struct item *it, size_t n, size_t max_run)
{
	struct span run;
	size_t k, nold, left = 0;

	for (run.a = 0; run.a < n; run.a = run.b) {
		for (run.b = run.a, nold = 0; run.b < n &&
		     strcmp(it[run.b].sig, it[run.a].sig) == 0; run.b++)
			nold += it[run.b].f->side == OLD;
		if (nold > 0 && 2 * nold == span_len(run) &&
		    span_len(run) <= max_run) {
			for (k = run.a; k < run.a + nold; k++) {
				it[k].f->mate = it[k + nold].f;
				it[k + nold].f->mate = it[k].f;
				it[k].f->state = PAIRED;
				it[k + nold].f->state = PAIRED;
			}
			continue;
		}
		for (k = run.a; k < run.b; k++)
			it[left++] = it[k];
	}
	return left;
}

/* Match the free figures of a key, finest context first: priority,
 * commitment, heading and kind of period; then without the period, the
 * heading, the commitment; then all together, in order.  Uneven
 * leftovers on both sides are ambiguous.
 *
 * Figures without a measure_key (the extractor could not name them) are
 * not known to measure one thing: they pair only one to one in the same
 * full context, and stay new and gone otherwise. */
static void
match_group(struct group *g, struct buf *scratch)
{
	static const unsigned levels[] = {
		CTX_BIT(CTX_PRIORITY) | CTX_BIT(CTX_COMMITMENT) |
			CTX_BIT(CTX_HEADING) | CTX_BIT(CTX_WHEN),
		CTX_BIT(CTX_PRIORITY) | CTX_BIT(CTX_COMMITMENT) |
			CTX_BIT(CTX_HEADING),
		CTX_BIT(CTX_PRIORITY) | CTX_BIT(CTX_COMMITMENT),
		CTX_BIT(CTX_PRIORITY),
		0		/* the key alone */
	};
	bool named = key_named(g->key);
	size_t n = 0, i, s, nold = 0;
	struct item *it;

	if (g->side[OLD].n == 0 || g->side[NEW].n == 0)
		return;
	if (named && g->side[OLD].n == 1 && g->side[NEW].n == 1 &&
	    g->side[OLD].v[0]->state == FREE &&
	    g->side[NEW].v[0]->state == FREE) {
		/* What every level would end in, without the sorting. */
		g->side[OLD].v[0]->mate = g->side[NEW].v[0];
		g->side[NEW].v[0]->mate = g->side[OLD].v[0];
		g->side[OLD].v[0]->state = PAIRED;
		g->side[NEW].v[0]->state = PAIRED;
		return;
	}
	it = xmalloc((g->side[OLD].n + g->side[NEW].n) * sizeof *it);
	for (s = OLD; s <= NEW; s++)
		for (i = 0; i < g->side[s].n; i++)
			if (g->side[s].v[i]->state == FREE)
				it[n++].f = g->side[s].v[i];
	for (i = 0; i < (named ? sizeof levels / sizeof levels[0] : 1) &&
	     n > 0; i++) {
		sign_items(it, n, levels[i], scratch);
		qsort(it, n, sizeof *it, item_cmp);
		n = pair_runs(it, n, named ? n : 2);
	}
	for (i = 0; i < n; i++)
		nold += it[i].f->side == OLD;
	if (named && nold > 0 && nold < n)
		for (i = 0; i < n; i++)
			it[i].f->state = AMBIGUOUS;
	free(it);
}
