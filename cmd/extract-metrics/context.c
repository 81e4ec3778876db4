/* context.c: stage 5c, what the words around a figure's own say its
 * measure is about (measure.c reads them in row_measure): a goal of the
 * measure before ("The annual target is 400", "8 above the uplift
 * target"), a kind of quantity of it ("an average of 20 hours each"), a
 * label before a colon ("Stop and search: 1,390 searches"), and the
 * topic of the section the block stands under, for a measure of vague
 * words ("Rural Watch" over "The scheme now has 310 members"; a title, a
 * short commitment's name; not a theme, an area, "Key Points"). */

/* A measure that is only a word for a kind of quantity: "average". */
static bool
quantity_only(struct ctx *c, const struct buf *m)
{
	char low[GOAL_WORD];
	size_t k;

	if (m->len == 0 || m->len >= sizeof low || memchr(m->p, ' ', m->len))
		return false;
	for (k = 0; k < m->len; k++)
		low[k] = (char)tolower((unsigned char)m->p[k]);
	return lex_is(c->lex.lx, low, m->len, METRICS_QUANTITY);
}

/* The words of span w are only words for a goal, periods, signs and
 * whose goal it is: "the annual target", "the yearly aim", "the
 * national standard" say nothing of what they are a goal for. */
static bool
goal_words_only(struct ctx *c, struct span w)
{
	size_t j;

	tables_open(c);
	for (j = w.a; j < w.b; j++)
		if (c->tok[j].kind != T_PUNCT && !c->tag[j].period &&
		    !tag_is(c, j, w.b, P_DET) &&
		    !tok_has(c, j, w.b, W(PERIOD_LABEL) | W(PERIOD_PHRASE)) &&
		    !(c->tok[j].kind == T_WORD && c->word[j].n &&
		      (lex_classes(c->tables_lx, c->tok[j].low, c->word[j].n) &
		       (TB(GOAL) | TB(GOAL_SCOPE)))))
			return false;
	return true;
}

/* A measure of a benchmark alone: at most GOAL_WORDS words, the last a
 * word for a kind of quantity ("the national average", "the force
 * average", "the England and Wales rate"), in a sentence that compares
 * (than, against, compared with) before figure f: what it is the
 * average of is the measure before it. */
static bool
benchmark_only(struct ctx *c, struct span s, const struct fig *f,
	       const struct buf *m)
{
	struct buf last = BUF_INIT;
	size_t a, words = 1, k;
	bool cmp = false;

	for (k = 0; k < m->len; k++)
		words += m->p[k] == ' ';
	if (m->len == 0 || words > GOAL_WORDS)
		return false;
	for (k = s.a; k < f->ts && !cmp; k++)
		cmp = tok_is(c, k, s.b, "than") || tok_has(c, k, s.b, W(CMP) | W(PREV_LEAD));
	if (!cmp)
		return false;
	for (a = m->len; a > 0 && m->p[a - 1] != ' '; a--)
		;
	buf_add(&last, m->p + a, m->len - a);
	cmp = quantity_only(c, &last);
	buf_free(&last);
	return cmp;
}

/* A measure of a goal alone: at most GOAL_WORDS words, the last a word
 * for a goal ("target", "the national standard", "uplift target",
 * "aim"). */
static bool
goal_only(struct ctx *c, const struct buf *m)
{
	size_t e = m->len, a, words = 1, k;
	char low[GOAL_WORD];

	if (e == 0)
		return false;
	for (k = 0; k < e; k++)
		words += m->p[k] == ' ';
	for (a = e; a > 0 && m->p[a - 1] != ' '; a--)
		;
	if (words > GOAL_WORDS || e - a >= sizeof low)
		return false;
	for (k = a; k < e; k++)
		low[k - a] = (char)tolower((unsigned char)m->p[k]);
	tables_open(c);
	return lex_is(c->tables_lx, low, e - a, TABLES_GOAL);
}

/* "8 above the uplift target", "39 short of the target of 1,960": a
 * figure that says how far another is from a goal; the end of those
 * words, or NO_TOKEN; where the goal's noun phrase starts in *goal. */
