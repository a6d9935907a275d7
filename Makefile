# figcheck: build, test, lint, install. Every target works on a fresh
# machine with a Rust toolchain.
CARGO ?= cargo

.PHONY: all build test lint fmt install example clean accuracy

all: build

build:
	$(CARGO) build --release

test:
	$(CARGO) test --all-targets

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets -- -D warnings

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
