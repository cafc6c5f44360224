"""`make bench`: measure the lessons, the kernels, loading, validation at scale, widgets and charts.

Every figure is a ratio against a baseline measured in the same run (machines are noisy), or a
time next to its target. The table is printed and written to docs/benchmarks.md with the
machine's description. Nothing here is a test: targets are reported, never asserted.

    .venv/bin/python -m bench.run            # everything (a few minutes)
    .venv/bin/python -m bench.run --quick    # smaller sizes, for trying the script out
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat

from bench import explained
from bench.browser import bench_browser
from bench.pandera_check import bench_pandera

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "benchmarks.md"
PY = sys.executable
BASELINE_IMPORTS = "import pandas, matplotlib.pyplot, ipywidgets"


@dataclass
class Row:
    """One line of the results table."""

    measure: str
    value: str
    target: str
    met: bool | None
    note: str = ""


def _lessons() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _baseline_notebooks(folder: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(BASELINE_IMPORTS)]
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        path = folder / f"baseline_{i:02d}.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def _timed(cmd: list[str], cwd: Path = ROOT) -> float:
    env = {**os.environ, "PYTHONHASHSEED": "0", "MPLBACKEND": "Agg"}
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return elapsed


def _nbval(paths: list[Path]) -> list[str]:
    return [
        PY,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-o",
        "addopts=",
        "--nbval",
        "--nbval-current-env",
        "--nbval-sanitize-with",
        str(ROOT / "tests" / "nbval_sanitize.cfg"),
        *map(str, paths),
    ]


def bench_lesson_suite(work: Path) -> Row:
    lessons = _lessons()
    baseline = _baseline_notebooks(work, len(lessons))
    t_base = _timed(_nbval(baseline), cwd=work)
    t_lessons = _timed(_nbval(lessons))
    ratio = t_lessons / t_base
    return Row(
        f"1. lesson suite: strict nbval over {len(lessons)} lessons vs import-only notebooks",
        f"{ratio:.2f}× ({t_lessons:.1f} s vs {t_base:.1f} s)",
        "≤ 1.3×",
        ratio <= 1.3,
    )


# The kernel's own high-water mark of resident memory. /proc's VmHWM, because getrusage's
# ru_maxrss survives exec on Linux and would report the parent process's peak.
_PEAK_CELL = (
    "import re as _re, resource as _r\n"
    "try:\n"
    "    _t = open('/proc/self/status').read()\n"
    "    _kib = int(_re.search(r'VmHWM:\\s+(\\d+)', _t).group(1))\n"
    "except OSError:\n"
    "    _kib = _r.getrusage(_r.RUSAGE_SELF).ru_maxrss // 1024\n"
    "print('PEAK_KIB', _kib)"
)


def _peak_rss_kib(path: Path, cwd: Path) -> int:
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(_PEAK_CELL))
    NotebookClient(nb, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    return int(text.split()[-1])


def bench_kernel_memory(work: Path) -> list[Row]:
    [baseline] = _baseline_notebooks(work, 1)
    base = _peak_rss_kib(baseline, work)
    rows = []
    os.environ.setdefault("PAKAFGHAN_SCRATCH", str(work / "scratch"))
    for lesson in _lessons():
        peak = _peak_rss_kib(lesson, lesson.parent)
        ratio = peak / base
        rows.append(
            Row(
                f"2. kernel peak memory: {lesson.stem}",
                f"{ratio:.2f}× ({peak / 1024:.0f} MiB vs {base / 1024:.0f} MiB)",
                "≤ 1.25×",
                ratio <= 1.25,
            )
        )
    return rows


_STARTUP = """
import time
t0 = time.perf_counter()
import pandas
t1 = time.perf_counter()
import pakafghan
pakafghan.load_dataset()
t2 = time.perf_counter()
print(t2 - t1)
"""


def bench_startup(work: Path, repeats: int = 7) -> list[Row]:
    """Start-up in a new process, without the per-user table cache and with it (primed)."""
    rows = []
    for label, cache in (
        ("first start for a user (cache off: validates)", "off"),
        ("later starts (tables from the per-user cache)", str(work / "table-cache")),
    ):
        env = {**os.environ, "PAKAFGHAN_CACHE": cache}
        times = []
        for _ in range(repeats + 1):  # the first primes the cache; it is not counted
            out = subprocess.run(
                [PY, "-c", _STARTUP], capture_output=True, text=True, check=True, env=env
            )
            times.append(float(out.stdout.strip()))
        median = statistics.median(times[1:])
        rows.append(
            Row(
                f"3. start-up, {label}: import pakafghan + load all tables, beyond pandas",
                f"{median * 1000:.0f} ms (median of {repeats})",
                "≤ 100 ms",
                median <= 0.100,
            )
        )
    return rows


def _best_of(fn: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _frictionless_seconds(folder: Path) -> tuple[float, set[tuple[str, int, str]]]:
    code = (
        "import json, sys, time, frictionless\n"
        "t = time.perf_counter()\n"
        "report = frictionless.validate(sys.argv[1])\n"
        "took = time.perf_counter() - t\n"
        "cells = [[task.name, e.get('rowNumber'), e.get('fieldName')]\n"
        "         for task in report.tasks for e in [x.to_dict() for x in task.errors]]\n"
        "print(json.dumps({'seconds': took, 'cells': cells}))\n"
    )
    out = subprocess.run(
        [PY, "-c", code, str(folder / "datapackage.json")],
        capture_output=True,
        text=True,
        check=True,
        cwd=folder,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    cells = {(f"{name}.csv", row or 0, field or "") for name, row, field in result["cells"]}
    return result["seconds"], cells


def bench_scale(work: Path, sizes: list[int]) -> list[Row]:
    import pandas as pd

    import pakafghan
    from bench.synthetic import make_package

    rows = []
    ours_times = {}
    for n in sizes:
        for errors in (0, 300):
            folder = work / f"synthetic-{n}-{errors}"
            injected = make_package(folder, n, n_errors=errors)
            files = sorted(folder.glob("*.csv"))
            t_read = _best_of(lambda files=files: [pd.read_csv(f, dtype=str) for f in files], 3)
            report = pakafghan.validate(folder)
            t_ours = _best_of(lambda folder=folder: pakafghan.validate(folder), 3)
            ours_times[(n, errors)] = t_ours
            found = {(p.file, p.line, p.field) for p in report.problems}
            missed = [i for i in injected if (i.file, i.line, i.field) not in found]
            label = f"{n:,} events, {'valid' if not errors else f'{errors} errors'}"
            rows.append(
                Row(
                    f"4. validation vs bare read_csv: {label}",
                    f"{t_ours / t_read:.2f}× ({t_ours:.2f} s vs {t_read:.2f} s)",
                    "≤ 1.5× at 100k",
                    (t_ours / t_read <= 1.5) if n == max(sizes) else None,
                    f"{len(report.problems)} problems; injected errors missed: {len(missed)}",
                )
            )
            if errors and n >= 10_000:
                t_fl, theirs = _frictionless_seconds(folder)
                # Both count the header as line 1. frictionless gives no field for row-level
                # errors (duplicate key, broken reference): those match any problem on the row.
                ours_rows = {(f, line) for f, line, _ in found}
                not_ours = sorted(
                    (f, line, field)
                    for f, line, field in theirs
                    if (f, line, field) not in found and (field or (f, line) not in ours_rows)
                )
                rows.append(
                    Row(
                        f"4. validation vs frictionless: {label}",
                        f"{t_fl / t_ours:.0f}× faster ({t_ours:.2f} s vs {t_fl:.1f} s)",
                        "≥ 20× at 100k",
                        (t_fl / t_ours >= 20) if n == max(sizes) else None,
                        f"frictionless found {len(theirs)} cells; "
                        f"of those, not found by pakafghan: {len(not_ours)} {not_ours[:3]}",
                    )
                )
    if len(sizes) >= 2:
        small, big = sizes[-2], sizes[-1]
        growth = ours_times[(big, 0)] / ours_times[(small, 0)]
        rows.append(
            Row(
                f"4. growth: time({big:,}) / time({small:,}) for valid data",
                f"{growth:.1f} (linear would be {big / small:.0f})",
                f"≈ {big / small:.0f}",
                growth <= 1.5 * big / small,
            )
        )
    return rows


def _widget_builders() -> list[tuple[str, Callable]]:
    """Every widget builder the package lists (``pakafghan.widgets.__all__``), by name."""
    import pakafghan.widgets as package

    return [(name, getattr(package, name)) for name in package.__all__ if name != "LessonWidget"]


def _option_values(control) -> list:
    options = getattr(control, "options", None)
    if options:
        values = [o[1] if isinstance(o, tuple) else o for o in options]
        if hasattr(control, "index") and isinstance(control.value, tuple):  # range sliders
            n = len(values)
            return [(values[0], values[n // 2]), (values[n // 3], values[-1])]
        return values
    if hasattr(control, "min") and hasattr(control, "max"):
        return list(range(control.min, control.max + 1))
    return []


def bench_widgets(repeats: int = 3) -> list[Row]:
    import pakafghan

    ds = pakafghan.load_dataset()
    rows = []
    for name, builder in _widget_builders():
        widget = builder(ds)
        samples = []
        for control in widget.controls.values():
            original = control.value
            for value in _option_values(control)[:25] * repeats:
                if value == control.value:
                    continue
                start = time.perf_counter()
                control.value = value
                samples.append(time.perf_counter() - start)
            control.value = original
        if not samples:
            continue
        samples.sort()
        median = statistics.median(samples)
        p95 = samples[min(len(samples) - 1, int(0.95 * len(samples)))]
        rows.append(
            Row(
                f"5. widget latency: {name} ({len(samples)} changes)",
                f"median {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms",
                "median ≤ 50 ms",
                median <= 0.050,
            )
        )
    return rows


def bench_large_charts(work: Path, n: int) -> list[Row]:
    import pakafghan
    from bench.synthetic import make_package
    from pakafghan.charts.network import network_chart
    from pakafghan.charts.timeline import timeline_chart

    folder = work / f"synthetic-{n}-0"
    if not folder.exists():
        make_package(folder, n)
    ds = pakafghan.load_dataset(folder)
    rows = []
    for name, fn in (("timeline_chart", timeline_chart), ("network_chart", network_chart)):
        seconds = _best_of(lambda fn=fn: fn(ds).png(), 2)
        rows.append(
            Row(
                f"6. {name} on {n:,} events (drawn to PNG)",
                f"{seconds:.2f} s",
                "≤ 2 s",
                seconds <= 2.0,
            )
        )
    return rows


def _cpu_seconds(fn: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def bench_in_memory_charts(n: int = 100_000, repeats: int = 3) -> list[Row]:
    """The two charts on large data built in memory (no validation, no PNG): the timeline of
    the bundled events repeated ``n`` times over 60 days (it counts them per period), and the
    network of an export in which a few actors take part in most of ``n`` events."""
    import pakafghan
    from bench.synthetic import busy_network, repeated_events
    from pakafghan.charts.network import network_chart
    from pakafghan.charts.timeline import timeline_chart

    events = repeated_events(pakafghan.load_dataset(), n, days=60)
    busy = busy_network(n)
    wall = _best_of(lambda: timeline_chart(events), repeats)
    cpu = _cpu_seconds(lambda: network_chart(busy), repeats)
    return [
        Row(
            f"6. timeline_chart on {n:,} repeated events, counted (wall time, no PNG)",
            f"{wall:.2f} s",
            "≤ 2 s",
            wall <= 2.0,
        ),
        Row(
            f"6. network_chart on a {n:,}-event export with busy actors (CPU time, no PNG)",
            f"{cpu:.2f} s",
            "≤ 2 s",
            cpu <= 2.0,
        ),
    ]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    import matplotlib
    import pandas

    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}){mem}; "
        f"Python {platform.python_version()}, pandas {pandas.__version__}, "
        f"matplotlib {matplotlib.__version__}"
    )


def render(rows: list[Row], seconds: float) -> str:
    mark = {True: "met", False: "**not met**", None: ""}
    lines = [
        "| measure | result | target | met? | note |",
        "|---|---|---|---|---|",
        *(f"| {r.measure} | {r.value} | {r.target} | {mark[r.met]} | {r.note} |" for r in rows),
    ]
    return "\n".join(lines) + f"\n\nMachine: {machine()}. Whole run: {seconds:.0f} s.\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run")
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the script")
    args = parser.parse_args(argv)
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    start = time.perf_counter()
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="pakafghan-bench-") as tmp:
        work = Path(tmp)
        steps = [
            lambda: bench_startup(work),
            lambda: bench_scale(work, sizes),
            lambda: bench_pandera(work, sizes),
            lambda: bench_large_charts(work, sizes[-1]),
            lambda: bench_in_memory_charts(sizes[-1]),
            bench_widgets,
            lambda: [bench_lesson_suite(work)],
            lambda: bench_kernel_memory(work),
            lambda: bench_browser(work, rounds=1 if args.quick else 3),
        ]
        for step in steps:
            new = step()
            for row in new:
                print(f"{row.measure}: {row.value} (target {row.target})", flush=True)
            rows += new
    table = render(rows, time.perf_counter() - start) + "\n" + explained.render(rows)
    print("\n" + table)
    DOCS.parent.mkdir(exist_ok=True)
    DOCS.write_text(
        "# Benchmarks\n\nWritten by `make bench` (bench/run.py). Ratios are against baselines "
        "measured in the same run; times are best or median of several runs.\n\n" + table,
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
