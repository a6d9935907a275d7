#!/usr/bin/env bash
# make profile: where the whole pipeline spends its time, on a generated
# 10 MB corpus at wire-copy density (the generator's default) with JSON
# output. Uses perf when the kernel allows it, else
# valgrind's callgrind on 1 MB (slower, but counts every instruction).
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=target/bench
mkdir -p "$OUT"
cargo build --profile profiling --quiet --bin figcheck --example corpus
BIN=target/profiling/figcheck
GEN=target/profiling/examples/corpus
if command -v perf > /dev/null && perf record -o /dev/null true > /dev/null 2>&1; then
    f=$OUT/profile-wire-10M.txt
    [ -s "$f" ] || "$GEN" --size 10M --out "$f"
    perf record -F 999 --call-graph dwarf,16384 -o "$OUT/perf.data" \
        "$BIN" -j 1 --format json "$f" > /dev/null 2> "$OUT/perf.log"
    perf report -i "$OUT/perf.data" --no-children --stdio 2> /dev/null |
        grep -E '^ +[0-9]' | head -30
    echo
    echo "Inclusive (with callees):"
    perf report -i "$OUT/perf.data" --children --stdio 2> /dev/null |
        grep -E '^ +[0-9]' | grep -v inlined | head -40
else
    f=$OUT/profile-wire-1M.txt
    [ -s "$f" ] || "$GEN" --size 1M --out "$f"
    valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.out" \
        "$BIN" -j 1 --format json "$f" > /dev/null
    callgrind_annotate --inclusive=yes "$OUT/callgrind.out" | head -60
fi
