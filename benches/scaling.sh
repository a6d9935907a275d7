#!/usr/bin/env bash
# make scaling: the distributed path. A JSON Lines batch is checked once by
# one figcheck process, then split over shards by GNU parallel and over
# partitions by Spark's rdd.pipe (PySpark in local mode, installed into a
# venv under target/, with Java from the system), and each fanned-out
# output is shown to hold exactly the same records (benches/same_records.py).
# SCALING_MB sets the batch size (default 10); SCALING_NO_SPARK=1 skips Spark.
# The batch is the dense corpus, a figure in nearly every clause: the most
# output per byte for the fanned-out runs to match.
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=target/scaling
mkdir -p "$OUT"
MB=${SCALING_MB:-10}
cargo build --release --quiet --bin figcheck --example corpus
BIN=$PWD/target/release/figcheck
batch=$OUT/batch-${MB}M.jsonl
[ -s "$batch" ] || target/release/examples/corpus --size "${MB}M" --density dense --format jsonl --out "$batch"
# Wall seconds of a command; figcheck's exit status 1 (an inconsistency in
# the corpus) is not a failure here.
run() { /usr/bin/time -f "%e" -o "$OUT/t" "$@" || true; tail -n 1 "$OUT/t"; }

echo "single process:"
t=$(run sh -c "$BIN -f jsonl --input-format jsonl - < $batch > $OUT/single.jsonl")
echo "  $t s"

if command -v parallel > /dev/null; then
    echo "GNU parallel, $(nproc) jobs, 1 MB blocks, output kept in order (-k):"
    t=$(run sh -c "parallel --pipe-part -a $batch --block 1M -k -j $(nproc) '$BIN -f jsonl --input-format jsonl -j 1 -' > $OUT/parallel.jsonl")
    echo "  $t s"
    python3 benches/same_records.py "$OUT/single.jsonl" "$OUT/parallel.jsonl"
else
    echo "GNU parallel is not installed (apt-get install parallel): skipped"
fi

if [ -z "${SCALING_NO_SPARK:-}" ]; then
    VENV=target/spark-venv
    if ! command -v java > /dev/null; then
        echo "Spark needs Java (apt-get install default-jre-headless): skipped"
    else
        if ! "$VENV/bin/python" -c 'import pyspark' 2> /dev/null; then
            python3 -m venv "$VENV"
            "$VENV/bin/pip" install --quiet pyspark
        fi
        FIGCHECK=$BIN "$VENV/bin/python" benches/spark_pipe.py "$batch" "$OUT/spark.jsonl" 8
        python3 benches/same_records.py "$OUT/single.jsonl" "$OUT/spark.jsonl"
    fi
fi
