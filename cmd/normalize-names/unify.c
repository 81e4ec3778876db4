/* unify.c: stage 1.  Markup and footnote markers out; every dash, quote,
 * bullet and space alike; NFKC, case folding, no marks. */

/* Skip markup that is not text: an HTML tag, or a footnote marker such as
 * "<sup>3</sup>", "[^3]" or "[3]".  Returns bytes to skip, or 0. */
static size_t
markup_len(const char *s, size_t n)
{
	enum {
		TAG_MAX = 40,		/* past it, a '<' is text: "a < b" */
		MARKER_MAX = 8		/* "[^123456]": a footnote number is short */
	};
	static const char sup[] = "<sup>", end_sup[] = "</sup>";
	const size_t nsup = sizeof sup - 1, nend = sizeof end_sup - 1;
	size_t i;

	if (s[0] == '<') {
		if (n >= nsup && strncasecmp(s, sup, nsup) == 0) {
			const char *end = memchr(s, '>', n);
			for (i = nsup; i + nend <= n && i < TAG_MAX; i++)
				if (strncasecmp(s + i, end_sup, nend) == 0)
					return i + nend;
			return end ? (size_t)(end - s) + 1 : 0;
		}
		for (i = 1; i < n && i < TAG_MAX; i++) {
			if (s[i] == '>')
				return isalpha((unsigned char)s[1]) || s[1] == '/' ? i + 1 : 0;
			if (s[i] == '<' || (s[i] == ' ' && i == 1))
				return 0;
		}
		return 0;
	}
	if (s[0] == '[') {
		i = 1 + (n > 1 && s[1] == '^');
		while (i < n && i < MARKER_MAX && isdigit((unsigned char)s[i]))
			i++;
		if (i < n && s[i] == ']' && i > 1 && isdigit((unsigned char)s[i - 1]))
			return i + 1;
	}
	return 0;
}

static bool
is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC ||
	       cp == 0x2032 || cp == '`' || cp == 0xFF07;
}

/* Combining marks stay for NFKC to compose or strip; "①" for NFKC to
 * make a digit. */
static bool
is_mark_or_number(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_NO:
	case UTF8PROC_CATEGORY_NL:
		return true;
	default:
		return false;
	}
}

/* One code point of stage 1: what it becomes in the cleaned text. */
static void
unify_char(struct buf *out, int32_t cp, const char *s, size_t k)
{
	if (text_is_superscript_digit(cp) || text_is_invisible(cp))
		return;		/* footnote markers, ZWJ, RLM, soft hyphens */
	if (is_apostrophe(cp))
		buf_addc(out, '\'');
	else if (cp == '&' || cp == 0xFF06)
		buf_adds(out, " and ");
	else if (cp == '%' || cp == 0xFF05)
		buf_adds(out, " percent ");
	else if (cp < 0x80 && cp != '\'' && !isalnum(cp))
		buf_addc(out, ' ');	/* dashes, quotes, slashes, markdown */
	else if (cp >= 0x80 && !text_is_letter(cp) && !text_is_digit(cp) &&
		 !is_mark_or_number(cp))
		buf_addc(out, ' ');	/* dashes, curly quotes, bullets, spaces */
	else
		buf_add(out, s, k);
}

/* "CitizensPolice", "Covid19", "policing15": a separator (a slash, a
 * line end, a dash) lost between a lower-case letter and a capital, or
 * between a word of three letters or more and a digit; codes such as
 * "A12", "M25" and "18s" stay whole.  ASCII only: s[i] is cp. */
static bool
lost_separator(const char *s, size_t i, int32_t cp)
{
	unsigned char p = (unsigned char)s[i - 1];

	if (cp >= 0x80 || p >= 0x80)
		return false;
	if (islower(p) && isupper(cp))
		return true;
	return isdigit(cp) && i >= 3 && isalpha(p) &&
	       isalpha((unsigned char)s[i - 2]) && isalpha((unsigned char)s[i - 3]);
}

static void
unify(struct ctx *c, const char *s, size_t n)
{
	size_t i = 0, k;
	int32_t cp;
	bool ascii = true;

	buf_reset(&c->clean);
	while (i < n) {
		if ((k = markup_len(s + i, n - i)) > 0) {
			buf_addc(&c->clean, ' ');
			i += k;
			continue;
		}
		k = text_decode(s + i, n - i, &cp);
		ascii &= cp < 0x80;
		if (i > 0 && lost_separator(s, i, cp))
			buf_addc(&c->clean, ' ');
		unify_char(&c->clean, cp, s + i, k);
		i += k;
	}
	buf_reset(&c->folded);
	if (ascii) {	/* the common case, without a round trip to utf8proc */
		for (i = 0; i < c->clean.len; i++)
			buf_addc(&c->folded, (char)tolower((unsigned char)c->clean.p[i]));
		return;
	}
	text_fold(&c->folded, c->clean.p, c->clean.len);
	/* NFKC can make new dashes or spaces (full-width forms): once more. */
	buf_reset(&c->clean);
	for (i = 0; i < c->folded.len; i += k) {
		k = text_decode(c->folded.p + i, c->folded.len - i, &cp);
		unify_char(&c->clean, cp, c->folded.p + i, k);
	}
	buf_reset(&c->folded);
	buf_add(&c->folded, c->clean.p, c->clean.len);
}
