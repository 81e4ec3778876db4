/* outline.c: the report's structure, as a stack of three levels.
 *
 * Level 1 is the report's top sections (`priority`: the number or letter
 * as written, `priority_title`), level 2 what content stands under
 * (`commitment`), level 3 the nearest heading (`heading`).  A heading's
 * style (headings.c) gets its level the first time the document uses it
 * (level_of): Markdown depth and decimal depth give theirs relative to
 * the other headings of their family; a numbered or labelled style takes
 * level 1 unless another already does; any other style stands under the
 * deepest section open when it first appears, as reStructuredText ranks
 * its title styles.  A heading of a known style replaces the section of
 * its level and closes the ones under it.
 *
 * Plans' updates have level 2 of their own: the commitment after a
 * lead-in ("Working with partners we will:"), "Key Points", an objective
 * ("Our objective is ..."), the first cell of a commitments' table
 * (plan.c, commitments.c).
 *
 * A line that may be a heading waits for the next line (the pending
 * heading, R_HEADING): content under it (a sentence, a bullet, a table,
 * a field, a figure) makes it one, and so does a heading of another style
 * under a numbered or capitalised one ("4." over "4.1"); another line of
 * its kind, or nothing, leaves it text, as a menu or a list of names is,
 * and a line right under one that headed nothing, of its style, is one of
 * that list. */

enum {
	CELL_LABEL_MAX = 48	/* bytes of a table's cell of words */
};

static int style_find(struct ctx *c, const struct hform *h);
static int level_of(struct ctx *c, int s);
static void apply_heading(struct ctx *c, const struct hform *h,
    const char *label, size_t ln, const char *title, size_t tn);
static void confirm_heading(struct ctx *c, enum kind kind);
static void demote_heading(struct ctx *c);
static bool line_is_content(struct ctx *c, const struct shape *v,
    enum kind *kind);
static bool fresh_line(const struct ctx *c);
static bool opens_anew(const char *s, size_t n);
static bool lead_in(struct ctx *c, const char *s, size_t n);
static size_t lead_in_end(const char *s, size_t n);
static bool is_key_points(const char *s, size_t n);
static void key_points(struct ctx *c, const char *s, size_t n);
static void objective(struct ctx *c, const char *s, size_t n);
static bool opens_with_verb(const char *s, size_t n);
static size_t verb_sentence(const char *s, size_t n);
static bool title_heading(struct ctx *c, const struct shape *v);
static bool title_rest(struct ctx *c, const struct shape *v);
static bool translated_heading(struct ctx *c, const struct hform *h,
    const struct shape *v);

