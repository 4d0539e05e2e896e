#!/usr/bin/env python3
"""The man page names every long option that `newsgraph --help` lists.

usage: check_manpage.py NEWSGRAPH MANPAGE
"""
import re
import subprocess
import sys

ng, page = sys.argv[1], sys.argv[2]
helptext = subprocess.run([ng, "--help"], capture_output=True, text=True).stdout
options = sorted(set(re.findall(r"--[a-z][a-z-]+", helptext)))
man = open(page, encoding="utf-8").read().replace("\\-", "-")
missing = [o for o in options if o not in man]
for o in missing:
    print(f"{page} does not document {o}")
if not options:
    print("newsgraph --help listed no options")
print(f"{len(options) - len(missing)} passed, {len(missing) + (not options)} failed")
sys.exit(1 if missing or not options else 0)
