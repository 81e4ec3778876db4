/* roles.c: stage 3, roles: each figure is a value, a target, an earlier
 * figure (prev), a change or a relative change.  The figures are those
 * of sentence s, in c->fig. */

enum {
	NOUN_WORDS = 5,		/* words of a counted noun before its verb:
				 * "3 new firearms officers will join" */
	JOIN_GAP = 7,		/* tokens between coordinated figures: "331
				 * drink drivers and 224 drug drivers" */
	FROM_REACH = 2		/* tokens before "from" where a change word
				 * makes it a prev: "up from 464" */
};

/* The clause of sentence s around token i. */
static struct span
clause_of(const struct ctx *c, struct span s, size_t i)
{
	struct span cl = {i, i};

	while (cl.a > s.a && !clause_edge(&c->tok[cl.a - 1]))
		cl.a--;
	while (cl.b < s.b && !clause_edge(&c->tok[cl.b]))
		cl.b++;
	return cl;
}

/* "within target", "on target", "above target": the word at j names a
 * goal met or missed, it does not make the figure one (within: the
 * tokens that can tell). */
static bool
measured_against(const struct ctx *c, struct span within, size_t j)
{
	return j > within.a && tok_has(c, j - 1, within.b, W(GOAL_PREP)) &&
	       !tok_is(c, j + 1, within.b, "of");
}

/* "targeted patrols", "planned work": a participle before a noun
 * describes it ("planned 130 checks" and "expected to" are cues). */
static bool
adjectival(const struct ctx *c, size_t j, size_t end)
{
	return verb_like(&c->tok[j]) && j + 1 < end &&
	       c->tok[j + 1].kind == T_WORD && content_word(&c->tok[j + 1]) &&
	       !(c->tok[j + 1].cls & NUMBER_WORD);
}

/* "attended within the target time in 93% of calls": a goal's word in
 * a window (after "within", "the" between) is the window's, and says
 * nothing of the figure after it. */
static bool
window_goal(const struct ctx *c, size_t cs, size_t j, size_t ce)
{
	size_t k = j > cs && tag_is(c, j - 1, ce, P_DET) ? j - 1 : j;

	return k > cs && tok_has(c, k - 1, ce, W(WINDOW_PREP));
}

/* A goal's word at j that is a deed: "Activity to target two groups",
 * "Operation X targeted three groups" (not "aimed to recruit"). */
static bool
goal_as_deed(const struct ctx *c, size_t cs, size_t j, size_t ce)
{
	const struct tok *t = &c->tok[j];
	size_t n = strlen(t->low);

	if (j > cs && tok_is(c, j - 1, ce, "to") && (tok_is(c, j, ce, "target") ||
						     tok_is(c, j, ce, "deliver")))
		return true;
	return n > 4 && (!strcmp(t->low + n - 2, "ed") || !strcmp(t->low + n - 3, "ing")) &&
	       (c->tok[j + 1 < ce ? j + 1 : j].kind == T_NUM ||
		(j + 1 < ce && (c->tok[j + 1].cls & NUMBER_WORD)));
}

/* The counted noun's own future: "3 detectives will join", "two
 * officers are due to start", "40 staff are expected to transfer". */
static bool
future_after(const struct ctx *c, size_t j, size_t ce)
{
	size_t n;

	for (n = 0; j < ce && n < NOUN_WORDS && c->tok[j].kind == T_WORD &&
	     content_word(&c->tok[j]) && !verb_like(&c->tok[j]); j++, n++)
		;
	if (tok_is(c, j, ce, "will") || tok_is(c, j, ce, "shall"))
		return true;
	return (tok_is(c, j, ce, "are") || tok_is(c, j, ce, "is")) &&
	       tok_has(c, j + 1, ce, W(SOON)) && tok_is(c, j + 2, ce, "to");
}

/* A unit of time: seconds up to years. */
static bool
time_unit(const char *u)
{
	static const char *const t[] = {"seconds", "minutes", "hours", "days",
					"weeks", "months", "years"};
	size_t k;

	for (k = 0; k < sizeof t / sizeof t[0]; k++)
		if (!strcmp(u, t[k]))
			return true;
	return false;
}

static size_t lead_token(const struct ctx *c, struct span s, const struct fig *f);

/* Figure f of sentence s is a goal, plan or forecast: the cue that says
 * so, or NULL. */
