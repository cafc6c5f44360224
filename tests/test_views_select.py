"""Joined views and selections by source."""

from __future__ import annotations

import pakafghan
from pakafghan.select import article_only, original_of, select
from pakafghan.views import actor_names, claims_view, events_view, participations_view


def test_claims_view_has_names_and_keeps_every_claim():
    ds = pakafghan.load_dataset()
    view = claims_view(ds)
    assert len(view) == len(ds.claims)
    assert view["claimant"].notna().all()
    assert view["statement"].notna().all()
    assert view["publisher"].notna().all()


def test_participations_and_events_views_keep_every_row():
    ds = pakafghan.load_dataset()
    assert len(participations_view(ds)) == len(ds.event_actors)
    view = events_view(ds)
    assert len(view) == len(ds.events)
    dated = view["date_earliest"].dropna()
    assert dated.is_monotonic_increasing


def test_actor_names():
    assert actor_names(pakafghan.load_dataset())["khalilzad"] == "Zalmay Khalilzad"


def test_copies_count_as_the_article():
    ds = pakafghan.load_dataset()
    originals = original_of(ds)
    assert originals["copy-reportwire"] == "article"
    assert originals["S1"] == "S1"


def test_article_only_keeps_only_article_rows_and_all_reference_tables():
    ds = pakafghan.load_dataset()
    only = article_only(ds)
    for name in ("events", "event_actors", "claims"):
        assert set(only.tables[name]["source_id"]) <= {
            "article",
            *[s for s, o in original_of(ds).items() if o == "article"],
        }
        assert len(only.tables[name]) > 0
    assert len(only.actors) == len(ds.actors)


def test_select_by_reliability():
    ds = pakafghan.load_dataset()
    none = select(ds, reliability=["partisan"], sources=["article"])
    assert none.events.empty
