# tracuu: full-text search for archives of Vietnamese government reports.
#
#   make demo    install dependencies, build, index corpus/, run examples
#   make test    install dependencies, build, run every test
#   make asan    the tests again under AddressSanitizer + UBSan
#   make bench   benchmark against omindex and SQLite FTS5 (see bench/)
#   make fuzz    fuzz every target briefly (make fuzz-long: minutes each)

PKG_CONFIG ?= pkg-config
PKGS       := icu-uc icu-i18n xapian-core zlib libxml-2.0 libzip
OPT        ?= -O2
DEBUG      ?= -g
WARN_CXX   := -Wall -Wextra -Wwrite-strings -Wshadow -Wformat=2
WARN_C     := $(WARN_CXX) -Wstrict-prototypes -Wmissing-prototypes
BUILD      ?= build

ifeq ($(SANITIZER),address)
  SAN   := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
  BUILD := build-asan
else ifneq ($(SANITIZER),)
  $(error unknown SANITIZER=$(SANITIZER); use SANITIZER=address)
endif

# Evaluated lazily, so that 'make setup' can install pkg-config first.
DEPS_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS))
DEPS_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lpthread
TEST_LIBS   = $(shell $(PKG_CONFIG) --libs criterion)

FINAL_CFLAGS   = -std=c11 -D_GNU_SOURCE $(WARN_C) $(OPT) $(DEBUG) $(SAN) \
                 -Iinclude -Ilib $(DEPS_CFLAGS) $(CFLAGS)
FINAL_CXXFLAGS = -std=c++17 $(WARN_CXX) $(OPT) $(DEBUG) $(SAN) \
                 -Iinclude -Ilib $(DEPS_CFLAGS) $(CXXFLAGS)
FINAL_LDFLAGS  = $(SAN) $(LDFLAGS)

LIB_C_SRCS   := $(sort $(wildcard lib/*/*.c))
LIB_CXX_SRCS := $(sort $(wildcard lib/*/*.cc))
DATA_FILES   := $(sort $(wildcard data/lexicon/*.txt))
LIB_OBJS     := $(LIB_C_SRCS:%.c=$(BUILD)/%.o) $(LIB_CXX_SRCS:%.cc=$(BUILD)/%.o) \
                $(BUILD)/gen/embedded.o
TEST_SRCS    := $(sort $(wildcard tests/test_*.c)) tests/support.c
TEST_OBJS    := $(TEST_SRCS:%.c=$(BUILD)/%.o)
LIBTRACUU    := $(BUILD)/libtracuu.a
PROGS        := $(BUILD)/tracuu-index $(BUILD)/tracuu-query

DB     ?= tracuu.db
DATADIR = $(CURDIR)/data
export TRACUU_DATA_DIR ?= $(DATADIR)

.PHONY: all setup demo test asan check-unit check-e2e clean bench fuzz fuzz-long
all: $(PROGS)

setup:
	@sh scripts/setup.sh

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/%.o: %.cc
	@mkdir -p $(dir $@)
	$(CXX) $(FINAL_CXXFLAGS) -MMD -MP -c $< -o $@

# The lexicons travel inside the library (a data directory given with
# TRACUU_DATA_DIR replaces them).
$(BUILD)/embed: scripts/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O1 $< -o $@

$(BUILD)/gen/embedded.c: $(BUILD)/embed $(DATA_FILES)
	@mkdir -p $(dir $@)
	$(BUILD)/embed $@ data $(DATA_FILES)

$(BUILD)/gen/embedded.o: $(BUILD)/gen/embedded.c
	$(CC) $(FINAL_CFLAGS) -Wno-missing-prototypes -c $< -o $@

$(LIBTRACUU): $(LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

# libtracuu.a holds C++: link with $(CXX).
$(BUILD)/tracuu-index: $(BUILD)/indexer/main.o $(LIBTRACUU)
	$(CXX) $(FINAL_LDFLAGS) $^ $(DEPS_LIBS) -o $@

QUERY_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(sort $(wildcard query/*.c)))

$(BUILD)/tracuu-query: $(QUERY_OBJS) $(LIBTRACUU)
	$(CXX) $(FINAL_LDFLAGS) $^ $(DEPS_LIBS) -o $@

$(BUILD)/tests/run: $(TEST_OBJS) $(LIBTRACUU)
	$(CXX) $(FINAL_LDFLAGS) $^ $(DEPS_LIBS) $(TEST_LIBS) -o $@

demo: setup
	@$(MAKE) --no-print-directory all
	sh scripts/demo.sh $(BUILD) $(DB)

# Unit tests (Criterion), then end-to-end tests of the real programs.
check-unit: $(BUILD)/tests/run
	cd tests && ../$(BUILD)/tests/run --jobs 2

check-e2e: $(PROGS)
	sh tests/e2e.sh $(BUILD)
	@if [ -f tests/robust.sh ]; then sh tests/robust.sh $(BUILD); fi
	@if [ -f tests/faults.sh ]; then sh tests/faults.sh $(BUILD); fi

test: setup
	@$(MAKE) --no-print-directory check-unit check-e2e

# Sanitizer reports go to files, so that a report from any process (a
# Criterion test, a program run by the end-to-end tests) fails the target.
SANLOG = $(CURDIR)/build-asan/sanitizer-logs
asan: setup
	@rm -rf $(SANLOG) && mkdir -p $(SANLOG)
	@ASAN_OPTIONS=log_path=$(SANLOG)/asan:detect_leaks=1 \
	 UBSAN_OPTIONS=log_path=$(SANLOG)/ubsan:print_stacktrace=1 \
	 $(MAKE) --no-print-directory SANITIZER=address check-unit check-e2e
	@if [ -n "$$(ls -A $(SANLOG))" ]; then \
	    cat $(SANLOG)/*; echo "asan: sanitizer reports above"; exit 1; \
	 else echo "asan: no sanitizer reports"; fi

bench: setup
	@sh scripts/setup.sh bench
	@$(MAKE) --no-print-directory all
	sh bench/run.sh $(BUILD)

# Fuzz targets (libFuzzer, clang): each runs for FUZZ_SECONDS.
FUZZ_SECONDS ?= 20
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh

# The same for minutes per target (FUZZ_LONG_SECONDS each), before a
# release or after a change to a decoder.
FUZZ_LONG_SECONDS ?= 300
fuzz-long: setup
	FUZZ_SECONDS=$(FUZZ_LONG_SECONDS) sh tests/fuzz/run.sh

clean:
	rm -rf build build-asan build-fuzz build-dev

-include $(LIB_OBJS:.o=.d) $(TEST_OBJS:.o=.d) $(BUILD)/indexer/main.d $(QUERY_OBJS:.o=.d)
