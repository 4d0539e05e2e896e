#!/bin/sh
# Runs a fuzz target once on every input file in the given directories (dot
# files such as .gitkeep are not inputs); passes when there are none.
#   replay.sh [WRAPPER] FUZZ_TARGET DIR...     (WRAPPER: e.g. valgrind.sh)
wrap=
case "$1" in *valgrind*) wrap=$1; shift ;; esac
bin=$1; shift
files=
n=0
for d in "$@"; do
  for f in "$d"/*; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    set -- "$@" "$f"
  done
done
# drop the directories, keep the files
while [ $# -gt $n ]; do shift; done
[ $n -gt 0 ] || { echo "no inputs"; exit 0; }
exec $wrap "$bin" "$@"
