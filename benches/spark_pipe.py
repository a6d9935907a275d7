"""figcheck fanned out by Apache Spark: `rdd.pipe` in local mode.

    python benches/spark_pipe.py BATCH.jsonl OUT.jsonl [PARTITIONS]

Each partition of the JSON Lines batch is piped through one
`figcheck --format jsonl --input-format jsonl -` process; the partitions'
outputs are collected in order into OUT.jsonl. Compare it with a single run
using benches/same_records.py.
"""

import os
import sys
import time

from pyspark import SparkConf, SparkContext


def main(batch, out, partitions):
    figcheck = os.path.abspath(os.environ.get("FIGCHECK", "target/release/figcheck"))
    conf = (
        SparkConf()
        .setMaster(f"local[{os.cpu_count() or 1}]")
        .setAppName("figcheck")
        .set("spark.ui.showConsoleProgress", "false")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    start = time.perf_counter()
    lines = sc.textFile(os.path.abspath(batch), minPartitions=partitions)
    # One thread per figcheck process: Spark already runs one per core.
    records = lines.pipe(f"{figcheck} --format jsonl --input-format jsonl -j 1 -")
    with open(out, "w", encoding="utf-8") as f:
        for line in records.toLocalIterator():
            f.write(line + "\n")
    seconds = time.perf_counter() - start
    size = os.path.getsize(batch)
    print(f"spark local[{os.cpu_count()}]: {lines.getNumPartitions()} partitions, "
          f"{size / 1e6:.1f} MB in {seconds:.2f} s ({size / 1e6 / seconds:.2f} MB/s)")
    sc.stop()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 4)
