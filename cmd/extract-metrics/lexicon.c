/* lexicon.c: the words the grammar knows.  Lists end with NULL. */

static bool
in_list(const char *w, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(w, *list) == 0)
			return true;
	return false;
}

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan",
	"feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", NULL
};

/* A number right after these is a name or a reference, not a count. */
static const char *const name_words[] = {
	"priority", "section", "sections", "s", "act", "article", "schedule",
	"part", "chapter", "page", "pages", "paragraph", "para", "regulation",
	"clause", "version", "v", "level", "tier", "phase", "stage", "step",
	"grade", "band", "category", "room", "ref", "reference", "junction",
	"wave", "appendix", "annex", "figure", "fig", "table", "chart",
	"graph", "pillar", "objective", "no", "number", "covid", "bill",
	"rule", "route", "key", "q", "pp", "p", "issue", "release", "series",
	"standard", "aged", "age", "ages", "rm", NULL
};

/* These name a thing only when capitalized: "Year 6", "Quarter 2",
 * "Operation 7" (but "during the operation 27 people were arrested"). */
static const char *const cap_name_words[] = {
	"year", "quarter", "week", "month", "day", "cohort", "team", "unit",
	"vision", "operation", "op", "project", NULL
};

/* A number after these and before a period word is a window: "the last
 * two quarters", "the past 18 months". */
static const char *const window_words[] = {
	"last", "previous", "past", "next", "coming", "first", "final",
	"rolling", "preceding", "following", "recent", NULL
};

static const char *const period_nouns[] = {
	"quarter", "quarters", "year", "years", "month", "months", "week",
	"weeks", "day", "days", "period", "periods", NULL
};

/* Words that close a measure phrase. */
static const char *const stop_words[] = {
	"a", "an", "the", "this", "that", "these", "those", "its", "their",
	"his", "her", "our", "we", "they", "it", "there", "which", "who",
	"whom", "whose", "in", "on", "at", "of", "for", "to", "from", "by",
	"with", "within", "without", "across", "during", "over", "under",
	"since", "between", "into", "onto", "through", "throughout", "per",
	"than", "as", "about", "compared", "against", "via", "after",
	"before", "including", "and", "or", "but", "while", "whilst", "is",
	"are", "was", "were", "be", "been", "being", "have", "has", "had",
	"will", "would", "can", "could", "may", "might", "should", "shall",
	"did", "do", "does", "currently", "now", "also", "only", "just",
	"still", "each", "every", "up", "down", "out", "around", "so", "such",
	"not", "no", "both", "all", "whereas", "where", "when", "if",
	"because", "due", "following", "until", "towards", "toward", "upon",
	"among", "amongst", "whereby", "being", "then", "here", "last",
	"next", "previous", "same", "total", "overall", "respectively",
	"approximately", "nearly", "almost", "some", "roughly", "over",
	"more", "fewer", "less", "continue", "continues", "remain", "remains", "bringing", "making",
	"taking", "giving", "another", "equating", "equivalent", "meaning", "exactly",
	"totalling", "totaling", "worth", "valued", "expects", "expect",
	"aims", "intends", "anticipates", "hopes", NULL
};

/* Words that say the figure is a goal, plan or forecast. */
static const char *const target_words[] = {
	"will", "planned", "aim", "aims",
	"aiming", "aimed", "target", "targets", "targeted", "targeting",
	"anticipated", "anticipate", "expected", "expect", "expects",
	"forecast", "forecasts", "projected", "scheduled", "ambition",
	"aspiration", "goal", "intended", "pledge", "pledged", "commit",
	"committed", "deliver", "achieving", NULL
};

static const char *const rise_words[] = {
	"increase", "increased", "increases", "increasing", "rise", "rises",
	"rose", "risen", "rising", "up", "higher", "more", "additional",
	"extra", "grew", "grown", "growth", "uplift", "improvement",
	"improved", "gain", "gained", "boost", "boosted", "further", NULL
};

