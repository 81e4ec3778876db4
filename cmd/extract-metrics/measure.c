/* measure.c: stage 5, the measure: the noun phrase a figure counts, in
 * the report's words.  Its words are spans of tokens of sentence s: the
 * phrase after the figure, the phrase before it (back to the figure
 * before it, lo), the sentence's subject. */

/* How far a measure's words reach: a measure is a short noun phrase, and
 * a longer reach picks up the words of other figures. */
enum {
	ASIDE_MAX = 5,		/* tokens from an aside's "(" to its ")":
				 * "(42.2%)", "(MSHT)" */
	AFTER_WORDS = 6,	/* words of the phrase after a figure */
	OF_HEAD_WORDS = 2,	/* ... that "of" can follow: "hours of" */
	OF_WORDS = 4,		/* ... and words after it: "hours of high
				 * visibility policing" */
	BEFORE_SKIP = 25,	/* tokens passed over from a figure back to
				 * its phrase: verbs, periods, asides */
	BEFORE_WORDS = 5,	/* words of the phrase before a figure */
	SHORT_WORDS = 4,	/* a phrase shorter than this reaches back
				 * over "of", "with" or a purpose clause ... */
	HEAD_WORDS = 7,		/* ... to this many words in all */
	SUBJECT_SKIP = 8,	/* tokens before a subject's first word */
	SUBJECT_WORDS = 4,	/* words of a subject */
	SUBJECT_GAP = 6,	/* tokens from a subject to a quantity word:
				 * "calls were answered in an average of" */
	SHORT_OBJECT = 2,	/* words of an object that says little without
				 * its clause's subject: "held 386 sessions" */
	PAREN_OBJECT = 3	/* ... of a share in parentheses that needs the
				 * noun before them: "(1,851 full-time
				 * equivalent)" after "1,884 officers" */
};

/* Skip "(MSHT)" or "(42.2%)": a short parenthesized aside at i. */
static size_t
skip_aside(const struct ctx *c, size_t i, size_t b)
{
	size_t j;

	if (!tok_punct(c, i, b, '('))
		return i;
	for (j = i + 1; j < b && j <= i + ASIDE_MAX; j++)
		if (tok_punct(c, j, b, ')'))
			return j + 1;
	return i;
}

/* "with" stands before the figure that ends before token i, maybe
 * after "and" and another figure ("with two retiring and two ..."). */
static bool
with_before(const struct ctx *c, size_t i)
{
	size_t j = i;

	while (j > 0 && (tag_is(c, j - 1, i, P_NUM) || c->tok[j - 1].kind == T_NUM))
		j--;
	if (j > 0 && tok_is(c, j - 1, i, "with"))
		return true;
	return j > 0 && tok_is(c, j - 1, i, "and") && j > 2 &&
	       participle_at(c, j - 2, i) && with_before(c, j - 2);
}

/* The noun phrase a figure counts, after it from token i: "366 drink
 * drivers", "19,871 hours of high visibility policing", "72% of referred
 * crimes", "2,300 '999' calls", "210 applications to join the Special
 * Constabulary", with the phrases that belong to it (chunks.c); the end
 * of the noun phrase itself, before those, in *head_end. */
static struct span
np_after(const struct ctx *c, size_t i, size_t b, size_t *head_end)
{
	size_t j = i, e;

	j = skip_aside(c, j, b);
	if (tok_is(c, j, b, "of") && j + 1 < b && (c->tok[j + 1].kind == T_WORD ||
						    c->tok[j + 1].kind == T_NUM ||
						    quoted_number_at(c, j + 1, b) > j + 1))
		j = skip_det(c, j + 1, b);	/* "72% of all calls", "of '999' calls" */
	/* "13 of the 14 districts", "94% of 999 calls": the noun after */
	if (j > i && j + 1 < b && c->tok[j].kind == T_NUM &&
	    c->tok[j - 1].kind == T_WORD && noun_at(c, j + 1, b) &&
	    (tok_is(c, j - 1, b, "of") || tok_is(c, j - 1, b, "the")))
		j++;
	while (j < b && modifier(&c->tok[j]))
		j++;
	/* "with two retiring and two joining regulars": an -ing word right
	 * after a figure after "with" is its verb, not an adjective */
	if (j == i && participle_at(c, j, b) && !verb_like(&c->tok[j]) &&
	    !(c->tag[j].pos & POS(PARTICIPLE)) && with_before(c, i)) {
		*head_end = j;
		return (struct span){j, j};
	}
	*head_end = e = np_end(c, j, b);
	if (e == j)
		return (struct span){j, j};
	return (struct span){j, np_post(c, e, b)};
}

