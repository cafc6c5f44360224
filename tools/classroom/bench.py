"""A class on the hub at once, two faults, and what it cost (``make classroom-bench``).

:func:`run_class` drives, on a running :class:`~tools.classroom.hub.Hub`:

1. an **import-only learner**: a server whose only notebook imports what the lessons' baseline
   imports (``bench.run.BASELINE_IMPORTS``), for the memory ratios;
2. **one learner alone**, running the lesson: the time the class is compared with;
3. **the class**: every learner logs in, starts a server, finds the learner edition in their
   folder, saves a note, opens the lesson with a kernel; when all are ready (a barrier) all run
   every cell at the same moment, then save the lesson with its outputs;
4. **fault (a)**: one learner runs the lesson again and their server is killed (SIGKILL) half way;
   the hub starts it again, their note and saved lesson must still be there, and the lesson is
   run once more;
5. **fault (b)**: the hub process is stopped and started again while every learner's server
   runs; each server must still answer, their kernels still run code, nothing saved is lost.

Memory is the resident memory (RSS) of the hub's whole process tree (hub, proxy, every
single-user server and kernel), summed every :data:`SAMPLE_SECONDS` by a thread; per learner, the
peak of their server plus kernels. Everything is bounded: at most :data:`MAX_LEARNERS`, every wait
has a timeout, and the whole run :data:`TOTAL_SECONDS`.

Example:
    >>> ratio_text(1.5, 1.0)
    '1.50×'
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field

import psutil

from bench.run import BASELINE_IMPORTS
from tools.classroom.hub import Hub, role
from tools.classroom.learners import Learner, LearnerError, LessonRun, lesson_path

MAX_LEARNERS = 40
TOTAL_SECONDS = 540
SAMPLE_SECONDS = 0.5
NOTE = "notes.txt"
MIB = 1024 * 1024


def _progress(text: str) -> None:
    print(f">> {text}", file=sys.stderr, flush=True)


def ratio_text(value: float, base: float) -> str:
    """``value / base`` as a ratio for the report."""
    return f"{value / base:.2f}×" if base else "n/a"


class MemorySampler(threading.Thread):
    """Sums the RSS of the hub's processes every ``interval`` seconds, in phases.

    ``sampler.phase = "class"`` starts a new phase; ``peaks[phase]`` holds the phase's peak of
    the whole tree (``"total"``), of hub + proxy (``"hub"``), and per learner of server + kernels
    (``"server+kernel:<name>"``) and of kernels alone (``"kernel:<name>"``).
    """

    def __init__(self, hub: Hub, interval: float = SAMPLE_SECONDS) -> None:
        super().__init__(daemon=True)
        self.hub = hub
        self.interval = interval
        self.phase = "start"
        self.peaks: dict[str, dict[str, int]] = {}
        self.samples = 0
        self._users: dict[tuple[int, float], str] = {}
        self._done = threading.Event()

    def _user(self, process: psutil.Process) -> str:
        key = (process.pid, process.create_time())
        if key not in self._users:
            self._users[key] = process.environ().get("JUPYTERHUB_USER", "")
        return self._users[key]

    def sample(self) -> None:
        sums: dict[str, int] = {"total": 0, "hub": 0}
        for process in self.hub.processes():
            try:
                rss, kind, user = process.memory_info().rss, role(process), self._user(process)
            except psutil.Error:
                continue
            sums["total"] += rss
            if kind in ("hub", "proxy"):
                sums["hub"] += rss
            if user:
                sums[f"server+kernel:{user}"] = sums.get(f"server+kernel:{user}", 0) + rss
                if kind == "kernel":
                    sums[f"kernel:{user}"] = sums.get(f"kernel:{user}", 0) + rss
        peaks = self.peaks.setdefault(self.phase, {})
        for key, value in sums.items():
            peaks[key] = max(peaks.get(key, 0), value)
        self.samples += 1

    def run(self) -> None:
        while not self._done.wait(self.interval):
            try:
                self.sample()
            except psutil.Error:
                continue

    def stop(self) -> None:
        self._done.set()
        self.join(5)

    def learner_peak(self, phase: str, names: list[str], kind: str = "server+kernel") -> float:
        """The mean over ``names`` of each learner's peak in ``phase``, in MiB."""
        peaks = self.peaks.get(phase, {})
        values = [peaks.get(f"{kind}:{n}", 0) for n in names]
        return sum(values) / len(values) / MIB if values else 0.0


