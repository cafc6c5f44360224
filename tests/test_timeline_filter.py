"""The timeline filter widget, driven by setting its controls."""

from __future__ import annotations

import pandas as pd
import pytest

import pakafghan
from pakafghan.charts.timeline import filter_events
from pakafghan.load import Dataset
from pakafghan.select import article_only
from pakafghan.widgets.timeline_filter import timeline_filter, timeline_rows

TRILATERAL = "Trilateral meeting of the Afghan, Chinese and Pakistani foreign ministers in Kabul"
ISLAMABAD = "Meeting of Afghan opponents of the Taliban in Islamabad (as announced)"
KHALILZAD = "Khalilzad criticises Pakistan&#x27;s support for the meeting"


def with_s10_row(ds: Dataset) -> Dataset:
    """``ds`` plus an in-memory event citing S10, so the sources switch has something to hide."""
    events = ds.events
    row = events[events["event_id"] == "ev-meeting-announced"].assign(
        event_id="ev-test-s10",
        title="Test dialogue held",
        status="held",
        source_id="S10",
        date_text="Monday",
        date_earliest=pd.Timestamp("2025-09-29"),
        date_latest=pd.Timestamp("2025-09-30"),
        year_basis="stated",
        year_source_id=pd.NA,
        quote=pd.NA,
        note="test row",
    )
    out = pd.concat([events, row], ignore_index=True)
    for column in ("status", "year_basis"):
        out[column] = pd.Categorical(
            out[column].astype(object), categories=events[column].cat.categories
        )
    return Dataset(ds.data_dir, {**ds.tables, "events": out})


@pytest.fixture(scope="module")
def ds() -> Dataset:
    """The article's events plus one S10 test row (small charts keep the tests quick)."""
    full = pakafghan.load_dataset()
    article = set(article_only(full).events["event_id"])
    events = full.events[full.events["event_id"].isin(article)].reset_index(drop=True)
    return with_s10_row(Dataset(full.data_dir, {**full.tables, "events": events}))


def table_rows(html: str) -> list[str]:
    return html.split("<tbody>")[1].split("</tr>")[:-1]


def test_defaults_show_everything_from_all_sources(ds):
    w = timeline_filter(ds)
    assert w.state()["sources"] == "all"
    assert w.state()["actor"] == "all" and w.state()["event_type"] == "all"
    assert len(table_rows(w.html.value)) == len(ds.events)
    assert "Test dialogue held" in w.html.value
    assert w.html.value.startswith("<p><em>Chart:</em> Timeline of")
    assert bytes(w.image.value).startswith(b"\x89PNG")


def test_controls_offer_actors_in_events_types_present_and_the_dates(ds):
    w = timeline_filter(ds)
    actors = [value for _, value in w.controls["actor"].options]
    assert actors[0] == "all"
    assert set(actors[1:]) == set(ds.event_actors["actor_id"])
    types = [value for _, value in w.controls["event_type"].options]
    assert set(types[1:]) == set(ds.events["event_type"].dropna().astype(str))
    dates = [value for _, value in w.controls["dates"].options]
    assert dates == sorted(dates)
    assert {"2025-08-20", "2025-08-25", "2025-08-26", "2025-09-30"} <= set(dates)
    assert w.controls["dates"].value == (dates[0], dates[-1])


def test_sources_switch_hides_other_reports_and_changes_the_image(ds):
    w = timeline_filter(ds)
    before = w.image.value
    w.controls["sources"].value = "article"
    assert "Test dialogue held" not in w.html.value
    assert ISLAMABAD in w.html.value
    assert "(the article only)" in w.html.value
    assert w.image.value != before
    w.controls["sources"].value = "all"
    assert w.image.value == before  # deterministic: the same state draws the same bytes


def test_actor_filter(ds):
    w = timeline_filter(ds)
    before = w.image.value
    w.controls["actor"].value = "khalilzad"
    html = w.html.value
    pa = ds.event_actors
    expected = set(pa.loc[pa["actor_id"] == "khalilzad", "event_id"]) & set(ds.events["event_id"])
    assert "ev-khalilzad-criticism" in expected
    assert KHALILZAD in html
    assert TRILATERAL not in html
    assert len(table_rows(html)) == len(expected)
    assert w.image.value != before


def test_event_type_filter(ds):
    w = timeline_filter(ds)
    before = w.image.value
    w.controls["event_type"].value = "AGREE"
    rows = table_rows(w.html.value)
    assert len(rows) == int((ds.events["event_type"] == "AGREE").sum())
    assert any("Agreement on extending CPEC to Kabul, at the trilateral" in r for r in rows)
    assert not any(TRILATERAL in r for r in rows)
    assert w.image.value != before


def test_date_range_filter_keeps_undated_events_apart(ds):
    w = timeline_filter(ds)
    before = w.image.value
    w.controls["dates"].value = ("2025-08-20", "2025-08-20")
    html = w.html.value
    assert TRILATERAL in html
    assert ISLAMABAD not in html
    assert "Test dialogue held" not in html
    assert KHALILZAD in html  # undated in the source: kept, shown without a date
    assert "<td>(no date in the source)</td>" in html
    assert w.image.value != before


def test_table_columns_show_the_date_as_written_and_the_year_source(ds):
    w = timeline_filter(ds)
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


def test_timeline_rows_keep_the_order_of_the_events(ds):
    events = filter_events(ds)
    rows = timeline_rows(events, ds)
    assert rows["event_id"].tolist() == events["event_id"].tolist()


def test_a_hostile_title_is_shown_as_text(data_copy):
    data_copy.replace("events", TRILATERAL, "<script>alert(1)</script>")
    ds = pakafghan.load_dataset(data_copy.path)
    w = timeline_filter(ds)
    assert "<script>" not in w.html.value
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in w.html.value
    assert bytes(w.image.value).startswith(b"\x89PNG")


def test_repr_names_the_state(ds):
    w = timeline_filter(ds)
    assert repr(w).startswith("<Timeline filter widget: actor='all', event_type='all', dates=(")


def test_a_dated_row_without_words_for_its_date_says_so(ds):
    events = ds.events.copy()
    events.loc[events["event_id"] == "ev-test-s10", "date_text"] = pd.NA
    rows = timeline_rows(
        filter_events(Dataset(ds.data_dir, {**ds.tables, "events": events})),
        ds,
    ).set_index("event_id")
    assert rows.loc["ev-test-s10", "date_text"] == "(no date in the source's words)"
    assert rows.loc["ev-test-s10", "range"] == "2025-09-29 – 2025-09-30"
    assert rows.loc["ev-khalilzad-criticism", "date_text"] == "(no date in the source)"
    assert rows.loc["ev-khalilzad-criticism", "range"] == ""
