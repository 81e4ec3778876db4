/* areas.c: the area a block stands in, and the labels over it.
 *
 * `area` holds places and organisational areas only: districts,
 * boroughs, local policing areas, divisions ("City LPA", "Westbury:").
 * A label or heading is taken for one when it is
 *   - in the gazetteer (data/lexicon/areas.tsv: police force areas, local
 *     authorities, common names of local policing areas) or in the user's
 *     --areas file;
 *   - a name followed by an area word ("X LPA", "X District", "X
 *     Division", "X Borough", "X Command");
 *   - a name in capitals that has the form of an English place's name: a
 *     place word at its end ("Marram Bay", "Carrow Green") or a place
 *     name's ending ("-bury", "-leigh", "-mere");
 *   - places joined by "and", "&" or commas ("Castle Point and Rochford").
 * Any other label (a topic, a unit: "Special Constabulary", "Summary",
 * "Crime Bureau") goes to `heading` only.  Labels come from a bullet's
 * start ("Westbury: ..."), a bullet that is a label alone over the
 * bullets under it, the headings of the outline, a table's Who cell and
 * a data table's row label. */

enum {
	NAME_BYTES = NAME_LABEL_BYTES,	/* bytes of a name, at most */
	NAME_LABEL_WORDS = 8,	/* words of a label ("North District:") */
	PLACE_WORDS = 5,	/* words of a place's name, at most */
	PLACE_STEM_MIN = 3,	/* letters before a place name's ending */
	PLACE_REST_MIN = 4,	/* ... after its compass word ("Northside") */
	FOLD_BYTES = 128	/* a folded name, at most */
};

static size_t leading_label(const char *s, size_t n);
static bool is_name(const char *s, size_t n, int maxwords);
static bool is_title_word(const char *w, size_t n);
static struct span strip_abbrev(const struct ctx *c, const char *s,
    struct span sp, bool *area);
static bool place_named(const struct ctx *c, const char *s, size_t n);


/* No heading or area yet: a new section begins. */
static void
area_clear(struct ctx *c)
{
	buf_reset(&c->heading);
	buf_reset(&c->area);
}

/* A heading heads what follows (level 3): its area, if it names one. */
static void
area_from_heading(struct ctx *c, const char *s, size_t n)
{
	area_clear(c);
	text_squeeze_space(&c->heading, s, n);
	if (c->heading.len > 0 && c->heading.p[c->heading.len - 1] == ':')
		buf_truncate(&c->heading, c->heading.len - 1);
	if (is_place(c, c->heading.p, c->heading.len))
		buf_copy(&c->area, &c->heading);
	reset_depths(c);
}

/* The Who cell of a commitments' table row: its heading, and its area
 * if it names one.  A Who wrapped onto the next line goes on there. */
static void
area_from_who(struct ctx *c, const char *who, size_t n)
{
	/* a name goes on in its narrow column; in a name's words only the
	 * small ones start lower-case ("Health and" / "Wellbeing"), so a
	 * line going on with another was a word broken at the column's
	 * edge ("Polici" / "ng"); nor is there a space after a slash or a
	 * hyphen ("SCD/" / "SVU") */
	if (c->who_line == c->lineno - 1 && c->heading.len > 0) {
		const char *h = c->heading.p;
		size_t m = c->heading.len;
		bool joined = (h[m - 1] == '/' || h[m - 1] == '-') &&
			      m >= 2 && h[m - 2] != ' ';

		if (!(starts_lower(who, n) && !word_is(who, word_len(who, n), SECTIONS_NAME_LINK)) &&
		    !joined)
			buf_addc(&c->heading, ' ');
	} else {
		buf_reset(&c->heading);
	}
	text_squeeze_space(&c->heading, who, n);
	buf_reset(&c->area);
	if (is_place(c, c->heading.p, c->heading.len))
		buf_copy(&c->area, &c->heading);
	c->who_line = c->lineno;
}

