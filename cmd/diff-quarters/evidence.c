/* evidence.c: what a figure's words say about it, as bags of weighted
 * terms (TF-IDF, cosine: compare.c).  Read one paragraph (the figures of
 * one report line) at a time:
 *   - name: its measure's words, and the words around its number in its
 *     sentence, nearer ones weighing more ("The words around the number"
 *     in docs/diff-quarters.md);
 *   - para: its sentence, and the paragraph's other sentences at half
 *     weight (shared by the figures of one sentence);
 *   - outline: its priority, commitment and heading, where the input has
 *     them (shared by a section's figures);
 * each with the concepts of the concept table that its words hold. */

/* What a mark between a word and a number costs: the words of another
 * clause belong less to the figure (in word steps). */
enum {
	COST_COMMA = 3,		/* "..., and 11.6% of callers" */
	COST_BRACKET = 2,	/* "drink driving (172) and" */
	COST_CLAUSE = 2,	/* "and", "but", "while": quarters.tsv's clause */
	COST_STOP = INT_MAX / 4	/* ; : . end the figure's words */
};
#define NEAR_DECAY 3.0		/* a word COST steps away weighs 1/(1+(COST-1)/3) */
#define PARA_WEIGHT 0.5f	/* the paragraph's other sentences */
#define NEAR_CONCEPT 0.3f	/* a concept this near the number says what it is */

struct bagger {
	struct term *v;
	size_t n, cap;
};

static void
bagger_add(struct bagger *b, uint32_t id, float w)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->v = xrealloc(b->v, b->cap * sizeof *b->v);
	}
	b->v[b->n++] = (struct term){id, w};
}

