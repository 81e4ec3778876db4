/* chunks.c: the parts of speech of a sentence's words and its noun
 * phrases, the grammar a figure's measure is found by (measure.c) and
 * the classes the period grammar reads (periods.c).
 *
 * A word's part of speech is its row in data/lexicon/pos.tsv (det, pron,
 * prep, conj, aux, rel, verb, adv, noun, lead: pos.classes.tsv says what
 * each is), else its form: a verb's -ed or -ing, an adverb's -ly; else a
 * noun or an adjective, which a noun phrase is made of.  So the lexicon
 * lists only closed classes and the words whose form misleads ("speed",
 * "policing", "took"); every other content word is nominal.
 *
 * A noun phrase is a run of nominal words, with what binds them: a glued
 * hyphen ("follow-up"), "/" and "&" ("Parish/Town Councils"), a quoted
 * channel number ("'999' calls"), an acronym in parentheses ("Killed and
 * Seriously Injured (KSI) casualties"), "and" between capitalised words of
 * one name, a participle before a noun ("referred crimes").  Only the
 * sentences that hold figures are tagged. */

#include "lex-pos.h"
#include "lex-tables.h"

#define TB(K) LEX_BIT(TABLES_##K)

static void tables_open(struct ctx *c);

/* Open the part-of-speech, dates and tables lexicons, once a run. */
static void
chunks_open(struct ctx *c)
{
	if (!c->pos_lx)
		c->pos_lx = lex_open(&pos_lex);
	if (!c->dates_lx)
		c->dates_lx = lex_open(&dates_lex);
	tables_open(c);
}

static void
chunks_free(struct ctx *c)
{
	lex_close(c->pos_lx);
	lex_close(c->dates_lx);
	free(c->tag);
}

/* The words tables and records are bound by (cells.c, records.c), and
 * a measure's word for a goal (measure.c). */
static void
tables_open(struct ctx *c)
{
	if (!c->tables_lx)
		c->tables_lx = lex_open(&tables_lex);
}

#define POS(K) LEX_BIT(POS_##K)
#define DATE(K) LEX_BIT(DATES_##K)

/* The part of speech of word token t, with its classes pos: the first
 * class of the lexicon in the chunker's order, else its form. */
static enum ptag
word_tag(const struct tok *t, lex_mask pos)
{
	static const struct {
		lex_mask cls;
		enum ptag p;
	} order[] = {
		{POS(DET), P_DET}, {POS(PRON), P_PRON}, {POS(PREP), P_PREP},
		{POS(CONJ), P_CONJ}, {POS(AUX), P_AUX}, {POS(REL), P_REL},
		{POS(VERB), P_VERB}, {POS(ADV), P_ADV}, {POS(NOUN), P_NOUN},
		{POS(LEAD), P_LEAD},
	};
	size_t k, n;

	if (t->cls & NUMBER_WORD)
		return P_NUM;
	for (k = 0; k < sizeof order / sizeof order[0]; k++)
		if (pos & order[k].cls)
			return order[k].p;
	if (!t->low[0])
		return P_NOUN;		/* too long for any list: a noun */
	n = strlen(t->low);
	if ((n > 4 && t->low[n - 2] == 'e' && t->low[n - 1] == 'd') ||
	    (n >= 6 && !strcmp(t->low + n - 3, "ing")))
		return P_VERB;		/* -ed, -ing */
	if (n > 3 && t->low[n - 2] == 'l' && t->low[n - 1] == 'y' && adverb(t))
		return P_ADV;
	if (t->cls & W(STOP))
		return P_ADV;		/* a function word of the metrics lists */
	return P_NOUN;
}

/* Word token i (of a sentence ending before b) is glued by a hyphen,
 * without spaces, to a word before or after it: "on-call", "out-of-hours". */