static const char *
is_target(const struct ctx *c, struct span s, const struct fig *f)
{
	struct span cl = clause_of(c, s, f->ts);
	size_t cs, ce, j;

	/* a cue before the figure ("aims to train 300", "will grow to 400")
	 * and after any figure before it, or a participle after it ("25
	 * checks are planned"); "11 minutes against a target of 15" makes
	 * only the 15 a target, "kits will be kept for 25 years" none */
	/* "will start in May, taking the total to 210": the participle's
	 * clause goes on with the one before */
	if (cl.a > s.a + 1 && tok_punct(c, cl.a - 1, s.b, ',') &&
	    tok_has(c, cl.a, s.b, W(RUNNING_TOTAL))) {
		if (f != c->fig && f[-1].role == R_TARGET && f[-1].ue <= cl.a)
			/* "will recruit 60, taking the total to 400" */
			return "the total that a target before it goes on to";
		cl.a = clause_of(c, s, cl.a - 2).a;
	}
	if (f != c->fig && f[-1].ue > cl.a && f[-1].ue <= f->ts)
		cl.a = f[-1].ue;	/* "a target of 90%, met with 91.3%" */
	cs = cl.a;
	ce = cl.b;
	/* "against a plan of 35", "a trajectory of 1,960": a goal's noun
	 * (tables.tsv) and "of" right before it */
	j = lead_token(c, s, f);
	if (j >= cs + 2 && tok_is(c, j - 1, ce, "of") && goal_word_at(c, j - 2, ce) &&
	    !measured_against(c, cl, j - 2))
		return "a goal's noun and of before it (a plan of 35)";
	/* "(target: 90%)", "standard: 80%": a goal's word labels it */
	if (j >= s.a + 2 && tok_punct(c, j - 1, s.b, ':') && tok_has(c, j - 2, s.b, W(TARGET)))
		return "a goal's word and a colon before it (target: 90%)";
	/* "kits will be kept for 25 years": how long, a rule not a goal;
	 * but "will patrol for at least 15 minutes" sets a minimum */
	j = f->ts - phrase_ending(c, cs, f->ts, W(APPROX), NULL);
	if (j > cs && tok_is(c, j - 1, ce, "for") && time_unit(f->unit) &&
	    !(f->approx && !strcmp(f->approx, ">=")))
		return NULL;
	for (j = cs; j < f->ts; j++)
		if (tok_has(c, j, ce, W(TARGET)) && !measured_against(c, cl, j) &&
		    !adjectival(c, j, ce) && !goal_as_deed(c, cs, j, ce) &&
		    !window_goal(c, cs, j, ce))
			return "a goal word before it in its clause (aims, will)";
	if (future_after(c, f->ue, ce))
		return "its noun's own future after it (will join, are due to)";
	/* the cues after it are the next figure's when a goal word stands
	 * between them: "76 short of the target of 1,960 by March" makes
	 * 1,960 a target, not 76 ("intakes of 48 and 52 officers are
	 * planned" makes both) */
	if (f + 1 < c->fig + c->nfig && f[1].ts < ce)
		for (j = f->te; j < f[1].ts; j++)
			if (tok_has(c, j, ce, W(TARGET))) {
				ce = f[1].ts;
				break;
			}
	for (j = f->te; j < ce; j++)
		if (tok_has(c, j, ce, W(PLAN)))
			return "a participle after it (planned, expected)";
	/* "due to open" (not "due to the rise", "due to delays") */
	for (j = f->te; j + 2 < ce; j++)
		if (tok_is(c, j, ce, "due") && tok_is(c, j + 1, ce, "to") &&
		    base_verb(&c->tok[j + 2]))
			return "\"due to\" and a verb after it";
	/* "by March 2020", "by the end of the year"; not after what was:
	 * "fell to 301 by the end of March" */
	for (j = cs; j < f->ts; j++)
		if (c->tok[j].kind == T_WORD && (verb_like(&c->tok[j]) ||
						 tok_is(c, j, ce, "was") ||
						 tok_is(c, j, ce, "were") ||
						 (direction(&c->tok[j]) &&
						  (c->tok[j].cls & W(LINK)))))
			return NULL;
	for (j = f->te; j + 1 < ce; j++)
		if (tok_is(c, j, ce, "by") &&
		    (is_month(c, j + 1, ce) || tok_is(c, j + 1, ce, "end") ||
		     (tok_is(c, j + 1, ce, "the") && tok_is(c, j + 2, ce, "end"))))
			return "a deadline after it (by March, by the end)";
	return NULL;
}

