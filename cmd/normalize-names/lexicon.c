/* lexicon.c: the word lists of a key are data: data/lexicon/names.tsv
 * (its classes in names.classes.tsv), built into lex-names.h and looked
 * up by whole word through lib/lex.h. */

/* The value of the NUL-terminated, lower-case word w in class cls (an
 * acronym's words, a number word's digits), or NULL. */
static const char *
word_value(const struct ctx *c, const char *w, unsigned cls)
{
	return lex_value(c->words, w, strlen(w), cls);
}

static bool
word_is(const struct ctx *c, const char *w, unsigned cls)
{
	return lex_is(c->words, w, strlen(w), cls);
}
