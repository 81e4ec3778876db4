/* internal.h: what the stages of extract-metrics share: tokens, figures,
 * output rows, the block being read, the data table being read, and the
 * state of a run (struct ctx).  Included once, by main.c. */

enum tkind { T_WORD, T_NUM, T_CODE, T_PUNCT };

/* How the digits of a number token are written: the locale policy of
 * tokens.c (scan_digits) and numbers.c (read_digits). */
enum digits_form {
	DIGITS_PLAIN,		/* 1234, 1,234, 1,234.5, 0.25, .08 */
	DIGITS_EUROPEAN,	/* 1.234,56: dots group, a comma the decimals */
	DIGITS_COMMA,		/* 3,5: a decimal comma, or a list "3,5" */
	DIGITS_UNSURE		/* 4,10  12,34  1,000000  1,23,456 */
};

struct tok {
	enum tkind kind;
	size_t s, e;		/* bytes of the block text */
	bool sp;		/* white space before it */
	bool cap;		/* a word starting with an upper-case letter */
	lex_mask cls;		/* T_WORD, "%": its classes (metrics lexicon) */
	lex_mask starts;	/* ... and those of the phrases it begins */
	int num;		/* T_WORD: a number word's value, else -1 */
	int month;		/* T_WORD: a month's number (lib/period), else 0 */
	int32_t cp;		/* T_PUNCT: the character */
	enum digits_form form;	/* T_NUM: how its digits are written */
	char low[16];		/* T_WORD, T_NUM suffix: lower case; "" if long */
};

enum role { R_VALUE, R_TARGET, R_PREV, R_CHANGE, R_PCT };

/* One figure found in a sentence. */
struct fig {
	size_t ts, te;		/* tokens of the number and its unit */
	size_t ue;		/* end of the unit and rate tokens */
	double v, vmax;
	bool has_max;
	char unit[16];
	const char *approx;
	enum role role;
	int sign;		/* +1 or -1 for a change */
	bool paren;		/* alone in parentheses: "(44%)" */
	bool coord;		/* a prev coordinated with the prev before it */
	bool when_back;		/* its period is the phrase just before it */
	const char *why;	/* the rule that gave its role (--explain) */
};

/* One output row: a figure with its comparison figures folded in. */
struct obs {
	bool has_value, has_max, has_prev, has_change, has_pct, target;
	double value, vmax, prev, change, pct;
	char unit[16];
	const char *approx;
	size_t at;		/* byte offset of the figure, for its line */
	size_t fig;		/* index of the main figure */
	size_t first;		/* index of the figure that opened the row */
	struct buf measure, when, prev_when;
};

/* A block as read: the passed-through columns, the sections it stands
 * under (split-sections' priority_title, commitment, heading: NULL for
 * plain text) and the text. */
struct block {
	const char *doc, *period, *priority, *area, *heading, *kind;
	const char *title, *commitment;
	const char *text;
	size_t len;
	long line;
};

/* The text of each column of a header row. */
struct cols {
	struct buf *col;
	size_t n, cap;
};

/* Headers of the data table being read (tables.c). */
struct table_ctx {
	bool active;
	struct buf caption;
	struct cols head, group;	/* the headers, the row above them */
	struct buf rowgroup;		/* a group row's words: "Response" */
	struct buf heading;		/* split-sections heading it started under */
	struct buf period;		/* the period its caption names */
	struct period cap_period;	/* ... as lib/period reads it */
	bool has_period;
	struct buf words;		/* a cell's words, for its unit */
	struct buf unit_key;		/* cell_unit's last words and answer */
	char unit[16];			/* a copy: the cell it may name is */
	bool has_unit;			/* gone when the next row is split */
	bool unit_pct, unit_money;
	bool had_data;			/* a data row came since the headers */
	bool between;			/* a short line came after its rows */
	size_t period_rows;		/* data rows labelled with a period */
	unsigned char *hflag;		/* H_PERIOD, H_CHANGE... of each header */
	size_t cap_hflag;
	struct buf pending;		/* a possible caption before the table */
};

/* What the fields of a record say of the figures of a field's value
 * (records.c): their measure, role and period. */
enum frole { F_NONE, F_VALUE, F_TARGET, F_CHANGE };

