/* model.c: the Fellegi-Sunter model, as Splink fits it.  Each level l of
 * each feature f has m (how often a true pair shows it) and u (how often
 * any candidate pair does); a pair's match weight is the sum over its
 * known features of log2(m/u), plus the prior log2(lambda/(1-lambda)),
 * lambda being the share of candidate pairs that are true pairs.  u is
 * counted over all candidate pairs (nearly all of them false); m is
 * estimated by expectation-maximisation, lambda set from the sizes.  Both start from the
 * documented defaults below and keep them as Dirichlet pseudo-counts
 * (prior_count), so that a small input (a test with three figures)
 * scores by the defaults and a large one by its own data. */

/* What a true pair looks like, by default: m for each level. */
static const double prior_m[NFEAT][LEVELS_MAX] = {
	[F_NAME] = {.40, .30, .15, .10, .05},
	[F_CONTEXT] = {.40, .30, .20, .10},
	[F_OUTLINE] = {.50, .30, .15, .05},
	[F_VALUE] = {.40, .35, .17, .06, .018, .002},
	[F_RESTATED] = {.80, .10, .095, .005},
	[F_POSITION] = {.50, .30, .15, .05},
	[F_PERIOD] = {.90, .10},
	[F_AREA] = {.75, .25},
	[F_NEIGHBOURS] = {.60, .40},
	[F_CONCEPT] = {.80, .17, .03},
	[F_GAP] = {.85, .12, .03},
	[F_CLASH] = {.99, .01},
};

/* ... and any candidate pair: u for each level. */
static const double prior_u[NFEAT][LEVELS_MAX] = {
	[F_NAME] = {.02, .03, .08, .20, .67},
	[F_CONTEXT] = {.05, .10, .25, .60},
	[F_OUTLINE] = {.10, .20, .30, .40},
	[F_VALUE] = {.02, .05, .08, .15, .25, .45},
	[F_RESTATED] = {.01, .04, .05, .90},
	[F_POSITION] = {.10, .20, .30, .40},
	[F_PERIOD] = {.60, .40},
	[F_AREA] = {.40, .60},
	[F_NEIGHBOURS] = {.10, .90},
	[F_CONCEPT] = {.30, .20, .50},
	[F_GAP] = {.50, .25, .25},
	[F_CLASH] = {.50, .50},
};

enum { EM_ROUNDS = 25 };	/* enough for lambda to settle on reports */

/* The defaults' weight, in pairs.  How far a value moves between
 * quarters is a property of reporting, not of one report, and the pairs
 * EM takes for true include many with similar words and a far value
 * (the same measure's other figures): its defaults weigh more.  So do a
 * restatement's (a report restating last quarter's figure of a measure
 * writes that figure, give or take a slip) and a clash's (an arrest is
 * never a charge): EM would learn them from the pairs of one paragraph,
 * which share a sentence, a section and a place, and differ in just
 * these. */
static const double prior_count[NFEAT] = {
	[F_NAME] = 20, [F_CONTEXT] = 20, [F_OUTLINE] = 20, [F_VALUE] = 1e6,
	[F_RESTATED] = 1e6, [F_POSITION] = 20, [F_PERIOD] = 20, [F_AREA] = 20,
	[F_NEIGHBOURS] = 20, [F_CONCEPT] = 20, [F_GAP] = 20, [F_CLASH] = 1e6,
};
#define LAMBDA_MIN 1e-4
#define LAMBDA_MAX 0.5

struct model {
	double m[NFEAT][LEVELS_MAX], u[NFEAT][LEVELS_MAX];
	double w[NFEAT][LEVELS_MAX];	/* log2(m/u) */
	double lambda, prior;		/* prior = log2(lambda/(1-lambda)) */
};

static void
model_weights(struct model *md)
{
	int f, l;

	for (f = 0; f < NFEAT; f++)
		for (l = 0; l < feature_levels[f]; l++)
			md->w[f][l] = log2(md->m[f][l] / md->u[f][l]);
	md->prior = log2(md->lambda / (1 - md->lambda));
}

/* A pair's match weight. */
static double
pair_weight(const struct model *md, const struct pair *p)
{
	double w = md->prior;
	int f;

	for (f = 0; f < NFEAT; f++)
		if (p->lev[f] != UNKNOWN)
			w += md->w[f][p->lev[f]];
	return w;
}

/* Counts into probabilities, with the defaults as pseudo-counts. */
static void
normalise(double (*x)[LEVELS_MAX], double (*count)[LEVELS_MAX],
	  const double (*prior)[LEVELS_MAX])
{
	int f, l;
	double sum;

	for (f = 0; f < NFEAT; f++) {
		for (sum = 0, l = 0; l < feature_levels[f]; l++)
			sum += count[f][l] + prior_count[f] * prior[f][l];
		for (l = 0; l < feature_levels[f]; l++)
			x[f][l] = (count[f][l] + prior_count[f] * prior[f][l]) / sum;
	}
}

/* Fit the model to the pairs: u on the random ones, m on the candidates
 * by EM; expect: how many true pairs there can be at most (the smaller
 * side). */
static void
model_fit(struct model *md, const struct pair *p, size_t n, double expect)
{
	double count[NFEAT][LEVELS_MAX], post;
	size_t k, ncand = 0;
	int f, r;

	memset(count, 0, sizeof count);
	for (k = 0; k < n; k++) {
		ncand += p[k].candidate;
		for (f = 0; f < NFEAT && p[k].random; f++)
			if (p[k].lev[f] != UNKNOWN)
				count[f][p[k].lev[f]] += 1;
	}
	normalise(md->u, count, prior_u);
	memcpy(md->m, prior_m, sizeof md->m);
	/* lambda: most figures of the smaller side go on to the other
	 * quarter, so the share of true pairs among the candidates is taken
	 * as the smaller side's figures over the pairs.  Estimated by EM, it
	 * falls where the words cannot tell figures apart (a small input, a
	 * table of one measure), and EM takes a paragraph for a figure where
	 * they can: both wrong. */
	md->lambda = ncand > 0 ? fmin(LAMBDA_MAX, fmax(LAMBDA_MIN, expect / ncand)) :
		     LAMBDA_MAX;
	for (r = 0; r < EM_ROUNDS && ncand > 0; r++) {
		model_weights(md);
		memset(count, 0, sizeof count);
		for (k = 0; k < n; k++) {
			if (!p[k].candidate)
				continue;
			post = 1 / (1 + exp2(-pair_weight(md, &p[k])));
			for (f = 0; f < NFEAT; f++)
				if (p[k].lev[f] != UNKNOWN)
					count[f][p[k].lev[f]] += post;
		}
		normalise(md->m, count, prior_m);
	}
	model_weights(md);
}

/* The probability a match weight stands for. */
static double
weight_probability(double w)
{
	return 1 / (1 + exp2(-w));
}
