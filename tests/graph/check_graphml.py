#!/usr/bin/python3
"""Loads the fixture GraphML with a real reader and checks what it got.

usage: check_graphml.py networkx|igraph <dir>
Needs Debian's python3-networkx / python3-igraph (/usr/bin/python3)."""
import math
import os
import sys

SMALL_NODES = ["anna-kovac", "chile", "european-union", "marek-horvath", "norway",
               "omar-haddad", "oslo", "santiago", "sao-paulo"]


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def expect(what, got, want):
    if got != want:
        fail(f"{what}: got {got!r}, want {want!r}")


def check_appearance(nodes):
    """The attributes Gephi takes as position, size and colour."""
    for nid, n in nodes.items():
        for k in ("x", "y"):
            if not -1000.0 <= float(n[k]) <= 1000.0:
                fail(f"{nid}: {k}={n[k]} outside [-1000, 1000]")
        if not 10.0 <= float(n["size"]) <= 50.0:
            fail(f"{nid}: size={n['size']} outside [10, 50]")
        for k in ("r", "g", "b"):
            if int(n[k]) != n[k] or not 0 <= n[k] <= 255:
                fail(f"{nid}: {k}={n[k]} is not a colour component")
    spans = [max(float(n[k]) for n in nodes.values()) - min(float(n[k]) for n in nodes.values())
             for k in ("x", "y")]
    expect("the wider side of the layout spans 2000", max(spans), 2000.0)
    by_comm = {}
    for n in nodes.values():
        by_comm.setdefault(int(n["community"]), set()).add((n["r"], n["g"], n["b"]))
    for c, cols in by_comm.items():
        expect(f"one colour in community {c}", len(cols), 1)
    top = max(nodes.values(), key=lambda n: n["pagerank"])
    expect("the highest pagerank is the largest", float(top["size"]), 50.0)


def check_small(nodes, edges):
    """nodes: {id: attrs}; edges: [(source, target, attrs)] in file order."""
    expect("small node ids", sorted(nodes), SMALL_NODES)
    check_appearance(nodes)
    expect("small edge count", len(edges), 8)
    anna = nodes["anna-kovac"]
    expect("anna label", anna["label"], "Anna Kovač")
    expect("anna type", anna["type"], "Person")
    expect("anna aliases", anna["aliases"], "A. Kovač|Kovač")
    expect("anna mentions", anna["mentions"], 5)
    expect("anna documents", anna["documents"], 4)
    expect("anna degree", anna["degree"], 2)
    expect("oslo type (tie City/Place)", nodes["oslo"]["type"], "City")
    expect("anna and marek share a community", anna["community"],
           nodes["marek-horvath"]["community"])
    expect("chile and norway share a community", nodes["chile"]["community"],
           nodes["norway"]["community"])
    total = sum(n["pagerank"] for n in nodes.values())
    if not math.isclose(total, 1.0, abs_tol=1e-4):
        fail(f"pagerank sums to {total}")
    met = [e for e in edges if e[0] == "anna-kovac" and e[1] == "marek-horvath"]
    expect("anna met marek edges", len(met), 1)
    a = met[0][2]
    expect("met relation", a["relation"], "met-with")
    expect("met label", a["label"], "met-with")
    expect("met weight", a["weight"], 3.0)
    expect("met mentions", a["mentions"], 3)
    expect("met first_seen", a["first_seen"], "2024-02-20")
    expect("met last_seen", a["last_seen"], "2024-03-05")
    expect("met sources", a["sources"], "nw-0001|nw-0002|nw-0003")
    expect("met evidence", a["evidence"], "Anna Kovač first met Marek Horváth in February.")
    expect("met symmetric", a["symmetric"], True)
    wire = [e for e in edges if e[0] == "omar-haddad" and e[1] == "santiago"][0][2]
    expect("document id with spaces", wire["sources"], "wire 2024/03/05 #7")
    undated = [e for e in edges if e[0] == "omar-haddad" and e[1] == "norway"][0][2]
    expect("undated edge first_seen", undated.get("first_seen", ""), "")
    visited = [e for e in edges if e[2]["relation"] == "visited"]
    expect("visited edges (the planned one left out)", len(visited), 4)
    expect("visited symmetric", {e[2]["symmetric"] for e in visited}, {False})


def check_hostile(nodes, edges):
    expect("hostile node count", len(nodes), 26)
    expect("hostile edge count", len(edges), 17)
    check_appearance(nodes)
    labels = {v.get("label", "") for v in nodes.values()}
    for want in ['He said "hi"', "back\\slash", "\\N", "<b>&amp;</b>", "line\nbreak",
                 "tab\there", "graph", "node", "1e6", "Москва", "北京", "🙂 Smiley Org",
                 "bad\ufffd\ufffd\ufffd(utf8", "ctl\ufffd\ufffd\ufffd\ufffd end", ""]:
        if want not in labels:
            fail(f"label {want!r} missing")
    if max(len(lbl) for lbl in labels) != 10 * 1024:
        fail("the 10 kB label did not survive")
    expect("empty label id", nodes["-811c9dc5"].get("label", ""), "")
    expect("aliases escaped", nodes["back-slash"]["aliases"], "b\\\\s\\|pipe")
    ev = {e[2]["evidence"] for e in edges}
    for want in ["line one\nline two\r\nline three\ttabbed",
                 "<script>alert('x')</script> & &amp; ]]> <!-- -->"]:
        if want not in ev:
            fail(f"evidence {want!r} missing")
    mods = sorted(e[2]["modality"] for e in edges)
    expect("modalities", mods.count("asserted"), 14)
    expect("planned", mods.count("planned"), 1)


def with_networkx(path):
    import networkx as nx
    g = nx.read_graphml(path)
    nodes = {n: d for n, d in g.nodes(data=True)}
    if g.is_multigraph():
        edges = [(u, v, d) for u, v, d in g.edges(data=True)]
    else:
        edges = [(u, v, d) for u, v, d in g.edges(data=True)]
    if not g.is_directed():
        fail("networkx read an undirected graph")
    return nodes, edges


def with_igraph(path):
    import igraph
    g = igraph.Graph.Read_GraphML(path)
    if not g.is_directed():
        fail("igraph read an undirected graph")
    nodes = {}
    for v in g.vs:
        a = v.attributes()
        for k in ("mentions", "documents", "degree", "community", "r", "g", "b"):
            a[k] = int(a[k])  # igraph reads GraphML int as float
        nodes[a["id"]] = a
    edges = []
    for e in g.es:
        a = e.attributes()
        a["mentions"] = int(a["mentions"])
        a["symmetric"] = bool(a["symmetric"])
        edges.append((g.vs[e.source]["id"], g.vs[e.target]["id"], a))
    return nodes, edges


def main():
    reader = {"networkx": with_networkx, "igraph": with_igraph}[sys.argv[1]]
    for name, check in (("small", check_small), ("hostile", check_hostile)):
        nodes, edges = reader(os.path.join(sys.argv[2], name + ".graphml"))
        check(nodes, edges)
    print(f"ok: {sys.argv[1]} read both fixtures")


main()
