/* plan.c: a plan's own parts, beside the general outline (outline.c).
 *
 * Police and Crime Plan updates have a level 2 of their own: the
 * commitment after a lead-in ("Working with partners we will:"), "Key
 * Points", the priority's objective ("Our objective is ..."), a
 * commitments' table's first cell (commitments.c).  Their words are data
 * (data/lexicon/sections.tsv: lead-in, key-points, objective, verb,
 * subject, join). */

enum {
	LEAD_IN_REACH = 308,	/* a lead-in is a clause, not a paragraph: its
				 * colon stands in the line's first 308 bytes */
	LEAD_IN_BLOCKS = 3	/* the commitment comes in one of the 3 blocks
				 * after its lead-in, or there is none */
};

/* "Priority 3 – Title", "Priority 3: Title", "Priority Three", or
 * "Priority 3" alone (its title on the contents page): the label and
 * title as spans of s.  The contents page reads its entries so. */
static bool
parse_priority(const char *s, size_t n, struct span *label, struct span *title)
{
	struct hform h;

	if (!labelled(NULL, s, n, &h, false))
		return false;
	*label = h.label;
	*title = h.title;
	return true;
}

/* Content before any level-1 heading but after the contents page
 * belongs to the first section the contents page lists. */
static void
adopt_first_section(struct ctx *c)
{
	if (c->label.len > 0 || c->title.len > 0 || c->ntitles == 0)
		return;
	buf_adds(&c->label, c->titles[0].label);
	buf_adds(&c->title, c->titles[0].title);
}

/* A new part of the body begins (a lead-in, Key Points, an objective, a
 * commitment table): what was open is written, and the part belongs to a
 * section even when the report gave none yet. */
static void
begin_part(struct ctx *c)
{
	flush_all(c);
	adopt_first_section(c);
	c->phase = PH_BODY;
	c->lvstyle[2] = -1;
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
	line_row(c, K_PARA, s, rest, "");
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
	line_row(c, K_PARA, s, n, c->commitment.p);
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
