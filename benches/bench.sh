#!/usr/bin/env bash
# make bench: figcheck's throughput, scaling, start-up time and memory on a
# generated corpus, side by side with a peer extractor (quantulum3) and the
# raw-scan floor (grep -c '[0-9]'), in one run. Prints a Markdown report and
# keeps it in target/bench/results.md. No figure here is asserted.
#
# Knobs (environment):
#   BENCH_SIZES="1 10 100"  corpus sizes in MB
#   BENCH_BIG=1             also 1 GB of JSON Lines for the memory bound
#   BENCH_PEER_KB=30        size of the sample quantulum3 reads
#   BENCH_NO_PEER=1         skip quantulum3 (no Python venv)
#   BENCH_PGO=0             measure the plain release build only, without
#                           the profile-guided one (make pgo)
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=target/bench
mkdir -p "$OUT"
SIZES=${BENCH_SIZES:-"1 10 100"}
PEER_KB=${BENCH_PEER_KB:-30}
BIN=target/release/figcheck
GEN=target/release/examples/corpus
STAGES=target/release/examples/throughput
REPORT="$OUT/results.md"
: > "$REPORT"

say() { echo "$*" | tee -a "$REPORT"; }

cargo build --release --quiet --bin figcheck --example corpus --example throughput
PLAIN=$BIN
BUILD="release profile (LTO fat, one codegen unit)"
# The profile-guided build is what an archive run should use; the plain
# build is what `cargo install` gives, compared with it at the end.
if [ "${BENCH_PGO:-1}" != 0 ]; then
    if bash benches/pgo.sh > "$OUT/pgo.log" 2>&1; then
        BIN=target/pgo/figcheck
        STAGES=target/pgo/use/release/examples/throughput
        BUILD="$BUILD, optimised with the profile of training runs (make pgo)"
    else
        BUILD="$BUILD; the profile-guided build failed (see $OUT/pgo.log), so the plain one is measured"
    fi
fi

# Wall, user and system seconds and peak RSS (KB) of one command, its
# output discarded: "wall user sys rss".
measure() {
    /usr/bin/time -f "%e %U %S %M" -o "$OUT/time.txt" "$@" > /dev/null 2> "$OUT/stderr.txt" || true
    tail -n 1 "$OUT/time.txt"
}
# Best wall seconds of three runs, to the nanosecond: grep is too quick
# for /usr/bin/time's hundredths. Output goes to a file, since GNU grep
# stops at the first match when it writes to /dev/null.
fast_wall() {
    local best=999999 t0 t1
    for _ in 1 2 3; do
        t0=$(date +%s%N)
        "$@" > "$OUT/fast.out" 2>&1 || true
        t1=$(date +%s%N)
        best=$(awk -v b="$best" -v t="$(( t1 - t0 ))" 'BEGIN { s = t / 1e9; print (s < b ? s : b) }')
    done
    echo "$best"
}
# CPU seconds of one run, output discarded: the mean of 20 from hyperfine,
# whose clock resolves runs of a few milliseconds; without it, the best of
# 5 from /usr/bin/time, which counts in hundredths.
cpu() {
    if command -v hyperfine > /dev/null; then
        hyperfine -N -i --warmup 3 --runs 20 --export-json "$OUT/cpu.json" "$*" > /dev/null 2>&1
        python3 -c "import json; r = json.load(open('$OUT/cpu.json'))['results'][0]; print('%.4f' % (r['user'] + r['system']))"
        return
    fi
    local b=999999
    for _ in 1 2 3 4 5; do
        read -r _ u sy _ < <(measure "$@")
        b=$(awk -v b="$b" -v u="$u" -v s="$sy" 'BEGIN { t = u + s; print (t < b ? t : b) }')
    done
    echo "$b"
}
# Mean wall and CPU seconds of 10 runs, output discarded: "wall cpu".
# Without hyperfine, one run of /usr/bin/time.
null_run() {
    if command -v hyperfine > /dev/null; then
        hyperfine -N -i --warmup 2 --runs 10 --export-json "$OUT/null.json" "$*" > /dev/null 2>&1
        python3 -c "import json; r = json.load(open('$OUT/null.json'))['results'][0]; print('%.4f %.4f' % (r['mean'], r['user'] + r['system']))"
        return
    fi
    read -r w u sy _ < <(measure "$@")
    awk -v w="$w" -v u="$u" -v s="$sy" 'BEGIN { print w, u + s }'
}
mbs() { awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) s = 0.000001; printf "%.1f", b / 1e6 / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) b = 0.000001; printf "%.2f", a / b }'; }
bytes() { stat -c %s "$1"; }

