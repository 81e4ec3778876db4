/* outline.c: the report's structure.
 *
 * A plan's update stands in priorities ("Priority 3 - Title"); under
 * each, parts that open with a lead-in ("Working with partners we
 * will:") followed by a commitment, "Key Points", an objective ("Our
 * objective is ..."), or a commitment table (commitments.c).  Headings
 * and the other lines of the body are read here as well. */

enum {
	PRIORITY_NUMBER_CAP = 1000,	/* a priority's digits are read up to this */
	LEAD_IN_REACH = 308,	/* a lead-in is a clause, not a paragraph: its
				 * colon stands in the line's first 308 bytes */
	LEAD_IN_BLOCKS = 3	/* the commitment comes in one of the 3 blocks
				 * after its lead-in, or there is none */
};

static void heading_line(struct ctx *c, const char *s, size_t n);
static size_t verb_sentence(const char *s, size_t n);
static void new_priority(struct ctx *c, const char *s, size_t n, int num,
    struct span title);
static size_t priority_number(const char *s, size_t n, int *num);
static void set_title(struct ctx *c, int num);
static bool lead_in(struct ctx *c, const char *s, size_t n);
static size_t lead_in_end(const char *s, size_t n);
static bool is_key_points(const char *s, size_t n);
static void key_points(struct ctx *c, const char *s, size_t n);
static void objective(struct ctx *c, const char *s, size_t n);
static bool opens_with_verb(const char *s, size_t n);

/* The lines that make the report's structure. */
static bool
structure_line(struct ctx *c, struct shape *v)
{
	const char *s = v->s;
	size_t n = v->n;
	struct span title;
	int num;

	if (v->tabs) {
		tab_line(c, s, n);
		return true;
	}
	if (parse_priority(s, n, &num, &title)) {
		new_priority(c, s, n, num, title);
		return true;
	}
	if (is_rule(s, n)) {
		/* the frame of a table may stand under its caption */
		if (is_caption(&c->blk))
			pause(c, false);
		else
			flush_block(c);
		return true;
	}
	if (pipe_line(c, s, n) || lead_in(c, s, n))
		return true;
	if (is_key_points(s, n)) {
		key_points(c, s, n);
		return true;
	}
	if (opens_with(s, n, LEX_BIT(SECTIONS_OBJECTIVE), NULL)) {
		objective(c, s, n);
		return true;
	}
	return spaced_line(c, v);
}

static void
body_line(struct ctx *c, struct shape *v)
{
	const char *s = v->s;
	size_t n = v->n, k;

	if (is_footnote(c, s, n)) {
		flush_block(c);
		block_start(&c->blk, K_FOOTNOTE, 0, c->lineno);
		block_add(&c->blk, s, n, c->lineno);
		return;
	}
	if (c->wewill)
		end_table(c);
	if (v->heading) {
		heading_line(c, s, n);
		return;
	}
	if ((k = bullet_sign(s, n)) > 0) {
		start_bullet(c, s + k, n - k, v->indent);
		return;
	}
	k = c->wewill ? verb_sentence(s, n) : 0;
	text_line(c, s, k ? k : n);
	if (k > 0) {
		/* a commitment from the table's first column, run into the
		 * commentary by the conversion */
		flush_block(c);
		start_para(c, K_PARA, s + k, n - k);
		c->blk.role = R_COMMITMENT;
	}
}

static void
heading_line(struct ctx *c, const char *s, size_t n)
{
	flush_block(c);
	area_from_heading(c, s, n);
	start_para(c, K_PARA, s, n);
	flush_block(c);
}

/* Where, inside the line, a sentence opens with a commitment's verb
 * ("... in rural communities. Support the victims of ..."), or 0. */
static size_t
verb_sentence(const char *s, size_t n)
{
	size_t i;

	for (i = 2; i + 2 < n; i++)
		if (s[i] == ' ' && s[i - 1] == '.' &&
		    islower((unsigned char)s[i - 2]) &&
		    opens_with_verb(s + i + 1, n - i - 1))
			return i + 1;
	return 0;
}

