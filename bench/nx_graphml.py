#!/usr/bin/python3
"""networkx's side of the GraphML writer benchmark:

    nx_graphml.py VERTICES EDGES OUT.graphml

builds the graph graphml_writer.c builds -- the same vertices and edges,
with the same attributes (label, type, aliases, mentions, documents, degree
and pagerank per vertex; relation, label, weight, mentions, first_seen,
last_seen, sources, evidence and symmetric per edge) -- and times
networkx.write_graphml alone:

    vertices=V edges=E build=S write=S bytes=N writer=lxml|xml
"""
import os
import sys
import time

import networkx as nx

RELATIONS = ["met-with", "visited", "sanctioned-by", "held-exercise-with"]
SYMMETRIC = {"met-with", "held-exercise-with"}


def shuffle(v, n):
    p = 7919
    while n % p == 0 or p % n == 0:
        p += 2
    return v * p % n


def main(nv, ne, out):
    t0 = time.monotonic()
    g = nx.DiGraph()
    degree = [0] * nv
    edges = []
    for i in range(ne):
        a = i % nv
        b = (a + 1 + i // nv) % nv
        s, o = shuffle(a, nv), shuffle(b, nv)
        degree[s] += 1
        degree[o] += 1
        edges.append((i, s, o))
    for v in range(nv):
        g.add_node("person-%d" % v, label="Person %d" % v, type="Person", aliases="",
                   mentions=degree[v], documents=degree[v], degree=degree[v],
                   pagerank=1.0 / nv)
    for i, s, o in edges:
        d = i // 10
        date = "2024-%02d-%02d" % (d % 12 + 1, d % 28 + 1)
        rel = RELATIONS[i % 4]
        g.add_edge("person-%d" % s, "person-%d" % o, relation=rel, label=rel, weight=1.0,
                   mentions=1, first_seen=date, last_seen=date, sources="doc-%d" % d,
                   evidence="Person %d met Person %d in the capital & talked <trade>, "
                            "sentence %d." % (s, o, i % 10),
                   symmetric=rel in SYMMETRIC)
    t1 = time.monotonic()
    nx.write_graphml(g, out)
    t2 = time.monotonic()
    try:
        import lxml  # noqa: F401 -- write_graphml uses it when present
        writer = "lxml"
    except ImportError:
        writer = "xml"
    print("vertices=%d edges=%d build=%.3f write=%.3f bytes=%d writer=%s"
          % (g.number_of_nodes(), g.number_of_edges(), t1 - t0, t2 - t1,
             os.path.getsize(out), writer))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
