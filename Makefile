# nogood: the two commands are `make demo` and `make test`.
DEBIAN_PACKAGES := cmake g++ make libboost-dev nlohmann-json3-dev libicu-dev libssl-dev libpq-dev pkg-config catch2 python3 iso-codes
# The peers `make bench` compares with, and GNU time to measure them (Soufflé is not packaged: bench/run
# uses it when found, see bench/README.md).
BENCH_PACKAGES := gringo swi-prolog-nox clips time
# What building Soufflé from a local source tree needs (`make bench SOUFFLE_SRC=DIR`).
SOUFFLE_PACKAGES := bison flex libffi-dev zlib1g-dev libsqlite3-dev
PEER_BUILD ?= $(CURDIR)/peer-build
# What only the test suite uses: a real browser for the HTML report's right-to-left test, groff
# to check the man page, and PostgreSQL (server and psql) to run the compiled SQL on.
TEST_PACKAGES := chromium groff-base postgresql-15
# Node.js and npm, for the npm packages the SQL tests run the scripts with (tests/sql/package.json:
# DuckDB and a Spark SQL parser), which npm ci installs into TEST_TOOLS. Debian's are installed only
# where there is no npm (a Node.js from elsewhere, with its npm, is kept).
NPM_PACKAGES := nodejs npm
# The fuzzers: clang with libFuzzer and its sanitizer runtimes.
FUZZ_PACKAGES := clang libfuzzer-14-dev libclang-rt-14-dev
BUILD ?= build
SANITIZE_BUILD ?= build-sanitize
FUZZ_BUILD ?= build-fuzz
# Seconds each fuzz harness runs for in `make fuzz` (CI runs a short round of each).
FUZZ_SECONDS ?= 60
JOBS ?= 2
TEST_TOOLS ?= $(abspath $(BUILD))/test-tools
CORPUS ?= examples/syria-raid

.PHONY: all deps test-deps build demo test sanitize fuzz fuzz-deps bench bench-deps clean

all: build

# Installs missing Debian packages: with apt-get when root, otherwise prints the command and stops.
deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages:$$missing"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -q $$missing || { apt-get update -q && apt-get install -y -q $$missing; } || exit 1; \
	  else \
	    echo "nogood needs these Debian packages; install them with:"; \
	    echo "  sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DNOGOOD_TEST_TOOLS=$(TEST_TOOLS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# Exit 1 means verdicts were found, which is what the demo shows; 2 is an error.
demo: build
	@texts=""; [ -d ../shared/seeds ] && texts="--texts ../shared/seeds"; \
	./$(BUILD)/cli/nogood check $(CORPUS) $$texts; rc=$$?; [ $$rc -le 1 ]

# Optional for the suite: installed when root; otherwise the tests that need them are skipped, with a note.
# Then the npm packages of the SQL tests, with npm ci (again only when tests/sql/package-lock.json changed).
test-deps:
	@pkgs="$(TEST_PACKAGES)"; command -v npm >/dev/null || pkgs="$$pkgs $(NPM_PACKAGES)"; \
	missing=""; for p in $$pkgs; do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing Debian packages for the tests:$$missing"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -q $$missing || { apt-get update -q && apt-get install -y -q $$missing; } || \
	      echo "could not install$$missing: the tests that need them will be skipped"; \
	  else \
	    echo "note: the tests that need$$missing are skipped without them (sudo apt-get install -y$$missing)"; \
	  fi; \
	fi
	@if ! command -v npm >/dev/null; then \
	  echo "note: sql.duckdb and sql.spark_parse are skipped without Node.js and npm"; \
	elif [ -d "$(TEST_TOOLS)/node_modules" ] && cmp -s tests/sql/package-lock.json "$(TEST_TOOLS)/package-lock.json"; then :; \
	else \
	  echo "installing the npm packages of the SQL tests (tests/sql/package.json) into $(TEST_TOOLS)"; \
	  mkdir -p "$(TEST_TOOLS)" && cp tests/sql/package.json tests/sql/package-lock.json "$(TEST_TOOLS)/" && \
	  (cd "$(TEST_TOOLS)" && npm ci --no-audit --no-fund --loglevel=error) || \
	    { rm -f "$(TEST_TOOLS)/package-lock.json"; echo "note: npm ci failed: sql.duckdb and sql.spark_parse will be skipped"; }; \
	fi

test: build test-deps
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

sanitize: deps test-deps
	@cmake -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=Debug -DNOGOOD_SANITIZE=ON -DNOGOOD_TEST_TOOLS=$(TEST_TOOLS) >/dev/null
	@cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	cd $(SANITIZE_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

fuzz-deps:
	@$(MAKE) --no-print-directory deps DEBIAN_PACKAGES="$(FUZZ_PACKAGES)"

# libFuzzer harnesses for the rules parser, the facts and entities loaders and the embed regions
# (tests/fuzz), built with clang, each run for FUZZ_SECONDS; findings go in tests/fuzz/findings/.
fuzz: deps fuzz-deps
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNOGOOD_FUZZ=ON -DNOGOOD_TESTS=OFF >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)
	tests/fuzz/run $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench-deps:
	@$(MAKE) --no-print-directory deps DEBIAN_PACKAGES="$(BENCH_PACKAGES) $(if $(SOUFFLE_SRC),$(SOUFFLE_PACKAGES))"

# Every case on nogood and each peer found, 3 runs each; bench/run --help for cases, engines, runs.
# SOUFFLE_SRC=DIR first builds Soufflé from that source tree into $(PEER_BUILD) (never downloading).
bench: build bench-deps
	$(if $(SOUFFLE_SRC),JOBS=$(JOBS) bench/build-souffle "$(SOUFFLE_SRC)" "$(PEER_BUILD)")
	PEER_BUILD="$(PEER_BUILD)" ./bench/run $(BUILD)

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) $(FUZZ_BUILD)