/* The phrase after the figure from token i, as np_after. */
static struct span
phrase_after(const struct ctx *c, size_t i, size_t b)
{
	size_t e;

	return np_after(c, i, b, &e);
}

/* The words of span w: words, codes and numbers, not signs. */
static size_t
words_in(const struct ctx *c, struct span w)
{
	size_t j, n = 0;

	for (j = w.a; j < w.b; j++)
		n += c->tok[j].kind != T_PUNCT;
	return n;
}

static bool
skippable_before(const struct ctx *c, size_t i, size_t end)
{
	const struct tok *t = &c->tok[i];

	if (t->kind == T_CODE || t->kind == T_NUM)
		return true;
	if (t->kind == T_PUNCT)
		return t->cp != '.' && t->cp != ';';
	return !content_word(t) || verb_like(t) || direction(t) || adverb(t) ||
	       (t->low[0] && (t->cls & W(LINK))) || c->tag[i].p == P_VERB ||
	       c->tag[i].p == P_AUX || c->tag[i].period || period_word(c, i, end);
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

/* Where the words naming what the figure is start: "£252,000 worth of
 * drugs", "£1.25 million in cash" (not "£3m in 2023", "in Essex"); for
 * a change, "a reduction of 14% in ASB", "a 9% rise in burglary". */
static size_t
named_after(const struct ctx *c, const struct fig *f, size_t b)
{
	size_t j = f->ue;
	bool money = !strcmp(f->unit, "GBP");
	bool change = f->role == R_CHANGE || f->role == R_PCT;

	if (!money && !change)
		return j;
	if (change && j < b && direction(&c->tok[j]))
		j++;	/* "a 9% rise in" */
	if (tok_has(c, j, b, W(RATE_PER)) && tok_has(c, j + 1, b, W(RATE_BASE)))
		j += 2;	/* "£2.4m a year in salary" */
	if (money && tok_is(c, j, b, "worth") && tok_is(c, j + 1, b, "of"))
		return j + 2;
	if (tok_is(c, j, b, "in") && j + 1 < b && c->tok[j + 1].kind == T_WORD &&
	    (change || !c->tok[j + 1].cap) && content_word(&c->tok[j + 1]) &&
	    !period_word(c, j + 1, b))
		return j + 1;
	return f->ue;
}

/* A past tense that says what was done to what is counted: "arrested",
 * "seized", "took"; not a link such as "stood", "totalled", "rose". */
static bool
deed_verb(const struct tok *t)
{
	if (t->kind != T_WORD || !t->low[0] || direction(t) ||
	    (t->cls & W(COPULA)))
		return false;
	return verb_like(t) || (t->cls & W(DEED));
}

/* A subject that is a group of people: a plural ("Special Constables",
 * "CSCs"; not "status", "crisis") or a collective noun. */
static bool
group_noun(const struct tok *t)
{
	size_t n = strlen(t->low);

	return t->kind == T_WORD && n > 2 &&
	       ((t->low[n - 1] == 's' && t->low[n - 2] != 's' &&
		 t->low[n - 2] != 'u' && t->low[n - 2] != 'i') ||
		(t->cls & W(GROUP)));
}

/* The deed verb of the clause between a subject ending at be and the
 * figure at i ("contributed" in "Specials contributed a total of"), or
 * NO_TOKEN. */
static size_t
verb_between(const struct ctx *c, size_t be, size_t i)
{
	size_t j;

	for (j = i; j > be; j--) {
		if (clause_edge(&c->tok[j - 1]))
			break;
		if (deed_verb(&c->tok[j - 1]) ||
		    (tag_is(c, j - 1, i, P_VERB) && !direction(&c->tok[j - 1]) &&
		     !tok_has(c, j - 1, i, W(COPULA))))	/* "give" */
			return j >= be + 2 && (tok_has(c, j - 2, i, W(BE)) ||
					       tok_is(c, j - 2, i, "be")) ?
			       NO_TOKEN : j - 1;
	}
	return NO_TOKEN;
}

/* The predicate after the noun phrase of a figure that is its clause's
 * subject, from pe: "were satisfied", "joined as a Special Constable",
 * "left", "intend to apply to become a Regular Constable", "were
 * arrested for drink driving", "are currently in pre-employment checks";
 * after a share, a lone adjective ("34% of officers are female").
 * Returns its span, empty when there is none.  A change ("rose"), a goal
 * ("planned") or a link ("stood at") is no predicate of what is counted. */
static struct span
predicate_after(const struct ctx *c, size_t pe, size_t b, bool share)
{
	size_t j = skip_aside(c, pe, b);	/* "132 Specials (44%) intend" */
	bool aux = false;
	const struct tok *t;

	while (j < b && (tag_is(c, j, b, P_AUX) ||
			 ((tag_is(c, j, b, P_ADV) || c->tag[j].period) &&
			  j + 1 < b && !tag_is(c, j + 1, b, P_NUM)))) {
		/* "will join", "are due to start": a plan, not a state
		 * ("were due to delays" is a cause) */
		if (tok_has(c, j, b, W(TARGET) | W(SOON)) &&
		    !(tok_is(c, j, b, "due") && tok_is(c, j + 1, b, "to") &&
		      !(j + 2 < b && base_verb(&c->tok[j + 2]))))
			return (struct span){j, j};
		if (tok_is(c, j, b, "due") && tok_is(c, j + 1, b, "to"))
			break;
		aux = aux || tag_is(c, j, b, P_AUX);
		j++;
	}
	if (j >= b || c->tag[j].period)
		return (struct span){j, j};
	t = &c->tok[j];
	if (tag_is(c, j, b, P_VERB) && !direction(t) && !tok_has(c, j, b, W(PLAN)) &&
	    !tok_has(c, j, b, W(COPULA)) && !direction(&c->tok[j + 1 < b ? j + 1 : j]) &&
	    !tok_has(c, j, b, W(SHARE_VERB)) && !tok_is(c, j + 1, b, "of")) {
		size_t e = np_post(c, j + 1, b);

		/* "took part", "came online", "joined the scheme" */
		if (e == j + 1 && noun_at(c, skip_det(c, j + 1, b), b) &&
		    !period_word(c, skip_det(c, j + 1, b), b))
			e = np_post(c, np_end(c, skip_det(c, j + 1, b), b), b);
		return (struct span){j, e};
	}
	if (tok_is(c, j, b, "due") && tok_is(c, j + 1, b, "to"))
		return (struct span){j, np_post(c, j + 1, b)};	/* "due to delays" */
	if (aux && noun_at(c, j, b) && participle_at(c, j + 1, b))
		return (struct span){j, np_post(c, j + 2, b)};	/* "breath tested" */
	if ((aux || (tok_is(c, j, b, "to") && tag_is(c, j + 1, b, P_VERB))) &&
	    tag_is(c, j, b, P_PREP) && np_post(c, j, b) > j)
		return (struct span){j, np_post(c, j, b)};	/* "to become" */
	if (share && aux && t->kind == T_WORD && content_word(t) &&
	    !direction(t) && !(t->cls & NUMBER_WORD) &&
	    (j + 1 == b || !content_word(&c->tok[j + 1])))
		return (struct span){j, j + 1};
	/* "Eight of these were fatalities": a part's noun */
	if (share && aux && noun_at(c, j, b))
		return (struct span){j, np_end(c, j, b)};
	return (struct span){j, j};
}

/* Token lead opens the subject of its clause: no verb stands between it
 * and the clause's start (lo, or a clause's edge). */
static bool
figure_is_subject(const struct ctx *c, size_t lo, size_t lead, size_t b)
{
	size_t j;

	for (j = lead; j > lo; j--) {
		if (clause_edge(&c->tok[j - 1]) || tok_is(c, j - 1, b, "and") ||
		    tok_is(c, j - 1, b, "or"))
			return true;	/* "... and 88 people left" */
		if (c->tag[j - 1].period)
			continue;
		if (tag_is(c, j - 1, b, P_AUX) ||
		    (tag_is(c, j - 1, b, P_VERB) && !(j < lead &&
						      noun_at(c, j, b))))
			return false;
	}
	return true;
}

/* The verb and subject of the clause whose object is the figure at lead
 * ("Specials gave 480 hours", "Notices were issued on 58 occasions",
 * "the team has arrested 310 suspects"): the main verb in *verb
 * (NO_TOKEN when none stands before the figure), and the subject's span,
 * empty when there is none (a pronoun, no noun phrase before the verb). */
static struct span
subject_before(const struct ctx *c, size_t lo, size_t lead, size_t b,
	       size_t *verb)
{
	size_t j = lead, a, k;

	*verb = NO_TOKEN;
	/* "a total of 214", "an average of 20 hours": a quantity's word */
	if (j >= lo + 2 && tok_is(c, j - 1, b, "of") &&
	    (tok_has(c, j - 2, b, W(QUANTITY)) || tok_is(c, j - 2, b, "total"))) {
		j -= 2;
		if (j > lo && tag_is(c, j - 1, b, P_DET))
			j--;
	}
	while (j > lo && tag_is(c, j - 1, b, P_ADV))
		j--;	/* "approximately" */
	/* "on 58 occasions", "to 24,735 young people" */
	if (j > lo && tag_is(c, j - 1, b, P_PREP) && !tok_is(c, j - 1, b, "of"))
		j--;
	while (j > lo && tag_is(c, j - 1, b, P_ADV))
		j--;
	while (j > lo && (tag_is(c, j - 1, b, P_VERB) || tag_is(c, j - 1, b, P_AUX) ||
			  (tag_is(c, j - 1, b, P_ADV) && *verb != NO_TOKEN) ||
			  /* "continues to grow", "aims to recruit" */
			  (tok_is(c, j - 1, b, "to") && *verb != NO_TOKEN &&
			   j >= lo + 2 && (tag_is(c, j - 2, b, P_VERB) ||
					   tag_is(c, j - 2, b, P_AUX)))) &&
	       !c->tag[j - 1].period) {
		if (tag_is(c, j - 1, b, P_VERB) && *verb == NO_TOKEN)
			*verb = j - 1;
		j--;
	}
	if (*verb == NO_TOKEN)
		return (struct span){j, j};
	while (j > lo && (tag_is(c, j - 1, b, P_ADV) || c->tag[j - 1].period))
		j--;	/* "Essex Police currently retains" */
	/* "Operation X, the summer knife crime operation, recovered" */
	if (j > lo + 1 && tok_punct(c, j - 1, b, ',') && np_start(c, lo, j - 1, b) < j - 1)
		j--;
	a = np_start(c, lo, j, b);
	/* "incidents across the force": a phrase of the subject's own */
	k = a;
	if (k > lo && tag_is(c, k - 1, b, P_DET))
		k--;
	if (a < j && k > lo + 1 && tag_is(c, k - 1, b, P_PREP) &&
	    !tok_has(c, k - 1, b, W(CMP)) && np_start(c, lo, k - 1, b) < k - 1)
		a = np_start(c, lo, k - 1, b);
	return (struct span){a, a < j ? j : a};
}

/* The subject before the verb group of verb is "they", "these" or "it"
 * (not "we", "there"). */
static bool
pronoun_subject(const struct ctx *c, size_t lo, size_t lead, size_t verb,
		size_t b)
{
	size_t j = verb;

	if (verb > lead)
		return false;
	while (j > lo && (tag_is(c, j - 1, b, P_AUX) || tag_is(c, j - 1, b, P_ADV) ||
			  tag_is(c, j - 1, b, P_VERB)))
		j--;
	return j > lo && (tok_is(c, j - 1, b, "they") || tok_is(c, j - 1, b, "these") ||
			  tok_is(c, j - 1, b, "it") || tok_is(c, j - 1, b, "those"));
}

/* The first token of the verb group before the figure at lead ("was",
 * "stood at", "has risen to", "rose by"), NO_TOKEN when there is none. */
static size_t
verb_group(const struct ctx *c, size_t lo, size_t lead, size_t b)
{
	size_t j = lead;
	bool verb = false;

	while (j > lo && (tag_is(c, j - 1, b, P_ADV) || tag_is(c, j - 1, b, P_PREP) ||
			  c->tag[j - 1].period) && !tok_is(c, j - 1, b, "of"))
		j--;	/* "at", "to", "by", "currently" */
	while (j > lo && (tag_is(c, j - 1, b, P_VERB) || tag_is(c, j - 1, b, P_AUX) ||
			  direction(&c->tok[j - 1]) ||
			  tok_has(c, j - 1, b, W(LINK) | W(COPULA)) ||
			  (verb && tag_is(c, j - 1, b, P_ADV)))) {
		verb = true;
		j--;
	}
	return verb ? j : NO_TOKEN;
}

/* The subject of the clause from token a to the verb group before the
 * figure at lead, read forwards: its noun phrase and the phrases that
 * belong to it ("The average wait to speak to a call handler was",
 * "Complaints about off-road motorbikes fell"); empty when it does not
 * reach the verb group. */
static struct span
clause_np(const struct ctx *c, size_t a, size_t lead, size_t b)
{
	size_t v = verb_group(c, a, lead, b), j = a, e;

	if (v == NO_TOKEN)
		return (struct span){a, a};
	while (j < v && (c->tag[j].period || c->tok[j].kind == T_PUNCT ||
			 tag_is(c, j, b, P_DET) || tag_is(c, j, b, P_ADV) ||
			 date_has(c, j, b, DATE(PREP))))
		j++;	/* "In the last quarter, the ..." */
	e = np_end(c, j, v);
	if (e == j)
		return (struct span){a, a};
	e = np_post(c, e, v);
	while (e < v && (tag_is(c, e, b, P_ADV) || c->tag[e].period))
		e++;
	return e == v ? (struct span){j, e} : (struct span){a, a};
}

/* A subject that says what the figure is of: not a pronoun, not a word
 * for anyone who acts ("officers", "the team", "the force"). */
static bool
telling_subject(const struct ctx *c, struct span subj)
{
	const struct tok *h;

	if (subj.b <= subj.a)
		return false;
	h = &c->tok[subj.b - 1];
	if (h->kind == T_WORD && (h->cls & W(GENERIC)))
		return false;
	return !(subj.b == subj.a + 1 && h->kind == T_WORD && (h->cls & W(GROUP)));
}

/* "2 hours 30 minutes": more than one duration word. */
static bool
compound(const struct ctx *c, const struct fig *f)
{
	size_t j;

	for (j = f->ts + 1; j + 1 < f->te; j++)
		if (c->tok[j].kind == T_WORD &&
		    duration_unit(c, c->tok[j].low, &(const char *){0}) > 0)
			return true;
	return false;
}

/* "make up 36% of", "account for 12% of", "represent 5% of": the verb
 * of a share before token lead whose subject names the part; NO_TOKEN if
 * none. */
static size_t
share_verb(const struct ctx *c, struct span s, size_t lead)
{
	size_t k = phrase_ending(c, s.a, lead, W(SHARE_VERB), NULL);

	return k ? lead - k : NO_TOKEN;
}

/* The token where the words of figure k end: its noun phrase and, if
 * it is its clause's subject, its predicate ("37 Specials joined in the
 * last six months"), and a period phrase after them. */
static size_t
fig_words_end(struct ctx *c, struct span s, size_t k)
{
	const struct fig *f = &c->fig[k];
	size_t he, lo = k > 0 ? c->fig[k - 1].te : s.a, e;
	struct span w = np_after(c, named_after(c, f, s.b), s.b, &he), p;

	e = w.b > w.a ? w.b : f->ue;
	if (figure_is_subject(c, lo, fig_start(c, s, f), s.b)) {
		p = predicate_after(c, e, s.b, !strcmp(f->unit, "percent"));
		if (p.b > p.a)
			e = p.b;
	}
	for (;;) {	/* "in the last six months", "at the end of June" */
		size_t q = e;

		while (q < s.b && (date_has(c, q, s.b, DATE(PREP)) ||
				   tok_is(c, q, s.b, "the")) && !c->tag[q].period)
			q++;
		if (q >= s.b || !c->tag[q].period)
			break;
		while (q < s.b && c->tag[q].period)
			q++;
		e = q;
	}
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
		return false;
	w = np_after(c, named_after(c, hf, s.b), s.b, &he);
	if (he <= w.a)
		return false;
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
			add_words(m, c, (struct span){verb, verb + 1});
		add_words(m, c, (struct span){f->te - 1, f->te});
		return m->len > 0;
	}
	add_words(m, c, (struct span){w.a, he});	/* "Special Constables" */
	if (verb != NO_TOKEN && deed_verb(&c->tok[verb]))
		add_words(m, c, (struct span){verb, verb + 1});
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
	for (k = 0; k < c->nfig && c->fig[k].te < j; k++)
		if (fig_words_end(c, s, k) == skip_aside(c, j - 1, s.b))
			return k;
	return NO_TOKEN;
}

