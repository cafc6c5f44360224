"""The locator map: outlines, emphasis, places and their markers, labels, credit and note."""

from __future__ import annotations

import json

import matplotlib.colors as mcolors
import pytest

from pakafghan.charts.locator_map import (
    BORDER_NOTE,
    CREDIT,
    DURAND_PROPOSITION,
    EMPHASISED,
    EXTENT,
    PLACE_MARKERS,
    durand_note,
    locator_map,
)
from pakafghan.geo import GEO_FILE, country_outlines, durand_line


@pytest.fixture(scope="module")
def chart(ds):
    return locator_map(ds)


def _gids(chart, prefix):
    ax = chart.figure.axes[0]
    return {
        a.get_gid().split(":", 1)[1]: a
        for a in ax.get_children()
        if (a.get_gid() or "").startswith(prefix + ":")
    }


def _on_map(ds):
    west, east, south, north = EXTENT
    p = ds.places
    inside = p["longitude"].between(west, east) & p["latitude"].between(south, north)
    return p[inside], p[~inside]


def test_afghanistan_and_pakistan_are_emphasised_and_neighbours_light(chart):
    countries = _gids(chart, "country")
    assert set(countries) == {o.iso_a3 for o in country_outlines()}
    for iso, colour in EMPHASISED.items():
        patch = countries[iso]
        assert mcolors.to_hex(patch.get_facecolor()).upper() == colour.upper()
        assert mcolors.to_hex(patch.get_edgecolor()) == "#000000"
    neighbours = [p for iso, p in countries.items() if iso not in EMPHASISED]
    assert neighbours and all(
        mcolors.to_hex(p.get_facecolor()) == "#f2f2f2" and p.get_linewidth() < 1 for p in neighbours
    )
    names = {t.get_text() for t in _gids(chart, "country-name").values()}
    assert {"AFGHANISTAN", "PAKISTAN"} <= names


def test_every_place_on_the_map_has_a_marker_by_kind_and_a_label(ds, chart):
    inside, _ = _on_map(ds)
    assert {"islamabad", "kabul", "tribal-belt", "gwadar"} <= set(inside["place_id"])
    markers, labels = _gids(chart, "place"), _gids(chart, "label")
    assert set(markers) == set(labels) == set(inside["place_id"])
    for row in inside.itertuples():
        style = PLACE_MARKERS[row.kind]
        assert markers[row.place_id].get_marker() == style["marker"]
        face = mcolors.to_hex(markers[row.place_id].get_markerfacecolor())
        assert face == ("#000000" if style["filled"] else "#ffffff")
        assert labels[row.place_id].get_text().replace("\n", " ") == row.name
    assert markers["kabul"].get_marker() != markers["tribal-belt"].get_marker()


def test_labels_do_not_overlap_each_other(chart):
    boxes = [t.get_window_extent() for t in _gids(chart, "label").values()]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)


def test_places_outside_the_map_are_named_in_the_alt_text_only(ds, chart):
    _, outside = _on_map(ds)
    assert "beijing" in set(outside["place_id"])
    for row in outside.itertuples():
        assert row.name in chart.alt_text
        assert row.place_id not in _gids(chart, "place")


def test_credit_and_border_note_are_on_the_figure_and_in_the_alt_text(chart):
    texts = " ".join(t.get_text().replace("\n", " ") for t in chart.figure.axes[0].texts)
    assert CREDIT in texts and BORDER_NOTE in texts
    assert "Kashmir" in chart.alt_text and BORDER_NOTE in chart.alt_text
    legend = [t.get_text() for t in chart.figure.axes[0].get_legend().get_texts()]
    assert legend == ["city (centre)", "region (rough centre)", "Durand Line (see the note)"]


def test_the_durand_line_is_drawn_dashed_named_and_its_positions_noted(ds, chart):
    line = _gids(chart, "line")["durand-line"]
    assert line.get_linestyle() not in ("-", "solid")
    assert len(line.get_xdata()) == len(durand_line().points)
    assert _gids(chart, "line-name")["durand-line"].get_text() == "Durand Line"
    note = durand_note(ds)
    texts = " ".join(t.get_text().replace("\n", " ") for t in chart.figure.axes[0].texts)
    assert note in texts and note in chart.alt_text
    border = ds.claims[ds.claims["proposition_id"] == DURAND_PROPOSITION]
    names = ds.actors.set_index("actor_id")["name"]
    for row in border.itertuples():
        assert f"{names[row.claimant_id]} ({row.source_id})" in note
    assert "deny that it is a border" in note and "calls it the border" in note


def test_the_durand_note_follows_the_data(data_copy):
    from pakafghan import load_dataset

    data_copy.replace(
        "claims",
        "cl-152,pr-durand-line-is-border,wikipedia,asserts",
        "cl-152,pr-durand-line-is-border,wikipedia,denies",
    )
    ds = load_dataset(data_copy.path)
    note = durand_note(ds)
    assert "calls it the border" not in note and "Wikipedia (C1)" in note


def test_alt_text_counts_places_by_kind(ds, chart):
    inside, _ = _on_map(ds)
    cities = inside[inside["kind"] == "city"]
    assert f"{len(cities)} cities (" in chart.alt_text
    assert ", ".join(sorted(cities["name"], key=str.casefold)) in chart.alt_text


def test_chosen_places_only_and_unknown_places(ds):
    chart = locator_map(ds, places=["kabul"])
    assert set(_gids(chart, "place")) == {"kabul"}
    assert "marking 1 city (Kabul)." in chart.alt_text
    with pytest.raises(KeyError, match="atlantis"):
        locator_map(ds, places=["atlantis"])


def test_map_is_deterministic(ds, chart):
    assert chart.png() == chart.png() == locator_map(ds).png()


def test_outlines_and_places_come_from_the_data_folder(data_copy):
    path = data_copy.path / GEO_FILE
    geo = json.loads(path.read_text(encoding="utf-8"))
    for feature in geo["features"]:
        if feature["properties"]["iso_a3"] == "PAK":
            feature["properties"]["name"] = "Testland"
    path.write_text(json.dumps(geo), encoding="utf-8")
    data_copy.replace("places", "kabul,Kabul,", "kabul,Kabul $1,")
    chart = locator_map(data_copy.load())
    names = {t.get_text() for t in _gids(chart, "country-name").values()}
    assert "TESTLAND" in names
    assert _gids(chart, "label")["kabul"].get_text() == r"Kabul \$1"
