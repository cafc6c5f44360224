"""Selections: by source or reliability (a copy counts as its original), and events by filters."""

from __future__ import annotations

import pytest

import pakafghan.select
import pakafghan.views
from pakafghan.select import (
    PRIMARY,
    SOURCE_CHOICES,
    filter_events,
    matching_events,
    original_of,
    reported_by,
    select,
    sources_by_status,
    sources_cited,
)
from pakafghan.views import events_view

#: The article and the sources that copy it (three sites, an aggregator, and the copy the notes
#: quote without naming it).
ARTICLE_IDS = {
    "article",
    "copy-unspecified",
    "copy-reportwire",
    "copy-newsanalysisindia",
    "copy-thechhattisgarh",
    "S18",
}


# --- select -----------------------------------------------------------------------------------


def test_article_only_keeps_only_article_rows_and_all_reference_tables(ds, article):
    copies = {s for s, o in original_of(ds).items() if o == PRIMARY}
    assert copies == ARTICLE_IDS
    for name in ("events", "event_actors", "claims"):
        assert set(article.tables[name]["source_id"]) <= copies
        assert len(article.tables[name]) > 0
        expected = ds.tables[name]["source_id"].isin(copies).sum()
        assert len(article.tables[name]) == expected
        assert article.tables[name].index.tolist() == list(range(expected))
    for name in ("sources", "actors", "places", "propositions"):
        assert article.tables[name] is ds.tables[name]


def test_a_copy_selects_with_its_original(ds):
    only = select(ds, sources=["article"])
    assert "copy-unspecified" in set(only.claims["source_id"])
    one = select(ds, sources=["S10"])
    assert set(one.events["source_id"]) == {"S10"}


def test_select_by_reliability_and_by_both(ds):
    partisan = set(ds.sources.loc[ds.sources["reliability"] == "partisan", "source_id"])
    assert partisan
    chosen = select(ds, reliability=["partisan"])
    assert set(chosen.claims["source_id"]) <= partisan and len(chosen.claims) > 0
    none = select(ds, reliability=["partisan"], sources=["article"])
    assert none.events.empty and none.claims.empty and none.event_actors.empty
    assert len(none.actors) == len(ds.actors)


def test_original_of_is_the_views_one():
    assert pakafghan.select.original_of is pakafghan.views.original_of


# --- matching_events and filter_events ---------------------------------------------------------


def test_source_choices():
    assert SOURCE_CHOICES == {"all": "all sources", "article": "the article only"}


def test_filter_by_sources_keeps_only_the_article_and_its_copies(ds, article, extra_events):
    extended = extra_events.add(ds, extra_events.held_s10)
    everything = filter_events(extended)
    only = filter_events(extended, sources="article")
    assert "ev-test-held" in set(everything["event_id"])
    assert "ev-test-held" not in set(only["event_id"])
    assert set(only["source_id"]) <= ARTICLE_IDS
    assert set(only["event_id"]) == set(article.events["event_id"])
    with pytest.raises(ValueError, match="sources must be one of all, article, not 'S10'"):
        filter_events(ds, sources="S10")


def test_filter_by_actor_uses_participations(ds):
    assert filter_events(ds, actors="wang-yi", sources="article")["event_id"].tolist() == [
        "ev-kabul-trilateral"
    ]
    pa = ds.event_actors
    expected = set(pa.loc[pa["actor_id"].isin(["khalilzad", "sassi"]), "event_id"])
    got = filter_events(ds, actors=["khalilzad", "sassi"])
    assert set(got["event_id"]) == expected
    assert {"ev-khalilzad-criticism", "ev-meeting-announced"} <= expected


def test_filter_by_event_type(ds):
    agree = filter_events(ds, event_types="AGREE")
    assert "ev-cpec-extension-agreed" in set(agree["event_id"])
    assert set(agree["event_type"].astype(str)) == {"AGREE"}
    both = filter_events(ds, event_types=["AGREE", "ACCUSE"])
    assert {"ev-cpec-extension-agreed", "ev-khalilzad-criticism"} <= set(both["event_id"])


def test_filter_by_dates_keeps_overlapping_ranges_and_undated_events(ds):
    day = filter_events(ds, start="2025-08-20", end="2025-08-20", sources="article")
    ids = set(day["event_id"])
    assert {"ev-kabul-trilateral", "ev-cpec-extension-agreed"} <= ids
    assert "ev-meeting-announced" not in ids
    assert "ev-khalilzad-criticism" in ids  # undated: cannot be placed, so not filtered out
    overlap = filter_events(ds, start="2025-08-26", end="2025-09-01", sources="article")
    assert "ev-meeting-announced" in set(overlap["event_id"])  # 25-26 Aug overlaps 26 Aug