/* "the deaths of 39 people": the first word of the noun phrase before
 * "of" before the figure at lead (its qualifier aside), or NO_TOKEN. */
static size_t
of_noun(const struct ctx *c, size_t lo, size_t lead, size_t b)
{
	size_t j = lead, a;

	while (j > lo && tag_is(c, j - 1, b, P_ADV))
		j--;	/* "of around £30,000" */
	if (j < lo + 2 || !tok_is(c, j - 1, b, "of"))
		return NO_TOKEN;
	a = np_start(c, lo, j - 1, b);
	/* not "a reduction of 12.5%": a change's word */
	return a < j - 1 && noun_at(c, j - 2, b) && !direction(&c->tok[j - 2]) ?
	       a : NO_TOKEN;
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

/* The measure from the words after the figure, into m: "366 drink
 * drivers", "£1.25m in cash", "62% of victims were satisfied", "93
 * people joined as a Special Constable"; with the clause's subject and
 * verb for an object that says little alone ("Specials gave 480 hours",
 * "Speed Watch volunteers held 386 sessions", "Notices were issued on
 * 58 occasions"), and its verb for a generic noun, money and mass
 * ("arrested 14 people" is "people arrested", "seized £30,000 in cash"
 * is "cash seized").  Returns false, with those words in *after, when
 * they are only a unit or a lone verb. */
static bool
measure_after(struct ctx *c, struct span s, const struct fig *f,
	      size_t lo, size_t lead, bool unit_tok, struct buf *m,
	      struct span *after)
{
	size_t b = s.b, v, he, verb, nw;
	struct span w, subj, pred = {0, 0};
	bool share = !strcmp(f->unit, "percent"), with_subj, generic;

	/* "almost half (48%) of all calls" */
	w = *after = np_after(c, f->paren && tok_is(c, f->ue + 1, b, "of") ?
			      f->ue + 1 : named_after(c, f, b), b, &he);
	/* "812 resulted in a charge": a lone verb needs the noun before */
	if (w.b == w.a || unit_word(c, w) ||
	    (w.b == w.a + 1 && c->tok[w.a].kind == T_WORD &&
	     verb_like(&c->tok[w.a])))
		return false;
	nw = words_in(c, (struct span){w.a, he});
	generic = nw == 1 && c->tok[he - 1].kind == T_WORD &&
		  (c->tok[he - 1].cls & W(GENERIC));
	subj = chain_subject(c, s, f, lo, lead, &verb);
	with_subj = telling_subject(c, subj) && (nw <= SHORT_OBJECT || generic) &&
		    !f->paren;
	if (share && (v = share_verb(c, s, lead)) != NO_TOKEN)
		add_words(m, c, phrase_before(c, s, (struct span){lo, v}));
						/* "female officers" */
	else if (with_subj) {
		add_words(m, c, subj);
		if (verb != NO_TOKEN && deed_verb(&c->tok[verb]))
			add_words(m, c, (struct span){verb, verb + 1});
	} else if (nw <= SHORT_OBJECT && verb != NO_TOKEN && c->topic.len &&
		   pronoun_subject(c, lo, chain_lead(c, s, f, lead), verb, b)) {
		/* "They completed 53 duties": what the sentence before
		 * counted did it */
		buf_add(m, c->topic.p, c->topic.len);
		with_subj = true;
		if (deed_verb(&c->tok[verb]))
			add_words(m, c, (struct span){verb, verb + 1});
	}
	/* "a headcount of 600 Specials", "the deaths of 39 people", "the
	 * uplift target of 1,960 officers": the noun the figure is of */
	if (!with_subj && (v = of_noun(c, lo, lead_token(c, s, f), b)) != NO_TOKEN)
		add_words(m, c, (struct span){v, lead_token(c, s, f) - 1});
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
	if (figure_is_subject(c, lo, lead, b))
		pred = predicate_after(c, w.b, b, share);
	/* "people arrested", "cash seized", "drivers arrested for drink
	 * driving"; not "arrests made", "reports saw" */
	if (pred.b == pred.a && !with_subj && verb != NO_TOKEN &&
	    deed_verb(&c->tok[verb]) && !unit_tok &&
	    (generic || verb_like(&c->tok[verb]) || !strcmp(f->unit, "GBP") ||
	     !strcmp(f->unit, "kg")))
		add_words(m, c, (struct span){verb, verb + 1});
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
	v = subj.b > subj.a ? verb_between(c, subj.b, lead) : NO_TOKEN;
	/* "Operation X ran for four weeks", "offenders were sentenced to a
	 * total of 44 years in prison": what was done for so long */
	if (!given && (v == NO_TOKEN || tok_has(c, v, s.b, W(COPULA))))
		return;
	if (v != NO_TOKEN && (!given || group_noun(&c->tok[subj.b - 1])))
		add_words(m, c, (struct span){v, v + 1});
	add_words(m, c, (struct span){f->te - 1, f->te});
	add_words(m, c, (struct span){f->ue, np_post(c, f->ue, s.b)});
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
	if (measure_after(c, s, f, lo, lead, unit_tok, m, &after))
		return "the words after it";
	if (measure_listed(c, s, f, m))
		return "the noun and verb of the figure its list starts with";
	if (measure_predicate(c, s, f, lo, lead, m))
		return "the noun of the figure before and its own predicate";
	before = phrase_before(c, s, (struct span){lo, f->ts});
	/* the clause's subject read forwards, when it says more */
	subj = clause_np(c, lo, lead, b);
	if (words_in(c, subj) > words_in(c, before) && (lo == a || !noun_at(c, lo, b)))
		before = subj;
	if (before.b == before.a && lo <= a) {
		why = "the sentence's subject";
		before = subject_of(c, (struct span){a, f->ts});
		if (before.b > f->ts)
			before.b = before.a;
	}
	/* "calls were answered in an average of 7 seconds": a word for a
	 * kind of quantity alone says what of only with the subject */
	if (before.b == before.a + 1 && lo <= a &&
	    tok_has(c, before.a, b, W(QUANTITY))) {
		struct span whose = subject_of(c, (struct span){a, before.a});

		if (whose.b > whose.a && whose.b < before.a &&
		    before.a - whose.b <= SUBJECT_GAP) {
			add_words(m, c, whose);
			why = "the subject and the quantity word before it";
		}
	}
	borrow_words(c, s, f, before, m);
	add_words(m, c, before);
	if (unit_tok)
		unit_and_verb(c, s, f, before, lead, m);
	if (after.b > after.a)
		add_words(m, c, after);
	return why;
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
	if (pred.b == pred.a && w.b == w.a)
		pred = (struct span){j, np_post(c, j, b)};	/* "396 of them for using" */
	add_words(m, c, pred.b > pred.a ? pred : w);
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

/* A measure that is only the word for a goal. */
static bool
lone_goal(const struct buf *m)
{
	return (m->len == 6 && !strncasecmp(m->p, "target", 6)) ||
	       (m->len == 4 && !strncasecmp(m->p, "goal", 4));
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
	    c->fig[o->fig - 1].ue + 1 >= f->ts - 1) {
		if (before->len)
			buf_add(&o->measure, before->p, before->len);
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
	 * of the measure before */
	if (before && before->len && running_total(c, s, f)) {
		buf_reset(&o->measure);
		buf_add(&o->measure, before->p, before->len);
		buf_adds(&o->measure, " total");
		why = "the total of the measure before (bringing the total to)";
	}
	/* "11 minutes against a target of 10": the target of the measure
	 * before */
	if (before && lone_goal(&o->measure) && before->len) {
		buf_reset(&o->measure);
		buf_add(&o->measure, before->p, before->len);
		buf_adds(&o->measure, " target");
		why = "a target of the measure before";
	}
	/* "Eight of these were fatalities": the last measure */
	if (o->measure.len == 0 && c->last_measure.len) {
		buf_add(&o->measure, c->last_measure.p, c->last_measure.len);
		why = "none of its own: the block's last measure";
	}
	if (o->measure.len) {
		buf_reset(&c->last_measure);
		buf_add(&c->last_measure, o->measure.p, o->measure.len);
	}
	return why;
}
