/* headings.c: how a heading is written, read off one line.
 *
 * A heading is a Markdown heading ("## Title"); a label word and a
 * number ("Priority 3 – Title", "Objective 2: Title", "Annex B: Title");
 * a number, letter or roman numeral ("4.", "4.2", "A.", "(b)", "ii.")
 * before a short title; a line in capitals; or a short line standing
 * alone (outline.c decides on the next line whether it heads anything).
 * Other forms read here: datelines ("July to September 2024"), captions
 * ("Table 3: ..."), fields ("Annual target: 3,400"), figure lines
 * ("12,867", "£2.4m", "8 in 10").  No word of a report's own wording is
 * listed: the forms are general, the few words they need (label words,
 * caption words, date words) are data/lexicon/sections.tsv. */

enum {
	ENUM_MAX = 99,		/* a list or paragraph number, at most: more
				 * is a year ("2023. The...") */
	ENUM_DEPTH_MAX = 4,	/* "4.2.1.3" */
	ROMAN_MAX = 8,		/* letters of a roman numeral ("xviii") */
	HEADING_WORDS = 10,	/* words of a heading's title, at most */
	SENTENCE_LIKE = 6,	/* ... and this many, 6 in 10 lower case, are
				 * a sentence's */
	CAPS_WORDS = 24,	/* ... in capitals, which may wrap */
	HEADING_BYTES = 110,	/* bytes of a heading's title, at most */
	DATELINE_MAX = 64,	/* bytes of a line that only dates the text */
	FIELD_LABEL_WORDS = 6,	/* "Direction of travel:" */
	FIELD_LABEL_BYTES = 48,
	FIELD_VALUE_WORDS = 24,	/* a field's value, on its first line */
	FIELD_LOWER_WORDS = 6,	/* a value starting lower case is a
				 * field's only when this short ("under 3
				 * minutes"); longer, it is a sentence */
	FIGURE_TOKENS = 4,
	HEADING_WIDTH = 75,	/* percent of the widest line a heading may
				 * take, in text wrapped by hand */	/* "8 in 10", "↓ 4.1%": a figure line's tokens */
	LABEL_NUMBER_MAX = 999,	/* "Priority 12": a label's number */
	LABEL_WORDS = 3		/* words of a label before its number
				 * ("Strategic priority 2") */
};

static size_t roman_len(const char *s, size_t n, long *v);

/* A number, letter or roman numeral that opens a list item or a
 * numbered section: "4.", "4.2", "4.2.1", "(1)", "1)", "A.", "b)",
 * "(c)", "ii.", "(iv)".  Returns its bytes with the blanks after it (0:
 * none); h gets the form (F_DECIMAL with its depth, F_LETTER, F_ROMAN
 * with 1 for capitals), the label as written, without its stops, and its
 * value. */
static size_t
enumerator(const char *s, size_t n, struct hform *h)
{
	size_t i = 0, a, k;
	bool paren = n > 0 && s[0] == '(';
	int depth = 0;
	long v = 0, first = 0;

	memset(h, 0, sizeof *h);
	i = paren;
	a = i;
	if (i < n && isdigit((unsigned char)s[i])) {
		while (depth < ENUM_DEPTH_MAX) {
			for (k = i, v = 0; i < n && isdigit((unsigned char)s[i]) &&
			     i - k < 3; i++)
				v = v * 10 + (s[i] - '0');
			if (i == k || v > ENUM_MAX ||
			    (i < n && isdigit((unsigned char)s[i])))
				return 0;
			if (depth++ == 0)
				first = v;
			if (i + 1 < n && s[i] == '.' && isdigit((unsigned char)s[i + 1]))
				i++;
			else
				break;
		}
		h->form = F_DECIMAL;
		h->key = depth;
		h->num = first;
	} else if (i < n && isalpha((unsigned char)s[i])) {
		long r;
		size_t rl = roman_len(s + i, n - i, &r);

		if (rl > 1 || (rl == 1 && strchr("ivxIVX", s[i]))) {
			h->form = F_ROMAN;
			h->num = r;
			i += rl;
		} else if (i + 1 < n && !isalpha((unsigned char)s[i + 1])) {
			h->form = F_LETTER;
			h->num = tolower((unsigned char)s[i]) - 'a' + 1;
			i++;
		} else {
			return 0;
		}
		h->key = isupper((unsigned char)s[a]) != 0;
	} else {
		return 0;
	}
	h->label = (struct span){a, i};
	if (paren) {
		if (i >= n || s[i] != ')')
			return 0;
		i++;
	} else if (i < n && (s[i] == '.' || s[i] == ')')) {
		i++;
	} else if (!(h->form == F_DECIMAL && h->key > 1)) {
		return 0;	/* "4 Title", "A word": no stop, no item */
	}
	if (i >= n || !is_blank(s[i]))
		return 0;
	while (i < n && is_blank(s[i]))
		i++;
	return i < n ? i : 0;
}