@dataclass
class Fault:
    """What one fault left: each check by name, True when it held."""

    name: str
    checks: dict[str, bool] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def survived(self) -> bool:
        return bool(self.checks) and all(self.checks.values())


@dataclass
class ClassReport:
    """Every figure of one run (filled as the run goes: a failed run still reports its part)."""

    learners: int
    lesson: str
    cores: int = os.cpu_count() or 1
    solo_seconds: float = 0.0
    class_seconds: float = 0.0
    runs: dict[str, LessonRun] = field(default_factory=dict)
    server_start_seconds: list[float] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    listening: set[str] = field(default_factory=set)
    peak_total_mib: float = 0.0
    peak_hub_mib: float = 0.0
    per_learner_mib: float = 0.0
    per_learner_kernel_mib: float = 0.0
    import_only_mib: float = 0.0
    import_only_kernel_mib: float = 0.0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def completed(self) -> int:
        return sum(run.ok for run in self.runs.values())

    def table(self) -> str:
        """The report as a plain table (one figure a line)."""
        ideal = self.learners * self.solo_seconds / self.cores
        rows = [
            ("learners, lesson", f"{self.learners}, {self.lesson}"),
            ("lessons completed without error", f"{self.completed} of {self.learners}"),
            ("one learner alone (Run All)", f"{self.solo_seconds:.1f} s"),
            ("whole class at once (Run All)", f"{self.class_seconds:.1f} s"),
            (
                f"class ÷ (learners × alone ÷ {self.cores} cores)",
                f"{ratio_text(self.class_seconds, ideal)} (target ≤ 1.2×)",
            ),
            (
                "server start (min / max)",
                f"{min(self.server_start_seconds, default=0):.1f} / "
                f"{max(self.server_start_seconds, default=0):.1f} s",
            ),
            ("peak memory, whole hub tree", f"{self.peak_total_mib:.0f} MiB"),
            ("  of which hub + proxy", f"{self.peak_hub_mib:.0f} MiB"),
            ("per learner (server + kernel)", f"{self.per_learner_mib:.0f} MiB"),
            ("per learner, kernel only", f"{self.per_learner_kernel_mib:.0f} MiB"),
            ("import-only learner (server + kernel)", f"{self.import_only_mib:.0f} MiB"),
            ("import-only learner, kernel only", f"{self.import_only_kernel_mib:.0f} MiB"),
            (
                "learner ÷ import-only (server + kernel)",
                f"{ratio_text(self.per_learner_mib, self.import_only_mib)} (target ≤ 1.25×)",
            ),
            (
                "learner ÷ import-only (kernel)",
                f"{ratio_text(self.per_learner_kernel_mib, self.import_only_kernel_mib)}"
                " (target ≤ 1.25×)",
            ),
            ("listening on", ", ".join(sorted(self.listening)) or "nothing seen"),
        ]
        for fault in self.faults:
            verdict = "survived" if fault.survived else "NOT survived"
            rows.append((f"fault: {fault.name}", verdict))
            rows += [
                (f"  {check}", "yes" if held else "NO") for check, held in fault.checks.items()
            ]
            rows += [("  note", note) for note in fault.notes]
        failed = {n: r for n, r in self.runs.items() if not r.ok}
        for name, run in sorted(failed.items()):
            rows.append((f"failed: {name}", run.interrupted or "; ".join(run.errors[:3])))
        rows += [("problem", p) for p in self.problems]
        rows.append(("whole benchmark", f"{self.seconds:.0f} s"))
        width = max(len(r[0]) for r in rows)
        return "\n".join(f"{label.ljust(width)}  {value}" for label, value in rows)