/* The lines that make the report's structure, read at once. */
static bool
structure_line(struct ctx *c, struct shape *v)
{
	const char *s = v->s;
	size_t n = v->n;
	struct hform h;

	if (c->blk.open && c->blk.role == R_TITLE && title_rest(c, v))
		return true;
	if (v->tabs) {
		tab_line(c, s, n);
		return true;
	}
	if (c->in_table)
		end_tab_table(c);
	if (is_rule(s, n)) {
		if (c->wewill && c->ncols > 0)
			wewill_rule(c, v);
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
	if (v->heading && !title_heading(c, v) && heading_form(c, v, &h)) {
		heading_row(c, &h, s, n, K_PARA);
		return true;
	}
	/* "Priority 3 – Title": a listed label word, anywhere; the report's
	 * own words once its body has begun */
	if (!v->heading && labelled(c, s, n, &h, c->phase == PH_BODY) &&
	    (h.listed ||
	     (span_len(h.title) > 0 &&
	      title_like(s + h.title.a, span_len(h.title))))) {
		heading_row(c, &h, s, n, K_PARA);
		return true;
	}
	return spaced_line(c, v);
}

/* A Markdown heading of the title page: its first heading (the
 * report's title), or one naming the period ("## Quarter 3 2019/20"). */
static bool
title_heading(struct ctx *c, const struct shape *v)
{
	struct period p;
	struct hform h;
	bool first = !c->md_title;

	if (c->phase == PH_BODY)
		return false;
	c->md_title = true;
	if (labelled(c, v->s, v->n, &h, false))
		return false;	/* "## Priority 8 – Fraud" heads the body */
	return first || period_find(v->s, v->n, &p);
}

/* A line of the body that is no structure of its own. */
static void
body_line(struct ctx *c, struct shape *v)
{
	const char *s = v->s;
	size_t n = v->n, k;
	struct hform h;

	if (is_footnote(c, s, n)) {
		flush_block(c);
		block_start(&c->blk, K_FOOTNOTE, 0, c->lineno);
		block_add(&c->blk, s, n, c->lineno);
		return;
	}
	if (c->wewill)
		end_table(c);
	if (tile_goes_on(c, s, n))
		return;
	if ((k = bullet_sign(s, n)) > 0) {
		start_bullet(c, s + k, n - k, v->indent);
		return;
	}
	if (fresh_line(c) && other_language(c, v))
		return;
	if (tile_line(c, v) || flat_line(c, s, n) || field_line(c, v))
		return;
	if (fresh_line(c) || opens_anew(s, n)) {
		if ((k = enumerator(s, n, &h)) > 0 && !heading_form(c, v, &h)) {
			start_bullet(c, s, n, v->indent);	/* "1.1 Apologies were..." */
			return;
		}
		/* a commitment's opening verb, in a table of commitments */
		if (!(c->wewill && opens_with_verb(s, n)) && heading_form(c, v, &h)) {
			start_heading(c, &h, v);
			return;
		}
		/* a short line with a sentence's words, after a blank line: a
		 * heading if one follows it too ("What we said we would do") */
		if ((!c->blk.open || c->paused) && !c->wewill && v->indent < UPPER_INDENT &&
		    title_words(s, n, true) && !caption_form(s, n) && !is_dateline(s, n) &&
		    !is_field(s, n, &k) && !(c->wrap >= WRAP_MIN && n * 100 > c->wrap * HEADING_WIDTH)) {
			memset(&h, 0, sizeof h);
			h.form = F_PLAIN;
			h.title = (struct span){0, n};
			start_heading(c, &h, v);
			c->cand_alone = true;
			return;
		}
		if (opens_anew(s, n))
			flush_block(c);
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

/* Whether a line may open something new: no sentence is open before it
 * (a line that goes on with one is never a heading). */
static bool
fresh_line(const struct ctx *c)
{
	const struct block *b = &c->blk;

	return !b->open || c->paused || b->role == R_TILE ||
	       b->kind == K_FIELD || b->last_ends;
}

/* A line that starts something even after a line that did not end a
 * sentence: a line in capitals, a label alone ("PRESENT:"), a numbered
 * item or heading that opens with a capital. */
static bool
opens_anew(const char *s, size_t n)
{
	struct hform h;
	size_t k;

	if (text_caps(s, n))
		return true;
	if (n > 1 && s[n - 1] == ':' && title_like(s, n - 1))
		return true;
	return (k = enumerator(s, n, &h)) > 0 && starts_upper(s + k, n - k);
}

/* ---- headings ---- */

/* A heading whose form is known at once (Markdown, a label word): its
 * section is set, and its line is a row in it. */
static void
heading_row(struct ctx *c, const struct hform *h, const char *s, size_t n,
	    enum kind kind)
{
	struct block *b = &c->blk;
	char num[NUM_TEXT];
	const char *label = h->num_word ? digits(num, h->num) : s + h->label.a;

	apply_heading(c, h, label, h->num_word ? strlen(label) : span_len(h->label),
		      s + h->title.a, span_len(h->title));
	block_start(b, kind, 0, c->lineno);
	block_add(b, s, n, c->lineno);
	if (c->title_rest.len > 0) {
		b->role = R_TITLE;	/* the rest of its title may follow */
		return;
	}
	b->open = false;
	emit(c, b, c->commitment.p ? c->commitment.p : "");
}

/* The line after a heading whose title goes on (R_TITLE): the rest of the
 * title, as its contents entry has it, joins the heading's row. */
static bool
title_rest(struct ctx *c, const struct shape *v)
{
	bool rest = v->n == c->title_rest.len &&
		    !memcmp(v->s, c->title_rest.p, v->n) && !c->paused;

	c->blk.role = R_TEXT;
	buf_reset(&c->title_rest);
	if (rest)
		block_add(&c->blk, v->s, v->n, c->lineno);
	flush_block(c);
	return rest;
}

static void
apply_heading(struct ctx *c, const struct hform *h, const char *label,
	      size_t ln, const char *title, size_t tn)
{
	int st = style_find(c, h), k, level;
	const char *t;

	if (h->form == F_LABELLED) {
		for (k = 0; k < c->nnumbering; k++)
			if (!strcmp(c->numbering[k].word, h->word))
				break;
		if (k == c->nnumbering && k < LABEL_WORDS_MAX)
			strcpy(c->numbering[c->nnumbering++].word, h->word);
		if (k < c->nnumbering)
			c->numbering[k].last = h->num;
	}
	/* "Priority 3" alone, or a title wrapped onto the next line (its
	 * start is the contents entry's): the contents page's */
	buf_reset(&c->title_rest);
	if (ln > 0 && (t = entry_title(c, label, ln)) != NULL &&
	    (tn == 0 || (strlen(t) > tn && !strncmp(t, title, tn) && t[tn] == ' '))) {
		if (tn > 0)
			buf_adds(&c->title_rest, t + tn + 1);
		title = t;
		tn = strlen(t);
	}
	level = level_of(c, st);
	/* an unnumbered heading, where a contents page lists the top
	 * sections: one it lists is a top section ("Scorecard" beside
	 * "Strategic priority 3"), one it does not stands under the section
	 * open ("What happened") */
	if ((h->form == F_PLAIN || h->form == F_CAPS) && c->ntitles > 0) {
		if (contents_lists(c, title, tn))
			level = 1;
		else if (level == 1 && h->form == F_PLAIN &&
			 (c->label.len > 0 || c->title.len > 0))
			level = 2;	/* (capitals are a top section's) */
	}
	set_level(c, level, st, label, ln, title, tn);
	body_period(c, title, tn, true);
}

/* The style of a heading, found or added: a form, its key, its word. */
static int
style_find(struct ctx *c, const struct hform *h)
{
	int i;

	for (i = 0; i < c->nstyles; i++)
		if (c->styles[i].form == h->form && c->styles[i].key == h->key &&
		    !strcmp(c->styles[i].word, h->word))
			return i;
	if (c->nstyles == STYLES_MAX)
		return STYLES_MAX - 1;	/* the last one's level */
	c->styles[i].form = h->form;
	c->styles[i].key = h->key;
	c->styles[i].md = h->md;
	strcpy(c->styles[i].word, h->word);
	c->styles[i].level = 0;
	return c->nstyles++;
}

/* A style's level, decided the first time it is met. */
static int
level_of(struct ctx *c, int s)
{
	struct style *st = &c->styles[s];
	int d = deepest(c), L = d + 1, i;
	bool strong = false;

	if (st->level)
		return st->level;
	switch (st->form) {
	case F_TITLE:
		L = 1;
		break;
	case F_CONTENT:
		L = 2;
		break;
	case F_MARKDOWN:
	case F_DECIMAL:
		/* under the heading one shallower of its family, or beside one
		 * as deep: "4.2" under "4.", "###" under "##" */
		for (i = 0; i < c->nstyles; i++) {
			const struct style *o = &c->styles[i];
			if (i != s && o->form == st->form && o->level &&
			    o->key < st->key + (st->form == F_MARKDOWN)) {
				L = o->level + (st->key - o->key);
				break;
			}
		}
		if (i < c->nstyles)
			break;
		strong = st->form == F_MARKDOWN || st->key == 1;
		/* fall through */
	case F_LABELLED:
		if ((strong || st->form == F_LABELLED) && !c->strong_top)
			L = 1;
		/* first met as a Markdown heading: that depth's level */
		for (i = 0; st->form == F_LABELLED && st->md && i < c->nstyles; i++)
			if (c->styles[i].form == F_MARKDOWN &&
			    c->styles[i].key == st->md && c->styles[i].level)
				L = c->styles[i].level;
		break;
	default:
		break;
	}
	if (L < 1)
		L = 1;
	if (L > LEVELS)
		L = LEVELS;
	if (L == 1 && st->form != F_TITLE && st->form != F_PLAIN &&
	    st->form != F_CAPS)
		c->strong_top = true;
	st->level = L;
	return L;
}

/* The deepest section open: 0 to 3. */
static int
deepest(const struct ctx *c)
{
	if (c->heading.len > 0)
		return 3;
	if (c->commitment.len > 0)
		return 2;
	return c->label.len > 0 || c->title.len > 0;
}

/* Open a section at level L (its label and title), closing those under
 * it.  A level-1 heading met again (repeated on a new page) keeps them. */
static void
set_level(struct ctx *c, int level, int style, const char *label, size_t ln,
	  const char *title, size_t tn)
{
	int i;

	flush_all(c);
	c->phase = PH_BODY;
	if (level == 1) {
		bool same = c->label.len == ln && (ln == 0 || !memcmp(c->label.p, label, ln)) &&
			    (ln > 0 || (c->title.len == tn && !memcmp(c->title.p, title, tn)));
		if (tn > 0 || !same) {
			buf_reset(&c->title);
			text_squeeze_space(&c->title, title, tn);
		}
		if (same) {
			reset_depths(c);
			return;
		}
		buf_reset(&c->label);
		buf_add(&c->label, label, ln);
		buf_reset(&c->commitment);
		c->wewill = false;
		c->expect = 0;
		c->cell.line = 0;
	} else if (level == 2) {
		buf_reset(&c->commitment);
		text_squeeze_space(&c->commitment, title, tn);
		c->wewill = false;
		c->expect = 0;
	}
	for (i = level; i <= LEVELS; i++)
		c->lvstyle[i] = -1;
	c->lvstyle[level] = style;
	if (level == 3) {
		area_from_heading(c, title, tn);
		return;
	}
	area_clear(c);
	if (is_place(c, title, tn))
		text_squeeze_space(&c->area, title, tn);
	reset_depths(c);
}

/* Close a section (a table's group, at the table's end). */
static void
clear_level(struct ctx *c, int level)
{
	if (level <= 2)
		buf_reset(&c->commitment);
	area_clear(c);
	c->lvstyle[level] = -1;
}

/* ---- the pending heading ---- */

static bool
pending_heading(const struct ctx *c)
{
	return c->blk.open && c->blk.role == R_HEADING;
}

static void
start_heading(struct ctx *c, const struct hform *h, const struct shape *v)
{
	struct block *b = &c->blk;

	flush_block(c);
	block_start(b, c->phase == PH_META ? K_META : K_PARA, 0, c->lineno);
	block_add(b, v->s, v->n, c->lineno);
	b->role = R_HEADING;
	c->cand = *h;
	c->cand_indent = v->indent;
	c->cand_alone = c->cand_other = false;
	/* a short line right under another that headed nothing is one of a
	 * list (names, links; "2. Robbery" under "1. Burglary"): it heads
	 * nothing either */
	c->cand_listed = c->demoted_line == c->lineno - 1 &&
			 (h->form == F_PLAIN || (h->form == c->demoted.form &&
						 h->key == c->demoted.key));
	buf_reset(&c->cand_label);
	if (h->num_word) {
		char num[NUM_TEXT];
		buf_adds(&c->cand_label, digits(num, h->num));
	} else {
		buf_add(&c->cand_label, v->s + h->label.a, span_len(h->label));
	}
	buf_reset(&c->cand_title);
	text_squeeze_space(&c->cand_title, v->s + h->title.a, span_len(h->title));
}

/* The line after a pending heading decides it.  True when the line was
 * taken (a title going on, a dateline under the heading). */
static bool
resolve_heading(struct ctx *c, const struct shape *v)
{
	struct block *b = &c->blk;
	struct hform h;
	enum kind kind = K_PARA;
	bool next = !c->paused && !c->after.open;

	if (c->cand_alone && next) {
		b->role = R_TEXT;	/* a sentence going on */
		return false;
	}
	if (c->cand_other) {
		if (next && !v->heading && labelled(c, v->s, v->n, &h, false) &&
		    h.num == c->cand.num)
			return translated_heading(c, &h, v);
		b->role = R_TEXT;	/* no translation under it: text */
		return false;
	}

	/* a title in capitals goes on on the next line */
	if (next && c->cand.caps && !v->heading && !v->tabs &&
	    text_caps(v->s, v->n) && enumerator(v->s, v->n, &h) == 0 &&
	    !ends_sentence(v->s, v->n)) {
		block_add(b, v->s, v->n, c->lineno);
		buf_addc(&c->cand_title, ' ');
		text_squeeze_space(&c->cand_title, v->s, v->n);
		return true;
	}
	if (next && (starts_lower(v->s, v->n) || is_figure_line(v->s, v->n))) {
		b->role = R_TEXT;	/* a sentence wrapped: text goes on */
		return false;
	}
	/* "Title" over "=====" or "-----": a setext heading (pandoc's
	 * plain text) of depth 1 or 2 */
	if (next && v->indent == 0 && v->n >= 3 &&
	    (strspn(v->s, "=") == v->n || strspn(v->s, "-") == v->n)) {
		struct shape t = {b->text.p, b->text.len, 0, v->s[0] == '=' ? 1 : 2, false};

		b->role = R_TEXT;
		b->open = false;
		if (heading_form(c, &t, &h)) {
			struct block keep = *b;
			memset(b, 0, sizeof *b);
			heading_row(c, &h, keep.text.p, keep.text.len, K_PARA);
			if (b->open && b->role == R_TITLE) {
				b->role = R_TEXT;	/* its row goes out now */
				buf_reset(&c->title_rest);
				flush_block(c);
			}
			block_move(b, &keep);
		}
		return true;
	}
	if (!v->heading && !v->tabs && !c->after.open && b->kind != K_META &&
	    is_dateline(v->s, v->n)) {
		block_start(&c->after, K_PARA, 0, c->lineno);
		block_add(&c->after, v->s, v->n, c->lineno);
		return true;
	}
	if (!c->cand_listed && line_is_content(c, v, &kind)) {
		confirm_heading(c, kind);
		return false;
	}
	/* a heading over one of another style heads it: "4." over "4.1",
	 * "KEEPING PEOPLE SAFE" over "Burglary" (a short line alone is too
	 * weak a heading to tell) */
	if (c->cand.form != F_PLAIN && b->kind != K_META && !c->cand_listed &&
	    !v->heading && heading_form(c, v, &h) &&
	    (h.form != c->cand.form || h.key > c->cand.key)) {
		confirm_heading(c, K_PARA);
		return false;
	}
	demote_heading(c);
	return false;
}

/* A labelled line in a word of no sequence ("Blaenoriaeth 2: Ateb
 * galwadau'n gyflym") may be a heading in another language over its
 * translation: it waits for the next line (resolve_heading). */
static bool
other_language(struct ctx *c, const struct shape *v)
{
	struct hform h;

	if (v->heading || v->indent >= UPPER_INDENT || !labelled(NULL, v->s, v->n, &h, true) ||
	    h.listed || !title_like(v->s + h.title.a, span_len(h.title)))
		return false;
	start_heading(c, &h, v);
	c->cand_other = true;
	return true;
}

/* A heading and its translation, one over the other with the same
 * number: the section is the translation's (a label word the report is
 * read by), and both lines are its rows. */
static bool
translated_heading(struct ctx *c, const struct hform *h, const struct shape *v)
{
	struct block hb = c->blk;
	char num[NUM_TEXT];
	const char *label = h->num_word ? digits(num, h->num) : v->s + h->label.a;

	memset(&c->blk, 0, sizeof c->blk);
	apply_heading(c, h, label, h->num_word ? strlen(label) : span_len(h->label),
		      v->s + h->title.a, span_len(h->title));
	hb.open = false;
	hb.kind = K_PARA;
	hb.role = R_TEXT;
	emit(c, &hb, c->commitment.p ? c->commitment.p : "");
	block_move(&c->blk, &hb);
	heading_row(c, h, v->s, v->n, K_PARA);
	return true;
}

/* What makes a pending heading one: running text, a list, a table, a
 * field, a figure, under it.  *kind: a table's heading is its caption. */
static bool
line_is_content(struct ctx *c, const struct shape *v, enum kind *kind)
{
	const char *s = v->s;
	size_t n = v->n, k;
	struct hform h;

	*kind = K_PARA;
	if (is_rule(s, n)) {
		*kind = K_CAPTION;	/* a table's frame */
		return true;
	}
	if (v->heading || lead_in_end(s, n) || is_key_points(s, n) ||
	    opens_with(s, n, LEX_BIT(SECTIONS_CONTENTS), NULL) == n)
		return false;
	if (v->tabs || (n > 2 && s[n - 1] == '|' && s[n - 2] == ' ') ||
	    (s[0] == '|' && s[n - 1] == '|')) {
		*kind = K_CAPTION;
		return true;
	}
	if (c->blk.kind == K_META)	/* on the title page: the body begins */
		return body_begins(v);
	if (bullet_sign(s, n) || is_field(s, n, &k) || is_figure_line(s, n))
		return true;
	if (enumerator(s, n, &h) > 0)
		return !heading_form(c, v, &h);
	if (has_gap(s, n)) {
		struct cells r;
		size_t i;

		gap_cells(s, n, &r);
		for (i = 0; i < r.k && cell_len(&r, i) <= CELL_LABEL_MAX; i++)
			;
		if (i == r.k)
			*kind = K_CAPTION;	/* cells, not prose spaced out */
		return true;
	}
	if (labelled(c, s, n, &h, true))
		return false;
	/* in text wrapped by hand, a line that fills the measure is a
	 * paragraph's first */
	if (c->wrap >= WRAP_MIN && n * 100 > c->wrap * HEADING_WIDTH && !text_caps(s, n))
		return true;
	return body_begins(v) || ends_sentence(s, n) || ends_open(s, n);
}

/* The pending heading heads what follows: its section opens, and its
 * line is a row in it (the caption of a table under it), then the
 * dateline that waited behind it. */
static void
confirm_heading(struct ctx *c, enum kind kind)
{
	struct block hb = c->blk;
	struct hform h = c->cand;

	memset(&c->blk, 0, sizeof c->blk);
	apply_heading(c, &h, c->cand_label.p ? c->cand_label.p : "",
		      c->cand_label.len, c->cand_title.p ? c->cand_title.p : "",
		      c->cand_title.len);
	hb.open = false;
	hb.kind = kind;
	hb.role = R_TEXT;
	emit(c, &hb, c->commitment.p ? c->commitment.p : "");
	block_move(&c->blk, &hb);
	if (c->after.open) {
		c->after.open = false;
		emit(c, &c->after, c->commitment.p ? c->commitment.p : "");
	}
}

/* The pending heading heads nothing: it is text (on the title page, a
 * title-page line, known again as a running header). */
static void
demote_heading(struct ctx *c)
{
	c->blk.role = R_TEXT;
	if (c->blk.kind == K_META)
		remember_furniture(c, c->blk.text.p, c->blk.text.len);
	c->demoted_line = c->blk.last;
	c->demoted = c->cand;
	/* a numbered line that heads nothing is a list's item */
	if (c->blk.kind == K_PARA && (c->cand.form == F_DECIMAL ||
				      c->cand.form == F_LETTER || c->cand.form == F_ROMAN)) {
		c->blk.kind = K_BULLET;
		c->blk.depth = bullet_depth(c, c->cand_indent);
	}
	flush_block(c);
	if (c->after.open) {
		c->after.open = false;
		emit(c, &c->after, c->commitment.p ? c->commitment.p : "");
	}
}
