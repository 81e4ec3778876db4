/* lists.c: stage 5b, a figure among the others of its sentence: the
 * figures of a list share the noun and verb of the first ("164 drivers
 * for drink driving and 133 for drug driving", "40 emergency, 65
 * priority and 120 routine incidents"); a figure in parentheses or a
 * window belongs to the figure before ("(23%)", "within 10 seconds"); a
 * part of what another counts ("of whom", "26 of them", "Of these, 45
 * applied"); a rate that borrows the words of the figure before ("an
 * arrest rate of 35.4%"); a running total ("bringing the total to"). */

/* The token where the words of figure k end: its noun phrase and, if
 * it is its clause's subject, its predicate ("37 Specials joined in the
 * last six months"), and a period phrase after them. */
static size_t
fig_words_end(struct ctx *c, struct span s, size_t k)
{
	const struct fig *f = &c->fig[k];
	size_t he, lo = k > 0 ? c->fig[k - 1].te : s.a, e;
	struct span w = np_after(c, named_after(c, f, s.b), s.b, &he), p;

	/* a figure without a noun: its own phrase ("4.1% for officers") */
	e = w.b > w.a ? w.b : tag_is(c, f->ue, s.b, P_PREP) ? np_post(c, f->ue, s.b) :
	    f->ue;
	if (figure_is_subject(c, lo, fig_start(c, s, f), s.b)) {
		p = predicate_after(c, e, s.b, !strcmp(f->unit, "percent"));
		if (p.b > p.a)
			e = p.b;
	}
	while (skip_period(c, e, s.b) > e)	/* "in the last six months" */
		e = skip_period(c, e, s.b);
	return skip_aside(c, e, s.b);	/* "111 (42.2%) female" */
}

/* Figure k stands in a list with the figure before it, only a comma,
 * "and" or "or" between the other's words and its own: "250 grams of
 * cocaine, 3.5kg of cannabis and two kilograms of heroin", "164 drivers
 * for drink driving and 133 for drug driving", "37 Specials joined and
 * 58 left". */
/* The figure before figure k that is not an aside in parentheses
 * ("111 (42.2%) female and 28 (10.6%) ..."), or NO_TOKEN. */
static size_t
prev_main(const struct ctx *c, size_t k)
{
	while (k > 0) {
		if (!c->fig[--k].paren)
			return k;
	}
	return NO_TOKEN;
}

static bool
coordinated(struct ctx *c, struct span s, size_t k)
{
	size_t j, e, p = k < c->nfig && !c->fig[k].paren ? prev_main(c, k) : NO_TOKEN;
	bool conj = false;

	if (p == NO_TOKEN || (c->fig[p].role != R_VALUE &&
			      c->fig[p].role != R_TARGET))
		return false;
	j = fig_words_end(c, s, p);
	e = lead_token(c, s, &c->fig[k]);
	for (; j < e; j++) {
		/* "... and 28", "..., with two more progressing" */
		if (!(tok_punct(c, j, e, ',') || tok_is(c, j, e, "and") ||
		      tok_is(c, j, e, "or") || tok_is(c, j, e, "with")))
			return false;
		conj = true;
	}
	return conj;
}

/* The first figure of the list figure f stands in (chunks of one clause
 * share its subject and verb). */
static size_t
chain_head(struct ctx *c, struct span s, const struct fig *f)
{
	size_t k = (size_t)(f - c->fig);

	while (coordinated(c, s, k))
		k = prev_main(c, k);
	return k;
}

/* The lead token of the first figure of the list of figure f. */
static size_t
chain_lead(struct ctx *c, struct span s, const struct fig *f, size_t lead)
{
	size_t h = chain_head(c, s, f);

	return &c->fig[h] == f ? lead : fig_start(c, s, &c->fig[h]);
}

/* "and" stands before the verb group of verb, after lo. */
static bool
and_before(const struct ctx *c, size_t lo, size_t verb, size_t b)
{
	size_t j = verb;

	while (j > lo && (tag_is(c, j - 1, b, P_AUX) || tag_is(c, j - 1, b, P_ADV)))
		j--;
	return j > lo && tok_is(c, j - 1, b, "and");
}

