#!/usr/bin/python3
"""Hostile text stays valid output: a property test of every writer.

    hostile_text.py NEWSGRAPH WORKDIR

Builds documents of random bytes and documents whose names and sentences
carry random bytes, control characters and markup characters (fixed seeds:
the same documents every run), runs `newsgraph build -O` over them, and reads
every output with its real parser:

  graph.graphml  networkx.read_graphml (vertex and edge counts = the summary)
  graph.jsonld   json.load, then rdflib Dataset().parse(format="json-ld")
  graph.nq       rdflib Dataset().parse(format="nquads")
  triples.csv    csv: the header of the contract, 13 fields in every row
  graph.dot      dot -Tsvg

and checks that no output holds invalid UTF-8 or a NUL byte (bad bytes are
replaced, never copied).  The sentence documents must produce triples whose
labels hold hostile characters, so that those characters really reach the
writers.
"""
import csv
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys

HEADER = ["doc", "date", "subject", "subject_type", "relation", "object", "object_type",
          "modality", "sentence", "start", "end", "rule", "evidence"]

# Pieces that break careless writers: markup of each format, quotes and
# escapes, controls, Unicode line separators, bidi overrides, combining
# marks, a replacement character, look-alike letters, invalid UTF-8.
HOSTILE = [
    b"<", b">", b"&", b"&amp;", b'"', b"'", b"\\", b"\\n", b"{", b"}", b"[", b"]", b"@id",
    b"]]>", b"<!--", b"-->", b"<b>", b"</graphml>", b"\\\"", b"%", b"#", b";", b"|", b",",
    b"\x00", b"\x01", b"\x07", b"\x08", b"\x0b", b"\x0c", b"\x1b[31m", b"\x7f", b"\r", b"\t",
    "\u2028".encode(), "\u2029".encode(), "\u0085".encode(), "\u202e".encode(),
    "\u200b".encode(), "\u200d".encode(), "\ufeff".encode(), "\ufffd".encode(),
    "e\u0301".encode(), "\u00e9".encode(), "\u043e".encode(), "\U0001F600".encode(),
    b"\xff", b"\xfe", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82",
    b"\xc3", b"_:b0", b"http://x/", b"^^", b"\"@en",
]

# Sentences the extractor turns into triples; <R> is where hostile bytes go.
TEMPLATES = [
    b"Brazilian President Ana <R>Lima met Indian Prime Minister Rohan Mehta<R> in Delhi.",
    b"Brazilian President Ana Li<R>ma met Indian Prime Minister Rohan <R> Mehta in Delhi.",
    b"Kenyan Foreign Minister Joseph <R>Otieno visited Tokyo on Monday.",
    b"Italian Foreign Minister Marta Con<R>ti arrived in Nairobi on Tuesday.",
    b"German Chancellor Jonas <R>Weber held talks with French President Paul Mar<R>tin.",
    b"Spanish President Luis <R> Ortega met Japanese Prime Minister Ken Sato<R>.",
    b"<R>Mexican President Rosa Vega met Argentine President Diego Ruiz in Buenos Aires.<R>",
    b"Turkish Defence Minister Emre Ak<R>soy met his Greek counterpart Nikos Pap<R>pas.",
]


def hostile(rng, n):
    return b"".join(rng.choice(HOSTILE) for _ in range(n))


