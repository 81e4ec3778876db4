/* tokens.c: stage 1a, a block's text as tokens (words, numbers, codes,
 * punctuation), and what a token is: its word classes, its shape, where
 * it stands in the source, its words as a phrase. */

static bool
is_ascii_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_quote(int32_t cp)
{
	return cp == '\'' || cp == '"' || cp == 0x2018 || cp == 0x2019 ||
	       cp == 0x201C || cp == 0x201D;
}

static bool
is_ascii_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static struct tok *
tok_push(struct ctx *c, enum tkind kind, size_t s, size_t e, bool sp)
{
	struct tok *t;

	if (c->ntok == c->cap_tok) {
		c->cap_tok = c->cap_tok ? 2 * c->cap_tok : 256;
		c->tok = xrealloc(c->tok, c->cap_tok * sizeof *c->tok);
		c->word = xrealloc(c->word, c->cap_tok * sizeof *c->word);
	}
	t = &c->tok[c->ntok++];
	t->kind = kind;
	t->s = s;
	t->e = e;
	t->sp = sp;
	t->cap = false;
	t->cp = 0;
	t->low[0] = '\0';
	t->cls = t->starts = 0;
	t->num = -1;
	t->month = 0;
	return t;
}

/* Set the lower-case form of a word of n bytes; returns n, or 0 when it
 * is too long to be a word of the lexicon. */
static size_t
set_low(struct tok *t, const char *p, size_t n)
{
	size_t i;

	if (n >= sizeof t->low || n == 0) {
		t->low[0] = '\0';
		return 0;
	}
	for (i = 0; i < n; i++)
		t->low[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
	t->low[n] = '\0';
	return n;
}

/* Digits with thousands separators and a decimal part: "1,234.5". */
static size_t
scan_digits(const char *p, size_t i, size_t n)
{
	while (i < n) {
		if (is_ascii_digit((unsigned char)p[i]))
			i++;
		else if (p[i] == ',' && i + 3 < n + 0 &&
			 is_ascii_digit((unsigned char)p[i + 1]) &&
			 is_ascii_digit((unsigned char)p[i + 2]) &&
			 is_ascii_digit((unsigned char)p[i + 3]) &&
			 (i + 4 >= n || !is_ascii_digit((unsigned char)p[i + 4])))
			i += 4;
		else if (p[i] == ',' && i + 3 == n &&
			 is_ascii_digit((unsigned char)p[i + 1]) &&
			 is_ascii_digit((unsigned char)p[i + 2]))
			i += 1;	/* "1,23" at the end: kept as a bad number */
		else if (p[i] == '.' && i + 1 < n &&
			 is_ascii_digit((unsigned char)p[i + 1]))
			i++;
		else
			break;
	}
	return i;
}

static size_t
scan_letters(const char *p, size_t i, size_t n)
{
	int32_t cp;
	size_t k;

	while (i < n) {
		if (is_ascii_alpha((unsigned char)p[i])) {
			i++;
			continue;
		}
		if ((p[i] == '\'' || (unsigned char)p[i] == 0xE2) && i > 0) {
			/* an apostrophe inside a word: "Children's" */
			k = text_decode(p + i, n - i, &cp);
			if ((cp == '\'' || cp == 0x2019) && i + k < n &&
			    is_ascii_alpha((unsigned char)p[i + k])) {
				i += k;
				continue;
			}
			if (p[i] == '\'')
				break;
			/* else a letter may start with that byte: "ℓ" */
		}
		if ((unsigned char)p[i] < 0x80)
			break;
		k = text_decode(p + i, n - i, &cp);
		if (!text_is_letter(cp))
			break;
		i += k;
	}
	return i;
}

static size_t
scan_alnum(const char *p, size_t k, size_t n)
{
	while (k < n && (is_ascii_alpha((unsigned char)p[k]) ||
			 is_ascii_digit((unsigned char)p[k])))
		k++;
	return k;
}

static void
push_word(struct ctx *c, const char *p, size_t s, size_t e, bool sp)
{
	struct tok *t = tok_push(c, T_WORD, s, e, sp);
	size_t n = set_low(t, p + s, e - s);

	if (n) {
		t->cls = lex_lookup(c->lex.lx, t->low, n, &t->starts);
		if (t->cls & W(NUMBER))
			t->num = atoi(word_value(c, t->low, n, METRICS_NUMBER));
		if (initials_may(&c->lex.month, (unsigned char)t->low[0], n))
			t->month = period_month(t->low, n);
	}
	t->cap = p[s] >= 'A' && p[s] <= 'Z';
}

/* A digit run at i: a number, a number and a glued unit ("5.7m",
 * "15mins", "1st"), or a code ("4E", "3G2").  Returns the end. */
static size_t
tok_digits(struct ctx *c, const char *p, size_t i, size_t n, bool sp)
{
	size_t j = scan_digits(p, i, n), k = j, q, m;
	char low[16];

	while (k < n && is_ascii_alpha((unsigned char)p[k]))
		k++;
	if (k == j) {
		tok_push(c, T_NUM, i, j, sp);
		return j;
	}
	m = k - j < sizeof low ? k - j : 0;
	for (q = 0; q < m; q++)
		low[q] = (char)tolower((unsigned char)p[j + q]);
	low[m] = '\0';
	if (m && (k >= n || !is_ascii_digit((unsigned char)p[k])) &&
	    lex_is(c->lex.lx, low, m, METRICS_GLUED)) {
		tok_push(c, T_NUM, i, j, sp);
		push_word(c, p, j, k, false);
		return k;
	}
	k = scan_alnum(p, k, n);
	tok_push(c, T_CODE, i, k, sp);
	return k;
}

/* A run of letters at i, or a code ("Q2", "C17", "A21").  Returns the
 * end. */
static size_t
tok_letters(struct ctx *c, const char *p, size_t i, size_t n, bool sp)
{
	size_t j = scan_letters(p, i, n);

	if (j < n && is_ascii_digit((unsigned char)p[j])) {
		j = scan_alnum(p, j, n);
		tok_push(c, T_CODE, i, j, sp);
	} else {
		push_word(c, p, i, j, sp);
	}
	return j;
}

static void
tokenize(struct ctx *c, const char *p, size_t n)
{
	size_t i = 0, k;
	bool sp = true;
	int32_t cp;
	struct tok *t;

	c->text = p;
	c->ntok = 0;
	while (i < n) {
		unsigned char ch = (unsigned char)p[i];

		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			sp = true;
			i++;
			continue;
		}
		if (is_ascii_digit(ch)) {
			i = tok_digits(c, p, i, n, sp);
		} else if (is_ascii_alpha(ch)) {
			i = tok_letters(c, p, i, n, sp);
		} else if (ch < 0x80) {
			t = tok_push(c, T_PUNCT, i, i + 1, sp);
			t->cp = ch;
			i++;
		} else {
			k = text_decode(p + i, n - i, &cp);
			if (text_is_letter(cp)) {
				i = tok_letters(c, p, i, n, sp);
			} else if (text_is_space(cp) || text_is_invisible(cp)) {
				sp = sp || text_is_space(cp);
				i += k;
				continue;
			} else {
				/* superscript digits are footnote markers */
				t = tok_push(c, T_PUNCT, i, i + k, sp);
				t->cp = text_is_superscript_digit(cp) ? 0xB9 : cp;
				i += k;
			}
		}
		sp = false;
	}
	/* the tokens as lib/lex reads phrases: words in lower case, and
	 * "%" ("% points"); anything else is no word */
	for (k = 0; k < c->ntok; k++) {
		t = &c->tok[k];
		c->word[k].s = t->low;
		c->word[k].n = t->kind == T_WORD ? strlen(t->low) : 0;
		if (t->kind == T_PUNCT && t->cp == '%') {
			c->word[k].s = "%";
			c->word[k].n = 1;
			t->cls = lex_lookup(c->lex.lx, "%", 1, &t->starts);
		}
	}
}

