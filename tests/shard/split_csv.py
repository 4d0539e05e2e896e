#!/usr/bin/python3
"""Splits a CSV corpus into N shards of consecutive records, each with the
header: split_csv.py CORPUS.csv N PREFIX -> PREFIX-01.csv ... PREFIX-NN.csv.
Quoted fields may span lines, so the split is by record, not by line."""
import csv
import sys


def main(path, n, prefix):
    csv.field_size_limit(1 << 30)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, records = rows[0], rows[1:]
    size = -(-len(records) // n)
    for i in range(n):
        with open("%s-%02d.csv" % (prefix, i + 1), "w", newline="", encoding="utf-8") as out:
            w = csv.writer(out, lineterminator="\n")
            w.writerow(header)
            w.writerows(records[i * size:(i + 1) * size])


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
