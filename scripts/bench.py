"""Throughput, start-up, parallel speed-up and peak memory of `zhfacts extract`.

jieba.lcut on the corpus's Chinese documents is the floor: zhfacts segments with jieba's
dictionary too, so the ratio shows what the rest of the pipeline costs. Every run is a fresh
subprocess, so start-up, dictionary loading and peak memory are those of a real invocation;
times are the best of --repeat runs, memory the largest.

Further checks: a one-sentence file end to end (next to a bare Python start); two copies of a
pure-Python loop at once against one, the speed-up this machine gives a second process at the
time of the run (a shared host often gives less than a whole core), the ceiling of every
--jobs 2 figure below; 40 report files
(the corpus's Chinese documents in turn) with --jobs 1, --jobs 2 and a Dask LocalCluster, each
checked to write the same table, and the two halves of every Chinese document as distinct
files with --jobs 1 and 2 (the 40 reports repeat documents, which a serial run's caches
favour); K copies of one document as K files (K = 1, 50 and 1,000): the peak memory should not grow with the number of files; one large file (--large characters,
extracted block by block, with --jobs 1 and 2): its throughput should be that of the 300,000
characters, and its memory flat; and one 30,000-character line of "3万人" without punctuation
(10,000 claims in one clause), whose time should grow with its length, not with its square: its
throughput is shown as a ratio to the corpus's. A last times start-up (the extract of a one-line
file) and the gazetteer's loads within it: the national table, one county's townships and
villages, and the township list, each as a share of start-up.

    python scripts/bench.py [--chars 300000] [--large 3000000] [--repeat 3] [--markdown]
"""
from __future__ import annotations

import argparse
import csv
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

#: jieba in a child: dictionary loaded before the clock starts, so only segmentation is timed.
JIEBA = """
import json, sys, time
import jieba
jieba.setLogLevel(60)
jieba.initialize()
with open(sys.argv[1], encoding="utf-8") as f:
    text = f.read()
start = time.perf_counter()
jieba.lcut(text)
print(json.dumps({"seconds": time.perf_counter() - start}))
"""

#: The extract command in a child, warmed up on a short file so imports and lexicons are loaded.
ZHFACTS = """
import json, sys, time
from zhfacts import cli
warm, path, out = sys.argv[1:4]
assert cli.main(["extract", warm, "-o", out]) == 0
start = time.perf_counter()
assert cli.main(["extract", path, "-o", out]) == 0
print(json.dumps({"seconds": time.perf_counter() - start}))
"""

#: The gazetteer's loads in a child, each timed from cold.
GAZETTEER = """
import json, time
from zhfacts.lang.zh import gazetteer, places
out = {}
start = time.perf_counter()
places.gazetteer()
out["national table"] = time.perf_counter() - start
start = time.perf_counter()
places._local_names(("150522",))
out["one county (科尔沁左翼后旗)"] = time.perf_counter() - start
start = time.perf_counter()
gazetteer.township_counties("迤那镇")
out["township list (a default township's county)"] = time.perf_counter() - start
print(json.dumps({"seconds": sum(out.values()), "loads": out}))
"""

CLI = [sys.executable, "-m", "zhfacts", "extract", "--quiet"]

#: Pure Python work of a second or so, no I/O: two of them at once show how much of a second
#: core this machine gives right now (a shared host gives less than a whole one).
SPIN = "x = 0\nfor i in range(15_000_000):\n    x += i"


def at_once(cmd: list[str], workdir: Path, count: int = 2) -> float:
    """Wall seconds of ``count`` copies of ``cmd`` started together, until the last ends."""
    start = time.perf_counter()
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env=child_env(workdir)) for _ in range(count)]
    if any(proc.wait() for proc in procs):
        sys.exit(f"bench: {' '.join(cmd)} failed")
    return time.perf_counter() - start


#: One clause without punctuation, 30,000 characters, every three of them a claim.
LONG_LINE = "3万人" * 10_000