/* A roman numeral's letters at s (one case): their length and value. */
static size_t
roman_len(const char *s, size_t n, long *v)
{
	static const char letters[] = "ivxlc";
	static const int value[] = {1, 5, 10, 50, 100};
	size_t i;
	long total = 0, prev = 0;
	bool upper = n > 0 && isupper((unsigned char)s[0]);

	for (i = 0; i < n && i < ROMAN_MAX; i++) {
		const char *p = strchr(letters, tolower((unsigned char)s[i]));
		int d;

		if (!s[i] || !p || (isupper((unsigned char)s[i]) != 0) != upper)
			break;
		d = value[p - letters];
		total += d;
		if (prev && d > prev)
			total -= 2 * prev;
		prev = d;
	}
	if (i < n && isalpha((unsigned char)s[i]))
		return 0;
	*v = total;
	return i;
}

/* What a label's number may be: digits, a number in words (lower case
 * too, right after a label word of one word), a capital letter alone, a
 * roman numeral in capitals. */
static bool
number_like(const char *s, size_t n, bool lower)
{
	size_t k = word_len(s, n);
	long r;

	if (n == 0)
		return false;
	if (isdigit((unsigned char)s[0]))
		return true;
	if (!isupper((unsigned char)s[0]))
		return lower && k > 0 && islower((unsigned char)s[0]) &&
		       word_value(s, k, SECTIONS_NUMBER) != NULL;	/* "three" */
	return n == 1 || !isalpha((unsigned char)s[1]) || roman_len(s, n, &r) > 0 ||
	       word_value(s, k, SECTIONS_NUMBER) != NULL;
}

/* A word of a label: letters only, and none that captions a table, dates
 * a line or names a month. */
static bool
label_word_ok(const char *s, size_t w)
{
	size_t k;

	if (w < 2)
		return false;
	for (k = 0; k < w; k++)
		if (!is_letter(s[k]))
			return false;
	return !word_is(s, w, SECTIONS_CAPTION) && !word_is(s, w, SECTIONS_DATE_WORD) &&
	       !period_month(s, w);
}

/* "Priority 3 – Title", "Objective 2: Title", "Annex B: Title",
 * "Priority Three", "Priority 3" alone, "Strategic priority 2: Title".
 * The label is a capitalised word, or a few words (LABEL_WORDS), before
 * the number.  One whose last word is a label word listed in
 * data/lexicon/sections.tsv (label-word) may carry any number; any other
 * (any_word) only the first of a sequence (1, A, I, One) or the next
 * after its last, so that the form is the report's own; with no ctx
 * (c NULL) and any_word, any number. */
