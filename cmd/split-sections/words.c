/* words.c: small tests on text: blanks, case, sentence ends, words. */

/* Append src to dst (buf_add with an empty, perhaps unallocated, src). */
static void
buf_copy(struct buf *dst, const struct buf *src)
{
	if (src->len > 0)
		buf_add(dst, src->p, src->len);
}

static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && is_blank(**s)) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

static bool
is_blank(int ch)
{
	return ch == ' ' || ch == '\t';
}

static int32_t
first_cp(const char *s, size_t n)
{
	int32_t cp = 0;

	if (n > 0)
		text_decode(s, n, &cp);
	return cp;
}

static bool
starts_upper(const char *s, size_t n)
{
	int32_t cp = first_cp(s, n);
	return n > 0 && (utf8proc_isupper(cp) || text_is_digit(cp));
}

static bool
starts_lower(const char *s, size_t n)
{
	return n > 0 && utf8proc_islower(first_cp(s, n));
}

/* Does the text end a sentence (., ! or ?, perhaps inside quotes)? */
static bool
ends_sentence(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ')' ||
			 s[n - 1] == '"' || s[n - 1] == '\''))
		n--;
	return n > 0 && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?');
}

static bool
prefix_ci(const char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	/* the first byte rules out most lines without a call */
	if (n < k || (s[0] != p[0] && tolower((unsigned char)s[0]) != p[0]))
		return false;
	return strncasecmp(s, p, k) == 0;
}

/* Length of the first word (letters, digits, apostrophes). */
static size_t
word_len(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != ',' &&
	       s[i] != ':' && s[i] != ';' && s[i] != '.')
		i++;
	return i;
}

static bool
word_in(const char *w, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && strncasecmp(w, *list, n) == 0)
			return true;
	return false;
}

static bool
find_ci(const char *s, size_t n, const char *p, size_t *at)
{
	size_t k = strlen(p), i;
	int lo = tolower((unsigned char)p[0]), up = toupper((unsigned char)p[0]);

	for (i = 0; i + k <= n; i++)
		if ((s[i] == lo || s[i] == up) && strncasecmp(s + i, p, k) == 0) {
			*at = i;
			return true;
		}
	return false;
}
