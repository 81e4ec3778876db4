/* figures.c: stages 1 and 2 together: the figures of one sentence, each
 * a number with its unit, qualifier, rate and range.  A number is the
 * tokens num of sentence s. */

/* "1 in N": the largest N that makes a share ("1 in 1,000 homes"). */
enum { SHARE_MAX = 1000 };

/* "about 60", "more than 200", "at least £4m": the qualifier before the
 * number at token i of s (the approx rows of the lexicon); NULL when
 * none. */
static const char *
approx_before(const struct ctx *c, struct span s, size_t i)
{
	const char *v = NULL;

	if (i > s.a && tok_punct(c, i - 1, i, 0xA3))
		i--;
	return phrase_ending(c, s.a, i, W(APPROX), &v) ? v : NULL;
}

/* The first token of figure f of sentence s: its currency sign ("£4m"),
 * else its number. */
static size_t
fig_start(const struct ctx *c, struct span s, const struct fig *f)
{
	return f->ts > s.a && tok_punct(c, f->ts - 1, s.b, 0xA3) ? f->ts - 1 : f->ts;
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
 * token after it, or num.a. */
static size_t
parse_share(struct ctx *c, struct span s, struct span num, double v)
{
	double d;
	size_t j = num.b + 1, k;
	bool word;
	struct fig *f;

	if (!tok_is(c, num.b, s.b, "in"))
		return num.a;
	if (tok_is(c, j, s.b, "every"))
		j++;		/* "1 in every 3" */
	if (j >= s.b || c->tok[j].kind != T_NUM ||
	    !parse_one_number(c, j, s.b, &d, &k, &word) ||
	    d < v || d <= 1 || d > SHARE_MAX || v != floor(v) || d != floor(d))
		return num.a;
	f = fig_push(c);
	f->ts = num.a;
	f->te = f->ue = k;
	f->v = round(v / d * 1000) / 10;
	strcpy(f->unit, "percent");
	f->approx = approx_before(c, s, num.a);
	return k;
}

/* A range after the number num of value v: "4-6 hours", "20 to 30",
 * "between 20 and 30", "from 13 to 17 years" (but "from 464 to 515" is a
 * change).  Sets *hi and moves num->b past it. */
static bool
parse_range(struct ctx *c, struct span s, struct span *num, double v,
	    double *hi)
{
	size_t a = s.a, b = s.b, i = num->a, j = num->b, k;
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
	    !parse_one_number(c, j + 1, b, hi, &k, &word) || *hi <= v)
		return false;
	if (from && !(k < b && c->tok[k].kind == T_WORD &&
		      duration_unit(c, c->tok[k].low, &dn) > 0))
		return false;
	if (not_a_figure(c, s, (struct span){j + 1, k}, *hi, word))
		return false;
	num->b = k;
	return true;
}

/* "an increase of 4 points", "up 3 points", "2 points lower": points
 * beside a change word are percentage points (a change of a percent).
 * k is the token after the figure's unit; returns the token after it. */
static size_t
parse_points(const struct ctx *c, struct span s, struct fig *f, size_t k)
{
	const lex_mask dir = W(RISE) | W(FALL);
	size_t p = f->ts;

	if (strcmp(f->unit, "count") || !tok_has(c, k, s.b, W(POINTS)))
		return k;
	if (p > s.a + 1 && (tok_is(c, p - 1, s.b, "of") || tok_is(c, p - 1, s.b, "by")))
		p--;
	if ((p > s.a && tok_has(c, p - 1, s.b, dir)) || tok_has(c, k + 1, s.b, dir)) {
		strcpy(f->unit, "pp");
		return k + 1;
	}
	return k;
}

/* A number at token i of sentence s with its unit, qualifier and rate,
 * maybe a range; or nothing.  Returns the token after what it used (at
 * least i + 1). */
static size_t
parse_figure(struct ctx *c, struct span s, size_t i)
{
	size_t a = s.a, b = s.b, k;
	struct span num = {i, i};
	const char *why;
	char d[FIG_TEXT];
	double v, hi;
	bool word, money, ranged;
	struct fig *f;

	if (c->tok[i].kind != T_NUM && !(c->tok[i].cls & NUMBER_WORD) &&
	    !(c->tok[i].starts & W(NUMBER)))
		return i + 1;
	if (!parse_one_number(c, i, b, &v, &num.b, &word)) {
		EXPLAIN(c, (struct span){i, i + 1},
			"not a figure: not a number, or one, a, zero alone");
		return i + 1;
	}
	if ((why = not_a_figure(c, s, num, v, word))) {
		EXPLAIN(c, num, "not a figure: %s", why);
		/* "aged 11-16": the whole range is not a figure */
		if (tok_dash(c, num.b, b) && num.b + 1 < b &&
		    c->tok[num.b + 1].kind == c->tok[i].kind)
			return num.b + 2;
		return num.b;
	}
	if ((k = parse_share(c, s, num, v)) > i) {
		EXPLAIN(c, (struct span){i, k}, "figure: a share (1 in N)");
		return k;
	}
	hi = v;
	ranged = parse_range(c, s, &num, v, &hi);
	if (!ranged && tok_dash(c, num.b, b) && num.b + 1 < b &&
	    c->tok[num.b + 1].kind == T_NUM) {
		/* "3-7" with a number that is not a figure */
		EXPLAIN(c, (struct span){i, num.b + 2},
			"not a figure: a range whose other end is none");
		return num.b + 2;
	}
	money = i > a && tok_punct(c, i - 1, b, 0xA3);
	f = fig_push(c);
	f->ts = i;
	f->v = v;
	f->vmax = hi;
	f->has_max = ranged;
	k = parse_unit(c, num.b, b, f, money);
	k = parse_points(c, s, f, k);
	k = parse_compound_duration(c, k, b, f);
	if (tok_punct(c, k, b, '+') && !c->tok[k].sp) {
		f->approx = ">";	/* "40+" */
		k++;
	}
	f->te = k;
	f->ue = parse_rate(c, k, b, f);
	if (!f->approx)
		f->approx = approx_before(c, s, i);
	/* a bare range is a page range ("3-7"); a bare number alone in its
	 * block is a page number, but for a field's value ("Annual target:
	 * 1,900": records.c) */
	if ((ranged && !strcmp(f->unit, "count") &&
	     (k >= b || c->tok[k].kind != T_WORD || (c->tok[k].cls & W(STOP)))) ||
	    (a == 0 && i == 0 && k >= b && !word && !strcmp(f->unit, "count") &&
	     !c->field.on)) {
		EXPLAIN(c, (struct span){i, k}, "not a figure: %s", ranged ?
			"a bare range (a page range)" :
			"a number alone in its block (a page number)");
		c->nfig--;
		return k;
	}
	f->paren = !money && i > a && tok_punct(c, i - 1, b, '(') &&
		   tok_punct(c, k, b, ')');
	EXPLAIN(c, (struct span){i, f->ue}, "figure: %s%s", fig_text(f, d, sizeof d),
		f->paren ? " (in parentheses)" : "");
	return k > i ? k : i + 1;
}
