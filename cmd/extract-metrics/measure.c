/* measure.c: stage 5, the measure: the noun phrase a figure counts, in
 * the report's words, with the words that define it.  A figure's own
 * noun phrase after it (clauses.c), with its clause's subject and verb
 * when it says little alone; else the figures around it (lists.c); else
 * the noun phrase before it, back to the figure before (lo), or the
 * sentence's subject; then the row's measure (row_measure): a goal of
 * the measure before, a part, a total, the block's last measure. */

static bool
skippable_before(const struct ctx *c, size_t i, size_t end)
{
	const struct tok *t = &c->tok[i];

	if (t->kind == T_CODE || t->kind == T_NUM)
		return true;
	/* a quote closing a name: 'the campaign "No excuse" ran' */
	if (t->kind == T_PUNCT && is_quote(t->cp) && i > 0 &&
	    c->tok[i - 1].kind == T_WORD && !t->sp)
		return false;
	if (t->kind == T_PUNCT)
		return t->cp != '.' && t->cp != ';';
	return !content_word(t) || verb_like(t) || direction(t) || adverb(t) ||
	       (t->low[0] && (t->cls & W(LINK))) || c->tag[i].p == P_VERB ||
	       c->tag[i].p == P_AUX || c->tag[i].p == P_ADV || c->tag[i].period ||
	       period_word(c, i, end);
}

/* Token k ends a word glued with a hyphen: "up" in "follow-up". */
static bool
hyphen_tail(const struct ctx *c, size_t lo, size_t k)
{
	return k >= lo + 2 && c->tok[k].kind == T_WORD && !c->tok[k].sp &&
	       tok_dash(c, k - 1, k) && !c->tok[k - 1].sp &&
	       c->tok[k - 2].kind == T_WORD;
}

/* A participle at k, between nouns of a phrase in room whose head is a
 * kind of quantity at h: "Hate Crime solved rate" (not "Team recovered
 * stolen plant"). */
static bool
participle_inside(const struct ctx *c, struct span room, size_t k, size_t h)
{
	return k > room.a && tok_has(c, h, room.b, W(QUANTITY)) &&
	       verb_like(&c->tok[k]) && !direction(&c->tok[k]) &&
	       !(c->tok[k].cls & W(LINK)) && c->tok[k - 1].kind == T_WORD &&
	       !skippable_before(c, k - 1, room.b);
}

/* A verb of its clause stands in tokens [j, e): "given" in "Hours given
 * rose to" is then the noun's, "averaged" in "Response times averaged"
 * the clause's own. */
static bool
verb_after(const struct ctx *c, size_t j, size_t e)
{
	for (; j < e; j++)
		if (tag_is(c, j, e, P_VERB) || tag_is(c, j, e, P_AUX) ||
		    tok_has(c, j, e, W(LINK) | W(COPULA)) || direction(&c->tok[j]))
			return true;
	return false;
}

/* Content words before a figure: "The Special Constable headcount
 * increased to 515", "Grade of Service for '101' calls ... stood at
 * 84.7%".  room is the tokens from the figure before (or the sentence's
 * start) to this one; the phrase is empty when there is none. */
