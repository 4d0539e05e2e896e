#!/bin/sh
# Extraction is the map step and `merge` the reduce step: shards extracted
# apart (in parallel, with GNU parallel) and merged give byte-identical
# files to one `build` over everything.
#
#   shard_equals_build.sh NEWSGRAPH SRCDIR CORPUS
#
# CORPUS is `samples` (the project's articles, as text files split into
# shard directories), `generated` (a synthetic CSV corpus that needs nothing
# learned from other documents) or `roles` (one with untitled role phrases
# such as "the Kenyan foreign minister": every shard and the single run get
# the same --roles file, so no shard depends on bindings learned from
# another; see bench/SHARDING.md).  Exit 77 (skipped) without GNU parallel.
set -eu
ng=$1 src=$2 corpus=$3
command -v parallel >/dev/null 2>&1 || { echo "GNU parallel is not installed: skipped"; exit 77; }
# GNU parallel, not the moreutils one: it has --version and --halt.
parallel --version 2>/dev/null | grep -q 'GNU parallel' || { echo "not GNU parallel: skipped"; exit 77; }

work=$(mktemp -d "${TMPDIR:-/tmp}/ng-shard.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
py=/usr/bin/python3
roles=

case $corpus in
samples)
    # Three shards of whole files, in the order `build` reads a directory.
    i=0
    for f in $(ls "$src/samples"/*.txt | LC_ALL=C sort); do
        d=shard-$(printf %02d $((i / 3 + 1)))
        mkdir -p "$d" && cp "$f" "$d/"
        i=$((i + 1))
    done
    all="$src/samples"
    shards=$(ls -d shard-*)
    ;;
generated | roles)
    if [ "$corpus" = roles ]; then
        "$py" "$src/tests/shard/gen_corpus.py" corpus.csv --docs 2000 --role-phrases \
            --roles-out roles.csv
        roles="--roles roles.csv"
    else
        "$py" "$src/tests/shard/gen_corpus.py" corpus.csv --docs 2000
    fi
    "$py" "$src/tests/shard/split_csv.py" corpus.csv 4 shard
    all=corpus.csv
    shards=$(ls shard-*.csv)
    ;;
*)
    echo "unknown corpus '$corpus'" >&2
    exit 2
    ;;
esac

# map: one extract per shard, as many at once as there are cores; the first
# failure stops the rest.
# shellcheck disable=SC2086 # $roles is empty or two words
parallel --halt now,fail=1 "$ng" extract -q --jobs 1 $roles {} -o {}.triples.csv ::: $shards
# reduce
# shellcheck disable=SC2086
"$ng" merge -q $(for s in $shards; do echo "$s.triples.csv"; done) -O merged
# the same in one run
# shellcheck disable=SC2086
"$ng" build -q $roles "$all" -O built

diff -r built merged
n=$(($(wc -l <built/triples.csv) - 1))
[ "$n" -gt 10 ] || { echo "only $n triples: nothing was tested" >&2; exit 1; }
echo "ok: $(echo $shards | wc -w) shards merged = one build ($n triples, 5 files identical)"
