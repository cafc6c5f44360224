"""Hand-in files: a learner's progress as one small JSON and CSV pair, and a teacher's class table.

A learner writes the pair with :func:`pakafghan.exercises.export_progress`; a teacher collects
them through any learning platform and runs ``python -m pakafghan progress-report FOLDER``,
which reads them with :func:`read_folder` and prints and writes the class table.

The format, version 1. JSON::

    {"format": "pakafghan-progress", "version": 1, "learner": "Amina" or null,
     "exported_at": "2025-09-01T10:00:00+00:00",
     "exercises": [{"exercise_id": "actors-1", "state": "right", "attempts": 2, "hints": 1,
                    "last_attempt": "2025-09-01T09:58:03+00:00", "text": null}, ...]}

CSV: one row per exercise, with the columns of :data:`CSV_COLUMNS`. ``state`` is one of
:data:`STATES`; ``text`` is given only for a written answer (never an answer to a checked
exercise). A file is read whole or refused with one reason (:class:`HandinError`): nothing in a
damaged or foreign file can crash the reader.

Example:
    >>> import tempfile
    >>> from pathlib import Path
    >>> tmp = tempfile.TemporaryDirectory()
    >>> folder = Path(tmp.name)
    >>> rows = [HandinRow("demo-1", "right", 1, 0, "2025-09-01T10:00:00+00:00")]
    >>> write_handin(rows, folder / "p.json", folder / "p.csv", learner="Amina")
    >>> read_handin(folder / "p.json").rows[0].state
    'right'
    >>> (folder / "junk.json").write_text("[1, 2")
    5
    >>> try:
    ...     read_handin(folder / "junk.json")
    ... except HandinError as error:
    ...     print(error.reason)
    not valid JSON (line 1, column 6: Expecting ',' delimiter); is the file cut short?
    >>> tmp.cleanup()
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

#: The ``format`` key of every hand-in file, and the version this library writes and reads.
FORMAT = "pakafghan-progress"
VERSION = 1
RIGHT, NOT_YET, NOT_ATTEMPTED, WRITTEN = "right", "not yet", "not attempted", "written"
#: The states an exercise can have in a hand-in file.
STATES = (RIGHT, NOT_YET, NOT_ATTEMPTED, WRITTEN)
#: The columns of a hand-in CSV file, in order.
CSV_COLUMNS = (
    "format",
    "version",
    "learner",
    "exercise_id",
    "state",
    "attempts",
    "hints",
    "last_attempt",
    "text",
)
#: The columns that start the class report's CSV (then one column per exercise, then counts).
REPORT_COLUMNS = ("learner", "file")
#: Limits that no real hand-in comes near: a file beyond them is refused, not read.
MAX_FILE_BYTES = 2_000_000
MAX_EXERCISES = 1_000
MAX_NAME = 200
MAX_TEXT = 20_000
#: One character for each state in the printed class table (plain ASCII: any terminal shows it).
SYMBOLS = {RIGHT: "+", NOT_YET: "x", NOT_ATTEMPTED: ".", WRITTEN: "w"}

_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[0-9]{1,3}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class HandinRow:
    """One exercise in a hand-in: its id, state, attempts, hints seen, last attempt, text.

    ``last_attempt`` is an ISO time in UTC (``None`` before any attempt); ``text`` is the
    answer of a written exercise only.
    """

    exercise_id: str
    state: str
    attempts: int = 0
    hints: int = 0
    last_attempt: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class Handin:
    """One learner's hand-in, as read from ``path``."""

    path: Path
    learner: str | None
    rows: tuple[HandinRow, ...]
    exported_at: str | None = None

    def state(self, exercise_id: str) -> str:
        """The state of one exercise (an exercise not in the file is not attempted)."""
        return next((r.state for r in self.rows if r.exercise_id == exercise_id), NOT_ATTEMPTED)