static struct span
phrase_before(const struct ctx *c, struct span s, struct span room)
{
	size_t b = s.b, lo = room.a, j = room.b, skipped = 0, n = 0, pe;
	struct span after_lo = {lo, b};

	while (j > lo && skipped < BEFORE_SKIP) {
		const struct tok *t = &c->tok[j - 1];

		if (t->kind == T_PUNCT && t->cp == ')') {
			size_t k = j - 1;

			while (k > lo && !tok_punct(c, k, b, '('))
				k--;
			if (k == lo && !tok_punct(c, k, b, '('))
				break;
			skipped += j - k;
			j = k;
			continue;
		}
		if (!skippable_before(c, j - 1, b))
			break;
		if (t->kind == T_PUNCT && (t->cp == '.' || t->cp == ';'))
			break;
		j--;
		skipped++;
	}
	pe = j;
	while (j > lo && n < BEFORE_WORDS &&
	       (!skippable_before(c, j - 1, b) || hyphen_tail(c, lo, j - 1) ||
		(n > 0 && participle_inside(c, after_lo, j - 1, pe - 1)) ||
		(n > 0 && tok_has(c, j, b, W(TARGET)) &&
		 measured_against(c, after_lo, j)))) {
		j--;
		n++;
		/* "anti-social", "follow-up": glued hyphens join words */
		while (hyphen_tail(c, lo, j))
			j -= 2;
	}
	/* "Hours given rose to", "Cash seized in the quarter came to": a
	 * participle after the noun is the noun's */
	if (pe > lo && pe < room.b && participle_at(c, pe, b) &&
	    noun_at(c, pe - 1, b) && !direction(&c->tok[pe]) &&
	    !tok_has(c, pe, b, W(COPULA)) && verb_after(c, pe + 1, room.b))
		pe++;
	/* the chunker's noun phrase may reach further: "Grade of Service
	 * (GOS) for '101' calls", "Killed and seriously injured (KSI)
	 * casualties" */
	if (pe > lo && np_start(c, lo, pe, b) < j) {
		j = np_start(c, lo, pe, b);
		n = words_in(c, (struct span){j, pe});
	}
	/* "Victim satisfaction with the overall service stands at": the
	 * head before "of", "with", "in" or "among" names what is measured;
	 * but not the noun of the figure before ("2,315 incidents with an
	 * average time of 11 minutes") */
	if (n > 0 && n < SHORT_WORDS && j > lo + 1) {
		size_t k = j, j0 = j, n0 = n;

		while (k > lo && k + 2 > j && (c->tok[k - 1].cls & W(STOP)) &&
		       !tok_has(c, k - 1, b, W(HEAD_LINK)))
			k--;	/* "the", "the overall" */
		if (k > lo + 1 && tok_has(c, k - 1, b, W(HEAD_LINK)) &&
		    !skippable_before(c, k - 2, b)) {
			j = k - 1;
			while (j > lo && n < HEAD_WORDS &&
			       !skippable_before(c, j - 1, b)) {
				j--;
				n++;
			}
			if (j == lo && lo > s.a) {
				j = j0;
				n = n0;
			}
		}
	}
	/* "the average time to answer 101 calls": a purpose clause after
	 * the head */
	if (n > 0 && n < SHORT_WORDS) {
		size_t k = j;

		if (k > lo && (c->tok[k - 1].kind == T_NUM || tok_is(c, k - 1, b, "a") ||
			       tok_is(c, k - 1, b, "the")))
			k--;
		if (k > lo + 2 && base_verb(&c->tok[k - 1]) &&
		    tok_is(c, k - 2, b, "to") && !skippable_before(c, k - 3, b) &&
		    !tok_has(c, k - 3, b, W(TARGET))) {
			j = k - 2;
			while (j > lo && n < HEAD_WORDS &&
			       !skippable_before(c, j - 1, b)) {
				j--;
				n++;
			}
		}
	}
	/* "Reported frauds rose": a participle opening the phrase */
	if (n > 0 && j > lo && c->tok[j - 1].kind == T_WORD &&
	    verb_like(&c->tok[j - 1]) && !(c->tok[j - 1].cls & W(LINK)) &&
	    (j - 1 == lo || (!content_word(&c->tok[j - 2]) &&
			     !tok_has(c, j - 2, b, W(HAVE) | W(BE)))))
		j--;
	return (struct span){n ? j : pe, pe};
}

/* The subject of the tokens within (a sentence's, up to a figure): its
 * first content words. */
static struct span
subject_of(const struct ctx *c, struct span within)
{
	size_t j = within.a, n = 0, b = within.b, ps;

	while (j < b && j < within.a + SUBJECT_SKIP && !content_word(&c->tok[j]))
		j++;
	ps = j;
	while (j < b && n < SUBJECT_WORDS && content_word(&c->tok[j]) &&
	       (!verb_like(&c->tok[j]) || n == 0) && c->tok[j].kind == T_WORD &&
	       !(c->tok[j].cls & W(LINK))) {
		j++;
		n++;
	}
	return (struct span){ps, j};
}

/* The words w are only a unit: "hours", "kg", "per". */
static bool
unit_word(const struct ctx *c, struct span w)
{
	const char *name;
	const struct tok *t = &c->tok[w.a];

	return w.b == w.a + 1 && t->kind == T_WORD &&
	       (duration_unit(c, t->low, &name) > 0 || mass_unit(c, t->low) > 0 ||
		!strcmp(t->low, "per"));
}

/* The measure from the words after the figure, into m: "366 drink
 * drivers", "£1.25m in cash", "62% of victims were satisfied", "93
 * people joined as a Special Constable"; with the clause's subject and
 * verb for an object that says little alone ("Specials gave 480 hours",
 * "Speed Watch volunteers held 386 sessions", "Notices were issued on
 * 58 occasions"), and its verb for a generic noun, money and mass
 * ("arrested 14 people" is "people arrested", "seized £30,000 in cash"
 * is "cash seized").  Returns false, with those words in *after, when
 * they are only a unit or a lone verb. */
/* The noun phrase ending at e is one bare word after a verb or a
 * preposition: an idiom ("took place", "in place"), not a thing (a
 * name is one: "with Trucam"). */
