/* words.c: the words a report's structure is read by, and small tests
 * on text (blanks, case, sentence ends).
 *
 * The word lists are data: data/lexicon/sections.tsv, each class said in
 * sections.classes.tsv, made into build/gen/lex-sections.h at build time
 * and looked up through lib/lex.h, one way for every list: a single word
 * (word_is), or a phrase of one or more words that a line opens with
 * (opens_with), that stands before a colon (phrase_before), or that
 * stands anywhere in a line (has_phrase).  A phrase's words are letters,
 * one space apart, in any case. */

enum {
	PHRASE_BYTES = 64,	/* a longer word or phrase is in no list */
	PHRASE_WORDS = 4	/* words of the longest phrase, and more */
};

/* The lexicon: a constant table (lib/lex.h), with, for each byte, the
 * classes of the phrases that begin with it in either case (lex_first):
 * most lines are ruled out by their first byte, with no lookup. */
static struct lex *
lexicon(void)
{
	return lex_open(&sections_lex);
}

static bool
is_letter(char ch)
{
	return isalpha((unsigned char)ch) != 0;
}

/* The classes of a word of n bytes (any case); 0 when it is in no list. */
static lex_mask
word_classes(const char *s, size_t n)
{
	char low[PHRASE_BYTES];
	size_t i;

	if (n == 0 || n > sizeof low)
		return 0;
	for (i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	return lex_classes(lexicon(), low, n);
}

static bool
word_is(const char *s, size_t n, unsigned cls)
{
	return (word_classes(s, n) & LEX_BIT(cls)) != 0;
}

/* The value a word has in class cls (any case), or NULL. */
static const char *
word_value(const char *s, size_t n, unsigned cls)
{
	char low[PHRASE_BYTES];
	size_t i;

	if (n == 0 || n > sizeof low)
		return NULL;
	for (i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	return lex_value(lexicon(), low, n, cls);
}

/* The longest phrase of a class in want that s opens with: its length in
 * bytes, or 0; *cls (when not NULL) its class. */
static size_t
opens_with(const char *s, size_t n, lex_mask want, unsigned *cls)
{
	struct lex *L = lexicon();
	char low[PHRASE_BYTES];
	struct lex_word w[PHRASE_WORDS];
	size_t end[PHRASE_WORDS], nw = 0, i = 0, a, k;

	if (n == 0 || !(lex_first(L, (unsigned char)s[0]) & want))
		return 0;
	while (nw < PHRASE_WORDS) {
		for (a = i; i < n && i < sizeof low && is_letter(s[i]); i++)
			low[i] = (char)tolower((unsigned char)s[i]);
		if (i == a || (i < n && is_letter(s[i])))
			break;	/* no word, or one too long for any list */
		w[nw].s = low + a;
		w[nw].n = i - a;
		end[nw++] = i;
		if (i + 1 >= n || i + 1 >= sizeof low || s[i] != ' ' ||
		    !is_letter(s[i + 1]))
			break;	/* the end, or no room for a word more */
		low[i++] = ' ';
	}
	k = nw ? lex_phrase(L, w, nw, want, cls, NULL) : 0;
	return k ? end[k - 1] : 0;
}

/* Whether a phrase of class cls ends right at s[k] ("... we will" before
 * a colon): *at is where it starts.  The last word before k is tried,
 * then the last two, and so on. */
static bool
phrase_before(const char *s, size_t k, unsigned cls, size_t *at)
{
	size_t a = k, nw;

	for (nw = 0; nw < PHRASE_WORDS && k - a < PHRASE_BYTES; nw++) {
		if (a == 0 || !is_letter(s[a - 1]))
			return false;
		while (a > 0 && is_letter(s[a - 1]))
			a--;
		if (word_is(s + a, k - a, cls)) {
			*at = a;
			return true;
		}
		if (a < 2 || s[a - 1] != ' ')
			return false;
		a--;
	}
	return false;
}

/* Whether a phrase of class cls stands anywhere in s, from a word's
 * start. */
static bool
has_phrase(const char *s, size_t n, unsigned cls)
{
	struct lex *L = lexicon();
	size_t i;

	for (i = 0; i < n; i++)
		if ((lex_first(L, (unsigned char)s[i]) & LEX_BIT(cls)) &&
		    (i == 0 || !is_letter(s[i - 1])) &&
		    opens_with(s + i, n - i, LEX_BIT(cls), NULL))
			return true;
	return false;
}

/* ---- small tests on text ---- */

static bool
is_blank(int ch)
{
	return ch == ' ' || ch == '\t';
}

static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && is_blank(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* A span of s without the blanks at its ends. */
static struct span
trim_span(const char *s, struct span sp)
{
	while (sp.a < sp.b && is_blank(s[sp.a]))
		sp.a++;
	while (sp.b > sp.a && is_blank(s[sp.b - 1]))
		sp.b--;
	return sp;
}

/* Append src to dst (buf_add with an empty, perhaps unallocated, src). */
static void
buf_copy(struct buf *dst, const struct buf *src)
{
	if (src->len > 0)
		buf_add(dst, src->p, src->len);
}

static int32_t
first_cp(const char *s, size_t n)
{
	int32_t cp = 0;

	if (n > 0)
		text_decode(s, n, &cp);
	return cp;
}

static bool
starts_upper(const char *s, size_t n)
{
	int32_t cp = first_cp(s, n);
	return n > 0 && (utf8proc_isupper(cp) || text_is_digit(cp));
}

static bool
starts_lower(const char *s, size_t n)
{
	return n > 0 && utf8proc_islower(first_cp(s, n));
}

/* Does the text end a sentence (., ! or ?, perhaps inside quotes)? */
static bool
ends_sentence(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ')' ||
			 s[n - 1] == '"' || s[n - 1] == '\''))
		n--;
	return n > 0 && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

static bool
prefix_ci(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	/* the first byte rules out most lines without a call */
	if (n < k || (s[0] != p[0] && tolower((unsigned char)s[0]) != p[0]))
		return false;
	return strncasecmp(s, p, k) == 0;
}

/* Length of the first word: up to a blank or a , : ; or . */
static size_t
word_len(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != ',' &&
	       s[i] != ':' && s[i] != ';' && s[i] != '.')
		i++;
	return i;
}

/* Whether the pattern (a C string) stands anywhere in s. */
static bool
contains(const char *s, size_t n, const char *pat)
{
	size_t k = strlen(pat), i;

	for (i = 0; k <= n && i <= n - k; i++)
		if (s[i] == pat[0] && memcmp(s + i, pat, k) == 0)
			return true;
	return false;
}

/* A line in capitals: three letters or more, none lower case. */
static bool
text_caps(const char *s, size_t n)
{
	size_t i = 0, upper = 0;
	int32_t cp;

	while (i < n) {
		i += text_decode(s + i, n - i, &cp);
		if (utf8proc_islower(cp))
			return false;
		upper += utf8proc_isupper(cp) != 0;
	}
	return upper >= 3;
}

/* The next word of s from *i on (words apart by spaces): true, with the
 * word at [*i, *k); false at the end. */
static bool
next_word(const char *s, size_t n, size_t *i, size_t *k)
{
	while (*i < n && s[*i] == ' ')
		(*i)++;
	if (*i >= n)
		return false;
	for (*k = *i; *k < n && s[*k] != ' '; (*k)++)
		;
	return true;
}

/* Words of s, and (lower, when not NULL) how many start lower case. */
static size_t
count_words(const char *s, size_t n, size_t *lower)
{
	size_t i = 0, k, words = 0;

	if (lower)
		*lower = 0;
	for (; next_word(s, n, &i, &k); i = k) {
		words++;
		if (lower)
			*lower += islower((unsigned char)s[i]) != 0;
	}
	return words;
}
