"""Whether two `figcheck --format jsonl` outputs hold the same records.

    python3 benches/same_records.py single.jsonl sharded.jsonl

Claim ids ("c12") and check ids ("k3") count across one process's run, so
a run split over shards numbers them differently. Both sides are brought
to ids that count within each document, then compared line by line, in
order; the summary lines of the shards are added up and compared with the
single run's. Exits 0 when they agree, 1 with the first difference.
"""

import json
import sys
from collections import defaultdict

COUNTS = ("documents", "claims", "checks", "ok", "inconsistent", "unchecked",
          "checks_ok", "checks_inconsistent", "suppressed")


def segments(lines):
    """The output of each process: its lines up to its summary line."""
    seg = []
    for r in lines:
        seg.append(r)
        if r["type"] == "summary":
            yield seg
            seg = []
    if seg:
        yield seg


def normalised(path):
    with open(path, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f if line.strip()]
    records, total = [], defaultdict(int)
    per_doc = defaultdict(lambda: [0, 0])
    for seg in segments(lines):
        # Ids are unique within one process's run: map them to ids that
        # count within each document, then rewrite the references.
        ids = {}
        for r in seg:
            if r["type"] in ("claim", "check"):
                n = per_doc[r["document"]]
                slot = 0 if r["type"] == "claim" else 1
                n[slot] += 1
                ids[r["id"]] = f"{'ck'[slot]}{n[slot]}"
        for r in seg:
            if r["type"] == "summary":
                for k in COUNTS:
                    total[k] += r.get(k, 0)
                continue
            r = dict(r)
            if r["type"] == "claim":
                r["id"] = ids[r["id"]]
                r["checks"] = [ids.get(k, k) for k in r["checks"]]
            elif r["type"] == "check":
                r["id"] = ids[r["id"]]
                r["claims"] = [ids.get(c, c) for c in r["claims"]]
            records.append(r)
    return records, dict(total)


def main(a, b):
    ra, ta = normalised(a)
    rb, tb = normalised(b)
    for i, (x, y) in enumerate(zip(ra, rb)):
        if x != y:
            print(f"record {i + 1} differs:\n  {json.dumps(x)}\n  {json.dumps(y)}")
            return 1
    if len(ra) != len(rb):
        print(f"{a} has {len(ra)} records, {b} has {len(rb)}")
        return 1
    if ta != tb:
        print(f"summaries differ: {ta} vs {tb}")
        return 1
    print(f"same {len(ra)} records ({ta.get('documents', 0)} documents, {ta.get('claims', 0)} claims, {ta.get('checks', 0)} checks)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
