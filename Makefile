# tracuu: full-text search for archives of Vietnamese government reports.
#
#   make demo    install dependencies, build, index corpus/, run examples
#   make test    install dependencies, build, run every test
#   make asan    the tests again under AddressSanitizer + UBSan
#   make bench   benchmark against omindex and SQLite FTS5 (see bench/)
#   make install / make uninstall   with PREFIX (/usr/local) and DESTDIR
#   make fuzz    fuzz every target briefly (make fuzz-long: minutes each)

PKG_CONFIG ?= pkg-config
PKGS       := icu-uc icu-i18n xapian-core zlib libxml-2.0 libzip
# OCR's libraries: their headers only. lib/decode/decode-ocr.c opens them
# when a page is first read by OCR, so that a program that reads none
# does not load them (with their forty libraries) at every start.
OCR_PKGS   := tesseract lept
PC_REQUIRES := $(PKGS)
PC_LIBS     := -ldl
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
DEPS_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) $(OCR_PKGS))
DEPS_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lpthread -ldl
TEST_LIBS   = $(shell $(PKG_CONFIG) --libs criterion)

FINAL_CFLAGS   = -std=c11 -D_GNU_SOURCE $(DEFS) $(WARN_C) $(OPT) $(DEBUG) $(SAN) $(PIC) \
                 -Iinclude -Ilib $(DEPS_CFLAGS) $(CFLAGS)
FINAL_CXXFLAGS = -std=c++17 $(WARN_CXX) $(OPT) $(DEBUG) $(SAN) $(PIC) \
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
PROGS        := $(BUILD)/tracuu-index $(BUILD)/tracuu-query $(BUILD)/tracuu-web

# Installation (GNU names in upper case; DESTDIR stages a package).
PREFIX       ?= /usr/local
BINDIR       ?= $(PREFIX)/bin
LIBDIR       ?= $(PREFIX)/lib
INCLUDEDIR   ?= $(PREFIX)/include
SHAREDIR     ?= $(PREFIX)/share
MANDIR       ?= $(SHAREDIR)/man
PKGDATADIR   ?= $(SHAREDIR)/tracuu
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
BASHCOMPDIR  ?= $(SHAREDIR)/bash-completion/completions
INSTALL      ?= install
LDCONFIG     ?= ldconfig

