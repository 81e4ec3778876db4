/* compare.c: a candidate pair compared on each kind of evidence, each
 * comparison a level (0: agree most ... the last: disagree), or UNKNOWN
 * where a side has nothing to compare.  The levels are the language of
 * the model (model.c): each level of each feature gets its weight from
 * the data.  docs/diff-quarters.md, "The evidence", says why each cut is
 * where it is. */

enum feature {
	F_NAME,		/* the measure's words and the words around the number */
	F_CONTEXT,	/* the sentence and its paragraph */
	F_OUTLINE,	/* priority, commitment, heading */
	F_VALUE,	/* how far the value moved */
	F_RESTATED,	/* NEW restates OLD's figure (its previous value) */
	F_POSITION,	/* where in its report each stands */
	F_PERIOD,	/* the kind of period: a quarter, a month, year to date */
	F_AREA,		/* the same area, or one side names none (two areas
			 * never meet: link.c) */
	F_NEIGHBOURS,	/* their paragraphs' other figures are linked */
	F_CONCEPT,	/* the concepts around their numbers agree */
	F_GAP,		/* --wide: quarters since the series was last seen */
	F_CLASH,	/* they name different members of a family of
			 * alternatives: an arrest and a charge */
	NFEAT
};

enum { LEVELS_MAX = 6, UNKNOWN = 255 };

static const char *const feature_name[NFEAT] = {
	"name", "context", "outline", "value", "restated", "position",
	"period", "area", "neighbours", "concept", "gap", "clash"
};

/* How many levels each feature has. */
static const uint8_t feature_levels[NFEAT] = {5, 4, 4, 6, 4, 4, 2, 2, 2, 3, 3, 2};

/* Cuts of a similarity (cosine, 0 to 1) into levels, highest first. */
static const double name_cuts[] = {0.8, 0.55, 0.3, 0.1};
static const double context_cuts[] = {0.6, 0.35, 0.15};
static const double outline_cuts[] = {0.8, 0.45, 0.15};
/* A percentage's move in points; any other value's, as the logarithm of
 * the ratio with a pseudo-count (VALUE_SMOOTH), so that 5 to 8 (a small
 * count's noise) is nearer than 5000 to 8000. */
static const double points_cuts[] = {0.5, 2, 5, 12, 25};
static const double ratio_cuts[] = {0.02, 0.12, 0.3, 0.7, 1.6};
#define VALUE_SMOOTH 5.0
/* A restatement no farther from OLD's figure than a value's level 2 (5
 * points, about a third) may be a revision, or a slip in a small number
 * (5 for 7): a near miss.  Only one farther off says another measure. */
#define REVISION_LEVEL 2
/* Places in the report (0 to 1) apart. */
static const double position_cuts[] = {0.05, 0.15, 0.35};

/* A pair and what the model makes of it. */
struct pair {
	struct fig *o, *n;	/* o: OLD, or a series' latest observation */
	uint8_t lev[NFEAT];
	double w;		/* match weight, bits */
	bool forced;		/* a person said yes (links file) */
	/* Which pairs tell the model what: a candidate may be linked and
	 * counts for m; u is counted on pairs drawn at random from a block
	 * (all of a small block's pairs; a sample of a large one's, whose
	 * candidates share a rare word and so look like true pairs). */
	bool candidate, random;
};

/* The level of x among descending cuts: 0 when x >= cuts[0]. */
static uint8_t
level_down(double x, const double *cuts, size_t n)
{
	size_t i;

	for (i = 0; i < n && x < cuts[i]; i++)
		;
	return (uint8_t)i;
}

/* ... among ascending cuts of a distance: 0 when d <= cuts[0]. */
static uint8_t
level_up(double d, const double *cuts, size_t n)
{
	size_t i;

	for (i = 0; i < n && d > cuts[i]; i++)
		;
	return (uint8_t)i;
}

#define NCUTS(a) (sizeof(a) / sizeof((a)[0]))

/* The length of a bag as a TF-IDF vector. */
static float
bag_norm(const struct vocab *v, struct bag *b)
{
	double s = 0;
	uint16_t i;

	if (b->norm >= 0)
		return b->norm;
	for (i = 0; i < b->n; i++) {
		double x = b->v[i].w * v->w[b->v[i].id].idf;

		s += x * x;
	}
	b->norm = (float)sqrt(s);
	return b->norm;
}