/* A bullet's label: its own ("Northgate: text"), or the bullet is a
 * label alone ("North District:", or a short name) over the bullets below
 * it; else its parent bullet's, else the section's.  A place is the
 * bullet's area; any other label its heading. */
static void
area_of_bullet(struct ctx *c, struct block *b, const char *s, size_t n)
{
	int d = b->depth;
	size_t label = leading_label(s, n);
	bool alone = label > 0 && label + 1 >= n;

	if (!alone && label == 0 && !ends_sentence(s, n) &&
	    is_name(s, n, NAME_LABEL_WORDS)) {
		alone = true;
		label = n;
	}
	buf_reset(&c->areas[d]);
	buf_reset(&c->labels[d]);
	c->label_only[d] = alone;
	if (label > 0) {
		text_squeeze_space(&c->labels[d], s, label);
		if (is_place(c, c->labels[d].p, c->labels[d].len))
			buf_copy(&c->areas[d], &c->labels[d]);
	} else if (d > 1) {
		buf_copy(&c->areas[d], &c->areas[d - 1]);
	} else {
		buf_copy(&c->areas[d], &c->area);
	}
	if (label > 0 && c->areas[d].len == 0)
		buf_copy(&c->areas[d], d > 1 ? &c->areas[d - 1] : &c->area);
	buf_copy(&b->area, &c->areas[d]);
	if (d > 1 && c->label_only[d - 1])
		buf_copy(&b->heading, &c->labels[d - 1]);
	else if (label > 0 && !is_place(c, c->labels[d].p, c->labels[d].len))
		buf_copy(&b->heading, &c->labels[d]);	/* a topic, a unit */
}

/* A table row's label that names a place is the row's area. */
static void
area_of_label(struct ctx *c, struct block *b, const char *s, size_t n)
{
	const char *tab = memchr(s, '\t', n);

	if (tab)
		n = (size_t)(tab - s);
	if (n > 0 && n <= NAME_BYTES && is_place(c, s, n)) {
		buf_reset(&b->area);
		text_squeeze_space(&b->area, s, n);
	}
}

/* A paragraph that opens with a place's label ("Kelvedon District:
 * incidents fell ...") is about that place. */
static void
area_of_para(struct ctx *c, struct block *b, const char *s, size_t n)
{
	size_t label = leading_label(s, n);

	if (label > 0 && is_place(c, s, label))
		text_squeeze_space(&b->area, s, label);
}

/* The heading and area a row goes out with: the block's own (a bullet's),
 * else the section's. */
static void
area_of_row(const struct ctx *c, const struct block *b, const char **heading,
	    const char **area)
{
	*heading = b->heading.len ? b->heading.p :
		   (c->heading.p ? c->heading.p : "");
	*area = b->area.len ? b->area.p : (c->area.p ? c->area.p : "");
}

/* "Northgate: text" or "North District:" gives the label's length, else 0. */
static size_t
leading_label(const char *s, size_t n)
{
	const char *colon = memchr(s, ':', n < NAME_BYTES ? n : NAME_BYTES);
	size_t k;

	if (colon == NULL)
		return 0;
	k = (size_t)(colon - s);
	if (k + 1 < n && s[k + 1] != ' ')
		return 0;	/* "10:30", "http:" */
	return is_name(s, k, NAME_LABEL_WORDS) ? k : 0;
}

/* A name in title case, short: "Hill and Vale (HV)", "North District",
 * "Marsh End & Upper Brook". */
static bool
is_name(const char *s, size_t n, int maxwords)
{
	size_t i = 0, k;
	int words = 0;

	if (n == 0 || n > NAME_BYTES || !starts_upper(s, n))
		return false;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		for (k = i; k < n && s[k] != ' '; k++)
			;
		if (!is_title_word(s + i, k - i) || ++words > maxwords)
			return false;
		i = k;
	}
	return words > 0;
}

static bool
is_title_word(const char *w, size_t n)
{
	int32_t cp = first_cp(w, n);

	return utf8proc_isupper(cp) || text_is_digit(cp) || cp == '(' ||
	       word_is(w, n, SECTIONS_NAME_LINK);
}

