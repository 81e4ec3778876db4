# mk/hardening.mk: the toolkit checked and shipped like a Unix tool.
#
#   make check-asan       the whole Bats suite against an ASan+UBSan build
#   make check-valgrind   tests/hardening.bats (and the pipeline over the
#                         samples) with every tool under valgrind memcheck
#   make fuzz-short       each tool's libFuzzer harness, FUZZ_SHORT_RUNS runs, fixed seed
#   make fuzz             the same, FUZZ_SECONDS each (long, by hand)
#   make install / uninstall   PREFIX=... DESTDIR=...
#   make dist             dist/reports-toolkit-$(VERSION).tar.gz
#   make man-check        every man page renders without a groff warning
#
# Every target works over whatever tools cmd/ holds: $(TOOLS).

.PHONY: check-asan check-valgrind fuzz fuzz-short fuzz-build fuzz-cc fuzz-seeds \
        install install-files uninstall dist man-check

# ---- sanitizers ----

ASAN_DIR   = build/asan
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=all
# A report must fail the run even where a test checks only the status or
# only stdout, so ASan reports go to log files that are checked at the
# end, and the odd exit status 86 keeps a report apart from the tools' 0,
# 1 and 2.  (UBSan inside ASan ignores log_path: its reports reach the
# tests through stderr and status 86.)
SAN_LOGS   = $(abspath $(ASAN_DIR))/logs
SAN_ENV    = ASAN_OPTIONS=detect_leaks=1:exitcode=86:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:log_path=$(SAN_LOGS)/asan \
             UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86:log_path=$(SAN_LOGS)/ubsan
