#!/usr/bin/env python3
"""playhub's benchmark: playhub against Hugo over the same generated corpora.

For every size (number of playbooks) it
  1. generates the corpus twice with ../shared/bench/gen_corpus.py, once in playhub's
     layout and once in Hugo's (the same texts), into a temporary folder;
  2. builds it alternately with playhub (release binary) and with Hugo (over
     ../shared/bench/hugo-site), --runs times each (once each at 50,000 playbooks and
     more), into an output folder that is deleted before every run, and playhub's build
     cache beside it (.playhub-cache/) too: every run is a clean, full build;
  3. rebuilds it with playhub only: once more into the same output with nothing changed,
     then after appending a sentence to one playbook (the middle file in sorted order),
     each time with the cache the previous build left, as `playhub build` runs for a user;
and measures, per build, the wall time, the CPU time (user + system of the build process
and the processes it waited for, from os.wait4) and the peak memory (that process's
max RSS, from os.wait4), and counts the pages written (HTML files in the output).

It prints a table per size and a summary with the playhub/Hugo ratios and the issue's
targets, and writes all of it to --out-md (docs/performance.md by default).

Python 3 standard library only. See bench/README.md.
"""

import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ONCE_FROM = 50000   # sizes from this one up are built once per tool
EDIT_SENTENCE = "Bench edit {n}: bench/run.py appended this sentence to measure a one-playbook rebuild."

# The targets. kind "ratio": playhub / Hugo of a full build; "rebuild": playhub
# rebuild / playhub's own full build (wall time); "scaling": ms per page at one size over
# ms per page at another.
TARGETS = [
    ("ratio", "wall", 10000, 0.25, "full build, wall time, 10,000 playbooks", "≤ 0.25 × Hugo"),
    ("ratio", "rss", 10000, 0.5, "full build, peak memory, 10,000 playbooks", "≤ 0.5 × Hugo"),
    ("ratio", "wall", 50000, 0.25, "full build, wall time, 50,000 playbooks", "≤ 0.25 × Hugo"),
    ("ratio", "rss", 50000, 0.5, "full build, peak memory, 50,000 playbooks", "≤ 0.5 × Hugo"),
    ("rebuild", "nochange", 50000, 0.1, "rebuild, nothing changed, 50,000 playbooks",
     "≤ 0.1 × playhub's full build"),
    ("rebuild", "edit", 50000, 0.05, "rebuild, one playbook edited, 50,000 playbooks",
     "≤ 0.05 × playhub's full build"),
    ("scaling", "ms_per_page", (50000, 10000), 1.2, "scaling: ms per page at 50,000 over 10,000",
     "≤ 1.2"),
]


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


def remove(path):
    if os.path.lexists(path):
        shutil.rmtree(path)


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
    if value is None:
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


# --------------------------------------------------------------------------------------
# Results per size
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
    def __init__(self, size):
        self.size = size
        self.corpus = {}          # flavor -> gen_corpus summary line
        self.playhub = Series("playhub full build")
        self.hugo = Series("Hugo full build")
        self.nochange = Series("playhub rebuild, nothing changed")
        self.edit = Series("playhub rebuild, one playbook edited")
        self.edited_file = None
        self.edit_visible = None  # did the appended sentence reach the output?
        self.playhub_summary = None

    def value(self, kind, what):
        if kind == "ratio":
            if what == "wall":
                return ratio(self.playhub.wall, self.hugo.wall)
            if what == "rss":
                return ratio(self.playhub.rss, self.hugo.rss)
        if kind == "rebuild":
            series = self.nochange if what == "nochange" else self.edit
            return ratio(series.wall, self.playhub.wall)
        return None


# --------------------------------------------------------------------------------------
# The benchmark
# --------------------------------------------------------------------------------------