static bool
hyphen_glued(const struct ctx *c, size_t i, size_t b)
{
	return (i + 2 < b && tok_dash(c, i + 1, b) && !c->tok[i + 1].sp &&
		!c->tok[i + 2].sp && c->tok[i + 2].kind == T_WORD) ||
	       (i >= 2 && tok_dash(c, i - 1, b) && !c->tok[i - 1].sp && !c->tok[i].sp &&
		c->tok[i - 2].kind == T_WORD);
}

/* Tag the tokens of sentence s: their parts of speech and their classes
 * in the dates lexicon. */
static void
tag_sentence(struct ctx *c, struct span s)
{
	size_t i;

	chunks_open(c);
	if (c->ntok > c->cap_tag) {
		c->cap_tag = c->ntok + 64;
		c->tag = xrealloc(c->tag, c->cap_tag * sizeof *c->tag);
	}
	for (i = s.a; i < s.b; i++) {
		const struct tok *t = &c->tok[i];
		struct tag *g = &c->tag[i];
		size_t n = c->word[i].n;

		memset(g, 0, sizeof *g);
		switch (t->kind) {
		case T_NUM:
			g->p = P_NUM;
			break;
		case T_PUNCT:
			g->p = t->cp == '&' ? P_CONJ : P_PUNCT;
			break;
		case T_CODE:
			g->p = P_NOUN;
			break;
		case T_WORD:
			if (n) {
				g->pos = lex_classes(c->pos_lx, t->low, n);
				g->date = lex_lookup(c->dates_lx, t->low, n,
						     &g->date_starts);
			}
			g->p = (unsigned char)word_tag(t, g->pos);
			/* "on-call", "in-house", "off-road": a function word
			 * glued by a hyphen to a word is a compound's */
			if ((g->p == P_PREP || g->p == P_ADV) && hyphen_glued(c, i, s.b))
				g->p = P_NOUN;
			/* "the launch", "the injured": a verb's form after a
			 * determiner or "of" names a thing */
			if (g->p == P_VERB && i > s.a && (c->tag[i - 1].p == P_DET ||
							 tok_is(c, i - 1, i, "of")))
				g->p = P_NOUN;	/* "days of leave" too */
			break;
		}
	}
}

/* Token i (before b) is of part of speech p. */
static bool
tag_is(const struct ctx *c, size_t i, size_t b, enum ptag p)
{
	return i < b && c->tag[i].p == p;
}

/* Token i (before b) is in class mask of the dates lexicon. */
static bool
date_has(const struct ctx *c, size_t i, size_t b, lex_mask mask)
{
	return i < b && (c->tag[i].date & mask);
}

/* The longest dates phrase of a class in mask at token i, before b: its
 * length in tokens, 0 when none. */
static size_t
date_phrase(const struct ctx *c, size_t i, size_t b, lex_mask mask)
{
	if (i >= b || !((c->tag[i].date | c->tag[i].date_starts) & mask))
		return 0;
	return lex_phrase(c->dates_lx, c->word + i, b - i, mask, NULL, NULL);
}

/* Text s[0..n) holds word w (lower case) at a word's start, in any
 * case: "Target (%)" holds "target". */
static bool
has_word(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w), i;

	for (i = 0; i + wl <= n; i++)
		if (tolower((unsigned char)s[i]) == w[0] &&
		    strncasecmp(s + i, w, wl) == 0 &&
		    (i == 0 || !is_ascii_alpha((unsigned char)s[i - 1])))
			return true;
	return false;
}

/* ---- noun phrases ---- */

enum {
	ACRONYM_TOKENS = 4,	/* tokens from "(" to ")" of an acronym: "(KSI)" */
	POST_PHRASES = 2,	/* phrases after a noun phrase that belong
				 * to it: "hours of duty under the scheme" */
	POST_WORDS = 8,		/* ... and their words at most */
	BACK_WORDS = 6		/* words of a noun phrase read backwards */
};

/* Token j is a word for a goal (tables.tsv: "target", "aim", "plan");
 * the sentence is tagged (chunks_open). */