static bool
idiom_noun(const struct ctx *c, size_t lo, size_t e, size_t b)
{
	size_t a = np_start(c, lo, e, b);

	return e == a + 1 && a > lo && !c->tok[a].cap && (tag_is(c, a - 1, b, P_VERB) ||
					tag_is(c, a - 1, b, P_PREP));
}

static bool
measure_after(struct ctx *c, struct span s, const struct fig *f,
	      size_t lo, size_t lead, bool unit_tok, struct buf *m,
	      struct span *after)
{
	size_t b = s.b, v, he, verb, nw;
	const struct fig *g;
	struct span w, subj, pred = {0, 0};
	bool share = !strcmp(f->unit, "percent"), with_subj, generic;

	/* "almost half (48%) of all calls" */
	w = *after = np_after(c, f->paren && tok_is(c, f->ue + 1, b, "of") ?
			      f->ue + 1 : named_after(c, f, b), b, &he);
	/* "812 resulted in a charge": a lone verb needs the noun before;
	 * "showed a 12% increase": a change's noun is no measure */
	if (w.b == w.a + 1 && (f->role == R_CHANGE || f->role == R_PCT) &&
	    direction(&c->tok[w.a])) {
		after->b = after->a;
		return false;
	}
	if (w.b == w.a || unit_word(c, w) ||
	    (w.b == w.a + 1 && c->tok[w.a].kind == T_WORD &&
	     verb_like(&c->tok[w.a])))
		return false;
	nw = nouns_in(c, (struct span){w.a, he});
	generic = nw == 1 && c->tok[he - 1].kind == T_WORD &&
		  (c->tok[he - 1].cls & W(GENERIC));
	/* "Vehicle crime fell by 9% to 3,305 offences": the change before
	 * is the same row's, the subject stands before it */
	if ((g = chain_start(c, s, f, lo, lead)) != f)
		subj = chain_subject(c, s, g, g > c->fig ? g[-1].te : s.a,
				     fig_start(c, s, g), &verb);
	else
		subj = chain_subject(c, s, f, lo, lead, &verb);
	/* "12 of the 15 recommendations have been completed": the whole a
	 * part is of is the part's subject, not the predicate's; but "71.8%
	 * of the 1,240 victims interviewed": a participle right after it
	 * says which whole */
	if (figure_is_subject(c, lo, lead, b) &&
	    !(whole_of_part(c, s, f, lead) && !participle_at(c, w.b, b))) {
		pred = predicate_after(c, w.b, b, share);
		/* "... and £10,000 cash were seized"; not "61 people enlisted
		 * as Specials and 47 people left" */
		if (pred.b == pred.a && !verb_after(c, w.a, w.b))
			pred = list_predicate(c, s, f, share);
		/* "1,432 people were victims of domestic abuse": a word for
		 * anyone, then what they were, which is the measure */
		if (pred.b == pred.a && generic && !unit_tok) {
			struct span what = complement_after(c, w.b, b);

			if (what.b > what.a) {
				add_words(m, c, what);
				return true;
			}
		}
	}
	/* "..., and 11.6% of callers hung up": a subject of its own clause */
	with_subj = telling_subject(c, subj) && (nw <= SHORT_OBJECT || generic) &&
		    !f->paren && pred.b == pred.a;
	if (share && (v = share_verb(c, s, lead)) != NO_TOKEN)
		add_words(m, c, phrase_before(c, s, (struct span){lo, v}));
						/* "female officers" */
	else if (with_subj) {
		add_words(m, c, subj);
		if (verb != NO_TOKEN && deed_verb(&c->tok[verb]))
			add_words(m, c, verb_words(c, verb, b));
	} else if (nw <= SHORT_OBJECT && verb != NO_TOKEN && c->topic.len &&
		   pronoun_subject(c, lo, chain_lead(c, s, f, lead), verb, b)) {
		/* "They completed 53 duties": what the sentence before
		 * counted did it */
		buf_add(m, c->topic.p, c->topic.len);
		with_subj = true;
		if (deed_verb(&c->tok[verb]))
			add_words(m, c, verb_words(c, verb, b));
	}
	/* "436 cadets in 15 units", "plans for 21 hotspots": what the
	 * place or group holds, a noun phrase right before its preposition */
	else if (nw <= SHORT_OBJECT && verb == NO_TOKEN && lead > lo + 1 &&
		 tag_is(c, lead - 1, b, P_PREP) && !tok_is(c, lead - 1, b, "of") &&
		 !tok_is(c, lead - 1, b, "with") && !c->tag[lead - 1].period &&
		 !tok_is(c, lead - 1, b, "out") && !tok_is(c, lead - 1, b, "up") &&
		 !tok_is(c, lead - 1, b, "off") &&
		 noun_at(c, lead - 2, b) && !idiom_noun(c, lo, lead - 1, b)) {
		add_words(m, c, (struct span){np_start(c, lo, lead - 1, b), lead - 1});
		with_subj = true;
	}
	/* "a headcount of 600 Specials", "the deaths of 39 people", "the
	 * uplift target of 1,960 officers": the noun the figure is of, and
	 * "of" when the figure's own words follow ("headcount of Specials"
	 * reads as the report wrote it; "headcount Specials" does not) */
	if (!with_subj && (v = of_noun(c, lo, lead_token(c, s, f), b)) != NO_TOKEN)
		add_words(m, c, (struct span){v, lead_token(c, s, f) -
					       !(unit_tok || he > w.a)});
	/* the unit word may precede the phrase: "1,279 hours" */
	if (unit_tok)
		add_words(m, c, (struct span){f->te - 1, tok_is(c, f->ue, b, "of") ?
							 f->ue + 1 : f->te});
	/* what a later "They" stands for: a telling subject, or the noun
	 * of a figure that opens its clause ("There are 10 CSCs") */
	if (!c->topic_new.len && telling_subject(c, subj))
		add_words(&c->topic_new, c, subj);
	else if (!c->topic_new.len && (figure_is_subject(c, lo, lead, b) ||
				       tok_has(c, lead - (lead > s.a), b, W(BE))))
		add_words(&c->topic_new, c, (struct span){w.a, he});
	add_words(m, c, (struct span){w.a, he});
	/* "40 emergency, 65 priority and 120 routine incidents" */
	if (nw == 1 && (v = list_noun(c, s, f)) != NO_TOKEN)
		add_words(m, c, (struct span){v, v + 1});
	/* "(12% BAME, 30% female)" after "210 applications": shares of
	 * what the figure before counts */
	else if (nw <= PAREN_OBJECT && !with_subj &&
		 (v = paren_owner(c, s, f)) != NO_TOKEN) {
		size_t ohe;

		np_after(c, named_after(c, &c->fig[v], b), b, &ohe);
		if (ohe > c->fig[v].ue && noun_at(c, ohe - 1, b))
			add_words(m, c, (struct span){ohe - 1, ohe});
	}
	/* "people arrested", "cash seized", "drivers arrested for drink
	 * driving"; not "arrests made", "reports saw" */
	if (pred.b == pred.a && !with_subj && verb != NO_TOKEN &&
	    deed_verb(&c->tok[verb]) && !unit_tok &&
	    (generic || verb_like(&c->tok[verb]) || !strcmp(f->unit, "GBP") ||
	     !strcmp(f->unit, "kg")))
		add_words(m, c, verb_words(c, verb, b));
	add_words(m, c, (struct span){he, w.b});
	if (pred.b > pred.a)
		add_words(m, c, pred);
	return true;
}

