"""Regenerates the sample picture and compares it with the committed one,
ignoring XML comments (Graphviz puts its version there).

usage: compare_svg.py <newsgraph> <samples dir> <committed svg> <scratch svg>"""
import re
import subprocess
import sys


def without_comments(path):
    with open(path, encoding="utf-8") as f:
        return re.sub(r"<!--.*?-->\n?", "", f.read(), flags=re.S)


def main():
    ng, samples, committed, fresh = sys.argv[1:5]
    p = subprocess.run([ng, "build", samples, "-q", "-f", "svg", "-o", fresh])
    if p.returncode != 0:
        print(f"FAIL: newsgraph exited {p.returncode}")
        sys.exit(1)
    if without_comments(committed) != without_comments(fresh):
        print(f"FAIL: {committed} is not current; run: cmake --build <build dir> --target picture")
        sys.exit(1)
    print("ok: the committed picture is current")


main()