/* The nearest change word in [from, to), scanning backwards. */
static int
direction_before(const struct ctx *c, size_t from, size_t to)
{
	int d;

	while (to > from)
		if ((d = direction(&c->tok[--to])) != 0)
			return d;
	return 0;
}

/* Inside parentheses opened earlier in the sentence. */
static bool
in_parens(const struct ctx *c, size_t a, size_t i)
{
	while (i > a) {
		const struct tok *t = &c->tok[--i];

		if (t->kind == T_PUNCT && t->cp == ')')
			return false;
		if (t->kind == T_PUNCT && t->cp == '(')
			return true;
	}
	return false;
}

/* A comparison word in the clause before token i, after the figure
 * before it (which ends at a). */
static bool
compared_before(const struct ctx *c, size_t a, size_t i)
{
	while (i > a && !clause_edge(&c->tok[i - 1])) {
		i--;
		if (tok_has(c, i, i + 1, W(COMPARE)))
			return true;
	}
	return false;
}

/* Only a few plain words and an "and" between two figures: the second
 * is coordinated with the first ("331 drink drivers and 224 drug"). */
static bool
joined(const struct ctx *c, size_t from, size_t to)
{
	size_t j;
	bool and = false;

	if (to < from || to - from > JOIN_GAP)
		return false;
	for (j = from; j < to; j++) {
		const struct tok *t = &c->tok[j];

		if (tok_is(c, j, to, "and") || tok_is(c, j, to, "or"))
			and = true;
		else if (t->kind != T_WORD || (t->cls & (W(STOP) |
				W(TARGET) | W(RISE) | W(FALL))))
			return false;
	}
	return and;
}

/* The token before the figure's qualifier and currency: "from" in "up
 * from more than £4m". */
static size_t
lead_token(const struct ctx *c, struct span s, const struct fig *f)
{
	size_t p = fig_start(c, s, f);

	if (f->approx)
		p -= phrase_ending(c, s.a, p, W(APPROX), NULL);
	return p;
}

/* Figure f has a noun of its own, not the noun of a figure before it
 * ("against 2,987 domestic abuse crimes" after "1,173 arrests"). */
static bool
own_noun_differs(const struct ctx *c, const struct fig *f, size_t b)
{
	const char *mine = head_noun(c, f, b), *theirs;
	const struct fig *g;

	if (!mine)
		return false;
	for (g = c->fig; g < f; g++)
		if (!(theirs = head_noun(c, g, b)) || !strcmp(mine, theirs) ||
		    (strlen(mine) > 3 && !strncmp(mine, theirs, strlen(mine) - 1)))
			return false;	/* "against 180 vans" after "210 vans" */
	return true;
}

/* "up from 464", "compared to 76,803", "versus", "higher than" (but
 * "from 13 to 17 years" is a range, and "from" needs a change or an
 * earlier value: "3,000 from 45 schools" is not a comparison); p is the
 * lead token. */
static const char *
is_prev(const struct ctx *c, struct span s, const struct fig *f, size_t p,
	bool have_value)
{
	if (p <= s.a || f->has_max)
		return NULL;
	if (tok_is(c, p - 1, s.b, "from"))
		return have_value || tok_is(c, f->ue, s.b, "to") ||
		       direction_before(c, p - 1 > s.a + FROM_REACH ?
					   p - 1 - FROM_REACH : s.a, p - 1) ?
		       "after from, with a value or a change word before it" : NULL;
	if (!phrase_ending(c, s.a, p, W(PREV_LEAD), NULL))
		return NULL;
	/* "1,173 arrests ..., against 2,987 domestic abuse crimes": a noun
	 * of its own, not the value's, counts something else */
	if (tok_is(c, p - 1, s.b, "against") && f != c->fig && own_noun_differs(c, f, s.b))
		return NULL;
	return "after compared to, versus, higher than (prev-lead)";
}

/* Give figure f its role, and the rule that gave it (--explain). */
static bool
set_role(struct fig *f, enum role role, const char *why)
{
	f->role = role;
	f->why = why;
	return true;
}

static bool
set_change(struct fig *f, enum role role, int sign, const char *why)
{
	f->sign = sign;
	return set_role(f, role, why);
}

