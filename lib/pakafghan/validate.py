"""Validate the data folder against ``datapackage.json``, reporting every problem in one pass.

What is checked, in order:

1. each table's file: present, UTF-8, well-formed CSV (see :mod:`pakafghan.csvread`);
2. its columns: no unknown column (an extra column is an error, so a typo in a header is caught),
   no missing required column (a missing optional column is read as empty);
3. each cell against its field (see :mod:`pakafghan.checks`);
4. primary keys unique and foreign keys pointing at existing rows;
5. the rules Table Schema cannot express (see :mod:`pakafghan.rules`): dates in order, years
   explained, quotes found in their source's text, numbers' qualifiers consistent, and no row
   saying an event was held citing a source published before the event was over.

Every problem carries a code saying which kind it is (see :data:`pakafghan.problems.CODES`).
The tables read are never modified: the report holds the versions the checks saw.

Example:
    >>> from pakafghan.validate import validate
    >>> report = validate()
    >>> report.ok
    True
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from pakafghan.checks import ColumnChecker, member, short
from pakafghan.csvread import RawTable, read_csv_file
from pakafghan.datadir import resolve_data_dir
from pakafghan.problems import Problem
from pakafghan.rules import check_rules
from pakafghan.schema import PACKAGE_FILE, Package, Table, read_package


@dataclass
class ValidationReport:
    """The outcome of :func:`validate`: every problem, and the tables as read (strings)."""

    data_dir: Path
    problems: list[Problem] = field(default_factory=list)
    tables: dict[str, RawTable] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """One line: what was checked and how it went."""
        rows = sum(len(t.frame) for t in self.tables.values())
        if self.ok:
            return f"OK: {len(self.tables)} tables, {rows} rows in {self.data_dir} are valid."
        n = len(self.problems)
        files = len({p.file for p in self.problems})
        return f"INVALID: {n} problem{'s' if n != 1 else ''} in {files} file(s) in {self.data_dir}."


def _check_columns(table: Table, raw: RawTable) -> tuple[list[Problem], list[str]]:
    """Problems with the header, and the optional columns the file leaves out."""
    problems = []
    known = set(table.field_names)
    for col in raw.frame.columns:
        if col not in known:
            problems.append(
                Problem(
                    raw.file,
                    1,
                    col,
                    "unknown column; it is not described in datapackage.json "
                    "(add it there first, or delete the column)",
                    "unknown-column",
                )
            )
    absent = []
    for f in table.fields:
        if f.name not in raw.frame.columns:
            if f.required:
                problems.append(
                    Problem(raw.file, 1, f.name, "required column is missing", "missing-column")
                )
            else:
                absent.append(f.name)
    return problems, absent


def _unusable(table: Table, raw: RawTable) -> RawTable:
    """A copy with the table's columns but no rows, so later checks skip it."""
    frame = pd.DataFrame({name: pd.Series(dtype=str) for name in table.field_names})
    return replace(raw, frame=frame, lines=np.zeros(0, dtype=np.int64))


def _check_table(table: Table, raw: RawTable) -> tuple[list[Problem], RawTable]:
    """The table's own problems, and the table as the later checks see it.

    ``raw`` itself is left as it is: a table that cannot be checked further comes back without
    rows, and optional columns the file leaves out come back as empty text.
    """
    if raw.problems:
        return list(raw.problems), _unusable(table, raw)
    header_problems, absent = _check_columns(table, raw)
    problems = [*raw.row_problems, *header_problems]
    if any(p.code == "missing-column" for p in problems):
        return problems, _unusable(table, raw)
    if absent:
        raw = replace(raw, frame=raw.frame.assign(**dict.fromkeys(absent, "")))
    if len(raw.frame) == 0:
        no_rows = Problem(raw.file, 0, "", "table has a header but no rows", "header-only")
        return [*problems, no_rows], raw
    checker = ColumnChecker(raw.file, raw.lines)
    single_pk = table.primary_key if len(table.primary_key) == 1 else []
    for f in table.fields:
        problems += checker.check_field(f, raw.frame[f.name], check_unique=f.name not in single_pk)
    if table.primary_key:
        problems += checker.check_unique(table.primary_key, raw.frame, code="primary-key")
    return problems, raw


def _check_foreign_keys(package: Package, tables: dict[str, RawTable]) -> list[Problem]:
    problems = []
    for table in package.tables:
        raw = tables.get(table.name)
        if raw is None or raw.frame.empty:
            continue
        for fk in table.foreign_keys:
            target = tables.get(fk.ref_table)
            if target is None or target.frame.empty or len(fk.fields) != 1:
                continue
            col = raw.frame[fk.fields[0]].to_numpy(dtype=object)
            known = target.frame[fk.ref_fields[0]].to_numpy(dtype=object)
            dangling = (col != "") & ~member(col, known)
            ref = package.table(fk.ref_table)
            checker = ColumnChecker(raw.file, raw.lines)
            problems += checker.flag(
                dangling,
                fk.fields[0],
                col,
                lambda v, ref=ref, fk=fk: f"{short(v)} matches no {fk.ref_fields[0]} in {ref.path}",
                code="foreign-key",
            )
    return problems


def validate(data_dir: str | Path | None = None) -> ValidationReport:
    """Check every table in ``data_dir`` (default: see :func:`~pakafghan.datadir.resolve_data_dir`).

    Returns a :class:`ValidationReport`; it never raises for bad data.

    Example:
        >>> [(p.file, p.code) for p in validate("no-such-folder").problems]
        [('datapackage.json', 'file-missing')]
    """
    folder = resolve_data_dir(data_dir)
    report = ValidationReport(folder)
    if not (folder / PACKAGE_FILE).is_file():
        report.problems.append(
            Problem(PACKAGE_FILE, 0, "", f"file is missing in {folder}", "file-missing")
        )
        return report
    try:
        package = read_package(folder)
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as err:
        report.problems.append(
            Problem(PACKAGE_FILE, 0, "", f"cannot be read: {err}", "package-unreadable")
        )
        return report
    for table in package.tables:
        problems, checked = _check_table(table, read_csv_file(folder / table.path))
        report.problems += problems
        report.tables[table.name] = checked
    report.problems += _check_foreign_keys(package, report.tables)
    report.problems += check_rules(folder, report.tables)
    report.problems.sort()
    return report
