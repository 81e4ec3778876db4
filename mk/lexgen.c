/* lexgen: a word list kept as data becomes a C table, hashed at build time.
 *
 *   lexgen NAME NAME.classes.tsv NAME.tsv > lex-NAME.h
 *
 * NAME.classes.tsv: a header "class<TAB>meaning", then one row per class,
 * in the order of their bits.  NAME.tsv: a header "phrase<TAB>class<TAB>
 * value", then one row per phrase and class: a phrase is one or more
 * lower-case words separated by single spaces; value is what it stands
 * for in that class (a month's number, a unit's name), or empty.  Lines
 * starting with "#" and blank lines are comments in both.
 *
 * Out: enum NAME_CLASS constants (DATES_MONTH, ...) and a struct lex_table
 * NAME_lex holding the rows and the open-addressing hash lib/lex.c probes
 * (lib/lexhash.h is the hash both use), all constant data: nothing is
 * built or allocated when a tool starts.  Errors (an unknown class, upper
 * case, a repeated row, a stray space) stop the build with file:line. */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexhash.h"

enum { LINE_MAX_ = 4096, CLASSES_MAX = 64, FIELDS = 3 };

struct row {
	char *phrase, *cls_name, *value;
	unsigned cls;
	int line;
};

struct slot {
	const char *key;
	size_t n;
	uint64_t cls, starts;
	size_t row, nrow;
};

static const char *file;
static int lineno, errors;

static void
fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%d: ", file, lineno);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	errors++;
}

static void *
xrealloc_(void *p, size_t n)
{
	if (!(p = realloc(p, n))) {
		fputs("lexgen: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

static char *
dup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xrealloc_(NULL, n), s, n);
}

/* The data lines of a file, split at tabs into at most FIELDS fields;
 * calls each(fields, n, arg) for every line after the header. */
static void
read_tsv(const char *path, void (*each)(char **, int, void *), void *arg)
{
	char line[LINE_MAX_], *f[FIELDS];
	FILE *fp = fopen(path, "r");
	int header = 1, n;

	file = path;
	lineno = 0;
	if (!fp) {
		fprintf(stderr, "lexgen: %s: cannot open\n", path);
		exit(1);
	}
	while (fgets(line, sizeof line, fp)) {
		char *s = line;

		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[strspn(line, " \t")] == '\0')
			continue;
		if (header) {
			header = 0;
			continue;
		}
		for (n = 0; n < FIELDS; n++) {
			f[n] = s;
			if (!(s = strchr(s, '\t'))) {
				n++;
				break;
			}
			*s++ = '\0';
		}
		each(f, n, arg);
	}
	fclose(fp);
}

static char *class_name[CLASSES_MAX];
static unsigned nclass;
static struct row *rows;
static size_t nrow, cap_row;

static void
on_class(char **f, int n, void *arg)
{
	unsigned i;
	const char *p;

	(void)arg;
	for (p = f[0]; *p; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) ||
		      *p == '_' || *p == '-') || !islower((unsigned char)f[0][0]))
			return fail("bad class name '%s'", f[0]);
	for (i = 0; i < nclass; i++)
		if (!strcmp(class_name[i], f[0]))
			return fail("class '%s' declared twice", f[0]);
	if (n < 2 || !*f[1])
		fail("class '%s' has no meaning", f[0]);
	if (nclass == CLASSES_MAX)
		return fail("more than %d classes", CLASSES_MAX);
	class_name[nclass++] = dup(f[0]);
}

static void
on_row(char **f, int n, void *arg)
{
	const char *p = f[0];
	size_t i;
	unsigned c;

	(void)arg;
	if (n < 2)
		return fail("a row needs a phrase and a class");
	for (c = 0; c < nclass && strcmp(class_name[c], f[1]); c++)
		;
	if (c == nclass)
		return fail("unknown class '%s'", f[1]);
	if (!*p || p[0] == ' ' || p[strlen(p) - 1] == ' ' || strstr(p, "  "))
		return fail("phrase '%s': empty, or spaces at its ends or doubled", p);
	for (; *p; p++)
		if (isupper((unsigned char)*p))
			return fail("phrase '%s' is not lower case", f[0]);
	for (i = 0; i < nrow; i++)
		if (rows[i].cls == c && !strcmp(rows[i].phrase, f[0]))
			return fail("'%s' in class '%s' twice (also line %d)", f[0],
				    f[1], rows[i].line);
	if (nrow == cap_row) {
		cap_row = cap_row ? 2 * cap_row : 256;
		rows = xrealloc_(rows, cap_row * sizeof *rows);
	}
	rows[nrow++] = (struct row){dup(f[0]), dup(f[1]), dup(n > 2 ? f[2] : ""),
				    c, lineno};
}

