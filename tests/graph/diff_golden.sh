#!/bin/sh
# Compares a written file with its golden copy and shows the difference.
# To accept a deliberate change: graph_fixture write small tests/graph/golden
# usage: diff_golden.sh <golden> <written>
diff -u "$1" "$2" && echo "ok: $2 matches $1"