class HandinError(ValueError):
    """A file that is not a readable hand-in: ``path`` and one ``reason``."""

    def __init__(self, path: Path, reason: str) -> None:
        reason = " ".join(str(reason).split())  # always one line
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def slug(name: str | None, default: str = "learner") -> str:
    """A name made safe for a file name: lower case, words joined by '-'.

    Example:
        >>> slug("Amina Khan"), slug(None), slug("../../etc")
        ('amina-khan', 'learner', 'etc')
    """
    text = re.sub(r"[\W_]+", "-", (name or "").casefold()).strip("-")[:40].strip("-")
    return text or default


def clean_text(text: str, limit: int | None = None, lines: bool = False) -> str:
    """Text without control characters (line breaks and tabs kept when ``lines``), trimmed;
    names (``lines=False``) also have their inner spaces collapsed.

    Example:
        >>> clean_text("  Amina\\x1b[31m  Khan "), clean_text("a\\n\\x00b", lines=True)
        ('Amina[31m Khan', 'a\\nb')
    """
    text = _CONTROL.sub("", text) if lines else " ".join(_CONTROL.sub("", text).split())
    text = text.strip()
    return text[:limit] if limit is not None else text


def _spreadsheet_safe(value: str) -> str:
    """A cell that a spreadsheet will not run as a formula (a leading ' is added)."""
    return "'" + value if value.startswith(_FORMULA) else value


