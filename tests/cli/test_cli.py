#!/usr/bin/python3
"""The newsgraph command line as a user meets it: exit statuses, the exact
message lines on stderr, and the files left behind.

    test_cli.py --list              names of the cases (CTest registers one each)
    test_cli.py NEWSGRAPH [CASE...] run the cases (all when none are named)

The extractor is still a stub, so no case counts triples: summary lines are
compared up to the warnings count, with the triple, entity and edge counts and
the time masked.  Inputs are short invented news sentences.
"""
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import traceback

HEADER = ("doc,date,subject,subject_type,relation,object,object_type,modality,"
          "sentence,start,end,rule,evidence\n")
ARTICLE = ("date 2023-04-17\n"
           "The foreign minister of Norland met his counterpart from Sudia in Port Elm.\n"
           "Both ministers visited the harbour on Monday.\n")
CASES = []


def case(fn):
    CASES.append(fn)
    return fn


class Failure(Exception):
    pass


class Env:
    """A scratch directory and a way to run newsgraph inside it."""

    def __init__(self, binary, root):
        self.binary = binary
        self.root = root

    def path(self, name):
        return os.path.join(self.root, name)

    def write(self, name, data):
        p = self.path(name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data.encode() if isinstance(data, str) else data)
        return p

    def read(self, name):
        with open(self.path(name), "rb") as f:
            return f.read().decode()

    def run(self, *args, stdin=b"", stdout=None, limit_fsize=None):
        def preexec():
            if limit_fsize is not None:
                # Writes past the limit fail with EFBIG instead of killing us.
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit_fsize, limit_fsize))
        p = subprocess.run([self.binary] + list(args), cwd=self.root, input=stdin,
                           stdout=stdout if stdout is not None else subprocess.PIPE,
                           stderr=subprocess.PIPE, preexec_fn=preexec,
                           env=dict(os.environ, LC_ALL="C"), timeout=60)
        out = p.stdout.decode() if p.stdout is not None else ""
        return p.returncode, out, p.stderr.decode()

    def hidden_files(self, folder="."):
        """Temporary files left behind (".NAME.XXXXXX")."""
        return sorted(n for n in os.listdir(self.path(folder)) if n.startswith("."))


def expect(result, rc, stderr_lines, stdout=None, stdout_starts=None):
    """Exact exit status and stderr lines (summary lines are compared masked);
    stdout exactly, or only its beginning (the CSV header: the rows depend on
    the extractor)."""
    got_rc, got_out, got_err = result
    got_lines = [mask(l) for l in got_err.splitlines()]
    if stdout_starts is not None and not got_out.startswith(stdout_starts):
        stdout = stdout_starts
    if got_rc != rc or got_lines != stderr_lines or (stdout is not None and got_out != stdout):
        raise Failure("want rc=%d stderr=%r stdout=%r\n      got  rc=%d stderr=%r stdout=%r"
                      % (rc, stderr_lines, stdout, got_rc, got_lines, got_out))


SUMMARY = re.compile(r"^(newsgraph: \d+ documents?(?: \([^)]*\))?)(?:, \d+ sentences?)?"
                     r"(, \d+ warnings?), "
                     r"\d+ triples?(?: \([^)]*\))?(, \d+ entities, \d+ edges)?, \d+\.\d\d s$")


def mask(line):
    """The summary without its counts of sentences, triples, entities and
    edges and its time (sentences_are_counted checks the sentences)."""
    m = SUMMARY.match(line)
    if not m:
        return line
    return (m.group(1) + m.group(2) + ", T triples"
            + (", E entities, E edges" if m.group(3) else "") + ", T s")


def summary(docs_and_warnings, graph=False):
    return ("newsgraph: " + docs_and_warnings + ", T triples"
            + (", E entities, E edges" if graph else "") + ", T s")


def check(cond, what):
    if not cond:
        raise Failure(what)


def interrupt_while_reading(env, args, appeared, extra_env=None):
    """Starts newsgraph reading standard input, waits until appeared() (its
    outputs are set up before any input is read), then sends SIGTERM."""
    p = subprocess.Popen([env.binary] + args, cwd=env.root, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=dict(os.environ, LC_ALL="C", **(extra_env or {})))
    for _ in range(6000):  # up to a minute on a loaded machine
        if appeared():
            break
        time.sleep(0.01)
    ok = appeared()
    p.send_signal(signal.SIGTERM)
    p.communicate(timeout=30)
    check(ok, "nothing appeared before the signal")
    check(p.returncode == -signal.SIGTERM, "exit status %r" % p.returncode)


# ---- the command line itself ----

