/* assign.c: one-to-one assignment.  Of the candidate pairs that may be
 * linked (a match weight over LINK_MIN), the set in which no figure is
 * used twice and whose weights sum highest: a maximum-weight bipartite matching (the
 * Hungarian method's problem), found by successive shortest augmenting
 * paths (Dijkstra on reduced costs with Johnson's potentials), for one
 * connected component of the candidate graph at a time, so that the work
 * grows with the candidate pairs, not with the square of the figures.
 * Never first-wins: a figure's link depends on every other candidate. */

struct arc {
	uint32_t o, to;		/* an OLD node, a NEW node */
	uint32_t pair;		/* index into the pairs */
	double cost;		/* -weight */
};

/* Nodes: 0 the source, 1..a OLD figures, a+1..a+b NEW ones, a+b+1 the
 * sink.  An OLD node's arcs are arc[first[i-1] .. first[i]). */
struct flow {
	uint32_t a, b, nodes, sink;
	uint32_t *first;
	struct arc *arc;
	uint32_t *mate;		/* OLD node: its NEW node; NEW: the arc; NONE */
	uint32_t *from, *by;	/* the node (and arc) a node was reached by */
	double *pot, *dist;
	uint32_t *heap, *where;
	uint32_t nheap;
};

#define NONE UINT32_MAX
#define DONE (UINT32_MAX - 1)

static void
heap_swap(struct flow *fl, uint32_t i, uint32_t j)
{
	uint32_t t = fl->heap[i];

	fl->heap[i] = fl->heap[j];
	fl->heap[j] = t;
	fl->where[fl->heap[i]] = i;
	fl->where[fl->heap[j]] = j;
}

