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
# The fuzzers: clang with libFuzzer and its sanitizer runtimes.
FUZZ_PACKAGES := clang libfuzzer-14-dev libclang-rt-14-dev
BUILD ?= build
SANITIZE_BUILD ?= build-sanitize
FUZZ_BUILD ?= build-fuzz
# Seconds each fuzz harness runs for in `make fuzz` (CI runs a short round of each).
FUZZ_SECONDS ?= 60
JOBS ?= 2
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
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# Exit 1 means verdicts were found, which is what the demo shows; 2 is an error.
demo: build
	@texts=""; [ -d ../shared/seeds ] && texts="--texts ../shared/seeds"; \
	./$(BUILD)/cli/nogood check $(CORPUS) $$texts; rc=$$?; [ $$rc -le 1 ]

# Optional for the suite: installed when root; otherwise the tests that need them are skipped, with a note.
test-deps:
	@missing=""; for p in $(TEST_PACKAGES); do \
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

test: build test-deps
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

sanitize: deps test-deps
	@cmake -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=Debug -DNOGOOD_SANITIZE=ON >/dev/null
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
