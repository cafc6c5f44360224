"""A scratch copy of the data for learners to edit, and helpers to add, change and remove rows.

:func:`scratch_copy` copies the data package into ``~/pakafghan-scratch/<name>``, a folder in
the learner's home (or ``$PAKAFGHAN_SCRATCH/<name>`` when that variable names another folder),
never inside ``data/`` or the installed package. With ``start="article"`` the copy keeps the
reference tables (sources, places, actors, propositions) but only the article's events,
participations and claims, so a class can code another report itself and compare. Calling it
again returns the same folder and keeps the learner's edits, unless ``fresh=True``.

:func:`add_row`, :func:`update_row` and :func:`remove_row` edit one table of such a copy from a
dict, writing proper CSV in the file's column order. They only ever write into folders made by
:func:`scratch_copy`. They do not judge the values: :func:`pakafghan.validate` does that. What they
return says what the table now holds, the same however often a cell runs.

:func:`compare_coding` lists a learner's records citing one source next to the project's, or
next to another folder's (a partner's copy). :func:`zip_copy` packs a copy into one ``.zip`` file
to download (work in a Binder session is lost when it ends) or to hand to a partner, and
:func:`open_copy` unpacks such a file into a scratch copy of its own.

Example:
    >>> import os, shutil, tempfile
    >>> os.environ["PAKAFGHAN_SCRATCH"] = tempfile.mkdtemp()
    >>> folder = scratch_copy("doctest")
    >>> notes = {"source_id": "class-notes", "publisher": "Our class", "title": "Class notes",
    ...     "published_text": "n.d.", "kind": "analysis", "reliability": "unverified"}
    >>> change = add_row(folder, "sources", notes)
    >>> change.ok, str(change).startswith("✓ class-notes is in sources.csv, line ")
    (True, True)
    >>> read_rows(folder, "sources").set_index("source_id").loc["class-notes", "publisher"]
    'Our class'
    >>> remove_row(folder, "sources", "class-notes")
    ✓ class-notes is not in sources.csv.
    >>> shutil.rmtree(os.environ.pop("PAKAFGHAN_SCRATCH"))
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pakafghan.article import TABLE_LABELS, record_describers
from pakafghan.datadir import BUNDLED_DATA_DIR, resolve_data_dir
from pakafghan.html import banner
from pakafghan.load import load_dataset
from pakafghan.schema import EVIDENCE_TABLES, read_package
from pakafghan.select import PRIMARY, select

#: Environment variable naming the folder that holds scratch copies.
ENV_VAR = "PAKAFGHAN_SCRATCH"

#: The folder in the home folder that holds scratch copies unless ``$PAKAFGHAN_SCRATCH`` is set.
#: In the home folder because that is the one folder every learner can write to and keep: on a
#: laptop, on a JupyterHub (home is kept between sessions), on Binder (home is the repository).
DEFAULT_FOLDER = "pakafghan-scratch"

#: A file in every scratch copy: the helpers write only into folders that have it.
MARKER = ".pakafghan-scratch"

#: How a copy starts: the article's records only, or everything.
STARTS = ("article", "all")

#: Tables that ``start="article"`` trims: the evidence tables, and propositions about events that
#: the copy no longer holds.
_TRIMMED = (*EVIDENCE_TABLES, "propositions")

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,59}")


@dataclass(frozen=True)
class RowChange:
    """What a table holds after an edit (``ok``), or why nothing was written (not ``ok``)."""

    ok: bool
    message: str

    def __repr__(self) -> str:
        return f"{'✓' if self.ok else '✗'} {self.message}"

    def __bool__(self) -> bool:
        return self.ok

    def _repr_html_(self) -> str:
        return banner(self.ok, "✓" if self.ok else "✗ Nothing written:", self.message)


def scratch_root() -> Path:
    """The folder holding scratch copies: ``$PAKAFGHAN_SCRATCH``, else ``~/pakafghan-scratch``.

    Example:
        >>> scratch_root() == Path.home().resolve() / DEFAULT_FOLDER or ENV_VAR in os.environ
        True
    """
    from_env = os.environ.get(ENV_VAR, "")
    if from_env:
        return Path(from_env).expanduser().resolve()
    try:
        home = Path.home()
    except RuntimeError as err:  # no HOME (or USERPROFILE) and no user database entry
        raise RuntimeError(
            f"cannot tell your home folder: set {ENV_VAR} to a folder for scratch copies"
        ) from err
    return home.resolve() / DEFAULT_FOLDER


def _root_label() -> str:
    """How the scratch root is written: the same on every machine, with no user name in it."""
    return f"${ENV_VAR}" if os.environ.get(ENV_VAR, "") else f"~/{DEFAULT_FOLDER}"


def display_path(folder: str | Path) -> str:
    """A folder's path as a lesson shows it: the same on every machine and in every run.

    A folder in the scratch root is shown from ``~/pakafghan-scratch`` (or from
    ``$PAKAFGHAN_SCRATCH`` when that variable is set); the bundled data as ``data``; anything
    else as its absolute path. The library's functions accept the ``~`` form as it is shown
    (they expand ``~``).

    Example:
        >>> display_path(scratch_root() / "my-data") in {
        ...     "~/pakafghan-scratch/my-data",  # PAKAFGHAN_SCRATCH not set
        ...     "$PAKAFGHAN_SCRATCH/my-data",  # PAKAFGHAN_SCRATCH set
        ... }
        True
        >>> display_path(BUNDLED_DATA_DIR / "events.csv")
        'data/events.csv'
    """
    path = Path(folder).resolve()
    root = scratch_root()
    if path.is_relative_to(root):
        return "/".join([_root_label(), *path.relative_to(root).parts])
    if path.is_relative_to(BUNDLED_DATA_DIR):
        return "/".join(["data", *path.relative_to(BUNDLED_DATA_DIR).parts])
    return path.as_posix()


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def _read(path: Path) -> tuple[list[str], list[list[str]], list[int]]:
    """Header, rows and each row's first physical line (the header is line 1)."""
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    rows, lines = [], []
    previous = reader.line_num
    for row in reader:
        if row:
            rows.append(row)
            lines.append(previous + 1)
        previous = reader.line_num
    return header, rows, lines


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows([header, *rows])
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