static bool
tok_is(const struct ctx *c, size_t i, size_t end, const char *w)
{
	return i < end && c->tok[i].kind == T_WORD && c->tok[i].low[0] == w[0] &&
	       strcmp(c->tok[i].low, w) == 0;
}

static bool
tok_punct(const struct ctx *c, size_t i, size_t end, int32_t cp)
{
	return i < end && c->tok[i].kind == T_PUNCT && c->tok[i].cp == cp;
}

static bool
tok_dash(const struct ctx *c, size_t i, size_t end)
{
	return i < end && c->tok[i].kind == T_PUNCT && text_is_dash(c->tok[i].cp);
}

/* Token i (before end) is a word of one of the classes in mask: W(STOP),
 * W(RISE) | W(FALL). */
static bool
tok_has(const struct ctx *c, size_t i, size_t end, lex_mask mask)
{
	return i < end && (c->tok[i].cls & mask);
}

/* The longest phrase of a class in want that starts at token i and ends
 * by end: its length in tokens, 0 when none; *value is its value (lib/lex
 * lex_phrase: the phrase tables of data/lexicon/metrics.tsv). */
static size_t
phrase_at(const struct ctx *c, size_t i, size_t end, lex_mask want,
	  const char **value)
{
	if (i >= end || !((c->tok[i].cls | c->tok[i].starts) & want))
		return 0;	/* no such phrase starts here: no lookup */
	return lex_phrase(c->lex.lx, c->word + i, end - i, want, NULL, value);
}