static bool
goal_word_at(const struct ctx *c, size_t j, size_t b)
{
	return j < b && c->tok[j].kind == T_WORD && c->word[j].n && c->tables_lx &&
	       lex_is(c->tables_lx, c->tok[j].low, c->word[j].n, TABLES_GOAL);
}

/* Token j is a noun or an adjective, not of a period phrase. */
static bool
noun_at(const struct ctx *c, size_t j, size_t b)
{
	return j < b && c->tag[j].p == P_NOUN && !c->tag[j].period;
}

/* Token j is a verb's form that can stand before a noun: "referred",
 * "stolen", "increasing" (not "came", "took"). */
static bool
participle_at(const struct ctx *c, size_t j, size_t b)
{
	const struct tok *t = &c->tok[j];
	size_t n;

	if (j >= b || c->tag[j].p != P_VERB || c->tag[j].period ||
	    (c->tag[j].pos & POS(AUX)))
		return false;
	n = strlen(t->low);
	return verb_like(t) || (c->tag[j].pos & POS(PARTICIPLE)) ||
	       ((n >= 6 || (c->tag[j].pos & POS(VERB))) && n > 3 &&
		!strcmp(t->low + n - 3, "ing"));	/* "using" */
}

/* Token j is a capitalised word of a name or title ("Killed and
 * Seriously Injured"), whatever its form. */
static bool
title_at(const struct ctx *c, size_t j, size_t b)
{
	return j < b && c->tok[j].kind == T_WORD && c->tok[j].cap &&
	       !c->tag[j].period && (c->tag[j].p == P_NOUN ||
				     c->tag[j].p == P_VERB || c->tag[j].p == P_ADV);
}

/* "(KSI)", "(MSHT)", "(DOs)" at j: an acronym in parentheses, its end;
 * j when none. */
static size_t
acronym_at(const struct ctx *c, size_t j, size_t b)
{
	size_t k;

	if (!tok_punct(c, j, b, '('))
		return j;
	for (k = j + 1; k < b && k <= j + ACRONYM_TOKENS; k++) {
		if (tok_punct(c, k, b, ')'))
			return k > j + 1 ? k + 1 : j;
		if (c->tok[k].kind != T_WORD || !c->tok[k].cap ||
		    c->tag[k].p != P_NOUN)
			return j;
	}
	return j;
}

/* "'999' calls", "(101) calls": a quoted channel number before a noun;
 * the token after the quote, or j. */
static size_t
quoted_number_at(const struct ctx *c, size_t j, size_t b)
{
	if (j + 3 < b && c->tok[j].kind == T_PUNCT && is_quote(c->tok[j].cp) &&
	    c->tok[j + 1].kind == T_NUM && c->tok[j + 2].kind == T_PUNCT &&
	    is_quote(c->tok[j + 2].cp) && noun_at(c, j + 3, b))
		return j + 3;
	return j;
}

/* A sign that glues two words of one noun phrase at j: a hyphen without
 * spaces ("follow-up"), "/" ("Parish/Town"), "&". */
static bool
glue_at(const struct ctx *c, size_t j, size_t b)
{
	if (j + 1 >= b || j == 0)
		return false;
	if (tok_dash(c, j, b))
		return !c->tok[j].sp && !c->tok[j + 1].sp;
	return tok_punct(c, j, b, '/') || tok_punct(c, j, b, '&');
}

static size_t np_end(const struct ctx *c, size_t i, size_t b);

/* Token j is a number of a figure of the sentence. */
static bool
in_figure(const struct ctx *c, size_t j)
{
	size_t k;

	for (k = 0; k < c->nfig; k++)
		if (c->fig[k].ts <= j && j < c->fig[k].ue)
			return true;
	return false;
}

/* "emergency 999 calls", "a 101 call": a number that is no figure (a
 * channel, a name) before a noun of the phrase, at j. */
