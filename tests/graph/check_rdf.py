#!/usr/bin/python3
"""rdflib reads the JSON-LD and the N-Quads of both fixtures into Datasets:
the same number of quads, the number expected, and a few exact triples.

usage: check_rdf.py <dir>

rdflib 6.1 unescapes N-Quads literals with chained str.replace calls, so a
literal holding a backslash followed by "n" comes back wrong from the
N-Quads (not from the JSON-LD); that is why only the counts of the two are
compared here, and the full equality is checked with oxigraph."""
import os
import sys

from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

NG = Namespace("https://newsgraph.example/vocab#")
SCHEMA = Namespace("http://schema.org/")
E = "https://newsgraph.example/entity/"
EXPECTED = {"small": 212, "hostile": 476}


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def load(path, fmt):
    d = Dataset()
    with open(path, "rb") as f:
        d.parse(data=f.read(), format=fmt)
    return d


def triples(d):
    """The (s, p, o) of every quad, whatever graph rdflib put it in."""
    return {(s, p, o) for s, p, o, _ in d.quads((None, None, None, None))}


def main():
    for name, want in EXPECTED.items():
        j = load(os.path.join(sys.argv[1], name + ".jsonld"), "json-ld")
        q = load(os.path.join(sys.argv[1], name + ".nq"), "nquads")
        if len(j) != want or len(q) != want:
            fail(f"{name}: {len(j)} quads from JSON-LD, {len(q)} from N-Quads, want {want}")
    j = triples(load(os.path.join(sys.argv[1], "small.jsonld"), "json-ld"))
    anna, marek = URIRef(E + "anna-kovac"), URIRef(E + "marek-horvath")
    for t in [(anna, NG.metWith, marek), (marek, NG.metWith, anna),
              (anna, RDF.type, SCHEMA.Person), (anna, SCHEMA.name, Literal("Anna Kovač")),
              (anna, SCHEMA.alternateName, Literal("Kovač")),
              (URIRef(E + "omar-haddad"), NG.sanctionedBy, URIRef(E + "norway"))]:
        if t not in j:
            fail(f"missing triple {t}")
    st = URIRef("https://newsgraph.example/statement/anna-kovac/metWith/marek-horvath")
    for t in [(st, RDF.type, RDF.Statement), (st, RDF.predicate, NG.metWith),
              (st, NG.firstSeen, Literal("2024-02-20", datatype=XSD.date)),
              (st, NG.weight, Literal(3)),
              (st, NG.source, URIRef("https://newsgraph.example/doc/nw-0003"))]:
        if t not in j:
            fail(f"missing provenance triple {t}")
    if any(s == URIRef(E + "lena-fischer") for s, _, _ in j):
        fail("an entity of a planned triple became a node")
    print("ok: rdflib read JSON-LD and N-Quads of both fixtures")


main()
