/* suggest.c: --suggest.  The distinct keys of a run, and the pairs that
 * are close enough to be one name written two ways: candidate alias rows
 * for a person to review. */

static void
names_init(struct names *ns)
{
	size_t i;

	memset(ns, 0, sizeof *ns);
	ns->nbucket = 2 * SUGGEST_MAX + 1;
	ns->bucket = xmalloc(ns->nbucket * sizeof *ns->bucket);
	for (i = 0; i < ns->nbucket; i++)
		ns->bucket[i] = -1;
}

static void
names_count(struct names *ns, const char *field, const char *key,
	    const char *sample)
{
	size_t h = (hash_str(key) ^ hash_str(field) * 31u) % ns->nbucket;
	struct name *nm;
	int i;

	while ((i = ns->bucket[h]) >= 0) {
		if (strcmp(ns->v[i].key, key) == 0 && strcmp(ns->v[i].field, field) == 0) {
			ns->v[i].count++;
			return;
		}
		h = (h + 1) % ns->nbucket;
	}
	if (ns->n >= SUGGEST_MAX) {
		if (!ns->full)
			warn_at(NULL, 0, "--suggest: over %d distinct names; later new names are not counted", SUGGEST_MAX);
		ns->full = true;
		return;
	}
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? 2 * ns->cap : 256;
		ns->v = xrealloc(ns->v, ns->cap * sizeof *ns->v);
	}
	nm = &ns->v[ns->n];
	nm->field = xstrdup(field);
	nm->key = xstrdup(key);
	nm->sample = xstrdup(sample);
	nm->ngram = NULL;
	nm->count = 1;
	ns->bucket[h] = (int)ns->n++;
}

/* Levenshtein distance, two rows; keys are short. */
static size_t
edit_distance(const char *a, const char *b, size_t *row)
{
	size_t la = strlen(a), lb = strlen(b), i, j, diag, up;

	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		diag = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			up = row[j];
			row[j] = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < row[j])
				row[j] = up + 1;
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			diag = up;
		}
	}
	return row[lb];
}

static int
cmp_bigram(const void *a, const void *b)
{
	return memcmp(a, b, 2);
}

/* OpenRefine's n-gram fingerprint: the key's letters without
 * separators, as sorted unique 2-grams. */
static char *
ngram_fingerprint(const char *key)
{
	size_t n = strlen(key), i, k = 0, u = 0;
	char *letters = xmalloc(n + 1), *grams, *out;

	for (i = 0; i < n; i++)
		if (key[i] != '_')
			letters[k++] = key[i];
	grams = xmalloc(2 * (k > 1 ? k - 1 : 1));
	for (i = 0; i + 1 < k; i++)
		memcpy(grams + 2 * i, letters + i, 2);
	n = k > 1 ? k - 1 : 0;
	qsort(grams, n, 2, cmp_bigram);
	out = xmalloc(2 * n + 1);
	for (i = 0; i < n; i++)
		if (u == 0 || memcmp(out + 2 * (u - 1), grams + 2 * i, 2) != 0)
			memcpy(out + 2 * u++, grams + 2 * i, 2);
	out[2 * u] = '\0';
	free(letters);
	free(grams);
	return out;
}

struct candidate {
	const struct name *variant, *canon;
	size_t distance;
};

static int
cmp_name_block(const void *a, const void *b)
{
	const struct name *x = a, *y = b;
	int d = strcmp(x->field, y->field);

	if (d == 0)
		d = strcmp(x->ngram, y->ngram);
	return d ? d : strcmp(x->key, y->key);
}

static int
cmp_candidate(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;

	if (x->distance != y->distance)
		return x->distance < y->distance ? -1 : 1;
	if (x->variant->count != y->variant->count)
		return x->variant->count > y->variant->count ? -1 : 1;
	return strcmp(x->variant->key, y->variant->key);
}

/* Is the n-byte token at t one of the "_"-separated tokens of b? */
static bool
has_token(const char *b, const char *t, size_t n)
{
	const char *p = b;

	for (;;) {
		size_t k = strcspn(p, "_");
		if (k == n && strncmp(p, t, n) == 0)
			return true;
		if (p[k] == '\0')
			return false;
		p += k + 1;
	}
}

/* The tokens of a that b has not, joined by "_". */
static void
residue(struct buf *out, const char *a, const char *b)
{
	size_t n;

	buf_reset(out);
	while (*a) {
		n = strcspn(a, "_");
		if (!has_token(b, a, n)) {
			if (out->len > 0)
				buf_addc(out, '_');
			buf_add(out, a, n);
		}
		a += n + (a[n] == '_');
	}
}