static bool
labelled(struct ctx *c, const char *s, size_t n, struct hform *h,
	 bool any_word)
{
	size_t w = word_len(s, n), i, k, last = 0, words = 1;
	const char *v;
	long num = 0;
	int32_t cp;
	bool listed;

	memset(h, 0, sizeof *h);
	if (w < 2 || w >= n || s[w] != ' ' || !utf8proc_isupper(first_cp(s, n)))
		return false;
	for (k = 0; k < w; k++)
		if (!is_letter(s[k]))
			return false;
	/* the label's words, up to its number (letters only; the words
	 * lists are asked once a number is found) */
	for (;;) {
		for (i = w; i < n && s[i] == ' '; i++)
			;
		if (number_like(s + i, n - i, words == 1))
			break;
		k = word_len(s + i, n - i);
		if (++words > LABEL_WORDS || k < 2 || i + k >= n || s[i + k] != ' ')
			return false;
		for (v = s + i; v < s + i + k; v++)
			if (!is_letter(*v))
				return false;
		last = i;
		w = i + k;
	}
	if (w >= WORD_MAX)
		return false;
	h->label.a = i;
	if (i < n && isdigit((unsigned char)s[i])) {
		for (; i < n && isdigit((unsigned char)s[i]) && num <= LABEL_NUMBER_MAX; i++)
			num = num * 10 + (s[i] - '0');
		if (i < n && isdigit((unsigned char)s[i]))
			return false;
		/* "Objective 2.1" */
		while (i + 1 < n && s[i] == '.' && isdigit((unsigned char)s[i + 1]))
			for (i++; i < n && isdigit((unsigned char)s[i]); i++)
				;
	} else if (i < n && (k = word_len(s + i, n - i)) > 0 &&
		   (v = word_value(s + i, k, SECTIONS_NUMBER)) != NULL) {
		num = atol(v);
		i += k;
		h->num_word = true;	/* "Priority Twelve" is priority 12 */
	} else if (i < n && isupper((unsigned char)s[i]) &&
		   (i + 1 == n || !isalpha((unsigned char)s[i + 1]))) {
		num = s[i++] - 'A' + 1;
	} else {
		long r;
		size_t rl = i < n ? roman_len(s + i, n - i, &r) : 0;
		if (rl == 0 || !isupper((unsigned char)s[i]))
			return false;
		num = r;
		i += rl;
	}
	h->label.b = i;
	h->num = num;
	while (i < n && s[i] == ' ')
		i++;
	h->title = (struct span){i, i};
	if (i < n && !(i + 1 == n && s[i] == ':')) {
		k = text_decode(s + i, n - i, &cp);
		if (!(text_is_dash(cp) || cp == ':' || cp == '.'))
			return false;
		i += k;
		if (i < n && s[i] == '-' && s[i - 1] == '-')
			i++;	/* "--", pandoc's Markdown for an en dash */
		while (i < n && is_blank(s[i]))
			i++;
		h->title = (struct span){i, n};
		if (span_len(h->title) == 0 || span_len(h->title) >= TITLE_LINE_MAX)
			return false;
	}
	/* the form holds: now the words lists */
	for (k = word_len(s, n); last > 0 && k < w; k += word_len(s + k, n - k)) {
		while (s[k] == ' ')
			k++;
		if (!label_word_ok(s + k, word_len(s + k, n - k)))
			return false;
	}
	listed = word_is(s + last, w - last, SECTIONS_LABEL_WORD);
	if (!listed && (!any_word || !label_word_ok(s, word_len(s, n))))
		return false;
	h->form = F_LABELLED;
	h->listed = listed;
	for (k = 0; k < w; k++)
		h->word[k] = (char)tolower((unsigned char)s[k]);
	h->word[w] = '\0';
	if (!listed) {
		/* a word of the report's own: its sequence shows it (with
		 * no ctx, none is asked: a heading's translation) */
		if (span_len(h->title) == 0)
			return false;	/* "Version 2" */
		if (c == NULL)
			return true;
		for (k = 0; k < (size_t)c->nnumbering; k++)
			if (!strcmp(c->numbering[k].word, h->word))
				return num == c->numbering[k].last ||
				       num == c->numbering[k].last + 1;
		return num == 1;
	}
	return true;
}

/* The form of a heading line: a Markdown heading always; otherwise a
 * labelled or numbered heading, a line in capitals or a short title, if
 * the line's shape allows one (outline.c then waits for what follows). */
static bool
heading_form(struct ctx *c, const struct shape *v, struct hform *h)
{
	const char *s = v->s;
	size_t n = v->n, k;
	struct hform e;

	if (v->heading) {
		/* "## Priority 2 – Title": the label word's style, whatever the
		 * depth (reports use several for one level) */
		if (labelled(c, s, n, h, true)) {
			h->md = v->heading;
			return true;
		}
		if ((k = enumerator(s, n, h)) == 0) {
			memset(h, 0, sizeof *h);
			h->title = (struct span){0, n};
		} else {
			h->title = (struct span){k, n};
		}
		h->form = F_MARKDOWN;
		h->key = h->md = v->heading;
		return true;
	}
	if (n == 0 || n > TITLE_LINE_MAX || (n > HEADING_BYTES && !text_caps(s, n)) ||
	    caption_form(s, n) || is_dateline(s, n))
		return false;
	/* in text wrapped by hand, a heading leaves most of its line empty
	 * (one in capitals may fill it, and go on on the next) */
	if (c->wrap >= WRAP_MIN && n * 100 > c->wrap * HEADING_WIDTH &&
	    !text_caps(s, n))
		return false;
	if (labelled(c, s, n, h, true) &&
	    (span_len(h->title) == 0 || title_like(s + h->title.a, span_len(h->title))))
		return true;
	if ((k = enumerator(s, n, &e)) > 0) {
		*h = e;
		h->title = (struct span){k, n};
		h->caps = text_caps(s + k, n - k);
		return h->caps || title_like(s + k, n - k);
	}
	memset(h, 0, sizeof *h);
	h->title = (struct span){0, n};
	if (text_caps(s, n) && count_words(s, n, NULL) <= CAPS_WORDS &&
	    !ends_sentence(s, n) && s[n - 1] != ':') {
		h->form = F_CAPS;
		h->caps = true;
		return true;
	}
	if (title_like(s, n)) {
		h->form = F_PLAIN;
		return true;
	}
	return false;
}

/* A short title: starts with a capital or a digit, a few words, not a
 * sentence nor a clause going on, no figure alone, no navigation. */
static bool
title_like(const char *s, size_t n)
{
	return title_words(s, n, false);
}

