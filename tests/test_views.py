"""Joined views with names instead of ids, and the small lookups they share."""

from __future__ import annotations

import pandas as pd
import pytest

from pakafghan.views import (
    actor_names,
    claims_view,
    events_view,
    first_published,
    original_of,
    outlet_profiles,
    participations_view,
    publisher_names,
    rows_citing,
)


def test_claims_view_has_names_and_keeps_every_claim(ds):
    view = claims_view(ds)
    assert len(view) == len(ds.claims)
    assert view["claimant"].notna().all()
    assert view["statement"].notna().all()
    assert view["publisher"].notna().all()
    keys = list(zip(view["proposition_id"], view["claim_id"], strict=True))
    assert keys == sorted(keys)
    row = view.set_index("claim_id").loc["cl-019"]
    assert (row["claimant"], row["claimant_kind"], row["stance"]) == (
        "Taliban",
        "de_facto_authority",
        "denies",
    )


def test_participations_and_events_views_keep_every_row(ds):
    parts = participations_view(ds)
    assert len(parts) == len(ds.event_actors)
    assert parts["name"].notna().all() and parts["title"].notna().all()
    view = events_view(ds)
    assert len(view) == len(ds.events)
    dated = view["date_earliest"].dropna()
    assert dated.is_monotonic_increasing
    assert view["date_earliest"].isna().tolist() == sorted(view["date_earliest"].isna())
    trilateral = view.set_index("event_id").loc["ev-kabul-trilateral"]
    assert trilateral["place"] == "Kabul"


def test_every_view_says_which_source_each_row_counts_as(ds):
    originals = original_of(ds)
    copied = 0
    for view in (claims_view(ds), participations_view(ds), events_view(ds)):
        assert (view["original"] == view["source_id"].map(originals)).all()
        copies = view[view["copy_of"].notna()]
        copied += len(copies)
        assert (copies["original"] == copies["copy_of"]).all()
        originals_only = view[view["copy_of"].isna()]
        assert (originals_only["original"] == originals_only["source_id"]).all()
    assert copied > 0


def test_lookups(ds):
    assert actor_names(ds)["khalilzad"] == "Zalmay Khalilzad"
    assert len(actor_names(ds)) == len(ds.actors)
    assert publisher_names(ds)["S10"] == "Press Trust of India (via NewsDrum)"
    assert len(publisher_names(ds)) == len(ds.sources)


def test_copies_count_as_the_article(ds):
    originals = original_of(ds)
    assert originals["copy-reportwire"] == "article"
    assert originals["S1"] == "S1"
    assert set(originals) == set(ds.sources["source_id"])
    assert set(originals.values()) <= set(ds.sources["source_id"])


def test_first_published_is_the_earliest_day_else_the_latest():
    sources = pd.DataFrame(
        {
            "published_earliest": pd.to_datetime(["2025-08-22", None, None]),
            "published_latest": pd.to_datetime(["2025-08-24", "2025-08-30", None]),
        }
    )
    first = first_published(sources)
    assert first.tolist()[:2] == [pd.Timestamp("2025-08-22"), pd.Timestamp("2025-08-30")]
    assert pd.isna(first.iloc[2])


def test_outlet_profiles_give_where_and_who_owns_in_the_order_asked(ds):
    every = outlet_profiles(ds)
    assert len(every) == len(ds.sources)
    assert list(every.columns) == [
        "source_id",
        "publisher",
        "outlet_country",
        "ownership",
        "ownership_note",
    ]
    some = outlet_profiles(ds, ["S58", "S10"])
    assert some["source_id"].tolist() == ["S58", "S10"]
    assert some["ownership"].astype(str).tolist() == ["state_owned", "private"]
    with pytest.raises(KeyError, match="no source S999"):
        outlet_profiles(ds, ["S999"])


def test_rows_citing_lists_every_row_of_one_source(ds):
    rows = rows_citing(ds, "S3")
    expected = sum(
        int((t["source_id"] == "S3").sum()) for t in (ds.events, ds.event_actors, ds.claims)
    )
    assert len(rows) == expected > 0
    assert list(rows.columns) == ["table", "row_id", "about", "quote", "note"]
    assert rows["about"].notna().all()
    postponed = rows.set_index("row_id").loc["ev-meeting-postponed"]
    assert postponed["table"] == "event"
    assert postponed["about"] == "Postponement of the Islamabad meeting announced"
    role = rows.set_index("row_id").loc["pa-035", "about"]
    assert role.endswith("(postponer): Postponement of the Islamabad meeting announced")
    with pytest.raises(KeyError, match="no source S999"):
        rows_citing(ds, "S999")
