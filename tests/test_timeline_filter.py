"""The timeline filter widget, driven by setting its controls."""

from __future__ import annotations

import pandas as pd
import pytest

from pakafghan.charts import timeline_chart
from pakafghan.load import Dataset
from pakafghan.select import filter_events
from pakafghan.widgets.timeline_filter import (
    DEFAULT_DATES,
    REVERSED,
    date_stops,
    timeline_filter,
    timeline_rows,
)

TRILATERAL = "Trilateral meeting of the Afghan, Chinese and Pakistani foreign ministers in Kabul"
ISLAMABAD = "Meeting of Afghan opponents of the Taliban in Islamabad (as the article announces it)"
KHALILZAD = "Khalilzad criticises the meeting and what the article calls Pakistan&#x27;s support"
HELD = "Test meeting held"


@pytest.fixture(scope="module")
def small(ds, article, extra_events) -> Dataset:
    """The article's events plus one held meeting from S10 (small charts keep the tests quick),
    so the sources switch has something to hide."""
    events = ds.events[ds.events["event_id"].isin(set(article.events["event_id"]))]
    only_article = Dataset(ds.data_dir, {**ds.tables, "events": events.reset_index(drop=True)})
    small = extra_events.add(only_article, extra_events.held_s10)
    assert HELD in set(small.events["title"])
    return small


def table_rows(html: str) -> list[str]:
    return html.split("<tbody>")[1].split("</tr>")[:-1]


def test_defaults_show_everything_from_all_sources(small):
    w = timeline_filter(small)
    assert w.state()["sources"] == "all"
    assert w.state()["actor"] == "all" and w.state()["event_type"] == "all"
    assert len(table_rows(w.html.value)) == len(small.events)
    assert HELD in w.html.value
    assert w.html.value.startswith("<p><em>Chart:</em> Timeline of")
    # the chart as an <img> whose alt is its text alternative
    assert w.image.value == timeline_chart(small).img_html()


def test_controls_offer_actors_in_events_types_present_and_the_dates(small):
    w = timeline_filter(small)
    actors = [value for _, value in w.controls["actor"].options]
    assert actors[0] == "all"
    assert set(actors[1:]) == set(small.event_actors["actor_id"])
    types = [value for _, value in w.controls["event_type"].options]
    assert set(types[1:]) == set(small.events["event_type"].dropna().astype(str))
    dates = [value for _, value in w.controls["start"].options]
    assert dates == sorted(dates) and len(dates) == len(set(dates))
    assert w.controls["end"].options == w.controls["start"].options
    start_end = (w.controls["start"].value, w.controls["end"].value)
    assert start_end == DEFAULT_DATES == ("2025-08-01", "2025-10-31")


def test_every_control_is_a_dropdown_labelled_by_its_description(small):
    """Dropdowns only: ipywidgets ties their label to the <select> (range sliders and toggle
    buttons get no accessible name); tests/browser/test_keyboard.py checks it in a browser."""
    w = timeline_filter(small)
    kinds = {name: type(c).__name__ for name, c in w.controls.items()}
    assert set(kinds.values()) == {"Dropdown"}, kinds
    labels = [c.description for c in w.controls.values()]
    assert labels == ["Actor", "Event type", "From", "To", "Sources"]


def test_the_dates_move_in_even_steps_around_their_starting_range(ds):
    """About a week a step, so Aug-Sep 2025 is not crowded (review item 4.4); its ends reach
    every date in the data."""
    stops = date_stops(ds)
    days = [pd.Timestamp(value) for _, value in stops]
    known = pd.concat([ds.events["date_earliest"], ds.events["date_latest"]]).dropna()
    assert days[0] == known.min() and days[-1] == max(known.max(), pd.Timestamp("2025-12-31"))
    assert stops[0][0].endswith("(earliest)")
    inner = [d for d in days if pd.Timestamp("2025-06-01") <= d <= pd.Timestamp("2025-12-31")]
    assert inner[0] == pd.Timestamp("2025-06-01") and inner[-1] == pd.Timestamp("2025-12-31")
    assert len(days) - len(inner) <= 2  # beyond the weekly stops, only the data's two ends
    if known.max() > inner[-1]:
        assert stops[-1][0].endswith("(latest)")
    for a, b in zip(inner, inner[1:], strict=False):
        step = (b - a).days
        # a week or so, or from a month's last day to the next month's first
        assert 6 <= step <= 9 or (step == 1 and b.day == 1), (a, b)
    august = [value for _, value in stops if value.startswith("2025-08")]
    assert august == ["2025-08-01", "2025-08-08", "2025-08-15", "2025-08-22", "2025-08-31"]
    assert ("1 Aug 2025", "2025-08-01") in stops
    assert len(stops) < 40


