#!/bin/sh
# Runs each fuzz target for FUZZ_SECONDS (default 60) on one core, seeding
# its corpus from testdata/. Crashes land in fuzz/artifacts/TARGET/.
set -eu
cd "$(dirname "$0")"
seconds="${FUZZ_SECONDS:-60}"
targets="${FUZZ_TARGETS:-pipeline numbers}"

# The pipeline target reads its first byte as the input format (0 text,
# 1 Markdown, 2 HTML, 3 JSON Lines), so each seed gets the byte its
# extension calls for.
format_byte() {
    case "$1" in
        *.md) printf '\001' ;;
        *.html | *.htm) printf '\002' ;;
        *.jsonl) printf '\003' ;;
        *) printf '\000' ;;
    esac
}

for target in $targets; do
    mkdir -p "corpus/$target"
    find ../testdata -type f -size -64k | while read -r f; do
        seed="corpus/$target/seed_$(echo "$f" | sed 's|^\.\./||; s|/|_|g')"
        if [ "$target" = pipeline ]; then
            { format_byte "$f"; cat "$f"; } > "$seed"
        else
            cp "$f" "$seed"
        fi
    done
    # cargo-fuzz asks for nightly features; RUSTC_BOOTSTRAP lets the stable
    # compiler accept them. Safe Rust needs no address sanitizer; debug
    # assertions and overflow checks stay on.
    RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none --release --debug-assertions \
        "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384
done
