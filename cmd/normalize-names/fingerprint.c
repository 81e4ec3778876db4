/* fingerprint.c: stages 2 and 3.  A name cut into words (prefixes joined,
 * acronyms expanded, possessives, spelling, stop words, light stemming),
 * then the words sorted and made unique: its fingerprint. */

static void
tokens_push(struct tokens *t, const char *w, size_t n)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 32;
		t->off = xrealloc(t->off, t->cap * sizeof *t->off);
	}
	t->off[t->n++] = t->text.len;
	buf_add(&t->text, w, n);
	buf_addc(&t->text, '\0');
}

static const char *
tok_at(const struct tokens *t, size_t i)
{
	return t->text.p + t->off[i];
}

/* American spelling to British: a listed beginning (us-spelling), else
 * the -ize endings (ize-ending). */
static void
british(struct ctx *c, char *w)
{
	struct buf *tmp = &c->word;
	size_t i, n = strlen(w), plen;
	const char *uk;

	/* an American beginning listed, the longest first, unless the word
	 * already has the British one ("programme" begins "program") */
	for (plen = n; plen > 0; plen--) {
		uk = lex_value(c->words, w, plen, NAMES_US_SPELLING);
		if (uk && strncmp(w, uk, strlen(uk)) != 0) {
			buf_reset(tmp);
			buf_adds(tmp, uk);
			buf_adds(tmp, w + plen);
			if (tmp->len < WORD_MAX)
				memcpy(w, tmp->p, tmp->len + 1);
			return;
		}
	}
	/* -ize, -ized, -izing, -ization...: organize -> organise */
	for (i = 3; i + 2 < n; i++)
		if (w[i] == 'i' && w[i + 1] == 'z' &&
		    lex_is(c->words, w + i + 2, n - i - 2, NAMES_IZE_ENDING))
			w[i + 1] = 's';
}

