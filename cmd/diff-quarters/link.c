/* link.c: record linkage.  Which OLD figure is which NEW figure:
 *   1. blocking: candidates share a unit and a kind, and two different
 *      areas never meet; a large block keeps the pairs that share a rare
 *      word (so that two files of a million figures stay linear);
 *   2. each candidate compared on every kind of evidence (compare.c) and
 *      scored by the model fitted to these pairs (model.c);
 *   3. one-to-one assignment (assign.c), twice: the second pass knows
 *      which paragraphs the first linked (the neighbours feature);
 *   4. each link gets its band: linked, or review where the weight is low
 *      or another candidate comes close; exact ties are ambiguous, never
 *      decided by order.
 * A person's decisions (the links file) come first: a yes is a link, a no
 * removes the pair.  OLD is the other quarter's figures, or in --wide the
 * latest observation of each series. */


/* The ties a run made. */
struct ties {
	struct tie **v;
	size_t n, cap;
};

/* One run of the linkage. */
struct linkage {
	struct fig **olds, **news;
	size_t no, nn;
	/* --wide: each OLD's series, to compare with its observations */
	struct fig **(*history)(struct fig *o, size_t *n);
	struct fig *(*head)(struct fig *f);	/* a figure's OLD, or NULL */
	const struct opts *opt;
	struct pair *p;
	size_t np, cap;
	struct model md;
	bool *chosen;
	struct ties ties;	/* made here, freed by linkage_free */
	uint32_t *slot;		/* the pairs by their figures: index + 1 */
	size_t nslot;
	struct layout layout;	/* what the first pass says of the layouts */
};

static void
pair_add(struct linkage *lk, struct fig *o, struct fig *n, bool candidate,
	 bool random)
{
	if (lk->np == lk->cap) {
		lk->cap = lk->cap ? 2 * lk->cap : 256;
		lk->p = xrealloc(lk->p, lk->cap * sizeof *lk->p);
	}
	memset(&lk->p[lk->np], 0, sizeof lk->p[lk->np]);
	lk->p[lk->np].o = o;
	lk->p[lk->np].n = n;
	lk->p[lk->np].candidate = candidate;
	lk->p[lk->np].random = random;
	lk->np++;
}

/* u of a large block: pairs drawn at random from all of its pairs (a
 * fixed generator: the same input gives the same weights). */
static void
sample_block(struct linkage *lk, struct group *g)
{
	uint64_t x = 0x9E3779B97F4A7C15u ^ g->len;
	size_t k, no = g->side[OLD].n, nn = g->side[NEW].n;

	for (k = 0; k < U_SAMPLE; k++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;	/* xorshift64 */
		pair_add(lk, g->side[OLD].v[x % no], g->side[NEW].v[(x >> 32) % nn],
			 false, true);
	}
}

/* Two areas keep figures apart: a district's arrests never meet another
 * district's (the force as a whole, "force", is no area in particular). */
static bool
may_pair(const struct linkage *lk, const struct fig *o, const struct fig *n)
{
	if (o->restated || n->restated)
		return false;
	/* a figure with no words at all is not known to be anything */
	if ((!o->name.n && (!o->para || !o->para->n)) ||
	    (!n->name.n && (!n->para || !n->para->n)))
		return false;
	return no_area(o->s[S_AREA_KEY]) || no_area(n->s[S_AREA_KEY]) ||
	       strcmp(o->s[S_AREA_KEY], n->s[S_AREA_KEY]) == 0;
}

/* A person's decision on o and n: 1 yes, 0 no, -1 none. */
static int decided(const struct opts *opt, const struct fig *o,
		   const struct fig *n);

/* The candidates of a large block: the OLD figures sharing one of NEW's
 * rare words (in at most BLOCK_DF_MAX of the block's OLD figures), most
 * shared first. */