/* The subject and verb of the clause of figure f, whose lead token is
 * lead and the figure before it ends at lo: those of the first figure of
 * its list; a noun right after the figure before is that figure's, not a
 * subject ("341 talks were given to 24,735 pupils"). */
static struct span
chain_subject(struct ctx *c, struct span s, const struct fig *f, size_t lo,
	      size_t lead, size_t *verb)
{
	size_t h = chain_head(c, s, f), p;
	struct span subj;

	if (&c->fig[h] != f) {
		lo = h > 0 ? c->fig[h - 1].te : s.a;
		lead = fig_start(c, s, &c->fig[h]);
	}
	subj = subject_before(c, lo, lead, s.b, verb);
	/* "Operation X recovered 46 knives and led to 29 arrests": the
	 * subject of the verb before "and" */
	if (subj.b == subj.a && *verb != NO_TOKEN && h > 0 &&
	    (p = prev_main(c, h)) != NO_TOKEN && and_before(c, lo, *verb, s.b)) {
		size_t v2;
		struct span s2 = subject_before(c, p > 0 ? c->fig[p - 1].te : s.a,
						fig_start(c, s, &c->fig[p]), s.b, &v2);

		if (v2 != NO_TOKEN)
			return s2;
	}
	if (subj.a == lo && lo > s.a && !(*verb != NO_TOKEN && *verb + 1 >= lead &&
					   participle_at(c, *verb, s.b) &&
					   !verb_like(&c->tok[*verb]) &&
					   !(c->tag[*verb].pos & POS(PARTICIPLE))))
		subj.b = subj.a;	/* but "10 CSCs supporting 7 Parishes" */
	return subj;
}

/* "two kilograms of cocaine, six kilograms of heroin and £10,000 cash
 * were seized": the predicate after the last figure of the list figure f
 * opens, which all of them are the subject of; empty when f opens none. */
static struct span
list_predicate(struct ctx *c, struct span s, const struct fig *f, bool share)
{
	size_t k = (size_t)(f - c->fig), n, he, h = chain_head(c, s, f);
	size_t lead = lead_token(c, s, f);
	struct span w;

	/* the list is its clause's subject: not "issued 46 warnings and 12
	 * notices, and four orders were granted", not "at 112 sites" */
	if (!figure_is_subject(c, s.a, lead_token(c, s, &c->fig[h]), s.b) ||
	    (lead > s.a && tag_is(c, lead - 1, s.b, P_PREP)))
		return (struct span){f->ue, f->ue};
	for (;;) {
		for (n = k + 1; n < c->nfig && c->fig[n].paren; n++)
			;
		if (n >= c->nfig || !coordinated(c, s, n))
			break;
		k = n;
	}
	if (&c->fig[k] == f)
		return (struct span){f->ue, f->ue};
	/* not "22 resigned, with two retiring and two joining": "with"
	 * adds parts of the first, no members of one list */
	for (n = f->ue; n < c->fig[k].ts; n++)
		if (tok_is(c, n, s.b, "with"))
			return (struct span){f->ue, f->ue};
	w = np_after(c, named_after(c, &c->fig[k], s.b), s.b, &he);
	return predicate_after(c, w.b > w.a ? w.b : c->fig[k].ue, s.b, share);
}

/* "intakes of 48 and 52 student officers": a figure that opens a list
 * without a noun of its own takes the noun of the list's last figure.
 * False when it opens none. */
