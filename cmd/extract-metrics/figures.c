/* figures.c: stages 1 and 2 together: the figures of one sentence, each
 * a number with its currency, unit, qualifier, rate and range.  A number
 * is the tokens num of sentence s. */

/* "1 in N": the largest N that makes a share ("1 in 1,000 homes"). */
enum { SHARE_MAX = 1000 };

/* "about 60", "more than 200", "at least £4m": the qualifier before the
 * number at token i of s (the approx rows of the lexicon); NULL when
 * none. */
static const char *
approx_before(const struct ctx *c, struct span s, size_t i)
{
	const char *v = NULL;
	size_t start;
	bool neg;

	if (currency_before(c, s, i, &start, &neg))
		i = start;
	return phrase_ending(c, s.a, i, W(APPROX), &v) ? v : NULL;
}

/* The first token of figure f of sentence s: its currency ("£4m", "GBP
 * 350"), else its number. */
static size_t
fig_start(const struct ctx *c, struct span s, const struct fig *f)
{
	size_t start;
	bool neg;

	return currency_before(c, s, f->ts, &start, &neg) ? start : f->ts;
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

/* "1 in 5 calls", "1 in every 3", "one in five", "nine out of ten
 * victims": a share, in percent.  ("rated it 8 out of 10." is a score:
 * a share is of something, a noun or "of" after it.)  Returns the token
 * after it, or num.a. */
static size_t
parse_share(struct ctx *c, struct span s, struct span num, double v)
{
	struct number d;
	size_t j = num.b + 1;
	bool out_of = false;
	struct fig *f;

	if (tok_is(c, num.b, s.b, "out") && tok_is(c, j, s.b, "of")) {
		out_of = true;
		j++;
	} else if (!tok_is(c, num.b, s.b, "in")) {
		return num.a;
	}
	if (!out_of && tok_is(c, j, s.b, "every"))
		j++;		/* "1 in every 3" */
	if (j >= s.b || !parse_one_number(c, j, s.b, &d) || d.form != DIGITS_PLAIN ||
	    d.weak || (d.word && c->tok[num.a].kind == T_NUM) ||
	    d.v < v || d.v <= 1 || d.v > SHARE_MAX || v != floor(v) || d.v != floor(d.v))
		return num.a;
	if (out_of && (d.v == v || d.end >= s.b || !(tok_is(c, d.end, s.b, "of") ||
	    (c->tok[d.end].kind == T_WORD && content_word(&c->tok[d.end])))))
		return num.a;
	f = fig_push(c);
	f->ts = num.a;
	f->te = f->ue = d.end;
	f->v = f->vmax = round(v / d.v * 1000) / 10;
	strcpy(f->unit, "percent");
	f->approx = approx_before(c, s, num.a);
	return d.end;
}

/* A range after the number num of value v: "4-6 hours", "20 to 30",
 * "between 20 and 30", "from 13 to 17 years" (but "from 464 to 515" is a
 * change).  Sets *hi and moves num->b past it. */
static bool
parse_range(struct ctx *c, struct span s, struct span *num, double v,
	    double *hi)
{
	size_t a = s.a, b = s.b, i = num->a, j = num->b, k;
	bool from = i > a && tok_is(c, i - 1, b, "from");
	const char *dn;
	struct number n;

	/* "fell by 5 to 10", "an increase of 4 to 12": a change, then a value */
	if (tok_is(c, j, b, "to") && i > a &&
	    (tok_is(c, i - 1, b, "by") || tok_is(c, i - 1, b, "of") ||
	     (c->tok[i - 1].cls & (W(RISE) | W(FALL)))))
		return false;
	if (!(tok_dash(c, j, b) || tok_is(c, j, b, "to") ||
	      (tok_is(c, j, b, "and") && i > a && tok_is(c, i - 1, b, "between"))) ||
	    j + 1 >= b || c->tok[j + 1].kind != c->tok[i].kind ||
	    !parse_one_number(c, j + 1, b, &n) || n.form != DIGITS_PLAIN || n.weak ||
	    n.v <= v)
		return false;
	k = n.end;
	if (from && !(k < b && c->tok[k].kind == T_WORD &&
		      duration_unit(c, c->tok[k].low, &dn) > 0))
		return false;
	if (not_a_figure(c, s, (struct span){j + 1, k}, n.v, n.word))
		return false;
	*hi = n.v;
	num->b = k;
	return true;
}

/* "an increase of 4 points", "up 3 points", "2 points lower", "+2.3
 * pts": points beside a change word or a sign are percentage points (a
 * change of a percent).  k is the token after the figure's unit; returns
 * the token after it. */
static size_t
parse_points(const struct ctx *c, struct span s, struct fig *f, size_t k)
{
	const lex_mask dir = W(RISE) | W(FALL);
	size_t p = f->ts;
	bool signed_ = p > s.a && !c->tok[p].sp &&
		       (tok_punct(c, p - 1, s.b, '+') || tok_dash(c, p - 1, s.b)) &&
		       (p - 1 == s.a || c->tok[p - 1].sp);

	if (strcmp(f->unit, "count") || !tok_has(c, k, s.b, W(POINTS)))
		return k;
	if (p > s.a + 1 && (tok_is(c, p - 1, s.b, "of") || tok_is(c, p - 1, s.b, "by")))
		p--;
	if (signed_ || (p > s.a && tok_has(c, p - 1, s.b, dir)) || tok_has(c, k + 1, s.b, dir)) {
		strcpy(f->unit, "pp");
		return k + 1;
	}
	return k;
}

/* "zero is 0", "the total was nought.": "zero" in words is a figure only
 * before the clause's end or a verb of being; before a noun it describes
 * ("zero tolerance", "zero emissions"), and capitalized inside a
 * sentence it names ("Vision Zero"). */
static bool
zero_counts(const struct ctx *c, struct span s, const struct fig *f, size_t i,
	    size_t k)
{
	const struct tok *t = k < s.b ? &c->tok[k] : NULL;

	if (strcmp(f->unit, "count"))
		return true;
	if (i > s.a && c->tok[i].cap)
		return false;
	if (!t)
		return true;
	if (t->kind == T_PUNCT)
		return !text_is_dash(t->cp);
	return t->kind == T_WORD && (t->cls & W(BE));
}

/* A figure that the number alone does not make: "one", "a", "an" with
 * no more than a count or a unit of time ("one of them", "an hour"), but
 * "one per cent", "one kilogram", "an hour and a half". */
static bool
weak_figure(const struct fig *f)
{
	return strcmp(f->unit, "percent") && strcmp(f->unit, "pp") &&
	       strcmp(f->unit, "kg") && !money_unit(f->unit);
}

/* Token k follows the token before it after one space, as a thousands
 * separator would ("1 234", a no-break or thin space too); not a column
 * gap ("388      301"). */
static bool
one_space(const struct ctx *c, size_t k)
{
	size_t gap = c->tok[k].s - c->tok[k - 1].e;
	const unsigned char *g = (const unsigned char *)c->text + c->tok[k - 1].e;

	return (gap == 1 && g[0] == ' ') || (gap > 1 && gap <= 3 && g[0] >= 0x80);
}

/* The number at num of sentence s is written in a form no reader can be
 * sure of ("4,10", "1,000000", "12,34"; "3,5" but before "%"), or as
 * digits grouped by a space ("1 234 officers"): say so on standard error,
 * with its line, and read no figure.  Returns the token after it, or
 * num.a when the form is sure. */
static size_t
unsure_number(struct ctx *c, struct span s, struct span num,
	      const struct number *n)
{
	const struct tok *t = &c->tok[num.a], *u;
	size_t e = num.b, len;
	bool grouped = false;

	if (n->form == DIGITS_COMMA && tok_punct(c, num.b, s.b, '%') &&
	    !c->tok[num.b].sp)
		return num.a;	/* "3,5%": a decimal comma */
	if (n->form == DIGITS_PLAIN && t->kind == T_NUM && num.b == num.a + 1 &&
	    t->e - t->s <= 3 && strspn(c->text + t->s, "0123456789") >= t->e - t->s) {
		/* "1 234", "1 234 567.89": groups of three after a space */
		for (e = num.b; e < s.b; e++) {
			u = &c->tok[e];
			if (u->kind != T_NUM || !one_space(c, e) || u->form != DIGITS_PLAIN ||
			    strspn(c->text + u->s, "0123456789") != 3 ||
			    (u->e - u->s != 3 && c->text[u->s + 3] != '.'))
				break;
			grouped = true;
		}
		if (!grouped)
			return num.a;
	} else if (n->form == DIGITS_PLAIN || n->form == DIGITS_EUROPEAN) {
		return num.a;
	}
	len = c->tok[e - 1].e - t->s;
	warn_at(c->file, line_at(c, t->s), "'%.*s%s': %s; not read as a figure",
		(int)(len > BAD_NUMBER_SHOWN ? BAD_NUMBER_SHOWN : len), c->text + t->s,
		len > BAD_NUMBER_SHOWN ? "..." : "", grouped ?
		"digits grouped by spaces: one number, or several?" :
		"a decimal comma, or numbers in a list? (write 3.5, or 3, 5)");
	EXPLAIN(c, (struct span){num.a, e}, "not a figure: unsure how it is written "
		"(a decimal comma, a list, a space between digits), warned");
	return e;
}

/* After the number num that is no figure, what goes with it: the rest
 * of a phone number, the other end of its range ("aged 11-16"), the rest of a compound duration whose
 * head it is ("999999999 hours 43 seconds": never 43 seconds alone). */
static size_t
not_a_figure_end(struct ctx *c, struct span s, struct span num)
{
	struct fig tmp;
	const char *dn;
	double count;
	bool more = false;

	if (c->tok[num.a].kind == T_NUM && phone_number(c, s, num))
		return phone_end(c, s, num);
	if (tok_dash(c, num.b, s.b) && num.b + 1 < s.b &&
	    c->tok[num.b + 1].kind == c->tok[num.a].kind)
		return num.b + 2;
	if (duration_at(c, num.b, s.b, 0, &dn, &count) > 0) {
		memset(&tmp, 0, sizeof tmp);
		tmp.v = 1;
		SET_UNIT(tmp.unit, dn);
		return parse_compound_duration(c, num.b + 1, s.b, &tmp, &more);
	}
	return num.b;
}

/* A number at token i of sentence s with its currency, unit, qualifier
 * and rate, maybe a range; or nothing.  Returns the token after what it
 * used (at least i + 1). */
static size_t
parse_figure(struct ctx *c, struct span s, size_t i)
{
	size_t a = s.a, b = s.b, k, start;
	struct span num = {i, i};
	struct number n;
	const char *why, *money;
	char d[FIG_TEXT];
	double hi;
	bool ranged, neg, more = false;
	struct fig *f;

	/* a number, a number word, or "a"/"an" before a unit of time, a
	 * fraction or a multiplier ("an hour and a half", "a hundred") */
	if (c->tok[i].kind != T_NUM && !(c->tok[i].cls & FIGURE_WORD) &&
	    !(c->tok[i].starts & W(NUMBER)) &&
	    !((tok_is(c, i, b, "a") || tok_is(c, i, b, "an")) &&
	      tok_has(c, i + 1, b, W(DURATION) | W(FRACTION) | W(MULTIPLIER))))
		return i + 1;
	if (!parse_one_number(c, i, b, &n)) {
		if (c->tok[i].kind != T_WORD || c->tok[i].cls & NUMBER_WORD)
			EXPLAIN(c, (struct span){i, i + 1}, "not a figure: not a number");
		return i + 1;
	}
	num.b = n.end;
	if ((why = not_a_figure(c, s, num, n.v, n.word))) {
		EXPLAIN(c, num, "not a figure: %s", why);
		return not_a_figure_end(c, s, num);
	}
	if ((k = unsure_number(c, s, num, &n)) > i)
		return k;
	if ((k = parse_share(c, s, num, n.v)) > i) {
		EXPLAIN(c, (struct span){i, k}, "figure: a share (1 in N, N out of M)");
		return k;
	}
	hi = n.v;
	ranged = parse_range(c, s, &num, n.v, &hi);
	if (!ranged && tok_dash(c, num.b, b) && num.b + 1 < b &&
	    c->tok[num.b + 1].kind == T_NUM) {
		/* "3-7" with a number that is not a figure */
		EXPLAIN(c, (struct span){i, num.b + 2},
			"not a figure: a range whose other end is none");
		return num.b + 2;
	}
	money = currency_before(c, s, i, &start, &neg);
	f = fig_push(c);
	f->ts = i;
	f->v = n.v;
	f->vmax = hi;
	f->has_max = ranged;
	k = parse_unit(c, num.b, b, f, money, n.scaled);
	k = parse_points(c, s, f, k);
	k = parse_compound_duration(c, k, b, f, &more);
	if ((n.weak && !more && weak_figure(f)) || (n.zero && !zero_counts(c, s, f, i, k))) {
		EXPLAIN(c, (struct span){i, k}, "not a figure: %s", n.zero ?
			"zero that counts nothing (zero tolerance)" :
			"one, a or an with no more than a count or a unit of time");
		c->nfig--;
		return k > i ? k : i + 1;
	}
	if (neg) {	/* "£-5m", "-£5m": a negative amount, as written */
		f->v = -f->v;
		f->vmax = -f->vmax;
	}
	if (!(fabs(f->v) <= EXACT_MAX && fabs(f->vmax) <= EXACT_MAX)) {
		size_t len = c->tok[k - 1].e - c->tok[start].s;

		warn_at(c->file, line_at(c, c->tok[i].s), "'%.*s%s': too large to be "
			"written exactly (over 2^53); not read as a figure",
			(int)(len > BAD_NUMBER_SHOWN ? BAD_NUMBER_SHOWN : len),
			c->text + c->tok[start].s, len > BAD_NUMBER_SHOWN ? "..." : "");
		EXPLAIN(c, (struct span){i, k}, "not a figure: too large to be exact");
		c->nfig--;
		return k;
	}
	if (tok_punct(c, k, b, '+') && !c->tok[k].sp) {
		f->approx = ">";	/* "40+" */
		k++;
	}
	f->te = k;
	f->ue = parse_rate(c, k, b, f);
	if (!f->approx)
		f->approx = approx_before(c, s, i);
	/* a bare range is a page range ("3-7"); a bare number alone in its
	 * block is a page number (but "12,867" alone is a figure: a tile of a
	 * dashboard, its label in the next block; and so is a field's value:
	 * "Annual target: 1,900", records.c) */
	if ((ranged && !strcmp(f->unit, "count") &&
	     (k >= b || c->tok[k].kind != T_WORD || (c->tok[k].cls & W(STOP)))) ||
	    (a == 0 && i == 0 && k >= b && !n.word && !strcmp(f->unit, "count") &&
	     !memchr(c->text + c->tok[i].s, ',', c->tok[i].e - c->tok[i].s) &&
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
	return f->ue > i ? f->ue : i + 1;
}