static void
block_by_words(struct linkage *lk, struct group *g)
{
	struct vocab *v = lk->opt->vocab;
	uint32_t **post = xcalloc(v->n, sizeof *post), *npost = xcalloc(v->n, sizeof *npost);
	uint32_t *count = xcalloc(g->side[OLD].n, sizeof *count), *seen;
	size_t i, j, k, nseen;

	seen = xmalloc(g->side[OLD].n * sizeof *seen);
	for (i = 0; i < g->side[OLD].n; i++) {
		const struct bag *b = &g->side[OLD].v[i]->name;

		for (k = 0; k < b->n; k++) {
			uint32_t t = b->v[k].id;

			if (npost[t] > BLOCK_DF_MAX)	/* common in the block */
				continue;
			post[t] = xrealloc(post[t], (npost[t] + 1) * sizeof **post);
			post[t][npost[t]++] = (uint32_t)i;
		}
	}
	for (k = 0; k < v->n; k++)	/* past the bound: no block */
		if (npost[k] > BLOCK_DF_MAX)
			npost[k] = 0;
	for (j = 0; j < g->side[NEW].n; j++) {
		struct fig *n = g->side[NEW].v[j];

		nseen = 0;
		for (k = 0; k < n->name.n; k++) {
			uint32_t t = n->name.v[k].id;

			for (i = 0; t < v->n && i < npost[t]; i++)
				if (count[post[t][i]]++ == 0)
					seen[nseen++] = post[t][i];
		}
		/* the most shared first, CANDIDATES_MAX at most */
		for (k = 0; k < nseen && k < CANDIDATES_MAX; k++) {
			size_t best = k;

			for (i = k + 1; i < nseen; i++)
				if (count[seen[i]] > count[seen[best]])
					best = i;
			uint32_t t = seen[k];
			seen[k] = seen[best];
			seen[best] = t;
			if (may_pair(lk, g->side[OLD].v[seen[k]], n))
				pair_add(lk, g->side[OLD].v[seen[k]], n, true, false);
		}
		for (k = 0; k < nseen; k++)
			count[seen[k]] = 0;
	}
	for (i = 0; i < v->n; i++)
		free(post[i]);
	free(post);
	free(npost);
	free(count);
	free(seen);
}

static void fig_ref(const struct fig *f, struct buf *b);

/* A person's yes makes a candidate of a pair, whatever the blocks say. */
static void
decided_pairs(struct linkage *lk)
{
	const struct opts *opt = lk->opt;
	struct buf a = BUF_INIT;
	size_t d, i, j;

	for (d = 0; d < opt->ndecisions; d++) {
		if (!opt->decisions[d].yes)
			continue;
		for (i = 0; i < lk->no; i++) {
			fig_ref(lk->olds[i], &a);
			if (strcmp(a.p, opt->decisions[d].old) != 0)
				continue;
			for (j = 0; j < lk->nn; j++) {
				fig_ref(lk->news[j], &a);
				if (strcmp(a.p, opt->decisions[d].new) == 0 &&
				    strcmp(lk->olds[i]->s[S_BLOCK], lk->news[j]->s[S_BLOCK]) != 0)
					pair_add(lk, lk->olds[i], lk->news[j], true, false);
			}
			break;
		}
	}
	buf_free(&a);
}

/* Step 1: the candidate pairs. */
static void
candidates(struct linkage *lk)
{
	struct map blocks = {0};
	struct group *g;
	size_t i, j, k;

	for (i = 0; i < lk->no; i++)
		group_add(map_get(&blocks, lk->olds[i]->s[S_BLOCK],
				  strlen(lk->olds[i]->s[S_BLOCK]), true), lk->olds[i], OLD);
	for (j = 0; j < lk->nn; j++)
		if ((g = map_get(&blocks, lk->news[j]->s[S_BLOCK],
				 strlen(lk->news[j]->s[S_BLOCK]), false)) != NULL)
			group_add(g, lk->news[j], NEW);
	decided_pairs(lk);
	for (k = 0; k < blocks.cap; k++) {
		if (!(g = blocks.slot[k]) || g->side[NEW].n == 0)
			continue;
		if (g->side[OLD].n * g->side[NEW].n > BLOCK_ALL_MAX) {
			block_by_words(lk, g);
			sample_block(lk, g);
			continue;
		}
		for (j = 0; j < g->side[NEW].n; j++)
			for (i = 0; i < g->side[OLD].n; i++)
				if (may_pair(lk, g->side[OLD].v[i], g->side[NEW].v[j]))
					pair_add(lk, g->side[OLD].v[i],
						 g->side[NEW].v[j], true, true);
	}
	map_free(&blocks);
}

/* A comparison table's row often repeats OLD's figure in its earlier
 * column, which the extractor may read as a figure of its own: a figure
 * of a table row that equals an OLD candidate's value, with a later figure
 * of the same unit and kind in the same row, is that restatement.  It becomes
 * the later figure's previous value, and is no current value itself. */