@case
def version_prints_the_version(env):
    rc, out, err = env.run("--version")
    check(rc == 0 and err == "" and re.fullmatch(r"newsgraph \d+\.\d+\.\d+\n", out),
          "got %r %r %r" % (rc, out, err))


@case
def help_for_each_command(env):
    rc, out, err = env.run("--help")
    check(rc == 0 and err == "" and out.startswith("Usage: newsgraph COMMAND"), "overview")
    for opt in ("--lexicon FILE", "--modality LIST", "-O, --output-dir DIR", "--strict"):
        check(opt in out, "overview lacks " + opt)
    for cmd in ("extract", "build", "merge"):
        check(("  %s " % cmd) in out, "overview lacks the command " + cmd)
    for cmd, has, lacks in (("extract", "--text-column", "--modality"),
                            ("build", "--modality", None),
                            ("merge", "--output-dir", "--csv")):
        rc, out, err = env.run(cmd, "--help")
        check(rc == 0 and err == "", "%s --help: rc=%d err=%r" % (cmd, rc, err))
        check(out.startswith("Usage: newsgraph %s [OPTION]..." % cmd), cmd + " usage line")
        check(has in out, "%s --help lacks %s" % (cmd, has))
        check(lacks is None or lacks not in out, "%s --help lists %s" % (cmd, lacks))
        check("Exit status:" in out, cmd + " --help lacks the exit statuses")
        check(max(len(l) for l in out.splitlines()) <= 79, cmd + " --help is wider than 79")


@case
def unknown_option_suggests_the_closest(env):
    env.write("a.txt", ARTICLE)
    expect(env.run("extract", "--lexicn", "x.csv", "a.txt"), 2,
           ["newsgraph: unknown option '--lexicn'; did you mean '--lexicon'?"], stdout="")
    expect(env.run("build", "a.txt", "--modalty=all"), 2,
           ["newsgraph: unknown option '--modalty'; did you mean '--modality'?"], stdout="")
    expect(env.run("extract", "a.txt", "--zebra-stripes"), 2,
           ["newsgraph: unknown option '--zebra-stripes'; see 'newsgraph --help'"])
    expect(env.run("extract", "a.txt", "-x"), 2,
           ["newsgraph: unknown option '-x'; see 'newsgraph --help'"])


@case
def unknown_command_suggests_the_closest(env):
    expect(env.run("biuld", "a.txt"), 2,
           ["newsgraph: unknown command 'biuld'; did you mean 'build'?"])
    expect(env.run("frobnicate"), 2,
           ["newsgraph: unknown command 'frobnicate'; the commands are extract, build and merge"])


@case
def usage_errors_exit_2(env):
    env.write("a.txt", ARTICLE)
    cases = [
        ((), "newsgraph: missing command; see 'newsgraph --help'"),
        (("build",), "newsgraph: no input files; see 'newsgraph build --help'"),
        (("extract", "a.txt", "--lexicon"), "newsgraph: option '--lexicon' needs a value"),
        (("extract", "a.txt", "--quiet=1"), "newsgraph: option '--quiet' takes no value"),
        (("extract", "a.txt", "--modality", "all"),
         "newsgraph: option '--modality' does not apply to 'extract'"),
        (("extract", "a.txt", "-O", "out"), "newsgraph: option '-O' does not apply to 'extract'"),
        (("merge", "t.csv", "--csv"), "newsgraph: option '--csv' does not apply to 'merge'"),
        (("extract", "a.txt", "--roles", "r.csv", "--roles", "s.csv"),
         "newsgraph: option '--roles' given twice"),
        (("extract", "-", "-"), "newsgraph: standard input ('-') given more than once"),
        (("build", "a.txt", "-o", "g.dot", "-O", "out"),
         "newsgraph: -o and -O cannot be used together"),
        (("build", "a.txt", "-f", "dot", "-O", "out"),
         "newsgraph: -f and -O cannot be used together (-O writes every format)"),
        (("build", "a.txt", "-f", "xml"),
         "newsgraph: --format: unknown format 'xml' (use graphml, dot, jsonld, nquads, csv, gexf, "
         "svg or png)"),
        (("extract", "a.txt", "--date", "31 February 2023"),
         "newsgraph: --date: '31 February 2023' is not a valid date (e.g. 2023-04-17 or "
         "17 April 2023)"),
        (("extract", "a.txt", "--date=2023-13-01"),
         "newsgraph: --date: '2023-13-01' is not a valid date (e.g. 2023-04-17 or "
         "17 April 2023)"),
        (("build", "a.txt", "--modality", "asserted,maybe"),
         "newsgraph: --modality: unknown modality 'maybe' (use asserted, planned, negated, "
         "hypothetical or all, separated by commas)"),
        (("extract", "a.txt", "--jobs", "0"),
         "newsgraph: --jobs: '0' is not a number from 1 to 1024"),
        (("build", "a.txt", "--base-iri", "not an iri"),
         "newsgraph: --base-iri: 'not an iri' is not an absolute IRI "
         "(e.g. https://example.org/news/)"),
        (("extract", "a.txt", "--text-column="), "newsgraph: --text-column: empty value"),
    ]
    for args, line in cases:
        expect(env.run(*args), 2, [line], stdout="")


