/* acronyms.c: stage 2, acronyms: the built-in table, and definitions
 * learned from the stream ("Killed or Seriously Injured (KSI)") in a
 * bounded table. */

static int
learned_index(const struct ctx *c, const char *abbr)
{
	int i = c->bucket[hash_str(abbr) % LEARNED_BUCKETS];

	while (i >= 0 && strcmp(c->learned[i].abbr, abbr) != 0)
		i = c->learned[i].next;
	return i;
}

static bool
learned_find(struct ctx *c, const char *abbr, const char **expansion)
{
	int i;

	if (!c->learned)
		return false;
	if ((i = learned_index(c, abbr)) < 0)
		return false;
	c->learned[i].used = ++c->clock;
	*expansion = c->learned[i].expansion;
	return true;
}

static void
learned_unlink(struct ctx *c, int victim)
{
	int *p = &c->bucket[hash_str(c->learned[victim].abbr) % LEARNED_BUCKETS];

	while (*p != victim)
		p = &c->learned[*p].next;
	*p = c->learned[victim].next;
}

/* Which entry a new definition takes: a free one, or the least recently
 * defined or used (a bounded table, whatever the stream). */
static int
learned_slot(struct ctx *c)
{
	size_t i, old = 0;

	if (c->nlearned < LEARNED_MAX)
		return (int)c->nlearned++;
	for (i = 1; i < c->nlearned; i++)
		if (c->learned[i].used < c->learned[old].used)
			old = i;
	learned_unlink(c, (int)old);
	free(c->learned[old].abbr);
	free(c->learned[old].expansion);
	return (int)old;
}

static void
learn(struct ctx *c, const char *abbr, const char *expansion)
{
	int i = learned_index(c, abbr);
	unsigned h;

	if (i >= 0) {		/* a later definition wins */
		free(c->learned[i].expansion);
	} else {
		i = learned_slot(c);
		c->learned[i].abbr = xstrdup(abbr);
		h = hash_str(abbr) % LEARNED_BUCKETS;
		c->learned[i].next = c->bucket[h];
		c->bucket[h] = i;
	}
	c->learned[i].expansion = xstrdup(expansion);
	c->learned[i].used = ++c->clock;
	c->gen++;
}

/* The expansion of an abbreviation: the built-in table first, so that
 * keys agree between reports; then the stream's own definitions. */
static const char *
expand(struct ctx *c, const char *w)
{
	const char *e = word_value(c, w, NAMES_ACRONYM);
	char single[WORD_MAX];
	size_t n = strlen(w);

	if (e || learned_find(c, w, &e))
		return e;
	if (n >= 3 && n < WORD_MAX && w[n - 1] == 's') {	/* CSCs, LPTs */
		memcpy(single, w, n - 1);
		single[n - 1] = '\0';
		if ((e = word_value(c, single, NAMES_ACRONYM)))
			return e;
		if (learned_find(c, single, &e))
			return e;
	}
	return NULL;
}

/* Schwartz and Hearst (2003): match the abbreviation's letters, last to
 * first, in the words of window; the first letter must start a word.
 * The long form runs from it to the window's end; false when none. */
static bool
long_form(const char *s, struct span window, const char *abbr,
	  struct span *found)
{
	long si = (long)strlen(abbr) - 1, li = (long)window.b - 1;
	long first = (long)window.a;

	while (si >= 0) {
		char ch = (char)tolower((unsigned char)abbr[si]);
		if (!isalnum((unsigned char)ch)) {
			si--;
			continue;
		}
		while (li >= first && ((char)tolower((unsigned char)s[li]) != ch ||
				       (si == 0 && li > first &&
					isalnum((unsigned char)s[li - 1]))))
			li--;
		if (li < first)
			return false;
		li--;
		si--;
	}
	*found = (struct span){(size_t)(li + 1), window.b};
	return true;
}

/* The words before an opening parenthesis: at most max_words and
 * WINDOW_BYTES (a line of brackets stays linear), not past the sentence
 * or another parenthesis. */
static struct span
window_before(const char *s, size_t paren, size_t max_words)
{
	enum { WINDOW_BYTES = 200 };
	size_t i = paren, nwords = 0;
	size_t stop = paren > WINDOW_BYTES ? paren - WINDOW_BYTES : 0;

	while (i > stop && s[i - 1] == ' ')
		i--;
	while (i > stop) {
		char ch = s[i - 1];
		if (strchr(".;:()[]\t\n", ch))
			break;
		if (ch == ' ' && s[i] != ' ' && ++nwords >= max_words)
			break;
		i--;
	}
	return (struct span){i, paren};
}

/* "Killed and Seriously Injured (KSI)", the '(' at s[paren]: learn ksi.
 * The abbreviation must be ABBR_MIN to ABBR_MAX letters or digits, at
 * least two of them capitals, with perhaps a plural "s"; the built-in
 * table is never overridden. */
static void
learn_definition(struct ctx *c, const char *s, size_t n, size_t paren)
{
	enum { ABBR_MIN = 2, ABBR_MAX = 10 };	/* "DA" .. "RASSO": longer is a word */
	char abbr[ABBR_MAX + 2];
	size_t i, alen = 0, caps = 0, max_words;
	struct span window, lf;
	const char *e;

	for (i = paren + 1; i < n && s[i] != ')' && alen <= ABBR_MAX; i++) {
		if (!isalnum((unsigned char)s[i]))
			return;
		caps += isupper((unsigned char)s[i]) != 0;
		abbr[alen++] = s[i];
	}
	if (i >= n || s[i] != ')' || alen < ABBR_MIN || alen > ABBR_MAX ||
	    caps < 2)
		return;
	if (abbr[alen - 1] == 's' && caps == alen - 1)
		alen--;		/* CSCs */
	abbr[alen] = '\0';
	/* the paper's window: min(|A| + 5, 2|A|) words */
	max_words = alen + 5 < 2 * alen ? alen + 5 : 2 * alen;
	window = window_before(s, paren, max_words);
	if (!long_form(s, window, abbr, &lf))
		return;
	for (i = 0; i < alen; i++)
		abbr[i] = (char)tolower((unsigned char)abbr[i]);
	if (word_value(c, abbr, NAMES_ACRONYM))
		return;
	unify(c, s + lf.a, span_len(lf));
	if (c->folded.len == 0 || (learned_find(c, abbr, &e) &&
				   strcmp(e, c->folded.p) == 0))
		return;
	learn(c, abbr, c->folded.p);
}

static void
learn_from_field(struct ctx *c, const char *s, size_t n)
{
	const char *p = s;

	while ((p = memchr(p, '(', n - (size_t)(p - s))) != NULL) {
		if (p > s)
			learn_definition(c, s, n, (size_t)(p - s));
		p++;
	}
}

static void
learn_row(struct ctx *c, const struct table *t)
{
	size_t i;

	for (i = 0; i < t->row.n; i++)
		if (memchr(t->row.field[i], '(', t->row.len[i]))
			learn_from_field(c, t->row.field[i], t->row.len[i]);
}