/* After the phrase subj before a duration: its unit word and verb or
 * nothing.  Hours and days are what a group gives ("Specials gave 480
 * hours", and the verb tells "Specials provided 90 hours" apart); other
 * durations are times, "within 48 hours" is a window, and "an average
 * attendance time of 11 minutes" names its quantity. */
static void
unit_and_verb(const struct ctx *c, struct span s, const struct fig *f,
	      struct span subj, size_t lead, struct buf *m)
{
	size_t p = lead_token(c, s, f), v;
	bool given = !strncmp(f->unit, "hours", 5) || !strncmp(f->unit, "days", 4);

	/* a window ("within 48 hours"), but "ran for four weeks" */
	if (compound(c, f) || (p > s.a && tok_has(c, p - 1, s.b, W(WINDOW_PREP)) &&
			       (given || !tok_is(c, p - 1, s.b, "for"))) ||
	    (subj.b > subj.a && subj.b + 1 == p && tok_is(c, subj.b, s.b, "of")))
		return;
	v = subj.b > subj.a ? verb_between(c, subj.b, lead, !given) : NO_TOKEN;
	/* "Operation X ran for four weeks", "offenders were sentenced to a
	 * total of 44 years in prison": what was done for so long */
	if (!given && (v == NO_TOKEN || tok_has(c, v, s.b, W(COPULA))))
		return;
	if (v != NO_TOKEN && (!given || group_noun(&c->tok[subj.b - 1])))
		add_words(m, c, (struct span){v, v + 1});
	add_words(m, c, (struct span){f->te - 1, f->te});
	add_words(m, c, (struct span){f->ue, np_post(c, f->ue, s.b)});
}