@case
def good_values_in_both_forms(env):
    env.write("a.txt", ARTICLE)
    expect(env.run("build", "a.txt", "--modality=asserted,planned", "--jobs", "2",
                   "--base-iri=https://example.org/news/", "--date", "17 April 2023",
                   "-o", "g.graphml", "-q"), 0, [])
    env.write("-dash.txt", ARTICLE)
    expect(env.run("extract", "-q", "--", "-dash.txt"), 0, [], stdout_starts=HEADER)


# ---- inputs ----

@case
def extract_writes_the_header(env):
    env.write("a.txt", ARTICLE)
    expect(env.run("extract", "a.txt"), 0, [summary("1 document, 0 warnings")], stdout_starts=HEADER)


@case
def sentences_are_counted(env):
    # ARTICLE has three sentences: its first line, a line of its own, is
    # one.  Both passes (a file) and the one pass of standard input count
    # the same.
    env.write("a.txt", ARTICLE)
    env.write("b.txt", ARTICLE + "A third sentence. And a fourth!\n")
    for args, stdin in ((("a.txt",), b""), (("-",), ARTICLE.encode())):
        _, _, err = env.run("extract", *args, "-o", "t.csv", stdin=stdin)
        check(", 3 sentences, 0 warnings," in err, err)
    _, _, err = env.run("extract", "a.txt", "b.txt", "-o", "t.csv", "--jobs", "2")
    check(err.startswith("newsgraph: 2 documents, 8 sentences, 0 warnings,"), err)


@case
def missing_file_is_an_error(env):
    env.write("a.txt", ARTICLE)
    expect(env.run("extract", "a.txt", "nope.txt"), 1,
           ["newsgraph: nope.txt: No such file or directory"], stdout="")
    expect(env.run("extract", "a.txt", "--lexicon", "nope.csv"), 1,
           ["newsgraph: nope.csv: No such file or directory"], stdout="")


@case
def unreadable_inputs_are_errors(env):
    env.write("a.txt", ARTICLE)
    os.symlink("gone.txt", env.path("dangling.txt"))
    expect(env.run("extract", "dangling.txt"), 1,
           ["newsgraph: dangling.txt: No such file or directory"], stdout="")
    os.mkdir(env.path("adir"))
    expect(env.run("extract", "a.txt", "--rules", "adir"), 1,
           ["newsgraph: adir: is a directory, not a data file"], stdout="")
    expect(env.run("merge", "adir"), 1,
           ["newsgraph: adir: is a directory; merge reads triples CSV files"], stdout="")
    if os.geteuid() != 0:  # root reads anything: chmod 000 proves nothing there
        env.write("secret.txt", ARTICLE)
        os.chmod(env.path("secret.txt"), 0)
        expect(env.run("extract", "secret.txt"), 1,
               ["newsgraph: secret.txt: Permission denied"], stdout="")


@case
def directory_without_articles_warns(env):
    env.write("notes/readme.md", "not an article")
    expect(env.run("extract", "notes"), 0,
           ["newsgraph: notes: no .txt files in this directory",
            summary("0 documents, 1 warning")], stdout_starts=HEADER)
    expect(env.run("extract", "notes", "--strict"), 1,
           ["newsgraph: notes: no .txt files in this directory (an error with --strict)"],
           stdout="")


@case
def directory_is_read_recursively(env):
    env.write("corpus/2023/b.txt", ARTICLE)
    env.write("corpus/a.txt", ARTICLE)
    env.write("corpus/2023/notes.md", "ignored")
    os.symlink("missing.txt", env.path("corpus/z-link.txt"))
    expect(env.run("extract", "corpus/"), 0,
           ["newsgraph: corpus/z-link.txt: No such file or directory, skipped",
            summary("2 documents, 1 warning")], stdout_starts=HEADER)


@case
def empty_file_warns(env):
    env.write("a.txt", ARTICLE)
    env.write("empty.txt", "")
    env.write("blank.txt", "  \n\n\t\n")
    expect(env.run("extract", "a.txt", "empty.txt", "blank.txt"), 0,
           ["newsgraph: empty.txt: empty file, skipped",
            "newsgraph: blank.txt: only whitespace, skipped",
            summary("1 document, 2 warnings")], stdout_starts=HEADER)