# The shared library: libtracuu.so.MAJOR is the soname, bumped when the
# ABI breaks; the file name carries the whole version.
VERSION      := $(shell sed -n 's/.*TRACUU_VERSION "\(.*\)"/\1/p' include/tracuu/version.h)
SOMAJOR      := $(firstword $(subst ., ,$(VERSION)))
SONAME       := libtracuu.so.$(SOMAJOR)
LIBSO        := $(BUILD)/libtracuu.so.$(VERSION)
PUBLIC_HDRS  := $(sort $(wildcard include/tracuu/*.h))
MAN_PAGES    := $(sort $(wildcard man/*.[1-9]))
# man/tracuu.7 -> $(MANDIR)/man7/tracuu.7
man_dest      = $(MANDIR)/man$(subst .,,$(suffix $(1)))/$(notdir $(1))

# One set of library objects for both libraries, all position
# independent: Debian's compiler makes PIE programs anyway, so -fPIC
# costs next to nothing, and -fno-semantic-interposition lets calls
# inside the library be inlined as in a static build. A second object
# set would double the build for no measurable gain.
LIB_PIC      := -fPIC -fno-semantic-interposition
$(LIB_OBJS): private PIC := $(LIB_PIC)

DB     ?= tracuu.db
DATADIR = $(CURDIR)/data
export TRACUU_DATA_DIR ?= $(DATADIR)

.PHONY: all setup demo test asan check-unit check-e2e check-pkg clean bench fuzz fuzz-long eval \
        install uninstall FORCE
all: $(PROGS) $(LIBSO) $(BUILD)/tracuu.pc

setup:
	@sh scripts/setup.sh

# Objects are rebuilt when the compiler or its flags change (CFLAGS=-Werror,
# a new flag in this file), as with git's GIT-CFLAGS.
$(BUILD)/gen/flags: FORCE
	@mkdir -p $(dir $@)
	@printf '%s\n' '$(CC) $(FINAL_CFLAGS)' '$(CXX) $(FINAL_CXXFLAGS)' '$(LIB_PIC)' \
	    | cmp -s - $@ || printf '%s\n' '$(CC) $(FINAL_CFLAGS)' \
	    '$(CXX) $(FINAL_CXXFLAGS)' '$(LIB_PIC)' > $@

$(BUILD)/%.o: %.c $(BUILD)/gen/flags
	@mkdir -p $(dir $@)
	$(CC) $(FINAL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/%.o: %.cc $(BUILD)/gen/flags
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

$(BUILD)/gen/embedded.o: $(BUILD)/gen/embedded.c $(BUILD)/gen/flags
	$(CC) $(FINAL_CFLAGS) -Wno-missing-prototypes -c $< -o $@

# The installed data directory is compiled into datadir.o; like git's
# GIT-PREFIX, a file holding the paths rebuilds what depends on them when
# PREFIX changes ('make install PREFIX=/opt/tracuu' after a plain 'make').
$(BUILD)/gen/paths: FORCE
	@mkdir -p $(dir $@)
	@printf '%s\n' '$(PREFIX)' '$(LIBDIR)' '$(INCLUDEDIR)' '$(PKGDATADIR)' \
	    | cmp -s - $@ || printf '%s\n' '$(PREFIX)' '$(LIBDIR)' \
	    '$(INCLUDEDIR)' '$(PKGDATADIR)' > $@

$(BUILD)/lib/util/datadir.o: $(BUILD)/gen/paths
$(BUILD)/lib/util/datadir.o: private DEFS = -DTRACUU_DATA_DIR_DEFAULT='"$(PKGDATADIR)"'

$(LIBTRACUU): $(LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

# Only the functions of the public headers are exported.
$(BUILD)/libtracuu.map: scripts/exports.sh $(PUBLIC_HDRS)
	@mkdir -p $(dir $@)
	sh scripts/exports.sh '$(CC)' $(SOMAJOR) $(PUBLIC_HDRS) > $@.tmp
	@mv $@.tmp $@

# It holds C++ (the Xapian shim): linked with $(CXX), so libstdc++ is
# one of its dependencies. -z defs: every symbol resolved at link time.
$(LIBSO): $(LIB_OBJS) $(BUILD)/libtracuu.map
	$(CXX) -shared $(FINAL_LDFLAGS) -Wl,-soname,$(SONAME) \
	    -Wl,--version-script=$(BUILD)/libtracuu.map $(if $(SAN),,-Wl,-z,defs) \
	    $(LIB_OBJS) $(DEPS_LIBS) -o $@
	ln -sf $(notdir $@) $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $(BUILD)/libtracuu.so

# ${prefix}-relative where the paths allow, so that
# pkg-config --define-variable=prefix=... relocates it.
rel_prefix = $(patsubst $(PREFIX)/%,$${prefix}/%,$(1))
$(BUILD)/tracuu.pc: tracuu.pc.in $(BUILD)/gen/paths include/tracuu/version.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
	    -e 's|@LIBDIR@|$(call rel_prefix,$(LIBDIR))|' \
	    -e 's|@INCLUDEDIR@|$(call rel_prefix,$(INCLUDEDIR))|' \
	    -e 's|@PKGDATADIR@|$(call rel_prefix,$(PKGDATADIR))|' \
	    -e 's|@PKGS@|$(PC_REQUIRES)|' -e 's|@LIBS_PRIVATE@|$(PC_LIBS)|' $< > $@

# libtracuu.a holds C++: link with $(CXX).
$(BUILD)/tracuu-index: $(BUILD)/indexer/main.o $(LIBTRACUU)
	$(CXX) $(FINAL_LDFLAGS) $^ $(DEPS_LIBS) -o $@

QUERY_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(sort $(wildcard query/*.c)))

$(BUILD)/tracuu-query: $(QUERY_OBJS) $(LIBTRACUU)
	$(CXX) $(FINAL_LDFLAGS) $^ $(DEPS_LIBS) -o $@

# tracuu-web: libmicrohttpd, crypt(3) for --auth-file, and the page's
# files (web/assets/) embedded like the lexicons.
WEB_OBJS   := $(patsubst %.c,$(BUILD)/%.o,$(sort $(wildcard web/*.c))) \
              $(BUILD)/gen/web-assets.o
WEB_ASSETS := $(sort $(wildcard web/assets/*))
WEB_LIBS    = $(shell $(PKG_CONFIG) --libs libmicrohttpd) -lcrypt
$(WEB_OBJS): private DEPS_CFLAGS += $(shell $(PKG_CONFIG) --cflags libmicrohttpd)

$(BUILD)/gen/web-assets.c: $(BUILD)/embed $(WEB_ASSETS)
	@mkdir -p $(dir $@)
	$(BUILD)/embed -f tracuu_web__asset $@ web/assets $(WEB_ASSETS)

$(BUILD)/gen/web-assets.o: $(BUILD)/gen/web-assets.c $(BUILD)/gen/flags
	$(CC) $(FINAL_CFLAGS) -Wno-missing-prototypes -c $< -o $@

$(BUILD)/tracuu-web: $(WEB_OBJS) $(LIBTRACUU)
	$(CXX) $(FINAL_LDFLAGS) $^ $(DEPS_LIBS) $(WEB_LIBS) -o $@

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
	sh tests/conventions.sh $(BUILD)
	sh tests/output.sh $(BUILD)
	sh tests/schemas.sh $(BUILD)
	sh tests/office.sh $(BUILD)
	sh tests/ocr.sh $(BUILD)
	@if [ -f tests/faults.sh ]; then sh tests/faults.sh $(BUILD); fi
	sh tests/shards.sh $(BUILD)
	sh tests/web/web.sh $(BUILD)

# Man pages against --help, and an install into a temporary DESTDIR used
# through pkg-config (with a build of its own, so not under asan).
check-pkg: $(PROGS)
	sh tests/manpages.sh $(BUILD)
	sh tests/install.sh

test: setup
	@$(MAKE) --no-print-directory check-unit check-e2e check-pkg

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

# Extraction figures on the real-text development set, when it is there
# (../shared/devset): precision and recall of fines, categories, totals.
# Not part of 'make test'; never fails the build.
DEVSET ?= ../shared/devset
eval: all
	@if [ -f $(DEVSET)/score.py ]; then \
	    python3 $(DEVSET)/score.py --bin $(BUILD)/tracuu-index \
	        || echo "eval: score.py failed (exit $$?)"; \
	 else echo "eval: skipped, no development set at $(DEVSET)"; fi

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

# Programs link libtracuu.a: they start without a dynamic lookup and do
# not depend on the installed library's version.
install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) \
	    $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(INCLUDEDIR)/tracuu \
	    $(DESTDIR)$(PKGDATADIR)/lexicon $(DESTDIR)$(BASHCOMPDIR) \
	    $(sort $(foreach m,$(MAN_PAGES),$(dir $(DESTDIR)$(call man_dest,$(m)))))
	$(INSTALL) -m 755 $(PROGS) $(DESTDIR)$(BINDIR)
	$(INSTALL) -m 644 $(LIBTRACUU) $(DESTDIR)$(LIBDIR)
	$(INSTALL) -m 644 $(LIBSO) $(DESTDIR)$(LIBDIR)
	ln -sf $(notdir $(LIBSO)) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libtracuu.so
	$(INSTALL) -m 644 $(BUILD)/tracuu.pc $(DESTDIR)$(PKGCONFIGDIR)
	$(INSTALL) -m 644 $(PUBLIC_HDRS) $(DESTDIR)$(INCLUDEDIR)/tracuu
	$(INSTALL) -m 644 $(DATA_FILES) $(DESTDIR)$(PKGDATADIR)/lexicon
	$(foreach m,$(MAN_PAGES),sed 's|/usr/local|$(PREFIX)|g' $(m) \
	    > $(DESTDIR)$(call man_dest,$(m)) && \
	    chmod 644 $(DESTDIR)$(call man_dest,$(m)) &&) true
	$(INSTALL) -m 644 completion/tracuu.bash $(DESTDIR)$(BASHCOMPDIR)/tracuu-index
	ln -sf tracuu-index $(DESTDIR)$(BASHCOMPDIR)/tracuu-query
	@# Into the system as root: the dynamic linker's cache learns the
	@# new soname (a package's own scripts do this for a DESTDIR).
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" -eq 0 ]; then \
	    echo $(LDCONFIG); $(LDCONFIG) || true; fi

# Removes what install wrote, then the folders that are tracuu's own.
uninstall:
	rm -f $(addprefix $(DESTDIR)$(BINDIR)/,$(notdir $(PROGS))) \
	    $(addprefix $(DESTDIR)$(LIBDIR)/,libtracuu.a libtracuu.so \
	        $(SONAME) $(notdir $(LIBSO))) \
	    $(DESTDIR)$(PKGCONFIGDIR)/tracuu.pc \
	    $(addprefix $(DESTDIR)$(INCLUDEDIR)/tracuu/,$(notdir $(PUBLIC_HDRS))) \
	    $(addprefix $(DESTDIR)$(PKGDATADIR)/lexicon/,$(notdir $(DATA_FILES))) \
	    $(foreach m,$(MAN_PAGES),$(DESTDIR)$(call man_dest,$(m))) \
	    $(addprefix $(DESTDIR)$(BASHCOMPDIR)/,tracuu-index tracuu-query)
	rmdir $(DESTDIR)$(INCLUDEDIR)/tracuu $(DESTDIR)$(PKGDATADIR)/lexicon \
	    $(DESTDIR)$(PKGDATADIR) 2>/dev/null || true

clean:
	rm -rf build build-asan build-fuzz build-dev

-include $(LIB_OBJS:.o=.d) $(TEST_OBJS:.o=.d) $(BUILD)/indexer/main.d $(QUERY_OBJS:.o=.d) \
         $(WEB_OBJS:.o=.d)