/* "speak to an adviser within 24 hours of reporting", "Officers attended
 * within 15 minutes of the call": a window's measure is the deed done
 * within it (the verb and what follows it, with the subject when the
 * verb is alone), not the time it is counted from.  False when the
 * clause has no verb before "within". */
static bool
window_deed(const struct ctx *c, struct span s, size_t lo, size_t lead,
	    struct buf *m)
{
	size_t w = lead - 1, j, v = NO_TOKEN;
	struct span subj;

	for (j = w; j > lo && w - j < DEED_REACH; j--) {
		if (tok_punct(c, j - 1, s.b, ')')) {	/* "(ISVA)" */
			size_t q = j - 1;

			while (q > lo && w - q < DEED_REACH && !tok_punct(c, q - 1, s.b, '('))
				q--;
			if (q > lo + 1 && tok_punct(c, q - 1, s.b, '('))
				j = q - 1;
		}
		if (clause_edge(&c->tok[j - 1]) || tag_is(c, j - 1, s.b, P_REL))
			break;
		if (tag_is(c, j - 1, s.b, P_AUX)) {
			v = j;	/* "can speak to": the words after the aux */
			break;
		}
		if (tag_is(c, j - 1, s.b, P_VERB)) {
			v = j - 1;
			break;
		}
	}
	if (v == NO_TOKEN || v >= w)
		return false;
	if (words_in(c, (struct span){v, w}) == 1) {
		for (j = v; j > lo && (tag_is(c, j - 1, s.b, P_AUX) ||
				       tag_is(c, j - 1, s.b, P_ADV)); j--)
			;
		subj = phrase_before(c, s, (struct span){lo, j});
		add_words(m, c, subj);
	}
	add_words(m, c, (struct span){v, w});
	return true;
}

/* The measure of figure f of sentence s into m; lo is where the figure
 * before it ends (s.a when there is none).  Returns where its words came
 * from (--explain). */
static const char *
measure_of(struct ctx *c, struct span s, const struct fig *f, size_t lo,
	   struct buf *m)
{
	const char *why = "the words before it";
	size_t a = s.a, b = s.b, lead = fig_start(c, s, f);
	struct span after, before, subj;
	bool unit_tok = f->te > f->ts + 1 && c->tok[f->te - 1].kind == T_WORD &&
			duration_unit(c, c->tok[f->te - 1].low, &(const char *){0}) > 0;