@dataclass
class Seat:
    """One learner of the class and what they have open and saved."""

    learner: Learner
    session_id: str = ""
    socket: object = None
    kernel_id: str = ""
    note: str = ""
    notebook: dict = field(default_factory=dict)


async def _seat(hub: Hub, name: str, report: ClassReport) -> Seat:
    """A learner ready for Run All: logged in, server started, note saved, lesson open."""
    learner = Learner(hub.url, name, hub.password, hub.admin_token)
    step = "logging in"
    try:
        await learner.log_in()
        step = "starting the server"
        report.server_start_seconds.append(await learner.start_server())
        seat = Seat(learner, note=f"{name} was here before the faults.")
        step = "saving a note"
        await learner.save_text(NOTE, seat.note)
        seat.notebook = await learner.notebook(lesson_path(report.lesson))
        step = "opening the lesson's kernel"
        seat.session_id, seat.socket = await learner.open_kernel(lesson_path(report.lesson))
        seat.kernel_id = (await learner.api(f"/sessions/{seat.session_id}"))["kernel"]["id"]
    except Exception as error:  # said with the step, so a report tells where a learner stopped
        raise LearnerError(f"{step}: {error}") from error
    return seat


async def _run_alone(hub: Hub, name: str, path: str, notebook: dict | None) -> LessonRun:
    """One learner alone: log in, start, run the notebook at ``path``, stop the server."""
    learner = Learner(hub.url, name, hub.password, hub.admin_token)
    await learner.log_in()
    await learner.start_server()
    if notebook is not None:
        await learner.save_notebook(path, notebook)
    nb = await learner.notebook(path)
    session_id, socket = await learner.open_kernel(path)
    run = await learner.run_cells(nb, socket)
    await asyncio.sleep(2 * SAMPLE_SECONDS)  # let the sampler see the kernel's final size
    await learner.close_session(session_id, socket)
    await learner.stop_server()
    return run