@dataclass
class Run:
    wall: float  # seconds, whole process
    rss_mib: float  # peak resident memory of the process
    inner: float | None = None  # seconds the child reports for its own work, start-up excluded


def child_env(workdir: Path) -> dict[str, str]:
    """The children start as from an installed package, whose bytecode pip compiled once: where
    PYTHONDONTWRITEBYTECODE is set, a source checkout would be compiled again at every start.
    The bytecode goes to the run's temporary directory, not into the checkout."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    return env


def run(cmd: list[str], workdir: Path) -> Run:
    """Run ``cmd`` and reap it with wait4, which gives this child's own peak RSS."""
    out, err = workdir / "stdout", workdir / "stderr"
    with open(out, "wb") as stdout, open(err, "wb") as stderr:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=stdout, stderr=stderr, env=child_env(workdir))
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed ({proc.returncode}):\n{err.read_text(errors='replace')}")
    # ru_maxrss is in KiB on Linux, in bytes on macOS
    rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    text = out.read_text().strip()
    return Run(wall, rss, json.loads(text.splitlines()[-1])["seconds"] if text else None)


def best(runs: list[Run]) -> Run:
    """Fastest wall time, fastest inner time, largest memory: each figure at its own best or worst."""
    inner = [r.inner for r in runs if r.inner is not None]
    return Run(min(r.wall for r in runs), max(r.rss_mib for r in runs), min(inner) if inner else None)


