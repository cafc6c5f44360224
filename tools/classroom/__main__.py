"""The classroom hub: `serve` (`make classroom`) and `bench` (`make classroom-bench`).

    .venv/bin/python -m tools.classroom serve                # a hub for a class, until Ctrl-C
    .venv/bin/python -m tools.classroom bench --learners 30  # simulated learners, faults, report
    .venv/bin/python -m tools.classroom values               # Zero to JupyterHub values, sizing

Both run everything on 127.0.0.1 in a throwaway folder under ``build/`` and stop every process
they started when done, interrupted (Ctrl-C) or terminated.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import signal
import sys
from pathlib import Path

from tools.classroom import z2jh
from tools.classroom.bench import MAX_LEARNERS, run_class
from tools.classroom.hub import ROOT, Hub

BUILD = ROOT / "build"


def _terminate_as_interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def serve(root: Path) -> int:
    """Start the hub and wait for Ctrl-C; then stop everything it started."""
    with Hub(root) as hub:
        print(f">> the class's JupyterHub: {hub.url}/  (127.0.0.1 only; state in {root})")
        print(f">> log in with any name and the class password: {hub.password}")
        print(
            ">> Ctrl-C stops the hub, the proxy and every learner's server and kernel", flush=True
        )
        try:
            while True:
                signal.pause()
        except KeyboardInterrupt:
            print("\n>> stopping the hub, the proxy, every server and kernel")
    if hub.left:
        return 1  # Hub named them
    print(">> stopped: no process of the hub is left")
    return 0


def bench(root: Path, learners: int, lesson: str, out: Path) -> int:
    """Run the benchmark, print its table and write its figures to ``out`` (JSON)."""
    with Hub(root) as hub:
        report = asyncio.run(run_class(hub, learners, lesson))
    print(report.table())
    figures = dataclasses.asdict(report)
    figures["listening"] = sorted(report.listening)
    figures["completed"] = report.completed
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=1, default=str), encoding="utf-8")
    table = out.with_suffix(".md")
    table.write_text(
        "# A class on one hub\n\nWritten by `make classroom-bench` (tools/classroom/bench.py); "
        f"the figures are in `{out.name}`.\n\n```\n{report.table()}\n```\n",
        encoding="utf-8",
    )
    print(f">> figures written to {out} and {table}")
    ok = report.completed == learners and all(f.survived for f in report.faults)
    return 0 if ok and not report.problems else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.classroom")
    commands = parser.add_subparsers(dest="command", required=True)
    serve_cmd = commands.add_parser("serve", help="start the class's hub until Ctrl-C")
    serve_cmd.add_argument("--root", type=Path, default=BUILD / "classroom")
    bench_cmd = commands.add_parser("bench", help="simulated learners on a hub, and two faults")
    bench_cmd.add_argument("--learners", type=int, default=30, help=f"1 to {MAX_LEARNERS}")
    bench_cmd.add_argument("--lesson", default="04_security.ipynb", help="a notebooks/ lesson")
    bench_cmd.add_argument("--root", type=Path, default=BUILD / "classroom-bench")
    bench_cmd.add_argument("--out", type=Path, default=BUILD / "classroom-bench.json")
    values_cmd = commands.add_parser(
        "values", help="deploy/z2jh/values.yaml and the README's sizing table from a bench's JSON"
    )
    values_cmd.add_argument("--figures", type=Path, default=z2jh.FIGURES)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate_as_interrupt)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in background
    if args.command == "serve":
        return serve(args.root)
    if args.command == "values":
        z2jh.write(args.figures)
        print(f">> wrote {z2jh.VALUES.relative_to(ROOT)} and the sizing table in README.md")
        return 0
    if not 1 <= args.learners <= MAX_LEARNERS:
        parser.error(f"--learners: between 1 and {MAX_LEARNERS}")
    if not (ROOT / "notebooks" / args.lesson).is_file():
        parser.error(f"--lesson: no notebooks/{args.lesson}")
    return bench(args.root, args.learners, args.lesson, args.out)


if __name__ == "__main__":
    sys.exit(main())