class Bench:
    def __init__(self, args, shared, work):
        self.args, self.shared, self.work = args, shared, work
        self.gen = os.path.join(shared, "gen_corpus.py")
        self.failures = 0

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

    def hugo_cmd(self, source, out):
        return [self.args.hugo, "--quiet", "--source", source, "--themesDir", self.shared,
                "--destination", out, "--cacheDir", os.path.join(self.work, "hugo-cache")]

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
        if run.stderr.strip():
            log("  %s printed on stderr:\n%s" % (what, "\n".join(run.stderr.strip().splitlines()[:10])))
        log("  %s: %s wall, %s CPU, %s peak RSS, %s pages, %s files written (load before: %.2f)"
            % (what, fmt_s(run.wall), fmt_s(run.cpu), fmt_mem(run.rss_kb), fmt_int(run.pages),
               fmt_int(run.written), run.load))
        return run

    def size(self, size):
        args = self.args
        res = SizeResult(size)
        runs = 1 if size >= ONCE_FROM else args.runs
        log("[%s playbooks] %d run(s) per tool" % (fmt_int(size), runs))
        d = os.path.join(self.work, str(size))
        os.makedirs(os.path.join(d, "logs"))
        ph_src, hg_src = os.path.join(d, "corpus-playhub"), os.path.join(d, "corpus-hugo")
        ph_out, hg_out = os.path.join(d, "out-playhub"), os.path.join(d, "out-hugo")
        res.corpus["playhub"] = self.generate(size, "playhub", ph_src)
        if not args.skip_hugo:
            res.corpus["hugo"] = self.generate(size, "hugo", hg_src)

        # Full builds, alternately, each into an output folder deleted first.
        for i in range(1, runs + 1):
            if not res.playhub.failed:
                remove(ph_out)
                remove(os.path.join(d, ".playhub-cache"))
                run = self.one(res.playhub, self.playhub_cmd(ph_src, ph_out), ph_out,
                               os.path.join(d, "logs", "playhub-full-%d" % i),
                               "playhub full build %d/%d" % (i, runs))
                if run.ok:
                    res.playhub_summary = playhub_summary(run.stdout)
            if not args.skip_hugo and not res.hugo.failed:
                remove(hg_out)
                self.one(res.hugo, self.hugo_cmd(hg_src, hg_out), hg_out,
                         os.path.join(d, "logs", "hugo-full-%d" % i),
                         "Hugo full build %d/%d" % (i, runs), hugo=True)
        if not args.skip_hugo:
            remove(hg_out)   # not needed any more; frees disk at 50,000

        # playhub rebuilds into the output of its last full build.
        if res.playhub.good and not res.playhub.failed:
            for i in range(1, runs + 1):
                if res.nochange.failed:
                    break
                self.one(res.nochange, self.playhub_cmd(ph_src, ph_out), ph_out,
                         os.path.join(d, "logs", "playhub-nochange-%d" % i),
                         "playhub rebuild, nothing changed %d/%d" % (i, runs))
            target, slug = self.edit_target(ph_src)
            res.edited_file = os.path.relpath(target, ph_src)
            log("  editing %s" % res.edited_file)
            for i in range(1, runs + 1):
                if res.edit.failed:
                    break
                sentence = EDIT_SENTENCE.format(n=i)
                with open(target, "a", encoding="utf-8") as f:
                    f.write("\n\n" + sentence + "\n")
                run = self.one(res.edit, self.playhub_cmd(ph_src, ph_out), ph_out,
                               os.path.join(d, "logs", "playhub-edit-%d" % i),
                               "playhub rebuild, one playbook edited %d/%d" % (i, runs))
                if run.ok:
                    page = os.path.join(ph_out, "playbooks", slug, "index.html")
                    try:
                        with open(page, encoding="utf-8") as f:
                            visible = sentence in f.read()
                    except OSError:
                        visible = False
                    res.edit_visible = visible if res.edit_visible is None else res.edit_visible and visible
                    if not visible:
                        log("  WARNING: the appended sentence is not in %s" % os.path.relpath(page, ph_out))
        if not args.keep:
            remove(d)
        return res

    @staticmethod
    def edit_target(src):
        """The middle playbook in sorted order (the next one that is not a draft, if it is)."""
        base = os.path.join(src, "content", "playbooks")
        files = []
        for root, _, names in os.walk(base):
            files += [os.path.relpath(os.path.join(root, n), base) for n in names if n.endswith(".md")]
        files.sort()
        if not files:
            die("no playbooks in %s" % base, 1)
        start = len(files) // 2
        for k in range(len(files)):
            rel = files[(start + k) % len(files)]
            path = os.path.join(base, rel)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            front = text.split("\n---", 1)[0] if text.startswith("---") else ""
            if not re.search(r"^draft:\s*true\s*$", front, re.M):
                return path, os.path.splitext(os.path.basename(rel))[0]
        return os.path.join(base, files[start]), os.path.splitext(os.path.basename(files[start]))[0]


# --------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------