/* A priority's heading, the line s: its number, and its title, a span of
 * s (empty: the contents page gives it). */
static void
new_priority(struct ctx *c, const char *s, size_t n, int num,
	     struct span title)
{
	bool same = num == c->priority;

	flush_all(c);
	release_held(c);
	c->phase = PH_BODY;
	if (!same) {
		c->priority = num;
		buf_reset(&c->commitment);
		area_clear(c);
		c->wewill = false;
		c->expect = 0;
		c->cell.line = 0;
	}
	if (span_len(title) > 0) {
		buf_reset(&c->title);
		text_squeeze_space(&c->title, s + title.a, span_len(title));
	} else {
		set_title(c, num);
	}
	reset_depths(c);
	/* the heading stays in the output: its words are the report's */
	line_row(c, s, n, c->commitment.p ? c->commitment.p : "");
}

/* "Priority 3 – Title", "## **Priority 3 - Title**", "Priority 3: Title",
 * or "Priority 3" alone (the title then comes from the contents page):
 * the number, and the title as a span of s. */
static bool
parse_priority(const char *s, size_t n, int *num, struct span *title)
{
	size_t i = opens_with(s, n, LEX_BIT(SECTIONS_PRIORITY), NULL), k;
	int32_t cp;

	if (i == 0 || i >= n || s[i] != ' ')
		return false;
	while (i < n && s[i] == ' ')
		i++;
	if (i >= n || (k = priority_number(s + i, n - i, num)) == 0)
		return false;
	i += k;
	while (i < n && s[i] == ' ')
		i++;
	*title = (struct span){i, i};
	if (i == n || (i + 1 == n && s[i] == ':'))
		return true;
	k = text_decode(s + i, n - i, &cp);
	if (!(text_is_dash(cp) || cp == ':' || cp == '.'))
		return false;
	i += k;
	if (i < n && s[i] == '-' && s[i - 1] == '-')
		i++;	/* "--", pandoc's Markdown for an en dash */
	while (i < n && is_blank(s[i]))
		i++;
	*title = (struct span){i, n};
	return span_len(*title) > 0 && span_len(*title) < TITLE_LINE_MAX;
}

/* The number of a priority, in digits or in words ("Priority Three"):
 * its length, or 0. */
static size_t
priority_number(const char *s, size_t n, int *num)
{
	const char *v;
	size_t i = 0, w;

	*num = 0;
	while (i < n && isdigit((unsigned char)s[i]) && *num < PRIORITY_NUMBER_CAP)
		*num = *num * 10 + (s[i++] - '0');
	if (i > 0)
		return i;
	for (w = 0; w < n && is_letter(s[w]); w++)
		;
	if ((v = word_value(s, w, SECTIONS_NUMBER)) != NULL) {
		*num = atoi(v);
		return w;
	}
	return 0;
}

static void
set_title(struct ctx *c, int num)
{
	buf_reset(&c->title);
	if (num > 0 && num < TITLES_MAX && c->titles[num])
		buf_adds(&c->title, c->titles[num]);
}

/* Content before any priority heading but after the contents page
 * belongs to the first priority the contents page lists. */
static void
adopt_first_priority(struct ctx *c)
{
	int i;

	if (c->priority > 0)
		return;
	for (i = 1; i < TITLES_MAX; i++)
		if (c->titles[i]) {
			c->priority = i;
			set_title(c, i);
			return;
		}
}

/* A new part of the body begins (a lead-in, Key Points, an objective, a
 * commitment table): what was open is written, and the part belongs to a
 * priority even when the report gave none yet. */
static void
begin_part(struct ctx *c)
{
	flush_all(c);
	adopt_first_priority(c);
	c->phase = PH_BODY;
}

/* A lead-in: "We will:", "Working with partners we will:", perhaps
 * followed on the same line by the commitment itself. */