	buf_reset(m);
	if (unit_tok && lead > lo + 1 && tok_is(c, lead - 1, b, "within") &&
	    tok_is(c, f->ue, b, "of") && window_deed(c, s, lo, lead, m))
		return "the deed done within it";
	if (occasion_share(c, s, f, lead, m))
		return "what happened on the occasions it is a share of";
	if (measure_after(c, s, f, lo, lead, unit_tok, m, &after))
		return "the words after it";
	if (gapped(c, s, f, lead, m))
		return "the measure of the figure before, with its own phrase";
	/* "Of the 14 indicators reported, 10 are green, 3 are amber": a
	 * part of the whole the sentence opens with, and its predicate */
	before = fronted_whole(c, s, lead);
	if (before.b > before.a && subject_figure(c, s, f, lead, &subj)) {
		/* "Of those contacted": those the sentence before counted */
		if ((tok_is(c, before.a - 1, b, "those") || tok_is(c, before.a - 1, b, "these")) &&
		    (verb_like(&c->tok[before.a]) || (c->tag[before.a].pos & POS(PARTICIPLE))) &&
		    c->last_noun.len && lo == a &&
		    /* not "96 arrests. Of those arrested": the deed's own noun */
		    strncmp(c->last_noun.p, c->tok[before.a].low, STEM_BYTES))
			buf_add(m, c->last_noun.p, c->last_noun.len);
		add_words(m, c, before);
		add_words(m, c, subj);
		return "a part of the whole the sentence opens with, and its predicate";
	}
	if (measure_listed(c, s, f, m))
		return "the noun and verb of the figure its list starts with";
	if (measure_predicate(c, s, f, lo, lead, m))
		return "the noun of the figure before and its own predicate";
	/* "In 2023, 45 were arrested": of what the sentence or the block
	 * before counts, its predicate */
	if (subject_figure(c, s, f, lead, &subj)) {
		before = (struct span){a, a};
		/* "..., and 88% said they were satisfied": its predicate */
		if (before.b == before.a && lo <= a && c->last_measure.len)
			buf_add(m, c->last_measure.p, c->last_measure.len);
		add_words(m, c, before);
		add_words(m, c, subj);
		return "what it is part of and its predicate: the figure is the subject";
	}
	before = phrase_before(c, s, (struct span){lo, lead});
	/* "kits will be retained by the force for 25 years": the agent of
	 * a passive is not what is measured */
	if (before.b > before.a) {
		size_t k = before.a > lo && tag_is(c, before.a - 1, b, P_DET) ?
			   before.a - 1 : before.a;

		if (k > lo + 2 && tok_is(c, k - 1, b, "by") && participle_at(c, k - 2, b) &&
		    tag_is(c, k - 3, b, P_AUX))
			before = phrase_before(c, s, (struct span){lo, k - 1});
	}
	/* "Patrols will be directed to these locations for 15 minutes": how
	 * long the subject did it, not the place */
	if (unit_tok && before.b > before.a && lead > lo + 1 &&
	    tok_is(c, lead - 1 - phrase_ending(c, lo, lead, W(APPROX), NULL), b, "for")) {
		size_t j, v = NO_TOKEN;

		for (j = before.b; j > lo && !clause_edge(&c->tok[j - 1]); j--)
			if (tag_is(c, j - 1, b, P_VERB)) {
				v = j - 1;
				break;
			}
		subj = v != NO_TOKEN ? phrase_before(c, s, (struct span){lo, v}) :
		       (struct span){lo, lo};
		if (subj.b > subj.a && telling_subject(c, subj) && noun_at(c, subj.b - 1, b))
			before = subj;
	}
	/* "... and 40 per calendar month are referred": its predicate */
	if (before.b == before.a && lo > a && figure_is_subject(c, lo, lead, b)) {
		subj = predicate_after(c, f->ue, b, false);
		if (subj.b > subj.a) {
			add_words(m, c, subj);
			return "its own predicate";
		}
	}
	/* the clause's subject read forwards, when it says more */
	subj = clause_np(c, lo, lead, b, false);
	if (words_in(c, subj) > words_in(c, before) && (lo == a || !noun_at(c, lo, b)))
		before = subj;
	if (before.b == before.a && lo <= a) {
		why = "the sentence's subject";
		before = subject_of(c, (struct span){a, f->ts});
		if (before.b > f->ts)
			before.b = before.a;
	}
	/* "seized drugs to the value of £44,000", "calls at a rate of 20 a
	 * day": what the quantity is of stands before its phrase */
	if (before.b == before.a + 1 && tok_has(c, before.a, b, W(QUANTITY)) &&
		 before.a > lo + 2 && tag_is(c, before.a - 1, b, P_DET) &&
		 tag_is(c, before.a - 2, b, P_PREP) && !tok_is(c, before.a - 2, b, "of") &&
		 noun_at(c, before.a - 3, b))
		add_words(m, c, (struct span){np_start(c, lo, before.a - 2, b), before.a - 2});
	/* "calls were answered in an average of 7 seconds": a word for a
	 * kind of quantity alone says what of only with the subject */
	else if (before.b == before.a + 1 && lo <= a &&
	    tok_has(c, before.a, b, W(QUANTITY))) {
		struct span whose = subject_of(c, (struct span){a, before.a});

		if (whose.b > whose.a && whose.b < before.a &&
		    before.a - whose.b <= SUBJECT_GAP) {
			size_t j;

			add_words(m, c, whose);
			/* and what was done to it: "answered", not "attended" */
			for (j = whose.b; j < before.a; j++)
				if (deed_verb(&c->tok[j]) || participle_at(c, j, b)) {
					add_words(m, c, (struct span){j, j + 1});
					break;
				}
			why = "the subject, its verb and the quantity word before it";
		}
	}
	borrow_words(c, s, f, before, m);
	add_words(m, c, before);
	/* "calls answered within 10 seconds": the verb of a window */
	if (before.b < lead && lead > a + 1 && tok_is(c, lead - 1, b, "within") &&
	    participle_at(c, lead - 2, b) && lead - 2 >= before.b)
		add_words(m, c, (struct span){lead - 2, lead - 1});
	if (unit_tok)
		unit_and_verb(c, s, f, before, lead, m);
	if (after.b > after.a)
		add_words(m, c, after);
	/* "Sickness absence was 4.4% for officers", "averaged 11 minutes 20
	 * seconds in urban areas": a phrase of its own (not "on average") */
	else if ((!unit_tok || compound(c, f)) && before.b > before.a &&
		 tag_is(c, f->ue, b, P_PREP) && !c->tag[f->ue].period &&
		 !tok_has(c, skip_det(c, f->ue + 1, b), b, W(QUANTITY)) &&
		 np_post(c, f->ue, b) > f->ue)
		add_words(m, c, (struct span){f->ue, np_post(c, f->ue, b)});
	return why;
}

/* "(England and Wales: 78.9)", "(national average: 14%)": figure f in
 * parentheses after a label of words that name no period, a figure of
 * the same measure for another place or group; the label's first token,
 * or NO_TOKEN. */
