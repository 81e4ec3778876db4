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
 * the second; without one, the same bytes twice. */
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

/* How each tool is run; a tool not named here reads one file. */
static const struct {
	const char *tool;
	int files;
} shapes[] = {
	{"diff-quarters", 2},
};

enum { MAX_FILES = 2, FD_SWEEP = 256 };

static struct {
	jmp_buf back;
	int in_tool;
	int files;
	int fd[MAX_FILES];
	char path[MAX_FILES][64];
	unsigned char ours[FD_SWEEP];	/* fds open before this run */
	const char *tool;
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
		if (strcmp(shapes[i].tool, h.tool) == 0)
			h.files = shapes[i].files;
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[MAX_FILES + 2];
	int argc = 0, f;

	note_our_fds();
	write_inputs(data, size);
	argv[argc++] = (char *)h.tool;
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
	return 0;
}