static bool
listed_ahead(struct ctx *c, struct span s, const struct fig *f, struct buf *m)
{
	size_t k = (size_t)(f - c->fig), n, he, j;
	struct span w;

	/* only a figure right before its list's "and" or comma: not "fell to
	 * 96 in Q1, and six people died" */
	if (k + 1 >= c->nfig || of_noun(c, k > 0 ? c->fig[k - 1].te : s.a,
					lead_token(c, s, f), s.b) != NO_TOKEN)
		return false;	/* "an establishment of 3,450, and 402 PCSOs" */
	for (j = f->ue; j < lead_token(c, s, &c->fig[k + 1]); j++)
		if (!(tok_punct(c, j, s.b, ',') || tok_is(c, j, s.b, "and") ||
		      tok_is(c, j, s.b, "or")))
			return false;
	for (;;) {
		for (n = k + 1; n < c->nfig && c->fig[n].paren; n++)
			;
		if (n >= c->nfig || !coordinated(c, s, n))
			break;
		k = n;
	}
	if (&c->fig[k] == f || strcmp(c->fig[k].unit, f->unit))
		return false;
	w = np_after(c, named_after(c, &c->fig[k], s.b), s.b, &he);
	if (he <= w.a)
		return false;
	buf_reset(m);
	add_words(m, c, (struct span){w.a, he});
	return true;
}

/* A figure of a list whose first figure has no noun of its own either
 * ("Sickness absence was 4.1% for officers and 3.7% for staff"): that
 * figure's row's measure less its own phrase, and the figure's own
 * phrase.  False when there is no such row. */
static bool
head_row_listed(struct ctx *c, struct span s, const struct fig *f, size_t h,
		struct buf *m)
{
	const struct fig *hf = &c->fig[h];
	size_t k, own = np_post(c, hf->ue, s.b) - hf->ue, cut;
	struct span rest = {f->ue, np_post(c, f->ue, s.b)};

	for (k = 0; k < c->nobs && c->obs[k].fig != h; k++)
		;
	if (k == c->nobs || !c->obs[k].measure.len || rest.b == rest.a)
		return false;
	buf_reset(m);
	buf_add(m, c->obs[k].measure.p, c->obs[k].measure.len);
	/* "Sickness absence for officers" less "for officers" */
	if (own > 0) {
		struct buf tail = BUF_INIT;

		add_words(&tail, c, (struct span){hf->ue, hf->ue + own});
		cut = m->len >= tail.len + 1 ? m->len - tail.len - 1 : 0;
		if (cut && !strcmp(m->p + cut + 1, tail.p ? tail.p : ""))
			buf_truncate(m, cut);
		buf_free(&tail);
	}
	add_words(m, c, rest);
	return true;
}

/* "The average attendance time in urban areas was 11 minutes 5 seconds
 * and in rural areas 17 minutes 40 seconds": a figure after "and" and a
 * phrase of its own, the rest of its clause left out as the clause before
 * said it: the measure of the figure before, its phrase of the same
 * preposition replaced by this one.  False when f is no such figure. */
static bool
gapped(struct ctx *c, struct span s, const struct fig *f, size_t lead, struct buf *m)
{
	size_t p = prev_main(c, (size_t)(f - c->fig)), j, prep, k, cut;
	const struct buf *pm = NULL;

	if (p == NO_TOKEN)
		return false;
	j = skip_aside(c, c->fig[p].ue, s.b);
	if (tok_punct(c, j, s.b, ','))
		j++;
	if (!tok_is(c, j, s.b, "and"))
		return false;
	prep = ++j;
	if (!tag_is(c, prep, s.b, P_PREP) || c->tag[prep].period || tok_is(c, prep, s.b, "of") ||
	    np_end(c, skip_det(c, prep + 1, s.b), s.b) != lead)
		return false;
	for (k = 0; k < c->nobs; k++)
		if (c->obs[k].fig == p && c->obs[k].measure.len)
			pm = &c->obs[k].measure;
	if (!pm)
		return false;
	for (cut = 1; cut + strlen(c->tok[prep].low) < pm->len; cut++)
		if (pm->p[cut - 1] == ' ' && !strncasecmp(pm->p + cut, c->tok[prep].low,
							 strlen(c->tok[prep].low)) &&
		    pm->p[cut + strlen(c->tok[prep].low)] == ' ')
			break;
	if (cut + strlen(c->tok[prep].low) >= pm->len)
		return false;
	buf_reset(m);
	buf_add(m, pm->p, cut - 1);
	add_words(m, c, (struct span){prep, lead});
	return true;
}

/* A figure of a list without a noun of its own ("133 for drug driving",
 * "58 left", "more than 200 signed"): the noun of the list's first figure,
 * the verb of its clause, and its own words after it.  Returns false
 * when it stands in no list. */
