"""Command line: ``python -m pakafghan validate [--codes] [DATA_DIR]`` and
``python -m pakafghan progress-report FOLDER [--out FILE]``.

``validate`` exit status: 0 when the data is valid (one summary line), 1 when it is not (one line
per problem, ``file:line: field: message``, then the summary), 2 for a usage error. Bad data never
produces a traceback. ``--codes`` ends each problem's line with its code in brackets (see
:data:`pakafghan.problems.CODES`), for scripts that sort or count problems by kind.

``progress-report`` reads a folder of learners' hand-in files (from
``pakafghan.exercises.export_progress()``; subfolders too), prints the class table and writes it
as CSV (default ``FOLDER/class-report.csv``). A file that is not a readable hand-in gets one line
on standard error (its name and why) and is left out. Exit status: 0 when at least one file was
read, 1 when none was, 2 for a usage error; never a traceback.

Example:
    >>> main(["validate"])  # doctest: +ELLIPSIS
    OK: 7 tables, ... rows in .../data are valid.
    0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pakafghan.handin import read_folder
from pakafghan.validate import validate

#: The class report's file name when ``--out`` is not given.
REPORT_NAME = "class-report.csv"


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m pakafghan", description="Tools for the pakafghan teaching data."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check a data folder against its datapackage.json")
    check.add_argument(
        "data_dir", nargs="?", default=None, help="data folder (default: $PAKAFGHAN_DATA or data/)"
    )
    check.add_argument(
        "--codes",
        action="store_true",
        help="end each problem's line with its code, e.g. [foreign-key]",
    )
    class_report = commands.add_parser(
        "progress-report",
        help="read a folder of learners' progress files; print and write the class table",
    )
    class_report.add_argument(
        "folder", help="folder of hand-in files (.json or .csv; subfolders too)"
    )
    class_report.add_argument(
        "--out", default=None, help=f"CSV file to write (default: FOLDER/{REPORT_NAME})"
    )
    args = parser.parse_args(argv)
    if args.command == "progress-report":
        return _progress_report(parser, args.folder, args.out)
    if args.data_dir is not None and not Path(args.data_dir).expanduser().is_dir():
        parser.error(f"{args.data_dir} is not a folder")
    report = validate(args.data_dir)
    for problem in report.problems:
        print(f"{problem} [{problem.code}]" if args.codes else problem)
    print(report.summary())
    return 0 if report.ok else 1


def _one_line(text: object) -> str:
    """Text for one line of output: control characters (a newline in a file name) become '?'."""
    return "".join("?" if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in str(text))


def _progress_report(parser: argparse.ArgumentParser, folder_arg: str, out_arg: str | None) -> int:
    folder = Path(folder_arg).expanduser()
    if not folder.is_dir():
        parser.error(f"{folder_arg} is not a folder")
    out = Path(out_arg).expanduser() if out_arg else folder / REPORT_NAME
    if out.is_dir():
        parser.error(f"--out {out_arg} is a folder: give a file name, e.g. {REPORT_NAME}")
    for stream in (sys.stdout, sys.stderr):  # a name no console can show is not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    result = read_folder(folder, skip=[out, out.with_name(f"{out.stem}-written.csv")])
    for problem in result.problems:
        print(_one_line(f"not read: {problem}"), file=sys.stderr)
    for skipped in result.skipped:
        print(_one_line(f"skipped: {skipped}"), file=sys.stderr)
    for note in result.notes:
        print(_one_line(f"note: {note}"), file=sys.stderr)
    if not result.learners:
        refused = len(result.problems)
        print(
            _one_line(
                f"No progress file could be read in {folder_arg} ({refused} refused, "
                f"{len(result.skipped)} skipped): nothing written."
            ),
            file=sys.stderr,
        )
        return 1
    print("\n".join(_one_line(line) for line in result.text().splitlines()))
    try:
        written = result.write_csv(out)
    except OSError as error:
        print(_one_line(f"error: cannot write {out}: {error.strerror or error}"), file=sys.stderr)
        return 1
    not_read = f"; {len(result.problems)} file(s) not read (see above)" if result.problems else ""
    print(
        _one_line(
            f"Wrote {' and '.join(str(p) for p in written)}: {len(result.learners)} learner(s), "
            f"{len(result.exercise_ids)} exercise(s){not_read}."
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
