/* contents.c: the contents page gives the sections' titles, no content.
 *
 * Its entries ("Priority 2 - Title   5-7   Bookmark", "4. Finance .... 12")
 * are cut from their page numbers, by a tab, a column of their own
 * (where a rule above shows it), or a dotted leader; a title wrapped in
 * its cell goes on on the next line.  Each entry is a meta row, its
 * title without the page numbers: no content row and no figure. */

enum {
	PAGE_DIGITS = 3,	/* a page number alone has three digits at most */
	TITLE_WRAP_MAX = 60,	/* the rest of a title wrapped in its cell is
				 * short */
	TITLE_INDENT_MAX = 8	/* a line indented further under an entry holds
				 * only its pages' or bookmark's cell going on */
};

static bool contents_line(struct ctx *c, const char *s, size_t n);
static void contents_row(struct ctx *c, const char *s, size_t n);
static void contents_rule(struct ctx *c, const struct shape *v);
static bool cut_at_pages(struct ctx *c, const char *s, struct span *title);
static bool column_head(const char *s, size_t n);
static bool title_goes_on(struct ctx *c, const char *s, size_t *n,
    size_t indent);
static bool head_goes_on(struct ctx *c, const char *s, size_t n);
static bool cut_pages(const char *s, struct span *title, bool listed);

/* The contents page: its heading ("Contents", alone) begins it, before
 * any priority; its entries give titles; its frame and the titles
 * wrapped in their cells are taken; any other line ends it. */
static bool
contents_page(struct ctx *c, struct shape *v)
{
	const char *s = v->s;
	size_t n = v->n, k;

	if (c->phase != PH_BODY && c->label.len == 0 && !v->tabs &&
	    (k = opens_with(s, n, LEX_BIT(SECTIONS_CONTENTS), NULL)) > 0 &&
	    n - k <= 1) {
		flush_all(c);
		c->phase = PH_CONTENTS;
		contents_row(c, s, n);
		return true;
	}
	c->pages_at = c->pages_col > v->indent ? c->pages_col - v->indent : 0;
	if (c->phase != PH_BODY && contents_line(c, s, n))
		return true;
	/* a contents table's frame, and its titles wrapped in their cell */
	if (c->phase == PH_CONTENTS && is_rule(s, n)) {
		contents_rule(c, v);
		return true;
	}
	if (c->phase == PH_CONTENTS &&
	    (title_goes_on(c, s, &n, v->indent) || head_goes_on(c, s, n))) {
		contents_row(c, s, n);
		return true;
	}
	if (c->phase == PH_CONTENTS)
		c->phase = PH_BODY;
	return false;
}

/* A line the contents page is made of, or the end of that page: an
 * entry with its page numbers (a section's label, "Priority 2", "4.",
 * kept with its title), or the head of a contents table. */
static bool
contents_line(struct ctx *c, const char *s, size_t n)
{
	struct span label = {0, 0}, title = {0, n};
	struct hform h;
	size_t k;
	struct entry *e;

	char num[NUM_TEXT];
	const char *lab = NULL;

	if (labelled(NULL, s, n, &h, false)) {
		label = h.label;
		title = h.title;
		if (h.num_word)
			lab = digits(num, h.num);	/* "Priority Two" is 2 */
		if (!cut_at_pages(c, s, &title) &&
		    !cut_pages(s, &title, c->phase == PH_CONTENTS))
			return false;
	} else if (c->phase == PH_CONTENTS && !column_head(s, n)) {
		if ((k = enumerator(s, n, &h)) > 0) {
			label = h.label;
			title.a = k;
		} else if (starts_lower(s, n) && c->last_title >= 0 &&
			   c->last_title_line == c->lineno - 1) {
			return false;	/* the entry's title going on */
		}
		if (!cut_at_pages(c, s, &title) && !cut_pages(s, &title, true))
			return false;
	} else {
		if (!column_head(s, n))
			return false;
		contents_row(c, s, n);
		return true;
	}
	contents_row(c, s, title.b);	/* without its pages */
	if (c->ntitles == TITLES_MAX)
		return true;
	e = &c->titles[c->ntitles];
	e->label = lab ? xstrdup(lab) : xstrndup(s + label.a, span_len(label));
	e->title = xstrndup(s + title.a, span_len(title));
	c->last_title = c->ntitles++;
	c->last_title_line = c->lineno;
	return true;
}

/* An entry's title, by its section's label, or NULL. */
static const char *
entry_title(struct ctx *c, const char *label, size_t n)
{
	int i;

	for (i = 0; i < c->ntitles; i++)
		if (strlen(c->titles[i].label) == n &&
		    !memcmp(c->titles[i].label, label, n))
			return c->titles[i].title;
	return NULL;
}

/* Whether the contents page lists a section of this title (any case). */
static bool
contents_lists(const struct ctx *c, const char *title, size_t n)
{
	int i;

	for (i = 0; i < c->ntitles; i++)
		if (strlen(c->titles[i].title) == n &&
		    !strncasecmp(c->titles[i].title, title, n))
			return true;
	return false;
}

/* A line of the contents page: a meta row, not remembered as a running
 * header. */
static void
contents_row(struct ctx *c, const char *s, size_t n)
{
	if (n == 0)
		return;
	flush_block(c);
	block_start(&c->blk, K_META, 0, c->lineno);
	block_add(&c->blk, s, n, c->lineno);
	flush_block(c);
}