static bool
measure_listed(struct ctx *c, struct span s, const struct fig *f, struct buf *m)
{
	size_t h = chain_head(c, s, f), he, verb, lo;
	const struct fig *hf = &c->fig[h];
	struct span w, rest;

	if (hf == f)
		return listed_ahead(c, s, f, m);
	w = np_after(c, named_after(c, hf, s.b), s.b, &he);
	if (he <= w.a)
		return head_row_listed(c, s, f, h, m);
	lo = h > 0 ? c->fig[h - 1].te : s.a;
	subject_before(c, lo, fig_start(c, s, hf), s.b, &verb);
	rest = predicate_after(c, f->ue, s.b, !strcmp(f->unit, "percent"));
	if (rest.b == rest.a)
		rest = (struct span){f->ue, np_post(c, f->ue, s.b)};
	buf_reset(m);
	if (f->te > f->ts + 1 && c->tok[f->te - 1].kind == T_WORD &&
	    duration_unit(c, c->tok[f->te - 1].low, &(const char *){0}) > 0) {
		/* "Patrols covered 12,345 miles and 7.25 hours": the list's
		 * subject and verb, and its own unit */
		struct span subj = subject_before(c, lo, fig_start(c, s, hf), s.b,
						  &verb);

		if (subj.b == subj.a && verb != NO_TOKEN && c->topic.len &&
		    pronoun_subject(c, lo, fig_start(c, s, hf), verb, s.b))
			buf_add(m, c->topic.p, c->topic.len);	/* "They" */
		add_words(m, c, subj);
		if (verb != NO_TOKEN)
			add_words(m, c, verb_words(c, verb, s.b));
		add_words(m, c, (struct span){f->te - 1, f->te});
		return m->len > 0;
	}
	add_words(m, c, (struct span){w.a, he});	/* "Special Constables" */
	if (verb != NO_TOKEN && deed_verb(&c->tok[verb]))
		add_words(m, c, verb_words(c, verb, s.b));
	add_words(m, c, rest);
	return true;
}

/* "40 emergency, 65 priority and 120 routine incidents": the noun the
 * list of figure f ends on, for a figure whose noun phrase is one word;
 * NO_TOKEN when there is none. */
static size_t
list_noun(struct ctx *c, struct span s, const struct fig *f)
{
	size_t k = (size_t)(f - c->fig), he, e;
	struct span w;

	e = fig_words_end(c, s, k);
	if (!(tok_punct(c, e, s.b, ',') || tok_is(c, e, s.b, "and") ||
	      tok_is(c, e, s.b, "or")))
		return NO_TOKEN;
	/* "386 sessions at 112 sites, and 4,920 letters": a plural is a
	 * noun of its own, not a word before the list's noun */
	w = np_after(c, named_after(c, f, s.b), s.b, &he);
	if (he > w.a && group_noun(&c->tok[he - 1]))
		return NO_TOKEN;
	for (;;) {
		size_t n = k + 1;

		while (n < c->nfig && c->fig[n].paren)
			n++;
		if (n >= c->nfig || !coordinated(c, s, n))
			break;
		k = n;
	}
	if (&c->fig[k] == f)
		return NO_TOKEN;
	w = np_after(c, named_after(c, &c->fig[k], s.b), s.b, &he);
	return words_in(c, (struct span){w.a, he}) > 1 ? he - 1 : NO_TOKEN;
}

/* "210 applications to join the Special Constabulary (12% BAME, 30%
 * female)": the figure whose words the parentheses figure f stands in
 * open after, or NO_TOKEN. */
static size_t
paren_owner(struct ctx *c, struct span s, const struct fig *f)
{
	size_t j = f->ts, k;

	while (j > s.a && !tok_punct(c, j - 1, s.b, '(')) {
		if (tok_punct(c, j - 1, s.b, ')'))
			return NO_TOKEN;
		j--;
	}
	if (j == s.a)
		return NO_TOKEN;
	for (k = 0; k < c->nfig && c->fig[k].te < j; k++) {
		size_t he;
		struct span w = np_after(c, named_after(c, &c->fig[k], s.b), s.b, &he);

		/* "132 new Specials (44%) intend to apply": right after
		 * its noun phrase, before its predicate */
		if (fig_words_end(c, s, k) == skip_aside(c, j - 1, s.b) ||
		    (w.b > w.a && w.b == j - 1))
			return k;
	}
	return NO_TOKEN;
}