corpus() { # size-in-MB format [density: wire (default) or dense] -> path
    local density=${3:-wire} f
    if [ "$density" = wire ]; then f="$OUT/corpus-wire-$1M.$2"; else f="$OUT/corpus-$1M.$2"; fi
    [ -s "$f" ] || "$GEN" --size "$1M" --density "$density" --format "$([ "$2" = txt ] && echo text || echo jsonl)" --out "$f"
    echo "$f"
}
claims_per_kb() { # path -> claims per 1,000 bytes
    local n
    n=$("$BIN" extract --format jsonl "$1" | grep -c '"type":"claim"' || true)
    awk -v n="$n" -v b="$(bytes "$1")" 'BEGIN { printf "%.1f", n * 1000 / b }'
}

say "# figcheck benchmark"
say ""
say "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
say "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1e6 }' /proc/meminfo) RAM; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
say "- build: $(rustc -V), $BUILD"
say "- corpus: examples/corpus.rs, seed 1, news-like copy at the figure density of wire copy (\`--density wire\`, about 8.5 claims per KB: six published stories of the most figure-heavy kinds held 7.3 to 10.7, 8.8 pooled; docs/performance.md). The text corpus of each size is one document; the JSON Lines corpus is the same kind of copy as articles of a few KB. A dense corpus (\`--density dense\`, a figure in nearly every clause, about 20 claims per KB) is the stress case further down."
say ""

