/* layout.c: what the conversions leave in a line, taken out or read.
 *
 * pdftotext -layout gives form feeds, ligatures, TeX-like artefacts,
 * Word's bullets; pandoc's Markdown gives emphasis, escapes, spans, HTML
 * tags, "#" headings, quotes.  A line is cleaned of the markup, then
 * shaped: its indentation, whether it is a heading, whether tabs cut it
 * into cells.  Bullet signs, rules and footnote marks are read here too. */

/* Markup is short: a longer run is text that happens to hold the sign. */
enum {
	ARTEFACT_MAX = 64,	/* bytes of a "$_{15}$" artefact */
	TAG_MAX = 40,		/* bytes of an HTML tag */
	SPAN_TEXT_MAX = 200,	/* bytes of a "[words]{.class}" span's words */
	SPAN_CLASS_MAX = 80,	/* ... and of its "{.class}" */
	FOOTNOTE_MARK_MAX = 12	/* bytes of a "[^12]" footnote mark */
};

/* Bytes that may begin markup, an artefact or a ligature. */
#define MARKUP_BYTES "\f*_\\$<[\xef"

/* Ligatures that PDF text keeps: U+FB00..U+FB06. */
static const char *const ligature[] = {
	"ff", "fi", "fl", "ffi", "ffl", "ft", "st"
};

static size_t clean_mark(struct ctx *c, const char *s, size_t n);
static size_t artefact_len(const char *s, size_t n);
static size_t tag_len(const char *s, size_t n);
static size_t pandoc_span_len(const char *s, size_t n);
static size_t autolink_len(const char *s, size_t n);
static bool emphasis_star(const struct buf *o, const char *s, size_t n);

/* Most lines hold nothing to clean and are used as they came; the others
 * are copied with their markup taken out. */
static void
clean_line(struct ctx *c, const char *s, size_t n)
{
	struct buf *o = &c->line;
	size_t i = strcspn(s, MARKUP_BYTES), k;

	c->lead_mark = false;
	c->broke = false;
	c->text = s;
	c->len = n;
	if (i >= n)
		return;
	buf_reset(o);
	buf_add(o, s, i);
	while (i < n) {
		i += clean_mark(c, s + i, n - i);
		k = strcspn(s + i, MARKUP_BYTES);
		if (k > n - i)
			k = n - i;
		buf_add(o, s + i, k);
		i += k;
	}
	c->text = o->p;
	c->len = o->len;
}

/* A lone "*" of Markdown's emphasis ("*Figures are provisional.*"): one
 * that opens a word (a letter after it, nothing or a space before), or
 * closes one (a letter or a stop before it, no figure: "347*" is a
 * footnote's mark). */
static bool
emphasis_star(const struct buf *o, const char *s, size_t n)
{
	char before = o->len > 0 ? o->p[o->len - 1] : ' ';
	char after = n > 1 ? s[1] : ' ';

	if ((before == ' ' || before == '(') && isalpha((unsigned char)after))
		return true;
	return (isalpha((unsigned char)before) || before == '.' || before == ',' ||
		before == ')') &&
	       (after == ' ' || after == '\r' || ispunct((unsigned char)after));
}

/* Clean what begins at s: returns the bytes it took. */
static size_t
clean_mark(struct ctx *c, const char *s, size_t n)
{
	struct buf *o = &c->line;
	bool at_start = o->len == strspn(o->p, " \t");
	size_t k;

	switch ((unsigned char)s[0]) {
	case '\f':
		c->broke = true;
		return 1;
	case '*':
	case '_':
		/* Markdown emphasis: "**bold**", "__bold__" */
		if (n > 1 && s[1] == s[0])
			return 2;
		if (s[0] == '*' && c->markdown && emphasis_star(o, s, n))
			return 1;
		break;
	case '\\':
		/* pandoc escapes punctuation: \' \[ \* ... */
		if (n > 1 && ispunct((unsigned char)s[1])) {
			buf_addc(o, s[1]);
			return 2;
		}
		/* a backslash ending a line is pandoc's hard line break: the
		 * line goes on in the next, as any wrapped line does */
		if (n == 1)
			return 1;
		break;
	case '$':
		if ((k = artefact_len(s, n)) > 0) {
			c->lead_mark |= at_start;
			return k;
		}
		break;
	case '<':
		if ((k = tag_len(s, n)) > 0) {
			c->lead_mark |= at_start && prefix_ci(s, n, "<sup");
			return k;
		}
		if ((k = autolink_len(s, n)) > 0) {
			buf_add(o, s + 1, k - 2);	/* the address, not its brackets */
			return k;
		}
		break;
	case '[':
		/* a pandoc span, "[Northtown]{.underline}": the words stay */
		if ((k = pandoc_span_len(s, n)) > 0) {
			const char *close = memchr(s, ']', k);
			buf_add(o, s + 1, (size_t)(close - s) - 1);
			return k;
		}
		break;
	case 0xEF:
		if (n > 2 && (unsigned char)s[1] == 0xAC &&
		    (unsigned char)s[2] >= 0x80 && (unsigned char)s[2] <= 0x86) {
			buf_adds(o, ligature[(unsigned char)s[2] - 0x80]);
			return 3;
		}
		break;
	}
	buf_addc(o, s[0]);
	return 1;
}

