#!/usr/bin/env python3
"""Every triple's start/end slice its evidence back out of the article.

usage: check_offsets.py TRIPLES.csv SAMPLES_DIR
"""
import csv
import os
import sys


def main(triples, samples):
    bad = 0
    rows = list(csv.DictReader(open(triples, newline="", encoding="utf-8")))
    if not rows:
        print("no triples to check")
        return 1
    for r in rows:
        text = open(os.path.join(samples, r["doc"] + ".txt"), "rb").read()
        piece = text[int(r["start"]):int(r["end"])].decode("utf-8")
        if piece != r["evidence"]:
            bad += 1
            print(f"{r['doc']} sentence {r['sentence']}: offsets give {piece!r}, evidence is {r['evidence']!r}")
    print(f"{len(rows) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