static bool
name_number_at(const struct ctx *c, size_t j, size_t b)
{
	return j + 1 < b && c->tok[j].kind == T_NUM && !c->tag[j].period &&
	       !in_figure(c, j) && (noun_at(c, j + 1, b) || title_at(c, j + 1, b));
}

/* "and" or "or" at j inside a noun phrase that began at i: between two
 * parts of one name ("Killed and Seriously Injured"), or between words
 * that share the head after them ("drink and drug driving", "farm and
 * village events"). */
static bool
inner_and(const struct ctx *c, size_t i, size_t j, size_t b)
{
	size_t e;

	if (j == i || !(tok_is(c, j, b, "and") || tok_is(c, j, b, "or")))
		return false;
	if (title_at(c, j - 1, b) && title_at(c, j + 1, b))
		return true;
	if (tag_is(c, j + 1, b, P_ADV) && participle_at(c, j + 2, b))
		return true;	/* "killed or seriously injured" */
	e = np_end(c, j + 1, b);
	if (e <= j + 1 || !noun_at(c, e - 1, b))
		return false;
	/* "stop and searches"; not "40 arrests and staff gave 30 hours": the
	 * subject of a clause with a figure of its own */
	while (e < b && (tag_is(c, e, b, P_AUX) || tag_is(c, e, b, P_VERB) ||
			 tag_is(c, e, b, P_ADV)))
		e++;
	return !(e > j + 1 && tag_is(c, e, b, P_NUM) && !tag_is(c, e - 1, b, P_NOUN));
}

/* The end of the noun phrase whose first word is token i (before b): the
 * token after its last word, or i when none starts there. */
static size_t
np_end(const struct ctx *c, size_t i, size_t b)
{
	size_t j = i, last = i, k;

	while (j < b) {
		if (noun_at(c, j, b) || title_at(c, j, b) ||
		    (c->tok[j].kind == T_CODE && !c->tag[j].period)) {
			last = ++j;
			continue;
		}
		/* "annual salary cost": a period's adjective before a noun */
		if (tok_has(c, j, b, W(PERIOD_PHRASE)) && noun_at(c, j + 1, b)) {
			j++;
			continue;
		}
		/* "referred crimes", "seriously injured casualties" */
		k = j;
		if (tag_is(c, k, b, P_ADV) && k + 1 < b && participle_at(c, k + 1, b))
			k++;
		if (participle_at(c, k, b) && (noun_at(c, k + 1, b) ||
					      tok_is(c, k + 1, b, "and") ||
					      tok_is(c, k + 1, b, "or") ||
					      acronym_at(c, k + 1, b) > k + 1)) {
			j = k + 1;
			continue;
		}
		if (j > i && glue_at(c, j, b) &&
		    (noun_at(c, j + 1, b) || participle_at(c, j + 1, b) ||
		     title_at(c, j + 1, b) || (tok_dash(c, j, b) &&
		     c->tok[j + 1].kind == T_WORD))) {
			/* "follow-up", "face-to-face", "drop-in": the word
			 * after a glued hyphen is the compound's */
			if (tok_dash(c, j, b) && !noun_at(c, j + 1, b)) {
				last = j += 2;
				continue;
			}
			j++;
			continue;
		}
		if ((k = quoted_number_at(c, j, b)) > j) {
			j = k;
			continue;
		}
		if (j > i && name_number_at(c, j, b)) {
			j++;
			continue;
		}
		if (j > i && (k = acronym_at(c, j, b)) > j) {
			last = j = k;
			continue;
		}
		if (inner_and(c, i, j, b)) {
			j++;
			continue;
		}
		break;
	}
	return last;
}

/* The first word of the noun phrase that ends just before token e, not
 * before lo; e when none ends there.  Determiners, numbers and the words
 * of other phrases bound it. */
