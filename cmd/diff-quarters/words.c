/* words.c: the words of the evidence.  A text is folded (NFKC, case
 * folded, marks stripped: lib/text) and cut into words, numbers and the
 * marks that end a clause.  Each word is looked up once and remembered in
 * the run's vocabulary: a stop word or an acronym (data/lexicon/names.tsv,
 * the lists normalize-names keys with), a number word, a clause word or a
 * unit of time (data/lexicon/quarters.tsv), and its Snowball stem
 * (libstemmer, English).  The vocabulary also counts how many figures use
 * each term, for the TF-IDF weights of compare.c. */

enum wkind { WK_PLAIN, WK_STOP, WK_NUMBER, WK_CLAUSE, WK_TIME, WK_EXCLUDE };

/* No term: a stop word, a mark. */
#define NO_TERM UINT32_MAX

struct vword {
	char *s;
	uint32_t stem;		/* a word: its stem's id; a stem: itself */
	uint32_t df;		/* figures whose bags hold it */
	uint32_t seen;		/* the figure that counted it last, + 1 */
	float idf;
	uint8_t kind;		/* enum wkind */
	bool looked;		/* the lookups are done */
	double value;		/* a number word's value, a time unit's seconds */
	const char *expansion;	/* an acronym's words, from names.tsv */
	/* a concept of a family of alternatives (concepts.c): the family's
	 * term + 1 (0: none), and its rank there (the later, the more
	 * specific) */
	uint32_t family;
	uint16_t rank;
};

/* A token of a text. */
enum tkind { TK_WORD, TK_NUMBER, TK_MARK };
struct tok {
	uint8_t kind;		/* enum tkind */
	char mark;		/* TK_MARK: one of ",;:().\t", 'c' a clause word */
	bool duration;		/* TK_NUMBER: "4 mins 21 secs", in seconds */
	bool integer;		/* TK_NUMBER: written as a whole number */
	uint32_t word;		/* TK_WORD: the word as written (folded) */
	uint32_t term;		/* its stem, a whole number's digits; NO_TERM */
	double value;		/* TK_NUMBER */
};

struct toks {
	struct tok *v;
	size_t n, cap;
};

/* A content word: a term and the token it stands at.  An acronym's
 * words are there to find concepts ("ASB" is "anti-social behaviour"),
 * not terms of a bag of their own: the acronym is. */
struct cword {
	uint32_t term;
	uint32_t at;
	float w;		/* its weight in a bag: 0 for an acronym's words */
};

struct cwords {
	struct cword *v;
	size_t n, cap;
};

static void
vocab_init(struct vocab *v, const struct lex *names, const struct lex *words)
{
	memset(v, 0, sizeof *v);
	v->nslot = 1 << 12;
	v->slot = xcalloc(v->nslot, sizeof *v->slot);
	v->stemmer = sb_stemmer_new("english", NULL);
	if (!v->stemmer)
		die_at(EXIT_DATA, NULL, 0, "libstemmer: no English stemmer");
	v->names = names;
	v->words = words;
}

static void
vocab_free(struct vocab *v)
{
	uint32_t i;

	for (i = 0; i < v->n; i++)
		free(v->w[i].s);
	free(v->w);
	free(v->slot);
	sb_stemmer_delete(v->stemmer);
	buf_free(&v->scratch);
}

static void
vocab_grow(struct vocab *v)
{
	uint32_t *old = v->slot, nold = v->nslot, k, i, id;

	v->nslot *= 2;
	v->slot = xcalloc(v->nslot, sizeof *v->slot);
	for (k = 0; k < nold; k++) {
		if (!old[k])
			continue;
		id = old[k] - 1;
		i = (uint32_t)hash(v->w[id].s, strlen(v->w[id].s)) &
		    (v->nslot - 1);
		while (v->slot[i])
			i = (i + 1) & (v->nslot - 1);
		v->slot[i] = old[k];
	}
	free(old);
}

/* The id of the term s[0..n), interned. */
static uint32_t
vocab_id(struct vocab *v, const char *s, size_t n)
{
	uint32_t i, mask, id;

	if ((v->n + 1) * 2 > v->nslot)
		vocab_grow(v);
	mask = v->nslot - 1;
	for (i = (uint32_t)hash(s, n) & mask; v->slot[i];
	     i = (i + 1) & mask) {
		id = v->slot[i] - 1;
		if (strncmp(v->w[id].s, s, n) == 0 && v->w[id].s[n] == '\0')
			return id;
	}
	if (v->n == v->cap) {
		v->cap = v->cap ? 2 * v->cap : 1024;
		v->w = xrealloc(v->w, v->cap * sizeof *v->w);
	}
	id = v->n++;
	memset(&v->w[id], 0, sizeof v->w[id]);
	v->w[id].s = xstrndup(s, n);
	v->w[id].stem = id;
	v->slot[i] = id + 1;
	return id;
}