/* Cosine of two bags as TF-IDF vectors; -1 when either is empty. */
static double
cosine(const struct vocab *v, struct bag *a, struct bag *b)
{
	double dot = 0, na, nb;
	uint16_t i = 0, j = 0;

	if (!a || !b || a->n == 0 || b->n == 0)
		return -1;
	na = bag_norm(v, a);
	nb = bag_norm(v, b);
	if (na <= 0 || nb <= 0)
		return -1;
	while (i < a->n && j < b->n) {
		if (a->v[i].id < b->v[j].id) {
			i++;
		} else if (a->v[i].id > b->v[j].id) {
			j++;
		} else {
			double idf = v->w[a->v[i].id].idf;

			dot += a->v[i].w * idf * b->v[j].w * idf;
			i++, j++;
		}
	}
	return dot / (na * nb);
}

/* How far a figure moved from a to b, in unit, as a level. */
static uint8_t
value_move(double a, double b, const char *unit)
{
	if (strcmp(unit, "percent") == 0 || strcmp(unit, "pp") == 0)
		return level_up(fabs(b - a), points_cuts, NCUTS(points_cuts));
	if (a < 0 || b < 0)
		return num_same(a, b) ? 0 : (uint8_t)NCUTS(ratio_cuts);
	return level_up(fabs(log((b + VALUE_SMOOTH) / (a + VALUE_SMOOTH))),
			ratio_cuts, NCUTS(ratio_cuts));
}

/* How far a value moved, as a level. */
static uint8_t
value_level(const struct fig *o, const struct fig *n)
{
	if (o->cumulative || n->cumulative)	/* grows, then starts again */
		return UNKNOWN;
	return value_move(o->value, n->value, n->s[S_UNIT]);
}

/* The digits of a number as written, without signs, separators or its
 * point: "53,870" and "53870" are "53870", "4.28" is "428". */
static size_t
digits_of(const char *s, char *d, size_t cap)
{
	size_t n = 0;

	for (; *s && n + 1 < cap; s++)
		if (*s >= '0' && *s <= '9')
			d[n++] = *s;
	d[n] = '\0';
	return n;
}

/* Could one slip of the keyboard make a of b: one digit for another
 * (53,870 for 52,870), two neighbours swapped (1,046 for 1,064), one
 * digit more or fewer, or the point misplaced or lost (428 for 4.28)?
 * Numbers of fewer than SLIP_DIGITS digits are one digit from too many
 * others: their near misses are the revisions' (value_move). */
enum { SLIP_DIGITS = 3 };

static bool
one_slip(double a, const char *at, double b, const char *bt)
{
	char x[NUM_TEXT], y[NUM_TEXT], ta[NUM_TEXT], tb[NUM_TEXT];
	size_t nx, ny, i, j, diff = 0;

	if (!at || !*at)
		num_format(a, ta, sizeof ta), at = ta;
	if (!bt || !*bt)
		num_format(b, tb, sizeof tb), bt = tb;
	nx = digits_of(at, x, sizeof x);
	ny = digits_of(bt, y, sizeof y);
	if (nx < SLIP_DIGITS || ny < SLIP_DIGITS)
		return false;
	if (nx == ny) {
		for (i = 0; i < nx; i++)
			diff += x[i] != y[i];
		if (diff <= 1)
			return true;
		for (i = 0; i + 1 < nx && x[i] == y[i]; i++)
			;
		return diff == 2 && i + 1 < nx && x[i] == y[i + 1] &&
		       x[i + 1] == y[i] && strcmp(x + i + 2, y + i + 2) == 0;
	}
	if (nx + 1 == ny || ny + 1 == nx) {	/* one digit more in the longer */
		const char *l = nx > ny ? x : y, *sh = nx > ny ? y : x;

		for (i = j = 0; l[i] && sh[j] && l[i] == sh[j]; i++, j++)
			;
		return strcmp(l + i + 1, sh + j) == 0;
	}
	return false;
}

/* How a restated figure r (NEW's previous value for OLD's quarter)
 * stands to OLD's figure o: the same at the rounding both were written
 * at; a near miss (a typo, a small revision, or NEW's own change fits
 * OLD's figure and not the restatement); or far: then they are not one
 * measure (a charge rate of 10.9% is no restatement of an arrest rate of
 * 36%).  A near miss keeps the link; the audit flags it. */
enum restatement { RESTATES, NEAR_MISS, FAR };