static size_t
np_start(const struct ctx *c, size_t lo, size_t e, size_t b)
{
	size_t j = e, n = 0, k;

	while (j > lo && n < BACK_WORDS) {
		if (noun_at(c, j - 1, b) || title_at(c, j - 1, b) ||
		    (c->tok[j - 1].kind == T_CODE && !c->tag[j - 1].period) ||
		    (j < e && tok_has(c, j - 1, b, W(PERIOD_PHRASE)))) {
			j--;	/* "annual salary cost" too */
			n++;
			continue;
		}
		if (j < e && participle_at(c, j - 1, b)) {
			j--;	/* "referred crimes", "Reported frauds" */
			if (j > lo && tag_is(c, j - 1, b, P_ADV) &&
			    adverb(&c->tok[j - 1]))
				j--;	/* "seriously injured" */
			continue;
		}
		if (j < e && j - 1 > lo && glue_at(c, j - 1, b) &&
		    (noun_at(c, j - 2, b) || title_at(c, j - 2, b) ||
		     participle_at(c, j - 2, b))) {
			j--;
			continue;
		}
		if (j >= lo + 4 && tok_punct(c, j - 1, b, ')') &&
		    (k = acronym_at(c, j - 3, b)) == j &&
		    (noun_at(c, j - 4, b) || title_at(c, j - 4, b))) {
			j -= 3;	/* "(KSI)" of one word, after its words */
			continue;
		}
		if (j < e && j >= lo + 3 && c->tok[j - 1].kind == T_PUNCT &&
		    quoted_number_at(c, j - 3, b) == j) {
			j -= 3;	/* "'999'" */
			continue;
		}
		if (j < e && j > lo && name_number_at(c, j - 1, b)) {
			j--;	/* "a 101 call" */
			continue;
		}
		/* 'The Christmas campaign "No excuse" ran': a quoted name */
		if (j == e && j > lo + 2 && c->tok[j - 1].kind == T_PUNCT &&
		    is_quote(c->tok[j - 1].cp)) {
			size_t q = j - 1;

			while (q > lo && !(c->tok[q - 1].kind == T_PUNCT &&
					   is_quote(c->tok[q - 1].cp)) && j - q < ACRONYM_TOKENS)
				q--;
			if (q > lo + 1 && c->tok[q - 1].kind == T_PUNCT &&
			    (noun_at(c, q - 2, b) || title_at(c, q - 2, b))) {
				j = q - 1;
				continue;
			}
		}
		if (j < e && j - 1 > lo && (tok_is(c, j - 1, b, "and") ||
					   tok_is(c, j - 1, b, "or")) &&
		    (noun_at(c, j - 2, b) || participle_at(c, j - 2, b) ||
		     title_at(c, j - 2, b)) && np_end(c, j, b) > j + 1) {
			j--;	/* "drink and drug driving" */
			continue;
		}
		break;
	}
	/* a phrase starts on a word, not on a sign or "and" */
	while (j < e && (c->tok[j].kind == T_PUNCT || tok_is(c, j, b, "and") ||
			 tok_is(c, j, b, "or")))
		j++;
	return j;
}

/* Skip determiners and "of the", "all": the token where a noun phrase
 * can start after j. */
static size_t
skip_det(const struct ctx *c, size_t j, size_t b)
{
	while (j < b && (tag_is(c, j, b, P_DET) || tok_is(c, j, b, "all")))
		j++;
	return j;
}

/* A word of comparison at k ("compared", "versus", "against"; "from"
 * after a change or before a number: "up from 464"), which ends the
 * phrases of a noun phrase. */
static bool
compare_at(const struct ctx *c, size_t k, size_t b)
{
	if (!tok_has(c, k, b, W(CMP)))
		return false;
	return !tok_is(c, k, b, "from") || tag_is(c, k + 1, b, P_NUM) ||
	       (k > 0 && direction(&c->tok[k - 1]));
}