static size_t
from_goal(struct ctx *c, struct span s, const struct fig *f, size_t *goal)
{
	size_t j = f->ue, e, k;

	if (tok_is(c, j, s.b, "short") || tok_is(c, j, s.b, "ahead") ||
	    tok_is(c, j, s.b, "behind"))
		j += 1 + tok_is(c, j + 1, s.b, "of");
	else if (tok_has(c, j, s.b, W(GOAL_PREP)) && !tok_is(c, j, s.b, "on") &&
		 !tok_is(c, j, s.b, "within"))
		j++;
	else
		return NO_TOKEN;
	j = *goal = skip_det(c, j, s.b);
	e = np_end(c, j, s.b);
	tables_open(c);
	for (k = j; k < e; k++)
		if (c->tok[k].kind == T_WORD && c->word[k].n &&
		    lex_is(c->tables_lx, c->tok[k].low, c->word[k].n, TABLES_GOAL))
			return e;
	return NO_TOKEN;
}

/* Measure m holds word w of n bytes, in any case. */
static bool
word_in(const struct buf *m, const char *w, size_t n)
{
	size_t i;

	for (i = 0; n && i + n <= m->len; i++)
		if ((i == 0 || m->p[i - 1] == ' ') &&
		    (i + n == m->len || m->p[i + n] == ' ') && !strncasecmp(m->p + i, w, n))
			return true;
	return false;
}

/* Every word of w[0..n) is a word of q. */
static bool
label_holds(const struct buf *q, const char *w, size_t n)
{
	size_t i = 0, j;

	while (i < n) {
		for (j = i; j < n && w[j] != ' '; j++)
			;
		if (j > i && !word_in(q, w + i, j - i))
			return false;
		i = j + 1;
	}
	return true;
}

/* Token j is of a figure after a window's preposition ("within 10
 * seconds"), not before lo. */
static bool
window_figure(const struct ctx *c, size_t lo, size_t j, size_t b)
{
	size_t k;

	for (k = 0; k < c->nfig; k++)
		if (c->fig[k].ts <= j && j < c->fig[k].ue)
			return c->fig[k].ts > lo && tok_has(c, c->fig[k].ts - 1, b, W(WINDOW_PREP));
	return false;
}

/* "Stop and search: 1,390 searches", "Crimes recorded: 6,215": a short
 * label of what the sentence is about opens it, a colon after it: words
 * of a noun phrase, or, when a figure follows the colon, with
 * participles and numbers too ("999 calls answered", "Answered within
 * 10 seconds"); not a clause ("Online reporting continues to grow:"),
 * not an area's name ("Westbury:", "Marram Bay:", all capitalised, in
 * plain text or where split-sections found the place), not a period
 * ("Q1:").  Its span, empty when none. */
static struct span
topic_label(const struct ctx *c, struct span s)
{
	size_t j, a = s.a, k;
	bool lower = false, np = true;

	while (a < s.b && tok_dash(c, a, s.b) && a + 1 < s.b && c->tok[a + 1].sp)
		a++;	/* "- 999 calls answered: 9,412": a bullet's dash */
	for (j = a; j < s.b && j < a + TOPIC_TOKENS; j++) {
		const struct tok *t = &c->tok[j];

		if (tok_punct(c, j, s.b, ':')) {
			/* all capitalised: an area's name, unless split-sections
			 * (which knows places) gave the row none: "Burglary:" */
			if (j == a || !(lower || (c->blk.kind && !*c->blk.area)))
				break;
			for (k = 0; !np && k < c->nfig && c->fig[k].ts <= j + 1; k++)
				np = c->fig[k].ts == j + 1;
			return np ? (struct span){a, j} : (struct span){s.a, s.a};
		}
		/* "Online reporting continues to grow:", "Officers searched 4
		 * addresses:" are clauses, no labels ("within 10 seconds" is a
		 * label's window) */
		if (c->tag[j].period || (t->kind == T_PUNCT && !tok_dash(c, j, s.b)) ||
		    (in_figure(c, j) && !window_figure(c, a, j, s.b)) ||
		    tag_is(c, j, s.b, P_AUX) || (tag_is(c, j, s.b, P_VERB) &&
						!verb_like(t) && !(c->tag[j].pos & POS(PARTICIPLE))))
			break;
		if (t->kind != T_WORD || tag_is(c, j, s.b, P_VERB) || tag_is(c, j, s.b, P_AUX))
			np = false;
		lower = lower || (t->kind == T_WORD && !t->cap && content_word(t) &&
				  (noun_at(c, j, s.b) || !np));
	}
	return (struct span){s.a, s.a};
}