/* Change words before the figure: "an increase of 1,950", "increased by
 * 8%", "up 218%", "(-2.1%)", "(an additional 2,424 calls)". */
static bool
change_before(const struct ctx *c, struct span s, struct fig *f, size_t p,
	      bool compared)
{
	size_t a = s.a, b = s.b;
	bool pct = !strcmp(f->unit, "percent"), pp = !strcmp(f->unit, "pp");
	size_t i = f->ts;
	int d;

	if (p > a + 1 && (tok_is(c, p - 1, b, "of") || tok_is(c, p - 1, b, "by")) &&
	    ((d = direction(&c->tok[p - 2])) != 0 ||
	     (tok_is(c, p - 1, b, "by") && (d = direction_before(c, a, p - 1)) != 0)))
		return set_change(f, pct ? R_PCT : R_CHANGE, d,
				  "a change word and of/by before it (a rise of)");
	if (pct && i >= a + 2 && !c->tok[i].sp && tok_punct(c, i - 2, b, '(') &&
	    (tok_dash(c, i - 1, b) || tok_punct(c, i - 1, b, '+')))
		return set_change(f, R_PCT, tok_dash(c, i - 1, b) ? -1 : 1,
				  "a signed share in parentheses: (-4.2%)");
	/* not "made up 23%" */
	if (p > a && (pct || pp) && (d = direction(&c->tok[p - 1])) != 0 &&
	    !tok_has(c, p - 1, b, W(MORE)) &&
	    !(p > a + 1 && tok_has(c, p - 2, b, W(PHRASAL))))
		return set_change(f, pct ? R_PCT : R_CHANGE, d,
				  "a change word just before a share (up 12%)");
	/* "the force lost 12 officers", "cut 40 offences": a fall in what
	 * the subject has (not "lost 5.3% of their hours", "cut ... from
	 * 389 to 243") */
	if (p > a && !strcmp(f->unit, "count") && !f->paren &&
	    ((c->tag[p - 1].pos & POS(LOSS)) ||
	     (direction(&c->tok[p - 1]) < 0 && tag_is(c, p - 1, b, P_VERB))) &&
	    head_noun(c, f, b) && !tok_is(c, f->ue, b, "to") && !tok_is(c, f->ue, b, "from"))
		return set_change(f, R_CHANGE, -1,
				  "lost or cut before a count (lost 12 officers)");
	if (p > a && !pct && compared && tok_has(c, p - 1, b, W(MORE)) &&
	    !tok_is(c, p - 1, b, "further"))
		return set_change(f, R_CHANGE, direction(&c->tok[p - 1]),
				  "more or fewer before it, beside another figure");
	return false;
}

/* Change words after the figure: "19% increase", "5,599 fewer calls",
 * "51 additional officers" (more/fewer only beside another figure). */
static bool
change_after(const struct ctx *c, size_t b, struct fig *f, bool compared)
{
	bool pct = !strcmp(f->unit, "percent"), pp = !strcmp(f->unit, "pp");
	size_t e = f->te;
	int d;

	if (e >= b || c->tok[e].kind != T_WORD || (d = direction(&c->tok[e])) == 0)
		return false;
	/* "with two more progressing", "the 500 additional officers": more
	 * of the same, counted; "14 drop-in surgeries": a compound */
	if (tok_has(c, e, b, W(MORE)) && f->ts > 0 && (tok_is(c, f->ts - 1, b, "with") ||
						       tok_is(c, f->ts - 1, b, "the")))
		return false;
	if (e + 1 < b && tok_dash(c, e + 1, b) && !c->tok[e + 1].sp)
		return false;
	/* "19 fewer than a year earlier": a comparison said in full */
	if (tok_has(c, e, b, W(MORE)) && tok_is(c, e + 1, b, "than"))
		compared = true;
	if (pct && tok_has(c, e, b, W(CHANGE_NOUN) | W(PCT_DIRECTION) | W(MORE)))
		return set_change(f, R_PCT, d,
				  "a change word after a share (12% higher)");
	/* "40 fewer burglaries": fewer is always a comparison */
	if (!pct && (tok_has(c, e, b, W(CHANGE_NOUN)) ||
		     (tok_has(c, e, b, W(MORE)) && (compared || pp || d < 0))))
		return set_change(f, R_CHANGE, d,
				  "a change word after it (62 fewer, 19 increase)");
	return false;
}