static const char *const fall_words[] = {
	"decrease", "decreased", "decreases", "decreasing", "fall", "falls",
	"fell", "fallen", "falling", "down", "lower", "fewer", "less",
	"reduction", "reduced", "reduce", "reduces", "reducing", "drop",
	"dropped", "drops", "decline", "declined", "declining", "cut", "cuts",
	"lowered", NULL
};

static const char *const joins_words[] = {
	"which", "while", "whilst", "but", "whereas", "however", NULL
};

static const char *const rel_words[] = {
	"this", "last", "previous", "next", "same", "current", "that",
	"past", "preceding", "following", "coming", NULL
};

static const char *const span_words[] = {
	"quarter", "year", "month", "week", "period", "financial",
	"months", "years", "quarters", "weeks", "day", "days", NULL
};

static const char *const period_words[] = {
	"quarter", "quarters", "year", "years", "month", "months",
	"week", "weeks", "period", "end", "start", "beginning", "date",
	"same", "last", "previous", "financial", "rolling", NULL
	};

static const char *const modifier_words[] = {
	"new", "additional", "extra", "further", "more", "fewer", "less",
	"other", "separate", "different", NULL
	};

/* Words that end the search for a figure's period: what follows them
 * belongs to the figure it is compared with. */
static const char *const cmp_words[] = {
	"compared", "compares", "against", "versus", "vs", "from", "than", NULL
};

/* Participles after a figure that make it a target: "25 checks are
 * planned". */
static const char *const plan_words[] = {
	"planned", "scheduled", "expected", "anticipated", "forecast",
	"projected", "intended", "targeted", NULL
};

/* Words that can follow a number as its unit or scale. */
static const char *const unit_words[] = {
	"second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins",
	"hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "month",
	"months", "year", "years", "yr", "yrs", "kg", "kgs", "kilo", "kilos",
	"kilogram", "kilograms", "kilogrammes", "g", "gram", "grams",
	"grammes", "tonne", "tonnes", "million", "mil", "bn", "billion",
	"thousand", "m", "k", "half", "halves", "third", "thirds", "fifth",
	"fifths", "tenth", "tenths", "quarters", "per", "percent",
	"percentage", "pp", "ppt", "ppts", NULL
};

static const char *const number_words[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
	"fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
	"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
	"hundred", "thousand", "dozen", NULL
};

/* Verbs that sit between a subject and its figure: "stood at 84.7%". */
static const char *const link_verbs[] = {
	"stood", "stands", "stand", "rose", "fell", "grew", "saw", "sees",
	"took", "takes", "made", "makes", "reached", "reaches", "remains",
	"remain", "totals", "totalled", "numbered", "received",
	"receives", "comprising", "comprises", "comprised", "equates",
	"equating", "retains", "retain", "holds", "held", "includes",
	"include", "involved", "involving", "recorded", "records", "shows",
	"showed", "identified", "gave", "has", "have", "had", "got", "sat",
	"dealt", "deliver", "delivered", "contributed", "provided", "grow",
	"grows", "see", "become", "becomes", "reach", NULL
};

/* Past tenses without -ed that say what was done to what is counted:
 * "took 40 statements", "made 12 arrests". */
static const char *const deed_words[] = {
	"made", "took", "gave", "held", "dealt", "sent", "caught", "found",
	"brought", "spent", "paid", "won", "ran", "led", "met", "sought",
	"taught", "built", "bought", "put", "saw", NULL
};

/* Past tenses that only link a subject to its figure: "stood at". */
static const char *const copula_words[] = {
	"totalled", "totaled", "numbered", "reached", "remained", "comprised",
	"equated", "exceeded", "amounted", "stood", NULL
};

/* Nouns too general to tell one measure from another without their
 * verb: "arrested 14 people" is "people arrested". */
