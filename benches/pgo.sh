#!/usr/bin/env bash
# make pgo: a release build of figcheck optimised with a profile of its own
# runs (profile-guided optimisation), written to target/pgo/figcheck.
#
# figcheck's time is spread over hundreds of small branchy functions (word
# lists, cue readers, the JSON writer); knowing which branches are taken
# lets the compiler lay out and inline them better than any one change to
# the code could. docs/performance.md has what it saves.
#
# 1. Build with instrumentation (target/pgo/gen).
# 2. Run that build on training copy: a generated corpus with another seed
#    than the bench's (seed 2 against 1), dense (a figure in nearly every
#    clause, so that every reader is trained), as one document and as JSON
#    Lines,
#    and testdata's extraction, format, scenario and clean examples, in every
#    output format. testdata/articles is held out, so that the gain can be
#    measured on hand-written copy the profile never saw.
# 3. Merge the raw profiles with llvm-profdata, from rustup's llvm-tools
#    component (added here if rustup can add it).
# 4. Build again with the profile (target/pgo/use), the binary and the bench
#    examples, and copy the binary to target/pgo/figcheck.
#
# The build is the release profile's (fat LTO, one codegen unit) in both
# steps. Output is the same as the plain build's: only code layout and
# inlining change. Exits 1, saying why, when llvm-profdata is not to be had.
set -euo pipefail

cd "$(dirname "$0")/.."
DIR=$PWD/target/pgo
RAW=$DIR/raw
HOST=$(rustc -vV | sed -n 's/^host: //p')
PROFDATA=$(rustc --print sysroot)/lib/rustlib/$HOST/bin/llvm-profdata

if [ ! -x "$PROFDATA" ] && command -v rustup > /dev/null; then
    echo "pgo: adding rustup's llvm-tools component for llvm-profdata" >&2
    rustup component add llvm-tools > /dev/null 2>&1 ||
        rustup component add llvm-tools-preview > /dev/null 2>&1 || true
fi
if [ ! -x "$PROFDATA" ]; then
    echo "pgo: llvm-profdata not found at $PROFDATA (rustup component add llvm-tools)" >&2
    exit 1
fi

rm -rf "$RAW"
mkdir -p "$RAW"

echo "pgo: instrumented build" >&2
RUSTFLAGS="-Cprofile-generate=$RAW" CARGO_TARGET_DIR=$DIR/gen \
    cargo build --release --quiet --bin figcheck --example corpus
GEN=$DIR/gen/release/figcheck

echo "pgo: training runs" >&2
"$DIR/gen/release/examples/corpus" --size 2M --seed 2 --density dense --out "$DIR/train.txt"
"$DIR/gen/release/examples/corpus" --size 2M --seed 2 --density dense --format jsonl --out "$DIR/train.jsonl"
mapfile -t EXAMPLES < <(find testdata/extract testdata/formats testdata/scenario testdata/clean \
    -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.jsonl' \) | sort)
# A finding makes figcheck exit 1; that is no failure here.
train() { "$GEN" "$@" > /dev/null 2>&1 || true; }
for format in json jsonl table csv line sarif github; do
    train -j 1 --format "$format" "$DIR/train.txt"
    train -j 1 --format "$format" "${EXAMPLES[@]}"
done
train -j 1 --format json "$DIR/train.jsonl"
train -j 2 --format jsonl "$DIR/train.jsonl"
train extract --format jsonl "$DIR/train.txt"

"$PROFDATA" merge -o "$DIR/figcheck.profdata" "$RAW"

echo "pgo: optimised build" >&2
RUSTFLAGS="-Cprofile-use=$DIR/figcheck.profdata" CARGO_TARGET_DIR=$DIR/use \
    cargo build --release --quiet --bin figcheck --example corpus --example throughput
cp "$DIR/use/release/figcheck" "$DIR/figcheck"
echo "$DIR/figcheck"
