/* clauses.c: stage 5a, the parts of a figure's clause the measure is
 * made of (chunks.c gives the noun phrases): the noun phrase after a
 * figure with its own phrases (np_after), the predicate of a figure
 * that opens its clause ("93 people joined as Special Constables"), the
 * verb and subject of a clause whose object or phrase the figure is
 * ("Speed Watch volunteers held 386 sessions", "Notices were issued on
 * 58 occasions"), read backwards from the figure or forwards from the
 * clause's start ("The average wait to speak to a call handler was"). */

/* How far a measure's words reach: a measure is a short noun phrase, and
 * a longer reach picks up the words of other figures. */
enum {
	ASIDE_MAX = 5,		/* tokens from an aside's "(" to its ")":
				 * "(42.2%)", "(MSHT)" */
	BEFORE_SKIP = 25,	/* tokens passed over from a figure back to
				 * its phrase: verbs, periods, asides */
	BEFORE_WORDS = 5,	/* words of the phrase before a figure */
	SHORT_WORDS = 4,	/* a phrase shorter than this reaches back
				 * over "of", "with" or a purpose clause ... */
	HEAD_WORDS = 7,		/* ... to this many words in all */
	SUBJECT_SKIP = 8,	/* tokens before a subject's first word */
	SUBJECT_WORDS = 4,	/* words of a subject */
	SUBJECT_PHRASES = 3,	/* phrases of a subject read on to its verb
				 * past those of a noun phrase ... */
	SUBJECT_LONG = 12,	/* ... and its words at most */
	SUBJECT_GAP = 6,	/* tokens from a subject to a quantity word:
				 * "calls were answered in an average of" */
	SHORT_OBJECT = 2,	/* words of an object that says little without
				 * its clause's subject: "held 386 sessions" */
	GOAL_WORDS = 3,		/* words of a measure of a goal alone: "the
				 * Commissioner's quarterly target" */
	GOAL_WORD = 16,		/* bytes of a word for a goal: "trajectory" */
	ASIDE_CLAUSE = 10,	/* tokens of a clause between commas inside a
				 * subject: "Orders, piloted in X from April," */
	DEED_REACH = 12,	/* tokens from "within" back to the verb of
				 * the deed done within a window */
	TOPIC_TOKENS = 6,	/* tokens of a label before a colon that says
				 * what a sentence is about */
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

/* A figure of the sentence starts at token j. */
static bool
is_figure_at(const struct ctx *c, size_t j)
{
	size_t k;

	for (k = 0; k < c->nfig; k++)
		if (c->fig[k].ts == j)
			return true;
	return false;
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
		j = skip_aside(c, skip_det(c, j + 1, b), b);	/* "72% of all calls",
								 * "of '999' calls", "of these
								 * (381) investigations" */
	/* "13 of the 14 districts": the noun after; "94% of 999 calls"
	 * keeps the channel, which is no figure */
	if (j > i && j + 1 < b && c->tok[j].kind == T_NUM &&
	    c->tok[j - 1].kind == T_WORD && noun_at(c, j + 1, b) &&
	    (tok_is(c, j - 1, b, "of") || tok_is(c, j - 1, b, "the")) &&
	    is_figure_at(c, j))
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
	/* "999 calls": a channel number that is no figure opens it */
	if (c->tok[j].kind == T_NUM && noun_at(c, j + 1, b) && !is_figure_at(c, j))
		e = np_end(c, j + 1, b);
	else
		e = np_end(c, j, b);
	*head_end = e;
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

/* The words of verb v, a sentence ending before b: the verb and a
 * particle that completes it ("carried out", "set up"), so that a label
 * names the deed whole. */
static struct span
verb_words(const struct ctx *c, size_t v, size_t b)
{
	return (struct span){v, v + 1 + (v + 1 < b && c->tok[v + 1].kind == T_WORD &&
					 (c->tag[v + 1].pos & POS(PARTICLE)))};
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
 * NO_TOKEN; a passive one ("was renewed for") only when passive is set. */
static size_t
verb_between(const struct ctx *c, size_t be, size_t i, bool passive)
{
	size_t j;

	for (j = i; j > be; j--) {
		if (clause_edge(&c->tok[j - 1]))
			break;
		if (deed_verb(&c->tok[j - 1]) ||
		    (tag_is(c, j - 1, i, P_VERB) && !direction(&c->tok[j - 1]) &&
		     !tok_has(c, j - 1, i, W(COPULA))))	/* "give" */
			return !passive && j >= be + 2 && (tok_has(c, j - 2, i, W(BE)) ||
							   tok_is(c, j - 2, i, "be")) ?
			       NO_TOKEN : j - 1;
	}
	return NO_TOKEN;
}

/* "made up 23%", "rose by 12": a direction word at j that makes the verb
 * before it a change (not "hung up."). */
static bool
phrasal_change(const struct ctx *c, size_t j, size_t b)
{
	return j < b && direction(&c->tok[j]) &&
	       (tag_is(c, j + 1, b, P_NUM) || tok_is(c, j + 1, b, "by") ||
		(tok_is(c, j + 1, b, "to") && !tag_is(c, j + 2, b, P_DET) &&
		 !noun_at(c, j + 2, b)));	/* not "signed up to the scheme" */
}

/* The verb of the clause a verb of saying at j reports ("felt" in "said
 * they felt safer", "agreed that the service was good"), NO_TOKEN when
 * j says nothing or no verb follows. */
static size_t
said_clause(const struct ctx *c, size_t j, size_t b, size_t *from)
{
	size_t k = j + 1, g;
	bool aux, neg = false;

	if (!(c->tag[j].pos & POS(SAY)))
		return NO_TOKEN;
	if (tok_is(c, k, b, "that"))
		k++;
	if (tag_is(c, k, b, P_PRON))
		k++;
	else if (tag_is(c, k, b, P_DET) && noun_at(c, k + 1, b))
		k = np_end(c, k + 1, b);
	for (g = k, aux = false; k < b && (tag_is(c, k, b, P_AUX) || tag_is(c, k, b, P_ADV)); k++) {
		aux = aux || tag_is(c, k, b, P_AUX);
		neg = neg || (c->tag[k].pos & POS(NEGATION));
	}
	/* "would not report again": a negation is what was said */
	*from = neg ? g : k;
	/* "said they would not report again": after an auxiliary, a base
	 * form is the verb, whatever the lexicon says it names */
	return k > j + 1 && (tag_is(c, k, b, P_VERB) ||
			     (aux && k < b && base_verb(&c->tok[k]))) &&
	       !tok_has(c, k, b, W(COPULA)) ? k : NO_TOKEN;
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

	/* "Two men, aged 34 and 41, have been charged": an aside between
	 * commas, without a figure, before the verb */
	if (tok_punct(c, j, b, ',')) {
		size_t q = j + 1;

		while (q < b && q <= j + ASIDE_CLAUSE && !tok_punct(c, q, b, ',') &&
		       !in_figure(c, q))
			q++;
		if (q > j + 1 && tok_punct(c, q, b, ',') &&
		    (tag_is(c, q + 1, b, P_AUX) || tag_is(c, q + 1, b, P_VERB)))
			j = q + 1;
	}

	j = skip_period(c, j, b);	/* "calls in August were answered" */
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
	    !tok_has(c, j, b, W(COPULA)) && !phrasal_change(c, j + 1, b) &&
	    !tok_has(c, j, b, W(SHARE_VERB)) && !tok_is(c, j + 1, b, "of")) {
		size_t e, from = j, k = said_clause(c, j, b, &from);

		if (k != NO_TOKEN)
			j = k;	/* "said they felt safer": what was said */
		else
			from = j;
		k = j + 1;
		if (k < b && c->tok[k].kind == T_WORD && (c->tag[k].pos & POS(PARTICLE)))
			k++;	/* "signed up to the scheme" */
		/* "were killed or seriously injured": participles joined */
		if ((tok_is(c, k, b, "or") || tok_is(c, k, b, "and")) &&
		    participle_at(c, k + 1 + tag_is(c, k + 1, b, P_ADV), b) &&
		    verb_like(&c->tok[k + 1 + tag_is(c, k + 1, b, P_ADV)]))
			k += 2 + tag_is(c, k + 1, b, P_ADV);
		e = np_post(c, k, b);

		/* "took part", "came online", "joined the scheme" */
		if (e == k && noun_at(c, skip_det(c, k, b), b) &&
		    !period_word(c, skip_det(c, k, b), b))
			e = np_post(c, np_end(c, skip_det(c, k, b), b), b);
		return (struct span){from, e};
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
	/* "of which 33.4% had a positive outcome": what the part has */
	if (aux && j > pe && tok_has(c, j - 1, b, W(HAVE)) && tag_is(c, j, b, P_DET) &&
	    noun_at(c, skip_det(c, j, b), b))
		return (struct span){j, np_post(c, np_end(c, skip_det(c, j, b), b), b)};
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
		/* "as 31 older cadets left": a clause of its own */
		if (j == lead && (tok_is(c, j - 1, b, "as") || tag_is(c, j - 1, b, P_CONJ)))
			return true;
		/* "showed that (only) 1% of victims" */
		if (tok_is(c, j - 1, b, "that") && (j == lead || tag_is(c, j, b, P_ADV)))
			return true;
		if (c->tag[j - 1].period)
			continue;
		if (tag_is(c, j - 1, b, P_AUX) ||
		    (tag_is(c, j - 1, b, P_VERB) && !(j < lead &&
						      noun_at(c, j, b))))
			return false;
	}
	return true;
}

static struct span clause_np(const struct ctx *c, size_t a, size_t lead,
			     size_t b, bool at_verb);

/* "The average time from call to the first appliance arriving at a
 * dwelling fire was": a subject whose phrases go on past those a noun
 * phrase takes (np_post), read on to its verb group at v; j is its first
 * word, *e where np_post ended.  When all of it up to v is phrases of the
 * subject, *e becomes the end of its last phrase within SUBJECT_LONG
 * words, and the answer is v; else *e stays and the answer is *e. */
static size_t
subject_rest(const struct ctx *c, size_t j, size_t *e, size_t v)
{
	size_t full = *e, k, n, cut = *e;

	for (n = 0; full < v && n < SUBJECT_PHRASES; n++) {
		k = np_post(c, full, v);
		/* "arriving at a dwelling fire": a participle's phrase */
		if (k == full && participle_at(c, full, v) && !c->tok[full].cap &&
		    tag_is(c, full + 1, v, P_PREP))
			k = np_post(c, full + 1, v);
		/* "Working days lost per employee were": a subject's rate */
		if (k == full && tok_is(c, full, v, "per"))
			k = np_end(c, skip_det(c, full + 1, v), v);
		if (k <= full)
			break;
		full = k;
		if (words_in(c, (struct span){j, full}) <= SUBJECT_LONG)
			cut = full;
	}
	if (full != v)
		return *e;
	*e = cut;
	return v;
}

/* "a total of 214", "an average of 20 hours", "A total of £2.3m was
 * recovered": where the quantity's words before the figure at lead
 * start (back to lo), or lead when there are none. */
static size_t
quantity_lead(const struct ctx *c, size_t lo, size_t lead, size_t b)
{
	size_t j = lead;

	if (j >= lo + 2 && tok_is(c, j - 1, b, "of") &&
	    (tok_has(c, j - 2, b, W(QUANTITY)) || tok_is(c, j - 2, b, "total"))) {
		j -= 2;
		if (j > lo && tag_is(c, j - 1, b, P_DET))
			j--;
	}
	return j;
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
	j = quantity_lead(c, lo, j, b);
	while (j > lo && tag_is(c, j - 1, b, P_ADV))
		j--;	/* "approximately" */
	/* "on 58 occasions", "to 24,735 young people" */
	if (j > lo && tag_is(c, j - 1, b, P_PREP) && !tok_is(c, j - 1, b, "of"))
		j--;
	while (j > lo && tag_is(c, j - 1, b, P_ADV))
		j--;
	/* "were set up at 22 events": a verb's particle */
	if (j > lo + 1 && c->tok[j - 1].kind == T_WORD &&
	    (c->tag[j - 1].pos & POS(PARTICLE)) && tag_is(c, j - 2, b, P_VERB))
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
	/* "The network has 64 trained supporters", "The aim is 300
	 * Specials": have or be as the verb */
	if (*verb == NO_TOKEN && j < lead && tok_has(c, j, b, W(HAVE) | W(BE)) &&
	    !tag_is(c, j + 1, b, P_VERB))
		*verb = j;
	if (*verb == NO_TOKEN)
		return (struct span){j, j};
	while (j > lo && (tag_is(c, j - 1, b, P_ADV) || c->tag[j - 1].period ||
			  (j < lead && c->tag[j].period && tag_is(c, j - 1, b, P_PREP))))
		j--;	/* "Essex Police currently retains", "kits issued in
			 * January have been used" */
	/* "Operation X, the summer knife crime operation, recovered" */
	if (j > lo + 1 && tok_punct(c, j - 1, b, ',') && np_start(c, lo, j - 1, b) < j - 1)
		j--;
	/* "Orders, piloted in Ashdown from April, were granted" */
	else if (j > lo + 1 && tok_punct(c, j - 1, b, ',')) {
		size_t q = j - 1;

		while (q > lo + 1 && !tok_punct(c, q - 1, b, ',') && j - q < ASIDE_CLAUSE)
			q--;
		if (q > lo + 1 && tok_punct(c, q - 1, b, ',') && participle_at(c, q, b))
			j = q - 1;
	}
	/* "the team, which now has 23 officers": the noun before "which" */
	if (j > lo && tag_is(c, j - 1, b, P_REL)) {
		j--;
		if (j > lo && tok_punct(c, j - 1, b, ','))
			j--;
	}
	a = np_start(c, lo, j, b);
	/* "Stop and search rose to": both nouns, when the first opens the
	 * clause (not "made 40 arrests and staff gave") */
	if (a < j && a > lo + 1 && (tok_is(c, a - 1, b, "and") || tok_is(c, a - 1, b, "or")) &&
	    noun_at(c, a - 2, b)) {
		size_t a2 = np_start(c, lo, a - 1, b);

		if (a2 < a - 1 && (a2 == lo || clause_edge(&c->tok[a2 - 1]) ||
				   (a2 == lo + 1 && tag_is(c, lo, b, P_DET))))
			a = a2;
	}
	/* "The new kits issued in January have been used": read forwards */
	if (a == j) {
		struct span fw = clause_np(c, lo, j, b, true);

		if (fw.b > fw.a)
			return fw;
	}
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
			  tag_is(c, j - 1, b, P_DET) || c->tag[j - 1].period) &&
	       !tok_is(c, j - 1, b, "of"))
		j--;	/* "at", "to", "by", "currently", "showed a" */
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
clause_np(const struct ctx *c, size_t a, size_t lead, size_t b, bool at_verb)
{
	size_t v = at_verb ? lead : verb_group(c, a, lead, b), j = a, e;

	if (v == NO_TOKEN)
		return (struct span){a, a};
	while (j < v && (c->tag[j].period || c->tok[j].kind == T_PUNCT ||
			 tag_is(c, j, b, P_DET) || tag_is(c, j, b, P_ADV) ||
			 date_has(c, j, b, DATE(PREP))))
		j++;	/* "In the last quarter, the ..." */
	e = np_end(c, j, v);
	if (e == j)
		return (struct span){a, a};
	/* "Stop and search rose", "Officers and staff gave": the subject
	 * is both */
	if ((tok_is(c, e, b, "and") || tok_is(c, e, b, "or")) && noun_at(c, e + 1, v))
		e = np_end(c, e + 1, v);
	e = np_post(c, e, v);
	{
		size_t q = subject_rest(c, j, &e, v);

		while (q < v && (tag_is(c, q, b, P_ADV) || c->tag[q].period))
			q++;
		q = skip_period(c, q, v);	/* "issued in January" */
		return q == v ? (struct span){j, e} : (struct span){a, a};
	}
}

/* The words of span w but "and", "or" and signs: "officers and staff"
 * is two. */
static size_t
nouns_in(const struct ctx *c, struct span w)
{
	size_t j, n = 0;

	for (j = w.a; j < w.b; j++)
		n += c->tok[j].kind != T_PUNCT && !tag_is(c, j, w.b, P_CONJ);
	return n;
}

/* The subject of sentence s: its first noun phrase with its own phrases,
 * when a verb follows them ("Satisfaction remains below the aim"). */
static struct span
sentence_subject(const struct ctx *c, struct span s)
{
	size_t j = s.a, e;

	while (j < s.b && (c->tag[j].period || c->tok[j].kind == T_PUNCT ||
			   tag_is(c, j, s.b, P_DET) || tag_is(c, j, s.b, P_ADV) ||
			   date_has(c, j, s.b, DATE(PREP))))
		j++;
	e = np_end(c, j, s.b);
	if (e == j)
		return (struct span){j, j};
	e = np_post(c, e, s.b);
	while (e < s.b && tag_is(c, e, s.b, P_ADV))
		e++;
	return tag_is(c, e, s.b, P_VERB) || tag_is(c, e, s.b, P_AUX) ||
	       tok_has(c, e, s.b, W(LINK) | W(COPULA)) ?
	       (struct span){j, np_post(c, np_end(c, j, s.b), s.b)} :
	       (struct span){j, j};
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

/* "Our first appliance arrived within 10 minutes on 87% of occasions",
 * "In 45% of cases, the victim knew the offender": a share of occasions
 * counts the times what its clause says happened, so that clause is the
 * measure: the one before "on/in", or the one after the comma when the
 * share opens the sentence.  False when f is no such share. */
static bool
occasion_share(const struct ctx *c, struct span s, const struct fig *f,
	       size_t lead, struct buf *m)
{
	size_t b = s.b, j, e, k, ne = NO_TOKEN;
	bool deed = false;

	if (strcmp(f->unit, "percent") || !tok_is(c, f->ue, b, "of") ||
	    f->ue + 1 >= b || c->tok[f->ue + 1].kind != T_WORD ||
	    lead == s.a || !tag_is(c, lead - 1, b, P_PREP))
		return false;
	for (j = lead - 1; j > s.a && !clause_edge(&c->tok[j - 1]); j--)
		;
	e = lead - 1;
	/* "The first pump arrived within 8 minutes at 78.2% of dwelling
	 * fires": a share of events of a named kind, when a deed before it
	 * says what happened at them: the deed, then where ("at dwelling
	 * fires"); not "stood at 78% of respondents" */
	if (!(c->tag[f->ue + 1].pos & POS(OCCASION))) {
		for (k = j; k < e; k++) {
			if (tok_has(c, k, b, W(SHARE_VERB)))
				return false;	/* "made up 31% of cases" */
			deed = deed || (tag_is(c, k, b, P_VERB) && deed_verb(&c->tok[k]));
		}
		if (!deed || j == e || !noun_at(c, skip_det(c, f->ue + 1, b), b) ||
		    !(tok_is(c, e, b, "at") || tok_is(c, e, b, "in") || tok_is(c, e, b, "on")))
			return false;
		ne = np_end(c, skip_det(c, f->ue + 1, b), b);
	}
	if (j == e) {		/* the share opens: the clause after it */
		j = f->ue + 2 + tok_punct(c, f->ue + 2, b, ',');
		for (e = j; e < b && !clause_edge(&c->tok[e]) &&
		     !tok_punct(c, e, b, '.'); e++)
			;
	}
	while (j < e && (tag_is(c, j, b, P_DET) || tag_is(c, j, b, P_PRON)))
		j++;		/* "Our", "the" */
	if (words_in(c, (struct span){j, e}) < 2)
		return false;
	add_words(m, c, (struct span){j, e});
	if (ne != NO_TOKEN) {
		add_words(m, c, (struct span){lead - 1, lead});
		add_words(m, c, (struct span){skip_det(c, f->ue + 1, b), ne});
	}
	return true;
}
