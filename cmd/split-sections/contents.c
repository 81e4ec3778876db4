/* contents.c: the contents page gives the priorities' titles, no rows.
 *
 * Its entries ("Priority 2 - Title   5-7   Bookmark") are cut from their
 * page numbers, by a tab, a column of their own (where a rule above
 * shows it), or a dotted leader; a title wrapped in its cell goes on on
 * the next line. */

/* The rest of a title wrapped in its cell is short. */
enum { TITLE_WRAP_MAX = 60 };

static bool contents_line(struct ctx *c, const char *s, size_t n);
static void contents_rule(struct ctx *c, const struct shape *v);
static bool cut_at_pages(struct ctx *c, const char *s, struct span *title);
static bool column_head(const char *s, size_t n);
static bool title_goes_on(struct ctx *c, const char *s, size_t n);
static bool cut_pages(const char *s, struct span *title);

/* The contents page: its heading ("Contents", alone) begins it, before
 * any priority; its entries give titles; its frame and the titles
 * wrapped in their cells are taken; any other line ends it. */
static bool
contents_page(struct ctx *c, struct shape *v)
{
	const char *s = v->s;
	size_t n = v->n, k;

	if (c->phase != PH_BODY && c->priority == 0 &&
	    (k = opens_with(s, n, LEX_BIT(SECTIONS_CONTENTS), NULL)) > 0 &&
	    n - k <= 1) {
		flush_all(c);
		release_held(c);
		c->phase = PH_CONTENTS;
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
	if (c->phase == PH_CONTENTS && title_goes_on(c, s, n))
		return true;
	if (c->phase == PH_CONTENTS)
		c->phase = PH_BODY;
	return false;
}

/* A line the contents page is made of, or the end of that page. */
static bool
contents_line(struct ctx *c, const char *s, size_t n)
{
	int num;
	struct span title;

	if (parse_priority(s, n, &num, &title)) {
		if (!cut_at_pages(c, s, &title) && !cut_pages(s, &title))
			return false;
		if (num > 0 && num < TITLES_MAX) {
			free(c->titles[num]);
			c->titles[num] = xstrndup(s + title.a, span_len(title));
			c->last_title = num;
			c->last_title_line = c->lineno;
		}
		return true;
	}
	return column_head(s, n);
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

/* The line under a contents entry goes on with its title, wrapped in the
 * title's cell: "Priority 2 - Keep Young People" / "Safe". */
static bool
title_goes_on(struct ctx *c, const char *s, size_t n)
{
	char **title = &c->titles[c->last_title];
	size_t k;

	if (*title == NULL || c->last_title_line != c->lineno - 1 || n > TITLE_WRAP_MAX ||
	    has_gap(s, n) || memchr(s, '\t', n))
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
 * s): "Title<TAB>3-7<TAB>Bookmark", "Title ....... 12".  True when there
 * were some. */
static bool
cut_pages(const char *line, struct span *title)
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
	if (k == n || k == 0)
		return false;
	if (s[k - 1] != ' ' && s[k - 1] != '.')
		return false;
	if (!(k >= 2 && (s[k - 2] == ' ' || s[k - 2] == '.')))
		return false;
	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '.'))
		k--;
	title->b = title->a + k;
	return true;
}