@case
def binary_file_is_skipped(env):
    env.write("a.txt", ARTICLE)
    env.write("image.txt", bytes(range(256)) * 8)
    env.write("utf16.txt", "The minister met the envoy.".encode("utf-16"))
    expect(env.run("extract", "a.txt", "image.txt", "utf16.txt"), 0,
           ["newsgraph: image.txt: binary file, skipped",
            "newsgraph: utf16.txt: binary file, skipped",
            summary("1 document, 2 warnings")], stdout_starts=HEADER)


@case
def invalid_utf8_is_repaired_with_a_warning(env):
    env.write("latin1.txt", b"The envoy visited Malm\xf6 and Z\xfcrich on Friday.\n")
    env.write("nul.txt", b"The minister\x00 met the envoy\x00 in the capital on Friday.\n")
    env.write("bom.txt", b"\xef\xbb\xbfThe minister met the envoy.\n")
    env.write("both.txt", b"Talks \xff in\x00 Port Elm went well for both sides this week.\n")
    expect(env.run("extract", "latin1.txt", "nul.txt", "bom.txt", "both.txt"), 0,
           ["newsgraph: latin1.txt: 2 invalid UTF-8 sequences replaced",
            "newsgraph: nul.txt: 2 NUL bytes removed",
            "newsgraph: both.txt: 1 invalid UTF-8 sequence replaced, 1 NUL byte removed",
            summary("4 documents, 3 warnings")], stdout_starts=HEADER)


@case
def stdin_text_is_one_document(env):
    expect(env.run("extract", "-", stdin=ARTICLE.encode()), 0,
           [summary("1 document, 0 warnings")], stdout_starts=HEADER)
    expect(env.run("extract", "-", stdin=b""), 0,
           ["newsgraph: <stdin>: empty file, skipped", summary("0 documents, 1 warning")],
           stdout_starts=HEADER)


@case
def stdin_csv_corpus(env):
    data = "id,text\n1,The envoy arrived.\n2,The minister left.\n"
    expect(env.run("build", "--csv", "-", "-f", "csv", stdin=data.encode()), 0,
           [summary("2 documents, 0 warnings", graph=True)], stdout_starts=HEADER)


SAMPLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "samples")


@case
def standard_input_gets_both_passes(env):
    # 05 names Kenya's foreign minister only by her role; 04, after it in
    # this corpus, names her with the role.  Read once from standard input,
    # the corpus still gets two passes: the same rows as from a file.
    rows = []
    for name in ("05_seoul_followup", "04_nairobi_tokyo"):
        with open(os.path.join(SAMPLES, name + ".txt"), encoding="utf-8") as f:
            rows.append('%s,"%s"' % (name, f.read().replace('"', '""')))
    data = "id,text\n" + "\n".join(rows) + "\n"
    env.write("c.csv", data)
    outs = [env.run("extract", "c.csv", "-q"),
            env.run("extract", "--csv", "-", "-q", stdin=data.encode()),
            env.run("extract", "--csv", "-", "-q", "--jobs", "2", stdin=data.encode())]
    check(all(o == outs[0] for o in outs), "file and standard input differ: %r" % outs)
    check("05_seoul_followup,2024-04-09,Grace Wanjiru,Person,visited,Seoul," in outs[1][1],
          outs[1][1])


@case
def temporary_directory_problems_are_errors(env):
    env.write("a.txt", ARTICLE)
    env.write("out.csv", "previous\n")
    p = subprocess.run([env.binary, "extract", "a.txt", "-o", "out.csv"], cwd=env.root,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60,
                       env=dict(os.environ, LC_ALL="C", TMPDIR=env.path("missing")))
    check(p.returncode == 1 and p.stderr.decode().splitlines() ==
          ["newsgraph: cannot create a temporary file in %s: No such file or directory"
           % env.path("missing")], "rc=%d stderr=%r" % (p.returncode, p.stderr))
    check(env.read("out.csv") == "previous\n", "out.csv was changed")
    # The file pass 1 writes is unlinked at once: nothing stays behind.
    os.mkdir(env.path("tmp"))
    p = subprocess.run([env.binary, "extract", "a.txt", "-o", "out.csv", "-q"], cwd=env.root,
                       stderr=subprocess.PIPE, timeout=60,
                       env=dict(os.environ, LC_ALL="C", TMPDIR=env.path("tmp")))
    check(p.returncode == 0 and os.listdir(env.path("tmp")) == [],
          "rc=%d left %r" % (p.returncode, os.listdir(env.path("tmp"))))