static enum restatement
restatement(const struct fig *o, const struct fig *n)
{
	struct verdict vd = {0, BUF_INIT, BUF_INIT};
	bool fits;

	if (meets(n->prev - n->prev_ulp / 2, n->prev + n->prev_ulp / 2,
		  o->value, o->value_ulp))
		return RESTATES;
	if (revised_from(n, o->value) ||
	    one_slip(n->prev, n->s[S_PREV_TEXT], o->value, o->s[S_VALUE_TEXT]) ||
	    value_move(o->value, n->prev, n->s[S_UNIT]) <= REVISION_LEVEL)
		return NEAR_MISS;
	/* NEW's change, recomputed from OLD's figure: the report worked
	 * from OLD's figure and mistyped the restatement */
	if (n->has_change || n->has_pct) {
		check_arith(&vd, n, n->value, n->value_ulp, NULL, o->value,
			    o->value_ulp, NULL, true);
		fits = vd.checks > 0 && vd.why.len == 0;
		buf_free(&vd.why);
		if (fits)
			return NEAR_MISS;
	}
	return FAR;
}

/* Does NEW restate an earlier figure of the series: its previous value
 * for that quarter (0), OLD's figure written in its sentence without
 * being read as a previous value (1), a near miss for OLD's quarter (2:
 * a typo or a revision; the audit says which), or a figure far from
 * OLD's for OLD's quarter (3: another measure)?  The quarter its previous
 * value is for comes from prev_when (lib/period); none named ("up from
 * 238") is taken as OLD's when it equals OLD's figure, and says nothing
 * otherwise (it may be a year before). */
static uint8_t
restated_level(const struct fig *o, const struct fig *n)
{
	long q = -1;
	uint8_t i;

	if (n->has_prev) {
		if (*n->s[S_PREV_WHEN])
			q = period_resolve(n->s[S_PREV_WHEN],
					   strlen(n->s[S_PREV_WHEN]), n->quarter);
		if (q >= 0 && o->quarter >= 0 && q != o->quarter)
			return UNKNOWN;		/* another quarter's figure */
		switch (restatement(o, n)) {
		case RESTATES:
			return 0;
		case NEAR_MISS:
			return q >= 0 && q == o->quarter ? 2 : UNKNOWN;
		case FAR:
			return q >= 0 && q == o->quarter ? 3 : UNKNOWN;
		}
	}
	for (i = 0; i < n->nnums; i++)
		if (num_same(n->nums[i], o->value) && !num_same(n->value, o->value))
			return 1;
	return UNKNOWN;
}

/* The similarity of NEW's bag with a series' observations: the best of
 * its last HISTORY_MAX (--wide), so that a series keeps the words it was
 * once written with. */
typedef struct bag *(*bag_of)(struct fig *);
static struct bag *name_of(struct fig *f) { return &f->name; }
static struct bag *para_of(struct fig *f) { return f->para; }
static struct bag *outline_of(struct fig *f) { return f->outline; }

static double
best_cosine(const struct vocab *v, struct fig *const *hist, size_t nhist,
	    struct fig *n, bag_of of)
{
	double best = -1, c;
	size_t i;

	for (i = 0; i < nhist; i++)
		if ((c = cosine(v, of(hist[i]), of(n))) > best)
			best = c;
	return best;
}

/* The kind of period a figure is for (keys.c's when class); a figure
 * whose when says nothing of it ("", "2022/23 Q2") is the quarter's. */
static const char *
period_class(const struct fig *f)
{
	return *f->s[S_WHEN_CLASS] ? f->s[S_WHEN_CLASS] : "quarter";
}

static bool
has_concept(const struct fig *f, uint32_t c)
{
	uint8_t i;

	for (i = 0; i < f->nconcepts; i++)
		if (f->concepts[i] == c)
			return true;
	return false;
}

/* The member of a family a figure names: the most specific of its
 * concepts in that family (given as vword's family, the family's term
 * + 1), or NO_TERM. */
static uint32_t
member_of(const struct vocab *v, const struct fig *f, uint32_t family)
{
	uint32_t best = NO_TERM;
	uint8_t i;

	for (i = 0; i < f->nconcepts; i++)
		if (v->w[f->concepts[i]].family == family &&
		    (best == NO_TERM || v->w[f->concepts[i]].rank > v->w[best].rank))
			best = f->concepts[i];
	return best;
}

/* Do two figures name members of one family of alternatives, and which:
 * 0 the same (both arrests), 1 different ones (an arrest against a
 * charge, calls answered against calls abandoned: different measures,
 * whatever words they share); unknown when no family is named by both. */