static const char *const generic_words[] = {
	"people", "persons", "individuals", "officers", "staff", "calls",
	"vehicles", "items", "suspects", "offenders", "cases", "victims",
	"men", "women", "children", "adults", "hours", "days", "shifts",
	"visits", "checks", "referrals", NULL
};

/* Collective nouns for a group of people. */
static const char *const group_words[] = {
	"team", "teams", "force", "police", "constabulary", "service", "unit",
	"staff", "workforce", "department", NULL
};

/* Every list above is a class of words; a token carries the classes of
 * its word as bits, looked up once in a hash (the lexicon), so that the
 * grammar tests a bit instead of scanning lists. */
enum wclass {
	W_STOP, W_MONTH, W_NAME, W_CAPNAME, W_WINDOW, W_PERIODN, W_TARGET,
	W_RISE, W_FALL, W_LINK, W_JOIN, W_REL, W_SPAN, W_PERIODW, W_MODIFIER,
	W_NUMBER, W_UNIT, W_CMP, W_PLAN, W_DEED, W_COPULA, W_GENERIC, W_GROUP,
	W_NCLASS
};

#define WC(k) (1u << (k))

static const char *const *const class_lists[W_NCLASS] = {
	stop_words, months, name_words, cap_name_words, window_words,
	period_nouns, target_words, rise_words, fall_words, link_verbs,
	joins_words, rel_words, span_words, period_words, modifier_words,
	number_words, unit_words, cmp_words, plan_words, deed_words,
	copula_words, generic_words, group_words
};

#define LEX_SIZE 2048	/* a power of two, over four times the words */

struct lexicon {
	unsigned char tag[LEX_SIZE];	/* 0 free, else a second hash byte */
	struct {
		char word[16];		/* NUL-padded */
		unsigned flags;
	} e[LEX_SIZE];
};

/* A second hash, never 0: most words not in the lexicon are told apart
 * by the small tag array alone, without touching the entries. */
static unsigned char
word_tag(const char *w, size_t n)
{
	return (unsigned char)(((unsigned char)w[n - 1] * 5 + n * 3 +
				(n > 2 ? (unsigned char)w[2] : 0)) | 1);
}

/* A cheap hash of a word of n bytes (first, second and last bytes and
 * the length): the tokenizer computes it for every word. */
static size_t
word_hash(const char *w, size_t n)
{
	size_t h = n * 131 + (unsigned char)w[0] * 31 + (unsigned char)w[n - 1] * 7;

	if (n > 1)
		h += (unsigned char)w[1] * 1031;
	return h & (LEX_SIZE - 1);
}

static size_t
lex_hash(const char *w)
{
	return word_hash(w, strlen(w));
}

static void
lex_init(struct lexicon *lx)
{
	size_t k, h;
	const char *const *w;

	memset(lx, 0, sizeof *lx);
	for (k = 0; k < W_NCLASS; k++)
		for (w = class_lists[k]; *w; w++) {
			for (h = lex_hash(*w); lx->tag[h] &&
			     strcmp(lx->e[h].word, *w); h = (h + 1) & (LEX_SIZE - 1))
				;
			snprintf(lx->e[h].word, sizeof lx->e[h].word, "%s", *w);
			lx->tag[h] = word_tag(*w, strlen(*w));
			lx->e[h].flags |= WC(k);
		}
}

/* The classes of lower-case word w of n bytes, NUL-padded to 16 bytes,
 * whose lex_hash is h. */
static unsigned
lex_flags(const struct lexicon *lx, const char *w, size_t n, size_t h)
{
	unsigned char tag;

	if (n == 0 || !*w)
		return 0;
	tag = word_tag(w, n);
	for (; lx->tag[h]; h = (h + 1) & (LEX_SIZE - 1))
		if (lx->tag[h] == tag && !memcmp(lx->e[h].word, w, 16))
			return lx->e[h].flags;
	return 0;
}
