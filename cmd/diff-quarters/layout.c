/* layout.c: does a report keep its layout from one quarter to another?
 * Where a figure stands (position) and under which priority (outline)
 * is strong evidence between two reports of one plan, and none across a
 * plan change: priorities renumbered, sections moved ("Safer roads" was
 * priority 4 and is priority 7).  The two features are not independent
 * of each other either: a plan change moves both.  So the first pass's
 * links are asked, for each earlier report, how often the figures they
 * link kept their priority and their place; where most did not, the
 * layout changed, and for the second pass both features are unknown
 * between those two reports: the words decide.  In --wide the links of
 * a series reach back through its observations, so a report a series
 * skipped is judged by every series it shares with this one. */

/* A layout is judged on this many links at least. */
enum { LAYOUT_MIN = 5 };

struct layout_count {
	unsigned links;		/* links reaching back to the report */
	unsigned outline_known, outline_same;
	unsigned place_near;
};

/* By an earlier report's column + 1 (0: two-quarter mode's OLD). */
struct layout {
	struct layout_count *v;
	size_t n;
};

static struct layout_count *
layout_at(struct layout *l, int col)
{
	size_t i = (size_t)(col + 1);

	if (i >= l->n) {
		size_t n = i + 8;

		l->v = xrealloc(l->v, n * sizeof *l->v);
		memset(l->v + l->n, 0, (n - l->n) * sizeof *l->v);
		l->n = n;
	}
	return &l->v[i];
}

static void
layout_free(struct layout *l)
{
	free(l->v);
	*l = (struct layout){0};
}

/* Count what the link of h's series to n says of h's report's layout. */
static void
layout_count(const struct vocab *v, struct layout *l, struct fig *h,
	     struct fig *n)
{
	struct layout_count *c = layout_at(l, h->col);
	double cos = cosine(v, h->outline, n->outline);

	c->links++;
	if (cos >= 0) {
		c->outline_known++;
		c->outline_same += sim_level(cos, outline_cuts,
					     NCUTS(outline_cuts)) == 0;
	}
	c->place_near += level_up(fabs(h->pos - n->pos), position_cuts,
				  NCUTS(position_cuts)) <= 1;
}

/* Did the layout change from report col to this one: most links moved? */
static bool
outline_changed(struct layout *l, int col)
{
	const struct layout_count *c = layout_at(l, col);

	return c->outline_known >= LAYOUT_MIN &&
	       2 * c->outline_same < c->outline_known;
}

static bool
place_changed(struct layout *l, int col)
{
	const struct layout_count *c = layout_at(l, col);

	return c->links >= LAYOUT_MIN && 2 * c->place_near < c->links;
}