def size_tables(r, skip_hugo):
    out = []
    header = ["full build", "runs", "pages written", "wall (median)", "CPU (median)",
              "peak memory (max RSS)", "ms per page"]
    rows = []
    series = [r.playhub] + ([] if skip_hugo else [r.hugo])
    for s in series:
        if s.failed:
            rows.append([s.label, len(s.runs), "failed (exit %d)" % s.failed.rc, "", "", "", ""])
        else:
            rows.append([s.label, len(s.runs), fmt_int(s.pages), fmt_s(s.wall), fmt_s(s.cpu),
                         fmt_mem(s.rss), fmt_ratio(s.ms_per_page)])
    if not skip_hugo:
        p, h = r.playhub, r.hugo
        rows.append(["**playhub / Hugo**", "", fmt_ratio(ratio(p.pages, h.pages)),
                     "**%s**" % fmt_ratio(ratio(p.wall, h.wall)), fmt_ratio(ratio(p.cpu, h.cpu)),
                     "**%s**" % fmt_ratio(ratio(p.rss, h.rss)),
                     fmt_ratio(ratio(p.ms_per_page, h.ms_per_page))])
    out.append(table(header, rows))
    if r.nochange.runs or r.edit.runs:
        header = ["playhub rebuild", "runs", "files written (median)", "wall (median)",
                  "× full build wall", "CPU (median)", "peak memory (max RSS)"]
        rows = []
        for s in (r.nochange, r.edit):
            if not s.runs:
                continue
            if s.failed:
                rows.append([s.label, len(s.runs), "failed (exit %d)" % s.failed.rc, "", "", "", ""])
                continue
            rows.append([s.label, len(s.runs), fmt_int(None if s.written is None else int(s.written)),
                         fmt_s(s.wall), fmt_ratio(ratio(s.wall, r.playhub.wall)), fmt_s(s.cpu),
                         fmt_mem(s.rss)])
        out.append(table(header, rows))
    return out


def summary_table(results, skip_hugo):
    header = ["playbooks", "playhub pages", "playhub wall", "playhub ms/page"]
    if not skip_hugo:
        header += ["Hugo pages", "Hugo wall", "Hugo ms/page", "wall ratio (≤ 0.25)", "CPU ratio",
                   "memory ratio (≤ 0.5)"]
    header += ["no-change rebuild / full (≤ 0.1)", "one-edit rebuild / full (≤ 0.05)"]
    rows = []
    for r in results:
        p, h = r.playhub, r.hugo
        row = [fmt_int(r.size), fmt_int(p.pages), fmt_s(p.wall), fmt_ratio(p.ms_per_page)]
        if not skip_hugo:
            w, m = ratio(p.wall, h.wall), ratio(p.rss, h.rss)
            row += [fmt_int(h.pages), fmt_s(h.wall), fmt_ratio(h.ms_per_page),
                    fmt_ratio(w) + mark(w, 0.25), fmt_ratio(ratio(p.cpu, h.cpu)),
                    fmt_ratio(m) + mark(m, 0.5)]
        nc, ed = r.value("rebuild", "nochange"), r.value("rebuild", "edit")
        row += [fmt_ratio(nc, 3) + mark(nc, 0.1), fmt_ratio(ed, 3) + mark(ed, 0.05)]
        rows.append(row)
    return table(header, rows)


def targets_table(results, skip_hugo):
    by_size = {r.size: r for r in results}
    rows = []
    met = failed = 0
    for kind, what, where, limit, label, required in TARGETS:
        value = None
        if kind == "scaling":
            a, b = by_size.get(where[0]), by_size.get(where[1])
            if a and b:
                value = ratio(a.playhub.ms_per_page, b.playhub.ms_per_page)
        elif kind == "ratio" and skip_hugo:
            value = None
        elif where in by_size:
            value = by_size[where].value(kind, what)
        if value is None:
            rows.append([label, required, "not measured", "—"])
            continue
        ok = value <= limit
        met += ok
        failed += not ok
        rows.append([label, required, fmt_ratio(value, 3), "✓" if ok else "✗"])
    return table(["target", "required", "measured", "met"], rows, "llrl"), met, failed


