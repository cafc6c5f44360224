"""Agreement with the ecosystem's own tool: frictionless accepts what we accept and vice versa."""

from __future__ import annotations

import pytest

from pakafghan.datadir import BUNDLED_DATA_DIR
from pakafghan.validate import validate

frictionless = pytest.importorskip("frictionless")


def test_frictionless_accepts_the_bundled_package():
    report = frictionless.validate(str(BUNDLED_DATA_DIR / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_and_pakafghan_both_reject_a_broken_copy(data_copy):
    data_copy.replace("places", ",city,PAK,", ",town,PAK,")
    data_copy.replace("events", "2025-08-20,2025-08-20", "2025-08-20,2025-02-30")
    ours = validate(data_copy.path)
    theirs = frictionless.validate(str(data_copy.path / "datapackage.json"))
    assert not theirs.valid
    ours_cells = {(p.file, p.line, p.field) for p in ours.problems}
    for row, field, *_ in theirs.flatten(["rowNumber", "fieldName"]):
        name = "places.csv" if field == "kind" else "events.csv"
        assert (name, row, field) in ours_cells
