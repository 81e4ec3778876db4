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
	SUBJECT_GAP = 6		/* tokens from a subject to a quantity word:
				 * "calls were answered in an average of" */
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

/* Content words after the figure, from token i: "366 drink drivers",
 * "19,871 hours of high visibility policing", "72% of referred crimes". */
static struct span
phrase_after(const struct ctx *c, size_t i, size_t b)
{
	size_t j = i, n = 0, k, ps;

	j = skip_aside(c, j, b);
	while (j < b && c->tok[j].kind == T_PUNCT && is_quote(c->tok[j].cp))
		j++;
	if (j < b && c->tok[j].kind == T_NUM && j + 1 < b &&
	    c->tok[j + 1].kind == T_PUNCT && is_quote(c->tok[j + 1].cp))
		j += 2;		/* '999' calls */
	if (tok_is(c, j, b, "of") && j + 1 < b && (c->tok[j + 1].kind == T_WORD ||
						    c->tok[j + 1].kind == T_NUM)) {
		j++;
		while (tok_is(c, j, b, "the") || tok_is(c, j, b, "all") ||
		       tok_is(c, j, b, "our"))
			j++;
	}
	/* "13 of the 14 districts", "94% of 999 calls": the noun after */
	if (j > i && j + 1 < b && c->tok[j].kind == T_NUM &&
		 c->tok[j - 1].kind == T_WORD && content_word(&c->tok[j + 1]) &&
		 (tok_is(c, j - 1, b, "of") || tok_is(c, j - 1, b, "the")))
		j++;
	while (j < b && modifier(&c->tok[j]))
		j++;
	ps = j;
	while (j < b && n < AFTER_WORDS) {
		const struct tok *t = &c->tok[j];

		if (n > 0 && (k = skip_aside(c, j, b)) > j) {
			j = k;
			continue;
		}
		if (n > 0 && t->kind == T_PUNCT && (t->cp == '/' || is_quote(t->cp)) &&
		    j + 1 < b && content_word(&c->tok[j + 1])) {
			j++;
			continue;
		}
		if (!content_word(t) || period_word(c, j, b) ||
		    (t->kind == T_WORD && adverb(t)))
			break;
		n++;
		j++;
		/* "face-to-face", "anti-social": glued hyphens join words */
		while (j + 1 < b && tok_dash(c, j, b) && !c->tok[j].sp &&
		       !c->tok[j + 1].sp && c->tok[j + 1].kind == T_WORD)
			j += 2;
		/* "suspected drink drivers" but "drivers arrested" */
		if (t->kind == T_WORD && verb_like(t) && n > 1)
			break;
	}
	/* "hours of high visibility policing" */
	if (n > 0 && n <= OF_HEAD_WORDS && tok_is(c, j, b, "of") && j + 1 < b &&
	    content_word(&c->tok[j + 1])) {
		size_t m = 0;

		k = j + 1;
		while (k < b && m < OF_WORDS && content_word(&c->tok[k])) {
			k++;
			m++;
		}
		return (struct span){ps, k};
	}
	return (struct span){ps, j};
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
	       (t->low[0] && (t->cls & W(LINK))) ||
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

static bool
generic_noun(const struct tok *t)
{
	return t->kind == T_WORD && (t->cls & W(GENERIC));
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
		if (deed_verb(&c->tok[j - 1]))
			return j >= be + 2 && (tok_has(c, j - 2, i, W(BE)) ||
					       tok_is(c, j - 2, i, "be")) ?
			       NO_TOKEN : j - 1;
	}
	return NO_TOKEN;
}

/* "of victims were satisfied", "of crimes were resolved": the state
 * after the counted noun (ending at pe) belongs to the measure; after a
 * share, so does a lone adjective ("34% of officers are female").
 * Returns the token of the participle or adjective, or NO_TOKEN. */