/* The phrases after a noun phrase ending at e that belong to it: a
 * prepositional phrase ("hours of duty", "people prosecuted for mobile
 * phone usage", "candidates in pre-employment checks"), an infinitive
 * ("applications to join the Special Constabulary"), a participle
 * ("people linked to them").  Returns their end (e when none); a period
 * phrase, a figure, a clause's edge ends them. */
static size_t
np_post(const struct ctx *c, size_t e, size_t b)
{
	size_t j = e, end = e, k, n = 0, words = 0;

	while (n < POST_PHRASES && j < b && words < POST_WORDS) {
		k = j;
		/* "linked", "prosecuted", "lost"; not a verb with its
		 * object ("completed the course") */
		if (participle_at(c, k, b) && !c->tok[k].cap &&
		    (verb_like(&c->tok[k]) || (c->tag[k].pos & POS(PARTICIPLE))) &&
		    !tag_is(c, k + 1, b, P_DET) && !noun_at(c, k + 1, b)) {
			size_t q = ++k;

			/* "knives handed in or seized": participles joined */
			if (tok_is(c, q, b, "in") || tok_is(c, q, b, "up") ||
			    tok_is(c, q, b, "out"))
				q++;
			/* "people killed or seriously injured" */
			if (tok_is(c, q, b, "or") || tok_is(c, q, b, "and")) {
				size_t r = q + 1;

				if (tag_is(c, r, b, P_ADV) && adverb(&c->tok[r]))
					r++;
				if (participle_at(c, r, b) && verb_like(&c->tok[r]))
					k = r + 1;
			}
		}
		/* "involving a knife or sharp instrument" */
		else if (n == 0 && participle_at(c, k, b) && !c->tok[k].cap &&
			 !verb_like(&c->tok[k]) && tag_is(c, k + 1, b, P_DET) &&
			 noun_at(c, skip_det(c, k + 1, b), b)) {
			size_t e2 = np_end(c, skip_det(c, k + 1, b), b);

			words += e2 - j;
			j = end = e2;
			n++;
			continue;
		}
		/* "crimes per 1,000 population", "days per officer": a
		 * rate's base is part of what is counted (not "per day": a
		 * rate's period, a unit) */
		if (tok_is(c, k, b, "per") && k + 1 < b &&
		    ((c->tok[k + 1].kind == T_NUM && !in_figure(c, k + 1) &&
		      noun_at(c, k + 2, b)) ||
		     (noun_at(c, k + 1, b) && !tok_has(c, k + 1, b, W(RATE_BASE)) &&
		      !c->tag[k + 1].period))) {
			size_t e2 = np_end(c, k + 1 + (c->tok[k + 1].kind == T_NUM), b);

			words += e2 - j;
			j = end = e2;
			n++;
			continue;
		}
		if (tag_is(c, k, b, P_PREP) && !c->tag[k].period &&
		    !compare_at(c, k, b) && !tok_is(c, k, b, "per") &&
		    !tok_is(c, k, b, "than") && !tok_is(c, k, b, "within")) {
			size_t p = k + 1;

			/* "went on to become": a particle before "to" */
			if (tok_is(c, p, b, "to") && !tok_is(c, k, b, "to") &&
			    tag_is(c, p + 1, b, P_VERB))
				k = p++;

			/* "to join the Special Constabulary", "to apply to
			 * become" */
			if (tok_is(c, k, b, "to") && p < b && !c->tok[p].cap &&
			    (tag_is(c, p, b, P_VERB) || (tag_is(c, p, b, P_NOUN) &&
			     tag_is(c, p + 1, b, P_DET)))) {
				p++;
				if (tok_is(c, p, b, "to")) {
					words += p - j;
					j = end = p;
					n++;
					continue;
				}
			}
			/* "for not wearing their seatbelt", "for using" */
			if (tok_is(c, p, b, "not"))
				p++;
			if (participle_at(c, p, b) && !c->tok[p].cap)
				p++;
			if (tag_is(c, p, b, P_PREP) && !tok_is(c, p, b, "to") &&
			    !tok_is(c, p, b, "of"))
				p++;	/* "as a", "in" after "joined" */
			p = skip_det(c, p, b);
			/* "for further support", "with additional patrols" */
			while (p + 1 < b && modifier(&c->tok[p]) && noun_at(c, p + 1, b))
				p++;
			if (c->tag[p < b ? p : b - 1].period)
				break;
			/* "calls were made to '101'" */
			if (p + 2 < b && c->tok[p].kind == T_PUNCT && is_quote(c->tok[p].cp) &&
			    c->tok[p + 1].kind == T_NUM && c->tok[p + 2].kind == T_PUNCT &&
			    is_quote(c->tok[p + 2].cp)) {
				words += p + 3 - j;
				j = end = p + 3;
				n++;
				continue;
			}
			/* "people linked to them": a pronoun's phrase */
			if (p < b && (c->tag[p].pos & POS(OBJECT))) {
				words += p + 1 - j;
				j = end = p + 1;
				n++;
				continue;
			}
			if ((k = np_end(c, p, b)) <= p)
				break;
			/* "with an average time of 11 minutes": the noun of
			 * the figure after it, not of this one */
			if (tag_is(c, k, b, P_NUM) || (tok_is(c, k, b, "of") &&
						       tag_is(c, k + 1, b, P_NUM)))
				break;
			/* "driving carelessly" */
			if (k < b && adverb(&c->tok[k]) && tag_is(c, k, b, P_ADV) &&
			    (k + 1 >= b || c->tok[k + 1].kind == T_PUNCT ||
			     tag_is(c, k + 1, b, P_CONJ)))
				k++;
			words += k - j;
			j = end = k;
			n++;
			continue;
		}
		/* "crimes being processed" */
		if (k == j && tok_is(c, k, b, "being") && participle_at(c, k + 1, b))
			k += 2;
		/* "recruits who started training": a relative clause */
		if (k == j && n == 0 && (tok_is(c, k, b, "who") || tok_is(c, k, b, "that")) &&
		    tag_is(c, k + 1, b, P_VERB)) {
			size_t e2 = np_post(c, k + 2, b);

			if (e2 == k + 2 && noun_at(c, skip_det(c, k + 2, b), b))
				e2 = np_end(c, skip_det(c, k + 2, b), b);
			else if (e2 == k + 2 && k + 2 < b && (c->tag[k + 2].pos & POS(OBJECT)))
				e2 = k + 3;	/* "victims who used it" */
			words += e2 - j;
			j = end = e2;
			n++;
			continue;
		}
		if (k > j) {	/* a participle alone: "drivers arrested" */
			words += k - j;
			j = end = k;
			n++;
			continue;
		}
		break;
	}
	return end;
}

/* The tokens a figure's noun can be after its unit: "389 new officers",
 * "2,300 '999' calls". */
enum { HEAD_REACH = 4 };

/* The word a figure counts: "officers" in "389 officers", "'999'
 * calls" -> "calls"; NULL if none. */
static const char *
head_noun(const struct ctx *c, const struct fig *f, size_t b)
{
	size_t j = f->ue, e;

	while (j < b && (c->tok[j].kind == T_PUNCT || modifier(&c->tok[j]) ||
			 (c->tok[j].kind == T_NUM && j > f->ue)))
		if (++j > f->ue + HEAD_REACH)
			return NULL;
	if (j >= b || c->tok[j].kind != T_WORD || !content_word(&c->tok[j]) ||
	    !c->tok[j].low[0] || c->tag[j].period)	/* "12% year on year" */
		return NULL;
	/* the head of its noun phrase: "Killed or Seriously Injured (KSI)
	 * casualties" counts casualties */
	if ((e = np_end(c, j, b)) > j + 1 && c->tok[e - 1].kind == T_WORD &&
	    c->tok[e - 1].low[0])
		return c->tok[e - 1].low;
	return c->tok[j].low;
}
