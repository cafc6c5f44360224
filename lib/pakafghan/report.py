"""Show a :class:`~pakafghan.validate.ValidationReport` to learners: an OK banner, or a table.

Each problem becomes one row: the file, the line (1 is the header), the record on that line (its
key, where the row could be read), the field and the validator's message. Every value is escaped.
Paths are shown relative to the data folder, so a lesson's output is the same on every machine.

Example:
    >>> from pakafghan import validate
    >>> view = ValidationView(validate())
    >>> view.ok, repr(view).startswith("✓ OK")
    (True, True)
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pakafghan.html import banner, html_table
from pakafghan.problems import Problem
from pakafghan.schema import read_package
from pakafghan.text import plural
from pakafghan.validate import ValidationReport

_COLUMNS = ["file", "line", "record", "field", "message"]


def _keys_by_line(report: ValidationReport) -> dict[tuple[str, int], str]:
    """(file, line) → the key of the record starting on that line, for every readable row."""
    try:
        package = read_package(report.data_dir)
    except (OSError, ValueError, KeyError):
        return {}
    out = {}
    for table in package.tables:
        raw = report.tables.get(table.name)
        key = table.primary_key[0] if table.primary_key else None
        if raw is None or key is None or key not in raw.frame.columns:
            continue
        for line, value in zip(raw.lines, raw.frame[key], strict=True):
            out[(raw.file, int(line))] = str(value)
    return out


def problems_frame(report: ValidationReport) -> pd.DataFrame:
    """The report's problems as a table: file, line, record, field, message (sorted).

    Example:
        >>> from pakafghan import validate
        >>> problems_frame(validate()).columns.tolist()
        ['file', 'line', 'record', 'field', 'message']
    """
    keys = _keys_by_line(report)
    rows = [
        (p.file, p.line, keys.get((p.file, p.line), ""), p.field, p.message)
        for p in sorted(report.problems)
    ]
    return pd.DataFrame(rows, columns=_COLUMNS)


def _headline(report: ValidationReport) -> str:
    if report.ok:
        return f"OK: the {plural(len(report.tables), 'table')} in this folder are valid."
    files = len({p.file for p in report.problems})
    return (
        f"Not valid yet: {plural(len(report.problems), 'problem')} in "
        f"{plural(files, 'file')}. Fix each one, then validate again."
    )


def validation_report_html(report: ValidationReport) -> str:
    """The report as HTML: a banner, then (if there are problems) one table row per problem.

    Example:
        >>> from pakafghan import Problem, ValidationReport
        >>> problem = Problem("events.csv", 8, "status", "'<b>' is not allowed")
        >>> bad = ValidationReport(".", [problem])
        >>> "&lt;b&gt;" in validation_report_html(bad)
        True
    """
    mark = "✓" if report.ok else "✗"
    box = banner(report.ok, f"{mark} {_headline(report)}")
    if report.ok:
        return box
    table = html_table(
        problems_frame(report),
        _COLUMNS,
        ["file", "line", "record", "field", "what is wrong"],
    )
    note = (
        "<p><em>Line 1 is the header, so line 2 is the first record. "
        "The record column gives the key of the row on that line.</em></p>"
    )
    return box + table + note


def _problem_text(p: Problem, record: str) -> str:
    where = f"{p.file}:{p.line}" if p.line else p.file
    who = f" ({record})" if record else ""
    return f"  {where}{who}: {p.field + ': ' if p.field else ''}{p.message}"


@dataclass(frozen=True)
class ValidationView:
    """Displays a validation report in a notebook (HTML), and as plain text elsewhere."""

    report: ValidationReport

    @property
    def ok(self) -> bool:
        return self.report.ok

    def __repr__(self) -> str:
        mark = "✓" if self.ok else "✗"
        keys = _keys_by_line(self.report)
        lines = [
            _problem_text(p, keys.get((p.file, p.line), "")) for p in sorted(self.report.problems)
        ]
        return "\n".join([f"{mark} {_headline(self.report)}", *lines])

    def _repr_html_(self) -> str:
        return validation_report_html(self.report)
