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
	t->form = DIGITS_PLAIN;
	t->low[0] = '\0';
	t->cls = t->starts = 0;
	t->num = -1;
	t->month = 0;
	return t;
}

/* A run of digits with separators from i (a digit, or a "." before one:
 * ".08"); a separator counts only between digits.  Returns its end, and
 * in *form how it is written, by the locale policy (docs/extract-metrics.md,
 * "Decimal commas and other locale forms"):
 *   - commas that group thousands and one decimal point ("1,234,567",
 *     "1,234.5", "0.25"): plain;
 *   - dots that group thousands and a decimal comma ("1.234,56"):
 *     European, read as such;
 *   - one comma and one or two digits after it ("3,5", "4,10", "12,34"):
 *     a decimal comma or a list of two numbers; numbers.c reads it only
 *     where a sign after it says which ("3,5%");
 *   - any other comma ("1,000000", "1,23,456", "12345,678"): unsure.
 * Several dots and no comma ("4.2.1", "01.06.2023") make *code: a
 * section, version or date, no number. */
static size_t
scan_digits(const char *p, size_t i, size_t n, enum digits_form *form,
	    bool *code)
{
	size_t start = i, first = 0, group = 0, commas = 0, dots = 0;
	bool comma_threes = true, dot_threes = true;	/* every group after one is of 3 */
	bool comma_then_dot = false, dot_then_comma = false;
	char sep = 0;

	for (; i < n; i++) {
		char ch = p[i];

		if (is_ascii_digit((unsigned char)ch)) {
			group++;
			continue;
		}
		if ((ch != ',' && ch != '.') || i + 1 >= n ||
		    !is_ascii_digit((unsigned char)p[i + 1]) ||
		    (group == 0 && !(ch == '.' && i == start)))
			break;
		if (sep == 0)
			first = group;
		else if (sep == ',')
			comma_threes = comma_threes && group == 3;
		else
			dot_threes = dot_threes && group == 3;
		if (ch == ',') {
			commas++;
			dot_then_comma = dot_then_comma || dots > 0;
		} else {
			dots++;
			comma_then_dot = comma_then_dot || commas > 0;
		}
		sep = ch;
		group = 0;
	}
	*code = commas == 0 && dots > 1;
	*form = DIGITS_UNSURE;
	if (commas == 0)
		*form = DIGITS_PLAIN;
	else if (first == 0 || first > 3)
		*form = commas == 1 && dots == 0 && group <= 2 ? DIGITS_COMMA : DIGITS_UNSURE;
	else if (dots == 0)
		*form = comma_threes && group == 3 ? DIGITS_PLAIN :
			commas == 1 && group <= 2 ? DIGITS_COMMA : DIGITS_UNSURE;
	else if (dots == 1 && comma_then_dot && !dot_then_comma && comma_threes)
		*form = DIGITS_PLAIN;	/* 1,234.5 */
	else if (commas == 1 && dot_then_comma && !comma_then_dot && dot_threes)
		*form = DIGITS_EUROPEAN;	/* 1.234,56 */
	return i;
}

/* A soft hyphen (U+00AD) at p[i]: invisible, it only says where a word
 * may break. */
