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

/* Open the part-of-speech and dates lexicons, once a run. */
static void
chunks_open(struct ctx *c)
{
	if (!c->pos_lx)
		c->pos_lx = lex_open(&pos_lex);
	if (!c->dates_lx)
		c->dates_lx = lex_open(&dates_lex);
}

static void
chunks_free(struct ctx *c)
{
	lex_close(c->pos_lx);
	lex_close(c->dates_lx);
	free(c->tag);
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
			/* "the launch", "the injured": a verb's form after a
			 * determiner names a thing */
			if (g->p == P_VERB && i > s.a && c->tag[i - 1].p == P_DET)
				g->p = P_NOUN;
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
