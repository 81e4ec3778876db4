/* concepts.c: the concept table, data/concepts.tsv (with the user's own
 * rows from --concepts FILE): "Specials", "Special Constables" and
 * "Special Constabulary" are one concept, "999" and "emergency" another.
 * Each variant is read with the tokenizer of words.c, so its stems are
 * what a report's stems are; a phrase of them found in a figure's words
 * adds the concept as one more term of the bag, beside the words.  The
 * table is the format of aliases.tsv: variant TAB concept [TAB fields];
 * normalize-names reads the same file for its keys. */

struct phrase {
	uint32_t w[PHRASE_MAX];
	uint8_t n;
	uint32_t concept;	/* the term "@concept" */
};

/* A phrase found: cwords [from, to) stand for concept. */
struct found {
	uint32_t concept, from, to;
};

struct founds {
	struct found *v;
	size_t n, cap;
};

static uint64_t
phrase_hash(const uint32_t *w, size_t n)
{
	return hash((const char *)w, n * sizeof *w);	/* map.c */
}

static const struct phrase *
phrase_get(const struct phrases *p, const uint32_t *w, size_t n)
{
	size_t i, mask;

	if (!p || p->nslot == 0)
		return NULL;
	mask = p->nslot - 1;
	for (i = phrase_hash(w, n) & mask; p->slot[i]; i = (i + 1) & mask) {
		const struct phrase *ph = &p->v[p->slot[i] - 1];

		if (ph->n == n && memcmp(ph->w, w, n * sizeof *w) == 0)
			return ph;
	}
	return NULL;
}

static void
phrases_rehash(struct phrases *p)
{
	size_t i, k, mask;

	free(p->slot);
	p->nslot = p->nslot ? p->nslot * 2 : 256;
	p->slot = xcalloc(p->nslot, sizeof *p->slot);
	mask = p->nslot - 1;
	for (k = 0; k < p->n; k++) {
		for (i = phrase_hash(p->v[k].w, p->v[k].n) & mask; p->slot[i];
		     i = (i + 1) & mask)
			;
		p->slot[i] = (uint32_t)k + 1;
	}
}

/* Add a phrase; a later row of the same phrase wins, as in aliases. */
static void
phrases_add(struct phrases *p, const uint32_t *w, size_t n, uint32_t concept)
{
	struct phrase *ph = (struct phrase *)phrase_get(p, w, n);

	if (ph) {
		ph->concept = concept;
		return;
	}
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 128;
		p->v = xrealloc(p->v, p->cap * sizeof *p->v);
	}
	ph = &p->v[p->n++];
	memcpy(ph->w, w, n * sizeof *w);
	ph->n = (uint8_t)n;
	ph->concept = concept;
	if (p->n * 2 > p->nslot) {
		phrases_rehash(p);
	} else {
		size_t i, mask = p->nslot - 1;

		for (i = phrase_hash(w, n) & mask; p->slot[i]; i = (i + 1) & mask)
			;
		p->slot[i] = (uint32_t)p->n;
	}
	if (w[0] >= p->nstarts) {
		size_t old = p->nstarts;

		p->nstarts = (size_t)w[0] * 2 + 64;
		p->starts = xrealloc(p->starts, p->nstarts);
		memset(p->starts + old, 0, p->nstarts - old);
	}
	if (p->starts[w[0]] < n)
		p->starts[w[0]] = (uint8_t)n;
}

static void
phrases_free(struct phrases *p)
{
	if (!p)
		return;
	free(p->v);
	free(p->slot);
	free(p->starts);
	free(p);
}

/* A concept's term: "@" and its name as a key ("@special_constabulary"),
 * which no word of a text can be. */