@case
def analytics_can_be_chosen(env):
    # Louvain on a graph of 100k entities takes minutes: --analytics picks
    # what is computed, and the writers leave the rest out.
    for d in ("all", "degree,layout", "none"):
        expect(env.run("build", SAMPLES, "-q", "--analytics", d, "-o", d + ".graphml"), 0, [])
    keys = {d: re.findall(r'<key id="[^"]*" for="node" attr.name="([^"]+)"',
                          env.read(d + ".graphml"))
            for d in ("all", "degree,layout", "none")}
    base = ["label", "type", "aliases", "mentions", "documents"]
    check(keys["all"] == base + ["degree", "pagerank", "community", "x", "y", "size", "r", "g",
                                 "b"], keys["all"])
    check(keys["degree,layout"] == base + ["degree", "x", "y", "r", "g", "b"],
          keys["degree,layout"])
    check(keys["none"] == base + ["r", "g", "b"], keys["none"])  # colour is by type
    expect(env.run("build", SAMPLES, "--analytics", "degree,louvain"), 2,
           ["newsgraph: --analytics: unknown analysis 'louvain' (use degree, pagerank, "
            "community, layout, all or none, separated by commas)"], stdout="")
    expect(env.run("extract", SAMPLES, "--analytics", "none"), 2,
           ["newsgraph: option '--analytics' does not apply to 'extract'"], stdout="")


# ---- CSV corpora ----

CORPUS = ('story_id,Headline,When,Story\n'
          '7,Talks in Port Elm,17 April 2023,"The minister met his counterpart.\n'
          'Later, both visited the ""old"" harbour."\n'
          '8,No date,sometime,"The envoy arrived, and left."\n'
          '9,Empty,2023-04-18,"  "\n'
          ',No id,2023-04-19,The delegation travelled north.\n')


@case
def csv_corpus_with_multiline_fields_and_custom_columns(env):
    env.write("news.csv", CORPUS)
    expect(env.run("extract", "news.csv", "--id-column", "story_id", "--text-column=Story",
                   "--date-column", "when", "--title-column", "HEADLINE"), 0,
           [summary("3 documents (1 record without text skipped, 1 unparseable date), "
                    "0 warnings")], stdout_starts=HEADER)
    # --csv reads a corpus whatever its name; the default column names apply.
    env.write("feed.dat", "guid,published,headline,body\nx1,2023-04-17,T,The envoy left.\n")
    expect(env.run("extract", "--csv", "feed.dat"), 0,
           [summary("1 document, 0 warnings")], stdout_starts=HEADER)


@case
def csv_missing_text_column_lists_the_columns(env):
    env.write("news.csv", "id,headline,when\n1,Talks,2023-04-17\n")
    expect(env.run("extract", "news.csv"), 1,
           ["newsgraph: news.csv: no text column (text, body, content, article or story; or use "
            "--text-column); the columns are: id, headline, when"], stdout="")
    expect(env.run("extract", "news.csv", "--date-column", "day"), 1,
           ["newsgraph: news.csv: no column 'day' (--date-column); the columns are: id, "
            "headline, when"], stdout="")


@case
def csv_ragged_record_is_skipped_by_number(env):
    env.write("news.csv", 'id,text\n1,"one,\ntwo"\n2,three,extra\n3\n4,four\n')
    expect(env.run("extract", "news.csv"), 0,
           ["newsgraph: news.csv: record 2: 3 fields, the header has 2; skipped",
            "newsgraph: news.csv: record 3: 1 field, the header has 2; skipped",
            summary("2 documents, 2 warnings")], stdout_starts=HEADER)


@case
def csv_unterminated_quote_names_its_record(env):
    env.write("news.csv", 'id,text\n1,fine\n2,"starts here\n3,and runs\n4,to the end\n')
    expect(env.run("extract", "news.csv"), 0,
           ["newsgraph: news.csv: record 2: quoted field not closed before the end of the "
            "file; skipped", summary("1 document, 1 warning")], stdout_starts=HEADER)


@case
def csv_empty_corpus_warns(env):
    env.write("news.csv", "")
    expect(env.run("extract", "news.csv"), 0,
           ["newsgraph: news.csv: empty file, skipped", summary("0 documents, 1 warning")],
           stdout_starts=HEADER)


@case
def csv_invalid_utf8_names_the_record(env):
    env.write("news.csv", b"id,text\n1,fine text\n2,Malm\xf6 talks\n")
    expect(env.run("extract", "news.csv"), 0,
           ["newsgraph: news.csv: record 2: 1 invalid UTF-8 sequence replaced",
            summary("2 documents, 1 warning")], stdout_starts=HEADER)