/* Rows of one phrase together, phrases in the order they first appear. */
static void
group_rows(void)
{
	struct row *out = xrealloc_(NULL, (nrow ? nrow : 1) * sizeof *out);
	char *done = calloc(nrow ? nrow : 1, 1);
	size_t i, j, k = 0;

	for (i = 0; i < nrow; i++) {
		if (done[i])
			continue;
		for (j = i; j < nrow; j++)
			if (!done[j] && !strcmp(rows[j].phrase, rows[i].phrase)) {
				out[k++] = rows[j];
				done[j] = 1;
			}
	}
	free(rows);
	free(done);
	rows = out;
}

static struct slot *slots;
static size_t size;

static struct slot *
enter(const char *s, size_t n)
{
	size_t i;

	for (i = lex_hash(s, n) & (size - 1); slots[i].key;
	     i = (i + 1) & (size - 1))
		if (slots[i].n == n && !memcmp(slots[i].key, s, n))
			return &slots[i];
	slots[i].key = s;
	slots[i].n = n;
	return &slots[i];
}

static void
c_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putchar('\\');
		putchar(*s);
	}
	putchar('"');
}

static void
constant(const char *name, const char *cls)
{
	for (; *name; name++)
		putchar(isalnum((unsigned char)*name) ? toupper((unsigned char)*name) : '_');
	putchar('_');
	for (; *cls; cls++)
		putchar(isalnum((unsigned char)*cls) ? toupper((unsigned char)*cls) : '_');
}

int
main(int argc, char **argv)
{
	const char *name;
	size_t i, maxwords = 1;
	unsigned c;
	uint64_t first[256] = {0};

	if (argc != 4) {
		fputs("usage: lexgen NAME NAME.classes.tsv NAME.tsv\n", stderr);
		return 2;
	}
	name = argv[1];
	read_tsv(argv[2], on_class, NULL);
	read_tsv(argv[3], on_row, NULL);
	if (errors)
		return 1;
	group_rows();
	for (size = 16; size < 4 * nrow; size *= 2)
		;
	slots = calloc(size, sizeof *slots);
	for (i = 0; i < nrow; i++) {
		const char *p = rows[i].phrase, *sp;
		struct slot *sl = enter(p, strlen(p));
		size_t words = 1;

		first[(unsigned char)p[0]] |= (uint64_t)1 << rows[i].cls;
		first[toupper((unsigned char)p[0])] |= (uint64_t)1 << rows[i].cls;
		if (sl->nrow == 0)
			sl->row = i;
		sl->nrow++;
		sl->cls |= (uint64_t)1 << rows[i].cls;
		for (sp = p; (sp = strchr(sp, ' ')); sp++)
			words++;
		if (words > maxwords)
			maxwords = words;
		if (words > 1)
			enter(p, (size_t)(strchr(p, ' ') - p))->starts |=
				(uint64_t)1 << rows[i].cls;
	}

	printf("/* Generated by mk/lexgen from data/lexicon/%s.tsv: edit that. */\n", name);
	printf("#include \"lex.h\"\n\nenum %s_class {\n", name);
	for (c = 0; c < nclass; c++) {
		printf("\t");
		constant(name, class_name[c]);
		printf(",\n");
	}
	printf("\t");
	constant(name, "nclass");
	printf("\n};\n\nstatic const char *const %s_class_names[] = {\n", name);
	for (c = 0; c < nclass; c++) {
		printf("\t");
		c_string(class_name[c]);
		printf(",\n");
	}
	printf("};\n\nstatic const struct lex_row %s_rows[] = {\n", name);
	for (i = 0; i < nrow; i++) {
		printf("\t{");
		c_string(rows[i].phrase);
		printf(", ");
		constant(name, rows[i].cls_name);
		printf(", ");
		c_string(rows[i].value);
		printf("},\n");
	}
	if (nrow == 0)
		printf("\t{\"\", 0, \"\"},\n");
	printf("};\n\nstatic const struct lex_slot %s_slots[%zu] = {\n", name, size);
	for (i = 0; i < size; i++) {
		const struct slot *sl = &slots[i];
		if (!sl->key)
			continue;
		char key[LINE_MAX_];

		snprintf(key, sizeof key, "%.*s", (int)sl->n, sl->key);
		printf("\t[%zu] = {", i);
		c_string(key);
		printf(", %zu, 0x%llxu, 0x%llxu, %zu, %zu},\n", sl->n,
		       (unsigned long long)sl->cls, (unsigned long long)sl->starts,
		       sl->row, sl->nrow);
	}
	printf("};\n\nstatic const struct lex_table %s_lex = {\n", name);
	printf("\t\"%s\", %s_rows, %zu, %s_class_names, %u,\n", name, name, nrow, name, nclass);
	printf("\t%s_slots, %zu, %zu,\n\t{", name, size - 1, maxwords);
	for (i = 0; i < 256; i++)
		if (first[i])
			printf("[%zu] = 0x%llxu, ", i, (unsigned long long)first[i]);
	printf("}\n};\n");
	for (i = 0; i < nrow; i++) {
		free(rows[i].phrase);
		free(rows[i].cls_name);
		free(rows[i].value);
	}
	for (c = 0; c < nclass; c++)
		free(class_name[c]);
	free(rows);
	free(slots);
	return fflush(stdout) == 0 ? 0 : 1;
}