async def _import_only(hub: Hub, sampler: MemorySampler, report: ClassReport) -> None:
    sampler.phase = "import-only"
    cell = {"cell_type": "code", "source": BASELINE_IMPORTS, "metadata": {}, "outputs": []}
    notebook = {
        "cells": [{**cell, "execution_count": None}],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    run = await _run_alone(hub, "importonly", "import_only.ipynb", notebook)
    if not run.ok:
        report.problems.append(f"import-only learner: {run.interrupted or run.errors}")
    report.import_only_mib = sampler.learner_peak("import-only", ["importonly"])
    report.import_only_kernel_mib = sampler.learner_peak("import-only", ["importonly"], "kernel")


async def _fault_server_killed(hub: Hub, seat: Seat, lesson: str) -> Fault:
    fault = Fault(f"{seat.learner.name}'s server killed mid-lesson, restarted by the hub")
    learner = seat.learner
    await learner.close_session(seat.session_id, seat.socket)
    notebook = await learner.notebook(lesson_path(lesson))
    session_id, socket = await learner.open_kernel(lesson_path(lesson))
    half = len([c for c in notebook["cells"] if c["cell_type"] == "code"]) // 2
    killed: list[int] = []

    async def kill_at_half(i: int) -> None:
        if i + 1 == half:
            for process in hub.processes_of(learner.name):
                if role(process) == "server":
                    process.send_signal(signal.SIGKILL)
                    killed.append(process.pid)

    interrupted = await learner.run_cells(notebook, socket, after_cell=kill_at_half)
    fault.checks["server process killed half way"] = bool(killed) and bool(interrupted.interrupted)
    for _ in range(10):  # a kernel whose server died notices and exits (ipykernel's poller)
        orphans = [p for p in hub.processes_of(learner.name) if role(p) == "kernel"]
        if not orphans:
            break
        await asyncio.sleep(0.5)
    fault.checks["no kernel left behind by the killed server"] = not orphans
    for process in orphans:
        fault.notes.append(f"orphaned kernel {process.pid} ended by the benchmark")
        process.kill()
    try:
        seconds = await learner.start_server()
        fault.notes.append(f"server started again by the hub in {seconds:.1f} s")
        fault.checks["server started again through the hub"] = True
    except LearnerError as error:
        fault.checks["server started again through the hub"] = False
        fault.notes.append(str(error))
        return fault
    fault.checks["saved note still there"] = await learner.read_text(NOTE) == seat.note
    saved = await learner.notebook(lesson_path(lesson))
    fault.checks["saved lesson (with outputs) still there"] = saved == seat.notebook
    session_id, socket = await learner.open_kernel(lesson_path(lesson))
    rerun = await learner.run_cells(saved, socket)
    fault.checks["lesson run again without error"] = rerun.ok
    if not rerun.ok:
        fault.notes.append(rerun.interrupted or "; ".join(rerun.errors[:3]))
    seat.session_id, seat.socket = session_id, socket
    seat.kernel_id = (await learner.api(f"/sessions/{session_id}"))["kernel"]["id"]
    return fault


async def _answers(seat: Seat) -> bool:
    try:
        await seat.learner.api("/status")
        return True
    except LearnerError:
        return False


async def _all_ready(seats: list[Seat], timeout: float = 60) -> bool:
    """Wait until the hub reports every seat's server ready; False after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        users = {u["name"]: u for u in await seats[0].learner.hub_api("/users")}
        names = [s.learner.name for s in seats]
        if all(users.get(n, {}).get("servers", {}).get("", {}).get("ready") for n in names):
            return True
        await asyncio.sleep(0.5)
    return False


async def _fault_hub_restarted(hub: Hub, seats: list[Seat], report: ClassReport) -> Fault:
    fault = Fault("hub restarted while learners' servers run")
    servers = {p.pid for p in hub.processes() if role(p) == "server"}
    await asyncio.to_thread(hub.stop_hub)
    during = await asyncio.gather(*(_answers(s) for s in seats))
    fault.notes.append(f"while the hub was down, {sum(during)} of {len(seats)} servers answered")
    restart = time.monotonic()
    await asyncio.to_thread(hub.start_hub)
    fault.checks["the hub knows every server as ready again"] = await _all_ready(seats)
    fault.notes.append(f"hub back, every server known, in {time.monotonic() - restart:.1f} s")
    after = {p.pid for p in hub.processes() if role(p) == "server"}
    fault.checks["every server process kept (same pids)"] = servers == after
    answered = await asyncio.gather(*(_answers(s) for s in seats))
    fault.checks["every server answers through the proxy"] = all(answered)
    kept, alive, lost = 0, 0, []
    for seat in seats:
        learner = seat.learner
        try:
            note = await learner.read_text(NOTE)
            saved = await learner.notebook(lesson_path(report.lesson))
        except LearnerError as error:
            lost.append(str(error))
            continue
        kept += note == seat.note and saved == seat.notebook
        seat.socket.close()
        try:  # the kernel opened before the restart still runs code, with its state
            _, seat.socket = await learner.open_kernel(lesson_path(report.lesson))
            alive += seat.kernel_id in {k["id"] for k in await learner.api("/kernels")}
        except (LearnerError, TimeoutError) as error:
            lost.append(str(error))
    fault.checks["every note and saved lesson kept"] = kept == len(seats)
    fault.checks["every learner's kernel still running"] = alive == len(seats)
    fault.notes += lost[:3]
    return fault


async def _class(hub: Hub, report: ClassReport, sampler: MemorySampler) -> list[Seat]:
    names = [f"learner{i + 1:02d}" for i in range(report.learners)]
    sampler.phase = "class"
    ready = await asyncio.gather(*(_seat(hub, n, report) for n in names), return_exceptions=True)
    seats = []
    for name, seat in zip(names, ready, strict=True):
        if isinstance(seat, BaseException):  # counted as not completed; the others go on
            report.runs[name] = LessonRun(interrupted=f"before the lesson: {seat}")
        else:
            seats.append(seat)
    if not seats:
        raise LearnerError("no learner got as far as opening the lesson")
    report.listening = hub.listening()
    barrier = asyncio.Barrier(len(seats) + 1)
    finished: dict[str, float] = {}

    async def run(seat: Seat) -> None:
        await barrier.wait()
        report.runs[seat.learner.name] = await seat.learner.run_cells(seat.notebook, seat.socket)
        finished[seat.learner.name] = time.monotonic()
        await seat.learner.save_notebook(lesson_path(report.lesson), seat.notebook)

    tasks = [asyncio.create_task(run(s)) for s in seats]
    _progress(f"{len(seats)} learners press Run All at once")
    await barrier.wait()
    released = time.monotonic()
    await asyncio.gather(*tasks)
    report.class_seconds = max(finished.values()) - released
    for seat in seats:  # what each saved, as the server holds it (outputs included)
        seat.notebook = await seat.learner.notebook(lesson_path(report.lesson))
    report.peak_total_mib = sampler.peaks["class"]["total"] / MIB
    report.peak_hub_mib = sampler.peaks["class"]["hub"] / MIB
    report.per_learner_mib = sampler.learner_peak("class", names)
    report.per_learner_kernel_mib = sampler.learner_peak("class", names, "kernel")
    return seats


async def run_class(
    hub: Hub,
    learners: int,
    lesson: str,
    *,
    baseline: bool = True,
    faults: bool = True,
) -> ClassReport:
    """Run the whole benchmark on a started ``hub``; see the module's docstring.

    ``baseline=False`` skips the import-only and the lone learner (the test checks
    correctness, not time). Raises ValueError for more than :data:`MAX_LEARNERS`.
    """
    if not 1 <= learners <= MAX_LEARNERS:
        raise ValueError(f"between 1 and {MAX_LEARNERS} learners, not {learners}")
    report = ClassReport(learners, lesson)
    sampler = MemorySampler(hub)
    sampler.start()
    start = time.monotonic()
    try:
        await asyncio.wait_for(_steps(hub, report, sampler, baseline, faults), TOTAL_SECONDS)
    except TimeoutError:
        report.problems.append(f"stopped after {TOTAL_SECONDS} s (the benchmark's bound)")
    except (LearnerError, OSError) as error:
        report.problems.append(str(error))
    finally:
        sampler.stop()
        report.seconds = time.monotonic() - start
    return report


async def _steps(
    hub: Hub, report: ClassReport, sampler: MemorySampler, baseline: bool, faults: bool
) -> None:
    if baseline:
        _progress("an import-only learner (memory baseline)")
        await _import_only(hub, sampler, report)
        _progress(f"one learner alone runs {report.lesson}")
        sampler.phase = "alone"
        alone = await _run_alone(hub, "alone", lesson_path(report.lesson), None)
        if not alone.ok:
            report.problems.append(f"the lone learner: {alone.interrupted or alone.errors[:3]}")
        report.solo_seconds = alone.seconds
    _progress(f"{report.learners} learners log in, start their servers, open {report.lesson}")
    seats = await _class(hub, report, sampler)
    if faults:
        sampler.phase = "faults"
        _progress(f"fault (a): {seats[-1].learner.name}'s server killed mid-lesson")
        report.faults.append(await _fault_server_killed(hub, seats[-1], report.lesson))
        _progress("fault (b): the hub restarted under running servers")
        report.faults.append(await _fault_hub_restarted(hub, seats, report))
        report.listening |= hub.listening()
