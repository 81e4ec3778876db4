/* areas.c: the heading and the area a block stands under.
 *
 * Under a commitment, reports say where what follows belongs: a heading
 * (a Markdown heading, a short title-case line standing alone, the Who
 * cell of a commitments' table) and an area, a label that names a place
 * or a team ("Northgate District: ..." before a bullet's text, or alone
 * over the bullets below it; the heading lines give one too).  All of it
 * is decided here.  A new part of the report (a priority, a lead-in, Key
 * Points, an objective, a commitment) starts under neither. */


/* A name is short: a label of a few words, not a sentence. */
enum {
	NAME_BYTES = 80,	/* bytes of a name, at most */
	NAME_LABEL_WORDS = 8,	/* words of a label ("North District:") */
	NAME_LINE_WORDS = 6	/* words of a line that names what follows */
};

static size_t leading_label(const char *s, size_t n);
static bool is_name(const char *s, size_t n, int maxwords);
static bool is_title_word(const char *w, size_t n);

/* No heading or area yet: a new part or commitment begins. */
static void
area_clear(struct ctx *c)
{
	buf_reset(&c->heading);
	buf_reset(&c->area);
}

/* A Markdown heading heads what follows, in no area yet. */
static void
area_from_heading(struct ctx *c, const char *s, size_t n)
{
	area_clear(c);
	text_squeeze_space(&c->heading, s, n);
	reset_depths(c);
}

/* A paragraph that is a short line in title case standing alone, not a
 * sentence, names what follows it: its heading and its area. */
static void
area_from_name_line(struct ctx *c, const struct block *b)
{
	if (b->kind != K_PARA || b->map.len != 0 || c->phase != PH_BODY ||
	    ends_sentence(b->text.p, b->text.len) ||
	    !is_name(b->text.p, b->text.len, NAME_LINE_WORDS))
		return;
	area_clear(c);
	buf_copy(&c->heading, &b->text);
	buf_copy(&c->area, &b->text);
	reset_depths(c);
}

/* The Who cell of a commitments' table row: its heading and area.  A Who
 * wrapped onto the next line goes on there. */
static void
area_from_who(struct ctx *c, const char *who, size_t n)
{
	if (c->who_line == c->lineno - 1 && c->heading.len > 0)
		buf_addc(&c->heading, ' ');
	else
		buf_reset(&c->heading);
	text_squeeze_space(&c->heading, who, n);
	buf_reset(&c->area);
	buf_copy(&c->area, &c->heading);
	c->who_line = c->lineno;
}

/* A bullet's area: its own label ("Northgate: text"), or the bullet is a
 * label alone ("North District:", or a short name) over the bullets below
 * it; else its parent bullet's area, else the section's.  A label alone
 * is the heading of the bullets below it too. */
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
	c->label_only[d] = alone;
	if (label > 0)
		text_squeeze_space(&c->areas[d], s, label);
	else if (d > 1)
		buf_copy(&c->areas[d], &c->areas[d - 1]);
	else
		buf_copy(&c->areas[d], &c->area);
	buf_copy(&b->area, &c->areas[d]);
	if (d > 1 && c->label_only[d - 1])
		buf_copy(&b->heading, &c->areas[d - 1]);
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
