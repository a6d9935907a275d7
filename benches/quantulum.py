"""Times quantulum3 on a sample for `make bench`: parse only, import excluded.

Prints `bytes=N seconds=S cpu_seconds=C quantities=Q mbs=R cpu_mbs=R`:
wall-clock and CPU rates, since the machine may be shared.
"""

import sys
import time

from quantulum3 import parser


def main(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    start = time.perf_counter()
    cpu_start = time.process_time()
    found = 0
    for p in paragraphs:
        found += len(parser.parse(p))
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    size = len(text.encode("utf-8"))
    print(
        f"bytes={size} seconds={seconds:.3f} cpu_seconds={cpu:.3f} quantities={found} "
        f"mbs={size / 1e6 / seconds:.4f} cpu_mbs={size / 1e6 / cpu:.4f}"
    )


if __name__ == "__main__":
    main(sys.argv[1])
