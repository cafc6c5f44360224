"""Agreement with the ecosystem's own tool, frictionless, as far as it goes.

What is checked: frictionless accepts the bundled package, as pakafghan does; and on broken copies
(one kind of fault each) frictionless also rejects the copy, and every row and field it flags is
flagged by pakafghan too. The converse is not claimed: pakafghan is deliberately stricter (keys
compared ignoring case and spaces, formula signs, edge white space, quotes found in the source
text), so it flags cells frictionless accepts. frictionless's row numbers equal pakafghan's lines
only because none of these copies has a cell spanning several lines before the broken row.
"""

from __future__ import annotations

import csv
import io

import pytest

from pakafghan.datadir import BUNDLED_DATA_DIR
from pakafghan.schema import read_package
from pakafghan.validate import validate

frictionless = pytest.importorskip("frictionless")

#: fault → (table, row key, column, new value): faults frictionless knows about too.
BROKEN = {
    "enum": ("places", "kabul", "kind", "town"),
    "impossible date": ("events", "ev-kabul-trilateral", "date_latest", "2025-02-30"),
    "pattern": ("places", "kabul", "country", "Afghanistan"),
    "number out of range": ("places", "kabul", "latitude", "134.5"),
    "not a number": ("places", "kabul", "longitude", "69,2 E"),
    "required cell empty": ("actors", "ttp", "name", ""),
    "dangling foreign key": ("claims", "cl-019", "claimant_id", "taleban"),
    "duplicate primary key": ("places", "gwadar", "place_id", "kabul"),
}


def set_cell(data_copy, table: str, key: str, column: str, value: str) -> None:
    """Set one cell through the csv module, so that quoting stays right."""
    rows = list(csv.reader(io.StringIO(data_copy.text(table))))
    [row] = [r for r in rows[1:] if r[0] == key]
    row[rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    data_copy.write(table, out.getvalue())


def _their_places(report, folder) -> set[tuple[str, int, str | None]]:
    """(file, row, field) of every error frictionless reports; files named by datapackage.json."""
    package = read_package(folder)
    out = set()
    for task in report.tasks:
        path = package.table(task.name).path
        for row, field in task.flatten(["rowNumber", "fieldName"]):
            out.add((path, row, field))
    return out


def test_frictionless_accepts_the_bundled_package():
    report = frictionless.validate(str(BUNDLED_DATA_DIR / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert validate().ok


@pytest.mark.parametrize("fault", BROKEN)
def test_what_frictionless_flags_in_a_broken_copy_pakafghan_flags_too(data_copy, fault):
    set_cell(data_copy, *BROKEN[fault])
    theirs = frictionless.validate(str(data_copy.path / "datapackage.json"))
    assert not theirs.valid, f"frictionless accepted the {fault}"
    ours = validate(data_copy.path)
    ours_cells = {(p.file, p.line, p.field) for p in ours.problems}
    ours_rows = {(p.file, p.line) for p in ours.problems}
    for file, row, field in _their_places(theirs, data_copy.path):
        if field is None:  # a row error (e.g. a key): compare the row only
            assert (file, row) in ours_rows, (fault, file, row)
        else:
            assert (file, row, field) in ours_cells, (fault, file, row, field)
