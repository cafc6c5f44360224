"""Escaped text everywhere: hostile names, titles and notes in the data display as literal text.

A copy of the data gets markup, entities and Markdown/LaTeX specials in an actor name, an event
title and a claim note; every widget of the library is then driven through its options, and no
view may contain live markup from the data.
"""

from __future__ import annotations

import csv
import importlib
import io
import pkgutil
import shutil

import pytest
from conftest import DataCopy

import pakafghan
import pakafghan.widgets
from pakafghan.datadir import BUNDLED_DATA_DIR

HOSTILE_NAME = "<script>alert('name')</script> &amp; $x^2$"
HOSTILE_TITLE = '<img src=x onerror="alert(1)"> *bold* _it_'
HOSTILE_NOTE = "<script>alert('note')</script> \\(\\alpha\\)"
LIVE_MARKUP = ("<script", "<img src=x", 'onerror="alert')


def _set(data_copy, table: str, key: str, column: str, value: str) -> None:
    rows = list(csv.reader(io.StringIO(data_copy.text(table))))
    header = rows[0]
    for row in rows[1:]:
        if row[0] == key:
            row[header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    data_copy.write(table, out.getvalue())


def _builders():
    for module in pkgutil.iter_modules(pakafghan.widgets.__path__):
        if module.name != "base":
            mod = importlib.import_module(f"pakafghan.widgets.{module.name}")
            if callable(getattr(mod, module.name, None)):
                yield module.name, getattr(mod, module.name)


BUILDERS = dict(_builders())


@pytest.fixture(scope="module")
def hostile_ds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(BUNDLED_DATA_DIR, folder)
    copy = DataCopy(folder)
    _set(copy, "actors", "ttp", "name", HOSTILE_NAME)
    _set(copy, "actors", "khalilzad", "name", HOSTILE_NAME)
    _set(copy, "events", "ev-kabul-trilateral", "title", HOSTILE_TITLE)
    claims = pakafghan.load_claims()
    for claim_id in claims.loc[claims["source_id"] != "article", "claim_id"]:
        _set(copy, "claims", claim_id, "note", HOSTILE_NOTE)
    assert pakafghan.validate(folder).ok
    return pakafghan.load_dataset(folder)


def _values(control) -> list:
    options = getattr(control, "options", None) or []
    values = [o[1] if isinstance(o, tuple) else o for o in options]
    if isinstance(control.value, tuple) and values:
        return [(values[0], values[-1])]
    return values[:12]


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_widget_shows_hostile_data_as_text(name, hostile_ds):
    widget = BUILDERS[name](hostile_ds)
    seen_hostile = False
    for control in widget.controls.values():
        for value in _values(control):
            control.value = value
            html = widget.html.value
            for live in LIVE_MARKUP:
                assert live not in html, f"{name} shows live markup for {control.description}"
            seen_hostile |= "&lt;script&gt;" in html or "&lt;img src=x" in html
    assert seen_hostile, f"{name} never showed the hostile text, so the test proved nothing"


def test_there_are_widgets_to_check():
    assert len(BUILDERS) >= 4
