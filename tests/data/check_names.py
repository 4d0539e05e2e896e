#!/usr/bin/python3
"""Checks the list of personal names (names.csv) against the lexicon
(entities.csv) and the titles list (titles.csv).  Standard library only.

Usage: check_names.py DATA_DIR      (DATA_DIR holds names.csv, entities.csv, titles.csv)
Prints every problem found and exits 1 if there is any, 0 otherwise.
"""
import csv
import io
import os
import sys

HEADER = ["name", "kind"]
KINDS = {"given", "family"}
MIN_GIVEN = 3000
MIN_FAMILY = 60

# Common English words that start a sentence or a headline far more often than
# they start a person's name: the list must never hold them.
BANNED = [
    "Will", "May", "Way", "Long", "Young", "Rich", "Hope", "Faith", "Joy", "Grant",
    "Chase", "Hunter", "Price", "Rose", "Gene", "Sue", "Don", "Drew", "Wade", "Miles",
    "Art", "Gay", "Dawn", "Summer", "Winter", "Autumn", "Sky", "Star", "Mercy", "Honor",
    "Liberty", "Unity", "Trust", "Amber", "Pearl", "Ruby", "Olive", "Ivy", "Crystal",
    "Sterling", "Earl", "Dean", "Duke", "Bishop", "Cliff", "Glen", "Dale", "Bud", "Buck",
    "Patience", "Charity", "Precious", "Innocent", "Blessing", "Lucky", "Gift", "Golden",
    "Hero", "Roman", "Islam", "Jihad", "Win", "Tin", "Per", "Job", "Chip",
]

# Names the extractor's tests and examples rely on: a sample, not the whole list.
REQUIRED = {
    "given": ["Vladimir", "Sergei", "Sergey", "Grace", "Mohammed", "Muhammad", "Narendra",
              "Volodymyr", "Emmanuel", "Angela", "Recep", "Shinzo", "Fumio", "Olaf",
              "Ursula", "Keir", "Jose", "José", "Francois", "François"],
    "family": ["Li", "Wang", "Xi", "Kim", "Nguyen", "Zhang", "Park", "Moon", "Lee"],
}


class Checker:
    def __init__(self):
        self.problems = 0

    def fail(self, where, message):
        self.problems += 1
        print(f"{where}: {message}")


def read_csv(path, check):
    """The rows of a CSV file as lists, after checking the encoding and line ends."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        check.fail(path, f"cannot read: {e}")
        return []
    name = os.path.basename(path)
    if raw.startswith(b"\xef\xbb\xbf"):
        check.fail(name, "starts with a byte-order mark")
    if b"\r" in raw:
        check.fail(name, "has CR characters (line ends must be LF)")
    if raw and not raw.endswith(b"\n"):
        check.fail(name, "does not end with a newline")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        check.fail(name, f"is not UTF-8: {e}")
        return []
    return list(csv.reader(io.StringIO(text, newline=""), strict=True))


def entity_forms(path, check):
    """Every label, alias and demonym of the lexicon, case-folded."""
    forms = set()
    rows = read_csv(path, check)
    if not rows:
        check.fail("entities.csv", "empty or unreadable")
        return forms
    header = rows[0]
    for row in rows[1:]:
        rec = dict(zip(header, row))
        forms.add(rec.get("label", "").casefold())
        for col in ("aliases", "demonyms"):
            forms.update(f.casefold() for f in rec.get(col, "").split("|") if f)
    forms.discard("")
    return forms


def titles(path, check):
    rows = read_csv(path, check)
    if not rows:
        check.fail("titles.csv", "empty or unreadable")
        return set()
    return {row[0].casefold() for row in rows[1:] if row}


def main(argv):
    if len(argv) != 2:
        print("usage: check_names.py DATA_DIR", file=sys.stderr)
        return 2
    data = argv[1]
    check = Checker()
    rows = read_csv(os.path.join(data, "names.csv"), check)
    if not rows:
        check.fail("names.csv", "empty or unreadable")
        return 1
    if rows[0] != HEADER:
        check.fail("names.csv:1", f"header must be exactly {','.join(HEADER)}")

    forms = entity_forms(os.path.join(data, "entities.csv"), check)
    title_set = titles(os.path.join(data, "titles.csv"), check)
    banned = {w.casefold() for w in BANNED}

    seen = {}
    counts = {k: 0 for k in KINDS}
    present = {k: set() for k in KINDS}
    keys = []
    for line, row in enumerate(rows[1:], start=2):
        where = f"names.csv:{line}"
        if len(row) != 2:
            check.fail(where, f"{len(row)} fields, expected 2")
            continue
        name, kind = row
        if kind not in KINDS:
            check.fail(where, f"kind '{kind}' is not one of given, family")
            continue
        if not name or name != name.strip() or any(c.isspace() for c in name):
            check.fail(where, f"name '{name}' must be one word without spaces")
            continue
        if not name[0].isupper() or name.isupper() or len(name) < 2:
            check.fail(where, f"name '{name}' must be a capitalised word of two or more letters")
        if not all(c.isalpha() for c in name):
            check.fail(where, f"name '{name}' holds a character that is not a letter")
        key = name.casefold()
        if key in seen:
            check.fail(where, f"name '{name}' repeats line {seen[key]} (case-insensitive)")
        else:
            seen[key] = line
        if key in forms:
            check.fail(where, f"name '{name}' is a label, alias or demonym in entities.csv")
        if key in title_set:
            check.fail(where, f"name '{name}' is a title in titles.csv")
        if key in banned:
            check.fail(where, f"name '{name}' is a common word on the banned list")
        counts[kind] += 1
        present[kind].add(name)
        keys.append((kind, name))

    if keys != sorted(keys):
        for i in range(1, len(keys)):
            if keys[i] < keys[i - 1]:
                check.fail("names.csv", f"not sorted by kind then name: '{keys[i][1]}' "
                           f"comes after '{keys[i - 1][1]}'")
                break
    if counts["given"] < MIN_GIVEN:
        check.fail("names.csv", f"only {counts['given']} given names, expected at least {MIN_GIVEN}")
    if counts["family"] < MIN_FAMILY:
        check.fail("names.csv",
                   f"only {counts['family']} family names, expected at least {MIN_FAMILY}")
    for kind, names in REQUIRED.items():
        for name in names:
            if name not in present[kind]:
                check.fail("names.csv", f"required {kind} name '{name}' is missing")

    if check.problems:
        print(f"{check.problems} problem(s) found")
        return 1
    print(f"names.csv: {counts['given']} given and {counts['family']} family names, all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