def build_input(chars: int) -> str:
    """The corpus's Chinese documents one after another (jieba segments Chinese), repeated and
    cut to exactly ``chars`` characters."""
    docs = [p.read_text(encoding="utf-8").strip() for p in chinese()]
    if not docs:
        sys.exit(f"bench: no Chinese documents in {CORPUS}")
    block = "\n\n".join(docs) + "\n\n"
    return (block * (chars // len(block) + 1))[:chars]


def chinese() -> list[Path]:
    """The corpus's Chinese documents (simplified and traditional), by name."""
    with open(CORPUS / "manifest.csv", encoding="utf-8") as f:
        zh = [row["doc_id"] for row in csv.DictReader(f) if row["language"].startswith("zh")]
    return sorted(CORPUS / f"{d}.txt" for d in zh)


def reports(count: int) -> list[Path]:
    """The corpus's Chinese documents in turn, ``count`` of them."""
    docs = chinese()
    return [docs[i % len(docs)] for i in range(count)]


def throughput(chars: int, seconds: float | None) -> str:
    return f"{chars / seconds:,.0f} char/s ({seconds:.2f} s)" if seconds else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=300_000, help="size of the input (default 300000)")
    parser.add_argument("--large", type=int, default=3_000_000,
                        help="characters of the one large file, timed once with --jobs 1 and 2 (default 3000000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best is kept")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="zhfacts-bench-") as tmp:
        tmp = Path(tmp)
        text = build_input(args.chars)
        path = tmp / "bench.txt"
        path.write_text(text, encoding="utf-8")
        warm = tmp / "warm.txt"
        warm.write_text(text[:2000], encoding="utf-8")
        out = str(tmp / "out.csv")
        for cmd in ([sys.executable, "-c", JIEBA, str(warm)], CLI + [str(warm), "-o", out]):
            run(cmd, tmp)  # compiles the bytecode that the timed runs load

        jieba, cli, inproc = [], [], []
        for _ in range(args.repeat):
            jieba.append(run([sys.executable, "-c", JIEBA, str(path)], tmp))
            cli.append(run(CLI + [str(path), "-o", out], tmp))
            inproc.append(run([sys.executable, "-c", ZHFACTS, str(warm), str(path), out], tmp))
        jieba_run, cli_run, inproc_run = best(jieba), best(cli), best(inproc)

        one = tmp / "one.txt"
        one.write_text("2020年全旗黄牛存栏达80万头,人均养牛2.4头。\n", encoding="utf-8")
        bare = best([run([sys.executable, "-c", "pass"], tmp) for _ in range(args.repeat)])
        single = best([run(CLI + [str(one), "-o", out], tmp) for _ in range(args.repeat)])

        archive = tmp / "reports"
        archive.mkdir()
        for i, doc in enumerate(reports(40)):
            shutil.copyfile(doc, archive / f"{i:02d}-{doc.name}")
        archive_chars = sum(len(p.read_text(encoding="utf-8")) for p in archive.iterdir())
        spin = [sys.executable, "-c", SPIN]
        spin_alone = min(run(spin, tmp).wall for _ in range(args.repeat))
        spin_pair = min(at_once(spin, tmp) for _ in range(args.repeat))
        engines = {"--jobs 1": ["--jobs", "1"], "--jobs 2": ["--jobs", "2"], "--scheduler local": ["--scheduler", "local"]}
        timed = {}
        for name, flags in engines.items():
            target = tmp / f"archive{len(timed)}.csv"
            timed[name] = best([run(CLI + [str(archive), "-o", str(target), *flags], tmp) for _ in range(args.repeat)])
            if not filecmp.cmp(tmp / "archive0.csv", target, shallow=False):
                sys.exit(f"bench: {name} wrote other rows than --jobs 1")

        # The 40 reports are 19 documents twice, and a serial run's caches make a second copy
        # cheap: the same engines on distinct files, every Chinese document cut in two halves.
        halves = tmp / "halves"
        halves.mkdir()
        for doc in chinese():
            body = doc.read_text(encoding="utf-8")
            cut = body.find("\n\n", len(body) // 2)
            cut = cut + 2 if cut >= 0 else len(body) // 2
            (halves / f"{doc.stem}-1.txt").write_text(body[:cut], encoding="utf-8")
            (halves / f"{doc.stem}-2.txt").write_text(body[cut:], encoding="utf-8")
        halves_chars = sum(len(p.read_text(encoding="utf-8")) for p in halves.iterdir())
        distinct = {}
        for name in ("--jobs 1", "--jobs 2"):
            target = tmp / f"halves{len(distinct)}.csv"
            distinct[name] = best([run(CLI + [str(halves), "-o", str(target), *engines[name]], tmp)
                                   for _ in range(args.repeat)])
        if not filecmp.cmp(tmp / "halves0.csv", tmp / "halves1.csv", shallow=False):
            sys.exit("bench: --jobs 2 wrote other rows than --jobs 1 on the halves")

        document = CORPUS / "nea-2022.txt"
        files = {}
        for k in (1, 50, 1000):
            folder = tmp / f"files-{k}"
            folder.mkdir()
            for i in range(k):
                shutil.copyfile(document, folder / f"{document.stem}-{i:04d}.txt")
            files[k] = run(CLI + [str(folder), "-o", out, "--jobs", "1"], tmp)

        large = tmp / "large.txt"
        large.write_text(build_input(args.large), encoding="utf-8")
        large_run = run(CLI + [str(large), "-o", out, "--jobs", "1"], tmp)
        large_pool = run(CLI + [str(large), "-o", out, "--jobs", "2"], tmp)

        line = tmp / "line.txt"
        line.write_text(LONG_LINE, encoding="utf-8")
        line_run = best([run(CLI + [str(line), "-o", out], tmp) for _ in range(args.repeat)])
        tiny = tmp / "tiny.txt"
        tiny.write_text("2020年，全县粮食产量达26亿斤。\n", encoding="utf-8")
        startup = best([run(CLI + [str(tiny), "-o", out], tmp) for _ in range(args.repeat)])
        loads: dict[str, float] = {}
        for _ in range(args.repeat):
            run([sys.executable, "-c", GAZETTEER], tmp)
            for key, seconds in json.loads((tmp / "stdout").read_text().strip().splitlines()[-1])["loads"].items():
                loads[key] = min(loads.get(key, seconds), seconds)

    n = len(text)
    doc_chars = len(document.read_text(encoding="utf-8"))
    serial = timed["--jobs 1"].wall
    rows = [
        ("jieba.lcut", throughput(n, jieba_run.wall), throughput(n, jieba_run.inner), f"{jieba_run.rss_mib:.0f} MiB"),
        ("zhfacts extract", throughput(n, cli_run.wall), throughput(n, inproc_run.inner),
         f"{cli_run.rss_mib:.0f} MiB"),
        ("zhfacts / jieba, throughput", f"{jieba_run.wall / cli_run.wall:.3f}", f"{jieba_run.inner / inproc_run.inner:.3f}", ""),
        ("zhfacts extract (whole process) / jieba.lcut, time", f"{cli_run.wall / jieba_run.inner:.2f}x (goal: at most 1.5x)",
         f"{inproc_run.inner / jieba_run.inner:.2f}x", ""),
        ("python -c pass", f"{bare.wall:.2f} s", "-", f"{bare.rss_mib:.0f} MiB"),
        ("zhfacts extract, one sentence", f"{single.wall:.2f} s", "-", f"{single.rss_mib:.0f} MiB"),
        ("two pure-Python processes at once, against one (the machine's ceiling for --jobs 2)",
         f"{2 * spin_alone / spin_pair:.2f}x", "-", ""),
    ] + [
        (f"zhfacts extract, 40 reports, {name}",
         f"{throughput(archive_chars, r.wall)}, {serial / r.wall:.2f}x --jobs 1", "-", f"{r.rss_mib:.0f} MiB")
        for name, r in timed.items()
    ] + [
        (f"zhfacts extract, {len(chinese()) * 2} distinct halves of reports, {name}",
         f"{throughput(halves_chars, r.wall)}, {distinct['--jobs 1'].wall / r.wall:.2f}x --jobs 1", "-", f"{r.rss_mib:.0f} MiB")
        for name, r in distinct.items()
    ] + [
        (f"zhfacts extract, {k:,} × {document.name}", throughput(k * doc_chars, r.wall), "-", f"{r.rss_mib:.0f} MiB")
        for k, r in files.items()
    ] + [
        (f"zhfacts extract, one file of {args.large:,} characters, --jobs 1", throughput(args.large, large_run.wall), "-",
         f"{large_run.rss_mib:.0f} MiB"),
        ("large file / 300,000 characters, throughput", f"{(args.large / large_run.wall) / (n / cli_run.wall):.3f}", "", ""),
        (f"zhfacts extract, one file of {args.large:,} characters, --jobs 2",
         f"{throughput(args.large, large_pool.wall)}, {large_run.wall / large_pool.wall:.2f}x --jobs 1", "-",
         f"{large_pool.rss_mib:.0f} MiB"),
        ("zhfacts extract, one 30,000-character line", throughput(len(LONG_LINE), line_run.wall), "-",
         f"{line_run.rss_mib:.0f} MiB"),
        ("long line / corpus", f"{(len(LONG_LINE) / line_run.wall) / (n / cli_run.wall):.3f}", "", ""),
        ("start-up: extract of a one-line file", f"{startup.wall:.2f} s", "-", f"{startup.rss_mib:.0f} MiB"),
    ] + [
        (f"gazetteer: {key}", f"{seconds * 1000:.0f} ms ({seconds / startup.wall:.1%} of start-up)", "-", "")
        for key, seconds in loads.items()
    ]
    header = ("", "whole process", "in-process (start-up excluded)", "peak RSS")
    intro = (f"{n:,} characters (the corpus's Chinese documents repeated), best of {args.repeat}; "
             f"zhfacts / jieba is the ratio of throughputs (jieba's whole process includes loading its "
             f"dictionary), the time row the whole zhfacts process against jieba.lcut's segmentation alone; 40 reports: {archive_chars:,} characters, "
             f"each engine's table identical to --jobs 1's; peak RSS of the main process; {os.cpu_count()} cores; "
             f"load average (1 min) {load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after.")
    print(intro)
    print()
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")
    else:
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