/* The measure m of a figure of a sentence opened by label t ("Emergency
 * calls: 96,300 calls were answered"): the label's words before its own,
 * where they add any ("Emergency calls answered"); a measure whose words
 * are all the label's is the label ("999 calls answered"). */
static void
label_measure(const struct ctx *c, struct span t, struct buf *m)
{
	struct buf q = BUF_INIT, own = BUF_INIT;
	size_t j, missing = 0, over, k;

	for (j = t.a; j < t.b; j++)
		missing += content_word(&c->tok[j]) && c->tok[j].low[0] &&
			   !has_word(m->p ? m->p : "", m->len, c->tok[j].low);
	if (!missing)
		return;
	add_words(&q, c, t);
	buf_add(&own, m->p ? m->p : "", m->len);
	buf_reset(m);
	/* the label's last words that open the measure are said once:
	 * "Emergency calls" + "calls answered" */
	for (over = q.len < own.len ? q.len : own.len; over > 0; over--)
		if ((over == own.len || own.p[over] == ' ') &&
		    (over == q.len || q.p[q.len - over - 1] == ' ') &&
		    !strncasecmp(q.p + q.len - over, own.p, over))
			break;
	buf_add(m, q.p, q.len);
	for (k = over; k < own.len; k++)
		if (!(k == over && own.p[k] == ' '))
			break;
	if (own.len > k && !label_holds(&q, own.p + k, own.len - k)) {
		buf_addc(m, ' ');
		buf_add(m, own.p + k, own.len - k);
	}
	buf_free(&q);
	buf_free(&own);
}

/* ---- the section's topic ---- */

enum {
	TOPIC_WORDS = 6,	/* words of a section's title taken as the
				 * topic of its figures */
	TOPIC_BYTES = 80	/* ... and its bytes */
};

/* What a word of a measure (lower case, n bytes) tells: */
enum vague {
	V_TELLS,	/* what the figure counts: "burglaries", "Speed" */
	V_GENERIC,	/* a common noun that tells with its verb: "people" */
	V_VAGUE,	/* a noun that needs its section: "members", "scheme" */
	V_NONE		/* no noun: a verb, a function word, a unit */
};

static enum vague
vague_word(const struct ctx *c, const char *w, size_t n)
{
	lex_mask m, p;

	if (n == 0 || n >= sizeof c->tok->low)
		return V_TELLS;
	m = lex_classes(c->lex.lx, w, n);
	p = lex_classes(c->pos_lx, w, n);
	if (p & POS(VAGUE))
		return V_VAGUE;
	if (m & (W(GENERIC) | W(GROUP) | W(QUANTITY)))
		return V_GENERIC;
	if ((m & (W(STOP) | W(DURATION) | W(DEED) | W(LINK) | W(COPULA) |
		  W(PERIOD_WORD))) ||
	    (p & (POS(VERB) | POS(AUX) | POS(DET) | POS(PREP) | POS(PRON) |
		  POS(ADV) | POS(CONJ))) ||
	    (n > 4 && w[n - 2] == 'e' && w[n - 1] == 'd'))	/* a verb's -ed */
		return V_NONE;
	return V_TELLS;
}

/* Measure m says nothing that tells it from the others: no word of it
 * tells, and it has a vague noun ("volunteers ran sessions", "scheme
 * members") or none ("granted", ""); "people arrested" tells with its
 * verb. */
static bool
vague_measure(const struct ctx *c, const struct buf *m)
{
	char low[sizeof c->tok->low];
	size_t i = 0, j, k;
	bool vague = false, generic = false;
	enum vague v;

	while (i < m->len) {
		for (j = i; j < m->len && m->p[j] != ' '; j++)
			;
		if (j - i >= sizeof low)
			return false;
		for (k = i; k < j; k++)
			low[k - i] = (char)tolower((unsigned char)m->p[k]);
		if ((v = vague_word(c, low, j - i)) == V_TELLS)
			return false;
		vague = vague || v == V_VAGUE;
		generic = generic || v == V_GENERIC;
		i = j + 1;
	}
	return vague || !generic;
}

/* The words of text s[0..n), its last full stop aside. */
static size_t
text_words(const char *s, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		w += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
	return w;
}

