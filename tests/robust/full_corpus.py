#!/usr/bin/python3
"""The whole shared news corpus goes through `newsgraph build` cleanly.

    full_corpus.py NEWSGRAPH CORPUS.csv WORKDIR

Skipped (exit 77) when CORPUS.csv is absent (a clone without ../shared).
Checks: exit status 0; a summary line whose documents, records without text
and records skipped with a warning add up to the records of the corpus (as
Python's csv module counts them); one warning line on stderr per warning the
summary counts; the triples CSV has the contract's header, 13 fields per row
and as many rows as the summary's triples; the GraphML parses (xmllint
--noout, when installed), the JSON-LD parses (json.load), and the DOT lays
out (dot -Tsvg) when the graph is small enough for that to be quick.
"""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time

HEADER = ["doc", "date", "subject", "subject_type", "relation", "object", "object_type",
          "modality", "sentence", "start", "end", "rule", "evidence"]
DOT_MAX_EDGES = 3000  # beyond this, laying the graph out takes minutes: skipped

SUMMARY = re.compile(r"^newsgraph: (\d+) documents?(?: \(([^)]*)\))?, \d+ sentences?, "
                     r"(\d+) warnings?, "
                     r"(\d+) triples?.*?(\d+) entit(?:y|ies), (\d+) edges?, [0-9.]+ s$")


def fail(msg):
    print("FAIL:", msg)
    return 1


def count_records(path):
    csv.field_size_limit(1 << 30)
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        return sum(1 for _ in csv.reader(f)) - 1


def main(newsgraph, corpus, work):
    if not os.path.isfile(corpus):
        print(f"{corpus} not found: skipped")
        return 77
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    out = os.path.join(work, "out")
    t0 = time.monotonic()
    r = subprocess.run([newsgraph, "build", corpus, "-O", out], capture_output=True)
    took = time.monotonic() - t0
    err = r.stderr.decode("utf-8", "replace")
    lines = err.splitlines()
    print(f"newsgraph build: exit {r.returncode} in {took:.1f} s")
    print("\n".join(lines[-5:]))
    if r.returncode != 0:
        return fail(f"exit status {r.returncode}\n{err[-4000:]}")
    m = SUMMARY.match(lines[-1]) if lines else None
    if not m:
        return fail(f"no summary line: {lines[-1:]}")
    docs, extra, warnings = int(m.group(1)), m.group(2) or "", int(m.group(3))
    triples, entities, edges = int(m.group(4)), int(m.group(5)), int(m.group(6))
    failed = 0

    warning_lines = lines[:-1]
    if len(warning_lines) != warnings:
        failed += fail(f"{len(warning_lines)} message lines, the summary counts {warnings} warnings")
    if not all(line.startswith("newsgraph: ") for line in warning_lines):
        failed += fail("a message line does not start with 'newsgraph: '")
    no_text = re.search(r"(\d+) records? without text skipped", extra)
    no_text = int(no_text.group(1)) if no_text else 0
    skipped = sum(1 for line in warning_lines if line.endswith("skipped") and "record" in line)
    records = count_records(corpus)
    if docs + no_text + skipped != records:
        failed += fail(f"{docs} documents + {no_text} without text + {skipped} skipped with a "
                       f"warning != {records} records")
    if docs == 0 or triples == 0:
        failed += fail(f"{docs} documents and {triples} triples: nothing was extracted")

    with open(os.path.join(out, "triples.csv"), newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        header = next(rows, None)
        n = bad = 0
        for row in rows:
            n += 1
            bad += len(row) != len(HEADER)
    if header != HEADER:
        failed += fail(f"triples.csv header {header}")
    if bad or n != triples:
        failed += fail(f"triples.csv: {n} rows ({bad} with a wrong field count), "
                       f"the summary says {triples} triples")

    graphml = os.path.join(out, "graph.graphml")
    if shutil.which("xmllint"):
        x = subprocess.run(["xmllint", "--noout", "--huge", graphml], capture_output=True)
        if x.returncode != 0:
            failed += fail(f"xmllint: {x.stderr[:2000]!r}")
    else:
        print("xmllint not found: GraphML not checked")
    try:
        with open(os.path.join(out, "graph.jsonld"), encoding="utf-8") as f:
            json.load(f)
    except ValueError as e:
        failed += fail(f"graph.jsonld: {e}")
    if not shutil.which("dot"):
        print("dot not found: DOT not checked")
    elif edges > DOT_MAX_EDGES:
        print(f"{edges} edges: too many to lay out quickly, DOT not checked")
    else:
        d = subprocess.run(["dot", "-Tsvg", "-o", os.devnull, os.path.join(out, "graph.dot")],
                           capture_output=True, timeout=600)
        if d.returncode != 0 or b"Error" in d.stderr:
            failed += fail(f"dot -Tsvg: exit {d.returncode}: {d.stderr[:2000]!r}")
    print(f"{records} records: {docs} documents, {no_text} without text, {skipped} skipped; "
          f"{warnings} warnings; {triples} triples, {entities} entities, {edges} edges")
    if not failed:
        shutil.rmtree(work, ignore_errors=True)  # 30 MB of output: keep it only to debug
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
