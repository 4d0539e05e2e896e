#!/bin/sh
# Lays out a DOT file with a Graphviz program; passes only when it exits 0
# and prints nothing at all on stderr (a warning is a failure).
# usage: run_graphviz.sh <program> <file.dot> [extra options...]
prog=$1 file=$2
shift 2
err=$("$prog" "$@" -Tsvg -o /dev/null "$file" 2>&1 >/dev/null)
rc=$?
if [ $rc -ne 0 ] || [ -n "$err" ]; then
  echo "FAIL: $prog $* $file: exit $rc, stderr:"
  printf '%s\n' "$err"
  exit 1
fi
echo "ok: $prog $* $file"