/* A title that names a theme, not a topic: it opens with an -ing word
 * ("Reducing serious violence", "Supporting our workforce"), lists
 * ("Visible, local and accessible policing") or holds a determiner
 * ("Breaking the cycle", "Improve Safety on our Roads"); low is its n
 * bytes in lower case. */
static bool
theme_title(const struct ctx *c, const char *low, size_t n)
{
	size_t i = 0, j;

	if (memchr(low, ',', n))
		return true;
	while (i < n) {
		for (j = i; j < n && low[j] != ' '; j++)
			;
		lex_mask p = lex_classes(c->pos_lx, low + i, j - i);

		/* "Reducing ...", not "Stalking", "Policing" (nouns) */
		if ((i == 0 && j - i > 4 && !strncmp(low + j - 3, "ing", 3) &&
		     !(p & POS(NOUN))) || (p & POS(DET)))
			return true;
		i = j + 1;
	}
	return false;
}

/* The topic a section's name s gives its figures, into q: a short title
 * ("Rural Watch", "Domestic Violence Protection Orders"), or the name in
 * a short commitment ("Support Community Speed Watch." -> "Community
 * Speed Watch"); false for none (a long sentence, a theme, "Key
 * Points", "Questions from panel members"). */
static bool
name_topic(struct ctx *c, const char *s, struct buf *q)
{
	char low[TOPIC_BYTES];
	size_t n = strlen(s), k, a, e;
	bool sentence;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == ':'))
		n--;
	sentence = n < strlen(s) && s[n] == '.';
	if (n == 0 || n >= sizeof low || text_words(s, n) > TOPIC_WORDS)
		return false;
	for (k = 0; k < n; k++)
		low[k] = (char)tolower((unsigned char)s[k]);
	for (k = 0; k < n && low[k] != ' '; k++)
		;
	tables_open(c);
	if (lex_is(c->tables_lx, low, n, TABLES_NO_TOPIC) ||
	    lex_is(c->tables_lx, low, k, TABLES_NO_TOPIC))
		return false;
	if (!sentence) {
		if (theme_title(c, low, n))
			return false;
		text_squeeze_space(q, s, n);
		return true;
	}
	/* "Support Community Speed Watch.": its capitalised words after the
	 * verb that opens it */
	for (a = 0; a < n && s[a] != ' '; a++)
		;
	while (a < n && !(s[a] >= 'A' && s[a] <= 'Z' && s[a - 1] == ' '))
		a++;
	for (e = a; e < n && !(s[e] == ' ' && e + 1 < n && !(s[e + 1] >= 'A' && s[e + 1] <= 'Z')); e++)
		;
	if (e <= a)
		return false;
	text_squeeze_space(q, s + a, e - a);
	return true;
}

/* The topic of the section the block stands under, into q: its heading
 * (not an area's name, nor the Who cell of a table of commitments, which
 * stands beside a commitment that is a sentence), else its commitment,
 * else, under no commitment, its priority's title. */
static bool
section_topic(struct ctx *c, struct buf *q)
{
	const struct block *b = &c->blk;
	const char *cm = b->commitment ? b->commitment : "";
	size_t n = strlen(cm);
	bool who = n > 0 && (cm[n - 1] == '.' || text_words(cm, n) > TOPIC_WORDS);

	buf_reset(q);
	if (b->heading && *b->heading && !who &&
	    !(b->area && !strcasecmp(b->heading, b->area)) && name_topic(c, b->heading, q))
		return true;
	if (*cm)
		return name_topic(c, cm, q);
	return b->title && *b->title && name_topic(c, b->title, q);
}


/* Measure m of a row is vague ("members", "volunteers ran sessions",
 * "granted"): the topic of its section goes before it, unless m holds
 * its words already. */
static bool
topic_measure(struct ctx *c, struct buf *m)
{
	struct buf q = BUF_INIT;
	size_t i = 0, j;
	bool missing = false;

	if (!vague_measure(c, m) || !section_topic(c, &q)) {
		buf_free(&q);
		return false;
	}
	while (i < q.len) {
		for (j = i; j < q.len && q.p[j] != ' '; j++)
			;
		missing = missing || !word_in(m, q.p + i, j - i);
		i = j + 1;
	}
	if (missing) {
		if (m->len)
			buf_addc(&q, ' ');
		buf_add(&q, m->p ? m->p : "", m->len);
		buf_reset(m);
		buf_add(m, q.p, q.len);
	}
	buf_free(&q);
	return missing;
}