def test_order_is_date_then_id_with_undated_last(ds, extra_events):
    events = filter_events(extra_events.add(ds, extra_events.held_s10, extra_events.postponed_s3))
    dated = events[events["date_earliest"].notna()]
    keys = list(zip(dated["date_earliest"], dated["event_id"], strict=True))
    assert keys == sorted(keys)
    assert events["date_earliest"].isna().tolist() == sorted(events["date_earliest"].isna())
    undated = events.loc[events["date_earliest"].isna(), "event_id"].tolist()
    assert undated == sorted(undated)
    only = filter_events(ds, sources="article")
    assert only.loc[:2, "event_id"].tolist() == [
        "ev-cpec-extension-agreed",
        "ev-kabul-trilateral",
        "ev-meeting-announced",
    ]


def test_filter_by_thread(ds):
    kabul = filter_events(ds, threads="kabul_trilateral")
    assert "ev-kabul-trilateral" in set(kabul["event_id"])
    assert set(kabul["thread"].astype(str)) == {"kabul_trilateral"}
    expected = ds.events["thread"].isin(["kabul_trilateral", "cpec"]).sum()
    assert len(filter_events(ds, threads=["kabul_trilateral", "cpec"])) == expected


def test_matching_events_keeps_the_stored_order_and_the_other_tables(ds, article):
    everything = matching_events(ds)
    assert everything.events is ds.events  # nothing filtered out: nothing copied
    assert everything.actors is ds.actors
    kabul = matching_events(ds, threads="kabul_trilateral", sources="article")
    stored = article.events[article.events["thread"] == "kabul_trilateral"]
    assert kabul.events["event_id"].tolist() == stored["event_id"].tolist()
    assert kabul.events.index.tolist() == list(range(len(stored)))
    assert len(kabul.claims) == len(article.claims)  # the article's, not every source's
    assert filter_events(ds, threads="cpec").equals(
        events_view(matching_events(ds, threads="cpec"))
    )


# --- reported_by, sources_by_status, sources_cited ---------------------------------------------


def test_reported_by_lists_one_sources_own_rows_by_date(ds):
    rows = reported_by(ds, "S10")
    stored = ds.events[ds.events["source_id"] == "S10"]
    assert set(rows["event_id"]) == set(stored["event_id"])
    assert list(rows.columns) == ["event_id", "date_text", "status", "title"]
    dated = events_view(ds)
    order = [e for e in dated["event_id"] if e in set(stored["event_id"])]
    assert rows["event_id"].tolist() == order
    assert rows["status"].map(type).eq(str).all()
    article = reported_by(ds, "article")
    assert set(article["event_id"]) == set(
        ds.events.loc[ds.events["source_id"] == "article", "event_id"]
    )
    with pytest.raises(ValueError, match="no source 'S999'"):
        reported_by(ds, "S999")


def test_sources_by_status_groups_the_sources_in_the_codebooks_order(ds):
    meeting = filter_events(ds, threads="islamabad_meeting", event_types="CONSULT")
    table = sources_by_status(meeting)
    order = [str(s) for s in ds.events["status"].cat.categories]
    assert table["status"].tolist() == [s for s in order if s in set(meeting["status"].astype(str))]
    for status, listed in zip(table["status"], table["sources"], strict=True):
        expected = set(meeting.loc[meeting["status"].astype(str) == status, "source_id"])
        assert set(listed.split(", ")) == expected
    planned = table.set_index("status").loc["planned", "sources"].split(", ")
    assert planned[0] == "article"  # the article first, then S3 before S10
    numbers = [int(s[1:]) for s in planned[1:]]
    assert numbers == sorted(numbers)


def test_sources_cited_include_the_reports_that_lend_years(ds, article):
    cited = sources_cited(article.events)
    assert cited[0] == "article"
    assert set(cited) == set(article.events["source_id"]) | set(
        article.events["year_source_id"].dropna()
    )
    meeting = filter_events(ds, threads="islamabad_meeting")
    both = sources_cited(article.events, meeting)
    assert set(cited) < set(both) and len(both) == len(set(both))
    assert sources_cited() == []