static void
heap_up(struct flow *fl, uint32_t i)
{
	while (i > 0 && fl->dist[fl->heap[i]] < fl->dist[fl->heap[(i - 1) / 2]]) {
		heap_swap(fl, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static void
heap_down(struct flow *fl, uint32_t i)
{
	for (;;) {
		uint32_t l = 2 * i + 1, m = i;

		if (l < fl->nheap && fl->dist[fl->heap[l]] < fl->dist[fl->heap[m]])
			m = l;
		if (l + 1 < fl->nheap &&
		    fl->dist[fl->heap[l + 1]] < fl->dist[fl->heap[m]])
			m = l + 1;
		if (m == i)
			return;
		heap_swap(fl, i, m);
		i = m;
	}
}

/* Reach node x at distance d from node y (by arc k). */
static void
relax(struct flow *fl, uint32_t x, double d, uint32_t y, uint32_t k)
{
	if (fl->where[x] == DONE || d >= fl->dist[x])
		return;
	fl->dist[x] = d;
	fl->from[x] = y;
	fl->by[x] = k;
	if (fl->where[x] == NONE) {
		fl->where[x] = fl->nheap;
		fl->heap[fl->nheap++] = x;
	}
	heap_up(fl, fl->where[x]);
}

static uint32_t
heap_pop(struct flow *fl)
{
	uint32_t top = fl->heap[0];

	heap_swap(fl, 0, --fl->nheap);
	fl->where[top] = DONE;
	heap_down(fl, 0);
	return top;
}

/* The reduced cost of going from x to y at real cost c. */
static double
reduced(const struct flow *fl, uint32_t x, uint32_t y, double c)
{
	return fl->dist[x] + c + fl->pot[x] - fl->pot[y];
}

/* A shortest path from the source to the sink; its real cost, +inf when
 * there is none.  The potentials are updated for the next search. */
static double
shortest_path(struct flow *fl)
{
	uint32_t x, i, k;

	for (x = 0; x < fl->nodes; x++) {
		fl->dist[x] = INFINITY;
		fl->where[x] = NONE;
	}
	fl->nheap = 0;
	relax(fl, 0, 0, NONE, NONE);
	while (fl->nheap > 0) {
		x = heap_pop(fl);
		if (x == 0) {			/* to every unmatched OLD node */
			for (i = 1; i <= fl->a; i++)
				if (fl->mate[i] == NONE)
					relax(fl, i, reduced(fl, 0, i, 0), 0, NONE);
		} else if (x <= fl->a) {	/* OLD: out along its other arcs */
			for (k = fl->first[x - 1]; k < fl->first[x]; k++)
				if (fl->mate[x] != fl->arc[k].to)
					relax(fl, fl->arc[k].to, reduced(fl, x,
					      fl->arc[k].to, fl->arc[k].cost), x, k);
		} else if (x != fl->sink) {	/* NEW: to the sink, or back */
			if (fl->mate[x] == NONE) {
				relax(fl, fl->sink, reduced(fl, x, fl->sink, 0),
				      x, NONE);
			} else {
				const struct arc *m = &fl->arc[fl->mate[x]];

				relax(fl, m->o, reduced(fl, x, m->o, -m->cost),
				      x, NONE);
			}
		}
	}
	if (fl->dist[fl->sink] == INFINITY)
		return INFINITY;
	for (x = 0; x < fl->nodes; x++)
		fl->pot[x] += fmin(fl->dist[x], fl->dist[fl->sink]);
	return fl->pot[fl->sink] - fl->pot[0];
}

/* Flip the path found: each NEW node on it takes the OLD node before
 * it; an OLD node reached back from its former NEW node gives it up. */
static void
augment(struct flow *fl)
{
	uint32_t x = fl->from[fl->sink], o;

	while (x != 0) {
		o = fl->from[x];
		fl->mate[x] = fl->by[x];	/* the arc o -> x */
		fl->mate[o] = x;
		x = fl->from[o];		/* the source, or o's former NEW node */
	}
}

/* The best one-to-one links among the pairs p[idx[0..n)] of one
 * component: chosen[] set for the pairs kept.  Each figure's scratch
 * field numbers it within the component. */
static void
assign_component(const struct pair *p, const uint32_t *idx, uint32_t n,
		 bool *chosen)
{
	struct flow fl = {0};
	uint32_t i, k, *fill;

	for (k = 0; k < n; k++) {	/* number the component's figures */
		p[idx[k]].o->scratch = NONE;
		p[idx[k]].n->scratch = NONE;
	}
	for (k = 0; k < n; k++) {
		if (p[idx[k]].o->scratch == NONE)
			p[idx[k]].o->scratch = ++fl.a;
	}
	for (k = 0; k < n; k++)
		if (p[idx[k]].n->scratch == NONE)
			p[idx[k]].n->scratch = fl.a + 1 + fl.b++;
	fl.nodes = fl.a + fl.b + 2;
	fl.sink = fl.nodes - 1;
	fl.first = xcalloc(fl.a + 1, sizeof *fl.first);
	fl.arc = xmalloc(n * sizeof *fl.arc);
	for (k = 0; k < n; k++)		/* arcs grouped by OLD node */
		fl.first[p[idx[k]].o->scratch]++;
	for (i = 1; i <= fl.a; i++)
		fl.first[i] += fl.first[i - 1];
	fill = xmalloc((fl.a + 1) * sizeof *fill);
	fill[0] = 0;
	memcpy(fill + 1, fl.first, fl.a * sizeof *fill);
	for (k = 0; k < n; k++) {
		const struct pair *q = &p[idx[k]];

		fl.arc[fill[q->o->scratch]++] = (struct arc){
			(uint32_t)q->o->scratch, (uint32_t)q->n->scratch,
			idx[k], -q->w};
	}
	free(fill);
	fl.mate = xmalloc(fl.nodes * sizeof *fl.mate);
	fl.from = xmalloc(fl.nodes * sizeof *fl.from);
	fl.by = xmalloc(fl.nodes * sizeof *fl.by);
	fl.pot = xcalloc(fl.nodes, sizeof *fl.pot);
	fl.dist = xmalloc(fl.nodes * sizeof *fl.dist);
	fl.heap = xmalloc(fl.nodes * sizeof *fl.heap);
	fl.where = xmalloc(fl.nodes * sizeof *fl.where);
	for (i = 0; i < fl.nodes; i++)
		fl.mate[i] = NONE;
	/* The weights, above LINK_MIN, as the gain over not linking. */
	for (k = 0; k < n; k++)
		fl.arc[k].cost += LINK_MIN;
	/* Potentials: the first graph's shortest distances (it is a DAG:
	 * source, OLD, NEW, sink), so that reduced costs are never negative. */
	for (k = 0; k < n; k++)
		fl.pot[fl.arc[k].to] = fmin(fl.pot[fl.arc[k].to], fl.arc[k].cost);
	for (i = fl.a + 1; i <= fl.a + fl.b; i++)
		fl.pot[fl.sink] = fmin(fl.pot[fl.sink], fl.pot[i]);
	while (shortest_path(&fl) < 0)
		augment(&fl);
	for (i = fl.a + 1; i <= fl.a + fl.b; i++)
		if (fl.mate[i] != NONE)
			chosen[fl.arc[fl.mate[i]].pair] = true;
	free(fl.first);
	free(fl.arc);
	free(fl.mate);
	free(fl.from);
	free(fl.by);
	free(fl.pot);
	free(fl.dist);
	free(fl.heap);
	free(fl.where);
}
