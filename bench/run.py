#!/usr/bin/env python3
"""The kube2ecs benchmark: converts generated applications to all three targets through the real
launcher (bin/kube2ecs) and prints, per size, the median wall time over several runs, objects per
second and peak memory (RSS), next to the floor: parsing the same input with snakeyaml-engine and
writing as many files, folders and bytes as kube2ecs wrote. Each timed run writes into a new output
folder, and nothing is deleted until every measurement is taken: this machine's ext4 (no journal)
skips inodes freed in the last minute or more when it allocates new ones, so a run that creates
thousands of files right after thousands were removed spends seconds of kernel time that neither
tool causes. Also times a rerun into an existing, unchanged output, and the small case (the
guestbook, warm). The outputs go to a new folder per invocation, removed at the end.

Usage: bench/run.py [SIZE ...]      (default 100 1000 10000)
Environment: BENCH_RUNS (runs per size, default 5; 2 for 10,000), BENCH_DIR (work folder).
Not a test: it asserts nothing about time; bench/README.md records what it printed.
"""
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAUNCHER = os.path.join(ROOT, "bin", "kube2ecs")
WORK = os.environ.get("BENCH_DIR", os.path.join(tempfile.gettempdir(), "kube2ecs-bench"))


def timed(command, cwd=ROOT):
    """Runs a command under /usr/bin/time; returns (wall seconds, peak RSS in MB)."""
    report = os.path.join(WORK, "time.txt")
    started = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-o", report, "-f", "%M"] + command, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed with exit {result.returncode}:\n{result.stderr[-2000:]}")
    with open(report) as f:
        rss_kb = int(f.read().split()[-1])
    return wall, rss_kb / 1024


def count_objects(path):
    with open(path) as f:
        text = f.read()
    return text.count("\nkind: ") + text.startswith("kind: ")


def output_bytes(folder):
    return sum(os.path.getsize(p) for p in glob.glob(os.path.join(folder, "**"), recursive=True) if os.path.isfile(p))


def settle():
    """Flushes what earlier runs wrote: the kernel writing back hundreds of megabytes of output while a
    later run is timed took a core from it (a 1,000-application run measured 2.8 s instead of 2.2 s)."""
    os.sync()
    time.sleep(3)


def fresh(base, counter=[0]):
    counter[0] += 1
    return f"{base}-{counter[0]}"


def snakeyaml_jar():
    jars = sorted(glob.glob(os.path.expanduser("~/.m2/repository/org/snakeyaml/snakeyaml-engine/*/snakeyaml-engine-*.jar")))
    version = subprocess.run(["mvn", "-q", "-o", "help:evaluate", "-Dexpression=snakeyaml-engine.version", "-DforceStdout"],
                             cwd=ROOT, capture_output=True, text=True).stdout.strip()
    chosen = [j for j in jars if f"/{version}/" in j] or jars
    if not chosen:
        sys.exit("snakeyaml-engine is not in ~/.m2; run mvn -B verify first")
    return chosen[-1]


def main(sizes):
    os.makedirs(WORK, exist_ok=True)
    outputs = os.path.join(WORK, time.strftime("run-%Y%m%d-%H%M%S") + f"-{os.getpid()}")
    os.makedirs(outputs)
    subprocess.run([LAUNCHER, "--version"], check=True, stdout=subprocess.DEVNULL)  # builds the jar if stale
    yaml_jar = snakeyaml_jar()
    floor_classes = os.path.join(WORK, "floor-classes")
    subprocess.run(["javac", "-cp", yaml_jar, "-d", floor_classes, os.path.join(ROOT, "bench", "Floor.java")], check=True)
    rows = []
    for size in sizes:
        inputs = os.path.join(WORK, f"apps-{size}")
        if not os.path.isdir(inputs):
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), str(size), inputs], check=True,
                           stdout=subprocess.DEVNULL)
        objects = sum(count_objects(f) for f in glob.glob(os.path.join(inputs, "*.yaml")))
        out = os.path.join(outputs, f"out-{size}")
        runs = int(os.environ.get("BENCH_RUNS", "2" if size >= 10000 else "5"))
        walls, peaks = [], []
        timed([LAUNCHER, "convert", "-f", inputs, "-o", out])  # warm-up: page cache, class-data archive
        settle()
        for _ in range(runs):
            target = fresh(out)
            wall, peak = timed([LAUNCHER, "convert", "-f", inputs, "-o", target])
            walls.append(wall)
            peaks.append(peak)
        written = output_bytes(out)
        files_written = sum(len(f) for _, _, f in os.walk(out))
        settle()
        reruns = [timed([LAUNCHER, "convert", "-f", inputs, "-o", out])[0] for _ in range(runs)]
        settle()
        floor_walls = []
        for _ in range(runs):
            target = fresh(os.path.join(outputs, f"floor-{size}"))
            wall, _ = timed(["java", "-XX:+UseParallelGC", "-XX:GCTimeRatio=19", "-XX:MaxTenuringThreshold=1", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                             "-XX:CompileThresholdScaling=0.5", "-Xmn128m",
                             "-cp", f"{yaml_jar}:{floor_classes}",
                             "Floor", inputs, target, out])
            floor_walls.append(wall)
        median = statistics.median(walls)
        rows.append((size, objects, median, min(walls), max(walls), objects / median, max(peaks), written,
                     statistics.median(floor_walls), files_written, statistics.median(reruns)))
        print(f"{size} applications done", file=sys.stderr)

    small = os.path.join(ROOT, "..", "shared", "corpus", "k8s-guestbook")
    small_walls = []
    settle()
    if os.path.isdir(small):
        timed([LAUNCHER, "convert", "-f", small, "-o", os.path.join(outputs, "out-small")])
        for _ in range(10):
            small_walls.append(timed([LAUNCHER, "convert", "-f", small, "-o", os.path.join(outputs, "out-small")])[0])

    print(f"kube2ecs benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, load average before: "
          f"{os.getloadavg()[0]:.2f}; all three targets through bin/kube2ecs")
    print("| applications | objects | median wall | min–max | objects/s | peak RSS | output | floor (parse + write) "
          "| rerun, output unchanged |")
    print("|---|---|---|---|---|---|---|---|---|")
    for size, objects, median, low, high, rate, peak, written, floor, files, rerun in rows:
        print(f"| {size:,} | {objects:,} | {median:.2f} s | {low:.2f}–{high:.2f} s | {rate:,.0f} | {peak:.0f} MB | "
              f"{files:,} files, {written / 1e6:.1f} MB | {floor:.2f} s | {rerun:.2f} s |")
    by_size = {r[0]: r[2] for r in rows}
    if 1000 in by_size and 10000 in by_size:
        print(f"10,000 / 1,000 time ratio: {by_size[10000] / by_size[1000]:.1f}")
    if small_walls:
        print(f"small case (k8s-guestbook, warm, 10 runs): median {statistics.median(small_walls):.2f} s, "
              f"min {min(small_walls):.2f} s")
    shutil.rmtree(outputs, ignore_errors=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 10000])