/* The rule under a contents table's head, or above its rows ("------
 * ---"), shows where its second column, the pages, starts. */
static void
contents_rule(struct ctx *c, const struct shape *v)
{
	const char *gap = memchr(v->s, ' ', v->n);
	size_t k;

	c->pages_col = 0;
	if (gap == NULL)
		return;
	k = (size_t)(gap - v->s);
	while (k < v->n && v->s[k] == ' ')
		k++;
	if (k < v->n)
		c->pages_col = v->indent + k;
}

/* The title (a span of the line s) ends where the pages' column starts
 * (counted in characters), if a page number stands there. */
static bool
cut_at_pages(struct ctx *c, const char *s, struct span *title)
{
	size_t i, chars = 0;

	for (i = 0; i < title->b && chars < c->pages_at; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	while (i < title->b && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	if (c->pages_at == 0 || i < title->a || i >= title->b)
		return false;
	if (i == title->a && isdigit((unsigned char)s[i])) {
		title->b = title->a;	/* the title is on the lines below */
		return true;
	}
	if (s[i - 1] != ' ' || !isdigit((unsigned char)s[i]))
		return false;
	title->b = i;
	*title = trim_span(s, *title);
	return span_len(*title) > 0;
}

/* The head of a contents table: "Priority<TAB>Pages", or spaced apart. */
static bool
column_head(const char *s, size_t n)
{
	size_t k = opens_with(s, n, LEX_BIT(SECTIONS_CONTENTS_COLUMN), NULL);

	return k > 0 && n > k + 1 &&
	       (s[k] == '\t' || (s[k] == ' ' && s[k + 1] == ' '));
}

/* Before the first entry, a contents table's head may stand on two lines,
 * its labels broken in narrow cells ("Pag      Bookm" over "Priority
 * es      ark"): short cells apart, no figure. */
static bool
head_goes_on(struct ctx *c, const char *s, size_t n)
{
	size_t i;

	if (c->ntitles > 0 || !has_gap(s, n) || n > TITLE_WRAP_MAX * 2)
		return false;
	for (i = 0; i < n; i++)
		if (isdigit((unsigned char)s[i]) || s[i] == '\t')
			return false;
	return count_words(s, n, NULL) <= 4;
}

/* The line under a contents entry goes on with its title, wrapped in the
 * title's cell: "Priority 2 - Keep Young People" / "Safe"; the cells of
 * its pages and bookmark may go on beside it ("stalking      _3"), or
 * alone further in ("12     _5"), and are cut off as the entry's own
 * pages are (*len: what is kept of the line, perhaps nothing). */
static bool
title_goes_on(struct ctx *c, const char *s, size_t *len, size_t indent)
{
	char **title;
	size_t k, n = *len;

	if (c->last_title < 0 || c->last_title_line != c->lineno - 1 ||
	    memchr(s, '\t', n))
		return false;
	if (indent > TITLE_INDENT_MAX) {
		c->last_title_line = c->lineno;	/* its other cells */
		*len = 0;
		return n <= TITLE_WRAP_MAX;
	}
	for (k = 0; k + 1 < n && !(s[k] == ' ' && s[k + 1] == ' '); k++)
		;
	if (k + 1 < n)
		*len = n = k;	/* the title's cell, before the others' */
	title = &c->titles[c->last_title].title;
	if (n > TITLE_WRAP_MAX || isdigit((unsigned char)s[0]))
		return false;
	buf_reset(&c->tmp);
	buf_adds(&c->tmp, *title);
	if (c->tmp.len > 0)
		buf_addc(&c->tmp, ' ');
	k = c->tmp.len;
	text_squeeze_space(&c->tmp, s, n);
	if (c->tmp.len == k)
		return false;
	free(*title);
	*title = xstrndup(c->tmp.p, c->tmp.len);
	c->last_title_line = c->lineno;
	return true;
}

/* Cut a contents entry's page numbers off its title (a span of the line
 * s): "Title<TAB>3-7<TAB>Bookmark", "Title ....... 12"; on the contents
 * page (listed), "Title 3-7" too, the pages a short number or a range
 * after one space (a year is no page).  True when there were some. */
static bool
cut_pages(const char *line, struct span *title, bool listed)
{
	const char *s = line + title->a, *tab;
	size_t n = span_len(*title), k;

	if ((tab = memchr(s, '\t', n)) != NULL) {
		title->b = title->a + (size_t)(tab - s);
		*title = trim_span(line, *title);
		return true;
	}
	/* pages in a column of their own, spaced apart */
	for (k = 1; k + 2 < n; k++) {
		size_t i = k;
		if (s[k] != ' ' || s[k - 1] != ' ')
			continue;
		while (i < n && s[i] == ' ')
			i++;
		if (i < n && isdigit((unsigned char)s[i])) {
			title->b = title->a + k - 1;
			*title = trim_span(line, *title);
			return true;
		}
		k = i;
	}
	k = n;
	while (k > 0 && (isdigit((unsigned char)s[k - 1]) || s[k - 1] == '-'))
		k--;
	if (k == n || k == 0 || !isdigit((unsigned char)s[k]))
		return false;
	if (s[k - 1] != ' ' && s[k - 1] != '.')
		return false;
	if (!(k >= 2 && (s[k - 2] == ' ' || s[k - 2] == '.')) &&
	    !(listed && (n - k <= PAGE_DIGITS || memchr(s + k, '-', n - k))))
		return false;
	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '.'))
		k--;
	title->b = title->a + k;
	return true;
}