struct field_ctx {
	bool on;			/* a field's value is being read */
	enum frole role;
	struct buf record;		/* the record's measure */
	struct buf measure, when;	/* this field's */
	struct buf text;		/* a tile as a sentence */
	struct buf actual;		/* the period of the record's values */
	struct buf caption;		/* the period a line above the record
					 * names: "Year to date (April 2024 to
					 * March 2025)" */
};

/* What a word is to the noun-phrase chunker (chunks.c): a noun or
 * adjective (a word of a noun phrase), a function word, a verb, a number,
 * a sign. */
enum ptag {
	P_NOUN, P_DET, P_PRON, P_PREP, P_CONJ, P_AUX, P_REL, P_VERB, P_ADV,
	P_LEAD, P_NUM, P_PUNCT
};

/* A token of a sentence with figures, as the chunker and the period
 * grammar read it (chunks.c, periods.c). */
struct tag {
	lex_mask pos;		/* its classes in data/lexicon/pos.tsv */
	lex_mask date, date_starts;	/* in data/lexicon/dates.tsv, and of
					 * the dates phrases it begins */
	unsigned char p;	/* enum ptag */
	bool period;		/* inside a period phrase of its sentence */
};

/* No tokens: a note about a whole sentence or row (explain.c). */
#define NO_SPAN ((struct span){0, 0})

/* No token, no cell: what a search gives that found none. */
#define NO_TOKEN ((size_t)-1)
#define NO_CELL ((size_t)-1)

/* The first letters and the lengths of the words of a class: a cheap
 * test before a lookup, for words that most text is without. */
struct initials {
	bool first[256];
	size_t min, max;
};

/* The metrics lexicon (data/lexicon/metrics.tsv), opened once a run;
 * the words of its longest phrase; the initials of the number words that
 * can make a figure (may_have_figure), and of month names (lib/period's
 * dates lexicon), so that most words are never looked up for either. */
struct lexicon {
	struct lex *lx;
	size_t max_words;
	struct initials num, month;
	char month_name[13][PERIOD_WORDS_MAX];	/* lib/period's, in words:
						 * "April", once a run */
};

/* The words of a table label or header as lib/lex reads them: runs of
 * letters and digits that start with a letter, in lower case ("q1",
 * "jun", "variance"), and the signs "%" and "£"; any other sign is a word
 * of no bytes, that no phrase goes across (tables.c, label_split). */
struct label {
	char (*low)[16];
	struct lex_word *w;
	size_t nw, cap;
};

struct ctx {
	struct out out;
	const char *file;
	struct block blk;
	struct lexicon lex;
	const char *text;		/* the text the tokens point into */
	struct tok *tok;
	struct lex_word *word;		/* each token as lib/lex reads it */
	size_t ntok, cap_tok;
	struct tag *tag;		/* the tokens of a sentence with figures
					 * as the chunker reads them */
	size_t cap_tag;
	struct lex *pos_lx, *dates_lx;	/* pos.tsv and dates.tsv (chunks.c) */
	struct span *period;		/* the period phrases of the sentence */
	size_t nperiod, cap_period;
	struct fig *fig;
	size_t nfig, cap_fig;
	struct obs *obs;
	size_t nobs, cap_obs;
	long *map_off, *map_line;
	size_t nmap, cap_map;
	struct table_ctx tab;
	struct field_ctx field;
	struct lex *tables_lx;		/* tables.tsv (tables.c) */
	struct cell *cells;		/* the cells of a table row */
	size_t cap_cells;
	struct label label;		/* a label's or header's words */
	struct buf scratch;		/* a table cell's measure */
	struct buf evidence;		/* the sentence, squeezed */
	struct buf pipe;		/* a Markdown table row as cells */
	struct buf last_measure;	/* for "Eight of these were..." */
	struct buf last_noun;		/* the noun the block's last row
					 * counts: "Of those contacted" */
	struct buf block_when;		/* the last period a row of the block
					 * named, for the sentences after it */
	struct buf topic;		/* what the last sentence of the block
					 * was about: "They" after it */
	struct buf topic_new;		/* ... of the sentence being read */
	struct buf report_key;		/* the report's period column ... */
	struct buf report_words;	/* ... in words, asked once a run */
	int status;
	bool strict;
	bool explain;			/* --explain: tell what each rule did */
};
