/* rows.c: stage 4, output rows, folding comparison figures into the
 * figure they compare, each row placed in its period. */

static struct obs *
obs_push(struct ctx *c, const struct fig *f, size_t fi)
{
	struct obs *o;

	if (c->nobs == c->cap_obs) {
		size_t k, old = c->cap_obs;

		c->cap_obs = c->cap_obs ? 2 * c->cap_obs : 16;
		c->obs = xrealloc(c->obs, c->cap_obs * sizeof *c->obs);
		for (k = old; k < c->cap_obs; k++) {
			struct buf z = BUF_INIT;

			c->obs[k].measure = z;
			c->obs[k].when = z;
			c->obs[k].prev_when = z;
		}
	}
	o = &c->obs[c->nobs++];
	o->has_value = o->has_max = o->has_prev = o->has_change = false;
	o->has_pct = o->target = false;
	o->value = o->vmax = o->prev = o->change = o->pct = 0;
	SET_UNIT(o->unit, f->unit);
	o->approx = NULL;
	o->at = 0;		/* the caller knows where the figure stands */
	o->fig = o->first = fi;
	buf_reset(&o->measure);
	buf_reset(&o->when);
	buf_reset(&o->prev_when);
	return o;
}

/* A row holding only a relative change takes the unit of what follows:
 * "increased by 6% (additional 1,450 calls)". */
static bool
only_pct(const struct obs *o)
{
	return o->has_pct && !o->has_value && !o->has_prev && !o->has_change;
}

/* A figure in unit fig can be compared with a row in unit row: the
 * same unit, or two durations ("2 minutes 55 seconds, down from 4
 * minutes"). */
static bool
same_dimension(const char *row, const char *fig)
{
	return !strcmp(row, fig) || (unit_seconds(row) > 0 && unit_seconds(fig) > 0);
}

/* Figure f's value in the unit of row o: "4 minutes" in a row of
 * seconds is 240. */
static double
in_row_unit(const struct obs *o, const struct fig *f)
{
	double r = unit_seconds(o->unit), g = unit_seconds(f->unit);

	return r > 0 && g > 0 && r != g ? f->v * g / r : f->v;
}

static bool
unit_fits(const struct obs *o, const struct fig *f)
{
	if (f->role == R_PCT)
		return !o->has_pct;
	if (only_pct(o))
		return true;
	/* a bare number in parentheses is in the row's unit: "5,412
	 * patrol hours ... (5,058)" */
	if (f->role == R_PREV)
		return !o->has_prev && (same_dimension(o->unit, f->unit) ||
					(f->paren && f->te == f->ts + 1 &&
					 !strcmp(f->unit, "count")));
	/* a change in points belongs to a percent row */
	return !o->has_change && (same_dimension(o->unit, f->unit) ||
				  (!strcmp(f->unit, "pp") &&
				   !strcmp(o->unit, "percent")));
}

/* The row a comparison figure fi belongs to: the nearest row before it
 * with a free slot, preferring one that counts the same noun ("412
 * officers and 168 PCSOs, up from 389 officers"); coordinated prevs go
 * in order ("against 180 vans and 70 lorries"); NULL if none. */
static struct obs *
find_row(struct ctx *c, struct span s, size_t fi, size_t first_obs,
	 size_t prev_row)
{
	const struct fig *f = &c->fig[fi];
	/* only the sentence's tokens are tagged: its end bounds the noun */
	const char *noun = head_noun(c, f, s.b), *rn;
	size_t k, run = 1;

	if (f->coord && prev_row + 1 < c->nobs)
		for (k = prev_row + 1; k < c->nobs; k++)
			if (unit_fits(&c->obs[k], f))
				return &c->obs[k];
	for (k = c->nobs; noun && k > first_obs; k--) {
		struct obs *o = &c->obs[k - 1];

		if (o->has_value && unit_fits(o, f) &&
		    (rn = head_noun(c, &c->fig[o->fig], s.b)) &&
		    !strcmp(rn, noun))
			return o;
	}
	/* the first of m coordinated prevs goes m rows back */
	while (f->role == R_PREV && !f->coord && fi + run < c->nfig &&
	       c->fig[fi + run].coord)
		run++;
	for (k = c->nobs; k > first_obs; k--)
		if (unit_fits(&c->obs[k - 1], f) && --run == 0)
			return &c->obs[k - 1];
	for (k = c->nobs; k > first_obs; k--)
		if (unit_fits(&c->obs[k - 1], f))
			return &c->obs[k - 1];
	return NULL;
}

