/* areas.c: the area a block stands under.
 *
 * Reports give the area (a district, a team) of what follows as a label:
 * a bullet "Northgate District:", a short title-case line standing
 * alone, a label bullet alone, or a commitment table's Who cell. */

static bool is_title_word(const char *w, size_t n);

/* "Southend: text" or "North LPA:" gives the label's length, else 0. */
static size_t
leading_label(const char *s, size_t n)
{
	const char *colon = memchr(s, ':', n < 80 ? n : 80);
	size_t k;

	if (colon == NULL)
		return 0;
	k = (size_t)(colon - s);
	if (k + 1 < n && s[k + 1] != ' ')
		return 0;	/* "10:30", "http:" */
	return is_name(s, k, 8) ? k : 0;
}

/* A name in title case, short: "Castle Point and Rochford (CPR)",
 * "North LPA", "Epping Forest District & Brentwood". */
static bool
is_name(const char *s, size_t n, int maxwords)
{
	size_t i = 0, k;
	int words = 0;

	if (n == 0 || n > 80 || !starts_upper(s, n))
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
