"""The command line renders pictures through Graphviz and writes GEXF.

usage: check_render.py <newsgraph> <samples dir> <scratch dir>"""
import os
import subprocess
import sys
import xml.etree.ElementTree as ET


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def run(args, env=None):
    return subprocess.run(args, capture_output=True, env=env)


def main():
    ng, samples, tmp = sys.argv[1:4]
    os.makedirs(tmp, exist_ok=True)

    svg = os.path.join(tmp, "x.svg")
    p = run([ng, "build", samples, "-q", "-f", "svg", "-o", svg])
    if p.returncode != 0:
        fail(f"svg: exit {p.returncode}: {p.stderr!r}")
    root = ET.parse(svg).getroot()
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        fail(f"svg root is {root.tag}")
    if "Anna" not in open(svg, encoding="utf-8").read() and len(root.findall(".//{*}g")) < 10:
        fail("svg holds no graph")

    png = os.path.join(tmp, "x.png")  # format from the extension
    p = run([ng, "build", samples, "-q", "-o", png])
    if p.returncode != 0 or open(png, "rb").read(8) != b"\x89PNG\r\n\x1a\n":
        fail(f"png: exit {p.returncode}, no PNG signature: {p.stderr!r}")

    p = run([ng, "merge", os.path.join(samples, "expected-triples.csv"), "-q", "-f", "png"])
    if p.returncode != 0 or not p.stdout.startswith(b"\x89PNG"):
        fail(f"merge -f png to stdout: exit {p.returncode}: {p.stderr!r}")

    env = dict(os.environ, PATH=tmp)  # no dot there
    missing = os.path.join(tmp, "missing.svg")
    p = run([ng, "build", samples, "-f", "svg", "-o", missing], env=env)
    want = b"newsgraph: cannot render svg: Graphviz 'dot' is not installed (apt-get install graphviz)\n"
    if p.returncode != 1 or p.stderr != want or os.path.exists(missing):
        fail(f"without dot: exit {p.returncode}, stderr {p.stderr!r}, "
             f"file left: {os.path.exists(missing)}")

    out = os.path.join(tmp, "all")
    p = run([ng, "build", samples, "-q", "-O", out])
    files = sorted(os.listdir(out))
    want_files = ["graph.dot", "graph.gexf", "graph.graphml", "graph.jsonld", "graph.nq",
                  "triples.csv"]
    if p.returncode != 0 or files != want_files:
        fail(f"-O: exit {p.returncode}, files {files}")
    gexf = ET.parse(os.path.join(out, "graph.gexf")).getroot()
    if gexf.tag != "{http://gexf.net/1.3}gexf":
        fail(f"gexf root is {gexf.tag}")
    print("ok: svg, png, the missing-dot message and -O with GEXF")


main()