# ---- --strict and --quiet ----

@case
def strict_turns_a_warning_into_exit_1(env):
    env.write("a.txt", ARTICLE)
    env.write("empty.txt", "")
    env.write("out.csv", "previous\n")
    expect(env.run("extract", "a.txt", "empty.txt", "--strict", "-o", "out.csv"), 1,
           ["newsgraph: empty.txt: empty file (an error with --strict)"], stdout="")
    check(env.read("out.csv") == "previous\n", "out.csv was changed")
    check(env.hidden_files() == [], "temporary files left: %r" % env.hidden_files())


@case
def quiet_prints_nothing_but_errors(env):
    env.write("a.txt", ARTICLE)
    env.write("empty.txt", "")
    expect(env.run("extract", "a.txt", "empty.txt", "-q"), 0, [], stdout_starts=HEADER)
    expect(env.run("extract", "a.txt", "nope.txt", "-q"), 1,
           ["newsgraph: nope.txt: No such file or directory"])


# ---- outputs ----

@case
def output_to_dev_full_fails(env):
    no_space = ["newsgraph: /dev/full: cannot write: No space left on device"]
    env.write("a.txt", ARTICLE)
    expect(env.run("extract", "a.txt", "-o", "/dev/full"), 1, no_space)
    for fmt in ("graphml", "gexf", "jsonld", "nquads", "dot"):
        expect(env.run("build", "a.txt", "-o", "/dev/full", "-f", fmt), 1, no_space)
    # That graph is empty: each file fits the stream's buffer, and the write
    # fails when the stream is flushed, in our code.  A GraphML or GEXF file
    # ends with what libxml2's writer writes ("</graphml>"); when that is the
    # write which overflows the buffer, it fails inside libxml2, which then
    # prints "I/O error : flush error" by itself unless it was silenced.  So
    # the files are padded (the evidence appears once in each) to a few bytes
    # more than the buffer: glibc's for /dev/full, st_blksize up to BUFSIZ.
    blksize = os.stat("/dev/full").st_blksize
    size = (blksize if 0 < blksize < 8192 else 8192) + 4

    def triples(evidence):
        return (HEADER + "d1,2023-04-17,Anna Berg,Person,met-with,Carl Dahl,Person,asserted,"
                "0,0,32,r1,%s\n" % evidence)

    def written_size(fmt):
        expect(env.run("merge", "t.csv", "-q", "-o", "sized." + fmt, "-f", fmt), 0, [])
        return os.path.getsize(env.path("sized." + fmt))

    for fmt in ("graphml", "gexf"):
        env.write("t.csv", triples("x"))
        env.write("t.csv", triples("x" * (1 + size - written_size(fmt))))
        check(written_size(fmt) == size, "cannot pad the %s file to %d bytes" % (fmt, size))
        expect(env.run("merge", "t.csv", "-o", "/dev/full", "-f", fmt), 1, no_space)
    with open("/dev/full", "wb") as full:
        expect(env.run("extract", "a.txt", stdout=full), 1,
               ["newsgraph: <stdout>: cannot write: No space left on device"])


@case
def output_that_is_an_input_is_refused(env):
    env.write("a.txt", ARTICLE)
    expect(env.run("extract", "a.txt", "-o", "a.txt"), 2,
           ["newsgraph: a.txt: the output is also an input; refusing to overwrite it"])
    os.symlink("a.txt", env.path("link.csv"))
    expect(env.run("extract", "a.txt", "-o", "link.csv"), 2,
           ["newsgraph: link.csv: the output is the same file as the input a.txt; refusing to "
            "overwrite it"])
    env.write("corpus/b.txt", ARTICLE)
    expect(env.run("build", "corpus", "-o", "corpus/b.txt"), 2,
           ["newsgraph: corpus/b.txt: the output is also an input; refusing to overwrite it"])
    env.write("lex.csv", "label,type\n")
    expect(env.run("extract", "a.txt", "--lexicon", "lex.csv", "-o", "lex.csv"), 2,
           ["newsgraph: lex.csv: the output is also an input; refusing to overwrite it"])
    check(env.read("a.txt") == ARTICLE and env.read("corpus/b.txt") == ARTICLE, "input changed")


