"""networkx reads the GEXF fixtures: counts, viz and the time model.

usage: check_gexf.py <dir with small.gexf and hostile.gexf>

Debian's networkx 2.8 knows GEXF up to 1.2draft; networkx 3 reads 1.3 with
the namespace table registered below, which is the one GEXF 1.3 defines."""
import os
import sys

from networkx.readwrite.gexf import GEXFReader

GEXFReader.versions.setdefault("1.3", {
    "NS_GEXF": "http://gexf.net/1.3",
    "NS_VIZ": "http://gexf.net/1.3/viz",
    "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
    "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
    "VERSION": "1.3",
})


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def expect(what, got, want):
    if got != want:
        fail(f"{what}: got {got!r}, want {want!r}")


def read(path):
    with open(path, "rb") as f:
        return GEXFReader(node_type=None, version="1.3")(f)


def edge(g, u, v):
    return [d for a, b, d in g.edges(data=True) if (a, b) == (u, v)][0]


def main():
    d = sys.argv[1]
    g = read(os.path.join(d, "small.gexf"))
    expect("small nodes", g.number_of_nodes(), 9)
    expect("small edges", g.number_of_edges(), 8)
    expect("mode", g.graph.get("mode"), "dynamic")
    anna = g.nodes["anna-kovac"]
    expect("anna label", anna["label"], "Anna Kovač")
    expect("anna starts at her first dated mention", anna["start"], "2024-02-20")
    expect("anna viz position", anna["viz"]["position"]["x"], -566.1)
    expect("anna viz colour", (anna["viz"]["color"]["r"], anna["viz"]["color"]["g"],
                               anna["viz"]["color"]["b"]), (31, 119, 180))
    expect("eu starts later", g.nodes["european-union"]["start"], "2024-04-02")
    expect("omar has an undated edge, so no start", "start" in g.nodes["omar-haddad"], False)
    met = edge(g, "anna-kovac", "marek-horvath")
    expect("met-with spells: one per document date", met["spells"],
           [("2024-02-20", "2024-02-20"), ("2024-03-01", "2024-03-01"),
            ("2024-03-05", "2024-03-05")])
    expect("met-with weight", met["weight"], 3.0)
    expect("met-with first_seen", met["first_seen"], "2024-02-20")
    expect("undated edge has no spell", "spells" in edge(g, "omar-haddad", "norway"), False)
    h = read(os.path.join(d, "hostile.gexf"))
    expect("hostile nodes", h.number_of_nodes(), 26)
    expect("hostile edges", h.number_of_edges(), 17)
    labels = {n.get("label", "") for _, n in h.nodes(data=True)}
    for want in ['He said "hi"', "\\N", "<b>&amp;</b>"]:
        if want not in labels:
            fail(f"hostile label {want!r} lost")
    print("ok: networkx read both GEXF fixtures")


main()
