"""When each source was published, against the events it reports on: which sources, which
bands, and before / around / after."""

from __future__ import annotations

import pandas as pd
import pytest

from pakafghan.select import filter_events
from pakafghan.timing import (
    DATE_FIELDS,
    TIMING,
    accounts,
    days_between,
    event_bands,
    event_dates,
    publication_rows,
    relative_timing,
    report_dates,
    when_published,
    year_basis_of,
)
from pakafghan.views import first_published

T = pd.Timestamp


def test_rows_are_the_sources_reporting_on_the_thread_in_date_order(ds):
    rows = publication_rows(ds, "islamabad_meeting")
    events = ds.events[ds.events["thread"] == "islamabad_meeting"]
    assert set(events["source_id"]) <= set(rows["source_id"])
    assert {"article", "S1", "S9", "S10", "S11", "copy-unspecified"} <= set(rows["source_id"])
    assert "S43" not in set(rows["source_id"])  # reports only the Kabul trilateral
    first = rows["published_earliest"].fillna(rows["published_latest"])
    dated = first.dropna().tolist()
    assert dated == sorted(dated)
    assert first.iloc[len(dated) :].isna().all()
    assert list(rows.columns) == list(ds.sources.columns)
    everything = publication_rows(ds, None)
    assert set(rows["source_id"]) < set(everything["source_id"])
    with pytest.raises(ValueError, match="no thread 'no_such_thread'; threads: islamabad_meeting"):
        publication_rows(ds, "no_such_thread")


def test_a_source_reports_on_a_thread_through_events_participations_or_claims(ds):
    thread = "islamabad_meeting"
    ids = set(ds.events.loc[ds.events["thread"] == thread, "event_id"])
    cited = set(ds.events.loc[ds.events["event_id"].isin(ids), "source_id"])
    cited |= set(ds.event_actors.loc[ds.event_actors["event_id"].isin(ids), "source_id"])
    about = ds.propositions.loc[ds.propositions["event_id"].isin(ids), "proposition_id"]
    cited |= set(ds.claims.loc[ds.claims["proposition_id"].isin(about), "source_id"])
    assert set(publication_rows(ds, thread)["source_id"]) == cited
    assert set(publication_rows(ds, None)["source_id"]) == (
        set(ds.events["source_id"])
        | set(ds.event_actors["source_id"])
        | set(ds.claims["source_id"])
    )


def test_bands_are_the_articles_events_and_what_became_of_them(ds):
    bands = event_bands(ds, "islamabad_meeting").set_index("event_id")
    assert bands.loc["ev-meeting-announced", "status"] == "planned"
    assert bands.loc["ev-meeting-announced", "source_id"] == "article"
    assert bands.loc["ev-meeting-held", "source_id"] == "S11"  # reported after it was over
    assert bands.loc["ev-meeting-postponed", "status"] == "postponed"
    # other reports' plans are not bands; undated events cannot be
    assert "ev-meeting-rescheduled" not in bands.index
    assert "ev-naeem-warning" not in bands.index
    assert set(bands.loc[bands["source_id"] != "article", "status"]) <= {"held", "postponed"}
    dates = bands["date_earliest"].tolist()
    assert dates == sorted(dates)
    assert bands["date_earliest"].notna().all()


def test_a_thread_without_dated_article_events_has_no_bands(ds):
    assert event_bands(ds, "muttaqi_visit").empty
    with pytest.raises(ValueError, match="no thread"):
        event_bands(ds, "no_such_thread")


def test_every_thread_at_once(ds):
    bands = event_bands(ds, None)
    assert "ev-kabul-trilateral" in set(bands["event_id"])
    assert set(event_bands(ds)["event_id"]) < set(bands["event_id"])


def test_relative_timing():
    assert TIMING == ("before", "around", "after")
    start, end = T("2025-08-25"), T("2025-08-26")
    assert relative_timing(T("2025-08-22"), T("2025-08-24"), start, end) == "before"
    assert relative_timing(T("2025-08-27"), T("2025-08-27"), start, end) == "after"
    assert relative_timing(T("2025-08-20"), T("2025-08-25"), start, end) == "around"
    assert relative_timing(T("2025-08-26"), T("2025-08-26"), start, end) == "around"
    assert relative_timing(pd.NaT, T("2025-08-20"), start, end) == "before"
    assert relative_timing(T("2025-08-01"), pd.NaT, start, end) == "around"
    assert relative_timing(pd.NaT, pd.NaT, start, end) == "around"