@case
def failed_write_keeps_the_previous_file(env):
    env.write("a.txt", ARTICLE)
    env.write("out.csv", "previous\n")
    # A file-size limit of 0 makes the first write fail with EFBIG: the
    # first pass's temporary file (/dev/full checks the outputs' writes).
    expect(env.run("extract", "a.txt", "-o", "out.csv", "-q", limit_fsize=0), 1,
           ["newsgraph: cannot write a temporary file in %s: File too large"
            % (os.environ.get("TMPDIR") or "/tmp")])
    check(env.read("out.csv") == "previous\n", "out.csv was changed")
    check(env.hidden_files() == [], "temporary files left: %r" % env.hidden_files())
    mode = stat.S_IMODE(os.stat(env.path("out.csv")).st_mode)
    os.chmod(env.path("out.csv"), 0o640)
    expect(env.run("extract", "a.txt", "-o", "out.csv", "-q"), 0, [])
    check(env.read("out.csv").startswith(HEADER), "out.csv not replaced")
    check(stat.S_IMODE(os.stat(env.path("out.csv")).st_mode) == 0o640,
          "mode not kept (was %o)" % mode)


@case
def output_into_a_missing_directory_fails_cleanly(env):
    env.write("a.txt", ARTICLE)
    expect(env.run("extract", "a.txt", "-o", "no/such/dir/out.csv"), 1,
           ["newsgraph: no/such/dir/out.csv: cannot create a file beside it: "
            "No such file or directory"])


@case
def interrupted_run_leaves_no_temporary_file(env):
    env.write("out.csv", "previous\n")
    # Reading standard input blocks after the output's temporary file exists.
    interrupt_while_reading(env, ["extract", "-", "-o", "out.csv"],
                            lambda: env.hidden_files() != [])
    check(env.hidden_files() == [], "temporary files left: %r" % env.hidden_files())
    check(env.read("out.csv") == "previous\n", "out.csv was changed")


@case
def interrupted_picture_leaves_no_temporary_directory(env):
    if not shutil.which("dot"):
        return  # the picture needs Graphviz; tests/run-all installs it
    os.mkdir(env.path("tmp"))
    interrupt_while_reading(env, ["build", "-", "-f", "svg", "-o", "g.svg"],
                            lambda: os.listdir(env.path("tmp")) != [],
                            {"TMPDIR": env.path("tmp")})
    check(os.listdir(env.path("tmp")) == [], "left in TMPDIR: %r" % os.listdir(env.path("tmp")))
    check(not os.path.exists(env.path("g.svg")), "g.svg was written")


@case
def interrupted_run_removes_the_directories_it_made(env):
    os.mkdir(env.path("out"))
    interrupt_while_reading(env, ["build", "-", "-O", "out/new/graph"],
                            lambda: os.path.isdir(env.path("out/new/graph")))
    check(os.listdir(env.path("out")) == [], "left in out/: %r" % os.listdir(env.path("out")))


OUT_FILES = ["graph.dot", "graph.gexf", "graph.graphml", "graph.jsonld", "graph.nq",
             "triples.csv"]


@case
def output_dir_gets_all_five_files(env):
    env.write("a.txt", ARTICLE)
    expect(env.run("build", "a.txt", "-O", "out/new"), 0,
           [summary("1 document, 0 warnings", graph=True)], stdout="")
    check(sorted(os.listdir(env.path("out/new"))) == OUT_FILES,
          "files: %r" % os.listdir(env.path("out/new")))
    check(env.read("out/new/triples.csv").startswith(HEADER), "triples.csv")
    check("<graphml" in env.read("out/new/graph.graphml"), "graph.graphml")
    check("digraph" in env.read("out/new/graph.dot") or "graph" in env.read("out/new/graph.dot"),
          "graph.dot")
    check(env.read("out/new/graph.jsonld").lstrip()[:1] in ("{", "["), "graph.jsonld")


@case
def output_dir_failure_leaves_old_files_and_no_temporaries(env):
    env.write("a.txt", ARTICLE)
    env.write("empty.txt", "")
    os.mkdir(env.path("out"))
    for name in OUT_FILES:
        env.write("out/" + name, "old " + name)
    expect(env.run("build", "a.txt", "empty.txt", "--strict", "-O", "out"), 1,
           ["newsgraph: empty.txt: empty file (an error with --strict)"])
    for name in OUT_FILES:
        check(env.read("out/" + name) == "old " + name, name + " changed")
    check(env.hidden_files("out") == [], "temporary files: %r" % env.hidden_files("out"))
    # A directory -O had to create is removed again.
    expect(env.run("build", "a.txt", "empty.txt", "--strict", "-O", "fresh/dir"), 1,
           ["newsgraph: empty.txt: empty file (an error with --strict)"])
    check(not os.path.exists(env.path("fresh")), "fresh/ left behind")