static bool
soft_hyphen(const char *p, size_t i, size_t n)
{
	return i + 1 < n && (unsigned char)p[i] == 0xC2 && (unsigned char)p[i + 1] == 0xAD;
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
		/* "emer\u00ADgency", "Seven\u00ADteen": a soft hyphen where a
		 * line-end hyphen was joined stays inside its word */
		if (soft_hyphen(p, i, n) && i > 0 && i + 2 < n &&
		    is_ascii_alpha((unsigned char)p[i - 1]) &&
		    is_ascii_alpha((unsigned char)p[i + 2])) {
			i += 2;
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

/* A word token of text [s, e), read as the lower-case word low of n
 * bytes (n == 0: too long to be a word of the lexicon). */
static void
push_word_as(struct ctx *c, const char *p, size_t s, size_t e, bool sp,
	     const char *low, size_t n)
{
	struct tok *t = tok_push(c, T_WORD, s, e, sp);

	if (n && n < sizeof t->low) {
		memcpy(t->low, low, n);
		t->low[n] = '\0';
		t->cls = lex_lookup(c->lex.lx, t->low, n, &t->starts);
		if (t->cls & W(NUMBER))
			t->num = atoi(word_value(c, t->low, n, METRICS_NUMBER));
		if (initials_may(&c->lex.month, (unsigned char)t->low[0], n))
			t->month = period_month(t->low, n);
	}
	t->cap = p[s] >= 'A' && p[s] <= 'Z';
}

static void
push_word(struct ctx *c, const char *p, size_t s, size_t e, bool sp)
{
	char low[sizeof c->tok->low];
	size_t n = 0, i;

	for (i = s; i < e && n < sizeof low; i++) {
		if ((unsigned char)p[i] == 0xC2 && soft_hyphen(p, i, e)) {
			i++;
			continue;
		}
		low[n++] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
	}
	if (n >= sizeof low)
		n = 0;
	push_word_as(c, p, s, e, sp, low, n);
}

/* A letter glued to a whole number names something ("4b", "Form 2b");
 * "b" is billions only glued to a decimal or an amount ("1.2b", "£3b"). */
static bool
glued_billions_only(const char *p, size_t i, size_t j, const char *low)
{
	return !strcmp(low, "b") && !memchr(p + i, '.', j - i) &&
	       !(i > 0 && ((unsigned char)p[i - 1] == 0xA3 || p[i - 1] == '$'));
}

/* A digit run at i: a number, a number and a glued unit ("5.7m",
 * "15mins", "1st"), or a code ("4E", "3G2", "4.2.1").  Returns the end. */
static size_t
tok_digits(struct ctx *c, const char *p, size_t i, size_t n, bool sp)
{
	enum digits_form form;
	bool code;
	size_t j = scan_digits(p, i, n, &form, &code), k = j, q, m;
	char low[16];

	if (code) {
		k = scan_alnum(p, j, n);
		tok_push(c, T_CODE, i, k, sp);
		return k;
	}
	while (k < n && is_ascii_alpha((unsigned char)p[k]))
		k++;
	if (k == j) {
		tok_push(c, T_NUM, i, j, sp)->form = form;
		return j;
	}
	m = k - j < sizeof low ? k - j : 0;
	for (q = 0; q < m; q++)
		low[q] = (char)tolower((unsigned char)p[j + q]);
	low[m] = '\0';
	if (m && (k >= n || !is_ascii_digit((unsigned char)p[k])) &&
	    lex_is(c->lex.lx, low, m, METRICS_GLUED) &&
	    !glued_billions_only(p, i, j, low)) {
		tok_push(c, T_NUM, i, j, sp)->form = form;
		push_word(c, p, j, k, false);
		return k;
	}
	k = scan_alnum(p, k, n);
	tok_push(c, T_CODE, i, k, sp);
	return k;
}

/* "Seven-teen", "Seven- teen": a number word split by a line-end hyphen
 * (the second part alone no number word, unlike "twenty-five").  Returns
 * the end of the second part with the joined word pushed, or j. */
static size_t
split_number_word(struct ctx *c, const char *p, size_t i, size_t j, size_t n,
		  bool sp)
{
	char low[sizeof c->tok->low];
	size_t q = j + 1, r, len = 0, k;

	if (j >= n || p[j] != '-')
		return j;
	while (q < n && p[q] == ' ')
		q++;
	for (r = q; r < n && p[r] >= 'a' && p[r] <= 'z'; r++)
		;
	if (r == q || (r < n && is_ascii_alpha((unsigned char)p[r])) ||
	    (j - i) + (r - q) >= sizeof low)
		return j;
	for (k = i; k < j; k++)
		low[len++] = (char)tolower((unsigned char)p[k]);
	for (k = q; k < r; k++)
		low[len++] = p[k];
	if (!(lex_classes(c->lex.lx, low, len) & NUMBER_WORD) ||
	    (lex_classes(c->lex.lx, p + q, r - q) & NUMBER_WORD))
		return j;
	push_word_as(c, p, i, r, sp, low, len);
	return r;
}

/* A run of letters at i, or a code ("Q2", "C17", "A21").  Returns the
 * end. */
static size_t
tok_letters(struct ctx *c, const char *p, size_t i, size_t n, bool sp)
{
	size_t j = scan_letters(p, i, n), k;

	if (j < n && is_ascii_digit((unsigned char)p[j])) {
		j = scan_alnum(p, j, n);
		tok_push(c, T_CODE, i, j, sp);
	} else if ((k = split_number_word(c, p, i, j, n, sp)) > j) {
		j = k;
	} else {
		push_word(c, p, i, j, sp);
	}
	return j;
}

/* The end of a web address starting at i ("https://...", "www...."), or
 * i: it runs to a space or a bracket, less the punctuation of the
 * sentence after it. */
static size_t
url_end(const char *p, size_t i, size_t n)
{
	size_t k = i;

	if (!((n - i > 7 && !strncasecmp(p + i, "http://", 7)) ||
	      (n - i > 8 && !strncasecmp(p + i, "https://", 8)) ||
	      (n - i > 4 && !strncasecmp(p + i, "www.", 4))))
		return i;
	while (k < n && p[k] != ' ' && p[k] != '\t' && p[k] != '\n' &&
	       !strchr("<>\"')]|", p[k]))
		k++;
	while (k > i && strchr(".,;:!?", p[k - 1]))
		k--;
	return k;
}

/* An opening bracket or quote: no part of an address glued after it. */
static bool
opening(int32_t cp)
{
	return cp == '(' || cp == '[' || cp == '<' || cp == '{' || is_quote(cp);
}

/* An e-mail address or a percent-encoded word ("name@example.org",
 * "Annual%20Report") at the sign at i, glued to the tokens before it:
 * those tokens and the rest of the address become one code, no number in
 * it a figure.  Returns the end of the address, or i when it is none. */
static size_t
address_at(struct ctx *c, const char *p, size_t i, size_t n)
{
	size_t k = i + 1, t;

	if (c->ntok == 0 || c->tok[c->ntok - 1].e != i)
		return i;
	if (p[i] == '@') {
		if (k >= n || !(is_ascii_alpha((unsigned char)p[k]) ||
				is_ascii_digit((unsigned char)p[k])))
			return i;
	} else if (!(k + 2 < n && isxdigit((unsigned char)p[k]) &&
		     isxdigit((unsigned char)p[k + 1]) &&
		     (isalnum((unsigned char)p[k + 2]) || p[k + 2] == '%'))) {
		return i;	/* "%" then not two hex digits and more */
	}
	while (k < n && (isalnum((unsigned char)p[k]) || strchr("._%+-/=?&#~", p[k])))
		k++;
	while (k > i && strchr(".,;:!?", p[k - 1]))
		k--;
	/* the tokens glued before the sign: back to the last space or an
	 * opening bracket or quote ("(name@example.org)") */
	for (t = c->ntok - 1; t > 0 && !c->tok[t].sp &&
			      !(c->tok[t - 1].kind == T_PUNCT && opening(c->tok[t - 1].cp)); t--)
		;
	c->ntok = t;
	tok_push(c, T_CODE, c->tok[t].s, k, c->tok[t].sp);
	return k;
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
		if (is_ascii_digit(ch) ||
		    (ch == '.' && sp && i + 1 < n && is_ascii_digit((unsigned char)p[i + 1]))) {
			i = tok_digits(c, p, i, n, sp);	/* ".08" too */
		} else if ((ch == 'h' || ch == 'H' || ch == 'w' || ch == 'W') &&
			   (k = url_end(p, i, n)) > i) {
			tok_push(c, T_CODE, i, k, sp);
			i = k;
		} else if (is_ascii_alpha(ch)) {
			i = tok_letters(c, p, i, n, sp);
		} else if ((ch == '@' || ch == '%') && !sp &&
			   (k = address_at(c, p, i, n)) > i) {
			i = k;
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
	/* the tokens as lib/lex reads phrases: words in lower case, and the
	 * signs of the lexicon ("% points", "£"); anything else is no word */
	for (k = 0; k < c->ntok; k++) {
		t = &c->tok[k];
		c->word[k].s = t->low;
		c->word[k].n = t->kind == T_WORD ? strlen(t->low) : 0;
		if (t->kind == T_PUNCT && (t->cp == '%' || t->cp == '$' ||
					   t->cp == 0xA3 || t->cp == 0x20AC)) {
			c->word[k].s = p + t->s;
			c->word[k].n = t->e - t->s;
			t->cls = lex_lookup(c->lex.lx, c->word[k].s, c->word[k].n,
					    &t->starts);
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

/* Letters two words of one stem share: "arrests", "arrested". */
enum { STEM_BYTES = 5 };

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
		for (k = t->s; k < t->e; k++)	/* a soft hyphen is no letter */
			if ((unsigned char)c->text[k] == 0xC2 && soft_hyphen(c->text, k, t->e))
				k++;
			else
				buf_addc(m, c->text[k]);
	}
}
