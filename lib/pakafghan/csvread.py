"""Read one CSV file of the package into a DataFrame of strings, with physical line numbers.

The file is decoded as UTF-8 (a byte-order mark is allowed), CRLF line endings and a missing
final newline are accepted, and the columns may come in any order. Structural faults become
:class:`~pakafghan.problems.Problem` objects with the physical line, never a parser traceback:
undecodable bytes, an empty file, duplicate column names, rows with too many or too few fields,
and quotes that are never closed.

Parsing is done once by pandas' C reader. To tell a row with too few fields from a row whose last
cells are empty, each line gets a sentinel field before parsing: a short row ends up without it.

Example:
    >>> from pakafghan.csvread import read_csv_text
    >>> table = read_csv_text("a,b\\n1,2\\n3,4\\n", "t.csv")
    >>> table.frame["b"].tolist(), table.lines.tolist()
    (['2', '4'], [2, 3])
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from pakafghan.problems import Problem

_SENTINEL = "\x01"
_END = "__end_of_row__"
_FORBIDDEN_CONTROLS = ("\x00", _SENTINEL)


@dataclass
class RawTable:
    """A table as text: ``frame`` holds every cell as ``str``; ``lines[i]`` is row i's CSV line.

    ``problems`` are fatal (the file could not be read: ``frame`` is empty); ``row_problems`` are
    rows with too few fields, left out of ``frame`` so the other rows can still be checked.
    """

    file: str
    frame: pd.DataFrame
    lines: np.ndarray
    problems: list[Problem] = field(default_factory=list)
    row_problems: list[Problem] = field(default_factory=list)


def _line_of_offset(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _empty(file: str, problems: list[Problem]) -> RawTable:
    return RawTable(file, pd.DataFrame(), np.zeros(0, dtype=np.int64), problems)


def read_csv_file(path: Path) -> RawTable:
    """Read ``path``; a missing or undecodable file gives a table with problems and no rows.

    Example:
        >>> [p.code for p in read_csv_file(Path("no-such-table.csv")).problems]
        ['file-missing']
    """
    name = path.name
    if not path.is_file():
        return _empty(name, [Problem(name, 0, "", "file is missing", "file-missing")])
    try:
        raw = path.read_bytes()
    except OSError as err:
        return _empty(
            name, [Problem(name, 0, "", f"cannot be read ({err.strerror})", "file-unreadable")]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        bad = raw[err.start : err.start + 1].hex()
        return _empty(
            name,
            [
                Problem(
                    name,
                    line,
                    "",
                    f"byte 0x{bad} is not valid UTF-8; save the file as 'CSV UTF-8' and try again",
                    "encoding-error",
                )
            ],
        )
    return read_csv_text(text, name)


def _structure_problems(text: str, file: str, width: int) -> list[Problem]:
    """Slow, exact scan with the csv module, used only when pandas refuses the text."""
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text), strict=True)
    start = 1
    try:
        for row in reader:
            if start > 1 and len(row) != width and row:
                problems.append(_width_problem(file, start, len(row), width))
            elif start > 1 and not row:
                problems.append(Problem(file, start, "", "blank line; delete it", "blank-row"))
            start = reader.line_num + 1
    except csv.Error:
        problems.append(
            Problem(
                file,
                start,
                "",
                'a quote (") opens a cell here and is never closed; check the quotes on this line',
                "unclosed-quote",
            )
        )
    return problems


def _width_problem(file: str, line: int, got: int, width: int) -> Problem:
    if got == 1 and width > 1:
        return Problem(
            file, line, "", "blank line or a row with one field; delete or complete it", "blank-row"
        )
    word = "many" if got > width else "few"
    return Problem(
        file,
        line,
        "",
        f"row has {got} fields but the header has {width} (too {word}); "
        "check for a missing or extra comma, or a cell with a comma that is not in quotes",
        "ragged-row",
    )


def _header(text: str) -> list[str]:
    """The header's names, read from the first line alone unless a quoted name spans lines."""
    try:
        return next(csv.reader(io.StringIO(text[: text.find("\n") + 1]), strict=True))
    except csv.Error:
        return next(csv.reader(io.StringIO(text), strict=True))


def read_csv_text(text: str, file: str) -> RawTable:
    """Parse CSV ``text`` (already decoded); ``file`` names it in problems."""
    if text.strip() == "":
        return _empty(
            file,
            [Problem(file, 0, "", "file is empty; it needs at least a header line", "file-empty")],
        )
    for ch in _FORBIDDEN_CONTROLS:
        pos = text.find(ch)
        if pos >= 0:
            return _empty(
                file,
                [
                    Problem(
                        file,
                        _line_of_offset(text, pos),
                        "",
                        f"control character U+{ord(ch):04X} in the text; remove it",
                        "control-character",
                    )
                ],
            )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.endswith("\n"):
        text += "\n"
    try:
        header = _header(text)
    except csv.Error:
        return _empty(
            file, [Problem(file, 1, "", "the header line has an unclosed quote", "unclosed-quote")]
        )
    seen: set[str] = set()
    dupes = [h for h in header if h in seen or seen.add(h)]
    if dupes:
        return _empty(
            file,
            [
                Problem(file, 1, d, "column name appears more than once", "duplicate-column")
                for d in dupes
            ],
        )
    if "" in header:
        return _empty(
            file, [Problem(file, 1, "", "a column has no name in the header", "unnamed-column")]
        )
    marked = text.replace("\n", "," + _SENTINEL + "\n")
    try:
        frame = pd.read_csv(
            io.BytesIO(marked.encode("utf-8")),  # pandas reads bytes faster than text
            header=0,
            names=[*header, _END],
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            engine="c",
        )
    except (pd.errors.ParserError, ValueError):
        problems = _structure_problems(text, file, len(header))
        if not problems:  # pandas and csv disagree; report the pandas view plainly
            problems = [Problem(file, 0, "", "the file could not be read as CSV", "csv-malformed")]
        return _empty(file, problems)
    n_lines = text.count("\n")
    embedded = n_lines != len(frame) + 1
    if embedded:
        frame = frame.apply(lambda col: col.str.replace("," + _SENTINEL + "\n", "\n", regex=False))
        extra = np.zeros(len(frame), dtype=np.int64)
        for col in header:
            extra += frame[col].str.count("\n").to_numpy(dtype=np.int64)
        starts = 2 + np.arange(len(frame)) + np.concatenate([[0], np.cumsum(extra)[:-1]])
    else:
        starts = 2 + np.arange(len(frame))
    short = frame[_END].to_numpy() != _SENTINEL
    problems = []
    if short.any():
        width = len(header)
        for i in np.flatnonzero(short):
            row = frame.iloc[i, :width].tolist()
            got = row.index(_SENTINEL) if _SENTINEL in row else width
            problems.append(_width_problem(file, int(starts[i]), got, width))
    frame = frame.loc[~short].drop(columns=_END).reset_index(drop=True)
    return RawTable(file, frame, starts[~short].astype(np.int64), [], problems)