/* A figure that opens its clause without a noun of its own ("Forty call
 * handlers were recruited; 22 have completed their training"): the noun
 * of the figure before and its own predicate.  Returns false when it has
 * none of them. */
static bool
measure_predicate(struct ctx *c, struct span s, const struct fig *f,
		  size_t lo, size_t lead, struct buf *m)
{
	size_t p = prev_main(c, (size_t)(f - c->fig));
	const char *noun;
	struct span pred;

	if (p == NO_TOKEN || !figure_is_subject(c, lo, lead, s.b))
		return false;
	pred = predicate_after(c, f->ue, s.b, false);
	if (pred.b == pred.a || !(noun = head_noun(c, &c->fig[p], s.b)))
		return false;
	buf_reset(m);
	buf_adds(m, noun);
	add_words(m, c, pred);
	return true;
}

/* "officers made 1,012 domestic abuse arrests, an arrest rate of 35.4%":
 * a noun phrase before figure f whose word begins the head of the noun
 * phrase of a figure before it borrows that phrase's other words. */
static void
borrow_words(struct ctx *c, struct span s, const struct fig *f,
	     struct span before, struct buf *m)
{
	size_t k, j, he;
	struct span w;

	for (k = (size_t)(f - c->fig); k-- > 0;) {
		w = np_after(c, named_after(c, &c->fig[k], s.b), s.b, &he);
		if (he < w.a + 2 || c->tok[he - 1].kind != T_WORD)
			continue;
		for (j = before.a; j < before.b; j++)
			if (c->tok[j].kind == T_WORD && strlen(c->tok[j].low) > 3 &&
			    !strncmp(c->tok[he - 1].low, c->tok[j].low,
				     strlen(c->tok[j].low)) &&
			    !tok_is(c, he - 1, s.b, c->tok[j].low)) {
				add_words(m, c, (struct span){w.a, he - 1});
				return;
			}
	}
}

/* "of whom 12 retired", "of which 30 were charged": a part of what the
 * figure before counts. */
static bool
of_these(const struct ctx *c, struct span s, const struct fig *f)
{
	size_t j = fig_start(c, s, f);

	if (j > s.a && tok_punct(c, j - 1, s.b, ','))
		j--;	/* "Of these, 45 applied" */
	return phrase_ending(c, s.a, j, W(PART_OF), NULL) > 0 ||
	       phrase_at(c, f->ue, s.b, W(PART_OF), NULL) > 0;	/* "26 of them" */
}

/* Content words after the figure that are not a lone verb ("of which
 * two people were remanded" names its own noun). */
static bool
noun_after(const struct ctx *c, const struct fig *f, size_t b)
{
	struct span w = phrase_after(c, f->ue, b);

	return w.b > w.a && !(w.b == w.a + 1 && verb_like(&c->tok[w.a]));
}

/* The noun the whole counts (else the whole's measure) and what the
 * part did: "staff retired", "revenue budget spent". */
