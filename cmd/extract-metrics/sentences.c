/* sentences.c: a text block cut into sentences, and each sentence
 * through the stages in order. */

/* The rows of a field's value take its record's measure, role and
 * period (records.c, which reads fields through do_text). */
static void field_rows(struct ctx *c, size_t first);

/* A lower-case word of at most this many letters before a full stop is
 * an abbreviation ("e.g.", "no."), which does not end the sentence. */
enum { ABBREV_MAX = 2 };

/* Token i of the n of a block ends a sentence. */
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
			 c->tok[i - 1].e - c->tok[i - 1].s <= ABBREV_MAX &&
			 !c->tok[i - 1].cap && c->tok[i - 1].low[0] != 'i');
	return text_is_bullet(t->cp) || t->cp == 0x2022;
}

/* The sentence s without the section or list number that opens it
 * ("3.1 The average time ... was", "4. Officers made"), which is no
 * figure and no word of its subject. */
static struct span
sentence_body(const struct ctx *c, struct span s)
{
	size_t j = s.a + 1;

	if (s.b - s.a < 3 || c->tok[s.a].kind != T_NUM || c->fig[0].ts == s.a)
		return s;
	if (tok_punct(c, j, s.b, '.') || tok_punct(c, j, s.b, ')')) {
		if (c->tok[j].sp)
			return s;
		j++;
	} else if (!section_number(c, s, (struct span){s.a, s.a + 1}))
		return s;
	return c->tok[j].kind == T_WORD ? (struct span){j, s.b} : s;
}

/* A sentence s through the stages: its figures (numbers, not-a-figure
 * filter), its period phrases, each figure's role, the rows the figures
 * fold into, and each row's measure; then the rows are written. */
static void
do_sentence(struct ctx *c, struct span s)
{
	size_t i, first = c->nobs, k;
	bool have_value = false;
	struct span whole = s;

	const char *why;

	if (c->explain)
		explain_sentence(c, s);
	c->nfig = 0;
	for (i = s.a; i < s.b;)
		i = parse_figure(c, s, i);
	if (c->nfig == 0)
		return;
	tag_sentence(c, s);
	s = sentence_body(c, s);
	find_periods(c, s);
	if (c->explain)
		explain_periods(c);
	for (i = 0; i < c->nfig; i++) {
		struct fig *f = &c->fig[i];

		assign_role(c, s, f, have_value);
		EXPLAIN(c, (struct span){f->ts, f->ue}, "role %s: %s",
			role_name[f->role], f->why);
		if (f->role == R_VALUE || f->role == R_TARGET)
			have_value = true;
	}
	fold(c, s, first);
	buf_reset(&c->topic_new);
	buf_reset(&c->evidence);
	text_squeeze_space(&c->evidence, c->text + c->tok[whole.a].s,
			   c->tok[whole.b - 1].e - c->tok[whole.a].s);
	for (k = first; k < c->nobs; k++) {
		why = row_measure(c, s, first, k);
		EXPLAIN(c, NO_SPAN, "row %zu: measure \"%.*s\": %s", k - first + 1,
			(int)c->obs[k].measure.len, c->obs[k].measure.p ?
			c->obs[k].measure.p : "", why);
	}
	if (c->field.on)
		field_rows(c, first);
	/* "... contacted 11,920 victims. Of those contacted, ...": the noun
	 * the last row counts */
	for (k = c->nobs; k > first; k--) {
		const char *noun = c->obs[k - 1].has_value &&
				   !strcmp(c->obs[k - 1].unit, "count") ?
				   head_noun(c, &c->fig[c->obs[k - 1].fig], s.b) : NULL;

		if (noun) {
			buf_reset(&c->last_noun);
			buf_adds(&c->last_noun, noun);
			break;
		}
	}
	/* "They completed 53 duties": what this sentence was about */
	if (c->topic_new.len) {
		buf_reset(&c->topic);
		buf_add(&c->topic, c->topic_new.p, c->topic_new.len);
	}
	for (k = first; k < c->nobs; k++) {
		if ((why = row_period(c, s, &c->obs[k])))
			EXPLAIN(c, NO_SPAN, "row %zu: when \"%.*s\": %s",
				k - first + 1, (int)c->obs[k].when.len,
				c->obs[k].when.p, why);
		if (c->explain)
			explain_row(c, k - first + 1, &c->obs[k]);
		emit(c, &c->obs[k], c->evidence.p, c->evidence.len);
	}
	c->nobs = first;
}

/* A block without sentence ends is cut every SENTENCE_MAX tokens, so
 * that the work per figure stays bounded. */
enum { SENTENCE_MAX = 400 };

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
			if (lex_classes(c->lex.lx, low, n) & FIGURE_WORD)
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

	if (!may_have_figure(c, text, len)) {
		if (c->explain)
			explain_block(c, text, len, "no digit, no number word");
		return;
	}
	tokenize(c, text, len);
	c->nobs = 0;
	/* a footnote body ("¹ Scores are calculated...") defines, not reports */
	if (c->ntok > 0 && c->tok[0].kind == T_PUNCT && c->tok[0].cp == 0xB9) {
		if (c->explain)
			explain_block(c, text, len, "a footnote's body");
		return;
	}
	for (i = 0; i < c->ntok; i++)
		if (c->tok[i].kind == T_NUM || (c->tok[i].cls & FIGURE_WORD))
			break;
	if (i == c->ntok) {
		if (c->explain)
			explain_block(c, text, len,
				      "no number: no digit, no number word");
		return;
	}
	for (i = 0; i < c->ntok; i++)
		if (sentence_end(c, i, c->ntok) || i - start + 1 >= SENTENCE_MAX) {
			if (i > start)
				do_sentence(c, (struct span){start, i + 1});
			start = i + 1;
		}
	if (start < c->ntok)
		do_sentence(c, (struct span){start, c->ntok});
}
