"""The publication chart: what is drawn for each source and band, and the text alternative.

Which sources and which bands are chosen is tested in test_timing.py.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from matplotlib.colors import to_hex

from pakafghan.charts.publication import (
    OUTLINES,
    band_outlines,
    band_spans,
    describe_publication,
    publication_chart,
)
from pakafghan.style import STATUS_HATCH, STATUS_STYLE
from pakafghan.timing import TIMING, event_bands, publication_rows, relative_timing

T = pd.Timestamp


@pytest.fixture(scope="module")
def chart(ds):
    return publication_chart(ds)


def artists(chart, prefix: str) -> dict[str, object]:
    ax = chart.figure.axes[0]
    found = {}
    for artist in [*ax.lines, *ax.patches]:
        gid = artist.get_gid() or ""
        if gid.startswith(prefix):
            found[gid.removeprefix(prefix)] = artist
    return found


def test_each_dated_source_gets_one_mark_and_undated_ones_are_listed(ds, chart):
    rows = publication_rows(ds)
    dated = rows[rows["published_earliest"].notna() | rows["published_latest"].notna()]
    marks = artists(chart, "pub:")
    assert set(marks) == set(dated["source_id"])
    ax = chart.figure.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert [label.split(" · ")[0] for label in labels] == list(dated["source_id"])
    bold = {
        t.get_text().split(" · ")[0] for t in ax.get_yticklabels() if t.get_fontweight() == "bold"
    }
    assert bold == {"article", "S18"} & set(dated["source_id"])
    legend = [t.get_text() for t in chart.figure.legends[0].get_texts()]
    assert any(t.startswith("No publication date, not drawn: copy-unspecified") for t in legend)
    assert "copy-unspecified" in chart.alt_text.split("Undated, not drawn:")[1]


def test_marks_show_day_range_and_open_bounds(chart):
    marks = artists(chart, "pub:")
    assert marks["S10"].get_marker() == "D" and marks["S10"].get_markerfacecolor() != "white"
    assert marks["article"].get_markerfacecolor() == "white"  # a range of days
    assert marks["S36"].get_marker() == ">"  # not before 16 Aug 2025
    x = marks["S10"].get_xdata()[0]
    assert pd.Timestamp(x) == T("2025-09-29")


def test_bands_use_status_colour_and_hatch(ds, chart):
    bands = artists(chart, "band:")
    expected = event_bands(ds)
    assert set(bands) == set(expected["event_id"])
    for event_id, status in zip(expected["event_id"], expected["status"], strict=True):
        patch = bands[event_id]
        assert to_hex(patch.get_facecolor()) == STATUS_STYLE[status]["color"].lower()
        assert (patch.get_hatch() or "") == STATUS_HATCH[status]
    legend = [t.get_text() for t in chart.figure.legends[0].get_texts()]
    assert any(
        t.startswith("3. planned 25–26 Aug 2025") and t.endswith("[article]") for t in legend
    )
    # the meeting as held comes from PTI's report of 1 Oct (S11), published after it
    assert any("held 29–30 Sep 2025" in t and t.endswith("[S11]") for t in legend)


def _span(patch) -> tuple[float, float]:
    xs = [x for x, _ in patch.get_path().transformed(patch.get_patch_transform()).vertices]
    return round(min(xs), 6), round(max(xs), 6)


def test_bands_on_the_same_day_stand_side_by_side_and_never_overlap(ds, chart):
    """The review's 6.7: the two bands of 22 Aug mixed into a colour of no legend entry."""
    bands = artists(chart, "band:")
    briefing, postponed = _span(bands["ev-fo-briefing"]), _span(bands["ev-meeting-postponed"])
    assert briefing[1] == pytest.approx(postponed[0])  # side by side, not on top of each other
    assert briefing[1] - briefing[0] == pytest.approx(0.5)
    spans = sorted(_span(p) for p in bands.values())
    for (_, right), (left, _) in zip(spans, spans[1:], strict=False):
        assert right <= left + 1e-6