static bool
ends(const char *w, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

static bool
is_vowel(char ch)
{
	return strchr("aeiouy", ch) != NULL;
}

/* After "-ed" or "-ing" went: undouble, or give back a silent e, so that
 * "stopped", "seized", "driving" meet "stop", "seize", "drive". */
static size_t
restore_e(const struct ctx *c, char *w, size_t n)
{
	if (n >= 2 && w[n - 1] == w[n - 2] && !is_vowel(w[n - 1]) &&
	    (!strchr("lsz", w[n - 1]) || (w[n - 1] == 'l' && n >= 6)))
		return n - 1;
	if ((n >= 3 && lex_is(c->words, w + n - 3, 3, NAMES_SILENT_E)) ||
	    (n >= 2 && lex_is(c->words, w + n - 2, 2, NAMES_SILENT_E))) {
		w[n] = 'e';
		return n + 1;
	}
	return n;
}

/* Light stemming: plurals and the -ed/-ing forms, giving real words
 * where the rules allow, so that keys stay readable. */
static void
stem(const struct ctx *c, char *w)
{
	/* Shorter words keep -ed and -ing: they are words themselves
	 * ("shed", "need", "during", "string"), seldom a verb's form. */
	enum { ED_MIN = 6, ING_MIN = 7 };
	size_t n = strlen(w);

	if (n >= WORD_MAX - 2 || isdigit((unsigned char)w[0]))
		return;
	if (n > 4 && ends(w, n, "ies"))
		n -= 2, w[n - 1] = 'y';
	else if (n > 4 && (ends(w, n, "sses") || ends(w, n, "shes") ||
			   ends(w, n, "ches") || ends(w, n, "xes")))
		n -= 2;
	else if (n > 3 && w[n - 1] == 's' && !strchr("su", w[n - 2]) &&
		 !(w[n - 2] == 'i'))
		n -= 1;
	if (n > 4 && ends(w, n, "ied"))
		n -= 2, w[n - 1] = 'y';
	else if (n >= ED_MIN && ends(w, n, "ed") && !ends(w, n, "eed"))
		n = restore_e(c, w, n - 2);
	else if (n >= ING_MIN && ends(w, n, "ing") && !ends(w, n, "eing"))
		n = restore_e(c, w, n - 3);	/* not "wellbeing" */
	else if (n >= ING_MIN && (ends(w, n, "ively") || ends(w, n, "ously") ||
			    ends(w, n, "ally") || ends(w, n, "ently")))
		n -= 2;		/* actively -> active, annually -> annual */
	w[n] = '\0';
}

/* One word to its key form, pushed unless it is a stop word. */
static void
add_word(struct ctx *c, const char *w, size_t n)
{
	char word[WORD_MAX + 8];	/* stemming may give an e back */
	const char *num;

	if (n == 0)
		return;
	if (n >= WORD_MAX) {	/* not a word: keep it whole */
		tokens_push(&c->tok, w, n);
		return;
	}
	memcpy(word, w, n);
	word[n] = '\0';
	if (word_is(c, word, NAMES_STOP))
		return;
	if ((num = word_value(c, word, NAMES_NUMBER_WORD)))
		strcpy(word, num);
	british(c, word);
	stem(c, word);
	if (word[0] && !word_is(c, word, NAMES_STOP))
		tokens_push(&c->tok, word, strlen(word));
}

/* Cut a word at apostrophes: "victims'" and "children's" lose the
 * possessive, "o'clock" is one word. */
static size_t
drop_apostrophes(char *w, size_t n)
{
	size_t i, j = 0;

	if (n >= 2 && w[n - 2] == '\'' && w[n - 1] == 's')
		n -= 2;
	for (i = 0; i < n; i++)
		if (w[i] != '\'')
			w[j++] = w[i];
	return j;
}

/* Split folded text into words, join prefixes, expand abbreviations.
 * Expansions are not expanded again: a definition cannot loop. */
static void
words(struct ctx *c, char *s, size_t n, bool expand_abbrevs)
{
	size_t i = 0, start, len, plen = 0;
	char joined[2 * WORD_MAX];	/* a prefix and the word after it */
	const char *e;

	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\''))
			i++;
		start = i;
		while (i < n && s[i] != ' ')
			i++;
		len = drop_apostrophes(s + start, i - start);
		if (len == 0)
			continue;
		if (plen > 0 && plen + len < sizeof joined) {	/* anti social */
			memcpy(joined + plen, s + start, len);
			add_word(c, joined, plen + len);
			plen = 0;
			continue;
		}
		if (plen > 0)
			add_word(c, joined, plen);
		plen = 0;
		if (len < WORD_MAX) {
			memcpy(joined, s + start, len);
			joined[len] = '\0';
			if (word_is(c, joined, NAMES_PREFIX)) {
				plen = len;
				continue;
			}
			if (expand_abbrevs && (e = expand(c, joined))) {
				char *copy = xstrdup(e);
				words(c, copy, strlen(copy), false);
				free(copy);
				continue;
			}
		}
		add_word(c, s + start, len);
	}
	if (plen > 0)
		add_word(c, joined, plen);
}

/* ---- stage 3: fingerprint ---- */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The tokens sorted and unique, into c->sorted; returns how many. */
static size_t
fingerprint(struct ctx *c)
{
	size_t i, n = 0;

	if (c->tok.n > c->sorted_cap) {
		c->sorted_cap = c->tok.n * 2;
		c->sorted = xrealloc(c->sorted, c->sorted_cap * sizeof *c->sorted);
		c->used = xrealloc(c->used, c->sorted_cap * sizeof *c->used);
	}
	if (c->tok.n == 0)	/* c->sorted may still be NULL */
		return 0;
	for (i = 0; i < c->tok.n; i++)
		c->sorted[i] = tok_at(&c->tok, i);
	qsort(c->sorted, c->tok.n, sizeof *c->sorted, cmp_str);
	for (i = 0; i < c->tok.n; i++)
		if (n == 0 || strcmp(c->sorted[n - 1], c->sorted[i]) != 0)
			c->sorted[n++] = c->sorted[i];
	return n;
}

/* Stages 1 to 3: the sorted fingerprint tokens of a name. */
static size_t
name_tokens(struct ctx *c, const char *s, size_t n, bool expand_abbrevs)
{
	unify(c, s, n);
	c->tok.n = 0;
	buf_reset(&c->tok.text);
	words(c, c->folded.p, c->folded.len, expand_abbrevs);
	return fingerprint(c);
}