def test_the_starting_range_is_an_argument(ds):
    w = timeline_filter(ds, dates=("2025-10-01", "2026-04-30"))
    assert w.state()["start"] == "2025-10-01" and w.state()["end"] == "2026-04-30"
    values = [value for _, value in w.controls["start"].options]
    assert values[1] == "2025-08-01" and "2026-06-30" in values
    odd = timeline_filter(ds, dates=("2025-08-20", "2025-08-26"))
    assert (odd.state()["start"], odd.state()["end"]) == ("2025-08-20", "2025-08-26")  # stops
    with pytest.raises(ValueError, match="ends before it starts"):
        date_stops(ds, ("2025-10-31", "2025-08-01"))


def test_sources_switch_hides_other_reports_and_changes_the_image(small):
    w = timeline_filter(small)
    before = w.image.value
    w.controls["sources"].value = "article"
    assert HELD not in w.html.value
    assert ISLAMABAD in w.html.value
    assert "(the article only)" in w.html.value
    assert w.image.value != before
    w.controls["sources"].value = "all"
    assert w.image.value == before  # deterministic: the same state draws the same bytes


def test_actor_filter(small):
    w = timeline_filter(small)
    before = w.image.value
    w.controls["actor"].value = "khalilzad"
    html = w.html.value
    pa = small.event_actors
    expected = set(pa.loc[pa["actor_id"] == "khalilzad", "event_id"]) & set(
        small.events["event_id"]
    )
    assert "ev-khalilzad-criticism" in expected
    assert KHALILZAD in html
    assert TRILATERAL not in html
    assert len(table_rows(html)) == len(expected)
    assert w.image.value != before


def test_event_type_filter(small):
    w = timeline_filter(small)
    before = w.image.value
    w.controls["event_type"].value = "AGREE"
    rows = table_rows(w.html.value)
    assert len(rows) == int((small.events["event_type"] == "AGREE").sum())
    assert any(
        "CPEC extension at the Kabul trilateral (the article&#x27;s account" in r for r in rows
    )
    assert not any(TRILATERAL in r for r in rows)
    assert w.image.value != before


def test_date_range_filter_keeps_undated_events_apart(small):
    w = timeline_filter(small)
    before = w.image.value
    w.controls["start"].value = "2025-08-15"
    w.controls["end"].value = "2025-08-22"
    html = w.html.value
    assert TRILATERAL in html
    assert ISLAMABAD not in html
    assert HELD not in html
    assert KHALILZAD in html  # undated in the source: kept, shown without a date
    assert "<td>(no date in the source)</td>" in html
    assert w.image.value != before
    assert "before “From”" not in html


def test_to_before_from_says_so_and_keeps_only_undated_events(small):
    w = timeline_filter(small)
    w.controls["end"].value = "2025-08-08"
    w.controls["start"].value = "2025-08-15"
    html = w.html.value
    assert html.startswith("<p><strong>“To” is before “From”") and REVERSED in w.html.value
    assert TRILATERAL not in html and KHALILZAD in html
    w.controls["start"].value = "2025-08-01"
    assert REVERSED not in w.html.value


def test_table_columns_show_the_date_as_written_and_the_year_source(small):
    w = timeline_filter(small)
    w.controls["sources"].value = "article"
    row = next(r for r in table_rows(w.html.value) if ISLAMABAD in r)
    cells = [c.removeprefix("<tr>").removeprefix("<td>") for c in row.split("</td>")][:-1]
    assert cells == [
        "August 25th and 26th",
        "2025-08-25 – 2025-08-26",
        "days",
        "inferred from S1: New Indian Express",
        "planned",
        ISLAMABAD,
        "article: Unknown (syndicated text)",
    ]
    headers = w.html.value.split("<thead>")[1].split("</thead>")[0]
    assert "Date as written" in headers and "Year" in headers and "Source" in headers


def test_timeline_rows_keep_the_order_of_the_events(small):
    events = filter_events(small)
    rows = timeline_rows(events, small)
    assert rows["event_id"].tolist() == events["event_id"].tolist()


def test_a_hostile_title_is_shown_as_text(data_copy, hostile):
    data_copy.set_cell("events", "ev-kabul-trilateral", "title", hostile.text)
    w = timeline_filter(data_copy.load())
    hostile.assert_inert(w.html.value)
    assert f"<td>{hostile.html}</td>" in w.html.value
    assert w.image.value.startswith('<img src="data:image/png;base64,iVBORw0KGgo')


def test_repr_names_the_state(small):
    w = timeline_filter(small)
    assert repr(w) == (
        "<Timeline filter widget: actor='all', event_type='all', start='2025-08-01', "
        "end='2025-10-31', sources='all'>"
    )


def test_a_dated_row_without_words_for_its_date_says_so(small):
    events = small.events.copy()
    events.loc[events["event_id"] == "ev-test-held", "date_text"] = pd.NA
    rows = timeline_rows(
        filter_events(Dataset(small.data_dir, {**small.tables, "events": events})),
        small,
    ).set_index("event_id")
    assert rows.loc["ev-test-held", "date_text"] == "(no date in the source's words)"
    assert rows.loc["ev-test-held", "range"] == "2025-09-29 – 2025-09-30"
    assert rows.loc["ev-khalilzad-criticism", "date_text"] == "(no date in the source)"
    assert rows.loc["ev-khalilzad-criticism", "range"] == ""
