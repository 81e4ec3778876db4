/* period.h: reporting periods, in one place for every tool.
 *
 * Reports are about financial years (April to March: "2019/20"),
 * their quarters ("Quarter 2 - 2019/20", "Q3 2023/2024", "2013-14 Q1"),
 * months ("February 2025") and spans of months ("April to June 2020",
 * "1 JAN 2025 – 31 MAR 2025", "12 months to March 2017").  The words
 * (months, quarter words, comparison phrases) are data:
 * data/lexicon/period.tsv.
 *
 * A period is written out in one normal form: "2019/20 Q2" for a quarter,
 * "2019/20" for a financial year, "2025-02" for a month, and
 * "2024-04/2024-09" for any other span. */
#ifndef PERIOD_H
#define PERIOD_H

#include <stdbool.h>
#include <stddef.h>

enum period_kind {
	PERIOD_NONE,
	PERIOD_MONTH,		/* weakest as a report's period ... */
	PERIOD_SPAN,
	PERIOD_YEAR,		/* a financial year */
	PERIOD_QUARTER		/* ... strongest */
};

struct period {
	enum period_kind kind;
	int fy;			/* YEAR, QUARTER: the year the financial year starts */
	int q;			/* QUARTER: 1 to 4 (April-June is 1) */
	int year, month;	/* MONTH: the month; SPAN: its first month */
	int year2, month2;	/* SPAN: its last month */
};

enum { PERIOD_TEXT_MAX = 24 };	/* period_format's longest text, with NUL */

/* The strongest period a line of text names (kinds in the enum's order),
 * the first of equals; false when it names none.  Spans that are a quarter
 * ("April to June 2024"), a financial year ("12 months to March 2017") or
 * a year to date ending at a quarter's end ("April to September 2024")
 * are given as that quarter or year; plan spans ("2021-2024") are none. */
bool period_find(const char *s, size_t n, struct period *p);

/* The normal form, into out (PERIOD_TEXT_MAX bytes); "" for none. */
char *period_format(const struct period *p, char *out);

/* The period in words, as a report writes it in a sentence or title,
 * into out (PERIOD_WORDS_MAX bytes): "Quarter 2 2019/20", "2019/20",
 * "February 2025", "April to September 2024", "November 2024 to
 * January 2025"; "" for none. */
enum { PERIOD_WORDS_MAX = 40 };
char *period_words(const struct period *p, char *out);

/* A normal form back ("2019/20 Q2", "2019/20", "2025-02", "2024-04/2024-09",
 * "2019/20 q2"), the whole of s; false when s is not one. */
bool period_parse(const char *s, size_t n, struct period *p);

/* The financial quarter a period ends in, counted from year 0
 * (fy * 4 + q - 1): a month or span gives the quarter of its (last)
 * month, a year its fourth quarter; -1 for none. */
long period_quarter(const struct period *p);

/* A month's name or abbreviation (any case) of n bytes: 1 to 12, or 0. */
int period_month(const char *w, size_t n);

/* The quarter a comparison's period points at, as written in a report
 * ("the previous quarter", "the same period last year", "September 2019",
 * "2019/20 Q2"), seen from the quarter now (period_quarter of the report,
 * or -1 when unknown); -1 when it cannot tell. */
long period_resolve(const char *s, size_t n, long now);

#endif