/* Close enough to review: equal n-gram fingerprints, or words that differ
 * by a small edit (a third of their length at most).  Keys that differ by
 * whole words ("hour" and "patrol_hour", "drink" and "drug") are other
 * measures, not other spellings. */
static bool
close_keys(const struct name *a, const struct name *b, struct buf *ra,
	   struct buf *rb, size_t *row)
{
	size_t d, longer;

	if (strcmp(a->ngram, b->ngram) == 0)
		return true;
	residue(ra, a->key, b->key);
	residue(rb, b->key, a->key);
	if (ra->len == 0 || rb->len == 0)
		return false;
	d = edit_distance(ra->p, rb->p, row);
	longer = ra->len > rb->len ? ra->len : rb->len;
	return 3 * d <= longer;
}

/* Pairs are looked for within a window of the names sorted by field,
 * then n-gram fingerprint: bounded work, and the likely pairs meet. */
enum { SUGGEST_WINDOW = 50 };

static void
suggest_pairs(struct names *ns, struct candidate **cand, size_t *ncand)
{
	size_t i, j, d, cap = 0, maxlen = 0;
	size_t *row;
	struct name *a, *b;
	struct buf ra = BUF_INIT, rb = BUF_INIT;

	for (i = 0; i < ns->n; i++) {
		ns->v[i].ngram = ngram_fingerprint(ns->v[i].key);
		if (strlen(ns->v[i].key) > maxlen)
			maxlen = strlen(ns->v[i].key);
	}
	if (ns->n > 0)		/* qsort's array must not be NULL, even empty */
		qsort(ns->v, ns->n, sizeof *ns->v, cmp_name_block);
	row = xmalloc((maxlen + 1) * sizeof *row);
	for (i = 0; i < ns->n; i++)
		for (j = i + 1; j < ns->n && j <= i + SUGGEST_WINDOW; j++) {
			a = &ns->v[i], b = &ns->v[j];
			if (strcmp(a->field, b->field) != 0)
				break;
			if (!close_keys(a, b, &ra, &rb, row))
				continue;
			d = edit_distance(a->key, b->key, row);
			if (*ncand == cap) {
				cap = cap ? 2 * cap : 64;
				*cand = xrealloc(*cand, cap * sizeof **cand);
			}
			if (a->count > b->count || (a->count == b->count &&
						    strcmp(a->key, b->key) < 0))
				(*cand)[*ncand] = (struct candidate){b, a, d};
			else
				(*cand)[*ncand] = (struct candidate){a, b, d};
			(*ncand)++;
		}
	free(row);
	buf_free(&ra);
	buf_free(&rb);
}

static int
write_suggestions(struct ctx *c, struct names *ns)
{
	struct candidate *cand = NULL;
	size_t ncand = 0, i;
	struct out o;
	static const char *const header[] = {"variant", "canonical", "count",
					     "distance", NULL};

	suggest_pairs(ns, &cand, &ncand);
	if (ncand > 0)		/* cand is NULL when there is none */
		qsort(cand, ncand, sizeof *cand, cmp_candidate);
	if (cli_out_open(&o, &c->out, "suggestions") != EXIT_OK) {
		free(cand);
		return EXIT_DATA;
	}
	out_header(&o, header);
	for (i = 0; i < ncand; i++) {
		out_fields(&o, cand[i].variant->sample);
		out_fields(&o, cand[i].canon->key);
		out_num(&o, (double)cand[i].variant->count);
		out_num(&o, (double)cand[i].distance);
		out_end(&o);
	}
	free(cand);
	return out_close(&o);
}

static void
names_free(struct names *ns)
{
	size_t i;

	for (i = 0; i < ns->n; i++) {
		free(ns->v[i].field);
		free(ns->v[i].key);
		free(ns->v[i].sample);
		free(ns->v[i].ngram);
	}
	free(ns->v);
	free(ns->bucket);
}

static void
suggest_row(struct ctx *c, struct names *ns, const struct table *t,
	    const struct plan *p)
{
	size_t i;
	const char *v, *key;

	for (i = 0; i < t->ncols; i++) {
		if (!p->keyed[i])
			continue;
		v = table_get(t, (int)i);
		key = row_key(c, t, p, i);
		if (*key)
			names_count(ns, t->cols[i], key, v);
	}
}