static void
restated_cells(struct linkage *lk)
{
	size_t k;

	for (k = 0; k < lk->np; k++) {
		struct fig *n = lk->p[k].n, *s = n->next_in_line;

		if (!lk->p[k].candidate || n->restated || !n->table_row || !s || s->para != n->para ||
		    strcmp(s->s[S_BLOCK], n->s[S_BLOCK]) != 0 ||
		    !num_same(n->value, lk->p[k].o->value) ||
		    num_same(s->value, n->value))
			continue;
		n->restated = true;
		if (!s->has_prev) {
			s->has_prev = true;
			s->prev = n->value;
			s->prev_ulp = n->value_ulp;
		}
	}
	for (k = 0; k < lk->np; k++)	/* drop the pairs they were in */
		if (lk->p[k].n->restated || lk->p[k].o->restated)
			lk->p[k--] = lk->p[--lk->np];
}

/* Step 2: compare every pair (its series' last observations too). */
static void
compare_all(struct linkage *lk)
{
	size_t k, nh = 1;

	for (k = 0; k < lk->np; k++) {
		struct pair *q = &lk->p[k];
		struct fig **hist = lk->history ? lk->history(q->o, &nh) : &q->o;

		compare(lk->opt->vocab, q, hist, nh);
	}
}

/* ... fit the model, weigh each pair, and apply a person's decisions. */
static void
score(struct linkage *lk)
{
	size_t k;
	int d;

	model_fit(&lk->md, lk->p, lk->np,
		  (double)(lk->no < lk->nn ? lk->no : lk->nn));
	for (k = 0; k < lk->np; k++) {
		struct pair *q = &lk->p[k];

		q->w = pair_weight(&lk->md, q);
		if ((d = decided(lk->opt, q->o, q->n)) >= 0) {
			q->forced = d == 1;
			q->w = d == 1 ? DECIDED_WEIGHT : -DECIDED_WEIGHT;
		}
	}
}

/* The layouts, from the first pass: for each link, every observation of
 * its series against the NEW figure (layout.c); then, between reports
 * whose layout changed, outline and position say nothing. */
static void
layouts(struct linkage *lk)
{
	size_t k, i, nh = 1;

	for (k = 0; k < lk->np; k++) {
		struct pair *q = &lk->p[k];
		struct fig **hist = lk->history ? lk->history(q->o, &nh) : &q->o;

		if (lk->chosen[k])
			for (i = 0; i < nh; i++)
				layout_count(lk->opt->vocab, &lk->layout, hist[i], q->n);
	}
	for (k = 0; k < lk->np; k++) {
		struct pair *q = &lk->p[k];
		struct fig **hist = lk->history ? lk->history(q->o, &nh) : &q->o;
		bool changed = true;

		for (i = 0; i < nh && changed; i++)
			changed = outline_changed(&lk->layout, hist[i]->col);
		if (changed)
			q->lev[F_OUTLINE] = UNKNOWN;
		if (place_changed(&lk->layout, q->o->col))
			q->lev[F_POSITION] = UNKNOWN;
	}
}

/* Union-find over pair indexes, for the components of the graph. */
static uint32_t
root(uint32_t *up, uint32_t x)
{
	while (up[x] != x)
		x = up[x] = up[up[x]];
	return x;
}

/* Step 3: the assignment, over each connected component of the pairs of
 * positive weight. */