def _trim_to_article(folder: Path) -> None:
    package = read_package(folder)
    tables = {t.name: _read(folder / t.path)[:2] for t in package.tables}
    header, rows = tables["sources"]
    sid, copy_of = header.index("source_id"), header.index("copy_of")
    article = {r[sid] for r in rows if r[sid] == PRIMARY or r[copy_of] == PRIMARY}
    for name in EVIDENCE_TABLES:
        header, rows = tables[name]
        col = header.index("source_id")
        tables[name] = (header, [r for r in rows if r[col] in article])
    changed = True
    while changed:  # drop rows that point at rows the copy no longer holds
        changed = False
        for name in _TRIMMED:
            header, rows = tables[name]
            for fk in package.table(name).foreign_keys:
                ref_header, ref_rows = tables[fk.ref_table]
                known = {r[ref_header.index(fk.ref_fields[0])] for r in ref_rows}
                col = header.index(fk.fields[0])
                kept = [r for r in rows if r[col] == "" or r[col] in known]
                changed |= len(kept) != len(rows)
                rows = kept
            tables[name] = (header, rows)
    for name in _TRIMMED:
        _write(folder / package.table(name).path, *tables[name])


def scratch_copy(
    name: str = "my-data",
    fresh: bool = False,
    start: str = "article",
    data_dir: str | Path | None = None,
) -> Path:
    """Copy the data into ``scratch_root() / name`` and return that folder.

    ``start="article"``: reference tables whole, events/participations/claims of the article only
    (propositions about events the copy lacks are left out too); ``start="all"``: everything. If
    the copy exists it is returned as it is (your edits are kept); ``fresh=True`` makes it anew.
    ``data_dir``: the data to copy (default: the data the library loads).

    Example:
        >>> scratch_copy("no/such", fresh=True)
        Traceback (most recent call last):
        ...
        ValueError: a scratch copy's name uses letters, digits, '-' and '_' only, not 'no/such'
    """
    if not _NAME.fullmatch(name):
        raise ValueError(
            f"a scratch copy's name uses letters, digits, '-' and '_' only, not {name!r}"
        )
    if start not in STARTS:
        raise ValueError(f"start must be one of {', '.join(STARTS)}, not {start!r}")
    source = resolve_data_dir(data_dir)
    target = scratch_root() / name
    for protected in {BUNDLED_DATA_DIR, source}:
        if _inside(target, protected) or _inside(protected, target):
            raise ValueError(
                f"a scratch copy cannot be made at {target}: it would overlap the data folder "
                f"{protected}; set {ENV_VAR} to another folder"
            )
    if target.exists():
        if not (target / MARKER).is_file():
            raise FileExistsError(f"{target} exists and is not a scratch copy; choose another name")
        if not fresh:
            return target
        shutil.rmtree(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise PermissionError(
            f"cannot make the folder for scratch copies, {target.parent}: set {ENV_VAR} to a "
            "folder you can write to"
        ) from err
    work = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=target.parent))
    try:
        copy = work / name
        shutil.copytree(
            source, copy, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
        )
        if start == "article":
            _trim_to_article(copy)
        (copy / MARKER).write_text(
            f"A scratch copy of the pakafghan data (start={start}), made by "
            "pakafghan.scratch.scratch_copy. Edit it freely: the bundled data/ is never changed.\n",
            encoding="utf-8",
        )
        copy.rename(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _table_file(folder: str | Path, table: str) -> tuple[Path, str] | RowChange:
    """The table's CSV file and key column, or why the helpers will not write there."""
    path = Path(folder).resolve()
    if _inside(path, BUNDLED_DATA_DIR) or not (path / MARKER).is_file():
        raise ValueError(
            f"{display_path(path)} is not a scratch copy; the helpers only edit folders made "
            "by scratch_copy(), never the project's data/"
        )
    package = read_package(path)
    if table not in package.table_names:
        return RowChange(False, f"no table {table!r}; use one of {', '.join(package.table_names)}")
    t = package.table(table)
    return path / t.path, t.primary_key[0]


def _cell(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _unknown(header: list[str], row: Mapping[str, object], file: str) -> RowChange | None:
    unknown = sorted(set(row) - set(header))
    if unknown:
        return RowChange(
            False,
            f"{file} has no column {', '.join(map(repr, unknown))}; "
            f"its columns are {', '.join(header)}",
        )
    return None


def _blanks(row: Mapping[str, object]) -> list[str]:
    """The columns of ``row`` still holding the placeholder ``...``."""
    return [name for name, value in row.items() if value is Ellipsis]


def add_row(
    folder: str | Path, table: str, row: Mapping[str, object], replace: bool = False
) -> RowChange:
    """Append ``row`` (column name → value) to ``table`` of a scratch copy.

    Missing columns are left empty; values are written as text (``None`` as an empty cell). A
    row still holding a placeholder ``...`` is not written: the message names its blanks. A
    row whose key is already there with the same values is not added twice; with other values,
    nothing is written (use :func:`update_row`), unless ``replace=True``: then the new row
    takes the old one's place (what a template cell, run again after an edit, wants).

    Example:
        >>> import os, shutil, tempfile
        >>> os.environ["PAKAFGHAN_SCRATCH"] = tempfile.mkdtemp()
        >>> add_row(scratch_copy("blanks"), "places", {"place_id": "x", "name": ...})
        ✗ Fill in the blanks first: replace the ... of name with your value.
        >>> shutil.rmtree(os.environ.pop("PAKAFGHAN_SCRATCH"))
    """
    if not isinstance(row, Mapping):
        return RowChange(False, 'give the row as a dictionary: {"field": "value", ...}')
    found = _table_file(folder, table)
    if isinstance(found, RowChange):
        return found
    path, key = found
    header, rows, lines = _read(path)
    problem = _unknown(header, row, path.name)
    if problem is not None:
        return problem
    blanks = _blanks(row)
    if blanks:
        return RowChange(
            False,
            f"Fill in the blanks first: replace the ... of {', '.join(blanks)} with your value.",
        )
    new = [_cell(row.get(col)) for col in header]
    ident = new[header.index(key)]
    if not ident:
        return RowChange(False, f"the row needs its key, {key!r}")
    for i, (old, line) in enumerate(zip(rows, lines, strict=True)):
        if old[header.index(key)] == ident:
            if old == new:
                return RowChange(True, f"{ident} is in {path.name}, line {line}.")
            if replace:
                rows[i] = new
                _write(path, header, rows)
                return RowChange(True, f"{ident} is in {path.name}, line {_read(path)[2][i]}.")
            return RowChange(
                False,
                f"{path.name} already has a row {ident} (line {line}) with other values. "
                "Change it with update_row(), or remove it with remove_row() first.",
            )
    _write(path, header, [*rows, new])
    return RowChange(True, f"{ident} is in {path.name}, line {_read(path)[2][-1]}.")


def update_row(
    folder: str | Path, table: str, key: str, changes: Mapping[str, object]
) -> RowChange:
    """Set some columns of the row whose key is ``key`` in ``table`` of a scratch copy."""
    found = _table_file(folder, table)
    if isinstance(found, RowChange):
        return found
    path, key_col = found
    header, rows, _ = _read(path)
    problem = _unknown(header, changes, path.name)
    if problem is not None:
        return problem
    if _cell(changes.get(key_col, key)) != key:
        return RowChange(False, f"to change {key_col}, remove the row and add it again")
    col = header.index(key_col)
    if key not in {r[col] for r in rows}:
        return RowChange(False, f"{path.name} has no row {key!r}; add it with add_row()")
    for r in rows:
        if r[col] == key:
            for name, value in changes.items():
                r[header.index(name)] = _cell(value)
    _write(path, header, rows)
    line = _read(path)[2][[r[col] for r in rows].index(key)]
    said = ", ".join(f"{name} = {_cell(value)!r}" for name, value in changes.items())
    return RowChange(True, f"{key} is in {path.name}, line {line}, with {said}.")


def remove_row(folder: str | Path, table: str, key: str) -> RowChange:
    """Remove every row whose key is ``key`` from ``table`` of a scratch copy."""
    found = _table_file(folder, table)
    if isinstance(found, RowChange):
        return found
    path, key_col = found
    header, rows, _ = _read(path)
    col = header.index(key_col)
    kept = [r for r in rows if r[col] != key]
    if len(kept) != len(rows):
        _write(path, header, kept)
    return RowChange(True, f"{key} is not in {path.name}.")


def read_rows(folder: str | Path, table: str) -> pd.DataFrame:
    """A table of any data folder as text, exactly as its CSV holds it (not validated).

    Use it to look at rows while the folder is not valid yet (the loaders refuse invalid data).

    Example:
        >>> read_rows(BUNDLED_DATA_DIR, "places").loc[0, "latitude"]
        '33.69'
    """
    path = Path(folder) / read_package(folder).table(table).path
    header, rows, _ = _read(path)
    return pd.DataFrame(rows, columns=header, dtype="string")


def _is_copy(folder: str | Path | None) -> bool:
    return folder is not None and (Path(folder).expanduser() / MARKER).is_file()


def compare_coding(
    folder: str | Path,
    source_id: str,
    data_dir: str | Path | None = None,
    *,
    other: str | Path | None = None,
    other_source: str | None = None,
    labels: tuple[str, str] | None = None,
) -> pd.DataFrame:
    """Your records citing ``source_id`` (in ``folder``) next to the project's (in ``data_dir``).

    One row per event, participation or claim: ``table``, ``coded_by`` ('you' or 'project'),
    ``id``, ``says`` (the record in words) and ``evidence`` (its quote, or else its note); by
    table, yours first. Both folders must be valid (they are loaded with ``load_dataset``).

    From a scratch copy only the rows *added* to it are listed (a row whose key the project's
    data also has came with the copy). ``other`` compares with another folder instead, such as a
    partner's copy (``coded_by`` 'partner'), whose rows cite ``other_source`` (default: the same
    source); ``labels`` renames the two sides.

    Example:
        >>> rows = compare_coding(BUNDLED_DATA_DIR, "article")
        >>> rows["coded_by"].unique().tolist()
        ['you', 'project']
    """
    if labels is None:
        labels = ("you", "project" if other is None else "partner")
    project_ids = {
        table: set(frame[frame.columns[0]])
        for table, frame in load_dataset(data_dir).tables.items()
        if table in TABLE_LABELS
    }
    sides = ((labels[0], folder, source_id), (labels[1], other or data_dir, other_source))
    rows = []
    for rank, (who, where, source) in enumerate(sides):
        ds = load_dataset(where)
        describe = record_describers(ds)
        chosen = select(ds, sources=[source or source_id])
        for order, (table, label) in enumerate(TABLE_LABELS.items()):
            frame = chosen.tables[table]
            key = frame.columns[0]
            if _is_copy(where):
                frame = frame[~frame[key].isin(project_ids[table])]
            for _, row in frame.iterrows():
                evidence = row["quote"] if pd.notna(row["quote"]) else row["note"]
                said = describe[table](row)
                rows.append((order, rank, label, who, row[key], said, evidence))
    columns = ["order", "rank", "table", "coded_by", "id", "says", "evidence"]
    frame = pd.DataFrame(rows, columns=columns).sort_values(["order", "rank", "id"])
    return frame.drop(columns=["order", "rank"]).reset_index(drop=True)


#: When every member of a zip written by :func:`zip_copy` says it was made (a fixed time, so the
#: same copy always gives the same bytes).
ZIP_TIME = (2025, 1, 1, 0, 0, 0)


def zip_copy(folder: str | Path, where: str | Path | None = None) -> RowChange:
    """Pack the scratch copy ``folder`` into ``<name>.zip`` in ``where`` (default: the current
    folder, which in JupyterLab is the notebook's), to download or hand to a partner.

    The zip holds the copy's folder with every file in it; the same copy gives the same bytes.
    The message names the file and says how to download it; nothing is written for a folder
    that is not a scratch copy.

    Example:
        >>> import os, shutil, tempfile
        >>> os.environ["PAKAFGHAN_SCRATCH"] = tempfile.mkdtemp()
        >>> packed = zip_copy(scratch_copy("zipped"), os.environ["PAKAFGHAN_SCRATCH"])
        >>> packed.ok, "zipped.zip" in packed.message
        (True, True)
        >>> shutil.rmtree(os.environ.pop("PAKAFGHAN_SCRATCH"))
    """
    import zipfile

    path = Path(folder).expanduser().resolve()
    if not _is_copy(path):
        return RowChange(
            False, f"{display_path(path)} is not a scratch copy made by scratch_copy()"
        )
    target = Path.cwd() if where is None else Path(where).expanduser()
    target = target.resolve() / f"{path.name}.zip"
    if target.is_relative_to(path):
        return RowChange(False, "the zip cannot be written inside the copy it packs")
    files = sorted(p for p in path.rglob("*") if p.is_file())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in files:
            info = zipfile.ZipInfo(f"{path.name}/{file.relative_to(path).as_posix()}", ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, file.read_bytes())
    target.write_bytes(buffer.getvalue())
    return RowChange(
        True,
        f"{target.name} holds your copy {path.name} ({len(files)} files). To keep it, find "
        f"{target.name} in the file browser on the left, right-click it and choose Download.",
    )


def open_copy(zip_file: str | Path, name: str) -> Path:
    """Unpack a zip written by :func:`zip_copy` (a partner's copy, say) into the scratch copy
    ``name`` and return its folder; an existing copy of that name is replaced.

    Only a zip holding one scratch copy is unpacked, and only files inside it are written.

    Example:
        >>> import os, shutil, tempfile
        >>> os.environ["PAKAFGHAN_SCRATCH"] = tempfile.mkdtemp()
        >>> root = os.environ["PAKAFGHAN_SCRATCH"]
        >>> _ = zip_copy(scratch_copy("theirs"), root)
        >>> display_path(open_copy(Path(root) / "theirs.zip", "partner"))
        '$PAKAFGHAN_SCRATCH/partner'
        >>> shutil.rmtree(os.environ.pop("PAKAFGHAN_SCRATCH"))
    """
    import zipfile

    if not _NAME.fullmatch(name):
        raise ValueError(
            f"a scratch copy's name uses letters, digits, '-' and '_' only, not {name!r}"
        )
    source = Path(zip_file).expanduser()
    try:
        archive = zipfile.ZipFile(source)
    except (OSError, zipfile.BadZipFile) as err:
        raise ValueError(f"{source.name} is not a zip file written by zip_copy()") from err
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        tops = {m.filename.split("/", 1)[0] for m in members}
        inside = [m.filename.split("/", 1)[1] if "/" in m.filename else "" for m in members]
        safe = all(
            part and not part.startswith("/") and ".." not in part.split("/") and "\\" not in part
            for part in inside
        )
        if len(tops) != 1 or not safe or MARKER not in inside:
            raise ValueError(f"{source.name} does not hold one scratch copy made by zip_copy()")
        target = scratch_root() / name
        if target.exists():
            if not (target / MARKER).is_file():
                raise FileExistsError(
                    f"{target} exists and is not a scratch copy; choose another name"
                )
            shutil.rmtree(target)
        for member, part in zip(members, inside, strict=True):
            out = target / part
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(archive.read(member))
    return target
