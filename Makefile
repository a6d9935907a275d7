# figcheck: build, test, lint, install. Every target works on a fresh
# machine with a Rust toolchain.
CARGO ?= cargo

.PHONY: all build test lint fmt install example clean conformance accuracy

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

clean:
	$(CARGO) clean