static uint8_t
clash_level(const struct vocab *v, const struct fig *a, const struct fig *b)
{
	uint8_t i, level = UNKNOWN;

	for (i = 0; i < a->nconcepts; i++) {
		uint32_t fam = v->w[a->concepts[i]].family, x, y;

		if (fam == 0 || (y = member_of(v, b, fam)) == NO_TERM)
			continue;
		x = member_of(v, a, fam);
		if (x != y)
			return 1;
		level = 0;
	}
	return level;
}

/* The concepts of the words around two figures' numbers: 0 when one
 * side's are all the other's, 1 when they share some but each has its
 * own, 2 when they share none ("999" against "101", drink against drug
 * driving); unknown when a side has none. */
static uint8_t
concept_level(const struct fig *a, const struct fig *b)
{
	unsigned both = 0, i;

	if (a->nconcepts == 0 || b->nconcepts == 0)
		return UNKNOWN;
	for (i = 0; i < a->nconcepts; i++)
		both += has_concept(b, a->concepts[i]);
	if (both == a->nconcepts || both == b->nconcepts)
		return 0;
	return both > 0 ? 1 : 2;
}

/* "force" is the area key of the force as a whole (aliases.tsv): no
 * area in particular. */
static bool
no_area(const char *a)
{
	return !*a || strcmp(a, "force") == 0;
}

static uint8_t
area_level(const char *a, const char *b)
{
	if (no_area(a) && no_area(b))
		return UNKNOWN;
	return no_area(a) || no_area(b) ? 1 : 0;
}

static uint8_t
sim_level(double c, const double *cuts, size_t ncuts)
{
	return c < 0 ? UNKNOWN : level_down(c, cuts, ncuts);
}

/* Compare a pair on every feature but the neighbours (the second pass,
 * link.c).  hist: the observations of o's series, latest last (o alone in
 * two-quarter mode). */
static void
compare(const struct vocab *v, struct pair *p, struct fig *const *hist,
	size_t nhist)
{
	const struct fig *o = p->o, *n = p->n;

	p->lev[F_NAME] = sim_level(best_cosine(v, hist, nhist, p->n, name_of),
				   name_cuts, NCUTS(name_cuts));
	p->lev[F_CONTEXT] = sim_level(best_cosine(v, hist, nhist, p->n, para_of),
				      context_cuts, NCUTS(context_cuts));
	p->lev[F_OUTLINE] = sim_level(best_cosine(v, hist, nhist, p->n,
						  outline_of),
				      outline_cuts, NCUTS(outline_cuts));
	p->lev[F_VALUE] = value_level(o, n);
	p->lev[F_RESTATED] = UNKNOWN;
	for (size_t i = nhist; i-- > 0 && p->lev[F_RESTATED] == UNKNOWN;)
		p->lev[F_RESTATED] = restated_level(hist[i], n);
	p->lev[F_POSITION] = level_up(fabs(o->pos - n->pos), position_cuts,
				      NCUTS(position_cuts));
	/* a target's when is its deadline ("by March 2024"), which moves
	 * when a plan does: it says nothing of the kind of figure */
	p->lev[F_PERIOD] = strcmp(n->s[S_KIND], "target") == 0 ? UNKNOWN :
			   strcmp(period_class(o), period_class(n)) != 0;
	p->lev[F_AREA] = area_level(o->s[S_AREA_KEY], n->s[S_AREA_KEY]);
	p->lev[F_NEIGHBOURS] = UNKNOWN;
	p->lev[F_GAP] = o->col < 0 || n->col < 0 ? UNKNOWN :
			n->col - o->col - 1 >= 2 ? 2 : (uint8_t)(n->col - o->col - 1);
	p->lev[F_CONCEPT] = p->lev[F_CLASH] = UNKNOWN;
	for (size_t i = 0; i < nhist; i++) {	/* the best of the series' */
		uint8_t l = concept_level(hist[i], p->n);
		uint8_t c = clash_level(v, hist[i], p->n);

		if (l != UNKNOWN && (p->lev[F_CONCEPT] == UNKNOWN ||
				     l < p->lev[F_CONCEPT]))
			p->lev[F_CONCEPT] = l;
		if (c != UNKNOWN && (p->lev[F_CLASH] == UNKNOWN ||
				     c < p->lev[F_CLASH]))
			p->lev[F_CLASH] = c;
	}
}