/* Tell where figure f went and the period its row got (--explain). */
static void
explain_fold(const struct ctx *c, const struct fig *f, const struct obs *o,
	     size_t first_obs, const char *how, const char *when_why)
{
	EXPLAIN(c, (struct span){f->ts, f->ue}, "row %zu: %s%s%.*s%s%s",
		(size_t)(o - c->obs) - first_obs + 1, how,
		when_why ? "; when \"" : "", when_why ? (int)o->when.len : 0,
		when_why && o->when.p ? o->when.p : "", when_why ? "\": " : "",
		when_why ? when_why : "");
}

/* Figures f and g count different nouns ("12 officers", "9 arrests"). */
static bool
other_noun(const struct ctx *c, struct span s, const struct fig *f,
	   const struct fig *g)
{
	const char *a = head_noun(c, f, s.b), *b;

	return a && (b = head_noun(c, g, s.b)) && strcmp(a, b) != 0;
}

/* "from 389 to 243": prev figure fi is followed by "to" and the value
 * it was before, which then opens the row it joins. */
static bool
from_to(const struct ctx *c, size_t fi)
{
	const struct fig *f = &c->fig[fi];

	return f->role == R_PREV && fi + 1 < c->nfig && f->ts > 0 &&
	       tok_is(c, f->ts - 1, f->ts, "from") && tok_is(c, f->ue, c->ntok, "to") &&
	       c->fig[fi + 1].ts == f->ue + 1 && c->fig[fi + 1].role == R_VALUE &&
	       !strcmp(c->fig[fi + 1].unit, f->unit);
}

/* Change f is said of an object of its own ("cut shoplifting by 10%",
 * "reduce repeat calls by 200"), not of what figure g counts: a noun
 * phrase between a verb and "by" right before it, whose head is not g's
 * noun. */
static bool
own_object(const struct ctx *c, struct span s, const struct fig *f, const struct fig *g)
{
	size_t lead = lead_token(c, s, f), a;
	const char *mine, *theirs;

	if (lead < s.a + 3 || !tok_is(c, lead - 1, s.b, "by") || !noun_at(c, lead - 2, s.b))
		return false;
	a = np_start(c, s.a, lead - 1, s.b);
	if (a <= s.a || a >= lead - 1 || !tag_is(c, a - 1, s.b, P_VERB) || g->ts > a)
		return false;
	mine = c->tok[lead - 2].low;
	theirs = head_noun(c, g, s.b);
	return mine[0] && (!theirs || strncmp(mine, theirs, STEM_BYTES));
}

/* The period phrase a change figure f is counted from, in the tokens
 * after it (up to the next figure): "than last year", "on March 2024",
 * "more than in March 2024", "on the same quarter last year"; the words
 * between are its own noun and those that introduce a base.  Its index
 * in c->period, or NO_TOKEN. */
static size_t
change_base_after(const struct ctx *c, const struct fig *f, struct span after)
{
	size_t j = f->ue, k;
	bool base = false;

	for (; j < after.b && !c->tag[j].period; j++) {
		if (tok_is(c, j, after.b, "than") || tok_is(c, j, after.b, "on") ||
		    tok_has(c, j, after.b, W(CMP)))
			base = true;
		else if (!(noun_at(c, j, after.b) || direction(&c->tok[j]) ||
			   tok_punct(c, j, after.b, ')') ||	/* "(148 offences) on" */
			   tok_has(c, j, after.b, W(MORE)) || tag_is(c, j, after.b, P_DET) ||
			   (base && date_has(c, j, after.b, DATE(PREP)))))
			return NO_TOKEN;
	}
	if (j >= after.b)
		return NO_TOKEN;
	/* "down 12% year on year": a base that says itself */
	for (k = 0; k < c->nperiod; k++)
		if (c->period[k].a == j)
			return base || base_span(c, c->period[k]) ? k : NO_TOKEN;
	return NO_TOKEN;
}

/* The figures of sentence s as rows, from c->obs[first_obs] on: a value
 * or target opens a row, a comparison figure joins the row it compares;
 * each row gets its period. */