/* The longest phrase of a class in want that ends just before token e and
 * starts at or after lo: its length in tokens, 0 when none. */
static size_t
phrase_ending(const struct ctx *c, size_t lo, size_t e, lex_mask want,
	      const char **value)
{
	size_t k = c->lex.max_words;

	for (; k > 0; k--)
		if (e >= lo + k && phrase_at(c, e - k, e, want, value) == k)
			return k;
	return 0;
}

static long
line_at(const struct ctx *c, size_t off)
{
	long line = c->blk.line;
	size_t k;

	for (k = 0; k < c->nmap && (size_t)c->map_off[k] <= off; k++)
		line = c->map_line[k];
	return line;
}

static bool
is_month(const struct ctx *c, size_t i, size_t end)
{
	return i < end && c->tok[i].month > 0;
}

static bool
content_word(const struct tok *t)
{
	if (t->kind == T_CODE)
		return true;
	if (t->kind != T_WORD)
		return false;
	return !(t->low[0] && (t->cls & W(STOP)));
}

static bool
verb_like(const struct tok *t)
{
	size_t n = strlen(t->low);

	return n > 4 && !strcmp(t->low + n - 2, "ed");
}

/* A word that can be a verb's base form: not a stop word, not ending
 * in -s, -ed or -ing ("open", "launch", not "delays", "increased"). */
static bool
base_verb(const struct tok *t)
{
	size_t n = strlen(t->low);

	return t->kind == T_WORD && n > 1 && !(t->cls & W(STOP)) &&
	       t->low[n - 1] != 's' && !(n > 3 && !strcmp(t->low + n - 2, "ed")) &&
	       !(n > 4 && !strcmp(t->low + n - 3, "ing"));
}

static bool
clause_edge(const struct tok *t)
{
	if (t->kind == T_PUNCT)
		return t->cp == ',' || t->cp == ';' || t->cp == ':' ||
		       t->cp == '(' || t->cp == ')';
	return t->kind == T_WORD && (t->cls & W(JOIN));
}

static int
direction(const struct tok *t)
{
	if (t->kind != T_WORD || !t->low[0])
		return 0;
	if ((t->cls & W(RISE)))
		return 1;
	if ((t->cls & W(FALL)))
		return -1;
	return 0;
}

/* "nationally", "currently": adverbs close a measure phrase. */
static bool
adverb(const struct tok *t)
{
	static const char *const ends[] = {
		"ally", "ively", "ately", "ently", "antly", "arly", "ously",
		"fully", "edly", "ssly", "ckly", NULL
	};
	size_t n = strlen(t->low), k, m;

	for (k = 0; ends[k]; k++)
		if (n > (m = strlen(ends[k])) + 1 &&
		    !strcmp(t->low + n - m, ends[k]))
			return true;
	return false;
}

static bool
modifier(const struct tok *t)
{
	return t->kind == T_WORD && (t->cls & W(MODIFIER));
}

/* Words that belong to a period phrase, not to a measure. */
static bool
period_word(const struct ctx *c, size_t i, size_t end)
{
	return is_month(c, i, end) || tok_has(c, i, end, W(PERIOD_WORD));
}

/* Add the words of tokens w to m as the text has them: punctuation left
 * out but for glued hyphens, "/", "%" and "&", asides in parentheses left
 * out but for names. */
static void
add_words(struct buf *m, const struct ctx *c, struct span w)
{
	size_t j, k, e = w.b;
	bool gap = false;	/* left-out punctuation stood between words */

	for (j = w.a; j < e; j++) {
		const struct tok *t = &c->tok[j];

		/* "(+12.3%)" is a figure, "(suspected to be heroin)" an
		 * aside, "(KSI)" a name: keep only names */
		if (t->kind == T_PUNCT && t->cp == '(') {
			for (k = j + 1; k < e && !tok_punct(c, k, e, ')'); k++)
				if (c->tok[k].kind == T_NUM ||
				    (c->tok[k].kind == T_WORD && !content_word(&c->tok[k])))
					break;
			if (k < e && !tok_punct(c, k, e, ')')) {
				while (k < e && !tok_punct(c, k, e, ')'))
					k++;
				j = k;
				gap = true;
				continue;
			}
		}
		if (t->kind == T_PUNCT && !text_is_dash(t->cp) && t->cp != '/' &&
		    t->cp != '%' && t->cp != '&') {
			gap = gap || t->sp || t->cp == '(' || t->cp == ')';
			continue;
		}
		if (m->len && (t->sp || gap))	/* a glued hyphen stays glued */
			buf_addc(m, ' ');
		gap = false;
		buf_add(m, c->text + t->s, t->e - t->s);
	}
}
