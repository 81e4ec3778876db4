/* normalize-names: add a stable, readable key after each name column.
 *
 * The same measure, area or priority is written differently from one
 * quarter to the next.  For each chosen field the tool writes a
 * `<field>_key` column right after it, built in four stages (see
 * docs/normalize-names.md):
 *   1. unify:       markup and footnote markers out; every dash, quote,
 *                   bullet and space alike; NFKC, case folding, no marks;
 *   2. words:       acronyms expanded (a built-in table, then definitions
 *                   learned from the stream), possessives and plurals
 *                   reduced, British spelling, hyphenation unified;
 *   3. fingerprint: stop words out, light stemming, tokens sorted and
 *                   made unique, so that word order does not matter;
 *   4. aliases:     groups of fingerprint tokens replaced by a canonical
 *                   name from the alias tables.
 * --suggest instead prints candidate alias rows for keys that are close. */
#include "internal.h"

/* The story, in the order main() tells it. */
#include "options.c"	/* the command line */
#include "lexicon.c"	/* the word lists: data/lexicon/names.tsv */
#include "read.c"	/* the tables in: which columns get a key, the rows */
#include "unify.c"	/* stage 1: Unicode, markup, footnotes */
#include "acronyms.c"	/* stage 2: acronyms, built in and learned */
#include "fingerprint.c"	/* stages 2-3: words, stemming, fingerprint */
#include "aliases.c"	/* stage 4: alias tables, loaded and applied */
#include "key.c"	/* a name's key: the four stages, qualifiers, cache */
#include "suggest.c"	/* --suggest: close keys, for review */
#include "links.c"	/* --suggest on diff-quarters' links: concept rows */
#include "output.c"	/* the table out, with its key columns */

static void
ctx_free(struct ctx *c)
{
	size_t i, k;

	lex_close(c->words);
	for (i = 0; i < c->nalias; i++) {
		for (k = 0; k < c->alias[i].ntok; k++)
			free(c->alias[i].tok[k]);
		free(c->alias[i].tok);
		free(c->alias[i].canon);
		free(c->alias[i].field);
	}
	free(c->alias);
	for (i = 0; i < c->nlearned; i++) {
		free(c->learned[i].abbr);
		free(c->learned[i].expansion);
	}
	free(c->learned);
	for (i = 0; i < CACHE_SIZE; i++) {
		free(c->cache[i].name);
		free(c->cache[i].key);
		free(c->cache[i].field);
	}
	buf_free(&c->clean);
	buf_free(&c->folded);
	buf_free(&c->key);
	buf_free(&c->word);
	buf_free(&c->qualified);
	buf_free(&c->tok.text);
	free(c->tok.off);
	free(c->sorted);
	free(c->used);
	free(c->rest);
}

int
main(int argc, char **argv)
{
	/* On the heap: it is large (the learned-acronym buckets), and a
	 * fresh one per call keeps main re-entrant for the fuzz harness. */
	struct ctx *c = xcalloc(1, sizeof *c);
	struct run r = {0};
	struct link_rows links = {0};
	char **extra;
	size_t nextra = 0, i;
	int status, s;
	bool missing = false;

	err_init("normalize-names");
	c->fields = DEFAULT_FIELDS;
	c->width.what = "rows with the wrong number of fields";
	extra = parse_options(c, &r, argc, argv, &nextra);
	c->words = lex_open(&names_lex);
	for (i = 0; i < LEARNED_BUCKETS; i++)
		c->bucket[i] = -1;
	c->learned = xcalloc(LEARNED_MAX, sizeof *c->learned);
	status = load_all_aliases(c, extra, nextra, &missing);
	free(extra);
	/* No keys without the shipped table; no table without its output. */
	if (missing || (!c->suggest &&
			cli_out_open(&r.out, &c->out, "names") != EXIT_OK)) {
		ctx_free(c);
		free(c);
		return EXIT_DATA;
	}
	r.links = &links;
	if (c->suggest)
		names_init(&r.names);
	for (i = (size_t)optind; i < (size_t)argc || i == (size_t)optind; i++)
		if ((s = normalize_file(c, &r, i < (size_t)argc ? argv[i] : "-")) != EXIT_OK)
			status = status == EXIT_USAGE ? status : s;
	if (c->suggest && links.seen) {
		s = write_link_suggestions(c, &links);
		names_free(&r.names);
	} else if (c->suggest) {
		free(links.v);
		s = write_suggestions(c, &r.names);
		names_free(&r.names);
	} else {
		s = out_close(&r.out);
	}
	warn_cap_end(&c->width);
	for (i = 0; i < r.ncols; i++)
		free(r.header[i]);
	free(r.header);
	if (c->status != EXIT_OK && status == EXIT_OK)
		status = c->status;
	ctx_free(c);
	free(c);
	return s != EXIT_OK && status == EXIT_OK ? s : status;
}
