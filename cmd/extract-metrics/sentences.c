/* sentences.c: a text block cut into sentences, and each sentence
 * through the stages in order. */

static bool
sentence_end(const struct ctx *c, size_t i, size_t n)
{
	const struct tok *t = &c->tok[i];

	if (t->kind != T_PUNCT)
		return false;
	if (t->cp == '.' || t->cp == '!' || t->cp == '?')
		return i + 1 < n && c->tok[i + 1].sp &&
		       (c->tok[i + 1].cap || c->tok[i + 1].kind == T_NUM ||
			c->tok[i + 1].kind == T_PUNCT) &&
		       !(i > 0 && c->tok[i - 1].kind == T_WORD &&
			 c->tok[i - 1].e - c->tok[i - 1].s <= 2 &&
			 !c->tok[i - 1].cap && c->tok[i - 1].low[0] != 'i');
	return text_is_bullet(t->cp) || t->cp == 0x2022;
}

static void
do_sentence(struct ctx *c, const char *text, size_t a, size_t b)
{
	size_t i, first = c->nobs, k;
	bool have_value = false;

	c->nfig = 0;
	for (i = a; i < b;)
		i = parse_figure(c, text, a, i, b);
	if (c->nfig == 0)
		return;
	find_periods(c, text, a, b);
	for (i = 0; i < c->nfig; i++) {
		assign_role(c, a, b, &c->fig[i], have_value);
		if (c->fig[i].role == R_VALUE || c->fig[i].role == R_TARGET)
			have_value = true;
	}
	fold(c, text, a, b, first);
	buf_reset(&c->evidence);
	text_squeeze_space(&c->evidence, text + c->tok[a].s, c->tok[b - 1].e - c->tok[a].s);
	for (k = first; k < c->nobs; k++) {
		struct obs *o = &c->obs[k];
		const struct fig *f = &c->fig[o->fig];

		/* "(44%)" right after a figure counts the same thing */
		if (f->paren && o->fig > 0 && k > first &&
		    c->fig[o->fig - 1].ue + 1 >= f->ts - 1) {
			if (c->obs[k - 1].measure.len)
				buf_add(&o->measure, c->obs[k - 1].measure.p,
					c->obs[k - 1].measure.len);
		} else if (o->fig > 0 && of_these(c, a, b, f) && !noun_after(c, f, b))
			part_of(c, text, b, f, &c->fig[o->fig - 1],
				k > first ? &c->obs[k - 1].measure : NULL, &o->measure);
		else
			measure_of(c, text, a, b, f,
				   o->fig > 0 ? c->fig[o->fig - 1].te : a,
				   &o->measure);
		if (o->measure.len == 0 && o->first != o->fig)
			measure_of(c, text, a, b, &c->fig[o->first],
				   o->first > 0 ? c->fig[o->first - 1].te : a,
				   &o->measure);
		/* "11 minutes against a target of 10": the target of the
		 * measure before */
		if (k > first && lone_goal(&o->measure) && c->obs[k - 1].measure.len) {
			buf_reset(&o->measure);
			buf_add(&o->measure, c->obs[k - 1].measure.p,
				c->obs[k - 1].measure.len);
			buf_adds(&o->measure, " target");
		}
		/* "Eight of these were fatalities": the last measure */
		if (o->measure.len == 0 && c->last_measure.len)
			buf_add(&o->measure, c->last_measure.p,
				c->last_measure.len);
		if (o->measure.len) {
			buf_reset(&c->last_measure);
			buf_add(&c->last_measure, o->measure.p, o->measure.len);
		}
		emit(c, o, c->evidence.p, c->evidence.len);
	}
	c->nobs = first;
}

#define MAX_SENTENCE 400

/* Whether text can hold a figure at all: a digit, or a number word
 * ("two" to "ninety", "hundred", "thousand", "dozen"; "one" and "zero"
 * alone are never figures): only words of the lengths and first letters
 * of those are looked up (lexicon_open).  Most prose has neither, and
 * this look is far cheaper than tokens. */
static bool
may_have_figure(const struct ctx *c, const char *text, size_t len)
{
	size_t i = 0, j, n;
	char low[16];

	while (i < len) {
		unsigned char ch = (unsigned char)text[i];

		if (is_ascii_digit(ch))
			return true;
		if (!is_ascii_alpha(ch)) {
			i++;
			continue;
		}
		for (j = i; j < len && is_ascii_alpha((unsigned char)text[j]); j++)
			;
		n = j - i;
		if (initials_may(&c->lex.num, ch, n) && n < sizeof low) {
			for (j = 0; j < n; j++)
				low[j] = (char)tolower((unsigned char)text[i + j]);
			if (lex_classes(c->lex.lx, low, n) & NUMBER_WORD)
				return true;
		}
		i += n;
	}
	return false;
}

static void
do_text(struct ctx *c, const char *text, size_t len)
{
	size_t i, start = 0;

	if (!may_have_figure(c, text, len))
		return;
	tokenize(c, text, len);
	c->nobs = 0;
	/* a footnote body ("¹ Scores are calculated...") defines, not reports */
	if (c->ntok > 0 && c->tok[0].kind == T_PUNCT && c->tok[0].cp == 0xB9)
		return;
	for (i = 0; i < c->ntok; i++)
		if (c->tok[i].kind == T_NUM || (c->tok[i].cls & NUMBER_WORD))
			break;
	if (i == c->ntok)
		return;		/* no digits, no number words */
	/* a block without sentence ends is cut every MAX_SENTENCE tokens,
	 * so that the work per figure stays bounded */
	for (i = 0; i < c->ntok; i++)
		if (sentence_end(c, i, c->ntok) || i - start + 1 >= MAX_SENTENCE) {
			if (i > start)
				do_sentence(c, text, start, i + 1);
			start = i + 1;
		}
	if (start < c->ntok)
		do_sentence(c, text, start, c->ntok);
}