def test_no_two_bands_share_colour_hatch_and_outline(ds, chart):
    """Bands 1 and 4 are both 'held' (one colour, no hatching): their outlines differ."""
    bands = artists(chart, "band:")
    looks = [
        (to_hex(p.get_facecolor()), p.get_hatch() or "", p.get_linestyle()) for p in bands.values()
    ]
    assert len(set(looks)) == len(looks)
    assert bands["ev-fo-briefing"].get_linestyle() != bands["ev-meeting-held"].get_linestyle()
    legend = chart.figure.legends[0]
    pairs = zip(legend.get_texts(), legend.legend_handles, strict=True)
    held = [h for t, h in pairs if t.get_text().split(" ")[1:2] == ["held"]]
    # a legend copies the outline's dashes, not its style's name
    assert len(held) == 2 and len({str(h._unscaled_dash_pattern) for h in held}) == 2


def test_band_spans_and_outlines():
    days = pd.to_datetime(["2025-08-22", "2025-08-22", "2025-08-22", "2025-09-29"])
    last = pd.to_datetime(["2025-08-22", "2025-08-22", "2025-08-22", "2025-09-30"])
    bands = pd.DataFrame(
        {"date_earliest": days, "date_latest": last, "status": ["held", "held", "planned", "held"]}
    )
    spans = band_spans(bands)
    widths = [round(b - a, 6) for a, b in spans]
    assert widths == [round(1 / 3, 6)] * 3 + [2.0]
    assert spans[0][1] == pytest.approx(spans[1][0]) and spans[1][1] == pytest.approx(spans[2][0])
    assert band_outlines(bands) == [OUTLINES[0], OUTLINES[1], OUTLINES[0], OUTLINES[2]]


def test_alt_text_says_the_article_was_a_forecast_and_later_reports_came_after(ds, chart):
    text = chart.alt_text
    assert text.startswith("Publication dates of ")
    assert "report on the islamabad_meeting thread" in text
    assert "The article (c. 22-24 Aug 2025) was published before the planned 25–26 Aug 2025" in text
    found = re.search(
        r"held 29–30 Sep 2025 \[S11\]: sources published before, around, after it: "
        r"(\d+) before, (\d+) around, (\d+) after",
        text,
    )
    assert found, text
    rows = publication_rows(ds)
    rows = rows[rows["published_earliest"].notna() | rows["published_latest"].notna()]
    timing = [
        relative_timing(a, b, T("2025-09-29"), T("2025-09-30"))
        for a, b in zip(rows["published_earliest"], rows["published_latest"], strict=True)
    ]
    assert [int(n) for n in found.groups()] == [timing.count(t) for t in TIMING]
    after = rows[rows["published_earliest"] > T("2025-09-30")]
    assert set(after["source_id"]) == {"S11", "N44"}  # PTI (S11) and PTI via Editorji (N44), 1 Oct
    around = set(rows.loc[[t == "around" for t in timing], "source_id"])
    assert {"S10", "S13"} <= around


def test_alt_text_follows_the_data(data_copy):
    data_copy.replace(
        "sources",
        "c. 22-24 Aug 2025,2025-08-22,2025-08-24",
        "c. 27 Aug 2025,2025-08-27,2025-08-27",
    )
    chart = publication_chart(data_copy.load())
    assert "The article (c. 27 Aug 2025) was published after the planned 25–26 Aug 2025" in (
        chart.alt_text
    )


def test_data_text_is_escaped_for_matplotlib(data_copy):
    data_copy.replace("sources", "S10,Press Trust of India (via NewsDrum)", "S10,PTI $5 news")
    chart = publication_chart(data_copy.load())
    labels = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    assert "S10 · PTI \\$5 news · 29 Sep 2025" in labels


def test_a_thread_without_dated_article_events_has_no_bands(ds):
    chart = publication_chart(ds, "muttaqi_visit")
    assert artists(chart, "band:") == {}
    assert "no band is drawn" in chart.alt_text
    assert set(artists(chart, "pub:")) >= {"S35", "S39", "S40"}


def test_every_thread_at_once(ds):
    chart = publication_chart(ds, thread=None)
    assert "report on anything" in chart.alt_text
    assert "ev-kabul-trilateral" in artists(chart, "band:")


def test_description_without_rows_or_bands(ds):
    rows = publication_rows(ds).iloc[0:0]
    text = describe_publication(rows, event_bands(ds).iloc[0:0])
    assert text.startswith("Publication dates of 0 sources")
    assert "no band is drawn" in text
