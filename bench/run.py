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
Environment: BENCH_RUNS (runs per size, default 5; 3 for 10,000), BENCH_DIR (work folder).
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


def timed(command, cwd=ROOT, env=None):
    """Runs a command under /usr/bin/time; returns (wall seconds, peak RSS in MB)."""
    report = os.path.join(WORK, "time.txt")
    started = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-o", report, "-f", "%M"] + command, cwd=cwd, env=env,
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


def fresh(base):
    fresh.counter[0] += 1
    return f"{base}-{fresh.counter[0]}"


fresh.counter = [0]


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
        runs = int(os.environ.get("BENCH_RUNS", "3" if size >= 10000 else "5"))
        floor_walls = None
        for mode in MODES:
            out = os.path.join(outputs, f"out-{size}-{mode}")
            with launcher_mode(mode, outputs, f"{size}") as mode_env:
                warmups = [timed([LAUNCHER, "convert", "-f", inputs, "-o", fresh(out)], env=mode_env)[0]
                           for _ in range(WARMUPS[mode](size))]
                settle()
                walls, peaks = [], []
                for _ in range(runs):
                    wall, peak = timed([LAUNCHER, "convert", "-f", inputs, "-o", fresh(out)], env=mode_env)
                    walls.append(wall)
                    peaks.append(peak)
                last = f"{out}-{fresh.counter[0]}"
                written = output_bytes(last)
                files_written = sum(len(f) for _, _, f in os.walk(last))
                settle()
                reruns = [timed([LAUNCHER, "convert", "-f", inputs, "-o", last], env=mode_env)[0] for _ in range(runs)]
                peak = max(max(peaks), server_peak(mode_env))
            settle()
            if floor_walls is None:
                floor_walls = []
                for _ in range(runs):
                    target = fresh(os.path.join(outputs, f"floor-{size}"))
                    wall, _ = timed(["java", "-XX:+UseParallelGC", "-XX:GCTimeRatio=19", "-XX:MaxTenuringThreshold=1", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                                     "-XX:CompileThresholdScaling=0.5", "-Xmn128m",
                                     "-cp", f"{yaml_jar}:{floor_classes}",
                                     "Floor", inputs, target, last])
                    floor_walls.append(wall)
            median = statistics.median(walls)
            rows.append((size, mode, objects, median, walls, objects / median, peak, written,
                         statistics.median(floor_walls), files_written, statistics.median(reruns), warmups))
            print(f"{size} applications, {mode}: done", file=sys.stderr)

    small = os.path.join(ROOT, "..", "shared", "corpus", "k8s-guestbook")
    small_rows = []
    if os.path.isdir(small):
        for mode in MODES:
            settle()
            with launcher_mode(mode, outputs, "small") as mode_env:
                out = os.path.join(outputs, f"out-small-{mode}")
                warmups = [timed([LAUNCHER, "convert", "-f", small, "-o", out], env=mode_env)[0]
                           for _ in range(WARMUPS[mode](30))]
                walls = [timed([LAUNCHER, "convert", "-f", small, "-o", out], env=mode_env)[0] for _ in range(10)]
                small_rows.append((mode, statistics.median(walls), min(walls), warmups))

    print(f"kube2ecs benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, load average before: "
          f"{os.getloadavg()[0]:.2f}; all three targets through bin/kube2ecs")
    print("| applications | launcher | objects | median wall | timed runs, in order | objects/s | peak RSS | output | floor (parse + write) "
          "| rerun, output unchanged | warm-up runs |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for size, mode, objects, median, walls, rate, peak, written, floor, files, rerun, warmups in rows:
        print(f"| {size:,} | {mode} | {objects:,} | {median:.2f} s | {', '.join(f'{w:.2f}' for w in walls)} s | {rate:,.0f} | {peak:.0f} MB | "
              f"{files:,} files, {written / 1e6:.1f} MB | {floor:.2f} s | {rerun:.2f} s | "
              f"{', '.join(f'{w:.2f}' for w in warmups)} |")
    for mode in MODES:
        by_size = {r[0]: r[3] for r in rows if r[1] == mode}
        if 1000 in by_size and 10000 in by_size:
            print(f"10,000 / 1,000 time ratio, {mode}: {by_size[10000] / by_size[1000]:.1f}")
    for mode, median, low, warmups in small_rows:
        print(f"small case (k8s-guestbook), {mode}, warm, 10 runs: median {median:.2f} s, min {low:.2f} s "
              f"(warm-up runs: {', '.join(f'{w:.2f}' for w in warmups)})")
    shutil.rmtree(outputs, ignore_errors=True)


# "server": bin/kube2ecs as a user runs it outside CI: the first conversion runs in its own JVM and starts
# a conversion server, later ones are sent to it (docs/server.md). Each size gets a server of its own, so
# its peak memory is that size's. "one JVM per run": KUBE2ECS_SERVER=off, as in CI.
MODES = ["server", "one JVM per run"]
# a server compiles with C2 over its first runs: time it once that settled, and print those runs too
WARMUPS = {"server": lambda size: 2 if size >= 10000 else 8, "one JVM per run": lambda size: 1}


class launcher_mode:
    def __init__(self, mode, outputs, name):
        self.mode = mode
        self.runtime = os.path.join(outputs, f"server-{name}")
        self.env = dict(os.environ)

    def __enter__(self):
        if self.mode == "server":
            os.makedirs(self.runtime, mode=0o700)
            self.env.update(KUBE2ECS_SERVER="on", XDG_RUNTIME_DIR=self.runtime)
        else:
            self.env.update(KUBE2ECS_SERVER="off")
        return self.env

    def __exit__(self, *exc):
        for socket in glob.glob(os.path.join(self.runtime, "kube2ecs-*", "*.sock")):
            os.remove(socket)  # the server leaves within a second
        time.sleep(1.5 if self.mode == "server" else 0)
        return False


def server_pid(env):
    """The server listening in this mode's folder, if any."""
    runtime = env.get("XDG_RUNTIME_DIR")
    if env.get("KUBE2ECS_SERVER") != "on" or not runtime:
        return None
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if f"-Dkube2ecs.serve={runtime}/".encode() in f.read():
                        return int(pid)
            except OSError:
                pass
    return None


def server_peak(env):
    """The server's peak resident memory in MB (VmHWM), 0 without one."""
    pid = server_pid(env)
    if pid is None:
        return 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0

if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000, 10000])