static int
term_by_id(const void *a, const void *b)
{
	const struct term *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

static int
term_by_weight(const void *a, const void *b)
{
	const struct term *x = a, *y = b;

	if (x->w != y->w)
		return x->w < y->w ? 1 : -1;
	return (x->id > y->id) - (x->id < y->id);
}

/* The terms gathered, as a bag: one entry per term, its largest weight
 * (a word twice is not twice the evidence), the heaviest BAG_MAX. */
static void
bagger_make(struct bagger *b, struct bag *out)
{
	size_t i, n = 0;

	memset(out, 0, sizeof *out);
	out->norm = -1;
	if (b->n == 0)
		return;
	qsort(b->v, b->n, sizeof *b->v, term_by_id);
	for (i = 0; i < b->n; i++) {
		if (n > 0 && b->v[n - 1].id == b->v[i].id) {
			if (b->v[i].w > b->v[n - 1].w)
				b->v[n - 1].w = b->v[i].w;
		} else {
			b->v[n++] = b->v[i];
		}
	}
	if (n > BAG_MAX) {
		qsort(b->v, n, sizeof *b->v, term_by_weight);
		n = BAG_MAX;
		qsort(b->v, n, sizeof *b->v, term_by_id);
	}
	out->v = xmalloc(n * sizeof *out->v);
	memcpy(out->v, b->v, n * sizeof *out->v);
	out->n = (uint16_t)n;
	b->n = 0;
}

static void
bag_free(struct bag *b)
{
	free(b->v);
	b->v = NULL;
	b->n = 0;
}

/* A shared bag, let go by one of its figures. */
static void
bag_release(struct bag *b)
{
	if (b && --b->refs == 0) {
		bag_free(b);
		free(b);
	}
}

/* The words of a text, weight w each, with their concepts. */
static void
add_text(struct vocab *v, struct bagger *b, const char *s, float w)
{
	struct toks t = {0};
	struct cwords c = {0};
	struct founds f = {0};
	size_t i;

	tokenize(v, s, strlen(s), &t);
	content_words(v, &t, NULL, &c);
	concepts_find(v->concepts, &c, &f);
	for (i = 0; i < c.n; i++)
		if (c.v[i].w > 0)
			bagger_add(b, c.v[i].term, w * c.v[i].w);
	for (i = 0; i < f.n; i++)
		bagger_add(b, f.v[i].concept, w);
	free(t.v);
	free(c.v);
	free(f.v);
}

/* One sentence of a paragraph, read once for its figures. */
struct sentence {
	const char *text;
	struct toks t;
	struct cwords c;
	struct founds f;
	bool *figure;		/* by token: a number that is a figure */
	uint16_t *clause;	/* by token: its clause, counted from 0 */
	bool *claimed;		/* by token: a figure's own number, taken */
	struct bag *para;	/* made for its figures */
	bool revised;		/* it says an earlier figure was revised */
	bool table;		/* cells of a table row */
};

/* Does token k say x, a figure in unit?  A duration is in seconds. */
static bool
says(const struct tok *k, double x, const char *unit)
{
	double v = k->value;

	if (k->kind != TK_NUMBER)
		return false;
	if (k->duration)
		v /= strcmp(unit, "hours") == 0 ? 3600 :
		     strcmp(unit, "minutes") == 0 ? 60 : 1;
	return num_same(v, fabs(x));
}

/* Does token k say one of f's numbers: its value, previous value or
 * change? */
static bool
says_fig(const struct tok *k, const struct fig *f)
{
	return says(k, f->value, f->s[S_UNIT]) ||
	       (f->has_prev && says(k, f->prev, f->s[S_UNIT])) ||
	       (f->has_change && says(k, f->change, f->s[S_UNIT])) ||
	       (f->has_pct && says(k, f->pct, "percent"));
}

/* The numbers of a sentence that are figures of its rows: values,
 * previous values, changes.  The others ("999", "10 seconds") are words. */
static void
mark_figures(struct sentence *s, struct figs *line)
{
	size_t i, k;

	s->figure = xcalloc(s->t.n + 1, sizeof *s->figure);
	s->claimed = xcalloc(s->t.n + 1, sizeof *s->claimed);
	for (k = 0; k < line->n; k++) {
		const struct fig *f = line->v[k];

		if (!f->evidence || strcmp(f->evidence, s->text) != 0)
			continue;
		for (i = 0; i < s->t.n; i++)
			s->figure[i] |= says_fig(&s->t.v[i], f);
	}
}

/* The clauses of a sentence: a comma, a clause word ("and", "while"),
 * a semicolon, a colon or a full stop starts the next. */
static void
mark_clauses(struct sentence *s)
{
	size_t i;
	uint16_t c = 0;

	s->clause = xcalloc(s->t.n + 1, sizeof *s->clause);
	for (i = 0; i < s->t.n; i++) {
		const struct tok *k = &s->t.v[i];

		if (k->kind == TK_MARK && strchr(",;:.c", k->mark) && c < UINT16_MAX)
			c++;
		s->clause[i] = c;
	}
}

/* Is the number at token k another figure of f's block (unit and kind)
 * in its sentence?  Only such a figure takes the words nearer it than
 * f's number in f's own clause: one in another unit is never f's rival
 * for a link (the threshold "within three minutes" does not take
 * "answered" from "71.4% of calls were answered"). */
static bool
rival_at(const struct sentence *s, const struct figs *line,
	 const struct fig *f, size_t k)
{
	size_t j;

	for (j = 0; j < line->n; j++) {
		const struct fig *g = line->v[j];

		if (g->evidence && strcmp(g->evidence, s->text) == 0 &&
		    strcmp(g->s[S_BLOCK], f->s[S_BLOCK]) == 0 &&
		    says_fig(&s->t.v[k], g))
			return true;
	}
	return false;
}

/* What reaching word i from the number at `at` costs, by the words and
 * marks between; COST_STOP past a sentence's end.  Other figures' numbers
 * and table cells cost nothing: a row's label is every cell's. */
static void
costs_from(const struct sentence *s, size_t at, int *cost)
{
	size_t i;
	int c, step;

	for (i = 0; i < s->t.n; i++)
		cost[i] = COST_STOP;
	for (step = -1; step <= 1; step += 2) {
		c = 0;
		for (i = at + (size_t)step; i < s->t.n; i += (size_t)step) {
			const struct tok *k = &s->t.v[i];

			if (k->kind == TK_MARK) {
				if (strchr(";:.", k->mark))
					break;
				c += k->mark == ',' ? COST_COMMA :
				     k->mark == 'c' ? COST_CLAUSE :
				     k->mark == '\t' ? 0 : COST_BRACKET;
				continue;
			}
			if (k->kind == TK_NUMBER && s->figure[i])
				continue;
			cost[i] = ++c;
		}
	}
}

/* The name bag of figure f at number `at`: its measure's words, and the
 * words of its sentence that are nearer its number than any other
 * figure's (weight by distance), with their concepts. */
static void
name_bag(struct vocab *v, struct sentence *s, struct figs *line,
	 struct fig *f, size_t at, struct bagger *b)
{
	int *mine = xmalloc((s->t.n + 1) * sizeof *mine);
	int *other = xmalloc((s->t.n + 1) * sizeof *other);
	float *near = xcalloc(s->t.n + 1, sizeof *near);
	size_t i, k;

	if (*f->s[S_MEASURE])
		add_text(v, b, f->s[S_MEASURE], 1);
	f->nconcepts = 0;
	for (i = 0; i < b->n && at >= s->t.n; i++)	/* no sentence: the name's */
		if (v->w[b->v[i].id].s[0] == '@' && f->nconcepts < CONCEPTS_MAX)
			f->concepts[f->nconcepts++] = b->v[i].id;
	if (at < s->t.n) {
		costs_from(s, at, mine);
		for (i = 0; i < s->t.n; i++)
			if (mine[i] < COST_STOP)
				near[i] = 1.0f / (1.0f + (float)(mine[i] - 1) / (float)NEAR_DECAY);
		/* a word of another figure's clause is that figure's when f's
		 * number is in another clause ("Eight lines were closed and 27
		 * people arrested": "closed" is the eight's); a word nearer a
		 * rival's number (a figure of f's unit and kind) is the
		 * rival's ("164 for drink driving and 133 for drug driving") */
		for (k = 0; k < s->t.n; k++) {
			bool rival;

			if (k == at || !s->figure[k])
				continue;
			if ((rival = rival_at(s, line, f, k)))
				costs_from(s, k, other);
			for (i = 0; i < s->t.n; i++)
				if ((s->clause[i] == s->clause[k] &&
				     s->clause[i] != s->clause[at]) ||
				    (rival && other[i] < mine[i]))
					near[i] = 0;
		}
		for (i = 0; i < s->c.n; i++)
			if (near[s->c.v[i].at] > 0 && s->c.v[i].w > 0)
				bagger_add(b, s->c.v[i].term,
					   near[s->c.v[i].at] * s->c.v[i].w);
		for (i = 0; i < s->f.n; i++) {	/* a concept: its farthest word's weight */
			float w = 1;

			for (k = s->f.v[i].from; k < s->f.v[i].to; k++)
				if (near[s->c.v[k].at] < w)
					w = near[s->c.v[k].at];
			if (w > 0)
				bagger_add(b, s->f.v[i].concept, w);
			for (k = 0; k < f->nconcepts &&
				    f->concepts[k] != s->f.v[i].concept; k++)
				;
			if (w >= NEAR_CONCEPT && k == f->nconcepts &&
			    f->nconcepts < CONCEPTS_MAX)
				f->concepts[f->nconcepts++] = s->f.v[i].concept;
		}
	}
	bagger_make(b, &f->name);
	free(mine);
	free(other);
	free(near);
}

/* The figure's own number in its sentence: the first of its value not
 * taken by an earlier figure of the sentence; s->t.n when absent. */
static size_t
own_number(struct sentence *s, const struct fig *f)
{
	size_t i;

	for (i = 0; i < s->t.n; i++)
		if (s->figure[i] && !s->claimed[i] &&
		    says(&s->t.v[i], f->value, f->s[S_UNIT])) {
			s->claimed[i] = true;
			return i;
		}
	return s->t.n;
}

/* The other numbers of the sentence: where a report restates OLD's
 * figure that the extractor did not read as a previous value. */
static void
other_numbers(const struct sentence *s, struct fig *f, size_t at)
{
	size_t i;

	f->nnums = 0;
	for (i = 0; i < s->t.n && f->nnums < NUMS_MAX; i++)
		if (i != at && s->t.v[i].kind == TK_NUMBER)
			f->nums[f->nnums++] = s->t.v[i].value;
}

/* The numbers of the paragraph's sentences that say a figure was
 * revised: a restatement of one of them is a revision the report explains
 * (audit.c). */
static void
revised_numbers(const struct sentence *sv, size_t ns, struct fig *f)
{
	size_t k, i;

	f->nrevised = 0;
	for (k = 0; k < ns; k++)
		for (i = 0; sv[k].revised && i < sv[k].t.n &&
			    f->nrevised < NUMS_MAX; i++)
			if (sv[k].t.v[i].kind == TK_NUMBER)
				f->revised_from[f->nrevised++] = sv[k].t.v[i].value;
}

/* The paragraph's bags for sentence si: its words, and the others' at
 * half weight. */
static struct bag *
para_bag(struct sentence *sv, size_t ns, size_t si, struct bagger *b)
{
	struct bag *out = xmalloc(sizeof *out);
	size_t i, k;

	for (k = 0; k < ns; k++) {
		float w = k == si ? 1.0f : PARA_WEIGHT;

		for (i = 0; i < sv[k].c.n; i++)
			if (sv[k].c.v[i].w > 0)
				bagger_add(b, sv[k].c.v[i].term, w * sv[k].c.v[i].w);
		for (i = 0; i < sv[k].f.n; i++)
			bagger_add(b, sv[k].f.v[i].concept, w);
	}
	bagger_make(b, out);
	out->refs = 0;
	return out;
}

/* The outline bag of a figure: shared while the outline stays the same. */
static void
outline_bag(struct source *src, struct fig *f, struct bagger *b)
{
	const char *o = f->s[S_OUTLINE];

	f->outline = NULL;
	if (!*o)
		return;
	if (!src->outline || !src->outline_text ||
	    strcmp(src->outline_text, o) != 0) {
		bag_release(src->outline);
		src->outline = xmalloc(sizeof *src->outline);
		add_text(src->vocab, b, o, 1);
		bagger_make(b, src->outline);
		src->outline->refs = 1;		/* the source's own hold */
		free(src->outline_text);
		src->outline_text = xstrdup(o);
	}
	f->outline = src->outline;
	f->outline->refs++;
}

/* The evidence of one paragraph's figures (fig_evidence: read.c calls it
 * when a paragraph ends); the sentences are let go after. */
static void
fig_evidence(struct source *src, struct figs *line)
{
	struct vocab *v = src->vocab;
	struct sentence *sv = xcalloc(line->n + 1, sizeof *sv);
	struct bagger b = {0};
	size_t ns = 0, i, k, at;

	for (i = 0; i < line->n; i++) {	/* the distinct sentences */
		const char *e = line->v[i]->evidence ? line->v[i]->evidence : "";

		for (k = 0; k < ns && strcmp(sv[k].text, e) != 0; k++)
			;
		if (k < ns)
			continue;
		sv[ns].text = e;
		tokenize(v, e, strlen(e), &sv[ns].t);
		mark_figures(&sv[ns], line);
		mark_clauses(&sv[ns]);
		content_words(v, &sv[ns].t, sv[ns].figure, &sv[ns].c);
		concepts_find(v->concepts, &sv[ns].c, &sv[ns].f);
		sv[ns].revised = says_revised(v->words, e);
		sv[ns].table = strchr(e, '\t') != NULL;
		ns++;
	}
	for (k = 0; k < ns; k++)
		sv[k].para = para_bag(sv, ns, k, &b);
	for (i = 0; i < line->n; i++) {
		struct fig *f = line->v[i];
		const char *e = f->evidence ? f->evidence : "";

		for (k = 0; strcmp(sv[k].text, e) != 0; k++)
			;
		at = own_number(&sv[k], f);
		f->table_row = sv[k].table;
		revised_numbers(sv, ns, f);
		name_bag(v, &sv[k], line, f, at, &b);
		other_numbers(&sv[k], f, at);
		f->para = sv[k].para;
		f->para->refs++;
		outline_bag(src, f, &b);
		f->first_in_line = line->v[0];
		f->next_in_line = i + 1 < line->n ? line->v[i + 1] : NULL;
		v->docs++;
		vocab_count(v, &f->name, v->docs);
		vocab_count(v, f->para, v->docs);
		vocab_count(v, f->outline, v->docs);
	}
	for (k = 0; k < ns; k++) {
		free(sv[k].t.v);
		free(sv[k].c.v);
		free(sv[k].f.v);
		free(sv[k].figure);
		free(sv[k].clause);
		free(sv[k].claimed);
	}
	free(sv);
	free(b.v);
	for (i = 0; i < line->n && !src->keep_evidence; i++) {
		free(line->v[i]->evidence);
		line->v[i]->evidence = NULL;
	}
}
