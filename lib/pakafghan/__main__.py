"""Command line: ``python -m pakafghan validate [--codes] [DATA_DIR]``.

Exit status: 0 when the data is valid (one summary line), 1 when it is not (one line per
problem, ``file:line: field: message``, then the summary), 2 for a usage error. Bad data never
produces a traceback. ``--codes`` ends each problem's line with its code in brackets (see
:data:`pakafghan.problems.CODES`), for scripts that sort or count problems by kind.

Example:
    >>> main(["validate"])  # doctest: +ELLIPSIS
    OK: 7 tables, ... rows in .../data are valid.
    0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pakafghan.validate import validate


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
    args = parser.parse_args(argv)
    if args.data_dir is not None and not Path(args.data_dir).expanduser().is_dir():
        parser.error(f"{args.data_dir} is not a folder")
    report = validate(args.data_dir)
    for problem in report.problems:
        print(f"{problem} [{problem.code}]" if args.codes else problem)
    print(report.summary())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
