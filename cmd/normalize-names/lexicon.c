/* lexicon.c: the word lists, sorted, for bsearch. */

struct pair { const char *from, *to; };

/* Abbreviations every report may use undefined.  The table wins over a
 * definition in the stream, so that two reports give one key. */
static const struct pair builtin_abbrevs[] = {
	{"anpr", "automatic number plate recognition"},
	{"asb", "anti social behaviour"},
	{"bame", "black asian minority ethnic"},
	{"bwv", "body worn video"},
	{"cbo", "criminal behaviour order"},
	{"cpn", "community protection notice"},
	{"cps", "crown prosecution service"},
	{"cpt", "community policing team"},
	{"cpw", "community protection warning"},
	{"csc", "community special constable"},
	{"cse", "child sexual exploitation"},
	{"csp", "community safety partnership"},
	{"cyp", "children young people"},
	{"da", "domestic abuse"},
	{"dept", "department"},
	{"dhr", "domestic homicide review"},
	{"dvpn", "domestic violence protection notice"},
	{"dvpo", "domestic violence protection order"},
	{"esp", "employer supported policing"},
	{"fte", "full time equivalent"},
	{"hrs", "hours"},
	{"iag", "independent advisory group"},
	{"idva", "independent domestic violence advisor"},
	{"iom", "integrated offender management"},
	{"iopc", "independent office for police conduct"},
	{"isva", "independent sexual violence advisor"},
	{"ksi", "killed seriously injured"},
	{"lpa", "local policing area"},
	{"lpt", "local policing team"},
	{"mappa", "multi agency public protection arrangements"},
	{"marac", "multi agency risk assessment conference"},
	{"mash", "multi agency safeguarding hub"},
	{"mins", "minutes"},
	{"msht", "modern slavery human trafficking"},
	{"nhw", "neighbourhood watch"},
	{"npt", "neighbourhood policing team"},
	{"ocg", "organised crime group"},
	{"op", "operation"},
	{"ops", "operations"},
	{"pcc", "police crime commissioner"},
	{"pcso", "police community support officer"},
	{"pfcc", "police fire crime commissioner"},
	{"pspo", "public spaces protection order"},
	{"rasso", "rape serious sexual offences"},
	{"rpu", "roads policing unit"},
	{"rtc", "road traffic collision"},
	{"sarc", "sexual assault referral centre"},
	{"secs", "seconds"},
	{"serp", "safer essex roads partnership"},
	{"snt", "safer neighbourhood team"},
	{"specials", "special constables"},	/* the plural noun only */
	{"vawg", "violence against women girls"},
	{"vpc", "volunteer police cadet"},
	{"yot", "youth offending team"},
};

/* American spellings, as word beginnings, and their British form. */
static const struct pair us_spellings[] = {
	{"analyz", "analys"}, {"behavior", "behaviour"}, {"catalog", "catalogue"},
	{"center", "centre"}, {"color", "colour"}, {"defense", "defence"},
	{"endeavor", "endeavour"}, {"enrollment", "enrolment"},
	{"favor", "favour"}, {"gray", "grey"}, {"harbor", "harbour"},
	{"honor", "honour"}, {"judgment", "judgement"}, {"labor", "labour"},
	{"license", "licence"}, {"neighbor", "neighbour"},
	{"offense", "offence"}, {"program", "programme"}, {"rumor", "rumour"},
	{"theater", "theatre"},
};

static const struct pair number_words[] = {
	{"eight", "8"}, {"eighteen", "18"}, {"eleven", "11"}, {"fifteen", "15"},
	{"fifty", "50"}, {"five", "5"}, {"forty", "40"}, {"four", "4"},
	{"fourteen", "14"}, {"nine", "9"}, {"nineteen", "19"}, {"one", "1"},
	{"seven", "7"}, {"seventeen", "17"}, {"six", "6"}, {"sixteen", "16"},
	{"ten", "10"}, {"thirteen", "13"}, {"thirty", "30"}, {"three", "3"},
	{"twelve", "12"}, {"twenty", "20"}, {"two", "2"}, {"zero", "0"},
};

/* Function words and hedges: they carry no identity of a name. */
static const char *const stop_words[] = {
	"a", "about", "after", "all", "almost", "also", "an", "and", "any",
	"approx", "approximately", "are", "around", "as", "at", "be", "been",
	"being", "by", "can", "currently", "down", "during", "each", "for",
	"from", "had", "has", "have", "in", "into", "is", "it", "its",
	"nearly", "number", "of", "on", "or", "our", "over", "roughly", "so",
	"some", "such", "than", "that", "the", "their", "them", "there",
	"these", "they", "this", "those", "to", "total", "up", "upon", "via",
	"was", "we", "were", "which", "who", "will", "with", "within",
};

/* Prefixes written solid, spaced or hyphenated: joined to the next word. */
static const char *const join_prefixes[] = {
	"anti", "co", "counter", "cross", "cyber", "e", "inter", "multi",
	"non", "post", "pre", "re", "self", "sub",
};

static int
cmp_pair(const void *key, const void *elem)
{
	return strcmp(key, ((const struct pair *)elem)->from);
}

static int
cmp_word(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static const char *
pair_find(const struct pair *t, size_t n, const char *w)
{
	const struct pair *p = bsearch(w, t, n, sizeof *t, cmp_pair);

	return p ? p->to : NULL;
}

static bool
word_in(const char *const *t, size_t n, const char *w)
{
	return bsearch(w, t, n, sizeof *t, cmp_word) != NULL;
}

/* The word lists are searched by bsearch: an entry out of order would
 * silently never match, so check once, at start. */
static void
check_sorted(void)
{
	static const struct { const struct pair *p; size_t n; } pairs[] = {
		{builtin_abbrevs, NELEM(builtin_abbrevs)},
		{number_words, NELEM(number_words)},
	};
	static const struct { const char *const *w; size_t n; } lists[] = {
		{stop_words, NELEM(stop_words)},
		{join_prefixes, NELEM(join_prefixes)},
	};
	size_t i, k;

	for (i = 0; i < NELEM(pairs); i++)
		for (k = 1; k < pairs[i].n; k++)
			if (strcmp(pairs[i].p[k - 1].from, pairs[i].p[k].from) >= 0)
				die_at(EXIT_DATA, NULL, 0, "internal: table out of order at %s", pairs[i].p[k].from);
	for (i = 0; i < NELEM(lists); i++)
		for (k = 1; k < lists[i].n; k++)
			if (strcmp(lists[i].w[k - 1], lists[i].w[k]) >= 0)
				die_at(EXIT_DATA, NULL, 0, "internal: list out of order at %s", lists[i].w[k]);
}