static void
assign_all(struct linkage *lk)
{
	size_t k, i, start;
	uint32_t *up, *comp_of, *order, nlive = 0;

	memset(lk->chosen, 0, lk->np * sizeof *lk->chosen);
	/* figures as union-find nodes: OLD 0..no-1, NEW no..no+nn-1 */
	for (i = 0; i < lk->no; i++)
		lk->olds[i]->scratch = i;
	for (i = 0; i < lk->nn; i++)
		lk->news[i]->scratch = lk->no + i;
	up = xmalloc((lk->no + lk->nn + 1) * sizeof *up);
	for (i = 0; i < lk->no + lk->nn; i++)
		up[i] = (uint32_t)i;
	for (k = 0; k < lk->np; k++)
		if (lk->p[k].candidate && lk->p[k].w > LINK_MIN)
			up[root(up, (uint32_t)lk->p[k].o->scratch)] =
				root(up, (uint32_t)lk->p[k].n->scratch);
	comp_of = xmalloc((lk->np + 1) * sizeof *comp_of);
	order = xmalloc((lk->np + 1) * sizeof *order);
	for (k = 0; k < lk->np; k++)
		if (lk->p[k].candidate && lk->p[k].w > LINK_MIN) {
			comp_of[k] = root(up, (uint32_t)lk->p[k].o->scratch);
			order[nlive++] = (uint32_t)k;
		}
	/* pairs grouped by component: a counting sort on the roots */
	{
		uint32_t *cnt = xcalloc(lk->no + lk->nn + 1, sizeof *cnt), *tmp;

		for (k = 0; k < nlive; k++)
			cnt[comp_of[order[k]] + 1]++;
		for (i = 1; i <= lk->no + lk->nn; i++)
			cnt[i] += cnt[i - 1];
		tmp = xmalloc((nlive + 1) * sizeof *tmp);
		for (k = 0; k < nlive; k++)
			tmp[cnt[comp_of[order[k]]]++] = order[k];
		memcpy(order, tmp, nlive * sizeof *order);
		free(tmp);
		free(cnt);
	}
	for (start = 0; start < nlive; start = k) {
		for (k = start; k < nlive &&
		     comp_of[order[k]] == comp_of[order[start]]; k++)
			;
		assign_component(lk->p, order + start, (uint32_t)(k - start),
				 lk->chosen);
	}
	free(up);
	free(comp_of);
	free(order);
}

/* The OLD figure f stands for in this run, or NULL. */
static struct fig *
head_of(const struct linkage *lk, struct fig *f)
{
	struct fig *h = lk->head ? lk->head(f) : f;

	return h && h->scratch < lk->no && lk->olds[h->scratch] == h ? h : NULL;
}

/* The neighbours feature, from the first pass: is another figure of o's
 * paragraph linked to another figure of n's? */
static void
neighbours(struct linkage *lk)
{
	struct fig **linked = xcalloc(lk->no + 1, sizeof *linked), *y, *h;
	size_t k, i;
	bool any_o, any_n;

	for (i = 0; i < lk->no; i++)
		lk->olds[i]->scratch = i;
	for (k = 0; k < lk->np; k++)
		if (lk->chosen[k])
			linked[lk->p[k].o->scratch] = lk->p[k].n;
	for (k = 0; k < lk->np; k++) {
		struct pair *q = &lk->p[k];

		q->lev[F_NEIGHBOURS] = UNKNOWN;
		any_o = any_n = false;
		for (y = q->n->first_in_line; y; y = y->next_in_line)
			any_n |= y != q->n;
		for (y = q->o->first_in_line; y && any_n; y = y->next_in_line) {
			if (y == q->o)
				continue;
			any_o = true;
			h = head_of(lk, y);
			if (h && linked[h->scratch] && linked[h->scratch] != q->n &&
			    linked[h->scratch]->first_in_line == q->n->first_in_line) {
				q->lev[F_NEIGHBOURS] = 0;
				break;
			}
		}
		if (q->lev[F_NEIGHBOURS] == UNKNOWN && any_o && any_n)
			q->lev[F_NEIGHBOURS] = 1;
	}
	free(linked);
}

static void
tie_add(struct tie *t, struct fig *f)
{
	size_t i;

	struct fig *mate = f->state == PAIRED ? f->mate : NULL;

	for (i = 0; i < t->v.n; i++)
		if (t->v.v[i] == f)
			return;
	figs_push(&t->v, f);
	f->tie = t;
	f->state = AMBIGUOUS;
	f->mate = NULL;
	if (mate)		/* its link is undone: the mate is in doubt too */
		tie_add(t, mate);
}

/* Two ties that meet are one. */
static struct tie *
tie_join(struct linkage *lk, struct fig *a, struct fig *b)
{
	struct tie *t = a->tie ? a->tie : b->tie, *other;
	size_t i;

	if (!t) {
		t = xcalloc(1, sizeof *t);
		if (lk->ties.n == lk->ties.cap) {
			lk->ties.cap = lk->ties.cap ? 2 * lk->ties.cap : 16;
			lk->ties.v = xrealloc(lk->ties.v, lk->ties.cap *
					      sizeof *lk->ties.v);
		}
		lk->ties.v[lk->ties.n++] = t;
	}
	other = a->tie && a->tie != t ? a->tie : b->tie && b->tie != t ? b->tie : NULL;
	if (other) {
		for (i = 0; i < other->v.n; i++)
			tie_add(t, other->v.v[i]);
		other->v.n = 0;
	}
	tie_add(t, a);
	tie_add(t, b);
	return t;
}