/* A "$_{15}$" or "$^{\rm 11}$" span left by a TeX-minded converter:
 * returns its length, or 0. */
static size_t
artefact_len(const char *s, size_t n)
{
	const char *end;
	size_t k;

	if (n < 4 || (s[1] != '_' && s[1] != '^'))
		return 0;
	end = memchr(s + 1, '$', n - 1 < ARTEFACT_MAX ? n - 1 : ARTEFACT_MAX);
	if (!end)
		return 0;
	k = (size_t)(end - s) + 1;
	return memchr(s, '{', k) ? k : 0;
}

/* An HTML tag ("<sup>", "</u>", "<br/>"): its length, or 0.  An
 * address in brackets ("<name@example.org>", "<https://...>") is no
 * tag: its brackets go, its words stay. */
static size_t
tag_len(const char *s, size_t n)
{
	size_t i = 1;

	if (i < n && s[i] == '/')
		i++;
	if (i >= n || !isalpha((unsigned char)s[i]))
		return 0;
	while (i < n && i < TAG_MAX && s[i] != '>' && s[i] != '<' &&
	       s[i] != '@' && !(s[i] == ':' && i + 2 < n && s[i + 1] == '/' &&
				s[i + 2] == '/'))
		i++;
	return i < n && s[i] == '>' ? i + 1 : 0;
}

/* A Markdown autolink, "<name@example.org>" or "<https://...>": its
 * length, or 0. */
static size_t
autolink_len(const char *s, size_t n)
{
	size_t i;
	bool at = false;

	for (i = 1; i < n && i < TAG_MAX * 4; i++) {
		if (s[i] == '>')
			return at && i > 1 ? i + 1 : 0;
		if (s[i] == ' ' || s[i] == '<')
			return 0;
		at |= s[i] == '@' || (s[i] == ':' && i + 2 < n && s[i + 1] == '/');
	}
	return 0;
}

/* "[words]{.class}": its length, or 0. */
static size_t
pandoc_span_len(const char *s, size_t n)
{
	const char *close = memchr(s, ']', n < SPAN_TEXT_MAX ? n : SPAN_TEXT_MAX),
		   *end;
	size_t k;

	if (close == NULL || (size_t)(close - s) + 2 >= n || close[1] != '{')
		return 0;
	k = (size_t)(close - s) + 1;
	end = memchr(close + 1, '}', n - k < SPAN_CLASS_MAX ? n - k : SPAN_CLASS_MAX);
	return end ? (size_t)(end - s) + 1 : 0;
}

/* False for a blank line. */
static bool
shape_line(struct ctx *c, struct shape *v)
{
	const char *s = c->text, *lead;
	size_t n = c->len, i = 0, ln;

	while (i < n && s[i] == ' ')
		i++;
	s += i;
	n -= i;
	v->indent = i;
	/* trailing tabs stay inside a commitment table: they say which
	 * column the text is in */
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r' ||
			 (s[n - 1] == '\t' && !c->wewill)))
		n--;
	for (i = 0; i < n && s[i] == '#'; i++)
		;
	v->heading = i > 0 && i < n && s[i] == ' ' ? (int)i : 0;
	c->markdown |= v->heading > 0;
	if (v->heading) {
		s += i + 1;
		n -= i + 1;
	}
	if (n >= 2 && s[0] == '>' && s[1] == ' ') {	/* a quote */
		s += 2;
		n -= 2;
	}
	lead = s;
	ln = n;
	trim(&lead, &ln);
	v->tabs = memchr(s, '\t', n) != NULL && c->phase != PH_CONTENTS;
	if (!v->tabs) {
		v->indent += (size_t)(lead - s);
		s = lead;
		n = ln;
	}
	v->s = s;
	v->n = n;
	return ln > 0;
}

/* A bullet sign at s: returns its length with the space after it. */
static size_t
bullet_sign(const char *s, size_t n)
{
	int32_t cp;
	size_t k;

	if (n < 2)
		return 0;
	k = text_decode(s, n, &cp);
	/* Word's second-level bullet comes out of PDFs as a letter o */
	if (cp == 'o' && is_blank(s[1]) && n > 2 && isalpha((unsigned char)s[2]))
		return 2;
	if (!(cp == '-' || cp == '*' || cp == '+' || cp == 0x2013 ||
	      cp == 0x2014 || text_is_bullet(cp)))
		return 0;
	if (k < n && is_blank(s[k])) {
		while (k < n && is_blank(s[k]))
			k++;
		return k;
	}
	/* "•Text": the round bullets need no space */
	return text_is_bullet(cp) ? k : 0;
}

/* A horizontal rule or the frame of a Markdown table: "----",
 * "+-----+----+", "===  ===". */
static bool
is_rule(const char *s, size_t n)
{
	size_t i, marks = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '-' || s[i] == '=' || s[i] == '_' || s[i] == '*')
			marks++;
		else if (!strchr("+:| \t", s[i]))
			return false;
	}
	return marks >= 3;
}

static bool
is_footnote(struct ctx *c, const char *s, size_t n)
{
	return c->lead_mark || text_is_superscript_digit(first_cp(s, n)) ||
	       (prefix_ci(s, n, "[^") &&
		memchr(s, ']', n < FOOTNOTE_MARK_MAX ? n : FOOTNOTE_MARK_MAX));
}
