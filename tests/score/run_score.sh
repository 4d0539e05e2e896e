#!/bin/sh
# Scores newsgraph on ../shared/seeds with ../shared/eval/score and checks the
# targets: document-level P >= 0.95 and R >= 0.90, graph-level F1 = 1.00, no
# unmerged aliases.  Exits 77 (skipped) where ../shared is absent.
#   run_score.sh NEWSGRAPH SHARED_DIR [--print]
ng=$1 shared=$2
[ -d "$shared/seeds" ] && [ -x "$shared/eval/score" ] || { echo "no $shared: skipped"; exit 77; }
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
"$ng" extract -q "$shared/seeds" -o "$out" || exit 1
line=$("$shared/eval/score" "$out" | tail -n 1)
echo "$line"
[ "${3:-}" = "--print" ] && exit 0
echo "$line" | /usr/bin/python3 -c '
import re, sys
s = sys.stdin.read()
p, r = map(float, re.search(r"doc-level P=([\d.]+) R=([\d.]+)", s).groups())
gf = float(re.search(r"graph-level P=[\d.]+ R=[\d.]+ F1=([\d.]+)", s).group(1))
un = int(re.search(r"unmerged aliases=(\d+)", s).group(1))
ok = p >= 0.95 and r >= 0.90 and gf >= 1.0 and un == 0
print("targets met" if ok else "targets NOT met (P>=0.95, R>=0.90, graph F1=1.00, 0 unmerged)")
sys.exit(0 if ok else 1)'