static void
fold(struct ctx *c, struct span s, size_t first_obs)
{
	size_t fi, prev_row = first_obs, k;
	const char *how, *when_why;
	struct obs *o;

	for (fi = 0; fi < c->nfig; fi++) {
		struct fig *f = &c->fig[fi];
		/* the tokens after the figure, up to the next */
		struct span after = {
			f->ue, fi + 1 < c->nfig ? c->fig[fi + 1].ts : s.b
		};

		when_why = NULL;
		if (f->role == R_VALUE || f->role == R_TARGET) {
			/* a change-only row just before takes its value */
			how = "its value, in the change-only row before it";
			o = c->nobs > first_obs ? &c->obs[c->nobs - 1] : NULL;
			/* "Reduce by 5% (no more than 2,280 offences)": a
			 * level in parentheses after a goal's change is a goal
			 * of its own */
			if (o && o->target && in_parens(c, s.a, f->ts))
				o = NULL;
			/* "lost 12 officers and made 9 arrests": a change of
			 * another noun */
			if (o && !o->has_value && other_noun(c, s, &c->fig[o->fig], f))
				o = NULL;
			/* "rose by 2.8 points but remains below the target of
			 * 85%": a goal is not the level the change reached */
			if (o && !o->has_value && !o->target && f->role == R_TARGET &&
			    !in_parens(c, s.a, f->ts))
				o = NULL;
			if (!(o && !o->has_value &&
			      (!strcmp(o->unit, f->unit) || only_pct(o) ||
			       (!strcmp(o->unit, "pp") && !strcmp(f->unit, "percent"))))) {
				o = obs_push(c, f, fi);
				how = "its value, in a row of its own";
			}
			SET_UNIT(o->unit, f->unit);
			o->has_value = true;
			o->value = f->v;
			o->has_max = f->has_max;
			o->vmax = f->vmax;
			o->approx = f->approx;
			o->target = f->role == R_TARGET;
			o->at = c->tok[f->ts].s;
			o->fig = fi;
			when_why = when_of(c, after, true, WM_VALUE, &o->when);
			explain_fold(c, f, o, first_obs, how, when_why);
			if (fi > 0 && from_to(c, fi - 1) && !o->has_prev) {
				explain_fold(c, &c->fig[fi - 1], o, first_obs,
					     "the prev of the value after \"to\"", NULL);
				o->has_prev = true;
				o->prev = c->fig[fi - 1].v;
				o->first = fi - 1;
				prev_row = (size_t)(o - c->obs);
			}
			continue;
		}
		if (from_to(c, fi))
			continue;	/* it joins the row of the value after it */
		how = "joins the row it compares (the nearest with a free slot)";
		o = find_row(c, s, fi, first_obs, prev_row);
		/* "will fund 12 street lights and aims to cut shoplifting by
		 * 10%": a change of an object of its own */
		if (o && f->role != R_PREV && own_object(c, s, f, &c->fig[o->fig]))
			o = NULL;
		if (o && only_pct(o) && f->role != R_PCT)
			SET_UNIT(o->unit, f->unit);
		if (!o) {
			how = "a row of its own: no row before it to join";
			o = obs_push(c, f, fi);
			o->at = c->tok[f->ts].s;
			/* "we aim to cut it by 5%": a change can be the goal */
			o->target = f->role != R_PREV && is_target(c, s, f);
			if (f->role == R_CHANGE && !strcmp(f->unit, "pp"))
				SET_UNIT(o->unit, "pp");
			when_why = when_of(c, after, true, WM_CHANGE, &o->when);
		}
		if (o->when.len == 0 && f->role != R_PREV)
			when_why = when_of(c, after, false, WM_CHANGE, &o->when);
		explain_fold(c, f, o, first_obs, how, when_why);
		if (f->role == R_PREV) {
			prev_row = (size_t)(o - c->obs);
			o->has_prev = true;
			o->prev = in_row_unit(o, f);
			if (f->when_back)	/* "on last year (1,274)" */
				when_of(c, (struct span){f->ts, f->ts}, true,
					WM_PREV, &o->prev_when);
			else
				when_of(c, after, false, WM_PREV, &o->prev_when);
		} else if (f->role == R_PCT) {
			o->has_pct = true;
			o->pct = f->sign * f->v;
		} else {
			o->has_change = true;
			o->change = f->sign * in_row_unit(o, f);
		}
		/* "40 fewer burglaries than last year", "down 3.1% on March
		 * 2024": the period the change is counted from */
		if (f->role != R_PREV && !o->prev_when.len &&
		    (k = change_base_after(c, f, after)) != NO_TOKEN)
			add_words(&o->prev_when, c, c->period[k]);
	}
}