/* The same, but a title may have a sentence's words ("What we said we
 * would do"), when what stands around it says it is one. */
static bool
title_words(const char *s, size_t n, bool sentence)
{
	size_t i, k, words = 0, numbers = 0, letters = 0, lower = 0;

	if (n == 0 || n > HEADING_BYTES || !starts_upper(s, n) ||
	    strchr(".,;:!?", s[n - 1]) || ends_open(s, n) ||
	    is_figure_line(s, n))
		return false;
	for (i = 0; next_word(s, n, &i, &k); i = k) {
		words++;
		lower += islower((unsigned char)s[i]) != 0;
		if (isdigit((unsigned char)s[i]))
			numbers++;
		else if (k - i >= 2 && is_letter(s[i]))
			letters++;
		if (k - i == 1 && strchr("|>@", s[i]))
			return false;	/* "Home > About", "A | B" */
		if (k < n && k > i && strchr(".!?", s[k - 1]) && k + 1 < n &&
		    isupper((unsigned char)s[k + 1]))
			return false;	/* two sentences */
		if (k + 1 < n && s[k + 1] == ' ')
			return false;	/* cells apart */
	}
	if (words > HEADING_WORDS || letters == 0 || numbers * 2 > words ||
	    (!sentence && words >= SENTENCE_LIKE && lower * 10 >= words * 6))
		return false;	/* a sentence's words, not a title's */
	return !contains(s, n, "://") && !contains(s, n, "www.") &&
	       !contains(s, n, "\xc2\xa9");	/* a link, a copyright line */
}

/* A line that only dates the text: "July to September 2024", "Last
 * updated: 14 October 2024", "February 2025". */
static bool
is_dateline(const char *s, size_t n)
{
	struct period p;
	size_t i, k, other = 0;
	bool month = false;

	if (n > DATELINE_MAX)
		return false;
	for (i = 0; i < n; i = k) {
		while (i < n && !is_letter(s[i]))
			i++;
		for (k = i; k < n && is_letter(s[k]); k++)
			;
		if (k == i)
			break;
		if (period_month(s + i, k - i))
			month = true;
		else if (!word_is(s + i, k - i, SECTIONS_DATE_WORD))
			other++;
	}
	return other == 0 && (month || period_find(s, n, &p));
}

/* "Table 3: ...", "Figure 2 – ...": a caption, never a heading. */
static bool
caption_form(const char *s, size_t n)
{
	size_t w = word_len(s, n);

	return w > 0 && w < n && s[w] == ' ' && w + 1 < n &&
	       isalnum((unsigned char)s[w + 1]) &&
	       word_is(s, w, SECTIONS_CAPTION);
}

/* "Annual target: 3,400", "Direction of travel: Improving": a short
 * label, a colon, a value that is not a sentence going on.  *colon gets
 * where the colon stands. */
static bool
is_field(const char *s, size_t n, size_t *colon)
{
	const char *p = memchr(s, ':', n < FIELD_LABEL_BYTES ? n : FIELD_LABEL_BYTES);
	size_t k, i, vw;

	if (p == NULL || caption_form(s, n))
		return false;
	k = (size_t)(p - s);
	if (k == 0 || k + 2 >= n || s[k + 1] != ' ' || !starts_upper(s, k) ||
	    count_words(s, k, NULL) > FIELD_LABEL_WORDS || memchr(s, '|', n))
		return false;
	for (i = 0; i < k; i++)
		if (strchr(".;!?()", s[i]))
			return false;
	for (i = k + 1; i < n && s[i] == ' '; i++)
		;
	vw = count_words(s + i, n - i, NULL);
	if (vw > FIELD_VALUE_WORDS ||
	    (starts_lower(s + i, n - i) && vw > FIELD_LOWER_WORDS))
		return false;
	*colon = k;
	return true;
}

/* A line that is a figure alone: "12,867", "6.1%", "£2.4m", "8 in 10",
 * "24/7", "↓ 4.1%". */
static bool
is_figure_line(const char *s, size_t n)
{
	size_t i, k, tokens = 0, digit = 0;

	for (i = 0; next_word(s, n, &i, &k); i = k) {
		tokens++;
		if (isdigit((unsigned char)s[i]) ||
		    (k - i > 1 && !is_letter(s[i]) && isdigit((unsigned char)s[i + 1])) ||
		    (k - i > 2 && (unsigned char)s[i] == 0xC2 && isdigit((unsigned char)s[i + 2])))
			digit++;
		else if (k - i > 3 && is_letter(s[i]))
			return false;	/* a word: "8 in 10" has "in" */
	}
	return tokens > 0 && tokens <= FIGURE_TOKENS && digit > 0 &&
	       (isdigit((unsigned char)s[0]) || !is_letter(s[0]));
}