static size_t
benchmark_label(const struct ctx *c, struct span s, const struct fig *f)
{
	size_t j = fig_start(c, s, f), k;

	if (j < s.a + 3 || !tok_punct(c, j - 1, s.b, ':'))
		return NO_TOKEN;
	for (k = j - 1; k > s.a && !tok_punct(c, k - 1, s.b, '('); k--)
		if (c->tok[k - 1].kind != T_WORD || c->tag[k - 1].period ||
		    period_word(c, k - 1, s.b) || j - k > TOPIC_TOKENS)
			return NO_TOKEN;
	return k > s.a && k < j - 1 ? k : NO_TOKEN;
}

/* "The budget of £640,000 was 72% spent": a participle right after a
 * share, alone in its clause, says what share of the whole it is; its
 * token, or NO_TOKEN. */
static size_t
share_participle(const struct ctx *c, struct span s, const struct fig *f)
{
	size_t j = f->ue, b = s.b;

	if (strcmp(f->unit, "percent") || j >= b || c->tok[j].kind != T_WORD ||
	    c->tok[j].cap || !(verb_like(&c->tok[j]) || (c->tag[j].pos & POS(PARTICIPLE))) ||
	    direction(&c->tok[j]) || tok_has(c, j, b, W(CMP) | W(PREV_LEAD)) ||
	    c->tag[j].period)
		return NO_TOKEN;
	return j + 1 >= b || c->tok[j + 1].kind == T_PUNCT || c->tag[j + 1].period ||
	       (tag_is(c, j + 1, b, P_PREP) && date_has(c, j + 1, b, DATE(PREP))) ?
	       j : NO_TOKEN;
}

/* Measure m, of what measure "before" counts: "charge rate" +
 * "national average". */
static void
prefix_measure(struct buf *m, const struct buf *before)
{
	struct buf q = BUF_INIT;

	buf_add(&q, m->p ? m->p : "", m->len);
	buf_reset(m);
	buf_add(m, before->p, before->len);
	buf_addc(m, ' ');
	buf_add(m, q.p ? q.p : "", q.len);
	buf_free(&q);
}

/* The measure of row k of sentence s (rows from first are the
 * sentence's): the words of its figure, or of the figure or row it goes
 * with.  Returns where they came from (--explain). */
