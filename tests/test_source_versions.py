"""The source-versions widget: driven by setting its controls; every data value escaped."""

from __future__ import annotations

import re

import pytest

from pakafghan.views import original_of
from pakafghan.vocabulary import value_labels
from pakafghan.widgets.source_versions import (
    SHOW_CHOICES,
    proposition_options,
    render_versions,
    shown_versions,
    source_versions,
)


@pytest.fixture
def widget(ds):
    return source_versions(ds)


def _rows(html: str) -> dict[str, str]:
    """source id → that source's table row (the last one, if a source has several)."""
    return {
        m.group(1): m.group(0)
        for m in re.finditer(r"<tr><td>[^<]*</td><td><strong>([^<]+)</strong>.*?</tr>", html)
    }


def test_options_put_propositions_with_several_independent_sources_first(ds, widget):
    options = proposition_options(ds)
    ids = [pid for _, pid in options]
    assert sorted(ids) == sorted(set(ds.claims["proposition_id"]))
    originals = ds.claims["source_id"].map(original_of(ds))
    counts = originals.groupby(ds.claims["proposition_id"]).nunique()
    several = [pid for pid in ids if counts[pid] >= 2]
    assert ids[: len(several)] == several
    ranked = [(-counts[pid], options[i][0].casefold()) for i, pid in enumerate(several)]
    assert ranked == sorted(ranked)
    singles = [label.casefold() for label, pid in options if counts[pid] < 2]
    assert singles == sorted(singles)
    statement = ds.propositions.set_index("proposition_id").loc[ids[0], "statement"]
    assert options[0][0] == f"{statement} ({counts[ids[0]]} sources)"
    assert widget.controls["proposition"].value == ids[0]
    assert widget.controls["show"].value == "all"
    assert [v for _, v in widget.controls["show"].options] == list(SHOW_CHOICES)


def test_both_controls_are_dropdowns_labelled_by_their_description(widget):
    """A dropdown's label is its accessible name (toggle buttons had none for the group, and no
    pressed state); tests/browser/test_keyboard.py checks it in a browser."""
    kinds = {name: type(c).__name__ for name, c in widget.controls.items()}
    assert kinds == {"proposition": "Dropdown", "show": "Dropdown"}
    assert [c.description for c in widget.controls.values()] == ["Proposition", "Show"]


def test_nrf_refusal_shows_every_version_with_its_weight(widget):
    widget.controls["proposition"].value = "pr-nrf-declined"
    html = widget.html.value
    assert "<strong>4 versions from 3 independent sources</strong>" in html
    assert "Independent sources disagree on it." in html
    rows = _rows(html)
    assert set(rows) == {"article", "S1", "S9", "S18"}
    assert "copy of article: not independent" in rows["S18"]
    assert "original; also carried by S18: one source" in rows["article"]
    assert "independent</td>" in rows["S1"]
    reliability = value_labels("sources", "reliability")["syndicated_copy"]
    assert reliability.replace("'", "&#x27;") in rows["S18"]
    assert value_labels("claims", "confidence")["unverified"] in rows["article"]
    assert "~</span> complicates" in rows["S1"] and "+</span> asserts" in rows["article"]
    assert "<strong>declined</strong>" in rows["article"]
    assert "“The National Resistance Front of Afghanistan declined" in rows["article"]
    assert "17 Aug 2025" in rows["S1"] and "Hindustan Times" in rows["S9"]
    assert "unattributed: no one is named as its author" in rows["S9"]


def test_show_independent_or_hide_unverified(widget):
    widget.controls["proposition"].value = "pr-nrf-declined"
    widget.controls["show"].value = "independent"
    html = widget.html.value
    assert "3 versions from 3 independent sources" in html
    assert set(_rows(html)) == {"article", "S1", "S9"}
    widget.controls["show"].value = "verified"
    html = widget.html.value
    assert "2 versions from 2 independent sources" in html
    assert set(_rows(html)) == {"S1", "S9"}
    assert (
        repr(widget) == "<Source versions widget: proposition='pr-nrf-declined', show='verified'>"
    )


def test_a_copy_stands_for_its_original_when_the_original_is_silent(ds, widget):
    # the article's wording of Khalilzad's criticism is found only in a syndicated copy
    rows = shown_versions(ds, "pr-hosting-unwise", "independent")
    assert "copy-unspecified" in set(rows["source_id"])
    assert rows["original"].nunique() == len(set(rows["source_id"]))
    widget.controls["proposition"].value = "pr-hosting-unwise"
    widget.controls["show"].value = "independent"
    assert f"from {rows['original'].nunique()} independent sources" in widget.html.value


def test_numbers_show_value_and_unit(widget):
    widget.controls["proposition"].value = "pr-meeting-headcount"
    rows = _rows(widget.html.value)
    assert "value: 40 people" in rows["S9"]
    assert "<strong>about 40 invited</strong>" in rows["S9"]
    assert "kind of fact: number" in widget.html.value


def test_agreement_is_not_called_a_conflict(ds):
    html = render_versions(ds, "pr-afghanistan-unstable")
    assert "No two independent sources give different versions of it." in html
    assert "<em>no version given</em>" in html


def test_nothing_left_to_show(data_copy):
    data_copy.append("propositions", "pr-test-only,A test proposition.,meeting,,,")
    data_copy.append(
        "claims", "cl-992,pr-test-only,nrf,asserts,reported,,,,,unverified,S18,,A test row."
    )
    ds = data_copy.load()
    html = render_versions(ds, "pr-test-only", "verified")
    assert html.endswith("<p><em>No versions match.</em></p>")
    with pytest.raises(ValueError, match="show must be one of"):
        shown_versions(ds, "pr-test-only", "some")


def test_hostile_text_in_a_report_row_shows_as_text(data_copy, hostile):
    data_copy.replace("claims", "About 40 people were invited.", hostile.text)
    w = source_versions(data_copy.load(), proposition="pr-meeting-headcount")
    html = w.html.value
    hostile.assert_inert(html)
    assert f"<em>Note:</em> {hostile.html}" in _rows(html)["S9"]