/* Sentence s opens with "In contrast" or "By comparison" and names a
 * period before figure f. */
static bool
contrast_before(const struct ctx *c, struct span s, const struct fig *f)
{
	size_t k;

	if (!lex_phrase(c->pos_lx, c->word + s.a, s.b - s.a, POS(CONTRAST), NULL, NULL))
		return false;
	for (k = 0; k < c->nperiod; k++)
		if (c->period[k].b <= f->ts)
			return true;
	return false;
}

/* The role of figure f of sentence s (have_value: a value or target
 * came before it), and the rule that gave it. */
static void
assign_role(struct ctx *c, struct span s, struct fig *f, bool have_value)
{
	size_t a = s.a, b = s.b;
	bool compared = have_value || in_parens(c, a, f->ts);
	size_t p = lead_token(c, s, f);
	const char *why;
	int d;

	if ((why = is_prev(c, s, f, p, have_value))) {
		set_role(f, R_PREV, why);
		return;
	}
	if (change_before(c, s, f, p, compared) ||
	    change_after(c, b, f, compared))
		return;
	/* "a rise of 14% (148 offences)": the count of the relative change
	 * before it */
	if (f != c->fig && f[-1].role == R_PCT && strcmp(f->unit, "percent") &&
	    f->ts >= a + 1 && tok_punct(c, f->ts - 1, b, '(') && f[-1].ue + 1 == f->ts) {
		set_change(f, R_CHANGE, f[-1].sign,
			   "a count in parentheses after a relative change");
		return;
	}
	if (!strcmp(f->unit, "pp")) {
		set_change(f, R_CHANGE, direction_before(c, a, b) < 0 ? -1 : 1,
			   "percentage points are a change");
		return;
	}
	/* "(2.5%)" after an increase */
	if (!strcmp(f->unit, "percent") && f->paren &&
	    (have_value || f != c->fig) && (d = direction_before(c, a, f->ts)) != 0) {
		set_change(f, R_PCT, d,
			   "a share in parentheses after a change word");
		return;
	}
	/* "(2022/23: 2,104)", "(Q1 was 44.80)": an earlier period's figure */
	if (in_parens(c, a, f->ts) && f->ts >= a + 2 &&
	    (tok_punct(c, f->ts - 1, b, ':') ||
	     (have_value && (tok_is(c, f->ts - 1, b, "was") || tok_is(c, f->ts - 1, b, "were")))) &&
	    (c->tok[f->ts - 2].kind == T_NUM || c->tok[f->ts - 2].kind == T_CODE ||
	     is_month(c, f->ts - 2, b))) {
		set_role(f, R_PREV,
			 "labelled with a period in parentheses (2022/23: 912)");
		f->when_back = true;
		return;
	}
	/* "(277)" after "compared to the same period last year"; "compares
	 * to 331 drink drivers and 224 drug drivers" */
	if (f->paren && compared_before(c, f != c->fig && f[-1].ue > a ? f[-1].ue : a,
				    f->ts - 1)) {
		set_role(f, R_PREV,
			 "in parentheses after compared to ... in its clause");
		return;
	}
	/* "a rise of 12% on the same quarter last year (1,274)" */
	if (f->paren && have_value && earlier_period_ends(c, f->ts - 1)) {
		set_role(f, R_PREV, "in parentheses after an earlier period");
		f->when_back = true;
		return;
	}
	/* "(4,390 in the same quarter last year)" */
	if (have_value && in_parens(c, a, f->ts) &&
	    earlier_period_starts(c, f->ue, b)) {
		set_role(f, R_PREV, "in parentheses before an earlier period");
		return;
	}
	/* "In contrast, in October 2024, 55% of calls were answered": the
	 * figure the sentence before is compared with */
	if (!have_value && !f->paren && contrast_before(c, s, f)) {
		set_role(f, R_PREV, "a sentence of contrast with a period before it");
		f->when_back = true;
		return;
	}
	if (f != c->fig && f[-1].role == R_PREV && joined(c, f[-1].ue, f->ts)) {
		set_role(f, R_PREV, "joined by and to the prev before it");
		f->coord = true;
		return;
	}
	if ((why = is_target(c, s, f)))
		set_role(f, R_TARGET, why);
	else
		set_role(f, R_VALUE, "no cue of another role");
}
