/* harness.c: one libFuzzer harness for every tool.
 *
 * The tool's source is compiled with -Dmain=fuzz_tool_main and
 * -Dexit=fuzz_exit (lib/ too) and linked under the tool's name, which
 * the harness reads from its own argv[0].  Each input is written
 * to memory files and handed to the tool as paths, exactly as a user's
 * files would be.  A tool that calls exit() lands in fuzz_exit(), which
 * jumps back here: libFuzzer would take a real exit for a crash, and a
 * fork per input would lose the coverage it steers by.
 *
 * So main() runs many times in one process: a tool must start each call
 * afresh (no static variable kept from the last call), and what an early
 * exit leaves allocated is not freed, as a real exit would free it: leak
 * detection is off in this process (__lsan_disable, not only fuzz/run's
 * flags, which libFuzzer did not always honour at the end of a run);
 * leaks are valgrind's job, in make check-valgrind).
 *
 * Tools that read two inputs (diff-quarters) get the bytes before the
 * first ASCII record separator (0x1e) as the first file and the rest as
 * the second; without one, the same bytes twice.
 *
 * Options: an input that starts with 0x1f takes its next byte as a set of
 * option bits, each bit one option of the tool's list below (--csv,
 * --wide, --suggest, ...); other inputs run with none, so plain seeds stay
 * what they are and the fuzzer finds the option byte by itself (it is in
 * fuzz/reports.dict).
 *
 * Memory: the tool's objects are compiled with malloc, calloc, realloc,
 * strdup, strndup and free renamed to the fuzz_ versions here, which keep
 * a list of what is live; whatever a run leaves (an early exit skips the
 * tool's own frees) is freed after it, so long runs do not grow.
 *
 * Structure: LLVMFuzzerCustomMutator mutates a report as a report half of
 * the time (lines shuffled, repeated or dropped, huge numbers, deep
 * indentation, very wide tables), and byte-wise the other half. */
#include <fcntl.h>
#include <sanitizer/lsan_interface.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int fuzz_tool_main(int argc, char **argv);
_Noreturn void fuzz_exit(int status);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_FILES = 2, FD_SWEEP = 256, MAX_OPTS = 8 };

/* How each tool is run: how many files, and the options an input's
 * option byte can turn on (bit i: opts[i]; an argument follows a "=").
 * A tool not named here reads one file with no options. */
static const struct {
	const char *tool;
	int files;
	const char *opts[MAX_OPTS];
} shapes[] = {
	{"split-sections", 1, {"--csv", "--strict", "--doc=q", "--period=2019/20 Q2"}},
	{"extract-metrics", 1, {"--csv", "--strict", "--explain"}},
	{"normalize-names", 1, {"--csv", "--strict", "--suggest", "--no-aliases",
				"--no-qualify", "--fields=measure,area,nothing"}},
	{"diff-quarters", 2, {"--csv", "--wide", "--only=mismatch", "--min-change=5",
			      "--only=new,gone", "--strict"}},
};

enum { OPTION_MARK = 0x1f };

static struct {
	jmp_buf back;
	int in_tool;
	int files;
	int fd[MAX_FILES];
	char path[MAX_FILES][64];
	unsigned char ours[FD_SWEEP];	/* fds open before this run */
	const char *tool;
	const char *const *opts;	/* the tool's row of shapes[], or NULL */
} h;

_Noreturn void
fuzz_exit(int status)
{
	if (!h.in_tool)
		_exit(status);
	longjmp(h.back, 1);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t i;
	int f;

	(void)argc;
	__lsan_disable();
	h.tool = strrchr((*argv)[0], '/') ? strrchr((*argv)[0], '/') + 1 : (*argv)[0];
	h.files = 1;
	for (i = 0; i < sizeof shapes / sizeof shapes[0]; i++)
		if (strcmp(shapes[i].tool, h.tool) == 0) {
			h.files = shapes[i].files;
			h.opts = shapes[i].opts;
		}
	for (f = 0; f < h.files; f++) {
		h.fd[f] = memfd_create("fuzz-input", 0);
		if (h.fd[f] < 0) {
			perror("memfd_create");
			abort();
		}
		snprintf(h.path[f], sizeof h.path[f], "/proc/self/fd/%d", h.fd[f]);
	}
	return 0;
}

static void
put(int fd, const uint8_t *data, size_t size)
{
	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size) {
		perror("fuzz input");
		abort();
	}
}