# What Bats runs: every test but the release build's own (Makefile's
# RELEASE_TESTS); `make check-asan ASAN_TESTS=tests/hardening.bats` for one.
ASAN_TESTS = $(filter-out $(RELEASE_TESTS),$(wildcard tests/*.bats))

# clang's UBSan sees more than gcc's (pointer arithmetic on NULL, for
# one), so the sanitizer build uses clang where it is installed.
ASAN_CC    = $(if $(shell command -v clang 2>/dev/null),clang,$(CC))

check-asan:
	$(MAKE) BUILD=$(ASAN_DIR) BIN=$(ASAN_DIR)/bin CC=$(ASAN_CC) CFLAGS="$(ASAN_FLAGS)" all
	rm -rf $(SAN_LOGS) && mkdir -p $(SAN_LOGS)
	@status=0; \
	BIN=$(abspath $(ASAN_DIR)/bin) LIBTEST=$(abspath $(ASAN_DIR)/lib-test) \
	$(SAN_ENV) bats -j $(BATS_JOBS) $(ASAN_TESTS) || status=$$?; \
	if [ -n "$$(ls -A $(SAN_LOGS))" ]; then \
		cat $(SAN_LOGS)/* >&2; \
		echo "check-asan: sanitizer reports above (logs in $(SAN_LOGS))" >&2; \
		exit 1; \
	fi; \
	exit $$status

# valgrind runs the normal build through wrappers in build/valgrind/bin
# (mk/valgrind-wrap, linked under each tool's name), so the tests need no
# change.  Lines of BIG_LINE_MB megabytes keep the huge-line cases quick.
VG_DIR     = build/valgrind
VG_TESTS   = tests/hardening.bats

check-valgrind: all
	@command -v valgrind >/dev/null || { \
		echo "check-valgrind: valgrind not found (Debian: apt-get install valgrind)" >&2; \
		exit 1; }
	rm -rf $(VG_DIR) && mkdir -p $(VG_DIR)/bin $(VG_DIR)/logs
	for t in $(TOOLS); do ln -s $(abspath mk/valgrind-wrap) $(VG_DIR)/bin/$$t; done
	valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite $(BUILD)/lib-test tests/corpus
	@status=0; \
	BIN=$(abspath $(VG_DIR)/bin) VG_REAL_BIN=$(abspath $(BIN)) \
	VG_LOGS=$(abspath $(VG_DIR)/logs) BIG_LINE_MB=4 \
	bats -j $(BATS_JOBS) $(VG_TESTS) || status=$$?; \
	if [ -n "$$(find $(VG_DIR)/logs -type f -size +0)" ]; then \
		find $(VG_DIR)/logs -type f -size +0 -exec cat {} + >&2; \
		echo "check-valgrind: valgrind reports above" >&2; \
		exit 1; \
	fi; \
	exit $$status

# ---- fuzzing (libFuzzer, clang) ----
#
# Each tool's main() is compiled as fuzz_tool_main() and its exit() as
# fuzz_exit(), which fuzz/harness.c turns into a longjmp back to the
# harness: the tools run in-process, as libFuzzer needs for its coverage.

FUZZ_CC            ?= clang
FUZZ_DIR            = build/fuzz
FUZZ_SECONDS       ?= 600
FUZZ_SHORT_SECONDS ?= 300
# CI's run is the same every time: a fixed seed and number of runs (the
# seconds above are only a cap).
FUZZ_SHORT_RUNS    ?= 12000
FUZZ_SAN            = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS         = -O1 -g -fno-omit-frame-pointer $(FUZZ_SAN)
FUZZ_PROGRAMS       = $(addprefix $(FUZZ_DIR)/bin/,$(TOOLS))
# The tools' allocations go through fuzz/harness.c, which frees what a run
# leaves (an early exit skips the tool's frees), so long runs stay flat.
FUZZ_ALLOC          = -Dmalloc=fuzz_malloc -Dcalloc=fuzz_calloc -Drealloc=fuzz_realloc \
                      -Dstrdup=fuzz_strdup -Dstrndup=fuzz_strndup -Dfree=fuzz_free

fuzz-build: fuzz-cc $(FUZZ_PROGRAMS)

fuzz-cc:
	@command -v $(FUZZ_CC) >/dev/null || { \
		echo "fuzz: $(FUZZ_CC) not found: libFuzzer needs clang (Debian: apt-get install clang)" >&2; \
		exit 1; }

$(FUZZ_DIR)/harness.o: fuzz/harness.c
	mkdir -p $(@D)
	$(FUZZ_CC) -std=c11 -D_GNU_SOURCE -Wall -Wextra $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_DIR)/bin/%: $$(call tool_deps,$$*) $(LIB_SRC) lib/*.h $(LEX_H) $(FUZZ_DIR)/harness.o
	rm -rf $(FUZZ_DIR)/obj/$* && mkdir -p $(@D) $(FUZZ_DIR)/obj/$*
	cd $(FUZZ_DIR)/obj/$* && $(FUZZ_CC) $(patsubst -I%,-I$(abspath %),$(CPPFLAGS)) \
		$(WARNINGS) -Wno-missing-prototypes $(FUZZ_CFLAGS) -Dmain=fuzz_tool_main -Dexit=fuzz_exit $(FUZZ_ALLOC) \
		-c $(abspath $(call tool_src,$*) $(LIB_SRC))
	$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $(FUZZ_DIR)/harness.o \
		$(FUZZ_DIR)/obj/$*/*.o $(LDLIBS)

# Seeds come from the samples, tests/regress and ../shared/corpus, fed
# through the normal build so each tool gets input in the form it reads.
fuzz-seeds: all
	fuzz/seeds $(FUZZ_DIR)/seeds $(BIN) $(TOOLS)

fuzz: fuzz-build fuzz-seeds
	fuzz/run $(FUZZ_DIR) $(FUZZ_SECONDS) $(TOOLS)

fuzz-short: fuzz-build fuzz-seeds
	FUZZ_ARGS="-seed=1 -runs=$(FUZZ_SHORT_RUNS)" FUZZ_JOBS=$(BATS_JOBS) \
		fuzz/run $(FUZZ_DIR) $(FUZZ_SHORT_SECONDS) $(TOOLS)

# ---- install ----

COMPDIR  = $(PREFIX)/share/bash-completion/completions
MANPAGES = $(wildcard man/*.1)

# install-files installs what $(BIN) holds without building (a tool not
# built is named and left out): the tests use it on whichever build they
# run against.
install: all
	$(MAKE) install-files

install-files:
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(DATADIR) $(DESTDIR)$(COMPDIR)
	for t in $(TOOLS); do \
		[ -x $(BIN)/$$t ] || { echo "install: no $(BIN)/$$t, skipped" >&2; continue; }; \
		cp -f $(BIN)/$$t $(DESTDIR)$(BINDIR)/$$t && \
		chmod 755 $(DESTDIR)$(BINDIR)/$$t || exit 1; \
	done
	for m in $(MANPAGES); do \
		cp -f $$m $(DESTDIR)$(MANDIR)/man1/ && \
		chmod 644 $(DESTDIR)$(MANDIR)/man1/$${m##*/} || exit 1; \
	done
	for d in data/*.tsv; do \
		[ -f "$$d" ] || continue; \
		cp -f $$d $(DESTDIR)$(DATADIR)/ && \
		chmod 644 $(DESTDIR)$(DATADIR)/$${d##*/} || exit 1; \
	done
	for t in $(TOOLS); do \
		cp -f completion/reports-toolkit $(DESTDIR)$(COMPDIR)/$$t && \
		chmod 644 $(DESTDIR)$(COMPDIR)/$$t || exit 1; \
	done

uninstall:
	for t in $(TOOLS); do \
		rm -f $(DESTDIR)$(BINDIR)/$$t $(DESTDIR)$(MANDIR)/man1/$$t.1 \
			$(DESTDIR)$(COMPDIR)/$$t; \
	done
	rm -rf $(DESTDIR)$(DATADIR)

# ---- dist ----
#
# From the working files git knows (committed or staged), so that a dist
# made before the lead commits still holds today's sources.

DIST_NAME = reports-toolkit-$(VERSION)

dist:
	rm -rf dist/$(DIST_NAME) && mkdir -p dist/$(DIST_NAME)
	git ls-files -co --exclude-standard | \
		while IFS= read -r f; do [ -f "$$f" ] && printf '%s\n' "$$f"; done | \
		tar -cf - -T - | tar -xf - -C dist/$(DIST_NAME)
	tar -C dist -czf dist/$(DIST_NAME).tar.gz $(DIST_NAME)
	rm -rf dist/$(DIST_NAME)
	@echo dist/$(DIST_NAME).tar.gz

man-check:
	@status=0; for m in $(MANPAGES); do \
		w=$$(groff -man -Tutf8 -ww -z $$m 2>&1); \
		if [ -n "$$w" ]; then echo "$$m: $$w" >&2; status=1; fi; \
	done; exit $$status