static uint64_t
pair_hash(const struct fig *o, const struct fig *n)
{
	return ((uint64_t)(uintptr_t)o * 0x9E3779B97F4A7C15u) ^
	       ((uint64_t)(uintptr_t)n * 0xC2B2AE3D27D4EB4Fu);
}

/* The pairs by their figures, for pair_find. */
static void
pair_index(struct linkage *lk)
{
	size_t k, i, mask;

	free(lk->slot);
	for (lk->nslot = 64; lk->nslot < 2 * lk->np + 2; lk->nslot *= 2)
		;
	lk->slot = xcalloc(lk->nslot, sizeof *lk->slot);
	mask = lk->nslot - 1;
	for (k = 0; k < lk->np; k++) {
		for (i = pair_hash(lk->p[k].o, lk->p[k].n) & mask; lk->slot[i];
		     i = (i + 1) & mask)
			;
		lk->slot[i] = (uint32_t)k + 1;
	}
}

/* The pair of o and n, or NULL. */
static struct pair *
pair_find(const struct linkage *lk, const struct fig *o, const struct fig *n)
{
	size_t i, mask = lk->nslot - 1;

	for (i = pair_hash(o, n) & mask; lk->slot[i]; i = (i + 1) & mask)
		if (lk->p[lk->slot[i] - 1].o == o && lk->p[lk->slot[i] - 1].n == n)
			return &lk->p[lk->slot[i] - 1];
	return NULL;
}

/* Lower the margin of chosen pair k to loss; a loss of nothing is a tie
 * the evidence cannot break. */
static void
narrow(struct linkage *lk, double *margin, size_t k, double loss,
       struct fig *a, struct fig *b)
{
	if (loss < margin[k])
		margin[k] = loss;
	if (loss <= TIE_EPS && !lk->p[k].forced)
		tie_join(lk, a, b);
}

/* A sure link needs the two sentences to say much the same (a context
 * level of 0 or 1, where both have one): two figures of one section, of
 * one size, whose sentences differ may be one measure reworded, or two
 * anecdotes (two operations' arrests): a person should look. */
static bool
words_agree(const struct pair *q)
{
	return q->lev[F_CONTEXT] == UNKNOWN || q->lev[F_CONTEXT] <= 1;
}

/* ... and both to be running totals or neither: a quarter's figure and
 * a running total ("since April") of one team may be one series reworded
 * or two measures side by side: a person should look. */
static bool
totals_agree(const struct pair *q)
{
	return q->o->cumulative == q->n->cumulative;
}

/* Step 4: states, scores and bands.  A link's margin is how much the
 * next best reading loses, in gain over not linking (weight - LINK_MIN):
 * the link left out, one of its figures linked to a free figure instead,
 * or the link and another rearranged (o with n2, and o2 with n if that
 * may link at all); a margin of nothing is a tie: ambiguous. */
