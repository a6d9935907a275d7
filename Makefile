# figcheck: build, test, lint, install. Every target works on a fresh
# machine with a Rust toolchain.
CARGO ?= cargo

.PHONY: bench pgo profile scaling all build test lint fmt install example clean conformance conformance-periods accuracy

all: build

build:
	$(CARGO) build --release

test:
	$(CARGO) test --all-targets

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets -- -D warnings

# Pass rates against the peers' public test suites (Recognizers-Text,
# quantulum3), read from $$FIGCHECK_PEER_SUITES or ../shared/peer-suites.
conformance:
	$(CARGO) test --test conformance_numbers -- --nocapture

# The period recogniser against Recognizers-Text's English date-range
# suites (read from ../shared/peer-suites, or $$FIGCHECK_PEER_SUITES);
# prints the pass rate per file. See docs/periods.md.
conformance-periods:
	$(CARGO) test --release --test conformance_periods -- --nocapture

fmt:
	$(CARGO) fmt --all

install:
	$(CARGO) install --path . --locked

# The accuracy harness over testdata/articles and testdata/clean: relations
# verified, false alarms, injected errors detected.
accuracy:
	$(CARGO) test --test accuracy -- --nocapture

example:
	$(CARGO) run --quiet -- testdata/scenario/accounts.txt

# Fuzz each target for FUZZ_SECONDS (default 60) on one core. fuzz/ is its
# own workspace, so `make test` never builds it. Needs `cargo install cargo-fuzz`.
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh

clean:
	$(CARGO) clean

# Throughput, scaling, start-up and memory against quantulum3 and grep on
# a generated corpus (benches/bench.sh; docs/performance.md). Heavy: run it
# on a quiet machine. BENCH_SIZES, BENCH_BIG and BENCH_NO_PEER tune it.
bench:
	bash benches/bench.sh

# A release build optimised with the profile of training runs
# (benches/pgo.sh), at target/pgo/figcheck: about a tenth fewer
# instructions than the plain build, for archive runs. Needs rustup's
# llvm-tools component, which it adds when it can.
pgo:
	bash benches/pgo.sh

# Where the time goes: perf (else callgrind) over the whole pipeline on a
# 10 MB generated corpus, with symbols from the profiling profile.
profile:
	bash benches/profile.sh

# The distributed path (docs/scaling.md): GNU parallel over shards and
# Spark's rdd.pipe in local mode (PySpark into a venv under target/, Java
# from the system) give exactly the records of one run.
scaling:
	bash benches/scaling.sh