static uint32_t
concept_term(struct vocab *v, const char *name)
{
	struct buf b = BUF_INIT;
	bool gap = false;
	uint32_t id;

	buf_addc(&b, '@');
	for (; *name; name++) {
		unsigned char c = (unsigned char)*name;

		if ((c >= '0' && c <= '9') || is_alpha((char)c) || c >= 0x80) {
			if (gap && b.len > 1)
				buf_addc(&b, '_');
			buf_addc(&b, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
			gap = false;
		} else {
			gap = true;
		}
	}
	id = vocab_id(v, b.p, b.len);
	buf_free(&b);
	return id;
}

/* The field that makes a row a family's: concept TAB family TAB family. */
#define FAMILY_FIELD "family"

/* A family of alternatives: concepts that tell measures apart (an arrest
 * and a charge; a call answered and one abandoned).  Each row puts one
 * concept in a family; a later row is a more specific member (a figure
 * naming a search and its positive outcome is the outcome). */
static void
family_row(struct vocab *v, const char *concept, const char *family)
{
	uint32_t c = concept_term(v, concept), f = concept_term(v, family);

	v->w[c].family = f + 1;
	v->w[c].rank = ++v->w[f].rank;	/* the family counts its members */
}

/* One row: variant TAB concept [TAB fields].  The fields are
 * normalize-names' business (which of its columns the row keys); here
 * every row is evidence, and a row of the field `family` puts a concept
 * in a family of alternatives. */
static bool
concept_row(struct vocab *v, struct phrases *p, char *line, struct toks *t)
{
	struct row r = {0};
	uint32_t w[PHRASE_MAX];
	size_t i, n = 0;
	bool ok = false;

	row_split_tsv(&r, line, strlen(line));
	if (r.n == 3 && strcmp(r.field[2], FAMILY_FIELD) == 0) {
		if ((ok = *r.field[0] && *r.field[1]))
			family_row(v, r.field[0], r.field[1]);
	} else if (r.n >= 2 && r.n <= 3 && *r.field[1]) {
		tokenize(v, r.field[0] + (r.field[0][0] == '='),
			 r.len[0] - (r.field[0][0] == '='), t);
		for (i = 0; i < t->n; i++)	/* the phrase as written: no acronym's words */
			if (t->v[i].term != NO_TERM && t->v[i].kind != TK_MARK &&
			    n < PHRASE_MAX)
				w[n++] = t->v[i].term;
		if (n > 0) {
			phrases_add(p, w, n, concept_term(v, r.field[1]));
			ok = true;
		}
	}
	row_free(&r);
	return ok;
}

/* Load a concept table; EXIT_OK, or EXIT_DATA with messages. */
static int
concepts_load(struct vocab *v, const char *path)
{
	struct input in;
	struct toks t = {0};
	bool empty, bad = false;
	char *line;
	ssize_t n;

	if (!v->concepts)
		v->concepts = xcalloc(1, sizeof *v->concepts);
	if (input_open(&in, path, false, &empty) != EXIT_OK)
		return EXIT_DATA;
	while (!empty && (n = input_line(&in, &line)) >= 0) {
		bad |= line == in.fixed.p;	/* repaired: warned */
		if (n == 0 || line[0] == '#')
			continue;
		if (!concept_row(v, v->concepts, line, &t)) {
			warn_at(in.name, input_lineno(&in), "want"
				" variant<TAB>concept[<TAB>fields], with words,"
				" or concept<TAB>family<TAB>family");
			bad = true;
		}
	}
	bad |= in.failed;
	input_close(&in);
	free(t.v);
	return bad ? EXIT_DATA : EXIT_OK;
}

/* The shipped table (lib/data.h finds it) and the user's. */
static int
concepts_open(struct vocab *v, const struct opts *opt, bool *missing)
{
	char *path, *asked, *places;
	int status = EXIT_OK;
	size_t i;

	if (!opt->no_concepts) {
		if ((path = data_find(CONCEPT_FILE, opt->data_dir, DATADIR,
				      &asked)) == NULL) {
			places = data_places(CONCEPT_FILE, DATADIR);
			if (asked)
				warn_at(asked, 0, "cannot read the concept table");
			else
				warn_at(NULL, 0, "no %s found (looked in %s): name"
					" its directory with --data-dir, or use"
					" --no-concepts", CONCEPT_FILE, places);
			free(asked);
			free(places);
			*missing = true;
			return EXIT_DATA;
		}
		status = concepts_load(v, path);
		free(path);
	}
	for (i = 0; i < opt->nconcepts; i++)
		if (concepts_load(v, opt->concepts[i]) != EXIT_OK)
			status = EXIT_DATA;
	return status;
}

/* The words of a concept count half: the concept is the evidence, and
 * "killed or seriously injured" is not three times "KSI". */
#define IN_CONCEPT 0.5f

/* The concepts among content words c: the longest phrase at each word,
 * unless it lies inside a longer one found before ("non-emergency" is not
 * also "emergency"); phrases may overlap ("101 calls abandoned" is both
 * "101 call" and "call abandoned"). */
static void
concepts_find(const struct phrases *p, struct cwords *c, struct founds *out)
{
	uint32_t w[PHRASE_MAX];
	size_t i, len, k, end = 0;
	const struct phrase *ph;

	out->n = 0;
	if (!p)
		return;
	for (i = 0; i < c->n; i++) {
		if (c->v[i].term >= p->nstarts || !p->starts[c->v[i].term])
			continue;
		len = p->starts[c->v[i].term];
		if (len > c->n - i)
			len = c->n - i;
		for (k = 0; k < len; k++)
			w[k] = c->v[i + k].term;
		for (; len > 0; len--) {
			if (!(ph = phrase_get(p, w, len)))
				continue;
			if (i + len > end) {
				if (out->n == out->cap) {
					out->cap = out->cap ? 2 * out->cap : 16;
					out->v = xrealloc(out->v, out->cap * sizeof *out->v);
				}
				out->v[out->n++] = (struct found){ph->concept,
					(uint32_t)i, (uint32_t)(i + len)};
				end = i + len;
				for (k = i; k < end; k++)
					c->v[k].w *= c->v[k].w < 1 ? 1 : IN_CONCEPT;
			}
			break;
		}
	}
}