/* ---- places ---- */

/* A name folded as the gazetteer holds it: lower case, "&" as "and",
 * hyphens as spaces, apostrophes, full stops and commas dropped, spaces
 * single.  False when it does not fit. */
static bool
fold_name(const char *s, size_t n, char out[FOLD_BYTES], size_t *len)
{
	size_t i, k = 0;
	int32_t cp;

	for (i = 0; i < n; ) {
		size_t b = text_decode(s + i, n - i, &cp);
		const char *add = NULL;
		char one[2] = {0, 0};

		if (cp == '&')
			add = "and";
		else if (cp == '-' || text_is_dash(cp) || cp == ' ' || cp == '/')
			add = " ";
		else if (cp == '\'' || cp == 0x2019 || cp == '.' || cp == ',')
			add = "";
		else if (cp < 0x80 && isalnum(cp))
			one[0] = (char)tolower(cp), add = one;
		else
			return false;
		i += b;
		for (; *add; add++) {
			if (*add == ' ' && (k == 0 || out[k - 1] == ' '))
				continue;
			if (k + 2 >= FOLD_BYTES)
				return false;
			out[k++] = *add;
		}
	}
	while (k > 0 && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
	*len = k;
	return k > 0;
}

static int
names_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
user_area(const struct names *t, const char *folded)
{
	return t->n > 0 && bsearch(&folded, t->v, t->n, sizeof *t->v, names_cmp);
}

/* A place-name's form: capitalised words (small linking words aside),
 * the last a place word ("Bay", "Green") or one of them ending as place
 * names end ("-bury", "-leigh"). */
static bool
place_form(const struct ctx *c, const char *s, size_t n)
{
	const struct lex *lx = c->gazetteer;
	size_t i = 0, k, words = 0, j;
	bool place = false, last_end = false;

	while (i < n) {
		char low[FOLD_BYTES];
		size_t w;

		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		for (k = i; k < n && s[k] != ' '; k++)
			;
		w = k - i;
		if (w >= sizeof low || ++words > PLACE_WORDS)
			return false;
		for (j = 0; j < w; j++) {
			if (!is_letter(s[i + j]))
				return false;
			low[j] = (char)tolower((unsigned char)s[i + j]);
		}
		low[w] = '\0';
		last_end = lex_is(lx, low, w, AREAS_PLACE_END);
		if (lex_is(lx, low, w, AREAS_NAME_LINK) && words > 1) {
			i = k;
			continue;
		}
		if (!isupper((unsigned char)s[i]) && !(last_end && words > 1))
			return false;
		for (j = PLACE_STEM_MIN; j + 1 < w; j++)
			if (lex_is(lx, low + j, w - j, AREAS_PLACE_SUFFIX) &&
			    !(w - j == 2 && strchr("bdn", low[j - 1])))
				place = true;	/* not "Hobby", "Standby" */
		for (j = PLACE_STEM_MIN + 1; j + PLACE_REST_MIN <= w; j++)
			if (lex_is(lx, low, j, AREAS_PLACE_PREFIX))
				place = true;	/* "Northfield", not "Eastern" */
		i = k;
	}
	return place || (last_end && words > 1);
}

/* Whether a label names a place or an organisational area.  Reports
 * name the same few again and again: the answers are kept. */
static bool
is_place(const struct ctx *c, const char *s, size_t n)
{
	struct place_seen *seen;
	uint32_t h = 2166136261u;
	size_t i;

	if (n == 0 || n > NAME_BYTES)
		return false;
	if (c->seen == NULL)
		return place_named(c, s, n);
	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	seen = &c->seen[h % PLACES_SEEN];
	if (seen->n == n && !memcmp(seen->s, s, n))
		return seen->yes;
	seen->n = n;
	memcpy(seen->s, s, n);
	return seen->yes = place_named(c, s, n);
}

static bool
place_named(const struct ctx *c, const char *s, size_t n)
{
	const struct lex *lx = c->gazetteer;
	char f[FOLD_BYTES];
	size_t k, i, w;
	struct span sp = trim_span(s, (struct span){0, n});
	bool abbrev_area = false;

	sp = strip_abbrev(c, s, sp, &abbrev_area);
	s += sp.a;
	n = span_len(sp);
	if (n == 0 || n > NAME_BYTES || !starts_upper(s, n))
		return false;
	if (abbrev_area)
		return true;	/* "North Local Policing Area (LPA)" */
	if (!fold_name(s, n, f, &k))
		return false;
	if ((lex_classes(lx, f, k) & (LEX_BIT(AREAS_FORCE) | LEX_BIT(AREAS_DIVISION) |
				      LEX_BIT(AREAS_DISTRICT) | LEX_BIT(AREAS_LPA))) ||
	    user_area(&c->user_areas, f))
		return true;
	/* "X LPA", "X District", "X Local Policing Area" */
	for (i = k, w = 0; i > 0 && w < 3; w++) {
		while (i > 0 && f[i - 1] != ' ')
			i--;
		if (i > 0 && lex_is(lx, f + i, k - i, AREAS_AREA_WORD))
			return true;
		if (i > 0)
			i--;
	}
	/* places joined: "Castle Point and Rochford", "A, B & C" */
	for (i = 0; i + 5 < n; i++) {
		size_t skip = 0;

		if (s[i] == ',' && s[i + 1] == ' ')
			skip = 2;
		else if (s[i] == ' ' && !strncmp(s + i, " and ", 5))
			skip = 5;
		else if (s[i] == ' ' && !strncmp(s + i, " & ", 3))
			skip = 3;
		if (skip == 0 || i == 0)
			continue;
		if (place_named(c, s, i) && place_named(c, s + i + skip, n - i - skip))
			return true;
		break;	/* the first joint decides */
	}
	return place_form(c, s, n);
}

/* A trailing "(CPR)" is dropped; "(LPA)" says the name is an area. */
static struct span
strip_abbrev(const struct ctx *c, const char *s, struct span sp, bool *area)
{
	const char *open;
	char f[FOLD_BYTES];
	size_t k;

	*area = false;
	if (span_len(sp) < 3 || s[sp.b - 1] != ')')
		return sp;
	open = memchr(s + sp.a, '(', span_len(sp));
	if (open == NULL || open == s + sp.a)
		return sp;
	if (fold_name(open + 1, (size_t)(s + sp.b - 1 - open - 1), f, &k) &&
	    lex_is(c->gazetteer, f, k, AREAS_AREA_WORD))
		*area = true;
	sp.b = (size_t)(open - s);
	return trim_span(s, sp);
}

/* --areas FILE: one name a line (a TSV's first column), "#" comments. */
static int
names_load(struct names *t, const char *path)
{
	struct input in;
	bool empty;
	char *line, f[FOLD_BYTES];
	ssize_t n;
	size_t k, cap = 0;
	int st;

	if ((st = input_open(&in, path, false, &empty)) != EXIT_OK || empty) {
		input_close(&in);
		return st;
	}
	while ((n = input_line(&in, &line)) >= 0) {
		const char *tab = memchr(line, '\t', (size_t)n);
		size_t m = tab ? (size_t)(tab - line) : (size_t)n;

		if (m == 0 || line[0] == '#')
			continue;
		if (!fold_name(line, m, f, &k)) {
			warn_at(path, input_lineno(&in), "not a name, ignored");
			continue;
		}
		if (t->n == cap) {
			cap = cap ? 2 * cap : 64;
			t->v = xrealloc(t->v, cap * sizeof *t->v);
		}
		t->v[t->n++] = xstrndup(f, k);
	}
	st = in.failed ? EXIT_DATA : EXIT_OK;
	input_close(&in);
	if (t->n > 0)
		qsort(t->v, t->n, sizeof *t->v, names_cmp);
	return st;
}

static void
names_free(struct names *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
	t->v = NULL;
	t->n = 0;
}
