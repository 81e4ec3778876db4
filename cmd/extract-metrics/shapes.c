/* shapes.c: stage 5b, the shapes of a sentence around a figure that
 * decide whose words its measure takes: a change and the level it
 * reached ("fell by 9% to 3,305 offences", "from 640 to 563"), a part
 * and the whole it is of ("12 of the 15 recommendations", "Of the cases
 * reviewed, ..."), a figure that is its clause's subject ("In 2023, 45
 * were arrested"), what a word for anyone was ("people were victims of
 * domestic abuse").  measure.c asks; clauses.c gives the parts. */

/* "Vehicle crime fell by 9% to 3,305 offences", "fell by 3% in 2024/25,
 * to 18,906 offences": figure f at lead is the level a change right
 * before it reached (only a period and a comma between them and "to");
 * lo is where that change ends. */
static bool
after_change_to(const struct ctx *c, struct span s, const struct fig *f,
		size_t lo, size_t lead)
{
	size_t j;

	if (f == c->fig || (f[-1].role != R_CHANGE && f[-1].role != R_PCT) ||
	    lo != f[-1].te || lead < f[-1].ue + 1 || !tok_is(c, lead - 1, s.b, "to"))
		return false;
	for (j = f[-1].ue; j + 1 < lead; j++)
		if (!c->tag[j].period && !tok_punct(c, j, s.b, ',') &&
		    !date_has(c, j, s.b, DATE(PREP)))
			return false;
	return true;
}

/* The figure the subject of the level f at lead is read before: the
 * change it ends ("fell by 9% to 3,305 offences"), or the first of
 * "from A to B" with the change before it ("fell by 12%, from 640 to
 * 563 offences", "fell from 640 to 563 offences"); f itself when f
 * ends no such chain.  lo is where the figure before f ends. */
static const struct fig *
chain_start(const struct ctx *c, struct span s, const struct fig *f,
	    size_t lo, size_t lead)
{
	const struct fig *g;
	size_t j;

	if (after_change_to(c, s, f, lo, lead))
		return f - 1;
	if (f == c->fig || f[-1].role != R_PREV || lo != f[-1].te ||
	    lead != f[-1].ue + 1 || !tok_is(c, lead - 1, s.b, "to") ||
	    (j = fig_start(c, s, f - 1)) == s.a || !tok_is(c, j - 1, s.b, "from"))
		return f;
	g = f - 1;
	/* "by 12%, from 640", "by 12% year on year, from 640": only a
	 * comma and a period between the change and "from" */
	if (g > c->fig && (g[-1].role == R_CHANGE || g[-1].role == R_PCT)) {
		size_t k;

		for (k = g[-1].ue; k + 1 < j && (c->tag[k].period ||
						 tok_punct(c, k, s.b, ',')); k++)
			;
		if (k + 1 == j)
			g--;
	}
	return g;
}

/* "were victims of domestic abuse", "had been first-time entrants to
 * the youth justice system" at j: the noun phrase a form of "be" says
 * its subject is, with its phrases; empty when none. */
static struct span
complement_after(const struct ctx *c, size_t j, size_t b)
{
	size_t k = j, a;
	bool be = false;

	while (k < b && tag_is(c, k, b, P_AUX)) {
		be = be || tok_has(c, k, b, W(BE));
		k++;
	}
	a = skip_det(c, k, b);
	if (!be || k == j || !noun_at(c, a, b) || participle_at(c, a, b))
		return (struct span){j, j};
	return (struct span){a, np_post(c, np_end(c, a, b), b)};
}

/* Figure f at lead is the whole of the figure right before it: "12 of
 * the 15 recommendations", "Twelve of 15 schemes". */
static bool
whole_of_part(const struct ctx *c, struct span s, const struct fig *f,
	      size_t lead)
{
	size_t j = lead;

	if (f == c->fig)
		return false;
	if (j > s.a && tok_is(c, j - 1, s.b, "the"))
		j--;
	return j > s.a + 1 && tok_is(c, j - 1, s.b, "of") && f[-1].ue == j - 1;
}

/* The sentence opens with "Of the cases reviewed", "Among those
 * stopped" or "Of the 14 indicators reported," before lead: the words of
 * what the figure at lead is part of (a figure that counts the whole
 * aside), up to the comma that ends them, or to lead; empty when it opens
 * with none. */
static struct span
fronted_whole(const struct ctx *c, struct span s, size_t lead)
{
	size_t j, a, k;

	if (lead <= s.a + 1 || !(tok_is(c, s.a, s.b, "of") || tok_is(c, s.a, s.b, "among")))
		return (struct span){s.a, s.a};
	a = skip_det(c, s.a + 1, s.b);
	for (k = 0; k < c->nfig; k++)
		if (c->fig[k].ts == a && c->fig[k].ue < lead)
			a = c->fig[k].ue;	/* "Of the 14 indicators" */
	for (j = a; j < lead; j++) {
		if (tok_punct(c, j, s.b, ',') && j > a)
			return (struct span){a, j};
		if (tag_is(c, j, s.b, P_REL))
			break;	/* "Of the packages that have been actioned" */
		if (tag_is(c, j, s.b, P_AUX) || c->tok[j].kind == T_NUM)
			return (struct span){s.a, s.a};
	}
	while (lead > a && c->tok[lead - 1].kind == T_PUNCT)
		lead--;
	return lead > a ? (struct span){a, lead} : (struct span){s.a, s.a};
}

/* Figure f opens its clause as its subject, without a noun of its own
 * ("In 2023, 45 were arrested", "95% said they felt safer", "Of the
 * cases reviewed 55% have been positive outcomes"): its predicate into
 * *pred. */
static bool
subject_figure(const struct ctx *c, struct span s, const struct fig *f,
	       size_t lead, struct span *pred)
{
	size_t j = skip_aside(c, f->ue, s.b), q;

	if (!tag_is(c, j, s.b, P_AUX) && !tag_is(c, j, s.b, P_VERB))
		return false;
	/* "Cannabis worth £10,000 was seized": the noun before is the
	 * subject; "A total of £2.3m was recovered": the figure is */
	q = quantity_lead(c, s.a, lead, s.b);
	if (fronted_whole(c, s, lead).b == s.a &&
	    (!figure_is_subject(c, s.a, lead, s.b) ||
	     !(q == s.a || c->tok[q - 1].kind == T_PUNCT ||
	       tag_is(c, q - 1, s.b, P_CONJ) || c->tag[q - 1].period)))
		return false;
	*pred = predicate_after(c, f->ue, s.b, true);
	return pred->b > pred->a;
}