def test_first_published_falls_back_to_the_latest_day(ds):
    sources = ds.sources.set_index("source_id")
    first = first_published(sources)
    only_latest = sources["published_earliest"].isna() & sources["published_latest"].notna()
    assert only_latest.any()
    assert (first[only_latest] == sources.loc[only_latest, "published_latest"]).all()
    assert first["article"] == T("2025-08-22")


# --- the date tables the lessons show --------------------------------------------------------


def test_event_dates_keep_the_three_ways_of_a_date_in_the_order_asked(ds):
    ids = ["ev-meeting-rescheduled", "ev-kabul-trilateral"]
    rows = event_dates(ds, ids)
    assert rows["event_id"].tolist() == ids
    assert list(rows.columns) == DATE_FIELDS
    events = ds.events.set_index("event_id")
    for _, row in rows.iterrows():
        stored = events.loc[row["event_id"]]
        assert row["date_text"] == stored["date_text"]
        assert row["date_earliest"] == stored["date_earliest"]
        assert row["date_precision"] == stored["date_precision"]
    assert len(event_dates(ds)) == len(ds.events)
    assert event_dates(ds, "ev-kabul-trilateral")["event_id"].tolist() == ["ev-kabul-trilateral"]
    with pytest.raises(ValueError, match="no event 'ev-nothing'"):
        event_dates(ds, ["ev-nothing"])


def test_year_basis_names_the_report_that_lends_an_inferred_year(ds, article):
    rows = year_basis_of(article).set_index("event_id")
    events = article.events.set_index("event_id")
    assert set(rows.index) == set(events.index)
    sources = ds.sources.set_index("source_id")
    for event_id, row in rows.iterrows():
        assert row["year_basis"] == events.loc[event_id, "year_basis"]
        if row["year_basis"] == "inferred":
            lender = events.loc[event_id, "year_source_id"]
            assert row["year_source_id"] == lender
            assert row["year_source"] == sources.loc[lender, "publisher"]
            assert row["year_source_published"] == sources.loc[lender, "published_text"]
        else:
            assert row["year_source_id"] == row["year_source"] == ""
    assert (rows["year_basis"] == "inferred").any() and (rows["year_basis"] == "none").any()


def test_report_dates_put_the_date_as_written_beside_the_reports_publication(ds):
    rows = report_dates(ds, ["ev-meeting-dates-s20", "ev-unsc-isil-briefing"])
    assert rows["source_id"].tolist() == ["S20", "S25"]
    sources = ds.sources.set_index("source_id")
    assert rows["published_text"].tolist() == [
        sources.loc["S20", "published_text"],
        sources.loc["S25", "published_text"],
    ]
    assert rows["publisher"].tolist() == [sources.loc[s, "publisher"] for s in ("S20", "S25")]


def test_when_published_keeps_the_order_asked_and_refuses_unknown_sources(ds):
    rows = when_published(ds, ["S10", "article"])
    assert rows["source_id"].tolist() == ["S10", "article"]
    assert list(rows.columns) == [
        "source_id",
        "publisher",
        "title",
        "published_text",
        "reliability",
    ]
    assert rows.loc[0, "published_text"] == "29 Sep 2025"
    assert when_published(ds, "S10").equals(when_published(ds, ["S10"]))
    with pytest.raises(ValueError, match="no source 'S999'"):
        when_published(ds, ["S999"])


def test_accounts_show_each_reports_version_in_the_order_given(ds):
    meeting = filter_events(ds, threads="islamabad_meeting", event_types="CONSULT")
    rows = accounts(meeting)
    assert rows["source_id"].tolist() == meeting["source_id"].tolist()
    assert list(rows.columns) == ["source_id", "publisher", "published_text", "date_text", "status"]
    assert {"article", "S3", "S10", "S11"} <= set(rows["source_id"])


def test_days_between_counts_from_first_day_to_first_day(ds):
    assert days_between(ds, "ev-pta-signed", "ev-pta-in-force") == 9
    assert days_between(ds, "ev-pta-in-force", "ev-pta-signed") == -9
    assert days_between(ds, "ev-meeting-announced", "ev-meeting-announced") == 0
    with pytest.raises(ValueError, match="ev-khalilzad-criticism has no date"):
        days_between(ds, "ev-kabul-trilateral", "ev-khalilzad-criticism")