static bool
lead_in(struct ctx *c, const char *s, size_t n)
{
	size_t rest = lead_in_end(s, n);

	if (rest == 0)
		return false;
	begin_part(c);
	buf_reset(&c->commitment);
	area_clear(c);
	reset_depths(c);
	line_row(c, s, rest, "");
	c->expect = LEAD_IN_BLOCKS;
	while (rest < n && is_blank(s[rest]))
		rest++;
	if (rest < n)
		start_para(c, K_PARA, s + rest, n - rest);
	return true;
}

/* The bytes of the line a lead-in takes, through its colon ("Working
 * with partners we will:"), or 0: a lead-in phrase (data/lexicon,
 * lead-in) right before a colon near the line's start, or alone on the
 * line, its colon lost in the layout. */
static size_t
lead_in_end(const char *s, size_t n)
{
	const char *colon = s;
	size_t left = n < LEAD_IN_REACH ? n : LEAD_IN_REACH, at;

	if (opens_with(s, n, LEX_BIT(SECTIONS_LEAD_IN), NULL) == n)
		return n;
	while ((colon = memchr(colon, ':', left - (size_t)(colon - s))) != NULL) {
		if (phrase_before(s, (size_t)(colon - s), SECTIONS_LEAD_IN, &at))
			return (size_t)(colon - s) + 1;
		colon++;
	}
	return 0;
}

static bool
is_key_points(const char *s, size_t n)
{
	if (n > 0 && s[n - 1] == ':')
		n--;
	return n > 0 && opens_with(s, n, LEX_BIT(SECTIONS_KEY_POINTS), NULL) == n;
}

static void
key_points(struct ctx *c, const char *s, size_t n)
{
	begin_part(c);
	c->wewill = false;
	c->expect = 0;
	reset_depths(c);
	buf_reset(&c->commitment);
	text_squeeze_space(&c->commitment, s, n);
	area_clear(c);
	line_row(c, s, n, c->commitment.p);
}

static void
objective(struct ctx *c, const char *s, size_t n)
{
	begin_part(c);
	c->wewill = false;
	area_clear(c);
	start_para(c, K_PARA, s, n);
	c->blk.role = R_OBJECTIVE;
}

/* The first words of a commitment: an imperative, not a subject. */
static bool
commitment_like(const char *s, size_t n)
{
	size_t w = word_len(s, n);

	if (!starts_upper(s, n) || w == 0)
		return false;
	return !word_is(s, w, SECTIONS_SUBJECT);
}

/* Verbs that open the commitments of such plans ("Invest in ...",
 * "Work with partners to ..."), used where a table's first column has
 * lost its tabs in the conversion and runs into the commentary. */
static bool
opens_with_verb(const char *s, size_t n)
{
	size_t w = word_len(s, n), i, k;

	if (w == 0 || !utf8proc_isupper(first_cp(s, n)) || !word_is(s, w, SECTIONS_VERB))
		return false;
	for (i = w; i < n && s[i] == ' '; i++)
		;
	k = word_len(s + i, n - i);
	return k > 0 && !word_is(s + i, k, SECTIONS_AUXILIARY);
}

/* Does the text stop where a sentence cannot: after a comma, a bullet,
 * "and", "the", "through"...?  Then the next line goes on with it. */
static bool
ends_open(const char *s, size_t n)
{
	size_t k;
	int32_t cp;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return true;
	if (strchr(",;:-(&/", s[n - 1]))
		return true;
	for (k = n; k > 0 && (s[k - 1] & 0xC0) == 0x80; k--)
		;
	if (k > 0) {
		text_decode(s + k - 1, n - k + 1, &cp);
		if (text_is_bullet(cp) || text_is_dash(cp))
			return true;
	}
	for (k = n; k > 0 && s[k - 1] != ' '; k--)
		;
	return word_is(s + k, n - k, SECTIONS_JOIN);
}
