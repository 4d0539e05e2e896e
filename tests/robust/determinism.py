#!/usr/bin/python3
"""Same input, same bytes; inputs in another order, the same graph.

    determinism.py NEWSGRAPH SAMPLES_DIR WORKDIR [CASE...]

Inputs: the project's samples and a few articles written here whose people
appear in several documents (so that merging and role learning across
documents matter), as text files and as a CSV corpus.  Cases:

  same_input_twice_is_byte_identical   build twice: every output identical
  file_order_gives_the_same_graph      a b c vs c a b vs b c a: graph files
                                       identical, triples CSV the same rows
  directory_equals_its_files_listed    dir vs its files in byte order: every
                                       output identical; in reverse: the graph
  csv_record_order_gives_the_same_graph  a corpus and its records reversed
  shards_merged_in_any_order_equal_build  extract per file, merge in two orders
"""
import csv
import filecmp
import os
import shutil
import subprocess
import sys

GRAPH_FILES = ["graph.graphml", "graph.dot", "graph.jsonld", "graph.nq", "graph.gexf"]
ALL_FILES = GRAPH_FILES + ["triples.csv"]

# Articles of our own: the same people in several documents, dates apart, a
# role phrase that only the other documents resolve.
ARTICLES = {
    "alpha": "date 2023-04-17\nChinese Defence Minister Wei Longfei met Russian Defence "
             "Minister Pavel Orlov in Moscow on Monday. Orlov later visited Minsk.\n",
    "beta": "date 2023-05-02\nThe Chinese defence minister arrived in Hanoi, where he met "
            "Vietnamese President Tran Van Minh. The two leaders held talks on trade.\n",
    "gamma": "date 2023-06-11\nPavel Orlov met Wei Longfei again in Beijing. Japan held joint "
             "military exercises with Chile in the Pacific.\n",
    "delta": "date 2023-06-12\nThe European Union imposed sanctions on Belarus. Belarusian "
             "President Igor Sokol visited Moscow and met Orlov.\n",
}


class Run:
    def __init__(self, newsgraph, work):
        self.newsgraph = newsgraph
        self.work = work
        self.failed = 0

    def ng(self, *args):
        r = subprocess.run([self.newsgraph, "-q", *args], capture_output=True, timeout=300)
        if r.returncode != 0:
            raise AssertionError(f"newsgraph {' '.join(args)}: exit {r.returncode}: "
                                 f"{r.stderr.decode(errors='replace')}")

    def build(self, name, *inputs):
        out = os.path.join(self.work, name)
        self.ng("build", *inputs, "-O", out)
        return out

    def same_files(self, a, b, files, what):
        for f in files:
            if not filecmp.cmp(os.path.join(a, f), os.path.join(b, f), shallow=False):
                self.failed += 1
                print(f"FAIL {what}: {f} differs ({a} vs {b})")

    def same_rows(self, a, b, what):
        def rows(d):
            with open(os.path.join(d, "triples.csv"), newline="", encoding="utf-8") as f:
                return sorted(map(tuple, csv.reader(f)))
        if rows(a) != rows(b):
            self.failed += 1
            print(f"FAIL {what}: triples.csv rows differ ({a} vs {b})")


def setup(work, samples):
    shutil.rmtree(work, ignore_errors=True)
    art = os.path.join(work, "articles")
    os.makedirs(art)
    for name in sorted(os.listdir(samples)):
        if name.endswith(".txt"):
            shutil.copy(os.path.join(samples, name), art)
    for name, text in ARTICLES.items():
        with open(os.path.join(art, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    files = sorted(os.path.join(art, n) for n in os.listdir(art))
    for name, order in (("corpus.csv", files), ("reversed.csv", files[::-1])):
        with open(os.path.join(work, name), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["id", "text"])
            for p in order:
                w.writerow([os.path.basename(p)[:-4], open(p, encoding="utf-8").read()])
    return art, files


def same_input_twice_is_byte_identical(r, art, files):
    a = r.build("twice-1", art, os.path.join(r.work, "corpus.csv"))
    b = r.build("twice-2", art, os.path.join(r.work, "corpus.csv"))
    r.same_files(a, b, ALL_FILES, "same input twice")


def file_order_gives_the_same_graph(r, art, files):
    n = len(files)
    orders = [files, files[n // 2:] + files[:n // 2], files[::-1]]
    outs = [r.build(f"order-{i}", *o) for i, o in enumerate(orders)]
    for o in outs[1:]:
        r.same_files(outs[0], o, GRAPH_FILES, "files in another order")
        r.same_rows(outs[0], o, "files in another order")


def directory_equals_its_files_listed(r, art, files):
    d = r.build("dir", art)
    listed = r.build("listed", *files)
    r.same_files(d, listed, ALL_FILES, "a directory vs its files listed")
    rev = r.build("listed-reversed", *files[::-1])
    r.same_files(d, rev, GRAPH_FILES, "a directory vs its files listed in reverse")


def csv_record_order_gives_the_same_graph(r, art, files):
    a = r.build("csv", os.path.join(r.work, "corpus.csv"))
    b = r.build("csv-reversed", os.path.join(r.work, "reversed.csv"))
    r.same_files(a, b, GRAPH_FILES, "CSV records in another order")
    r.same_rows(a, b, "CSV records in another order")


def shards_merged_in_any_order_equal_build(r, art, files):
    """Shards are extracted one file each, so role bindings learned across
    documents are not available to them: compare with a build of the same
    files one at a time merged, in two orders."""
    shards = []
    for i, p in enumerate(files):
        s = os.path.join(r.work, f"shard-{i:02d}.csv")
        r.ng("extract", p, "-o", s)
        shards.append(s)
    a = os.path.join(r.work, "merged")
    b = os.path.join(r.work, "merged-reversed")
    r.ng("merge", *shards, "-O", a)
    r.ng("merge", *shards[::-1], "-O", b)
    r.same_files(a, b, GRAPH_FILES, "shards merged in another order")
    # one extract over everything, merged, equals build over everything
    whole = os.path.join(r.work, "whole.csv")
    r.ng("extract", *files, "-o", whole)
    m = os.path.join(r.work, "merged-whole")
    r.ng("merge", whole, "-O", m)
    built = r.build("built-whole", *files)
    r.same_files(m, built, ALL_FILES, "merge of extract vs build")


CASES = [same_input_twice_is_byte_identical, file_order_gives_the_same_graph,
         directory_equals_its_files_listed, csv_record_order_gives_the_same_graph,
         shards_merged_in_any_order_equal_build]


def main(newsgraph, samples, work, names):
    art, files = setup(work, samples)
    r = Run(newsgraph, work)
    for case in CASES:
        if names and case.__name__ not in names:
            continue
        before = r.failed
        try:
            case(r, art, files)
        except AssertionError as e:
            r.failed += 1
            print(f"FAIL {case.__name__}: {e}")
        print(("ok   " if r.failed == before else "FAIL ") + case.__name__)
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]))