/* What the word lists say of word id, and its stem: looked up once. */
static struct vword *
vocab_look(struct vocab *v, uint32_t id)
{
	struct vword *w = &v->w[id];
	const char *s = w->s, *val;
	size_t n = strlen(s);
	const sb_symbol *st;
	lex_mask cls, qcls;
	uint32_t stem = id;

	if (w->looked)
		return w;
	cls = lex_classes(v->names, s, n);
	qcls = lex_classes(v->words, s, n);
	if ((val = lex_value(v->names, s, n, NAMES_NUMBER_WORD)) != NULL) {
		w->kind = WK_NUMBER;
		w->value = strtod(val, NULL);
	} else if (qcls & LEX_BIT(QUARTERS_TIME_UNIT)) {
		w->kind = WK_TIME;
		w->value = strtod(lex_value(v->words, s, n,
					    QUARTERS_TIME_UNIT), NULL);
	} else if (qcls & LEX_BIT(QUARTERS_CLAUSE)) {
		w->kind = WK_CLAUSE;
	} else if (qcls & LEX_BIT(QUARTERS_EXCLUDE)) {
		w->kind = WK_EXCLUDE;
	} else if ((cls & LEX_BIT(NAMES_STOP)) ||
		   (qcls & LEX_BIT(QUARTERS_PERIOD_WORD)) || period_month(s, n)) {
		w->kind = WK_STOP;	/* a function word, or one that says when */
	}
	w->expansion = lex_value(v->names, s, n, NAMES_ACRONYM);
	if (!w->expansion && n > 2 && s[n - 1] == 's')	/* "PCSOs" */
		w->expansion = lex_value(v->names, s, n - 1, NAMES_ACRONYM);
	if (n < WORD_MAX &&
	    (st = sb_stemmer_stem(v->stemmer, (const sb_symbol *)s, (int)n))) {
		buf_reset(&v->scratch);
		buf_add(&v->scratch, (const char *)st,
			(size_t)sb_stemmer_length(v->stemmer));
		stem = vocab_id(v, v->scratch.p, v->scratch.len);
		w = &v->w[id];	/* the array may have moved */
	}
	w->stem = stem;
	w->looked = true;
	return w;
}

static void
toks_push(struct toks *t, struct tok k)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->v = xrealloc(t->v, t->cap * sizeof *t->v);
	}
	t->v[t->n++] = k;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alpha(char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Three digits and no fourth: a group after a thousands separator. */
static bool
thousands(const char *s, size_t n)
{
	return n >= 3 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) &&
	       (n == 3 || !is_digit(s[3]));
}

/* A number at s: digits with thousands separators and decimals ("61,240",
 * "84.6"), and a multiplier written on it ("5.7m", "38k", "2bn").
 * Returns the bytes used. */
static size_t
scan_number(const char *s, size_t n, struct tok *k)
{
	enum { DIGITS_MAX = 40 };	/* past this, a number is no figure */
	char tmp[DIGITS_MAX + 2];
	size_t i = 0, d = 0;
	bool point = false;

	while (i < n) {
		if (is_digit(s[i]))
			tmp[d < DIGITS_MAX ? d++ : d] = s[i];
		else if (s[i] == ',' && !point && thousands(s + i + 1, n - i - 1))
			;
		else if (s[i] == '.' && !point && i + 1 < n && is_digit(s[i + 1]))
			point = true, tmp[d < DIGITS_MAX ? d++ : d] = '.';
		else
			break;
		i++;
	}
	tmp[d] = '\0';
	k->kind = TK_NUMBER;
	k->value = strtod(tmp, NULL);
	k->integer = !point;
	k->term = NO_TERM;
	if (i < n && (s[i] == 'k' || s[i] == 'm') &&
	    (i + 1 == n || !is_alpha(s[i + 1]))) {
		k->value *= s[i] == 'k' ? 1e3 : 1e6;
		k->integer = false;
		i++;
	} else if (i + 1 < n && s[i] == 'b' && s[i + 1] == 'n' &&
		   (i + 2 == n || !is_alpha(s[i + 2]))) {
		k->value *= 1e9;
		k->integer = false;
		i += 2;
	}
	return i;
}

/* A whole number's own term ("999", "101"): what it names, where it is
 * not a figure.  A year, or the "24" of "2023/24", says when: none. */
static uint32_t
number_term(struct vocab *v, const struct tok *k, bool after_slash)
{
	enum { TERM_DIGITS_MAX = 6 };
	char num[TERM_DIGITS_MAX + 2];

	if (!k->integer || after_slash || (k->value >= 1900 && k->value <= 2099) ||
	    k->value >= 1e6)
		return NO_TERM;
	snprintf(num, sizeof num, "%.0f", k->value);
	return vocab_id(v, num, strlen(num));
}

/* "5 mins 48 secs": four tokens become one number of seconds. */
static bool
time_word(const struct vocab *v, const struct tok *k)
{
	return k->kind == TK_WORD && v->w[k->word].kind == WK_TIME;
}