say "## Stages, in-process (one thread, text corpus, reading not timed, best of 2 runs)"
say ""
say "| corpus | claims | extraction MB/s | reconciler claims/s | report + JSON s |"
say "|---|---|---|---|---|"
for s in $SIZES; do
    f=$(corpus "$s" txt)
    line=$("$STAGES" "$f" --repeat 2)
    get() { echo "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
    say "| ${s} MB | $(get claims) | $(get extract_mbs) | $(get reconcile_claims_per_s) | $(get report_json_s) |"
done
say ""

say "## Whole pipeline, JSON output, one thread"
say ""
say "\`figcheck -j 1 --format json FILE\` for one document, \`figcheck -j 1 -f jsonl FILE.jsonl\` for articles; output discarded."
say ""
say "| corpus | input | claims per KB | wall s | CPU s | MB/s (wall) | MB/s (CPU) | peak RSS MB | grep -c '[0-9]' MB/s | grep is N times faster |"
say "|---|---|---|---|---|---|---|---|---|---|"
declare -A WALL
for s in $SIZES; do
    for fmt in txt jsonl; do
        f=$(corpus "$s" "$fmt")
        if [ "$fmt" = txt ]; then args=(-j 1 --format json "$f"); input="one document"; else args=(-j 1 -f jsonl "$f"); input="JSON Lines articles"; fi
        read -r w u sy rss < <(measure "$BIN" "${args[@]}")
        c=$(awk -v u="$u" -v s="$sy" 'BEGIN { print u + s }')
        # A run of 10 MB or less is too short for one reading in hundredths.
        [ "$s" -le 10 ] && read -r w c < <(null_run "$BIN" "${args[@]}")
        gw=$(fast_wall grep -c '[0-9]' "$f")
        [ "$fmt" = txt ] && WALL[$s]=$c
        say "| ${s} MB | $input | $(claims_per_kb "$f") | $w | $c | $(mbs "$(bytes "$f")" "$w") | $(mbs "$(bytes "$f")" "$c") | $((rss / 1024)) | $(mbs "$(bytes "$f")" "$gw") | $(ratio "$w" "$gw") |"
    done
done
first=$(echo "$SIZES" | awk '{ print $1 }')
last=$(echo "$SIZES" | awk '{ print $NF }')
say ""
say "Wall and CPU time up to 10 MB are hyperfine's means of 10 runs where it is installed; above, one run of /usr/bin/time, which also gives the peak RSS."
say ""
say "Growth: one ${last} MB document takes $(ratio "${WALL[$last]}" "${WALL[$first]}") times the CPU time of one of ${first} MB (linear: $(ratio "$last" "$first"))."
say ""

say "## The dense corpus (stress case), one thread"
say ""
say "A figure in nearly every clause: the corpus every earlier bench measured, kept so that its figures still compare."
say ""
say "| input | claims per KB | wall s | CPU s | MB/s (wall) |"
say "|---|---|---|---|---|"
for fmt in txt jsonl; do
    f=$(corpus 10 "$fmt" dense)
    if [ "$fmt" = txt ]; then args=(-j 1 --format json "$f"); else args=(-j 1 -f jsonl "$f"); fi
    read -r w c < <(null_run "$BIN" "${args[@]}")
    say "| 10 MB, $([ "$fmt" = txt ] && echo "one document, --format json" || echo "JSON Lines articles, -f jsonl") | $(claims_per_kb "$f") | $w | $c | $(mbs "$(bytes "$f")" "$w") |"
done
say ""
say "Wall and CPU time: hyperfine's mean of 10 runs, output discarded."
say ""

say "## One document with many figures"
say ""
small=$OUT/figures-1k.txt
big=$OUT/figures-100k.txt
# The dense corpus, about 20 claims per KB: 60 KB hold about 1,200
# figures, 6 MB about 120,000.
[ -s "$small" ] || "$GEN" --size 60K --density dense --out "$small"
[ -s "$big" ] || "$GEN" --size 6M --density dense --out "$big"
fs=$("$BIN" extract --format jsonl "$small" | grep -c '"type":"claim"')
fb=$("$BIN" extract --format jsonl "$big" | grep -c '"type":"claim"')
ts=$(cpu "$BIN" -j 1 --format json "$small")
tb=$(cpu "$BIN" -j 1 --format json "$big")
say "| figures | CPU s per run |"
say "|---|---|"
say "| $fs | $ts |"
say "| $fb | $tb |"
say ""
say "$fb figures take $(ratio "$tb" "$ts") times the time of $fs ($(ratio "$fb" "$fs") times the figures; start-up is included in both)."
say ""

say "## Batches: JSON Lines in parallel (\`figcheck -f jsonl FILE.jsonl\`)"
say ""
say "| corpus | threads | wall s | MB/s | speed-up | peak RSS MB |"
say "|---|---|---|---|---|---|"
for s in $SIZES; do
    f=$(corpus "$s" jsonl)
    read -r w1 _ _ r1 < <(measure "$BIN" -j 1 -f jsonl "$f")
    read -r wn _ _ rn < <(measure "$BIN" -j 0 -f jsonl "$f")
    say "| ${s} MB | 1 | $w1 | $(mbs "$(bytes "$f")" "$w1") | 1 | $((r1 / 1024)) |"
    say "| ${s} MB | $(nproc) | $wn | $(mbs "$(bytes "$f")" "$wn") | $(ratio "$w1" "$wn") | $((rn / 1024)) |"
done
if [ -n "${BENCH_BIG:-}" ]; then
    f=$(corpus 1000 jsonl)
    read -r w _ _ r < <(measure "$BIN" -j 0 -f jsonl "$f")
    say "| 1000 MB | $(nproc) | $w | $(mbs "$(bytes "$f")" "$w") | | $((r / 1024)) |"
fi
say ""

say "## One 3 KB article, start-up included"
say ""
art=$OUT/article-3k.txt
# From the dense corpus, as in every earlier bench, so that start-up times
# and instruction counts compare across them.
head -c 3000 "$(corpus 1 txt dense)" > "$art"
if command -v hyperfine > /dev/null; then
    hyperfine -N -i --output=pipe --warmup 20 --runs 200 --export-json "$OUT/startup.json" \
        "$BIN --format json $art" "grep -c [0-9] $art" > /dev/null 2>&1
    mean() { python3 -c "import json,sys; r=json.load(open('$OUT/startup.json'))['results'][$1]; print('%.2f' % (r['mean']*1000))"; }
    tf=$(mean 0); tg=$(mean 1)
    tool="hyperfine, 200 runs after 20 warm-up"
else
    loop() { local t0 t1; t0=$(date +%s%N); for _ in $(seq 200); do "$@" > "$OUT/fast.out"; done; t1=$(date +%s%N); awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 200 / 1e6 }'; }
    tf=$(loop "$BIN" --format json "$art"); tg=$(loop grep -c '[0-9]' "$art")
    tool="a shell loop of 200 runs (hyperfine not installed)"
fi
say "| command | ms per run |"
say "|---|---|"
say "| figcheck --format json | $tf |"
say "| grep -c '[0-9]' | $tg |"
say ""
say "figcheck takes $(ratio "$tf" "$tg") times grep's wall time ($tool)."
say ""

say "## Instructions executed (callgrind: the same count whatever else the machine runs)"
say ""
if command -v valgrind > /dev/null; then
    sample300=$OUT/corpus-300k.txt
    head -c 300000 "$(corpus 1 txt dense)" > "$sample300"
    count() { # instructions of one run
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null |
            sed -n 's/.*refs: *//p' | tr -d ,
    }
    say "| run | instructions |"
    say "|---|---|"
    say "| figcheck --format json, 3 KB article (start-up included) | $(count "$BIN" --format json "$art") |"
    say "| figcheck -j 1 --format json, 300 KB of corpus | $(count "$BIN" -j 1 --format json "$sample300") |"
    say "| figcheck -j 1 --format json, 1 MB at wire-copy density | $(count "$BIN" -j 1 --format json "$(corpus 1 txt)") |"
    say "| grep -c '[0-9]', 3 KB article | $(count grep -c '[0-9]' "$art") |"
say ""
say "The article and the 300 KB are cut from the dense corpus, as in earlier benches; the 1 MB is the wire-density corpus of the tables above."
else
    say "Skipped: valgrind is not installed."
fi
say ""

if [ "$BIN" != "$PLAIN" ]; then
    say "## The plain release build against the profile-guided one"
    say ""
    mid=$(echo "$SIZES" | tr ' ' '\n' | awk '$1 <= 10' | tail -n 1)
    mid=${mid:-$first}
    f=$(corpus "$mid" txt)
    say "| run | plain | profile-guided |"
    say "|---|---|---|"
    say "| CPU s, \`-j 1 --format json\`, ${mid} MB | $(cpu "$PLAIN" -j 1 --format json "$f") | $(cpu "$BIN" -j 1 --format json "$f") |"
    if command -v valgrind > /dev/null; then
        # testdata/articles is held out of the training runs (benches/pgo.sh).
        say "| instructions, 300 KB of corpus | $(count "$PLAIN" -j 1 --format json "$sample300") | $(count "$BIN" -j 1 --format json "$sample300") |"
        say "| instructions, testdata/articles (not trained on) | $(count "$PLAIN" -j 1 --format json testdata/articles/*.txt) | $(count "$BIN" -j 1 --format json testdata/articles/*.txt) |"
        say "| instructions, 3 KB article | $(count "$PLAIN" --format json "$art") | $(count "$BIN" --format json "$art") |"
    fi
    say ""
fi

say "## Peer: quantulum3"
say ""
if [ -n "${BENCH_NO_PEER:-}" ]; then
    say "Skipped (BENCH_NO_PEER is set)."
else
    VENV=target/bench-venv
    if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import quantulum3' 2> /dev/null; then
        { python3 -m venv "$VENV" && "$VENV/bin/pip" install --quiet quantulum3; } > "$OUT/pip.log" 2>&1 || true
    fi
    if "$VENV/bin/python" -c 'import quantulum3' 2> /dev/null; then
        sample=$OUT/peer-sample.txt
        head -c "$((PEER_KB * 1000))" "$(corpus 1 txt)" > "$sample"
        peer=$("$VENV/bin/python" benches/quantulum.py "$sample")
        qmbs=$(echo "$peer" | sed -n 's/.* cpu_mbs=\([0-9.e-]*\).*/\1/p')
        qn=$(echo "$peer" | sed -n 's/.*quantities=\([0-9]*\).*/\1/p')
        fmbs=$(mbs "$(bytes "$(corpus "$last" txt)")" "${WALL[$last]}")
        say "quantulum3 read a ${PEER_KB} KB sample of the same corpus (it is too slow for the whole: the rate is extrapolated from the sample; import time excluded) and found $qn quantities at $qmbs MB/s of CPU time. Both rates below are per CPU second, so that other load on the machine does not favour either."
        say ""
        say "| tool | MB/s | ratio to quantulum3 |"
        say "|---|---|---|"
        say "| quantulum3 (parse only) | $qmbs | 1 |"
        say "| figcheck, whole pipeline, one thread, ${last} MB (CPU) | $fmbs | $(ratio "$fmbs" "$qmbs") |"
    else
        say "**quantulum3 could not be installed** into $VENV (see $OUT/pip.log); no peer figures in this run."
    fi
fi
say ""
echo "Report written to $REPORT"