static void
decide(struct linkage *lk)
{
	double *margin = xmalloc((lk->np + 1) * sizeof *margin);
	size_t k;

	pair_index(lk);
	for (k = 0; k < lk->np; k++)
		if (lk->chosen[k]) {
			struct pair *q = &lk->p[k];

			q->o->state = q->n->state = PAIRED;
			q->o->mate = q->n;
			q->n->mate = q->o;
			q->o->score = q->n->score = q->w;
			q->o->decided = q->n->decided = q->forced;
			q->o->scratch = q->n->scratch = k;	/* its chosen pair */
			margin[k] = q->w - LINK_MIN;
		}
	for (k = 0; k < lk->np; k++) {
		struct pair *q = &lk->p[k], *r;

		if (lk->chosen[k] || q->w <= LINK_MIN || !q->candidate)
			continue;
		if (q->o->state == PAIRED && q->n->state != PAIRED)
			narrow(lk, margin, q->o->scratch,
			       lk->p[q->o->scratch].w - q->w, q->o, q->n);
		else if (q->n->state == PAIRED && q->o->state != PAIRED)
			narrow(lk, margin, q->n->scratch,
			       lk->p[q->n->scratch].w - q->w, q->n, q->o);
		else if (q->o->state == PAIRED && q->n->state == PAIRED) {
			/* (o,n2) and (o2,n) against (o,n) and, maybe, (o2,n2) */
			size_t a = q->o->scratch, b = q->n->scratch;
			struct fig *o2 = q->n->mate, *n2 = q->o->mate;
			double other = (r = pair_find(lk, o2, n2)) &&
				       r->w > LINK_MIN ? r->w - LINK_MIN : 0;
			double loss = lk->p[a].w + lk->p[b].w - 2 * LINK_MIN -
				      (q->w - LINK_MIN) - other;

			narrow(lk, margin, a, loss, q->o, n2);
			narrow(lk, margin, b, loss, o2, q->n);
			if (loss <= TIE_EPS && q->o->tie && q->n->tie)
				tie_join(lk, q->o, q->n);
		}
	}
	for (k = 0; k < lk->np; k++) {
		struct pair *q = &lk->p[k];

		if (!lk->chosen[k] || q->o->state != PAIRED)
			continue;
		q->o->band = q->n->band = q->forced || (q->w >= LINKED_MIN &&
				margin[k] >= MARGIN_MIN && words_agree(q) &&
				totals_agree(q)) ?
				BAND_LINKED : BAND_REVIEW;
	}
	free(margin);
}

/* A report gives some figures twice (in its key points and in a table):
 * a free figure whose candidate is linked to a figure of its own report
 * with its value is that figure again, not a new or a gone one. */
static void
repeats(struct linkage *lk)
{
	size_t k;

	for (k = 0; k < lk->np; k++) {
		struct pair *q = &lk->p[k];
		struct fig *twin;

		if (q->w <= LINK_MIN || !q->candidate)
			continue;
		if (q->n->state == FREE && q->o->state == PAIRED &&
		    (twin = q->o->mate) != q->n && num_same(twin->value, q->n->value) &&
		    strcmp(twin->s[S_DOC], q->n->s[S_DOC]) == 0)
			q->n->repeat_of = twin;
		if (q->o->state == FREE && q->n->state == PAIRED &&
		    (twin = q->n->mate) != q->o && num_same(twin->value, q->o->value) &&
		    strcmp(twin->s[S_DOC], q->o->s[S_DOC]) == 0)
			q->o->repeat_of = twin;
	}
}

/* Link OLD to NEW: every figure of both ends PAIRED (with its mate, score
 * and band), AMBIGUOUS (with its tie) or FREE. */
static void
link_run(struct linkage *lk)
{
	size_t i;

	for (i = 0; i < lk->no; i++)
		lk->olds[i]->state = FREE, lk->olds[i]->mate = NULL,
		lk->olds[i]->tie = NULL, lk->olds[i]->band = BAND_NONE;
	for (i = 0; i < lk->nn; i++)
		lk->news[i]->state = FREE, lk->news[i]->mate = NULL,
		lk->news[i]->tie = NULL, lk->news[i]->band = BAND_NONE,
		lk->news[i]->repeat_of = NULL;
	candidates(lk);
	restated_cells(lk);
	lk->chosen = xcalloc(lk->np + 1, sizeof *lk->chosen);
	compare_all(lk);
	score(lk);
	assign_all(lk);
	layouts(lk);
	neighbours(lk);
	score(lk);
	assign_all(lk);
	decide(lk);
	repeats(lk);
}

/* Let a run's pairs and ties go (its figures forget their ties). */
static void
linkage_reset(struct linkage *lk)
{
	size_t i, k;

	for (i = 0; i < lk->ties.n; i++) {
		for (k = 0; k < lk->ties.v[i]->v.n; k++)
			lk->ties.v[i]->v.v[k]->tie = NULL;
		free(lk->ties.v[i]->v.v);
		free(lk->ties.v[i]);
	}
	free(lk->ties.v);
	free(lk->p);
	free(lk->chosen);
	free(lk->slot);
	layout_free(&lk->layout);
	lk->ties = (struct ties){0};
	lk->p = NULL;
	lk->np = lk->cap = 0;
	lk->chosen = NULL;
	lk->slot = NULL;
	lk->nslot = 0;
}

static void
linkage_free(struct linkage *lk)
{
	linkage_reset(lk);
}