static void
join_durations(const struct vocab *v, struct toks *t)
{
	size_t i, o = 0;

	for (i = 0; i < t->n; i++) {
		struct tok *k = &t->v[i];

		if (i + 3 < t->n && k[0].kind == TK_NUMBER && k[0].integer &&
		    time_word(v, &k[1]) && k[2].kind == TK_NUMBER &&
		    k[2].integer && time_word(v, &k[3]) &&
		    v->w[k[1].word].value > v->w[k[3].word].value) {
			struct tok d = k[0];

			d.value = k[0].value * v->w[k[1].word].value +
				  k[2].value * v->w[k[3].word].value;
			d.duration = true;
			d.integer = false;
			d.term = NO_TERM;
			t->v[o++] = d;
			i += 3;
			continue;
		}
		t->v[o++] = *k;
	}
	t->n = o;
}

/* The tokens of s[0..n): words (their stem as term, none for a stop
 * word), numbers (a number word too) and marks (a clause word is the
 * mark 'c'). */
static void
tokenize(struct vocab *v, const char *s, size_t n, struct toks *t)
{
	struct buf folded = BUF_INIT, word = BUF_INIT;
	size_t i = 0, k;
	bool slash = false;
	int32_t cp;

	t->n = 0;
	text_fold(&folded, s, n);
	while (i < folded.len) {
		const char *p = folded.p + i;
		struct tok tk = {0};
		struct vword *w;

		k = text_decode(p, folded.len - i, &cp);
		if (is_digit(*p)) {
			i += scan_number(p, folded.len - i, &tk);
			tk.term = number_term(v, &tk, slash);
			toks_push(t, tk);
		} else if (text_is_letter(cp)) {
			buf_reset(&word);
			while (i < folded.len) {
				k = text_decode(folded.p + i, folded.len - i, &cp);
				if (text_is_letter(cp) || text_is_digit(cp))
					buf_add(&word, folded.p + i, k);
				else if (cp != '\'' && cp != 0x2019)
					break;
				i += k;
			}
			tk.word = vocab_id(v, word.p, word.len);
			w = vocab_look(v, tk.word);
			tk.kind = w->kind == WK_NUMBER ? TK_NUMBER :
				  w->kind == WK_CLAUSE ? TK_MARK : TK_WORD;
			tk.mark = 'c';
			tk.value = w->value;
			tk.integer = true;
			tk.term = w->kind == WK_PLAIN || w->kind == WK_TIME ?
				  w->stem : NO_TERM;
			toks_push(t, tk);
		} else {
			if (*p && strchr(",;:().\t", *p)) {
				tk.kind = TK_MARK;
				tk.mark = *p;
				toks_push(t, tk);
			}
			i += k;
		}
		slash = i > 0 && folded.p[i - 1] == '/';
	}
	join_durations(v, t);
	buf_free(&word);
	buf_free(&folded);
}

static void
cwords_push(struct cwords *c, uint32_t term, uint32_t at, float w)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		c->v = xrealloc(c->v, c->cap * sizeof *c->v);
	}
	c->v[c->n++] = (struct cword){term, at, w};
}

/* The content words of tokens t, in order: terms of words (an acronym
 * followed by its words' stems, at its place) and of whole numbers that
 * are not figures ("999", "101": skip[i] marks the figures). */
static void
content_words(struct vocab *v, const struct toks *t, const bool *skip,
	      struct cwords *out)
{
	size_t i;
	const char *e;
	bool left_out = false;	/* after "excluding", to its bracket's end */

	out->n = 0;
	for (i = 0; i < t->n; i++) {
		const struct tok *k = &t->v[i];

		if (k->kind == TK_MARK && strchr(",;:.)c\t", k->mark))
			left_out = false;
		if (k->kind == TK_WORD && v->w[k->word].kind == WK_EXCLUDE)
			left_out = true;
		if (k->term == NO_TERM || k->kind == TK_MARK || left_out ||
		    (skip && skip[i]))
			continue;
		cwords_push(out, k->term, (uint32_t)i, 1);
		if (k->kind != TK_WORD || !(e = v->w[k->word].expansion))
			continue;
		while (*e) {	/* an acronym's words, as data: "anti social behaviour" */
			size_t len = strcspn(e, " ");
			struct vword *w = vocab_look(v, vocab_id(v, e, len));

			if (w->kind == WK_PLAIN)
				cwords_push(out, w->stem, (uint32_t)i, 0);
			e += len + (e[len] == ' ');
		}
	}
}

/* Count the terms of a figure's bags once each: the document frequency
 * TF-IDF weights by.  doc is the figure's number, from 1. */
static void
vocab_count(struct vocab *v, const struct bag *b, uint32_t doc)
{
	uint16_t i;

	for (i = 0; b && i < b->n; i++)
		if (v->w[b->v[i].id].seen != doc) {
			v->w[b->v[i].id].seen = doc;
			v->w[b->v[i].id].df++;
		}
}

/* The weights, once every figure is counted: rare terms weigh more
 * (inverse document frequency, smoothed). */
static void
vocab_finish(struct vocab *v)
{
	uint32_t i;
	double docs = v->docs + 1.0;

	for (i = 0; i < v->n; i++)
		v->w[i].idf = (float)log(docs / (v->w[i].df + 0.5));
}
