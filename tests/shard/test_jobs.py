#!/usr/bin/python3
"""--jobs as a user meets it: any number of threads gives byte-identical
outputs, bad values are usage errors, and failures in the middle of a
threaded run stop it cleanly.

    test_jobs.py --list                  names of the cases
    test_jobs.py NEWSGRAPH SRCDIR CASE   run one case

The corpora are the project's samples and synthetic CSV corpora made by
gen_corpus.py (3000 short articles: more than ten batches).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = []
JOBS = ("1", "2", "3")


def case(fn):
    CASES.append(fn)
    return fn


class Failure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failure(msg)


class Env:
    def __init__(self, binary, src, root):
        self.binary, self.src, self.root = binary, src, root

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def run(self, *args, stdin=b""):
        p = subprocess.run([self.binary] + list(args), cwd=self.root, input=stdin,
                           capture_output=True, env=dict(os.environ, LC_ALL="C"), timeout=600)
        return p.returncode, p.stdout, p.stderr.decode()

    def ok(self, *args, stdin=b""):
        rc, out, err = self.run(*args, stdin=stdin)
        check(rc == 0, "newsgraph %s: exit %d: %s" % (" ".join(args), rc, err))
        return out

    def corpus(self, name, *opts):
        p = self.path(name)
        subprocess.run(["/usr/bin/python3", os.path.join(HERE, "gen_corpus.py"), p] + list(opts),
                       check=True)
        return p

    def read(self, *parts):
        with open(self.path(*parts), "rb") as f:
            return f.read()


def same_extract(env, inputs):
    """extract with each --jobs (and the default) gives the same bytes."""
    first = None
    for j in JOBS + (None,):
        out = "j%s.csv" % (j or "default")
        env.ok("extract", "-q", *inputs, *(["--jobs", j] if j else []), "-o", out)
        data = env.read(out)
        check(data.count(b"\n") > 1, "%s has no triples" % out)
        if first is None:
            first = data
        check(data == first, "extract --jobs %s differs from --jobs 1" % j)
    return first


def same_build(env, inputs):
    """build -O with each --jobs gives the same files."""
    outs = []
    for j in JOBS:
        d = "graph-j" + j
        env.ok("build", "-q", *inputs, "-j", j, "-O", d)
        outs.append({n: env.read(d, n) for n in sorted(os.listdir(env.path(d)))})
    check(len(outs[0]) == 6, "build -O wrote %s" % sorted(outs[0]))
    for j, o in zip(JOBS[1:], outs[1:]):
        for name in outs[0]:
            check(o[name] == outs[0][name], "build --jobs %s: %s differs" % (j, name))


# ---- byte-identical outputs ----

@case
def jobs_extract_samples_identically(env):
    data = same_extract(env, [os.path.join(env.src, "samples")])
    with open(os.path.join(env.src, "samples", "expected-triples.csv"), "rb") as f:
        check(data == f.read(), "the samples' triples differ from expected-triples.csv")


@case
def jobs_build_samples_identically(env):
    same_build(env, [os.path.join(env.src, "samples")])


@case
def jobs_extract_generated_corpus_identically(env):
    same_extract(env, [env.corpus("news.csv")])


@case
def jobs_build_generated_corpus_identically(env):
    same_build(env, [env.corpus("news.csv")])


@case
def jobs_learn_the_same_roles_and_spellings(env):
    # Untitled role phrases and spelling variants: what pass 1 learned
    # across documents decides the triples, and must not depend on --jobs.
    corpus = env.corpus("roles.csv", "--role-phrases", "--variants")
    data = same_extract(env, [corpus])
    check(b"later visited" in data, "no role phrase was resolved")
    same_build(env, [corpus])


@case
def jobs_mixed_inputs_keep_their_order(env):
    # Text files, a directory and two corpora: documents come out in the
    # order of the operands, whatever thread extracted them.
    a = env.corpus("a.csv", "--docs", "700", "--seed", "1")
    b = env.corpus("b.csv", "--docs", "900", "--seed", "2")
    samples = os.path.join(env.src, "samples")
    data = same_extract(env, [a, os.path.join(samples, "02_shipping_sanctions.txt"), samples, b])
    docs = [line.split(b",", 1)[0] for line in data.split(b"\n")[1:] if line[:1].isalnum()]
    check(docs.index(b"02_shipping_sanctions") < docs.index(b"01_delhi_summit"),
          "operands out of order")
    check(docs[0].startswith(b"gen-") and docs[-1].startswith(b"gen-"), "corpora out of order")


@case
def jobs_more_threads_than_documents(env):
    samples = os.path.join(env.src, "samples")
    one = env.ok("extract", "-q", samples, "-j", "1")
    check(env.ok("extract", "-q", samples, "-j", "64") == one, "-j 64 differs from -j 1")


@case
def jobs_standard_input_stays_one_pass(env):
    with open(os.path.join(env.src, "samples", "01_delhi_summit.txt"), "rb") as f:
        article = f.read()
    one = env.ok("extract", "-q", "-", "-j", "1", stdin=article)
    check(one.count(b"\n") > 1, "no triples from standard input")
    check(env.ok("extract", "-q", "-", "-j", "3", stdin=article) == one,
          "standard input with -j 3 differs")


@case
def jobs_summary_counts_every_document(env):
    corpus = env.corpus("news.csv")
    lines = set()
    for j in JOBS:
        rc, _, err = env.run("extract", corpus, "-j", j, "-o", "t.csv")
        check(rc == 0, err)
        lines.add(err.rsplit(",", 1)[0])  # without the time
    check(len(lines) == 1, "summaries differ: %r" % lines)
    check(re.match(r"newsgraph: 3000 documents, [1-9]\d* sentences, 0 warnings",
                   next(iter(lines))), repr(lines))


# ---- errors ----

@case
def jobs_bad_values_are_usage_errors(env):
    samples = os.path.join(env.src, "samples")
    for value in ("0", "x", "1025", "-1", "2.5", ""):
        rc, out, err = env.run("extract", samples, "--jobs=" + value)
        check(rc == 2 and out == b"", "--jobs=%r: exit %d" % (value, rc))
        want = "newsgraph: --jobs: '%s' is not a number from 1 to 1024\n" % value
        check(err == want, "--jobs=%r: %r" % (value, err))


@case
def jobs_failed_write_stops_all_threads(env):
    corpus = env.corpus("news.csv")
    for j in JOBS:
        rc, _, err = env.run("extract", corpus, "-j", j, "-o", "/dev/full")
        check(rc == 1, "-j %s to /dev/full: exit %d" % (j, rc))
        check(err == "newsgraph: /dev/full: cannot write: No space left on device\n",
              "-j %s: %r" % (j, err))


@case
def jobs_strict_stops_at_a_warning_mid_corpus(env):
    corpus = env.corpus("news.csv")
    with open(corpus, "a") as f:
        f.write("gen-bad,2023-01-01,only three fields\n")
    with open(env.corpus("more.csv", "--seed", "9"), "r") as f:
        more = f.read().split("\n", 1)[1]
    with open(corpus, "a") as f:
        f.write(more)
    for j in JOBS:
        rc, out, err = env.run("build", "--strict", "news.csv", "-j", j, "-O", "g" + j)
        check(rc == 1, "-j %s: exit %d" % (j, rc))
        check(err == "newsgraph: news.csv: record 3001: 3 fields, the header has 4 "
                     "(an error with --strict)\n", "-j %s: %r" % (j, err))
        check(not os.path.exists(env.path("g" + j)), "-j %s left an output" % j)


def main(argv):
    if argv[1:] == ["--list"]:
        print("\n".join(fn.__name__ for fn in CASES))
        return 0
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    binary, src, name = os.path.abspath(argv[1]), os.path.abspath(argv[2]), argv[3]
    fn = {f.__name__: f for f in CASES}.get(name)
    if not fn:
        print("no case %r" % name, file=sys.stderr)
        return 2
    root = tempfile.mkdtemp(prefix="ng-jobs-")
    try:
        fn(Env(binary, src, root))
    except Failure as e:
        print("FAIL %s: %s" % (name, e), file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print("ok %s" % name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