def _from_spreadsheet(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(_FORMULA) else value


def handin_document(
    rows: Iterable[HandinRow], learner: str | None = None, exported_at: str | None = None
) -> dict[str, Any]:
    """The JSON document of a hand-in (what :func:`write_handin` writes)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "learner": learner,
        "exported_at": exported_at,
        "exercises": [
            {
                "exercise_id": r.exercise_id,
                "state": r.state,
                "attempts": r.attempts,
                "hints": r.hints,
                "last_attempt": r.last_attempt,
                "text": r.text,
            }
            for r in rows
        ],
    }


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8", newline="")
    os.replace(partial, path)


def write_handin(
    rows: Sequence[HandinRow],
    json_path: str | Path,
    csv_path: str | Path,
    learner: str | None = None,
    exported_at: str | None = None,
) -> None:
    """Write one hand-in as a JSON file and a CSV file (each replaced whole, never half-written).

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     folder = Path(tmp)
        ...     write_handin([HandinRow("demo-1", "not yet", 2)], folder / "a.json",
        ...         folder / "a.csv")
        ...     print((folder / "a.csv").read_text().splitlines()[1])
        pakafghan-progress,1,,demo-1,not yet,2,0,,
    """
    document = handin_document(rows, learner, exported_at)
    _write_atomically(Path(json_path), json.dumps(document, ensure_ascii=False, indent=1) + "\n")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow(
            [
                FORMAT,
                VERSION,
                _spreadsheet_safe(learner or ""),
                r.exercise_id,
                r.state,
                r.attempts,
                r.hints,
                r.last_attempt or "",
                _spreadsheet_safe(r.text) if r.text is not None else "",
            ]
        )
    _write_atomically(Path(csv_path), out.getvalue())


# --- reading ------------------------------------------------------------------------------------


class _Bad(Exception):
    """A reason why a file is not a hand-in (turned into a HandinError with its path)."""


def _text_of(path: Path) -> str:
    try:
        if not path.is_file():
            raise _Bad("not a regular file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _Bad(f"too large for a progress file ({size:,} bytes)")
        data = path.read_bytes()
    except OSError as error:
        raise _Bad(f"cannot be read ({error.strerror or error})") from None
    if not data.strip():
        raise _Bad("the file is empty")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _Bad(
            f"not text (byte 0x{data[error.start]:02x} at position {error.start} is not "
            "UTF-8): not a progress file"
        ) from None


def _check_name(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Bad(f"{where}: expected text or null, found {_kind(value)}")
    value = " ".join(value.split())
    if len(value) > MAX_NAME:
        raise _Bad(f"{where}: longer than {MAX_NAME} characters")
    if _CONTROL.search(value):
        raise _Bad(f"{where}: holds a control character")
    return value or None


def _kind(value: Any) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "text"}
    names.update({list: "a list", dict: "an object", type(None): "null"})
    return names.get(type(value), type(value).__name__)


def _shown(value: Any) -> str:
    """A value as a message shows it: text quoted (and cut short), anything else by its kind."""
    return repr(value[:40]) if isinstance(value, str) else _kind(value)


def _check_time(value: Any, where: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _Bad(f"{where}: expected an ISO time as text, found {_kind(value)}")
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise _Bad(f"{where}: {value[:40]!r} is not an ISO date and time") from None
    return value


def _check_count(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(f"{where}: expected a whole number, found {_kind(value)}")
    if not 0 <= value <= 1_000_000:
        raise _Bad(f"{where}: {value} is out of range")
    return value


def _check_row(item: Any, where: str, sep: str = ".") -> HandinRow:
    """One exercise's entry; ``where`` names it in messages (``exercises[2]``, ``line 3``)."""
    if not isinstance(item, dict):
        raise _Bad(f"{where}: expected an object, found {_kind(item)}")
    for key in ("exercise_id", "state", "attempts"):
        if key not in item:
            raise _Bad(f"{where}: missing field {key!r}")
    where += sep
    exercise_id, state = item["exercise_id"], item["state"]
    if not isinstance(exercise_id, str) or not _ID.fullmatch(exercise_id):
        raise _Bad(
            f"{where}exercise_id: {_shown(exercise_id)} is not an exercise id like 'actors-2'"
        )
    if state not in STATES:
        raise _Bad(f"{where}state: {_shown(state)} is not one of {', '.join(STATES)}")
    text = item.get("text")
    if text == "" and state != WRITTEN:
        text = None
    if state == WRITTEN:
        if not isinstance(text, str):
            raise _Bad(f"{where}text: a written answer needs its text, found {_kind(text)}")
        if len(text) > MAX_TEXT:
            raise _Bad(f"{where}text: longer than {MAX_TEXT:,} characters")
    elif text is not None:
        raise _Bad(f"{where}text: only a written answer carries text, not a {state!r} one")
    return HandinRow(
        exercise_id,
        state,
        _check_count(item["attempts"], f"{where}attempts"),
        _check_count(0 if item.get("hints") in (None, "") else item["hints"], f"{where}hints"),
        _check_time(item.get("last_attempt"), f"{where}last_attempt"),
        text,
    )


def _unique(rows: list[HandinRow]) -> tuple[HandinRow, ...]:
    seen: set[str] = set()
    for row in rows:
        if row.exercise_id in seen:
            raise _Bad(f"exercise {row.exercise_id!r} is listed twice")
        seen.add(row.exercise_id)
    return tuple(rows)


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _Bad(f"the key {key[:40]!r} appears twice in one object")
        found[key] = value
    return found


def _no_constant(name: str) -> Any:
    raise _Bad(f"{name} is not a number JSON allows")


def _check_version(value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(f'"version" should be the number {VERSION}, found {_kind(value)}')
    if value > VERSION:
        raise _Bad(
            f"version {value} is newer than this pakafghan reads ({VERSION}): update pakafghan"
        )
    if value != VERSION:
        raise _Bad(f"version {value} is not one this pakafghan reads (only {VERSION})")


def _read_json(text: str) -> tuple[str | None, tuple[HandinRow, ...], str | None]:
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        cut = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated")
        raise _Bad(
            f"not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg.removesuffix(' starting at')})"
            + ("; is the file cut short?" if cut else "")
        ) from None
    except RecursionError:
        raise _Bad("not a progress file: the JSON is nested too deeply") from None
    if not isinstance(doc, dict):
        raise _Bad(f'not a progress file: the JSON is {_kind(doc)}, not an object with "format"')
    if "format" not in doc:
        raise _Bad(f'not a progress file: no "format" key (expected "format": "{FORMAT}")')
    if doc["format"] != FORMAT:
        raise _Bad(f'not a progress file: "format" is {_shown(doc["format"])}, expected {FORMAT!r}')
    for key in ("version", "learner", "exercises"):
        if key not in doc:
            raise _Bad(f"missing field {key!r}")
    _check_version(doc["version"])
    learner = _check_name(doc["learner"], "learner")
    exercises = doc["exercises"]
    if not isinstance(exercises, list):
        raise _Bad(f'"exercises": expected a list, found {_kind(exercises)}')
    if len(exercises) > MAX_EXERCISES:
        raise _Bad(f'"exercises": more than {MAX_EXERCISES} entries')
    rows = _unique([_check_row(item, f"exercises[{i}]") for i, item in enumerate(exercises)])
    return learner, rows, _check_time(doc.get("exported_at"), "exported_at")


def _read_csv(text: str) -> tuple[str | None, tuple[HandinRow, ...], str | None]:
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as error:
        raise _Bad(f"not a readable CSV file ({error})") from None
    header = [h.strip() for h in records[0]] if records else []
    if header[: len(REPORT_COLUMNS)] == list(REPORT_COLUMNS) and tuple(header) != CSV_COLUMNS:
        raise _Bad("a class report, not a learner's progress file")
    if tuple(header) != CSV_COLUMNS:
        raise _Bad(f"not a progress file: its first line should be {','.join(CSV_COLUMNS)!r}")
    learners: set[str | None] = set()
    rows = []
    body = [r for r in records[1:] if any(cell.strip() for cell in r)]
    if len(body) > MAX_EXERCISES:
        raise _Bad(f"more than {MAX_EXERCISES} rows")
    for number, record in enumerate(body, start=2):
        where = f"line {number}"
        if len(record) != len(CSV_COLUMNS):
            raise _Bad(f"{where}: {len(record)} fields, expected {len(CSV_COLUMNS)}")
        item = dict(zip(CSV_COLUMNS, record, strict=True))
        if item["format"] != FORMAT:
            raise _Bad(f"{where}: format {item['format'][:40]!r}, expected {FORMAT!r}")
        for key in ("version", "attempts", "hints"):
            if item[key].strip().isascii() and item[key].strip().isdigit():
                item[key] = int(item[key])
        _check_version(item["version"])
        learners.add(_check_name(_from_spreadsheet(item["learner"]), f"{where}: learner"))
        item["text"] = _from_spreadsheet(item["text"]) if item["state"] == WRITTEN else item["text"]
        rows.append(_check_row(item, where, sep=": "))
    if len(learners) > 1:
        raise _Bad("the rows name different learners")
    return (learners.pop() if learners else None), _unique(rows), None


def read_handin(path: str | Path) -> Handin:
    """Read one hand-in file (``.json`` or ``.csv``), or raise :class:`HandinError` saying why.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     bad = Path(tmp) / "bad.json"
        ...     _ = bad.write_text('{"format": "something-else"}')
        ...     read_handin(bad)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        pakafghan.handin.HandinError: .../bad.json: not a progress file: "format" is 'something-else', expected 'pakafghan-progress'
    """  # noqa: E501
    path = Path(path)
    try:
        text = _text_of(path)
        if path.suffix.lower() == ".csv":
            learner, rows, exported = _read_csv(text)
        else:
            learner, rows, exported = _read_json(text)
    except _Bad as bad:
        raise HandinError(path, str(bad)) from None
    except Exception as error:  # a last guard: a damaged file never crashes the reader
        raise HandinError(path, f"cannot be read ({type(error).__name__}: {error})") from None
    return Handin(path, learner, rows, exported)


# --- the class report ----------------------------------------------------------------------------


def _fit(label: str, limit: int = 44) -> str:
    """A label cut in its middle to ``limit`` characters (its end names the file)."""
    if len(label) <= limit:
        return label
    half = (limit - 3) // 2
    return label[:half] + "..." + label[-(limit - 3 - half) :]


def _id_key(exercise_id: str) -> tuple[str, int]:
    lesson, _, number = exercise_id.rpartition("-")
    return lesson, int(number)


@dataclass(frozen=True)
class ClassReport:
    """The hand-ins read from a folder, the files refused (with why) and the files skipped.

    ``learners`` pairs each hand-in with the label it has in the table: the learner's name
    (with the file's name when two files give the same name, or instead of a missing one).
    """

    folder: Path
    learners: tuple[tuple[str, Handin], ...]
    problems: tuple[HandinError, ...] = ()
    skipped: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def exercise_ids(self) -> list[str]:
        """Every exercise id in any hand-in, in order (lesson, then number)."""
        ids = {r.exercise_id for _, h in self.learners for r in h.rows}
        return sorted(ids, key=_id_key)

    def rows(self) -> list[dict[str, Any]]:
        """One dict per learner: label, file, each exercise's state, and the counts."""
        ids = self.exercise_ids
        table = []
        for label, handin in self.learners:
            states = {i: handin.state(i) for i in ids}
            row: dict[str, Any] = {"learner": label, "file": self._name(handin.path)}
            row.update(states)
            for state in STATES:
                row[state] = sum(s == state for s in states.values())
            table.append(row)
        return table

    def _name(self, path: Path) -> str:
        try:
            return path.relative_to(self.folder).as_posix()
        except ValueError:
            return str(path)

    def text(self) -> str:
        """The class table as plain text: one line per learner, one character per exercise."""
        ids = self.exercise_ids
        lessons: dict[str, list[str]] = {}
        for i in ids:
            lessons.setdefault(_id_key(i)[0], []).append(i)
        labels = [_fit(label) for label, _ in self.learners]
        width = max([len("learner"), *map(len, labels)])
        groups = []
        for lesson, members in lessons.items():
            cells = " ".join(str(_id_key(i)[1]) for i in members)
            groups.append((lesson, members, max(len(lesson), len(cells))))
        head1 = "learner".ljust(width) + "  " + "  ".join(n.ljust(w) for n, _, w in groups)
        head2 = (
            " " * width
            + "  "
            + "  ".join(" ".join(str(_id_key(i)[1]) for i in m).ljust(w) for _, m, w in groups)
        )
        lines = [
            f"Class report: {len(self.learners)} learner(s), {len(ids)} exercise(s).",
            "  ".join(f"{SYMBOLS[s]} {s}" for s in STATES),
            "",
            head1.rstrip() + "   right  written",
            head2.rstrip(),
        ]
        for (label, handin), row in zip(self.learners, self.rows(), strict=True):
            cells = "  ".join(
                " ".join(SYMBOLS[handin.state(i)].ljust(len(str(_id_key(i)[1]))) for i in m).ljust(
                    w
                )
                for _, m, w in groups
            )
            right = f"{row[RIGHT]}/{len(ids)}"
            lines.append(f"{_fit(label).ljust(width)}  {cells}   {right:>5}  {row[WRITTEN]:>7}")
        return "\n".join(lines)

    def write_csv(self, path: str | Path) -> list[Path]:
        """Write the class table as CSV at ``path`` (and, when there are written answers, their
        texts next to it, as ``<name>-written.csv``); return the files written."""
        path = Path(path)
        ids = self.exercise_ids
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([*REPORT_COLUMNS, *ids, *STATES])
        for row in self.rows():
            writer.writerow(
                [_spreadsheet_safe(row["learner"]), _spreadsheet_safe(row["file"])]
                + [row[i] for i in ids]
                + [row[s] for s in STATES]
            )
        _write_atomically(path, out.getvalue())
        written = [
            (label, self._name(h.path), r)
            for label, h in self.learners
            for r in h.rows
            if r.state == WRITTEN
        ]
        if not written:
            return [path]
        texts = path.with_name(f"{path.stem}-written.csv")
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["learner", "file", "exercise_id", "last_attempt", "text"])
        for label, name, r in written:
            writer.writerow(
                [
                    _spreadsheet_safe(label),
                    _spreadsheet_safe(name),
                    r.exercise_id,
                    r.last_attempt or "",
                    _spreadsheet_safe(r.text or ""),
                ]
            )
        _write_atomically(texts, out.getvalue())
        return [path, texts]


def _candidates(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
        found += [Path(root) / f for f in files if not f.startswith(".")]
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def read_folder(folder: str | Path, skip: Iterable[str | Path] = ()) -> ClassReport:
    """Read every hand-in in ``folder`` and its subfolders; never raises for a bad file.

    A learner's JSON file and the CSV file of the same name next to it are one hand-in: the
    JSON file is read, and the CSV file only if the JSON one cannot be. Files other than
    ``.json`` and ``.csv`` are skipped (and listed); files in ``skip`` are ignored. Each
    problem's path is the file's path inside ``folder``.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     folder = Path(tmp)
        ...     write_handin([HandinRow("demo-1", "right", 1)], folder / "a.json",
        ...         folder / "a.csv", learner="Amina")
        ...     _ = (folder / "notes.json").write_text("not json")
        ...     report = read_folder(folder)
        >>> [label for label, _ in report.learners], [str(p)[:26] for p in report.problems]
        (['Amina'], ['notes.json: not valid JSON'])
    """
    folder = Path(folder)
    ignored = {Path(p).resolve() for p in skip}
    read: list[Handin] = []
    problems: list[HandinError] = []
    skipped: list[str] = []
    failed: set[str] = set()
    files = [p for p in _candidates(folder) if p.resolve() not in ignored]
    files.sort(key=lambda p: p.suffix.lower() == ".csv")  # a pair's JSON file first (stable)
    names = {p.relative_to(folder).as_posix() for p in files}
    for path in files:
        name = path.relative_to(folder).as_posix()
        suffix = path.suffix.lower()
        if suffix not in (".json", ".csv"):
            skipped.append(f"{name}: not a .json or .csv file")
            continue
        twin = Path(name).with_suffix(".json").as_posix()
        if suffix == ".csv" and twin in names and twin not in failed:
            continue  # one hand-in: its JSON file was read
        try:
            read.append(read_handin(path))
        except HandinError as error:
            problems.append(HandinError(Path(name), error.reason))
            failed.add(name)
    labelled, notes = _labelled(read, folder)
    return ClassReport(folder, labelled, tuple(problems), tuple(skipped), notes)


def _labelled(
    handins: list[Handin], folder: Path
) -> tuple[tuple[tuple[str, Handin], ...], tuple[str, ...]]:
    """Each hand-in with its label in the table, and a note for each name given twice."""

    def key(name: str | None) -> str:
        return " ".join((name or "").split()).casefold()

    files: dict[str, list[str]] = {}
    for h in handins:
        files.setdefault(key(h.learner), []).append(h.path.relative_to(folder).as_posix())
    labelled = []
    for h in handins:
        file = h.path.relative_to(folder).as_posix()
        if h.learner is None:
            label = f"(no name: {file})"
        elif len(files[key(h.learner)]) > 1:
            label = f"{h.learner} ({file})"
        else:
            label = h.learner
        labelled.append((label, h))
    first = {key(h.learner): h.learner for h in reversed(handins)}
    notes = tuple(
        f"{len(names)} files name the learner {first[k]!r} ({', '.join(names)}): "
        "each is shown with its file's name"
        for k, names in sorted(files.items())
        if k and len(names) > 1
    )
    return tuple(sorted(labelled, key=lambda pair: (pair[0].casefold(), pair[0]))), notes