static void
part_of(struct ctx *c, size_t b, const struct fig *f, const struct fig *whole,
	const struct buf *whole_m, struct buf *m)
{
	const char *noun = whole ? head_noun(c, whole, b) : NULL;
	size_t j = f->ue + phrase_at(c, f->ue, b, W(PART_OF), NULL);
	struct span w = phrase_after(c, j, b), pred;
	struct buf copy = BUF_INIT;

	if (whole_m == m)
		whole_m = NULL;
	if (whole_m && whole_m->len)	/* it may be the block's, m's source */
		buf_add(&copy, whole_m->p, whole_m->len);
	buf_reset(m);
	if (noun)
		buf_adds(m, noun);
	else if (copy.len)
		buf_add(m, copy.p, copy.len);
	buf_free(&copy);
	pred = predicate_after(c, j, b, true);
	/* "of those who left the service said they felt safer": who they
	 * are, then what they did */
	if (pred.b == pred.a && tag_is(c, j, b, P_REL)) {
		struct span rel = predicate_after(c, j + 1, b, false), then;

		then = rel.b > rel.a ? predicate_after(c, rel.b, b, true) : rel;
		if (then.b > then.a) {
			add_words(m, c, rel);
			pred = then;
		}
	}
	if (pred.b == pred.a && w.b == w.a)
		pred = (struct span){j, np_post(c, j, b)};	/* "396 of them for using" */
	/* "96,300 calls were answered, 91.2% of them within 10 seconds":
	 * nothing of its own, the part is of what the whole's row counts */
	if (pred.b == pred.a && w.b == w.a && whole && whole_m && whole_m->len &&
	    !(f->ts > 0 && tag_is(c, f->ts - 1, b, P_VERB) && deed_verb(&c->tok[f->ts - 1]))) {
		buf_reset(m);
		buf_add(m, whole_m->p, whole_m->len);
		return;
	}
	add_words(m, c, pred.b > pred.a ? pred : w);
	/* "and answered 86.8% of them": what was done to the part */
	if (pred.b == pred.a && f->ts > 0 && tag_is(c, f->ts - 1, b, P_VERB) &&
	    deed_verb(&c->tok[f->ts - 1]))
		add_words(m, c, (struct span){f->ts - 1, f->ts});
}

/* Figure f is a window of the figure before it: "within" before it,
 * after a figure of its clause ("84.6% of calls were answered within 10
 * seconds"). */
static bool
window_of(const struct ctx *c, struct span s, const struct fig *f)
{
	size_t p = lead_token(c, s, f);

	return p > s.a && tok_is(c, p - 1, s.b, "within") && f != c->fig &&
	       same_clause(c, f[-1].ue, p);
}

/* The row, among rows first..k of the sentence, that figure fi opened
 * (NO_TOKEN or none: NULL). */
static const struct obs *
row_of(const struct ctx *c, size_t first, size_t k, size_t fi)
{
	size_t j;

	if (fi == NO_TOKEN)
		return NULL;
	for (j = first; j < k; j++)
		if (c->obs[j].fig == fi || c->obs[j].first == fi)
			return c->obs[j].measure.len ? &c->obs[j] : NULL;
	return NULL;
}

/* Figure f is of a period that runs up to now: its period phrase opens
 * with "since" or sums up to the report's time ("to date", "so far"), or
 * "as a whole" or "for the year" follows it. */
static bool
cumulative(const struct ctx *c, struct span s, const struct fig *f)
{
	size_t k;

	for (k = 0; k < c->nperiod; k++) {
		struct span p = c->period[k];

		if (p.a < f->ue || (k > 0 && c->period[k - 1].a >= f->ue &&
				    c->period[k - 1].a < p.a))
			continue;
		if (!same_clause(c, f->ue, p.a))
			break;
		if (tok_is(c, p.a, s.b, "since") || date_has(c, p.a, s.b, DATE(TO_DATE)))
			return true;
		return tok_is(c, p.b, s.b, "as") && tok_is(c, p.b + 1, s.b, "a") &&
		       tok_is(c, p.b + 2, s.b, "whole");
	}
	/* "for the year" */
	return tok_is(c, f->ue, s.b, "for") && tok_is(c, f->ue + 1, s.b, "the") &&
	       tok_is(c, f->ue + 2, s.b, "year");
}

/* Figure f stands in a clause that opens with a running total:
 * "bringing the total to 340", "taking the total for the year to". */
static bool
running_total(const struct ctx *c, struct span s, const struct fig *f)
{
	struct span cl = clause_of(c, s, f->ts);
	size_t j;

	if (!tok_has(c, cl.a, s.b, W(RUNNING_TOTAL)))
		return false;
	for (j = cl.a; j < f->ts; j++)
		if (tok_is(c, j, s.b, "total"))
			return true;
	return false;
}
