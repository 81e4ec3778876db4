/* figures.c: stages 1 and 2 together: the figures of one sentence, each
 * a number with its unit, qualifier, rate and range. */

/* "about 60", "more than 200", "at least £4m": the qualifier before the
 * number at i (the approx rows of the lexicon); NULL when none. */
static const char *
approx_before(const struct ctx *c, size_t a, size_t i)
{
	const char *v = NULL;

	if (i > a && tok_punct(c, i - 1, i, 0xA3))
		i--;
	return phrase_ending(c, a, i, W(APPROX), &v) ? v : NULL;
}

static struct fig *
fig_push(struct ctx *c)
{
	struct fig *f;

	if (c->nfig == c->cap_fig) {
		c->cap_fig = c->cap_fig ? 2 * c->cap_fig : 32;
		c->fig = xrealloc(c->fig, c->cap_fig * sizeof *c->fig);
	}
	f = &c->fig[c->nfig++];
	memset(f, 0, sizeof *f);
	f->sign = 1;
	return f;
}

/* "1 in 5 calls", "1 in every 3": a share, in percent.  Returns the
 * token after it, or i. */
static size_t
parse_share(struct ctx *c, const char *text, size_t a, size_t i, size_t next,
	    size_t b, double v)
{
	double d;
	size_t j = next + 1, k;
	bool word;
	struct fig *f;

	if (!tok_is(c, next, b, "in"))
		return i;
	if (tok_is(c, j, b, "every"))
		j++;		/* "1 in every 3" */
	if (j >= b || c->tok[j].kind != T_NUM ||
	    !parse_one_number(c, text, j, b, &d, &k, &word) ||
	    d < v || d <= 1 || d > 1000 || v != floor(v) || d != floor(d))
		return i;
	f = fig_push(c);
	f->ts = i;
	f->te = f->ue = k;
	f->v = round(v / d * 1000) / 10;
	strcpy(f->unit, "percent");
	f->approx = approx_before(c, a, i);
	return k;
}

/* A range after the number at i (ending at *next): "4-6 hours", "20 to
 * 30", "between 20 and 30", "from 13 to 17 years" (but "from 464 to
 * 515" is a change).  Sets *hi and moves *next past it. */
static bool
parse_range(struct ctx *c, const char *text, size_t a, size_t i,
	    size_t *next, size_t b, double v, double *hi)
{
	size_t j = *next, k;
	bool word, from = i > a && tok_is(c, i - 1, b, "from");
	const char *dn;

	/* "fell by 5 to 10", "an increase of 4 to 12": a change, then a value */
	if (tok_is(c, j, b, "to") && i > a &&
	    (tok_is(c, i - 1, b, "by") || tok_is(c, i - 1, b, "of") ||
	     (c->tok[i - 1].cls & (W(RISE) | W(FALL)))))
		return false;
	if (!(tok_dash(c, j, b) || tok_is(c, j, b, "to") ||
	      (tok_is(c, j, b, "and") && i > a && tok_is(c, i - 1, b, "between"))) ||
	    j + 1 >= b || c->tok[j + 1].kind != c->tok[i].kind ||
	    !parse_one_number(c, text, j + 1, b, hi, &k, &word) || *hi <= v)
		return false;
	if (from && !(k < b && c->tok[k].kind == T_WORD &&
		      duration_unit(c, c->tok[k].low, &dn) > 0))
		return false;
	if (not_a_figure(c, text, a, j + 1, k, b, *hi, word))
		return false;
	*next = k;
	return true;
}

/* "an increase of 4 points", "up 3 points", "2 points lower": points
 * beside a change word are percentage points (a change of a percent).
 * Returns the token after the unit. */
static size_t
parse_points(const struct ctx *c, size_t a, size_t i, size_t k, size_t b,
	     struct fig *f)
{
	const unsigned dir = W(RISE) | W(FALL);
	size_t p = i;

	if (strcmp(f->unit, "count") || !tok_has(c, k, b, W(POINTS)))
		return k;
	if (p > a + 1 && (tok_is(c, p - 1, b, "of") || tok_is(c, p - 1, b, "by")))
		p--;
	if ((p > a && c->tok[p - 1].kind == T_WORD && (c->tok[p - 1].cls & dir)) ||
	    (k + 1 < b && c->tok[k + 1].kind == T_WORD &&
	     (c->tok[k + 1].cls & dir))) {
		strcpy(f->unit, "pp");
		return k + 1;
	}
	return k;
}

/* A number with its unit, qualifier and rate, maybe a range; or nothing.
 * Returns the token after what it used (at least i + 1). */
static size_t
parse_figure(struct ctx *c, const char *text, size_t a, size_t i, size_t b)
{
	double v, hi;
	size_t next, k;
	bool word, money, ranged;
	struct fig *f;

	if (c->tok[i].kind != T_NUM && !(c->tok[i].cls & NUMBER_WORD) &&
	    !(c->tok[i].starts & W(NUMBER)))
		return i + 1;
	if (!parse_one_number(c, text, i, b, &v, &next, &word))
		return i + 1;
	if (not_a_figure(c, text, a, i, next, b, v, word)) {
		/* "aged 11-16": the whole range is not a figure */
		if (tok_dash(c, next, b) && next + 1 < b &&
		    c->tok[next + 1].kind == c->tok[i].kind)
			return next + 2;
		return next;
	}
	if ((k = parse_share(c, text, a, i, next, b, v)) > i)
		return k;
	hi = v;
	ranged = parse_range(c, text, a, i, &next, b, v, &hi);
	if (!ranged && tok_dash(c, next, b) && next + 1 < b &&
	    c->tok[next + 1].kind == T_NUM)
		return next + 2;	/* "3-7" with a number that is not a figure */
	money = i > a && tok_punct(c, i - 1, b, 0xA3);
	f = fig_push(c);
	f->ts = i;
	f->v = v;
	f->vmax = hi;
	f->has_max = ranged;
	k = parse_unit(c, next, b, f, money);
	k = parse_points(c, a, i, k, b, f);
	k = parse_compound_duration(c, text, k, b, f);
	if (tok_punct(c, k, b, '+') && !c->tok[k].sp) {
		f->approx = ">";	/* "40+" */
		k++;
	}
	f->te = k;
	f->ue = parse_rate(c, k, b, f);
	if (!f->approx)
		f->approx = approx_before(c, a, i);
	/* a bare range is a page range ("3-7"); a bare number alone in its
	 * block is a page number */
	if ((ranged && !strcmp(f->unit, "count") &&
	     (k >= b || c->tok[k].kind != T_WORD || (c->tok[k].cls & W(STOP)))) ||
	    (a == 0 && i == 0 && k >= b && !word && !strcmp(f->unit, "count"))) {
		c->nfig--;
		return k;
	}
	f->paren = !money && i > a && tok_punct(c, i - 1, b, '(') &&
		   tok_punct(c, k, b, ')');
	return k > i ? k : i + 1;
}