def random_bytes_doc(rng):
    kind = rng.randrange(4)
    n = rng.randrange(1, 3000)
    if kind == 0:   # uniform bytes
        return bytes(rng.randrange(256) for _ in range(n))
    if kind == 1:   # printable ASCII with controls
        return bytes(rng.choice(b" \n\r\t\x0b\x0c\x1b.,;:'\"<>&{}AZaz09") if rng.random() < .3
                     else rng.randrange(32, 127) for _ in range(n))
    if kind == 2:   # hostile pieces and words
        words = [b"President", b"met", b"Minister", b"visited", b"Delhi", b"the", b"."]
        return b" ".join(rng.choice(words) if rng.random() < .5 else hostile(rng, 2)
                         for _ in range(n // 8 + 1))
    # valid UTF-8 from all planes, some unassigned or private
    return "".join(chr(rng.choice([rng.randrange(0x20, 0x7f), rng.randrange(0xa0, 0x2fff),
                                   rng.randrange(0xe000, 0x10ffff)]))
                   for _ in range(n // 3 + 1)).encode("utf-8", "surrogatepass")


def sentence_doc(rng):
    parts = []
    for _ in range(rng.randrange(1, 5)):
        t = rng.choice(TEMPLATES)
        while b"<R>" in t:
            t = t.replace(b"<R>", hostile(rng, rng.randrange(1, 3)), 1)
        parts.append(t)
    return b"date 2024-03-05\n" + b"\n\n".join(parts) + b"\n"


# File names are document ids: they reach every output too.
HOSTILE_NAMES = [b"quote\"and'apostrophe", b"angle<b>&amp", b"back\\slash{brace}",
                 b"new\nline", b"tab\tand\rcr", b"space and %20", b"bad\xffutf8",
                 "\u202eevil".encode(), b"#hash?query", b"_:blank"]


def write_corpus(root, rng):
    docs = os.path.join(root, "docs")
    os.makedirs(docs)
    for i in range(60):
        with open(os.path.join(docs, f"bytes-{i:02d}.txt"), "wb") as f:
            f.write(random_bytes_doc(rng))
    for i in range(80):
        with open(os.path.join(docs, f"sentences-{i:02d}.txt"), "wb") as f:
            f.write(sentence_doc(rng))
    for i, name in enumerate(HOSTILE_NAMES):
        with open(os.path.join(docs.encode(), name + b".txt"), "wb") as f:
            f.write(sentence_doc(rng))
    # A CSV corpus: hostile ids, titles, dates and texts in quoted fields.
    out = io.BytesIO()
    out.write(b"id,date,title,text\n")
    for i in range(40):
        fields = [hostile(rng, 3) if i % 3 else b"",
                  rng.choice([b"2023-04-17", b"17 April 2023", hostile(rng, 1), b""]),
                  hostile(rng, 4), sentence_doc(rng)]
        out.write(b",".join(b'"' + f.replace(b'"', b'""') + b'"' for f in fields) + b"\n")
    with open(os.path.join(root, "hostile.csv"), "wb") as f:
        f.write(out.getvalue())
    return [docs, os.path.join(root, "hostile.csv")]


SUMMARY = re.compile(r"newsgraph: (\d+) documents?.*?, (\d+) warnings?, (\d+) triples?.*?"
                     r"(\d+) entit(?:y|ies), (\d+) edges?")


class Checks:
    def __init__(self):
        self.failed = 0

    def check(self, cond, what):
        if not cond:
            self.failed += 1
            print("FAIL:", what)
        return cond


def check_outputs(out, summary, c):
    entities, edges = int(summary.group(4)), int(summary.group(5))
    names = ["graph.graphml", "graph.dot", "graph.jsonld", "graph.nq", "triples.csv"]
    for n in names:
        p = os.path.join(out, n)
        if not c.check(os.path.isfile(p), f"{n} written"):
            continue
        data = open(p, "rb").read()
        try:
            data.decode("utf-8")
            c.check(b"\x00" not in data, f"{n}: no NUL byte")
        except UnicodeDecodeError as e:
            c.check(False, f"{n}: invalid UTF-8 at byte {e.start}: {data[e.start - 20:e.start + 20]!r}")

    import networkx
    try:
        g = networkx.read_graphml(os.path.join(out, "graph.graphml"))
        c.check(g.number_of_nodes() == entities,
                f"GraphML: {g.number_of_nodes()} nodes, the summary says {entities} entities")
        c.check(g.number_of_edges() == edges,
                f"GraphML: {g.number_of_edges()} edges, the summary says {edges}")
    except Exception as e:  # any parser error is a failure
        c.check(False, f"GraphML does not parse: {e!r}")

    import rdflib
    try:
        with open(os.path.join(out, "graph.jsonld"), encoding="utf-8") as f:
            json.load(f)
        rdflib.Dataset().parse(os.path.join(out, "graph.jsonld"), format="json-ld")
    except Exception as e:
        c.check(False, f"JSON-LD does not parse: {e!r}")
    try:
        rdflib.Dataset().parse(os.path.join(out, "graph.nq"), format="nquads")
    except Exception as e:
        c.check(False, f"N-Quads do not parse: {e!r}")

    hostile_labels = 0
    with open(os.path.join(out, "triples.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    c.check(rows and rows[0] == HEADER, f"triples.csv header: {rows[:1]}")
    for i, r in enumerate(rows[1:], 2):
        c.check(len(r) == len(HEADER), f"triples.csv record {i}: {len(r)} fields")
        if len(r) == len(HEADER):
            hostile_labels += re.search(r"[^A-Za-z .'-]", r[2] + r[5]) is not None
    triples = len(rows) - 1
    c.check(triples == int(summary.group(3)),
            f"triples.csv has {triples} rows, the summary says {summary.group(3)}")
    c.check(triples >= 50, f"only {triples} triples: the sentences no longer reach the writers")
    c.check(hostile_labels > 0, "no label holds a hostile character")
    print(f"{triples} triples, {hostile_labels} with hostile characters in a label; "
          f"{entities} entities, {edges} edges")

    if shutil.which("dot"):
        r = subprocess.run(["dot", "-Tsvg", "-o", os.devnull, os.path.join(out, "graph.dot")],
                           capture_output=True, timeout=300)
        c.check(r.returncode == 0 and b"Error" not in r.stderr,
                f"dot -Tsvg: exit {r.returncode}: {r.stderr[:500]!r}")
    else:
        print("dot not found: DOT not checked")


def main(newsgraph, work):
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    rng = random.Random(20240305)
    inputs = write_corpus(work, rng)
    out = os.path.join(work, "out")
    r = subprocess.run([newsgraph, "build", *inputs, "-O", out], capture_output=True, timeout=600)
    err = r.stderr.decode("utf-8", "replace")
    c = Checks()
    c.check(r.returncode == 0, f"newsgraph build: exit {r.returncode}\n{err[-3000:]}")
    lines = err.splitlines()
    c.check(all(line.startswith("newsgraph: ") for line in lines), "every message is one line")
    m = SUMMARY.search(lines[-1]) if lines else None
    if c.check(m is not None, f"summary line: {lines[-1:]}"):
        print(lines[-1])
        check_outputs(out, m, c)
    print("ok" if not c.failed else f"{c.failed} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