static void
write_inputs(const uint8_t *data, size_t size)
{
	const uint8_t *sep;

	if (h.files == 1) {
		put(h.fd[0], data, size);
		return;
	}
	sep = memchr(data, 0x1e, size);
	if (!sep) {
		put(h.fd[0], data, size);
		put(h.fd[1], data, size);
		return;
	}
	put(h.fd[0], data, (size_t)(sep - data));
	put(h.fd[1], sep + 1, size - (size_t)(sep - data) - 1);
}

/* Which fds are open before the tool runs: the harness's, libFuzzer's
 * and the sanitizers' (a symbolizer pipe may open between runs), so that
 * the tool's can be told apart afterwards. */
static void
note_our_fds(void)
{
	int fd;

	for (fd = 0; fd < FD_SWEEP; fd++)
		h.ours[fd] = fcntl(fd, F_GETFD) != -1;
}

/* What the tool left open when it exited early: its input files. */
static void
close_tool_fds(void)
{
	int fd;

	for (fd = 3; fd < FD_SWEEP; fd++)
		if (!h.ours[fd])
			close(fd);
}

/* ---- what the tool allocates ---- */

/* Live allocations of the tool, in an open-addressing set of pointers
 * (grown as needed; deleted slots marked). */
static struct {
	void **slot;
	size_t cap, used;
} live;

#define DELETED ((void *)1)

static size_t
slot_of(void *p, size_t cap)
{
	uintptr_t x = (uintptr_t)p;

	x ^= x >> 17;
	x *= 0xed5ad4bbu;
	return (size_t)(x ^ (x >> 11)) & (cap - 1);
}

static void
live_add(void *p)
{
	size_t i;

	if (!p)
		return;
	if (2 * (live.used + 1) > live.cap) {
		void **old = live.slot;
		size_t oldcap = live.cap, k;

		live.cap = live.cap ? live.cap * 2 : 1024;
		live.slot = calloc(live.cap, sizeof *live.slot);
		if (!live.slot)
			abort();
		live.used = 0;
		for (k = 0; k < oldcap; k++)
			if (old[k] && old[k] != DELETED)
				live_add(old[k]);
		free(old);
	}
	for (i = slot_of(p, live.cap); live.slot[i] && live.slot[i] != DELETED;
	     i = (i + 1) & (live.cap - 1))
		;
	live.slot[i] = p;
	live.used++;
}

static void
live_remove(void *p)
{
	size_t i;

	if (!p || !live.cap)
		return;
	for (i = slot_of(p, live.cap); live.slot[i]; i = (i + 1) & (live.cap - 1))
		if (live.slot[i] == p) {
			live.slot[i] = DELETED;
			return;
		}
}

/* After a run: free what the tool left, start the set afresh. */
static void
live_sweep(void)
{
	size_t k;

	for (k = 0; k < live.cap; k++)
		if (live.slot[k] && live.slot[k] != DELETED)
			free(live.slot[k]);
	if (live.cap)
		memset(live.slot, 0, live.cap * sizeof *live.slot);
	live.used = 0;
}

void *fuzz_malloc(size_t n);
void *fuzz_calloc(size_t n, size_t size);
void *fuzz_realloc(void *p, size_t n);
char *fuzz_strdup(const char *s);
char *fuzz_strndup(const char *s, size_t n);
void fuzz_free(void *p);

void *
fuzz_malloc(size_t n)
{
	void *p = malloc(n);
	live_add(p);
	return p;
}

void *
fuzz_calloc(size_t n, size_t size)
{
	void *p = calloc(n, size);
	live_add(p);
	return p;
}

void *
fuzz_realloc(void *p, size_t n)
{
	void *q = realloc(p, n);

	if (q || n == 0)
		live_remove(p);
	live_add(q);
	return q;
}

char *
fuzz_strdup(const char *s)
{
	char *p = strdup(s);
	live_add(p);
	return p;
}

char *
fuzz_strndup(const char *s, size_t n)
{
	char *p = strndup(s, n);
	live_add(p);
	return p;
}

void
fuzz_free(void *p)
{
	live_remove(p);
	free(p);
}

/* ---- one run ---- */

/* The options an input's leading OPTION_MARK byte and bit byte turn on;
 * returns how many bytes of data they took. */
