# reports toolkit: split-sections | extract-metrics | normalize-names,
# then diff-quarters.  `make check` and `make demo` install what is missing
# (Debian/Ubuntu packages, see scripts/install-deps) before they build.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
MANDIR    = $(PREFIX)/share/man
DATADIR   = $(PREFIX)/share/reports-toolkit

CC       ?= cc
CFLAGS   ?= -O2 -g
WARNINGS  = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wno-unused-parameter
CPPFLAGS += -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Ilib -I$(GEN) \
            -DVERSION='"$(VERSION)"' -DDATADIR='"$(DATADIR)"'
LDLIBS   += -lcsv -lutf8proc -lxlsxwriter -lstemmer -lm

# BUILD and BIN are variables so that sanitizer builds live beside the
# normal one: `make BUILD=build/asan BIN=build/asan/bin ...`.
BUILD    ?= build
BIN      ?= bin

# A tool is cmd/TOOL.c, or a folder cmd/TOOL/ whose main.c is the one
# translation unit: it #includes the folder's files by concern, in the
# order of the tool's story (zsv's model), so that everything stays static.
TOOLS     = $(sort $(patsubst cmd/%.c,%,$(wildcard cmd/*.c)) \
                   $(patsubst cmd/%/main.c,%,$(wildcard cmd/*/main.c)))
tool_src  = $(firstword $(wildcard cmd/$(1)/main.c) cmd/$(1).c)
tool_deps = $(call tool_src,$(1)) $(wildcard cmd/$(1)/*.c cmd/$(1)/*.h)

# Word lists are data: data/lexicon/NAME.tsv (phrase, class, value) with
# NAME.classes.tsv (class, meaning) become $(GEN)/lex-NAME.h: the rows and
# their hash as constant C tables (mk/lexgen), which lib/lex.c probes.
GEN       = $(BUILD)/gen
LEXICONS  = $(patsubst data/lexicon/%.classes.tsv,%,$(wildcard data/lexicon/*.classes.tsv))
LEX_H     = $(patsubst %,$(GEN)/lex-%.h,$(LEXICONS))
LIB_SRC   = $(wildcard lib/*.c)
LIB_OBJ   = $(patsubst lib/%.c,$(BUILD)/lib/%.o,$(LIB_SRC))
LIB_A     = $(BUILD)/libreports.a
PROGRAMS  = $(addprefix $(BIN)/,$(TOOLS))

.PHONY: all check check-fast check-asan check-valgrind demo deps bench regold \
        fuzz install uninstall dist clean
.SECONDARY:

all: $(PROGRAMS) $(BUILD)/lib-test

# lib/'s unit tests, run by tests/lib.bats.
$(BUILD)/lib-test: tests/lib-test.c $(LIB_A) lib/*.h $(LEX_H)
	$(CC) $(CPPFLAGS) $(WARNINGS) $(CFLAGS) -o $@ $< $(LIB_A) $(LDLIBS)

# DATADIR is compiled in: a stamp holding it makes a build for another
# PREFIX rebuild, so that `make install PREFIX=X` never installs tools that
# look for their data where it is not.
STAMP     = $(BUILD)/datadir.stamp
$(shell mkdir -p $(BUILD) && printf '%s\n' '$(DATADIR)' | cmp -s - $(STAMP) 2>/dev/null || \
	printf '%s\n' '$(DATADIR)' > $(STAMP))

$(BUILD)/lib/%.o: lib/%.c lib/*.h $(LEX_H) | $(BUILD)/lib
	$(CC) $(CPPFLAGS) $(WARNINGS) $(CFLAGS) -c -o $@ $<

.SECONDEXPANSION:
$(BUILD)/cmd/%.o: $$(call tool_deps,$$*) lib/*.h $(LEX_H) $(STAMP) | $(BUILD)/cmd
	$(CC) $(CPPFLAGS) $(WARNINGS) $(CFLAGS) -c -o $@ $(call tool_src,$*)

# The generator runs on the build machine; sanitizer flags stay off it.
$(GEN)/lexgen: mk/lexgen.c lib/lexhash.h | $(GEN)
	$(CC) -std=c11 -O1 -Ilib -o $@ mk/lexgen.c

$(GEN)/lex-%.h: data/lexicon/%.tsv data/lexicon/%.classes.tsv $(GEN)/lexgen
	$(GEN)/lexgen $* data/lexicon/$*.classes.tsv data/lexicon/$*.tsv > $@.tmp
	mv $@.tmp $@

$(LIB_A): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(BIN)/%: $(BUILD)/cmd/%.o $(LIB_A) | $(BIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_A) $(LDLIBS)

$(BUILD)/lib $(BUILD)/cmd $(GEN) $(BIN):
	mkdir -p $@

# ---- the README's two commands ----

deps:
	@scripts/install-deps

# `make check`, stage by stage, each timed (docs/hardening.md has the
# figures); each test runs once, where it adds something:
#   asan      the tools' tests against the ASan+UBSan build (clang):
#             behaviour and memory safety in one run
#   release   the tests of the release build itself: its output byte for
#             byte, lib's unit tests, PDF/DOCX round trips, install, the
#             data job, the fuzzing rig
#   valgrind  bad input and the pipeline under memcheck (what ASan does
#             not see: reads of uninitialised memory)
#   fuzz      a bounded, fixed-seed libFuzzer run of every tool
# BATS_JOBS tests run at once (GNU parallel; 1 without it).
RELEASE_TESTS = tests/gold.bats tests/lib.bats tests/xlsx.bats tests/pdf.bats tests/install.bats \
                tests/examples.bats tests/fuzz.bats tests/readme.bats
BATS_JOBS    ?= $(if $(shell command -v parallel 2>/dev/null),2,1)

check: deps
	$(MAKE) all
	@mk/stage asan $(MAKE) check-asan
	@mk/stage release bats -j $(BATS_JOBS) $(RELEASE_TESTS)
	@mk/stage valgrind $(MAKE) check-valgrind
	@mk/stage fuzz $(MAKE) fuzz-short

# The suite without installing anything or sanitizers: for a machine
# already set up, while working.
check-fast: all
	bats -j $(BATS_JOBS) tests

demo: deps
	$(MAKE) all
	@scripts/demo

bench: all
	bench/run

clean:
	rm -rf build bin dist
-include mk/*.mk

# The pipeline's output on samples/, kept in tests/gold/ and compared by
# tests/gold.bats: run this after a change of output, and say in the
# commit what changed and why (git diff tests/gold).
regold: all
	rm -rf tests/gold && scripts/gold tests/gold