static size_t
predicate_after(const struct ctx *c, size_t pe, size_t b, bool share)
{
	size_t j = pe;

	if (!(tok_is(c, j, b, "were") || tok_is(c, j, b, "was") ||
	      tok_is(c, j, b, "are") || tok_is(c, j, b, "is")))
		return NO_TOKEN;
	j++;
	if (tok_is(c, j, b, "been") || tok_is(c, j, b, "being"))
		j++;
	if (j < b && c->tok[j].kind == T_WORD && !direction(&c->tok[j]) &&
	    (verb_like(&c->tok[j]) || tok_has(c, j, b, W(DEED))) &&
	    !tok_has(c, j, b, W(PLAN)))
		return j;
	if (share && j < b && c->tok[j].kind == T_WORD && content_word(&c->tok[j]) &&
	    !direction(&c->tok[j]) && !(c->tok[j].cls & NUMBER_WORD) &&
	    (j + 1 == b || !content_word(&c->tok[j + 1])))
		return j;
	return NO_TOKEN;
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

/* The measure from the words after the figure, into m: "366 drink
 * drivers", "£1.25m in cash", "62% of victims were satisfied",
 * "arrested 14 people".  Returns false, with those words in *after,
 * when they are only a unit or a lone verb. */
static bool
measure_after(const struct ctx *c, struct span s, const struct fig *f,
	      size_t lo, size_t lead, bool unit_tok, struct buf *m,
	      struct span *after)
{
	size_t a = s.a, b = s.b, v;
	struct span w;

	/* "almost half (48%) of all calls" */
	w = *after = phrase_after(c, f->paren && tok_is(c, f->ue + 1, b, "of") ?
				  f->ue + 1 : named_after(c, f, b), b);
	/* "812 resulted in a charge": a lone verb needs the noun before */
	if (w.b == w.a || unit_word(c, w) ||
	    (w.b == w.a + 1 && c->tok[w.a].kind == T_WORD &&
	     verb_like(&c->tok[w.a])))
		return false;
	if (!strcmp(f->unit, "percent") && (v = share_verb(c, s, lead)) != NO_TOKEN)
		add_words(m, c, phrase_before(c, s, (struct span){lo, v}));
						/* "female officers" */
	/* the unit word may precede the phrase: "1,279 hours" */
	if (unit_tok)
		add_words(m, c, (struct span){f->te - 1, tok_is(c, f->ue, b, "of") ?
							 f->ue + 1 : f->te});
	add_words(m, c, w);
	if ((v = predicate_after(c, w.b, b, !strcmp(f->unit, "percent"))) != NO_TOKEN)
		add_words(m, c, (struct span){v, v + 1});
	else if (w.b == w.a + 1 && generic_noun(&c->tok[w.a]) && lead > a &&
		 deed_verb(&c->tok[lead - 1]))
		add_words(m, c, (struct span){lead - 1, lead});	/* "people arrested" */
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

	if ((strncmp(f->unit, "hours", 5) && strncmp(f->unit, "days", 4)) ||
	    compound(c, f) || (p > s.a && tok_has(c, p - 1, s.b, W(WINDOW_PREP))) ||
	    (subj.b > subj.a && subj.b + 1 == p && tok_is(c, subj.b, s.b, "of")))
		return;
	if (subj.b > subj.a && group_noun(&c->tok[subj.b - 1]) &&
	    (v = verb_between(c, subj.b, lead)) != NO_TOKEN)
		add_words(m, c, (struct span){v, v + 1});
	add_words(m, c, (struct span){f->te - 1, f->te});
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
	struct span after, before;
	bool unit_tok = f->te > f->ts + 1 && c->tok[f->te - 1].kind == T_WORD &&
			duration_unit(c, c->tok[f->te - 1].low, &(const char *){0}) > 0;

	buf_reset(m);
	if (measure_after(c, s, f, lo, lead, unit_tok, m, &after))
		return "the words after it";
	before = phrase_before(c, s, (struct span){lo, lead});
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
		struct span subj = subject_of(c, (struct span){a, before.a});

		if (subj.b > subj.a && subj.b < before.a &&
		    before.a - subj.b <= SUBJECT_GAP) {
			add_words(m, c, subj);
			why = "the subject and the quantity word before it";
		}
	}
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
	return phrase_ending(c, s.a, fig_start(c, s, f), W(PART_OF), NULL) > 0;
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
	const char *noun = head_noun(c, whole, b);
	struct span w = phrase_after(c, f->ue, b);
	size_t v;

	buf_reset(m);
	if (noun)
		buf_adds(m, noun);
	else if (whole_m && whole_m->len)
		buf_add(m, whole_m->p, whole_m->len);
	if ((v = predicate_after(c, w.a, b, false)) != NO_TOKEN)
		add_words(m, c, (struct span){v, v + 1});
	else
		add_words(m, c, w);
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

	/* "(44%)" right after a figure counts the same thing */
	if (f->paren && o->fig > 0 && before &&
	    c->fig[o->fig - 1].ue + 1 >= f->ts - 1) {
		if (before->len)
			buf_add(&o->measure, before->p, before->len);
	} else if (o->fig > 0 && of_these(c, s, f) && !noun_after(c, f, s.b)) {
		part_of(c, s.b, f, &c->fig[o->fig - 1], before, &o->measure);
		why = "a part of the figure before (of whom, of which)";
	} else {
		why = measure_of(c, s, f, o->fig > 0 ? c->fig[o->fig - 1].te : s.a,
				 &o->measure);
	}
	if (o->measure.len == 0 && o->first != o->fig)
		why = measure_of(c, s, &c->fig[o->first],
				 o->first > 0 ? c->fig[o->first - 1].te : s.a,
				 &o->measure);
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