static const char *
row_measure(struct ctx *c, struct span s, size_t first, size_t k)
{
	struct obs *o = &c->obs[k];
	const struct fig *f = &c->fig[o->fig];
	const struct buf *before = k > first ? &c->obs[k - 1].measure : NULL;
	const char *why = "the row before's: in parentheses right after it";
	const struct obs *owner;
	size_t e, g;

	/* "(44%)" right after a figure, or after its words ("27 of the KSI
	 * casualties (23%)"), counts the same thing; so does a window
	 * after it ("answered within 10 seconds") */
	if ((f->paren || window_of(c, s, f)) && o->fig > 0 &&
	    (owner = row_of(c, first, k, f->paren ? paren_owner(c, s, f) :
			    o->fig - 1)) != NULL) {
		buf_add(&o->measure, owner->measure.p ? owner->measure.p : "",
			owner->measure.len);
		why = f->paren ? "the row of the figure it stands in parentheses after" :
		      "the row of the figure it is a window of";
	} else if (f->paren && o->fig > 0 && before &&
		   c->fig[o->fig - 1].ue + 1 + phrase_at(c, c->fig[o->fig - 1].ue, s.b,
							 W(PART_OF), NULL) >= f->ts - 1) {
		/* "(23%)", "one in five of them (21%)" */
		if (before->len)
			buf_add(&o->measure, before->p, before->len);
	} else if (before && before->len && (e = benchmark_label(c, s, f)) != NO_TOKEN) {
		/* "71.4 per 1,000 residents (England and Wales: 78.9)" */
		buf_add(&o->measure, before->p, before->len);
		buf_addc(&o->measure, ' ');
		add_words(&o->measure, c, (struct span){e, fig_start(c, s, f) - 1});
		why = "the row before's, for whom its label in parentheses says";
	} else if (before && before->len && (e = from_goal(c, s, f, &g)) != NO_TOKEN) {
		/* "1,968 officers, 8 above the uplift target" */
		buf_add(&o->measure, before->p, before->len);
		add_words(&o->measure, c, (struct span){f->ue, e});
		why = "the row before's, and how far from a goal";
	} else if (of_these(c, s, f) && !noun_after(c, f, s.b) &&
		   (o->fig > 0 || c->last_measure.len)) {
		/* "Of these, 45 applied": of the last measure of the block */
		part_of(c, s.b, f, o->fig > 0 ? &c->fig[o->fig - 1] : NULL,
			o->fig > 0 ? before : &c->last_measure, &o->measure);
		why = "a part of the figure before (of whom, of which)";
	} else {
		why = measure_of(c, s, f, o->fig > 0 ? c->fig[o->fig - 1].te : s.a,
				 &o->measure);
	}
	if (o->measure.len == 0 && o->first != o->fig)
		why = measure_of(c, s, &c->fig[o->first],
				 o->first > 0 ? c->fig[o->first - 1].te : s.a,
				 &o->measure);
	/* "..., bringing the total since April to 47,125 hours": the total
	 * of the measure before; so is "and 40,400 hours since April", "658
	 * in the year as a whole" after a figure of the same measure */
	if (before && before->len && (running_total(c, s, f) ||
				      (cumulative(c, s, f) &&
				       !strcmp(c->obs[k - 1].unit, o->unit)))) {
		buf_reset(&o->measure);
		buf_add(&o->measure, before->p, before->len);
		buf_adds(&o->measure, " total");
		why = "the total of the measure before (bringing the total to)";
	}
	/* "11 minutes against a target of 10": the target of the measure
	 * before */
	/* "who gave 3,870 hours, an average of 20 hours each": the measure
	 * before, averaged */
	if (before && before->len && quantity_only(c, &o->measure) &&
	    fig_start(c, s, f) > s.a && tok_is(c, fig_start(c, s, f) - 1, s.b, "of")) {
		prefix_measure(&o->measure, before);
		why = "a kind of quantity of the measure before";
	} else if (before && before->len && o->fig > 0 &&
		   benchmark_only(c, s, f, &o->measure)) {
		/* "higher than the national average of 12.3%" */
		prefix_measure(&o->measure, before);
		why = "a benchmark of the measure before (the national average)";
	} else if (goal_only(c, &o->measure)) {
		struct buf goal = BUF_INIT;
		struct span subj = sentence_subject(c, s);
		size_t skip;

		buf_add(&goal, o->measure.p, o->measure.len);
		buf_reset(&o->measure);
		/* "1,968 officers, 8 above the uplift target of 1,960": the
		 * goal of the row before the one that says how far from it */
		if (k > first + 1 && before &&
		    (e = from_goal(c, s, &c->fig[c->obs[k - 1].fig], &g)) != NO_TOKEN) {
			before = &c->obs[k - 2].measure;
			buf_reset(&goal);
			add_words(&goal, c, (struct span){g, e});
		}
		if (before && before->len) {
			buf_add(&o->measure, before->p, before->len);
			why = "a goal of the measure before";
		} else if (c->last_measure.len && goal_words_only(c, subj)) {
			/* "... 96 dwelling fires. The annual target is no
			 * more than 400.": a goal of what the block counted */
			buf_add(&o->measure, c->last_measure.p, c->last_measure.len);
			why = "a goal of the block's last measure";
		} else if (subj.b > subj.a) {
			add_words(&o->measure, c, subj);	/* "Satisfaction ... aim" */
			why = "a goal of the sentence's subject";
		}
		if (o->measure.len)
			buf_addc(&o->measure, ' ');
		/* "Calls answered: 91.2% (target: 90%)": the goal's words
		 * may open with the measure already said */
		skip = before && before->len && goal.len > before->len &&
		       goal.p[before->len] == ' ' &&
		       !strncasecmp(goal.p, before->p, before->len) ? before->len + 1 : 0;
		buf_add(&o->measure, goal.p + skip, goal.len - skip);
		buf_free(&goal);
	}
	/* "Stop and search: 1,390 searches" */
	{
		struct span t = topic_label(c, s);

		if (t.b > t.a && f->ts > t.b)
			label_measure(c, t, &o->measure);
	}
	/* "Eight of these were fatalities": the last measure */
	if (o->measure.len == 0 && c->last_measure.len) {
		buf_add(&o->measure, c->last_measure.p, c->last_measure.len);
		why = "none of its own: the block's last measure";
	}
	/* "was 72% spent" */
	if ((e = share_participle(c, s, f)) != NO_TOKEN && o->measure.len &&
	    !has_word(o->measure.p, o->measure.len, c->tok[e].low))
		add_words(&o->measure, c, (struct span){e, e + 1});
	/* "Rural Watch" above "The scheme now has 310 members" (a field's
	 * record names its own) */
	if (!c->field.on && topic_measure(c, &o->measure))
		why = "vague words: its section's topic before them";
	if (o->measure.len) {
		buf_reset(&c->last_measure);
		buf_add(&c->last_measure, o->measure.p, o->measure.len);
	}
	return why;
}
