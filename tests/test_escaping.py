"""Escaped text everywhere: hostile names, titles and notes in the data display as literal text.

A copy of the data gets the hostile texts (markup, an event handler, an entity, Markdown and
LaTeX specials) in two actor names, an event title and the notes of the reports' claims; every
widget the package lists (``pakafghan.widgets.__all__``) is then driven through its options,
and no view may contain any of it live.
"""

from __future__ import annotations

import pytest

import pakafghan
import pakafghan.widgets

BUILDERS = {name: getattr(pakafghan.widgets, name) for name in pakafghan.widgets.__all__}
BUILDERS.pop("LessonWidget")


@pytest.fixture(scope="module")
def hostile_ds(data_copy_factory, hostile, ds):
    copy = data_copy_factory()
    copy.set_cell("actors", "ttp", "name", hostile.text)
    copy.set_cell("actors", "khalilzad", "name", hostile.text)
    copy.set_cell("events", "ev-kabul-trilateral", "title", hostile.text)
    for claim_id in ds.claims.loc[ds.claims["source_id"] != "article", "claim_id"]:
        copy.set_cell("claims", claim_id, "note", hostile.text)
    assert pakafghan.validate(copy.path).ok
    return copy.load()


def _values(control) -> list:
    options = getattr(control, "options", None) or []
    values = [o[1] if isinstance(o, tuple) else o for o in options]
    if isinstance(control.value, tuple) and values:
        return [(values[0], values[-1])]
    return values[:12]


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_widget_shows_hostile_data_as_text(name, hostile_ds, hostile):
    widget = BUILDERS[name](hostile_ds)
    seen_hostile = False
    for control in widget.controls.values():
        for value in _values(control):
            control.value = value
            html = widget.html.value
            found = [live for live in hostile.live if live in html]
            assert not found, f"{name} shows {found} live for {control.description}={value!r}"
            seen_hostile |= any(part in html for part in hostile.parts_html)
    assert seen_hostile, f"{name} never showed the hostile text, so the test proved nothing"


def test_there_are_widgets_to_check():
    assert len(BUILDERS) >= 4
    assert all(callable(b) for b in BUILDERS.values())