def runs_table(results, skip_hugo):
    rows = []
    for r in results:
        for s in (r.playhub, r.hugo, r.nochange, r.edit):
            for i, run in enumerate(s.runs, 1):
                rows.append([fmt_int(r.size), s.label, i,
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


def summary_md(results, skip_hugo):
    tt, met, failed = targets_table(results, skip_hugo)
    md = ["## Summary", "", summary_table(results, skip_hugo), "",
          "Ratios are playhub / Hugo (full builds) and playhub rebuild / playhub full build "
          "(wall time). ✓/✗ compare every size with the thresholds; the targets below apply "
          "at the sizes they name.", "",
          "## Targets", "", tt, "",
          "%d met, %d not met." % (met, failed) if met + failed else
          "No target was measured: they apply at 10,000 and 50,000 playbooks."]
    return "\n".join(md), met, failed


def report(args, results, info, started, elapsed):
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
    md.append("- Hugo: %s" % (info["hugo"] if info["hugo"] else "not measured (`--skip-hugo`)"))
    md.append("- Command: `python3 bench/run.py %s`" % " ".join(sys.argv[1:]))
    md.append("- Load average (1 min, `os.getloadavg()`): %.2f at the start, %.2f at the end; "
              "anything well above 0 means other work shared the cores (see the last column of "
              "[All runs](#all-runs))" % (info["load"], os.getloadavg()[0]))
    md.append("- Corpora: `gen_corpus.py --playbooks N --flavor playhub|hugo` (seed 1); full builds: "
              "%d runs per tool alternately (once at %s and more), each into an emptied output "
              "folder (and without playhub's cache); times are medians, memory the largest max RSS of the runs"
              % (args.runs, fmt_int(ONCE_FROM)))
    md.append("- Profiles, what was done about them, and how rebuilds work: "
              "[performance-notes.md](performance-notes.md)")
    md.append("")
    summary, met, failed = summary_md(results, skip_hugo)
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
            seen = {True: "the sentence reached its page", None: "not checked: no edit rebuild succeeded",
                    False: "**the sentence did not reach its page**"}[r.edit_visible]
            md.append("- edited playbook: `%s` (a sentence appended before each edit rebuild; %s)"
                      % (r.edited_file, seen))
        md.append("")
        md.append("\n\n".join(size_tables(r, skip_hugo)))
        for series in (r.playhub, r.hugo, r.nochange, r.edit):
            bad = series.failed
            if bad:
                tail = (bad.stderr or bad.stdout).strip().splitlines()[-15:]
                md += ["", "%s failed (exit %d):" % (series.label, bad.rc), "", "```", *tail, "```"]
    md.append("")
    md.append("## All runs")
    md.append("")
    md.append(runs_table(results, skip_hugo))
    md.append("")
    md.append("## How to reproduce")
    md.append("")
    md.append("From the repository root, with `../shared/bench` beside it (or "
              "`PLAYHUB_BENCH_SHARED` pointing to the folder holding `gen_corpus.py` and `hugo-site/`):")
    md.append("")
    md.append("```sh")
    md.append("make bench         # 1,000, 10,000 and 50,000 playbooks -> docs/performance.md")
    md.append("make bench-quick   # 1,000 only -> docs/performance-quick.md")
    md.append("python3 bench/run.py --sizes 10000 --runs 1 --out-md /tmp/perf.md   # any sizes")
    md.append("```")
    md.append("")
    md.append("Both targets build the release binary and install Debian's `hugo` when missing. "
              "Other machines give other times; compare ratios from one run, not times across runs.")
    md.append("")
    return "\n".join(md), met, failed


# --------------------------------------------------------------------------------------

def parse_sizes(text):
    try:
        sizes = [int(s) for s in text.split(",") if s.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("sizes are whole numbers separated by commas, e.g. 1000,10000")
    if not sizes or any(s < 1 for s in sizes):
        raise argparse.ArgumentTypeError("sizes must be at least 1")
    return sizes


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Benchmark playhub against Hugo over generated playbook hubs and write "
                    "the tables to a Markdown file. See bench/README.md.")
    ap.add_argument("--sizes", type=parse_sizes, default=[1000, 10000, 50000], metavar="N,N,...",
                    help="numbers of playbooks (default: 1000,10000,50000)")
    ap.add_argument("--runs", type=int, default=3, metavar="N",
                    help="full builds per tool and size, and rebuilds per size (default 3); "
                         "sizes of %s and more run once" % fmt_int(ONCE_FROM))
    ap.add_argument("--out-md", default="docs/performance.md", metavar="FILE",
                    help="Markdown report (default docs/performance.md; relative paths are "
                         "taken from the repository root)")
    ap.add_argument("--playhub", default=".build/release/playhub", metavar="PATH",
                    help="playhub binary (default .build/release/playhub, from the repository root)")
    ap.add_argument("--hugo", default="hugo", metavar="PATH", help="Hugo binary (default: hugo)")
    ap.add_argument("--skip-hugo", action="store_true", help="measure playhub only")
    ap.add_argument("--keep", action="store_true",
                    help="keep the temporary folder (corpora, outputs, logs)")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    args.playhub = os.path.abspath(from_repo(args.playhub))
    if not os.access(args.playhub, os.X_OK):
        die("no playhub binary at %s (build it with `make release`, or pass --playhub)" % args.playhub)
    if not args.skip_hugo:
        found = shutil.which(args.hugo)
        if not found:
            die("no `%s` on PATH (install it with `make hugo`, or pass --skip-hugo)" % args.hugo)
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
    bench = Bench(args, shared, work)
    try:
        for size in args.sizes:
            r = bench.size(size)
            results.append(r)
            print("## %s playbooks\n\n%s\n" % (fmt_int(size), "\n\n".join(size_tables(r, args.skip_hugo))),
                  flush=True)
    finally:
        if args.keep:
            log("bench: kept %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)

    text, met, failed = report(args, results, info, started, time.perf_counter() - t0)
    print(summary_md(results, args.skip_hugo)[0], flush=True)
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