@case
def format_follows_the_output_extension(env):
    env.write("a.txt", ARTICLE)
    for name, marker in (("g.graphml", "<graphml"), ("g.gv", "graph"), ("g.dot", "graph"),
                         ("t.csv", HEADER), ("g.txt", "<graphml")):
        expect(env.run("build", "a.txt", "-o", name, "-q"), 0, [])
        check(marker in env.read(name), name + " lacks " + marker)
    expect(env.run("build", "a.txt", "-q"), 0, [])
    rc, out, _ = env.run("build", "a.txt", "-q", "-f", "csv", "-o", "-")
    check(rc == 0 and out.startswith(HEADER), "-f csv -o -")


# ---- merge ----

TRIPLES = (HEADER +
           'd1,2023-04-17,Anna Berg,Person,met-with,Carl Dahl,Person,asserted,0,0,32,r1,'
           '"Anna Berg met Carl Dahl, briefly."\n'
           'd1,2023-04-17,Anna Berg,Person,visited,Port Elm,City,planned,1,33,60,r2,'
           'Anna Berg will visit Port Elm.\n')


@case
def merge_reads_triples_and_reports_bad_records(env):
    env.write("t.csv", TRIPLES +
              'd2,,Carl Dahl,Person,visited,Norland,Country,maybe,0,0,5,r2,x\n'
              'd2,,Carl Dahl,Person,visited,Norland,Country,asserted,0,9,5,r2,x\n'
              'd2,,Carl Dahl,Person,visited,Norland,Country,asserted,zero,0,5,r2,x\n'
              'd2,17/04/2023,Carl Dahl,Person,visited,Norland,Country,asserted,0,0,5,r2,x\n'
              'd2,,,Person,visited,Norland,Country,asserted,0,0,5,r2,x\n'
              'd3,,Carl Dahl,Person\n')
    expect(env.run("merge", "t.csv", "-o", "g.graphml"), 0,
           ["newsgraph: t.csv: record 3: unknown modality 'maybe'; skipped",
            "newsgraph: t.csv: record 4: start 9 is after end 5; skipped",
            "newsgraph: t.csv: record 5: sentence 'zero' is not a number; skipped",
            "newsgraph: t.csv: record 6: date '17/04/2023' is not YYYY-MM-DD; skipped",
            "newsgraph: t.csv: record 7: empty subject; skipped",
            "newsgraph: t.csv: record 8: 4 fields, the header has 13; skipped",
            summary("1 document, 6 warnings", graph=True)])


@case
def merge_needs_the_contract_columns(env):
    env.write("t.csv", "doc,subject,relation,object\nd1,A,met-with,B\n")
    expect(env.run("merge", "t.csv"), 1,
           ["newsgraph: t.csv: not a triples CSV (written by 'newsgraph extract'): missing "
            "columns date, subject_type, object_type, modality, sentence, start, end, rule, "
            "evidence"], stdout="")


@case
def merge_round_trips_the_triples_csv(env):
    env.write("t.csv", TRIPLES)
    rc, out, err = env.run("merge", "t.csv", "-f", "csv", "-q")
    check(rc == 0 and err == "" and out == TRIPLES, "merge -f csv changed the triples: %r" % out)
    rc, out, err = env.run("merge", "-", "-f", "csv", "-q", stdin=TRIPLES.encode())
    check(rc == 0 and out == TRIPLES, "merge from stdin")


@case
def merge_of_shards_equals_build(env):
    env.write("corpus/a.txt", ARTICLE)
    env.write("corpus/b.txt", ARTICLE.replace("Monday", "Tuesday"))
    expect(env.run("build", "corpus", "-O", "built", "-q"), 0, [])
    expect(env.run("extract", "corpus/a.txt", "-o", "a.csv", "-q"), 0, [])
    expect(env.run("extract", "corpus/b.txt", "-o", "b.csv", "-q"), 0, [])
    expect(env.run("merge", "a.csv", "b.csv", "-O", "merged", "-q"), 0, [])
    for name in OUT_FILES:
        check(env.read("built/" + name) == env.read("merged/" + name), name + " differs")


def main(argv):
    if argv[1:] == ["--list"]:
        print("\n".join(fn.__name__ for fn in CASES))
        return 0
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[1])
    wanted = argv[2:] or [fn.__name__ for fn in CASES]
    by_name = {fn.__name__: fn for fn in CASES}
    failed = 0
    for name in wanted:
        root = tempfile.mkdtemp(prefix="ng-cli-")
        try:
            by_name[name](Env(binary, root))
            print("ok   " + name)
        except Failure as e:
            print("FAIL %s\n      %s" % (name, e))
            failed += 1
        except Exception:  # a crash in a case is its failure, not the run's
            print("FAIL %s\n%s" % (name, traceback.format_exc()))
            failed += 1
        finally:
            shutil.rmtree(root, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