static size_t
options(const uint8_t *data, size_t size, char **argv, int *argc,
	char (*buf)[64])
{
	int i, n = 0;

	if (!h.opts || size < 2 || data[0] != OPTION_MARK)
		return 0;
	for (i = 0; i < MAX_OPTS && h.opts[i]; i++)
		if (data[1] & (1u << i)) {
			const char *eq = strchr(h.opts[i], '=');
			if (!eq) {
				argv[(*argc)++] = (char *)h.opts[i];
				continue;
			}
			snprintf(buf[n], sizeof buf[n], "%.*s", (int)(eq - h.opts[i]),
				 h.opts[i]);
			argv[(*argc)++] = buf[n++];
			argv[(*argc)++] = (char *)eq + 1;
		}
	return 2;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[2 * MAX_OPTS + MAX_FILES + 2];
	char names[MAX_OPTS][64];
	int argc = 0, f;
	size_t skip;

	note_our_fds();
	argv[argc++] = (char *)h.tool;
	skip = options(data, size, argv, &argc, names);
	write_inputs(data + skip, size - skip);
	for (f = 0; f < h.files; f++)
		argv[argc++] = h.path[f];
	argv[argc] = NULL;

	optind = 0;	/* glibc: start getopt afresh */
	h.in_tool = 1;
	if (setjmp(h.back) == 0)
		fuzz_tool_main(argc, argv);
	h.in_tool = 0;
	fflush(stdout);
	clearerr(stdout);
	clearerr(stdin);
	close_tool_fds();
	live_sweep();
	return 0;
}

/* ---- mutating a report as a report ---- */

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max,
			       unsigned int seed);

/* Lines of data[0..size): their starts, at most cap of them. */
static size_t
lines_of(const uint8_t *data, size_t size, size_t *start, size_t cap)
{
	size_t n = 0, i;

	if (size == 0)
		return 0;
	start[n++] = 0;
	for (i = 0; i + 1 < size && n < cap; i++)
		if (data[i] == '\n')
			start[n++] = i + 1;
	return n;
}

/* Insert text at data[at], within max; returns the new size. */
static size_t
insert(uint8_t *data, size_t size, size_t max, size_t at, const char *text,
       size_t n)
{
	if (size + n > max)
		return size;
	memmove(data + at + n, data + at, size - at);
	memcpy(data + at, text, n);
	return size + n;
}

size_t
LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max,
			unsigned int seed)
{
	enum { LINES = 512 };
	static const char *const huge[] = {
		"999999999999999999999999999999999999999999999999999999999999",
		"£123456789012345678901234567890bn", "1e308", "0.000000000000001%",
		"18446744073709551616 hours 59 seconds", "-0", "1,2,3,4,5,6,7,8,9",
	};
	size_t start[LINES], n, a, b, len, at;
	uint8_t tmp[4096];
	unsigned r = seed;

	r = r * 1103515245u + 12345u;
	if ((r >> 16) % 2 == 0 || size == 0)
		return LLVMFuzzerMutate(data, size, max);
	n = lines_of(data, size, start, LINES);
	a = (r >> 8) % n;
	b = (r >> 20) % n;
	switch ((r >> 4) % 5) {
	case 0: {	/* move a line to another place */
		size_t end = a + 1 < n ? start[a + 1] : size;
		len = end - start[a];
		if (len > sizeof tmp || start[b] > start[a])
			break;
		memcpy(tmp, data + start[a], len);
		memmove(data + start[b] + len, data + start[b], start[a] - start[b]);
		memcpy(data + start[b], tmp, len);
		break;
	}
	case 1: {	/* repeat a line */
		size_t end = a + 1 < n ? start[a + 1] : size;
		len = end - start[a];
		if (len <= sizeof tmp) {
			memcpy(tmp, data + start[a], len);
			size = insert(data, size, max, start[b], (const char *)tmp, len);
		}
		break;
	}
	case 2:		/* a huge or odd number */
		at = start[a] + (size - start[a] ? (r >> 12) % (size - start[a]) : 0);
		size = insert(data, size, max, at, huge[(r >> 3) % 7],
			      strlen(huge[(r >> 3) % 7]));
		break;
	case 3:		/* deep nesting: indent a line a long way */
		memset(tmp, ' ', 200);
		tmp[100] = '-';
		size = insert(data, size, max, start[a], (const char *)tmp, 200);
		break;
	default:	/* a very wide table row */
		for (len = 0; len + 3 <= 300; len += 3)
			memcpy(tmp + len, "\t7%", 3);
		size = insert(data, size, max, start[a], (const char *)tmp, len);
	}
	return size;
}
