#!/bin/sh
# Runs a command under valgrind: any invalid read or write, use of
# uninitialised memory, or definite leak fails (exit 1).  Exit 77 (skipped)
# only when valgrind is not installed.
#   valgrind.sh COMMAND [ARG...]
command -v valgrind >/dev/null 2>&1 || { echo "valgrind not found: skipped"; exit 77; }
exec valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite --track-origins=yes "$@"
